"""JSON with comments and trailing commas (a ``tsconfig.json``, uni-app's ``pages.json``) read by the standard library.

The JSON5 library reads such files with a pure-Python PEG parser, a few Python calls per character: ~2.5 ms for a
200-byte ``jsconfig.json``, ~0.5 s for a large ``pages.json``. Most of them are JSON once their comments (JSON5
whitespace) and trailing commas are taken out, and JSON5 reads JSON's values as ``json.loads`` does (it is a superset
of JSON: https://spec.json5.org/#introduction). So :func:`as_json` takes those out outside double-quoted strings and
``json.loads`` reads the rest. Anything else JSON5 allows — single quotes, unquoted keys, hex numbers, ``+1``, other
whitespace — leaves a character JSON rejects where the two readings part, and the caller falls back to JSON5, as it
does for a surrogate pair written as two escapes (JSON5 keeps the two halves, ``json`` joins them) and for nesting
deeper than JSON5's recursion surely reaches.
"""

from __future__ import annotations

import json
import re
from typing import Any

from mp_precheck.core.lazyre import lazy

# A double-quoted string (kept whole), a line comment (ended where JSON5 ends one: https://spec.json5.org/#comments) or
# a block comment.
_COMMENTS = lazy(r'"(?:[^"\\]|\\.)*"|//[^\n\r\u2028\u2029]*|/\*.*?\*/', re.DOTALL)
# A string, or a comma before a closing bracket; a comma after an opening bracket or another comma is no trailing
# comma (``[,]`` is an error in JSON5) and is left for JSON to reject.
_TRAILING = lazy(r'"(?:[^"\\]|\\.)*"|([\[{,])?(\s*),(?=\s*[}\]])', re.DOTALL)
_SURROGATE_ESCAPE = lazy(r"\\u[dD][89abAB]")
_DEPTH = 16  # JSON5's parser recurses ~20 frames a level: far deeper and it raises where ``json`` would not


def loads(text: str) -> tuple[bool, Any]:
    """``(True, value)`` when ``text`` with its comments and trailing commas taken out is JSON — ``value`` being what
    JSON5 reads from ``text`` —, else ``(False, None)`` (the caller asks JSON5). Never raises."""
    if _SURROGATE_ESCAPE.search(text):
        return False, None
    stripped = _TRAILING.sub(_keep_or_drop, _COMMENTS.sub(_blank_comment, text))
    try:
        value = json.loads(stripped)
    except (ValueError, RecursionError, MemoryError):
        return False, None
    return (True, value) if _shallow(value, _DEPTH) else (False, None)


def _blank_comment(match: re.Match[str]) -> str:
    found = match.group()
    return found if found.startswith('"') else " "


def _keep_or_drop(match: re.Match[str]) -> str:
    if match.group().startswith('"') or match.group(1) is not None:
        return match.group()
    return match.group(2)


def _shallow(value: Any, depth: int) -> bool:
    """Whether ``value``'s containers nest at most ``depth`` levels."""
    if isinstance(value, dict):
        value = list(value.values())
    if not isinstance(value, list):
        return True
    return depth > 0 and all(_shallow(item, depth - 1) for item in value)
