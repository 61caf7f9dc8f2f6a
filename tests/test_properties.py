"""Property-based tests: no input from a pull request makes a reader raise, and text from the PR never
breaks the comment's Markdown, @-mentions anyone or forges the hidden marker."""

from __future__ import annotations

import json
import re

import pytest
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

pytestmark = pytest.mark.slow  # hypothesis runs hundreds of examples per test
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
APP_KEYS = ["pages", "requiredPrivateInfos", "permission", "plugins", "tabBar", "list", "text", "navigationBarTitleText",
            "scope.userLocation", "desc", "provider", "entryPagePath", "window", "subpackages", "root"]
APP_STRINGS = ["getLocation", "chooseAddress", "pages/index/index", "wx2b03c6e691cd7370", "用于展示附近门店", "登录"]
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20)
    | st.sampled_from(APP_STRINGS),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(
        st.sampled_from(APP_KEYS) | st.text(max_size=8), children, max_size=5),
    max_leaves=20)
APP_VALUES = st.lists(st.sampled_from(APP_STRINGS), max_size=3) | st.dictionaries(
    st.sampled_from(APP_KEYS), st.sampled_from(APP_STRINGS), max_size=3) | JSON_VALUES
APP_JSON = st.dictionaries(st.sampled_from(APP_KEYS), APP_VALUES, max_size=6) | JSON_VALUES
MARKUP_TOKENS = [*"<>/=\"' {}!-\n", "web-view", "button", "open-type", "getPhoneNumber", "src", "<!--", "-->",
                 "{{", "}}", "分享", "解锁", "微信", "https://a.b", '<web-view src="https://a.b/c">', "</web-view>",
                 '<button open-type="getPhoneNumber">', '<button open-type="share">', "</button>", "<text>分享解锁</text>",
                 '<video src="{{u}}" autoplay>', '<camera/>', "<textarea/>"]
MARKUPISH = st.lists(st.sampled_from(MARKUP_TOKENS), max_size=60).map("".join)


LINE_TEXT = st.lists(st.sampled_from([*"abc xyz{}()<>'\"=;+-@\\/", "分享", "微信"]), max_size=12).map("".join)
JS_TOKENS = ["wx.getLocation({})", "wx.chooseImage()", "wx.requestPayment({ a: 1 })", "Page({ onLoad() {", "})",
             "const a = ", "'", '"', "`${", "}`", "//", "/*", "*/", "\n", " ", "(", ")", "{", "}", ";", "=>",
             "if (x) {", "require('./a')", "import { f } from './a'\n", "f()", "export function g() {", "分享"]
JSISH = st.lists(st.sampled_from(JS_TOKENS), max_size=60).map("".join) | st.text(max_size=200)


@st.composite
def git_diffs(draw: st.DrawFn) -> tuple[str, dict[str, list[int]]]:
    """A well-formed ``git diff`` of one to three text files with random hunks, and the line numbers (in
    the new file) of the lines each one adds."""
    paths = draw(st.lists(st.from_regex(r"[a-z]{1,6}/[a-z]{1,6}\.(js|wxml|json)", fullmatch=True),
                          min_size=1, max_size=3, unique=True))
    out: list[str] = []
    expected: dict[str, list[int]] = {}
    for path in paths:
        out += [f"diff --git a/{path} b/{path}", f"--- a/{path}", f"+++ b/{path}"]
        old = new = 1
        added = expected.setdefault(path, [])
        for _ in range(draw(st.integers(1, 3))):
            gap = draw(st.integers(0, 5))
            old, new = old + gap, new + gap
            kinds = draw(st.lists(st.sampled_from(" +-"), min_size=1, max_size=8))
            out.append(f"@@ -{old},{sum(k != '+' for k in kinds)} +{new},{sum(k != '-' for k in kinds)} @@")
            for kind in kinds:
                out.append(kind + draw(LINE_TEXT))
                if kind == "+":
                    added.append(new)
                old += kind != "+"
                new += kind != "-"
    return "\n".join(out) + "\n", expected


@FAST
@given(git_diffs())
def test_diff_reader_finds_exactly_the_added_lines(diff):
    text, expected = diff
    assert _added_lines(text) == (expected, set())


@FAST
@given(st.text(max_size=400))
def test_diff_reader_never_raises(text):
    added, _ = _added_lines(text)
    assert all(n >= 1 for lines in added.values() for n in lines)


@FAST
@given(APP_JSON)
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
@given(JSISH)
def test_js_reader_never_raises(text):
    for name in ("a.js", "a.tsx"):
        read = js_facts(text, name)
        lines = [f.line for f in read.facts] + [line for _, _, line in read.imported_calls]
        assert all(1 <= line <= text.count("\n") + 1 for line in lines)


@FAST
@given(st.binary(max_size=300), st.sampled_from(["a.js", "a.wxml", "app.json", "a.vue", "pages.json",
                                                  "manifest.json", "app.config.ts", "a.json", "app.wpy"]))
def test_any_bytes_under_any_name_give_facts_or_an_error(data, name):
    result = extract(name, data)
    assert result.error is None or isinstance(result.error, str)


@FAST
@given(st.text(max_size=300))
def test_conditional_compilation_keeps_the_line_count(text):
    assert for_wechat(text).count("\n") == text.count("\n") == for_wechat(text, "a.vue").count("\n")


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
    text = _comment_on(path, value)
    assert text.startswith(MARKER_PREFIX)
    assert text.count("mp-precheck:comment") == 1
    # the comment's structure (its headings, its number of lines) is the one a plain path and host give
    plain = _comment_on("pages/a.js", "example.com")
    assert [line for line in text.splitlines() if line.startswith("#")] == \
        [line for line in plain.splitlines() if line.startswith("#")]
    assert len(text.splitlines()) == len(plain.splitlines())


def _comment_on(path: str, value: str) -> str:
    finding = Finding(rule="external_link.domain", family="external_link", severity="medium", subject=f"host:{value}",
                      scope="app", path=path, line=3, title="t", fix="f", doc="https://example.com", value=value)
    return render_markdown(Report(base="a" * 40, head="b" * 40, projects=(), findings=(finding,)), load_catalog(), "en")


REVIEW_TOKENS = ["is", "in", "_", "wx", "review", "Review", "REVIEW", "audit", "Audit", "ing", "mode", "Mode", "switch",
                 "shenhe", "SHENHE", "isInReview", "İ", "ı", "ſ", "K", "ev", "iew", "rev", "hen", "he", " ", "=", "状态"]


@FAST
@given(st.lists(st.sampled_from(REVIEW_TOKENS), max_size=12).map("".join))
def test_the_review_flag_test_of_a_file_is_the_pattern_s_search(text: str) -> None:
    from mp_precheck.readers.reviewflag import REVIEW_FLAG, names_review_flag

    assert names_review_flag(text) == (REVIEW_FLAG.search(text) is not None)


BASE64_TOKENS = ["base64", "BASE64", "Base", "64", "toDataURL", "todataurl", "TODATAURL", "readAs", "READAS", "DataURL",
                 "ſ", "İ", "ı", "K", "bas", "e64", "to", "read", " ", "."]


@FAST
@given(st.lists(st.sampled_from(BASE64_TOKENS), max_size=10).map("".join))
def test_the_base64_hint_of_a_file_is_the_pattern_s_search(text: str) -> None:
    from mp_precheck.readers.statemedia import _HINT, mentions_base64

    assert mentions_base64(text) == (_HINT.search(text) is not None)
