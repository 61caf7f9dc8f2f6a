"""Exit codes and one-line messages of the command (README, "Exit codes and the status")."""

from __future__ import annotations

import argparse
import json
import subprocess

import pytest

from helpers import cli, cli_json


def test_json_report_shape(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.js", "Page({ a() { wx.chooseImage({}) } })\n")
    head = app_repo.commit()
    code, data = cli_json("diff", "--repo", str(app_repo.path), "--base", base, "--language", "en")
    assert code == 1  # a high finding reaches the default --fail-on high
    assert data["schema"] == 1
    assert data["head"] == head and data["base"] == base
    assert data["projects"] == [{"root": "", "framework": "native"}]
    assert data["risk_level"] == "high"
    [finding] = data["findings"]
    assert {k: finding[k] for k in ("rule", "family", "severity", "subject", "scope", "path", "line")} == {
        "rule": "privacy.album", "family": "privacy", "severity": "high", "subject": "wx.chooseImage",
        "scope": "app", "path": "pages/me/me.js", "line": 1}
    assert len(finding["fingerprint"]) == 32 and finding["suppressed"] is False
    assert data["answers"] == {"privacy": "yes", "payment_content_links": "no", "category": "not_checked"}


def test_fail_on_none_exits_zero(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.js", "wx.getLocation()\n")
    app_repo.commit()
    code, _ = cli_json("diff", "--repo", str(app_repo.path), "--base", base, "--fail-on", "none")
    assert code == 0


def test_not_a_git_repository(tmp_path):
    code, out, err = cli("diff", "--repo", str(tmp_path))
    assert (code, out) == (2, "")
    assert err == f"mp-precheck: {tmp_path} is not a git repository (git rev-parse --git-dir failed)\n"


def test_unknown_revision(app_repo):
    code, _, err = cli("diff", "--repo", str(app_repo.path), "--base", "no-such-branch")
    assert code == 2
    assert err == "mp-precheck: unknown revision 'no-such-branch'\n"


def test_unknown_remote_branch_suggests_the_local_one(app_repo):
    code, _, err = cli("diff", "--repo", str(app_repo.path), "--base", "origin/main")
    assert code == 2
    assert err == "mp-precheck: unknown revision 'origin/main' (did you mean main?)\n"


def test_the_parent_of_a_first_commit_says_to_pass_the_empty_tree(tmp_path):
    subprocess.run(["git", "init", "-q", "-b", "main", str(tmp_path)], check=True)
    (tmp_path / "app.json").write_text('{"pages": ["pages/index/index"]}', encoding="utf-8")
    (tmp_path / "app.js").write_text("App({})\n", encoding="utf-8")
    git = ["git", "-C", str(tmp_path), "-c", "user.name=t", "-c", "user.email=t@example.com"]
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "first"], check=True)
    code, _, err = cli("diff", "--repo", str(tmp_path), "--base", "HEAD~1")
    assert code == 2
    assert err == ("mp-precheck: unknown revision 'HEAD~1' (HEAD is the first commit; to check all it adds, "
                   "pass the empty tree: --base 4b825dc642cb6eb9a060e54bf8d69288fbee4904)\n")
    code, _, _ = cli("diff", "--repo", str(tmp_path), "--base", "4b825dc642cb6eb9a060e54bf8d69288fbee4904",
                     "--format", "json")
    assert code in (0, 1)


def test_an_unknown_revision_with_a_parent_suffix_gets_no_first_commit_hint(app_repo):
    code, _, err = cli("diff", "--repo", str(app_repo.path), "--base", "no-such-branch~1")
    assert code == 2
    assert err == "mp-precheck: unknown revision 'no-such-branch~1'\n"


def test_a_range_given_as_the_base_says_how_to_pass_its_ends(app_repo):
    code, _, err = cli("diff", "--repo", str(app_repo.path), "--base", "abc123..def456")
    assert code == 2
    assert err == "mp-precheck: unknown revision 'abc123..def456' (a range: pass its ends apart, --base abc123 --head def456)\n"


def test_baseline_needs_a_reason(app_repo):
    code, _, err = cli("baseline", "--repo", str(app_repo.path), "--base", "HEAD", "--reason", " ")
    assert code == 2
    assert err == "mp-precheck: --reason must say why these findings are accepted (it is shown in every later report)\n"


def test_no_mini_program(repo):
    repo.write("README.md", "hello\n")
    base = repo.commit()
    repo.write("README.md", "hello again\n")
    repo.commit()
    code, _, err = cli("diff", "--repo", str(repo.path), "--base", base)
    assert code == 2
    assert err.startswith("mp-precheck: no Mini Program found at HEAD")


def test_a_change_deleting_the_whole_app_says_so_and_adds_nothing(app_repo):
    base = app_repo.git("rev-parse", "HEAD").strip()
    app_repo.git("rm", "-rq", ".")
    app_repo.commit("remove the app")
    code, data = cli_json("diff", "--repo", str(app_repo.path), "--base", base)
    assert code == 0
    assert data["message"] == "the change removes the Mini Program: nothing is added to review"
    assert data["findings"] == [] and data["risk_level"] == "none"


def test_base_equal_to_head_is_a_success_that_says_so(app_repo):
    code, data = cli_json("diff", "--repo", str(app_repo.path), "--base", "HEAD")
    assert code == 0
    assert data["message"] == "base and head are the same commit: nothing to compare"
    assert data["findings"] == []


def test_a_default_base_that_already_holds_head_says_where_base_came_from(app_repo):
    # on the default branch itself, no --base: the base defaults to that branch (main), which holds HEAD
    app_repo.git("branch", "-M", "main")
    code, out, err = cli("diff", "--repo", str(app_repo.path), "--language", "en")
    assert code == 0 and "same commit" in out.lower()
    assert err == ("mp-precheck: no --base given, so the change was compared with the default branch main, which "
                   "already holds HEAD; pass --base with the branch the change is for\n")


def test_change_outside_the_mini_program_says_so(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("README.md", "docs\n")
    app_repo.commit()
    code, data = cli_json("diff", "--repo", str(app_repo.path), "--base", base)
    assert (code, data["message"]) == (0, "no Mini Program files in this change")
    assert data["answers"] == {"privacy": "no", "payment_content_links": "no", "category": "not_checked"}


def test_malformed_app_json_is_listed_and_the_rest_still_analysed(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("app.json", '{"pages": ["pages/index/index",]}')
    app_repo.write("pages/me/me.js", "wx.requestPayment({})\n")
    app_repo.commit()
    code, data = cli_json("diff", "--repo", str(app_repo.path), "--base", base, "--fail-on", "none")
    assert code == 0
    # the broken file itself is what the reviewer meets first (the Mini Program does not compile)
    assert [f["rule"] for f in data["findings"]] == ["completeness.invalid_app_config", "payment.request_payment"]
    assert data["errors"] == [
        {"path": "app.json", "message": "app.json is not valid JSON: Expecting value at line 1 column 32; WeChat's "
                                        "tools will not compile it — the rest was read leniently (as JSON5)"}]


def test_a_malformed_app_json_in_a_project_folder_is_one_error(repo):
    repo.write_files({"project.config.json": '{"miniprogramRoot": "miniprogram/"}',
                      "miniprogram/app.json": '{"pages": ["pages/index/index"]}', "miniprogram/app.js": "App({})",
                      "miniprogram/pages/index/index.js": "Page({})"})
    base = repo.commit()
    repo.write("miniprogram/app.json", '{"pages": ["pages/index/index",]}')
    repo.commit()
    code, data = cli_json("diff", "--repo", str(repo.path), "--base", base, "--fail-on", "none")
    assert code == 0
    assert [(e["path"], e["message"].split(";")[0]) for e in data["errors"]] == [
        ("miniprogram/app.json", "app.json is not valid JSON: Expecting value at line 1 column 32")]


def test_an_app_json_with_a_trailing_comma_still_gives_its_keys(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("app.json", '{"pages": ["pages/index/index"],\n "requiredPrivateInfos": ["chooseLocation",],\n}')
    app_repo.commit()
    code, data = cli_json("diff", "--repo", str(app_repo.path), "--base", base, "--fail-on", "none")
    assert code == 0
    assert [(f["rule"], f["value"], f["line"]) for f in data["findings"]] == [
        ("completeness.invalid_app_config", "app.json is not valid JSON: Expecting value at line 2 column 44", 2),
        ("privacy.required_private_infos", "chooseLocation", 2),
        ("privacy.required_private_infos_unused", "chooseLocation", 2)]
    assert [e["message"].split(";")[0] for e in data["errors"]] == [
        "app.json is not valid JSON: Expecting value at line 2 column 44"]


@pytest.mark.parametrize(("app_json", "message"), [
    ("[]", "app.json must be a JSON object, not a list; its pages and settings were not read"),
    ('{"pages": "pages/index/index"}', '"pages" must be a list of strings, not a string'),
    ('{"pages": ["pages/index/index"], "requiredPrivateInfos": "getLocation"}',
     '"requiredPrivateInfos" must be a list of strings, not a string'),
])
def test_an_app_json_of_the_wrong_shape_is_listed_and_the_rest_still_analysed(app_repo, app_json, message):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("app.json", app_json)
    app_repo.write("pages/me/me.js", "wx.requestPayment({})\n")
    app_repo.commit()
    code, data = cli_json("diff", "--repo", str(app_repo.path), "--base", base, "--fail-on", "none")
    assert code == 0
    assert [f["rule"] for f in data["findings"]] == ["payment.request_payment"]
    assert data["errors"] == [{"path": "app.json", "message": message}]


def test_undecodable_and_oversize_files_are_errors_not_crashes(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.js", b"\x00\x01binary\xff")
    app_repo.write("pages/me/vendor.js", "var a=1;" * 200_000)
    app_repo.write("pages/index/index.js", "wx.chooseAddress()\n")
    app_repo.commit()
    code, data = cli_json("diff", "--repo", str(app_repo.path), "--base", base, "--fail-on", "none")
    assert code == 0
    # the binary page script runs with its page: unread, it fails the check; the oversized helper nothing loads does not
    assert [f["subject"] for f in data["findings"]] == ["pages/me/me.js", "wx.chooseAddress",
                                                        "requiredPrivateInfos:chooseAddress"]
    assert data["findings"][0]["rule"] == "completeness.unread_script"
    assert data["errors"] == [
        {"path": "pages/me/me.js", "message": "not read: binary content (NUL bytes)"},
        {"path": "pages/me/vendor.js",
         "message": "skipped: 1.6 MB is over the 1 MB limit (a minified or generated file?)"},
    ]


def test_a_file_it_could_not_read_rules_nothing_out(app_repo):
    # The binary page script may hold anything: the answers stay 未检测 and the verdict says the check is partial.
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.js", b"\x00wx.getLocation()\n")
    app_repo.commit()
    code, data = cli_json("diff", "--repo", str(app_repo.path), "--base", base, "--language", "en")
    assert code == 1 and [f["rule"] for f in data["findings"]] == ["completeness.unread_script"]  # a page script
    assert data["answers"] == {"privacy": "not_checked", "payment_content_links": "not_checked",
                               "category": "not_checked"}
    code, out, _ = cli("diff", "--repo", str(app_repo.path), "--base", base, "--format", "markdown",
                       "--language", "en")
    assert "A script the app loads could not be read" in out and "pages/me/me.js" in out
    assert "No new review risks found" not in out
    code, out, err = cli("notes", "--repo", str(app_repo.path), "--base", base)
    assert code == 0 and "？否" not in out and out.count("？未检测（请人工确认）") == 3
    assert err.endswith("mp-precheck: 有 1 个文件无法读取（pages/me/me.js）：这些文件可能涉及的风险，版本说明答为「未检测」\n")
    code, out, err = cli("notes", "--repo", str(app_repo.path), "--base", base, "--language", "en")
    assert err.endswith("mp-precheck: 1 file(s) could not be read (pages/me/me.js); the notes answer 未检测 where "
                        "those files could hold a risk\n")


def test_gbk_file_is_analysed(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.js", "wx.showToast({ title: '定位中' })\nwx.getLocation()\n".encode("gbk"))
    app_repo.commit()
    _, data = cli_json("diff", "--repo", str(app_repo.path), "--base", base)
    assert [(f["subject"], f["line"]) for f in data["findings"]] == [
        ("wx.getLocation", 2), ("requiredPrivateInfos:getLocation", 2), ("pages/me/me.js", 1)]
    assert data["findings"][-1]["rule"] == "completeness.not_utf8" and data["findings"][-1]["value"] == "GBK/GB18030"


def test_unbuilt_format_is_rejected_with_exit_2(app_repo):
    code, out, err = cli("diff", "--repo", str(app_repo.path), "--base", "HEAD", "--format", "xml")
    assert (code, out) == (2, "")
    assert err == "mp-precheck: unknown --format 'xml'; available: json, markdown, github, sarif, codequality, text\n"


def test_output_file(app_repo, tmp_path):
    target = tmp_path / "report.json"
    code, out, _ = cli("diff", "--repo", str(app_repo.path), "--base", "HEAD", "--format", "json",
                       "--output", str(target))
    assert (code, out) == (0, "")
    assert json.loads(target.read_text(encoding="utf-8"))["schema"] == 1


def test_unrelated_histories_exit_2(app_repo):
    app_repo.git("checkout", "-q", "--orphan", "other")
    app_repo.commit("unrelated")
    code, _, err = cli("diff", "--repo", str(app_repo.path), "--base", "main", "--head", "other")
    assert code == 2
    assert err == "mp-precheck: main and other have no common ancestor\n"


def test_notes_warn_on_stderr_while_high_risks_are_open(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.js", "Page({ up() { wx.uploadFile({ url: 'https://u.example.com', filePath: '' }) } })\n")
    app_repo.commit("feat(me): 头像上传")
    code, out, err = cli("notes", "--repo", str(app_repo.path), "--base", base)
    assert code == 0 and out.startswith("本次版本变更：")
    assert err == "mp-precheck: 仍有 1 项高风险未处理（upload.upload_file）：提交审核前请先处理，详见 `mp-precheck diff`\n"
    code, out, err = cli("notes", "--repo", str(app_repo.path), "--base", base, "--language", "en")
    assert code == 0 and out.startswith("Changes in this version")  # the stderr speaks the notes' language
    assert err == ("mp-precheck: 1 high-risk item(s) still open (upload.upload_file); act on them before "
                   "submitting — see `mp-precheck diff`\n")


@pytest.mark.parametrize("columns", [None, "57", "0", "wide"])
def test_help_is_as_wide_as_argparse_would_make_it(monkeypatch, columns):
    # The help formatter reads the terminal's width without importing shutil, with shutil's answer.
    import shutil

    from mp_precheck.cli import _columns, build_parser

    monkeypatch.delenv("COLUMNS", raising=False)
    if columns is not None:
        monkeypatch.setenv("COLUMNS", columns)
    assert _columns() == shutil.get_terminal_size().columns
    parser = build_parser()
    plain = argparse.ArgumentParser(prog="mp-precheck")
    assert parser._get_formatter()._width == plain._get_formatter()._width
