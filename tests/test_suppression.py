"""Inline suppressions, the accepted-risk baseline, and findings for what a change relaxes."""

from __future__ import annotations

import json

from helpers import cli, cli_json, rules, run
from mp_precheck.core.suppression import find_suppressions


def test_directive_syntaxes():
    text = ("// mp-precheck-ignore privacy.location: store finder needs it\n"
            "<!-- mp-precheck-ignore external_link.web_view: our own help centre -->\n"
            "/* mp-precheck-ignore payment.request_payment */\n")
    assert [(s.line, s.rule, s.reason) for s in find_suppressions("a", text)] == [
        (1, "privacy.location", "store finder needs it"), (2, "external_link.web_view", "our own help centre"),
        (3, "payment.request_payment", "")]


def test_suppression_above_the_line_applies_and_shows_its_reason(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.js", "Page({\n  // mp-precheck-ignore payment.request_payment: membership, tested\n"
                                     "  pay() { wx.requestPayment({}) } })\n")
    app_repo.commit()
    report = run(app_repo.path, base)
    [pay] = [f for f in report.findings if f.rule == "payment.request_payment"]
    assert (pay.suppressed, pay.suppression_reason) == (True, "membership, tested")
    relax = [f for f in report.findings if f.rule == "policy.relaxes_check"]
    assert [(f.path, f.line, f.value) for f in relax] == [
        ("pages/me/me.js", 2, "mp-precheck-ignore payment.request_payment: membership, tested")]
    assert report.risk_level == "medium"  # the relaxation itself; the suppressed payment no longer counts


def test_suppression_without_reason_is_not_applied(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.wxml", '<!-- mp-precheck-ignore external_link.web_view -->\n<web-view src="/x"/>\n')
    app_repo.commit()
    report = run(app_repo.path, base)
    assert {(f.rule, f.suppressed) for f in report.findings} >= {
        ("external_link.web_view", False), ("policy.suppression_without_reason", False)}


def test_unused_suppression_is_reported(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.js", "// mp-precheck-ignore privacy.location: old map page\nPage({})\n")
    app_repo.commit()
    assert "policy.unused_suppression" in rules(run(app_repo.path, base))


def test_baseline_accepts_by_fingerprint_even_after_the_code_moves(app_repo, tmp_path):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.js", "Page({ pay() { wx.requestPayment({}) } })\n")
    app_repo.commit()
    code, _, err = cli("baseline", "--repo", str(app_repo.path), "--base", base, "--reason", "reviewed in #12")
    assert code == 0 and "1 finding(s) accepted" in err
    accepted = json.loads((app_repo.path / ".mp-precheck-baseline.json").read_text(encoding="utf-8"))
    assert [(a["rule"], a["path"], a["reason"]) for a in accepted["accepted"]] == [
        ("payment.request_payment", "pages/me/me.js", "reviewed in #12")]
    # The baseline lands on main first (it is read from the base revision) ...
    app_repo.git("stash", "-u")
    app_repo.git("checkout", "-q", base)
    app_repo.git("checkout", "-q", "-b", "accept")
    app_repo.git("stash", "pop")
    accept = app_repo.commit("accept the payment finding")
    # ... then a branch moves the call down a few lines: still accepted.
    app_repo.write("pages/me/me.js", "Page({\n\n\n pay() { wx.requestPayment({}) } })\n")
    app_repo.commit("pay")
    code, data = cli_json("diff", "--repo", str(app_repo.path), "--base", accept)
    [pay] = [f for f in data["findings"] if f["rule"] == "payment.request_payment"]
    assert (pay["suppressed"], pay["suppression_reason"]) == (True, "baseline: reviewed in #12")
    assert code == 0


def test_config_change_that_relaxes_is_reported_with_what_it_relaxes(app_repo):
    app_repo.write(".mp-precheck.yml", "fail_on: medium\ndomains: {request: [a.example.com]}\n")
    base = app_repo.commit("config")
    app_repo.write(".mp-precheck.yml", "fail_on: none\nexclude: [libs/**]\nrules: {privacy.location: low}\n"
                                       "domains: {request: [a.example.com, b.example.com]}\n")
    app_repo.commit("relax")
    [relax] = [f for f in run(app_repo.path, base).findings if f.rule == "policy.relaxes_check"]
    assert relax.value == ("rules.privacy.location: catalog → low; fail_on: medium → none; exclude: + libs/**; "
                           "domains.request: + b.example.com")


def test_stricter_config_is_not_a_relaxation(app_repo):
    app_repo.write(".mp-precheck.yml", "fail_on: high\n")
    base = app_repo.commit("config")
    app_repo.write(".mp-precheck.yml", "fail_on: medium\n")
    app_repo.commit("stricter")
    assert "policy.relaxes_check" not in rules(run(app_repo.path, base))
