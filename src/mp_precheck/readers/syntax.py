"""Small helpers over tree-sitter syntax nodes, shared by the JS/TS readers, and the grammar of each file."""

from __future__ import annotations

import importlib
import importlib.util
import sys
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from functools import cache
from importlib.machinery import EXTENSION_SUFFIXES, ExtensionFileLoader
from pathlib import Path
from types import ModuleType

from tree_sitter import Language, Node, Parser, Query, QueryCursor, Tree

from mp_precheck.core.recache import compiled


def grammar_binding(package: str) -> ModuleType:
    """The compiled grammar of a tree-sitter language package (``tree_sitter_javascript``): its ``_binding``
    extension, loaded without running the package's ``__init__``, which imports ``importlib.resources`` (and with
    it ``tempfile``, ``shutil``, ``random``, ``bz2``, ``lzma``: ~4 ms, a tenth of a small PR's fixed cost in
    modules) only to read highlight queries this project never asks for. Falls back to the package itself when
    its layout is not the expected one."""
    name = f"{package}._binding"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(package)
    for folder in (spec.submodule_search_locations or []) if spec is not None else []:
        for suffix in EXTENSION_SUFFIXES:
            path = Path(folder, "_binding" + suffix)
            if path.is_file():
                loader = ExtensionFileLoader(name, str(path))
                found = importlib.util.spec_from_file_location(name, path, loader=loader)
                if found is None:
                    continue
                module = importlib.util.module_from_spec(found)
                sys.modules[name] = module
                loader.exec_module(module)
                return module
    return importlib.import_module(package)


JAVASCRIPT = Language(grammar_binding("tree_sitter_javascript").language())


@cache
def _typescript(tsx: bool) -> Language:
    grammar = grammar_binding("tree_sitter_typescript")  # loaded for the first .ts/.tsx file, not in JS-only apps
    return Language(grammar.language_tsx() if tsx else grammar.language_typescript())


def grammar_name(path: str) -> str:
    """``tsx``, ``typescript`` or ``javascript``: the name of the grammar :func:`language_for` gives ``path``."""
    lower = path.lower()
    if lower.endswith(".tsx"):
        return "tsx"
    return "typescript" if lower.endswith((".ts", ".mts", ".cts")) else "javascript"


def language_for(path: str) -> Language:
    """The tree-sitter grammar of the file's language: TSX for ``.tsx``, TypeScript for ``.ts``, else JS (+JSX)."""
    name = grammar_name(path)
    return JAVASCRIPT if name == "javascript" else _typescript(name == "tsx")


def parser_for(path: str) -> Parser:
    """A tree-sitter parser for the file's language (:func:`language_for`): TSX, TypeScript, else JS (+JSX)."""
    return Parser(language_for(path))


# The node types of a function's own scope (a declaration, an expression, an arrow, a method).
FUNCTION_NODES = frozenset({"function_declaration", "function_expression", "function", "arrow_function",
                            "method_definition", "generator_function_declaration"})


def enclosing_function(node: Node) -> Node | None:
    """The innermost function (declaration, expression, arrow, method, generator) around ``node``; None at a
    script's top level."""
    current = node.parent
    while current is not None and current.type not in FUNCTION_NODES and current.type != "generator_function":
        current = current.parent
    return current


PARSED_TREES = 64  # whole files kept parsed: a run reads each changed file with several readers in turn
# A tree takes ~40-100 times its source (a 4 KB TSX page ~400 KB): trees are kept up to this much source, so a few
# large files cannot hold hundreds of MB.
PARSED_BYTES = 256 * 1024
# A file over PARSED_BYTES (a single-file page of 15,000 lines) would push every other tree out and still be parsed
# again by each of the ~20 readers of a changed page: the last few such files are kept apart, within their own
# budget (~50 MB of trees at most). A file over it is parsed for each reader.
LARGE_TREES = 4
LARGE_BYTES = 1536 * 1024


class _Trees:
    """The most recently used trees, by (grammar, source bytes): files up to :data:`PARSED_BYTES` within
    :data:`PARSED_TREES` and :data:`PARSED_BYTES` in all (``kept``, ``size``), larger ones within
    :data:`LARGE_TREES` and :data:`LARGE_BYTES` (``large``, ``large_size``); ``hits`` and ``misses`` count the
    asks."""

    def __init__(self) -> None:
        self.kept: OrderedDict[tuple[Language, bytes], Tree] = OrderedDict()
        self.large: OrderedDict[tuple[Language, bytes], Tree] = OrderedDict()
        self.size = self.large_size = 0  # source bytes of the kept trees
        self.hits = self.misses = 0
        self.found: dict[Node, _Found] = {}  # by the root node of a kept tree: its nodes by type (nodes_of)

    def get(self, language: Language, source: bytes) -> Tree:
        key = (language, source)
        small = len(source) <= PARSED_BYTES
        kept = self.kept if small else self.large
        tree = kept.get(key)
        if tree is not None:
            self.hits += 1
            kept.move_to_end(key)
            return tree
        self.misses += 1
        tree = Parser(language).parse(source)
        if small:
            self.size = self._keep(kept, key, tree, self.size, PARSED_TREES, PARSED_BYTES)
        elif len(source) <= LARGE_BYTES:
            self.large_size = self._keep(kept, key, tree, self.large_size, LARGE_TREES, LARGE_BYTES)
        return tree

    def _keep(self, kept: OrderedDict[tuple[Language, bytes], Tree], key: tuple[Language, bytes], tree: Tree,
              size: int, trees: int, budget: int) -> int:
        """Keep ``tree`` in ``kept`` (whose sources take ``size`` bytes), dropping the least recently used
        beyond ``trees`` trees or ``budget`` bytes; the new size."""
        kept[key] = tree
        self.found[tree.root_node] = _Found()
        size += len(key[1])
        while len(kept) > trees or size > budget:
            (_, dropped), dropped_tree = kept.popitem(last=False)
            self.found.pop(dropped_tree.root_node, None)
            size -= len(dropped)
        return size


class _Found:
    """The named nodes of one kept tree of the types asked so far, found by one query (:func:`nodes_of`):
    ``nodes`` in :func:`nodes_of` order, ``where`` each type's positions in it."""

    def __init__(self) -> None:
        self.types: frozenset[str] = frozenset()
        self.nodes: list[Node] = []
        self.where: dict[str, list[int]] = {}


TREES = _Trees()


def parse(language: Language, source: bytes) -> Tree:
    """The tree-sitter tree of ``source`` (the file's bytes) in ``language`` (:func:`language_for`).

    The facts, handlers, routes, script checks and build-config readers each look at the same changed file:
    the tree of the same grammar and bytes is parsed once and shared (the last ones kept: :class:`_Trees`).
    Callers must not change it (``Tree.edit``): every other reader of that text gets the same object.
    """
    return TREES.get(language, source)


def node_text(node: Node | None) -> str:
    """The source text of ``node`` ('' for None)."""
    text = node.text if node is not None else None  # each .text read copies the bytes: read it once
    return "" if text is None else text.decode("utf-8", "replace")


def walk(node: Node) -> Iterator[Node]:
    """``node`` and every node below it, in source order (iterative: deep files do not hit recursion limits)."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(reversed(current.children))


def string_value(node: Node) -> str | None:
    """The literal text of a string or template-string node (a template only up to its first ``${``)."""
    if node.type == "string":
        return "".join(node_text(c) for c in node.children if c.type in ("string_fragment", "escape_sequence"))
    if node.type == "template_string":
        parts = []
        for child in node.children:
            if child.type == "template_substitution":
                break
            if child.type in ("string_fragment", "escape_sequence"):
                parts.append(node_text(child))
        return "".join(parts)
    return None


def whole_string(node: Node) -> str | None:
    """The text of a string, or of a template string with no ``${}`` (its whole value is known); None for a
    template that substitutes (``微信${action}`` shows more than its literal part) and for any other node."""
    if node.type == "template_string" and any(c.type == "template_substitution" for c in node.children):
        return None
    return string_value(node)


def object_property(obj: Node | None, key: str, shorthand: bool = False) -> Node | None:
    """The value node of ``key`` in an object literal (``{ url: … }``, ``{ 'url': … }``), or None; with
    ``shorthand``, the ``shorthand_property_identifier`` of ``{ url }`` (the variable it passes)."""
    if obj is None or obj.type != "object":
        return None
    for pair in obj.named_children:
        if pair.type == "pair" and node_text(pair.child_by_field_name("key")).strip("'\"`") == key:
            return pair.child_by_field_name("value")
        if shorthand and pair.type == "shorthand_property_identifier" and node_text(pair) == key:
            return pair
    return None


def first_argument(call: Node) -> Node | None:
    """The first argument node of the call ``call``, or None when it passes none."""
    args = call.child_by_field_name("arguments")
    return args.named_children[0] if args is not None and args.named_children else None


def call_option(call: Node, key: str, shorthand: bool = False) -> Node | None:
    """The value of ``key`` in the options object a ``wx`` API takes first: ``wx.request({ url: u })``
    (with ``shorthand``, ``{ url }`` too: :func:`object_property`)."""
    return object_property(first_argument(call), key, shorthand)


def first_string(call: Node) -> str | None:
    """The string literal a call passes first (``requirePlugin('live-player-plugin')``), or None."""
    first = first_argument(call)
    return string_value(first) if first is not None else None


# Every node type any reader has asked for: a tree's one query finds them all. It starts with the types the facts
# and exports readers ask of every script, so that the first file compiles one query for them, not one more query
# each time a reader asks for a new type (a query costs ~0.7 ms to compile, whatever its size), and the rare
# declaration types the readers of a changed page ask next (each new type asked of a kept tree queries the whole
# tree again: ~0.1 s for a 300 KB script). Identifiers are left to the readers that ask: they are half of a tree.
_ASKED: set[str] = {
    "assignment_expression", "call_expression", "export_statement", "field_definition", "function_declaration",
    "if_statement", "import_statement", "jsx_opening_element", "jsx_self_closing_element", "jsx_text",
    "member_expression", "method_definition", "new_expression", "optional_parameter", "pair",
    "public_field_definition", "required_parameter", "string", "subscript_expression", "switch_case",
    "template_string", "variable_declarator",
    "class", "class_declaration", "generator_function_declaration", "lexical_declaration",
    "shorthand_property_identifier_pattern", "spread_element", "variable_declaration",
    # asked of every script too (payments, JSX runs): one query for the first file instead of three
    "arrow_function", "function", "function_expression", "jsx_element",
}


def nodes_of(root: Node, language: Language, types: Iterable[str]) -> list[Node]:
    """The named nodes below ``root`` (itself included) of the given types, in the order :func:`walk` visits
    them; ``language`` is the grammar ``root`` was parsed with.

    tree-sitter's query engine finds them in C, so a file's hundred thousand other nodes never become
    Python objects. Types the grammar does not have (``jsx_text`` in plain TypeScript) are left out. On the
    root of a tree :func:`parse` keeps, one query finds the nodes of every type the readers ask for, and each
    reader's ask takes its types from that (the file is not searched again for each reader).
    """
    wanted = frozenset(types)
    found = TREES.found.get(root) if root.parent is None else None
    if found is None:
        return _captured(root, language, wanted)
    if not wanted <= found.types:
        _ASKED.update(wanted)
        found.types = frozenset(_ASKED) | found.types
        found.nodes = _captured(root, language, found.types)
        found.where = {}
        for position, node in enumerate(found.nodes):
            found.where.setdefault(node.type, []).append(position)
    positions = [p for kind in wanted for p in found.where.get(kind, ())]
    return [found.nodes[p] for p in sorted(positions)]


def _captured(root: Node, language: Language, types: frozenset[str]) -> list[Node]:
    """:func:`nodes_of` by one query over ``root``'s tree."""
    query = _query(language, tuple(sorted(types)))
    if query is None:
        return []
    found = QueryCursor(query).captures(root).get("node", [])
    # Outer nodes first among those that start together; a node and its only child can even share the
    # span (``let x;``: the declarator and ``x``): then the one nearer the root goes first.
    found.sort(key=lambda n: (n.start_byte, -n.end_byte))
    same = [i for i in range(1, len(found)) if found[i].byte_range == found[i - 1].byte_range]
    for i in same:
        start = i - 1
        while start > 0 and found[start - 1].byte_range == found[i].byte_range:
            start -= 1
        found[start:i + 1] = sorted(found[start:i + 1], key=_depth)
    return found


def inside(nodes: Iterable[Node], node: Node) -> list[Node]:
    """Those of ``nodes`` (a :func:`nodes_of` list of the whole tree) that lie within ``node``, in their order:
    :func:`nodes_of` below ``node`` without a second pass over its tree, for types no node of the same span as
    ``node`` can be an ancestor of (a call, an ``if`` or a ``case`` within a function)."""
    start, end = node.start_byte, node.end_byte
    return [n for n in nodes if start <= n.start_byte and n.end_byte <= end]


def _depth(node: Node) -> int:
    depth, current = 0, node.parent
    while current is not None:
        depth, current = depth + 1, current.parent
    return depth


@cache
def _query(language: Language, types: tuple[str, ...]) -> Query | None:
    known = [t for t in types if language.id_for_node_kind(t, True)]
    return Query(language, "[" + " ".join(f"({t})" for t in known) + "] @node") if known else None


def compiles_code(new: Node) -> bool:
    """Whether a ``new_expression`` builds a function from source text: ``new Function('a', body)``. The
    constructor given nothing (``success || new Function``, ``new Function()``) makes an empty function and runs
    no code (https://developer.mozilla.org/docs/Web/JavaScript/Reference/Global_Objects/Function/Function)."""
    args = new.child_by_field_name("arguments")
    return node_text(new.child_by_field_name("constructor")) == "Function" and args is not None and \
        args.named_child_count > 0 and not _returns_global(args)


_GLOBAL_BODY = compiled(r"\s*return\s+this\s*;?\s*")


def _returns_global(args: Node) -> bool:
    """Whether the constructor's arguments are one constant body that only returns ``this``
    (``new Function("return this")``): the global-object shim bundlers emit, which runs no code from elsewhere."""
    body = args.named_children[0] if args.named_child_count == 1 else None
    value = whole_string(body) if body is not None else None
    return value is not None and _GLOBAL_BODY.fullmatch(value) is not None


def name_and_value(node: Node) -> tuple[Node | None, Node | None] | None:
    """(name, value) of a binding: ``const n = v`` (``variable_declarator``), ``n = v`` / ``this.n = v``
    (``assignment_expression``) or ``n: v`` (``pair``); None for any other node."""
    if node.type == "variable_declarator":
        return node.child_by_field_name("name"), node.child_by_field_name("value")
    if node.type == "assignment_expression":
        return node.child_by_field_name("left"), node.child_by_field_name("right")
    if node.type == "pair":
        return node.child_by_field_name("key"), node.child_by_field_name("value")
    return None


def value_kept(call: Node) -> bool:
    """Whether the value of ``call`` is kept: assigned (``const ok = …``, ``this.isLogin = …``) or put in an object
    (``setData({ isLogin: … })``), awaited or not — the caller asks a question and stores the answer."""
    node, parent = call, call.parent
    while parent is not None and parent.type in ("await_expression", "parenthesized_expression"):
        node, parent = parent, parent.parent
    if parent is None:
        return False
    field = {"variable_declarator": "value", "assignment_expression": "right", "pair": "value"}.get(parent.type)
    return field is not None and parent.child_by_field_name(field) == node
