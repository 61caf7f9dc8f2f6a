"""String literals a script only compares or keys by: values of code, never text on a screen.

Brand wording matters where users read it (WeChat's brand rules, https://developers.weixin.qq.com/miniprogram/
product/reject.html; OPS2018 12.3–12.4): a page's text, a title, a toast, data a template shows. A literal the code
tests a value against (``platform === 'WechatOfficialAccount'``, ``case 'WechatOfficialAccount':``), a key of an
object or an index it reads by (``{ WechatOfficialAccount: … }``, ``map['…']``), or an ASCII identifier that joins
the brand's name to other words (``'WechatMiniProgram'`` in a list of platforms, ``'weixin_login'``) is a value the
program passes around; no user sees it as written. A title, and the value of a key naming shown text (``{ content:
'…' }`` of a dialog, a list item's ``label``), keep their text whatever it looks like.

In: a tree-sitter string node and its value. Out: whether the literal is such a code value. Never raises.
"""

from __future__ import annotations

import re

from tree_sitter import Node

from mp_precheck.core.recache import compiled
from mp_precheck.readers.syntax import node_text

_COMPARISONS = frozenset({"==", "===", "!=", "!=="})
# Keys whose value a page, a toast or a dialog shows (uni.showToast({ title }), { text, label } of a list item).
_SHOWN = frozenset({"title", "content", "text", "label", "desc", "tip", "tips", "placeholder", "message", "msg",
                    "confirmText", "cancelText", "subtitle"})
_IDENTIFIER = compiled(r"[A-Za-z][A-Za-z0-9]*(?:[_.:-][A-Za-z0-9]+)*")
_BRAND = compiled(r"wechat|weixin|tencent", re.IGNORECASE)


def code_value(node: Node, value: str, title: bool = False) -> bool:
    """Whether the string ``node`` (value ``value``) is compared, a case label, a key or index, or an identifier
    that holds the brand's name among other words where it is no title and no value of a key naming shown text
    (module docstring)."""
    parent = node.parent
    if parent is None:
        return False
    operator = parent.child_by_field_name("operator") if parent.type == "binary_expression" else None
    if operator is not None and operator.type in _COMPARISONS:
        return True
    if parent.type == "switch_case" and parent.child_by_field_name("value") == node:
        return True
    if parent.type == "pair" and parent.child_by_field_name("key") == node:
        return True
    if parent.type == "subscript_expression" and parent.child_by_field_name("index") == node:
        return True
    if title or (parent.type == "pair" and node_text(parent.child_by_field_name("key")).strip("'\"`") in _SHOWN):
        return False  # a title or a key that names shown text ({ title: 'WechatMall' }) keeps what it says
    rest = _BRAND.sub("", value)
    return _IDENTIFIER.fullmatch(value) is not None and rest != value and any(c.isalpha() for c in rest)
