"""branding.brand_text: a hint, a toast or a dialog pleading for WeChat's login as the app's own step.

A page's hint above its own authorize button (登录前需要通过微信授权读取你的头像) and a toast telling a logged-out
user to log in with WeChat (请先使用微信授权登录) name the app's login WeChat's, as a 微信登录 button would. A plea that
goes on to something else only mentions the login; 微信 naming where data comes from (微信头像), a log line and a
plea that was already there stay silent.
"""

from __future__ import annotations

import pytest

from conftest import MINIMAL_APP, Repo
from helpers import run
from mp_precheck.readers.textsignals import signals


def _brand(repo: Repo, base: str) -> set[tuple[str, int]]:
    return {(f.path, f.line) for f in run(repo.path, base).findings if f.rule == "branding.brand_text"}


def _changed(tmp_path, files_before: dict[str, str], files_after: dict[str, str]) -> tuple[Repo, str]:
    repo = Repo(tmp_path / "repo")
    repo.write_files({**MINIMAL_APP, **files_before})
    base = repo.commit("base")
    repo.write_files(files_after)
    repo.commit("change")
    return repo, base


@pytest.mark.parametrize("text", ["您尚未登录，请先用微信授权登录", "请先进行微信登录！", "需要通过微信登录读取您的手机号",
                                  "请您使用微信一键登录", "登录前需要通过微信授权获取你的头像"])
def test_a_plea_for_wechat_login_off_a_control_is_brand_use(text):
    assert "brand" in signals(text)
    assert "brand" not in signals(text, brand_allow=(text,))


@pytest.mark.parametrize("text", ["请先用微信授权后浏览商品", "请先登录微信再扫码", "需要获取你的微信昵称", "请在微信中打开",
                                  "请输入微信号", "需要使用微信头像", "请先绑定微信号"])
def test_a_plea_that_goes_on_or_names_only_wechat_data_is_none(text):
    assert "brand" not in signals(text)


_PAGE = '<view class="form">\n  <view class="tip">HINT</view>\n  <button open-type="getUserInfo">授权</button>\n</view>\n'


def test_a_hint_above_the_authorize_button_pleading_for_wechat_authorization(tmp_path):
    repo, base = _changed(tmp_path, {}, {"pages/me/me.wxml": _PAGE.replace("HINT", "登录前需要通过微信授权获取你的头像")})
    assert _brand(repo, base) == {("pages/me/me.wxml", 2)}


def test_a_hint_naming_only_the_wechat_avatar_stays_silent(tmp_path):
    repo, base = _changed(tmp_path, {}, {"pages/me/me.wxml": _PAGE.replace("HINT", "将使用你的微信头像作为默认头像")})
    assert _brand(repo, base) == set()


def test_the_same_hint_only_re_indented_stays_silent(tmp_path):
    hint = _PAGE.replace("HINT", "登录前需要通过微信授权获取你的头像")
    repo, base = _changed(tmp_path, {"pages/me/me.wxml": hint}, {"pages/me/me.wxml": hint.replace("  <", "    <")})
    assert _brand(repo, base) == set()


_SCRIPT = """import { notifyUser } from '../../utils/notify'
Page({
  order() {
    if (!wx.getStorageSync('session')) {
      CALL
      return
    }
  }
})
"""
_NOTIFY = "export function notifyUser(text) { wx.showToast({ title: text, icon: 'none' }) }\n"


@pytest.mark.parametrize("call", ["wx.showToast({ title: '请先使用微信授权登录', icon: 'none' })",
                                  "notifyUser('请先使用微信授权登录')",
                                  "wx.showModal({ title: '提示', content: '请先使用微信授权登录', showCancel: false })"])
def test_a_toast_or_dialog_pleading_for_wechat_login(tmp_path, call):
    repo, base = _changed(tmp_path, {"utils/notify.js": _NOTIFY},
                          {"pages/index/index.js": _SCRIPT.replace("CALL", call)})
    assert _brand(repo, base) == {("pages/index/index.js", 5)}


@pytest.mark.parametrize("call", ["console.log('请先使用微信授权登录')", "notifyUser('微信授权登录失败')",
                                  "this.setData({ mode: '请先使用微信授权登录' })"])
def test_a_log_line_an_outcome_or_data_of_no_shown_place_stays_silent(tmp_path, call):
    repo, base = _changed(tmp_path, {"utils/notify.js": _NOTIFY},
                          {"pages/index/index.js": _SCRIPT.replace("CALL", call)})
    assert _brand(repo, base) == set()
