"""The page and component paths a native Mini Program's JSON or WXML file names.

A native page or custom component is loaded because something names its path: ``app.json``'s page lists, a
``usingComponents`` entry of the app, a page or a component, a ``componentGenerics`` default
(https://developers.weixin.qq.com/miniprogram/dev/framework/custom-component/), a plugin's ``plugin.json``
``pages`` and ``publicComponents`` (https://developers.weixin.qq.com/miniprogram/dev/framework/plugin/development.html),
or a template pulling its view in with ``<import src>`` / ``<include src>``
(https://developers.weixin.qq.com/miniprogram/dev/reference/wxml/import.html).

In: a file's text. Out: the path-like strings it holds (a JSON file: every string value with a ``/``, whatever its
key, so no way of naming a component is missed; a WXML file: the ``src`` of its ``import`` and ``include`` tags),
as written; None when a JSON file cannot be read (the caller then cannot tell what it names). The caller resolves
them against the tree.
"""

from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

from mp_precheck.core.recache import compiled
from mp_precheck.readers.appconfig import load_json_leniently
from mp_precheck.readers.htmlfeed import feed_safely

_TEMPLATE_TAGS = frozenset({"import", "include"})


def json_paths(text: str) -> list[str] | None:
    """Every string value of a JSON (or JSON5) document that holds a ``/`` (``"../../components/card/card"``,
    ``"/pages/login/login"``); None when the text is no JSON the lenient reader recovers."""
    value, _problem = load_json_leniently(text, "config.json")
    if value is None:
        return None
    return [item for item in _strings(value) if "/" in item]


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


class _TemplateSources(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sources: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        src = dict(attrs).get("src")
        if tag in _TEMPLATE_TAGS and src:
            self.sources.append(src.strip())


def template_sources(text: str) -> list[str]:
    """The ``src`` of every ``<import>`` and ``<include>`` tag of a WXML text, as written; never raises."""
    parser = _TemplateSources()
    feed_safely(parser, text)
    return parser.sources


_QUOTED_PATH = compiled(r"""['"`]([^'"`\s]*/[^'"`\s]*)['"`]""")


def quoted_paths(text: str) -> list[str]:
    """The quoted strings holding a ``/`` of a file no JSON reader reads: a page config written as a script (Taro's
    ``usingComponents`` in ``index.config.ts``), a single-file component's block — every one, whatever its key."""
    return _QUOTED_PATH.findall(text)
