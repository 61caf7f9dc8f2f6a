"""The registry's gates: an analyzer skipped (and not imported) when the findings hold nothing it acts on is one
that would have handed them back untouched, and each gate opens on the findings its analyzer acts on."""

from __future__ import annotations

import importlib

import pytest

from analyzer_context import catalog, finding, project_context
from mp_precheck.analyzers import REGISTRY
from mp_precheck.analyzers.loading import OnDemand
from mp_precheck.core.report import Finding

GATED = {name: analyzer for name, analyzer in REGISTRY if isinstance(analyzer, OnDemand) and analyzer.gate}

# What each gated analyzer acts on, and the configuration it needs for that.
OPENS: dict[str, tuple[Finding, str | None]] = {
    "stray_templates": (finding("external_link.web_view", "<web-view>", "parts/card.wxml"), None),
    "ui_kits": (finding("upload.third_party_upload", "ui-kit:upload-media", "pages/a/a.wxml", value="<van-uploader>"),
                None),
    "called_helpers": (finding("privacy.album", "wx.chooseImage", "pages/a/a.js", scope="file"), None),
    "moved_asks": (finding("privacy.phone_number", "button[open-type=getPhoneNumber]", "pages/a/a.wxml",
                           scope="file"), None),
    "location_config": (finding("privacy.location", "wx.getLocation", "pages/a/a.js"), None),
    "vendored_sdk": (finding("privacy.album", "wx.chooseImage", "libs/sdk.min.js"), None),
    "consent_flow": (finding("privacy.album", "wx.chooseImage", "pages/a/a.js"), None),
    "privacy_declaration": (finding("privacy.album", "wx.chooseImage", "pages/a/a.js"),
                            "privacy: {declared: [Album]}\n"),
    "media_posts": (finding("upload.upload_file", "wx.uploadFile", "pages/a/a.js"), None),
    "service_posts": (finding("upload.upload_file", "wx.uploadFile", "pages/a/a.js"), None),
    "content_security": (finding("upload.upload_file", "wx.uploadFile", "pages/a/a.js"), None),
    "domains": (finding("external_link.domain", "host:a.cn", "pages/a/a.js"), "domains: {request: [a.cn]}\n"),
    "order_payments": (finding("payment.request_payment", "wx.requestPayment:orderInfo", "pages/a/a.js"), None),
    "categories": (finding("external_link.web_view", "<web-view>", "pages/a/a.js"), "categories: [工具 > 计算器]\n"),
    "branding": (finding("branding.brand_text", "text:brand", "pages/a/a.wxml", value="微信"),
                 "branding: {allow: [微信支付]}\n"),
    "helper_redirect": (finding("login.forced_login", "login:launch:/pages/login/login", "app.js"), None),
    "silent_entry": (finding("login.login_first_page", "login:entry-page:/pages/login/login", "app.json"), None),
    "moved_walls": (finding("login.forced_login", "login:launch:/pages/login/login", "app.js"), None),
}

# Findings none of the gates opens on: a web-view in a script, a dead handler.
OTHERS = [finding("external_link.web_view", "<web-view>", "pages/a/a.js", 2),
          finding("completeness.dead_handler", "handler:onTap", "pages/a/a.js", 3, scope="file")]


def test_every_gated_analyzer_has_a_case_here() -> None:
    assert set(GATED) == set(OPENS)


@pytest.mark.parametrize("name", sorted(OPENS))
def test_a_closed_gate_skips_only_an_analyzer_that_would_change_nothing(name: str) -> None:
    _, config = OPENS[name]
    config = None if name == "categories" else config  # its gate is the configuration alone
    context = project_context({"pages/a/a.js": "Page({ onTap() {} })\n", "pages/a/a.wxml": "<view />\n"},
                              config=config)
    gate = GATED[name].gate
    assert gate is not None
    assert not gate(context, OTHERS)
    analyze = importlib.import_module(f"mp_precheck.analyzers.{name}").analyze
    assert analyze(context, list(OTHERS)) == OTHERS  # what the skip hands back
    assert GATED[name](context, list(OTHERS)) == OTHERS


@pytest.mark.parametrize("name", sorted(OPENS))
def test_a_gate_opens_on_what_its_analyzer_acts_on(name: str) -> None:
    acted_on, config = OPENS[name]
    context = project_context({"pages/a/a.js": "Page({})\n"}, config=config)
    gate = GATED[name].gate
    assert gate is not None
    assert gate(context, [*OTHERS, acted_on])
    if config is not None:  # without its configuration the analyzer has nothing to act on either
        assert not gate(project_context({"pages/a/a.js": "Page({})\n"}), [*OTHERS, acted_on])


def test_media_posts_acts_only_on_upload_rules() -> None:
    # its gate opens on the upload family: every rule it reads must be one of it
    from mp_precheck.analyzers import media_posts

    assert {catalog().rule(rule).family for rule in media_posts._UPLOADS} == {"upload"}


def test_an_on_demand_analyzer_imports_its_module_only_when_it_runs() -> None:
    lazy = OnDemand("branding", GATED["branding"].gate)
    context = project_context({"pages/a/a.js": "Page({})\n"})
    assert lazy(context, list(OTHERS)) == OTHERS
    assert lazy._analyze is None
    allowed = project_context({"pages/a/a.js": "Page({})\n"}, config="branding: {allow: [微信支付]}\n")
    brand = OPENS["branding"][0]
    assert lazy(allowed, [*OTHERS, brand]) == [*OTHERS, brand]  # the allowed phrase is no brand text
    assert lazy._analyze is not None
