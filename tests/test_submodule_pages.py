"""A page registered in a git submodule is not checked, not missing; a missing subpackage page is told on its
own line of app.json (issue: pages a submodule holds were reported as missing files)."""

from __future__ import annotations

import json

from conftest import Repo
from helpers import run
from mp_precheck.core.unread import SUBMODULE, SUBMODULE_PAGES

_PACKAGES = [{"root": "packageA", "pages": ["pages/list/list"]},
             {"root": "packageShow/", "pages": ["demos/card/pages/index/index", "demos/grid/pages/index/index"]}]


def _gitlink(repo: Repo, tmp_path, where: str) -> str:
    """Commits a submodule at ``where`` (git add -A would drop it: its folder is not checked out)."""
    sub = Repo(tmp_path / "sub")
    sub.write("demos/card/pages/index/index.js", "Page({ onLoad() { wx.getLocation() } })\n")
    sub_head = sub.commit()
    repo.git("update-index", "--add", "--cacheinfo", f"160000,{sub_head},{where}")
    repo.git("commit", "-q", "-m", "the submodule")
    return repo.git("rev-parse", "HEAD")


def _commit_app(repo: Repo) -> None:
    repo.git("add", "app.json")
    repo.git("commit", "-q", "-m", "register")


def _app(repo: Repo, packages: list[dict[str, object]]) -> None:
    repo.write("app.json", json.dumps({"pages": ["pages/index/index"], "subPackages": packages}, indent=2) + "\n")


def _base(tmp_path) -> tuple[Repo, str]:
    repo = Repo(tmp_path / "repo")
    repo.write_files({"app.js": "App({})\n", "pages/index/index.js": "Page({})\n",
                      "pages/index/index.wxml": "<view>home</view>\n", "packageA/pages/list/list.js": "Page({})\n",
                      "packageA/pages/list/list.wxml": "<view>list</view>\n"})
    _app(repo, _PACKAGES[:1])
    return repo, repo.commit("base")


def _missing(report) -> set[tuple[str, int, str]]:
    return {(f.path, f.line, f.subject) for f in report.findings if f.rule == "completeness.missing_page"}


def test_pages_a_submodule_holds_are_told_unread_once_and_not_missing(tmp_path):
    repo, base = _base(tmp_path)
    after_submodule = _gitlink(repo, tmp_path, "packageShow")
    _app(repo, _PACKAGES)
    _commit_app(repo)
    report = run(repo.path, after_submodule)
    assert _missing(report) == set()
    assert [(e.path, e.message) for e in report.errors] == [("packageShow", SUBMODULE_PAGES)]
    # the submodule added in the same change is told once, as a submodule
    together = run(repo.path, base)
    assert _missing(together) == set()
    assert [(e.path, e.message) for e in together.errors] == [("packageShow", SUBMODULE)]


def test_a_missing_subpackage_page_is_told_on_its_own_line(tmp_path):
    repo, base = _base(tmp_path)
    _app(repo, _PACKAGES)  # packageShow is a plain folder that holds nothing: its pages are missing
    repo.commit("register pages that do not exist")
    report = run(repo.path, base)
    lines = (repo.path / "app.json").read_text(encoding="utf-8").splitlines()
    card = next(n for n, line in enumerate(lines, 1) if '"demos/card/pages/index/index"' in line)
    assert _missing(report) == {("app.json", card, "page:packageShow/demos/card/pages/index/index"),
                                ("app.json", card + 1, "page:packageShow/demos/grid/pages/index/index")}
    assert report.errors == ()


def test_a_missing_page_outside_the_submodule_is_still_told(tmp_path):
    repo, _base_commit = _base(tmp_path)
    after_submodule = _gitlink(repo, tmp_path, "packageShow")
    _app(repo, [*_PACKAGES, {"root": "packageGone", "pages": ["pages/a/a"]}])
    _commit_app(repo)
    report = run(repo.path, after_submodule)
    assert {subject for _path, _line, subject in _missing(report)} == {"page:packageGone/pages/a/a"}
