"""What a file the run could not read leaves unknown, side by side: an unread head file leaves the judgements of
what the change adds incomplete (report and notes alike, from one list), the unread base version of a file head no
longer has does not; an app.json that does not parse is no "everything removed" and is itself a finding; and a
scan from the empty tree calls nothing a new call site."""

from __future__ import annotations

from helpers import run, run_bare
from mp_precheck.analyzers import REGISTRY
from mp_precheck.analyzers.context import ProjectContext
from mp_precheck.core.analysis import RunOptions, analyze
from mp_precheck.core.catalog import load_catalog
from mp_precheck.core.report import Finding
from mp_precheck.git.repo import EMPTY_TREE, GitRepo
from mp_precheck.outputs.markdown import render_markdown
from mp_precheck.outputs.terminal import render_text

BINARY = b"\x00\x01var x = 1;\x00" * 200
APP = '{"pages": ["pages/index/index", "pages/me/me"], "requiredPrivateInfos": ["getLocation"]}\n'
LOCATE = "Page({ onLoad() { wx.getLocation({}) } })\n"


def _not_checked_line(text: str) -> str:
    """The line naming the families the report cannot rule out (not the verdict's count of unread files)."""
    return next((x for x in text.splitlines() if "checked:" in x and "file(s)" not in x), "")


def test_a_deleted_unreadable_file_leaves_what_the_change_adds_fully_checked(app_repo):
    app_repo.write("pages/me/blob.js", BINARY)
    base = app_repo.commit()
    app_repo.remove("pages/me/blob.js")
    app_repo.write("pages/me/me.wxml", "<view>me</view><view>profile</view>\n")
    app_repo.commit()
    report = run(app_repo.path, base)
    assert [(e.path, e.base_only) for e in report.errors] == [("pages/me/blob.js", True)]
    assert report.unchecked_families() == ("category",)  # only the categories nobody recorded
    assert report.answer("privacy") == "no" and report.answer("payment_content_links") == "no"
    assert report.not_checked()[0] == "not_checked_note"


def test_an_unreadable_file_at_head_still_leaves_every_judgement_incomplete(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/blob.js", BINARY)
    app_repo.commit()
    report = run(app_repo.path, base)
    assert [(e.path, e.base_only) for e in report.errors] == [("pages/me/blob.js", False)]
    assert report.answer("privacy") == "not_checked"
    assert report.not_checked() == ("not_checked_unread", report.unchecked_families())
    assert "privacy" in report.unchecked_families()


def test_a_skipped_large_file_names_privacy_as_not_fully_checked_as_the_notes_do(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/big.js", "var a = 1;\n" * 120_000 + LOCATE)  # over 1 MB: skipped
    app_repo.commit()
    report = run(app_repo.path, base)
    assert report.answer("privacy") == "not_checked"
    for text in (render_text(report, load_catalog(), "en"), render_markdown(report, load_catalog(), "en")):
        line = _not_checked_line(text)
        assert line.startswith("Not fully checked: Privacy, ") and "Service category" in line, line


def test_a_report_with_nothing_unread_names_only_the_unrecorded_categories(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.js", LOCATE)
    app_repo.commit()
    report = run(app_repo.path, base)
    line = _not_checked_line(render_text(report, load_catalog(), "en"))
    assert line.startswith("Not checked: Service category") and "Privacy" not in line


def test_an_app_json_that_does_not_parse_removes_nothing_and_is_a_finding(app_repo):
    app_repo.write("app.json", APP)
    app_repo.write("pages/me/me.js", LOCATE)
    base = app_repo.commit()
    app_repo.write("app.json", '{"pages": ["pages/index/index", "pages/me/me",], "permission": {}\n')  # no "}"
    app_repo.commit()
    report = run_bare(app_repo.path, base)
    assert report.removed == ()
    assert [(f.rule, f.path, f.line, f.severity) for f in report.findings
            if f.family == "completeness"] == [("completeness.invalid_app_config", "app.json", 1, "high")]


def test_a_valid_app_json_is_no_finding_and_its_removals_are_told(app_repo):
    app_repo.write("app.json", APP)
    app_repo.write("pages/me/me.js", LOCATE)
    base = app_repo.commit()
    app_repo.write("app.json", '{"pages": ["pages/index/index", "pages/me/me"]}\n')
    app_repo.commit()
    report = run_bare(app_repo.path, base)
    assert "completeness.invalid_app_config" not in {f.rule for f in report.findings}
    assert [r.subject for r in report.removed] == ["app.json:requiredPrivateInfos:getLocation"]


def _broken_then(app_repo, repaired: str) -> list[tuple[str, str]]:
    app_repo.write("app.json", APP)
    app_repo.write("pages/me/me.js", LOCATE)
    app_repo.commit()
    app_repo.write("app.json", APP.replace("]}", "]"))  # the brace lost: nothing of it can be read
    base = app_repo.commit()
    app_repo.write("app.json", repaired)
    app_repo.commit()
    return [(f.rule, f.subject) for f in run_bare(app_repo.path, base).findings if f.family == "privacy"]


def test_repairing_an_app_json_adds_none_of_the_entries_it_had_before_it_broke(app_repo):
    assert _broken_then(app_repo, APP) == []


def test_an_entry_the_repair_adds_is_still_new(app_repo):
    found = _broken_then(app_repo, APP.replace('["getLocation"]', '["getLocation", "chooseAddress"]'))
    assert ("privacy.required_private_infos", "app.json:requiredPrivateInfos:chooseAddress") in found
    assert ("privacy.required_private_infos", "app.json:requiredPrivateInfos:getLocation") not in found


def _another_place(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    """An analyzer that tells a second place of a finding as a call site (as the UGC analyzers do)."""
    return [*findings, context.finding("privacy.location", "wx.getLocation", "pages/me/me.js", 9, scope="file")]


def _scopes(app_repo, base: str) -> set[tuple[str, str]]:
    report, _ = analyze(GitRepo(app_repo.path), base, "HEAD", load_catalog(), RunOptions(language="en"),
                        registry=(*REGISTRY, ("another_place", _another_place)))
    return {(f.path, f.scope) for f in report.findings if f.rule == "privacy.location"}


def test_from_the_empty_tree_no_finding_is_a_new_call_site(app_repo):
    app_repo.write("pages/me/me.js", LOCATE)
    app_repo.commit()
    assert _scopes(app_repo, EMPTY_TREE) == {("pages/me/me.js", "app")}
    report = run(app_repo.path, EMPTY_TREE)
    assert "new call site" not in render_text(report, load_catalog(), "en")


def test_after_a_real_base_a_call_site_stays_one(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.js", LOCATE)
    app_repo.commit()
    assert ("pages/me/me.js", "file") in _scopes(app_repo, base)
