"""branding.brand_text on a WeChat login heading or label while the login runs: 正在微信登录, 微信授权中… on a page
is the 微信登录 / 微信授权 wording with the words of progress around it. A login under way without WeChat's name,
an outcome, and a loading indicator or a string in code (progress reported, not the page's heading) stay silent."""

from __future__ import annotations

import pytest

from conftest import MINIMAL_APP, Repo
from helpers import run
from mp_precheck.readers.textsignals import signals


@pytest.mark.parametrize("text", ["正在微信登录", "微信授权中…", "WeChat 授权中 . . .", "正在微信授权，请稍候"])
def test_a_wechat_login_under_way_on_the_page_is_brand_use(text):
    assert "brand" in signals(text)


@pytest.mark.parametrize("text", ["正在登录", "账号授权中...", "微信好友邀请中…", "微信支付中…", "正在加载中"])
def test_progress_without_a_wechat_login_stays_silent(text):
    assert "brand" not in signals(text)


def test_a_loading_toast_in_code_reports_progress_only():
    assert "brand" not in signals("正在微信登录", script=True)
    assert "brand" not in signals("微信授权中…", script=True)


def _brand(tmp_path, wxml: str, js: str = "Page({})\n") -> set[tuple[str, int]]:
    repo = Repo(tmp_path / "repo")
    repo.write_files(MINIMAL_APP)
    base = repo.commit("base")
    repo.write_files({"pages/me/me.wxml": wxml, "pages/me/me.js": js})
    repo.commit("a login status")
    return {(f.path, f.line) for f in run(repo.path, base).findings if f.rule == "branding.brand_text"}


def test_a_status_line_of_a_wechat_login_under_way_fires(tmp_path):
    wxml = '<view class="card">\n  <image src="/img/spin.gif"/>\n  <view class="status">正在微信授权…</view>\n</view>\n'
    assert _brand(tmp_path, wxml) == {("pages/me/me.wxml", 3)}


def test_a_status_line_without_wechat_and_a_loading_toast_stay_silent(tmp_path):
    wxml = '<view class="card">\n  <view class="status">正在登录…</view>\n</view>\n'
    js = ("Page({\n  data: { tip: '' },\n  onLoad() {\n    wx.showLoading({ title: '微信登录中...' })\n"
          "    this.setData({ tip: '微信授权中…' })\n  }\n})\n")
    assert _brand(tmp_path, wxml, js) == set()
