"""Moves match like for like: a script call moved is the same call, a button moved into a component the same
button, but a silent ``wx.getUserInfo`` the app script stops making while a new page shows
``<button open-type="getUserInfo">`` is a new place that asks (a new call site of a subject the app had)."""

from __future__ import annotations

from helpers import found, run

LAUNCH_READ = ("App({\n  onLaunch () {\n    wx.getUserInfo({\n"
               "      success: r => { this.globalData.userInfo = r.userInfo }\n    })\n  },\n  globalData: {}\n})\n")
PAGE_READ = ("Page({\n  onLoad () {\n    wx.getUserInfo({\n"
             "      success: r => { this.setData({ user: r.userInfo }) }\n    })\n  }\n})\n")
BUTTON = '<view>\n  <button open-type="getUserInfo" bindgetuserinfo="onGot">授权</button>\n</view>\n'
APP = '{\n  "pages": ["pages/assistant/ask", "pages/index/index", "pages/me/me"]\n}\n'


def _profile(report) -> set[tuple[str, str, int, str]]:
    return {f for f in found(report) if f[0] == "privacy.user_info_reclaimed"}


def test_a_new_pages_button_is_no_silent_app_call_moved(app_repo):
    app_repo.write("app.js", LAUNCH_READ)
    base = app_repo.commit("reads the profile at launch")
    app_repo.write_files({"app.js": "App({\n  globalData: {}\n})\n", "app.json": APP, "pages/assistant/ask.wxml": BUTTON,
                          "pages/assistant/ask.js": "Page({ onGot (e) { wx.switchTab({ url: '/pages/index/index' }) } })\n"})
    app_repo.commit("an authorize page first")
    assert _profile(run(app_repo.path, base)) == {("privacy.user_info_reclaimed", "pages/assistant/ask.wxml", 2, "file")}


def test_the_same_script_call_moved_to_a_page_stays_silent(app_repo):
    app_repo.write("app.js", LAUNCH_READ)
    base = app_repo.commit("reads the profile at launch")
    app_repo.write_files({"app.js": "App({\n  globalData: {}\n})\n", "pages/index/index.js": PAGE_READ})
    app_repo.commit("read on the home page")
    assert _profile(run(app_repo.path, base)) == set()


def test_the_same_button_moved_into_a_component_stays_silent(app_repo):
    app_repo.write("pages/me/me.wxml", BUTTON)
    app_repo.write("pages/me/me.js", "Page({ onGot (e) {} })\n")
    base = app_repo.commit("the ask on the me page")
    app_repo.write_files({
        "pages/me/me.wxml": "<view>\n  <auth-box></auth-box>\n</view>\n",
        "pages/me/me.json": '{\n  "usingComponents": { "auth-box": "/components/auth/auth" }\n}\n',
        "components/auth/auth.wxml": BUTTON, "components/auth/auth.json": '{\n  "component": true\n}\n',
        "components/auth/auth.js": "Component({ methods: { onGot (e) {} } })\n"})
    app_repo.commit("the ask in a component")
    assert _profile(run(app_repo.path, base)) == set()
