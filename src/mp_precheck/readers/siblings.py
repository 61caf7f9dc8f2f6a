"""What a function of a module reaches through the other functions of the same module it calls, however deep.

``export async function saveAll(list) { return Promise.all(list.map(saveOne)) }`` calls no API itself: it
uploads through ``saveOne`` beside it, which may call ``wx.uploadFile`` or an upload wrapper imported from
another module, itself or through a third function of the file. A page calling ``saveAll`` uploads as much as
one calling ``saveOne``: a reviewer tests the upload wherever the page sends the file
(https://developers.weixin.qq.com/miniprogram/dev/api/network/upload/wx.uploadFile.html).

In: the module's functions by the name its code calls them (``siblings``), its ``call_expression`` nodes in
source order, how to turn a node into a 1-based line, and the catalog subjects each function calls itself
(``direct``). Out (:class:`SiblingReach`): the subjects a function reaches through the siblings it calls — a
sibling that calls APIs of its own gives just those, one that calls none (*thin*) gives what its own callees
reach, transitively — and the thin siblings on the way, whose calls of other modules' wrappers the fact store
follows as the function's own (``Export.spans``), and the siblings whose own calls it reaches (``Export.reaches``:
lines a caller's use is made in, not uses of the module's own). A sibling is reached only where the function calls it
(``saveOne(x)``, ``this.saveOne(x)``, ``api.saveOne(x)``, ``exports.saveOne(x)``, ``saveOne.call(…)``) or
hands it to a call (``list.map(saveOne)``, ``p.then(this.saveOne)``): one only defined beside it, or named in
a string or a comment, is not. A cycle between siblings is walked once (each function is visited once per walk).

What a call of a sibling reaches is what the same call from another file would (``Export.subjects_for``, given
by ``resolve``): ``get(url) { return request(url, { method: 'GET' }) }`` beside ``request(url, options, asFile)``
that uploads only ``if (asFile)`` reaches the request, not the upload; a sibling handed to a call, or called
through ``.apply`` / ``.bind``, reaches all it can.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from msgspec import Struct
from tree_sitter import Node

from mp_precheck.readers.dispatch import arguments_of, passed
from mp_precheck.readers.syntax import inside
from mp_precheck.readers.syntax import node_text as _text

_PREFIXES = ("this.", "module.exports.", "exports.")
_INVOKERS = (".call", ".apply", ".bind")
_REFERENCES = ("identifier", "member_expression")
# What a call passing these tokens (dispatch.py ``passed``) reaches of a sibling; None when that cannot be told yet.
Resolve = Callable[[Node, tuple[str, ...]], tuple[str, ...] | None]
Callee = tuple[int, Node, list[Node] | None]  # (line, sibling, the arguments it is called with; None: handed on)


class Walk(Struct, frozen=True):
    """What a thin function reaches through its siblings: the subjects, the thin siblings passed through and the
    siblings whose own calls give those subjects (``reached``)."""

    subjects: frozenset[str]
    thin: tuple[Node, ...]
    reached: tuple[Node, ...] = ()


def _key(node: Node) -> tuple[int, int]:
    return node.start_byte, node.end_byte


class SiblingReach:
    """The transitive reach of a module's functions through each other.

    ``siblings`` maps a name as the module's code calls it (``saveOne``, a method ``upload`` of an object or a
    class) to its function node; ``holders`` are the top-level names bound to an object or a class whose methods
    are called through them (``api.saveOne()``). ``direct(function)`` gives the subjects the function calls
    itself; ``resolve(sibling, tokens)`` what a call passing ``tokens`` reaches of it (None: all it reaches).
    Never raises on any syntax tree."""

    def __init__(self, siblings: Mapping[str, Node], holders: frozenset[str], calls: Sequence[Node],
                 line: Callable[[Node], int], direct: Callable[[Node], set[str]],
                 resolve: Resolve | None = None) -> None:
        self.siblings, self.holders, self.calls, self.line, self.direct = siblings, holders, calls, line, direct
        self.resolve = resolve
        self._callees: dict[tuple[int, int], list[Callee]] = {}
        self._walks: dict[tuple[int, int], Walk] = {}

    def callees(self, function: Node) -> list[Callee]:
        """(line, sibling, arguments) of each sibling ``function`` calls or hands to a call, in source order; not
        itself. The arguments are those the sibling gets (``save.call(this, a)``: ``a``), None when not known."""
        key = _key(function)
        if key not in self._callees:
            found: list[Callee] = []
            for call in inside(self.calls, function):
                callee = call.child_by_field_name("function")
                args = call.child_by_field_name("arguments")
                named = [callee] if callee is not None else []
                named += [a for a in args.named_children if a.type in _REFERENCES] \
                    if args is not None and args.type == "arguments" else []
                for node in named:
                    sibling = self.siblings.get(self._name(_text(node)))
                    if sibling is not None and _key(sibling) != key:
                        found.append((self.line(node), sibling, _given(call, node)))
            self._callees[key] = found
        return self._callees[key]

    def _name(self, text: str) -> str:
        """The sibling name a callee or a passed reference spells (``this.save.bind`` → ``save``)."""
        for suffix in _INVOKERS:
            text = text.removesuffix(suffix)
        for prefix in _PREFIXES:
            text = text.removeprefix(prefix)
        holder, dot, member = text.partition(".")
        return member if dot and holder in self.holders and "." not in member else text

    def walk(self, function: Node) -> Walk:
        """What ``function`` reaches through its siblings, whatever it calls itself: the subjects of each sibling
        with subjects of its own, and past each thin one, what that one calls in turn; each function once."""
        key = _key(function)
        if key in self._walks:
            return self._walks[key]
        seen, queue = {key}, [function]
        subjects: set[str] = set()
        thin: list[Node] = []
        reached: list[Node] = []
        while queue:
            for _line, sibling, _args in self.callees(queue.pop(0)):
                if _key(sibling) in seen:
                    continue
                seen.add(_key(sibling))
                own = self.direct(sibling)
                subjects |= own
                if own:
                    reached.append(sibling)
                else:
                    thin.append(sibling)
                    queue.append(sibling)
        self._walks[key] = Walk(frozenset(subjects), tuple(thin), tuple(reached))
        return self._walks[key]

    def subjects(self, function: Node) -> set[str]:
        """The subjects calling ``function`` reaches: its own, or for a thin one what its siblings reach."""
        return self.direct(function) or set(self.walk(function).subjects)

    def delegated(self, function: Node, lines: set[int] | None = None) -> set[str]:
        """The subjects of the siblings ``function`` calls (on ``lines`` only, when given), transitively: of each
        call, what it reaches with the arguments it passes."""
        reached: set[str] = set()
        for at, sibling, args in self.callees(function):
            if lines is None or at in lines:
                reached |= self.reached(sibling, passed(args) if args is not None else None)
        return reached

    def reached(self, sibling: Node, tokens: tuple[str, ...] | None) -> set[str]:
        """What a call of ``sibling`` passing ``tokens`` reaches — a part of all it reaches, which is what it
        gives when ``tokens`` is None or ``resolve`` cannot tell."""
        every = self.subjects(sibling)
        found = self.resolve(sibling, tokens) if tokens is not None and self.resolve is not None else None
        return every & set(found) if found is not None else every


def _given(call: Node, named: Node) -> list[Node] | None:
    """The arguments ``call`` gives the sibling ``named`` names: the call's own when ``named`` is its callee
    (those after the first for ``.call``), None when handed on (``list.map(save)``) or ``.apply`` / ``.bind``."""
    callee = call.child_by_field_name("function")
    if callee is None or _key(callee) != _key(named):
        return None
    text = _text(named)
    if text.endswith((".apply", ".bind")):
        return None
    return arguments_of(call)[1:] if text.endswith(".call") else arguments_of(call)
