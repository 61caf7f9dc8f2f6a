"""Hostile and broken input: each kind gets the right value, never a traceback (issue: hardening)."""

from __future__ import annotations

import os
import subprocess

import pytest
from msgspec.structs import replace

from conftest import MINIMAL_APP, Repo
from helpers import cli, cli_json, run
from mp_precheck.core.catalog import load_catalog
from mp_precheck.core.report import Finding, Report
from mp_precheck.outputs.markdown import COMMENT_LIMITS, render_markdown


def test_symlink_out_of_the_repository_is_never_followed(app_repo, tmp_path):
    secret = tmp_path / "secret.js"
    secret.write_text("wx.getLocation()\n", encoding="utf-8")
    base = app_repo.git("rev-parse", "HEAD")
    os.symlink(secret, app_repo.path / "pages" / "me" / "evil.js")
    app_repo.commit()
    report = run(app_repo.path, base)
    assert report.findings == ()
    # never followed, and said: what the link stands for was not read
    assert [(e.path, e.message) for e in report.errors] == [
        ("pages/me/evil.js", "not read: a symbolic link, which mp-precheck never follows; check the file it points "
                             "to by hand")]
    assert str(secret) not in str(report.to_dict())


def _with_submodule(repo: Repo, tmp_path, where: str) -> str:
    sub = Repo(tmp_path / "sub")
    sub.write("index.js", "wx.getLocation()\n")
    sub_head = sub.commit()
    base = repo.git("rev-parse", "HEAD")
    repo.git("update-index", "--add", "--cacheinfo", f"160000,{sub_head},{where}")
    repo.git("commit", "-q", "-m", "submodule")
    return base


def test_a_submodule_in_the_app_is_never_read_and_said_so(app_repo, tmp_path):
    report = run(app_repo.path, _with_submodule(app_repo, tmp_path, "pages/vendor"))
    assert report.findings == ()
    # its files are another repository's: not read, so the answers cannot be a default 否
    assert [(e.path, e.message) for e in report.errors] == [
        ("pages/vendor", "not read: a git submodule, whose files mp-precheck never reads; check what its new commit "
                         "changes by hand")]


def test_a_submodule_outside_the_app_is_no_error(tmp_path):
    repo = Repo(tmp_path / "repo")
    repo.write("project.config.json", '{"miniprogramRoot": "mini/"}\n')
    repo.write_files({f"mini/{path}": text for path, text in MINIMAL_APP.items()})
    repo.commit("base")
    report = run(repo.path, _with_submodule(repo, tmp_path, "server/vendor"))
    assert (report.findings, report.errors) == ((), ())


def test_crlf_lines_and_bom_app_json(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("app.json", "\ufeff{\r\n  \"pages\": [\"pages/index/index\", \"pages/me/me\"],\r\n"
                               "  \"requiredPrivateInfos\": [\"getLocation\"]\r\n}\r\n")
    app_repo.write("pages/me/me.js", "Page({\r\n\r\n  a() { wx.getLocation() }\r\n})\r\n")
    app_repo.commit()
    report = run(app_repo.path, base)
    assert ("privacy.location", "pages/me/me.js", 3) in {(f.rule, f.path, f.line) for f in report.findings}
    assert ("privacy.required_private_infos", "app.json", 3) in {(f.rule, f.path, f.line) for f in report.findings}
    assert report.errors == ()


def test_file_valid_in_no_encoding_is_read_in_part_and_said_so(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.js", b"wx.chooseAddress()\n// \xff\xfe\xfd\x80 broken\n")
    app_repo.commit()
    _, data = cli_json("diff", "--repo", str(app_repo.path), "--base", base, "--fail-on", "none")
    assert [f["subject"] for f in data["findings"]][:1] == ["wx.chooseAddress"]
    assert data["errors"] == [{"path": "pages/me/me.js", "message": "read in part: valid in no known text "
                                                                    "encoding (UTF-8, GBK…); undecodable bytes were skipped"}]


def test_empty_new_file_and_deletion(app_repo):
    app_repo.write("pages/index/old.js", "wx.chooseImage()\n")
    base = app_repo.commit()
    app_repo.remove("pages/index/old.js")
    app_repo.write("pages/me/empty.js", "")
    app_repo.commit()
    report = run(app_repo.path, base)
    assert report.findings == ()
    assert [(r.subject, r.path, r.line) for r in report.removed] == [("wx.chooseImage", "pages/index/old.js", 1)]


def test_paths_with_spaces_chinese_quotes_and_pipes_are_reported_and_kept_safe(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    path = 'pages/我的 "页面"|x/index.js'
    app_repo.write(path, "wx.requestPayment({})\n")
    app_repo.commit()
    report = run(app_repo.path, base)
    assert [f.path for f in report.findings] == [path]
    comment = render_markdown(report, load_catalog(), "en")
    assert "`pages/我的 \"页面\"│x/index.js:1`" in comment


def test_malformed_project_config_is_reported_and_app_json_still_found(repo):
    repo.write_files({**MINIMAL_APP, "project.config.json": "{ not json"})
    base = repo.commit()
    repo.write("pages/me/me.js", "wx.chooseAddress()\n")
    repo.commit()
    _, data = cli_json("diff", "--repo", str(repo.path), "--base", base, "--fail-on", "none")
    assert data["findings"][0]["subject"] == "wx.chooseAddress"
    assert {"path": "project.config.json", "message": "project.config.json is not valid JSON: miniprogramRoot and "
            "cloudfunctionRoot not read; looking for app.json next to it"} in data["errors"]


def test_app_js_without_app_json_is_still_checked_and_the_gap_is_said(repo):
    repo.write_files({"project.config.json": '{"appid": "wx123"}', "app.js": "App({})\n",
                      "pages/a/a.js": "Page({})\n", "pages/a/a.wxml": "<view>a</view>\n"})
    base = repo.commit()
    repo.write("pages/a/a.js", "Page({ pick() { wx.chooseAddress() },\n  go() { wx.navigateTo({ url: '/pages/b/b' }) } })\n")
    repo.write("pages/a/a.wxml", "<view bindtap=\"pick\">a</view>\n")
    repo.commit()
    _, data = cli_json("diff", "--repo", str(repo.path), "--base", base, "--fail-on", "none")
    assert [(f["rule"], f["path"], f["line"]) for f in data["findings"] if f["family"] != "privacy" or
            f["rule"] == "privacy.address"] == [("privacy.address", "pages/a/a.js", 1)]
    assert data["errors"] == [{"path": "", "message": "app.json not found (next to app.js): pages and app settings "
                                                      "unknown; files are checked on their own"}]


def test_app_json_with_wrong_types_does_not_crash(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("app.json", '{"pages": "pages/index/index", "requiredPrivateInfos": {"a": 1}, "permission": [1],'
                               ' "plugins": "x", "tabBar": {"list": "y"}}')
    app_repo.commit()
    code, data = cli_json("diff", "--repo", str(app_repo.path), "--base", base)
    assert code == 0 and data["findings"] == []


def test_shallow_clone_without_the_merge_base(app_repo, tmp_path):
    app_repo.write("pages/me/me.js", "wx.chooseImage()\n")
    app_repo.commit("two")
    app_repo.git("checkout", "-q", "-b", "feature")
    app_repo.write("pages/me/me.js", "wx.getLocation()\n")
    app_repo.commit("three")
    clone = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", "--branch", "feature", f"file://{app_repo.path}",
                    str(clone)], check=True, capture_output=True)
    subprocess.run(["git", "-C", str(clone), "fetch", "-q", "--depth", "1", "origin", "main:main"], check=True,
                   capture_output=True)
    code, out, err = cli("diff", "--repo", str(clone), "--base", "main", "--head", "feature")
    assert (code, out) == (2, "")
    assert err == ("mp-precheck: main and feature have no common ancestor (the clone is shallow: fetch the "
                   "history, e.g. actions/checkout with fetch-depth: 0)\n")


def test_detached_head_is_fine(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.js", "wx.chooseAddress()\n")
    app_repo.commit()
    app_repo.git("checkout", "-q", "--detach", "HEAD")
    code, data = cli_json("diff", "--repo", str(app_repo.path), "--base", base, "--fail-on", "none")
    assert code == 0 and data["findings"][0]["subject"] == "wx.chooseAddress"


@pytest.mark.slow
def test_a_change_of_5000_files_finishes_and_reports(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    for i in range(5000):
        body = "wx.chooseImage()\n" if i % 1000 == 0 else f"Page({{ data: {{ n: {i} }} }})\n"
        app_repo.write(f"pages/gen/p{i}/index.js", body)
    app_repo.commit("5000 files")
    report = run(app_repo.path, base)
    assert report.changed_files == 5000
    assert {(f.rule, f.path, f.line, f.scope) for f in report.findings} == {
        ("privacy.album", f"pages/gen/p{i}/index.js", 1, "app") for i in range(0, 5000, 1000)}


@pytest.mark.slow
def test_thousands_of_findings_are_summarised_not_cut(app_repo):
    finding = Finding(rule="privacy.album", family="privacy", severity="high", subject="wx.chooseImage", scope="app",
                      path="pages/x.js", line=1, title="一个标题" * 5, fix="很长的修复说明" * 40, doc="https://d.example")
    many = tuple(replace(finding, path=f"pages/p{i}/index.js", rule=f"privacy.r{i % 40}")
                 for i in range(3000))
    report = Report(base="a" * 40, head="b" * 40, projects=(), findings=many)
    text = render_markdown(report, load_catalog(), "zh-CN", limits=COMMENT_LIMITS, full_report_where="the summary")
    assert COMMENT_LIMITS.fits(text)
    assert "已省略" in text and "the summary" in text
    assert text.rstrip().endswith("</sub>")  # the comment ends properly, not mid-list
