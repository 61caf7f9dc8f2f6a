"""The report as SARIF 2.1.0 (``--format sarif``), for GitHub code scanning and other SARIF viewers.

One run for the tool ``mp-precheck``, one rule per catalog rule id (ids are a contract, so alerts keep
their identity across versions), results located in the **head** version with paths relative to the
repository root (``uriBaseId: %SRCROOT%``). ``partialFingerprints`` carry the finding's fingerprint,
which leaves the line number out: moving code does not open a new alert. Suppressed findings are kept,
with a SARIF suppression (``inSource`` for an ``mp-precheck-ignore`` comment, ``external`` for the
accepted-risk baseline), so code scanning shows them as dismissed rather than fixed.

GitHub's upload limits (docs: "SARIF support for code scanning"): at most 25,000 results per run (the
least severe are left out first, and a notification says how many), 20 tags per rule, relative URIs.
"""

from __future__ import annotations

import json
from typing import Any, Literal
from urllib.parse import quote

from mp_precheck import __version__
from mp_precheck.core.catalog import Catalog, Rule
from mp_precheck.core.messages import Messages
from mp_precheck.core.report import Finding, Report
from mp_precheck.core.vocabulary import SEVERITIES, Severity
from mp_precheck.outputs.escape import md_text

SarifLevel = Literal["error", "warning", "note"]

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
TOOL_NAME = "mp-precheck"
INFORMATION_URI = "https://github.com/mp-precheck/mp-precheck"
FINGERPRINT_KEY = "mpPrecheck/v1"
SRCROOT = "%SRCROOT%"
MAX_RESULTS = 25_000  # GitHub rejects a run with more results
MAX_TAGS = 20         # GitHub rejects a rule with more tags

LEVELS: dict[Severity, SarifLevel] = {"high": "error", "medium": "warning", "low": "note", "info": "note"}
BASELINE_PREFIX = "baseline: "  # how mp_precheck.core.baseline words the reason of an accepted finding


def render_sarif(report: Report, catalog: Catalog, language: str = "zh-CN",
                 max_results: int = MAX_RESULTS) -> str:
    """The report as a SARIF 2.1.0 log (JSON text, one run).

    Inputs: the :class:`Report` (its findings' titles and fixes are in ``language`` already), the
    :class:`Catalog` (every rule is listed, fired or not, with its text in ``language``), ``language``
    (``zh-CN`` or ``en``) and the result cap (GitHub's 25,000 by default). Output: the JSON document,
    ending with a newline. Findings beyond ``max_results`` are left out, least severe first, and the
    run's invocation carries a warning notification that counts them; files the tool could not read
    (``report.errors``) become warning notifications too.

    Raises:
        KeyError: ``language`` is not one the message catalog knows.
    """
    messages = Messages(language)
    rules = list(catalog.rules)
    known = {r.id for r in rules}
    extra = sorted({f.rule: f for f in report.findings if f.rule not in known}.values(), key=lambda f: f.rule)
    descriptors = [_rule(r, language, messages) for r in rules] + [_rule_from_finding(f, messages) for f in extra]
    index = {d["id"]: i for i, d in enumerate(descriptors)}

    ordered = sorted(report.findings, key=_rank)
    kept = ordered[:max_results]
    left_out = len(ordered) - len(kept)
    notifications = [_notification("warning", f"{e.path}: {e.message}" if e.path else e.message, e.path)
                     for e in report.errors]
    if left_out:
        notifications.append(_notification(
            "warning", f"{left_out} of {len(ordered)} results left out (code scanning accepts at most "
                       f"{max_results} per run); the least severe went first: see `mp-precheck diff --format json`"))
    invocation: dict[str, Any] = {"executionSuccessful": True}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications

    run: dict[str, Any] = {
        "tool": {"driver": {
            "name": TOOL_NAME,
            "version": __version__,
            "semanticVersion": __version__,
            "informationUri": INFORMATION_URI,
            "rules": descriptors,
            "properties": {"catalog": catalog.date},
        }},
        "invocations": [invocation],
        "columnKind": "unicodeCodePoints",
        "results": [_result(f, index[f.rule]) for f in kept],
        "properties": {"base": report.base, "head": report.head, "riskLevel": report.risk_level,
                       "language": language},
    }
    log = {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def artifact_uri(path: str) -> str:
    """A repository-relative path as a relative URI reference (RFC 3986): every byte outside the
    unreserved set and ``/`` is percent-encoded (spaces, ``#``, Chinese file names)."""
    return quote(path, safe="/")


def describe(f: Finding) -> str:
    """One line for a finding: its title, with the subject (and value) in brackets unless the title
    already names it: ``Adds WeChat Pay (wx.requestPayment)``, ``Uses a new server domain (host:a.example)``."""
    subject = f.subject if not f.value or f.value in f.subject else f"{f.subject} {f.value}"
    return f.title if f.subject in f.title else f"{f.title} ({subject})"


def rule_name(rule_id: str) -> str:
    """The rule's ``name`` (an identifier, as SARIF recommends): ``privacy.location`` → ``PrivacyLocation``."""
    return "".join(part.capitalize() for part in rule_id.replace(".", "_").split("_") if part)


def _rule(rule: Rule, language: str, messages: Messages) -> dict[str, Any]:
    title = rule.title.get(language) or rule.title["en"]
    fix = rule.fix.get(language) or rule.fix["en"]
    return _descriptor(rule.id, rule.family, rule.severity, title, fix, rule.doc, messages,
                       privacy_key=rule.privacy_key)


def _rule_from_finding(f: Finding, messages: Messages) -> dict[str, Any]:
    """A descriptor for a finding whose rule is not in the catalog (a custom catalog): from its own text."""
    return _descriptor(f.rule, f.family, f.severity, f.title, f.fix, f.doc, messages, privacy_key=f.privacy_key)


def _descriptor(rule_id: str, family: str, severity: Severity, title: str, fix: str, doc: str,
                messages: Messages, privacy_key: str | None) -> dict[str, Any]:
    tags = ["mp-precheck", "wechat-mini-program", family, f"severity:{severity}"]
    if privacy_key:
        tags.append(f"privacy:{privacy_key}")
    properties: dict[str, Any] = {"tags": tags[:MAX_TAGS], "family": family, "severity": severity}
    if privacy_key:
        properties["privacyKey"] = privacy_key
    return {
        "id": rule_id,
        "name": rule_name(rule_id),
        "shortDescription": {"text": title},
        "fullDescription": {"text": fix},
        "help": {"text": f"{fix}\n{messages.t('doc')}: {doc}",
                 "markdown": f"**{md_text(title)}**\n\n{md_text(fix)}\n\n[{messages.t('doc')}]({doc})"},
        "helpUri": doc,
        "defaultConfiguration": {"level": LEVELS[severity]},
        "properties": properties,
    }


def _result(f: Finding, rule_index: int) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": f.rule,
        "ruleIndex": rule_index,
        "kind": "fail",
        "level": LEVELS[f.severity],
        "message": {"text": describe(f)},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": artifact_uri(f.path), "uriBaseId": SRCROOT},
            "region": {"startLine": max(f.line, 1)},
        }}],
        "partialFingerprints": {FINGERPRINT_KEY: f.fingerprint},
        "properties": {"family": f.family, "severity": f.severity, "scope": f.scope, "subject": f.subject},
    }
    if f.privacy_key:
        result["properties"]["privacyKey"] = f.privacy_key
    if f.suppressed:
        reason = f.suppression_reason or ""
        external = reason.startswith(BASELINE_PREFIX)
        result["suppressions"] = [{
            "kind": "external" if external else "inSource",
            "status": "accepted",
            "justification": reason.removeprefix(BASELINE_PREFIX) if external else reason,
        }]
    return result


def _notification(level: SarifLevel, text: str, path: str = "") -> dict[str, Any]:
    note: dict[str, Any] = {"level": level, "message": {"text": text}}
    if path:
        note["locations"] = [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(path),
                                                                        "uriBaseId": SRCROOT}}}]
    return note


def _rank(f: Finding) -> tuple[int, bool, bool, str, int, str]:
    """Most severe first; active before suppressed; app-wide before call sites; then by place."""
    return (SEVERITIES.index(f.severity), f.suppressed, f.scope != "app", f.path, f.line, f.rule)

