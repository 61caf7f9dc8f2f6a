"""An ask that moved with its callback: the home page's getUserInfo callback deleted (its button left bound to
nothing) as the login page gains the same button is no new call site; with the callback kept, it is one."""

from __future__ import annotations

from conftest import minimal_app
from helpers import run

_HOME = '<view>home</view>\n<button open-type="getUserInfo" bindgetuserinfo="onInfo">授权</button>\n'
_HANDLER = "Page({\n  onInfo(e) { this.setData({ user: e.detail.userInfo }) }\n})\n"
_LOGIN = ('<view>login</view>\n<input placeholder="手机号" />\n'
          '<button open-type="getUserInfo" bindgetuserinfo="onInfo">微信授权</button>\n')


def _asks(tmp_path, home_script: str) -> set[tuple[str, str, int, str]]:
    repo, base = minimal_app(tmp_path / "repo", {"pages/index/index.wxml": _HOME,
                                                 "pages/index/index.js": _HANDLER})
    repo.write("pages/index/index.js", home_script)
    repo.write("pages/me/me.wxml", _LOGIN)
    repo.write("pages/me/me.js", _HANDLER)
    repo.commit("login page asks")
    return {(f.rule, f.path, f.line, f.scope) for f in run(repo.path, base).findings if f.family == "privacy"
            and f.subject == "button[open-type=getUserInfo]"}


def test_a_new_button_of_an_ask_the_app_keeps_elsewhere_is_a_new_call_site(tmp_path):
    assert _asks(tmp_path, _HANDLER + "// home keeps asking\n") == {
        ("privacy.user_info_reclaimed", "pages/me/me.wxml", 3, "file")}


def test_a_button_whose_callback_moved_from_another_page_is_no_new_call_site(tmp_path):
    assert _asks(tmp_path, "Page({})\n") == set()
