"""The shared Jinja environment: built once, one set of settings for every template."""

from __future__ import annotations

import sys

import jinja2
import pytest

from mp_precheck.core.resources import data_dir
from mp_precheck.outputs.templating import compile_all, environment, template


def test_the_environment_is_built_once() -> None:
    assert environment() is environment()
    assert template("comment.md.j2") is template("comment.md.j2")  # compiled once, then cached


def test_one_set_of_settings() -> None:
    env = environment()
    assert (env.autoescape, env.trim_blocks, env.lstrip_blocks, env.keep_trailing_newline) == (False, False, False, True)
    with pytest.raises(jinja2.UndefinedError):
        env.from_string("{{ missing }}").render()


def test_filters() -> None:
    rendered = environment().from_string("{{ t | nohtml }}|{{ c | code }}").render(t="<web-view>", c="a`b")
    assert rendered.startswith("&lt;web-view&gt;|")
    assert "a`b" in rendered


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """A new environment whose bytecode cache is an empty folder of the test's, written as an installed
    package writes its bytecode (this suite runs with PYTHONDONTWRITEBYTECODE)."""
    from mp_precheck.outputs import templating

    monkeypatch.setattr(templating, "CACHE_DIR", tmp_path / "pycache")
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    environment.cache_clear()
    yield tmp_path / "pycache"
    environment.cache_clear()


def test_a_compiled_template_is_kept_for_the_next_process(fresh, monkeypatch):
    kept = template("explain.txt.j2")
    assert len(list(fresh.glob("jinja-*.cache"))) == 1
    environment.cache_clear()  # as a new process starts

    def no_compiling(*args, **kwargs):
        raise AssertionError("compiled again")

    monkeypatch.setattr(jinja2.Environment, "compile", no_compiling)
    assert template("explain.txt.j2").render is not None and template("explain.txt.j2") is not kept


def test_no_bytecode_writing_or_no_folder_still_renders(fresh, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    assert template("comment.md.j2") is not None
    assert not fresh.exists()
    environment.cache_clear()
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    fresh.write_text("a file where the folder would go")
    assert environment().from_string("{{ 1 + 1 }}").render() == "2"
    assert template("explain.txt.j2") is not None



def test_compile_all_fills_the_cache_with_every_template(fresh):
    count = compile_all()
    assert count == len(list(data_dir("templates").rglob("*.j2")))
    assert len(list(fresh.glob("jinja-*.cache"))) == count
