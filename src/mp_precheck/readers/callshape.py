"""The shape of a call: what tells the same call in two files apart from another call of the same API.

A page the change deletes and a page it adds may hold one call: the profile page rebuilt under a new name keeps
its ``getUserInfo() { wx.getUserProfile({ desc: "用于完善会员资料", … }) }`` while the rest of the page is
rewritten beyond git's rename threshold. The semantic diff (``core/retired.py``) then reads it as moved, not new,
when both have the same shape: the name of the function the call is in and what the call passes, as written —
whitespace, comments, commas and the bodies of callbacks (``success: (res) => {…}``) left out, strings compared
by value. A call with other options (another ``desc``, ``count: 9`` for ``count: 1``) or in another function
has another shape.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from tree_sitter import Node

from mp_precheck.core.digests import sha1
from mp_precheck.readers.scriptchecks import named_function
from mp_precheck.readers.syntax import node_text, string_value

_CALLBACKS = ("arrow_function", "function_expression", "function", "generator_function")
_SKIPPED = ("comment", ",", ";")
_NOTHING = sha1(b"(\x1f)").hexdigest()[:12]  # the digest of a call passing nothing: ``f()``


def call_shapes(calls: Iterable[Node], lines: Iterable[int], line: Callable[[Node], int]) -> dict[int, str]:
    """For the calls among ``calls`` (``call_expression`` nodes in source order) whose callee is on one of
    ``lines``: callee line → the call's shape (its function's name and a digest of its arguments); the first
    call whose callee is on a line gives that line's shape."""
    wanted = set(lines)
    out: dict[int, str] = {}
    for node in calls:
        callee = node.child_by_field_name("function")
        arguments = node.child_by_field_name("arguments")
        if callee is None or arguments is None or (at := line(callee)) not in wanted or at in out:
            continue
        written = "\x1f".join(_tokens(arguments)).encode("utf-8", "surrogatepass")
        out[at] = f"{named_function(node) or ''}:{sha1(written).hexdigest()[:12]}"
    return out


def passes_something(shape: str) -> bool:
    """Whether the call of ``shape`` (:func:`call_shapes`) passes arguments: two calls passing nothing
    (``wx.hideLoading()``) in functions of one name tell nothing of where the function came from."""
    return shape.rpartition(":")[2] != _NOTHING


def _tokens(node: Node) -> list[str]:
    """The tokens of ``node`` as written, in source order, a string by its value and a callback as one token.

    A loop over a stack, not a recursive generator: a call's arguments are ~20 tokens deep and a generator
    per level made this a tenth of a file's extraction."""
    out: list[str] = []
    stack = [node]
    while stack:
        current = stack.pop()
        kind = current.type
        if kind in _SKIPPED:
            continue
        if kind in _CALLBACKS:
            out.append("ƒ")
        elif kind == "method_definition":  # success(res) { … }
            out.append(node_text(current.child_by_field_name("name")) + "ƒ")
        elif kind == "string":
            out.append(repr(string_value(current)))
        elif current.child_count == 0:
            out.append((current.text or b"").decode("utf-8", "replace"))
        else:
            stack.extend(reversed(current.children))
    return out
