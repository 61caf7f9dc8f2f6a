"""A login dialog the entry tab opens because a tap on another page asked for it (a flag in ``globalData``
the tab's ``onShow`` reads and clears, as ``switchTab`` carries no query) is login on demand; the same dialog
opened under a flag nobody clears, or from a stored value read and left, is still a wall on the entry page."""

from __future__ import annotations

import pytest

from helpers import found, run

ENTRY = """\
Page({
  data: { showLoginModal: false },
  onShow() {
    const app = getApp()
    const requested = READ
    if (requested) {
      CLEAR
      setTimeout(() => this.openLogin(), 0)
    }
  },
  openLogin() { this.setData({ showLoginModal: true }) }
})
"""
ASKING_PAGE = """\
Page({
  goToLogin() {
    getApp().globalData.requestAction = 'login'
    wx.switchTab({ url: '/pages/index/index' })
  }
})
"""


@pytest.mark.parametrize(("read", "clear", "forced"), [
    ("app.globalData.requestAction", "app.globalData.requestAction = null", False),
    ("wx.getStorageSync('askLogin')", "wx.removeStorageSync('askLogin')", False),
    ("app.globalData.requestAction", "console.log(requested)", True),
    ("wx.getStorageSync('askLogin')", "wx.removeStorageSync('other')", True),
])
def test_a_login_dialog_another_page_asked_for_is_on_demand(app_repo, read, clear, forced):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/index/index.js", ENTRY.replace("READ", read).replace("CLEAR", clear))
    app_repo.write("pages/me/me.js", ASKING_PAGE)
    app_repo.commit("the me tab asks the home tab to open its login dialog")
    login = [f for f in found(run(app_repo.path, base)) if f[0] == "login.forced_login"]
    assert login == ([("login.forced_login", "pages/index/index.js", 6, "app")] if forced else [])


def test_a_member_flag_cleared_in_its_branch_is_a_handover(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/index/index.js", "Page({\n  onShow() {\n    const app = getApp()\n"
                                           "    if (app.globalData.wantLogin) {\n      delete app.globalData.wantLogin\n"
                                           "      wx.navigateTo({ url: '/pages/login/login' })\n    }\n  }\n})\n")
    app_repo.commit()
    assert [f for f in found(run(app_repo.path, base)) if f[0] == "login.forced_login"] == []


def test_the_same_flag_cleared_in_the_app_launch_is_still_forced(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("app.js", "App({\n  onShow() {\n    if (this.globalData.wantLogin) {\n"
                             "      this.globalData.wantLogin = false\n"
                             "      wx.reLaunch({ url: '/pages/login/login' })\n    }\n  }\n})\n")
    app_repo.commit()
    assert ("login.forced_login", "app.js", 3, "app") in found(run(app_repo.path, base))
