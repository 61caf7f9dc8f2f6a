"""Feeding markup to the standard library's ``html.parser`` without its one crash on malformed input.

``HTMLParser.feed`` raises ``AssertionError`` (from ``_markupbase``) on a declaration such as ``<![`` followed by a
control character, which a binary or corrupt file named ``.wxml`` / ``.vue`` can hold. The readers keep what the
parser had read before that point.
"""

from __future__ import annotations

from html.parser import HTMLParser


def feed_safely(parser: HTMLParser, text: str) -> bool:
    """Feed ``text`` to ``parser`` and close it; True when the whole text was read, False when a malformed
    declaration stopped it (the parser's state up to there stands). Never raises for malformed markup."""
    try:
        parser.feed(text)
        parser.close()
    except AssertionError:
        return False
    return True
