"""``--format sarif``: valid against the official SARIF 2.1.0 schema, shaped for GitHub code scanning
(one run, stable rule ids, relative URIs, fingerprints that survive moving code, at most 25,000 results)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from msgspec.structs import replace

from conftest import Repo
from helpers import cli, make_finding, report_of, run
from mp_precheck import __version__
from mp_precheck.core.catalog import load_catalog
from mp_precheck.core.report import FileError
from mp_precheck.outputs.sarif import FINGERPRINT_KEY, MAX_RESULTS, artifact_uri, render_sarif, rule_name

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def validate(text: str) -> dict[str, Any]:
    """Parse a SARIF log and validate it against the OASIS schema (draft 4); return it."""
    log: dict[str, Any] = json.loads(text)
    validator = jsonschema.Draft4Validator(SCHEMA, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))
    assert errors == [], "\n".join(f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors[:5])
    return log


def only_run(log: dict[str, Any]) -> dict[str, Any]:
    [run_] = log["runs"]
    return run_


@pytest.fixture
def example(native_shop: tuple[Path, str, str]) -> tuple[Path, str, str]:
    return native_shop


finding = make_finding


@pytest.mark.parametrize("language", ["zh-CN", "en"])
def test_example_is_valid_sarif_for_code_scanning(example, language):
    repo, base, head = example
    report = run(repo, base, head, language=language)
    catalog = load_catalog()
    log = validate(render_sarif(report, catalog, language))
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-schema-2.1.0.json")
    run_ = only_run(log)
    driver = run_["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("mp-precheck", __version__)
    assert driver["informationUri"] == "https://github.com/mp-precheck/mp-precheck"
    assert [r["id"] for r in driver["rules"]] == [r.id for r in catalog.rules]  # every rule, fired or not
    by_id = {r["id"]: r for r in driver["rules"]}
    location = by_id["privacy.location"]
    rule = catalog.rule("privacy.location")
    assert location["name"] == "PrivacyLocation"
    assert location["shortDescription"]["text"] == rule.title[language]
    assert location["fullDescription"]["text"] == rule.fix[language]
    assert location["help"]["text"].startswith(rule.fix[language])
    assert location["help"]["markdown"].endswith(f"]({rule.doc})")
    assert location["helpUri"] == rule.doc
    assert location["defaultConfiguration"]["level"] == "error"
    assert "privacy" in location["properties"]["tags"]
    assert {by_id[i]["defaultConfiguration"]["level"] for i in ("payment.request_payment", "external_link.web_view")} \
        == {"warning"}
    assert by_id["policy.autoplay_media"]["defaultConfiguration"]["level"] == "note"          # low
    assert by_id["policy.unused_suppression"]["defaultConfiguration"]["level"] == "note"      # info
    assert all(len(r["properties"]["tags"]) <= 20 for r in driver["rules"])
    assert len(run_["results"]) == len(report.findings)
    for result, f in zip(run_["results"], sorted(report.findings, key=lambda f: ("high", "medium", "low", "info")
                                                 .index(f.severity)), strict=False):
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] == {"high": "error", "medium": "warning", "low": "note", "info": "note"}[f.severity]
    places = {(r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
               r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in run_["results"]}
    assert ("privacy.location", "miniprogram/pages/pickup/pickup.js", 24) in places
    assert ("payment.request_payment", "miniprogram/pages/cart/cart.js", 77) in places
    for result in run_["results"]:
        artifact = result["locations"][0]["physicalLocation"]["artifactLocation"]
        assert artifact["uriBaseId"] == "%SRCROOT%" and ":" not in artifact["uri"] and not artifact["uri"].startswith("/")
        assert len(result["partialFingerprints"][FINGERPRINT_KEY]) == 32
    assert run_["properties"]["head"] == head


def test_moving_code_keeps_the_fingerprints(app_repo: Repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.js", "Page({\n  onLoad() { wx.getLocation({}) }\n})\n")
    first = app_repo.commit("map")
    app_repo.write("pages/me/me.js", "// the profile page\n\nPage({\n  data: {},\n\n  onLoad() { wx.getLocation({}) }\n})\n")
    moved = app_repo.commit("move")
    catalog = load_catalog()

    def located(head: str) -> dict[str, tuple[str, int]]:
        results = only_run(validate(render_sarif(run(app_repo.path, base, head), catalog, "en")))["results"]
        return {r["partialFingerprints"][FINGERPRINT_KEY]: (r["ruleId"], r["locations"][0]["physicalLocation"]
                                                           ["region"]["startLine"]) for r in results}

    before, after = located(first), located(moved)
    assert before.keys() == after.keys() and before
    assert {v for v in before.values() if v[0] == "privacy.location"} == {("privacy.location", 2)}
    assert {v for v in after.values() if v[0] == "privacy.location"} == {("privacy.location", 6)}


def test_inline_suppression_is_in_source(app_repo: Repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.js", "Page({\n  // mp-precheck-ignore payment.request_payment: membership, tested\n"
                                     "  pay() { wx.requestPayment({}) } })\n")
    app_repo.commit()
    log = validate(render_sarif(run(app_repo.path, base), load_catalog(), "en"))
    [pay] = [r for r in only_run(log)["results"] if r["ruleId"] == "payment.request_payment"]
    assert pay["suppressions"] == [{"kind": "inSource", "status": "accepted", "justification": "membership, tested"}]
    assert all("suppressions" not in r for r in only_run(log)["results"] if r["ruleId"] != "payment.request_payment")


def test_baseline_suppression_is_external(app_repo: Repo):
    accepted = finding("payment.request_payment", subject="wx.requestPayment", path="pages/me/me.js").fingerprint
    app_repo.write(".mp-precheck-baseline.json", json.dumps({"version": 1, "accepted": [
        {"fingerprint": accepted, "rule": "payment.request_payment", "path": "pages/me/me.js",
         "reason": "reviewed in #12"}]}))
    base = app_repo.commit("baseline")
    app_repo.write("pages/me/me.js", "Page({ pay() { wx.requestPayment({}) } })\n")
    app_repo.commit()
    log = validate(render_sarif(run(app_repo.path, base), load_catalog(), "en"))
    [pay] = [r for r in only_run(log)["results"] if r["ruleId"] == "payment.request_payment"]
    assert pay["partialFingerprints"] == {FINGERPRINT_KEY: accepted}
    assert pay["suppressions"] == [{"kind": "external", "status": "accepted", "justification": "reviewed in #12"}]


def test_level_follows_the_findings_severity_not_the_rules():
    downgraded = finding(severity="low")                # a config `rules: {privacy.location: low}`
    log = validate(render_sarif(report_of(downgraded), load_catalog(), "en"))
    [result] = only_run(log)["results"]
    assert result["level"] == "note"
    assert only_run(log)["tool"]["driver"]["rules"][result["ruleIndex"]]["defaultConfiguration"]["level"] == "error"


def test_too_many_results_drop_the_least_severe_first():
    findings = [finding(severity=s, path=f"pages/{s}{i}.js") for i in range(4) for s in ("info", "low", "high",
                                                                                           "medium")]
    log = validate(render_sarif(report_of(*findings), load_catalog(), "en", max_results=9))
    run_ = only_run(log)
    assert [r["properties"]["severity"] for r in run_["results"]] == ["high"] * 4 + ["medium"] * 4 + ["low"]
    [note] = run_["invocations"][0]["toolExecutionNotifications"]
    assert note["level"] == "warning"
    assert note["message"]["text"].startswith("7 of 16 results left out (code scanning accepts at most 9 per run)")
    assert MAX_RESULTS == 25_000


@pytest.mark.slow
def test_the_cap_holds_at_github_scale():
    findings = [finding(path=f"pages/p{i}.js", severity="info" if i % 2 else "high") for i in range(MAX_RESULTS + 5)]
    run_ = only_run(json.loads(render_sarif(report_of(*findings), load_catalog(), "en")))
    assert len(run_["results"]) == MAX_RESULTS
    assert sum(r["level"] == "error" for r in run_["results"]) == (MAX_RESULTS + 5 + 1) // 2


def test_unreadable_files_become_notifications_and_odd_paths_are_encoded():
    odd = finding(path="pages/我的 页面#1/index.js")
    log = validate(render_sarif(report_of(odd, errors=(FileError("pages/x.js", "not read: binary content"),)),
                                load_catalog(), "en"))
    run_ = only_run(log)
    uri = run_["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "pages/%E6%88%91%E7%9A%84%20%E9%A1%B5%E9%9D%A2%231/index.js" == artifact_uri(odd.path)
    [note] = run_["invocations"][0]["toolExecutionNotifications"]
    assert note["message"]["text"] == "pages/x.js: not read: binary content"
    assert run_["invocations"][0]["executionSuccessful"] is True


def test_a_rule_missing_from_the_catalog_still_gets_a_descriptor():
    custom = replace(finding(), rule="policy.custom_check", family="policy")
    run_ = only_run(validate(render_sarif(report_of(custom), load_catalog(), "en")))
    assert run_["tool"]["driver"]["rules"][run_["results"][0]["ruleIndex"]]["id"] == "policy.custom_check"


def test_rule_name():
    assert rule_name("external_link.web_view") == "ExternalLinkWebView"


def test_cli_format_sarif(app_repo: Repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.js", "Page({ a() { wx.chooseImage({}) } })\n")
    app_repo.commit()
    code, out, _ = cli("diff", "--repo", str(app_repo.path), "--base", base, "--format", "sarif", "--language", "en")
    assert code == 1
    [result] = only_run(validate(out))["results"]
    assert (result["ruleId"], result["level"]) == ("privacy.album", "error")
