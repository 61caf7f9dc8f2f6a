"""Turn a pug (formerly jade) template into the markup the template readers consume, line for line.

A single-file component of uni-app, mpvue or mpx may write its template in pug (``<template lang="pug">``;
vue-loader compiles it with ``pug-plain-loader``, https://vue-loader.vuejs.org/guide/pre-processors.html#pug).
The template is parsed by pypugjs's lexer and parser (never by regular expressions of this project) and written
back as HTML-like markup whose lines match the pug's: each element's opening tag sits on its pug line (an
attribute on a later line of a multi-line attribute list on that later line), text on its own line, closing
tags after the element's last line. ``view.a#b(:src="u" @tap="go") 标签`` gives
``<view class="a" id="b" :src="u" @tap="go"> 标签</view>``. Comments (``//`` and ``//-``, with the lines
nested under them) give nothing; so do pug's own code lines (``-``, ``=``), filters, ``include`` and
``extends``: a Mini Program's template does not run them.
"""

from __future__ import annotations

import textwrap
from functools import lru_cache
from typing import Any

PUG_LANGS = frozenset({"pug", "jade"})
_SKIPPED = ("Comment", "BlockComment", "Filter", "Include", "Extends", "Doctype", "Assignment")


class _Writer:
    """Markup chunks per line (1-based); a chunk never goes before the last one written."""

    def __init__(self, lines: int) -> None:
        self.lines: list[list[str]] = [[] for _ in range(max(lines, 1))]
        self.at = 1

    def put(self, line: int | None, chunk: str) -> None:
        self.at = min(max(line or self.at, self.at), len(self.lines))
        self.lines[self.at - 1].append(chunk)

    def text(self) -> str:
        return "\n".join("".join(chunks) for chunks in self.lines)


def _quoted(value: str) -> str:
    """``value`` as an attribute value in markup (its quotes chosen so that it reads back unchanged)."""
    value = " ".join(value.splitlines()) if "\n" in value else value  # one line: the markup keeps the pug's
    if '"' not in value:
        return f'"{value}"'
    if "'" not in value:
        return f"'{value}'"
    return '"' + value.replace("&", "&amp;").replace('"', "&quot;") + '"'


def _value(raw: object) -> str | None:
    """The text of a pug attribute value: a quoted string's contents, an expression as written; None for a
    bare (boolean) attribute; ``""`` for an attribute pug leaves out (``false``, ``null``)."""
    if raw is True or raw in ("true", "True"):
        return None
    if raw is False or raw is None or raw in ("false", "False", "null", "None", "undefined"):
        return ""
    text = str(raw).strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"`":
        return text[1:-1]
    return text


def _attributes(tag: Any) -> list[tuple[int | None, str]]:
    """The start tag's attributes of a pug tag node, each with its line (None: the tag's): the classes of
    ``.a.b`` and ``class="c"`` joined into one."""
    classes: list[str] = []
    written: list[tuple[int | None, str]] = []
    lines: dict[str, int] = getattr(tag, "attr_lines", {})
    for attr in tag._attrs:
        key = str(attr["name"])
        line = lines.get(key)
        *flags, name = key.split() or [""]  # pypugjs joins `(disabled type="x")` into one key
        written.extend((line, f" {flag}") for flag in flags)
        value = _value(attr["val"])
        if name == "class" and value:
            classes.append(value)
        elif value is None:
            written.append((line, f" {name}"))
        elif value != "" or attr["val"] in ('""', "''"):
            written.append((line, f" {name}={_quoted(value)}"))
    return ([(None, f" class={_quoted(' '.join(classes))}")] if classes else []) + written


def _walk(node: Any, out: _Writer) -> None:
    kind = type(node).__name__
    if kind in _SKIPPED:
        return
    if kind == "Tag":
        _tag(node, out)
    elif kind in ("Text", "String"):
        _text(node, out)
        if getattr(node, "block", None) is not None:
            _walk(node.block, out)
    elif kind == "Conditional":
        for branch in (node, *node.next):
            _walk(branch.block, out)
    elif hasattr(node, "nodes"):  # a block of nodes
        for child in node.nodes:
            _walk(child, out)
    elif getattr(node, "block", None) is not None:  # each, mixin, code lines with nested markup
        _walk(node.block, out)


def _tag(tag: Any, out: _Writer) -> None:
    name = str(tag.name)
    out.put(getattr(tag, "line", None), f"<{name}")
    for line, attribute in _attributes(tag):  # an attribute on a later line of the tag's list stays there
        out.put(line, attribute)
    out.put(None, ">")
    if tag.text is not None:
        _text(tag.text, out)
    _walk(tag.block, out)
    out.put(None, f"</{name}>")


def _text(text: Any, out: _Writer) -> None:
    placed = getattr(text, "placed", None)  # a text block (`p.`): each line where it is
    for line, chunk in placed if placed is not None else [(getattr(text, "line", None), "".join(
            str(n) for n in text.nodes if isinstance(n, str)))]:
        if chunk.strip():
            out.put(line, chunk)


def _key_lines(raw: str, keys: list[str], line: int) -> dict[str, int]:
    """The line of each attribute the library read from ``raw`` (an attribute list starting on ``line``): where
    its name first appears after the one before it."""
    lines: dict[str, int] = {}
    at = 0
    for key in keys:
        found = raw.find(key, at)
        at = found + len(key) if found >= 0 else at
        lines[key] = line + raw.count("\n", 0, at)
    return lines


def _lexer_class() -> Any:
    """pypugjs's lexer, counting the lines of an attribute list spread over several (with each attribute's
    line on its token) and giving inline tags (``#[b x]``) the line they are on."""
    from pypugjs.lexer import Lexer

    class _Lexer(Lexer):  # type: ignore[misc]
        def attrs(self) -> Any:
            start, line = self.input, self.lineno
            token = super().attrs()
            if token is not None:
                raw = start[: len(start) - len(self.input)]
                self.lineno += raw.count("\n")
                token.lines = _key_lines(raw, [str(key) for key in token.attrs], line)
            return token

        def processInline(self, val: str) -> Any:
            tokens = super().processInline(val)
            for token in tokens:
                token.line = self.lineno
            return tokens

    return _Lexer


def _parser(source: str) -> Any:
    """pypugjs's parser over :func:`_lexer_class`, every node given the line of its first token, a tag the
    lines of its attributes (``attr_lines``), a text block the line of each of its lines (``placed``)."""
    from pypugjs.parser import Parser

    lexer = _lexer_class()

    class _Parser(Parser):  # type: ignore[misc]
        def __init__(self, text: str) -> None:
            super().__init__(text)
            self.lexer = lexer(text)
            self.placing: list[tuple[int, str]] | None = None
            self.tags: list[dict[str, int]] = []  # the attribute lines of each tag being parsed, innermost last

        def advance(self) -> Any:
            token = super().advance()
            if self.placing is not None and token.type in ("string", "text"):
                self.placing.append((token.line, str(token.val or "")))
            if token.type == "attrs" and self.tags:
                self.tags[-1].update(getattr(token, "lines", {}))
            return token

        def parseTag(self) -> Any:
            self.tags.append({})
            tag = super().parseTag()
            tag.attr_lines = self.tags.pop()
            return tag

        def parseTextBlock(self, tag: Any = None) -> Any:
            outer, self.placing = self.placing, [] if self.placing is None else self.placing
            text = super().parseTextBlock(tag)
            if outer is None:
                text.placed, self.placing = self.placing, None
            return text

        def at_first_token(self, parse: Any) -> Any:
            line = self.peek().line
            node = parse()
            node.line = line
            return node

        def parseExpr(self) -> Any:
            node = self.at_first_token(super().parseExpr)
            if type(node).__name__ == "Text" and self.peek().type == "indent":
                node.block = self.block()  # lines nested under a line of plain HTML (`<!-- x -->`), as pug.js
            return node

        def parseText(self) -> Any:
            return self.at_first_token(super().parseText)

        def parseString(self) -> Any:
            return self.at_first_token(super().parseString)

    return _Parser(source)


@lru_cache(maxsize=64)
def pug_markup(source: str, line_offset: int = 0) -> tuple[str, str | None]:
    """The markup of a pug template ``source`` (the body of a ``<template lang="pug">`` block, ``line_offset``
    lines into its file) and ``None``, with as many lines as ``source`` and each element on its own line; or
    blank lines and a note saying why the template was not read (the pypugjs package is missing, or the pug is
    malformed: the note names the file's line). Never raises."""
    lines = source.count("\n") + 1
    blank = "\n" * (lines - 1)
    try:
        parser = _parser(textwrap.dedent(source.replace("\r\n", "\n").replace("\r", "\n")))
    except ImportError:
        return blank, "read in part: its pug template was not read (the pypugjs package is missing)"
    out = _Writer(lines)
    try:
        _walk(parser.parse(), out)
    except Exception as exc:  # pypugjs raises bare Exception (and worse) on malformed pug
        detail = str(exc).partition(" in file ")[0].partition(" at line ")[0]
        line = min(max(int(parser.lexer.lineno), 1), lines) + line_offset
        return blank, (f"read in part: its pug template could not be parsed near line {line} "
                       f"({' '.join(detail.split())[:120] or type(exc).__name__})")
    return out.text(), None
