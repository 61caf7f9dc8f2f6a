"""The URLs the App object holds, by the member a script reads to get them.

``App({ serverBase: 'https://api.example.cn', apiUrl(path) { return this.serverBase + path } })``: a page's
``getApp().apiUrl('/list')`` gets the URL written at ``serverBase``, through a method that reads the property through
``this`` (https://developers.weixin.qq.com/miniprogram/dev/reference/api/App.html: every member of the object is the
App instance's; ``getApp()`` hands it to pages). So the App's properties are read here as paths (``serverBase``,
``globalData.serverBase``, any depth of nested objects), each with the lines of the URL literals written as its value
(a string, a template or a ``+`` join; a value that picks one of several, a ternary, holds none for sure), and its
methods with the lines of every property they read through ``this`` (or a name bound to it, ``var that = this``) and
of the methods they call on it, followed to the end. A read on a development test's side (``this.debug ?
this.localBase : …``) is not followed: the release build does not take it.

uni-app's ``App.vue`` and a class app (Taro, WePY: ``globalData = {...}``) hand pages their ``globalData`` only
(https://uniapp.dcloud.net.cn/collocation/App.html#globaldata), so only it is read there. Pure; nothing raises.
"""

from __future__ import annotations

from collections.abc import Iterator

from tree_sitter import Node

from mp_precheck.readers.appchains import app_aliases, app_reads
from mp_precheck.readers.devonly import in_dev_branch
from mp_precheck.readers.sfc import script_units
from mp_precheck.readers.syntax import FUNCTION_NODES, language_for, node_text, parse, walk

_CALLS = ("App", "createApp")  # WeChat's App(), mpx's createApp() (https://mpxjs.cn/api/global-api.html#createapp)
GLOBAL_DATA = "globalData"
_FIELDS = ("field_definition", "public_field_definition")
_CHOOSING = ("ternary_expression", "if_statement", "call_expression")  # a value that picks, or computes, its URL


def app_held_urls(source: str, path: str) -> dict[str, frozenset[int]]:
    """App member path (``serverBase``, ``globalData.base``, a method ``apiUrl``) → the 1-based lines of the URL
    literals it holds or, for a method, builds from, for the App file ``path`` whose text is ``source``
    (``App.vue``'s script blocks too). Members holding none are left out."""
    out: dict[str, frozenset[int]] = {}
    for text, name, offset in script_units(source, path):
        root = parse(language_for(name), text.encode("utf-8", "surrogatepass")).root_node
        properties: dict[str, set[int]] = {}
        methods: dict[str, Node] = {}
        for holder, prefix in _holders(root):
            _members(holder, prefix, properties, methods, offset)
        if properties:
            out.update(_reached(properties, methods, app_aliases(root, own=True)))
    return out


def _holders(root: Node) -> Iterator[tuple[Node, str]]:
    """(object, path prefix) of what the App hands pages: the object passed to ``App({...})`` at the top of the
    file; else the ``globalData`` of a default-exported options object (``App.vue``) or of a class field."""
    whole = False
    for node in root.named_children:
        call = node.named_children[0] if node.type == "expression_statement" and node.named_children else None
        if call is not None and call.type == "call_expression" and \
                node_text(call.child_by_field_name("function")) in _CALLS:
            args = call.child_by_field_name("arguments")
            first = args.named_children[0] if args is not None and args.named_children else None
            if first is not None and first.type == "object":
                whole = True
                yield first, ""
    if whole:
        return
    for node in walk(root):
        if node.type == "pair" and node_text(node.child_by_field_name("key")).strip("'\"") == GLOBAL_DATA:
            value = node.child_by_field_name("value")
            if value is not None and value.type == "object" and _exported_options(node):
                yield value, GLOBAL_DATA
        elif node.type in _FIELDS:
            key = node.child_by_field_name("property") or node.child_by_field_name("name")
            value = node.child_by_field_name("value")
            if node_text(key) == GLOBAL_DATA and value is not None and value.type == "object":
                yield value, GLOBAL_DATA


def _exported_options(pair: Node) -> bool:
    """Whether ``pair`` is a key of the options object the script exports as its default (``export default {…}``,
    ``export default defineComponent({…})``)."""
    current = pair.parent
    while current is not None and current.type not in ("export_statement", "program"):
        if current.type in FUNCTION_NODES or current.type == "pair":
            return False
        current = current.parent
    return current is not None and current.type == "export_statement"


def _members(holder: Node, prefix: str, properties: dict[str, set[int]], methods: dict[str, Node],
             offset: int) -> None:
    """Fill ``properties`` (path → lines of the URL literals of its value) and ``methods`` (path → function node)
    from the object ``holder`` whose members sit at ``prefix``."""
    for item in holder.named_children:
        value: Node | None = item
        if item.type == "method_definition":
            key = item.child_by_field_name("name")
        elif item.type == "pair":
            key, value = item.child_by_field_name("key"), item.child_by_field_name("value")
        else:
            continue
        if key is None or value is None:
            continue
        name = node_text(key).strip("'\"`")
        path = f"{prefix}.{name}" if prefix else name
        if value.type in FUNCTION_NODES:
            methods[path] = value
        elif value.type == "object":
            _members(value, path, properties, methods, offset)
        elif not any(n.type in _CHOOSING for n in walk(value)):
            lines = {n.start_point[0] + 1 + offset for n in walk(value) if n.type in ("string", "template_string")}
            if lines:
                properties[path] = lines


def _reached(properties: dict[str, set[int]], methods: dict[str, Node],
             aliases: dict[str, str]) -> dict[str, frozenset[int]]:
    """Each property's lines, and each method's: those of the properties it reads and of the methods it calls on
    the App, followed until nothing more is added."""
    reads = {name: {path for node, path in app_reads(body, aliases, True, into_functions=True)
                    if not in_dev_branch(node, by_name=False)} for name, body in methods.items()}
    lines = {name: {line for read in found for prop, held in properties.items() if _same(read, prop) for line in held}
             for name, found in reads.items()}
    changed = True
    while changed:
        changed = False
        for name, found in reads.items():
            more = {line for read in found for other in methods if other != name and _same(read, other)
                    for line in lines[other]} - lines[name]
            if more:
                lines[name] |= more
                changed = True
    out = {path: frozenset(held) for path, held in properties.items()}
    out.update({name: frozenset(held) for name, held in lines.items() if held})
    return out


def _same(read: str, member: str) -> bool:
    """Whether reading ``read`` reads ``member``: the member itself, one of its parts (``base.length``), or an object
    holding it (``this.globalData`` read whole)."""
    return read == member or read.startswith(member + ".") or member.startswith(read + ".")
