"""What tells a live stream a page plays in a ``<video>`` (``checks/live_streams.yml``): its source and the words
of a screen.

A ``<video>`` plays whatever its ``src`` names: a recorded film (``.mp4``) or a live broadcast — an HLS playlist
(``.m3u8``), an HTTP-FLV stream (``.flv``), an RTMP / RTSP URL. Broadcasting live needs its service category
(社交-直播, or 文娱-视频 for audio-visual programmes with their licence:
https://developers.weixin.qq.com/miniprogram/product/material/) whichever component plays it, so the source and
the words a screen uses (热门电视直播, a 直播 tag) tell it where ``<live-player>`` is not used. A recording of a
live show (直播回放) is no broadcast.

In: a URL; a template's text (WXML or a Vue template). Out: whether the URL names a live source; the lines of the
template's texts that say the screen broadcasts live. Never raises on malformed input.
"""

from __future__ import annotations

from functools import cache
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit

from mp_precheck.core.catalog import validated
from mp_precheck.core.resources import data_dir
from mp_precheck.readers.htmlfeed import feed_shared

TABLE = "live_streams.yml"
SCHEMA = "live_streams.schema.json"
_CODE_TAGS = frozenset({"wxs", "script", "style"})  # their text is code or style, nothing a user reads


class LiveStreamDataError(ValueError):
    """``checks/live_streams.yml`` does not match its schema (a packaging bug, not user input)."""


def check_live_streams() -> None:
    """Check the shipped table against its schema (the test suite does).

    Raises:
        LiveStreamDataError: the table does not match, naming the file and the key path.
    """
    validated(data_dir("checks") / TABLE, SCHEMA, LiveStreamDataError)


@cache
def _table() -> dict[str, tuple[str, ...]]:
    data: Any = validated(data_dir("checks") / TABLE, SCHEMA, check=False)
    return {key: tuple(data[key]) for key in ("schemes", "suffixes", "words", "replay_words")}


def live_source(url: str) -> bool:
    """Whether ``url`` names a live stream: an RTMP / RTSP scheme, or a path ending in a live playlist's or
    stream's suffix (``/live/index.m3u8?token=1``). A film (``.mp4``) and anything unparsable are not."""
    table = _table()
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in table["schemes"] or parts.path.lower().endswith(table["suffixes"])


def says_live(text: str) -> bool:
    """Whether ``text`` says a screen broadcasts live (直播), not that it replays a recording (直播回放)."""
    table = _table()
    return any(w in text for w in table["words"]) and not any(w in text for w in table["replay_words"])


class _Texts(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[int] = []
        self._code = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._code += tag in _CODE_TAGS

    def handle_endtag(self, tag: str) -> None:
        self._code -= tag in _CODE_TAGS and self._code > 0

    def handle_data(self, data: str) -> None:
        if self._code or not says_live(data):
            return
        leading = data[:len(data) - len(data.lstrip())]
        self.lines.append(self.getpos()[0] + leading.count("\n"))  # the line of the text, not of the tag before it


def live_text_lines(template: str) -> list[int]:
    """1-based lines of the texts of ``template`` that say the screen broadcasts live (:func:`says_live`), in
    document order; code blocks (``<wxs>``) and comments are not read."""
    if not any(w in template for w in _table()["words"]):
        return []  # most templates never say it: not parsed
    parser = _Texts()
    feed_shared(parser, template)
    return parser.lines
