"""A launch or entry-page redirect to an authorization page named like any page, made through a navigation helper:
``App.onLaunch`` reads the settings through a project module and, for a user who has not granted the profile,
calls ``nav.goGrant()`` of ``utils/nav.js``, which ``wx.redirectTo``-s ``/pages/grant/grant`` — a page whose only
control is a getUserInfo button. That is forced login at launch, told at the hook's statement; the entry page's
``onLoad`` doing the same is forced login on the entry page. The same helper opening a guide page of content, and
a helper only a tap calls, stay silent."""

from __future__ import annotations

from conftest import Repo
from helpers import run

APP_JSON = '{\n  "pages": [\n    "pages/home/home",\n    "pages/grant/grant",\n    "pages/guide/guide"\n  ]\n}\n'
NAV = """const remember = (path) => wx.setStorageSync('back', path)

const goGrant = (path) => {
  remember(path)
  wx.redirectTo({
    url: '/pages/grant/grant'
  })
}

const goGuide = () => {
  wx.redirectTo({ url: '/pages/guide/guide' })
}

const open = (url) => {
  wx.navigateTo({ url })
}

module.exports = { goGrant, goGuide, open }
"""
SETTINGS = """module.exports = {
  read(done) {
    wx.getSetting({ success: (res) => done(res.authSetting) })
  }
}
"""
LAUNCH_APP = """import settings from '/utils/settings.js'
import nav from '/utils/nav.js'

App({
  onLaunch(options) {
    const check = (authSetting) => {
      if (!authSetting['scope.userInfo']) {
        nav.goGrant(options.path)
      }
    }
    settings.read(check)
  }
})
"""
GRANT_PAGE = '<button open-type="getUserInfo" bindgetuserinfo="onUser">确认</button>\n'
GRANT_JS = "Page({\n  onUser() { wx.reLaunch({ url: '/pages/home/home' }) }\n})\n"
GUIDE_PAGE = '<view wx:for="{{steps}}">{{item.text}}</view>\n<button bindtap="start">开始</button>\n'
HOME_PAGE = '<view wx:for="{{goods}}">{{item.name}}</view>\n'


def _findings(tmp_path, app: str, home_js: str = "Page({})\n") -> set[tuple[str, str, int]]:
    repo = Repo(tmp_path / "repo")
    repo.write("app.json", APP_JSON)
    repo.write("app.js", "App({\n  onLaunch() {}\n})\n")
    for page, wxml, js in (("home", HOME_PAGE, "Page({})\n"), ("grant", GRANT_PAGE, GRANT_JS),
                           ("guide", GUIDE_PAGE, "Page({ start() {} })\n")):
        repo.write(f"pages/{page}/{page}.wxml", wxml)
        repo.write(f"pages/{page}/{page}.js", js)
    base = repo.commit("base")
    repo.write("utils/nav.js", NAV)
    repo.write("utils/settings.js", SETTINGS)
    repo.write("app.js", app)
    repo.write("pages/home/home.js", home_js)
    repo.commit()
    return {(f.rule, f.path, f.line) for f in run(repo.path, base).findings if f.family == "login"}


def test_a_launch_redirect_through_another_modules_helper_to_an_authorization_page_is_forced_login(tmp_path):
    assert _findings(tmp_path, LAUNCH_APP) == {("login.forced_login", "app.js", 7)}


def test_the_same_helper_opening_a_guide_page_of_content_is_silent(tmp_path):
    app = LAUNCH_APP.replace("if (!authSetting['scope.userInfo'])", "if (!wx.getStorageSync('seen'))") \
        .replace("nav.goGrant(options.path)", "nav.goGuide()")
    assert _findings(tmp_path, app) == set()


def test_a_router_helper_told_the_authorization_page_is_forced_login(tmp_path):
    app = LAUNCH_APP.replace("if (!authSetting['scope.userInfo'])", "if (!wx.getStorageSync('user'))") \
        .replace("nav.goGrant(options.path)", "nav.open('/pages/grant/grant')")
    assert _findings(tmp_path, app) == {("login.forced_login", "app.js", 7)}


def test_a_router_helper_told_a_guide_page_is_silent(tmp_path):
    app = LAUNCH_APP.replace("if (!authSetting['scope.userInfo'])", "if (!wx.getStorageSync('user'))") \
        .replace("nav.goGrant(options.path)", "nav.open('/pages/guide/guide')")
    assert _findings(tmp_path, app) == set()


def test_a_helper_only_a_tap_calls_is_silent(tmp_path):
    app = LAUNCH_APP.replace("  onLaunch(options) {", "  onLaunch() {},\n  relogin(options) {")
    assert _findings(tmp_path, app) == set()


HOME_JS = """const nav = require('../../utils/nav.js')

Page({
  data: { goods: [] },
  onLoad() {
    if (!wx.getStorageSync('user')) {
      nav.goGrant('pages/home/home')
    }
  }
})
"""


def test_the_entry_pages_load_redirect_through_a_helper_to_an_authorization_page_is_forced_login(tmp_path):
    found = _findings(tmp_path, "App({\n  onLaunch() {}\n})\n", HOME_JS)
    assert found == {("login.forced_login", "pages/home/home.js", 6)}


def test_the_entry_pages_load_redirect_to_a_guide_page_is_silent(tmp_path):
    home = HOME_JS.replace("nav.goGrant('pages/home/home')", "nav.goGuide()")
    assert _findings(tmp_path, "App({\n  onLaunch() {}\n})\n", home) == set()
