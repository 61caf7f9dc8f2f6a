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
