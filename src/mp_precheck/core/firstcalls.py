"""A file's own helper that nothing called before the change, and the change's first call of it.

``getProfile() { wx.getUserInfo(…) }`` sat in a page, an App, a class or a module with nothing naming it; the change
adds ``this.getProfile()`` (or ``locate()``, or a template's ``bindtap="getProfile"``) in the same file. The API
call did not move and was not written anew, but the app reaches it for the first time: the base's call inside the
dormant helper is no use of the app, so the head's is a new one. The helpers and whether each version of the file
names them are read with the facts (``FileFacts.helpers``, ``readers/ownhelpers.py``); a helper another file of the
base app may call (a page's ``app.getProfile()``, a WXML binding) was not dormant, and stays a use on both sides.
The new use is told at the new call, the line that makes the app reach the API, unless the change rewrote the
API call too. Only an API the app reaches for the first time is new this way: one the base app used anyway — in
the same file outside the dormant helper, in another page, in a shared module (``used_before``) — was there to
review, and the dormant helper's call of it is the file's own old code switched on again, as it counted before.
The mirror: a dormant helper the change deletes (a template's ``doUpload`` no binding ran) was no use, and its
deletion offsets none of the uses the change adds elsewhere (:func:`removed_dormant`).

A helper in another file that a page calls for the first time is the wrapper follower's (``_first_calls`` in
``core/semantic_diff.py``); a component class's or a Vue page's method nothing names at all has no uses to begin
with (``readers/uncalled.py``), one named only by the API it wraps (``getUserInfo() { wepy.getUserInfo(…) }``) is
judged here, where the other files are asked too (a WePY page's ``this.$parent.getUserInfo()``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from msgspec.structs import replace

from mp_precheck.core.catalog import Catalog, Rule
from mp_precheck.facts.model import Fact, FileFacts
from mp_precheck.readers.uncalled import without_ranges

# (base path, helper names) → those some other file of the base app may call.
NamedElsewhere = Callable[[str, set[str]], set[str]]
# (subjects the first-called helpers use, the changed base files without those helpers' uses) → those of the
# subjects the base app used anyway (there or in an unchanged file, in any spelling of the same capability).
UsedBefore = Callable[[set[str], Mapping[str, FileFacts]], set[str]]
# A helper: (first line, last line, the lines naming it).
_Span = tuple[int, int, tuple[int, ...]]


def nowhere(path: str, names: set[str]) -> set[str]:
    """No other file names any helper: the changed files are the whole app (a test's in-memory project)."""
    return set()


def only_here(subjects: set[str], base: Mapping[str, FileFacts]) -> set[str]:
    """Those of ``subjects`` some fact of ``base`` (the changed files are the whole app) still uses."""
    return subjects & {f.subject for file_facts in base.values() for f in file_facts.facts if f.kind == "api"}


def used_anyway(catalog: Catalog, capability: Callable[[Catalog, Rule, str], set[str]],
                present_elsewhere: Callable[[set[str]], set[str]],
                mentioned: Callable[[Mapping[str, FileFacts]], set[str]]) -> UsedBefore:
    """:data:`UsedBefore` for an app: a subject is used anyway where some spelling of its capability under one of
    its rules (``capability``: its privacy type, its rule, or itself) is ``mentioned`` in the changed base files
    without the dormant helpers' uses, or present in an unchanged file (``present_elsewhere``, asked once)."""
    def used(subjects: set[str], base: Mapping[str, FileFacts]) -> set[str]:
        capabilities = {s: {c for rule in catalog.rules_for(s) for c in capability(catalog, rule, s)}
                        for s in subjects}
        known = mentioned(base)
        wanted = {c for spellings in capabilities.values() for c in spellings} - known
        known |= present_elsewhere(wanted) if wanted else set()
        return {s for s, spellings in capabilities.items() if spellings & known}
    return used


def first_calls(head: Mapping[str, FileFacts], base: Mapping[str, FileFacts], counterpart: Mapping[str, str | None],
                added_lines: Mapping[str, frozenset[int]], named_elsewhere: NamedElsewhere = nowhere,
                used_before: UsedBefore = only_here) -> tuple[dict[str, FileFacts], dict[str, FileFacts]]:
    """(head, base) with each first-called helper settled: in ``base`` the API uses and project calls inside a kept
    file's helper that its base version never named, its head version names, and no other base file may call
    (``named_elsewhere``) are dropped, and so are those of a helper nothing named that the change deletes
    (:func:`removed_dormant`); in ``head`` that helper's API uses are placed at its new call (a line the
    diff adds), where the change starts reaching them. A subject the base app used anyway (``used_before``) keeps
    its uses on both sides: the first caller reaches nothing new.

    Args:
        head: head path → facts of the changed head files.
        base: base path → facts of the changed base files.
        counterpart: head path → its base path (None for an added file).
        added_lines: head path → the lines the diff adds there.
        named_elsewhere: (base path, helper names) → the names another file of the base app may call.
        used_before: (subjects inside the first-called helpers, the base without them) → those the app used anyway.
    """
    base = removed_dormant(head, base, counterpart, named_elsewhere)  # deleted unrun: offsets no use added elsewhere
    plans: dict[str, tuple[str, list[_Span], list[tuple[int, int]]]] = {}
    for path, file_facts in head.items():
        old = counterpart.get(path)
        if not old or old not in base or not base[old].helpers or not file_facts.helpers:
            continue
        called = {name: (first, last, lines) for name, first, last, lines in file_facts.helpers if lines}
        dormant = {name: (first, last) for name, first, last, lines in base[old].helpers
                   if not lines and name in called}
        first_called = sorted(set(dormant) - named_elsewhere(old, set(dormant))) if dormant else []
        if first_called:
            plans[path] = (old, [called[name] for name in first_called], [dormant[name] for name in first_called])
    if not plans:
        return dict(head), dict(base)
    dropped = {old: without_ranges(base[old], ranges) for old, _, ranges in plans.values()}
    inside = {f.subject for old, _, ranges in plans.values() for f in base[old].facts
              if f.kind == "api" and any(a <= f.line <= b for a, b in ranges)}
    kept = frozenset(used_before(inside, {**base, **dropped}) if inside else ())
    new_head, new_base = dict(head), dict(base)
    for path, (old, calls, ranges) in plans.items():
        new_base[old] = _without(base[old], ranges, kept)
        new_head[path] = _at_new_calls(head[path], calls, added_lines.get(path, frozenset()), kept)
    return new_head, new_base


def removed_dormant(head: Mapping[str, FileFacts], base: Mapping[str, FileFacts],
                    counterpart: Mapping[str, str | None],
                    named_elsewhere: NamedElsewhere = nowhere) -> dict[str, FileFacts]:
    """``base`` without the API uses and project calls inside each helper of a kept file that nothing named — not its
    own file, nor any other file of the base app (``named_elsewhere``: a page's template binds it), where that
    template is seen binding other methods of the file — and that the change deletes (its head version holds no
    helper of that name): a cloud template's ``doUpload`` no button ran was no use of the app, so deleting it
    offsets none of the uses the change adds elsewhere (a new page's photo picker) — the mirror of a dormant
    helper's first call."""
    out = dict(base)
    for path, file_facts in head.items():
        old = counterpart.get(path)
        if not old or old not in base or not base[old].helpers:
            continue
        kept = {name for name, *_rest in file_facts.helpers}
        unnamed = {name: (first, last) for name, first, last, lines in base[old].helpers if not lines}
        dormant = {name for name in unnamed if name not in kept and not _named_in(file_facts, name)}
        bound = named_elsewhere(old, set(unnamed)) if dormant else set()
        # only where the page's template is seen binding its other methods: a page no template or caller is read
        # for (a script alone) tells nothing of which of its methods ran
        gone = sorted(dormant - bound) if bound - dormant else []
        if gone:
            out[old] = without_ranges(base[old], [unnamed[name] for name in gone])
    return out


def _named_in(file_facts: FileFacts, name: str) -> bool:
    """Whether the head version of the file still has a function of that name among its exports (a helper turned
    into one other modules call is no deleted helper)."""
    return any(key == name or key.endswith("." + name) for key in file_facts.exports)


def _without(file_facts: FileFacts, ranges: list[tuple[int, int]], kept: frozenset[str]) -> FileFacts:
    """``file_facts`` without the uses inside ``ranges`` but those of ``kept`` subjects (a project call stays when
    one of its uses does)."""
    if not kept:
        return without_ranges(file_facts, ranges)
    facts = tuple(f for f in file_facts.facts
                  if f.kind != "api" or f.subject in kept or not any(a <= f.line <= b for a, b in ranges))
    lines = {f.line for f in facts if f.kind == "api"}
    return replace(file_facts, facts=facts, imported_calls=tuple(
        c for c in file_facts.imported_calls if c[2] in lines or not any(a <= c[2] <= b for a, b in ranges)))


def _at_new_calls(file_facts: FileFacts, helpers: list[_Span], added: frozenset[int],
                  kept: frozenset[str] = frozenset()) -> FileFacts:
    """``file_facts`` with the API uses inside each of ``helpers`` (first line, last line, lines naming it) placed at
    the first line naming it that the diff adds; a use the diff rewrites itself stays where it is (the first place
    a reader looks is a line the change adds), and so do those of a helper named only where no line is known (a
    template) or on no added line, and those of ``kept`` subjects (no new use)."""
    moves = [(first, last, at) for first, last, lines in helpers
             if (at := next((line for line in lines if line and line in added), None)) is not None]
    if not moves:
        return file_facts

    def placed(fact: Fact) -> Fact:
        target = next((at for first, last, at in moves if fact.kind == "api" and fact.subject not in kept
                       and fact.line not in added and first <= fact.line <= last), None)
        return replace(fact, line=target) if target is not None else fact
    return replace(file_facts, facts=tuple(placed(f) for f in file_facts.facts))


def unreached_helpers(head: Mapping[str, FileFacts], counterpart: Mapping[str, str | None],
                      writers: Callable[[set[str]], Mapping[str, set[str]]]) -> dict[str, FileFacts]:
    """``head`` without the API uses inside the methods of a class a file the change adds exports (``Export`` keys
    ``Account.profile``, ``default.profile``) that nothing names: not their own file, nor any other file of the head
    app (``writers``: names → the files writing any of them, by path). A service class's method no page calls yet
    (``getProfile() { return api.fetchProfile() }``) runs for no user: it is no use until a change calls it — the
    mirror of a dormant helper's first call above. A page's or component's methods are left to its template and
    framework (``readers/uncalled.py``)."""
    unnamed = {path: {name: (first, last) for name, first, last, lines in file_facts.helpers
                      if not lines and any(key.endswith(f".{name}") for key in file_facts.exports)}
               for path, file_facts in head.items() if not counterpart.get(path) and file_facts.helpers}
    unnamed = {path: helpers for path, helpers in unnamed.items() if helpers and any(
        f.kind == "api" and any(a <= f.line <= b for a, b in helpers.values()) for f in head[path].facts)}
    if not unnamed:
        return dict(head)
    written = writers({name for helpers in unnamed.values() for name in helpers})
    out = dict(head)
    for path, helpers in unnamed.items():
        elsewhere = {name for other, names in written.items() if other != path for name in names}
        out[path] = without_ranges(head[path], [span for name, span in helpers.items() if name not in elsewhere])
    return out
