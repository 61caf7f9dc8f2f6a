"""Text from the pull request (paths, values, commit messages) is data: it must not break the comment's
Markdown, inject HTML, @-mention anyone or forge the hidden marker."""

from __future__ import annotations

import re
import unicodedata

from mp_precheck.core.lazyre import lazy
from mp_precheck.core.recache import compiled

_MD_SPECIAL = lazy(r"([\\`*_\[\]#!|~])")
_MENTION = compiled(r"@(?=[A-Za-z0-9-])")


def md_text(text: str) -> str:
    """Escape ``text`` (from the pull request) for inline Markdown: emphasis, code, link, table and heading
    characters backslash-escaped, ``<``/``>``/``&`` as entities (no HTML, no forged marker), newlines
    folded (no new block can start), ``@name`` broken with a zero-width space (no notification)."""
    text = " ".join(str(text).split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return _MENTION.sub("@\u200b", text)


def code(text: str) -> str:
    """``text`` as an inline code span that survives backticks, pipes and newlines inside it.

    Pipes are replaced by the look-alike ``│`` (U+2502): GitHub splits table cells on ``|`` even inside
    code spans, and a comment must never change shape because of a file name.
    """
    text = " ".join(str(text).split()).replace("|", "│")
    text = text.replace("<!--", "<!- -").replace("-->", "- ->")
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") or not text else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def plain(text: str) -> str:
    """Text for the submission notes (a plain-text form, where ``@name`` notifies no one): one line, without
    invisible characters (:func:`visible`): what the team pastes is what the reviewer reads."""
    return visible(" ".join(str(text).split()))


def visible(text: str) -> str:
    """``text`` without invisible format characters (Unicode category Cf: zero-width space and joiners, the byte
    order mark, bidi marks and isolates, soft hyphens), which a form would keep hidden inside the pasted line."""
    return "".join(c for c in text if unicodedata.category(c) != "Cf") if not text.isascii() else text
