"""Forced login judged for the whole app: a wall the app had, moved to another file, is no new forced login.

Whether users must log in before they see anything is a property of the app, not of one file. A change that takes
the no-token redirect out of ``App.onLaunch`` and puts the same redirect in the entry page's ``onLoad`` (or in a
helper the entry page calls, a route guard of the app config, or the other way round) moves the wall: the app
forced login before and forces it now, in the same way. The per-file readers see a launch wall gone and an
entry-page wall added (``login:launch:`` → ``login:entry-page:``); here the head's launch and entry-page walls
are compared with the walls the base app had in its changed files and the change took away from there, whichever
file held them. An app that opened on a login page (its registry's first page) had a wall in front of that page:
a change that moves the login page out of the first place and puts first a page whose old redirect (no line of it
written by the change) sends users without a session there keeps that wall, adding none. A head wall is not
new when the base app had one leading to the same page, or one the head no longer has anywhere when both lead
to a login page (by name:
``readers/lifecycle.py`` ``LOGIN_TARGET``, or an authorization page by content: ``readers/authpage.py``) — a
login page renamed or replaced with the move. Nor is a new first page put in front of the old one (a splash) whose
redirect sends every user, under no condition, on to the page the base app opened on: the app opens there as before.

Kept: a wall that now runs under fewer conditions than every base wall it matches (``if (!token)`` dropped on
the way: returning users are sent too, as ``analyzers/forced_login.py`` ``_widened`` tells within one file); a
wall on another page that shares itself (``analyzers/share_landing.py``) when the base app had only an
entry-page wall, which a shared card's landing page never ran; overlays and template walls
(``login:entry-page:overlay:`` / ``wall:``), whose writers compare with the base themselves.

Source: https://developers.weixin.qq.com/miniprogram/product/index.html (请在用户了解体验小程序功能后，再要求用户进行
帐号登录; operations rules 15.1.3).

Reads: ``project``, ``base_facts``, ``head_facts``, ``facts_at_head``, ``read_head``, ``read_base``,
``counterpart``, ``added_lines`` · ``login.forced_login``.
Writes: removes ``login.forced_login`` of a launch or entry-page wall the base app already had elsewhere, and of a
splash's redirect to the base app's first page.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from mp_precheck.analyzers.auth_entry import base_reader, entry_before, page_ask
from mp_precheck.analyzers.context import ProjectContext, as_shipped
from mp_precheck.analyzers.forced_login import fewer_conditions
from mp_precheck.analyzers.missing_pages import registry_file
from mp_precheck.core.report import Finding
from mp_precheck.core.subject import app_config
from mp_precheck.facts.model import Fact
from mp_precheck.facts.scope import entry_scripts, page_sources
from mp_precheck.readers.appconfig import page_name
from mp_precheck.readers.lifecycle import LOGIN_TARGET, page_path, parse_guard

RULE = "login.forced_login"
LAUNCH, ENTRY = "login:launch:", "login:entry-page:"
# An app that opened on a login page (the registry's first page named as one: ``facts/scope.py``) walled every user
# in front of that page as surely as a launch redirect to it.
OPENED_ON = app_config("entry-login", "")
_OWN_BASE = ("overlay:", "wall:")  # subjects whose writers compare with the base themselves
_SCRIPTS = (".js", ".ts", ".vue", ".wpy", ".mpx", ".jsx", ".tsx")


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    context = as_shipped(context)  # code only another platform runs is no wall a WeChat user meets
    findings = [f for f in findings if not _before_splash(context, f)]
    before = _removed(context)
    if not before or not any(f.rule == RULE for f in findings):
        return findings
    now = {_target(f.subject) for facts in context.head_facts.values() for f in facts.facts} | \
        {_target(f.subject) for f in findings if f.rule == RULE}
    gone = {id(f) for f in before if _target(f.subject) not in now}  # walls the head has nowhere: replaced
    landing = _other_pages(context)
    login_pages: dict[tuple[str, bool], bool] = {}

    def login_page(target: str, base: bool) -> bool:
        if (target, base) not in login_pages:
            login_pages[(target, base)] = _login_page(context, target, base)
        return login_pages[(target, base)]

    out = []
    for finding in findings:
        target = _target(finding.subject) if finding.rule == RULE else None
        walls = [] if target is None else \
            [f for f in before if (f.subject.startswith(LAUNCH) or finding.path not in landing) and
             _same_wall(target, _target(f.subject), login_page if id(f) in gone else None) and
             (not f.subject.startswith(OPENED_ON) or _unwritten(context, finding))]
        if walls and not fewer_conditions(_head_fact(context, finding), walls):
            continue
        out.append(finding)
    return out


def _removed(context: ProjectContext) -> list[Fact]:
    """The base app's launch and entry-page walls (an entry page named as a login page among them) its file no
    longer has at head (the file deleted, or holding fewer walls of that subject): the walls the change took away
    from where they were. A wall its file keeps is still there, and a second one beside it is the semantic diff's
    to judge."""
    head_of = {old: new for new, old in context.counterpart.items() if old is not None}
    out: list[Fact] = []
    for old, facts in context.base_facts.items():
        walls = [f for f in facts.facts if f.subject.startswith((LAUNCH, ENTRY, OPENED_ON))]
        if not walls:
            continue
        new = head_of.get(old)
        kept = Counter(f.subject for f in context.head_facts[new].facts) \
            if new is not None and new in context.head_facts else Counter[str]()
        for wall in walls:
            if kept[wall.subject] > 0:
                kept[wall.subject] -= 1
            else:
                out.append(wall)
    return out


def _target(subject: str) -> str | None:
    """The page (or prompt) a launch or entry-page wall's subject leads to, None for any other subject."""
    kind = next((k for k in (LAUNCH, ENTRY, OPENED_ON) if subject.startswith(k)), None)
    rest = subject[len(kind):] if kind else ""
    if not rest or rest.startswith(_OWN_BASE):
        return None
    return rest if rest.endswith("()") or rest.startswith("wx.") else page_path(rest)


def _same_wall(target: str, old: str | None, login_page: Callable[[str, bool], bool] | None) -> bool:
    """Whether a head wall to ``target`` is the base wall to ``old``: the same page or prompt, or, for a base wall
    the head has nowhere (``login_page`` given), a login page in both (``login_page(target, base)`` tells one by
    name or content): the login page renamed or replaced with the move."""
    if old is None:
        return False
    if target == old or login_page is None:
        return target == old
    pages = not target.endswith("()") and not target.startswith("wx.") and \
        not old.endswith("()") and not old.startswith("wx.")
    return pages and login_page(target, False) and login_page(old, True)


def _login_page(context: ProjectContext, target: str, base: bool) -> bool:
    """Whether page ``target`` is a login page: named as one, or an authorization page by what its template shows
    (at head, or at the merge base when ``base``)."""
    if LOGIN_TARGET.search(page_name(target)):
        return True
    if target.startswith("."):
        return False  # a relative path names its page only beside the file that navigates
    return page_ask(context, target, base_reader(context) if base else context.read_head)[1] is not None


def _unwritten(context: ProjectContext, finding: Finding) -> bool:
    """Whether the change wrote none of the calls of the head redirect ``finding`` tells (its guard's call lines,
    else its own line, are no added lines of its file): a page that already sent users without a session to the
    login page, now first in place of that login page. A redirect the change writes is new code, told as such."""
    fact = _head_fact(context, finding)
    if fact is None:
        return False
    guard = parse_guard(fact.role)
    added = context.added_lines.get(finding.path, frozenset())
    return not any(line in added for line in (guard[1] if guard is not None and guard[1] else (fact.line,)))


def _before_splash(context: ProjectContext, finding: Finding) -> bool:
    """Whether ``finding`` tells an entry-page redirect that sends every user, under no condition, to the very page
    the base app opened on, from a new first page put in front of it (a splash, written or not by the change):
    every user met that page first at base too, so the app opens on it as before and no wall is added."""
    if finding.rule != RULE or not finding.subject.startswith(ENTRY):
        return False
    registry = registry_file(context.project)
    before = entry_before(context, registry) if registry is not None else None
    fact = _head_fact(context, finding)
    guard = parse_guard(fact.role) if fact is not None else None
    return before is not None and before != context.project.entry_page and guard is not None and guard[0] == 0 \
        and _target(finding.subject) == page_path(before)


def _head_fact(context: ProjectContext, finding: Finding) -> Fact | None:
    """The head fact a finding tells (its file's fact of the same subject on its line, else the first one)."""
    facts = context.head_facts.get(finding.path) or context.facts_at_head(finding.path)
    same = [f for f in facts.facts if f.subject == finding.subject] if facts is not None else []
    return next((f for f in same if f.line == finding.line), same[0] if same else None)


def _other_pages(context: ProjectContext) -> set[str]:
    """The scripts of the app's registered pages other than the entry page (a shared card's landing pages)."""
    project = context.project
    entry = entry_scripts(project)
    return {path for route in project.pages for path in page_sources(project, route, _SCRIPTS)} - entry
