"""A request one page hands another: a flag a page's hook reads, acts on once and clears.

``switchTab`` carries no query, so a tab that must open its login dialog for a tap made on another page is told
through a global: the tapping page sets ``getApp().globalData.requestIndexAction = 'login'``, the tab's ``onShow``
reads it, clears it and opens the dialog. The dialog then answers a tap — login on demand, which review allows
(请在用户了解体验小程序功能后，再要求用户进行帐号登录; LOGIN, OPS2018 15.1.3) — not a wall a new user meets: on a
first launch nothing has set the flag. Told apart here by its shape: the forced action runs under an ``if`` whose
test reads a value (a member such as ``app.globalData.x``, or a local read from one or from storage) that the same
branch clears (assigns ``null``, ``false``, ``''``, ``0`` or ``undefined``, ``delete``s, or removes from storage).

In: the call that forces (a node of a hook's body). Out: whether it answers such a hand-over. Never raises.
Source: https://developers.weixin.qq.com/miniprogram/dev/api/route/wx.switchTab.html (url 不支持 query) and
https://developers.weixin.qq.com/miniprogram/product/index.html.
"""

from __future__ import annotations

from tree_sitter import Node

from mp_precheck.readers.syntax import first_string, node_text, walk

_CLEARED = frozenset({"null", "false", "undefined", "''", '""', "0"})
_FUNCTIONS = ("function_expression", "function", "arrow_function", "method_definition", "function_declaration")
_READS = frozenset({"getStorageSync", "removeStorageSync"})


def handed_over(call: Node) -> bool:
    """Whether ``call`` runs in the consequence of an ``if`` whose test reads a flag that branch clears."""
    child, current = call, call.parent
    while current is not None and current.type not in ("program",):
        if current.type == "if_statement" and current.child_by_field_name("consequence") == child:
            test = current.child_by_field_name("condition")
            if test is not None and _clears(child, _flag_source(test, current)):
                return True
        child, current = current, current.parent
    return False


def _flag_source(test: Node, statement: Node) -> str | None:
    """What the test reads: ``app.globalData.x`` itself, or what a local it names was read from (a member, or
    ``storage:<key>`` for ``wx.getStorageSync('<key>')``); None for anything else (a call, a comparison)."""
    inner = test.named_children[0] if test.type == "parenthesized_expression" and test.named_children else test
    if inner.type == "member_expression":
        return node_text(inner)
    if inner.type != "identifier":
        return None
    scope = statement.parent
    while scope is not None and scope.type not in _FUNCTIONS:
        scope = scope.parent
    name = node_text(inner)
    for node in walk(scope) if scope is not None else ():
        if node.type == "variable_declarator" and node_text(node.child_by_field_name("name")) == name:
            value = node.child_by_field_name("value")
            if value is not None and value.type == "member_expression":
                return node_text(value)
            if value is not None and value.type == "call_expression" and _storage_call(value):
                key = first_string(value)
                return f"storage:{key}" if key else None
    return None


def _storage_call(call: Node) -> bool:
    fn = call.child_by_field_name("function")
    prop = fn.child_by_field_name("property") if fn is not None and fn.type == "member_expression" else None
    return prop is not None and node_text(prop) in _READS


def _clears(block: Node, source: str | None) -> bool:
    """Whether ``block`` clears ``source`` (see the module docstring)."""
    return source is not None and any(_clearing(node, source) for node in walk(block))


def _clearing(node: Node, source: str) -> bool:
    """Whether ``node`` clears ``source``: ``source = null``, ``delete source``, ``wx.removeStorageSync(key)``."""
    if node.type == "assignment_expression":
        return node_text(node.child_by_field_name("left")) == source and \
            node_text(node.child_by_field_name("right")).strip() in _CLEARED
    if node.type == "unary_expression":
        text = node_text(node)
        return text.startswith("delete") and text[len("delete"):].strip() == source
    return node.type == "call_expression" and source.startswith("storage:") and _storage_call(node) and \
        node_text(node.child_by_field_name("function")).endswith("removeStorageSync") and \
        first_string(node) == source[len("storage:"):]
