"""Branches a file's own switch turns off: ``let isProd = true; isProd = false`` then
``app_url: isProd ? 'https://api.example.com' : 'http://localhost:5000'``.

A module-level variable set to a boolean literal and never set again inside a function is a switch the developer
flips by hand before a build. The branch of an ``if`` or a ternary testing it (``isProd``, ``!isProd``) that its
final top-level value does not take holds a literal the build does not use: a host there is not a server the app
talks to, and flipping the switch makes it one. Only this narrow shape is judged; any other test keeps both
branches live.

A switch named for development (``let test = true`` under ``// true 开发环境， false 生产环境``, ``isDev``,
``debug``) is not such a switch: its test tells the development branch from the release one
(readers/devonly.py), whatever value the developer left it at. The development branch's host is a developer's
(``DEVELOPMENT``) and the release branch's host is the server the released app calls, so a new release host
behind a development flag left on is new, and flipping the flag alone adds no server.

In: the root of a parsed script, then a node below it. Out: the switches' final values by name; whether the
node sits in a branch they turn off. Server domains: https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html
"""

from __future__ import annotations

from tree_sitter import Language, Node

from mp_precheck.readers.devonly import dev_test
from mp_precheck.readers.syntax import node_text, nodes_of


def switches(root: Node, language: Language) -> dict[str, bool]:
    """``name → value`` of each top-level variable whose every assignment is a top-level ``true`` / ``false``
    (the last one wins, in source order; one set to a computed value, or inside a function, is no switch);
    ``language`` is the grammar ``root`` was parsed with."""
    values: dict[str, bool] = {}
    for statement in root.named_children:
        for name, value in _assignments(statement):
            values[name] = value
    if not values:
        return values  # most files: nothing more to read
    # set at run time (inside a function) or to a computed value: no switch
    computed = [n for n in nodes_of(root, language, ("assignment_expression",))
                if n.parent is None or n.parent.parent != root
                or (right := n.child_by_field_name("right")) is None or right.type not in ("true", "false")]
    unstable = {node_text(n.child_by_field_name("left")) for n in computed}
    return {name: value for name, value in values.items() if name not in unstable}


def switched_off(node: Node, flags: dict[str, bool]) -> bool:
    """Whether ``node`` sits in the branch of an ``if`` / ternary whose test is one of ``flags`` (or its
    negation) that the flag's value does not take; a flag named for development turns no branch off."""
    if not flags:
        return False
    child, current = node, node.parent
    while current is not None:
        if current.type in ("if_statement", "ternary_expression"):
            condition = current.child_by_field_name("condition")
            # a development flag's release branch is live whatever its value (see the module docstring)
            taken = _value(condition, flags) if condition is not None and dev_test(condition) is None else None
            if taken is not None and child in (current.child_by_field_name("consequence"),
                                               current.child_by_field_name("alternative")):
                return (child == current.child_by_field_name("consequence")) != taken
        child, current = current, current.parent
    return False


def _value(condition: Node, flags: dict[str, bool]) -> bool | None:
    while condition.type == "parenthesized_expression" and condition.named_children:
        condition = condition.named_children[0]
    if condition.type == "identifier":
        return flags.get(node_text(condition))
    if condition.type == "unary_expression" and node_text(condition.child_by_field_name("operator")) == "!":
        inner = condition.child_by_field_name("argument")
        value = _value(inner, flags) if inner is not None else None
        return None if value is None else not value
    return None


def _assignments(statement: Node) -> list[tuple[str, bool]]:
    """``(name, value)`` of a top-level ``let x = true`` / ``x = false`` statement."""
    found = []
    if statement.type in ("lexical_declaration", "variable_declaration"):
        for declarator in statement.named_children:
            name, value = declarator.child_by_field_name("name"), declarator.child_by_field_name("value")
            if name is not None and value is not None and name.type == "identifier" and value.type in ("true", "false"):
                found.append((node_text(name), value.type == "true"))
    elif statement.type == "expression_statement" and statement.named_children:
        expression = statement.named_children[0]
        left, right = expression.child_by_field_name("left"), expression.child_by_field_name("right")
        if expression.type == "assignment_expression" and left is not None and right is not None and \
                left.type == "identifier" and right.type in ("true", "false"):
            found.append((node_text(left), right.type == "true"))
    return found

