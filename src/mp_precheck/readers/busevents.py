"""Text handed between components over an event bus: a shared emitter both import (``bus.$emit('reply', text)`` /
``bus.$on('reply', (text) => …)``, a ``new Vue()`` hub, uni-app's ``uni.$emit`` / ``uni.$on``), where neither
component renders the other, so no tag names the handler (:mod:`~mp_precheck.readers.relay` reads that shape).

Two directions of the same hand-over:

* **text sent over the bus**: the component with the box emits what it writes (``hub.$emit('comment', this.draft)``)
  and another listens (``hub.$on('comment', (body) => …)``, ``hub.$on('comment', this.onComment)``):
  :func:`bus_emits`, :func:`bus_listeners`;
* **a callback sent over the bus**: the component that posts emits a function (``hub.$emit('askText', { done:
  (body) => this.post(body) })``) that the component with the box keeps (``hub.$on('askText', ({ done }) => {
  this.done = done })``) and calls with what the box writes (``this.done(value)``): :func:`bus_callbacks`,
  :func:`callback_calls`.

A component's own ``this.$emit`` is an event to its parent, not the bus. Vue's instance events (``$on``,
``$emit``): https://v2.vuejs.org/v2/api/#Instance-Methods-Events; uni-app's global events:
https://uniapp.dcloud.net.cn/api/window/communication.html

In: a file's text and path (a script or a single-file component). Out: event names, line spans, names. Pure
functions of text through tree-sitter; never raise.
"""

from __future__ import annotations

from collections.abc import Iterator

from tree_sitter import Node

from mp_precheck.readers.relay import handler_params
from mp_precheck.readers.syntax import language_for, node_text, nodes_of, parse, string_value
from mp_precheck.readers.textflow import script_block

_LISTEN = frozenset({"$on", "$once"})
_EMIT = "$emit"
_SELF = frozenset({"this", "vm", "that", "self", "_this"})  # a component's own events go to its parent
_FUNCTIONS = ("arrow_function", "function_expression", "function")
_NOT_STATE = frozenset({"this", "that", "self", "_this", "e", "event", "$event", "detail", "mp"})
Span = tuple[range, frozenset[str]]  # (lines of a function, the names it receives)


def bus_listeners(text: str, path: str) -> list[tuple[str, range, frozenset[str]]]:
    """(event, handler's lines, handler's parameter names) of each ``bus.$on('event', handler)`` of the script of
    ``path``: an inline function, or a method the script defines (``this.onReply``)."""
    out: list[tuple[str, range, frozenset[str]]] = []
    for event, handler, offset in _bus_calls(text, path, _LISTEN):
        if handler.type in _FUNCTIONS:
            out.append((event, *_span(handler, offset)))
        elif handler.type == "member_expression" and node_text(handler.child_by_field_name("object")) in _SELF:
            found = handler_params(text, path, node_text(handler.child_by_field_name("property")))
            out += [(event, *found)] if found is not None else []
    return out


def bus_emits(text: str, path: str) -> list[tuple[int, str, frozenset[str]]]:
    """(line, event, names its payload carries) of each ``bus.$emit('event', payload)`` of the script of ``path``
    (the payload's identifiers and members: ``this.draft`` → ``draft``)."""
    return [(payload.start_point[0] + 1 + offset, event, _names(payload))
            for event, payload, offset in _bus_calls(text, path, frozenset({_EMIT}))]


def bus_callbacks(text: str, path: str) -> list[tuple[str, range, frozenset[str]]]:
    """(event, lines, parameter names) of each function a ``bus.$emit('event', …)`` of the script of ``path`` hands
    over: the payload itself (``(body) => …``) or a member of it (``{ done: (body) => … }``)."""
    out: list[tuple[str, range, frozenset[str]]] = []
    for event, payload, offset in _bus_calls(text, path, frozenset({_EMIT})):
        members = [payload] + [p.child_by_field_name("value") for p in payload.named_children if p.type == "pair"] \
            if payload.type == "object" else [payload]
        out += [(event, *_span(m, offset)) for m in members if m is not None and m.type in _FUNCTIONS]
    return out


def callback_calls(text: str, path: str, event: str) -> list[tuple[int, frozenset[str]]]:
    """(line, names its arguments carry) of each call, in the script of ``path``, of a function received on the
    bus ``event``: a parameter of its listener called in it, or the field the listener keeps it in
    (``this.done = done`` … ``this.done(value)``)."""
    handlers = [h for e, h, _o in _bus_calls(text, path, _LISTEN) if e == event and h.type in _FUNCTIONS]
    if not handlers:  # nothing received on the bus: no need to parse the script for its calls
        return []
    source, grammar, offset = script_block(text, path)
    language = language_for(grammar)
    root = parse(language, source.encode("utf-8", "replace")).root_node
    received = {n for h in handlers for n in _span(h, offset)[1]}
    kept = {node_text(left) for h in handlers for a in nodes_of(h, language, ("assignment_expression",))
            if node_text(a.child_by_field_name("right")) in received and (left := a.child_by_field_name("left"))
            is not None and left.type == "member_expression" and node_text(left.child_by_field_name("object")) in _SELF}
    out: list[tuple[int, frozenset[str]]] = []
    for call in nodes_of(root, language, ("call_expression",)) if received or kept else []:
        callee = node_text(call.child_by_field_name("function"))
        inside = any(h.start_byte <= call.start_byte < h.end_byte for h in handlers)
        if callee in kept or (callee in received and inside):
            out.append((call.start_point[0] + 1 + offset, _names(call.child_by_field_name("arguments"))))
    return out


def self_calls(text: str, path: str, span: range) -> list[tuple[str, frozenset[str]]]:
    """(method, names its arguments carry) of each ``this.method(…)`` call of the script of ``path`` on a line of
    ``span``: where a handler passes what it received on to the component's own method."""
    source, grammar, offset = script_block(text, path)
    if not source:
        return []
    language = language_for(grammar)
    root = parse(language, source.encode("utf-8", "replace")).root_node
    out: list[tuple[str, frozenset[str]]] = []
    for call in nodes_of(root, language, ("call_expression",)):
        fn = call.child_by_field_name("function")
        if fn is not None and fn.type == "member_expression" and call.start_point[0] + 1 + offset in span \
                and node_text(fn.child_by_field_name("object")) in _SELF:
            out.append((node_text(fn.child_by_field_name("property")), _names(call.child_by_field_name("arguments"))))
    return out


def _bus_calls(text: str, path: str, methods: frozenset[str]) -> Iterator[tuple[str, Node, int]]:
    """(event, second argument, line offset) of each call of one of ``methods`` on an object other than the
    component itself whose first argument is a string."""
    source, grammar, offset = script_block(text, path)
    if not source or not any(m in source for m in methods):
        return
    language = language_for(grammar)
    root = parse(language, source.encode("utf-8", "replace")).root_node
    for call in nodes_of(root, language, ("call_expression",)):
        fn, args = call.child_by_field_name("function"), call.child_by_field_name("arguments")
        given = args.named_children if args is not None else []
        if fn is None or fn.type != "member_expression" or len(given) < 2 or \
                node_text(fn.child_by_field_name("property")) not in methods or \
                node_text(fn.child_by_field_name("object")) in _SELF:
            continue
        event = string_value(given[0])
        if event:
            yield event, given[1], offset


def _span(function: Node, offset: int) -> Span:
    """(lines, parameter names) of a function node; a destructured parameter gives the names it takes out."""
    params = function.child_by_field_name("parameters") or function.child_by_field_name("parameter")
    names = {node_text(n) for n in _walk_names(params)} if params is not None else set()
    lines = range(function.start_point[0] + 1 + offset, function.end_point[0] + 2 + offset)
    return lines, frozenset(names - _NOT_STATE)


def _walk_names(node: Node) -> Iterator[Node]:
    """The names a parameter list binds (not its type annotations nor default values)."""
    stack = [node]
    while stack:
        current = stack.pop()
        if current.type in ("identifier", "shorthand_property_identifier_pattern"):
            yield current
            continue
        stack.extend(c for c in current.named_children if c.type not in ("type_annotation", "number", "string")
                     and not (current.type in ("assignment_pattern", "object_assignment_pattern")
                              and c == current.child_by_field_name("right")))


def _names(node: Node | None) -> frozenset[str]:
    """Identifiers and member names inside ``node``, outside the functions it holds, the component itself left out."""
    out: set[str] = set()
    stack = [node] if node is not None else []
    while stack:
        current = stack.pop()
        if current.type in ("identifier", "property_identifier", "shorthand_property_identifier"):
            out.add(node_text(current))
        stack.extend(c for c in current.named_children if c.type not in _FUNCTIONS)
    return frozenset(out - _NOT_STATE)
