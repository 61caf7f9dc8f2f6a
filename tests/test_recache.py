"""Regular expressions kept like bytecode (core/recache.py): the kept compilation is the pattern re.compile makes."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from mp_precheck.core import recache

PATTERNS = [
    (r"(?P<tag>[A-Za-z][\w-]*)\[(?P<key>[^\]=\[]+)(?:=(?P<value>[^\]\[]*))?\]", 0),
    (r"微信|腾讯|WeChat|Tencent|Weixin", re.IGNORECASE),
    (r"(?i)\b[\w$]*(?:score|point)[\w$]*\s*[=:]\s*", 0),
    (r"^\s*(?:\d+(?:\.\d+)+\.?|第[一二三四五六七八九十百\d]+条)\s*\S[^\n]*", re.MULTILINE),
]


@pytest.fixture
def kept_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "regex.marshal"
    monkeypatch.setattr(recache, "_path", lambda: str(path))
    monkeypatch.setattr(recache, "_kept", None)
    monkeypatch.setattr(recache, "_new", {})
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    return path


def _same(made: re.Pattern[str], pattern: str, flags: int) -> None:
    plain = re.compile(pattern, flags)
    assert made == plain
    assert (made.pattern, made.flags, made.groups, made.groupindex) == \
        (plain.pattern, plain.flags, plain.groups, plain.groupindex)


@pytest.mark.parametrize(("pattern", "flags"), PATTERNS)
def test_a_kept_compilation_is_the_pattern_re_compile_makes(kept_file: Path, pattern: str, flags: int) -> None:
    _same(recache.compiled(pattern, flags), pattern, flags)
    recache._save()
    assert kept_file.exists()
    recache._kept = None  # a later run: read from the file
    assert (pattern, int(flags)) in recache._table()
    made = recache.compiled(pattern, flags)
    _same(made, pattern, flags)
    text = "3.2.5.用户应当 微信 wechat a[b=c] score = "
    assert [m.span() for m in made.finditer(text)] == [m.span() for m in re.finditer(pattern, text, flags)]


def test_a_damaged_or_foreign_file_is_compiled_afresh(kept_file: Path) -> None:
    kept_file.write_bytes(b"not marshal")
    _same(recache.compiled(r"a(b)c"), r"a(b)c", 0)
    recache._save()
    recache._kept = None
    assert (r"a(b)c", 0) in recache._table()


def test_nothing_is_written_where_python_writes_no_bytecode(kept_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    _same(recache.compiled(r"x+y"), r"x+y", 0)
    recache._save()
    assert not kept_file.exists()


def test_inside_libraries_re_compile_takes_the_kept_compilation(kept_file: Path) -> None:
    # A library's pattern compiled at its import (str or bytes) is kept, and the pattern is the one re.compile makes.
    original = re.compile
    with recache.libraries():
        made = re.compile(r"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@[ ]?(?P<tail>.*)", re.MULTILINE)
        made_bytes = re.compile(rb"(__libc_init)|(GLIBC_([0-9.]+))", re.ASCII)
    assert re.compile is original
    _same(made, r"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@[ ]?(?P<tail>.*)", re.MULTILINE)
    assert made_bytes == re.compile(rb"(__libc_init)|(GLIBC_([0-9.]+))", re.ASCII)
    assert made_bytes.search(b"x GLIBC_2.31 y").group(3) == b"2.31"
    recache._save()
    assert (r"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@[ ]?(?P<tail>.*)", int(re.MULTILINE)) in recache._table()


def test_outside_libraries_or_for_a_compiled_pattern_re_compile_is_untouched(kept_file: Path) -> None:
    done = re.compile("x+")
    with recache.libraries():
        assert re.compile(done) is done  # a compiled pattern goes to re.compile as before
    assert recache._new == {}
    re.compile(r"only-outside-\d+")
    assert recache._new == {}
    with pytest.raises(ValueError), recache.libraries():
        raise ValueError
    assert re.compile.__module__ == "re"  # put back after an error too
