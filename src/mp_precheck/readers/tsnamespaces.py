"""The members of a TypeScript namespace, read as the methods of the object its name binds.

``export namespace Remote { export const sendFile = option => Taro.uploadFile({...option}) }`` (or the
older spelling ``module Network {…}``) compiles to an object ``Network`` whose properties are what the block
exports (https://www.typescriptlang.org/docs/handbook/namespaces.html): code elsewhere calls
``Remote.sendFile(…)`` as it would call a method of an exported object literal. What the block keeps
unexported is private to it; a ``declare namespace`` holds signatures only, so it offers no function.

In: a top-level statement or a namespace node. Out: the namespace a statement declares (:func:`declared`), the
functions a namespace exports by the name its callers spell after the namespace's (:func:`members`: ``uploadFile``,
``Inner.send`` for a nested namespace), and every function bound in its block, exported or not
(:func:`functions`), by the name the block's own code calls it. Nothing here raises.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from tree_sitter import Node

from mp_precheck.readers.syntax import node_text as _text

NAMESPACES = ("internal_module", "module")
_DECLARATIONS = ("function_declaration", "generator_function_declaration")
_BINDINGS = ("lexical_declaration", "variable_declaration")


def declared(node: Node) -> Node | None:
    """The namespace block a statement declares — ``namespace X {…}`` (an expression statement to the grammar),
    ``module X {…}``, either exported — or None."""
    if node.type == "export_statement":
        node = node.child_by_field_name("declaration") or node
    elif node.type == "expression_statement" and node.named_children:
        node = node.named_children[0]
    body = node.child_by_field_name("body") if node.type in NAMESPACES else None
    return node if body is not None and node.child_by_field_name("name") is not None else None


def _bound(statement: Node, unwrapped: Callable[[Node], Node],
           functions: tuple[str, ...]) -> Iterator[tuple[str, Node]]:
    """(name, function) of a function declaration or of each ``const f = () => …`` of one statement."""
    if statement.type in _DECLARATIONS and (name := statement.child_by_field_name("name")) is not None:
        yield _text(name), statement
    elif statement.type in _BINDINGS:
        for decl in statement.named_children:
            name, value = decl.child_by_field_name("name"), decl.child_by_field_name("value")
            value = unwrapped(value) if value is not None else None
            if name is not None and name.type == "identifier" and value is not None and value.type in functions:
                yield _text(name), value


def members(namespace: Node, unwrapped: Callable[[Node], Node],
            functions: tuple[str, ...]) -> Iterator[tuple[str, Node]]:
    """(member, function) of each function ``namespace`` exports; a nested namespace's as ``Inner.member``.
    ``unwrapped`` gives the function a bound value stands for (``debounce(fn)``: ``fn``); ``functions`` are the
    node types of a function expression."""
    body = namespace.child_by_field_name("body")
    for item in body.named_children if body is not None else ():
        declaration = item.child_by_field_name("declaration") if item.type == "export_statement" else None
        if declaration is None:
            continue  # not exported: private to the block
        if (inner := declared(declaration)) is not None:
            outer = _text(inner.child_by_field_name("name"))
            yield from ((f"{outer}.{m}", f) for m, f in members(inner, unwrapped, functions))
        else:
            yield from _bound(declaration, unwrapped, functions)


def functions(namespace: Node, unwrapped: Callable[[Node], Node],
              kinds: tuple[str, ...]) -> Iterator[tuple[str, Node]]:
    """(name, function) of every function bound in the block, exported or not: what its own code calls by name."""
    body = namespace.child_by_field_name("body")
    for item in body.named_children if body is not None else ():
        statement = item.child_by_field_name("declaration") if item.type == "export_statement" else item
        if statement is not None:
            yield from _bound(statement, unwrapped, kinds)
