"""A page calling one of the App's launch hooks (``getApp().onLaunch()``) runs again what already ran as the app
launched: no new use of the APIs in it (facts/store.py). A call of another App method is followed as before."""

from __future__ import annotations

from conftest import minimal_app
from helpers import run

_APP = ("App({\n"
        "  onLaunch() {\n"
        "    wx.getLocation({ type: 'gcj02', success: (res) => { this.globalData.at = res } })\n"
        "  },\n"
        "  refreshPosition() {\n"
        "    wx.getLocation({ type: 'gcj02', success: (res) => { this.globalData.at = res } })\n"
        "  },\n"
        "  globalData: {}\n"
        "})\n")
_APP_JSON = ('{\n  "pages": ["pages/index/index", "pages/me/me"],\n'
             '  "requiredPrivateInfos": ["getLocation"],\n'
             '  "permission": { "scope.userLocation": { "desc": "附近门店" } }\n}\n')
_ME = ("const app = getApp()\n"
       "Page({\n"
       "  retry() {\n"
       "    app.{method}()\n"
       "  }\n"
       "})\n")


def _location(tmp_path, method: str) -> set[tuple[str, str, int, str]]:
    repo, base = minimal_app(tmp_path / "repo", {"app.js": _APP, "app.json": _APP_JSON})
    repo.write_files({"pages/me/me.js": _ME.replace("{method}", method),
                      "pages/me/me.wxml": '<view bindtap="retry">重试</view>\n'})
    repo.commit("retry from the me page")
    return {(f.rule, f.path, f.line, f.scope) for f in run(repo.path, base).findings if f.family == "privacy"
            and f.rule != "privacy.no_consent_flow"}


def test_calling_the_app_launch_hook_again_is_no_new_use(tmp_path):
    assert _location(tmp_path, "onLaunch") == set()


def test_calling_another_app_method_is_still_a_use(tmp_path):
    assert _location(tmp_path, "refreshPosition") == {("privacy.location", "pages/me/me.js", 4, "file")}
