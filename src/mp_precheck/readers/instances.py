"""Calls of a project class's methods through an instance: ``new ReplyClient(http).create(body)``,
``const notes = new NoteClient(); notes.publish(id, text)``, ``this.uploader.upload(path)`` where a constructor,
a class field, a Vue component's ``data()`` or a hook assigned ``this.uploader = new Uploader()``, and — in
TypeScript — a name whose declared type is such a class (``constructor(private api: ReplyClient)``,
``api!: ReplyClient``; decorators such as ``@Inject()`` are left aside).

An API client written as a class does its risky work (a ``wx.request`` posting a comment, an upload, a payment)
in its methods; a page reaches them only through an instance. Read as a call of the class module's export
(``ReplyClient.create`` of a named import, ``create`` of a default one: the names ``readers/jsexports.py`` gives a
class's methods), the wrapper follower of ``facts/store.py`` takes the call to that method and counts what it
reaches at the page's call, as it does for an exported function or a static method. The class must come from a
project module (an import or a ``require``): an npm package's class (an SDK's client) is ``checks/``'s, and a
method of the same name on another object names nothing. Classes:
https://tc39.es/ecma262/#sec-class-definitions, supported as is by the Mini Program runtime
(https://developers.weixin.qq.com/miniprogram/dev/framework/runtime/js-support.html).

An instance may come from a factory of the same module: ``function makeClient(opt) { return new ApiClient(opt)
}; const client = makeClient(); export default client`` — an app's HTTP client made once with its options and
exported — holds an ``ApiClient`` as ``new ApiClient()`` would (:func:`factories`).

In: syntax nodes and the file's import bindings (name → module specifier of a whole module, name →
(specifier, exported name)). Out: (module specifier, the prefix of its methods' export names: the exported class
name, "" for a default or whole-module import). Never raises.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from tree_sitter import Node

from mp_precheck.readers.syntax import node_text

Made = tuple[str, str]  # (module specifier, export-name prefix of the class's methods: "ReplyClient" or "")
# Expressions that evaluate to what they hold: ``(x)``, TypeScript's ``x as T``, ``x!``, and ``await x``.
_WRAPPING = ("parenthesized_expression", "as_expression", "non_null_expression", "satisfies_expression",
             "await_expression")
# The fields and parameters a TypeScript class declares an instance's type on (``this.api`` afterwards).
TYPED_TYPES = ("required_parameter", "optional_parameter")


_FUNCTIONS = ("arrow_function", "function_expression", "function")
_DECLARATIONS = ("function_declaration",)
Factories = Mapping[str, Node]  # a module's factory function -> the ``new`` expression it returns
NO_FACTORIES: Factories = {}


def _unwrapped(node: Node | None) -> Node | None:
    while node is not None and node.type in _WRAPPING and node.named_children:
        node = node.named_children[-1] if node.type == "await_expression" else node.named_children[0]
    return node


def _class_of(name: Node | None, module_aliases: Mapping[str, str],
              named_imports: Mapping[str, tuple[str, str]]) -> Made | None:
    """The imported class ``name`` names: ``ReplyClient`` (a named or default import, or a require), or
    ``api.ReplyClient`` of a whole module; None for any other name."""
    text = node_text(name)
    if name is None or not text:
        return None
    if name.type in ("identifier", "type_identifier"):
        if text in named_imports:
            return named_imports[text]
        return (module_aliases[text], "") if text in module_aliases else None
    if name.type in ("member_expression", "nested_type_identifier"):
        holder, _, member = text.rpartition(".")
        return (module_aliases[holder], member) if holder in module_aliases and member.isidentifier() else None
    return None


def _returns(body: Node) -> Iterator[Node]:
    """The values a function body's ``return`` statements hand back, not those of functions nested in it."""
    for child in body.named_children:
        if child.type == "return_statement":
            yield child.named_children[0] if child.named_children else child
        elif child.type not in (*_FUNCTIONS, *_DECLARATIONS, "class_declaration", "class", "method_definition"):
            yield from _returns(child)


def made_by(function: Node) -> Node | None:
    """The ``new X(...)`` a function hands back on every return (``() => new X(opt)``, ``function make() {
    return new X(merge(defaults, opt)) }``), the same class on each; None for any other function."""
    body = function.child_by_field_name("body")
    if body is None:
        return None
    values = [_unwrapped(body)] if body.type != "statement_block" else [_unwrapped(v) for v in _returns(body)]
    made = [v for v in values if v is not None and v.type == "new_expression"]
    if not made or len(made) != len(values) or len({node_text(v.child_by_field_name("constructor")) for v in made}) > 1:
        return None
    return made[0]


def factories(root: Node) -> dict[str, Node]:
    """Top-level functions of a module that make an instance (:func:`made_by`): name → the ``new`` expression."""
    out: dict[str, Node] = {}
    for node in root.named_children:
        target = node.child_by_field_name("declaration") or node if node.type == "export_statement" else node
        if target.type in _DECLARATIONS:
            pairs: list[tuple[Node | None, Node | None]] = [(target.child_by_field_name("name"), target)]
        elif target.type in ("lexical_declaration", "variable_declaration"):
            pairs = [(d.child_by_field_name("name"), d.child_by_field_name("value")) for d in target.named_children]
        else:
            continue
        for name, function in pairs:
            if name is not None and function is not None and function.type in (*_FUNCTIONS, *_DECLARATIONS) and \
                    (made := made_by(function)) is not None:
                out[node_text(name)] = made
    return out


def constructed(value: Node | None, module_aliases: Mapping[str, str],
                named_imports: Mapping[str, tuple[str, str]],
                made: Factories = NO_FACTORIES) -> Made | None:
    """The project class ``value`` makes an instance of (``new ReplyClient(http)``, ``await new X()``,
    ``new api.NoteClient()``, a call of one of the module's ``made`` factories: :func:`factories`), else None."""
    value = _unwrapped(value)
    if value is not None and value.type == "call_expression" and \
            (callee := value.child_by_field_name("function")) is not None and callee.type == "identifier":
        value = made.get(node_text(callee), value)
    if value is None or value.type != "new_expression":
        return None
    return _class_of(value.child_by_field_name("constructor"), module_aliases, named_imports)


def declared(node: Node, module_aliases: Mapping[str, str], named_imports: Mapping[str, tuple[str, str]],
             made_here: Factories = NO_FACTORIES) -> tuple[str, Made] | None:
    """(the expression that holds the instance, its class) for a TypeScript declaration typed with a project class
    — a variable (``let api: ReplyClient``: ``api``), a class field (``api!: ReplyClient``: ``this.api``), a
    constructor's parameter property (``constructor(private api: ReplyClient)``: ``this.api``) — or one whose
    value is a new instance (``const api = new ReplyClient()``, a class field or a ``data()`` member
    ``api: new ReplyClient()``, a call of one of the module's factories ``made_here``: ``makeClient()``); else
    None."""
    kind = node.type
    value = node.child_by_field_name("value")
    if kind in TYPED_TYPES:
        if not any(c.type == "accessibility_modifier" or node_text(c) == "readonly" for c in node.children):
            return None  # a plain parameter: no member of the instance
        name = node.child_by_field_name("pattern")
    else:
        name = node.child_by_field_name({"pair": "key", "field_definition": "property"}.get(kind, "name"))
    if name is None or name.type not in ("identifier", "property_identifier", "private_property_identifier"):
        return None
    made = constructed(value, module_aliases, named_imports, made_here)
    typed = node.child_by_field_name("type")
    if made is None and typed is not None and typed.named_children and kind != "pair":
        made = _class_of(typed.named_children[0], module_aliases, named_imports)
    if made is None:
        return None
    return (node_text(name) if kind == "variable_declarator" else f"this.{node_text(name)}"), made


def instance_call(callee: Node, instances: Mapping[str, Made], module_aliases: Mapping[str, str],
                  named_imports: Mapping[str, tuple[str, str]]) -> tuple[str, str] | None:
    """(module specifier, exported name) of the method ``callee`` (a ``member_expression``) calls on an instance
    of a project class — one made in place (``new ReplyClient(http).create``) or held by a name or member the file
    bound to one (``instances``: ``api``, ``this.api``) — as ``FileFacts.imported_calls`` spells it; else None."""
    receiver, method = _unwrapped(callee.child_by_field_name("object")), callee.child_by_field_name("property")
    if receiver is None or method is None or method.type != "property_identifier":
        return None
    made = instances.get(node_text(receiver)) or constructed(receiver, module_aliases, named_imports)
    if made is None:
        return None
    spec, prefix = made
    return spec, f"{prefix}.{node_text(method)}" if prefix else node_text(method)


def member_call(held: str, method: str, module_aliases: Mapping[str, str],
                named_imports: Mapping[str, tuple[str, str]]) -> tuple[str, str] | None:
    """(module specifier, name) of ``method`` called on a member of an imported object (``held``, the callee's
    object as written: ``sheep.$api.app`` of a default import → ``$api.app.upload``; ``db.comment`` of a named
    import ``db`` → ``db.comment.add``), kept by name where no reader resolves the path; else None."""
    root, _, rest = held.partition(".")
    if not rest:
        return None
    if root in module_aliases:
        return module_aliases[root], f"{rest}.{method}"
    if root in named_imports:
        spec, exported = named_imports[root]
        return spec, f"{exported}.{rest}.{method}"
    return None
