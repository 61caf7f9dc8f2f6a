"""The package's records are ``msgspec.Struct`` types (issue #17: no source compiled at import). What the records
promised as dataclasses still holds: a changed or unpickled record is normalised again, and no module a run loads
builds a dataclass."""

from __future__ import annotations

import pickle
from pathlib import Path

from msgspec.structs import replace

from mp_precheck.core.report import Finding
from mp_precheck.facts.model import Fact, FileFacts

SECRET = "0123456789abcdef0123456789abcdef"
URL = f"https://a.example.com/s?appid=wx1&secret={SECRET}"
SHOWN = "https://a.example.com/s?appid=wx1&secret=***"
PACKAGE = Path(__file__).resolve().parent.parent / "src" / "mp_precheck"


def finding() -> Finding:
    return Finding(rule="r", family="privacy", severity="high", subject="wx.request", scope="app", path="a.js",
                   line=1, title="t", fix="f", doc="d")


def test_a_finding_changed_by_replace_is_redacted_again() -> None:
    assert replace(finding(), value=URL).value == SHOWN
    assert replace(finding(), title=URL).title == SHOWN


def test_a_fact_changed_by_replace_is_redacted_again() -> None:
    assert replace(Fact("host:a.example.com", "host", 3), value=URL).value == SHOWN


def test_facts_sent_between_processes_come_back_equal() -> None:
    facts = FileFacts(facts=(Fact("wx.request", "api", 2, value=URL, role="request"),), error="read in part")
    assert pickle.loads(pickle.dumps(facts)) == facts
    assert facts.facts[0].value == SHOWN


def test_no_module_outside_the_hosts_builds_a_dataclass() -> None:
    """``dataclasses`` compiles each generated method from source at import; the hosts' records are loaded by
    the Action and the GitLab job only (one keeps a token out of its ``repr``, which a Struct cannot)."""
    users = [str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py")
             if "dataclass" in p.read_text(encoding="utf-8") and p.relative_to(PACKAGE).parts[0] != "hosts"]
    assert users == []
