"""Text a user types into an editable modal dialog: the box the platform draws for a script that asks for a line.

``wx.showModal({ editable: true, placeholderText })`` (any spelling: ``Taro.showModal``, ``uni.showModal``, a
``showModal`` imported from the framework) shows an input box; what the user typed comes back as the answer's
``content`` (https://developers.weixin.qq.com/miniprogram/dev/api/ui/interaction/wx.showModal.html: ``editable``,
``success`` → ``content``). A page that asks for a comment this way has no ``<input>`` in its markup, so the text is
followed from the answer instead: ``success(res)`` / ``success: ({ content }) =>``, ``.then((res) => …)``, or
``const res = await wx.showModal({ editable: true })`` / ``const { content } = await …`` for the rest of the
function. A modal that only asks a yes or no (no ``editable: true``) types nothing.

In: a script's text and path (a single-file component: its script blocks). Out: one :class:`Prompt` per editable
modal, in line order. Never raises on malformed code.
"""

from __future__ import annotations

from functools import lru_cache

from msgspec import Struct
from tree_sitter import Node

from mp_precheck.readers.sfc import script_units
from mp_precheck.readers.syntax import (
    enclosing_function,
    first_argument,
    language_for,
    node_text,
    object_property,
    parse,
    walk,
)

_FUNCTIONS = frozenset({"function_expression", "function", "arrow_function", "method_definition",
                        "function_declaration", "generator_function"})
_ANSWER = "content"  # the answer's field holding the typed text


class Prompt(Struct, frozen=True):
    """An editable modal: the ``line`` of its call, the lines ``first``..``last`` where its answer is in scope,
    and the names that, passed together, carry the typed text (``{'res', 'content'}`` for ``res.content``,
    ``{'text'}`` for ``const { content: text } = await …``)."""

    line: int
    first: int
    last: int
    carriers: frozenset[str]


def modal_prompts(source: str, path: str) -> tuple[Prompt, ...]:
    """The editable modals of ``source`` (module docstring)."""
    return _prompts(source, path) if "editable" in source and "showModal" in source else ()


@lru_cache(maxsize=16)
def _prompts(source: str, path: str) -> tuple[Prompt, ...]:
    """:func:`modal_prompts` of a text that names both, once per (text, path)."""
    out: list[Prompt] = []
    for text, name, offset in script_units(source, path):
        root = parse(language_for(name), text.encode("utf-8", "surrogatepass")).root_node
        for node in walk(root):
            if _editable_modal(node):
                found = _answer(node)
                if found is not None:
                    out.append(Prompt(node.start_point[0] + 1 + offset, found[0] + offset, found[1] + offset,
                                      found[2]))
    return tuple(sorted(out, key=lambda p: p.line))


def _editable_modal(node: Node) -> bool:
    """Whether ``node`` calls ``showModal`` (a member of any object, or a bare imported name) with
    ``editable: true`` in its options."""
    if node.type != "call_expression":
        return False
    fn = node.child_by_field_name("function")
    callee = fn.child_by_field_name("property") if fn is not None and fn.type == "member_expression" else fn
    if node_text(callee) != "showModal":
        return False
    return node_text(object_property(first_argument(node), "editable")) == "true"


def _answer(call: Node) -> tuple[int, int, frozenset[str]] | None:
    """(first line, last line, carriers) where the answer of the modal ``call`` is read: its ``success``
    callback, a ``.then`` callback, or the rest of the function awaiting it into a name."""
    options = first_argument(call)
    success = object_property(options, "success") or _method(options, "success")
    if success is not None and success.type in _FUNCTIONS:
        return _callback(success)
    parent = call.parent
    if parent is not None and parent.type == "member_expression" and node_text(
            parent.child_by_field_name("property")) == "then" and parent.parent is not None:
        then = first_argument(parent.parent)
        return _callback(then) if then is not None and then.type in _FUNCTIONS else None
    while parent is not None and parent.type in ("await_expression", "parenthesized_expression"):
        parent = parent.parent
    if parent is None or parent.type != "variable_declarator":
        return None
    carriers = _carriers(parent.child_by_field_name("name"))
    scope = enclosing_function(parent) or _root(call)  # the rest of the function (or module) reads it
    return (call.start_point[0] + 1, scope.end_point[0] + 1, carriers) if carriers else None


def _method(options: Node | None, key: str) -> Node | None:
    """The method ``key(res) { … }`` of an options object, or None."""
    for child in options.named_children if options is not None and options.type == "object" else ():
        if child.type == "method_definition" and node_text(child.child_by_field_name("name")) == key:
            return child
    return None


def _callback(function: Node) -> tuple[int, int, frozenset[str]] | None:
    """(first line, last line, carriers) of a callback handed the modal's answer as its first parameter."""
    params = function.child_by_field_name("parameters") or function.child_by_field_name("parameter")
    if params is None:
        return None
    first = params if params.type == "identifier" else next(iter(params.named_children), None)
    if first is not None and first.type in ("required_parameter", "optional_parameter"):
        first = first.child_by_field_name("pattern")
    carriers = _carriers(first)
    return (function.start_point[0] + 1, function.end_point[0] + 1, carriers) if carriers else None


def _carriers(name: Node | None) -> frozenset[str]:
    """The names that carry the answer's text when the answer is bound to ``name``: the name and ``content``
    (``res.content``), or the local a destructuring binds ``content`` to."""
    if name is None:
        return frozenset()
    if name.type == "identifier":
        return frozenset({node_text(name), _ANSWER})
    if name.type != "object_pattern":
        return frozenset()
    for child in name.named_children:
        if child.type == "shorthand_property_identifier_pattern" and node_text(child) == _ANSWER:
            return frozenset({_ANSWER})
        if child.type == "pair_pattern" and node_text(child.child_by_field_name("key")) == _ANSWER:
            value = child.child_by_field_name("value")
            return frozenset({node_text(value)}) if value is not None and value.type == "identifier" else frozenset()
        if child.type == "object_assignment_pattern" and node_text(child.child_by_field_name("left")) == _ANSWER:
            return frozenset({_ANSWER})
    return frozenset()


def _root(node: Node) -> Node:
    """The tree's root above ``node``."""
    while node.parent is not None:
        node = node.parent
    return node
