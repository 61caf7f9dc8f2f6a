"""A login check that only asks (reads the stored token, checks the session, asks the server, answers true or
false) is no forced login: a page a shared card opens calling it on show and loading the user's own data when
the answer is yes, and an app script calling it at launch through a bare ``require`` path, stay silent. The
same check whose module sends the user to the login page, or a page that does so itself when the answer is no,
is a wall. A no-cancel modal on the login page answering the server's reply to a login the user tapped is no
lock on a refused authorization."""

from __future__ import annotations

import pytest

from conftest import Repo
from helpers import found, run
from mp_precheck.analyzers.refusal_modal import refusal_modals

APP = ('{\n  "pages": ["pages/home/home", "pages/item/item", "pages/login/login"]\n}\n')
SESSION = """\
function sessionValid() {
  return new Promise(resolve => {
    wx.checkSession({ success() { resolve(true) }, fail() { resolve(false) } })
  })
}

async function checkLoginState() {
  const token = wx.getStorageSync('session-token')
  if (!token) {
    return false
  }
  if (!(await sessionValid())) {
    wx.removeStorageSync('session-token')
    return false
  }
  const res = await new Promise(resolve => wx.request({ url: 'https://api.example.org/token/verify',
    data: { token }, success: r => resolve(r.data) }))
  return res.code === 0
}

function silentLogin() {
  wx.login({ success: r => wx.request({ url: 'https://api.example.org/login', data: { code: r.code } }) })
}

module.exports = { checkLoginState, silentLogin }
"""
# The same check sending a user without a token to the login page: a wall wherever it runs on entry.
WALLED = SESSION.replace("  if (!token) {\n    return false",
                         "  if (!token) {\n    wx.navigateTo({ url: '/pages/login/login' })\n    return false")
ITEM = """\
const session = require('../../utils/session')

Page({
  data: { starred: false },
  onLoad(query) { this.id = query.id },
  onShow() {
    session.checkLoginState().then(ok => {
      if (ok) {
        this.loadStars()
      }NO
    })
  },
  loadStars() { wx.request({ url: 'https://api.example.org/stars', data: { id: this.id } }) },
  onShareAppMessage() { return { title: 'item', path: '/pages/item/item?id=' + this.id } }
})
"""
GOES_TO_LOGIN = " else {\n        wx.navigateTo({ url: '/pages/login/login' })\n      }"


def _files() -> dict[str, str]:
    return {"app.json": APP, "app.js": "App({})\n", "pages/home/home.js": "Page({})\n",
            "pages/home/home.wxml": "<view>home</view>\n", "pages/login/login.js": "Page({})\n",
            "pages/login/login.wxml": "<button bindtap='login'>登录</button>\n",
            "pages/item/item.wxml": "<view>{{id}}</view>\n"}


def _forced(tmp_path: object, changed: dict[str, str]) -> set[tuple[str, int]]:
    repo = Repo(tmp_path / "repo")  # type: ignore[operator]
    repo.write_files(_files())
    base = repo.commit("base")
    repo.write_files(changed)
    repo.commit("change")
    return {(path, line) for rule, path, line, _scope in found(run(repo.path, base)) if rule == "login.forced_login"}


@pytest.mark.parametrize(("session", "otherwise", "forced"), [
    (SESSION, "", set()),  # asks, and loads the user's stars only when logged in
    (WALLED, "", {("pages/item/item.js", 7)}),  # the check itself opens the login page
    (SESSION, GOES_TO_LOGIN, {("pages/item/item.js", 10)}),  # the page sends a user who is not logged in away
])
def test_a_shared_page_that_only_asks_whether_the_user_is_logged_in_is_no_wall(tmp_path, session, otherwise, forced):
    changed = {"utils/session.js": session, "pages/item/item.js": ITEM.replace("NO", otherwise)}
    assert _forced(tmp_path, changed) == forced


LAUNCH = """\
const session = require('utils/session')

App({
  onLaunch() {
    session.checkLoginState().then(ok => {
      if (!ok) {
        session.silentLogin()
      }
    })
  }
})
"""


@pytest.mark.parametrize(("session", "forced"), [(SESSION, False), (WALLED, True)])
def test_a_launch_check_required_by_a_bare_path_is_read_in_the_module_beside_the_app(tmp_path, session, forced):
    # WeChat's require reads 'utils/session' from the app script's folder: the module decides, not the name.
    told = _forced(tmp_path, {"utils/session.js": session, "app.js": LAUNCH})
    assert bool(told) is forced


ANSWER = """\
Page({
  async tapLogin() {
    const res = await account.signIn(this.data.form)
    if (res.code == 20001) {
      wx.showModal({ content: '账号未注册，请先用手机号登录', showCancel: false })
      return
    }
    wx.reLaunch({ url: '/pages/home/home' })
  }
})
"""
# The same modal after awaiting the user's answer to an authorization ask: a lock on a refusal.
REFUSED = ANSWER.replace("account.signIn(this.data.form)", "this.askUserProfile()")


def test_a_modal_answering_the_servers_reply_to_a_tapped_login_is_no_refusal_lock():
    assert list(refusal_modals(ANSWER, "pages/login/login.js")) == []
    assert [line for line, _what in refusal_modals(REFUSED, "pages/login/login.js")] == [5]
