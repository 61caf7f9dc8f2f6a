"""A login check whose caller logs in silently when it fails: a session check, not a way to a login page.

``this.api.checkLogin(token).then(ok, () => wx.login({ success: … }))`` asks whether the stored session still
holds and, when it does not, gets a new one with ``wx.login`` — the shape WeChat documents for
``wx.checkSession`` (its ``fail`` calls ``wx.login``). The user sees nothing: the call is told only by its
login-like name, and its caller's own handlers show what it is for. Read for a call's promise handlers
(``.then(onOk, onFail)``, ``.catch(…)``, chained) and for an awaited call's ``try`` … ``catch``; a handler
given by name (``.then(ok, rollback)``, ``.then(this.init, this.login)``) is read where its file defines it.

In: the call's tree-sitter node and a resolver of callees to ``wx.X`` names. Out: a bool. Never raises.
Source: https://developers.weixin.qq.com/miniprogram/dev/api/open-api/login/wx.checkSession.html and
https://developers.weixin.qq.com/miniprogram/dev/api/open-api/login/wx.login.html.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from tree_sitter import Node

from mp_precheck.readers.syntax import node_text, walk

_HANDLERS = frozenset({"then", "catch", "finally"})
_FUNCTIONS = frozenset({"function_expression", "function", "arrow_function"})
_SELF = frozenset({"this", "that", "self", "_this", "vm", "me"})


def checks_session(call: Node, resolve: Callable[[Node], str | None]) -> bool:
    """Whether a handler the caller gives ``call``'s outcome to (an inline function, or one named that the file
    defines) calls ``wx.login``."""
    return any(_logs_in(handler, resolve) for handler in _handlers(call))


def _named(reference: Node) -> Node | None:
    """The function a handler names (``rollback``, ``this.login``) as its file defines it, else None."""
    if reference.type == "member_expression" and node_text(reference.child_by_field_name("object")) in _SELF:
        name = node_text(reference.child_by_field_name("property"))
    elif reference.type == "identifier":
        name = node_text(reference)
    else:
        return None
    root = reference
    while root.parent is not None:
        root = root.parent
    for node in walk(root):
        key = node.child_by_field_name("name") or node.child_by_field_name("key")
        value = node if node.type in ("method_definition", "function_declaration") else \
            node.child_by_field_name("value") if node.type in ("pair", "variable_declarator") else None
        if key is not None and node_text(key) == name and value is not None and \
                (value.type in _FUNCTIONS or value is node):
            return value
    return None


def _handlers(call: Node) -> Iterator[Node]:
    node = call
    while node.parent is not None and node.parent.type == "member_expression" and \
            node_text(node.parent.child_by_field_name("property")) in _HANDLERS:
        chained = node.parent.parent
        if chained is None or chained.type != "call_expression":
            return
        args = chained.child_by_field_name("arguments")
        for arg in args.named_children if args is not None else ():
            handler = arg if arg.type in _FUNCTIONS else _named(arg)
            if handler is not None:
                yield handler
        node = chained
    if node.parent is not None and node.parent.type == "await_expression":
        current = node.parent.parent
        while current is not None and current.type != "try_statement" and current.type not in _FUNCTIONS:
            current = current.parent
        handler = current.child_by_field_name("handler") if current is not None and \
            current.type == "try_statement" else None
        if handler is not None:
            yield handler


def _logs_in(handler: Node, resolve: Callable[[Node], str | None]) -> bool:
    for node in walk(handler):
        fn = node.child_by_field_name("function") if node.type == "call_expression" else None
        if fn is not None and resolve(fn) == "wx.login":
            return True
    return False
