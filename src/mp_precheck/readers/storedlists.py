"""Where a list a script builds lands in the page's data: the data key a template then shows.

A page often fills a list in code rather than writing it in ``data``: ``const list = []; for (…) list.push({ url:
'https://…' }); this.setData({ list })``, a function that builds and returns it (``buildList() { …; return list }``
with ``this.setData({ cards: this.buildList() })``), or one that maps another list (``return sizes.map((h) => ({
url: `https://…/${h}` }))``, ``Array.from({ length: 6 }, (_, i) => ({ … }))``). The item objects are then the
items of that data key, as if written in its array, so readers/shownfields.py can tell that the template shows
their ``url`` as a picture. A list read any other way (handed to a call, sent, kept in a module variable any file
may read) lands nowhere certain: "" is answered. Read with the tree-sitter tree; pure, nothing raises.
"""

from __future__ import annotations

from tree_sitter import Node

from mp_precheck.readers.syntax import FUNCTION_NODES, node_text, walk

ADDS = frozenset({"push", "unshift"})  # the array methods that add items: list.push(x) writes x into list
_MAPS = frozenset({"map", "from"})  # list.map(f) and Array.from(x, f): a new list of what f returns
_HOPS = 3  # functions followed from a list to the data it is stored in (a helper's result returned again)


def push_target(call: Node | None) -> Node | None:
    """The list a ``call`` adds items to (``this.slides`` of ``this.slides.push(…)``, ``list.unshift(…)``), or
    None."""
    fn = call.child_by_field_name("function") if call is not None and call.type == "call_expression" else None
    if fn is None or fn.type != "member_expression" or node_text(fn.child_by_field_name("property")) not in ADDS:
        return None
    return fn.child_by_field_name("object")


def in_set_data(obj: Node | None) -> bool:
    """Whether ``obj`` is the object a ``setData({…})`` call is handed."""
    call = obj.parent.parent if obj is not None and obj.type == "object" and obj.parent is not None else None
    fn = call.child_by_field_name("function") if call is not None and call.type == "call_expression" else None
    return fn is not None and fn.type == "member_expression" and node_text(fn.child_by_field_name("property")) == \
        "setData"


def stored_as(name: Node) -> str:
    """The data a local list is stored in whole (``shown`` of ``let list = []; list.push(…); this.shown = list``
    or ``this.setData({ shown: list })``, or the data key its function's result is stored in when it returns the
    list: :func:`_returned_into`) when the function that declares it does nothing else with it, else ""."""
    local = node_text(name)
    scope, declared = name.parent, list[Node]()
    while scope is not None and not declared:
        while scope is not None and scope.type not in FUNCTION_NODES:
            scope = scope.parent
        if scope is None:
            return ""  # a module's list: any file may read it
        declared = [n for n in walk(scope) if n.type == "variable_declarator" and
                    node_text(n.child_by_field_name("name")) == local]
        scope = scope if declared else scope.parent
    if scope is None or len(declared) != 1 or (declared[0].child_by_field_name("value") or name).type != "array":
        return ""
    stored: set[str] = set()
    for read in walk(scope):
        parent = read.parent
        if read.type not in ("identifier", "shorthand_property_identifier") or node_text(read) != local or \
                parent is None or parent == declared[0] or push_target(parent.parent) == read:
            continue
        if (key := _stored_value(read, scope)) is None:
            return ""  # read another way: handed to a call, sent
        stored.add(key)
    return next(iter(stored)) if len(stored) == 1 and "" not in stored else ""


def mapped_into(item: Node) -> str:
    """The data key the list holds whose items the object ``item`` is, returned by the function a ``map`` /
    ``Array.from`` call is handed (``sizes.map((h) => ({ url: … }))``), when that list is stored in data whole
    (directly, through a local, or as the result of the function returning it); else ""."""
    node = item
    while node.parent is not None and node.parent.type == "parenthesized_expression":
        node = node.parent
    arrow = node.parent
    if arrow is None or arrow.type != "arrow_function" or arrow.child_by_field_name("body") != node:
        return ""  # (…) => ({ … }) only: a body block may do anything with the item
    args = arrow.parent
    call = args.parent if args is not None and args.type == "arguments" else None
    fn = call.child_by_field_name("function") if call is not None and call.type == "call_expression" else None
    if call is None or fn is None or fn.type != "member_expression" or \
            node_text(fn.child_by_field_name("property")) not in _MAPS:
        return ""
    return _stored_value(call, _enclosing(call)) or ""


def _stored_value(value: Node, scope: Node | None, hops: int = 0) -> str | None:
    """Where ``value`` (read in the function ``scope``) goes whole: the data key a ``setData`` pair or a
    ``this.x =`` assignment stores it under, a local stored so (:func:`stored_as`), the key the function's result
    is stored under when it is returned; None when it goes elsewhere."""
    parent = value.parent
    if parent is None:
        return None
    if value.type == "shorthand_property_identifier" and in_set_data(parent):  # setData({ list })
        return node_text(value)
    if parent.type == "pair" and parent.child_by_field_name("value") == value and in_set_data(parent.parent):
        return node_text(parent.child_by_field_name("key")).strip("'\"")
    left = parent.child_by_field_name("left") if parent.type == "assignment_expression" and \
        parent.child_by_field_name("right") == value else None
    if left is not None and left.type == "member_expression":  # this.shown = list
        return node_text(left.child_by_field_name("property"))
    if parent.type == "variable_declarator" and parent.child_by_field_name("value") == value and \
            (name := parent.child_by_field_name("name")) is not None and name.type == "identifier":
        return _local_stored(name, scope, hops)
    if parent.type == "return_statement" and scope is not None and hops < _HOPS:
        return _returned_into(scope, hops + 1)
    return None


def _local_stored(name: Node, scope: Node | None, hops: int) -> str | None:
    """The data key a local holding a built list is stored under (each read of it stores it so)."""
    reads = [n for n in walk(scope) if n.type in ("identifier", "shorthand_property_identifier") and
             node_text(n) == node_text(name) and n.start_byte != name.start_byte] if scope is not None else []
    keys = {_stored_value(read, scope, hops + 1) if hops < _HOPS else None for read in reads}
    return next(iter(keys)) if len(keys) == 1 and None not in keys else None


def _returned_into(function: Node, hops: int) -> str | None:
    """The data key every call of ``function`` (a page method, a module function, one named by a ``const``) stores
    its result under: ``this.setData({ cards: this.build() })``, ``const cards = build(); this.setData({ cards })``."""
    name = _function_name(function)
    root = function
    while root.parent is not None:
        root = root.parent
    calls = [n for n in walk(root) if n.type == "call_expression" and _calls(n, name)] if name else []
    keys = {_stored_value(call, _enclosing(call), hops) for call in calls}
    return next(iter(keys)) if len(keys) == 1 and None not in keys else None


def _function_name(function: Node) -> str:
    holder = function.parent
    if function.type in ("method_definition", "function_declaration", "generator_function_declaration"):
        return node_text(function.child_by_field_name("name"))
    if holder is not None and holder.type == "pair" and holder.child_by_field_name("value") == function:
        return node_text(holder.child_by_field_name("key")).strip("'\"")
    if holder is not None and holder.type == "variable_declarator" and holder.child_by_field_name("value") == function:
        return node_text(holder.child_by_field_name("name"))
    return ""


def _calls(call: Node, name: str) -> bool:
    """Whether ``call`` calls the function ``name``: ``name()``, ``this.name()``, ``this.data.name()``."""
    fn = call.child_by_field_name("function")
    if fn is not None and fn.type == "identifier":
        return node_text(fn) == name
    return fn is not None and fn.type == "member_expression" and node_text(fn.child_by_field_name("property")) == \
        name and node_text(fn.child_by_field_name("object")) in ("this", "this.data", "that", "self", "_this")


def _enclosing(node: Node) -> Node | None:
    scope = node.parent
    while scope is not None and scope.type not in FUNCTION_NODES:
        scope = scope.parent
    return scope
