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


# Expressions whose value is one of their parts: (…), a ? b : c, a || b, a ?? b, a && b, 'https://…/' + id.
_CHOOSING = frozenset({"parenthesized_expression", "ternary_expression", "binary_expression"})


def _chosen(outer: Node, part: Node) -> bool:
    """Whether the value of ``outer`` may be ``part`` (or start with it): a ternary's branch, not its condition;
    an operand of ``||`` / ``??`` / ``&&``; the left of a ``+`` (a URL with its id appended)."""
    if outer.type == "ternary_expression":
        return outer.child_by_field_name("condition") != part
    if outer.type == "binary_expression":
        operator = outer.child_by_field_name("operator")
        kind = operator.type if operator is not None else ""
        return kind in ("||", "??", "&&") or (kind == "+" and outer.child_by_field_name("left") == part)
    return True


def in_attribute_value(literal: Node) -> bool:
    """Whether the string ``literal`` is a value a JSX attribute's expression may take (``src={avatar ||
    'https://…'}``, ``src={on ? 'https://a…' : 'https://b…'}``): the element's attribute, read with it
    (:func:`attribute_urls`), as a WXML attribute is."""
    value = literal
    while value.parent is not None and value.parent.type in _CHOOSING and _chosen(value.parent, value):
        value = value.parent
    holder = value.parent
    return holder is not None and holder.type == "jsx_expression" and holder.parent is not None \
        and holder.parent.type == "jsx_attribute"


def attribute_urls(expression: Node) -> list[str]:
    """The URL text a JSX attribute's ``expression`` may take: each string literal holding ``://`` that
    :func:`in_attribute_value` reaches, a template string's text before its first ``${}``; in source order."""
    out: list[str] = []
    for node in _values(expression):
        text = string_value(node)  # a template string's text before its first ${}
        if text and "://" in text:
            out.append(text)
    return out


def _values(node: Node) -> list[Node]:
    """The string and template string nodes in the value positions of ``node`` (itself included)."""
    if node.type in ("string", "template_string"):
        return [node]
    if node.type not in _CHOOSING:
        return []
    return [found for child in node.named_children if _chosen(node, child) for found in _values(child)]

