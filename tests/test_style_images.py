"""branding.brand_image from style sheets: WeChat's logo shown as a CSS background (a page's .wxss, a
preprocessor sheet, a component's <style> block) is found like one in markup; the reader tokenizes only
style text that names an image file."""

from __future__ import annotations

import pytest
import tinycss2

from conftest import Repo, minimal_app
from helpers import run
from images import green_rectangle, two_bubble_mark
from mp_precheck.facts.extract import extract, reader_kind
from mp_precheck.readers.stylesheet import style_facts

UNI_FILES = {"manifest.json": '{"name": "shop", "mp-weixin": {"appid": "wx0123456789abcdef"}}\n',
             "pages.json": '{"pages": [{"path": "pages/index/index"}, {"path": "pages/invite/invite"}]}\n',
             "App.vue": "<script>export default {}</script>\n",
             "pages/index/index.vue": "<template><view>home</view></template>\n",
             "pages/invite/invite.vue": "<template><view>invite</view></template>\n"}
INVITE_PAGE = """<template>
  <view class="channels">
    <view class="channel friends"><view class="channel-icon"></view><text>好友</text></view>
  </view>
</template>
<script>
export default { methods: {} }
</script>
<style lang="scss" scoped>
@mixin coverImage($url) { background: url($url) no-repeat center / 100% 100%; }
.channel { display: flex; }
.friends .channel-icon { @include coverImage('../../static/icons/channel-friends@2x.png'); }
</style>
"""


def _hits(repo: Repo, base: str) -> set[tuple[str, int, str | None]]:
    return {(f.path, f.line, f.subject) for f in run(repo.path, base).findings if f.rule == "branding.brand_image"}


def _uni_page_with(tmp_path, image: bytes) -> tuple[Repo, str]:
    repo = Repo(tmp_path / "repo")
    repo.write_files(UNI_FILES)
    base = repo.commit("base")
    repo.write("static/icons/channel-friends@2x.png", image)
    repo.write("pages/invite/invite.vue", INVITE_PAGE)
    repo.commit("invite channels")
    return repo, base


def test_logo_in_a_vue_style_blocks_mixin_call_fires_at_the_style_line(tmp_path):
    repo, base = _uni_page_with(tmp_path, two_bubble_mark())
    assert _hits(repo, base) == {("pages/invite/invite.vue", 12, "brand-image:static/icons/channel-friends@2x.png")}


def test_a_plain_green_button_image_in_a_vue_style_block_is_silent(tmp_path):
    repo, base = _uni_page_with(tmp_path, green_rectangle())
    assert _hits(repo, base) == set()


def test_logo_as_a_wxss_background_fires_at_the_wxss_line(tmp_path):
    repo, base = minimal_app(tmp_path / "repo")
    repo.write("images/wechat.png", two_bubble_mark())
    repo.write("pages/me/me.wxml", '<view class="login">\n  <view class="login-mark"></view>\n</view>\n')
    repo.write("pages/me/me.wxss", ".login { padding: 20rpx; }\n"
                                   ".login-mark { width: 80rpx; height: 80rpx;\n"
                                   "  background: url(/images/wechat.png) no-repeat; background-size: cover; }\n")
    repo.commit("login mark")
    assert _hits(repo, base) == {("pages/me/me.wxss", 3, "brand-image:images/wechat.png")}


def test_a_remote_background_is_no_file_of_the_change(tmp_path):
    # The same name is a logo file of the project, but the sheet shows the copy on a server.
    repo, base = minimal_app(tmp_path / "repo", {"images/wechat.png": two_bubble_mark()})
    repo.write("pages/me/me.wxss", ".login-mark {\n  background: url(https://img.example.com/images/wechat.png);\n"
                                   "  background-image: url('//img.example.com/images/wechat.png');\n}\n")
    repo.commit("remote mark")
    assert _hits(repo, base) == set()


def test_an_unchanged_sheet_shows_an_image_the_change_replaces_by_the_logo(tmp_path):
    sheet = ".share-mark {\n  background-image: url('../../images/share.png');\n}\n"
    repo, base = minimal_app(tmp_path / "repo", {"images/share.png": green_rectangle(), "pages/me/me.wxss": sheet})
    repo.write("images/share.png", two_bubble_mark())
    repo.commit("new share icon")
    assert _hits(repo, base) == {("pages/me/me.wxss", 2, "brand-image:images/share.png")}


def test_an_edited_sheet_keeping_its_logo_reference_is_not_new(tmp_path):
    sheet = ".mark { background: url(/images/wechat.png); }\n.title { color: #333; }\n"
    repo, base = minimal_app(tmp_path / "repo", {"images/wechat.png": two_bubble_mark(), "pages/me/me.less": sheet})
    repo.write("pages/me/me.less", sheet.replace("#333", "#666"))
    repo.commit("title colour")
    assert _hits(repo, base) == set()


def test_style_files_have_their_own_reader():
    assert [reader_kind(p) for p in ("pages/a/a.wxss", "src/styles/x.scss", "b.less", "c.css", "d.styl")] == \
        ["style"] * 5


def test_a_style_file_naming_no_image_is_not_parsed(monkeypatch):
    calls: list[str] = []
    parse = tinycss2.parse_component_value_list
    monkeypatch.setattr(tinycss2, "parse_component_value_list", lambda css, **kw: calls.append(css) or parse(css, **kw))
    plain = b".a { color: #07c160; background: url(data:font/woff2;base64,AAAA) }\n"
    assert extract("pages/a/a.wxss", plain).facts == ()
    assert style_facts(plain.decode(), 10) == []
    assert calls == []
    # With an image suffix in it, the text is tokenized.
    assert [(f.subject, f.line) for f in extract("pages/a/a.wxss", b".a {}\n.b { background: url(a.png) }\n").facts] \
        == [("image:a.png", 2)]
    assert len(calls) == 1


@pytest.mark.parametrize(("text", "expected"), [
    ("$icon: '/static/wx.png';\n.a { background: url($icon); }\n", [("image:/static/wx.png", 1)]),
    (".a { background: url(a.png); } // url(old.png)\n// don't use 'b.png' (yet\n.c { b: url(\"c.jpg?v=2\") }\n",
     [("image:a.png", 1), ("image:c.jpg", 3)]),
    ("/* .a { background: url(gone.png) } */\n.b { background: url(#{$base}/x.png) url('@{base}/y.png') }\n", []),
])
def test_line_comments_and_interpolations_name_no_image(text, expected):
    assert [(f.subject, f.line) for f in style_facts(text)] == expected
