"""Taro's build target in a test, decided without running anything: the WeChat build's view of a condition.

Taro replaces ``process.env.TARO_ENV`` with the target's name when it builds (``weapp`` for WeChat,
https://docs.taro.zone/docs/envs), so ``process.env.TARO_ENV === 'weapp'`` is true and ``… === 'alipay'`` false in
the build WeChat reviews. A condition is decided when it is such a comparison, ``!``, ``&&`` / ``||`` of decided
parts (``false && x`` is false whatever ``x`` is), ``true`` / ``false``, or a name a ``const`` binds to one of
these; anything else is undecided (None), never guessed.
"""

from __future__ import annotations

from collections.abc import Mapping

from tree_sitter import Node

from mp_precheck.readers.syntax import node_text

WECHAT_TARGET = "weapp"
_ENV = "process.env.TARO_ENV"
_MAX_DEPTH = 8


def wechat_test(node: Node | None, names: Mapping[str, Node] | None = None, depth: int = 0) -> bool | None:
    """Whether the condition ``node`` holds in Taro's WeChat build; None when it cannot be told statically.
    ``names`` maps a name the file declares to its value node (``const isWeapp = process.env.TARO_ENV === 'weapp'``).
    Never raises."""
    if node is None or depth > _MAX_DEPTH:
        return None
    kind = node.type
    if kind in ("parenthesized_expression", "as_expression", "non_null_expression") and node.named_children:
        return wechat_test(node.named_children[0], names, depth + 1)
    if kind in ("true", "false"):
        return kind == "true"
    if kind == "identifier":
        bound = names.get(node_text(node)) if names is not None else None
        return wechat_test(bound, names, depth + 1) if bound is not None else None
    if kind == "unary_expression" and node_text(node.child_by_field_name("operator")) == "!":
        inner = wechat_test(node.child_by_field_name("argument"), names, depth + 1)
        return None if inner is None else not inner
    if kind != "binary_expression":
        return None
    operator = node_text(node.child_by_field_name("operator"))
    left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
    if operator in ("&&", "||"):
        a, b = wechat_test(left, names, depth + 1), wechat_test(right, names, depth + 1)
        decisive = operator == "||"  # true decides ||, false decides &&
        if decisive in (a, b):
            return decisive
        return None if a is None or b is None else not decisive
    if operator not in ("===", "==", "!==", "!="):
        return None
    target = _compared_target(left, right) or _compared_target(right, left)
    if target is None:
        return None
    return (target == WECHAT_TARGET) == (operator in ("===", "=="))


def is_target_env(node: Node | None) -> bool:
    """Whether ``node`` reads ``process.env.TARO_ENV`` (also written ``process.env['TARO_ENV']``)."""
    if node is None:
        return False
    text = "".join(node_text(node).split()).replace("['TARO_ENV']", ".TARO_ENV").replace('["TARO_ENV"]', ".TARO_ENV")
    return text == _ENV


def _compared_target(env: Node | None, other: Node | None) -> str | None:
    """The target name ``other`` spells when ``env`` reads the build target; else None."""
    if not is_target_env(env) or other is None or other.type != "string":
        return None
    return "".join(node_text(c) for c in other.children if c.type == "string_fragment")
