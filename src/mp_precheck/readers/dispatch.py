"""Functions that pick their API by a string argument, and the strings a call passes.

A helper such as ``chooseAndUploadFile(opts)`` that runs ``chooseImage`` when ``opts.type === 'image'``,
``chooseVideo`` when it is ``'video'`` and ``chooseMessageFile`` otherwise uses one of them per call: a
page calling it with ``{ type: 'image' }`` picks images only. Without this, every branch would count as a
new use at the call site.

In: a function node and how to turn a node into a line (and, for :func:`choices`, what a set of lines of
the function reaches). Out: ``(string, subjects)`` per branch; for call sites, ``{line: strings passed}``.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable

from tree_sitter import Language, Node

from mp_precheck.readers.syntax import nodes_of, string_value

Reach = Callable[[set[int]], set[str]]


def _compared_string(condition: Node | None) -> str | None:
    """``'image'`` of a condition ``(x === 'image')`` / ``('image' == x)``, else None."""
    expr = condition.named_children[0] if condition is not None and condition.type == "parenthesized_expression" \
        and condition.named_children else condition
    if expr is None or expr.type != "binary_expression":
        return None
    operator = expr.child_by_field_name("operator")
    if operator is None or operator.type not in ("===", "=="):
        return None
    for side in (expr.child_by_field_name("left"), expr.child_by_field_name("right")):
        if side is not None and side.type == "string":
            return string_value(side)
    return None


def _returns(body: Node) -> bool:
    """Whether a branch ends the function: a ``return`` among its own statements."""
    return body.type == "return_statement" or any(c.type == "return_statement" for c in body.named_children)


def _chain_end(node: Node) -> Node:
    """The outermost ``if`` of an ``if … else if …`` chain."""
    while node.parent is not None and node.parent.type == "else_clause" and node.parent.parent is not None:
        node = node.parent.parent
    return node


def branches(function: Node, language: Language) -> list[tuple[str, Node, Node | None]]:
    """(string, branch, statement the branch leaves when it returns — None when it does not) for each
    ``if (x === 'a')`` and ``case 'a':`` inside ``function`` (parsed with ``language``), in source order."""
    out: list[tuple[str, Node, Node | None]] = []
    for node in nodes_of(function, language, ("if_statement", "switch_case")):
        if node.type == "if_statement":
            value, body = _compared_string(node.child_by_field_name("condition")), \
                node.child_by_field_name("consequence")
            if value is not None and body is not None:
                out.append((value, body, _chain_end(node) if _returns(body) else None))
        elif node.type == "switch_case":
            case = node.child_by_field_name("value")
            if case is not None and case.type == "string" and (value := string_value(case)) is not None:
                switch = node.parent.parent if node.parent is not None else None
                out.append((value, node, switch if _returns(node) else None))
    return out


def _lines(node: Node, line: Callable[[Node], int]) -> set[int]:
    first = line(node)
    return set(range(first, first + node.end_point[0] - node.start_point[0] + 1))


def choices(function: Node, line: Callable[[Node], int], reach: Reach,
            language: Language) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """What ``function`` (parsed with ``language``) reaches per string it dispatches on: its lines without the
    other branches (and, when the chosen branch returns, without what follows its ``if`` chain or
    ``switch``). Empty when it does not dispatch, or when no branch changes what is reached."""
    found = branches(function, language)
    if not found:
        return ()
    every = _lines(function, line)
    whole = reach(every)
    out: list[tuple[str, tuple[str, ...]]] = []
    for value, body, left in found:
        kept = set(every)
        for _other, other_body, _left in found:
            if other_body is not body:
                kept -= _lines(other_body, line)
        if left is not None:
            kept = {n for n in kept if n <= line(left) + left.end_point[0] - left.start_point[0]}
        kept |= _lines(body, line)
        chosen = reach(kept) & whole
        if chosen != whole and value not in (v for v, _s in out):
            out.append((value, tuple(sorted(chosen))))
    return tuple(out)


def _spanning(root: Node, lines: set[int], line: Callable[[Node], int]) -> Iterable[Node]:
    """The nodes under ``root`` that span one of ``lines`` (subtrees elsewhere are skipped)."""
    ordered, stack = sorted(lines), [root]
    while stack:
        node = stack.pop()
        first = line(node)
        at = bisect_left(ordered, first)
        if at < len(ordered) and ordered[at] <= first + node.end_point[0] - node.start_point[0]:
            yield node
            stack.extend(reversed(node.named_children))


def call_literals(root: Node, lines: Iterable[int], line: Callable[[Node], int]) -> dict[int, tuple[str, ...]]:
    """For calls whose callee is on one of ``lines``: the strings passed as arguments or as property values
    of an object argument (``f('image')``, ``f({ type: 'image' })``)."""
    wanted = set(lines)
    out: dict[int, tuple[str, ...]] = {}
    if not wanted:
        return out
    for node in _spanning(root, wanted, line):
        callee = node.child_by_field_name("function") if node.type == "call_expression" else None
        if callee is None or line(callee) not in wanted:
            continue
        arguments = node.child_by_field_name("arguments")
        values: list[str] = []
        for arg in arguments.named_children if arguments is not None else ():
            items = [p.child_by_field_name("value") for p in arg.named_children if p.type == "pair"] \
                if arg.type == "object" else [arg]
            values += [v for item in items if item is not None and item.type == "string"
                       and (v := string_value(item)) is not None]
        if values:
            out[line(callee)] = tuple(values)
    return out
