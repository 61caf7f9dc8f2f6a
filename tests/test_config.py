"""`.mp-precheck.yml`: schema validation with one-line breadcrumbs, read from the base revision."""

from __future__ import annotations

import pytest

from helpers import cli, cli_json
from mp_precheck.core.config import ConfigError, parse_config


def test_valid_config_round_trip():
    config = parse_config(
        "language: en\nfail_on: medium\nexclude: [libs/**]\nrules: {privacy.permission: false, "
        "external_link.domain: low}\nprivacy: {declared: [位置信息]}\ndomains: {request: [API.Example.com]}\n",
        "x.yml")
    assert (config.language, config.fail_on, config.exclude) == ("en", "medium", ("libs/**",))
    assert not config.rule_enabled("privacy.permission")
    assert config.severity_of("external_link.domain", "medium") == "low"
    assert config.declared_privacy == ("位置信息",)
    assert config.domains == {"request": ("api.example.com",)}


@pytest.mark.parametrize(("text", "message"), [
    ("language: fr\n", "x.yml: line 1: `language`: expected one of zh-CN | en, found \"fr\""),
    ("fail_on: 3\n", "x.yml: line 1: `fail_on`: expected one of none | info | low | medium | high, found 3"),
    ("exclude: libs\n", "x.yml: line 1: `exclude`: expected a list, found \"libs\""),
    ("privacy: {declared: [位置信息, 3]}\n", "x.yml: line 1: `privacy.declared[1]`: expected a string, found 3"),
    ("colour: red\n", "x.yml: line 1: the top level: unknown key 'colour'"),
    ("langauge: en\nprivacy: {decalred: [a]}\n", "x.yml: line 1: the top level: unknown key 'langauge' (did you mean "
     "'language'?); line 2: `privacy`: unknown key 'decalred' (did you mean 'declared'?)"),
    ("rules: {privacy.location: maybe}\n",
     "x.yml: line 1: `rules.privacy.location`: expected one of true | false | high | medium | low | info, found \"maybe\""),
    ("language: [\n", "x.yml: not valid YAML at line 2 column 1: expected the node content, but found '<stream end>'"),
])
def test_invalid_config_names_key_and_expectation(text, message):
    with pytest.raises(ConfigError) as info:
        parse_config(text, "x.yml")
    assert str(info.value) == message


def test_yaml_alias_bomb_is_refused():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8))
    with pytest.raises(ConfigError, match="YAML aliases"):
        parse_config(bomb, "bomb.yml")


def test_config_is_read_from_the_base_revision_not_the_pr(app_repo):
    app_repo.write(".mp-precheck.yml", "rules: {payment.request_payment: high}\n")
    base = app_repo.commit("config")
    app_repo.write(".mp-precheck.yml", "rules: {payment.request_payment: false}\n")  # the PR relaxes it
    app_repo.write("pages/me/me.js", "wx.requestPayment({})\n")
    app_repo.commit("pay")
    code, data = cli_json("diff", "--repo", str(app_repo.path), "--base", base)
    assert code == 1
    assert [(f["rule"], f["severity"], f["value"]) for f in data["findings"]] == [
        ("payment.request_payment", "high", None),
        ("policy.relaxes_check", "medium", "rules.payment.request_payment: off")]


def test_flag_beats_config_beats_default(app_repo):
    app_repo.write(".mp-precheck.yml", "fail_on: medium\nlanguage: en\n")
    base = app_repo.commit("config")
    app_repo.write("pages/me/me.js", "wx.requestPayment({})\n")
    app_repo.commit("pay")
    code, data = cli_json("diff", "--repo", str(app_repo.path), "--base", base)
    assert code == 1  # medium payment finding reaches the config's fail_on: medium
    assert data["findings"][0]["title"].startswith("Adds WeChat Pay")  # language: en from config
    code, _ = cli_json("diff", "--repo", str(app_repo.path), "--base", base, "--fail-on", "high")
    assert code == 0


def test_invalid_config_exits_2_with_one_line(app_repo, tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text("fail_on: sometimes\n", encoding="utf-8")
    code, out, err = cli("diff", "--repo", str(app_repo.path), "--base", "HEAD", "--config", str(bad))
    assert (code, out) == (2, "")
    assert err == (f"mp-precheck: {bad}: line 1: `fail_on`: expected one of none | info | low | medium | high, "
                   "found \"sometimes\"\n")


def test_missing_config_file_exits_2(app_repo, tmp_path):
    code, _, err = cli("diff", "--repo", str(app_repo.path), "--base", "HEAD", "--config", str(tmp_path / "no.yml"))
    assert code == 2
    assert err == f"mp-precheck: {tmp_path / 'no.yml'}: cannot read the config file (No such file or directory)\n"


def test_excluded_paths_are_not_analysed(app_repo):
    app_repo.write(".mp-precheck.yml", "exclude: ['libs/**']\n")
    base = app_repo.commit("config")
    app_repo.write("libs/sdk.js", "wx.getLocation()\n")
    app_repo.write("pages/me/me.js", "wx.chooseAddress()\n")
    app_repo.commit("sdk")
    _, data = cli_json("diff", "--repo", str(app_repo.path), "--base", base, "--fail-on", "none")
    assert {f["path"] for f in data["findings"]} == {"pages/me/me.js"}


def test_unknown_rule_id_is_an_error_with_a_suggestion(app_repo, tmp_path):
    config = tmp_path / "c.yml"
    config.write_text("rules: {login.forced_logn: false}\n", encoding="utf-8")
    code, _, err = cli("diff", "--repo", str(app_repo.path), "--base", "HEAD", "--config", str(config))
    assert code == 2
    assert err == (f"mp-precheck: {config}: line 1: `rules.login.forced_logn`: unknown rule id (did you mean "
                   "login.forced_login?)\n")


def test_broken_config_on_the_base_stops_a_change_that_keeps_it_broken(app_repo):
    app_repo.write(".mp-precheck.yml", "langauge: en\n")
    base = app_repo.commit("typo")
    app_repo.write("pages/me/me.js", "wx.chooseAddress()\n")
    app_repo.commit("unrelated")
    code, _, err = cli("diff", "--repo", str(app_repo.path), "--base", base)
    assert code == 2
    assert "the base revision; a change that fixes it is checked with the defaults, or pass --config" in err


def test_a_url_among_the_hosts_is_told_to_be_a_host_with_the_url_host_as_example():
    with pytest.raises(ConfigError) as info:
        parse_config("domains:\n  request:\n    - api.shop.test\n    - https://Img.Shop.test:8443/v1/x\n", "x.yml")
    assert str(info.value) == ('x.yml: line 4: `domains.request[1]`: "https://Img.Shop.test:8443/v1/x" is not a host '
                               "name: write the host name only, e.g. img.shop.test")
    assert "does not match" not in str(info.value)


def test_a_bad_host_that_is_no_url_gets_a_generic_example():
    with pytest.raises(ConfigError) as info:
        parse_config("domains: {business: ['under_score.test']}\n", "x.yml")
    assert str(info.value).endswith("is not a host name: write the host name only, e.g. api.example.com")


def test_plain_hosts_and_wildcards_stay_valid():
    config = parse_config("domains: {request: ['api.shop.test', '*.cdn.test', 'ws.shop.test:8443']}\n", "x.yml")
    assert config.domains["request"] == ("api.shop.test", "*.cdn.test", "ws.shop.test:8443")


def test_schema_and_name_mistakes_are_all_told_each_with_its_line(app_repo, tmp_path):
    config = tmp_path / "c.yml"
    config.write_text("fail_on: low\nlangauge: en\nrules:\n  login.forced_logn: false\nprivacy:\n"
                      "  declared: [手机号, 摄像]\ndomains:\n  request: [https://api.shop.test/x]\n", encoding="utf-8")
    code, _, err = cli("diff", "--repo", str(app_repo.path), "--base", "HEAD", "--config", str(config))
    assert code == 2
    message = err.removeprefix(f"mp-precheck: {config}: ")
    assert message.split("; ") == [
        "line 2: the top level: unknown key 'langauge' (did you mean 'language'?)",
        "line 4: `rules.login.forced_logn`: unknown rule id (did you mean login.forced_login?)",
        "line 6: `privacy.declared[1]`: '摄像' is no type of the 用户隐私保护指引 (did you mean 摄像头?)",
        "line 8: `domains.request[0]`: \"https://api.shop.test/x\" is not a host name: write the host name only, "
        "e.g. api.shop.test\n"]
