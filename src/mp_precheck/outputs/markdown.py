"""Renderers: the report as Markdown (PR comment, job summary), through the Jinja2 templates in ``templates/``
(the submission notes' text: :mod:`mp_precheck.outputs.notestext`). Renderers read only the :class:`Report`;
they never reach back into the analysis.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from msgspec import Struct

from mp_precheck import __version__
from mp_precheck.core.catalog import Catalog, load_catalog
from mp_precheck.core.checklist import ChecklistItem, category_name, checklist, set_in_backend
from mp_precheck.core.items import count_items, group_items, item_severity, owner_of, told_in_full
from mp_precheck.core.messages import Messages
from mp_precheck.core.report import FileError, Finding, Report
from mp_precheck.core.secrets import redact
from mp_precheck.core.vocabulary import severity_rank
from mp_precheck.outputs import shorten
from mp_precheck.outputs.errortext import localized
from mp_precheck.outputs.escape import code, md_text
from mp_precheck.outputs.templating import template

MARKER_PREFIX = "<!-- mp-precheck:comment"
MARKER_VERSION = 1
_ICONS = {"high": "🔴", "medium": "🟠", "low": "🟡", "info": "🔵"}


class Limits(Struct, frozen=True):
    """GitHub's comment limit is 65,536 characters; we also cap UTF-8 bytes (Chinese text is 3 bytes a
    character) and keep a margin for the marker."""

    chars: int = 65_000
    utf8_bytes: int = 190_000

    def fits(self, text: str) -> bool:
        return len(text) <= self.chars and len(text.encode("utf-8")) <= self.utf8_bytes


COMMENT_LIMITS = Limits()
SUMMARY_LIMITS = Limits(chars=1_000_000, utf8_bytes=1_000_000)  # GitHub's job summary cap is 1 MiB


def marker(head: str) -> str:
    """The hidden marker that identifies our comment, with the head commit it describes."""
    return f"{MARKER_PREFIX} v{MARKER_VERSION} head={head} -->"


def _verdict(report: Report, messages: Messages) -> str:
    if report.status is not None:
        return f"⚪ **{messages.t('status.' + report.status)}**"
    level = report.risk_level
    icon = "⚠️" if level in ("none", "low", "info") and report.errors else _ICONS.get(level, "✅")
    return f"{icon} **{verdict_text(report, messages)}**"


def verdict_text(report: Report, messages: Messages) -> str:
    """The one-sentence verdict without markup: what to do before submitting, by the highest severity
    among the active findings (high/medium name the count of items and their families; a medium verdict asks to check
    the admin backend only when each medium item is a setting there, :func:`.set_in_backend`); below those, a run
    that could not read some files says so (how many) instead of "no risks"."""
    t = messages.t
    level = report.risk_level
    if level in ("high", "medium"):
        selected = [f for f in report.active_findings if f.severity == level]
        families = messages.join(list(dict.fromkeys(t(f"family.{f.family}") for f in selected)))
        # "check the admin backend" only when every medium item is a setting there; a placeholder text is not
        backend = level == "medium" and all(set_in_backend(report, item, load_catalog())
                                            for item in group_items(report.active_findings)
                                            if item_severity(item) == "medium")
        key = "verdict_high" if level == "high" else "verdict_medium" if backend else "verdict_medium_fix"
        # items as every output shows them (:mod:`.items`): one per rule and scope, with its configuration
        return t(key, count=count_items(report.active_findings).get(level, 0), families=families)
    if report.errors:  # never "no risks" from a change it could not read whole
        return t("verdict_incomplete", count=len({e.path for e in report.errors}))
    if level in ("low", "info"):
        return t("verdict_low")
    return t("verdict_none")


def checklist_lines(report: Report, catalog: Catalog, messages: Messages) -> list[str]:
    """The backend checklist, worded, with values from the PR escaped."""
    lines = []
    for item in checklist(report, catalog):
        values = _checklist_values(item, messages)
        lines.append(messages.t(f"checklist_{item.kind}", **values))
    return lines


def _checklist_values(item: ChecklistItem, messages: Messages) -> dict[str, str]:
    values = {k: code(v) if k in ("host", "api", "what") else md_text(v) for k, v in item.values.items()}
    if "list" in item.values:  # a server-domain line: the list's name
        values["list"] = messages.t(f"domain_list.{item.values['list']}")
    if item.kind == "test_account":
        values["what"] = messages.join([messages.t(f"why.{r}") for r in item.values["what"].split(",")])
    if item.kind == "category":
        values["what"] = category_name(item.values["what"], messages.t)
    if item.kind == "privacy":
        values["label"] = item.values["label"]
    return values


def comment_context(report: Report, catalog: Catalog, messages: Messages, link_base: str | None,
                    detail: list[Finding], omitted: int, full_report_where: str) -> dict[str, Any]:
    def place(f: Finding) -> str:
        text = code(f"{f.path}:{f.line}")
        if link_base:
            return f"[{text}]({link_base}{quote(f.path)}#L{f.line})"
        return text

    groups = _group(detail, catalog)
    why, unchecked = report.not_checked()
    not_checked = [messages.t(f"family.{fam}") for fam in unchecked]
    return {
        "t": messages.t, "marker": marker(report.head), "verdict": _verdict(report, messages),
        "groups": groups, "place": place, "worded": lambda text: localized(text, messages),
        "call_sites": [f for f in report.active_findings if not _in_section(f, catalog)],
        "removed": report.removed, "checklist": checklist_lines(report, catalog, messages),
        "errors": [_worded(e, messages) for e in report.errors if not _blocking(e)],
        "blocking": [_worded(e, messages) for e in report.errors if _blocking(e)],
        "not_checked": messages.join(not_checked) if not_checked else "", "not_checked_why": why,
        "omitted": omitted, "full_report_where": full_report_where,
        "version": __version__, "catalog_date": catalog.date, "base": report.base, "head": report.head,
    }


def _worded(error: FileError, messages: Messages) -> FileError:
    """``error`` with the tool's own English reading error worded in the report's language."""
    return FileError(error.path, localized(error.message, messages), error.base_only)


def render_markdown(report: Report, catalog: Catalog, language: str = "zh-CN", link_base: str | None = None,
                    limits: Limits | None = None, full_report_where: str = "the job summary") -> str:
    """The review-risk comment. With ``limits`` it is shortened to fit by whole parts (:mod:`.shorten`): the
    least important go first, and the comment says how many lines were left out and where the full report
    is (``full_report_where``); the marker, the verdict and the footer always stay.

    Raises:
        RuntimeError: the rendered text lacks the marker (a template bug; never posted).
    """
    messages = Messages(language)
    comment = template("comment.md.j2")
    detail = [f for f in sorted(report.active_findings, key=_severity_rank) if _in_section(f, catalog)]
    context = comment_context(report, catalog, messages, link_base, detail, 0, full_report_where)
    text = comment.render(**context)
    if limits is not None and not limits.fits(text):
        all_parts = shorten.parts(context)

        def render(count: int) -> str:
            return comment.render(**shorten.keep(context, all_parts, count))

        text = render(shorten.longest_fitting(len(all_parts), lambda count: limits.fits(render(count))))
    if not text.startswith(MARKER_PREFIX):
        raise RuntimeError("comment template lost its marker")
    return redact(text)  # the last safety net: findings are redacted when made, the page once more


def _in_section(finding: Finding, catalog: Catalog) -> bool:
    """Whether ``finding`` is shown under its severity with its title and fix, as the terminal shows it: told in
    full (:func:`.told_in_full`), or one more place of a rule judging each use (``every_use``: 又一处 at the rule's
    own severity, never a mere new call site of the folded list)."""
    return told_in_full(finding) or catalog.judges_each_use(finding.rule)


_CONFIG_FILES = ("app.json", "ext.json", "project.config.json", "pages.json", "manifest.json", "app.config.ts",
                 "app.config.js")


def _blocking(error: FileError) -> bool:
    """An unreadable app configuration breaks upload itself: shown at the top, not folded away. A framework
    config the tool could read only in part (an error naming the ``families`` it leaves open) breaks nothing."""
    return error.path.rsplit("/", 1)[-1] in _CONFIG_FILES and not error.families


# Configuration that only accompanies a feature is shown under that feature's entry (its fix already
# says what the configuration needs), so one change reads as one item: rule → the rule it belongs to.
def _group(detail: list[Finding], catalog: Catalog) -> list[dict[str, Any]]:
    """Findings by family (the family of the most severe finding first), then by rule: one entry per rule
    with every place it fired, so a fix text is shown once; accompanying configuration (:func:`.owner_of`)
    is listed under the entry of the feature it belongs to. A place of a rule judging each use is worded as the
    terminal words it (``scope_each``: 又一处), not as a new call site."""
    groups: dict[str, dict[str, Any]] = {}
    present = {f.rule for f in detail}
    for f in detail:  # already most severe first
        if owner_of(f, present) is not None:
            continue
        group = groups.setdefault(f.family, {"family": f.family, "icon": _ICONS[f.severity], "entries": {}})
        entry = group["entries"].setdefault((f.rule, f.severity, f.scope), {
            "rule": f.rule, "title": f.title, "severity": f.severity, "icon": _ICONS[f.severity],
            "scope": "each" if f.scope == "file" and catalog.judges_each_use(f.rule) else f.scope,
            "fix": f.fix, "doc": f.doc, "privacy_type": f.privacy_type, "privacy_key": f.privacy_key,
            "findings": [], "related": [], "more": 0})
        entry["findings"].append(f)
    for f in detail:
        if (owner := owner_of(f, present)) is not None:
            target = next(e for g in groups.values() for e in g["entries"].values() if e["rule"] == owner)
            target["related"].append(f)
    return [{**g, "entries": list(g["entries"].values())} for g in groups.values()]


def _severity_rank(f: Finding) -> tuple[int, str, int]:
    return (severity_rank(f.severity), f.path, f.line)
