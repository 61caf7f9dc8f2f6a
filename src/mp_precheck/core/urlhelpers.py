"""A URL a helper returns, when no code the WeChat build ships calls the helper: no host of the Mini Program.

uni-app projects keep helpers for every platform in one module: ``docPreviewUrl(url)`` returns
``https://view.example-office.com/view?src=${url}`` and its only caller is ``window.open(docPreviewUrl(u))``
inside ``// #ifdef H5``. WeChat's build drops that block (https://uniapp.dcloud.net.cn/tutorial/platform.html,
readers/conditional.py), so nothing the Mini Program runs builds the address, let alone requests it; a helper a
page imports and never calls builds nothing either. Only requests, uploads, downloads and sockets need a server
domain (https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html). The file's own calls
are judged by the reader already (``for_wechat`` blanks the functions only other platforms' blocks call); this
follows the helper's name through the other files of the app. It mirrors readers/otherbuildpay.py, which decides
the same for a payment flow. A helper every call of which feeds a picture (``<Image src={imgUrl(hash)}>``, a WXS
module's function in an ``<image src>``, a media API's argument: readers/picturecalls.py) builds a picture's address:
its host is a picture host (role ``media``), no server.

A helper here is a named function (a declaration, an arrow or function held by a variable or key, a method) that
returns the string holding the URL (``return `https://…```, ``'https://…' + id``, or an arrow's expression body);
a function returning an object (a Vue ``data()``, a share hook's card) is the framework's and left alone. Every
file of the head app that writes its name (``git grep``) is read as its build ships it; a mention that imports or
exports the name, or is the definition itself, calls nothing; any other mention (a call, a reference handed on, a
template's word) counts as a call. A file that cannot be read counts as calling it.

In: the head facts by path, the writers lookup (names → files writing them), the fact store (texts, and each
path's cache flavour: ``/native`` files ship their ``#ifdef`` comments) and the head tree. Out: the facts without
those helpers' host facts.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Mapping

from msgspec.structs import replace
from tree_sitter import Node

from mp_precheck.facts.model import Fact, FileFacts
from mp_precheck.facts.store import FactStore
from mp_precheck.git.repo import TreeEntry
from mp_precheck.readers.conditional import for_wechat
from mp_precheck.readers.ownhelpers import words
from mp_precheck.readers.picturecalls import OTHER, PICTURE, call_uses
from mp_precheck.readers.sfc import SFC_SUFFIXES, script_units, split_blocks
from mp_precheck.readers.syntax import language_for, node_text, nodes_of, parse

_SCRIPTS = (".js", ".ts", ".mjs", ".cjs", ".jsx", ".tsx", ".wxs", *SFC_SUFFIXES)
_FUNCTIONS = ("arrow_function", "function_expression", "function")
_NOT_CALLS = ("import_statement", "import_specifier", "export_clause", "export_specifier")
_MAX_BYTES = 1_000_000  # a larger file is not read (facts/extract.py): taken to call every helper it names
# A helper's host roles its calls' places decide: none seen, or a request base guessed by a name (``BASEURL``).
_NAMED_ROLES = ("code", "request")
_CONTAINERS = ("object", "pair", "named_imports", "import_clause")  # what lies between a name and its export


def without_uncalled_url_helpers(head: Mapping[str, FileFacts], writers: Callable[[set[str]], Mapping[str, set[str]]],
                                 store: FactStore, tree: Mapping[str, TreeEntry]) -> dict[str, FileFacts]:
    """``head`` without the ``host`` facts (role ``code``) of URLs returned by helpers that no file of the app,
    as WeChat's build ships it, calls (see the module docstring); texts are read from ``tree`` through ``store``."""

    def read_text(path: str) -> str | None:
        entry = tree.get(path)
        return None if entry is None or entry.is_symlink or entry.is_submodule or entry.size > _MAX_BYTES \
            else store.text(entry.blob)
    helpers: dict[str, dict[str, list[tuple[int, int]]]] = {}  # path -> name -> returned spans
    for path, facts in head.items():
        lines = {f.line for f in facts.facts if f.kind == "host" and f.role in _NAMED_ROLES}
        text = read_text(path) if lines and path.endswith(_SCRIPTS) else None
        if text is not None:
            found = _returning(text, path, lines)
            if found:
                helpers[path] = found
    if not helpers:
        return dict(head)
    names = {name for found in helpers.values() for name in found}
    defaults = {_default_name(path) for path, found in helpers.items() if _default_name(path) in found}
    called: set[str] = set()
    uses: dict[str, set[str]] = {}  # name -> kinds of its uses (readers/picturecalls.py)
    for other, written in writers(names).items():
        text = read_text(other)
        if text is None:
            called |= written
            uses.update({name: {OTHER} for name in written})
            continue
        shipped = for_wechat(text, other, not store.flavour(other).endswith(("/native", "/native/finclip")))
        called |= _mentioned(shipped, other, written - called)
        kinds = call_uses(shipped, other, written, _declaring)
        for name in written:  # an anonymous default export imported there under another name: another use
            uses.setdefault(name, set()).update(kinds.get(name, {OTHER} if name in defaults and re.search(
                rf"""['"][^'"]*\b{re.escape(name)}(?:\.\w+)?['"]""", shipped) else set()))
    out = dict(head)
    for path, found in helpers.items():
        dead = [span for name, spans in found.items() if name not in called and name not in defaults for span in spans]
        shown = [span for name, spans in found.items() if name in called and uses.get(name) == {PICTURE}
                 for span in spans]
        if dead or shown:
            out[path] = replace(head[path], facts=tuple(
                replace(f, role="media") if _within(f, shown, _NAMED_ROLES) else f for f in head[path].facts
                if not _within(f, dead)))
    return out


def _within(fact: Fact, spans: list[tuple[int, int]], roles: tuple[str, ...] = ("code",)) -> bool:
    """Whether ``fact`` is a host (of one of ``roles``) of a URL returned within one of ``spans`` (first, last
    line)."""
    return fact.kind == "host" and fact.role in roles and any(a <= fact.line <= b for a, b in spans)


def _returning(text: str, path: str, lines: set[int]) -> dict[str, list[tuple[int, int]]]:
    """Name → (first, last) lines of what each named function of the file returns, for returns holding one of
    ``lines``."""
    out: dict[str, list[tuple[int, int]]] = {}
    for source, name, offset in script_units(text, path):
        language = language_for(name)
        root = parse(language, source.encode("utf-8", "surrogatepass")).root_node
        for node in nodes_of(root, language, ("function_declaration", "method_definition", "variable_declarator",
                                              "pair", "export_statement")):
            named = _named(node, path)
            if named is None:
                continue
            helper, function = named
            returned = _returned(function, language)
            for value in [*returned, *_local_bases(function, returned, language)]:
                if not _address(value):
                    continue  # an object (data(), a share hook's card) is the framework's, not an address
                span = (value.start_point[0] + 1 + offset, value.end_point[0] + 1 + offset)
                if any(span[0] <= line <= span[1] for line in lines):
                    out.setdefault(helper, []).append(span)
    return out


def _local_bases(function: Node, returned: list[Node], language: object) -> list[Node]:
    """The values of ``function``'s own variables that a returned address starts with (``const BASE = 'https://…'``
    then ``return BASE + path``) and that nothing else in the function reads: part of the address it returns."""
    starts = set()
    for value in returned:
        while value.type in ("parenthesized_expression", "binary_expression") and value.named_children:
            value = value.named_children[0]
        if value.type == "identifier":
            starts.add(node_text(value))
    out = []
    for declarator in nodes_of(function, language, ("variable_declarator",)):  # type: ignore[arg-type]
        name, held = declarator.child_by_field_name("name"), declarator.child_by_field_name("value")
        if name is None or held is None or node_text(name) not in starts or _owner(declarator) != function:
            continue
        reads = [n for n in nodes_of(function, language, ("identifier", "shorthand_property_identifier"))  # type: ignore[arg-type]
                 if node_text(n) == node_text(name) and n != name]
        if reads and all(any(r.start_byte >= v.start_byte and r.end_byte <= v.end_byte for v in returned)
                         for r in reads):
            out.append(held)
    return out


def _named(node: Node, path: str) -> tuple[str, Node] | None:
    """A named function's name and node; an anonymous ``export default`` function is named as its importers
    usually name it, by its file's stem (:func:`_default_name`)."""
    if node.type == "export_statement":
        value = node.child_by_field_name("value")
        return (_default_name(path), value) if value is not None and value.type in _FUNCTIONS else None
    if node.type in ("function_declaration", "method_definition"):
        name = node.child_by_field_name("name")
        return (node_text(name), node) if name is not None else None
    key = node.child_by_field_name("name" if node.type == "variable_declarator" else "key")
    value = node.child_by_field_name("value")
    if key is None or value is None or value.type not in _FUNCTIONS or key.type not in (
            "identifier", "property_identifier"):
        return None
    return node_text(key), value


def _default_name(path: str) -> str:
    return posixpath.splitext(posixpath.basename(path))[0]


def _returned(function: Node, language: object) -> list[Node]:
    """The expressions ``function`` returns: an arrow's expression body, the value of its own ``return``s."""
    body = function.child_by_field_name("body")
    if body is None:
        return []
    if function.type == "arrow_function" and body.type != "statement_block":
        return [body]
    out = []
    for statement in nodes_of(body, language, ("return_statement",)):  # type: ignore[arg-type]
        if _owner(statement) == function and statement.named_children:
            out.append(statement.named_children[0])
    return out


def _address(value: Node) -> bool:
    """Whether a returned expression is a string: a literal, a template, a ``+`` join starting with one."""
    while value.type in ("parenthesized_expression", "binary_expression") and value.named_children:
        value = value.named_children[0]
    return value.type in ("string", "template_string")


def _owner(node: Node) -> Node | None:
    current = node.parent
    while current is not None and current.type not in (*_FUNCTIONS, "function_declaration", "method_definition",
                                                       "generator_function_declaration"):
        current = current.parent
    return current


def _mentioned(text: str, path: str, names: set[str]) -> set[str]:
    """Those of ``names`` the shipped ``text`` of ``path`` mentions other than by importing, exporting or defining
    them: a call, a reference, a template's word. A file of another kind mentions all it writes."""
    if not names:
        return set()
    if not path.endswith(_SCRIPTS):
        return set(names)
    out: set[str] = set()
    if path.endswith(SFC_SUFFIXES):
        out |= {w for b in split_blocks(text) if b.tag != "script" for w in words(b.text) & names}
    for source, name, _offset in script_units(text, path):
        language = language_for(name)
        root = parse(language, source.encode("utf-8", "surrogatepass")).root_node
        for node in nodes_of(root, language, ("identifier", "property_identifier", "shorthand_property_identifier")):
            if node_text(node) in names and not _declaring(node):
                out.add(node_text(node))
    return out


def _declaring(node: Node) -> bool:
    """Whether an identifier imports, exports or defines its name rather than using it: the name of its
    definition, or a mention that only containers lead from to an import, an export or ``module.exports``
    (``export { name }``, ``export default { name }``, ``module.exports = { name: name }``)."""
    parent = node.parent
    if parent is None:
        return False
    if parent.type in ("function_declaration", "method_definition", "variable_declarator") \
            and parent.child_by_field_name("name") == node:
        return True
    if parent.type == "pair":
        key, value = parent.child_by_field_name("key"), parent.child_by_field_name("value")
        if key == node and value is not None and value.type in _FUNCTIONS:
            return True  # { name: () => … }: the definition
        if value is None or key is None or node_text(key) != node_text(value):
            return False  # { other: name } hands it on under another name: taken as a use
    if parent.type == "member_expression" and parent.parent is not None and \
            parent.parent.type == "assignment_expression" and parent.parent.child_by_field_name("left") == parent:
        return node_text(parent).startswith(("module.exports.", "exports."))  # exports.name = …
    current: Node | None = parent
    while current is not None and current.type in _CONTAINERS:
        current = current.parent
    if current is None:
        return False
    if current.type in (*_NOT_CALLS, "export_statement"):
        return True
    return current.type == "assignment_expression" and \
        node_text(current.child_by_field_name("left")).startswith(("module.exports", "exports."))
