"""Values that come to hold a picked photo after they are made: a local filled in later, the items of a list.

A page often builds what it sends before the photo is in it — ``let obj = { photos: [] }`` — and fills it in a
loop over the photos it keeps: ``this.photos.forEach(p => obj.photos.push({ photo: p }))``. The object then
carries the photo to ``request({ data: obj })`` as much as one written with it. readers/statemedia.py follows
these steps with the two readings here; it decides what holds the photo, they only say where a value goes.

In: tree-sitter nodes of one script. Out: for a call or an assignment, the local it fills (its name node) and the
values it puts in (:func:`filled_local`); for a loop call, the list it walks and the callback's item
(:func:`each_item`).
"""

from __future__ import annotations

from tree_sitter import Node

from mp_precheck.readers.base64values import FUNCTIONS, params
from mp_precheck.readers.localcalls import SELF
from mp_precheck.readers.syntax import node_text

ADDERS = frozenset({"push", "unshift"})  # Array.prototype methods that put their arguments in the array
_WALKERS = frozenset({"forEach", "map"})  # Array.prototype methods that hand each item to their callback


def added(call: Node) -> tuple[Node, list[Node]] | None:
    """(array, values) of ``array.push(v, …)`` / ``array.unshift(v)``; None for any other call."""
    callee, arguments = call.child_by_field_name("function"), call.child_by_field_name("arguments")
    if call.type != "call_expression" or callee is None or callee.type != "member_expression" or arguments is None \
            or node_text(callee.child_by_field_name("property")) not in ADDERS:
        return None
    array = callee.child_by_field_name("object")
    return (array, list(arguments.named_children)) if array is not None else None


def filled_local(node: Node) -> tuple[Node, list[Node]] | None:
    """(the local's name node, values put in) of a local the node fills after making it: ``obj.photos.push(v)``,
    ``list.push(v)``, ``body.image = v``; None for anything else (a component's own state is not a local). The
    scope declaring it is :func:`~.base64values.declared_scope` of the name node, asked only where it matters: a
    minified file holds tens of thousands of such nodes."""
    if node.type == "assignment_expression":
        left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
        target, values = (left, [right]) if left is not None and left.type == "member_expression" and right \
            is not None else (None, [])
    else:
        found = added(node)
        target, values = found if found is not None else (None, [])
    root = target
    while root is not None and root.type in ("member_expression", "subscript_expression"):
        root = root.child_by_field_name("object")
    if root is None or root.type != "identifier" or node_text(root) in SELF or not values:
        return None
    return root, values


def each_item(call: Node) -> tuple[Node, str, Node] | None:
    """(list, item name, callback) of ``list.forEach(item => …)`` / ``list.map(function (item) { … })``; None
    for any other call."""
    callee, arguments = call.child_by_field_name("function"), call.child_by_field_name("arguments")
    if call.type != "call_expression" or callee is None or callee.type != "member_expression" or arguments is None \
            or node_text(callee.child_by_field_name("property")) not in _WALKERS or not arguments.named_children:
        return None
    walked, callback = callee.child_by_field_name("object"), arguments.named_children[0]
    taken = params(callback) if callback.type in FUNCTIONS else []
    return (walked, taken[0], callback) if walked is not None and taken else None
