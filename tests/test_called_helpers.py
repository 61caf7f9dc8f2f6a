"""A project helper a file already called: another call of it, in the same file, is no new use of the privacy API
it wraps, whether the file called it from its template or its script (analyzers/called_helpers.py). A file that
never called the helper and starts to is a new call site."""

from __future__ import annotations

from conftest import minimal_app
from helpers import run

_CLIP = ("export function copyText(text) {\n"
         "  wx.setClipboardData({ data: String(text) })\n"
         "}\n")
_SHOP_JS = ("import { copyText } from '../../utils/clip'\n"
            "Page({\n"
            "  copyText,\n"
            "  data: { code: 'A1' },\n"
            "{more}"
            "})\n")
_SHOP_WXML = '<view>shop</view>\n<view bindtap="copyText">复制单号</view>\n'
_ME_JS = ("import { copyText } from '../../utils/clip'\n"
          "Page({\n"
          "  data: { code: 'A1' },\n"
          "{more}"
          "})\n")
_APP_JSON = '{\n  "pages": ["pages/index/index", "pages/me/me", "pages/shop/shop"]\n}\n'
_NEW_CALL = "  shareCode() {\n    copyText('邀请码 ' + this.data.code)\n  },\n"


def _clipboard(tmp_path, base: dict[str, str], head: dict[str, str]) -> set[tuple[str, int, str]]:
    repo, commit = minimal_app(tmp_path / "repo", {"app.json": _APP_JSON, "utils/clip.js": _CLIP, **base})
    repo.write_files(head)
    repo.commit("another copy")
    return {(f.path, f.line, f.scope) for f in run(repo.path, commit).findings if f.rule == "privacy.clipboard"}


def test_a_new_call_of_a_helper_the_template_already_called_is_no_new_use(tmp_path):
    base = {"pages/shop/shop.js": _SHOP_JS.replace("{more}", ""), "pages/shop/shop.wxml": _SHOP_WXML}
    head = {"pages/shop/shop.js": _SHOP_JS.replace("{more}", _NEW_CALL),
            "pages/shop/shop.wxml": _SHOP_WXML + '<view bindtap="shareCode">复制邀请码</view>\n'}
    assert _clipboard(tmp_path, base, head) == set()


def test_a_new_call_of_a_helper_the_script_already_called_is_no_new_use(tmp_path):
    old = "  copyOrder() {\n    copyText(this.data.code)\n  },\n"
    base = {"pages/me/me.js": _ME_JS.replace("{more}", old), "pages/me/me.wxml": '<view bindtap="copyOrder">复制</view>\n'}
    head = {"pages/me/me.js": _ME_JS.replace("{more}", old + _NEW_CALL),
            "pages/me/me.wxml": '<view bindtap="copyOrder">复制</view>\n<view bindtap="shareCode">邀请</view>\n'}
    assert _clipboard(tmp_path, {**base, "pages/shop/shop.js": _SHOP_JS.replace("{more}", ""),
                                 "pages/shop/shop.wxml": _SHOP_WXML}, head) == set()


def test_a_page_that_never_called_the_helper_is_a_new_call_site(tmp_path):
    base = {"pages/me/me.js": _ME_JS.replace("{more}", ""), "pages/me/me.wxml": "<view>me</view>\n",
            "pages/shop/shop.js": _SHOP_JS.replace("{more}", ""), "pages/shop/shop.wxml": _SHOP_WXML}
    head = {"pages/me/me.js": _ME_JS.replace("{more}", _NEW_CALL),
            "pages/me/me.wxml": '<view bindtap="shareCode">邀请</view>\n'}
    assert _clipboard(tmp_path, base, head) == {("pages/me/me.js", 5, "file")}


# A jump helper of another module that picks where a link goes by its text: another Mini Program, a 视频号 profile,
# or a page of the app (https://developers.weixin.qq.com/miniprogram/dev/api/navigate/wx.navigateToMiniProgram.html).
_JUMP = ("function go(target) {\n"
         "  if (target.startsWith('/pages/')) {\n"
         "    wx.navigateTo({ url: target })\n"
         "    return\n"
         "  }\n"
         "  if (target.startsWith('video:')) {\n"
         "    wx.openChannelsUserProfile({ finderUserName: target.slice(6) })\n"
         "    return\n"
         "  }\n"
         "  wx.navigateToMiniProgram({ appId: target })\n"
         "}\n"
         "module.exports = { go }\n")
_DEALS_JS = ("const jump = require('../../utils/jump.js')\n"
             "Page({\n"
             "  data: { banner: {}, card: {} },\n"
             "  tapBanner() {\n"
             "    jump.go(this.data.banner.link)\n"
             "  },\n"
             "{more}"
             "})\n")
_DEALS_WXML = '<view bindtap="tapBanner">banner</view>\n'
_JUMP_APP = '{\n  "pages": ["pages/index/index", "pages/me/me", "pages/deals/deals"]\n}\n'
_TAP_CARD = "  tapCard() {\n    jump.go(this.data.card.link)\n  },\n"


def _jumps(tmp_path, base: dict[str, str], head: dict[str, str]) -> set[tuple[str, str, int, str]]:
    repo, commit = minimal_app(tmp_path / "repo", {"app.json": _JUMP_APP, "utils/jump.js": _JUMP,
                                                   "pages/deals/deals.js": _DEALS_JS.replace("{more}", ""),
                                                   "pages/deals/deals.wxml": _DEALS_WXML, **base})
    repo.write_files(head)
    repo.commit("another jump")
    return {(f.rule, f.path, f.line, f.scope) for f in run(repo.path, commit).findings
            if f.family == "external_link"}


def test_a_new_call_of_a_jump_helper_the_page_already_jumped_through_is_no_new_call_site(tmp_path):
    # the page opened its banner's link through the helper before: a card opened the same way jumps nowhere new
    head = {"pages/deals/deals.js": _DEALS_JS.replace("{more}", _TAP_CARD),
            "pages/deals/deals.wxml": _DEALS_WXML + '<view bindtap="tapCard">card</view>\n'}
    assert _jumps(tmp_path, {}, head) == set()


def test_a_jump_helper_that_gains_a_branch_tells_nothing_at_a_page_that_already_jumped_through_it(tmp_path):
    # the helper now also opens web links in the app's own page, and the page adds a call: what it reaches out of the
    # app (another Mini Program, 视频号) it reached through the helper at base
    helper = _JUMP.replace("  if (target.startsWith('video:')) {",
                           "  if (target.startsWith('https://')) {\n"
                           "    wx.navigateTo({ url: '/pages/me/me?src=' + encodeURIComponent(target) })\n"
                           "    return\n"
                           "  }\n"
                           "  if (target.startsWith('video:')) {")
    head = {"utils/jump.js": helper, "pages/deals/deals.js": _DEALS_JS.replace("{more}", _TAP_CARD),
            "pages/deals/deals.wxml": _DEALS_WXML + '<view bindtap="tapCard">card</view>\n'}
    assert _jumps(tmp_path, {}, head) == set()


_ME_JUMP = ("const jump = require('../../utils/jump.js')\n"
            "Page({\n"
            "  data: { ad: {} },\n"
            "{more}"
            "})\n")
_TAP_AD = "  tapAd() {\n    jump.go(this.data.ad.link)\n  },\n"


def test_a_page_that_starts_to_jump_through_the_helper_is_a_new_call_site(tmp_path):
    head = {"pages/me/me.js": _ME_JUMP.replace("{more}", _TAP_AD), "pages/me/me.wxml": '<view bindtap="tapAd">ad</view>\n'}
    assert _jumps(tmp_path, {"pages/me/me.js": _ME_JUMP.replace("{more}", "")}, head) == {
        ("external_link.navigate_to_mini_program", "pages/me/me.js", 5, "file"),
        ("external_link.channels", "pages/me/me.js", 5, "file")}


def test_a_page_whose_old_calls_stayed_in_the_app_is_a_new_call_site_when_it_jumps_out(tmp_path):
    # the page called the helper before only with one of its own pages (no jump out): a call with a link from data
    # is the page's first jump out of the app through it
    old = "  tapHelp() {\n    jump.go('/pages/index/index')\n  },\n"
    base = {"pages/me/me.js": _ME_JUMP.replace("{more}", old), "pages/me/me.wxml": '<view bindtap="tapHelp">help</view>\n'}
    head = {"pages/me/me.js": _ME_JUMP.replace("{more}", old + _TAP_AD),
            "pages/me/me.wxml": '<view bindtap="tapHelp">help</view>\n<view bindtap="tapAd">ad</view>\n'}
    assert _jumps(tmp_path, base, head) == {
        ("external_link.navigate_to_mini_program", "pages/me/me.js", 8, "file"),
        ("external_link.channels", "pages/me/me.js", 8, "file")}
