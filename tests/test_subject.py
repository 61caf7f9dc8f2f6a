"""Subjects: one grammar, parsed and formatted in one place (``mp_precheck.core.subject``)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mp_precheck.core.catalog import load_catalog
from mp_precheck.core.subject import (
    FACTORIES,
    PREFIXES,
    Subject,
    SubjectError,
    api,
    app_config,
    attribute,
    component,
    format_subject,
    parse,
    prefixed,
    subject_value,
)
from mp_precheck.facts.presence import needle

IDENT = st.from_regex(r"[a-z][A-Za-z0-9]{0,12}", fullmatch=True)
TAG = st.from_regex(r"[a-z][a-z0-9]{0,6}(?:-[a-z0-9]{1,6}){0,2}", fullmatch=True)
OWNER = st.from_regex(r"[A-Z][A-Za-z]{0,14}", fullmatch=True)
ANY_TEXT = st.text(min_size=0, max_size=30)
FREE = st.from_regex(r"[^\]\[]{0,20}", fullmatch=True)
KEY = st.from_regex(r"[A-Za-z][\w-]{0,15}", fullmatch=True)
NAME = st.from_regex(r"[\w.*-]{1,20}", fullmatch=True).filter(
    lambda s: not s.startswith("wx.") and not (s[:1].isupper() and s.count(".") == 1))

# One strategy per form of the grammar: every spelling it can produce.
SPELLINGS = {
    "api": st.builds(lambda parts: "wx." + ".".join(parts), st.lists(IDENT, min_size=1, max_size=3)),
    "api-value": st.builds(lambda n, v: f"wx.{n}:{v}", IDENT, ANY_TEXT),
    "method": st.builds(lambda o, m: f"{o}.{m}", OWNER, IDENT),
    "component": st.builds(lambda t: f"<{t}>", TAG),
    "attribute": st.builds(lambda t, k, v: f"{t}[{k}={v}]", TAG, st.from_regex(r"[a-z][a-z-]{0,10}", fullmatch=True),
                           FREE),
    "attribute-present": st.builds(lambda t, k: f"{t}[{k}]", TAG, st.from_regex(r"[a-z][a-z-]{0,10}", fullmatch=True)),
    "app-config": st.builds(lambda k, v: f"app.json:{k}:{v}", KEY, ANY_TEXT),
    "app-config-key": st.builds(lambda k: f"app.json:{k}", KEY),
    "login": st.builds(lambda k, v: f"login:{k}:{v}", st.sampled_from(["launch", "page-hook", "entry-page"]),
                       ANY_TEXT),
    "prefixed": st.builds(lambda p, v: f"{p}:{v}", st.sampled_from(sorted(PREFIXES)), ANY_TEXT),
    "name": NAME,
}


@pytest.mark.parametrize("form", sorted(SPELLINGS))
def test_format_parse_round_trip_for_every_form(form: str) -> None:
    @given(SPELLINGS[form])
    def check(text: str) -> None:
        assert format_subject(parse(text)) == text
        assert str(parse(text)) == text

    check()


@pytest.mark.parametrize(("text", "expected"), [
    ("wx.getLocation", Subject("api", name="wx.getLocation")),
    ("wx.cloud.uploadFile", Subject("api", name="wx.cloud.uploadFile")),
    ("wx.authorize:scope.userLocation", Subject("api", name="wx.authorize", value="scope.userLocation")),
    ("RecorderManager.start", Subject("method", name="RecorderManager.start")),
    ("<web-view>", Subject("component", name="web-view")),
    ("button[open-type=share]", Subject("attribute", name="button", key="open-type", value="share")),
    ("video[ad-unit-id]", Subject("attribute", name="video", key="ad-unit-id")),
    ("app.json:permission:scope.userLocation", Subject("app-config", key="permission", value="scope.userLocation")),
    ("app.json:plugins:*", Subject("app-config", key="plugins", value="*")),
    ("host:api.example.com", Subject("host", value="api.example.com")),
    ("web-view-host:h5.example.com", Subject("web-view-host", value="h5.example.com")),
    ("image:/img/a:b[1].png", Subject("image", value="/img/a:b[1].png")),
    ("login:launch:/pages/login/login", Subject("login", key="launch", value="/pages/login/login")),
    ("requiredPrivateInfos:getLocation", Subject("private-info", value="getLocation")),
    ("ui-kit:pick-media", Subject("ui-kit", value="pick-media")),
    ("privacy.location", Subject("name", name="privacy.location")),
])
def test_parse_gives_the_parts(text: str, expected: Subject) -> None:
    assert parse(text) == expected


@pytest.mark.parametrize("text", ["", "a b", "unknown:thing", "<a><b>", "button[open-type=a]x"])
def test_strings_of_no_form_are_refused(text: str) -> None:
    with pytest.raises(SubjectError, match="not a subject"):
        parse(text)


def test_builders_spell_the_grammar() -> None:
    assert api("getLocation") == "wx.getLocation"
    assert api("authorize", "scope.camera") == "wx.authorize:scope.camera"
    assert component("web-view") == "<web-view>"
    assert attribute("button", "open-type", "share") == "button[open-type=share]"
    assert attribute("video", "ad-unit-id") == "video[ad-unit-id]"
    assert app_config("requiredPrivateInfos", "getLocation") == "app.json:requiredPrivateInfos:getLocation"
    assert prefixed("private-info", "getLocation") == "requiredPrivateInfos:getLocation"
    assert subject_value("web-view-host:h5.example.com") == "h5.example.com"
    assert subject_value("no subject here") == ""


def test_parts_of_apis_and_methods() -> None:
    assert parse("wx.cloud.uploadFile").owner == "wx.cloud"
    assert parse("wx.cloud.uploadFile").member == "uploadFile"
    assert parse("MapContext.moveToLocation").owner == "MapContext"
    assert parse("<camera>").member is None


def test_every_catalog_subject_parses_to_a_form_and_back() -> None:
    for rule in load_catalog().rules:
        for subject in rule.subjects:
            parsed = parse(subject)
            assert parsed.form != "name", subject
            assert str(parsed) == subject


def test_one_factory_table_gives_the_grep_needle_of_methods() -> None:
    assert FACTORIES["wx.getRecorderManager"] == "RecorderManager"
    assert needle("RecorderManager.start") == "getRecorderManager"
    assert needle("CameraContext.takePhoto") == "createCameraContext"
    assert needle("button[open-type=share]") == "share"
    assert needle("app.json:requiredPrivateInfos:getLocation") == "getLocation"
    assert needle("wx.authorize:scope.camera") == "scope.camera"
    assert needle("host:api.example.com") == "api.example.com"
    assert needle("wx.cloud.uploadFile") == "uploadFile"
