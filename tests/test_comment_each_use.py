"""The PR comment shows one more place of a rule that judges each use (``every_use``: a second "coming soon" text)
under its severity, with its title and fix, as the terminal shows it (又一处), never folded among the new call sites
of capabilities the app already has; and its headline asks to check the admin backend only when every medium item
is a backend setting (a placeholder text is fixed in the code)."""

from __future__ import annotations

import pytest

from helpers import run
from mp_precheck.core.catalog import load_catalog
from mp_precheck.outputs.markdown import render_markdown

SOON = "<view>积分商城开发中，敬请期待</view>\n"
LATER = "<view>会员中心开发中，敬请期待</view>\n"
WORDS = {
    "zh-CN": {"title": "界面出现未完成或测试内容", "scope": "（中 · 又一处（每处都按原级别））", "section": "### 🟠 功能完整",
              "folded": "已有能力的新调用点", "fix_headline": "🟠 **提交审核前请确认：1 项需要处理或说明（功能完整）。**",
              "backend": "请确认后台配置", "what_to_do": "怎么做："},
    "en": {"title": "The UI shows unfinished or test content", "scope": " (medium · one more place (each keeps the rule's severity))",
           "section": "### 🟠 Completeness", "folded": "New call sites of capabilities the app already has",
           "fix_headline": "🟠 **Check before submitting for review: 1 item(s) need a fix or an explanation "
                           "(Completeness).**",
           "backend": "Check the admin backend", "what_to_do": "What to do:"},
}


def _second_placeholder(app_repo) -> str:
    app_repo.write("pages/me/me.wxml", SOON)
    base = app_repo.commit()
    app_repo.write("pages/me/me.wxml", SOON + LATER)
    app_repo.commit()
    return base


@pytest.mark.parametrize("language", ["zh-CN", "en"])
def test_one_more_placeholder_is_shown_in_its_severity_section_with_its_fix(app_repo, language):
    base = _second_placeholder(app_repo)
    report = run(app_repo.path, base, language=language)
    assert [(f.rule, f.severity, f.scope) for f in report.active_findings] == [
        ("completeness.placeholder_content", "medium", "file")]
    comment = render_markdown(report, load_catalog(), language)
    words = WORDS[language]
    section = comment.split(words["section"], 1)[1]
    entry = next(line for line in section.splitlines() if line.startswith("- 🟠 **"))
    assert entry.startswith(f"- 🟠 **{words['title']}") and entry.endswith(words["scope"])
    assert "`pages/me/me.wxml:2`" in section and f"  - {words['what_to_do']}" in section
    assert words["folded"] not in comment
    assert words["fix_headline"] in comment and words["backend"] not in comment


def _second_location_and_a_new_declaration(app_repo) -> str:
    app_repo.write("app.json", '{\n  "pages": ["pages/index/index", "pages/me/me"],\n'
                               '  "requiredPrivateInfos": ["getLocation"]\n}\n')
    app_repo.write("pages/index/index.js", "Page({ onShow() { wx.getLocation({}) } })\n")
    base = app_repo.commit()
    app_repo.write("pages/me/me.js", "Page({ onShow() { wx.getLocation({}) } })\n")  # a second place: low
    app_repo.write("app.json", '{\n  "pages": ["pages/index/index", "pages/me/me"],\n'
                               '  "requiredPrivateInfos": ["getLocation", "chooseAddress"]\n}\n')  # medium: 接口设置
    app_repo.commit()
    return base


@pytest.mark.parametrize("language", ["zh-CN", "en"])
def test_a_new_call_site_stays_folded_and_a_backend_item_keeps_the_backend_headline(app_repo, language):
    report = run(app_repo.path, _second_location_and_a_new_declaration(app_repo), language=language)
    assert ("privacy.location", "low", "file") in {(f.rule, f.severity, f.scope) for f in report.active_findings}
    comment = render_markdown(report, load_catalog(), language)
    words = WORDS[language]
    assert "- `wx.getLocation` · `pages/me/me.js:1`" in comment.split(words["folded"], 1)[1]
    assert words["backend"] in comment.splitlines()[3]


@pytest.mark.parametrize("language", ["zh-CN", "en"])
def test_a_placeholder_beside_a_backend_item_is_no_backend_headline(app_repo, language):
    base = _second_location_and_a_new_declaration(app_repo)
    app_repo.write("pages/me/me.wxml", LATER)  # a placeholder new to the app: medium, fixed in the code
    app_repo.commit()
    report = run(app_repo.path, base, language=language)
    headline = render_markdown(report, load_catalog(), language).splitlines()[3]
    assert words_in(headline, language) and WORDS[language]["backend"] not in headline


def words_in(headline: str, language: str) -> bool:
    """Whether ``headline`` is the medium verdict that asks for a fix or an explanation, counting two items."""
    return headline == {"zh-CN": "🟠 **提交审核前请确认：2 项需要处理或说明（功能完整、隐私）。**",
                        "en": "🟠 **Check before submitting for review: 2 item(s) need a fix or an explanation "
                              "(Completeness, Privacy).**"}[language]
