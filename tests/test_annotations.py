"""``--format github``: workflow commands per GitHub's rules, most severe first, within the per-step caps."""

from __future__ import annotations

from helpers import make_finding, report_of
from mp_precheck.core.report import Finding, Report
from mp_precheck.outputs.annotations import command, escape_data, escape_property, render_annotations


def finding(severity: str, path: str = "pages/a/a.js", line: int = 3, *, rule: str = "privacy.location",
            title: str = "Uses location", suppressed: bool = False, scope: str = "app") -> Finding:
    return make_finding(rule, severity, path, line, scope=scope, title=title, fix="Declare it.",
                        doc="https://doc.example/x", suppressed=suppressed)


def report(*findings: Finding) -> Report:
    return report_of(*findings, projects=())


def test_one_annotation_per_finding_by_severity() -> None:
    text = render_annotations(report(finding("low", "b.js", 9), finding("high", "a.js", 2), finding("info", "c.js"),
                                     finding("medium", "d.js", 5)))
    assert text.splitlines() == [
        "::error file=a.js,line=2,title=Uses location::[privacy.location] wx.getLocation%0ADeclare it.%0Ahttps://doc.example/x",
        "::warning file=d.js,line=5,title=Uses location::[privacy.location] wx.getLocation%0ADeclare it.%0Ahttps://doc.example/x",
        "::notice file=b.js,line=9,title=Uses location::[privacy.location] wx.getLocation%0ADeclare it.%0Ahttps://doc.example/x",
        "::notice file=c.js,line=3,title=Uses location::[privacy.location] wx.getLocation%0ADeclare it.%0Ahttps://doc.example/x",
    ]
    assert text.endswith("\n")


def test_nothing_to_annotate() -> None:
    assert render_annotations(report()) == ""
    assert render_annotations(report(finding("high", suppressed=True))) == ""


def test_escaping_follows_the_workflow_command_rules() -> None:
    assert escape_data("100% done\r\nnext: a,b") == "100%25 done%0D%0Anext: a,b"
    assert escape_property("dir:1,2%\n") == "dir%3A1%2C2%25%0A"
    line = render_annotations(report(finding("high", "pages/a,b:c/%x.js", 1, title="Title: with, comma\n::error::x")))
    assert line.startswith("::error file=pages/a%2Cb%3Ac/%25x.js,line=1,title=Title%3A with%2C comma%0A%3A%3Aerror%3A%3Ax::")
    assert line.count("\n") == 1                      # a file name can never start a second command


def test_command_without_properties() -> None:
    assert command("notice", "two\nlines") == "::notice::two%0Alines"
    assert command("warning", "m", file="a.js") == "::warning file=a.js::m"


def test_at_most_ten_per_level_and_one_line_for_the_rest() -> None:
    findings = [finding(sev, f"{sev}{i:02}.js", i + 1) for sev in ("high", "medium", "low") for i in range(12)]
    text = render_annotations(report(*findings)).splitlines()
    assert sum(line.startswith("::error ") for line in text) == 10
    assert sum(line.startswith("::warning ") for line in text) == 10
    assert sum(line.startswith("::notice file=") for line in text) == 9     # the tenth place is the count
    assert text[-1] == "::notice::7 more findings not annotated; see the job summary"
    assert text[0].startswith("::error file=high00.js,line=1,")


def test_exactly_ten_notices_need_no_count() -> None:
    text = render_annotations(report(*[finding("info", f"f{i}.js") for i in range(10)])).splitlines()
    assert len(text) == 10 and all(line.startswith("::notice file=") for line in text)


def test_app_wide_findings_before_new_call_sites() -> None:
    text = render_annotations(report(finding("low", "a.js", scope="file"), finding("low", "z.js", scope="app")))
    assert [line.split(",")[0] for line in text.splitlines()] == ["::notice file=z.js", "::notice file=a.js"]


def test_high_findings_past_ten_take_free_lower_places_and_keep_their_severity_in_the_title() -> None:
    highs = [finding("high", f"h{i:02}.js", rule=f"rule.h{i:02}") for i in range(13)]
    text = render_annotations(report(*highs, finding("medium", "m.js"), finding("low", "l.js"))).splitlines()
    assert [line.split(",")[0] for line in text] == [
        *[f"::error file=h{i:02}.js" for i in range(10)],
        "::warning file=h10.js", "::warning file=h11.js", "::warning file=h12.js", "::warning file=m.js",
        "::notice file=l.js"]
    assert "title=high · Uses location::" in text[10] and "title=Uses location::" in text[13]
    assert "title=Uses location::" in text[0]
    zh = render_annotations(report(*highs), language="zh-CN").splitlines()
    assert "title=高 · Uses location::" in zh[10]


def test_places_go_to_more_problems_before_further_places_of_one_and_severity_before_path() -> None:
    many = [finding("high", f"a/{i:02}.js", rule="upload.upload_file") for i in range(12)]
    others = [finding("high", "z/brand.js", rule="branding.brand_text"), finding("high", "z/flag.js", rule="policy.x")]
    lows = [finding("low", f"0{i}.js", rule="policy.autoplay_media") for i in range(20)]
    text = render_annotations(report(*lows, *many, *others)).splitlines()
    errors = [line.split(",")[0] for line in text if line.startswith("::error ")]
    assert errors[:3] == ["::error file=a/00.js", "::error file=z/brand.js", "::error file=z/flag.js"]
    assert len(errors) == 10
    shown = " ".join(text)
    assert all(f"file=a/{i:02}.js," in shown for i in range(12))  # every high is annotated before any low
    assert text[-1] == "::notice::11 more findings not annotated; see the job summary"  # 10 + 4 + 9 placed
