"""Names of a "we are under review" switch in a script (``isInReview``, ``IS_AUDIT_MODE``, ``shenhe``): code
that shows reviewers something other than what users get (OPS2018 5.14,
https://developers.weixin.qq.com/miniprogram/product/reject.html). An order's or refund's ``auditStatus`` is
not one, nor is a key of a string table whose value is display text (a locale's ``inAudit: '待审核'``, the label
of a comment awaiting moderation): a label, read by no condition.
"""

from __future__ import annotations

import re

from tree_sitter import Node

from mp_precheck.core.lazyre import lazy
from mp_precheck.core.recache import compiled
from mp_precheck.readers.syntax import whole_string

REVIEW_FLAG = compiled(r"(?:is|in)_?(?:wx_?)?(?:review|audit)(?:ing|_?mode)?|(?:review|audit)_?(?:mode|switch)|"
                         r"isInReview|shenhe(?:_?mode)?", re.IGNORECASE)


# The same names for lower-cased text: searching that case-sensitively is ~5x faster than re.IGNORECASE.
_LOWER_FLAG = lazy(REVIEW_FLAG.pattern.lower())
# The non-ASCII letters re.IGNORECASE equates with ``i`` or ``s`` (İ ı ſ): str.lower() does not (or İ grows).
_FOLDED_ODDLY = ("\u0130", "\u0131", "\u017f")


def names_review_flag(source: str) -> bool:
    """Whether :data:`REVIEW_FLAG` matches anywhere in ``source`` (a whole file): False saves reading the file's
    identifiers one by one (~1 ms a file).

    Every name it matches spells review, audit or shenhe in some case, so a substring test of the lower-cased
    text rules most files out, and the pattern in lower case searches the lower-cased text of the rest — the
    same answer as ``REVIEW_FLAG.search(source)``, unless the text holds a letter that lower-casing treats
    otherwise than re.IGNORECASE: then that search decides.
    """
    if any(letter in source for letter in _FOLDED_ODDLY):
        return REVIEW_FLAG.search(source) is not None
    lowered = source.lower()
    return ("review" in lowered or "audit" in lowered or "shenhe" in lowered) and \
        _LOWER_FLAG.search(lowered) is not None


def is_flag_use(node: Node) -> bool:
    """Whether the identifier ``node`` (a name :data:`REVIEW_FLAG` matches) is read in a condition or set, within
    four levels above it — not a word inside some other name."""
    current = node.parent
    if current is not None and current.type == "pair" and current.child_by_field_name("key") == node and \
            _label(current):
        return False
    for _ in range(4):
        if current is None:
            return False
        if current.type in ("if_statement", "ternary_expression", "binary_expression", "pair",
                            "variable_declarator", "assignment_expression", "unary_expression"):
            return True
        current = current.parent
    return False


# A value that switches: a boolean or a number spelled as a string ('true', '0', 'off').
_SWITCH_VALUE = lazy(r"(?i)\s*(?:true|false|on|off|yes|no|open|close[d]?|enabled?|disabled?|[-+]?\d+(?:\.\d+)?)?\s*")
_HUMAN_TEXT = lazy(r"[\u3400-\u9fff]|\w\s+\w")  # Chinese, or words with spaces between them
_TABLE = 3  # string pairs that make an object a string table (a locale's messages)


def _label(pair: Node) -> bool:
    """Whether ``pair`` holds display text: its value is a constant string that spells no switch value, and
    reads as human text (Chinese, several words) or stands in a string table (an object of string values
    only, :data:`_TABLE` at least: a locale's or i18n library's messages)."""
    value = pair.child_by_field_name("value")
    text = whole_string(value) if value is not None else None
    if text is None or _SWITCH_VALUE.fullmatch(text):
        return False
    table = pair.parent
    members = [m for m in table.named_children if m.type != "comment"] if table is not None else []
    strings = [m for m in members if m.type == "pair" and (v := m.child_by_field_name("value")) is not None and
               v.type in ("string", "template_string")]
    return len(strings) == len(members) and (_HUMAN_TEXT.search(text) is not None or len(strings) >= _TABLE)
