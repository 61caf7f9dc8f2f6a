"""A changed script the app loads but the run could not read fails the check (completeness.unread_script); one
nothing loads stays an error line. A changed source file that is not UTF-8 is told once, with its encoding
(completeness.not_utf8). The two known error messages read in the report's language."""

from __future__ import annotations

from helpers import cli_json, run
from mp_precheck.core.catalog import load_catalog
from mp_precheck.outputs.markdown import render_markdown
from mp_precheck.outputs.terminal import render_text

FILLER = "var filler = 1;\n" * 80_000  # over 1 MB: the extractor skips the file
SDK = FILLER + "module.exports = { where() { return wx.getLocation({}) }, buy(o) { return wx.requestPayment(o) } }\n"
PAGE = "const sdk = require('../../vendor/mapkit.js')\nPage({ onLoad() { sdk.where() } })\n"


def _rules(report, rule):
    return [(f.path, f.severity, f.value) for f in report.findings if f.rule == rule]


def test_a_skipped_script_a_page_requires_is_a_high_finding_naming_the_apis_it_holds(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("vendor/mapkit.js", SDK)
    app_repo.write("pages/index/index.js", PAGE)
    app_repo.commit()
    report = run(app_repo.path, base)
    assert _rules(report, "completeness.unread_script") == [
        ("vendor/mapkit.js", "high", "wx.getLocation, wx.requestPayment")]
    assert report.risk_level == "high"
    code, data = cli_json("diff", "--repo", str(app_repo.path), "--base", base)
    assert code == 1 and data["risk_level"] == "high"


def test_a_skipped_script_nothing_loads_stays_an_error_line(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("vendor/mapkit.js", SDK)
    app_repo.commit()
    report = run(app_repo.path, base)
    assert _rules(report, "completeness.unread_script") == []
    assert [e.path for e in report.errors] == ["vendor/mapkit.js"]
    code, data = cli_json("diff", "--repo", str(app_repo.path), "--base", base)
    assert code == 0 and data["risk_level"] == "none"


def test_a_checked_unread_script_can_be_let_pass_by_the_rules_key(app_repo):
    app_repo.write(".mp-precheck.yml", "rules:\n  completeness.unread_script: false\n")
    base = app_repo.commit()
    app_repo.write("vendor/mapkit.js", SDK)
    app_repo.write("pages/index/index.js", PAGE)
    app_repo.commit()
    code, data = cli_json("diff", "--repo", str(app_repo.path), "--base", base)
    assert code == 0 and "completeness.unread_script" not in {f["rule"] for f in data["findings"]}


def test_a_gbk_source_file_is_told_once_with_its_encoding(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.wxml", "<view>我的资料与设置</view>\n".encode("gbk"))
    app_repo.write("pages/me/me.js", "Page({ data: { hint: '请填写昵称' } })\n".encode("gbk"))
    app_repo.commit()
    assert sorted(_rules(run(app_repo.path, base), "completeness.not_utf8")) == [
        ("pages/me/me.js", "low", "GBK/GB18030"), ("pages/me/me.wxml", "low", "GBK/GB18030")]


def test_utf8_source_files_with_or_without_a_bom_are_not_told(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.wxml", "<view>我的资料与设置</view>\n".encode())
    app_repo.write("pages/me/me.js", b"\xef\xbb\xbf" + "Page({ data: { hint: '请填写昵称' } })\n".encode())
    app_repo.commit()
    assert _rules(run(app_repo.path, base), "completeness.not_utf8") == []


def test_the_oversize_and_invalid_json_messages_read_in_chinese_in_a_chinese_report(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("vendor/mapkit.js", SDK)
    app_repo.write("app.json", '{"pages": ["pages/index/index",]}\n')
    app_repo.commit()
    zh, en = run(app_repo.path, base, language="zh-CN"), run(app_repo.path, base)
    for text in (render_text(zh, load_catalog(), "zh-CN", color=False), render_markdown(zh, load_catalog(), "zh-CN")):
        assert "超过 1 MB 的读取上限" in text and "over the 1 MB limit" not in text
        assert "app.json 不是合法的 JSON：第 1 行第 32 列" in text and "is not valid JSON" not in text
    assert "over the 1 MB limit" in render_text(en, load_catalog(), "en", color=False)
    assert [f.value for f in en.findings if f.rule == "completeness.invalid_app_config"] == [
        "app.json is not valid JSON: Expecting value at line 1 column 32"]
