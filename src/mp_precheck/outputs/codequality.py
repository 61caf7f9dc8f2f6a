"""The report as a GitLab Code Quality report (``--format codequality``).

GitLab reads a JSON array of Code Climate-style issues from the job artifact declared under
``artifacts: reports: codequality:`` and shows them in the merge request widget and the diff
(https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format). Each issue needs
``description``, ``check_name``, a ``fingerprint`` unique within the report (GitLab compares base and head
by it, so it leaves the line number out, like ours), ``severity`` (``info``, ``minor``, ``major``,
``critical`` or ``blocker``) and ``location.path`` (relative to the repository root) with
``location.lines.begin``. Suppressed findings are left out: the format has no notion of a dismissed issue.
"""

from __future__ import annotations

import json
from typing import Any, Literal

from mp_precheck.core.digests import sha256
from mp_precheck.core.report import Finding, Report
from mp_precheck.core.vocabulary import SEVERITIES, Severity
from mp_precheck.outputs.sarif import describe

CodeQualitySeverity = Literal["info", "minor", "major", "critical", "blocker"]

SEVERITY: dict[Severity, CodeQualitySeverity] = {
    "high": "critical", "medium": "major", "low": "minor", "info": "info",
}


def render_codequality(report: Report) -> str:
    """The report's active findings as a GitLab Code Quality JSON array (text ending with a newline).

    Inputs: a :class:`Report` (titles are in the report's language). Output: one issue per active
    finding, most severe first, with ``check_name`` the rule id and ``fingerprint`` the finding's own;
    when two findings share a fingerprint (two new call sites of one API in one file), the later ones get
    a fingerprint derived from it and their position in that group, so every fingerprint is unique.
    An empty report gives ``[]``. Never raises.
    """
    issues: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    for f in sorted(report.active_findings, key=_rank):
        count = seen.get(f.fingerprint, 0)
        seen[f.fingerprint] = count + 1
        fingerprint = f.fingerprint if count == 0 else \
            sha256(f"{f.fingerprint}\0{count}".encode()).hexdigest()[:32]
        issues.append(_issue(f, fingerprint))
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"


def _issue(f: Finding, fingerprint: str) -> dict[str, Any]:
    return {
        "description": describe(f),
        "check_name": f.rule,
        "fingerprint": fingerprint,
        "severity": SEVERITY[f.severity],
        "location": {"path": f.path, "lines": {"begin": max(f.line, 1)}},
        "content": {"body": f"{f.fix}\n\n{f.doc}"},
        "categories": ["Compatibility"],
        "type": "issue",
    }


def _rank(f: Finding) -> tuple[int, str, int, str, str]:
    return (SEVERITIES.index(f.severity), f.path, f.line, f.rule, f.subject)
