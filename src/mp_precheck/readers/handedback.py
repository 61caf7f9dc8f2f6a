"""What a hook or factory hands back: the APIs a function calls only inside the functions it returns.

``export default function useLocator() { const locate = async () => Taro.getLocation(…); return { locate } }``
(a React or Taro hook, a Vue composable, a plain factory ``createApi()``) makes no call when it is called: it
defines ``locate`` and hands it back, and the caller runs it later (``const { locate } = useLocator()``). The
module asks for the data where its returned function calls the API, as a tracker's ``init()`` asks through the
module's other functions — one use, told once where the module calls it
(https://developers.weixin.qq.com/miniprogram/dev/framework/user-privacy/miniprogram-intro.html: a privacy
API's use is declared once per purpose). A function whose own path makes the call — a promise wrapper
(``return new Promise((r) => wx.getLocation({ success: r }))``), a hook that reads the position as it mounts
(``useEffect(() => { locate() }, [])``) — asks when it is called: not handed back.

In: a function node, the 1-based lines of its calls of each subject, how to turn a node into a line. Out: the
subjects every call of which lies in a function the function hands back (or in another function it defines),
where the function's own statements never name those inner functions. Nothing raises.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from tree_sitter import Node

from mp_precheck.readers.syntax import node_text as _text
from mp_precheck.readers.syntax import walk

_FUNCTIONS = ("arrow_function", "function_expression", "function", "generator_function")
_DECLARATIONS = ("function_declaration", "generator_function_declaration")
# Calls that return the function they are given, run later (React's useCallback, ahooks' useMemoizedFn, lodash's
# debounce and throttle): the name bound to them is that function.
_DEFERRING = frozenset({"useCallback", "useMemoizedFn", "useEvent", "useEffectEvent", "debounce", "throttle"})
_WRAPPED = ("parenthesized_expression", "as_expression", "satisfies_expression", "non_null_expression")


def handed_back(function: Node, calls: Mapping[str, list[int]], line: Callable[[Node], int]) -> tuple[str, ...]:
    """The subjects of ``calls`` (subject → 1-based lines of the calls ``function`` makes of it) each of whose
    calls is in a function ``function`` hands back — an inner function named in what it returns (``return {
    locate, state }``, ``return [locate]``, ``return locate``), a function written in the returned value
    (``return { locate() { … } }``) — or in another inner function (``const reverse = …`` only ``locate``
    calls); none when a statement of ``function``'s own but its ``return`` names an inner function
    (``useEffect(locate, [])``, ``locate()`` as it runs)."""
    body = function.child_by_field_name("body")
    if body is None or not calls:
        return ()
    statements = body.named_children if body.type == "statement_block" else []
    returned = [s.named_children[0] for s in statements if s.type == "return_statement" and s.named_children] \
        if body.type == "statement_block" else [body]
    inner = dict(_inner(statements))
    handed = [fn for value in returned for fn in _handed(value, inner)]
    spans = [(line(fn), line(fn) + fn.end_point[0] - fn.start_point[0]) for fn in (*inner.values(), *handed)]
    found = tuple(sorted(subject for subject, lines in calls.items() if handed and lines and all(
        any(first <= n <= last for first, last in spans) for n in lines)))
    own = [s for s in statements if s.type != "return_statement" and not _declares_only(s, inner)] if found else []
    return () if any(node.type == "identifier" and _text(node) in inner for s in own for node in walk(s)) else found


def _inner(statements: list[Node]) -> Iterator[tuple[str, Node]]:
    """(name, function) of each function a body's own statements declare or bind (``const f = useCallback(…)``)."""
    for statement in statements:
        if statement.type in _DECLARATIONS and (name := statement.child_by_field_name("name")) is not None:
            yield _text(name), statement
        elif statement.type in ("lexical_declaration", "variable_declaration"):
            for declarator in statement.named_children:
                name, value = declarator.child_by_field_name("name"), declarator.child_by_field_name("value")
                function = _function(value)
                if name is not None and name.type == "identifier" and function is not None:
                    yield _text(name), function


def _function(value: Node | None) -> Node | None:
    """The function ``value`` is, or the one a deferring call returns (``useCallback(async () => …, [])``)."""
    while value is not None and value.type in _WRAPPED and value.named_children:
        value = value.named_children[0]
    if value is None:
        return None
    if value.type in _FUNCTIONS:
        return value
    callee = value.child_by_field_name("function") if value.type == "call_expression" else None
    args = value.child_by_field_name("arguments") if callee is not None else None
    if callee is None or args is None or _text(callee).rpartition(".")[2] not in _DEFERRING:
        return None
    return next((a for a in args.named_children if a.type in _FUNCTIONS), None)


def _handed(value: Node, inner: dict[str, Node], depth: int = 2) -> Iterator[Node]:
    """The functions a returned value hands back: itself, an inner function it names, the functions and inner
    functions of an object literal's members or an array's elements, and of an object or array among those (a
    hook's ``[value, { set, get }]`` pair: two levels, as far as a caller's destructuring reaches in practice)."""
    while value.type in _WRAPPED and value.named_children:
        value = value.named_children[0]
    if value.type in ("object", "array"):
        for item in value.named_children:
            if item.type in ("object", "array") and depth > 1:
                yield from _handed(item, inner, depth - 1)
            elif item.type == "method_definition":
                yield item
            elif item.type in ("shorthand_property_identifier", "identifier") and _text(item) in inner:
                yield inner[_text(item)]
            elif item.type == "pair" and (held := item.child_by_field_name("value")) is not None:
                found = inner.get(_text(held)) if held.type == "identifier" else _function(held)
                if found is not None:
                    yield found
            elif (found := _function(item)) is not None:
                yield found
    elif value.type == "identifier" and _text(value) in inner:
        yield inner[_text(value)]
    elif (found := _function(value)) is not None:
        yield found


def _declares_only(statement: Node, inner: dict[str, Node]) -> bool:
    """Whether ``statement`` only declares inner functions (its names there are their own, not uses)."""
    if statement.type in _DECLARATIONS:
        return True
    if statement.type not in ("lexical_declaration", "variable_declaration"):
        return False
    return all(d.type == "variable_declarator" and _text(d.child_by_field_name("name")) in inner
               and _function(d.child_by_field_name("value")) is not None for d in statement.named_children)
