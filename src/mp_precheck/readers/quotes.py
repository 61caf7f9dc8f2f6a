"""Markup an unclosed attribute quote hid from the tokenizer: said, never passed over as "nothing there".

``<view class="a>`` with its quote left open makes the attribute's value run on to the next quote of the file,
often the opening quote of a later tag's attribute: every tag in between (``<button open-type=``…) is read as
part of that value, and the rest of the broken tag as attribute names holding a quote (``share"``). When no
later quote closes it, the tokenizer gives the tag up and hands it over as text. Either way the tags are not
read here, and the run says where (``FileFacts.error``, ``core/unread.py``) rather than take the template for one
that holds nothing of note (WXML syntax: https://developers.weixin.qq.com/miniprogram/dev/reference/wxml/).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from mp_precheck.core.recache import compiled

_MUSTACHE = compiled(r"\{\{.*?\}\}", re.DOTALL)  # a {{ }} expression may compare with < and >
# One tag's end and the next tag's start inside an attribute's value: markup the value swallowed.
_TAGS_INSIDE = compiled(r">\s*</?[A-Za-z][\w.:-]*")
# A tag opener in a text: a tag the tokenizer could not read (text never holds a raw "<name" in WXML).
_TAG_IN_TEXT = compiled(r"<[A-Za-z][\w.:-]*")


def swallowed(tag: str, attrs: list[tuple[str, str | None]], raw: str, line: int) -> str | None:
    """What a start tag read by the tokenizer hid (``tag`` with ``attrs`` as it read them, its ``raw`` text,
    starting on ``line``): a note naming the lines read as one tag, or None when it hid no tag. A value holding the
    end of one tag and the start of another is markup an open quote swallowed when it runs over lines or the
    tag's other names hold a quote (the rest of the value the open quote cut short: ``share"``); a one-line value
    of markup with whole quotes is a ``rich-text`` string, and a stray quote that swallowed no tag (``\\"`` in a
    style) hides nothing."""
    if not _TAGS_INSIDE.search(_MUSTACHE.sub("", raw)):  # as written, not unescaped (&lt;p&gt; is text)
        return None
    cut_short = any("\"" in name or "'" in name for name, _value in attrs)
    for _name, value in attrs:
        if value is not None and ("\n" in value or cut_short) and _TAGS_INSIDE.search(_MUSTACHE.sub("", value)):
            last = line + raw.count("\n")
            span = f"lines {line}–{last}" if last > line else f"line {line}"
            return (f"an attribute quote of <{tag}> on line {line} is not closed where the tag ends: {span} were "
                    f"read as one tag, and the tags in them were not read")
    return None


def given_up(data: str, line: int, source: Sequence[str], offset: int = 0) -> str | None:
    """The note for a text (``data`` as the tokenizer hands it over, starting on ``line`` of the markup whose lines
    are ``source``; ``offset`` lines before it in the file) holding a tag the tokenizer gave up on (its quote never
    closed), else None. A ``{{ a<b }}`` expression is no tag, and neither is an escaped one the tokenizer unescaped
    (``&lt;count-to&gt;`` shown as code): the tag must be written in the source line itself."""
    found = _TAG_IN_TEXT.search(_MUSTACHE.sub(_blank, data))
    if found is None:
        return None
    at = line + data[:found.start()].count("\n")
    if at > len(source) or found.group(0) not in source[at - 1]:
        return None
    return (f"a tag on line {at + offset} ({found.group(0)}…) could not be read (an attribute quote not closed?): "
            f"read as text")


def _blank(match: re.Match[str]) -> str:
    """A ``{{ }}`` expression as spaces, its line breaks kept: offsets and lines stay those of the text."""
    return "".join(c if c == "\n" else " " for c in match.group(0))
