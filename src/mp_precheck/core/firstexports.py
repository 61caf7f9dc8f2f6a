"""A helper module's function that nothing in the base app called, and a page's first call of it.

``utils/pay.js`` exports ``pay(data) { wx.requestPayment(…) }``; the order page imports it, but its one call sits in
a comment. The change writes the call: the app takes money for the first time. The wrapper follower counts a
wrapper's own API call as a use of the app when none of the changed files calls it (it stands in for callers the
diff does not show), and as the definition of its callers' uses when one does: so in base the dormant helper's call
counts once, in head the page's call counts once, and nothing seems to rise. A kept file's call of a helper its
base version did not call is therefore taken as the helper's first call (``also_called`` of the base count in
``core/semantic_diff.py``: the helper's own call is no use there either), when

* the file did not import the name either (it reaches the helper a new way: a new call site), or
* it imported the name but named it nowhere else (the call commented out) and no file of the base app may call
  the helper (``CalledAnywhere``: another page, the module itself, a template binding, a WePY ``$parent`` call,
  a re-export) — then the helper was dormant, its API no use of the app until this call.

A file that imported the helper and may have reached it in a way the facts do not show (handed on as a value), or
a helper another file already called, is judged by the count as it was. A file's own dormant helper is
``core/firstcalls.py``'s.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Protocol

from mp_precheck.core.relays import called_wrappers
from mp_precheck.facts.model import FileFacts

# (base path of a helper module, name → the (first, last) lines of each exported function asked about) → those of
# the names some file of the base app may call.
CalledAnywhere = Callable[[str, Mapping[str, tuple[tuple[int, int], ...]]], set[str]]


class HelperCallers(Protocol):
    """Who in the base app may call a helper (``facts/callers.py`` ``Callers``): ``__call__`` for a file's own
    helpers (``core/firstcalls.py``), ``exports_called`` for a module's exported ones (this module)."""

    def __call__(self, path: str, names: set[str]) -> set[str]: ...

    def exports_called(self, path: str, spans: Mapping[str, tuple[tuple[int, int], ...]]) -> set[str]: ...


def everywhere(path: str, spans: Mapping[str, tuple[tuple[int, int], ...]]) -> set[str]:
    """Every helper may be called: nothing is known of the other files (the default; unknown is never uncalled)."""
    return set(spans)


def first_exports(head: Mapping[str, FileFacts], base: Mapping[str, FileFacts], counterpart: Mapping[str, str | None],
                called: CalledAnywhere = everywhere) -> set[tuple[str, str]]:
    """(head path of a helper's module, name) of the helpers a kept head file calls for the first time (module
    docstring).

    Args:
        head: head path → facts of the changed head files.
        base: base path → facts of the changed base files.
        counterpart: head path → its base path (None for an added file).
        called: which exported functions of a base module some file of the base app may call.
    """
    out: set[tuple[str, str]] = set()
    imported: dict[str, set[str]] = {}  # helper module (head path) → names imported, never called
    for path, file_facts in head.items():
        old = counterpart.get(path)
        if not old or old not in base:
            continue
        before = {name for _, name in called_wrappers({old: base[old]})} | \
            {name.rsplit(".", 1)[-1] for _, name, _ in base[old].imported_calls}
        for wrapper, name in called_wrappers({path: file_facts}):
            if name in before:
                continue
            if name not in base[old].imported_names:
                out.add((wrapper, name))
            elif name.isidentifier():
                imported.setdefault(wrapper, set()).add(name)
    for wrapper, names in sorted(imported.items()):
        old = counterpart.get(wrapper)
        module = base.get(old) if old else None
        if module is None:
            continue  # a module the change leaves alone: its own call is in neither count
        spans = {name: module.exports[name].ranges()[:1] for name in sorted(names) if name in module.exports
                 and _holds_uses(module, module.exports[name].ranges())}
        out |= {(wrapper, name) for name in set(spans) - called(old or "", spans)}
    return out


def _holds_uses(module: FileFacts, ranges: tuple[tuple[int, int], ...]) -> bool:
    """Whether a base module makes an API or project call inside a function's lines (else nothing to settle)."""
    return any(a <= f.line <= b for f in module.facts for a, b in ranges)
