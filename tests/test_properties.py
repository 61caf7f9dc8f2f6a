"""Property-based tests: no input from a pull request makes a reader raise, and text from the PR never
breaks the comment's Markdown, @-mentions anyone or forges the hidden marker."""

from __future__ import annotations

import json
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mp_precheck.core.catalog import load_catalog
from mp_precheck.core.report import Finding, Report
from mp_precheck.facts.extract import extract
from mp_precheck.git.changeset import _added_lines
from mp_precheck.outputs.escape import code, md_text
from mp_precheck.outputs.markdown import MARKER_PREFIX, render_markdown
from mp_precheck.readers.appconfig import app_config_facts, title_facts
from mp_precheck.readers.conditional import for_wechat
from mp_precheck.readers.jsfacts import js_facts
from mp_precheck.readers.markup import markup_facts

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(
        st.sampled_from(["pages", "requiredPrivateInfos", "permission", "plugins", "tabBar", "list", "text",
                         "navigationBarTitleText", "scope.userLocation", "desc", "provider", "entryPagePath"])
        | st.text(max_size=8), children, max_size=5),
    max_leaves=20)
MARKUP_TOKENS = [*"<>/=\"' {}!-\n", "web-view", "button", "open-type", "getPhoneNumber", "src", "<!--", "-->",
                 "{{", "}}", "分享", "解锁", "微信", "https://a.b"]
MARKUPISH = st.lists(st.sampled_from(MARKUP_TOKENS), max_size=60).map("".join)


@FAST
@given(st.text(max_size=400))
def test_diff_reader_never_raises(text):
    added, binary = _added_lines(text)
    assert isinstance(added, dict) and isinstance(binary, set)


@FAST
@given(JSON_VALUES)
def test_app_json_reader_never_raises(data):
    text = json.dumps(data, ensure_ascii=False)
    for fact in app_config_facts(text, data) + title_facts(text, data):
        assert fact.line >= 1


@FAST
@given(MARKUPISH)
def test_wxml_reader_never_raises(text):
    for fact in markup_facts(text):
        assert 1 <= fact.line <= text.count("\n") + 1


@FAST
@given(st.text(max_size=200))
def test_js_reader_never_raises(text):
    js_facts(text, "a.js")
    js_facts(text, "a.tsx")


@FAST
@given(st.binary(max_size=300), st.sampled_from(["a.js", "a.wxml", "app.json", "a.vue", "pages.json",
                                                  "manifest.json", "app.config.ts", "a.json", "app.wpy"]))
def test_any_bytes_under_any_name_give_facts_or_an_error(data, name):
    result = extract(name, data)
    assert result.error is None or isinstance(result.error, str)


@FAST
@given(st.text(max_size=300))
def test_conditional_compilation_keeps_the_line_count(text):
    assert for_wechat(text).count("\n") == text.count("\n")


@FAST
@given(st.text(max_size=80))
def test_md_text_is_one_inert_line(text):
    out = md_text(text)
    assert "\n" not in out and "<" not in out and ">" not in out
    assert "<!--" not in out
    for special in "`*_[]|#":
        assert out.count(special) == out.count("\\" + special)
    assert not re.search(r"@[A-Za-z0-9-]", out)


@FAST
@given(st.text(max_size=80))
def test_code_span_is_one_line_without_pipes_or_comment_markers(text):
    out = code(text)
    assert "\n" not in out and "|" not in out and "<!--" not in out and "-->" not in out
    fence = len(out) - len(out.lstrip("`"))
    assert out.endswith("`" * fence)


@FAST
@given(path=st.text(min_size=1, max_size=40), value=st.text(max_size=60))
def test_pr_text_never_forges_the_marker_or_breaks_the_comment(path, value):
    finding = Finding(rule="external_link.domain", family="external_link", severity="medium", subject=f"host:{value}",
                      scope="app", path=path, line=3, title="t", fix="f", doc="https://example.com", value=value)
    text = render_markdown(Report(base="a" * 40, head="b" * 40, projects=(), findings=(finding,)), load_catalog(), "en")
    assert text.startswith(MARKER_PREFIX)
    assert text.count("mp-precheck:comment") == 1
    finding_lines = [line for line in text.splitlines() if "host:" in line or ("3" in line and path[:3] in line)]
    assert all(not line.startswith("#") for line in finding_lines)
