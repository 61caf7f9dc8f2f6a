"""`mp-precheck diff --format github` in a workflow step: GitHub shows ten annotations per level, so the findings
left out must be findable. With GITHUB_STEP_SUMMARY set the full report is appended to the job summary the closing
notice points to; without it, the notice names the command that lists every finding, never a summary that is not
there."""

from __future__ import annotations

import pytest

from helpers import cli

PAGES = 20  # two high findings a page: more than the thirty places of all levels


def _many_pages(app_repo) -> str:
    """A change that adds a location call to each of twenty new pages: more high findings than GitHub annotates."""
    base = app_repo.git("rev-parse", "HEAD")
    pages = [f"pages/p{i:02}/p{i:02}" for i in range(PAGES)]
    app_repo.write("app.json", '{\n  "pages": ["pages/index/index", "pages/me/me", '
                   + ", ".join(f'"{p}"' for p in pages) + "]\n}\n")
    for page in pages:
        app_repo.write(f"{page}.js", "Page({ onLoad() { wx.getLocation({}) } })\n")
        app_repo.write(f"{page}.wxml", "<view>near</view>\n")
    app_repo.commit("pages")
    return base


def _annotate(app_repo, base: str) -> list[str]:
    code, out, err = cli("diff", "--repo", str(app_repo.path), "--base", base, "--format", "github", "--fail-on", "none")
    assert code == 0, err
    return out.splitlines()


def test_with_a_job_summary_the_rest_is_written_there(app_repo, tmp_path, monkeypatch: pytest.MonkeyPatch):
    base = _many_pages(app_repo)
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    lines = _annotate(app_repo, base)
    assert lines[-1].startswith("::notice::") and lines[-1].endswith("more findings not annotated; see the job summary")
    annotated = {line.split(",")[0].split("file=")[1] for line in lines if " file=" in line.split("::")[1]}
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n")                     # appended, as the runner expects
    left_out = [f"pages/p{i:02}/p{i:02}.js" for i in range(PAGES) if f"pages/p{i:02}/p{i:02}.js" not in annotated]
    assert left_out and all(path in text for path in left_out)


def test_without_a_job_summary_the_notice_names_the_command_and_writes_nothing(app_repo, tmp_path,
                                                                              monkeypatch: pytest.MonkeyPatch):
    base = _many_pages(app_repo)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    lines = _annotate(app_repo, base)
    assert "job summary" not in lines[-1]
    assert lines[-1].endswith("more findings not annotated; see `mp-precheck diff --format markdown` (every finding)")


def test_other_formats_leave_the_job_summary_alone(app_repo, tmp_path, monkeypatch: pytest.MonkeyPatch):
    base = _many_pages(app_repo)
    summary = tmp_path / "summary.md"
    summary.write_text("", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    code, _out, _err = cli("diff", "--repo", str(app_repo.path), "--base", base, "--format", "json", "--fail-on", "none")
    assert code == 0 and summary.read_text(encoding="utf-8") == ""
