"""A helper the entry page's onLoad calls by a login-like name (``authService.checkLoginCode()``): when the service
class the page imports defines it as a session check that only reads storage and asks the server, the page opens
for everyone and nothing is reported; when the same method sends a user without a session to the login page, or
no imported module defines it, the call is forced login on the entry page."""

from __future__ import annotations

from conftest import Repo
from helpers import run

APP_JSON = '{\n  "pages": [\n    "pages/shop/index",\n    "pages/login/login"\n  ]\n}\n'
PAGE = """import AuthService from '../../service/AuthService'

const authService = new AuthService()

Page({
  data: { goods: [] },
  onLoad() {
    authService.checkLoginCode().then(this.init, this.login)
  },
  init() {},
  login() {
    wx.login({ success: (res) => authService.session(res.code).then(() => this.init()) })
  },
})
"""
SILENT = """export default class AuthService {
  checkLoginCode() {
    const code = wx.getStorageSync('login_code')
    if (code === '') {
      return Promise.reject('no login code')
    }
    return new Promise((resolve, reject) => {
      wx.request({ url: 'https://api.example.com/check', data: { code }, success: resolve, fail: reject })
    })
  }

  session(code) {
    return new Promise((resolve) => wx.request({ url: 'https://api.example.com/session', data: { code },
                                                 success: resolve }))
  }
}
"""
FORCING = SILENT.replace("return Promise.reject('no login code')",
                         "wx.redirectTo({ url: '/pages/login/login' })\n      return Promise.reject('no login code')")


def _findings(tmp_path, service: str | None, page: str = PAGE) -> set[tuple[str, str, int]]:
    repo = Repo(tmp_path / "repo")
    repo.write("app.json", APP_JSON)
    repo.write("app.js", "App({})\n")
    repo.write("pages/shop/index.js", "Page({})\n")
    repo.write("pages/shop/index.wxml", "<view wx:for=\"{{goods}}\">{{item.name}}</view>\n")
    repo.write("pages/login/login.js", "Page({})\n")
    repo.write("pages/login/login.wxml", "<button bindtap=\"login\">登录</button>\n")
    base = repo.commit("base")
    repo.write("pages/shop/index.js", page)
    if service is not None:
        repo.write("service/AuthService.js", service)
    repo.commit()
    return {(f.rule, f.path, f.line) for f in run(repo.path, base).findings if f.family == "login"}


def test_a_session_check_named_like_a_login_check_that_forces_nothing_is_silent(tmp_path):
    assert _findings(tmp_path, SILENT) == set()


def test_the_same_check_sending_a_user_without_a_session_to_login_is_forced_login(tmp_path):
    assert ("login.forced_login", "pages/shop/index.js", 8) in _findings(tmp_path, FORCING)


def test_a_login_check_no_imported_module_defines_is_still_forced_login(tmp_path):
    # (no silent wx.login on its failure either: that would make it a session check, readers/sessioncheck.py)
    assert _findings(tmp_path, None, PAGE.replace(".then(this.init, this.login)", ".then(this.init)")) == {
        ("login.forced_login", "pages/shop/index.js", 8)}


def test_a_login_check_no_module_defines_whose_failure_logs_in_silently_is_a_session_check(tmp_path):
    assert _findings(tmp_path, None) == set()
