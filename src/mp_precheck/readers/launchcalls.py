"""The functions of other project modules an app's launch hooks call.

``App({ onShow() { const Auth = require('utils/auth'); Auth.login.call(this) } })`` runs ``login`` of
``utils/auth.js`` on every launch, before the user has touched anything: what that function forces (a modal
that cannot be cancelled, a profile prompt, a redirect to login) is forced at launch though it sits in another
file (LOGIN, OPS2018 15.1.3). Read here: the module bindings of the app file (``require``, ``import``, a
default, namespace or named import, a destructured ``require``) and the calls the launch hooks
(``onLaunch``, ``onShow``, a Taro class App's ``componentDidMount``…: ``readers/openinghooks.py``) make of them,
directly or through same-file helpers two levels deep.

In: the app script's text and path. Out: (module specifier, function name, line) per call, in source order.
Never raises on malformed code.
Source: https://developers.weixin.qq.com/miniprogram/product/index.html (请在用户了解体验小程序功能后，再要求用户进行
帐号登录) and https://developers.weixin.qq.com/miniprogram/dev/reference/api/App.html (onLaunch, onShow).
"""

from __future__ import annotations

from collections.abc import Iterable

from tree_sitter import Node

from mp_precheck.readers.lifecycle import HELPER_DEPTH, definitions
from mp_precheck.readers.openinghooks import LAUNCH
from mp_precheck.readers.syntax import first_string, language_for, node_text, parse, string_value, walk

LAUNCH_HOOKS = tuple(sorted(LAUNCH))  # the App's hooks: readers/openinghooks.py
_FORWARDERS = frozenset({"call", "apply"})  # Auth.login.call(this): the same function run


def launch_module_calls(source: str, path: str) -> list[tuple[str, str, int]]:
    """(specifier, name, line) of each call a launch hook of the app script ``source`` makes of a function
    another module exports (see the module docstring)."""
    root = parse(language_for(path), source.encode("utf-8", "surrogatepass")).root_node
    nodes = list(walk(root))
    modules, names = import_bindings(nodes)
    defs = definitions(nodes)
    found: list[tuple[str, str, int]] = []
    for hook in LAUNCH_HOOKS:
        if hook in defs:
            _collect(defs[hook], defs, modules, names, HELPER_DEPTH, {hook}, found)
    return sorted(set(found), key=lambda call: call[2])


def _collect(body: Node, defs: dict[str, Node], modules: dict[str, str], names: dict[str, tuple[str, str]],
             depth: int, seen: set[str], found: list[tuple[str, str, int]]) -> None:
    for call in (n for n in walk(body) if n.type == "call_expression"):
        fn = call.child_by_field_name("function")
        if fn is None:
            continue
        if fn.type == "member_expression" and node_text(fn.child_by_field_name("property")) in _FORWARDERS:
            fn = fn.child_by_field_name("object") or fn
        line = call.start_point[0] + 1
        if fn.type == "identifier" and node_text(fn) in names:
            found.append((*names[node_text(fn)], line))
        elif fn.type == "identifier" and node_text(fn) in defs and node_text(fn) not in seen and depth > 0:
            _collect(defs[node_text(fn)], defs, modules, names, depth - 1, seen | {node_text(fn)}, found)
        elif fn.type == "member_expression":
            owner = node_text(fn.child_by_field_name("object"))
            member = node_text(fn.child_by_field_name("property"))
            if owner in modules:
                found.append((modules[owner], member, line))
            elif owner == "this" and member in defs and member not in seen and depth > 0:
                _collect(defs[member], defs, modules, names, depth - 1, seen | {member}, found)


def import_bindings(nodes: Iterable[Node]) -> tuple[dict[str, str], dict[str, tuple[str, str]]]:
    """(alias → specifier of a whole module, name → (specifier, exported name)) of the imports among a file's
    ``nodes``: ``require``, a default, namespace or named import, a destructured ``require``."""
    modules: dict[str, str] = {}
    names: dict[str, tuple[str, str]] = {}
    for node in nodes:
        if node.type == "variable_declarator":
            spec = _required(node.child_by_field_name("value"))
            target = node.child_by_field_name("name")
            if spec is None or target is None:
                continue
            if target.type == "identifier":
                modules[node_text(target)] = spec
            elif target.type == "object_pattern":
                for part in target.named_children:
                    if part.type == "shorthand_property_identifier_pattern":
                        names[node_text(part)] = (spec, node_text(part))
        elif node.type == "import_statement":
            _imported(node, modules, names)
    return modules, names


def _imported(node: Node, modules: dict[str, str], names: dict[str, tuple[str, str]]) -> None:
    source = node.child_by_field_name("source")
    spec = string_value(source) if source is not None else None
    clause = next((c for c in node.named_children if c.type == "import_clause"), None)
    if spec is None or clause is None:
        return
    for part in walk(clause):
        if part.type == "identifier" and part.parent is not None and part.parent.type in ("import_clause",
                                                                                           "namespace_import"):
            modules[node_text(part)] = spec
        elif part.type == "import_specifier":
            name, alias = part.child_by_field_name("name"), part.child_by_field_name("alias")
            names[node_text(alias or name)] = (spec, node_text(name))


def _required(value: Node | None) -> str | None:
    """The specifier of ``require('…')``, else None."""
    if value is None or value.type != "call_expression":
        return None
    if node_text(value.child_by_field_name("function")) != "require":
        return None
    return first_string(value)
