"""Forced login widened: a launch redirect the app already had that the change makes run for more users
(its condition removed, an exception dropped) is new forced login; the same redirect moved, refactored
under the same conditions, narrowed or commented out is not."""

from __future__ import annotations

from conftest import Repo
from helpers import run

APP_JSON = '{\n  "pages": ["pages/index/index", "pages/login/login"]\n}\n'
GUARDED = """\
App({
  onLaunch() {
    this.checkLoginStatus()
  },
  checkLoginStatus() {
    const userInfo = wx.getStorageSync('userInfo')
    if (userInfo) {
      this.globalData.userInfo = userInfo
    } else {
      wx.reLaunch({ url: '/pages/login/login' })
    }
  },
  globalData: {}
})
"""
ALWAYS = """\
App({
  onLaunch() {
    this.checkLoginStatus()
  },
  checkLoginStatus() {
    // every launch goes through the login page
    wx.reLaunch({
      url: '/pages/login/login'
    })
  },
  globalData: {}
})
"""
# Base: no cached user and no userInfo scope, on any page but two; head: no cached user, any page but one.
SCOPED = """\
App({
  onLaunch(option) {
    const userInfo = wx.getStorageSync('userInfo')
    if (userInfo) {
      this.globalData.userInfo = userInfo
    } else {
      this.scopeGranted().then((granted) => {
        if (granted) {
          this.silentLogin()
        } else if (option.path == 'pages/goods/goods' || option.path == 'pages/login/login') {
          console.log('stay')
        } else {
          this.redirectToLogin()
        }
      })
    }
  },
  redirectToLogin() {
    wx.redirectTo({ url: '/pages/login/login' })
  },
  globalData: {}
})
"""
UNCACHED = """\
App({
  onLaunch(option) {
    const userInfo = wx.getStorageSync('userInfo')
    if (userInfo) {
      this.globalData.userInfo = userInfo
    } else if (option.path !== 'pages/goods/goods') {
      this.redirectToLogin()
    }
  },
  redirectToLogin() {
    wx.redirectTo({ url: '/pages/login/login' })
  },
  globalData: {}
})
"""
REFACTORED = """\
App({
  onLaunch() {
    if (!this.loggedIn()) {
      this.goLogin()
    }
  },
  loggedIn() {
    return Boolean(wx.getStorageSync('userInfo'))
  },
  goLogin() {
    wx.reLaunch({ url: '/pages/login/login' })
  },
  globalData: {}
})
"""
EARLY_RETURN = """\
App({
  onLaunch() {
    if (wx.getStorageSync('userInfo')) return
    wx.reLaunch({ url: '/pages/login/login' })
  },
  globalData: {}
})
"""
DISABLED = ALWAYS.replace("    wx.reLaunch({\n      url: '/pages/login/login'\n    })\n",
                          "    // wx.reLaunch({\n    //   url: '/pages/login/login'\n    // })\n")


def _login(tmp_path, before: str, after: str) -> set[tuple[str, str, int]]:
    repo = Repo(tmp_path / "repo")
    repo.write_files({"app.json": APP_JSON, "app.js": before, "pages/index/index.js": "Page({})\n",
                      "pages/login/login.js": "Page({})\n"})
    base = repo.commit("base")
    repo.write("app.js", after)
    repo.commit("change")
    return {(f.rule, f.path, f.line) for f in run(repo.path, base).findings if f.family == "login"}


def test_an_existing_redirect_made_unconditional_fires_at_the_redirect(tmp_path):
    assert _login(tmp_path, GUARDED, ALWAYS) == {("login.forced_login", "app.js", 7)}


def test_a_redirect_that_loses_a_condition_and_an_exception_fires_at_its_call(tmp_path):
    assert _login(tmp_path, SCOPED, UNCACHED) == {("login.forced_login", "app.js", 7)}


def test_a_redirect_behind_an_early_return_made_unconditional_fires(tmp_path):
    assert _login(tmp_path, EARLY_RETURN, ALWAYS) == {("login.forced_login", "app.js", 7)}


def test_the_same_condition_moved_into_helpers_is_silent(tmp_path):
    assert _login(tmp_path, GUARDED, REFACTORED) == set()


def test_the_same_condition_written_as_an_early_return_is_silent(tmp_path):
    assert _login(tmp_path, GUARDED, EARLY_RETURN) == set()


def test_a_redirect_made_conditional_is_silent(tmp_path):
    assert _login(tmp_path, ALWAYS, GUARDED) == set()


def test_a_redirect_commented_out_is_silent(tmp_path):
    assert _login(tmp_path, GUARDED, DISABLED) == set()


def test_a_new_redirect_for_uncached_users_with_an_allow_listed_page_is_forced_login(tmp_path):
    none = "App({\n  onLaunch(option) {\n    console.log(option)\n  },\n  globalData: {}\n})\n"
    assert _login(tmp_path, none, UNCACHED.replace("  redirectToLogin() {\n    wx.redirectTo({ url: '/pages/login/login' })\n  },\n", "")
                  .replace("this.redirectToLogin()", "wx.redirectTo({ url: '/pages/login/login' })")) == {
        ("login.forced_login", "app.js", 6)}


ROUTED = GUARDED.replace("App({", "const routes = { login: '/pages/login/login' }\nApp({", 1).replace(
    "wx.reLaunch({ url: '/pages/login/login' })", "wx.reLaunch({ url: routes.login })")
ROUTED_ALWAYS = ALWAYS.replace("App({", "const routes = { login: '/pages/login/login' }\nApp({", 1).replace(
    "url: '/pages/login/login'", "url: routes.login")


def test_a_redirect_whose_target_becomes_a_route_constant_is_silent(tmp_path):
    assert _login(tmp_path, GUARDED, ROUTED) == set()


def test_a_respelled_redirect_that_also_loses_its_condition_fires(tmp_path):
    # told at the rewritten redirect (line 8), where the change is; the hook's call (line 4) is as it was
    assert _login(tmp_path, GUARDED, ROUTED_ALWAYS) == {("login.forced_login", "app.js", 8)}
