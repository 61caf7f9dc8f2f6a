"""Login guards run from the app config (checks/route_guards.yml, readers/routeguard.py): uni-id's uniIdRouter
``needLogin`` covering the entry page is forced login; patterns for other pages, an exempt entry page and a gate
the app already had are silent."""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import Repo
from helpers import places, run
from mp_precheck.core.resources import data_dir
from mp_precheck.facts.extract import extract
from mp_precheck.readers.routeguard import RouteGuardDataError, check_route_guards

PAGES = ("pages/home/home", "pages/profile/profile", "pages/orders/list", "pages/account/signin")
LOGIN = "pages/account/signin"


def pages_json(need_login: list[str], *, first: str = "pages/home/home", flags: dict[str, bool] | None = None,
               tabs: list[str] | None = None) -> str:
    """A uni-app pages.json, one key per line (the guard's patterns on lines of their own)."""
    order = [first] + [p for p in PAGES if p != first]
    entries = []
    for page in order:
        flag = f',\n      "needLogin": {json.dumps((flags or {})[page])}' if page in (flags or {}) else ""
        entries.append(f'    {{\n      "path": "{page}",\n      "style": {{ "navigationBarTitleText": "" }}{flag}\n    }}')
    tab_bar = "" if tabs is None else ',\n  "tabBar": {\n    "list": [\n' + ",\n".join(
        f'      {{ "pagePath": "{t}", "text": "{t}" }}' for t in tabs) + "\n    ]\n  }"
    patterns = ",\n".join(f"      {json.dumps(p)}" for p in need_login)
    return ('{\n  "pages": [\n' + ",\n".join(entries) + "\n  ]" + tab_bar +
            f',\n  "uniIdRouter": {{\n    "loginPage": "{LOGIN}",\n    "needLogin": [\n{patterns}\n    ],\n'
            '    "resToLogin": true\n  }\n}\n')


def _app(repo: Repo, pages: str) -> None:
    repo.write("pages.json", pages)
    repo.write("manifest.json", "{}\n")
    repo.write("App.vue", "<script>export default {}</script>\n")
    for page in (*PAGES, "pages/splash/splash"):
        repo.write(f"{page}.vue", "<template><view>page</view></template>\n")


def _forced(repo: Repo, base: str) -> set[tuple[str, str, int]]:
    return places(run(repo.path, base), "login")


def _line(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_needlogin_gaining_the_entry_page_is_forced_login(tmp_path):
    repo = Repo(tmp_path / "repo")
    _app(repo, pages_json(["/pages/profile/profile"]))
    base = repo.commit("base")
    head = pages_json(["/pages/home/home", "/pages/profile/.*"])
    _app(repo, head)
    repo.commit()
    assert _forced(repo, base) == {("login.forced_login", "pages.json", _line(head, '"/pages/home/home"'))}


@pytest.mark.parametrize("pattern", ["pages/.*", "^/pages/(home|orders)/", "/home/"])
def test_a_regular_expression_over_the_entry_page_is_forced_login(tmp_path, pattern):
    repo = Repo(tmp_path / "repo")
    _app(repo, pages_json(["/pages/orders/.*"]))
    base = repo.commit("base")
    head = pages_json(["/pages/orders/.*", pattern])
    _app(repo, head)
    repo.commit()
    assert _forced(repo, base) == {("login.forced_login", "pages.json", _line(head, json.dumps(pattern)))}


def test_the_entry_pages_own_flag_puts_it_behind_login(tmp_path):
    repo = Repo(tmp_path / "repo")
    _app(repo, pages_json([]))
    base = repo.commit("base")
    head = pages_json([], flags={"pages/home/home": True})
    _app(repo, head)
    repo.commit()
    assert _forced(repo, base) == {("login.forced_login", "pages.json", _line(head, '"needLogin": true'))}


def test_a_splash_entry_page_leads_to_a_guarded_first_tab(tmp_path):
    repo = Repo(tmp_path / "repo")
    tabs = ["pages/home/home", "pages/profile/profile"]
    _app(repo, pages_json([], first="pages/splash/splash", tabs=tabs))
    base = repo.commit("base")
    head = pages_json(["/pages/home/home"], first="pages/splash/splash", tabs=tabs)
    _app(repo, head)
    repo.commit()
    assert _forced(repo, base) == {("login.forced_login", "pages.json", _line(head, '"/pages/home/home"'))}


@pytest.mark.parametrize(("before", "after"), [
    # profile and order pages need login: the entry page stays open
    (pages_json(["/pages/profile/profile"]), pages_json(["/pages/profile/.*", "/pages/orders/.*"])),
    # the entry page exempts itself from a pattern over every page
    (pages_json([], flags={"pages/home/home": False}), pages_json(["/pages/.*"], flags={"pages/home/home": False})),
    # the app already opened behind login: a second pattern over the same page is no new gate
    (pages_json(["pages/.*"]), pages_json(["pages/.*", "/pages/home/home"])),
    # a tab the user taps is not the entry page
    (pages_json([], tabs=["pages/home/home", "pages/profile/profile"]),
     pages_json(["/pages/profile/profile"], tabs=["pages/home/home", "pages/profile/profile"])),
    # the login page itself opens the app: the guard never sends it to itself (login_first_page tells that)
    (pages_json(["/pages/orders/.*"], first=LOGIN), pages_json(["/pages/.*"], first=LOGIN)),
])
def test_guards_that_leave_the_entry_page_open_or_add_no_gate_are_silent(tmp_path, before, after):
    repo = Repo(tmp_path / "repo")
    _app(repo, before)
    base = repo.commit("base")
    _app(repo, after)
    repo.commit()
    assert {rule for rule, _, _ in _forced(repo, base)} <= {"login.login_first_page"}


def test_a_pattern_no_regular_expression_engine_reads_is_no_match():
    text = pages_json(["/pages/home/(home", "/pages/profile/profile"])
    assert [f for f in extract("pages.json", text.encode()).facts if f.subject.startswith("login:")] == []


def test_shipped_table_matches_its_schema_and_a_broken_one_is_named(tmp_path, monkeypatch):
    check_route_guards()
    shutil.copytree(data_dir("checks"), tmp_path / "checks")
    (tmp_path / "checks" / "route_guards.yml").write_text("guards: [{name: x}]\n", encoding="utf-8")
    monkeypatch.setattr("mp_precheck.readers.routeguard.data_dir", lambda name: tmp_path / name)
    with pytest.raises(RouteGuardDataError, match=r"^route_guards\.yml: "):
        check_route_guards()
