"""Split a single-file component (``.vue``, ``.nvue``, ``.mpx``, ``.wpy``) into its top-level blocks.

Blocks are found with the standard library's HTML tokenizer, which treats ``<script>`` and ``<style>``
bodies as raw text and tracks nesting, so an inner ``<template v-if>`` does not end the outer one.
Each block keeps its first line number, so facts point at the component's own lines. A template written in pug
(``<template lang="pug">``) arrives as markup, line for line (:mod:`mp_precheck.readers.pugtemplate`).
"""

from __future__ import annotations

from functools import lru_cache
from html.parser import HTMLParser

from msgspec import Struct
from msgspec.structs import replace

from mp_precheck.core.recache import compiled
from mp_precheck.readers.htmlfeed import feed_safely
from mp_precheck.readers.pugtemplate import PUG_LANGS, pug_markup


class Block(Struct, frozen=True):
    """A top-level block: ``tag`` (template, script, style, config), its ``attrs``, body ``text`` and the
    number of lines that precede the body in the file (``line_offset``); ``note`` says why a pug template's
    text is blank (not read), else empty; ``start`` the body's first character in the file."""

    tag: str
    attrs: dict[str, str]
    text: str
    line_offset: int
    note: str = ""
    start: int = 0


_NEWLINE = compiled("\n")
SPLIT_FILES = 32  # files kept split: each reader of a changed component asks again (a 400 KB page ~300 times)


class _BlockFinder(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.line_starts = [0, *(m.end() for m in _NEWLINE.finditer(source))]
        self.depth = 0
        self.open: tuple[str, dict[str, str], int] | None = None
        self.blocks: list[Block] = []

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.depth == 0 and self.open is None:
            start = self._offset() + len(self.get_starttag_text() or "")
            self.open = (tag, {k: v or "" for k, v in attrs}, start)
            self.depth = 1
            if tag in ("script", "style"):
                return
            if tag == "template" and self.open[1].get("lang", "").lower() in PUG_LANGS:
                # pug is no markup (`view(v-if="i<list.length")` would open a tag): read raw to `</template>`
                self.set_cdata_mode(tag)
        elif self.open is not None and tag == self.open[0]:
            self.depth += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # A self-closing element never opens a block nor changes nesting; ``<script src="x.js" />`` at the
        # top is a script block whose code lives in that file.
        if self.depth == 0 and self.open is None and tag == "script" and dict(attrs).get("src"):
            self.blocks.append(Block(tag, {k: v or "" for k, v in attrs}, "", self.getpos()[0] - 1))

    def handle_endtag(self, tag: str) -> None:
        if self.open is None or tag != self.open[0]:
            return
        self.depth -= 1
        if self.depth == 0:
            name, attrs, start = self.open
            end = self._offset()
            body = self.source[start:end]
            self.blocks.append(Block(name, attrs, body, self.source.count("\n", 0, start), start=start))
            self.open = None


def split_blocks(source: str) -> list[Block]:
    """Top-level blocks of ``source`` in file order, a pug template's body as markup with the same lines (a note
    on the block when it could not be read). Never raises; an unclosed block is dropped."""
    return [_as_markup(b) if b.tag == "template" and b.attrs.get("lang", "").lower() in PUG_LANGS else b
            for b in _split(source)]


@lru_cache(maxsize=SPLIT_FILES)
def _split(source: str) -> tuple[Block, ...]:
    """The blocks of ``source`` as written, once per text: the facts, the analyzers and their readers each split
    the same component again, and tokenizing a large page takes a tenth of a second. Callers must not change a
    block's ``attrs``: every other reader of that text gets the same object."""
    finder = _BlockFinder(source)
    feed_safely(finder, source)
    return tuple(finder.blocks)


def _as_markup(block: Block) -> Block:
    text, note = pug_markup(block.text, block.line_offset)
    return replace(block, text=text, note=note or "")


# Files whose scripts sit in <script> blocks (uni-app's .nvue/.uvue, WePY's .wpy, mpx's .mpx are Vue-shaped)
SFC_SUFFIXES = (".vue", ".nvue", ".uvue", ".wpy", ".mpx")


def script_units(source: str, path: str) -> list[tuple[str, str, int]]:
    """The script text of a file to parse, as ``(text, name, line_offset)``: the whole ``source`` for a script
    file; for a single-file component each inline ``<script>`` block, named ``path.<lang>`` (``a.vue.ts``) so the
    parser matches its language, with the lines before it. ``<script src>`` blocks hold no text and are left out."""
    if not path.lower().endswith(SFC_SUFFIXES):
        return [(source, path, 0)]
    return [(b.text, f"{path}.{b.attrs.get('lang') or 'js'}", b.line_offset) for b in split_blocks(source)
            if b.tag == "script" and not b.attrs.get("src")]
