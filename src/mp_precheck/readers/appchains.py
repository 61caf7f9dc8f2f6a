"""Members of the App object a script reads, as dotted paths: ``getApp().globalData.apiBase`` → ``globalData.apiBase``,
``app.serverUrl(path)`` → ``serverUrl``.

``getApp()`` hands every page the one App instance, the object written in ``App({...})`` with its properties, its
methods and its ``globalData`` (https://developers.weixin.qq.com/miniprogram/dev/reference/api/getApp.html); Taro's
``Taro.getApp()`` is the same call (https://docs.taro.zone/docs/apis/framework/getApp). A script reaches it through
the call itself, through a name bound to it (``const app = getApp()``, assigned later too) or to one of its members
(``const g = getApp().globalData``, ``const { globalData } = getApp()``), and the App's own file through ``this``
(and a name bound to it: ``var that = this``). Names are read without scopes, as the other readers of names do.
Pure; nothing here raises.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from tree_sitter import Node

from mp_precheck.readers.syntax import FUNCTION_NODES, node_text, walk

# The calls that hand back the App instance: WeChat's global, Taro's (and its lower-case import name).
GETTERS = frozenset({"getApp", "Taro.getApp", "taro.getApp"})
_BINDINGS = ("variable_declarator", "assignment_expression")


def is_app_getter(node: Node | None) -> bool:
    """``getApp()``, ``getApp<IAppOption>()``, ``Taro.getApp()``."""
    return node is not None and node.type == "call_expression" and \
        node_text(node.child_by_field_name("function")) in GETTERS


def app_aliases(root: Node, own: bool) -> dict[str, str]:
    """Names of the tree at ``root`` bound to the App (``""``) or to a member of it (its path: ``globalData``), in
    source order, each binding read against those before it; with ``own`` (the App's own file), names bound to
    ``this`` too."""
    aliases: dict[str, str] = {}
    for node in walk(root):
        if node.type not in _BINDINGS:
            continue
        target = node.child_by_field_name("name" if node.type == "variable_declarator" else "left")
        value = node.child_by_field_name("value" if node.type == "variable_declarator" else "right")
        if target is None or value is None:
            continue
        path = "" if is_app_getter(value) or (own and value.type == "this") else member_path(value, aliases, own)
        if path is None:
            continue
        if target.type == "identifier":
            aliases[node_text(target)] = path
        elif target.type == "object_pattern":  # const { globalData } = getApp()
            for item in target.named_children:
                if item.type == "shorthand_property_identifier_pattern":
                    aliases[node_text(item)] = _joined(path, node_text(item))
    return aliases


def member_path(node: Node, aliases: Mapping[str, str], own: bool) -> str | None:
    """The path of the App member the member expression ``node`` reads (``app.globalData.base`` with ``app`` an
    alias: ``globalData.base``); ``""`` for the App itself (an alias, ``getApp()``, ``this`` in its own file);
    None when ``node`` reads no App member."""
    keys: list[str] = []
    current: Node | None = node
    while current is not None and current.type == "member_expression":
        key = current.child_by_field_name("property")
        if key is None or key.type != "property_identifier":
            return None
        keys.append(node_text(key))
        current = current.child_by_field_name("object")
    if current is None:
        return None
    if current.type == "identifier" and node_text(current) in aliases:
        prefix = aliases[node_text(current)]
    elif is_app_getter(current) or (own and current.type == "this"):
        prefix = ""
    else:
        return None
    return _joined(prefix, *reversed(keys))


def app_reads(value: Node, aliases: Mapping[str, str], own: bool,
              into_functions: bool = False) -> Iterator[tuple[Node, str]]:
    """(node, path) of each App member ``value`` reads: the longest member chain rooted at the App (``app.m`` of
    ``app.m(p)``, ``app.globalData.base``), not looking into the functions ``value`` defines unless
    ``into_functions``."""
    stack = [value]
    while stack:
        node = stack.pop()
        if node.type in FUNCTION_NODES and node is not value and not into_functions:
            continue
        if node.type == "member_expression" and not _inner(node):
            path = member_path(node, aliases, own)
            if path:
                yield node, path
                continue
        stack.extend(reversed(node.named_children))


def _inner(node: Node) -> bool:
    """Whether ``node`` is the object of a longer member chain (``app.globalData`` of ``app.globalData.base``)."""
    parent = node.parent
    return parent is not None and parent.type == "member_expression" and parent.child_by_field_name("object") == node


def _joined(*parts: str) -> str:
    return ".".join(p for p in parts if p)
