"""Extraction skips what a script cannot hold — a string naming no image suffix, the definitions of a script without
uploads, names in a script that spells no share hook or secret (issue #17) — with the same facts."""

from __future__ import annotations

import posixpath
import re

from hypothesis import given
from hypothesis import strategies as st

from mp_precheck.readers import jsfacts, localcalls
from mp_precheck.readers.imagerefs import image_reference
from mp_precheck.readers.jsfacts import js_facts
from mp_precheck.readers.logo import IMAGE_SUFFIXES

_BOUND = re.compile(r"[^{}$\s]*(?:\{\{[^{}]*\}\}|\$\{[^{}]*\})/(?P<tail>[^{}$\s]+)")


def _reference_before(value: str) -> str | None:
    """image_reference as it was before its suffix prefilter."""
    text = value.strip()
    bound = _BOUND.fullmatch(text) if "{{" in text or "${" in text else None
    if bound is not None:
        text = "*/" + bound["tail"]
    if not text or len(text) > 300 or "{{" in text or "${" in text or any(c.isspace() for c in text):
        return None
    if "://" in text or text.startswith(("data:", "//")):
        return None
    path = text.split("?", 1)[0].split("#", 1)[0]
    return path if path.lower().endswith(IMAGE_SUFFIXES) else None


_PIECES = st.sampled_from(["/images/wx", "../a", "{{theme}}", "${cdn}", "/", "?v=2", "#x", " ", "\u212a", "İ", "Σ",
                           "https://", "data:", "@/", ".PNG", ".png", ".Jpeg", ".svg", ".sv", "G", "g", "ς", "."])


@given(st.lists(_PIECES | st.text(max_size=4), max_size=8).map("".join))
def test_the_suffix_prefilter_gives_the_same_answers(value: str) -> None:
    assert image_reference(value) == _reference_before(value)


def test_references_keep_their_answers() -> None:
    cases = {"/images/wx.png?v=2": "/images/wx.png", "{{base}}/icons/WX.PNG": "*/icons/WX.PNG",
             "https://cdn.example.com/a.png": None, "确定删除？": None, "a\u212a.png": "a\u212a.png",
             posixpath.join("..", "img", "a.jpeg#top"): "../img/a.jpeg"}
    assert {value: image_reference(value) for value in cases} == cases


HELPER_CALLED_TWICE = """Page({
  uploadImg(path) { return wx.uploadFile({ url: 'https://api.example.com/up', filePath: path, name: 'f' }) },
  front() { this.uploadImg(this.data.front) },
  back() { this.uploadImg(this.data.back) },
})
"""


def test_a_script_without_uploads_reads_no_upload_wrappers(monkeypatch) -> None:
    def unread(_nodes):
        raise AssertionError("the definitions of a script without uploads were read")
    monkeypatch.setattr(localcalls, "_definitions", unread)
    facts = js_facts(HELPER_CALLED_TWICE.replace("wx.uploadFile", "wx.request"), "pages/me/me.js")
    assert ("wx.request", 2) in {(f.subject, f.line) for f in facts.facts}


def test_an_upload_helper_called_twice_still_counts_at_each_call() -> None:
    facts = js_facts(HELPER_CALLED_TWICE, "pages/me/me.js")
    assert [(f.line, f.role) for f in facts.facts if f.subject == "wx.uploadFile"] == \
        [(3, "via:pages/me/me.js#uploadImg"), (4, "via:pages/me/me.js#uploadImg")]


SECRET = "a1b2c3d4e5f60718293a4b5c6d7e8f90"


def test_a_script_that_spells_no_secret_reads_no_names_for_one(monkeypatch) -> None:
    def unread(_node, _line):
        raise AssertionError("a name was read for a secret in a script that spells none")
    monkeypatch.setattr(jsfacts, "assigned_secret", unread)
    facts = js_facts(f"const appKey = '{SECRET}'\nPage({{ token: '{SECRET}' }})\n", "pages/a/a.js")
    assert not [f for f in facts.facts if f.subject.startswith("secret:")]


def test_secrets_and_share_hooks_are_still_found_in_any_spelling() -> None:
    for name in ("appSecret", "APP_SECRET", "'app_secret'", "wxSeCrEt", "app\u017fecret"):
        facts = js_facts(f"const config = {{ {name}: '{SECRET}' }}\n", "utils/config.js")
        assert [(f.subject, f.line) for f in facts.facts if f.subject.startswith("secret:")] == \
            [("secret:app-secret", 1)], name
    page = "Page({\n  onShareAppMessage() { return {} },\n  'onShareTimeline': function () {},\n})\n"
    assert [(f.subject, f.line, f.value) for f in js_facts(page, "pages/a/a.js").facts if f.kind == "hook"] == \
        [("share:hook", 2, "onShareAppMessage"), ("share:hook", 3, "onShareTimeline")]
    assert not [f for f in js_facts(page.replace("onShare", "onSave"), "pages/a/a.js").facts if f.kind == "hook"]
