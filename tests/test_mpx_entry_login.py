"""An mpx app whose ``app.mpx`` puts its login page first opens on a login page: its pages are written relative
(``./pages/login/entry``) and mpx apps often name every page's file ``entry``, so the page is named by its folder
as ``pages/login/index`` is — in a JSON block, a ``<script name="json">`` that exports the config, and a native
app.json alike; an ordinary first page named ``entry`` stays silent."""

from __future__ import annotations

from conftest import Repo
from helpers import run
from mp_precheck.analyzers.missing_pages import registry_line
from mp_precheck.readers.appconfig import page_name

SCRIPT = '<script>\nimport { createApp } from "@mpxjs/core"\ncreateApp({})\n</script>\n'
JSON_BLOCK = '<script type="application/json">\n  {\n    "pages": [\n%s\n    ]\n  }\n</script>\n'
EXPORTED = "<script name=\"json\">\n  module.exports = {\n    pages: [\n%s\n    ]\n  }\n</script>\n"


def _mpx(repo: Repo, block: str, pages: list[str], quote: str = '"') -> None:
    repo.write("package.json", '{"dependencies": {"@mpxjs/core": "^2.9.0"}}\n')
    repo.write("src/app.mpx", SCRIPT + block % ",\n".join(f"      {quote}{page}{quote}" for page in pages))
    for folder in ("index", "login", "home"):
        repo.write(f"src/pages/{folder}/entry.mpx", f"<template><view>{folder}</view></template>\n")


def _entry_findings(repo: Repo, base: str) -> set[tuple[str, str, int]]:
    return {(f.rule, f.path, f.line) for f in run(repo.path, base).findings if f.rule == "login.login_first_page"}


def test_mpx_json_block_puts_a_login_page_named_entry_first(repo):
    _mpx(repo, JSON_BLOCK, ["./pages/index/entry"])
    base = repo.commit()
    _mpx(repo, JSON_BLOCK, ["./pages/login/entry", "./pages/index/entry"])
    repo.commit()
    assert _entry_findings(repo, base) == {("login.login_first_page", "src/app.mpx", 8)}


def test_mpx_script_json_export_puts_the_login_page_first(repo):
    _mpx(repo, EXPORTED, ["./pages/index/entry", "./pages/login/entry"], quote="'")
    base = repo.commit()
    _mpx(repo, EXPORTED, ["./pages/login/entry", "./pages/index/entry"], quote="'")
    repo.commit()
    assert _entry_findings(repo, base) == {("login.login_first_page", "src/app.mpx", 8)}


def test_mpx_ordinary_first_page_named_entry_is_silent(repo):
    _mpx(repo, JSON_BLOCK, ["./pages/index/entry", "./pages/login/entry"])
    base = repo.commit()
    _mpx(repo, JSON_BLOCK, ["./pages/home/entry", "./pages/index/entry", "./pages/login/entry"])
    repo.commit()
    assert _entry_findings(repo, base) == set()


def test_native_login_page_whose_file_is_entry_becomes_first(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("app.json", '{\n  "pages": [\n    "pages/login/entry",\n    "pages/index/index"\n  ]\n}\n')
    app_repo.write("pages/login/entry.wxml", "<view>login</view>\n")
    app_repo.write("pages/login/entry.js", "Page({})\n")
    app_repo.commit()
    assert _entry_findings(app_repo, base) == {("login.login_first_page", "app.json", 3)}


def test_page_named_by_the_folder_of_an_entry_file_and_its_relative_line():
    assert page_name("./pages/login/entry") == "login"
    assert page_name("pages/entry") == "pages"  # a page file of its own folder names no login page
    assert registry_line('{\n  "pages": [\n    "./pages/login/entry"\n  ]\n}', "pages/login/entry") == 3
