"""Where the host of a URL a script builds comes from: a development address, or what the file does not show.

A WebSocket's ``url`` is rarely a literal: ``CONFIG.wsAddr + '/ws'``, ```${WS_BASE}/chat?id=${id}```,
``baseUrl.replace(/^http/, 'ws') + path``. The host is the part the address starts with, so only the head of the
expression is followed: the left side of a ``+`` join, the first part of a template string, the string a
``replace`` / ``concat`` / ``trim`` call is made on, both sides of a ternary or of ``||`` / ``??``, what a name of
the file is bound to (declared, assigned — ``this.wsUrl = …`` by its last key —, an object's member, a class field)
and what a function of the file returns; never a parameter (its callers decide), nor an empty placeholder
(``let url = ''`` assigned later). A literal at the head is a development address as the rest of the readers decide
it (:attr:`~mp_precheck.readers.urls.Url.is_development`: a developer's machine or LAN, or reached only in a
development build, :func:`~mp_precheck.readers.devonly.in_dev_branch`). A name another module exports is an open
end, named by (module specifier, exported name as its importer spells it: ``Settings.wsAddr``, ``baseUrl``, a
module alias's ``wsUrl``), which :func:`development_names` of that module answers (facts/devsockets.py).

Such an address needs no 服务器域名 (localhost and LAN addresses cannot be entered there, and the reviewed build
does not use them: https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html). Names are
followed without scopes, as readers/socketurl.py and readers/urlflow.py follow them. Pure; never raises.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from tree_sitter import Node

from mp_precheck.readers.devonly import in_dev_branch
from mp_precheck.readers.syntax import FUNCTION_NODES, language_for, node_text, parse, string_value, walk
from mp_precheck.readers.tsnamespaces import declared
from mp_precheck.readers.urls import find_urls

Import = tuple[str, str]  # (module specifier, the name the module exports, as its importer spells it)
_STEPS = 16  # nodes followed from one expression: names, members, calls
_UNWRAP = ("parenthesized_expression", "as_expression", "non_null_expression", "satisfies_expression",
           "await_expression", "template_substitution")
_KEEPS_HEAD = frozenset({"replace", "replaceAll", "concat", "trim", "trimEnd", "toString"})
_NOTHING = ("null", "undefined")
_BINDINGS = ("variable_declarator", "assignment_expression", "pair", "public_field_definition",
             "field_definition", "shorthand_property_identifier")
_NAMES = ("identifier", "property_identifier", "string", "private_property_identifier")
_FUNCTIONS = ("function_declaration", "method_definition", "generator_function_declaration")
_SCRIPTS = (".js", ".ts", ".mjs", ".cjs", ".jsx", ".tsx")


class Scope:
    """The names one file binds, read once: ``root`` its tree; ``imports`` its names imported from project modules
    (local name → (specifier, exported name)); ``modules`` its module aliases (local name → specifier)."""

    def __init__(self, root: Node, imports: Mapping[str, Import], modules: Mapping[str, str]) -> None:
        self.imports, self.modules = imports, modules
        self.values: dict[str, list[Node]] = {}  # a name or an object key → the values it is given
        self.returns: dict[str, list[Node]] = {}  # a function's name → the values it returns
        self.parameters: set[str] = set()
        for node in walk(root):
            if node.type in _BINDINGS:
                self._bind(node)
            elif node.type in ("formal_parameters", "object_pattern", "array_pattern"):  # given by a caller, a value
                self.parameters |= {node_text(n) for n in walk(node) if n.type in (
                    "identifier", "shorthand_property_identifier_pattern")}
            elif node.type == "arrow_function" and (single := node.child_by_field_name("parameter")) is not None:
                self.parameters.add(node_text(single))  # res => …
            if node.type in _FUNCTIONS or (node.type in FUNCTION_NODES and node.parent is not None
                                           and node.parent.type in ("variable_declarator", "pair")):
                self._function(node)

    def _bind(self, node: Node) -> None:
        if node.type == "shorthand_property_identifier":  # { wsUrl }: the member holds the name's value
            if node.parent is not None and node.parent.type == "object":
                self.values.setdefault(node_text(node), []).append(node)
            return
        if node.type in ("variable_declarator", "pair"):
            name = node.child_by_field_name("name") or node.child_by_field_name("key")
        else:
            name = node.child_by_field_name("left") or node.child_by_field_name("name") or \
                node.child_by_field_name("property")
        value = node.child_by_field_name("value") or node.child_by_field_name("right")
        if name is None or value is None:
            return
        if name.type == "member_expression":
            name = name.child_by_field_name("property")
        if name is not None and name.type in _NAMES:
            self.values.setdefault(node_text(name).strip("'\"`#"), []).append(value)

    def _function(self, node: Node) -> None:
        holder = node if node.type in _FUNCTIONS else node.parent
        name = holder.child_by_field_name("name") or holder.child_by_field_name("key") if holder else None
        body = node.child_by_field_name("body")
        if name is None or body is None:
            return
        found = [body] if body.type != "statement_block" else list(_returned(body))
        self.returns.setdefault(node_text(name).strip("'\""), []).extend(found)


def _returned(body: Node) -> Iterator[Node]:
    """The values the ``return`` statements of a function body give, not those of the functions inside it."""
    stack = list(body.named_children)
    while stack:
        node = stack.pop()
        if node.type == "return_statement" and node.named_children:
            yield node.named_children[0]
        elif node.type not in FUNCTION_NODES and node.type not in ("class_declaration", "class"):
            stack.extend(node.named_children)


def development_origin(value: Node, scope: Scope) -> tuple[Import, ...] | None:
    """Whether the host of the URL expression ``value`` comes only from development addresses: the imported names
    it also comes from (empty when the file shows all of it) when it does, None when any of it is a public address
    or a way the file does not show (a parameter, another call, an unbound name)."""
    queue, seen, imports, found = [value], set[tuple[int, int]](), list[Import](), False
    while queue:
        node = queue.pop()
        if (node.start_byte, node.end_byte) in seen:
            continue
        seen.add((node.start_byte, node.end_byte))
        if len(seen) > _STEPS:
            return None
        step = _step(node, scope)
        if step is None:
            return None
        if isinstance(step, bool):
            found = found or step
        elif isinstance(step, tuple):
            imports.append(step)
        else:
            queue.extend(step)
    return tuple(dict.fromkeys(imports)) if found or imports else None


def _step(node: Node, scope: Scope) -> bool | Import | list[Node] | None:
    """One node of an address's head: True for a development literal, False for nothing (an empty placeholder), an
    import, the nodes to follow, or None for a public address or an unknown way."""
    kind = node.type
    if kind in _UNWRAP:
        return node.named_children[:1] or None
    if kind in ("string", "template_string"):
        return _literal(node)
    if kind in _NOTHING:
        return False
    if kind == "binary_expression":
        operator = node_text(node.child_by_field_name("operator"))
        left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
        if left is None or right is None:
            return None
        return [left] if operator == "+" else [left, right] if operator in ("||", "??") else \
            [right] if operator == "&&" else None
    if kind == "ternary_expression":
        return [n for n in (node.child_by_field_name("consequence"), node.child_by_field_name("alternative")) if n]
    if kind == "call_expression":
        return _call(node, scope)
    if kind in ("identifier", "shorthand_property_identifier"):
        return _name(node_text(node), scope)
    if kind == "member_expression":
        return _member(node, scope)
    return None


def _literal(node: Node) -> bool | list[Node] | None:
    """A string or template string at the head: development or not, or the expression a template starts with."""
    if node.type == "template_string" and len(node.children) > 1 and node.children[1].type == "template_substitution":
        return [node.children[1]]
    text = (string_value(node) or "").strip()
    if not text and (node.type == "string" or len(node.children) <= 2):
        return False  # '' or ``: a placeholder, set for real elsewhere
    urls = find_urls(text)
    if not urls or not text.lower().startswith(urls[0].scheme + "://"):
        return None  # a relative path, a scheme the host is joined to: not shown here
    return True if urls[0].is_development or in_dev_branch(node) else None


def _call(node: Node, scope: Scope) -> list[Node] | None:
    """``base.replace('http', 'ws')`` keeps the head of ``base``; ``getWsUrl()`` / ``this.getWsUrl()`` returns what
    that function of the file returns; any other call is not shown here."""
    callee = node.child_by_field_name("function")
    if callee is None:
        return None
    if callee.type == "member_expression":
        method, owner = node_text(callee.child_by_field_name("property")), callee.child_by_field_name("object")
        if method in _KEEPS_HEAD and owner is not None:
            return [owner]
        if owner is not None and owner.type != "this" and node_text(owner) not in ("that", "self", "_this", "vm"):
            return None
        name = method
    elif callee.type == "identifier":
        name = node_text(callee)
    else:
        return None
    return scope.returns.get(name) or None


def _name(name: str, scope: Scope) -> Import | list[Node] | None:
    if name in scope.imports:
        return scope.imports[name]
    if name in scope.parameters or name in scope.modules:
        return None
    return scope.values.get(name) or None


def _member(node: Node, scope: Scope) -> Import | list[Node] | None:
    """``CoolConfig.wsAddr`` of an imported name or module alias: an import; ``this.wsUrl``, ``that.data.wsUrl``,
    ``config.ws``: what the file gives that key."""
    path: list[str] = []
    root = node
    while root.type == "member_expression":
        key = root.child_by_field_name("property")
        owner = root.child_by_field_name("object")
        if key is None or owner is None:
            return None
        path.insert(0, node_text(key))
        root = owner
    if root.type == "identifier" and node_text(root) in scope.imports:
        spec, name = scope.imports[node_text(root)]
        return spec, ".".join((name, *path))
    if root.type == "identifier" and node_text(root) in scope.modules:
        return scope.modules[node_text(root)], ".".join(path)
    if root.type == "identifier" and node_text(root) in scope.parameters:
        return None  # options.url: its callers decide
    return scope.values.get(path[-1]) or None


def development_names(text: str, path: str) -> frozenset[str]:
    """The names a script module (``text`` of the file ``path``) offers that hold only development addresses, as
    an importer spells them: a top-level constant (``WS_URL``), a member of a top-level object (``config.ws``), of
    the object the module exports by default (``module.exports = { ws }``, ``export default { ws }``: ``ws``), or of
    a TypeScript namespace (``CoolConfig.wsAddr``). Empty for any other file, or one with no URL."""
    if not path.lower().endswith(_SCRIPTS) or "://" not in text:
        return frozenset()
    root = parse(language_for(path), text.encode("utf-8", "surrogatepass")).root_node
    scope = Scope(root, {}, {})
    return frozenset(name for name, value in _offered(root.named_children, "", scope)
                     if development_origin(value, scope) == ())


def _offered(statements: list[Node], prefix: str, scope: Scope) -> Iterator[tuple[str, Node]]:
    """(name as an importer spells it, value) of what top-level ``statements`` (a namespace's, after ``prefix``)
    bind and export."""
    for statement in statements:
        if (space := declared(statement)) is not None:
            body = space.child_by_field_name("body")
            inner = f"{prefix}{node_text(space.child_by_field_name('name'))}."
            yield from _offered(body.named_children if body else [], inner, scope)
            continue
        node = statement.child_by_field_name("declaration") or statement if statement.type == "export_statement" \
            else statement
        if node.type in ("lexical_declaration", "variable_declaration"):
            for declarator in (d for d in node.named_children if d.type == "variable_declarator"):
                name, value = declarator.child_by_field_name("name"), declarator.child_by_field_name("value")
                if name is not None and value is not None and name.type == "identifier":
                    yield f"{prefix}{node_text(name)}", value
                    yield from _members(value, f"{prefix}{node_text(name)}.", scope)
        elif statement.type == "export_statement" and (value := statement.child_by_field_name("value")) is not None:
            yield from _members(value, prefix, scope)  # export default { ws } / export default config
        elif node.type == "expression_statement" and node.named_children:
            yield from _exported(node.named_children[0], scope)


def _exported(node: Node, scope: Scope) -> Iterator[tuple[str, Node]]:
    """``module.exports = {…}`` / ``= config``: its members; ``exports.ws = …``, ``module.exports.ws = …``: ``ws``."""
    target, value = node.child_by_field_name("left"), node.child_by_field_name("right")
    if node.type != "assignment_expression" or target is None or value is None:
        return
    written = node_text(target)
    if written == "module.exports":
        yield from _members(value, "", scope)
    else:
        owner, _, key = written.rpartition(".")
        if owner in ("exports", "module.exports") and key:
            yield key, value


def _members(value: Node, prefix: str, scope: Scope) -> Iterator[tuple[str, Node]]:
    """The members of an object literal (or of the top-level object a name holds), after ``prefix``."""
    if value.type == "identifier":
        value = next((v for v in scope.values.get(node_text(value), ()) if v.type == "object"), value)
    if value.type != "object":
        return
    for item in value.named_children:
        if item.type == "pair" and (key := item.child_by_field_name("key")) is not None \
                and (held := item.child_by_field_name("value")) is not None:
            yield f"{prefix}{node_text(key).strip(chr(39) + chr(34))}", held
        elif item.type == "shorthand_property_identifier":
            yield f"{prefix}{node_text(item)}", item
