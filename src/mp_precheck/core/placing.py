"""Where in a head file a finding goes: which of a subject's uses there the semantic diff reports.

One use per file by default (the first on a line the diff adds); every added occurrence for a rule judging each
placement (an ad); every added call with its own target for a rule judging each call (an upload: another
wrapper, other arguments, other picked media); and for a
privacy type collected anew at each call (a picker, the clipboard; not ``one_value`` in
``checks/privacy_types.yml``) every added call in its own function — the avatar's picker and the background's,
the 复制链接 button and a copy fallback — since the guideline states each use's purpose (用途), while the
album and camera branches of one handler are one use
(https://developers.weixin.qq.com/miniprogram/dev/framework/user-privacy/miniprogram-intro.html).
"""

from __future__ import annotations

import posixpath
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from urllib.parse import urlsplit

from msgspec.structs import replace

from mp_precheck.core.catalog import Rule
from mp_precheck.facts.model import UPLOAD_GUESS, Export, Fact, FileFacts
from mp_precheck.readers.envfiles import build_stage

# Pickers that hand the user's files to the code after them: each picks other media (photos, videos, chat files).
PICKERS = frozenset({"wx.chooseImage", "wx.chooseMedia", "wx.chooseVideo", "wx.chooseMessageFile"})


def each_added(uses: list[Fact], added: frozenset[int], rise: int) -> list[Fact]:
    """Up to ``rise`` of ``uses`` on lines the diff adds, in line order (one finding per new placement)."""
    return sorted((f for f in uses if f.line in added), key=lambda f: f.line)[:rise]


def each_target(uses: list[Fact], added: frozenset[int], rise: int, facts: FileFacts,
                before: FileFacts | None = None) -> list[Fact]:
    """Up to ``rise`` of ``uses`` on lines the diff adds, one per call target: the wrapper reached (``via:``
    role) and the strings passed to it — ``uploadToOss('video', …)`` and ``uploadToOss('image', …)`` send other
    media — and for a direct call, the picker last called above it in ``facts``: photos ``wx.chooseImage``
    picks and a document ``wx.chooseMessageFile`` picks are two uploads, while the same call repeated in a loop
    or in two branches is one. With no picker above (an API module), the named function a direct call is in
    tells its target: ``uploadImage(path)`` and ``uploadVideo(path)`` each build their own request. An upload's
    review question is what it sends (mediaCheckAsync checks each kind of media,
    https://developers.weixin.qq.com/miniprogram/dev/server/API/sec-center/sec-check/api_mediacheckasync.html)
    and where: a target the file's base version (``before``) already sent to is told only when the file calls
    it more often than before, so a re-indented call of the file's old uploader — or of that uploader renamed,
    its own call passing the same — gives the place to the added upload that goes somewhere new (a second
    ``uploadFile`` to an object store beside the old one to the app's server)."""
    old = Counter(_target(f, before) for f in before.facts if f.subject == uses[0].subject) \
        if before and uses else Counter[tuple[str | None, tuple[str, ...]]]()
    now = Counter(_target(f, facts) for f in uses)
    seen: set[tuple[str | None, tuple[str, ...]]] = set()
    out: list[Fact] = []
    for fact in sorted(each_added(uses, added, len(uses)), key=lambda f: _target(f, facts) in old):
        target = _target(fact, facts)
        if target not in seen and len(out) < rise and now[target] > old[target]:
            seen.add(target)
            out.append(fact)
    return sorted(out, key=lambda f: f.line)


def routed_uploads(subject: str, head: Mapping[str, FileFacts], base: Mapping[str, FileFacts],
                   counterpart: Mapping[str, str | None]) -> frozenset[tuple[str, int, str]]:
    """(path, line, subject) of the uploads ``subject`` of the changed head files that the app made before the
    change by another route, no place for a finding of a rule judging each call: a direct call whose call shape
    (readers/callshape.py: its function's name, what it passes — the destination as written) a changed base file
    made and its head version no longer makes (an upload wrapper moved to another module); a wrapper's call where
    the file's base version made the same call (same function, same arguments) of a project function named as an
    upload that no module resolved (``call:upload``, :data:`~mp_precheck.facts.model.UPLOAD_GUESS`): the call
    re-pointed to the wrapper now reached; a call of a page method or local function (``Fact.defined``, not one
    the module exports) whose upload the base version made in it with the same shape, called from one place
    (readers/localcalls.py: counted at its own call): its caller inlined, split or joined by another, the one
    upload sent as before. A changed wrapper or other arguments make another shape: still new, and so are one more
    call of a helper the base called from several places (each call its own file) and a module's sibling call of
    the uploader it exports (a file of its own)."""
    def shapes(file_facts: FileFacts | None) -> Counter[str]:
        return Counter(s for f in file_facts.facts if f.subject == subject and not f.role
                       and (s := file_facts.call_shapes.get(f.line, ""))[:1] not in ("", ":")) \
            if file_facts is not None else Counter()
    kept = {old: head[path] for path, old in counterpart.items() if old and path in head}
    gone = sum((shapes(facts) - shapes(kept.get(old)) for old, facts in base.items()), Counter[str]())
    out: set[tuple[str, int, str]] = set()
    for path, facts in head.items():
        before = base.get(counterpart.get(path) or "")
        guessed = {before.call_shapes.get(f.line) for f in before.facts if f.subject == UPLOAD_GUESS} \
            if before is not None else set()
        for fact in (f for f in facts.facts if f.subject == subject):
            shape = facts.call_shapes.get(fact.line, "")
            if before is not None and _sent_once(fact, facts, before):
                out.add((path, fact.line, subject))  # the base's one call of the method, moved or split
            elif fact.role and shape in guessed:
                out.add((path, fact.line, subject))
            elif not fact.role and gone[shape] > 0:
                gone[shape] -= 1  # each call that left a module offsets one arriving in another
                out.add((path, fact.line, subject))
    return frozenset(out)


def _sent_once(fact: Fact, facts: FileFacts, before: FileFacts) -> bool:
    """Whether ``fact`` of ``facts`` calls a method of the file the module does not export (``Fact.defined``) whose
    own upload ``before`` (the file's base version) made with the same shape, counted there at that call: the
    method was called from one place (see :func:`routed_uploads`)."""
    name = (fact.role or "").partition("#")[2]
    own = facts.call_shapes.get(fact.defined) if fact.defined is not None else None
    return own is not None and name not in facts.exports and name not in before.exports \
        and not any(f.role == fact.role for f in before.facts) \
        and any(f.subject == fact.subject and not f.role and before.call_shapes.get(f.line) == own
                for f in before.facts)


def _target(fact: Fact, facts: FileFacts) -> tuple[str | None, tuple[str, ...]]:
    """What an upload ``fact`` of ``facts`` sends where (see :func:`each_target`): (its ``via:`` role, the strings
    passed) for a wrapper's call — for a helper of the same file, the shape of the helper's own call
    (readers/callshape.py: what it passes, its name left out), so a helper renamed with the same call is the same
    target; (None, the picker last called above it, else the function it is in) for a direct call."""
    if fact.role:
        shape = facts.call_shapes.get(fact.defined, "") if fact.defined is not None else ""
        return "own:" + shape.partition(":")[2] if shape else fact.role, facts.call_literals.get(fact.line, ())
    pickers = sorted((f.line, f.subject) for f in facts.facts if f.subject in PICKERS)
    return None, tuple(subject for line, subject in pickers if line <= fact.line)[-1:] or \
        ("in:" + facts.call_shapes.get(fact.line, "").partition(":")[0],)


def each_function(uses: list[Fact], added: frozenset[int], rise: int, shapes: Mapping[int, str]) -> list[Fact]:
    """Up to ``rise`` of ``uses`` on lines the diff adds, one per named function a direct call is in (``shapes``:
    line → ``function:digest``, ``readers/callshape.py``) and one per project helper reached (``via:`` role: the
    helper is the one picker, however many places call it); uses with no known function (markup) are one."""
    seen: set[str] = set()
    out: list[Fact] = []
    for fact in each_added(uses, added, len(uses)):
        use = fact.role or "in:" + shapes.get(fact.line, "").partition(":")[0]
        if use not in seen and len(out) < rise:
            seen.add(use)
            out.append(fact)
    return out


def sole_calls_of_new_helpers(head: Mapping[str, FileFacts], base: Mapping[str, FileFacts],
                              counterpart: Mapping[str, str | None],
                              added_lines: Mapping[str, frozenset[int]]) -> frozenset[tuple[str, int, str]]:
    """(path, line, subject) of the calls through a helper of another file that the change adds and calls from
    one place only, where the helper picks the user's files itself (one of :data:`PICKERS`) and makes the call
    (no ``via:`` role) on a line the diff adds: the caller hands it nothing it picked, so the helper and its one
    call are one use, reported at the helper's own calls — as :func:`at_new_helper` does within a file. A helper
    called from several places is a new use at each, and one that sends what its caller picked is the caller's
    upload too."""
    sites: dict[str, set[tuple[str, int]]] = defaultdict(set)
    for path, file_facts in head.items():
        for fact in file_facts.facts:
            if fact.role and fact.role.startswith("via:"):
                sites[fact.role].add((path, fact.line))
    out: set[tuple[str, int, str]] = set()
    for role, called in sites.items():
        where, _, name = role[4:].partition("#")
        helper = head[where].exports.get(name) if where in head and len(called) == 1 else None
        old = counterpart.get(where)
        if helper is None or (old and old in base and name in base[old].exports):
            continue  # not one call of a helper the change adds in a changed file
        added = added_lines.get(where, frozenset())
        own = {f.subject for f in head[where].facts if f.role is None and f.line in added
               and helper.covers(f.line)}
        if not own & PICKERS:
            continue  # it sends what its caller picked: the caller's call is an upload of its own
        (path, line), = called
        out |= {(path, line, f.subject) for f in head[path].facts
                if f.role == role and f.line == line and f.subject in own}
    return frozenset(out)


def told_in_helper(fact: Fact, told: AbstractSet[tuple[str, int]], head: Mapping[str, FileFacts],
                   before: Mapping[str, Mapping[str, Export]], added_lines: Mapping[str, frozenset[int]]) -> bool:
    """Whether ``fact`` is a call of an entry of another changed module (``via:<path>#<name>`` role) that makes
    no call of the subject in its own lines but reaches it through the module's other functions (a tracker's
    ``init()`` → ``this.startReporting()`` → ``wx.startLocationUpdateBackground``), or a hook or factory that
    calls it only inside the functions it hands back (``const { locate } = useLocator()``: ``Export.handed``;
    called directly or through a barrel that passes it on, the role names the module that defines it), where
    the change adds that call and tells it: ``told`` holds (path, line) of the findings of the same rule and
    subject, one of them in the module on a line the diff adds (``added_lines``), and the entry's version in
    ``before`` (head path → the base version's exports) did not reach the subject. The module runs the API
    itself, when it decides to: the caller starts it, one use told once where the change adds it. A wrapper
    whose own lines make the call (a promise wrapper, a location getter, a hook reading as it mounts) is the
    caller's ask, told at the call too, and so is a new call of an entry that reached the API before the
    change. Inputs are the head facts of the changed files; nothing raises
    (https://developers.weixin.qq.com/miniprogram/dev/framework/user-privacy/miniprogram-intro.html: a privacy
    API's use is declared once per purpose)."""
    role = fact.role or ""
    where, _, name = role[4:].partition("#")
    helper = head[where].exports.get(name) if role.startswith("via:") and where in head else None
    if helper is None or fact.subject not in helper.subjects:
        return False
    old = before.get(where, {}).get(name)
    if old is not None and fact.subject in old.subjects:
        return False  # a new call of an entry that reached the API before: a new use
    if fact.subject not in helper.handed and \
            any(f.subject == fact.subject and helper.covers(f.line) for f in head[where].facts):
        return False  # a wrapper making the call in its own lines: the caller's ask
    added = added_lines.get(where, frozenset())
    return any(path == where and line in added for path, line in told)


def moved_into_helpers(head: Mapping[str, FileFacts], base: Mapping[str, FileFacts],
                       counterpart: Mapping[str, str | None]) -> frozenset[tuple[str, int, str]]:
    """(path, line, subject) of the API calls a helper makes that moved there from one of its callers: a file
    whose base version made the same call itself (the same subject, not through a helper) and that now makes it
    fewer times but calls the helper for it (a page's ``wx.getLocation`` moved into ``utils/location.js``, which
    the page now calls). The use stays the caller's, where the count already tells whether it is new; the helper's
    own call is the moved code, not a use of its own, however much else the change adds. A helper call of another
    API than the caller made (``wx.chooseMedia`` where the page called ``wx.chooseImage``), or one no caller made
    before, is not covered here."""
    def direct(facts: FileFacts, subject: str) -> int:
        return sum(1 for f in facts.facts if f.subject == subject and f.kind == "api"
                   and not (f.role and f.role.startswith(("via:", "dispatch:"))))
    moved: set[tuple[str, str, str]] = set()  # (helper path, helper name, subject)
    for path, file_facts in head.items():
        old = counterpart.get(path)
        if not old or old not in base:
            continue
        for fact in file_facts.facts:
            if fact.kind == "api" and fact.role and fact.role.startswith("via:") and \
                    direct(base[old], fact.subject) > direct(file_facts, fact.subject):
                where, _, name = fact.role[4:].partition("#")
                moved.add((where, name, fact.subject))
    out: set[tuple[str, int, str]] = set()
    for where, name, subject in moved:
        helper = head[where].exports.get(name) if where in head else None
        if helper is not None:
            out |= {(where, f.line, subject) for f in head[where].facts
                    if f.subject == subject and f.role is None and helper.covers(f.line)}
    return frozenset(out)


def at_own_calls(placed: Sequence[tuple[Rule, str, Fact]], head: Mapping[str, FileFacts],
                 base: Mapping[str, FileFacts], counterpart: Mapping[str, str | None],
                 added_lines: Mapping[str, frozenset[int]]) -> list[Fact]:
    """The fact to tell each (rule, head path, fact) of ``placed`` at: a privacy finding told at a call of a
    project helper (``via:`` role) moves onto the file's own call of the platform, where one the diff adds shows
    the use: the first direct call of the same API, else, in a file that makes none of its rule's subjects itself,
    the first of the rule's ``follow_calls`` (a Bluetooth scan on the adapter the helper opened), named in the
    fact's value; never onto a line the rule already tells in that file (each picker's own use stays its own).
    The helper's own call is told where the helper is; a file that only calls the helper, calls a helper its
    base version called (``analyzers/called_helpers.py`` judges that call), or makes a subject of the rule itself
    keeps its finding where it was. Nothing raises
    (https://developers.weixin.qq.com/miniprogram/dev/framework/user-privacy/miniprogram-intro.html)."""
    told = {(rule.id, path, fact.line) for rule, path, fact in placed}
    out: list[Fact] = []
    for rule, path, fact in placed:
        own = _own_call(rule, path, fact, head, base, counterpart, added_lines.get(path, frozenset()))
        if own is not None and (rule.id, path, own.line) not in told:
            told.add((rule.id, path, own.line))
            fact = own
        out.append(fact)
    return out


def _own_call(rule: Rule, path: str, fact: Fact, head: Mapping[str, FileFacts], base: Mapping[str, FileFacts],
              counterpart: Mapping[str, str | None], added: frozenset[int]) -> Fact | None:
    """The direct call of file ``path`` to tell ``fact`` at instead of its helper call (see :func:`at_own_calls`)."""
    role = fact.role or ""
    if not rule.privacy_key or rule.each_call or rule.each_occurrence or not role.startswith("via:") \
            or path not in head:
        return None
    old = counterpart.get(path)
    if old and old in base and any(f.role == role for f in base[old].facts):
        return None  # a helper the file called before: not a new use of the file's own
    direct = sorted((f for f in head[path].facts if f.kind == "api" and f.role is None), key=lambda f: f.line)
    same = [f for f in direct if f.subject == fact.subject and f.line in added]
    if same:
        return same[0]
    if any(rule.matches(f.subject) for f in direct):
        return None  # the file makes a subject of the rule itself: that call is its use
    follow = next((f for f in direct if f.subject in rule.follow_calls and f.line in added), None)
    return replace(follow, value=follow.subject) if follow is not None else None


def at_new_helper(fact: Fact, added: frozenset[int]) -> Fact:
    """A call of a same-file helper the change adds (``this.uploadImg(a)`` with ``uploadImg`` new too): the
    use is the helper's own call, where the request is built; a new call of an existing helper stays."""
    return replace(fact, line=fact.defined) if fact.defined is not None and fact.defined in added else fact


def unchanged_texts(head: Mapping[str, FileFacts], base: Mapping[str, FileFacts],
                    counterpart: Mapping[str, str | None],
                    added_lines: Mapping[str, frozenset[int]]) -> frozenset[tuple[str, int, str]]:
    """(head path, line, subject) of the texts (``kind == "text"``) each head file shows in words its base version
    (``counterpart``) already showed, as many as it showed, those on lines the diff does not add (``added_lines``)
    taken first. No place for a finding: one must sit on what the change wrote, so a page that said 微信登录 before
    and adds other wording is told at the new wording, and one whose matching texts are all old stays silent."""
    out: set[tuple[str, int, str]] = set()
    for path, file_facts in head.items():
        old = base.get(counterpart.get(path) or "")
        before = Counter((f.subject, f.value) for f in old.facts if f.kind == "text") if old else Counter()
        added = added_lines.get(path, frozenset())
        texts = sorted((f for f in file_facts.facts if f.kind == "text"), key=lambda f: (f.line in added, f.line))
        for fact in texts if before else ():
            if before[(fact.subject, fact.value)] > 0:
                before[(fact.subject, fact.value)] -= 1
                out.add((path, fact.line, fact.subject))
    return frozenset(out)


def pick(uses: list[Fact], added: frozenset[int]) -> Fact:
    """The use to report: the first on a line the diff adds, else the first in the file."""
    for fact in sorted(uses, key=lambda f: f.line):
        if fact.line in added:
            return fact
    return min(uses, key=lambda f: f.line)


# Roles of a host a network API is seen to use (readers/jsfacts.py ``_HOST_ROLES``; an env file's API base).
_NETWORK_ROLES = frozenset({"request", "upload", "download", "socket"})


def host_place(places: list[tuple[str, Fact]], handed: Sequence[frozenset[str] | None] = ()) -> int:
    """Index of the one place of ``places`` ((head path, host fact), at least one) where a new host is told, the
    place a reviewer looks first. In order: a release build's config or env file (``prod.env.js``,
    ``.env.production``) before a shared one and before a development or test one (``dev.env.js``,
    ``.env.development``: :func:`~mp_precheck.readers.envfiles.build_stage`); a place a network API is seen to
    use (a request's URL, a base URL its file passes to a request, a URL handed to the app's own request
    function) before a constant no call in its file uses (an unused config entry beside an inline request URL only
    says the host exists); a module (an API module, a config, the app file) before a page or component that
    writes the URL in its own code; the origin alone (``const host = "https://api.x.cn"``); a base with a path
    that the other places' URLs extend (``baseURL = 'http://h:8080/api'`` beside ``uploadFile({url:
    'http://h:8080/api/upload'})``); else the first place.

    ``handed`` (one entry per place, or empty) gives, for a URL handed to a project function (readers/handedurls.py),
    the files of the functions that call takes it to (none when it is followed nowhere), else None: a URL handed
    to a module that is itself one of the places (the request module's own host constant) is that module's
    request, told at the module, not a use seen in the caller. Nothing raises."""
    network = [p[1].role in _NETWORK_ROLES for p in places]
    paths = {path for path, _fact in places}
    seen = [network[i] and not (handed and (to := handed[i]) is not None and to & (paths - {places[i][0]}))
            for i in range(len(places))]
    values = [(i, p[1].value or "") for i, p in enumerate(places) if network[i] or not any(network)]

    def origin_only(fact: Fact) -> bool:
        parts = urlsplit(fact.value or "")
        return bool(parts.netloc) and parts.path in ("", "/") and not parts.query

    def extended(i: int) -> bool:  # by the other places' URLs: a base ending in "/" does not extend itself
        url = (places[i][1].value or "").rstrip("/")
        return bool(url) and any(value.startswith(url + "/") for j, value in values if j != i)

    def rank(i: int) -> tuple[int, bool, bool, bool, bool, int]:
        path, fact = places[i]
        return (build_stage(path), not seen[i], _in_view(path), not origin_only(fact), not extended(i), i)
    return min(range(len(places)), key=rank)


def page_place(paths: Sequence[str]) -> int:
    """Index of the one path of ``paths`` (head paths, at least one) where a rule judged once per change is told
    (a service that needs a category: the 话费充值 page, its dialog and a menu entry to it are one service): in
    markup before script, a page before the components in its folders (fewer path segments), then by path. A
    page's own configuration (its title in ``index.json`` / ``index.config.ts``) comes after every other file of
    its folder that carries the words: the title only names the page, its template and script show the service
    the reviewer judges (the form, the list). Nothing raises."""
    shown = {posixpath.dirname(path) for path in paths if not _page_config(path)}

    def rank(i: int) -> tuple[bool, bool, int, str]:
        path = paths[i]
        return (_page_config(path) and posixpath.dirname(path) in shown, path.endswith(_SCRIPT_SUFFIXES),
                path.count("/"), path)
    return min(range(len(paths)), key=rank)


def _page_config(path: str) -> bool:
    """Whether ``path`` is a configuration file (a page's ``.json``, Taro's ``index.config.ts``) by its name."""
    name = posixpath.basename(path).lower()
    return name.endswith(".json") or name.endswith(_CONFIG_SUFFIXES)


_SCRIPT_SUFFIXES = (".js", ".ts", ".jsx", ".tsx", ".mjs")
_CONFIG_SUFFIXES = (".config.js", ".config.ts")


def _in_view(path: str) -> bool:
    """Whether ``path`` is a page's or component's file (its markup, a single-file component, a script under a
    ``pages`` or ``components`` folder), where a URL is written into one screen's code, rather than a module
    the app's requests share (an API module, a config, the app file ``app.wpy`` / ``App.vue``)."""
    stem, suffix = posixpath.splitext(posixpath.basename(path))
    if stem.lower() in _APP_STEMS:
        return False
    folders = {folder.lower() for folder in posixpath.dirname(path).split("/")}
    return suffix.lower() in _VIEW_SUFFIXES or bool(folders & _VIEW_FOLDERS)


_APP_STEMS = frozenset({"app", "main"})
_VIEW_SUFFIXES = frozenset({".wxml", ".vue", ".nvue", ".wpy", ".mpx", ".jsx", ".tsx", ".axml", ".swan"})
_VIEW_FOLDERS = frozenset({"pages", "page", "components", "component", "views", "view"})


def at_saver_calls(placed: Sequence[tuple[Rule, str, Fact]], head: Mapping[str, FileFacts],
                   base: Mapping[str, FileFacts], counterpart: Mapping[str, str | None],
                   added_lines: Mapping[str, frozenset[int]]) -> list[tuple[str, Fact] | None]:
    """Where to tell each (rule, head path, fact) of ``placed``: (path, fact), or None when it is told already. A
    call judged per call (an upload, ``each_call``) of a function of another changed module (``via:`` role) that
    the change adds — or that reached no such subject before — and that does more than pass the file on (a save:
    it hands the caller's draft to the app's upload wrapper, then sends the record by another wrapper) is told at
    the function's own call of the other module's upload wrapper, on a line the diff adds: the upload is a step of
    the save, written there, while the caller's line only saves (one finding per wrapper target, however many
    callers or savers). A thin function whose one call is the upload wrapper (``uploadAvatar(path)`` →
    ``uploadFile(path, '/avatar')``) stays told at each caller: it sends what that caller picked, as the wrapper
    would. Nothing raises (what review tests: each upload's content,
    https://developers.weixin.qq.com/miniprogram/dev/server/API/sec-center/sec-check/api_mediacheckasync.html)."""
    steps = [_saver_step(rule, fact, head, base, counterpart, added_lines)
             if rule.each_call and not (fact.role or "").startswith(f"via:{path}#") else None  # same file: not here
             for rule, path, fact in placed]

    def target(rule: Rule, where: str, call: Fact) -> tuple[str, str, str | None, tuple[str, ...]]:
        return rule.id, where, call.role, head[where].call_literals.get(call.line, ())
    first: dict[tuple[str, str, str | None, tuple[str, ...]], tuple[str, Fact]] = {}
    found = [(p[0], s) for p, s in zip(placed, steps, strict=True) if s is not None]
    for rule, (where, call) in sorted(found, key=lambda rs: rs[1][1].line):
        first.setdefault(target(rule, where, call), (where, call))
    out: list[tuple[str, Fact] | None] = []
    for (rule, path, fact), step in zip(placed, steps, strict=True):
        out.append((path, fact) if step is None else first.pop(target(rule, *step), None))
    return out


def _saver_step(rule: Rule, fact: Fact, head: Mapping[str, FileFacts], base: Mapping[str, FileFacts],
                counterpart: Mapping[str, str | None],
                added_lines: Mapping[str, frozenset[int]]) -> tuple[str, Fact] | None:
    """(module path, its call of another module's wrapper of ``fact.subject``) for a call of a saver (see
    :func:`at_saver_calls`), else None."""
    role = fact.role or ""
    where, _, name = role[4:].partition("#")
    saver = head[where].exports.get(name) if role.startswith("via:") and where in head else None
    if saver is None or not rule.matches(fact.subject):
        return None
    old = counterpart.get(where)
    before = base[old].exports.get(name) if old and old in base else None
    if before is not None and fact.subject in before.subjects:
        return None  # a function that reached the subject before: a new call of it is the caller's use
    calls = [f for f in head[where].facts if f.role and f.role.startswith("via:") and saver.covers(f.line)
             and not f.role.startswith(f"via:{where}#")]
    steps = sorted((f for f in calls if f.subject == fact.subject and f.line in added_lines.get(where, frozenset())),
                   key=lambda f: f.line)
    if not steps or not any(f.role != steps[0].role for f in calls):
        return None  # no new call of another module's wrapper, or a thin function whose one call is the upload
    return where, steps[0]
