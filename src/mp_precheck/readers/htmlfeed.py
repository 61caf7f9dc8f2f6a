"""Feeding markup to the standard library's ``html.parser`` without its one crash on malformed input.

``HTMLParser.feed`` raises ``AssertionError`` (from ``_markupbase``) on a declaration such as ``<![`` followed by a
control character, which a binary or corrupt file named ``.wxml`` / ``.vue`` can hold. The readers keep what the
parser had read before that point.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from html.parser import HTMLParser
from typing import Any

from msgspec import Struct

from mp_precheck.readers.atmode import read_as_built


def feed_safely(parser: HTMLParser, text: str) -> bool:
    """Feed ``text`` to ``parser`` and close it; True when the whole text was read, False when a malformed
    declaration stopped it (the parser's state up to there stands). Never raises for malformed markup. Its tags'
    attributes are those of the WeChat build (:mod:`~mp_precheck.readers.atmode`: mpx's ``open-type@wx``)."""
    read_as_built(parser)
    try:
        parser.feed(text)
        parser.close()
    except AssertionError:
        return False
    return True


# The callbacks html.parser makes while it reads markup: a reader is told of the text through these alone.
_CALLBACKS = ("handle_starttag", "handle_startendtag", "handle_endtag", "handle_data", "handle_comment",
              "handle_decl", "handle_pi", "unknown_decl", "handle_charref", "handle_entityref")
# The tokenizer's own state a reader may see after the feed (its position, what is left unread).
_STATE = ("rawdata", "lineno", "offset", "cdata_elem", "interesting", "lasttag", "_HTMLParser__starttag_text")
MARKUP_TEXTS = 16  # texts whose callbacks are kept: a run reads each changed template with several readers in turn
# The callbacks take a few times their text: kept up to this much text in all. The newest text is always kept, so
# one very large template (a 15,000-line page) is tokenized once, not once per reader.
MARKUP_BYTES = 2 * 1024 * 1024

# One callback: its name, its arguments, and what getpos() and get_starttag_text() answer during it.
_Event = tuple[str, tuple[object, ...], int, int, str | None]
_TAG_CALLBACKS = frozenset({"handle_starttag", "handle_startendtag"})  # their attrs: a list, fresh for each reader


class _Read(Struct, frozen=True):
    """The callbacks of one whole feed of a text, in order; ``whole`` as :func:`feed_safely` returns it;
    ``state`` the tokenizer's state after it (:data:`_STATE`)."""

    events: tuple[_Event, ...]
    whole: bool
    state: tuple[tuple[str, object], ...]


class _Recorder(HTMLParser):
    def __init__(self, convert_charrefs: bool) -> None:
        super().__init__(convert_charrefs=convert_charrefs)
        self.events: list[_Event] = []
        for name in _CALLBACKS:
            setattr(self, name, self._recorder(name))

    def _recorder(self, name: str) -> Callable[..., None]:
        def record(*args: Any) -> None:  # each callback's own arguments
            arguments = (args[0], tuple(args[1])) if name in _TAG_CALLBACKS else args  # attrs: kept immutable
            self.events.append((name, arguments, self.lineno, self.offset, self.get_starttag_text()))
        return record



class _Reads:
    """The most recent texts' callbacks by (text, ``convert_charrefs``), within :data:`MARKUP_TEXTS` and
    :data:`MARKUP_BYTES` (the newest always kept); ``hits`` and ``misses`` count the asks."""

    def __init__(self) -> None:
        self.kept: OrderedDict[tuple[str, bool], _Read] = OrderedDict()
        self.size = 0
        self.hits = self.misses = 0

    def get(self, text: str, convert_charrefs: bool) -> _Read:
        key = (text, convert_charrefs)
        read = self.kept.get(key)
        if read is not None:
            self.hits += 1
            self.kept.move_to_end(key)
            return read
        self.misses += 1
        recorder = _Recorder(convert_charrefs)
        whole = feed_safely(recorder, text)
        read = _Read(tuple(recorder.events), whole,
                     tuple((name, getattr(recorder, name)) for name in _STATE if hasattr(recorder, name)))
        self.kept[key] = read
        self.size += len(text)
        while len(self.kept) > 1 and (len(self.kept) > MARKUP_TEXTS or self.size > MARKUP_BYTES):
            (dropped, _), _read = self.kept.popitem(last=False)
            self.size -= len(dropped)
        return read


READS = _Reads()


def feed_shared(parser: HTMLParser, text: str) -> bool:
    """:func:`feed_safely`, with the text tokenized once for every reader of it: the callbacks of a fresh parser
    of the same ``convert_charrefs`` over the same text are kept (:class:`_Reads`) and made again on ``parser``,
    each with the position (``getpos``) and start tag text (``get_starttag_text``) the tokenizer had at it, in the
    same order, so ``parser`` sees what a feed of its own would show it. A parser that has read something already
    is fed the text itself.

    Only for parsers whose callbacks do not change how the rest of the text is tokenized (``set_cdata_mode``,
    ``reset``, a nested ``feed``): what they do in a callback cannot reach the kept tokens. Arguments handed to a
    callback are fresh (``attrs`` a new list), so a reader may change them."""
    if parser.getpos() != (1, 0) or parser.rawdata:
        return feed_safely(parser, text)
    read = READS.get(text, parser.convert_charrefs)
    try:
        for name, arguments, line, column, start_tag in read.events:
            parser.lineno, parser.offset = line, column
            parser._HTMLParser__starttag_text = start_tag  # type: ignore[attr-defined]  # get_starttag_text()'s
            if name in _TAG_CALLBACKS:
                getattr(parser, name)(arguments[0], list(arguments[1]))  # type: ignore[call-overload]
            else:
                getattr(parser, name)(*arguments)
    except AssertionError:
        return False
    for name, value in read.state:
        setattr(parser, name, value)
    return read.whole
