"""How the comment groups findings: one entry per rule, accompanying configuration under its feature."""

from __future__ import annotations

import re

from msgspec.structs import replace

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


def test_a_high_new_call_site_is_told_in_full_and_a_low_one_in_the_list():
    """The verdict counts a high item wherever it sits; the comment must show what to do about it (a forced login
    or a published text box the change adds on an existing page), not only list it among new call sites."""
    high = replace(finding("upload.user_text", "<textarea>", "pages/post.js", 7), scope="file")
    low = replace(finding("privacy.album", "wx.chooseImage", "pages/q.js", 2), scope="file", severity="low")
    text = comment(high, low)
    listed = text[text.index("<details><summary>"):]
    assert text.count("What to do") == 1 and "pages/post.js:7" not in listed and "pages/q.js:2" in listed


def test_required_private_infos_alone_is_its_own_entry():
    text = comment(finding("privacy.required_private_infos", "app.json:requiredPrivateInfos:chooseAddress",
                           "app.json", 5))
    assert "Same change" not in text and text.count("What to do") == 1


def test_a_huge_report_is_shortened_by_whole_parts_with_few_renders(monkeypatch):
    import jinja2

    from mp_precheck.outputs.markdown import COMMENT_LIMITS

    renders = []
    render = jinja2.Template.render
    monkeypatch.setattr(jinja2.Template, "render", lambda self, *a, **k: renders.append(1) or render(self, *a, **k))
    hosts = [finding("external_link.domain", f"https://api{i}.example-host-name.com", f"pages/p{i}.js", 1)
             for i in range(1500)]   # well over GitHub's 65536 characters, whatever the wording around them
    sites = [replace(finding("privacy.album", "wx.chooseImage", f"pages/q{i}.js", 2), scope="file")
             for i in range(900)]
    report = Report(base="a" * 40, head="b" * 40, projects=(), findings=(
        finding("privacy.location", "wx.getLocation", "pages/a.js", 3), *hosts, *sites))
    text = render_markdown(report, CATALOG, "en", limits=COMMENT_LIMITS, full_report_where="<https://run/1>")

    assert COMMENT_LIMITS.fits(text) and len(text) > COMMENT_LIMITS.chars * 0.9     # full, but not over
    assert text.startswith("<!-- mp-precheck:comment v1 head=" + "b" * 40)
    assert "🔴 **Act before submitting for review: 2 high-risk item(s) (Privacy).**" in text
    assert text.rstrip().endswith("</sub>") and "· comparing aaaaaaa…bbbbbbb" in text
    assert "the least important first; the full report is in <https://run/1>." in text
    assert text.count("What to do") == 3                       # every item whole, with its fix (the high call sites too)
    more = re.search(r"^  - … (\d+) more place\(s\), see the full report$", text, re.MULTILINE)
    assert more is not None and int(more.group(1)) + text.count("example-host-name.com") == 1500
    assert all(line.count("`") % 2 == 0 for line in text.splitlines())   # no code span cut in half
    assert len(renders) <= 16                                  # bisection, not one render per dropped line
