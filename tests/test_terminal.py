"""The terminal format (``--format text``, the default on a terminal) and progress, driven through the
real command on pseudo-terminals; piping keeps today's Markdown byte for byte."""

from __future__ import annotations

import io
import re
import unicodedata
from pathlib import Path

import pytest
from msgspec.structs import replace

from conftest import Repo
from helpers import cli, run
from mp_precheck.core.catalog import load_catalog
from mp_precheck.core.messages import Messages
from mp_precheck.git.repo import GitRepo
from mp_precheck.outputs.columns import column_finder
from mp_precheck.outputs.progress import ProgressLine
from mp_precheck.outputs.terminal import render_text
from terminal_helpers import run_mp_precheck, terminal_env

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).parent / "golden"

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
MARKDOWN = ("###", "**", "<details>", "<sub>", "&lt;", "&gt;", "`", "- [ ]", "<!--")


@pytest.fixture
def example(native_shop: tuple[Path, str, str]) -> Path:
    return native_shop[0]


def located(repo: Repo) -> str:
    """A change that adds location (high) next to an unchanged base; returns the base commit."""
    base = repo.git("rev-parse", "HEAD")
    repo.write("pages/me/me.js", "Page({ onShow() {\n  wx.getLocation({ type: 'gcj02' })\n} })\n")
    repo.commit("feat: 附近门店")
    return base


@pytest.mark.slow
def test_on_a_terminal_the_report_is_compact_path_line_text_in_colour(app_repo):
    base = located(app_repo)
    result = run_mp_precheck(["diff", "--base", base, "--language", "en"], cwd=app_repo.path, env=terminal_env())
    assert result.code == 1
    assert ANSI.search(result.stdout), "a terminal gets colour"
    plain = ANSI.sub("", result.stdout)
    assert re.search(r"^  pages/me/me\.js:2:6  privacy\.location  Uses a privacy API of type 位置信息", plain, re.M)
    assert not [m for m in MARKDOWN if m in plain], plain
    lines = plain.rstrip("\n").splitlines()
    assert lines[0].startswith("mp-precheck · WeChat Mini Program review risks")
    assert lines[-2] == "Act before submitting for review: 2 high-risk item(s) (Privacy)."   # the verdict last
    assert lines.index("high · Privacy") < lines.index("Admin backend checklist before submitting")
    assert "  - API permission: enable wx.getLocation under 开发 → 开发管理 → 接口设置" in lines


@pytest.mark.slow
@pytest.mark.parametrize(("option", "env"), [(["--color", "never"], {}), ([], {"NO_COLOR": "1"}),
                                             ([], {"TERM": "dumb"})])
def test_colour_is_left_out_when_asked(app_repo, option, env):
    base = located(app_repo)
    result = run_mp_precheck(["diff", "--base", base, *option], cwd=app_repo.path, env=terminal_env(**env))
    assert "\x1b" not in result.stdout
    assert "pages/me/me.js:2:6  privacy.location  " in result.stdout


def test_color_always_colours_a_pipe_and_text_format_without_it_does_not(app_repo):
    base = located(app_repo)
    _, coloured, _ = cli("diff", "--repo", str(app_repo.path), "--base", base, "--format", "text", "--color", "always")
    _, piped, _ = cli("diff", "--repo", str(app_repo.path), "--base", base, "--format", "text")
    assert ANSI.search(coloured) and "\x1b" not in piped
    assert ANSI.sub("", coloured) == piped


@pytest.mark.slow
def test_piping_gives_the_markdown_comment_byte_for_byte(example):
    result = run_mp_precheck(["diff", "--base", "main", "--head", "feature"], cwd=example, env=terminal_env(),
                             stdout_tty=False, stderr_tty=False)
    assert result.code == 1
    assert result.stdout == (GOLDEN / "example-comment.zh-CN.md").read_text(encoding="utf-8")
    assert result.stderr == ""


@pytest.mark.slow
def test_output_file_is_markdown_even_from_a_terminal(app_repo, tmp_path):
    base = located(app_repo)
    target = tmp_path / "report.md"
    result = run_mp_precheck(["diff", "--base", base, "--output", str(target)], cwd=app_repo.path,
                             env=terminal_env())
    assert result.stdout == ""
    assert target.read_text(encoding="utf-8").startswith("<!-- mp-precheck:comment v1 ")


@pytest.mark.slow
def test_progress_on_a_terminal_once_the_run_is_slow(app_repo):
    base = located(app_repo)
    slow = "import mp_precheck.outputs.progress as progress\nprogress.DELAY = 0.0"  # every run counts as slow
    shown = run_mp_precheck(["diff", "--base", base, "--language", "en"], cwd=app_repo.path, env=terminal_env(),
                            prelude=slow)
    assert re.search(r"mp-precheck: parsed +\d+/\d+ files", ANSI.sub("", shown.stderr)), shown.stderr
    assert "mp-precheck: parsed" not in shown.stdout and "pages/me/me.js:2:6  privacy.location" in ANSI.sub("", shown.stdout)
    quiet = run_mp_precheck(["diff", "--base", base, "--quiet"], cwd=app_repo.path, env=terminal_env(), prelude=slow)
    assert quiet.stderr == ""
    piped = run_mp_precheck(["diff", "--base", base], cwd=app_repo.path, env=terminal_env(), prelude=slow,
                            stderr_tty=False)
    assert piped.stderr == ""


class TerminalBuffer(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_waits_for_the_delay_then_counts_files():
    now = [0.0]
    stream = TerminalBuffer()
    line = ProgressLine(stream, delay=1.0, clock=lambda: now[0])
    line(3, 10)
    now[0] = 0.9
    line(5, 10)
    assert (line.shown, stream.getvalue()) == (False, "")   # a quick run prints nothing
    now[0] = 1.2
    line(6, 12)
    line.close()
    assert line.shown
    assert re.search(r"mp-precheck: parsed +6/12 files", ANSI.sub("", stream.getvalue()))


def test_fix_once_per_rule_and_configuration_under_its_feature(example):
    report = run(example, "main", "feature", language="en")
    text = render_text(report, load_catalog(), "en")
    assert text.count("    fix: ") == len({(f.rule, f.scope) for f in report.active_findings if f.scope == "app"}) - 3
    section = text.split("high · Privacy\n", 1)[1].split("\n\n", 1)[0].splitlines()
    rules = [line.split()[1] for line in section if not line.startswith("    ")]
    # requiredPrivateInfos (medium) and permission (low) are shown with the location API they serve
    assert rules[rules.index("privacy.location"):] == ["privacy.location", "privacy.required_private_infos",
                                                       "privacy.permission"]
    assert "medium · Privacy" not in text and "low · Privacy" not in text


def cells(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def test_columns_line_up_by_terminal_cells_with_chinese_paths(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/门店地图/map.js", "Page({ onLoad() { wx.getLocation({}) } })\n")
    app_repo.write("pages/me/me.js", "Page({ onLoad() { wx.chooseLocation({}) } })\n")
    app_repo.commit()
    _, out, _ = cli("diff", "--repo", str(app_repo.path), "--base", base, "--format", "text", "--language", "en")
    starts = {cells(line[:line.index(" privacy.")]) for line in out.splitlines() if ".js:1:" in line}
    assert len(starts) == 1, out


def test_control_characters_from_the_repository_never_reach_the_terminal(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/\x1b[2Jme\x07.js", "wx.getLocation({ url: 'https://a.example.com/\x1b]0;x\x07' })\n")
    app_repo.commit()
    _, out, _ = cli("diff", "--repo", str(app_repo.path), "--base", base, "--format", "text")
    assert "\x1b" not in out and "\x07" not in out
    assert "pages/me/\ufffd[2Jme\ufffd.js:1:4  privacy.location" in out


def test_a_change_without_mini_program_files_says_so(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("README.md", "# shop\n")
    app_repo.commit()
    code, out, _ = cli("diff", "--repo", str(app_repo.path), "--base", base, "--format", "text", "--language", "en")
    assert code == 0
    assert out.splitlines()[-1] == "No Mini Program files in this change: nothing to check."


def test_diff_cache_flag_writes_the_fact_cache(app_repo, tmp_path):
    base = located(app_repo)
    cache = tmp_path / "facts.sqlite"
    cli("diff", "--repo", str(app_repo.path), "--base", base, "--cache", str(cache))
    assert cache.stat().st_size > 0


def test_readme_terminal_sample_is_the_real_output(example):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    sample = readme.split("```text\nmp-precheck · ", 1)[1].split("```", 1)[0]
    report = run(example, "main", "feature", language="en")
    text = render_text(report, load_catalog(), "en", column=column_finder(GitRepo(example), report.head))
    shown = [line for line in ("mp-precheck · " + sample).splitlines() if line and "…" not in line[-3:]]
    assert shown and [line for line in shown if line not in text.splitlines()] == []


@pytest.mark.parametrize("language", ["zh-CN", "en"])
def test_headings_footer_and_verdict_count_the_same_items(example, language):
    """The footer counts items — one rule's places of one scope, with the configuration that accompanies
    the feature ("same change" lines) — under the heading of the item's most severe line, exactly as the
    headings list them and as the verdict counts them."""
    text = render_text(run(example, "main", "feature", language=language), load_catalog(), language)
    lines = text.splitlines()
    headings = [(i, line.split(" · ")[0]) for i, line in enumerate(lines) if re.match(r"^\S+ · ", line)][1:]
    shown: dict[str, int] = {}
    for n, (start, severity) in enumerate(headings):
        end = headings[n + 1][0] if n + 1 < len(headings) else len(lines)
        body = [line for line in lines[start + 1:end] if re.match(r"^  \S+:\d+(?::\d+)? ", line)]
        messages = Messages(language)
        related, new_site = messages.t("text.related"), messages.t("scope_file") + messages.t("colon")
        items = {(line.split()[1], new_site in line) for line in body if related not in line}
        shown[severity] = shown.get(severity, 0) + len(items)
    if language == "en":
        assert shown == {"high": 3, "medium": 4, "info": 1}
        assert "8 item(s): 3 high, 4 medium, 1 info" in lines
        assert "Act before submitting for review: 3 high-risk item(s) (Privacy, Uploads and user content)." in lines
    else:
        assert shown == {"高": 3, "中": 4, "提示": 1}
        assert "共 8 项：高 3、中 4、提示 1" in lines
        assert "提交审核前需处理：3 项高风险（隐私、上传与用户内容）。" in lines
    # the low permission line is part of the location item, so there is no 低 count without a 低 heading
    assert not any(line.startswith(("low ·", "低 ·")) for line in lines)


def test_an_accompanying_setting_more_severe_than_its_feature_lifts_the_item(app_repo):
    """A declared (info) location API whose requiredPrivateInfos line is medium: the item is medium, under
    the medium heading, counted there by the footer and the verdict alike."""
    app_repo.write(".mp-precheck.yml", "privacy:\n  declared: [位置信息]\n")
    base = app_repo.commit("ci: config")
    app_repo.write("app.json", '{\n  "pages": ["pages/index/index", "pages/me/me"],\n'
                               '  "requiredPrivateInfos": ["getLocation"]\n}\n')
    app_repo.write("pages/me/me.js", "Page({ onShow() {\n  wx.getLocation({ type: 'gcj02' })\n} })\n")
    app_repo.commit("feat: 附近门店")
    report = run(app_repo.path, base, language="en")
    assert {(f.rule, f.severity) for f in report.active_findings} >= {
        ("privacy.location", "info"), ("privacy.required_private_infos", "medium")}
    lines = render_text(report, load_catalog(), "en").splitlines()
    medium = lines.index("medium · Privacy")
    assert lines[medium + 1].split()[:2] == ["pages/me/me.js:2", "privacy.location"]
    assert lines[medium + 2].split()[:2] == ["app.json:3", "privacy.required_private_infos"]
    assert "info · Privacy" not in lines
    assert "1 item(s): 1 medium" in lines
    assert "Check the admin backend before submitting: 1 item(s) need configuration or explanation (Privacy)." in lines


def test_column_is_where_the_subject_is_spelled_and_1_otherwise(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.js", "Page({\n  onLoad() { wx.request({ url: 'https://api.shop.example.com/v1' }) },\n"
                   "  map() { wx.getLocation({}) }\n})\n")
    head = app_repo.commit()
    report = run(app_repo.path, base, language="en")
    column = column_finder(GitRepo(app_repo.path), head)
    at = {f.subject: column(f) for f in report.active_findings}
    assert at["wx.getLocation"] == len("  map() { wx.") + 1
    assert at["host:api.shop.example.com"] == len("  onLoad() { wx.request({ url: 'https://") + 1
    elsewhere = next(f for f in report.active_findings if f.subject == "wx.getLocation")
    assert column(replace(elsewhere, path="pages/none.js")) == 1 and column(replace(elsewhere, line=99)) == 1
