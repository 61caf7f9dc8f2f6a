"""An analyzer of the registry loaded when a run first needs it, and skipped where it cannot act.

Most analyzers rewrite or drop findings of a few rules and add nothing where there are none; on a small change
most of them have nothing to read, yet importing them (and the readers they pull in) was a fixed cost of every
run. :class:`OnDemand` stands for one analyzer in :data:`~mp_precheck.analyzers.REGISTRY`: it imports the
module the first time the analyzer has something to act on, and hands the findings back untouched when its gate
says there is nothing. A gate is exact, never a guess: it is true whenever the analyzer's own code would get
past its first "nothing to do" return (the analyzer's tests in ``tests/test_analyzer_gates.py`` pin each one).
An analyzer with no gate is imported and run on every project a change touches, as before.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence

from mp_precheck.analyzers.context import Analyzer, ProjectContext
from mp_precheck.core.devtunnels import tunnel_service
from mp_precheck.core.domainentry import has_port, server_entry
from mp_precheck.core.report import Finding
from mp_precheck.core.subject import subject_value, try_parse

Gate = Callable[[ProjectContext, Sequence[Finding]], bool]


class OnDemand:
    """The analyzer ``analyze`` of ``mp_precheck.analyzers.<module>``, imported on its first run that ``gate``
    lets through (None: every run). Called like the analyzer itself (:class:`~.context.Analyzer`)."""

    __slots__ = ("_analyze", "gate", "module")

    def __init__(self, module: str, gate: Gate | None = None) -> None:
        self.module = module
        self.gate = gate
        self._analyze: Analyzer | None = None

    def __call__(self, context: ProjectContext, findings: list[Finding]) -> list[Finding]:
        if self.gate is not None and not self.gate(context, findings):
            return findings
        if self._analyze is None:
            self._analyze = importlib.import_module(f"mp_precheck.analyzers.{self.module}").analyze
        return self._analyze(context, findings)

    def __repr__(self) -> str:
        return f"OnDemand({self.module!r})"


def any_finding(test: Callable[[Finding], bool]) -> Gate:
    """A gate open when some finding passes ``test``."""
    return lambda _context, findings: any(test(f) for f in findings)


def of_rule(*rules: str) -> Gate:
    """A gate open when some finding is of one of ``rules``."""
    return any_finding(lambda f: f.rule in rules)


def of_family(family: str) -> Gate:
    """A gate open when some finding is of ``family``."""
    return any_finding(lambda f: f.family == family)


def privacy_type(scope: str | None = None) -> Gate:
    """A gate open when some privacy finding names a privacy type (``privacy_key``), of ``scope`` when given."""
    return any_finding(lambda f: f.family == "privacy" and bool(f.privacy_key) and scope in (None, f.scope))


def file_privacy(_context: ProjectContext, findings: Sequence[Finding]) -> bool:
    """Open when some privacy finding is of scope file (a new call site)."""
    return any(f.family == "privacy" and f.scope == "file" for f in findings)


def file_call_site(context: ProjectContext, findings: Sequence[Finding]) -> bool:
    """Open when some finding of scope file is a mere new call site (``Catalog.judges_call_sites``)."""
    return any(f.scope == "file" and context.catalog.judges_call_sites(f.rule) for f in findings)


def in_markup(_context: ProjectContext, findings: Sequence[Finding]) -> bool:
    """Open when some finding is in a ``.wxml`` file."""
    return any(f.path.endswith(".wxml") for f in findings)


def ui_kit(_context: ProjectContext, findings: Sequence[Finding]) -> bool:
    """Open when some finding is a UI kit's picker or uploader (``ui-kit:*``)."""
    return any(f.subject.startswith("ui-kit:") for f in findings)


def location_or_config(_context: ProjectContext, findings: Sequence[Finding]) -> bool:
    """Open when some finding's subject is a ``wx`` API or an app configuration entry."""
    for f in findings:
        parsed = try_parse(f.subject)
        if parsed is not None and (parsed.form == "app-config" or (parsed.form == "api" and parsed.owner == "wx")):
            return True
    return False


def payment(_context: ProjectContext, findings: Sequence[Finding]) -> bool:
    """Open when some finding's subject is a ``wx.requestPayment`` call (the ``orderInfo`` form among them)."""
    return any(f.subject.startswith("wx.requestPayment") for f in findings)


def configured(key: str, then: Gate | None = None) -> Gate:
    """A gate open when the project's configuration sets ``key`` (and ``then`` is open, when given)."""
    def gate(context: ProjectContext, findings: Sequence[Finding]) -> bool:
        return bool(getattr(context.config, key)) and (then is None or then(context, findings))
    return gate


def domain_entries(context: ProjectContext, findings: Sequence[Finding]) -> bool:
    """Open when the configuration lists domains and a finding names a host, or a new host's URL names a port
    other than the default (its fix names the entry with the port: core/domainentry.py) or the host is a development
    tunnel's (its fix says to replace it: core/devtunnels.py)."""
    hosts = [f for f in findings if f.rule in ("external_link.domain", "external_link.business_domain")]
    return bool(hosts) and (bool(context.config.domains) or any(
        f.rule == "external_link.domain" and (has_port(server_entry(host := subject_value(f.subject), f.value))
                                              or tunnel_service(host) is not None) for f in hosts))


def declared(context: ProjectContext, findings: Sequence[Finding]) -> bool:
    """Open when the configuration declares the app's privacy types and a finding names one."""
    return context.config.declared_privacy is not None and privacy_type()(context, findings)


def release_or(gate: Gate) -> Gate:
    """A gate open on a run that drafts the notes of a version to submit (``context.release``), else as ``gate``."""
    return lambda context, findings: context.release or gate(context, findings)
