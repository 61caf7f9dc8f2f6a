"""A page script's defined names (dead handlers) are read once per text: in a run, and from the fact cache in the
next run (facts/scriptnames.py), with the same answers as reading the script again."""

from __future__ import annotations

import sqlite3
import subprocess

import pytest

from conftest import MINIMAL_APP, Repo
from mp_precheck.app import check_change
from mp_precheck.facts.cache import FORMAT, FactCache
from mp_precheck.facts.scriptnames import defined_names, text_blob_id
from mp_precheck.git.repo import GitRepo
from mp_precheck.readers import handlers

PAGE_JS = "Page({\n  onClose() {},\n  onShare() {}\n})\n"
PAGE_WXML = '<view>me</view>\n<button bindtap="onBuy">buy</button>\n<view catchtap="onClose">x</view>\n'
MIXIN_PAGE = "import shared from './shared'\nexport default { mixins: [shared], methods: { save() {} } }\n"


def _no_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reading a script's names from its text again now fails the test."""
    def refuse(text: str, path: str, setup: bool = False) -> handlers.Definitions:
        raise AssertionError(f"{path} parsed again")
    monkeypatch.setattr(handlers, "script_definitions", refuse)


def _dead(repo: Repo, base: str, cache: str) -> set[tuple[str, int]]:
    run = check_change(GitRepo(repo.path), base, "HEAD", language="en", cache=cache)
    return {(f.path, f.line) for f in run.report.findings if f.rule == "completeness.dead_handler"}


def test_the_key_is_the_text_s_git_blob_id(tmp_path):
    text = "Page({ onBuy() { wx.showToast({ title: '好' }) } })\n"
    (tmp_path / "page.js").write_text(text, encoding="utf-8")
    blob = subprocess.run(["git", "hash-object", str(tmp_path / "page.js")], capture_output=True, text=True,
                          check=True).stdout.strip()
    assert text_blob_id(text) == blob


def test_a_second_run_reads_the_page_s_names_from_the_cache_and_finds_the_same_dead_tap(tmp_path, monkeypatch):
    repo = Repo(tmp_path / "repo")
    repo.write_files(MINIMAL_APP)
    base = repo.commit("base")
    repo.write_files({"pages/me/me.wxml": PAGE_WXML, "pages/me/me.js": PAGE_JS})
    repo.commit("buy button")
    cache = str(tmp_path / "facts.sqlite")
    assert _dead(repo, base, cache) == {("pages/me/me.wxml", 2)}
    with sqlite3.connect(cache) as db:
        keys = [key for (key,) in db.execute("SELECT key FROM readings")]
    assert f"{FORMAT}:script-names:javascript:0:{text_blob_id(PAGE_JS)}" in keys
    _no_parse(monkeypatch)
    assert _dead(repo, base, cache) == {("pages/me/me.wxml", 2)}


def test_a_page_that_defines_its_handler_stays_quiet_from_the_cache_too(tmp_path, monkeypatch):
    repo = Repo(tmp_path / "repo")
    repo.write_files(MINIMAL_APP)
    base = repo.commit("base")
    repo.write_files({"pages/me/me.wxml": PAGE_WXML, "pages/me/me.js": PAGE_JS.replace("onShare", "onBuy")})
    repo.commit("buy button")
    cache = str(tmp_path / "facts.sqlite")
    assert _dead(repo, base, cache) == set()
    _no_parse(monkeypatch)
    assert _dead(repo, base, cache) == set()


def test_one_run_reads_each_text_once_and_answers_as_the_reader(monkeypatch):
    calls: list[tuple[str, bool]] = []
    real = handlers.script_definitions

    def counted(text: str, path: str, setup: bool = False) -> handlers.Definitions:
        calls.append((path, setup))
        return real(text, path, setup)
    monkeypatch.setattr(handlers, "script_definitions", counted)
    defined = defined_names()
    first = defined(MIXIN_PAGE, "pages/a/a.vue.js", False)
    first.names.add("changed by a caller")  # a caller's change is its own
    again = defined(MIXIN_PAGE, "pages/b/b.vue.js", False)
    assert again == real(MIXIN_PAGE, "pages/a/a.vue.js") and again.imports == ["./shared"]
    assert calls == [("pages/a/a.vue.js", False)]


def test_another_grammar_or_a_setup_block_is_read_anew():
    defined = defined_names()
    text = "const tap = () => {}\nexport default {}\n"
    assert "tap" in defined(text, "a.js", True).names
    assert defined(text, "a.js", False) == handlers.script_definitions(text, "a.js", False)
    assert defined(text, "a.ts", True) == handlers.script_definitions(text, "a.ts", True)


def test_a_damaged_or_older_entry_is_read_again(tmp_path):
    path = tmp_path / "facts.sqlite"
    disk = FactCache(path)
    key = f"{FORMAT}:script-names:javascript:0:{text_blob_id(PAGE_JS)}"
    disk.put_reading(key, "[1, 2")
    disk.put_reading(key.replace(FORMAT, "facts-v1-0"), '[["stale"], true, []]')
    disk.close()
    disk = FactCache(path)
    found = defined_names(disk)(PAGE_JS, "pages/me/me.js", False)
    assert found == handlers.script_definitions(PAGE_JS, "pages/me/me.js")
    disk.close()
    with sqlite3.connect(path) as db:
        stored = dict(db.execute("SELECT key, data FROM readings"))
    assert stored[key] == '[["onClose", "onShare"], false, []]'
