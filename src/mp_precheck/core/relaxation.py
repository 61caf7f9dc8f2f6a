"""What a change relaxes in mp-precheck itself: its config, its accepted-risk baseline, new suppression
comments. The run still uses the base revision's config; this finding tells reviewers that the next
runs will check less, and exactly what."""

from __future__ import annotations

from mp_precheck.core.baseline import parse_baseline
from mp_precheck.core.config import Config, parse_config
from mp_precheck.core.errors import ConfigError
from mp_precheck.core.suppression import Suppression
from mp_precheck.core.vocabulary import FAIL_ON, severity_rank

# From strictest to most lenient: moving right relaxes the gate.
_FAIL_ORDER = (*FAIL_ON[1:], FAIL_ON[0])


def config_relaxations(base_text: str | None, head_text: str | None, path: str) -> list[str]:
    """Human-readable changes that make ``head_text`` less strict than ``base_text`` (both may be None)."""
    if head_text is None or head_text == base_text:
        return []
    try:
        head = parse_config(head_text, path)
    except ConfigError as exc:
        return [f"invalid: {exc}"]
    try:
        base = parse_config(base_text, path) if base_text is not None else Config()
    except ConfigError:
        base = Config()
    changes: list[str] = []
    for rule, value in sorted(head.rules.items()):
        before = base.rules.get(rule, True)
        if value is False and before is not False:
            changes.append(f"rules.{rule}: off")
        elif isinstance(value, str) and (before is True or (isinstance(before, str) and
                                         severity_rank(value) > severity_rank(before))):
            changes.append(f"rules.{rule}: {before if isinstance(before, str) else 'catalog'} → {value}")
    before_fail, after_fail = base.fail_on or "high", head.fail_on or "high"
    if _FAIL_ORDER.index(after_fail) > _FAIL_ORDER.index(before_fail):
        changes.append(f"fail_on: {before_fail} → {after_fail}")
    changes += [f"exclude: + {p}" for p in head.exclude if p not in base.exclude]
    declared_before = base.declared_privacy or ()
    changes += [f"privacy.declared: + {p}" for p in head.declared_privacy or () if p not in declared_before]
    for kind, hosts in sorted(head.domains.items()):
        changes += [f"domains.{kind}: + {h}" for h in hosts if h not in base.domains.get(kind, ())]
    changes += [f"categories: + {c}" for c in head.categories or () if c not in (base.categories or ())]
    if head.content_security_external and not base.content_security_external:
        changes.append(f"content_security.external: {head.content_security_external}")
    changes += [f"branding.allow: + {p}" for p in head.branding_allow if p not in base.branding_allow]
    return changes


def baseline_relaxations(base_text: str | None, head_text: str | None, path: str) -> list[str]:
    """Fingerprints the change adds to the accepted-risk baseline, as one line, or nothing."""
    if head_text is None or head_text == base_text:
        return []
    try:
        head = parse_baseline(head_text, path)
    except ConfigError as exc:
        return [f"invalid: {exc}"]
    try:
        base = parse_baseline(base_text, path) if base_text is not None else {}
    except ConfigError:
        base = {}
    added = [a for fp, a in head.items() if fp not in base]
    if not added:
        return []
    return [f"accepts {len(added)} more finding(s): " + ", ".join(sorted({f"{a.rule} in {a.path}" for a in added}))]


def suppression_relaxations(suppressions: list[Suppression],
                            added_lines: dict[str, frozenset[int]]) -> list[Suppression]:
    """Directives on lines the change adds."""
    return [s for s in suppressions if s.line in added_lines.get(s.path, frozenset())]
