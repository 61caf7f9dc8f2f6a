"""Forced login widened: a launch or entry-page redirect to login that now runs under fewer conditions.

The semantic diff tells a forced-login redirect apart by its target, so a redirect the app already had is
not new — but a change that takes away the condition around it (``if (!userInfo) wx.reLaunch(…)`` made
unconditional: every launch, returning users too) or drops an exception the old one had is new forced
login, though the call itself existed. The redirect is compared with its base version in the same file
(:class:`~mp_precheck.readers.lifecycle.ForcedAction` counts the conditions from the hook through each
helper) and reported when it runs under fewer conditions than every base use, at the deepest of its calls
the change touched. Code moved or refactored under the same conditions, a redirect commented out, and one
on a tap are not reported (the first keeps its count, the others are no hook facts at all).

Source: https://developers.weixin.qq.com/miniprogram/product/index.html (请在用户了解体验小程序功能后，再要求用户进行
帐号登录; operations rules 15.1.3).

Reads: ``head_facts``, ``base_facts``, ``counterpart``, ``added_lines`` · ``login.forced_login``.
Writes: adds ``login.forced_login`` (scope ``file``) for an existing redirect now under fewer conditions.
"""

from __future__ import annotations

from mp_precheck.analyzers.context import ProjectContext
from mp_precheck.core.report import Finding
from mp_precheck.facts.model import Fact
from mp_precheck.readers.lifecycle import parse_guard

FORCED = ("login:launch:", "login:entry-page:")


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    told = {(f.path, f.subject) for f in findings if f.rule == "login.forced_login"}
    out = list(findings)
    for path in sorted(context.head_facts):
        old = context.counterpart.get(path)
        base = context.base_facts.get(old) if old else None
        if base is None:
            continue
        for fact in context.head_facts[path].facts:
            if not fact.subject.startswith(FORCED) or (path, fact.subject) in told:
                continue
            line = _widened(fact, [f for f in base.facts if f.subject == fact.subject],
                            context.added_lines.get(path, frozenset()))
            if line is not None:
                told.add((path, fact.subject))
                out.append(context.finding("login.forced_login", fact.subject, path, line, scope="file",
                                           value=f"{fact.value} (now under fewer conditions)"))
    return out


def _widened(fact: Fact, before: list[Fact], added: frozenset[int]) -> int | None:
    """The line to report when ``fact`` runs under fewer conditions than each of its base uses ``before``
    and the change touched one of its calls: the deepest touched call. None otherwise."""
    guard = parse_guard(fact.role)
    old = [parse_guard(f.role) for f in before]
    if guard is None or not old or any(g is None for g in old):
        return None
    conditions, calls = guard
    if conditions >= min(g[0] for g in old if g is not None):
        return None
    return next((line for line in reversed(calls) if line in added), None)
