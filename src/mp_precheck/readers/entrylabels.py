"""Whether a template's text is the label of an entry the user can tap, or only drawn.

A home page's grid of service tiles often shows a tile before its feature is wired: ``<view class="tile"><text>
在线问诊</text></view>`` beside tiles bound to a handler. Such a label offers nothing yet; the tile becomes an entry
when an element around the text binds a tap (``bindtap`` / ``catchtap`` / ``bind:tap``, ``@tap`` / ``@click`` /
``v-on:click``) or is a ``<navigator>`` (https://developers.weixin.qq.com/miniprogram/dev/framework/view/wxml/event.html,
https://developers.weixin.qq.com/miniprogram/dev/component/navigator.html). Only the text's own element and the few
around it are read (:data:`DEPTH`): a handler on a wrapper of the whole page (closing a keyboard) makes no tile.

In: a template file's text (WXML, or a single-file component whose ``<template>`` is read) and its path. Out: line
(1-based, in the file) → whether each text node on it is such a label. Pure, never raises on malformed markup.
"""

from __future__ import annotations

from mp_precheck.readers.handlers import event_of
from mp_precheck.readers.htmlfeed import feed_shared
from mp_precheck.readers.markup import ElementStack, is_event_attribute, normalise_tag
from mp_precheck.readers.sfc import SFC_SUFFIXES, split_blocks

DEPTH = 4  # the text's element and the three around it: a tile's label, icon box and tile
_TAPS = frozenset({"tap", "click", "longpress", "longtap"})
_VOID = frozenset({"input", "img", "br", "hr", "meta", "link", "source", "area", "col", "embed", "wbr", "track"})


def entry_labels(markup: str, path: str) -> dict[int, list[tuple[str, bool]]]:
    """line → (text with white space collapsed, whether a tap-bound element or a ``<navigator>`` among the
    :data:`DEPTH` innermost open elements holds it) for each text node of the template ``markup`` at ``path``."""
    if path.lower().endswith(SFC_SUFFIXES):
        templates = [(b.text, b.line_offset) for b in split_blocks(markup) if b.tag == "template"]
    else:
        templates = [(markup, 0)]
    out: dict[int, list[tuple[str, bool]]] = {}
    for text, offset in templates:
        parser = _Labels(offset)
        feed_shared(parser, text)
        for line, label in parser.labels:
            out.setdefault(line, []).append(label)
    return out


class _Labels(ElementStack):
    def __init__(self, offset: int) -> None:
        super().__init__(convert_charrefs=True)
        self.shift = offset  # lines before the template (``offset`` is the parser's own column)
        self.open: list[tuple[str, bool]] = []  # the open elements: (tag, whether a tap on it runs something)
        self.labels: list[tuple[int, tuple[str, bool]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        name = normalise_tag(tag)
        bound = name == "navigator" or any(is_event_attribute(a) and event_of(a) in _TAPS and (v or "").strip()
                                           for a, v in attrs)
        if tag.lower() not in _VOID:
            self.open.append((name, bound))

    def handle_data(self, data: str) -> None:
        text = " ".join(data.split())
        if not text:
            return
        line = self.getpos()[0] + self.shift + data[:len(data) - len(data.lstrip())].count("\n")
        bound = any(is_bound for _tag, is_bound in self.open[-DEPTH:])
        self.labels.append((line, (text, bound)))
