"""The lines a template's dialogs span: ``<modal>`` (WeChat's own), ``<van-dialog>``, ``<u-popup>``, ``<my-modal>``.

A dialog is a view of its own: it opens over the page when something is tapped and says its piece by itself (分享赚红包:
推荐小程序到群聊后即可领取红包). What it promises is told apart from the page's other wording (the tile that opens it).
A dialog is an element whose tag is ``modal``, ``dialog`` or ``popup``, or ends in ``-modal``, ``-dialog`` or
``-popup`` (a UI kit's or the project's own); a ``<view class="popup">`` is not read for one.

Source: https://developers.weixin.qq.com/miniprogram/dev/component/modal.html (the ``modal`` component) and
https://developers.weixin.qq.com/miniprogram/product/reject.html (3.2.1 诱导分享, wherever the promise is shown).
"""

from __future__ import annotations

from html.parser import HTMLParser

from mp_precheck.readers.htmlfeed import feed_shared
from mp_precheck.readers.markup import close_element, normalise_tag

_DIALOGS = ("modal", "dialog", "popup")


def is_dialog(tag: str) -> bool:
    """Whether the normalised ``tag`` names a dialog (``modal``, ``van-dialog``, ``uni-popup``)."""
    return tag in _DIALOGS or tag.endswith(tuple("-" + name for name in _DIALOGS))


class _Spans(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[tuple[str, int]] = []
        self.spans: list[tuple[int, int]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.open.append((normalise_tag(tag), self.getpos()[0]))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        return  # a self-closed dialog holds no text

    def handle_endtag(self, tag: str) -> None:
        line = self.getpos()[0]
        closing = [entry for entry in self.open if entry[0] == normalise_tag(tag)]
        if closing:
            index = len(self.open) - 1 - self.open[::-1].index(closing[-1])
            self.spans.extend((start, line) for name, start in self.open[index:] if is_dialog(name))
        close_element(self.open, tag)


def dialog_spans(markup: str, line_offset: int = 0) -> list[tuple[int, int]]:
    """(first line, last line), 1-based plus ``line_offset``, of each dialog element of the template ``markup``; a
    dialog never closed runs to the end. Never raises on malformed markup."""
    parser = _Spans()
    feed_shared(parser, markup)
    end = markup.count("\n") + 1
    spans = parser.spans + [(start, end) for name, start in parser.open if is_dialog(name)]
    return sorted((start + line_offset, last + line_offset) for start, last in spans)


def dialog_of(spans: list[tuple[int, int]], line: int) -> tuple[int, int] | None:
    """The innermost span of ``spans`` holding ``line``, or None."""
    holding = [span for span in spans if span[0] <= line <= span[1]]
    return max(holding, default=None)
