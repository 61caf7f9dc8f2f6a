"""Functions of a file that hand back the API namespace: ``function getRuntime() { if (typeof wx !== 'undefined')
return wx; return globalThis.wx || null }``, called as ``const rt = getRuntime(); rt.cloud.uploadFile(…)``.

A module shared by the Mini Program and its unit tests (run under Node, where ``wx`` is not defined) reaches ``wx``
through such a getter; on the phone the call is ``wx.cloud.uploadFile`` as much as if it were spelt so
(https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/storage/uploadFile/client.uploadFile.html).
A getter is a function of the file (a declaration, or a name bound to a function expression or an arrow) without
parameters whose every ``return`` gives the namespace — by name, or read from the global object (``globalThis.wx``)
— or nothing (``null``, ``undefined``, a bare ``return``), at least one of them the namespace. A function that
returns anything else (a mock, a wrapper object) is no getter: what it returns is not known.

In: a file's nodes in source order, a test whether an expression is the namespace and the namespace's names
(``wx``, ``uni``…). Out: the getters' names.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from collections.abc import Set as AbstractSet

from tree_sitter import Node

from mp_precheck.readers.syntax import node_text

_FUNCTIONS = ("function_declaration", "function_expression", "arrow_function", "function")
_NOTHING = ("null", "undefined")
_GLOBALS = frozenset({"globalThis", "global", "window", "self"})
_WRAPPING = ("parenthesized_expression", "as_expression", "non_null_expression")


def namespace_getters(nodes: Iterable[Node], is_namespace: Callable[[Node], bool],
                      names: AbstractSet[str]) -> frozenset[str]:
    """Names of the functions among ``nodes`` (declarations and declarators) that hand back the namespace
    ``is_namespace`` recognises, or one of ``names`` read from the global object (see the module docstring).
    Never raises."""
    def kind(value: Node | None) -> str:
        return _kind(value, is_namespace, names)
    found: set[str] = set()
    function: Node | None
    for node in nodes:
        if node.type == "function_declaration":
            name, function = node.child_by_field_name("name"), node
        elif node.type == "variable_declarator":
            name, function = node.child_by_field_name("name"), node.child_by_field_name("value")
        else:
            continue
        if name is not None and name.type == "identifier" and function is not None and \
                function.type in _FUNCTIONS and _hands_back(function, kind):
            found.add(node_text(name))
    return frozenset(found)


def calls_getter(node: Node, getters: AbstractSet[str]) -> bool:
    """Whether ``node`` is a call of one of ``getters`` without arguments (``getRuntime()``)."""
    args = node.child_by_field_name("arguments") if node.type == "call_expression" else None
    return args is not None and not args.named_children and node_text(node.child_by_field_name("function")) in getters


def _hands_back(function: Node, kind: Callable[[Node | None], str]) -> bool:
    """Whether ``function`` takes no parameter and each value it returns is the namespace or nothing."""
    params = function.child_by_field_name("parameters")
    if (params is not None and params.named_children) or function.child_by_field_name("parameter") is not None:
        return False
    body = function.child_by_field_name("body")
    if body is None:
        return False
    values = [body] if body.type != "statement_block" else \
        [r.named_children[0] if r.named_children else None for r in returns(body)]
    kinds = [kind(value) for value in values]
    return "namespace" in kinds and all(kind in ("namespace", "nothing") for kind in kinds)


def returns(block: Node) -> list[Node]:
    """The ``return`` statements of a function body, not those of the functions nested in it."""
    out: list[Node] = []
    stack = list(block.named_children)
    while stack:
        node = stack.pop()
        if node.type == "return_statement":
            out.append(node)
        elif node.type not in _FUNCTIONS and node.type not in ("method_definition", "class_declaration"):
            stack.extend(node.named_children)
    return out


def _kind(value: Node | None, is_namespace: Callable[[Node], bool], names: AbstractSet[str]) -> str:
    """``namespace``, ``nothing`` or ``other`` for a returned expression (a fallback ``a || b`` or a choice
    ``c ? a : b`` is each side)."""
    while value is not None and value.type in _WRAPPING and value.named_children:
        value = value.named_children[0]
    if value is None or value.type in _NOTHING or node_text(value) == "undefined":
        return "nothing"
    sides = ("left", "right") if value.type == "binary_expression" and \
        node_text(value.child_by_field_name("operator")) in ("||", "??") else \
        ("consequence", "alternative") if value.type == "ternary_expression" else ()
    if sides:  # a fallback or a choice: each side is handed back
        kinds = {_kind(value.child_by_field_name(side), is_namespace, names) for side in sides}
        return "namespace" if "namespace" in kinds and kinds <= {"namespace", "nothing"} else "other"
    if is_namespace(value):
        return "namespace"
    holder = value.child_by_field_name("object") if value.type == "member_expression" else None
    if holder is not None and node_text(holder) in _GLOBALS:
        return "namespace" if node_text(value.child_by_field_name("property")) in names else "other"
    return "other"
