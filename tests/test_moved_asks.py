"""An ask that moved with its callback: the home page's getUserInfo callback deleted (its button left bound to
nothing) as the me page gains the same button is no new call site; with the callback kept, or moved onto the
entry page, it is one."""

from __future__ import annotations

from conftest import minimal_app
from helpers import run

_ASK = '<view>home</view>\n<button open-type="getUserInfo" bindgetuserinfo="onInfo">授权</button>\n'
_HANDLER = "Page({\n  onInfo(e) { this.setData({ user: e.detail.userInfo }) }\n})\n"
_NEW_ASK = ('<view>login</view>\n<input placeholder="手机号" />\n'
            '<button open-type="getUserInfo" bindgetuserinfo="onInfo">微信授权</button>\n')


def _asks(tmp_path, script_left: str, source: str = "index", target: str = "me") -> set[tuple[str, str, int, str]]:
    """The getUserInfo button findings when page ``target`` gains the button as page ``source``'s script
    becomes ``script_left``."""
    repo, base = minimal_app(tmp_path / "repo", {f"pages/{source}/{source}.wxml": _ASK,
                                                 f"pages/{source}/{source}.js": _HANDLER})
    repo.write(f"pages/{source}/{source}.js", script_left)
    repo.write(f"pages/{target}/{target}.wxml", _NEW_ASK)
    repo.write(f"pages/{target}/{target}.js", _HANDLER)
    repo.commit("the ask on another page")
    return {(f.rule, f.path, f.line, f.scope) for f in run(repo.path, base).findings if f.family == "privacy"
            and f.subject == "button[open-type=getUserInfo]"}


def test_a_new_button_of_an_ask_the_app_keeps_elsewhere_is_a_new_call_site(tmp_path):
    assert _asks(tmp_path, _HANDLER + "// home keeps asking\n") == {
        ("privacy.user_info_reclaimed", "pages/me/me.wxml", 3, "file")}


def test_a_button_whose_callback_moved_from_another_page_is_no_new_call_site(tmp_path):
    assert _asks(tmp_path, "Page({})\n") == set()


def test_an_ask_moved_onto_the_entry_page_is_still_a_new_call_site(tmp_path):
    assert _asks(tmp_path, "Page({})\n", source="me", target="index") == {
        ("privacy.user_info_reclaimed", "pages/index/index.wxml", 3, "file")}
