"""Which users a statement under a test of a granted scope runs for: those who granted it, or those who did not.

``wx.getSetting`` hands back ``res.authSetting['scope.userInfo']`` — true once the user granted the profile
(https://developers.weixin.qq.com/miniprogram/dev/api/open-api/setting/AuthSetting.html). A launch hook that tests
it sends one kind of user one way and the other kind the other way: the redirect under
``if (!res.authSetting['scope.userInfo'])`` (or in the ``else`` of the plain test) meets every user who has not
granted it — a gate; the ``wx.switchTab`` to the home tab in the branch of the plain test meets only users who
have — the way into the content, no gate. The test is read with tree-sitter: ``!``, ``=== false`` / ``!= true``
(``undefined``, ``null`` alike), ``&&`` (one granted operand lets only granters through) and ``||`` (one denying
operand lets non-granters through); a test read no other way may let users without the scope through.

In: the node of the statement or call, the scope's name.
Out: True when it may run for users without the scope, False when only for users with it, None when no test of
the scope is around it. Never raises.
"""

from __future__ import annotations

from tree_sitter import Node

from mp_precheck.readers.syntax import node_text

_FALSY = frozenset({"false", "undefined", "null", "0"})
_GRANTED, _DENIED = True, False  # what the consequence of a test means of its users


def without_scope(node: Node, scope: str = "scope.userInfo") -> bool | None:
    """Whether ``node`` runs for users who did not grant ``scope`` (True: or the test cannot be read), only for
    those who did (False), or no test of the scope is around it (None): decided by the innermost ``if`` around
    ``node`` whose test reads the scope of ``authSetting``."""
    child, parent = node, node.parent
    while parent is not None:
        condition = parent.child_by_field_name("condition") if parent.type == "if_statement" else None
        if condition is not None and child != condition and _mentions(condition, scope):
            meaning = _meaning(condition, scope)
            if meaning is None:
                return True  # a test it cannot read may let users without the scope through
            in_else = child == parent.child_by_field_name("alternative")
            return meaning == _GRANTED if in_else else meaning == _DENIED
        child, parent = parent, parent.parent
    return None


def _mentions(node: Node, scope: str) -> bool:
    text = node_text(node)
    return "authSetting" in text and scope in text


def _meaning(node: Node, scope: str) -> bool | None:
    """What the test ``node`` being true says of the user: granted (True), not granted (False), unknown (None)."""
    if node.type == "parenthesized_expression" and node.named_children:
        return _meaning(node.named_children[-1], scope)
    if node.type in ("subscript_expression", "member_expression"):
        return _GRANTED if _mentions(node, scope) else None
    if node.type == "unary_expression" and node_text(node.child_by_field_name("operator")) == "!":
        inner = node.child_by_field_name("argument")
        meaning = _meaning(inner, scope) if inner is not None else None
        return None if meaning is None else not meaning
    if node.type != "binary_expression":
        return None
    operator = node_text(node.child_by_field_name("operator"))
    left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
    if left is None or right is None:
        return None
    if operator in ("&&", "||"):
        meanings = [_meaning(side, scope) for side in (left, right) if _mentions(side, scope)]
        wanted = _GRANTED if operator == "&&" else _DENIED
        return wanted if wanted in meanings else None
    return _compared(operator, left, right, scope)


def _compared(operator: str, left: Node, right: Node, scope: str) -> bool | None:
    """``res.authSetting[scope] === false`` and its kin: the scope tested against a literal."""
    tested, literal = (left, right) if _mentions(left, scope) else (right, left)
    value = node_text(literal)
    if not _mentions(tested, scope) or value not in (*_FALSY, "true"):
        return None
    truthy = value == "true"
    if operator in ("==", "==="):
        return _GRANTED if truthy else _DENIED
    if operator in ("!=", "!=="):
        return _DENIED if truthy else _GRANTED
    return None
