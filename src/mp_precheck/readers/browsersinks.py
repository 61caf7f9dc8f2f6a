"""URLs only a web page's browser loads: a beacon picture, a navigation, a script tag, a web JS-SDK's own request.

A Mini Program's logic layer runs no browser: it has no DOM or BOM (``window``, ``document``, ``location``,
``Image``, ``XMLHttpRequest``; https://developers.weixin.qq.com/miniprogram/dev/framework/runtime/js-support.html),
and only ``wx.request``, ``wx.uploadFile``, ``wx.downloadFile`` and sockets need a 服务器域名
(https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html). A URL handed only to a browser's
sink — ``new Image().src = …`` (a report beacon), ``document.createElement('script').src = …``, ``location.href =
…``, ``location.assign(…)``, ``window.open(…)`` — is code written for a web page (an H5 build, WeChat's JS-SDK for
web pages copied into a uni-app), which the Mini Program never requests. In a web JS-SDK's own file (it calls
``WeixinJSBridge``, the bridge of WeChat's in-app browser, and no Mini Program network API) ``XMLHttpRequest.open``
is such a sink too (a mini game's adapter builds ``XMLHttpRequest`` on ``wx.request``, so it is not one elsewhere).
"""

from __future__ import annotations

from tree_sitter import Node

from mp_precheck.readers.imagebases import built_value
from mp_precheck.readers.syntax import FUNCTION_NODES, language_for, node_text, parse, walk

# The bridge of WeChat's in-app browser, called by code written for web pages (the JS-SDK, an H5 payment).
_BRIDGE_METHODS = frozenset({"invoke", "on", "call"})
# Constructors and factories of a browser's elements whose src the browser loads.
_ELEMENTS = frozenset({"Image", "Audio"})
_CREATE_ELEMENT = "document.createElement"
# A browser's location: assigning it, its href, or calling assign / replace navigates the page.
_LOCATIONS = frozenset({"location", "window.location", "document.location", "top.location", "window.top.location",
                        "parent.location", "self.location"})
_OPENERS = frozenset({"window.open", *(f"{loc}.{m}" for loc in _LOCATIONS for m in ("assign", "replace"))})


def calls_web_bridge(text: str) -> bool:
    """Whether the script ``text`` calls ``WeixinJSBridge`` (``.invoke(``, ``.on(``, ``.call(``): code written for
    WeChat's in-app browser."""
    if "WeixinJSBridge" not in text:
        return False
    return calls_bridge(parse(language_for("bridge.js"), text.encode("utf-8", "replace")).root_node)


def calls_bridge(root: Node) -> bool:
    """Whether the tree under ``root`` (any of the JavaScript / TypeScript grammars) calls ``WeixinJSBridge.invoke``
    / ``.on`` / ``.call``."""
    if b"WeixinJSBridge" not in (root.text or b""):
        return False
    for call in walk(root):
        callee = call.child_by_field_name("function") if call.type == "call_expression" else None
        if callee is not None and callee.type == "member_expression" \
                and node_text(callee.child_by_field_name("object")) == "WeixinJSBridge" \
                and node_text(callee.child_by_field_name("property")) in _BRIDGE_METHODS:
            return True
    return False


def browser_only(literal: Node) -> bool:
    """Whether the URL string ``literal`` (or the value built from it: ``'https://…/report?v=' + v``) goes only to
    a browser's sink: directly, or through a variable every read of which in its scope is one (in a web JS-SDK's
    file, :func:`calls_web_bridge`, ``XMLHttpRequest.open`` too)."""
    value = built_value(literal)
    if _into_sink(value):
        return True
    declarator = value.parent
    if declarator is None or declarator.type != "variable_declarator" or \
            declarator.child_by_field_name("value") != value:
        return False
    name = declarator.child_by_field_name("name")
    scope = local_scope(declarator)
    if name is None or name.type != "identifier" or scope is None:
        return False
    reads = [n for n in walk(scope) if n.type == "identifier" and n.text == name.text
             and n.start_byte != name.start_byte]
    return bool(reads) and all(_into_sink(read) for read in reads)


def local_scope(declarator: Node) -> Node | None:
    """The function whose body declares the variable ``declarator``; None at the top level or exported (another
    module may import it, a template read it)."""
    current = declarator.parent
    while current is not None and current.type not in FUNCTION_NODES:
        if current.type == "export_statement":
            return None
        current = current.parent
    return current


def _into_sink(value: Node) -> bool:
    """Whether ``value`` is assigned to a browser sink or is the URL argument of one."""
    parent = value.parent
    if parent is None:
        return False
    if parent.type == "assignment_expression" and parent.child_by_field_name("right") == value:
        return _sink_target(parent.child_by_field_name("left"))
    if parent.type != "arguments" or not parent.named_children:
        return False
    call = parent.parent
    callee = call.child_by_field_name("function") if call is not None and call.type == "call_expression" else None
    if callee is None:
        return False
    if parent.named_children[0] == value:
        return node_text(callee) in _OPENERS
    return parent.named_child_count >= 2 and parent.named_children[1] == value and \
        callee.type == "member_expression" and node_text(callee.child_by_field_name("property")) == "open" and \
        _is_element(callee.child_by_field_name("object"), frozenset({"XMLHttpRequest"})) and \
        calls_bridge(_root(parent))


def _sink_target(left: Node | None) -> bool:
    """Whether the assigned ``left`` is a browser's location, its href, or the src of a browser element."""
    text = node_text(left)
    if text in _LOCATIONS:
        return True
    if left is None or left.type != "member_expression":
        return False
    prop, obj = node_text(left.child_by_field_name("property")), left.child_by_field_name("object")
    if prop == "href":
        return node_text(obj) in _LOCATIONS
    return prop == "src" and _is_element(obj, _ELEMENTS)


def _is_element(node: Node | None, constructors: frozenset[str]) -> bool:
    """Whether ``node`` is a browser object: ``new Image()`` (of ``constructors``), ``document.createElement(…)``
    (for a src), or a variable the enclosing functions bind to one."""
    if node is None:
        return False
    if _constructs(node, constructors):
        return True
    if node.type != "identifier":
        return False
    name, scope = node.text, node.parent
    while scope is not None:
        if scope.type in FUNCTION_NODES or scope.parent is None:
            for found in walk(scope):
                bound = found.child_by_field_name("value") if found.type == "variable_declarator" else \
                    found.child_by_field_name("right") if found.type == "assignment_expression" else None
                target = found.child_by_field_name("name" if found.type == "variable_declarator" else "left")
                if bound is not None and target is not None and target.text == name and \
                        _constructs(bound, constructors):
                    return True
        scope = scope.parent
    return False


def _constructs(node: Node, constructors: frozenset[str]) -> bool:
    while node.type == "parenthesized_expression" and node.named_children:
        node = node.named_children[0]
    if node.type == "new_expression":
        return node_text(node.child_by_field_name("constructor")) in constructors
    if node.type == "call_expression" and "XMLHttpRequest" not in constructors:
        return node_text(node.child_by_field_name("function")) == _CREATE_ELEMENT
    return False


def _root(node: Node) -> Node:
    while node.parent is not None:
        node = node.parent
    return node
