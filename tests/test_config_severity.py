"""A severity the config gives a rule applies to every finding of that rule: a new call site of a capability the
app already had is lowered to low by default, and the team's own severity for the rule wins over that lowering."""

from __future__ import annotations

import pytest

from helpers import cli_json

UPLOAD = "Page({ send(p) { wx.uploadFile({ url: 'https://u.example.com/up', filePath: p, name: 'f' }) } })\n"


def _two_uploaders(app_repo, config: str | None) -> list[tuple[str, str, str]]:
    """The base already uploads from one page; the change adds an upload to another page (a new call site) and
    a first request to a new host (a first use). Returns (rule, path, severity) of each finding."""
    if config is not None:
        app_repo.write(".mp-precheck.yml", config)
    app_repo.write("pages/index/index.js", UPLOAD)
    base = app_repo.commit("uploads")
    app_repo.write("pages/me/me.js", UPLOAD.replace("send(p)", "keep(p)"))
    app_repo.commit("a second uploader")
    _code, data = cli_json("diff", "--repo", str(app_repo.path), "--base", base, "--fail-on", "none")
    return [(f["rule"], f["path"], f["severity"]) for f in data["findings"] if f["rule"] == "upload.upload_file"]


def test_a_new_call_site_stays_low_without_an_override(app_repo):
    assert _two_uploaders(app_repo, None) == [("upload.upload_file", "pages/me/me.js", "low")]


def test_an_override_of_another_rule_leaves_the_new_call_site_low(app_repo):
    assert _two_uploaders(app_repo, "rules: {privacy.album: high}\n") == [
        ("upload.upload_file", "pages/me/me.js", "low")]


@pytest.mark.parametrize("severity", ["info", "medium", "high"])
def test_the_rules_severity_applies_to_its_new_call_sites_too(app_repo, severity):
    assert _two_uploaders(app_repo, f"rules: {{upload.upload_file: {severity}}}\n") == [
        ("upload.upload_file", "pages/me/me.js", severity)]


def test_a_rule_set_to_info_no_longer_fails_a_low_gate_from_its_new_call_sites(app_repo):
    """The team lowered the rule to info: its new call site must stay silent under `--fail-on low`."""
    app_repo.write(".mp-precheck.yml", "rules: {upload.upload_file: info}\n")
    app_repo.write("pages/index/index.js", UPLOAD)
    base = app_repo.commit("uploads")
    app_repo.write("pages/me/me.js", UPLOAD.replace("send(p)", "keep(p)"))
    app_repo.commit("a second uploader")
    code, data = cli_json("diff", "--repo", str(app_repo.path), "--base", base, "--fail-on", "low")
    assert [f["severity"] for f in data["findings"]] == ["info"]
    assert code == 0
