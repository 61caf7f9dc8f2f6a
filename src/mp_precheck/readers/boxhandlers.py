"""Where a one-line text box's typed text goes through the methods its events name: a comment ``<input>`` whose
``bindinput="watchIn"`` stores the text (``this.data.mess = e.detail.value``) or whose ``bindconfirm="doComment"``
sends it at once (``text = e.detail.value``), and the strings a call passes (``'/feed/reply_comment'``,
``name: 'addComment'``).

In: a markup file's text and a tag's line; a script's text and path. Out: method names, state names, line spans,
strings. Pure functions of text; JS/TS through tree-sitter. Never raise.
Input events: https://developers.weixin.qq.com/miniprogram/dev/component/input.html
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from tree_sitter import Language, Node

from mp_precheck.readers.syntax import language_for, node_text, nodes_of, parse
from mp_precheck.readers.textflow import calls_on, script_block, tag_at

# An input's events named by method: WXML ``bindinput="onInput"`` / ``bind:confirm`` / ``catchblur``, Vue
# ``@input="onInput"`` / ``v-on:confirm``.
_EVENT = re.compile(r"(?:^|\s|(?<=[\"'}]))(?:bind:?|catch:?|@|v-on:)(?:input|blur|confirm|change)\s*=\s*"
                    r"[\"']\s*([A-Za-z_$][\w$]*)\s*[\"']")
_WORD = re.compile(r"[A-Za-z_$][\w$]*")
_NOT_STATE = frozenset({"this", "that", "self", "_this", "data", "state", "e", "event", "detail", "value"})
_FUNCTIONS = ("arrow_function", "function_expression", "function", "generator_function")
_STRINGS = ("string", "template_string")


def box_handlers(markup: str, line: int) -> frozenset[str]:
    """The methods the input, blur, confirm and change events of the tag opening on ``line`` name."""
    return frozenset(_EVENT.findall(tag_at(markup, line)))


def _methods(root: Node, language: Language, names: frozenset[str]) -> list[Node]:
    """The functions of the script named ``names``: methods, object members, declared functions."""
    out: list[Node] = []
    for node in nodes_of(root, language, ("method_definition", "pair", "function_declaration", "variable_declarator")):
        key = node.child_by_field_name("key" if node.type == "pair" else "name")
        value = node if node.type in ("method_definition", "function_declaration") else \
            node.child_by_field_name("value")
        if key is not None and node_text(key).strip("'\"") in names and value is not None and (
                value.type in _FUNCTIONS or value is node):
            out.append(value)
    return out


def handler_writes(text: str, path: str, methods: frozenset[str]) -> tuple[frozenset[str], tuple[range, ...]]:
    """(the page state the ``methods`` store the typed text in — keys of ``this.setData({ mess: … })``, members
    assigned as ``this.data.mess = …`` / ``this.mess = …`` —, the line spans of those methods) in the script of
    ``path``. Empty when none is found."""
    source, grammar, offset = script_block(text, path)
    if not methods or not source:
        return frozenset(), ()
    language = language_for(grammar)
    root = parse(language, source.encode("utf-8", "replace")).root_node
    found: set[str] = set()
    spans: list[range] = []
    for function in _methods(root, language, methods):
        spans.append(range(function.start_point[0] + 1 + offset, function.end_point[0] + 2 + offset))
        for node in nodes_of(function, language, ("assignment_expression", "call_expression")):
            if node.type == "assignment_expression":
                left = node.child_by_field_name("left")
                if left is not None and left.type == "member_expression":
                    found |= set(_WORD.findall(node_text(left)))
                continue
            callee, arguments = node.child_by_field_name("function"), node.child_by_field_name("arguments")
            if node_text(callee).endswith("setData") and arguments is not None and arguments.named_children:
                first = arguments.named_children[0]
                keys = [p.child_by_field_name("key") for p in first.named_children if p.type == "pair"]
                found |= {w for k in keys if k is not None for w in _WORD.findall(node_text(k))}
    return frozenset(found - _NOT_STATE), tuple(spans)


def call_strings(text: str, path: str, lines: Iterable[int]) -> dict[int, tuple[str, ...]]:
    """For each call of the script of ``path`` whose callee is on one of ``lines``: the string literals its
    arguments hold (``getUrl('/feed/reply_comment')`` inside its options too), not those of its callbacks."""
    out: dict[int, tuple[str, ...]] = {}
    for at, arguments in calls_on(text, path, lines):
        strings: list[str] = []
        stack = [arguments]
        while stack:
            current = stack.pop()
            if current.type in _STRINGS:
                strings.append(node_text(current)[1:-1])
            else:
                stack.extend(c for c in current.named_children if c.type not in (*_FUNCTIONS, "method_definition"))
        out[at] = tuple(strings) + out.get(at, ())
    return out
