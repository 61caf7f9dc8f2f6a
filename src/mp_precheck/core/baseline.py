"""The accepted-risk baseline: findings a team has reviewed and accepted, keyed by fingerprint.

A fingerprint leaves the line number out (rule, subject, path, scope), so moving code does not
re-raise an accepted finding, and "new" is plain set arithmetic: found − accepted (detect-secrets'
habit). The file is read from the base revision, like the config.
"""

from __future__ import annotations

import json
from typing import Any

from msgspec import Struct
from msgspec.structs import replace

from mp_precheck.core.errors import ConfigError
from mp_precheck.core.report import Finding
from mp_precheck.core.subject import is_form

BASELINE_NAME = ".mp-precheck-baseline.json"


class Accepted(Struct, frozen=True):
    fingerprint: str
    rule: str
    path: str
    reason: str


def parse_baseline(text: str, source: str) -> dict[str, Accepted]:
    """fingerprint → accepted entry.

    Raises:
        ConfigError: not JSON, or not the baseline's shape.
    """
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise ConfigError(f"{source}: not valid JSON ({exc})") from exc
    except RecursionError:
        raise ConfigError(f"{source}: not valid JSON (nested too deeply)") from None
    if not isinstance(data, dict) or not isinstance(data.get("accepted"), list):
        raise ConfigError(f"{source}: expected {{\"version\": 1, \"accepted\": [...]}}")
    out = {}
    for i, item in enumerate(data["accepted"]):
        if not isinstance(item, dict) or not isinstance(item.get("fingerprint"), str):
            raise ConfigError(f"{source}: `accepted[{i}].fingerprint`: expected a string")
        out[item["fingerprint"]] = Accepted(item["fingerprint"], str(item.get("rule", "")), str(item.get("path", "")),
                                            str(item.get("reason", "")))
    return out


def holds_secret(finding: Finding) -> bool:
    """Whether ``finding`` is a secret written into the client (an AppSecret, another service's key: a
    ``secret:`` subject): it leaks with every copy of the package, so no blanket reason accepts it."""
    return is_form(finding.subject, "secret")


def apply_baseline(findings: list[Finding], accepted: dict[str, Accepted]) -> list[Finding]:
    """Findings whose fingerprint is accepted become suppressed, with the recorded reason."""
    out = []
    for f in findings:
        entry = accepted.get(f.fingerprint)
        if entry is not None and not f.suppressed:
            f = replace(f, suppressed=True, suppression_reason=f"baseline: {entry.reason or 'accepted'}")
        out.append(f)
    return out


def render_baseline(findings: list[Finding], previous: dict[str, Accepted], reason: str) -> str:
    """The baseline file accepting ``findings`` (and keeping what ``previous`` accepted)."""
    entries: dict[str, dict[str, Any]] = {
        a.fingerprint: {"fingerprint": a.fingerprint, "rule": a.rule, "path": a.path, "reason": a.reason}
        for a in previous.values()}
    for f in findings:
        entries.setdefault(f.fingerprint, {"fingerprint": f.fingerprint, "rule": f.rule, "path": f.path,
                                           "reason": reason})
    ordered = sorted(entries.values(), key=lambda e: (e["path"], e["rule"], e["fingerprint"]))
    return json.dumps({"version": 1, "accepted": ordered}, ensure_ascii=False, indent=2) + "\n"
