"""Forced login judged for the whole app: a login redirect moved from the app's launch hook into the entry page's
load hook (or back, or onto a renamed login page) is the wall the app had, not a new one; the same move that drops
its condition, and a wall where the app had none, are told. An authorization mask the entry page lays over itself
as it opens for users with nothing stored is told though it is positioned absolutely at the page's top level and
offers a 取消 whose handler puts it back after a moment; a 取消 that lets the user in, and a small absolutely
positioned box inside the page's content, stay silent."""

from __future__ import annotations

from conftest import Repo
from helpers import run

HOME = "pages/start/start"
APP_JSON = '{\n  "pages": [\n    "pages/start/start",\n    "pages/account/signin/index",\n    "pages/account/enter/enter"\n  ]\n}\n'
GATED_APP = """\
App({
  onLaunch() {
    const session = wx.getStorageSync('session')
    if (!session) {
      wx.reLaunch({ url: '/pages/account/signin/index' })
    }
  }
})
"""
PLAIN_APP = "App({\n  onLaunch() {\n    console.log('up')\n  }\n})\n"
PLAIN_HOME = "Page({\n  onLoad() {\n    this.setData({ ready: true })\n  }\n})\n"
GATED_HOME = """\
Page({
  onLoad() {
    const session = wx.getStorageSync('session')
    if (!session) {
      wx.reLaunch({ url: '%s' })
      return
    }
    this.setData({ ready: true })
  }
})
"""
ALWAYS_HOME = "Page({\n  onLoad() {\n    wx.reLaunch({ url: '/pages/account/signin/index' })\n  }\n})\n"


def _app(repo: Repo, app: str, home: str) -> None:
    repo.write("app.json", APP_JSON)
    repo.write("app.js", app)
    repo.write(f"{HOME}.wxml", "<view>\n  <text>{{ready}}</text>\n</view>\n")
    repo.write(f"{HOME}.js", home)
    for page in ("pages/account/signin/index", "pages/account/enter/enter"):
        repo.write(f"{page}.wxml", '<view>\n  <button open-type="getPhoneNumber" bindgetphonenumber="go">登录</button>\n</view>\n')
        repo.write(f"{page}.js", "Page({\n  go() {\n    wx.navigateBack()\n  }\n})\n")


def _login(tmp_path, base_files: tuple[str, str], head_files: tuple[str, str]) -> set[tuple[str, str, int]]:
    repo = Repo(tmp_path / "repo")
    _app(repo, *base_files)
    base = repo.commit("base")
    _app(repo, *head_files)
    repo.commit("change")
    return {(f.rule, f.path, f.line) for f in run(repo.path, base).findings if f.family == "login"}


def test_a_launch_redirect_moved_into_the_entry_page_load_hook_is_silent(tmp_path):
    moved = GATED_HOME % "/pages/account/signin/index"
    assert _login(tmp_path, (GATED_APP, PLAIN_HOME), (PLAIN_APP, moved)) == set()


def test_an_entry_page_redirect_moved_to_launch_onto_a_renamed_login_page_is_silent(tmp_path):
    renamed = GATED_APP.replace("/pages/account/signin/index", "/pages/account/enter/enter")
    assert _login(tmp_path, (PLAIN_APP, GATED_HOME % "/pages/account/signin/index"), (renamed, PLAIN_HOME)) == set()


def test_a_moved_redirect_that_loses_its_condition_is_told_at_the_entry_page(tmp_path):
    assert _login(tmp_path, (GATED_APP, PLAIN_HOME), (PLAIN_APP, ALWAYS_HOME)) == \
        {("login.forced_login", f"{HOME}.js", 3)}


def test_an_entry_page_redirect_where_the_app_had_no_wall_is_told(tmp_path):
    assert _login(tmp_path, (PLAIN_APP, PLAIN_HOME), (PLAIN_APP, GATED_HOME % "/pages/account/signin/index")) == \
        {("login.forced_login", f"{HOME}.js", 4)}  # the condition that sends the user


OVERLAY_HOME = """\
<view class="page">
  <view class="list">
    <navigator url="/pages/account/enter/enter" wx:for="{{items}}">{{item.title}}</navigator>
  </view>
  <view class="veil" wx:if="{{locked}}">
    <view class="card">
      <text>请先授权后使用</text>
      <button bindtap="dismiss">取消</button>
      <button open-type="getUserInfo" bindgetuserinfo="grant">授权</button>
    </view>
  </view>
</view>
"""
OVERLAY_CSS = ".veil {\n  position: absolute;\n  top: 0;\n  width: 100%;\n  height: 100%;\n}\n"
OVERLAY_JS = """\
Page({
  data: { items: [], locked: false },
  onLoad() {
    const profile = wx.getStorageSync('profile')
    if (!profile) {
      this.setData({ locked: true })
      wx.hideTabBar()
    }
  },
  grant(e) {
    wx.setStorageSync('profile', e.detail.userInfo)
    this.setData({ locked: false })
  },
  dismiss() {
    this.setData({ locked: false })
    setTimeout(() => {
      this.setData({ locked: true })
    }, 1500)
  }
})
"""


def _overlay(tmp_path, name: str, home: str, css: str, js: str) -> set[tuple[str, str, int]]:
    repo = Repo(tmp_path / name)
    _app(repo, PLAIN_APP, PLAIN_HOME)
    repo.write(f"{HOME}.wxml", OVERLAY_HOME.replace('  <view class="veil"', '  <view class="veil-off"'))
    base = repo.commit("base")
    repo.write(f"{HOME}.wxml", home)
    repo.write(f"{HOME}.wxss", css)
    repo.write(f"{HOME}.js", js)
    repo.commit("overlay")
    return {(f.rule, f.path, f.line) for f in run(repo.path, base).findings if f.rule == "login.forced_login"}


def test_an_absolute_top_level_mask_whose_cancel_puts_it_back_is_told_at_the_mask(tmp_path):
    assert _overlay(tmp_path, "veil", OVERLAY_HOME, OVERLAY_CSS, OVERLAY_JS) == \
        {("login.forced_login", f"{HOME}.wxml", 5)}


def test_a_cancel_that_lets_the_user_in_and_a_box_nested_in_the_content_are_silent(tmp_path):
    gone = OVERLAY_JS.replace("    setTimeout(() => {\n      this.setData({ locked: true })\n    }, 1500)\n", "")
    assert _overlay(tmp_path, "gone", OVERLAY_HOME, OVERLAY_CSS, gone) == set()
    nested = OVERLAY_HOME.replace('  <view class="veil"', '  <view class="list">\n  <view class="row">\n'
                                  '  <view class="veil"').replace("  </view>\n</view>\n",
                                                                  "  </view>\n  </view>\n  </view>\n</view>\n")
    assert _overlay(tmp_path, "nested", nested, OVERLAY_CSS, OVERLAY_JS) == set()


def test_a_second_wall_beside_the_launch_wall_the_app_keeps_is_still_judged_by_itself(tmp_path):
    # The launch wall stays where it was: nothing moved, so the entry page's own new wall is told as before.
    assert _login(tmp_path, (GATED_APP, PLAIN_HOME), (GATED_APP, ALWAYS_HOME)) == \
        {("login.forced_login", f"{HOME}.js", 3)}
