"""Action creators a Redux-style ``connect`` binds to a component's props: what ``this.props.addReview(form)`` calls.

A component wrapped by ``connect(mapState, mapDispatch)`` (react-redux, ``@tarojs/redux``, labrador-redux, as a
call or a ``@connect(…)`` decorator) receives the action creators ``mapDispatch`` names as props, bound to the
store's ``dispatch``: ``connect(mapState, { ...actions })``, ``{ addReview }``, ``{ submit: actions.addReview }``,
a function returning such an object (``dispatch => ({ submit: (d) => dispatch(addReview(d)) })``) or
``bindActionCreators(actions, dispatch)`` (https://react-redux.js.org/api/connect#mapdispatchtoprops-object--dispatch-props--object).
Calling the prop calls the imported action creator with the same arguments: read as a call of that import, the
wrapper follower (``facts/store.py``) and the analyzers see the page hand its data to the module whose request
posts it, as they do for ``actions.addReview(form)``.

In: the file's call nodes and variable declarators, its import bindings. Out: {callee: (module specifier,
exported name)}; a whole module bound (``{ ...actions }``) is keyed :data:`ANY` with an empty name, any prop
then being that module's export of the same name — except a parent's callback (``onSubmit``), which no action
creator is named like. Pure; never raises.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

from tree_sitter import Node

from mp_precheck.readers.specifiers import WHOLE, is_alias_candidate
from mp_precheck.readers.syntax import node_text, walk

ANY = "*"
PROPS = frozenset({"this.props", "props"})
_CONNECT = frozenset({"connect"})
_BIND_ALL = "bindActionCreators"
_FUNCTIONS = frozenset({"arrow_function", "function_expression", "function"})
Bound = dict[str, tuple[str, str]]
Call = tuple[str, str, int]  # (module specifier, exported name, line)
Imports = tuple[Mapping[str, str], Mapping[str, tuple[str, str]], Mapping[str, tuple[str, str]]]


def connected_calls(nodes: Sequence[Node], calls: Iterable[Node], imports: Imports,
                    line: Callable[[Node], int]) -> tuple[list[Call], list[Call]]:
    """(project calls, scoped calls) of the action creators ``calls`` reach through props connect binds, as
    ``FileFacts.imported_calls`` and ``FileFacts.scoped_calls`` spell them (a build alias's ``@actions/order`` is
    the fact store's to resolve: ``readers/specifiers.py``). ``nodes`` are the file's call expressions and variable
    declarators, ``imports`` its (whole-module imports, named imports, names bound to a scoped specifier)."""
    modules, named, scoped = imports
    aliases = {**modules, **{k: spec for k, (spec, name) in scoped.items() if name == WHOLE}}
    names = {**named, **{k: v for k, v in scoped.items() if v[1] != WHOLE}}
    bound = connections(nodes, aliases, names)
    found = [(*to, line(call)) for call in calls if bound and (fn := call.child_by_field_name("function")) is not None
             and (to := prop_call(node_text(fn), bound)) is not None]
    return [c for c in found if not is_alias_candidate(c[0])], [c for c in found if is_alias_candidate(c[0])]


def connections(nodes: Iterable[Node], aliases: Mapping[str, str], names: Mapping[str, tuple[str, str]]) -> Bound:
    """{callee: (specifier, exported name)} of the action creators the file's ``connect`` calls bind (module
    docstring), keyed by how the file calls them (``this.props.addReview``, ``props.addReview``, a local taken out
    of the props: ``addReview``), a whole module under :data:`ANY`; ``nodes`` are the file's call expressions and
    variable declarators, ``aliases`` its whole-module imports, ``names`` its named imports."""
    calls = [n for n in nodes if n.type == "call_expression"]
    declarators = [n for n in nodes if n.type == "variable_declarator" and n.child_by_field_name("name") is not None
                   and n.child_by_field_name("value") is not None]
    values = {node_text(name): value for d in declarators if (name := d.child_by_field_name("name")) is not None
              and (value := d.child_by_field_name("value")) is not None}
    props: Bound = {}
    for call in calls:
        fn, args = call.child_by_field_name("function"), call.child_by_field_name("arguments")
        given = args.named_children if args is not None else []
        if fn is not None and node_text(fn).rpartition(".")[2] in _CONNECT and len(given) >= 2:
            props.update(_bound(given[1], aliases, names, values, 2))
    out = {f"{holder}.{prop}": bound for prop, bound in props.items() if prop != ANY for holder in PROPS}
    out.update({ANY: props[ANY]} if ANY in props else {})
    return {**out, **_taken(declarators, out)} if out else {}


def prop_call(callee: str, bound: Mapping[str, tuple[str, str]]) -> tuple[str, str] | None:
    """(specifier, exported name) of the action creator a call of ``callee`` (``this.props.addReview``,
    ``props.addReview``, or a name a component took out of its props) calls, by :func:`connections`' ``bound``;
    None when it binds none."""
    if callee in bound and callee != ANY:
        return bound[callee]
    holder, _, prop = callee.rpartition(".")
    callback = prop.startswith("on") and prop[2:3].isupper()  # a parent's handler, not an action creator
    return (bound[ANY][0], prop) if ANY in bound and holder in PROPS and not callback else None


def _taken(declarators: Iterable[Node], bound: Mapping[str, tuple[str, str]]) -> Bound:
    """{local name: (specifier, exported name)} of the bound props a component takes out of its props
    (``const { addReview } = this.props``)."""
    out: Bound = {}
    for declarator in declarators:
        name, value = declarator.child_by_field_name("name"), declarator.child_by_field_name("value")
        if name is None or value is None or name.type != "object_pattern" or node_text(value) not in PROPS:
            continue
        for part in name.named_children:
            local = part.child_by_field_name("value") if part.type == "pair_pattern" else part
            key = part.child_by_field_name("key") if part.type == "pair_pattern" else part
            found = prop_call("this.props." + node_text(key), bound) if key is not None else None
            if found is not None and local is not None and local.type in ("identifier",
                                                                          "shorthand_property_identifier_pattern"):
                out[node_text(local)] = found
    return out


def _bound(node: Node, aliases: Mapping[str, str], names: Mapping[str, tuple[str, str]],
           values: Mapping[str, Node], depth: int) -> Bound:
    """What ``mapDispatch`` ``node`` binds: an object, a name of one, a function returning one, a module."""
    if node.type == "parenthesized_expression" and node.named_children:
        return _bound(node.named_children[0], aliases, names, values, depth)
    if node.type == "identifier":
        text = node_text(node)
        if text in aliases:
            return {ANY: (aliases[text], "")}
        held = values.get(text)
        return _bound(held, aliases, names, values, depth - 1) if held is not None and depth > 0 else {}
    if node.type == "object":
        return _members(node, aliases, names)
    if node.type == "call_expression" and node_text(node.child_by_field_name("function")).endswith(_BIND_ALL):
        args = node.child_by_field_name("arguments")
        first = args.named_children[0] if args is not None and args.named_children else None
        return _bound(first, aliases, names, values, depth) if first is not None else {}
    if node.type in _FUNCTIONS:
        body = node.child_by_field_name("body")
        if body is not None and body.type == "statement_block":
            returned = [r.named_children[0] for r in body.named_children if r.type == "return_statement"
                        and r.named_children]
            return _bound(returned[-1], aliases, names, values, depth) if returned else {}
        return _bound(body, aliases, names, values, depth) if body is not None else {}
    return {}


def _members(node: Node, aliases: Mapping[str, str], names: Mapping[str, tuple[str, str]]) -> Bound:
    """The props an object of action creators binds: spread modules, shorthand imports, pairs."""
    out: Bound = {}
    for part in node.named_children:
        if part.type == "spread_element" and part.named_children and node_text(part.named_children[0]) in aliases:
            out[ANY] = (aliases[node_text(part.named_children[0])], "")
        elif part.type == "shorthand_property_identifier" and node_text(part) in names:
            out[node_text(part)] = names[node_text(part)]
        elif part.type == "pair" and (key := part.child_by_field_name("key")) is not None:
            value = part.child_by_field_name("value")
            creator = _creator(value, aliases, names) if value is not None else None
            if creator is not None:
                out[node_text(key).strip("'\"")] = creator
    return out


def _creator(value: Node, aliases: Mapping[str, str], names: Mapping[str, tuple[str, str]]) -> tuple[str, str] | None:
    """(specifier, name) of the action creator a pair's value is (``addReview``, ``actions.addReview``) or
    dispatches (``(d) => dispatch(addReview(d))``)."""
    candidates = [value] if value.type in ("identifier", "member_expression") else \
        [c.child_by_field_name("function") for c in walk(value) if c.type == "call_expression"] \
        if value.type in _FUNCTIONS else []
    for callee in candidates:
        text = node_text(callee) if callee is not None else ""
        holder, _, name = text.rpartition(".")
        if not holder and text in names:
            return names[text]
        if holder in aliases and "." not in holder:
            return aliases[holder], name
    return None
