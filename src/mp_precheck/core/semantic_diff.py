"""The semantic diff: which catalog subjects the change adds to the app.

For each subject (``wx.getLocation``, ``<web-view>``, ``host:api.example.com`` …):

* new to the whole app, judged by the capability it implies (its privacy type, else its rule, else the
  subject itself for open-ended rules such as hosts) → a finding with ``scope: app`` in every head file
  whose own count rose (a ``wx.authorize`` there in front of a call of the same data: the call's);
* the app already had the capability and the app-wide count of the subject rose → ``scope: file``
  (a new call site) in every head file whose own count rose — except for open-ended subjects (a host,
  an app.json entry; a rule naming hosts one by one, such as WeChat's server API host) and rules judged
  ``once`` (a service), where another use of something already there needs nothing new, and except
  when the same call's uses in all its spellings did not rise (a call moved; a button where the app had only the
  script call counts buttons alone: ``core/spelling.py``), except in a file that already made the call (copies
  of it in the branches of a permission check; any call at all where the data is one value per user, such as
  the profile or the position, or the call only writes: a copy to the clipboard), except a ``wx.authorize`` gate
  in front of a call of the same data in its own file, and except an unchanged call of a wrapper the change edits;
* the app-wide count did not rise (code moved between files, a file renamed, a wrapper inlined) →
  nothing; a page the change deletes from the app does not count here (its feature left, it did not move)
  but for the calls a page the change adds carries on with the same shape, or a page it keeps whose every fact
  was the deleted page's (its content moved into a page that existed: ``core/retired.py``); where it rose
  for another reason, a helper's call moved there from a caller that made it itself and now calls the helper is
  no place for a finding (``moved_into_helpers`` in ``core/placing.py``); a file's own helper nothing called
  before the change makes no use in base, so the change that first calls it adds one where the app had none
  (``core/firstcalls.py``); an upload SDK the change copies in and loads uploads anew (no app code moved in);
* gone from the app → a removal.

Only the changed files are parsed on both sides: unchanged files contribute the same count to base and
head, so they cancel out of "did the count rise". They matter only for "was it in the app at all",
which ``present_elsewhere`` answers (a ``git grep`` prefilter confirmed by the parser).
"""

from __future__ import annotations

import posixpath
from collections import Counter
from collections.abc import Callable, Mapping
from collections.abc import Set as AbstractSet

from msgspec import Struct

from mp_precheck.core import spelling
from mp_precheck.core.catalog import Catalog, PrivacyType, Rule
from mp_precheck.core.firstcalls import first_calls, nowhere, used_anyway
from mp_precheck.core.firstexports import CalledAnywhere, HelperCallers, everywhere, first_exports
from mp_precheck.core.placing import (
    at_new_helper,
    at_own_calls,
    at_saver_calls,
    each_added,
    each_function,
    each_target,
    host_place,
    moved_into_helpers,
    page_place,
    pick,
    routed_uploads,
    sole_calls_of_new_helpers,
    told_in_helper,
    unchanged_texts,
)
from mp_precheck.core.relays import across, called_ranges, called_wrappers, relaying, relays, without_dormant_relays
from mp_precheck.core.report import Scope
from mp_precheck.core.retired import carried_on, carriers
from mp_precheck.core.spelling import GUESSES, asks_rise, reshaped, runs_on_open, same_call
from mp_precheck.core.thirdparty import third_party
from mp_precheck.facts.model import (
    ACCOUNT,
    ALTERNATIVE,
    CLIPBOARD,
    DEVELOPMENT,
    DISPLAYED,
    SWITCHED_OFF,
    Fact,
    FileFacts,
)


class Addition(Struct, frozen=True):
    """A subject added in head file ``path`` under ``rule``; ``fact`` is the occurrence to report."""

    rule: Rule
    subject: str
    path: str
    scope: Scope
    fact: Fact


class Removal(Struct, frozen=True):
    rule: Rule
    subject: str
    path: str
    line: int


def counted(fact: Fact) -> bool:
    """Whether a fact is a use of its subject by the reviewed app. Media hosts (an image URL) are resources,
    not servers the app talks to, account links are opened by WeChat, copied links are pasted elsewhere and shown
    ones read, a region table's entries nothing selects are servers the app may never use
    (readers/regiontable.py), and development
    hosts are not in the build review sees, nor is a socket opened to one (``ws://localhost``: no socket domain to
    configure): not counted; nor is a dispatched action's call at the dispatch (the action's own file counts it).
    A socket to the app's request server (its base with the scheme swapped, role ``api-socket``) is counted: the
    socket合法域名 list is configured apart from the request list, so the host must be added there too
    (https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html)."""
    return not ((fact.kind == "host" and (fact.role in ("media", ACCOUNT, CLIPBOARD, DISPLAYED, DEVELOPMENT,
                                                        SWITCHED_OFF) or (fact.role or "").startswith(ALTERNATIVE)))
                or (fact.kind == "api" and fact.role == DEVELOPMENT)
                or (fact.role is not None and fact.role.startswith("dispatch:")))


def is_known(fact: Fact) -> bool:
    """Whether a fact shows the app already has its subject: every counted use, and a host in development
    code too — the app already talks to it, so moving it into the release settings configures nothing new."""
    return counted(fact) or (fact.kind == "host" and fact.role == DEVELOPMENT)


def _mentioned(files: Mapping[str, FileFacts]) -> set[str]:
    return {f.subject for ff in files.values() for f in ff.facts if is_known(f)}


def _counts(files: Mapping[str, FileFacts], skip_definitions: bool = False, skip_relays: bool = False,
            also_called: AbstractSet[tuple[str, str]] = frozenset(),
            relayed: Mapping[str, list[tuple[int, int]]] | None = None) -> dict[str, Counter[str]]:
    """subject → Counter(path → occurrences).

    A call through a project wrapper counts at the caller. With ``skip_definitions`` the wrapper's own
    call is then a definition, not another use, when one of these files calls it — and so are the calls of the
    functions of its file it reaches them through (a class's ``submit()`` → ``this.uploadPhoto()``) — so
    extracting a call into a helper or a controller class, or inlining a helper, leaves the app-wide count
    unchanged; nor do relays count. With ``skip_relays`` only relays are skipped (where findings go; not the calls
    of a same-file helper the change adds: the ``relayed`` ranges). ``also_called`` names wrappers the other side of
    the change calls: a helper nothing called before the change and its first caller are one use, not two."""
    called = relayed if relayed is not None else called_ranges(files, also_called, relaying=True) \
        if skip_definitions or skip_relays else {}
    defined = called_ranges(files, also_called, reached=True) if skip_definitions else {}
    out: dict[str, Counter[str]] = {}
    for path, file_facts in files.items():
        ranges, definitions = called.get(path, []), defined.get(path, [])
        for fact in file_facts.facts:
            skipped = relays(fact, ranges) or (skip_definitions and fact.role is None and
                                                any(a <= fact.line <= b for a, b in definitions))
            if not counted(fact) or skipped:
                continue
            out.setdefault(fact.subject, Counter())[path] += 1
    return out


def compare(
    head: Mapping[str, FileFacts], base: Mapping[str, FileFacts],
    counterpart: Mapping[str, str | None], added_lines: Mapping[str, frozenset[int]],
    present_elsewhere: Callable[[set[str]], set[str]], catalog: Catalog,
    greppable: Callable[[str], bool] = lambda subject: True,
    retired: frozenset[str] = frozenset(), callers: HelperCallers | None = None,
) -> tuple[list[Addition], list[Removal]]:
    """Additions and removals between the changed files of base and head.

    Args:
        head: head path → facts of the changed head files of one project.
        base: base path → facts of the changed base files of the same project.
        counterpart: head path → its base path (the same path, or the old path of a rename; None if added).
        added_lines: head path → line numbers the diff adds there.
        present_elsewhere: given subjects, returns those present in the project's unchanged files.
        catalog: the rules; subjects no rule matches are ignored.
        greppable: whether ``present_elsewhere`` can see a subject at all; a removal of one it cannot see
            is not reported (the subject may live on in an unchanged file).
        retired: base paths of pages the change takes out of the app (``core/retired.py``): their uses tell
            that the app had a capability and are removals, but do not offset uses the change adds elsewhere —
            except the calls a file the change adds carries on with the same shape (moved, not new).
        callers: who in the base app may call a file's own or a module's helpers (None: the changed files are all).
    """
    named, exports = (callers, callers.exports_called) if callers else (nowhere, everywhere)
    head, base = first_calls(without_dormant_relays(head, base, counterpart), base, counterpart, added_lines, named,
                             used_anyway(catalog, _capability, present_elsewhere, _mentioned))
    kept, carrying = carried_on(retired, base, carriers(retired, base, head, counterpart, added_lines))
    head_counts, base_counts, base_placed = _counts(head), _counts(base), _counts(base, skip_relays=True)
    relay_ranges = relaying(head, base, counterpart, added_lines)
    in_helper = sole_calls_of_new_helpers(head, base, counterpart, added_lines)
    head_placed, moved = _placeable(head, base, counterpart, carrying, relay_ranges)
    head_uses, base_uses = _uses(head, base, counterpart, retired, kept, exports)
    rules_of = {s: catalog.rules_for(s) for s in set(head_counts) | set(base_counts)}
    rising = [s for s in head_counts if rules_of[s] and (_rises({s}, head_uses, base_uses) or _in_added_sdk(
        s, head, counterpart) or _new_words(s, head, base, counterpart))]
    base_known, head_known = _mentioned(base), _mentioned(head)
    gone = [s for s in base_counts if rules_of[s] and s not in head_known and not spelling.read_alike(s, head_known)]
    ask = set(gone) | {s for subject in rising for rule in rules_of[subject]
                       for s in catalog.subjects_of_capability(rule.capability(subject)) | {subject}}
    elsewhere = present_elsewhere(ask) if ask else set()  # one query for all we must know of the unchanged files
    additions: list[Addition] = []
    for subject in sorted(rising):
        for rule in rules_of[subject]:
            capability = _capability(catalog, rule, subject)
            known = bool(capability & (base_known | elsewhere))
            if known and (((rule.per_subject or rule.names_hosts) and not rule.every_use) or rule.once or rule.per_app):
                continue  # a host or config entry the app has, a service (category) it offered: nothing new
            spellings = {s for s in capability if same_call(s) == same_call(subject)}
            if known and not rule.every_use and not _in_added_sdk(subject, head, counterpart) and not asks_rise(
                    subject, spellings, head_uses, base_uses, head, base, counterpart, base_known | elsewhere):
                continue  # the same call in the same form, moved: nothing new
            kind = catalog.privacy_type(rule.privacy_key)
            placed = _placed(rule, subject, "file" if known else "app", head, head_placed.get(subject, Counter()),
                             base_placed.get(subject, Counter()), counterpart, added_lines, base, relay_ranges, kind,
                             in_helper | moved | unchanged_texts(head, base, counterpart, added_lines))
            placed = _new_call_sites(placed, rule, capability, spellings, head, base, counterpart, added_lines,
                                     rereads=bool(kind and kind.adds_nothing_again(subject)), known=known)
            additions += _one_place(placed, head) if rule.per_subject else _first_page(placed) if rule.once else placed
    additions = _once_in_helpers(_asked_by_button(additions, head, catalog), head, base, counterpart, added_lines)
    return additions, _removals([s for s in gone if s not in elsewhere and greppable(s)], rules_of, base, base_counts)


def _once_in_helpers(additions: list[Addition], head: Mapping[str, FileFacts], base: Mapping[str, FileFacts],
                     counterpart: Mapping[str, str | None],
                     added_lines: Mapping[str, frozenset[int]]) -> list[Addition]:
    """``additions`` without the calls of a module's entry whose API the module tells (``told_in_helper``; rules
    judging each call keep them), the rest at the caller's own call (``at_own_calls``) or a saver's (placing.py)."""
    before = {path: base[old].exports for path, old in counterpart.items() if old and old in base}
    told: dict[tuple[str, str], set[tuple[str, int]]] = {}
    for a in additions:
        told.setdefault((a.rule.id, a.subject), set()).add((a.path, a.fact.line))
    kept = [a for a in additions if a.rule.each_call or a.rule.each_occurrence or not told_in_helper(
        a.fact, told[(a.rule.id, a.subject)], head, before, added_lines)]
    facts = at_own_calls([(a.rule, a.path, a.fact) for a in kept], head, base, counterpart, added_lines)
    places = at_saver_calls([(a.rule, a.path, f) for a, f in zip(kept, facts, strict=True)], head, base, counterpart,
                            added_lines)
    return [Addition(a.rule, a.subject, p[0], a.scope, p[1]) for a, p in zip(kept, places, strict=True) if p]


def _asked_by_button(additions: list[Addition], head: Mapping[str, FileFacts], catalog: Catalog) -> list[Addition]:
    """``additions`` without the script calls of a one-value privacy type (``one_value``) on a page whose own markup
    has the call's button (``wx.getUserInfo`` in the page that shows ``<button open-type="getUserInfo">``): the
    button is where the page asks, the call reads what the tap granted — one use of the data, the button's
    (https://developers.weixin.qq.com/miniprogram/dev/component/button.html, open-type). A call the page makes as
    it opens (``onLoad``: :func:`~mp_precheck.core.spelling.runs_on_open`) reads before any tap: kept."""
    buttons = {(posixpath.splitext(path)[0], same_call(f.subject)) for path, file_facts in head.items()
               for f in file_facts.facts if counted(f) and same_call(f.subject) != f.subject}

    def read_after_tap(addition: Addition) -> bool:
        kind = catalog.privacy_type(addition.rule.privacy_key)
        return (kind is not None and kind.one_value and same_call(addition.subject) == addition.subject
                and (posixpath.splitext(addition.path)[0], addition.subject) in buttons
                and not runs_on_open(head[addition.path], addition.fact.line))
    return [a for a in additions if not read_after_tap(a)] if buttons else additions


def _placeable(head: Mapping[str, FileFacts], base: Mapping[str, FileFacts], counterpart: Mapping[str, str | None],
               carrying: list[tuple[str, Fact]], relayed: Mapping[str, list[tuple[int, int]]]
               ) -> tuple[dict[str, Counter[str]], frozenset[tuple[str, int, str]]]:
    """subject → Counter(head path → uses where a finding may go): not inside a relaying wrapper (``relayed``:
    ``relaying``), nor a call that carries on a deleted page's (``carrying``: head path, fact), nor a helper's call
    that moved there from one of its callers (``moved_into_helpers``); and those moved calls (path, line, subject)."""
    out = _counts(head, skip_relays=True, relayed=relayed)
    moved = moved_into_helpers(head, base, counterpart)
    for path, fact in [*carrying, *((p, f) for p, ff in head.items() for f in ff.facts
                                    if f.role is None and (p, f.line, f.subject) in moved)]:
        if fact.subject in out:
            out[fact.subject][path] -= 1
    return out, moved


def _uses(head: Mapping[str, FileFacts], base: Mapping[str, FileFacts], counterpart: Mapping[str, str | None],
          retired: frozenset[str], kept: Mapping[str, FileFacts], exports: CalledAnywhere
          ) -> tuple[dict[str, Counter[str]], dict[str, Counter[str]]]:
    """The uses of head and of base (of retired pages only the calls ``kept``: carried on by a page the change
    adds), a wrapper's own call counted at its callers. A wrapper base calls is one in head too (a helper inlined
    and left behind is no use of its own); one that a file the change adds calls is one in base too: a helper
    nothing called before and a new page's call of it are one use, the page's. So is a kept file's first call of a
    module's helper (``core/firstexports.py``, asking ``exports``): one it neither imported nor called, or imported
    but named nowhere else while no base file called the helper (a payment call commented out until the change)."""
    added = {path: facts for path, facts in head.items() if not counterpart.get(path)}
    first = called_wrappers(added) | first_exports(head, base, counterpart, exports)
    return (_counts(head, skip_definitions=True,
                    also_called=across(called_wrappers(base), {b: h for h, b in counterpart.items() if b})),
            _counts({p: f for p, f in base.items() if p not in retired} | dict(kept), skip_definitions=True,
                    also_called=across(first, counterpart)))


def _removals(gone: list[str], rules_of: Mapping[str, list[Rule]], base: Mapping[str, FileFacts],
              base_counts: Mapping[str, Counter[str]]) -> list[Removal]:
    """A removal of each subject in ``gone`` (left the app) under each of its rules, in each base file it was in."""
    return [Removal(rule, subject, path, next(f.line for f in base[path].facts if f.subject == subject and counted(f)))
            for subject in sorted(gone) for rule in rules_of[subject] for path in sorted(base_counts[subject])]


def _new_words(subject: str, head: Mapping[str, FileFacts], base: Mapping[str, FileFacts],
               counterpart: Mapping[str, str | None]) -> bool:
    """Whether a head file has more texts of ``subject`` than its base version, one of them in words the
    changed files did not have: a brand title removed from one file does not hide a new label on another
    page. Text moved as it is (same words) and text reworded in place (same count) stay not new."""
    def words(files: Mapping[str, FileFacts]) -> Counter[str | None]:
        return Counter(f.value for ff in files.values() for f in ff.facts if f.subject == subject and f.kind == "text")
    new = words(head) - words(base)
    if not new:
        return False
    for path, file_facts in head.items():
        texts = [f for f in file_facts.facts if f.subject == subject and f.kind == "text"]
        old = counterpart.get(path)
        before = sum(1 for f in base[old].facts if f.subject == subject) if old and old in base else 0
        if len(texts) > before and any(f.value in new for f in texts):
            return True
    return False


def _capability(catalog: Catalog, rule: Rule, subject: str) -> set[str]:
    """The subjects that give the app what ``subject`` gives it under ``rule`` (its privacy type, its rule, or
    itself), with the unresolved calls that stand for one of them (``call:upload``)."""
    capability = catalog.subjects_of_capability(rule.capability(subject)) | {subject}
    return capability | {guess for guess in GUESSES if same_call(guess) in capability}


def _placed(rule: Rule, subject: str, scope: Scope, head: Mapping[str, FileFacts], head_count: Counter[str],
            base_count: Counter[str], counterpart: Mapping[str, str | None],
            added_lines: Mapping[str, frozenset[int]], base: Mapping[str, FileFacts],
            relay_ranges: Mapping[str, list[tuple[int, int]]], kind: PrivacyType | None = None,
            in_helper: AbstractSet[tuple[str, int, str]] = frozenset()) -> list[Addition]:
    """The additions of ``subject`` under ``rule``: in each head file that has more of it than its base
    version, at the added use (every added one for an ``each_occurrence`` rule, every added call with its own
    target for an ``each_call`` rule, every added call in its own function for a privacy ``kind`` collected
    anew at each call, not ``one_value``: ``core/placing.py``), never at a relay nor at the one call of a new
    helper reported in the helper nor at a helper's call that moved there from its caller nor at a text shown in
    the same words before (``in_helper``: path, line, subject; ``placing.unchanged_texts``; ``routed_uploads``)."""
    per_use, additions = kind is not None and not kind.one_value, []
    in_helper = in_helper | routed_uploads(subject, head, base, counterpart) if rule.each_call else in_helper
    for path, count in sorted(head_count.items()):
        old = counterpart.get(path)
        before = base_count.get(old, 0) if old else 0
        if count > before:
            added = added_lines.get(path, frozenset())
            uses = [f for f in head[path].facts if f.subject == subject and counted(f)
                    and not relays(f, relay_ranges.get(path, [])) and (path, f.line, subject) not in in_helper]
            if not uses:
                continue  # the one call of a helper the change adds: reported at the helper's own call
            if not any(f.line in added for f in uses) and all(_wrapper_changed(f, head) for f in uses):
                continue  # an unchanged call of a wrapper the change edits: reported in the wrapper
            picked = each_added(uses, added, count - before) if rule.each_occurrence else \
                each_target(uses, added, count - before, head[path], base.get(old or "")) if rule.each_call else \
                each_function(uses, added, count - before, head[path].call_shapes) if per_use else []
            additions += [Addition(rule, subject, path, scope, at_new_helper(fact, added))
                          for fact in picked or [pick(uses, added)]]
    return additions


def _new_call_sites(placed: list[Addition], rule: Rule, capability: set[str], spellings: set[str],
                    head: Mapping[str, FileFacts], base: Mapping[str, FileFacts],
                    counterpart: Mapping[str, str | None], added_lines: Mapping[str, frozenset[int]],
                    rereads: bool = False, known: bool = True) -> list[Addition]:
    """The additions of a capability the app already had (``known``) that are new call sites. Not one: a
    ``wx.authorize`` gate in front of a call of the same data (the one exception for a capability new to the
    app: the call is the use there too); a file whose every call of it was rewritten (the page's one
    address picker copied into the branches of a permission check, or split into one call per source, its kept
    line passing other options: ``reshaped`` — a call added beside one that stays is new), or gave its place to a
    UI kit's component without adding to it (a kit's picker for ``wx.chooseImage``); a page
    whose markup already used a UI kit's component or an SDK that makes the call (its
    van-uploader picks photos); with ``rereads`` (a privacy type that is one value per user, ``one_value`` in
    ``checks/privacy_types.yml``: the profile, the phone number, the position; or a call that only writes, its
    ``writes``: a copy to the clipboard), a page that already made the call in any spelling — it reads the same
    value again, or writes again collecting nothing, while a second photo picker collects other photos.
    Rules judging each placement or target still count every one."""
    if rule.each_occurrence or rule.each_call or not known:
        return [a for a in placed if not _gate(a, capability, head)]
    had = _pages_with({s for s in capability if s.startswith(("ui-kit:", "sdk:"))}
                      | (spellings if rereads else set()), base, counterpart)

    def rewritten(path: str) -> bool:
        old = counterpart.get(path)
        if not old or old not in base:
            return False
        added = added_lines.get(path, frozenset())
        spelled = [f for f in head[path].facts if f.subject in spellings and counted(f)]
        if any(f.subject in spellings and counted(f) for f in base[old].facts) and all(
                f.line in added or reshaped(f, head[path], base[old]) for f in spelled):
            return True  # the same call rewritten, however many branches (or sources) it is copied into
        # a UI kit's component or an SDK taking the old call's place without adding to it (uni-file-picker for
        # the component's wx.chooseImage) — the mirror of ``had``; one API for another (chooseMedia for
        # chooseImage) stays a new call site
        uses = [f for f in head[path].facts if f.subject in capability and counted(f)]
        before = [f for f in base[old].facts if f.subject in capability and counted(f)]
        return (0 < len(uses) <= len(before) and all(f.line in added for f in uses)
                and all(f.subject.startswith(("ui-kit:", "sdk:")) for f in uses))
    return [a for a in placed if not (_gate(a, capability, head) or a.path in had or rewritten(a.path) or
            spelling.options_rewritten(a.subject, a.path, a.fact.line, base, counterpart, added_lines))]


def _pages_with(subjects: set[str], base: Mapping[str, FileFacts], counterpart: Mapping[str, str | None]) -> set[str]:
    """Head paths whose base version, or a changed base file of the same page or component (``index.js`` beside
    ``index.wxml``), already used one of ``subjects``."""
    units = {posixpath.splitext(path)[0] for path, file_facts in base.items()
             if any(f.subject in subjects and counted(f) for f in file_facts.facts)}
    return {path for path, old in counterpart.items() if old and posixpath.splitext(old)[0] in units}


def _one_place(placed: list[Addition], head: Mapping[str, FileFacts]) -> list[Addition]:
    """One addition for an open-ended subject (a new host is one domain to configure, however many files the
    change uses it in), where :func:`~mp_precheck.core.placing.host_place` puts it (told which places are URLs
    handed to a project function, and to which files: ``FileFacts.handed_urls`` of ``head``)."""
    if len(placed) < 2:
        return placed
    return [placed[host_place([(a.path, a.fact) for a in placed], [_handed_to(a, head[a.path]) for a in placed])]]


def _handed_to(addition: Addition, file_facts: FileFacts) -> frozenset[str] | None:
    """The files of the project functions the URL of ``addition`` is handed to (``via:<path>#<name>`` facts at the
    call's line; none when the call is followed nowhere), or None when it is handed to no call."""
    calls = {call for at, call in file_facts.handed_urls if at == addition.fact.line}
    return None if not calls else frozenset(f.role[4:].partition("#")[0] for f in file_facts.facts
                                            if f.line in calls and f.role and f.role.startswith("via:"))


def _first_page(placed: list[Addition]) -> list[Addition]:
    """One addition for a rule judged ``once`` per change, where :func:`~mp_precheck.core.placing.page_place`
    puts it."""
    return [placed[page_place([a.path for a in placed])]] if placed else placed


def _wrapper_changed(fact: Fact, head: Mapping[str, FileFacts]) -> bool:
    """Whether ``fact`` is reached through a wrapper in one of the changed files (``via:<path>#<name>``)."""
    role = fact.role or ""
    return role.startswith("via:") and role[4:].split("#", 1)[0] in head


def _gate(addition: Addition, capability: set[str], head: Mapping[str, FileFacts]) -> bool:
    """Whether an added ``wx.authorize(scope)`` is the permission check in front of a use of the same data on
    its own page or component — in its own file (``authorize({scope: 'scope.userInfo'})`` then
    ``getUserProfile``) or in a file beside it (``scope.camera`` asked in ``index.js`` for the ``<camera>`` of
    ``index.wxml``): that use is told, the check asks for nothing more
    (https://developers.weixin.qq.com/miniprogram/dev/api/open-api/authorize/wx.authorize.html)."""
    if not addition.subject.startswith("wx.authorize:") or addition.fact.role is not None:
        return False
    unit = posixpath.splitext(addition.path)[0]
    return any(f.subject in capability and not f.subject.startswith("wx.authorize:") and counted(f)
               for path, file_facts in head.items() if posixpath.splitext(path)[0] == unit
               for f in file_facts.facts)


def _rises(subjects: set[str], head: Mapping[str, Counter[str]], base: Mapping[str, Counter[str]]) -> bool:
    """Whether the uses of all ``subjects`` together (one capability, every spelling) rose in the changed files."""
    return sum(sum(head.get(s, {}).values()) - sum(base.get(s, {}).values()) for s in subjects) > 0


def _in_added_sdk(subject: str, head: Mapping[str, FileFacts], counterpart: Mapping[str, str | None]) -> bool:
    """Whether a loaded upload SDK the change adds (``core/thirdparty.py``) makes the ``wx.uploadFile`` call
    ``subject``: a vendor's code sends to the vendor's storage, it cannot be the app's old upload moved there."""
    return subject == "wx.uploadFile" and any(
        not counterpart.get(path) and third_party().upload_sdk_file(path)
        and any(f.subject == subject and counted(f) for f in file_facts.facts) for path, file_facts in head.items())
