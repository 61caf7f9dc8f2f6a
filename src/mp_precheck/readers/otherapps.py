"""A URL handed to another Mini Program: written into the ``path`` (its query) or the ``extraData`` of a
``wx.navigateToMiniProgram`` call, or of a project helper named for it (``navToMiniProgram({ appId, path })``).

The other Mini Program opens that address in its own pages and requests it under its own 服务器域名 / 业务域名:
the app that jumps requests nothing there, so the host names no server domain of its own
(https://developers.weixin.qq.com/miniprogram/dev/api/navigate/wx.navigateToMiniProgram.html; the lists:
https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html). The URL may be built
(``'pages/a?url=' + encodeURIComponent(link)``, a template string) and held in a function's local variable
every read of which goes there, two variables deep. A variable also read any other way (a request's ``url``, a
``web-view``'s ``src`` the page sets) keeps its host. Pure, nothing raises.
"""

from __future__ import annotations

from tree_sitter import Node

from mp_precheck.readers.browsersinks import local_scope
from mp_precheck.readers.imagebases import built_value
from mp_precheck.readers.syntax import node_text, walk

_PASSED = frozenset({"path", "extraData"})  # what the other Mini Program is handed
_ENCODERS = frozenset({"encodeURIComponent", "encodeURI", "JSON.stringify", "escape"})
_STEPS = 2


def handed_to_mini_program(literal: Node) -> bool:
    """Whether the string ``literal`` (or the value built from it) only reaches the ``path`` or ``extraData`` of
    a jump to another Mini Program (module docstring)."""
    return _lands(built_value(literal), _STEPS)


def _lands(value: Node, steps: int) -> bool:
    value = _encoded(value)
    if _passed_on(value):
        return True
    declarator = value.parent
    if steps == 0 or declarator is None or declarator.type != "variable_declarator" or \
            declarator.child_by_field_name("value") != value:
        return False
    name, scope = declarator.child_by_field_name("name"), local_scope(declarator)
    if name is None or name.type != "identifier" or scope is None:
        return False
    reads = [n for n in walk(scope) if n.type in ("identifier", "shorthand_property_identifier")
             and n.text == name.text and n.start_byte != name.start_byte]
    return bool(reads) and all(_lands(built_value(read), steps - 1) for read in reads)


def _encoded(value: Node) -> Node:
    """``value`` or, while it is the argument of an encoder (``encodeURIComponent(link)``), the value built from
    that call."""
    while (arguments := value.parent) is not None and arguments.type == "arguments" and \
            (call := arguments.parent) is not None and \
            node_text(call.child_by_field_name("function")) in _ENCODERS:
        value = built_value(call)
    return value


def _passed_on(value: Node) -> bool:
    """Whether ``value`` sits under a ``path`` or ``extraData`` key of the options a jump to another Mini Program
    is called with, directly (``{ path: value }``, ``{ path }``) or nested in ``extraData``."""
    node: Node | None = value
    key = ""
    while node is not None and (parent := node.parent) is not None:
        if parent.type == "pair" and parent.child_by_field_name("value") == node:
            key, node = node_text(parent.child_by_field_name("key")).strip("'\""), parent.parent
        elif node.type == "shorthand_property_identifier" and parent.type == "object":
            key, node = node_text(node), parent
        elif node.type == "object" and parent.type == "arguments" and key in _PASSED:
            call = parent.parent
            callee = call.child_by_field_name("function") if call is not None else None
            return callee is not None and "miniprogram" in node_text(callee).rsplit(".", 1)[-1].lower()
        else:
            return False
    return False
