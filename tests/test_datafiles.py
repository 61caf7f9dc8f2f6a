"""Shipped YAML data is parsed once per content and then read from Python's cache folder, unchanged."""

from __future__ import annotations

import shutil
import sys

import pytest

from mp_precheck.core import datafiles
from mp_precheck.core.resources import data_dir


def _shipped() -> list:
    return sorted(data_dir("checks").glob("*.yml")) + sorted(data_dir("templates").glob("*.yml"))


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "pycache"
    monkeypatch.setattr(datafiles, "CACHE_DIR", folder)
    monkeypatch.setattr(sys, "dont_write_bytecode", False)  # as an installed package runs (this suite sets it)
    return folder


def test_every_shipped_file_reads_back_from_the_cache_as_yaml_gives_it(cache, monkeypatch):
    parsed = {path: datafiles.load_yaml(path.read_text("utf-8")) for path in _shipped()}
    assert {path: datafiles.read_data(path) for path in parsed} == parsed  # parsed, and kept
    assert len(list(cache.glob("*.marshal"))) == len(parsed)

    def no_parsing(text: str) -> None:
        raise AssertionError("parsed again")

    monkeypatch.setattr(datafiles, "load_yaml", no_parsing)
    again = {path: datafiles.read_data(path) for path in parsed}
    assert again == parsed
    assert [type(v) for v in again.values()] == [type(v) for v in parsed.values()]


def test_an_edited_file_is_parsed_again_and_its_entry_replaced(cache, tmp_path):
    table = tmp_path / "checks" / "share_rewards.yml"
    table.parent.mkdir()
    shutil.copy(data_dir("checks") / "share_rewards.yml", table)
    before = datafiles.read_data(table)
    table.write_text("acts: [邀请]\ngains: [得]\n", encoding="utf-8")
    assert datafiles.read_data(table) == {"acts": ["邀请"], "gains": ["得"]}
    assert datafiles.read_data(table) != before
    assert len(list(cache.glob("*.marshal"))) == 1


def test_a_damaged_entry_or_a_folder_it_cannot_write_only_costs_the_parse(cache, tmp_path):
    table = data_dir("templates") / "messages.yml"
    expected = datafiles.load_yaml(table.read_text("utf-8"))
    assert datafiles.read_data(table) == expected
    (entry,) = cache.glob("*.marshal")
    entry.write_bytes(b"\x00not marshal")
    assert datafiles.read_data(table) == expected
    entry.unlink()
    cache.rmdir()
    cache.write_text("a file where the folder would go")  # nothing can be written under it
    assert datafiles.read_data(table) == expected
    assert datafiles.read_data(table, cached=False) == expected


def test_with_bytecode_writing_off_nothing_is_written_and_warm_reads_every_file(cache, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    table = data_dir("templates") / "messages.yml"
    assert datafiles.read_data(table) == datafiles.load_yaml(table.read_text("utf-8"))
    assert not cache.exists()
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    assert datafiles.warm() == len(_shipped()) == len(list(cache.glob("*.marshal")))
