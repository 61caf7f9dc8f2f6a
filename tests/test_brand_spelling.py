"""branding.brand_text read in every spelling of its words: 登入 (a common variant of 登录) and 登陆 (its usual typo)
name the same login, and a space between Chinese characters (a full-width one, 微信　授权) splits no word; an allowed
phrase (微信支付) is allowed however it is spaced. Without WeChat's name, or as an outcome, the same words stay silent."""

from __future__ import annotations

import pytest

from conftest import MINIMAL_APP, Repo
from helpers import run
from mp_precheck.readers.textsignals import signals


@pytest.mark.parametrize("text", ["微信登入后才可以下单", "微信授权登陆", "微信　授权", "请先授权微信登入"])
def test_a_wechat_authorization_heading_gate_or_plea_in_any_spelling_is_brand_use(text):
    assert "brand" in signals(text)


@pytest.mark.parametrize("label", ["微信一键登入", "微信快捷登陆", "微信　登录"])
def test_a_wechat_login_label_in_any_spelling_is_brand_use(label):
    assert "brand" in signals(label, label=True)


@pytest.mark.parametrize("text", ["账号登入", "登入成功", "微信登入失败", "请先登入", "完成微信授权后查看订单"])
def test_a_login_without_wechat_or_an_outcome_stays_silent(text):
    assert "brand" not in signals(text)


def test_an_allowed_phrase_spaced_with_a_full_width_space_is_still_allowed():
    assert "brand" not in signals("微信　支付", title=True)
    assert "brand" in signals("微信　商城", title=True)


def _brand(tmp_path, before: str, after: str) -> set[tuple[str, int]]:
    repo = Repo(tmp_path / "repo")
    repo.write_files({**MINIMAL_APP, "pages/index/index.wxml": before})
    base = repo.commit("base")
    repo.write("pages/index/index.wxml", after)
    repo.commit("a dialog")
    return {(f.path, f.line) for f in run(repo.path, base).findings if f.rule == "branding.brand_text"}


DIALOG = '<view class="page">\n  <view wx:if="{{ask}}" class="dialog">\n    <view class="head">\n      TITLE\n' \
         '    </view>\n    <button bindtap="agree">同意</button>\n  </view>\n</view>\n'


def test_a_dialog_gating_on_wechat_login_with_the_variant_fires(tmp_path):
    assert _brand(tmp_path, "<view class=\"page\"/>\n", DIALOG.replace("TITLE", "微信登入后才能查看订单")) == \
        {("pages/index/index.wxml", 4)}


def test_a_dialog_titled_with_the_variant_but_no_wechat_stays_silent(tmp_path):
    assert _brand(tmp_path, "<view class=\"page\"/>\n", DIALOG.replace("TITLE", "账号登入后才能查看订单")) == set()
