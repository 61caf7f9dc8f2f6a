"""Inline suppressions: ``mp-precheck-ignore <rule-id>: <reason>`` on the line of a finding or the line
above it, in any comment syntax (``//``, ``/* */``, ``<!-- -->``, ``#``).

The reason is required and shown in the report; a suppression without one is not applied. A
suppression that matches no finding is reported, so stale ones do not pile up. Suppressions the
change adds are a relaxation of the check and get a finding of their own (see :mod:`relaxation`).
"""

from __future__ import annotations

import re
from functools import cache

from msgspec import Struct
from msgspec.structs import replace

from mp_precheck.core.recache import compiled
from mp_precheck.core.report import Finding

DIRECTIVE = "mp-precheck-ignore"


class Suppression(Struct, frozen=True):
    """One directive: where it is, the rule it names and its reason ('' when missing)."""

    path: str
    line: int
    rule: str
    reason: str


@cache
def _directive() -> re.Pattern[str]:  # compiled when a file first holds a directive
    return compiled(r"mp-precheck-ignore\s+(?P<rule>[a-z_]+\.[a-z0-9_]+)(?:\s*:\s*(?P<reason>.*?))?"
                      r"\s*(?:-->|\*/)?\s*$")


def find_suppressions(path: str, text: str) -> list[Suppression]:
    """Every directive in a file's text (1-based lines)."""
    if DIRECTIVE not in text:
        return []
    found = []
    for number, row in enumerate(text.splitlines(), 1):
        at = row.find(DIRECTIVE)
        if at < 0:
            continue
        match = _directive().search(row[at:])
        if match:
            found.append(Suppression(path, number, match.group("rule"), (match.group("reason") or "").strip()))
    return found


def apply_suppressions(findings: list[Finding], suppressions: list[Suppression]) -> tuple[list[Finding],
                                                                                        list[Suppression],
                                                                                        list[Suppression]]:
    """Mark findings a directive covers. Returns (findings, directives without a reason, unused ones)."""
    used: set[Suppression] = set()
    out = []
    for f in findings:
        match = next((s for s in suppressions if s.path == f.path and s.rule == f.rule and s.reason
                      and s.line in (f.line, f.line - 1)), None)
        if match is not None:
            used.add(match)
            f = replace(f, suppressed=True, suppression_reason=match.reason)
        out.append(f)
    missing_reason = [s for s in suppressions if not s.reason]
    unused = [s for s in suppressions if s.reason and s not in used]
    return out, missing_reason, unused
