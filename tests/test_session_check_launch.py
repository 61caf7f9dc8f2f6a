"""A launch call told only by its login-like name (``this.api.checkLogin(token)`` of an API client the app builds
from a module the repository does not hold) whose caller logs in silently when it fails — the shape of
``wx.checkSession`` with ``wx.login`` in its ``fail`` — is a session check, not a login page: silent. The same call
with no such fallback, or whose fallback sends the user to a login page, stays forced login."""

from __future__ import annotations

from conftest import Repo
from helpers import run

APP_JSON = '{\n  "pages": [\n    "pages/index/index"\n  ]\n}\n'
APP = """const Client = require('./vendor/client.js')

App({
  onLaunch() {
    this.api = new Client.API('https://api.example.com')
    this.session().then(() => this.api.home())
  },
  session() {
    const self = this
    return new Promise((resolve, reject) => {
      return this.api.checkLogin(wx.getStorageSync('token'))
        .then(() => resolve(), () => {
          wx.login({
            success(res) {
              self.api.exchange(res.code).then(resolve, reject)
            }
          })
        })
    })
  }
})
"""
AWAITED = """App({
  async onLaunch() {
    try {
      await this.api.checkLogin()
    } catch (e) {
      wx.login({ success: (res) => this.api.exchange(res.code) })
    }
  }
})
"""


def _findings(tmp_path, app: str) -> set[tuple[str, str, int]]:
    repo = Repo(tmp_path / "repo")
    repo.write("app.json", APP_JSON)
    repo.write("app.js", "App({})\n")
    repo.write("pages/index/index.js", "Page({})\n")
    repo.write("pages/index/index.wxml", "<view>home</view>\n")
    base = repo.commit("base")
    repo.write("app.js", app)
    repo.commit()
    return {(f.rule, f.path, f.line) for f in run(repo.path, base).findings if f.family == "login"}


def test_a_login_check_whose_failure_logs_in_silently_is_no_forced_login(tmp_path):
    assert _findings(tmp_path, APP) == set()


def test_an_awaited_login_check_whose_catch_logs_in_silently_is_no_forced_login(tmp_path):
    assert _findings(tmp_path, AWAITED) == set()


def test_the_same_check_with_no_silent_fallback_is_forced_login(tmp_path):
    app = APP.replace("""          wx.login({
            success(res) {
              self.api.exchange(res.code).then(resolve, reject)
            }
          })""", "          reject()")
    assert _findings(tmp_path, app) == {("login.forced_login", "app.js", 6)}


def test_a_fallback_that_sends_the_user_to_the_login_page_is_forced_login(tmp_path):
    app = APP.replace("          wx.login({", "          wx.reLaunch({ url: '/pages/login/login' })\n          wx.login({")
    assert ("login.forced_login", "app.js", 6) in _findings(tmp_path, app)


def test_a_fallback_named_by_a_local_function_that_logs_in_silently_is_no_forced_login(tmp_path):
    app = APP.replace("""      return this.api.checkLogin(wx.getStorageSync('token'))
        .then(() => resolve(), () => {
          wx.login({
            success(res) {
              self.api.exchange(res.code).then(resolve, reject)
            }
          })
        })""", """      const rollback = () => wx.login({ success: (res) => self.api.exchange(res.code).then(resolve, reject) })
      return this.api.checkLogin(wx.getStorageSync('token')).then(() => resolve(), rollback)""")
    assert "rollback)" in app
    assert _findings(tmp_path, app) == set()
