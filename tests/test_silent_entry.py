"""A login page made the entry page is forced login when it waits for the user; one that logs in silently on
load (wx.login, a cached token) and switches to the home tab by itself asks nothing and stays silent."""

from __future__ import annotations

from conftest import Repo
from helpers import run

PAGES = '{\n  "pages": [\n    %s\n  ]\n}\n'
HOME_FIRST = PAGES % '"pages/home/home",\n    "pages/login/login"'
LOGIN_FIRST = PAGES % '"pages/login/login",\n    "pages/home/home"'

SILENT = """import api from '../../utils/api.js'
Page({
  data: { failed: false },
  onLoad(options) {
    if (options.manual) {
      this.setData({ failed: true })
    } else {
      api.autoLogin().then(() => {
        if (options.to == 'message') {
          wx.switchTab({ url: '/pages/message/message' })
        } else {
          wx.switchTab({ url: '/pages/home/home' })
        }
      }).catch(() => this.setData({ failed: true }))
    }
  },
  retry() { api.autoLogin().then(() => wx.switchTab({ url: '/pages/home/home' })) },
})
"""
SILENT_WX_LOGIN = """Page({
  onLoad() {
    wx.login({
      success(res) {
        wx.request({ url: 'https://api.example.com/session', data: { code: res.code } })
        wx.reLaunch({ url: '/pages/home/home' })
      },
    })
  },
})
"""
# Only a returning user with a stored token goes on: a new one must tap the button.
TOKEN_ONLY = """Page({
  onLoad() {
    if (wx.getStorageSync('token')) {
      wx.switchTab({ url: '/pages/home/home' })
    }
  },
  tapLogin() { wx.login({ success: () => wx.switchTab({ url: '/pages/home/home' }) }) },
})
"""
# The silent login decides: an unregistered user stays on the page to bind a phone number.
REGISTERED_ONLY = """Page({
  async onLoad() {
    const res = await this.login()
    if (res.registered) {
      wx.switchTab({ url: '/pages/home/home' })
    }
  },
  login() { return new Promise(resolve => wx.login({ success: resolve })) },
})
"""
TEMPLATE = '<view wx:if="{{failed}}"><button bindtap="retry">登录</button></view>\n<view wx:else>…</view>\n'


def _app(repo: Repo, app_json: str, login_js: str) -> None:
    repo.write("app.json", app_json)
    repo.write("app.js", "App({})\n")
    repo.write("utils/api.js", "export default { autoLogin() { return Promise.resolve() } }\n")
    repo.write("pages/home/home.js", "Page({})\n")
    repo.write("pages/home/home.wxml", "<view>home</view>\n")
    repo.write("pages/login/login.js", login_js)
    repo.write("pages/login/login.wxml", TEMPLATE)


def _entry_findings(tmp_path, login_js: str) -> set[tuple[str, int]]:
    repo = Repo(tmp_path / "repo")
    _app(repo, HOME_FIRST, login_js)
    base = repo.commit("base")
    repo.write("app.json", LOGIN_FIRST)
    repo.commit()
    return {(f.path, f.line) for f in run(repo.path, base).findings if f.rule == "login.login_first_page"}


def test_a_login_page_that_logs_in_silently_and_switches_home_is_no_forced_login(tmp_path):
    assert _entry_findings(tmp_path, SILENT) == set()


def test_a_wx_login_success_that_relaunches_home_is_no_forced_login(tmp_path):
    assert _entry_findings(tmp_path, SILENT_WX_LOGIN) == set()


def test_a_login_page_that_lets_only_a_stored_token_through_is_forced_login(tmp_path):
    assert _entry_findings(tmp_path, TOKEN_ONLY) == {("app.json", 3)}


def test_a_login_page_that_lets_only_registered_users_through_is_forced_login(tmp_path):
    assert _entry_findings(tmp_path, REGISTERED_ONLY) == {("app.json", 3)}


AWAIT_SILENT = """Page({
  async onShow() {
    wx.showLoading({ title: '' })
    await getApp().silentLogin()
    wx.switchTab({ url: '/pages/home/home' })
  },
})
"""


def test_awaiting_a_silent_login_then_switching_home_is_no_forced_login(tmp_path):
    assert _entry_findings(tmp_path, AWAIT_SILENT) == set()
