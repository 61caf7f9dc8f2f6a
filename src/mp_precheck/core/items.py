"""Items: findings as a person reads them in every output. One item is one rule's places of one scope
(new to the app, or a new call site); the configuration that accompanies a feature (a rule's
``accompanies`` in ``checks/``: ``requiredPrivateInfos`` for a location API, 业务域名 for a ``web-view``) is
part of the feature's item — a declaration of the item of the API it declares (``chooseAddress`` is 地址's, not
位置信息's: https://developers.weixin.qq.com/miniprogram/dev/reference/configuration/app.html#requiredPrivateInfos).
The verdict, the terminal's headings and its counts all count items, so their numbers agree.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from mp_precheck.core.catalog import load_catalog
from mp_precheck.core.report import Finding
from mp_precheck.core.subject import try_parse
from mp_precheck.core.vocabulary import SEVERITIES, Severity


@cache
def related() -> dict[str, str]:
    """Configuration rule id → the feature rule it accompanies (``accompanies`` in the shipped catalog): its
    findings are listed with the feature, its fix covered by the feature's."""
    return {r.id: r.accompanies for r in load_catalog().rules if r.accompanies}


@cache
def _api_rule(name: str) -> str | None:
    """The rule of API ``name`` (``chooseAddress`` → privacy.address), None when no rule names it."""
    rules = load_catalog().rules_for(f"wx.{name}")
    return rules[0].id if rules else None


def owner_of(finding: Finding, present: set[str]) -> str | None:
    """The feature rule among ``present`` whose item lists ``finding`` (configuration accompanying it), or None:
    a ``requiredPrivateInfos`` entry belongs to the rule of the API it declares, wherever that rule is in
    ``present`` (standing alone when it is not); other configuration to the rule it ``accompanies``."""
    owner = related().get(finding.rule)
    parsed = try_parse(finding.subject) if owner else None
    if parsed is not None and parsed.form == "app-config" and parsed.key == "requiredPrivateInfos" and parsed.value:
        owner = _api_rule(parsed.value) or owner
    return owner if owner in present else None


def told_in_full(finding: Finding) -> bool:
    """Whether an output shows ``finding`` with its title, fix and doc rather than as a one-line new call site:
    anything new to the app, and a new call site that is high risk (an old text box whose post the change adds,
    a new upload path) — the reviewer must see what to do about it wherever it sits."""
    return finding.scope == "app" or finding.severity == "high"


def group_items(findings: Iterable[Finding]) -> list[list[Finding]]:
    """The items of ``findings`` in their order: each a list whose first finding names the rule, then the
    rule's other places of that scope, then (for the feature's first item) its accompanying configuration."""
    found = list(findings)
    present = {f.rule for f in found}
    items: dict[tuple[str, str], list[Finding]] = {}
    for f in found:
        if owner_of(f, present) is None:
            items.setdefault((f.rule, f.scope), []).append(f)
    for f in found:
        if (owner := owner_of(f, present)) is not None:
            next(item for (rule, _), item in items.items() if rule == owner).append(f)
    return list(items.values())


def item_severity(item: list[Finding]) -> Severity:
    """An item is as severe as its most severe line (a medium ``requiredPrivateInfos`` line makes the item
    of a declared, info-level location API medium)."""
    return min((f.severity for f in item), key=SEVERITIES.index)


def count_items(findings: Iterable[Finding]) -> dict[Severity, int]:
    """How many items there are at each severity (only severities that have one), most severe first."""
    counts = {s: 0 for s in SEVERITIES}
    for item in group_items(findings):
        counts[item_severity(item)] += 1
    return {s: n for s, n in counts.items() if n}


def item_count(findings: Iterable[Finding], threshold: str = "info") -> int:
    """How many items there are at ``threshold`` or above (default: all), the number every output gives:
    the comment, the commit status, the job summary, the step outputs, the logs and the release body."""
    if threshold == "none":
        return 0
    wanted = SEVERITIES[: SEVERITIES.index(threshold) + 1]
    return sum(n for severity, n in count_items(findings).items() if severity in wanted)
