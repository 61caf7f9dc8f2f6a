"""The result of a run: findings, removals, answers and errors, with the stable JSON shape."""

from __future__ import annotations

from typing import Any, Literal

from msgspec import Struct
from msgspec.structs import asdict, force_setattr

from mp_precheck import __version__
from mp_precheck.core.catalog import CATALOG_DATE
from mp_precheck.core.digests import sha256
from mp_precheck.core.secrets import redact
from mp_precheck.core.vocabulary import FAMILIES, SEVERITIES, Severity, severity_rank

Scope = Literal["app", "file"]
Answer = Literal["yes", "no", "not_checked"]
RiskLevel = Literal["none", "info", "low", "medium", "high"]

SCHEMA_VERSION = 1
Status = Literal["no_mini_program_change", "mini_program_removed", "same_commit", "already_contained", "nothing_staged"]
# English text of each status for the JSON report (renderers word it per language from messages.yml).
STATUS_TEXT: dict[str, str] = {
    "no_mini_program_change": "no Mini Program files in this change",
    "mini_program_removed": "the change removes the Mini Program: nothing is added to review",
    "same_commit": "base and head are the same commit: nothing to compare",
    "already_contained": "head is already contained in base: the change adds nothing",
    "nothing_staged": "nothing is staged: the index is the same as HEAD; git add the files to check",
}
# The families whose analysis answers each 补充说明 question; a question is "not_checked" until all of
# its families are analysed, never "no" by default.
QUESTION_FAMILIES: dict[str, tuple[str, ...]] = {
    "privacy": ("privacy",),
    "payment_content_links": ("payment", "upload", "external_link"),
    "category": ("category",),
}
# Findings of a question's families that are no answer to it: a server domain (服务器域名), a plain-http URL or a
# call to WeChat's (or WeChat Pay's) server API is where the app's own requests go, none of payment, published
# content or a link.
NOT_AN_ANSWER = frozenset({"external_link.domain", "external_link.insecure_url", "external_link.wechat_server_api",
                           "external_link.wechat_pay_api"})


class Finding(Struct, frozen=True):
    """Something the change adds that review will look at. ``line`` is 1-based in the head version."""

    rule: str
    family: str
    severity: Severity
    subject: str
    scope: Scope
    path: str
    line: int
    title: str
    fix: str
    doc: str
    privacy_type: str | None = None
    privacy_key: str | None = None
    value: str | None = None
    usage: str | None = None  # how a host is used: request, upload, download, socket, web-view, code
    project: str = ""
    suppressed: bool = False
    suppression_reason: str | None = None

    def __post_init__(self) -> None:
        # The single place a finding's text is made: no secret value reaches any output (secrets.redact).
        for name in ("subject", "title", "value", "suppression_reason"):
            text = getattr(self, name)
            if text:
                force_setattr(self, name, redact(text))

    @property
    def fingerprint(self) -> str:
        """Identity that survives moving code within a file: rule, subject, path and scope; no line number."""
        raw = "\0".join((self.rule, self.subject, self.path, self.scope))
        return sha256(raw.encode("utf-8")).hexdigest()[:32]

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["fingerprint"] = self.fingerprint
        return data


class Removed(Struct, frozen=True):
    """A subject the change removes from the app entirely; ``line`` is in the base version."""

    rule: str
    family: str
    subject: str
    path: str
    line: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class FileError(Struct, frozen=True):
    """A file (or the run, with path '') that could not be read completely, and why. ``base_only``: the unread
    version is the base one of a file head no longer has (deleted or renamed away) — what the change adds was all
    read, so no judgement of it is incomplete; only a removal it held may be missing from ``removed``. ``families``:
    the only families the unread part leaves unanswered (a page list a framework's config computes); empty: all."""

    path: str
    message: str
    base_only: bool = False
    families: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "message": self.message}


class ProjectInfo(Struct, frozen=True):
    """A Mini Program of the head revision: its root, framework, registered pages and the
    ``navigationBarTitleText`` of the pages the findings are in (``(page, title)`` pairs)."""

    root: str
    framework: str
    pages: tuple[str, ...] = ()
    titles: tuple[tuple[str, str], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"root": self.root, "framework": self.framework}


class Report(Struct, frozen=True):
    """Everything a renderer needs; renderers never reach back into the analysis."""

    base: str
    head: str
    projects: tuple[ProjectInfo, ...]
    findings: tuple[Finding, ...]
    removed: tuple[Removed, ...] = ()
    errors: tuple[FileError, ...] = ()
    analysed_families: frozenset[str] = frozenset()
    notes: str = ""
    status: Status | None = None  # why nothing was compared, when nothing was
    changed_files: int = 0

    @property
    def message(self) -> str | None:
        """English text of ``status`` (what the JSON report says), or None when the change was compared."""
        return STATUS_TEXT[self.status] if self.status else None

    @property
    def active_findings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if not f.suppressed)

    @property
    def risk_level(self) -> RiskLevel:
        levels = {f.severity for f in self.active_findings}
        for severity in SEVERITIES:
            if severity in levels:
                return severity
        return "none"

    @property
    def head_errors(self) -> tuple[FileError, ...]:
        """The errors of files whose head version (what the change adds) was not read completely."""
        return tuple(e for e in self.errors if not e.base_only)

    def unchecked_families(self) -> tuple[str, ...]:
        """The families whose absence the report cannot promise, in report order: the one source of both the
        report's "not fully checked" line (:meth:`not_checked`) and the notes' 未检测 answers (:meth:`answer`)."""
        return tuple(f for f in FAMILIES if f not in self.analysed_families)

    def not_checked(self) -> tuple[str, tuple[str, ...]]:
        """:meth:`unchecked_families` and the message key saying why: ``not_checked_unread`` when a head file could
        not be read (any of them may hold more than the findings shown), else ``not_checked_note`` (no backend
        categories recorded); ("", ()) when none."""
        missing = self.unchecked_families()
        if not missing:
            return "", ()
        return ("not_checked_unread" if self.head_errors else "not_checked_note"), missing

    def answer(self, question: str) -> Answer:
        """yes/no/not_checked for a 补充说明 question (keys of QUESTION_FAMILIES)."""
        families = QUESTION_FAMILIES[question]
        if any(f.family in families and f.rule not in NOT_AN_ANSWER for f in self.active_findings):
            return "yes"
        if not set(families) & set(self.unchecked_families()):
            return "no"
        return "not_checked"

    def reaches(self, threshold: str) -> bool:
        """Whether any active finding is at or above ``threshold`` (``none`` never fails)."""
        if threshold == "none":
            return False
        return any(severity_rank(f.severity) <= severity_rank(threshold) for f in self.active_findings)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA_VERSION,
            "tool": {"version": __version__, "catalog": CATALOG_DATE},
            "base": self.base,
            "head": self.head,
            "projects": [p.to_dict() for p in self.projects],
            "risk_level": self.risk_level,
            "findings": [f.to_dict() for f in self.findings],
            "removed": [r.to_dict() for r in self.removed],
            "answers": {q: self.answer(q) for q in QUESTION_FAMILIES},
            "notes": self.notes,
            "errors": [e.to_dict() for e in self.errors],
            "message": self.message,
        }


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Most severe first, then app-wide before new call sites, then by path and line."""
    order = {s: i for i, s in enumerate(SEVERITIES)}
    return sorted(findings, key=lambda f: (order[f.severity], f.scope != "app", f.family, f.path, f.line, f.rule))


