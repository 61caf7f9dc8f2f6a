"""Golden files for every template in both languages, on the bundled example and on edge reports.

Regenerate with ``pytest tests/test_golden.py --update-golden`` and review the diff like code.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import build_example, run
from mp_precheck.core.catalog import load_catalog
from mp_precheck.core.messages import Messages
from mp_precheck.git.repo import GitRepo
from mp_precheck.notes.changelog import entries_from_commits, read_commits
from mp_precheck.notes.submission import draft_notes
from mp_precheck.outputs.markdown import COMMENT_LIMITS, render_markdown
from mp_precheck.outputs.notestext import render_notes

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture
def example(native_shop: tuple[Path, str, str]) -> tuple[Path, str, str]:
    return native_shop


def check(name: str, text: str, update: bool) -> None:
    path = GOLDEN / name
    if update:
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"missing golden file {name}: run pytest --update-golden"
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("language", ["zh-CN", "en"])
def test_example_comment_and_notes(example, language, update_golden):
    repo, base, head = example
    report = run(repo, base, head, language=language)
    catalog = load_catalog()
    check(f"example-comment.{language}.md", render_markdown(report, catalog, language, limits=COMMENT_LIMITS),
          update_golden)
    entries = entries_from_commits(read_commits(GitRepo(repo), report.base, report.head))
    notes = render_notes(draft_notes(report, entries, catalog, Messages(language)), language)
    check(f"example-notes.{language}.txt", notes, update_golden)


@pytest.mark.parametrize("language", ["zh-CN", "en"])
def test_clean_change_comment_and_notes(app_repo, language, update_golden):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.wxml", "<view>我的订单</view>\n")
    app_repo.commit("fix(me): 修正文案")
    report = run(app_repo.path, base, language=language)
    catalog = load_catalog()
    check(f"clean-comment.{language}.md", render_markdown(report, catalog, language), update_golden)
    entries = entries_from_commits(read_commits(GitRepo(app_repo.path), report.base, report.head))
    check(f"clean-notes.{language}.txt",
          render_notes(draft_notes(report, entries, catalog, Messages(language)), language), update_golden)


@pytest.mark.parametrize("language", ["zh-CN", "en"])
def test_nothing_to_analyse_comment(app_repo, language, update_golden):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("README.md", "docs\n")
    app_repo.commit("docs: readme")
    report = run(app_repo.path, base, language=language)
    check(f"no-mini-program-change.{language}.md", render_markdown(report, load_catalog(), language), update_golden)


def test_example_reports_what_the_branch_adds_and_not_the_moved_call(example):
    repo, base, head = example
    report = run(repo, base, head)
    rules = {(f.rule, f.subject) for f in report.findings}
    assert ("privacy.location", "wx.getLocation") in rules
    assert ("privacy.user_info", "button[open-type=chooseAvatar]") in rules
    assert ("privacy.user_info", "input[type=nickname]") in rules
    assert ("upload.upload_file", "wx.uploadFile") in rules
    assert ("payment.request_payment", "wx.requestPayment") in rules
    assert ("external_link.web_view", "<web-view>") in rules
    assert ("external_link.business_domain", "web-view-host:h5.brand-partner.example.com") in rules
    assert ("external_link.domain", "host:coupon.partner-api.example.com") in rules
    assert not [f for f in report.findings if f.subject == "wx.chooseImage"], "a moved call is not a new risk"
    assert report.removed == ()


@pytest.mark.parametrize("framework", ["taro-shop", "uniapp-shop"])
def test_framework_examples_report_what_the_native_one_does(example, framework, tmp_path):
    native_repo, native_base, native_head = example
    native = run(native_repo, native_base, native_head)
    base, head = build_example(framework, tmp_path / framework)
    other = run(tmp_path / framework, base, head)

    def summary(report):
        return ({f.family for f in report.findings}, {f.privacy_type for f in report.findings if f.privacy_type},
                sorted(f.rule for f in report.findings))

    assert summary(other) == summary(native)
    assert not [f for f in other.findings if f.subject == "wx.chooseImage"], "the moved call is not new"
