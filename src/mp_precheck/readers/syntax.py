"""Small helpers over tree-sitter syntax nodes, shared by the JS/TS readers."""

from __future__ import annotations

from collections.abc import Iterator

from tree_sitter import Node


def node_text(node: Node | None) -> str:
    """The source text of ``node`` ('' for None)."""
    if node is None or node.text is None:
        return ""
    return node.text.decode("utf-8", "replace")


def walk(node: Node) -> Iterator[Node]:
    """``node`` and every node below it, in source order (iterative: deep files do not hit recursion limits)."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(reversed(current.children))


def string_value(node: Node) -> str | None:
    """The literal text of a string or template-string node (a template only up to its first ``${``)."""
    if node.type == "string":
        return "".join(node_text(c) for c in node.children if c.type in ("string_fragment", "escape_sequence"))
    if node.type == "template_string":
        parts = []
        for child in node.children:
            if child.type == "template_substitution":
                break
            if child.type in ("string_fragment", "escape_sequence"):
                parts.append(node_text(child))
        return "".join(parts)
    return None


def object_property(obj: Node | None, key: str) -> Node | None:
    """The value node of ``key`` in an object literal (``{ url: … }``, ``{ 'url': … }``), or None."""
    if obj is None or obj.type != "object":
        return None
    for pair in obj.named_children:
        if pair.type == "pair" and node_text(pair.child_by_field_name("key")).strip("'\"`") == key:
            return pair.child_by_field_name("value")
    return None


def call_option(call: Node, key: str) -> Node | None:
    """The value of ``key`` in the options object a ``wx`` API takes first: ``wx.request({ url })``."""
    args = call.child_by_field_name("arguments")
    first = args.named_children[0] if args is not None and args.named_children else None
    return object_property(first, key)
