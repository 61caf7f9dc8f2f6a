"""``--format codequality``: GitLab's Code Quality report format."""

from __future__ import annotations

import json
from typing import Any

from conftest import Repo
from helpers import cli, make_finding, report_of
from mp_precheck.core.report import Finding
from mp_precheck.outputs.codequality import render_codequality

REQUIRED = {"description", "check_name", "fingerprint", "severity", "location"}


def finding(severity: Any = "high", line: int = 1, **extra: Any) -> Finding:
    return make_finding(severity=severity, line=line, title="Uses a privacy API of type 位置信息 (Location)",
                        fix="Declare it.", **extra)


def test_shape_and_severities():
    issues = json.loads(render_codequality(report_of(
        finding("info", path="z.js"), finding("medium", subject="host:a.example", path="b.js", line=0),
        finding("low", path="c.js"), finding("high", path="d.js"))))
    assert all(issue.keys() >= REQUIRED for issue in issues)
    assert [(i["severity"], i["location"]) for i in issues] == [
        ("critical", {"path": "d.js", "lines": {"begin": 1}}),
        ("major", {"path": "b.js", "lines": {"begin": 1}}),       # line 0 (app-wide) becomes 1
        ("minor", {"path": "c.js", "lines": {"begin": 1}}),
        ("info", {"path": "z.js", "lines": {"begin": 1}})]
    assert issues[0]["check_name"] == "privacy.location"
    assert issues[0]["description"] == "Uses a privacy API of type 位置信息 (Location) (wx.getLocation)"
    assert issues[0]["content"]["body"] == "Declare it.\n\nhttps://developers.weixin.qq.com/x"


def test_fingerprints_are_unique_and_line_free():
    a, b = finding(line=3), finding(line=9, scope="file")
    twins = [finding(line=3, scope="file"), finding(line=7, scope="file")]   # two call sites, one fingerprint
    issues = json.loads(render_codequality(report_of(a, b, *twins)))
    prints = [i["fingerprint"] for i in issues]
    assert len(set(prints)) == len(prints) == 4
    assert a.fingerprint in prints and twins[0].fingerprint in prints
    moved = json.loads(render_codequality(report_of(finding(line=30), b, finding(line=40, scope="file"),
                                                    finding(line=50, scope="file"))))
    assert sorted(i["fingerprint"] for i in moved) == sorted(prints)


def test_suppressed_findings_are_left_out_and_empty_is_a_list():
    assert render_codequality(report_of(finding(suppressed=True, suppression_reason="ok"))) == "[]\n"


def test_cli_format_codequality(app_repo: Repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.js", "Page({ a() { wx.requestPayment({}) } })\n")
    app_repo.commit()
    code, out, _ = cli("diff", "--repo", str(app_repo.path), "--base", base, "--format", "codequality")
    assert code == 0                                       # medium does not reach the default fail-on high
    [issue] = json.loads(out)
    assert (issue["check_name"], issue["severity"], issue["location"]["path"]) == (
        "payment.request_payment", "major", "pages/me/me.js")
