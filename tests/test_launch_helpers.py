"""Forced login in a module the app's launch hook calls: App.onShow runs ``Auth.login()`` of utils/auth.js, and
the change makes that function show an uncancellable authorization modal that loops through openSetting — forced
at launch, reported in the module. The same modal in a function only a tap calls, one the function already
showed, and a cancellable one stay silent."""

from __future__ import annotations

from conftest import Repo
from helpers import run

APP = """App({
  onShow() {
    const Auth = require('utils/auth')
    const relogin = () => { Auth.login.call(this).catch(() => wx.showToast({ title: 'failed' })) }
    if (!Auth.token()) {
      relogin()
    }
  },
})
"""
AUTH_BEFORE = """const token = () => wx.getStorageSync('jwt')
const login = function () {
  return new Promise((resolve, reject) => {
    wx.getUserInfo({ success: resolve, fail: reject })
  })
}
module.exports = { token, login }
"""
AUTH_AFTER = """const token = () => wx.getStorageSync('jwt')
const login = function () {
  return new Promise((resolve) => {
    wx.getUserInfo({ success: resolve, fail() { openTip().then(resolve) } })
  })
}
const openTip = function () {
  return new Promise((resolve) => {
    wx.showModal({
      title: '用户未授权',
      content: '请打开用户信息进行授权',
      showCancel: %s,
      success() { wx.openSetting({ success: (res) => resolve(res.authSetting['scope.userInfo'] ? res : openTip()) }) },
    })
  })
}
module.exports = { token, login, openTip }
"""


def _findings(tmp_path, app: str, after: str) -> set[tuple[str, str, int]]:
    repo = Repo(tmp_path / "repo")
    repo.write("app.json", '{\n  "pages": ["pages/home/home"]\n}\n')
    repo.write("app.js", app)
    repo.write("pages/home/home.js", "Page({})\n")
    repo.write("pages/home/home.wxml", "<view>home</view>\n")
    repo.write("utils/auth.js", AUTH_BEFORE)
    base = repo.commit("base")
    repo.write("utils/auth.js", after)
    repo.commit()
    return {(f.rule, f.path, f.line) for f in run(repo.path, base).findings if f.family == "login"}


def test_an_uncancellable_authorization_modal_in_a_module_the_launch_hook_calls_is_forced_login(tmp_path):
    assert _findings(tmp_path, APP, AUTH_AFTER % "false") == {("login.forced_login", "utils/auth.js", 9)}


def test_a_cancellable_modal_is_silent(tmp_path):
    assert _findings(tmp_path, APP, AUTH_AFTER % "true") == set()


def test_the_same_modal_in_a_module_only_a_tap_calls_is_silent(tmp_path):
    tapped = APP.replace("onShow()", "onTapLogin()")
    assert _findings(tmp_path, tapped, AUTH_AFTER % "false") == set()


def test_an_imported_login_the_launch_calls_is_followed_and_an_old_modal_is_not_new(tmp_path):
    app = ("import { login } from './utils/auth'\n"
           "App({ onLaunch() { login() } })\n")
    assert _findings(tmp_path, app, AUTH_AFTER % "false") == {("login.forced_login", "utils/auth.js", 9)}
    repo = Repo(tmp_path / "again")
    repo.write("app.json", '{\n  "pages": ["pages/home/home"]\n}\n')
    repo.write("app.js", app)
    repo.write("utils/auth.js", AUTH_AFTER % "false")
    base = repo.commit("base")
    repo.write("utils/auth.js", "// auth helpers\n" + AUTH_AFTER % "false")
    repo.commit()
    assert [f for f in run(repo.path, base).findings if f.family == "login"] == []
