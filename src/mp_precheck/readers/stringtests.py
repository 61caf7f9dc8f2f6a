"""The ``if`` statements and ternaries of a function that test a parameter's text or truthiness, read for
:mod:`mp_precheck.facts.branchtests`.

``if (url.indexOf('https://') == 0)``, ``else if (url.startsWith('/pages'))``, ``if (url == 'home' || url ==
'index')``, ``if (!asFile)``, ``asFile ? upload() : request()``, ``if (flag === true)``: each condition is read
as any of (all of) atoms on plain parameters — equal, starts with, contains, ends with a string literal; truthy;
equal to ``true`` / ``false`` / ``null`` / ``undefined`` / a number — and anything else in it (another variable, a
call) as an atom no argument decides. A parameter an inner function's own parameter shadows is not the function's.
A ternary whose two sides start on one line is not read: the calls are told apart by line only.

In: a function node, its ``if`` nodes in source order, how to turn a node into a line, and the (subject, line) of
the API calls it makes itself. Out: a :class:`~mp_precheck.facts.branchtests.StringTests`, empty when no ``if``
tests a parameter's text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tree_sitter import Node

from mp_precheck.facts.branchtests import UNKNOWN, Atom, Branch, StringTests
from mp_precheck.readers.dispatch import FUNCTION_TYPES, LITERAL_TYPES, chain_end, parameters, returns, shadowed
from mp_precheck.readers.syntax import node_text, string_value, walk

Condition = tuple[tuple[Atom, ...], ...]
_MOST_CLAUSES = 32  # a condition that spreads into more clauses is not read (``(a || b) && (c || d) && …``)
_METHODS = {"startsWith": "^", "includes": "*", "endsWith": "$"}
_EQUALITY = ("==", "===", "!=", "!==")


def string_tests(function: Node, statements: Sequence[Node], line: Callable[[Node], int],
                 calls: Sequence[tuple[str, int]]) -> StringTests:
    """The text tests of ``function``. In: the function node, ``statements`` (its ``if`` and ``case`` nodes in
    source order), ``line`` (node → 1-based line) and ``calls`` ((subject, line) of the API calls it makes itself).
    Out: its :class:`~mp_precheck.facts.branchtests.StringTests`; empty without a plain parameter, a call or a
    test of a parameter's text. Raises nothing. Doc: the helper chooses between ``wx.navigateTo``
    (https://developers.weixin.qq.com/miniprogram/dev/api/route/wx.navigateTo.html) and the calls review asks
    about, such as ``wx.navigateToMiniProgram``
    (https://developers.weixin.qq.com/miniprogram/dev/api/navigate/wx.navigateToMiniProgram.html)."""
    params = {name: index for name, (index, key) in parameters(function).items() if key is None}
    if not params or not calls:
        return StringTests()
    found: list[Branch] = []
    kept: list[Node] = []
    ternaries = [n for n in walk(function) if n.type == "ternary_expression"] \
        if len({subject for subject, _line in calls}) > 1 else []  # one API: a ternary cannot choose it
    for node in sorted([n for n in statements if n.type == "if_statement"] + ternaries, key=lambda n: n.start_byte):
        scope = {name: index for name, index in params.items() if not shadowed(node, function, name)}
        condition = _condition(node.child_by_field_name("condition"), scope)
        body, other = node.child_by_field_name("consequence"), node.child_by_field_name("alternative")
        if body is None or not any(atom != UNKNOWN for clause in condition for atom in clause):
            continue
        then, otherwise = _lines(body, line), _lines(other, line) if other is not None else (0, 0)
        if then[0] == otherwise[0]:  # ``if (a) f(); else g()``, ``a ? f() : g()``: one line, both sides
            continue
        if then[1] == otherwise[0]:  # ``} else {``, ``}) : g({``: the line is the else's
            then = (then[0], then[1] - 1)
        ends = chain_end(node) if returns(body) and _owner(node) == function else None
        parent, in_then = _parent(node, kept)
        found.append(Branch(line(node), condition, then, otherwise, _lines(ends, line)[1] if ends is not None else 0,
                            parent, in_then))
        kept.append(node)
    if not found:
        return StringTests()
    tested = {atom[0] for branch in found for clause in branch.condition for atom in clause}
    return StringTests(tuple(found), tuple(calls), tuple(sorted(_moved(function, params, line))),
                       tuple(d for d in _defaults(function) if d[0] in tested))


def _lines(node: Node, line: Callable[[Node], int]) -> tuple[int, int]:
    first = line(node)
    return first, first + node.end_point[0] - node.start_point[0]


def _parent(node: Node, kept: list[Node]) -> tuple[int, bool]:
    """(index in ``kept``, whether in its consequence) of the nearest ``if`` or ternary of ``kept`` around
    ``node``."""
    child, current = node, node.parent
    while current is not None:
        if current.type in ("if_statement", "ternary_expression") and current in kept:
            return kept.index(current), child == current.child_by_field_name("consequence")
        child, current = current, current.parent
    return -1, False


def _owner(node: Node) -> Node | None:
    """The function a ``return`` in ``node`` leaves."""
    current = node.parent
    while current is not None and current.type not in FUNCTION_TYPES:
        current = current.parent
    return current


def _moved(function: Node, params: dict[str, int], line: Callable[[Node], int]) -> set[tuple[int, int]]:
    """(argument index, line) of each assignment to a tested parameter (``url = url.replace(…)``)."""
    out: set[tuple[int, int]] = set()
    for node in walk(function):
        target = node.child_by_field_name("left") if node.type in (
            "assignment_expression", "augmented_assignment_expression") else \
            node.child_by_field_name("argument") if node.type == "update_expression" else None
        if target is not None and target.type == "identifier" and node_text(target) in params:
            out.add((params[node_text(target)], line(node)))
    return out


def _defaults(function: Node) -> list[tuple[int, str, str]]:
    """(argument index, kind, text) of each plain parameter's default value (``asFile = false``): a string
    (``=``; ``^`` a template string's start), another literal or an object / array (``:``, ``{}`` for both: truthy),
    ``?`` for anything else."""
    params = function.child_by_field_name("parameters")
    out: list[tuple[int, str, str]] = []
    nodes = params.named_children if params is not None else []
    for index, node in enumerate(n for n in nodes if n.type != "comment"):
        value = node.child_by_field_name("right") if node.type == "assignment_pattern" else \
            node.child_by_field_name("value") if node.type in ("required_parameter", "optional_parameter") else None
        if value is None:
            continue
        if value.type in ("string", "template_string") and (text := string_value(value)) is not None:
            out.append((index, "^" if any(c.type == "template_substitution" for c in value.children) else "=", text))
        else:
            literal = node_text(value) if value.type in LITERAL_TYPES else "{}" if value.type in ("object", "array") \
                else ""
            out.append((index, ":" if literal else "?", literal))
    return out


def _condition(node: Node | None, params: dict[str, int]) -> Condition:
    """``node`` as any of (all of) atoms; an unread part is :data:`UNKNOWN`."""
    while node is not None and node.type == "parenthesized_expression" and node.named_children:
        node = node.named_children[0]
    operator = node.child_by_field_name("operator") if node is not None else None
    kind = operator.type if operator is not None else ""
    if node is not None and node.type == "binary_expression" and kind in ("&&", "||"):
        left = _condition(node.child_by_field_name("left"), params)
        right = _condition(node.child_by_field_name("right"), params)
        joined = left + right if kind == "||" else tuple(a + b for a in left for b in right)
        return joined if len(joined) <= _MOST_CLAUSES else ((UNKNOWN,),)
    if node is not None and node.type == "unary_expression" and kind == "!":
        inner = _condition(node.child_by_field_name("argument"), params)
        single = inner[0][0] if len(inner) == 1 and len(inner[0]) == 1 else UNKNOWN
        return ((_negated(single),),)
    return ((_atom(node, params),),)


def _negated(atom: Atom) -> Atom:
    if atom == UNKNOWN:
        return atom
    return atom[0], atom[1][1:] if atom[1].startswith("!") else "!" + atom[1], atom[2]


def _atom(node: Node | None, params: dict[str, int]) -> Atom:
    """One test: ``p == 's'``, ``p.indexOf('s') == 0`` / ``!= -1`` / ``> -1`` / ``>= 0``, ``p.startsWith('s')``,
    ``p.includes('s')``, ``p.endsWith('s')``, ``p``, ``p === true`` / ``p == null`` / ``p !== 0`` (and their
    negations by operator)."""
    if node is None:
        return UNKNOWN
    if node.type == "identifier":
        return (params[node_text(node)], "t", "") if node_text(node) in params else UNKNOWN
    if node.type == "call_expression":
        method = _method(node, params)
        return (method[0], _METHODS[method[1]], method[2]) if method is not None and method[1] in _METHODS \
            else UNKNOWN
    operator = node.child_by_field_name("operator")
    left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
    if node.type != "binary_expression" or operator is None or left is None or right is None:
        return UNKNOWN
    op = operator.type
    if op in _EQUALITY and (left.type == "string" or left.type in LITERAL_TYPES):
        left, right = right, left  # 'home' == url, 0 === url.indexOf('/'), true === flag
    if left.type == "identifier" and node_text(left) in params and right.type == "string" and \
            op in _EQUALITY and (text := string_value(right)) is not None:
        return params[node_text(left)], "!=" if op in ("!=", "!==") else "=", text
    if left.type == "identifier" and node_text(left) in params and right.type in LITERAL_TYPES and op in _EQUALITY:
        return params[node_text(left)], ("!" if op.startswith("!") else "") + ("S" if len(op) == 3 else "L"), \
            node_text(right)
    method = _method(left, params)
    number = node_text(right).replace(" ", "")
    if method is None or method[1] != "indexOf":
        return UNKNOWN
    test = {("==", "0"): "^", ("===", "0"): "^", ("!=", "0"): "!^", ("!==", "0"): "!^",
            ("!=", "-1"): "*", ("!==", "-1"): "*", (">", "-1"): "*", (">=", "0"): "*",
            ("==", "-1"): "!*", ("===", "-1"): "!*", ("<", "0"): "!*"}.get((op, number))
    return (method[0], test, method[2]) if test is not None else UNKNOWN


def _method(node: Node, params: dict[str, int]) -> tuple[int, str, str] | None:
    """(argument index, method, string) of ``p.method('s')`` with ``p`` a plain parameter."""
    callee, arguments = node.child_by_field_name("function"), node.child_by_field_name("arguments")
    if node.type != "call_expression" or callee is None or callee.type != "member_expression" or arguments is None:
        return None
    obj, prop = callee.child_by_field_name("object"), callee.child_by_field_name("property")
    args = [a for a in arguments.named_children if a.type != "comment"]
    if obj is None or prop is None or obj.type != "identifier" or node_text(obj) not in params or len(args) != 1 \
            or args[0].type != "string" or (text := string_value(args[0])) is None:
        return None
    return params[node_text(obj)], node_text(prop), text
