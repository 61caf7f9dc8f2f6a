"""An entry page whose only control is a plain button whose tap handler asks for the profile (wx.getUserProfile,
no open-type, a label that says neither 授权 nor 登录) is an authorization page made first
(login.login_first_page), in a native page and a single-file component. The same button beside a list, beside
a way past, a button that only navigates, and such a page reached by a tap (not first) stay silent."""

from __future__ import annotations

from conftest import Repo
from helpers import run
from mp_precheck.readers.tapasks import tap_asks

APP = '{\n  "pages": [\n    %s\n  ]\n}\n'
FEED = "pages/feed/feed"
INTRO = "pages/intro/intro"
FEED_WXML = '<view>\n  <view wx:for="{{posts}}" bindtap="open">{{item.title}}</view>\n</view>\n'
INTRO_WXML = """<view class="intro">
  <image src="/static/cover.png"/>
  <text>完善资料后开始体验</text>
  <button class="primary" bindtap="fillIn">继续</button>
</view>
"""
# the handler reaches the API through a helper of the page and a callback: wx.getSetting → wx.getUserProfile
INTRO_JS = """Page({
  fillIn() {
    this.askProfile()
  },
  askProfile() {
    wx.getSetting({
      complete: () => {
        wx.getUserProfile({ desc: '展示头像', success: () => wx.reLaunch({ url: '/pages/feed/feed' }) })
      }
    })
  }
})
"""


def _native(tmp_path, first_at_head: str, wxml: str = INTRO_WXML, js: str = INTRO_JS) -> set[tuple[str, str, int]]:
    repo = Repo(tmp_path / "repo")
    repo.write("app.js", "App({})\n")
    repo.write("app.json", APP % f'"{FEED}",\n    "{INTRO}"')
    repo.write(f"{FEED}.wxml", FEED_WXML)
    repo.write(f"{FEED}.js", "Page({ open() {} })\n")
    repo.write(f"{INTRO}.wxml", wxml)
    repo.write(f"{INTRO}.js", js)
    base = repo.commit("base")
    order = [first_at_head] + [p for p in (FEED, INTRO) if p != first_at_head]
    repo.write("app.json", APP % ",\n    ".join(f'"{p}"' for p in order))
    repo.write(f"{INTRO}.wxss", ".intro { padding: 20rpx; }\n")
    repo.commit("head")
    return {(f.rule, f.path, f.line) for f in run(repo.path, base).findings if f.rule.startswith("login.")}


def test_a_page_whose_only_button_asks_for_the_profile_in_its_handler_made_first(tmp_path):
    assert _native(tmp_path, INTRO) == {("login.login_first_page", "app.json", 3)}


def test_the_same_page_reached_by_a_tap_is_silent(tmp_path):
    assert _native(tmp_path, FEED) == set()


def test_a_button_whose_handler_only_navigates_is_silent(tmp_path):
    js = "Page({\n  fillIn() {\n    wx.reLaunch({ url: '/pages/feed/feed' })\n  }\n})\n"
    assert _native(tmp_path, INTRO, js=js) == set()


def test_the_profile_button_beside_content_or_a_way_past_is_silent(tmp_path):
    listed = INTRO_WXML.replace("</view>\n", '  <view wx:for="{{picks}}">{{item}}</view>\n</view>\n')
    skipped = INTRO_WXML.replace("</view>\n", '  <button bindtap="later">先看看</button>\n</view>\n')
    assert _native(tmp_path / "a", INTRO, wxml=listed) == set()
    assert _native(tmp_path / "b", INTRO, wxml=skipped) == set()


def test_a_single_file_components_profile_button_made_first(tmp_path):
    page = """<template>
  <view class="wrap">
    <text>设置头像昵称</text>
    <button type="primary" @click="takeProfile">下一步</button>
  </view>
</template>
<script>
export default {
  methods: {
    takeProfile() {
      uni.getUserProfile({ desc: '资料', success: () => uni.switchTab({ url: '/pages/home/home' }) })
    }
  }
}
</script>
"""
    pages = '{\n  "pages": [\n    {"path": "%s"},\n    {"path": "%s"}\n  ]\n}\n'
    repo = Repo(tmp_path / "repo")
    repo.write("manifest.json", "{}\n")
    repo.write("App.vue", "<script>export default {}</script>\n")
    repo.write("pages/home/home.vue", '<template>\n  <view v-for="n in news" @tap="read(n)">{{ n.t }}</view>\n'
                                      "</template>\n")
    repo.write("pages/profile/profile.vue", page)
    repo.write("pages.json", pages % ("pages/home/home", "pages/profile/profile"))
    base = repo.commit("base")
    repo.write("pages.json", pages % ("pages/profile/profile", "pages/home/home"))
    repo.commit("head")
    found = {(f.rule, f.path, f.line) for f in run(repo.path, base).findings if f.rule.startswith("login.")}
    assert found == {("login.login_first_page", "pages.json", 3)}


def test_the_reader_names_the_api_and_needs_a_handler_the_script_defines():
    assert tap_asks(INTRO_WXML, "p.wxml", INTRO_JS, "p.js") == {4: "wx.getUserProfile"}
    assert tap_asks(INTRO_WXML, "p.wxml", "Page({ other() { wx.getUserProfile({}) } })\n", "p.js") == {}
    assert tap_asks(INTRO_WXML, "p.wxml", "Page({ fillIn() { wx.login() } })\n", "p.js") == {}  # asks nothing
    assert tap_asks(INTRO_WXML, "p.wxml", None, "p.js") == {}
