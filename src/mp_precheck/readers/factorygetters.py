"""Functions of a file that hand back an object a ``wx`` factory made: ``function getRecorder() { if (rec) return
rec; rec = uni.getRecorderManager(); rec.onStop(…); return rec }``, called as ``const mgr = getRecorder();
mgr.start(…)``.

A page that sets its recorder (or audio context, camera context…) up once keeps the factory's object in a name and
hands it out through such a function; ``mgr.start()`` is then ``RecorderManager.start`` as much as if the page had
called it on ``uni.getRecorderManager()`` itself
(https://developers.weixin.qq.com/miniprogram/dev/api/media/recorder/wx.getRecorderManager.html). A function of the
file (a declaration, or a name bound to a function expression or an arrow) hands one back when every value it
returns is an object of one factory type — the factory's call, or a name holding one — or nothing (``null``,
``undefined``, a bare ``return``), at least one of them that object. Anything else returned (a wrapper object, a
mock) leaves what it hands back unknown.

In: a file's nodes in source order and a test giving the factory type an expression holds. Out: the type a call of
one of those functions hands back. Never raises.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from tree_sitter import Node

from mp_precheck.readers.namespacegetters import returns
from mp_precheck.readers.syntax import node_text

_FUNCTIONS = ("function_declaration", "function_expression", "arrow_function", "function")
_WRAPPING = ("parenthesized_expression", "as_expression", "non_null_expression")


class FactoryGetters:
    """The functions among ``nodes`` and the factory type each hands back: ``factory`` gives the type of a
    factory's call (or None), ``typed`` the names holding a factory's object (expression text → type)."""

    def __init__(self, nodes: Iterable[Node], factory: Callable[[Node], str | None], typed: Mapping[str, str]) -> None:
        self._factory, self._typed = factory, typed
        self._functions: dict[str, Node] = {}
        self._open: set[str] = set()  # functions being read: one that returns its own call is no getter
        for node in nodes:
            name, function = (node.child_by_field_name("name"), node) if node.type == "function_declaration" else \
                (node.child_by_field_name("name"), node.child_by_field_name("value")) \
                if node.type == "variable_declarator" else (None, None)
            if name is not None and name.type == "identifier" and function is not None and function.type in _FUNCTIONS:
                self._functions.setdefault(node_text(name), function)

    def type_of(self, call: Node) -> str | None:
        """The factory type the call expression ``call`` of a function of the file hands back, else None."""
        fn = call.child_by_field_name("function")
        name = node_text(fn) if fn is not None and fn.type == "identifier" else ""
        function = self._functions.get(name)
        body = function.child_by_field_name("body") if function is not None else None
        if body is None or name in self._open:
            return None
        self._open.add(name)
        try:
            values = [body] if body.type != "statement_block" else \
                [r.named_children[0] if r.named_children else None for r in returns(body)]
            kinds = {self._kind(value) for value in values}
        finally:
            self._open.discard(name)
        found = kinds - {"nothing"}
        return found.pop() if len(found) == 1 and None not in found else None

    def _kind(self, value: Node | None) -> str | None:
        """The factory type ``value`` holds, ``nothing`` for no value, None for anything else."""
        while value is not None and value.type in _WRAPPING and value.named_children:
            value = value.named_children[0]
        if value is None or value.type == "null" or node_text(value) == "undefined":
            return "nothing"
        return self._factory(value) or self._typed.get(node_text(value))
