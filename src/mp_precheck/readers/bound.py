"""The values a bound attribute can take: ``:type="isWeixin ? 'nickname' : 'text'"`` (Vue) or
``type="{{ isWeixin ? 'nickname' : 'text' }}"`` (WXML) is ``nickname`` on one branch. The expression is
parsed with tree-sitter; only string literals reached through ``?:``, ``||``, ``&&`` and parentheses count
(a literal passed to a function or compared against is not a value of the attribute, nor is a template string
that substitutes)."""

from __future__ import annotations

from tree_sitter import Node, Parser

from mp_precheck.readers.syntax import JAVASCRIPT as _JS
from mp_precheck.readers.syntax import string_value, whole_string

_MAX = 2000  # an attribute expression longer than this is not a choice between a few literals


def branch_literals(expression: str) -> list[str]:
    """The string literals ``expression`` may evaluate to, in source order; [] when it has none."""
    if not expression.strip() or len(expression) > _MAX:
        return []
    root = Parser(_JS).parse(f"({expression})".encode("utf-8", "surrogatepass")).root_node
    if root.has_error or not root.named_children or root.named_children[0].type != "expression_statement":
        return []
    out: list[str] = []
    _collect(root.named_children[0].named_children[0], out)
    return out


def _collect(node: Node, out: list[str]) -> None:
    if node.type in ("string", "template_string"):
        value = whole_string(node)  # a template that substitutes shows more than its literal part
        if value:
            out.append(value)
    elif node.type == "parenthesized_expression":
        for child in node.named_children:
            _collect(child, out)
    elif node.type == "ternary_expression":
        for field in ("consequence", "alternative"):
            branch = node.child_by_field_name(field)
            if branch is not None:
                _collect(branch, out)
    elif node.type == "binary_expression":
        operator = node.child_by_field_name("operator")
        if operator is not None and operator.type in ("||", "&&", "??"):
            right = node.child_by_field_name("right")
            if operator.type != "&&":
                left = node.child_by_field_name("left")
                if left is not None:
                    _collect(left, out)
            if right is not None:
                _collect(right, out)


def mustache_expression(value: str) -> str | None:
    """The expression of a WXML value that is one ``{{ … }}`` and nothing else, else None."""
    stripped = value.strip()
    if stripped.startswith("{{") and stripped.endswith("}}") and stripped.count("{{") == 1:
        return stripped[2:-2]
    return None


def leading_literal(expression: str) -> str | None:
    """The literal text a bound expression starts with: the leftmost string of a ``+`` concatenation
    (``'plugin-private://…?room_id=' + room.id`` gives ``plugin-private://…?room_id=``), a template string's
    text before its first ``${}``, or a plain string literal; None when the expression starts with no literal
    (a variable, a call) or does not parse."""
    if not expression.strip() or len(expression) > _MAX:
        return None
    root = Parser(_JS).parse(f"({expression})".encode("utf-8", "surrogatepass")).root_node
    if root.has_error or not root.named_children or root.named_children[0].type != "expression_statement":
        return None
    node = root.named_children[0].named_children[0]
    while node.type in ("parenthesized_expression", "binary_expression"):
        if node.type == "binary_expression":
            operator = node.child_by_field_name("operator")
            left = node.child_by_field_name("left")
            if operator is None or operator.type != "+" or left is None:
                return None
            node = left
        elif node.named_children:
            node = node.named_children[0]
        else:
            return None
    return string_value(node) or None
