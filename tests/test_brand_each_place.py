"""A brand wording added where the app already shows another keeps the rule's severity (``every_use`` in
checks/branding.yml: each wording is what review rejects, not a capability declared once), and the terminal names
it one more place of that severity, not a new call site (whose severity drops to low); so does the PR comment."""

from __future__ import annotations

from helpers import run
from mp_precheck.core.catalog import load_catalog
from mp_precheck.core.messages import Messages
from mp_precheck.outputs.markdown import render_markdown
from mp_precheck.outputs.terminal import render_text


def test_a_second_brand_wording_is_one_more_high_place(app_repo):
    app_repo.write("pages/index/index.wxml", "<view>微信官方合作</view>\n")
    base = app_repo.commit("a badge")
    app_repo.write("pages/index/index.wxml", "<view>微信官方合作</view>\n<view>微信官方合作</view>\n")
    app_repo.commit("another badge")
    report = run(app_repo.path, base)
    brand = [f for f in report.findings if f.rule == "branding.brand_text"]
    assert [(f.path, f.scope, f.severity) for f in brand] == [("pages/index/index.wxml", "file", "high")]
    for language in ("en", "zh-CN"):
        t = Messages(language).t
        row = next(line for line in render_text(report, load_catalog(), language).splitlines()
                   if "pages/index/index.wxml" in line)
        assert t("scope_each") in row and t("scope_file") not in row
        entry = _entry_line(render_markdown(report, load_catalog(), language), "branding.brand_text", report)
        assert t("scope_each") in entry and t("scope_file") not in entry


def test_a_new_call_site_of_an_api_is_still_called_one(app_repo):
    app_repo.write("pages/index/index.js", "Page({ pick() { wx.chooseImage({}) } })\n")
    base = app_repo.commit("a picker")
    app_repo.write("pages/me/me.js", "Page({ pick() { wx.chooseImage({}) } })\n")
    app_repo.commit("another picker")
    report = run(app_repo.path, base)
    row = next(line for line in render_text(report, load_catalog(), "en").splitlines() if "pages/me/me.js" in line)
    assert Messages("en").t("scope_file") in row and Messages("en").t("scope_each") not in row
    markdown = render_markdown(report, load_catalog(), "en")  # a low new call site: in the comment's call-site list
    assert Messages("en").t("new_call_sites", count=1) in markdown and Messages("en").t("scope_each") not in markdown


def _entry_line(markdown, rule, report):
    """The comment's entry line of ``rule`` (its bold title and the severity and scope after it)."""
    title = next(f.title for f in report.findings if f.rule == rule)
    return next(line for line in markdown.splitlines() if line.startswith("- ") and f"**{title}**" in line)
