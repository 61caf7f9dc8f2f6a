"""Markup tags a change uncomments unchanged: the base template held ``<!-- <camera mode="scanCode"> … -->``
and the head shows the same ``<camera mode="scanCode">`` live, in WXML or in the template of a single-file
component (``.vue``, ``.wpy``, ``.mpx``). The tag was in the file before the change, written and left there commented;
taking the comment markers away adds no tag the file did not hold, as long as the handlers it binds
(``bindscancode="onScan"``, ``@tap="shoot"``) were live in the base script: the feature sat there with only its tag
hidden. Its facts (the component, its attributes, the hosts and images they name) count as the base file's, so the
semantic diff (``core/semantic_diff.py``) sees no new use. A tag uncommented with other attributes, one no comment
of the base file held, or one whose handler the base script did not define (commented out with it, written now)
is new and reported.

WXML comments: https://developers.weixin.qq.com/miniprogram/dev/reference/wxml/ (``<!-- -->``, as in HTML).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from html.parser import HTMLParser

from msgspec.structs import replace

from mp_precheck.facts.model import Fact, FileFacts
from mp_precheck.readers.handlers import script_definitions, vue_handler
from mp_precheck.readers.htmlfeed import feed_shared
from mp_precheck.readers.markup import is_event_attribute
from mp_precheck.readers.sfc import SFC_SUFFIXES, script_units, split_blocks

_MARKUP = (".wxml", ".swan", ".axml")
_TEXT = "text"  # a fact of what a template shows, not of a tag: its words may be new on an old tag's line
_SCRIPTS = (".js", ".ts")  # a WXML page's own script beside it


class _Tags(HTMLParser):
    """Start tags (first line, last line, text with whitespace collapsed), the handlers each binds, and comments
    (first line, body)."""

    def __init__(self, shift: int) -> None:
        super().__init__(convert_charrefs=False)
        self.shift = shift  # lines before the markup (``offset`` is the parser's own column)
        self.tags: list[tuple[int, int, str]] = []
        self.handlers: dict[str, set[str]] = {}
        self.comments: list[tuple[int, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        text = self.get_starttag_text() or ""
        first = self.getpos()[0] + self.shift
        written = " ".join(text.split())
        self.tags.append((first, first + text.count("\n"), written))
        self.handlers.setdefault(written, set()).update(
            handler for name, value in attrs if value and is_event_attribute(name)
            and (handler := value.strip() if value.strip().isidentifier() else vue_handler(value)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_comment(self, data: str) -> None:
        self.comments.append((self.getpos()[0] + self.shift, data))


def _read(text: str, path: str) -> _Tags:
    """The tags and comments of the markup of ``path``: a WXML file whole, a component's ``<template>`` blocks."""
    reader = _Tags(0)
    if path.lower().endswith(_MARKUP):
        feed_shared(reader, text)
        return reader
    for block in split_blocks(text):
        if block.tag == "template":
            reader.shift = block.line_offset
            feed_shared(reader, block.text)
            reader.reset()
    return reader


def _commented(text: str, path: str, defined: Callable[[], set[str] | None]) -> dict[str, int]:
    """Start tags written inside the comments of the markup of ``path`` whose handlers are all among the names
    ``defined`` gives (None: the script's names are not known in full, any handler may be there): tag text → its
    line in the file."""
    out: dict[str, int] = {}
    known: list[set[str] | None] = []  # the script is read once, for the first tag that binds a handler
    for line, body in _read(text, path).comments:
        inner = _Tags(line - 1)
        feed_shared(inner, body)
        for first, _last, tag in inner.tags:
            if inner.handlers[tag] and not known:
                known.append(defined())
            if not inner.handlers[tag] or (names := known[0]) is None or inner.handlers[tag] <= names:
                out.setdefault(tag, first)
    return out


def _definitions(text: str, path: str, read_base: Callable[[str], str | None]) -> set[str] | None:
    """The names the base script of the markup ``path`` defines (a component's own ``<script>`` blocks, a WXML
    page's ``.js`` / ``.ts`` beside it); None when some script cannot show them all (a spread, a mixin)."""
    if path.lower().endswith(SFC_SUFFIXES):
        units = script_units(text, path)
    else:
        stem = path.rsplit(".", 1)[0]
        units = [(source, stem + suffix, 0) for suffix in _SCRIPTS if (source := read_base(stem + suffix))]
    names: set[str] = set()
    for source, name, _offset in units:
        found = script_definitions(source, name)
        if found.open or found.imports:  # behaviors / mixins hold names this script does not show
            return None
        names |= found.names
    return names


def _revived(facts: FileFacts, head_text: str, path: str, old: str, lines: frozenset[int],
             read_base: Callable[[str], str | None]) -> list[Fact]:
    """The facts of ``path``'s added ``lines`` that come from tags the base file ``old`` held commented, each at
    the line of its tag in the base file."""
    wanted = [f for f in facts.facts if f.line in lines and f.kind != _TEXT]
    tags = _read(head_text, path).tags if wanted else []
    placed = [(fact, around) for fact in wanted
              if (around := [(first, tag) for first, last, tag in tags if first <= fact.line <= last])]
    if not placed:
        return []  # no added fact of a tag (a script's): the base's comments are not read
    base_text = read_base(old) or ""
    commented = _commented(base_text, old, lambda: _definitions(base_text, old, read_base))
    return [replace(fact, line=commented[around[0][1]]) for fact, around in placed
            if all(tag in commented for _first, tag in around)]


def with_revived_tags(base: Mapping[str, FileFacts], head: Mapping[str, FileFacts],
                      counterpart: Mapping[str, str | None], added_lines: Mapping[str, frozenset[int]],
                      read_head: Callable[[str], str | None],
                      read_base: Callable[[str], str | None]) -> dict[str, FileFacts]:
    """``base`` (base path → facts of the changed base files) with the facts of the tags each changed head markup
    file (``head``, paths to their base ``counterpart``) uncomments unchanged on its ``added_lines``; the
    files' texts come from ``read_head`` / ``read_base``. Never raises for malformed markup."""
    out = dict(base)
    for path, facts in head.items():
        old = counterpart.get(path)
        lines = added_lines.get(path, frozenset())
        if not old or old not in out or not lines or not path.lower().endswith((*_MARKUP, *SFC_SUFFIXES)):
            continue
        revived = _revived(facts, read_head(path) or "", path, old, lines, read_base)
        if revived:
            out[old] = replace(out[old], facts=out[old].facts + tuple(revived))
    return out
