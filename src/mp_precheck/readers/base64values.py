"""Where a script's base64 of a file goes: the names that hold it and the script's own functions that give it back.

A page rarely sends the conversion's result where it made it. It keeps it in a name — ``const b = await
pathToBase64(p)``, ``res = await pathToBase64(p)`` on a name declared before, ``pathToBase64(p).then(b => …)``,
a ``readFile({ encoding: 'base64', success(res) {…} })`` callback's parameter, the receiver of a ``new Promise``
awaited where it is made and resolved with it (``const b = await new Promise(resolve => readFile({ …, success: res =>
resolve(res.data) }))``: a recording's file read before it is sent), an array it was pushed into — and
often hands it back from a helper of its own: a function that returns it, or one that returns a ``new Promise``
resolved with it (``const readAsBase64 = () => new Promise(resolve => readFile({ …, success: res =>
resolve(res.data) }))``, a component method ``encodeAll(paths)``). A call of such a helper — ``await readAsBase64()``,
``this.encodeAll(list).then(b => …)`` — holds base64 in turn. Conversions are those of
:func:`mp_precheck.readers.base64media.is_base64_call` and ``encoding: 'base64'`` reads.

In: the nodes of one parsed JS/TS script (tree-sitter). Out: a :class:`Base64Flow` — the names bound to base64
with the function each lives in, and the names of the script's functions that give base64 back. Never raises.
"""

from __future__ import annotations

from collections.abc import Iterable

from msgspec import Struct
from tree_sitter import Node

from mp_precheck.readers.base64media import is_base64_call, is_base64_option
from mp_precheck.readers.localcalls import SELF
from mp_precheck.readers.syntax import node_text

FUNCTIONS = frozenset({"function_declaration", "function_expression", "arrow_function", "method_definition",
                       "function", "generator_function_declaration"})
_CALLBACKS = frozenset({"success", "fail", "complete"})  # an API's callbacks: what they return goes nowhere
_ROUNDS = 4  # a helper resolved with an array a conversion's result was pushed into: four steps at most


class Base64Flow(Struct, frozen=True):
    """``bindings``: (name, the function it lives in — the whole file at top level) of each name holding base64;
    ``helpers``: names of the script's functions and methods that give base64 back; ``givers``: (start, end) bytes
    of every function that does, named or not (a ``.then`` callback whose result the next ``.then`` receives), and
    of every ``new Promise`` resolved with base64 that is awaited or chained where it is made, not returned
    (``const b = await new Promise(resolve => readFile({ …, success: res => resolve(res.data) }))``)."""

    bindings: tuple[tuple[str, Node], ...]
    helpers: frozenset[str]
    givers: frozenset[tuple[int, int]] = frozenset()

    def gives_base64(self, node: Node) -> bool:
        """Whether ``node`` is a conversion, a call of one of the script's base64 helpers (``readAsBase64()``,
        ``this.encodeAll(list)``) or a ``new Promise`` of the script resolved with base64 where it is made."""
        return is_base64_call(node) or helper_call(node, self.helpers) or \
            (node.type == "new_expression" and (node.start_byte, node.end_byte) in self.givers)

    def holds(self, node: Node) -> bool:
        """Whether the name ``node`` (an identifier) is bound to base64 where it is read."""
        name = node_text(node)
        return any(bound == name and within(node, scope) for bound, scope in self.bindings)


def base64_flow(nodes: list[Node]) -> Base64Flow:
    """The :class:`Base64Flow` of a script whose nodes are ``nodes`` (all of them, in document order)."""
    flow = Base64Flow((), frozenset())
    for _ in range(_ROUNDS):
        bindings = tuple(_bound(nodes, flow))
        givers = _givers(nodes, Base64Flow(bindings, flow.helpers, flow.givers))
        helpers = flow.helpers | {name for function in givers
                                  if function.type in FUNCTIONS and (name := function_name(function)) is not None}
        spans = flow.givers | {(f.start_byte, f.end_byte) for f in givers}
        if len(bindings) == len(flow.bindings) and helpers == flow.helpers and spans == flow.givers:
            break
        flow = Base64Flow(bindings, helpers, spans)
    return flow


def helper_call(node: Node, helpers: Iterable[str]) -> bool:
    """Whether ``node`` calls one of ``helpers`` by name: ``readAsBase64()``, ``this.encodeAll(a)``, ``that.f()``."""
    if node.type != "call_expression":
        return False
    parts = node_text(node.child_by_field_name("function")).split(".")
    return parts[-1] in helpers and (len(parts) == 1 or (len(parts) == 2 and parts[0] in SELF))


def _bound(nodes: list[Node], flow: Base64Flow) -> list[tuple[str, Node]]:
    """The bindings of base64 given what ``flow`` knows (see the module docstring)."""
    found: list[tuple[str, Node]] = []
    for node in nodes:
        if flow.gives_base64(node):
            found += _receivers(node)
        elif node.type == "call_expression" and node.parent is not None and _chained(node, flow):
            found += _then_receivers(node.parent)
        elif is_base64_option(node) and node.parent is not None:
            for option in node.parent.named_children:
                callback = option if option.type == "method_definition" else option.child_by_field_name("value")
                key = option.child_by_field_name("name" if option.type == "method_definition" else "key")
                if callback is not None and node_text(key).strip("'\"") == "success":
                    found += [(p, callback) for p in params(callback)]
        elif node.type == "call_expression" and (target := _pushed(node, flow)) is not None:
            found.append((node_text(target), declared_scope(target)))
    return found


def _receivers(call: Node) -> list[tuple[str, Node]]:
    """What receives a call's base64: the name it is declared or assigned to (``const b = await f()``, ``b =
    f()``), else the parameters of the callback its ``.then`` is given."""
    holder = call.parent
    if holder is not None and holder.type == "await_expression":
        holder = holder.parent
    if holder is None:
        return []
    if holder.type == "variable_declarator":
        name = holder.child_by_field_name("name")
        return [(node_text(name), scope_of(holder))] if name is not None and name.type == "identifier" else []
    if holder.type == "assignment_expression":
        left = holder.child_by_field_name("left")
        return [(node_text(left), declared_scope(left))] if left is not None and left.type == "identifier" else []
    return _then_receivers(holder)


def _then_receivers(holder: Node) -> list[tuple[str, Node]]:
    """The parameters of the callback ``holder.then(callback)`` is given (``holder`` being the member
    expression ``x.then``), else nothing."""
    if holder.type == "member_expression" and node_text(holder.child_by_field_name("property")) == "then" \
            and holder.parent is not None and holder.parent.type == "call_expression":
        callback = first_argument(holder.parent)
        return [(p, callback) for p in params(callback)] if callback is not None else []
    return []


def _chained(call: Node, flow: Base64Flow) -> bool:
    """Whether ``call`` is ``x.then(f)`` with ``f`` giving base64 back: the next ``.then`` receives it."""
    callee = call.child_by_field_name("function")
    if callee is None or callee.type != "member_expression" or \
            node_text(callee.child_by_field_name("property")) != "then":
        return False
    callback = first_argument(call)
    return callback is not None and (callback.start_byte, callback.end_byte) in flow.givers


def _pushed(call: Node, flow: Base64Flow) -> Node | None:
    """``list`` when ``call`` is ``list.push(v)`` with ``v`` holding base64, else None."""
    callee = call.child_by_field_name("function")
    if callee is None or callee.type != "member_expression" or \
            node_text(callee.child_by_field_name("property")) not in ("push", "unshift"):
        return None
    target = callee.child_by_field_name("object")
    argument = first_argument(call)
    carried = target is not None and target.type == "identifier" and argument is not None and _carries(argument, flow)
    return target if carried else None


def _givers(nodes: list[Node], flow: Base64Flow) -> list[Node]:
    """The functions that give base64 back: ``return v``, an arrow's expression body, or ``resolve(v)`` of a
    ``new Promise`` they return, with ``v`` holding base64; and each ``new Promise`` resolved so that is not
    returned (awaited where it is made: its receiver holds the base64)."""
    found: list[Node] = []
    for node in nodes:
        value: Node | None
        if node.type == "return_statement" and node.named_children:
            value, function = node.named_children[0], scope_of(node)
        elif node.type == "arrow_function" and (body := node.child_by_field_name("body")) is not None \
                and body.type != "statement_block":
            value, function = body, node
        elif node.type == "call_expression" and (promise := _promise(node)) is not None:
            # a promise its function returns is that function's result; one awaited where it is made is a value
            value, function = first_argument(node), scope_of(promise) if _returned(promise) else promise
        else:
            continue
        if value is not None and (function.type in FUNCTIONS or function.type == "new_expression") \
                and _carries(value, flow):
            found.append(function)
    return found


def _returned(value: Node) -> bool:
    """Whether ``value`` is what the function around it gives back: ``return v``, an arrow's body ``() => v``
    (``await`` and parentheses between)."""
    current = value
    while current.parent is not None and current.parent.type in ("await_expression", "parenthesized_expression"):
        current = current.parent
    holder = current.parent
    return holder is not None and (holder.type == "return_statement" or (
        holder.type == "arrow_function" and holder.child_by_field_name("body") == current))


def _promise(call: Node) -> Node | None:
    """The ``new Promise(…)`` whose ``resolve`` ``call`` calls, else None."""
    callee = call.child_by_field_name("function")
    if callee is None or callee.type != "identifier":
        return None
    name = node_text(callee)
    current = call.parent
    while current is not None:
        if current.type in FUNCTIONS:
            made = current.parent.parent if current.parent is not None else None
            if made is not None and made.type == "new_expression" and \
                    node_text(made.child_by_field_name("constructor")) == "Promise":
                return made if params(current)[:1] == [name] else None
        current = current.parent
    return None


def _carries(value: Node, flow: Base64Flow) -> bool:
    """Whether ``value`` holds base64, outside any function in it (``res.data``, ``list[0]``, ``await f()``,
    ``'data:image/png;base64,' + b``)."""
    stack = [value]
    while stack:
        node = stack.pop()
        if flow.gives_base64(node) or (node.type == "identifier" and flow.holds(node)):
            return True
        if node is value or node.type not in FUNCTIONS:
            stack.extend(node.children)
    return False


def function_name(function: Node) -> str | None:
    """The name a function is called by: a declaration's or method's own, or the variable or key holding it; None
    for an API's callback (``success: res => …``)."""
    own = function.child_by_field_name("name")
    if own is not None and function.type in ("function_declaration", "method_definition",
                                             "generator_function_declaration"):
        return node_text(own)
    holder = function.parent
    if holder is not None and holder.type == "variable_declarator":
        name = holder.child_by_field_name("name")
        return node_text(name) if name is not None and name.type == "identifier" else None
    if holder is not None and holder.type == "pair":
        key = node_text(holder.child_by_field_name("key")).strip("'\"")
        return None if key in _CALLBACKS else key
    return None


def scope_of(node: Node) -> Node:
    """The function ``node`` is in, else the whole file."""
    current = node.parent
    while current is not None and current.type not in FUNCTIONS and current.parent is not None:
        current = current.parent
    return current if current is not None else node


def declared_scope(name: Node) -> Node:
    """The innermost function around the identifier ``name`` that declares it (a variable or a parameter),
    else the function ``name`` is in."""
    text = node_text(name)
    current = scope_of(name)
    while current.type in FUNCTIONS:
        if text in params(current) or any(_declares(n, text) for n in _own_nodes(current)):
            return current
        current = scope_of(current)
    return current  # declared at the top of the module, or nowhere: the whole file


def _declares(node: Node, name: str) -> bool:
    if node.type != "variable_declarator":
        return False
    declared = node.child_by_field_name("name")
    return declared is not None and declared.type == "identifier" and node_text(declared) == name


def _own_nodes(function: Node) -> list[Node]:
    """The nodes of ``function``'s body, not entering the functions inside it."""
    found: list[Node] = []
    stack = list(function.children)
    while stack:
        node = stack.pop()
        found.append(node)
        if node.type not in FUNCTIONS:
            stack.extend(node.children)
    return found


def within(node: Node, scope: Node) -> bool:
    """Whether ``node`` lies inside ``scope``."""
    return scope.start_byte <= node.start_byte and node.end_byte <= scope.end_byte


def first_argument(call: Node) -> Node | None:
    """A call's first argument, else None."""
    arguments = call.child_by_field_name("arguments")
    return arguments.named_children[0] if arguments is not None and arguments.named_children else None


def params(function: Node) -> list[str]:
    """The plain names a function takes (``b`` of ``b => …``, ``(res, i)``, TypeScript's ``(b: string)``)."""
    taken = function.child_by_field_name("parameters") or function.child_by_field_name("parameter")
    if taken is None:
        return []
    if taken.type == "identifier":
        return [node_text(taken)]
    names = []
    for param in taken.named_children:
        target = param.child_by_field_name("pattern") if param.type.endswith("_parameter") else param
        if target is not None and target.type == "assignment_pattern":
            target = target.child_by_field_name("left")
        if target is not None and target.type == "identifier":
            names.append(node_text(target))
    return names
