"""A config (or baseline) a change leaves invalid is an error of that change, and a change that repairs the
base's broken config is checked with the defaults instead of being stopped by the file it repairs."""

from __future__ import annotations

import pytest

from conftest import Repo
from helpers import cli, cli_json
from mp_precheck.core.catalog import load_catalog
from mp_precheck.core.config import ConfigError, check_names, known_names, parse_config

CONFIG = ".mp-precheck.yml"


def _gate(data: dict) -> list[tuple[str, str, str]]:
    return [(f["rule"], f["path"], f["value"]) for f in data["findings"] if f["rule"].startswith("policy.")]


def test_a_change_adding_only_a_broken_config_fails_with_the_reason(app_repo: Repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write(CONFIG, "language: en\nfail_on: mediun\n")
    app_repo.commit("ci: settings")
    code, data = cli_json("diff", "--repo", str(app_repo.path), "--base", base)
    assert code == 1
    assert data["message"] is None  # not "no Mini Program files in this change"
    assert _gate(data) == [("policy.invalid_config", CONFIG, "line 2: `fail_on`: expected one of none | info | low | "
                            "medium | high, found \"mediun\" (did you mean medium?)")]
    [finding] = [f for f in data["findings"] if f["rule"] == "policy.invalid_config"]
    assert finding["severity"] == "high"


def test_a_change_adding_a_valid_strict_config_is_silent(app_repo: Repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write(CONFIG, "language: en\nfail_on: medium\n")
    app_repo.commit("ci: settings")
    code, data = cli_json("diff", "--repo", str(app_repo.path), "--base", base)
    assert (code, _gate(data), data["message"]) == (0, [], "no Mini Program files in this change")


def test_an_unknown_rule_id_at_head_is_an_invalid_config(app_repo: Repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write(CONFIG, "rules: {upload.content_chek_v1: false}\n")
    app_repo.write("pages/me/me.js", "Page({ onLoad() { wx.getWeRunData({}) } })\n")
    app_repo.commit()
    _, data = cli_json("diff", "--repo", str(app_repo.path), "--base", base)
    assert _gate(data) == [("policy.invalid_config", CONFIG, "line 1: `rules.upload.content_chek_v1`: unknown rule id "
                            "(did you mean upload.content_check_v1?)")]


def test_a_change_repairing_the_base_config_runs_with_the_defaults(app_repo: Repo):
    app_repo.write(CONFIG, "fail_on: nnone\nrules: {privacy.album: off}\n")
    base = app_repo.commit("broken settings")
    app_repo.write(CONFIG, "fail_on: none\nrules: {privacy.album: off}\n")  # repaired, and as lax as it meant
    app_repo.write("pages/me/me.js", "Page({ onLoad() { wx.chooseAddress({}) } })\n")
    app_repo.commit("repair")
    code, out, err = cli("diff", "--repo", str(app_repo.path), "--base", base, "--format", "json")
    assert code == 1  # the defaults fail on high: the repairing change does not get its own fail_on: none
    assert "this change makes the config valid, so it is checked with the default settings" in err
    assert "`fail_on`: expected one of none | info | low | medium | high, found \"nnone\"" in err
    import json

    data = json.loads(out)
    assert ("policy.relaxes_check", CONFIG, "rules.privacy.album: off; fail_on: high → none") in _gate(data)


def test_a_malformed_baseline_at_head_is_an_invalid_config(app_repo: Repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write(".mp-precheck-baseline.json", "{\"accepted\": [\n")
    app_repo.commit("accept")
    code, data = cli_json("diff", "--repo", str(app_repo.path), "--base", base)
    assert code == 1
    assert [r for r, _, _ in _gate(data)] == ["policy.invalid_config"]


def test_every_mistake_is_listed_with_the_nearest_value():
    text = ("langauge: en\nfail_on: hihg\nexclude: vendor\nrules: {privacy.camera: meduim}\n"
            "privacy: {declared: 2}\ncategories: 工具\n")
    with pytest.raises(ConfigError) as info:
        parse_config(text, "s.yml")
    message = str(info.value)
    assert "more)" not in message
    for part in ("unknown key 'langauge' (did you mean 'language'?)", "found \"hihg\" (did you mean high?)",
                 "`exclude`: expected a list", "`rules.privacy.camera`: expected one of true | false | high | "
                 "medium | low | info, found \"meduim\" (did you mean medium?)", "`privacy.declared`: expected a "
                 "list", "`categories`: expected a list"):
        assert part in message


def test_a_rule_pattern_is_said_to_be_no_rule_id():
    with pytest.raises(ConfigError) as info:
        parse_config("rules:\n  upload.*: low\n", "s.yml")
    assert str(info.value).startswith("s.yml: line 2: `rules`: 'upload.*' is no rule id: rules takes whole ids")


def test_a_declared_type_that_is_no_label_is_an_error_with_the_nearest_label():
    known = known_names(load_catalog())
    with pytest.raises(ConfigError) as info:
        check_names(parse_config("privacy:\n  declared: [手机号, 摄像]\n", "s.yml"), known)
    assert str(info.value) == "s.yml: `privacy.declared[1]`: '摄像' is no type of the 用户隐私保护指引 (did you mean 摄像头?)"


def test_declared_labels_keys_aliases_and_half_width_brackets_are_accepted():
    known = known_names(load_catalog())
    check_names(parse_config("privacy:\n  declared: [手机号码, Camera, 用户信息(微信昵称、头像), ' 地址', 用户信息]\n",
                             "s.yml"), known)


def test_a_config_in_no_known_encoding_is_an_invalid_config(app_repo: Repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write(CONFIG, b"fail_on: high\n\x00\x00\x00\x01")  # NUL bytes: binary to every reader
    app_repo.commit("ci: settings")
    _, data = cli_json("diff", "--repo", str(app_repo.path), "--base", base)
    assert [r for r, _, _ in _gate(data)] == ["policy.invalid_config"]


def test_names_are_checked_with_the_schema_once_each_at_their_own_index():
    known = known_names(load_catalog())
    text = "rules:\n  upload.*: low\n  privacy.locaton: false\nprivacy:\n  declared:\n    - 摄像\n    - 3\n    - 摄像\n"
    with pytest.raises(ConfigError) as info:
        parse_config(text, "s.yml", known)
    said = str(info.value).removeprefix("s.yml: ").split("; ")
    assert [part.split(": ")[0] + ": " + part.split(": ")[1] for part in said] == [
        "line 2: `rules`", "line 3: `rules.privacy.locaton`", "line 6: `privacy.declared[0]`",
        "line 7: `privacy.declared[1]`", "line 8: `privacy.declared[2]`"]
    assert "unknown rule id (did you mean privacy.location?)" in said[1]
    parse_config("rules: {privacy.location: false}\nprivacy: {declared: [手机号]}\n", "s.yml", known)  # valid: silent
