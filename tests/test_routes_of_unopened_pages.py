"""A route written in a page no configuration registers leads nowhere a user can go: like that page's other calls,
it is not told until a change registers the page. A registered page's route to an unregistered page still fires."""

from __future__ import annotations

from conftest import MINIMAL_APP, Repo
from helpers import run

TO_DRAFT = "Page({ go() { wx.navigateTo({ url: '/pages/draft/draft' }) } })\n"
TO_NOTES = "Page({ go() { wx.navigateTo({ url: '/pages/notes/notes' }) } })\n"


def _routes(repo: Repo, base: str) -> set[tuple[str, str]]:
    return {(f.path, f.subject) for f in run(repo.path, base).findings
            if f.rule == "completeness.unregistered_route"}


def _app(tmp_path, files: dict[str, str] | None = None) -> tuple[Repo, str]:
    repo = Repo(tmp_path / "repo")
    repo.write_files({**MINIMAL_APP, **(files or {})})
    return repo, repo.commit("base")


def test_an_unregistered_page_linking_another_unregistered_page_is_silent(tmp_path):
    repo, base = _app(tmp_path)
    repo.write_files({"pages/draft/draft.wxml": '<navigator url="/pages/notes/notes">notes</navigator>\n'
                                                '<button bindtap="go">go</button>\n',
                      "pages/draft/draft.js": TO_NOTES})
    repo.commit("draft page, not registered yet")
    assert _routes(repo, base) == set()


def test_a_registered_page_linking_an_unregistered_page_fires(tmp_path):
    repo, base = _app(tmp_path)
    repo.write_files({"pages/draft/draft.wxml": '<button bindtap="go">go</button>\n', "pages/draft/draft.js": TO_NOTES,
                      "pages/me/me.js": TO_DRAFT, "pages/me/me.wxml": '<button bindtap="go">go</button>\n'})
    repo.commit("me links the draft page")
    assert _routes(repo, base) == {("pages/me/me.js", "route:pages/draft/draft")}


def test_the_route_is_told_when_the_change_registers_the_page_that_holds_it(tmp_path):
    repo, base = _app(tmp_path, {"pages/draft/draft.wxml": '<button bindtap="go">go</button>\n',
                                 "pages/draft/draft.js": TO_NOTES})
    repo.write("app.json", '{\n  "pages": ["pages/index/index", "pages/me/me", "pages/draft/draft"]\n}\n')
    repo.commit("register the draft page")
    assert _routes(repo, base) == {("pages/draft/draft.js", "route:pages/notes/notes")}
