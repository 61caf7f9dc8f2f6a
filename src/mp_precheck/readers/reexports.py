"""What a module passes on from others: the names a barrel (``api/index.ts``) re-exports, and the imported
bindings a module exports again, so a call of the name here is followed to the module that defines it.

In: a parsed file's root node and its import bindings. Out: (module specifier, name there, name here) triples
(:func:`reexports`); ``*`` stands for every name. Nothing here raises.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from tree_sitter import Node

from mp_precheck.readers.instances import constructed
from mp_precheck.readers.syntax import node_text as _text


def reexports(root: Node, aliases: Mapping[str, str] | None = None,
              names: Mapping[str, tuple[str, str]] | None = None) -> tuple[tuple[str, str, str], ...]:
    """What a module passes on from others (a barrel ``api/index.ts``): (module specifier, name there, name
    here) for ``export { a, b as c } from './x'``, and (specifier, ``*``, ``*``) for ``export * from './x'``,
    whose every named export becomes this module's (https://tc39.es/ecma262/#sec-exports). ``export * as ns``
    binds a namespace object, not the names: left out.

    With the file's import bindings (``aliases``: name → specifier of a whole module, ``names``: name →
    (specifier, exported name), as :mod:`~mp_precheck.readers.jsbindings` reads them) an imported binding
    exported again is passed on too: ``const { upload } = require('./request'); module.exports = { upload }``,
    ``exports.upload = upload``, ``export { upload }``, ``export const $wx = wxkit`` (its default export),
    ``import request from './request'; export { request }`` (its default export, and its members through it),
    ``module.exports = { send: http.post }``, and every name
    of a module spread or assigned whole (``module.exports = { ...baseApi }``, ``module.exports = require('./x')``)."""
    out: list[tuple[str, str, str]] = []
    for node in root.named_children:
        source = node.child_by_field_name("source") if node.type == "export_statement" else None
        spec = _text(source).strip("'\"`") if source is not None else ""
        if not spec:
            out += _passed_bindings(node, aliases or {}, names or {})
            continue
        clause = next((c for c in node.named_children if c.type == "export_clause"), None)
        if clause is None:
            if not any(c.type == "namespace_export" for c in node.named_children):
                out.append((spec, "*", "*"))
            continue
        for item in clause.named_children:
            name = _text(item.child_by_field_name("name"))
            if name:
                out.append((spec, name, _text(item.child_by_field_name("alias")) or name))
    return tuple(out)


def _passed_bindings(node: Node, aliases: Mapping[str, str],
                     names: Mapping[str, tuple[str, str]]) -> Iterator[tuple[str, str, str]]:
    """(specifier, name there, name here) of the imported bindings one top-level statement exports again."""
    if node.type == "export_statement":
        value, declaration = node.child_by_field_name("value"), node.child_by_field_name("declaration")
        if value is not None:  # export default { ...baseApi, upload }
            yield from _passed_value("default", value, aliases, names)
        for decl in declaration.named_children if declaration is not None and declaration.type in \
                ("lexical_declaration", "variable_declaration") else ():
            bound, init = decl.child_by_field_name("name"), decl.child_by_field_name("value")
            if bound is not None and init is not None and init.type == "identifier" and _text(init) in aliases:
                yield aliases[_text(init)], "default", _text(bound)  # export let $wx = wxkit: its default
            elif bound is not None and init is not None and init.type == "new_expression":
                yield from _passed_value(_text(bound), init, aliases, names)  # export const api = new Api()
        for clause in (c for c in node.named_children if c.type == "export_clause"):
            for item in clause.named_children:
                local = _text(item.child_by_field_name("name"))
                here = _text(item.child_by_field_name("alias")) or local
                if local in names:
                    yield names[local][0], names[local][1], here
                elif local in aliases:  # import request from './request'; export { request }: the module's
                    yield aliases[local], "default", here  # default when called, its members when read through it
                    yield aliases[local], "*", here
        return
    expr = node.named_children[0] if node.type == "expression_statement" and node.named_children else None
    if expr is None or expr.type != "assignment_expression" or (right := expr.child_by_field_name("right")) is None:
        return
    left = _text(expr.child_by_field_name("left"))
    if left in ("module.exports", "exports.default", "module.exports.default"):
        yield from _passed_value("default", right, aliases, names)
    elif left.startswith(("module.exports.", "exports.")):
        yield from _passed_value(left.rsplit(".", 1)[-1], right, aliases, names)


def _passed_value(here: str, value: Node, aliases: Mapping[str, str],
                  names: Mapping[str, tuple[str, str]]) -> Iterator[tuple[str, str, str]]:
    """What exporting ``value`` as ``here`` passes on: an imported name, a member of an imported module, a whole
    module (``require('./x')`` or its alias: every name), or each of those inside an object literal; an instance
    of an imported class (``new PhotoService()``) passes on that class (its methods)."""
    text = _text(value)
    if value.type == "identifier" and text in names:
        yield names[text][0], names[text][1], here
    elif value.type == "new_expression" and (made := constructed(value, aliases, names)) is not None:
        yield made[0], made[1] or "default", here
    elif value.type == "member_expression" and _text(value.child_by_field_name("object")) in aliases:
        yield aliases[_text(value.child_by_field_name("object"))], _text(value.child_by_field_name("property")), here
    elif here == "default" and value.type == "identifier" and text in aliases:
        yield aliases[text], "*", "*"
    elif here == "default" and value.type == "call_expression" and \
            _text(value.child_by_field_name("function")) == "require":
        args = value.child_by_field_name("arguments")
        first = args.named_children[0] if args is not None and args.named_children else None
        if first is not None and first.type == "string":
            yield _text(first).strip("'\"`"), "*", "*"
    elif here == "default" and value.type == "object":
        for item in value.named_children:
            if item.type == "shorthand_property_identifier" and _text(item) in names:
                yield names[_text(item)][0], names[_text(item)][1], _text(item)
            elif item.type == "pair" and (inner := item.child_by_field_name("value")) is not None:
                key = _text(item.child_by_field_name("key")).strip("'\"")
                if inner.type != "identifier" or _text(inner) not in aliases:  # a namespace kept whole: no name
                    yield from _passed_value(key, inner, aliases, names)
            elif item.type == "spread_element" and item.named_children and _text(item.named_children[0]) in aliases:
                yield aliases[_text(item.named_children[0])], "*", "*"
