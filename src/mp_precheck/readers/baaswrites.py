"""The records a script saves through a backend-as-a-service SDK (``checks/baas_sdks.yml``): where a page's data is
written to a table others read, as a cloud database write (:mod:`~mp_precheck.readers.cloudwrites`) is.

A BaaS SDK is reached through the name its module binds (``import AV from 'leancloud-storage/dist/av-weapp.js'``,
``const Bmob = require('../utils/Bmob-2.2.5.min.js')``) or through a global (``wx.BaaS``). A maker of the table
makes a handle of a table or record — LeanCloud's ``AV.Object.extend('Comment')`` (a class: ``new Comment()`` is a
record of it), ``new AV.Object('Post')``, Bmob's ``Bmob.Query('post')``, MinCloud's ``new wx.BaaS.TableObject(id)`` —
named by its first argument (a string, a constant or a parameter's default). A handle kept in a name stays one
(``const Model = AV.Object.extend(model); const row = new Model()``), and so does what any call on one hands back
(``Product.create()``, ``.set(data)``, ``.getWithoutData(id)``). A save method of the SDK called on a handle writes
it (``row.save({ text })``, ``record.set(data).save()``, ``Product.createMany(rows)``), and so does a direct write
(``AV.Object.saveAll(rows)``). Where a record held in a name is given its data by ``set`` calls and saved without
any (``post.set('text', t); post.save()``), each of those ``set`` calls is a write too (by the save's method): it
is where the data goes.
Queries (``new AV.Query(Model).find()``) and removals carry no content: not writes.

In: a script's text and path (a single-file component: its script blocks). Out: (line, table name or "", method)
per write, the line of the call's callee (where its data argument starts being read), in line order. Never raises
on malformed code.
"""

from __future__ import annotations

from collections.abc import Sequence

from tree_sitter import Node

from mp_precheck.core.baassdks import BaasSdk, baas_sdks
from mp_precheck.readers.sfc import script_units
from mp_precheck.readers.specifiers import WHOLE, imported_names, required_names
from mp_precheck.readers.syntax import (
    first_argument,
    language_for,
    name_and_value,
    node_text,
    parse,
    string_value,
    walk,
)

Write = tuple[int, str, str]  # (line, table, method)
Handle = tuple[BaasSdk, str]  # (SDK, table name or "")
_CHAIN = frozenset({"then", "catch", "finally"})  # a promise's: what it hands on is a result, not the handle
# (name field, value field) of the nodes that give a name a value: a constant, a parameter's default (JS, TS)
_DEFAULTS = {"variable_declarator": ("name", "value"), "assignment_pattern": ("left", "right"),
             "object_assignment_pattern": ("left", "right"), "required_parameter": ("pattern", "value"),
             "optional_parameter": ("pattern", "value")}
_WRAPPED = frozenset({"await_expression", "parenthesized_expression", "as_expression", "non_null_expression"})


def baas_writes(source: str, path: str, sdks: Sequence[BaasSdk] | None = None) -> list[Write]:
    """The BaaS writes of ``source`` (module docstring) through any of ``sdks`` (the shipped table by default)."""
    table = tuple(baas_sdks() if sdks is None else sdks)
    lowered = source.lower()  # a vendored file is often spelt otherwise (Bmob-2.2.5.min.js)
    if not any(needle.lower() in lowered for sdk in table for needle in sdk.needles):
        return []
    out: list[Write] = []
    for text, name, offset in script_units(source, path):
        nodes = list(walk(parse(language_for(name), text.encode("utf-8", "surrogatepass")).root_node))
        reader = _Reader(_spaces(nodes, table), table, _constants(nodes))
        for _ in range(2):  # a handle kept in a name before the name that keeps it is read (hoisting, methods)
            reader.hold(nodes)
        out += [(line + offset, table_name, method) for line, table_name, method in reader.writes(nodes)]
    return sorted(set(out))


def _spaces(nodes: list[Node], sdks: tuple[BaasSdk, ...]) -> dict[str, BaasSdk]:
    """Local name → SDK, of each name a module of an SDK is imported or required as (the whole module)."""
    out: dict[str, BaasSdk] = {}
    for node in nodes:
        bound: dict[str, tuple[str, str]] = {}
        if node.type == "import_statement" and (source := node.child_by_field_name("source")) is not None:
            spec = string_value(source) or ""
            bound = {n: b for clause in node.named_children if clause.type == "import_clause"
                     for n, b in imported_names(clause, spec).items()}
        elif node.type == "variable_declarator" and (value := node.child_by_field_name("value")) is not None \
                and (pattern := node.child_by_field_name("name")) is not None:
            spec = _required(value)
            bound = required_names(pattern, spec) if spec else {}
        for local, (spec, exported) in bound.items():
            sdk = next((s for s in sdks if s.loaded_by(spec)), None) if exported == WHOLE else None
            if sdk is not None:
                out[local] = sdk
    return out


def _required(value: Node) -> str:
    """The specifier of ``require('x')`` (awaited or not), else ""."""
    while value.type in _WRAPPED and value.named_children:
        value = value.named_children[0]
    fn = value.child_by_field_name("function") if value.type == "call_expression" else None
    first = first_argument(value) if fn is not None and node_text(fn) == "require" else None
    return (string_value(first) or "") if first is not None else ""


def _constants(nodes: list[Node]) -> dict[str, str]:
    """Name → string, of each name a string is given to: a constant, a parameter's default (``model = 'Comment'``,
    destructured or not) — what a maker called with that name is named."""
    out: dict[str, str] = {}
    for node in nodes:
        fields = _DEFAULTS.get(node.type)
        if fields is not None:
            left, right = node.child_by_field_name(fields[0]), node.child_by_field_name(fields[1])
            held = string_value(right) if right is not None else None
            if left is not None and held is not None and left.type in ("identifier",
                                                                       "shorthand_property_identifier_pattern"):
                out[node_text(left)] = held
    return out


def _path(node: Node | None) -> str | None:
    """A member chain's dotted path (``wx.BaaS.TableObject``), None where a part is no name (a call)."""
    if node is None:
        return None
    if node.type in ("identifier", "this"):
        return node_text(node)
    if node.type == "member_expression":
        owner = _path(node.child_by_field_name("object"))
        prop = node.child_by_field_name("property")
        return f"{owner}.{node_text(prop)}" if owner is not None and prop is not None else None
    return None


class _Reader:
    """The handles and writes of one parsed script: the names SDKs are bound to, the shipped table, the constants."""

    def __init__(self, spaces: dict[str, BaasSdk], sdks: tuple[BaasSdk, ...], constants: dict[str, str]) -> None:
        self.spaces, self.sdks, self.constants = spaces, sdks, constants
        self.held: dict[str, Handle] = {}

    def _reached(self, path: str | None) -> tuple[BaasSdk, str] | None:
        """(SDK, the rest of the path after the SDK's name or global) of a dotted path, else None."""
        for name, sdk in self.spaces.items():
            if path is not None and path.startswith(name + "."):
                return sdk, path[len(name) + 1:]
        for sdk in self.sdks:
            found = next((g for g in sdk.globals if path is not None and path.startswith(g + ".")), None)
            if found is not None and path is not None:
                return sdk, path[len(found) + 1:]
        return None

    def _named(self, call: Node) -> str:
        """The table a maker's call or ``new`` names by its first argument (a string or a name given one)."""
        first = first_argument(call)
        if first is None:
            return ""
        return string_value(first) or (self.constants.get(node_text(first), "") if first.type == "identifier" else "")

    def handle(self, node: Node | None) -> Handle | None:
        """The SDK and table of a handle ``node`` evaluates to (module docstring), else None."""
        while node is not None and node.type in _WRAPPED and node.named_children:
            node = node.named_children[0]
        if node is None:
            return None
        if node.type in ("identifier", "member_expression") and node_text(node) in self.held:
            return self.held[node_text(node)]
        if node.type == "new_expression":
            ctor = node.child_by_field_name("constructor")
            if ctor is not None and node_text(ctor) in self.held:
                return self.held[node_text(ctor)]
            reached = self._reached(_path(ctor))
            return (reached[0], self._named(node)) if reached is not None and reached[1] in reached[0].makers else None
        if node.type != "call_expression":
            return None
        fn = node.child_by_field_name("function")
        reached = self._reached(_path(fn))
        if reached is not None:
            return (reached[0], self._named(node)) if reached[1] in reached[0].makers else None
        if fn is None or fn.type != "member_expression" or node_text(fn.child_by_field_name("property")) in _CHAIN:
            return None
        return self.handle(fn.child_by_field_name("object"))

    def hold(self, nodes: list[Node]) -> None:
        """Keep each name a handle is given to (``const Model = AV.Object.extend('Post')``, ``this.row = …``)."""
        for node in nodes:
            binding = name_and_value(node) if node.type != "pair" else None
            if binding is None or binding[0] is None:
                continue
            found = self.handle(binding[1])
            if found is not None:
                self.held[node_text(binding[0])] = found

    def writes(self, nodes: list[Node]) -> list[Write]:
        """(line, table, method) of each write among ``nodes`` (0-based offsets added by the caller)."""
        out: list[Write] = []
        saved_bare: dict[str, str] = {}  # name → the save method of a record saved with no data of its own
        for node in nodes:
            fn = node.child_by_field_name("function") if node.type == "call_expression" else None
            if fn is None or fn.type != "member_expression":
                continue
            method, owner = node_text(fn.child_by_field_name("property")), fn.child_by_field_name("object")
            reached = self._reached(_path(fn))
            found = (reached[0], self._named(node)) if reached is not None and reached[1] in reached[0].direct else None
            held = self.handle(owner) if found is None and reached is None else None
            if held is not None and method in held[0].saves:
                found = held
                if first_argument(node) is None and owner is not None and node_text(owner) in self.held:
                    saved_bare[node_text(owner)] = method  # its data went in by set calls
            if found is not None:
                out.append((fn.start_point[0] + 1, found[1], method))
        return out + self._sets(nodes, saved_bare)

    def _sets(self, nodes: list[Node], names: dict[str, str]) -> list[Write]:
        """(line, table, save method) of each ``set`` call on a record held in one of ``names`` (name → the method
        that saves it bare): its data goes in there."""
        out: list[Write] = []
        for node in nodes if names else ():
            fn = node.child_by_field_name("function") if node.type == "call_expression" else None
            owner = fn.child_by_field_name("object") if fn is not None and fn.type == "member_expression" else None
            if owner is not None and node_text(owner) in names and fn is not None \
                    and node_text(fn.child_by_field_name("property")) == "set":
                out.append((fn.start_point[0] + 1, self.held[node_text(owner)][1], names[node_text(owner)]))
        return out
