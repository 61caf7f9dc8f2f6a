"""Forced login widened: a launch or entry-page redirect to login that now runs under fewer conditions.

The semantic diff tells a forced-login redirect apart by its target, so a redirect the app already had is
not new — but a change that takes away the condition around it (``if (!userInfo) wx.reLaunch(…)`` made
unconditional: every launch, returning users too) or drops an exception the old one had is new forced
login, though the call itself existed. The redirect is compared with its base version in the same file
(:class:`~mp_precheck.readers.lifecycle.ForcedAction` counts the conditions from the hook through each
helper) and reported when it runs under fewer conditions than every base use, at the deepest of its calls
the change touched. A new redirect whose hook statement the change left alone is told at that deepest added call
too (:func:`_at_change`): the helper's new ``wx.reLaunch``, not the unchanged ``wx.getStorage`` around its call.
Of a file's several redirects to one page (``onLoad`` and ``onShow``), the one under the fewest conditions
is told, here or by the semantic diff (:func:`_widest`), since it reaches the most users. Code
moved or refactored under the same conditions, a redirect commented out, and one on a tap are not reported (the
first keeps its count, the others are no hook facts at all).

The reverse holds too: a redirect the file had whose target is only spelled anew — a literal page path
replaced by a route constant (``redirectTo({ url: router.login })``), the login page renamed — is the same
forced login, not a new one: a semantic-diff finding whose subject replaces a base redirect of the same
hook kind that the head no longer has, under no fewer conditions, is dropped (:func:`_retargeted`).

Source: https://developers.weixin.qq.com/miniprogram/product/index.html (请在用户了解体验小程序功能后，再要求用户进行
帐号登录; operations rules 15.1.3).

Reads: ``head_facts``, ``base_facts``, ``counterpart``, ``added_lines`` · ``login.forced_login``.
Writes: adds ``login.forced_login`` (scope ``file``) for an existing redirect now under fewer conditions;
removes it for a redirect the file had, retargeted; moves it to the file's widest redirect to the same page.
"""

from __future__ import annotations

from msgspec.structs import replace

from mp_precheck.analyzers.context import ProjectContext
from mp_precheck.core.report import Finding
from mp_precheck.facts.model import Fact
from mp_precheck.readers.lifecycle import parse_guard

FORCED = ("login:launch:", "login:entry-page:")


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    out = [_at_change(context, _widest(context, f)) if f.rule == "login.forced_login" else f for f in findings
           if not (f.rule == "login.forced_login" and _retargeted(context, f))]
    told = {(f.path, f.subject) for f in out if f.rule == "login.forced_login"}
    for path in sorted(context.head_facts):
        old = context.counterpart.get(path)
        base = context.base_facts.get(old) if old else None
        if base is None:
            continue
        # the widest of the file's walls to one page first: the one that reaches the most users is the one told
        for fact in sorted(context.head_facts[path].facts, key=_condition_count):
            if not fact.subject.startswith(FORCED) or (path, fact.subject) in told:
                continue
            line = _widened(fact, [f for f in base.facts if f.subject == fact.subject],
                            context.added_lines.get(path, frozenset()))
            if line is not None:
                told.add((path, fact.subject))
                out.append(context.finding("login.forced_login", fact.subject, path, line, scope="file",
                                           value=f"{fact.value} (now under fewer conditions)"))
    return out


def _widest(context: ProjectContext, finding: Finding) -> Finding:
    """``finding`` moved to its file's redirect to the same page under the fewest conditions (the no-token
    ``onShow`` redirect beside an ``onLoad`` one that waits for a server answer): the wall most users meet.
    Unmoved when the one it tells is already the widest, the counts are unknown, or the base file had a redirect to
    that page under as few conditions (the widest is old: the new, narrower one is the change's)."""
    facts = context.head_facts.get(finding.path)
    same = [f for f in facts.facts if f.subject == finding.subject] if facts is not None else []
    told = next((f for f in same if f.line == finding.line), None)
    if told is None or len(same) < 2:
        return finding
    widest = min(same, key=_condition_count)
    old = context.counterpart.get(finding.path)
    base = context.base_facts.get(old) if old else None
    before = [f for f in base.facts if f.subject == finding.subject] if base is not None else []
    if _condition_count(widest) >= _condition_count(told) or (before and not fewer_conditions(widest, before)):
        return finding  # already the widest, or the widest is a wall the base file had: the new one is told
    guard = parse_guard(widest.role)
    added = context.added_lines.get(finding.path, frozenset())
    line = next((n for n in reversed(guard[1]) if n in added), widest.line) if guard is not None else widest.line
    return replace(finding, line=line, value=widest.value)


def _at_change(context: ProjectContext, finding: Finding) -> Finding:
    """``finding`` moved from its hook's statement, when the change left that line alone, to the deepest call on
    the way to the redirect that the change added: a launch hook calling ``this.login()`` as before, whose helper
    now ``wx.reLaunch``-es to the authorize page, is told at the new ``reLaunch``, the line a reviewer of the pull
    request reads. Unmoved when the statement is an added line or no call on the way is."""
    added = context.added_lines.get(finding.path, frozenset())
    facts = context.head_facts.get(finding.path)
    if finding.line in added or facts is None:
        return finding
    fact = next((f for f in facts.facts if f.subject == finding.subject and f.line == finding.line), None)
    guard = parse_guard(fact.role) if fact is not None else None
    line = next((n for n in reversed(guard[1]) if n in added), None) if guard is not None else None
    return finding if line is None else replace(finding, line=line)


def _condition_count(fact: Fact) -> int:
    """How many conditions ``fact``'s redirect runs under; unknown counts as more than any known count."""
    guard = parse_guard(fact.role)
    return guard[0] if guard is not None else 1 << 16


def _widened(fact: Fact, before: list[Fact], added: frozenset[int]) -> int | None:
    """The line to report when ``fact`` runs under fewer conditions than each of its base uses ``before``
    and the change touched one of its calls: the deepest touched call. None otherwise."""
    guard = parse_guard(fact.role)
    if guard is None or not fewer_conditions(fact, before):
        return None
    return next((line for line in reversed(guard[1]) if line in added), None)


def _retargeted(context: ProjectContext, finding: Finding) -> bool:
    """Whether ``finding``'s redirect replaces one its file had before, under another spelling of the target:
    the base file had redirects of the same kind (``login:launch:`` or ``login:entry-page:``) that the head no
    longer has, at least as many as the head's new ones, and the new one runs under no fewer conditions."""
    kind = next((prefix for prefix in FORCED if finding.subject.startswith(prefix)), None)
    old = context.counterpart.get(finding.path)
    base = context.base_facts.get(old) if old else None
    head = context.head_facts.get(finding.path)
    if kind is None or base is None or head is None:
        return False
    before = {f.subject: f for f in base.facts if f.subject.startswith(kind)}
    now = {f.subject: f for f in head.facts if f.subject.startswith(kind)}
    gone = [f for subject, f in before.items() if subject not in now]
    new = [subject for subject in now if subject not in before]
    fact = now.get(finding.subject)
    if fact is None or finding.subject in before or not gone or len(new) > len(gone):
        return False
    return not fewer_conditions(fact, gone)  # no conditions to compare: the same hook's redirect, respelled


def fewer_conditions(fact: Fact | None, before: list[Fact]) -> bool:
    """Whether the redirect ``fact`` runs under fewer conditions than every redirect in ``before`` (its base uses,
    or the walls it replaces); False when either count is unknown — no conditions to compare."""
    guard = parse_guard(fact.role) if fact is not None else None
    old = [parse_guard(f.role) for f in before]
    if guard is None or not old or any(g is None for g in old):
        return False
    return guard[0] < min(g[0] for g in old if g is not None)

