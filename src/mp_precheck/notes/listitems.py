"""How teams number and type the changes of one commit message: a type word in any case or spelling (``ADD:``,
``Fix:``, ``UPDTAE:``), a list number before an item (``1、``, ``1，``, ``1.``, ``(1)``) and several changes in one
line (``1、A，2、B``, ``A；B``), each its own 本次版本变更 item.

The reviewer reads the items as they are pasted into 提交审核: a type word or a list number is the team's own
bookkeeping and never reaches the form.
"""

from __future__ import annotations

from collections.abc import Mapping
from itertools import pairwise

from mp_precheck.core.lazyre import lazy

# A list number at the start of an item: "1、", "1，", "1.", "1)", "(1)", "①". Not a decimal ("2.5折") nor a
# number that is part of the text ("3天内发货": no separator after it).
_NUMBER = lazy(r"^\s*(?:[(（]\d{1,2}[)）]|\d{1,2}\s*[、，,.．)）](?!\d)|[①-⑩])\s*(?=\S)")
# A later item's number inside one line: after a separator or a space, "2、", "2，", "2." or "(2)".
_NEXT_NUMBER = lazy(r"(?:^|[\s，,；;。])\s*(?:[(（](?P<a>\d{1,2})[)）]|(?P<b>\d{1,2})\s*[、，,.．)）](?!\d))\s*(?=\S)")
_SEMICOLON = lazy(r"\s*[；;]\s*")
# "type(scope):" or "type:" at the start of an item, in any case: what an item without one shares.
_TYPE_PREFIX = lazy(r"^(?P<word>[A-Za-z]+)(?:[(\[][^)\]]*[)\]])?!?\s*[:：]\s*")
_BRACKET_PREFIX = lazy(r"^[\[【]\s*[^\]】]{1,12}?\s*[\]】]\s*[:：]?\s*")


def known_type(word: str, types: Mapping[str, object]) -> str | None:
    """The type of ``types`` a commit's type word names, in any case (``ADD`` → ``add``) or misspelt by a letter or
    two (``UPDTAE`` → ``update``, ``MEGER`` → ``merge``: same first letter, 4 letters or more, close spelling);
    None for any other word (``SKU:``, ``API:`` are what the item is about)."""
    lowered = word.lower()
    if lowered in types:
        return lowered
    if len(lowered) < 4 or not lowered.isascii():
        return None
    import difflib  # loaded only for an unknown word: a diff that drafts no notes never needs it

    close = difflib.get_close_matches(lowered, [t for t in types if len(t) >= 4 and t[0] == lowered[0]], 1, 0.8)
    return close[0] if close else None


def unnumbered(text: str) -> str:
    """``text`` without a leading list number (``1、添加分享功能`` → ``添加分享功能``)."""
    return _NUMBER.sub("", text, count=1)


def listed_items(item: str, types: Mapping[str, object]) -> list[str]:
    """The changes one item lists: a numbered list in one line (``1、A，2、B`` → A, B: each later number the next
    one) or changes parted by a semicolon (``A；B``). A type word before them (``ADD:1、A，2、B``) is shared by
    each change that has none of its own; a Chinese verb is not (``1、修复A，2、B``: B says what it is itself).
    An item that lists nothing is returned as it is, its number removed."""
    prefix = _TYPE_PREFIX.match(item)
    if prefix and known_type(prefix.group("word"), types) is None:
        prefix = None
    marker = (prefix or _BRACKET_PREFIX.match(item))
    head = item[: marker.end()] if marker else ""
    rest = item[len(head):]
    numbered = _NUMBER.match(rest) is not None
    rest = unnumbered(rest)
    parts = _numbered_parts(rest) if numbered else [rest]
    parts = [piece for part in parts for piece in _SEMICOLON.split(part) if piece.strip(" ，,。")]
    if len(parts) < 2:
        return [head + (parts[0] if parts else rest)]
    return [p if _own_marker(p, types) else head + p for p in (unnumbered(x.strip(" ，,。")) for x in parts)]


def _numbered_parts(text: str) -> list[str]:
    """``A，2、B 3、C`` (the text after ``1、``) cut before each next number in sequence."""
    cuts, expected = [], 2
    for found in _NEXT_NUMBER.finditer(text):
        number = int(found.group("a") or found.group("b"))
        if number == expected and found.start() > 0:
            cuts.append(found.start())
            expected += 1
    bounds = [0, *cuts, len(text)]
    return [text[a:b] for a, b in pairwise(bounds)]


def _own_marker(part: str, types: Mapping[str, object]) -> bool:
    found = _TYPE_PREFIX.match(part)
    return bool(found and known_type(found.group("word"), types)) or _BRACKET_PREFIX.match(part) is not None
