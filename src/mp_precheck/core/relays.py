"""Which project wrappers the files of one side of a change call, and the relays nothing reaches yet.

A wrapper that calls another file's wrapper (``uploadFileSimple`` → ``http.uploadFile``, a ``via:`` role) relays
its callers' use of the API: the use is counted at the callers, not at the relay. Used by
``core/semantic_diff.py`` to count what each side of a change uses.
"""

from __future__ import annotations

from collections.abc import Mapping
from collections.abc import Set as AbstractSet

from msgspec.structs import replace

from mp_precheck.facts.model import Fact, FileFacts


def called_wrappers(files: Mapping[str, FileFacts]) -> set[tuple[str, str]]:
    """(path, name) of the wrappers that one of ``files`` calls."""
    return {(path, name) for ff in files.values() for f in ff.facts if f.role and f.role.startswith("via:")
            for path, _, name in [f.role[4:].partition("#")]}


def across(called: set[tuple[str, str]], paths: Mapping[str, str | None]) -> set[tuple[str, str]]:
    """``called`` with each path mapped to its version on the other side of the change (``paths``)."""
    return {(other, name) for path, name in called if (other := paths.get(path))}


def called_ranges(files: Mapping[str, FileFacts], also: AbstractSet[tuple[str, str]] = frozenset(),
                  reached: bool = False, relaying: bool = False) -> dict[str, list[tuple[int, int]]]:
    """path → line ranges of its wrappers that one of ``files`` calls, or that ``also`` names; with ``reached``
    also the lines of the functions of their file whose own calls they reach (``Export.reaches``: a page's
    ``controller.submit()`` → ``this.uploadPhoto()``), where the callers' uses are made, not uses of their own.
    With ``relaying`` only the wrappers whose calls of other files' wrappers their callers are given (one making
    no API call of its own, or only through the thin functions of its file: ``facts/store.py`` follows those): a
    wrapper that also makes calls of its own (a toast when the upload fails) hands its callers just those, so its
    call of another file's upload wrapper stays its own use."""
    wanted = called_wrappers(files) | also
    return {path: [r for name, e in ff.exports.items() if (path, name) in wanted
                   and not (relaying and e.subjects and not e.relays)
                   for r in (*e.ranges(), *(e.reaches if reached else ()))]
            for path, ff in files.items()}


def relaying(files: Mapping[str, FileFacts], base: Mapping[str, FileFacts] | None = None,
             counterpart: Mapping[str, str | None] | None = None,
             added_lines: Mapping[str, frozenset[int]] | None = None) -> dict[str, list[tuple[int, int]]]:
    """path → line ranges of the called wrappers whose calls of other files' wrappers are their callers' uses
    (:func:`called_ranges` with ``relaying``); given the change (``base`` facts, head path → base path, head path →
    added lines), less the lines of :func:`new_helper_calls`."""
    ranges = called_ranges(files, relaying=True)
    cut = new_helper_calls(files, base or {}, counterpart or {}, added_lines or {})
    return {path: _without(spans, cut.get(path, [])) for path, spans in ranges.items()}


def new_helper_calls(head: Mapping[str, FileFacts], base: Mapping[str, FileFacts],
                     counterpart: Mapping[str, str | None],
                     added_lines: Mapping[str, frozenset[int]]) -> dict[str, list[int]]:
    """path → sorted lines of a head file's calls of a helper of its own file that the change adds, its upload on a
    line the diff adds (``readers/localcalls.py`` gives such a call role ``via:<file>#<name>`` and ``Fact.defined``;
    the base version of the file, if any, has no helper or export of that name): an API module's new ``publish()``
    → ``uploadImages()`` beside it is the module's own upload, told at the helper's call (``placing.at_new_helper``)
    as where the helper is reached without such a fact (a thin wrapper's ``reaches``), not a relay. An old helper
    whose upload line the change edits (the task kept for ``abort()``) stays its callers'."""
    out: dict[str, list[int]] = {}
    for path, file_facts in head.items():
        added, before = added_lines.get(path, frozenset()), base.get(counterpart.get(path) or "")
        old = {name for name, *_rest in before.helpers} | set(before.exports) if before is not None else set()
        own = {f.line for f in file_facts.facts if f.defined in added and (f.role or "").startswith(f"via:{path}#")
               and (f.role or "").partition("#")[2] not in old}
        out |= {path: sorted(own)} if own else {}
    return out


def _without(ranges: list[tuple[int, int]], lines: list[int]) -> list[tuple[int, int]]:
    """``ranges`` (first, last) with each of ``lines`` (sorted) cut out."""
    out: list[tuple[int, int]] = []
    for first, last in ranges:
        start = first
        for line in [n for n in lines if first <= n <= last]:
            out += [(start, line - 1)] if line > start else []
            start = line + 1
        out += [(start, last)] if start <= last else []
    return out


def relays(fact: Fact, ranges: list[tuple[int, int]]) -> bool:
    """Whether ``fact`` is a called wrapper's call of another file's wrapper (``uploadFileSimple`` →
    ``http.uploadFile``): it relays its callers' use, it is not a use of its own."""
    return bool(fact.role and fact.role.startswith("via:")) and any(a <= fact.line <= b for a, b in ranges)


def without_dormant_relays(head: Mapping[str, FileFacts], base: Mapping[str, FileFacts],
                            counterpart: Mapping[str, str | None]) -> dict[str, FileFacts]:
    """``head`` without the relays of wrappers the change adds and nothing calls, when a called wrapper of
    the same file relays to the same target (an API module's new ``uploadFile`` and ``uploadFileSimple``
    both wrapping ``http.uploadFile``; the page calls the second): the callers report that use, no page
    can reach the other yet, and the change that first calls it reports it at that caller."""
    called = called_ranges(head)
    out = dict(head)
    for path, file_facts in head.items():
        ranges = called.get(path, [])
        relayed = {f.role for f in file_facts.facts if relays(f, ranges)}
        old = counterpart.get(path)
        before = base[old].exports if old and old in base else {}
        dormant = [(e.first_line, e.last_line) for name, e in file_facts.exports.items()
                   if name not in before and (e.first_line, e.last_line) not in ranges]
        kept = tuple(f for f in file_facts.facts if f.role not in relayed or not relays(f, dormant))
        if len(kept) < len(file_facts.facts):
            out[path] = replace(file_facts, facts=kept)
    return out
