"""Objects that hand their members on to the ``wx`` namespace: a project's promisified ``wx``.

A project often calls WeChat's API through an object of its own that turns every ``wx.X`` into a promise
(``$wx.requestPayment({...})``, ``wxp.requestPayment({...})``): the object is ``wx`` under another name, and
each of its members the API of the same name. Such an object is made by

* a ``Proxy`` over ``wx`` (``new Proxy(wx, handler)``), or one whose ``get`` trap calls or returns ``wx[property]``
  (https://developer.mozilla.org/docs/Web/JavaScript/Reference/Global_Objects/Proxy/Proxy/get);
* a loop that fills it from ``wx``'s own keys: ``Object.keys(wx).forEach(key => { wxp[key] = promisify(wx[key]) })``,
  ``for (const key in wx) wxp[key] = …wx[key]…``;
* a binder of one API by its name applied to a list of names: ``apis[name] = promiseOf(name)`` where ``promiseOf``
  (a function of the same file) calls ``wx[name]`` — in a loop or into a ``reduce``'s accumulator;
* a promisifying call given the namespace: ``const wxp = promisifyAll(wx)``, or miniprogram-api-promise's
  ``promisifyAll(wx, wxp)`` that fills its second argument
  (https://developers.weixin.qq.com/miniprogram/dev/devtools/npm.html, miniprogram-api-promise).

A single API promisified (``export const requestPayment = promisify(wx.requestPayment)``) is that API under another
name, and so is each member of an exported table of such APIs (``export default { uploadFile:
promisify(wx.uploadFile) }``, called as ``api.uploadFile(…)``). An object whose members merely share an API's name
(``productSdk.requestPayment``) is none of these.

In: nodes of a JS/TS file and ``namespace_of`` (the namespace a node evaluates to, ``"wx"``, or None;
``readers/jsbindings.py``). Out: the names a file binds to such objects, and the exports that offer them to other
files as :class:`~mp_precheck.facts.model.Export` (``forwards``: the namespace; ``subjects``: a single API).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from tree_sitter import Node

from mp_precheck.core.recache import compiled
from mp_precheck.facts.model import Export
from mp_precheck.readers.syntax import node_text as _text
from mp_precheck.readers.syntax import walk as _walk

NamespaceOf = Callable[[Node | None], str | None]
Resolve = Callable[[Node | None], str | None]
# A function that turns callback APIs into promises: promisify, promisifyAll, wxPromisify, pify, toPromise.
PROMISIFY = compiled(r"promis|pify", re.IGNORECASE)
_FUNCTIONS = ("arrow_function", "function_expression", "function", "method_definition")


def _arguments(call: Node) -> list[Node]:
    args = call.child_by_field_name("arguments")
    return [a for a in args.named_children if a.type != "comment"] if args is not None else []


def _callee_name(call: Node) -> str:
    fn = call.child_by_field_name("function")
    if fn is not None and fn.type == "member_expression":
        fn = fn.child_by_field_name("property")
    return _text(fn) if fn is not None else ""


def forwarded_namespace(value: Node | None, namespace_of: NamespaceOf) -> str | None:
    """The namespace (``"wx"``) an expression's object hands its members on to: ``new Proxy(wx, …)``, a ``Proxy``
    whose ``get`` trap reads ``wx[property]``, or ``promisifyAll(wx)``; else None."""
    if value is None:
        return None
    if value.type == "new_expression" and _text(value.child_by_field_name("constructor")) == "Proxy":
        args = _arguments(value)
        if args and (space := namespace_of(args[0])) is not None:
            return space
        return _trapped(args[1], namespace_of) if len(args) > 1 and args[1].type == "object" else None
    if value.type == "call_expression" and PROMISIFY.search(_callee_name(value)):
        args = _arguments(value)
        if len(args) == 1 and (space := namespace_of(args[0])) is not None:
            return space
    return None


def _trapped(handler: Node, namespace_of: NamespaceOf) -> str | None:
    """The namespace a ``Proxy`` handler's ``get(target, property)`` indexes by its ``property``, else None."""
    for member in handler.named_children:
        if member.type == "pair" and _text(member.child_by_field_name("key")).strip("'\"") == "get":
            trap = member.child_by_field_name("value")
        elif member.type == "method_definition" and _text(member.child_by_field_name("name")) == "get":
            trap = member
        else:
            continue
        if trap is None or trap.type not in _FUNCTIONS:
            continue
        params = trap.child_by_field_name("parameters")
        names = [p for p in params.named_children if p.type == "identifier"] if params is not None else []
        if len(names) >= 2:
            return _indexed_by(trap, _text(names[1]), namespace_of)
    return None


def _indexed_by(scope: Node, key: str, namespace_of: NamespaceOf) -> str | None:
    """The namespace ``scope`` indexes by the variable ``key`` (``wx[key]``), else None."""
    for node in _walk(scope):
        if node.type == "subscript_expression" and _text(node.child_by_field_name("index")) == key and \
                (space := namespace_of(node.child_by_field_name("object"))) is not None:
            return space
    return None


def filled_object(node: Node, namespace_of: NamespaceOf) -> tuple[str, str] | None:
    """(name, namespace) of an object filled from the namespace key by key — ``wxp[key] = …wx[key]…`` or
    ``wxp[name] = bind(name)`` with a binder of this file that calls ``wx[name]`` (an assignment; the
    accumulator of a ``reduce`` is the object the ``reduce`` returns) — or by ``promisifyAll(wx, wxp)`` (a call);
    else None."""
    if node.type == "assignment_expression":
        left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
        if left is None or right is None or left.type != "subscript_expression":
            return None
        held, index = left.child_by_field_name("object"), left.child_by_field_name("index")
        if held is None or held.type != "identifier" or index is None or index.type != "identifier" or \
                namespace_of(held) is not None:
            return None
        space = _indexed_by(right, _text(index), namespace_of) or _bound_by_name(right, _text(index), namespace_of)
        name = _reduced_into(held) or _text(held)
        return (name, space) if space is not None else None
    if node.type == "call_expression" and PROMISIFY.search(_callee_name(node)):
        args = _arguments(node)
        if len(args) == 2 and args[1].type == "identifier" and (space := namespace_of(args[0])) is not None:
            return _text(args[1]), space
    return None


def _bound_by_name(value: Node, key: str, namespace_of: NamespaceOf) -> str | None:
    """The namespace of ``bind(key)``: a call of a function of this file whose parameter at ``key``'s place
    indexes the namespace (``const promiseOf = (name, host = wx) => (o) => new Promise(… host[name](…))``), else
    None."""
    if value.type != "call_expression":
        return None
    callee = value.child_by_field_name("function")
    args = _arguments(value)
    place = next((i for i, a in enumerate(args) if a.type == "identifier" and _text(a) == key), None)
    if callee is None or callee.type != "identifier" or place is None:
        return None
    binder = _function_named(_root(value), _text(callee))
    params = binder.child_by_field_name("parameters") if binder is not None else None
    if binder is None or params is None:
        return None
    names = [p.child_by_field_name("left") if p.type == "assignment_pattern" else p for p in params.named_children]
    named = names[place] if place < len(names) else None
    if named is None or named.type != "identifier":
        return None
    defaults = {_text(p.child_by_field_name("left")): namespace_of(p.child_by_field_name("right"))
                for p in params.named_children if p.type == "assignment_pattern"}
    param = _text(named)

    def held_namespace(node: Node | None) -> str | None:
        return namespace_of(node) or (defaults.get(_text(node)) if node is not None else None)
    return _indexed_by(binder, param, held_namespace)


def _root(node: Node) -> Node:
    while node.parent is not None:
        node = node.parent
    return node


def _function_named(root: Node, name: str) -> Node | None:
    """The function a top-level declaration of ``root`` names ``name`` (``function f() {}``, ``const f = () =>``)."""
    for node in root.named_children:
        if node.type == "function_declaration" and _text(node.child_by_field_name("name")) == name:
            return node
        if node.type in ("lexical_declaration", "variable_declaration"):
            for decl in node.named_children:
                value = decl.child_by_field_name("value")
                if _text(decl.child_by_field_name("name")) == name and value is not None and value.type in _FUNCTIONS:
                    return value
    return None


def _reduced_into(held: Node) -> str | None:
    """The name a ``reduce`` result is bound to when ``held`` is its callback's accumulator (``const apis =
    names.reduce((acc, name) => { acc[name] = …; return acc }, {})``), else None."""
    scope = held.parent
    while scope is not None and scope.type not in _FUNCTIONS:
        scope = scope.parent
    params = scope.child_by_field_name("parameters") if scope is not None else None
    first = params.named_children[0] if params is not None and params.named_children else None
    call = scope.parent.parent if scope is not None and scope.parent is not None else None
    if first is None or _text(first) != _text(held) or call is None or call.type != "call_expression" or \
            _callee_name(call) != "reduce":
        return None
    holder = call.parent
    if holder is not None and holder.type == "variable_declarator":
        return _text(holder.child_by_field_name("name")) or None
    if holder is not None and holder.type == "assignment_expression":
        return _text(holder.child_by_field_name("left")) or None
    return None


def promisified_api(value: Node | None, resolve: Resolve) -> str | None:
    """``wx.requestPayment`` of ``promisify(wx.requestPayment)``: one API a promisifying call wraps, else None."""
    if value is None or value.type != "call_expression" or not PROMISIFY.search(_callee_name(value)):
        return None
    args = _arguments(value)
    return resolve(args[0]) if args else None


def forwarding_exports(root: Node, held: dict[str, str], namespace_of: NamespaceOf, resolve: Resolve,
                       line: Callable[[Node], int]) -> dict[str, Export]:
    """What a module offers of such objects: ``{exported name: Export}`` — ``forwards`` the namespace for an
    object (``export default wxp``, ``module.exports = new Proxy(wx, …)``, ``export const $wx = …``,
    ``export { wxp }``), ``subjects`` the API for one promisified API. ``held`` are the file's names bound to
    forwarding objects (name → namespace)."""
    out: dict[str, Export] = {}
    for name, value in _exported_values(root):
        first = line(value)
        last = first + value.end_point[0] - value.start_point[0]
        space = held.get(_text(value)) if value.type == "identifier" else forwarded_namespace(value, namespace_of)
        if space is None and value.type == "object":
            space = held.get(name)  # export const wxp = {}, filled below: wxp[key] = …
        api = promisified_api(value, resolve) if space is None else None
        if space is not None:
            out[name] = Export((), first, last, forwards=space)
        elif api is not None:
            out[name] = Export((api,), first, last)
        else:
            for key, member, wrapped in _wrapped_members(_object_of(value, root), resolve):
                at = line(member)
                out[key] = out[f"{name}.{key}"] = Export((wrapped,), at,
                                                         at + member.end_point[0] - member.start_point[0])
    return out


def _object_of(value: Node, root: Node) -> Node | None:
    """The object literal an exported value is: itself, or the one a top-level declaration binds its name to
    (``const api = {…}; export default api``); else None."""
    if value.type == "object":
        return value
    if value.type != "identifier":
        return None
    for node in root.named_children:
        declaration = node.child_by_field_name("declaration") if node.type == "export_statement" else node
        if declaration is not None and declaration.type in ("lexical_declaration", "variable_declaration"):
            for decl in declaration.named_children:
                bound = decl.child_by_field_name("value")
                if _text(decl.child_by_field_name("name")) == _text(value) and bound is not None:
                    return bound if bound.type == "object" else None
    return None


def _wrapped_members(table: Node | None, resolve: Resolve) -> Iterator[tuple[str, Node, str]]:
    """(key, value, API) of each member of an object literal that holds one API, promisified or as it is — a
    table of wrapped methods (``{ uploadFile: promisify(wx.uploadFile), login: wx.login }``): calling the member
    calls that API, as :func:`promisified_api` says of one exported alone."""
    for item in table.named_children if table is not None else ():
        value = item.child_by_field_name("value") if item.type == "pair" else None
        if value is None:
            continue
        api = promisified_api(value, resolve) or (resolve(value) if value.type == "member_expression" else None)
        if api is not None:
            yield _text(item.child_by_field_name("key")).strip("'\""), value, api


def _exported_values(root: Node) -> Iterator[tuple[str, Node]]:
    """(exported name, value) of a module's top-level exports: ``default`` for ``export default x`` and
    ``module.exports = x``."""
    for node in root.named_children:
        if node.type == "export_statement":
            declaration, value = node.child_by_field_name("declaration"), node.child_by_field_name("value")
            if value is not None:
                yield "default", value
            elif declaration is not None and declaration.type in ("lexical_declaration", "variable_declaration"):
                for decl in declaration.named_children:
                    bound, init = decl.child_by_field_name("name"), decl.child_by_field_name("value")
                    if bound is not None and init is not None and bound.type == "identifier":
                        yield _text(bound), init
            for clause in (c for c in node.named_children if c.type == "export_clause"):
                for item in clause.named_children:
                    local = item.child_by_field_name("name")
                    if local is not None:
                        yield _text(item.child_by_field_name("alias")) or _text(local), local
        elif node.type == "expression_statement" and node.named_children and \
                node.named_children[0].type == "assignment_expression":
            expr = node.named_children[0]
            left, right = _text(expr.child_by_field_name("left")), expr.child_by_field_name("right")
            if right is not None and left in ("module.exports", "exports.default", "module.exports.default"):
                yield "default", right
            elif right is not None and left.startswith(("module.exports.", "exports.")):
                yield left.rsplit(".", 1)[-1], right
