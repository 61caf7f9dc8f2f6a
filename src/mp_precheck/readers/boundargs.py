"""The object literal a call's argument holds when the argument is a local variable of the calling function.

An API module often builds a request's options first and passes them by name::

    notices(query, done) {
        var options = { url: 'notice/list', method: 'GET', data: query, success: done };
        this.send(options);
    }

``this.send(options)`` passes that object: a request helper that uploads only ``if (params.file)`` is called
without ``file``, as if the object were written in the call (readers/dispatch.py reads its keys). The object is
told only when nothing else in the function can change it: one declaration binds the name to an object literal
before the call, and every other mention of the name outside that declaration reads one of its members — no
assignment to it or to a member of it, no other call it is handed to (``Object.assign(options, extra)``).

In: an argument node. Out: the object literal it stands for, or None when that cannot be told.
"""

from __future__ import annotations

from tree_sitter import Node

from mp_precheck.readers.syntax import node_text, walk

_FUNCTIONS = ("arrow_function", "function_expression", "function", "generator_function", "function_declaration",
              "generator_function_declaration", "method_definition")
# A function longer than this is not searched: a bundle's wrapper function would be walked for every argument.
_MAX_FUNCTION_BYTES = 20_000


def bound_object(argument: Node) -> Node | None:
    """The object literal the identifier ``argument`` (an argument of a call) is bound to in the function that
    makes the call, when the function declares it once, before the call, and only reads its members elsewhere;
    else None (not an identifier, a parameter, a variable of an outer scope, or one the function changes)."""
    if argument.type != "identifier" or argument.parent is None or argument.parent.type != "arguments":
        return None
    scope: Node | None = argument.parent
    while scope is not None and scope.type not in _FUNCTIONS:
        scope = scope.parent
    if scope is None or scope.end_byte - scope.start_byte > _MAX_FUNCTION_BYTES:
        return None
    name = node_text(argument)
    declarators = [n for n in walk(scope) if n.type == "variable_declarator"
                   and node_text(n.child_by_field_name("name")) == name]
    value = declarators[0].child_by_field_name("value") if len(declarators) == 1 else None
    if value is None or value.type != "object" or declarators[0].end_byte > argument.start_byte:
        return None
    skipped = [declarators[0], scope.child_by_field_name("parameters")]  # a ``var`` may reuse a parameter's name
    for node in walk(scope):
        if node.type not in ("identifier", "shorthand_property_identifier") or node_text(node) != name or \
                node == argument or any(s is not None and s.start_byte <= node.start_byte < s.end_byte
                                        for s in skipped):
            continue
        if not _member_read(node):
            return None
    return value


def _member_read(node: Node) -> bool:
    """Whether ``node`` is the object of a member read (``options.url``), not the target of an assignment or an
    update (``options.file = path``, ``options.count++``)."""
    parent = node.parent
    if parent is None or parent.type != "member_expression" or parent.child_by_field_name("object") != node:
        return False
    holder = parent.parent
    if holder is None:
        return True
    if holder.type in ("assignment_expression", "augmented_assignment_expression") and \
            holder.child_by_field_name("left") == parent:
        return False
    return holder.type != "update_expression"
