"""What a privacy button tells the user it asks for: the text an ``open-type`` button shows.

A ``<button open-type="getUserInfo">微信一键登录</button>`` and a ``<button open-type="getUserInfo">设为头像</button>``
ask for the same data for different purposes, and the user reads the purpose on the button
(https://developers.weixin.qq.com/miniprogram/dev/framework/user-privacy/miniprogram-intro.html: each use's
用途 is declared). The label is the element's own literal text, its children's included, with interpolations
(``{{ name }}``, JSX expressions) left out and white space collapsed; a button showing only an icon or bound text
has the empty label.

In: a template file's text (WXML, a single-file component's ``<template>``, JSX) and its path. Out:
:class:`AskLabel` records. Pure functions of text; templates through ``html.parser``, JSX through tree-sitter.
Never raise.
Button: https://developers.weixin.qq.com/miniprogram/dev/component/button.html
"""

from __future__ import annotations

from msgspec import Struct
from tree_sitter import Node

from mp_precheck.core.lazyre import lazy
from mp_precheck.readers.htmlfeed import feed_shared
from mp_precheck.readers.markup import ElementStack, normalise_attribute, normalise_tag
from mp_precheck.readers.sfc import SFC_SUFFIXES, split_blocks
from mp_precheck.readers.syntax import language_for, node_text, parse, string_value, walk

_SCRIPTS = (".js", ".jsx", ".ts", ".tsx")
_VOID = frozenset({"input", "img", "image", "br", "hr", "meta", "link", "source", "wbr"})
_INTERPOLATION = lazy(r"\{\{.*?\}\}")
_KIND = lazy(r"^\w+$")


class AskLabel(Struct, frozen=True):
    """A button asking with ``open_type`` (lower case) whose start tag spans lines ``first``..``last`` (1-based)
    and shows ``label``."""

    open_type: str
    first: int
    last: int
    label: str


def ask_labels(text: str, path: str) -> list[AskLabel]:
    """The labels of the ``open-type`` elements of the template file ``text`` at ``path``, in file order; empty
    for a file of another kind or one that cannot be read."""
    lower = path.lower()
    if lower.endswith(_SCRIPTS):
        return _jsx_labels(text, path)
    blocks = [(b.text, b.line_offset) for b in split_blocks(text) if b.tag == "template"] \
        if lower.endswith(SFC_SUFFIXES) else [(text, 0)]
    out: list[AskLabel] = []
    for template, offset in blocks:
        parser = _Labels(offset)
        feed_shared(parser, template)
        out += [AskLabel(kind, first, last, _clean(" ".join(words))) for kind, first, last, words in parser.found]
    return out


def label_at(labels: list[AskLabel], open_type: str, line: int) -> str | None:
    """The label of the ``open_type`` button whose start tag holds ``line``, None when no such button."""
    return next((a.label for a in labels if a.open_type == open_type and a.first <= line <= a.last), None)


def _clean(text: str) -> str:
    return " ".join(_INTERPOLATION.sub(" ", text).split())


class _Labels(ElementStack):
    def __init__(self, offset: int) -> None:
        super().__init__(convert_charrefs=True)
        self.line_offset = offset
        self.open: list[tuple[str, list[str] | None]] = []  # open elements: (tag, the words a button collects)
        self.found: list[tuple[str, int, int, list[str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        kind = next(((value or "").strip() for name, value in attrs if normalise_attribute(name) == "open-type"
                     and not name.startswith((":", "v-bind:"))), "")
        words: list[str] | None = None
        if _KIND.match(kind):
            line = self.getpos()[0] + self.line_offset
            words = []
            self.found.append((kind.lower(), line, line + (self.get_starttag_text() or "").count("\n"), words))
        if tag.lower() not in _VOID:
            self.open.append((normalise_tag(tag), words))

    def handle_data(self, data: str) -> None:
        for _tag, words in self.open:
            if words is not None:
                words.append(data)


def _jsx_labels(source: str, path: str) -> list[AskLabel]:
    """:func:`ask_labels` of a JSX file: ``<Button openType="getUserInfo">微信登录</Button>``."""
    root = parse(language_for(path), source.encode("utf-8", "surrogatepass")).root_node
    out: list[AskLabel] = []
    for node in walk(root):
        opening = node.child_by_field_name("open_tag") if node.type == "jsx_element" else None
        kind = _jsx_open_type(opening) if opening is not None else None
        if opening is None or kind is None:
            continue
        words = [node_text(n) for n in walk(node) if n.type == "jsx_text"]
        out.append(AskLabel(kind, opening.start_point[0] + 1, opening.end_point[0] + 1, _clean(" ".join(words))))
    return out


def _jsx_open_type(opening: Node) -> str | None:
    """The literal ``openType`` / ``open-type`` of a JSX opening element, lower case; None when it has none."""
    for attribute in opening.named_children:
        if attribute.type != "jsx_attribute" or len(attribute.named_children) < 2:
            continue
        name, value = attribute.named_children[0], attribute.named_children[1]
        if normalise_attribute(node_text(name)) != "open-type":
            continue
        if value.type == "jsx_expression" and value.named_children:
            value = value.named_children[0]
        kind = string_value(value) if value.type in ("string", "template_string") else None
        return kind.lower() if kind and _KIND.match(kind) else None
    return None
