"""Mini Program configuration written as JavaScript, read as data — never executed.

Taro's ``app.config.ts`` (``export default defineAppConfig({...})`` or a plain ``export default {...}``
/ ``module.exports = {...}``), page ``*.config.ts`` (``definePageConfig({...})``), and WePY 1.x's
``config = {...}`` class field hold the same keys as ``app.json``. tree-sitter parses the file and the
object literal is converted to Python values: strings, numbers, booleans, null, arrays and objects.
A name the file declares with a literal (``subpackages: parts`` after ``const parts = [...]``) is read as that
literal; anything computed (a call, a spread, an import) is left out rather than guessed. A Taro config is read as
the WeChat build sees it: ``process.env.TARO_ENV`` tests (readers/taroenv.py) pick a ternary's branch and the
``if`` whose writes (``config.subpackages = parts``) apply, and a key holding ``undefined`` is no key, as in the
JSON Taro writes (https://docs.taro.zone/docs/envs).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tree_sitter import Node

from mp_precheck.readers.syntax import language_for, nodes_of, parse
from mp_precheck.readers.syntax import node_text as _text
from mp_precheck.readers.taroenv import wechat_test

_FIELDS = ("field_definition", "public_field_definition")


def _nodes(source: str, path: str, types: tuple[str, ...]) -> list[Node]:
    """The nodes of ``types`` in ``source`` parsed as ``path``'s language, in source order."""
    language = language_for(path)
    root = parse(language, source.encode("utf-8", "surrogatepass")).root_node
    return nodes_of(root, language, types)

# Taro's wrappers, and weapp-vite's JSON macros (``app.json.ts``: ``export default defineAppJson({...})``,
# https://vite.icebreaker.top/guide/auto-routes.html): each hands back the object it is given.
JSON_MACROS = ("defineAppJson", "definePageJson", "defineComponentJson")
_WRAPPERS = ("defineAppConfig", "definePageConfig", "defineConfig", *JSON_MACROS)


def literal(node: Node, names: Mapping[str, Node] | None = None, depth: int = 0) -> Any:
    """The Python value of a literal expression node; ``None`` for anything not a literal. An identifier is the
    literal ``names`` binds it to (a config's ``subpackages: subpages`` naming a ``const`` of its file)."""
    node = chosen(node, names)
    kind = node.type
    if kind == "identifier" and names is not None and depth < 8 and (bound := names.get(_text(node))) is not None:
        return literal(bound, names, depth + 1)
    if kind == "object":
        out: dict[str, Any] = {}
        for pair in node.named_children:
            if pair.type == "spread_element" and pair.named_children:  # ...(isWeapp ? {…} : {})
                spread = literal(pair.named_children[0], names, depth + 1)
                out.update(spread if isinstance(spread, dict) else {})
            if pair.type == "pair":
                key_node = pair.child_by_field_name("key")
                value_node = pair.child_by_field_name("value")
                if key_node is None or value_node is None:
                    continue
                key = _key(key_node)
                if key is not None and not is_undefined(value_node, names):  # JSON leaves an undefined key out
                    out[key] = literal(value_node, names, depth)
        return out
    if kind == "array":
        items: list[Any] = []
        for child in (c for c in node.named_children if c.type != "comment"):
            spread = literal(child.named_children[0], names, depth + 1) \
                if child.type == "spread_element" and child.named_children else None
            items += spread if isinstance(spread, list) else [literal(child, names, depth)]
        return items
    if kind == "string":
        return "".join(_text(c) for c in node.children if c.type in ("string_fragment", "escape_sequence"))
    if kind == "template_string" and not any(c.type == "template_substitution" for c in node.children):
        return "".join(_text(c) for c in node.children if c.type == "string_fragment")
    if kind == "number":
        text = _text(node)
        try:
            return float(text) if any(ch in text for ch in ".eE") else int(text, 0)
        except ValueError:
            return None
    if kind in ("true", "false"):
        return kind == "true"
    if kind in ("parenthesized_expression", "as_expression", "satisfies_expression") and node.named_children:
        return literal(node.named_children[0], names, depth)
    return None


def chosen(node: Node, names: Mapping[str, Node] | None = None) -> Node:
    """``node`` with the branches Taro's WeChat build drops taken away: ``process.env.TARO_ENV === 'weapp' ? a :
    b`` is ``a`` (readers/taroenv.py); a ternary whose test is undecided is left whole (it reads as None)."""
    for _ in range(8):
        if node.type == "parenthesized_expression" and node.named_children:
            node = node.named_children[0]
        elif node.type == "ternary_expression":
            test = wechat_test(node.child_by_field_name("condition"), names)
            branch = node.child_by_field_name("consequence" if test else "alternative")
            if test is None or branch is None:
                return node
            node = branch
        else:
            break
    return node


def is_undefined(node: Node, names: Mapping[str, Node] | None = None) -> bool:
    """Whether ``node`` is ``undefined`` (or ``void 0``) in the WeChat build: a key holding it is no key at all."""
    node = chosen(node, names)
    return (node.type in ("undefined", "identifier") and _text(node) == "undefined") or \
        (node.type == "unary_expression" and _text(node).replace(" ", "") == "void0")


def _key(node: Node) -> str | None:
    if node.type in ("property_identifier", "identifier"):
        return _text(node)
    if node.type == "string":
        value = literal(node)
        return value if isinstance(value, str) else None
    if node.type == "number":
        return _text(node)
    return None


def config_object(source: str, path: str = "app.config.ts") -> dict[str, Any] | None:
    """The configuration object of a Taro/WePY config source, or None when there is none to read. A config
    exported by name takes the top-level writes to that name (``config.subpackages = parts``), those in an ``if``
    as Taro's WeChat build decides the test (readers/taroenv.py); a key written under an undecided test reads as
    None (computed), so a partial page list is never taken for the whole one."""
    found, names, name = _exported(source, path)
    if found is None or found.type != "object":
        return None
    data = literal(found, names)
    if not isinstance(data, dict):
        return None
    if name is not None and (f"{name}." in source or f"{name}[" in source):
        root = parse(language_for(path), source.encode("utf-8", "surrogatepass")).root_node
        _apply_writes(data, root.named_children, name, dict(names), True)
    return data


def _apply_writes(data: dict[str, Any], statements: list[Node], name: str, names: dict[str, Node],
                  known: bool) -> None:
    """Apply to ``data`` the writes ``name.key = value`` / ``name.a.b = value`` among ``statements`` (and the ``if``
    branches the WeChat build runs); ``known`` False (an undecided branch) sets each written key to None."""
    local = dict(names)
    for node in statements:  # a block's own const shadows the file's (two branches each declaring `plugins`)
        for declarator in (c for c in node.named_children if c.type == "variable_declarator") \
                if node.type in ("lexical_declaration", "variable_declaration") else ():
            key, value = declarator.child_by_field_name("name"), declarator.child_by_field_name("value")
            if key is not None and value is not None:
                local[_text(key)] = _unwrap(value)
    for node in statements:
        if node.type == "if_statement":
            test = wechat_test(node.child_by_field_name("condition"), local)
            branches = [node.child_by_field_name("consequence"), node.child_by_field_name("alternative")]
            for taken, branch in zip((True, False), branches, strict=True):
                while branch is not None and branch.type == "else_clause" and branch.named_children:
                    branch = branch.named_children[0]
                if branch is not None and test in (taken, None):
                    body = branch.named_children if branch.type == "statement_block" else [branch]
                    _apply_writes(data, body, name, local, known and test is not None)
        elif node.type == "statement_block":
            _apply_writes(data, node.named_children, name, local, known)
        elif node.type == "expression_statement" and node.named_children and \
                node.named_children[0].type == "assignment_expression":
            _write(data, node.named_children[0], name, local, known)


def _write(data: dict[str, Any], node: Node, name: str, names: dict[str, Node], known: bool) -> None:
    """One ``name.a.b = value`` into ``data``; other assignments are left alone."""
    keys: list[str] = []
    left = node.child_by_field_name("left")
    while left is not None and left.type in ("member_expression", "subscript_expression"):
        key_node = left.child_by_field_name("property") or left.child_by_field_name("index")
        spelled = _key(key_node) if key_node is not None and key_node.type != "identifier" else None  # not a[i]
        if spelled is None:
            return
        keys.insert(0, spelled)
        left = left.child_by_field_name("object")
    right = node.child_by_field_name("right")
    if left is None or left.type != "identifier" or _text(left) != name or not keys or right is None:
        return
    target = data
    for step in keys[:-1]:
        if not isinstance(target.get(step), dict):
            return
        target = target[step]
    if known and is_undefined(right, names):
        target.pop(keys[-1], None)
    else:
        target[keys[-1]] = literal(right, names) if known else None


def exported_value(source: str, path: str) -> Node | None:
    """The expression a configuration source exports (``export default …``, ``module.exports = …``, a WePY
    ``config = …`` class field), through Taro's ``defineAppConfig(…)`` wrappers and a variable it names; None
    when it exports nothing readable."""
    return _exported(source, path)[0]


def _exported(source: str, path: str) -> tuple[Node | None, dict[str, Node], str | None]:
    """(:func:`exported_value`, the values the file's variables are declared with, by name, the name the value
    is exported by when it is exported by name)."""
    objects: dict[str, Node] = {}
    found: Node | None = None
    for node in _nodes(source, path, ("variable_declarator", "export_statement", "assignment_expression", *_FIELDS)):
        if node.type == "variable_declarator":
            name, value = node.child_by_field_name("name"), node.child_by_field_name("value")
            if name is not None and value is not None:
                objects[_text(name)] = _unwrap(value)
        elif node.type == "export_statement" and found is None:
            value = node.child_by_field_name("value") or next(
                (c for c in node.named_children if c.type not in ("comment", "decorator")), None)
            if value is not None and "default" in [c.type for c in node.children] and \
                    value.type not in ("class", "class_declaration", "function_declaration", "function_expression"):
                found = _unwrap(value)
        elif node.type == "assignment_expression" and found is None:
            left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
            if right is not None and _text(left) in ("module.exports", "exports.default"):
                found = _unwrap(right)
        elif node.type in ("field_definition", "public_field_definition") and found is None:
            name = node.child_by_field_name("property") or node.child_by_field_name("name")
            value = node.child_by_field_name("value")
            if _text(name) == "config" and value is not None:  # WePY 1.x: config = {...}
                found = _unwrap(value)
    exported_name = None
    if found is not None and found.type == "identifier":
        exported_name = _text(found)
        found = objects.get(exported_name)
    return found, objects, exported_name


def class_config_object(source: str, path: str) -> dict[str, Any] | None:
    """The ``config = {...}`` field of a class component (Taro 1.x/2.x app and pages, WePY 1.x), read as
    data; None when the file has no such field. Unlike :func:`config_object`, an ``export default {...}``
    of an ordinary module is not taken for configuration."""
    if "config" not in source:
        return None
    for node in _nodes(source, path, _FIELDS):
        name = node.child_by_field_name("property") or node.child_by_field_name("name")
        value = node.child_by_field_name("value")
        if _text(name) == "config" and value is not None:
            value = _unwrap(value)
            data = literal(value) if value.type == "object" else None
            return data if isinstance(data, dict) else None
    return None


def mpvue_config(source: str, path: str) -> tuple[dict[str, Any], bool] | None:
    """The ``config`` of an mpvue 1.x entry script (``export default { config: {...} }`` in ``src/main.js`` or a
    page's ``main.js``) and whether it is the app's (it lists ``pages``): mpvue 1.x writes the app's and each
    page's JSON from there. The entry page is the one written ``'^pages/index/main'``: it is put first, unmarked,
    as the built app.json has it (https://developers.weixin.qq.com/miniprogram/dev/reference/configuration/app.html#pages).
    None when the script exports no such object."""
    if "config" not in source:
        return None
    data = config_object(source, path)
    config = data.get("config") if data is not None else None
    if not isinstance(config, dict):
        return None
    pages = config.get("pages")
    if not isinstance(pages, list):
        return config, False
    marked = [p[1:] for p in pages if isinstance(p, str) and p.startswith("^")]
    return {**config, "pages": marked + [p for p in pages if not (isinstance(p, str) and p.startswith("^"))]}, True


def macro_object(source: str, path: str, macro: str) -> dict[str, Any] | None:
    """The object a weapp-vite JSON macro call is given (``defineAppJson({...})`` in ``app.vue``'s
    ``<script setup>``, https://vite.icebreaker.top/guide/directory-structure/app-vue.html), read as data: a value
    computed (``pages: autoRoutes.pages``) is None. None when ``source`` makes no such call with an object."""
    if macro not in source:
        return None
    for node in _nodes(source, path, ("call_expression",)):
        if _text(node.child_by_field_name("function")) != macro:
            continue
        args = node.child_by_field_name("arguments")
        value = _unwrap(args.named_children[0]) if args is not None and args.named_children else None
        data = literal(value) if value is not None and value.type == "object" else None
        return data if isinstance(data, dict) else None
    return None


def _unwrap(node: Node) -> Node:
    """``defineAppConfig({...})`` → ``{...}``; ``{...} as AppConfig`` → ``{...}``."""
    current = node
    for _ in range(4):
        if current.type == "call_expression" and _text(current.child_by_field_name("function")) in _WRAPPERS:
            args = current.child_by_field_name("arguments")
            if args is None or not args.named_children:
                return current
            current = args.named_children[0]
        elif current.type in ("as_expression", "satisfies_expression", "parenthesized_expression") \
                and current.named_children:
            current = current.named_children[0]
        else:
            break
    return current
