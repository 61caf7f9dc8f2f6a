"""How the comment groups findings: one entry per rule, accompanying configuration under its feature."""

from __future__ import annotations

from mp_precheck.core.catalog import load_catalog
from mp_precheck.core.report import Finding, Report
from mp_precheck.outputs.markdown import render_markdown

CATALOG = load_catalog()


def finding(rule: str, subject: str, path: str, line: int) -> Finding:
    r = CATALOG.rule(rule)
    return Finding(rule=rule, family=r.family, severity=r.severity, subject=subject, scope="app", path=path,
                   line=line, title=r.title["en"], fix=r.fix["en"], doc=r.doc)


def comment(*findings: Finding) -> str:
    return render_markdown(Report(base="a" * 40, head="b" * 40, projects=(), findings=findings), CATALOG, "en")


def test_required_private_infos_is_listed_under_the_location_entry():
    text = comment(finding("privacy.location", "wx.getLocation", "pages/a.js", 3),
                   finding("privacy.required_private_infos", "app.json:requiredPrivateInfos:getLocation", "app.json", 5))
    assert "  - Same change: app.json declares requiredPrivateInfos (location and address APIs) · " in text
    assert text.count("What to do") == 1


def test_required_private_infos_alone_is_its_own_entry():
    text = comment(finding("privacy.required_private_infos", "app.json:requiredPrivateInfos:chooseAddress",
                           "app.json", 5))
    assert "Same change" not in text and text.count("What to do") == 1
