"""The project modules through which a page sends what its text box writes: a store's action bound to the page,
a service object's method, a shared helper the page hands the form to (:mod:`~mp_precheck.analyzers.reached`
follows the calls); the sending calls of the first such module (``ugc`` reports a posting page there).

A call into a module carries the box's text only where something links the two: the store holds the fields the
page shows, the page hands the call the box's value or the form holding it, or the box writes into the object whose
method is called. A helper called with none of it — a login guard in ``onShow`` whose request checks the session,
a page's address-book load — sends nothing the user typed, whatever it requests: a request sends its ``data``
(https://developers.weixin.qq.com/miniprogram/dev/api/network/request/wx.request.html).

Reads: ``facts_at_head`` and ``read_head`` of the page, its script and the modules it reaches.
"""

from __future__ import annotations

from mp_precheck.analyzers.context import ProjectContext
from mp_precheck.analyzers.reached import ModuleCall, method_of, module_calls
from mp_precheck.analyzers.senders import READ_NAME, SCRIPTS, page_stem, sending
from mp_precheck.facts.model import Fact, FileFacts
from mp_precheck.readers.boxhandlers import box_handlers, handler_writes
from mp_precheck.readers.textflow import carried_names


def sends_through(context: ProjectContext, path: str, state: frozenset[str] = frozenset(),
                  line: int = 0) -> tuple[str, list[Fact]] | None:
    """(module, sending calls) where the page or component of ``path`` sends through another module of the
    project: the methods its script calls of a store (an action bound to the page, ``uploadStore.submit()``)
    or a service object, followed by :mod:`~mp_precheck.analyzers.reached`; the first such module in the
    page's line order. Methods named as reads (``loadList``) and wrappers named as reads are left out, and so are
    the calls linked to none of the text box's ``state`` where it is seen (:func:`linked_calls`; else what the input
    handler of the box opening on ``line`` stores)."""
    handlers = box_handlers(context.read_head(path) or "", line) if line and not state else frozenset()
    for candidate in (path, *(page_stem(path) + suffix for suffix in SCRIPTS)):
        found: dict[str, list[Fact]] = {}
        facts = context.facts_at_head(candidate)
        held = state or (handler_writes(context.read_head(candidate) or "", candidate, handlers)[0]
                         if handlers and facts is not None else frozenset())
        for _line, name, _spec, module in linked_calls(context, candidate, facts, held):
            defined = None if READ_NAME.match(name.rsplit(".", 1)[-1]) else method_of(context, module, name)
            facts = context.facts_at_head(defined[0]) if defined is not None else None
            if defined is None or facts is None:
                continue
            span = range(defined[1].first_line, defined[1].last_line + 1)
            sends = found.setdefault(defined[0], [])
            sends += [f for f in sending(context, defined[0], facts) if f.line in span and f not in sends]
        sender = next((m for m, sends in found.items() if sends), None)
        if sender is not None:
            return sender, found[sender]
    return None


def linked_calls(context: ProjectContext, script: str, facts: FileFacts | None,
                 state: frozenset[str]) -> list[ModuleCall]:
    """The calls of ``script`` into project modules (:func:`~mp_precheck.analyzers.reached.module_calls`) that can
    send what a text box writes (``state``; every call where it is not seen): a store's action bound to the page
    (the store holds the fields the page shows), an imported function handed the box's value or the form holding
    it (``submitPost(this.data.form)``), a method of the object the box writes into (``uploadStore.submit()``
    with ``value="{{uploadStore.text}}"``). A helper the page calls with none of it (a login guard in ``onShow``
    whose request checks the session) posts nothing the user typed, whatever it requests
    (https://developers.weixin.qq.com/miniprogram/dev/api/network/request/wx.request.html: a request sends its
    ``data``)."""
    calls = list(module_calls(context, script, facts))
    if not state or facts is None:
        return calls
    imported = {(line, name) for _spec, name, line in facts.imported_calls}
    lines = [line for line, name, *_rest in calls if (line, name) in imported]
    carried = carried_names(context.read_head(script) or "", script, lines, whole=True) if lines else {}
    return [c for c in calls if (c[0], c[1]) not in imported or carried.get(c[0], frozenset()) & state
            or c[1].split(".", 1)[0] in state]
