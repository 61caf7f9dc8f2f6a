"""The shared Jinja environment: built once, one set of settings for every template."""

from __future__ import annotations

import jinja2
import pytest

from mp_precheck.outputs.templating import environment, template


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
