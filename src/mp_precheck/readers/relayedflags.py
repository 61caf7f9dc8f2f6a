"""The flag a thin function hands on to a sibling that chooses its API by it: the thin function's own flag.

An API module's ``request(url, options, asFile)`` uploads only ``if (asFile)`` and requests otherwise; its exported
``post(url, data, asFile) { return request(url, { method: 'POST', data }, asFile) }`` calls no API itself. A page
calling ``http.post('/orders', order)`` leaves the flag out and sends a request; ``http.post('/photos', form, true)``
uploads, and a reviewer tests that upload where the page sends the file
(https://developers.weixin.qq.com/miniprogram/dev/api/network/upload/wx.uploadFile.html). So where a thin function
passes one of its own parameters at an argument the sibling's calls depend on, it has the flag itself, at that
parameter's index: what its sibling calls reach when the parameter is set, and when it is not.

In: the thin function, the (sibling, arguments) of each sibling call it makes (None: the sibling is handed on, not
called), ``reached(sibling, tokens)`` — what a call passing those :data:`~mp_precheck.facts.model.ARG` tokens reaches
of it, all it reaches for None — and ``keys(sibling, index)``, the option keys the sibling's flags read on an
argument. Out: ``Export.flags`` entries ``(index, key, subjects when set, subjects when not)``; key ``""`` is the
argument itself (``facts/model.py`` ``flag_state``). Raises nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tree_sitter import Node

from mp_precheck.facts.model import ARG
from mp_precheck.readers.dispatch import parameters, passed, shadowed
from mp_precheck.readers.syntax import node_text, walk

Flag = tuple[int, str, tuple[str, ...], tuple[str, ...]]
Reached = Callable[[Node, tuple[str, ...] | None], set[str]]
_FALSY = ("false", "null", "undefined", "number", "string")  # a default these may be falsy (checked below)


def relayed_flags(function: Node, calls: Sequence[tuple[Node, list[Node] | None]], reached: Reached,
                  keys: Callable[[Node, int], Sequence[str]]) -> tuple[Flag, ...]:
    """The flags ``function`` relays to the siblings it calls (see the module docstring), in the order its
    parameters are first handed on; only those whose sides reach different subjects."""
    params = {name: at for name, at in parameters(function).items() if _left_out_unset(function, *at)}
    params = {name: at for name, at in params.items() if name not in _assigned(function)} if params else params
    handed: list[dict[int, tuple[int, str | None]]] = []  # per call: sibling argument index → parameter
    candidates: dict[tuple[int, str], None] = {}
    for sibling, args in calls:
        found: dict[int, tuple[int, str | None]] = {}
        for at, arg in enumerate(args or ()):
            name = node_text(arg) if arg.type == "identifier" else ""
            if name in params and not shadowed(arg, function, name):
                found[at] = index, key = params[name]
                candidates.update({(index, key or ""): None})
                candidates.update({(index, k): None for k in (keys(sibling, at) if key is None else ())})
        handed.append(found)
    out: list[Flag] = []
    for index, key in candidates:
        when_set, when_unset = (tuple(sorted(set[str]().union(*(
            reached(sibling, None if args is None else passed(args) + _tokens(found, index, key, state))
            for (sibling, args), found in zip(calls, handed, strict=True))))) for state in (True, False))
        if when_set != when_unset:
            out.append((index, key, when_set, when_unset))
    return tuple(out)


def _tokens(found: dict[int, tuple[int, str | None]], index: int, key: str, state: bool) -> tuple[str, ...]:
    """The tokens a call gets where it hands on the parameter ``index`` and the flag ``key`` is ``state``."""
    out: list[str] = []
    for at, (param, own) in found.items():
        if param != index or (own is not None and own != key):
            continue
        if own is None and key:  # the options object handed on whole: the key set, or left out
            out += [f"{ARG}{at}", *([f"{ARG}{at}.{key}"] if state else [])]
        else:  # the flag itself, or the key destructured from the options
            out.append(f"{ARG}{at}:{'true' if state else 'false'}")
    return tuple(out)


def _left_out_unset(function: Node, index: int, key: str | None) -> bool:
    """Whether a call leaving parameter ``index`` out leaves flag ``key`` unset: no default value, or a falsy
    literal one (an object without the key, for an option of a plain parameter; ``{ upload = false }`` for a
    destructured one)."""
    params = function.child_by_field_name("parameters")
    nodes = [n for n in params.named_children if n.type != "comment"] if params is not None else []
    node = nodes[index] if index < len(nodes) else None
    pattern, default = node, None
    if node is not None and node.type in ("required_parameter", "optional_parameter"):  # TypeScript
        pattern, default = node.child_by_field_name("pattern"), node.child_by_field_name("value")
    elif node is not None and node.type == "assignment_pattern":
        pattern, default = node.child_by_field_name("left"), node.child_by_field_name("right")
    if default is not None and default.type == "object":
        return key is not None and key not in {node_text(p.child_by_field_name("key")).strip("'\"")
                                               for p in default.named_children if p.type == "pair"}
    if default is not None:
        return _falsy(default)
    if pattern is not None and pattern.type == "object_pattern" and key is not None:
        items = [i for i in pattern.named_children if i.type == "object_assignment_pattern"
                 and node_text(i.child_by_field_name("left")) == key]
        return not items or _falsy(items[0].child_by_field_name("right"))
    return True


def _falsy(node: Node | None) -> bool:
    """Whether ``node`` is a falsy literal: ``false``, ``null``, ``undefined``, ``0``, ``''``."""
    if node is None or node.type not in _FALSY:
        return False
    text = node_text(node)
    return node.type not in ("number", "string") or text in ("0", "''", '""')


def _assigned(function: Node) -> set[str]:
    """Names ``function`` assigns anew (``asFile = asFile || big``): such a parameter is no longer what was passed."""
    return {node_text(n.child_by_field_name("left")) for n in walk(function)
            if n.type in ("assignment_expression", "augmented_assignment_expression")} | \
        {node_text(n.child_by_field_name("argument")) for n in walk(function) if n.type == "update_expression"}
