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
