"""A Taro ``app.config`` page list spread from arrays a module declares, read as data.

``pages: [...HiddenTabs.map((item) => item.pagePath), ...TabList.map((item) => item.pagePath)]`` registers
the ``pagePath`` of each entry of arrays of object literals the config declares or imports from a project module
(``import { TabList } from "./types/tab"``, the tab bar's own table); ``...routes`` spreads an array of strings.
The order of the spreads is the order of the pages, so the first entry of the first array is the entry page
(https://docs.taro.zone/docs/app-config#pages: 数组的第一项代表小程序的初始页面). Nothing is run: each array must
be a literal, each ``map`` callback must hand back one field of its parameter; anything else leaves the list
unread (None), as :func:`~mp_precheck.readers.pagelist.computes_pages` then says.

In: the config's text and path, and a reader of other files (path → text, None when absent). Out: the page list,
or None. Never raises on malformed code.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable

from tree_sitter import Node

from mp_precheck.readers.jsconfig import exported_value, literal
from mp_precheck.readers.syntax import language_for, node_text, nodes_of, parse, walk

_SUFFIXES = (".ts", ".js", "/index.ts", "/index.js")


def spread_pages(text: str, path: str, read_text: Callable[[str], str | None]) -> list[str] | None:
    """The ``pages`` of the config at ``path`` (``text``) with its spreads of declared arrays read; None when the
    config has no such list, spreads nothing, or any entry is not read."""
    config = exported_value(text, path)
    pages = _member(config, "pages") if config is not None and config.type == "object" else None
    if pages is None or pages.type != "array" or not any(c.type == "spread_element" for c in pages.named_children):
        return None
    arrays = _arrays(text, path, read_text)
    out: list[str] = []
    for child in (c for c in pages.named_children if c.type != "comment"):
        value = _spread(child.named_children[0], arrays) if child.type == "spread_element" and \
            child.named_children else [literal(child)]
        if value is None or not all(isinstance(page, str) for page in value):
            return None
        out += [str(page) for page in value]
    return out


def first_page_line(text: str, path: str) -> int | None:
    """The 1-based line of the first entry of the config's ``pages`` list (a spread or a string); None when the
    config exports no such list."""
    config = exported_value(text, path)
    pages = _member(config, "pages") if config is not None and config.type == "object" else None
    first = next((c for c in pages.named_children if c.type != "comment"), None) \
        if pages is not None and pages.type == "array" else None
    return first.start_point[0] + 1 if first is not None else None


def _member(node: Node, key: str) -> Node | None:
    for pair in node.named_children:
        name = pair.child_by_field_name("key") if pair.type == "pair" else None
        if name is not None and node_text(name).strip("'\"") == key:
            return pair.child_by_field_name("value")
    return None


def _spread(node: Node, arrays: Callable[[str], list[object] | None]) -> list[object] | None:
    """The values ``...name`` or ``...name.map((item) => item.field)`` spreads."""
    if node.type == "identifier":
        return arrays(node_text(node))
    fn = node.child_by_field_name("function") if node.type == "call_expression" else None
    if fn is None or fn.type != "member_expression" or node_text(fn.child_by_field_name("property")) != "map":
        return None
    owner, args = fn.child_by_field_name("object"), node.child_by_field_name("arguments")
    field = _picked_field(args.named_children[0]) if args is not None and len(args.named_children) == 1 else None
    items = arrays(node_text(owner)) if owner is not None and owner.type == "identifier" and field else None
    if items is None:
        return None
    return [item.get(field) if isinstance(item, dict) else None for item in items]


def _picked_field(callback: Node) -> str | None:
    """``field`` of ``(item) => item.field`` / ``item => item.field`` / ``({ field }) => field``."""
    if callback.type != "arrow_function":
        return None
    params = callback.child_by_field_name("parameters") or callback.child_by_field_name("parameter")
    body = callback.child_by_field_name("body")
    names = [node_text(p) for p in (params.named_children if params is not None and params.type ==
                                     "formal_parameters" else [params] if params is not None else [])]
    if body is None or len(names) != 1:
        return None
    if body.type == "member_expression" and node_text(body.child_by_field_name("object")) == names[0]:
        return node_text(body.child_by_field_name("property"))
    if body.type == "identifier" and names[0].startswith("{") and node_text(body) in names[0]:
        return node_text(body)
    return None


def _arrays(text: str, path: str, read_text: Callable[[str], str | None]) -> Callable[[str], list[object] | None]:
    """Name → the literal array a top-level declaration of the config binds it to, or the array a relative
    import's module exports under the imported name."""
    local = _declared(text, path)
    imported = _imports(text, path)

    def find(name: str) -> list[object] | None:
        if name in local:
            return local[name]
        if name not in imported:
            return None
        spec, exported = imported[name]
        base = posixpath.normpath(posixpath.join(posixpath.dirname(path), spec))
        for suffix in ("", *_SUFFIXES):
            other = read_text(base + suffix) if not base.startswith("..") else None
            if other is not None:
                return _declared(other, base + (suffix or posixpath.splitext(path)[1])).get(exported)
        return None
    return find


def _declared(text: str, path: str) -> dict[str, list[object]]:
    """Name → the literal array a ``const`` / ``let`` / ``var`` of the module binds it to (exported or not)."""
    language = language_for(path)
    root = parse(language, text.encode("utf-8", "surrogatepass")).root_node
    out: dict[str, list[object]] = {}
    for node in nodes_of(root, language, ("variable_declarator",)):
        name, value = node.child_by_field_name("name"), node.child_by_field_name("value")
        while value is not None and value.type in ("as_expression", "satisfies_expression") and value.named_children:
            value = value.named_children[0]
        if name is not None and name.type == "identifier" and value is not None and value.type == "array":
            data = literal(value)
            if isinstance(data, list):
                out[node_text(name)] = data
    return out


def _imports(text: str, path: str) -> dict[str, tuple[str, str]]:
    """Local name → (relative specifier, exported name) of the module's named imports from relative paths."""
    language = language_for(path)
    root = parse(language, text.encode("utf-8", "surrogatepass")).root_node
    out: dict[str, tuple[str, str]] = {}
    for node in nodes_of(root, language, ("import_statement",)):
        source = node.child_by_field_name("source")
        spec = node_text(source).strip("'\"") if source is not None else ""
        if not spec.startswith("."):
            continue
        for item in (n for n in walk(node) if n.type == "import_specifier"):
            name, alias = item.child_by_field_name("name"), item.child_by_field_name("alias")
            if name is not None:
                out[node_text(alias or name)] = (spec, node_text(name))
    return out

