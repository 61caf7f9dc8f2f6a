"""Forced login is what a first-time user meets before any tap: a ``wx.getUserProfile`` a hook calls shows nothing
(the API answers only a tap), and a redirect a hook takes only for a user already authorized or logged in moves a
returning user on. The walls a user who has not logged in meets keep firing."""

from __future__ import annotations

import pytest

from helpers import run


def _login(repo, base):
    return {(f.rule, f.path, f.line, f.subject) for f in run(repo.path, base).findings if f.family == "login"}


# -- a launch hook's wx.getUserProfile ---------------------------------------------------------------
LAUNCH_PROFILE = """\
App({
  globalData: { member: null },
  onLaunch() {
    wx.getUserProfile({
      desc: '展示会员头像',
      success: (res) => { this.globalData.member = res.userInfo },
      fail: () => { this.globalData.member = wx.getStorageSync('member') }
    })
  }
})
"""


def test_a_launch_hooks_get_user_profile_forces_no_login(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("app.js", LAUNCH_PROFILE)
    app_repo.commit()
    report = run(app_repo.path, base)
    assert [f for f in report.findings if f.family == "login"] == []
    assert ("privacy.user_info_reclaimed", "app.js", 4) in {(f.rule, f.path, f.line) for f in report.findings}


def test_a_page_hooks_get_user_profile_forces_no_login(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/index/index.js", "Page({\n  onLoad() {\n    wx.getUserProfile({ desc: '完善资料' })\n"
                                           "  }\n})\n")
    app_repo.commit()
    assert _login(app_repo, base) == set()


def test_a_launch_hooks_authorize_beside_it_still_forces_authorization(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("app.js", LAUNCH_PROFILE.replace("  onLaunch() {\n", "  onLaunch() {\n"
                                                    "    wx.authorize({ scope: 'scope.userLocation' })\n"))
    app_repo.commit()
    assert {(rule, path, line) for rule, path, line, _ in _login(app_repo, base)} == {
        ("login.forced_login", "app.js", 4)}


def test_a_get_user_profile_whose_refusal_redirects_to_login_still_fires(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("app.js", "App({\n  onLaunch() {\n    wx.getUserProfile({\n      desc: '资料',\n"
                             "      fail: () => wx.reLaunch({ url: '/pages/signin/signin' })\n    })\n  }\n})\n")
    app_repo.commit()
    assert {subject for _, _, _, subject in _login(app_repo, base)} == {"login:launch:pages/signin/signin"}


# -- a redirect taken only for a user already authorized -------------------------------------------------
def _entry(body: str) -> str:
    return "Page({\n  onLoad() {\n" + body + "  }\n})\n"


GRANTED = {
    "scope granted, then the profile read": (
        "    wx.getSetting({\n      success(res) {\n        if (res.authSetting['scope.userInfo']) {\n"
        "          wx.getUserInfo({\n            success() {\n"
        "              wx.switchTab({ url: '/pages/authorized/authorized' })\n"
        "            }\n          })\n        }\n      }\n    })\n"),
    "a stored token present": (
        "    if (wx.getStorageSync('access_token')) {\n      wx.reLaunch({ url: '/pages/auth/welcome' })\n    }\n"),
    "the else of a missing token": (
        "    const token = wx.getStorageSync('token')\n    if (!token) {\n      this.setData({ guest: true })\n"
        "    } else {\n      wx.redirectTo({ url: '/pages/auth/welcome' })\n    }\n"),
    "an early return for a guest": (
        "    if (!getApp().globalData.isLogin) return\n    wx.redirectTo({ url: '/pages/auth/welcome' })\n"),
    "logged-in flag compared with true": (
        "    getApp().globalData.hasLogin === true && wx.redirectTo({ url: '/pages/auth/welcome' })\n"),
    "a stored profile compared with null": (
        "    if (wx.getStorageSync('userInfo') != null) {\n      wx.reLaunch({ url: '/pages/authorize/home' })\n    }\n"),
}


WALLS = {
    "scope not granted": (
        "    wx.getSetting({\n      success(res) {\n        if (!res.authSetting['scope.userInfo']) {\n"
        "          wx.reLaunch({ url: '/pages/auth/auth' })\n        }\n      }\n    })\n", 5),
    "the else of a granted scope": (
        "    wx.getSetting({\n      success(res) {\n        if (res.authSetting['scope.userInfo']) {\n"
        "          this.setData({ ready: true })\n        } else {\n"
        "          wx.reLaunch({ url: '/pages/auth/auth' })\n        }\n      }\n    })\n", 7),
    "a stored token missing": (
        "    if (wx.getStorageSync('token') === '') {\n      wx.reLaunch({ url: '/pages/auth/auth' })\n    }\n", 3),
    "a check that asks, named like login": (
        "    if (this.data.needLogin) {\n      wx.reLaunch({ url: '/pages/auth/auth' })\n    }\n", 3),
    "logged in, but no phone bound": (
        "    if (!wx.getStorageSync('token')) return\n    if (!getApp().globalData.mobile) {\n"
        "      wx.reLaunch({ url: '/pages/auth/bind' })\n    }\n", 4),
    "logged in, sent on to bind a phone": (
        "    if (getApp().globalData.openid) {\n      wx.reLaunch({ url: '/pages/account/bind-phone' })\n    }\n", 3),
}


@pytest.mark.parametrize(("granted", "wall"), list(zip(GRANTED.values(), WALLS.values(), strict=True)),
                         ids=[f"{a} | {b}" for a, b in zip(GRANTED, WALLS, strict=True)])
def test_a_redirect_only_an_authorized_user_takes_is_no_wall_unlike_a_guests(app_repo, granted, wall):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/index/index.js", _entry(granted))
    app_repo.commit("the returning user's way on")
    assert _login(app_repo, base) == set()
    app_repo.write("pages/index/index.js", _entry(wall[0]))
    app_repo.commit("the guest's wall")
    assert {(rule, path, at) for rule, path, at, _ in _login(app_repo, base)} == {
        ("login.forced_login", "pages/index/index.js", wall[1])}


# -- what still meets a user whatever the test around it says ------------------------------------------------
STILL_WALLS = {
    # wx.getUserInfo answers every user (an anonymous profile since 2021): its success proves nothing
    "the success of wx.getUserInfo": (
        "    wx.getUserInfo({\n      success: () => wx.reLaunch({ url: '/pages/login/login' })\n    })\n", 3),
    # a session from the silent wx.login is no account
    "the success of wx.checkSession": (
        "    wx.checkSession({\n      success: () => wx.reLaunch({ url: '/pages/login/login' })\n    })\n", 3),
    # a dialog is met by the granted user too: only a page opened moves a user on
    "an authorization asked of a logged-in user": (
        "    if (wx.getStorageSync('token')) {\n      wx.authorize({ scope: 'scope.userLocation' })\n    }\n", 3),
    "a name saying the profile is missing": (
        "    if (this.data.noUserInfo) {\n      wx.reLaunch({ url: '/pages/login/login' })\n    }\n", 3),
    "a name saying the token is invalid": (
        "    if (wx.getStorageSync('invalidToken')) {\n      wx.reLaunch({ url: '/pages/login/login' })\n    }\n", 3),
}


@pytest.mark.parametrize("body", list(STILL_WALLS.values()), ids=list(STILL_WALLS))
def test_a_step_no_granted_test_decides_still_fires(app_repo, body):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/index/index.js", _entry(body[0]))
    app_repo.commit("a wall")
    assert {(rule, path, at) for rule, path, at, _ in _login(app_repo, base)} == {
        ("login.forced_login", "pages/index/index.js", body[1])}
