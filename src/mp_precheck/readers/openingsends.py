"""Calls a page makes as it opens, not when its user acts: nothing the user typed goes out with them.

A request inside a lifecycle hook that runs when a page or component opens (``onLoad``, ``onShow``, ``created``,
``mounted``, ``attached``, ``useEffect``; a Vue 3 or Taro hook registered as ``onLoad(() => …)``: the opening
hooks of readers/openinghooks.py, https://developers.weixin.qq.com/miniprogram/dev/reference/api/Page.html) loads
what the page shows; a question the user types leaves with a request a tap or a submit starts. ``setup`` is no
such hook here: a composition-API component defines its tap handlers inside it.

In: a script's text and path (a single-file component's ``<script>`` blocks are read), 1-based lines of the file.
Out: those of the lines whose call is made inside an opening hook. Never raises.
"""

from __future__ import annotations

from collections.abc import Collection

from tree_sitter import Node

from mp_precheck.readers.openinghooks import OPENING, REGISTERED
from mp_precheck.readers.sfc import script_units
from mp_precheck.readers.syntax import language_for, node_text, nodes_of, parse

_OPENING = (OPENING | frozenset(REGISTERED)) - {"setup"}
_FUNCTIONS = frozenset({"function_expression", "function", "arrow_function", "generator_function"})


def opening_lines(source: str, path: str, lines: Collection[int]) -> set[int]:
    """The lines of ``lines`` whose call in the script ``source`` at ``path`` sits inside an opening hook."""
    out: set[int] = set()
    for text, name, offset in script_units(source, path):
        language = language_for(name)
        root = parse(language, text.encode("utf-8", "surrogatepass")).root_node
        for call in nodes_of(root, language, ("call_expression",)):
            line = call.start_point[0] + 1 + offset
            if line in lines and line not in out and _in_opening_hook(call):
                out.add(line)
    return out


def _in_opening_hook(node: Node) -> bool:
    """Whether an ancestor of ``node`` is an opening hook: a method, a key's function or a named function of
    that name, or a function handed to a call of one (``onLoad(() => …)``, ``useEffect(() => …)``)."""
    current = node.parent
    while current is not None:
        name = _defined_name(current)
        if name is not None and name in _OPENING:
            return True
        current = current.parent
    return False


def _defined_name(node: Node) -> str | None:
    """The name ``node`` defines a function under, or the hook a function it is handed to registers; else None."""
    kind = node.type
    if kind in ("method_definition", "function_declaration"):
        named = node.child_by_field_name("name")
        return node_text(named) if named is not None else None
    if kind in ("pair", "variable_declarator"):
        key = node.child_by_field_name("key") or node.child_by_field_name("name")
        value = node.child_by_field_name("value")
        return node_text(key).strip("'\"") if key is not None and value is not None and value.type in _FUNCTIONS \
            else None
    if kind == "call_expression":
        callee = node.child_by_field_name("function")
        arguments = node.child_by_field_name("arguments")
        handed = arguments is not None and any(a.type in _FUNCTIONS for a in arguments.named_children)
        return node_text(callee).rpartition(".")[2] if callee is not None and handed else None
    return None
