"""A file's own helper that nothing called before the change, and the change's first call of it.

``getProfile() { wx.getUserInfo(…) }`` sat in a page, an App, a class or a module with nothing naming it; the change
adds ``this.getProfile()`` (or ``locate()``, or a template's ``bindtap="getProfile"``) in the same file. The API
call did not move and was not written anew, but the app reaches it for the first time: the base's call inside the
dormant helper is no use of the app, so the head's is a new one. The helpers and whether each version of the file
names them are read with the facts (``FileFacts.helpers``, ``readers/ownhelpers.py``); a helper another file of the
base app may call (a page's ``app.getProfile()``, a WXML binding) was not dormant, and stays a use on both sides.
The new use is told at the new call, the line that makes the app reach the API, unless the change rewrote the
API call too.

A helper in another file that a page calls for the first time is the wrapper follower's (``_first_calls`` in
``core/semantic_diff.py``); a component class's or a Vue page's method nothing names at all has no uses to begin
with (``readers/uncalled.py``), one named only by the API it wraps (``getUserInfo() { wepy.getUserInfo(…) }``) is
judged here, where the other files are asked too (a WePY page's ``this.$parent.getUserInfo()``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from msgspec.structs import replace

from mp_precheck.facts.model import Fact, FileFacts
from mp_precheck.readers.uncalled import without_ranges

# (base path, helper names) → those some other file of the base app may call.
NamedElsewhere = Callable[[str, set[str]], set[str]]


def nowhere(path: str, names: set[str]) -> set[str]:
    """No other file names any helper: the changed files are the whole app (a test's in-memory project)."""
    return set()


def first_calls(head: Mapping[str, FileFacts], base: Mapping[str, FileFacts], counterpart: Mapping[str, str | None],
                added_lines: Mapping[str, frozenset[int]],
                named_elsewhere: NamedElsewhere = nowhere) -> tuple[dict[str, FileFacts], dict[str, FileFacts]]:
    """(head, base) with each first-called helper settled: in ``base`` the API uses and project calls inside a kept
    file's helper that its base version never named, its head version names, and no other base file may call
    (``named_elsewhere``) are dropped; in ``head`` that helper's API uses are placed at its new call (a line the
    diff adds), where the change starts reaching them.

    Args:
        head: head path → facts of the changed head files.
        base: base path → facts of the changed base files.
        counterpart: head path → its base path (None for an added file).
        added_lines: head path → the lines the diff adds there.
        named_elsewhere: (base path, helper names) → the names another file of the base app may call.
    """
    new_head, new_base = dict(head), dict(base)
    for path, file_facts in head.items():
        old = counterpart.get(path)
        if not old or old not in base or not base[old].helpers or not file_facts.helpers:
            continue
        called = {name: (first, last, lines) for name, first, last, lines in file_facts.helpers if lines}
        dormant = {name: (first, last) for name, first, last, lines in base[old].helpers
                   if not lines and name in called}
        if dormant:
            first_called = set(dormant) - named_elsewhere(old, set(dormant))
            new_base[old] = without_ranges(base[old], [dormant[name] for name in sorted(first_called)])
            new_head[path] = _at_new_calls(file_facts, [called[name] for name in sorted(first_called)],
                                           added_lines.get(path, frozenset()))
    return new_head, new_base


def _at_new_calls(file_facts: FileFacts, helpers: list[tuple[int, int, tuple[int, ...]]],
                  added: frozenset[int]) -> FileFacts:
    """``file_facts`` with the API uses inside each of ``helpers`` (first line, last line, lines naming it) placed at
    the first line naming it that the diff adds; a use the diff rewrites itself stays where it is (the first place
    a reader looks is a line the change adds), and so do those of a helper named only where no line is known (a
    template) or on no added line."""
    moves = [(first, last, at) for first, last, lines in helpers
             if (at := next((line for line in lines if line and line in added), None)) is not None]
    if not moves:
        return file_facts

    def placed(fact: Fact) -> Fact:
        target = next((at for first, last, at in moves
                       if fact.kind == "api" and fact.line not in added and first <= fact.line <= last), None)
        return replace(fact, line=target) if target is not None else fact
    return replace(file_facts, facts=tuple(placed(f) for f in file_facts.facts))
