"""A secret replaced by another in place: the line that held one AppSecret now holds a different one.

The semantic diff tells a secret where a file's count of them rises (``policy.client_secret`` judges each
occurrence); a commit that swaps the 32-hex value on the same line leaves the count as it was, yet it writes a
secret into the package that was never there: a new leak to rotate (the AppSecret belongs on the developer's
server: https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/user-login/code2Session.html). A value the
change's base files held (moved from another changed file) or another head file holds is no new secret.

The values are compared here and never leave this module: each finding carries the fact's value, masked where
the fact was made (:mod:`mp_precheck.core.secrets`).

Reads: ``head_facts``, ``added_lines``, ``read_head``, ``read_base``, ``counterpart``, ``base_facts``,
``repo_grep``, ``catalog`` · findings of the secret rules.
Writes: adds the secret rule's finding (``policy.client_secret``, ``policy.service_secret``) at an added line whose
secret is not among the base's.
"""

from __future__ import annotations

from collections.abc import Iterable

from mp_precheck.analyzers.context import ProjectContext
from mp_precheck.core.lazyre import lazy
from mp_precheck.core.report import Finding

# An AppSecret's form, standing alone (not part of a longer hex run or word).
_VALUE = lazy(r"(?<![0-9A-Za-z])[0-9a-fA-F]{32}(?![0-9A-Za-z])")


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    written = [(path, fact) for path, facts in sorted(context.head_facts.items())
               for fact in facts.facts if fact.subject.startswith("secret:")
               and fact.line in context.added_lines.get(path, frozenset())]
    told = {(f.path, f.line) for f in findings if f.subject.startswith("secret:")}
    written = [(path, fact) for path, fact in written if (path, fact.line) not in told]
    if not written:
        return findings
    olds = {*context.base_facts, *filter(None, context.counterpart.values())}  # the change's files as they were
    before = _values(context.read_base(old) for old in sorted(olds))
    out = list(findings)
    for path, fact in written:
        lines = (context.read_head(path) or "").split("\n")
        values = _values(lines[fact.line - 1:fact.line]) - before
        if not values or _held_elsewhere(context, path, values):
            continue
        for rule in context.catalog.rules_for(fact.subject):
            out.append(context.finding(rule.id, fact.subject, path, fact.line, scope="file", value=fact.value))
    return out


def _values(texts: Iterable[str | None]) -> set[str]:
    """The AppSecret-shaped values in ``texts``, lower-cased (hex in either case is one value)."""
    return {m.group(0).lower() for text in texts if text for m in _VALUE.finditer(text)}


def _held_elsewhere(context: ProjectContext, path: str, values: set[str]) -> bool:
    """Whether every one of ``values`` is already in another head file (an unchanged config copied from)."""
    spelled = {v for value in values for v in (value, value.upper())}
    found = context.repo_grep(spelled)
    held = {v.lower() for other, names in found.items() if other != path for v in names}
    return values <= held
