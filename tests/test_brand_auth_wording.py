"""branding.brand_text: WeChat-authorization wording on a control, on a menu entry and in a message constant.

A button labelled 授权微信用户信息 / 获取微信授权信息 dresses the app's profile request in WeChat's name; a menu
entry "# 微信授权登录" is the same label behind a marker; a sentence kept under a message's name
(``MESSAGE_AUTH``) is shown as a screen's text, where a plea to confirm WeChat's authorization poses as
WeChat's permission dialog. A dialog reporting that a WeChat service failed (微信认证不可用) names the
service and claims nothing.
"""

from __future__ import annotations

import pytest

from conftest import MINIMAL_APP, Repo
from helpers import run
from mp_precheck.readers.textsignals import signals


def _brand(repo: Repo, base: str) -> set[tuple[str, int]]:
    return {(f.path, f.line) for f in run(repo.path, base).findings if f.rule == "branding.brand_text"}


def _changed(tmp_path, path: str, before: str, after: str, extra: dict[str, str] | None = None) -> tuple[Repo, str]:
    repo = Repo(tmp_path / "repo")
    repo.write_files({**MINIMAL_APP, **(extra or {}), path: before})
    base = repo.commit("base")
    repo.write(path, after)
    repo.commit("change")
    return repo, base


@pytest.mark.parametrize("label", ["授权微信用户信息", "获取微信授权信息"])
def test_a_profile_button_named_for_wechat_authorization(tmp_path, label):
    page = '<view class="auth">\n  <button bindtap="getProfile">LABEL</button>\n</view>\n'
    repo, base = _changed(tmp_path, "pages/index/index.wxml", page.replace("LABEL", "授权"),
                          page.replace("LABEL", label))
    assert _brand(repo, base) == {("pages/index/index.wxml", 2)}


def test_a_menu_entry_behind_a_marker_is_the_label_it_shows(tmp_path):
    page = '<view class="menu">\n  <view bindtap="open"># ENTRY</view>\n</view>\n'
    repo, base = _changed(tmp_path, "pages/index/index.wxml", page.replace("ENTRY", "请求"),
                          page.replace("ENTRY", "微信授权登录"))
    assert _brand(repo, base) == {("pages/index/index.wxml", 2)}


def test_a_message_constant_pleading_for_wechat_authorization(tmp_path):
    text = "export const MESSAGE_ERROR = '服务出现问题'\nexport const MESSAGE_AUTH = 'TEXT'\n"
    repo, base = _changed(tmp_path, "constants/message.js", text.replace("TEXT", "欢迎使用"),
                          text.replace("TEXT", "为提供安全且愉悦的使用体验，需要你进行确认微信授权"))
    assert _brand(repo, base) == {("constants/message.js", 2)}


def test_the_same_plea_in_a_string_of_no_message_name_stays_a_possible_label(tmp_path):
    text = "export const AUTH = 'TEXT'\n"
    repo, base = _changed(tmp_path, "constants/message.js", text.replace("TEXT", "欢迎使用"),
                          text.replace("TEXT", "需要你进行确认微信授权"))
    assert _brand(repo, base) == set()


def test_a_dialog_reporting_a_wechat_service_failed_claims_nothing(tmp_path):
    script = "Page({ fail() { wx.showModal({ title: 'TITLE', content: '请尝试上传身份证认证' }) } })\n"
    repo, base = _changed(tmp_path, "pages/index/index.js", script.replace("TITLE", "提示"),
                          script.replace("TITLE", "微信认证不可用"))
    assert _brand(repo, base) == set()


@pytest.mark.parametrize("text", ["微信认证商家", "微信官方认证", "腾讯官方出品"])
def test_a_claim_without_an_outcome_is_still_one(text):
    assert "brand" in signals(text)


@pytest.mark.parametrize("text", ["获取微信头像", "授权后获取信息", "微信用户信息"])
def test_wording_that_names_no_wechat_login_control_is_no_label(text):
    assert "brand" not in signals(text, label=True)
