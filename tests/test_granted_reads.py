"""A silent read of data the user already granted (``if (res.authSetting['scope.userInfo']) wx.getUserInfo()``, the
template's launch code) asks nothing: a profile button added while it goes away is a new place where the app asks.
So is a button where the app had no button before, whatever script call went away: moves match like for like."""

from __future__ import annotations

from helpers import found, run
from mp_precheck.readers.grantedread import granted_branches

SILENT_READ = ("App({\n  onLaunch () {\n    wx.getSetting({\n      success: res => {\n"
               "        if (res.authSetting['scope.userInfo']) {\n          wx.getUserInfo({\n"
               "            success: r => { this.globalData.userInfo = r.userInfo }\n          })\n        }\n"
               "      }\n    })\n  },\n  globalData: {}\n})\n")
BUTTON = '<view>\n  <button open-type="getUserInfo" bindgetuserinfo="onGot">获取用户信息</button>\n</view>\n'


def _privacy(report) -> set[tuple[str, str, int, str]]:
    return {f for f in found(report) if f[0].startswith("privacy.") and f[0] != "privacy.no_consent_flow"}


def _launch_read_to_button(app_repo, launch: str):
    """The app's launch code ``launch`` taken out, and a getUserInfo button put on the entry page."""
    app_repo.write("app.js", launch)
    base = app_repo.commit("launch code")
    app_repo.write("app.js", "App({\n  globalData: {}\n})\n")
    app_repo.write("pages/index/index.wxml", BUTTON)
    app_repo.commit("the ask on a button")
    return run(app_repo.path, base)


def test_a_button_added_while_the_silent_launch_read_goes_away_is_a_new_call_site(app_repo):
    assert _privacy(_launch_read_to_button(app_repo, SILENT_READ)) == {
        ("privacy.user_info_reclaimed", "pages/index/index.wxml", 2, "file")}


def test_a_read_in_the_branch_where_the_scope_is_not_granted_is_no_button_moved(app_repo):
    app_repo.write("app.js", SILENT_READ.replace("if (res.authSetting", "if (!res.authSetting"))
    base = app_repo.commit("asks when not granted")
    app_repo.write("app.js", "App({\n  globalData: {}\n})\n")
    app_repo.write("pages/index/index.wxml", BUTTON)
    app_repo.commit("the ask on a button")
    assert _privacy(run(app_repo.path, base)) == {("privacy.user_info_reclaimed", "pages/index/index.wxml", 2, "file")}


def test_the_reader_tells_only_the_granted_branch():
    code = ("const { authSetting } = await wx.getSetting()\nif (authSetting['scope.userInfo']) {\n  read()\n}"
            " else {\n  ask()\n}\nif (authSetting['scope.userInfo'] || force) {\n  other()\n}\n")
    assert granted_branches(code, "store.ts") == ((2, 4),)
    assert granted_branches(code, "store.ts", line_offset=10) == ((12, 14),)
    assert granted_branches("if (authSetting['scope.userInfo'] {{{", "broken.js") in ((), ((1, 1),))
    assert granted_branches("wx.getUserInfo()\n", "plain.js") == ()


LAUNCH_READ = ("App({\n  onLaunch () {\n    wx.getUserInfo({\n"
               "      success: r => { this.globalData.userInfo = r.userInfo }\n    })\n  },\n  globalData: {}\n})\n")
KEPT_BEHIND_CHECK = SILENT_READ.replace("          })\n        }\n",
                                        "          })\n        } else {\n"
                                        "          wx.reLaunch({ url: '/pages/ask/ask' })\n        }\n")


def test_a_launch_read_kept_behind_a_granted_check_does_not_hide_a_new_pages_button(app_repo):
    # The launch call stays in app.js (now a silent read); the button on the new page is another place that asks.
    app_repo.write("app.js", LAUNCH_READ)
    base = app_repo.commit("reads the profile at launch")
    app_repo.write("app.js", KEPT_BEHIND_CHECK)
    app_repo.write("pages/ask/ask.wxml", BUTTON)
    app_repo.write("pages/ask/ask.js", "Page({ onGot (e) {} })\n")
    app_repo.commit("read only when granted, else ask on a page")
    assert ("privacy.user_info_reclaimed", "pages/ask/ask.wxml", 2, "file") in _privacy(run(app_repo.path, base))


def test_a_launch_read_replaced_by_the_apps_first_button_is_a_new_call_site(app_repo):
    assert _privacy(_launch_read_to_button(app_repo, LAUNCH_READ)) == {
        ("privacy.user_info_reclaimed", "pages/index/index.wxml", 2, "file")}


def test_a_button_more_where_the_app_showed_the_button_and_dropped_script_calls_stays_silent(app_repo):
    # buttons shuffled between pages (one copied) while two script reads go: asks moved around, none new
    page = ("Page({\n  a () { wx.getUserInfo({}) },\n  b () { wx.getUserInfo({}) }\n})\n")
    app_repo.write_files({"pages/index/index.wxml": BUTTON, "pages/index/index.js": page})
    base = app_repo.commit("a button and two reads")
    app_repo.write_files({"pages/index/index.js": "Page({})\n",
                          "pages/me/me.wxml": BUTTON + BUTTON.replace("onGot", "onAgain")})
    app_repo.commit("two buttons on the me page")
    assert not [f for f in _privacy(run(app_repo.path, base)) if f[0] == "privacy.user_info_reclaimed"]
