"""Input a real team produces, found by trying to break the tool: each is told, never lost or passed in silence."""

from __future__ import annotations

from conftest import MINIMAL_APP, Repo
from helpers import cli, cli_json, run

SUBMODULE_ERROR = ("not read: a git submodule, whose files mp-precheck never reads; check what its new commit "
                   "changes by hand")


def _mini_repo(tmp_path, root: str = "miniprogram/") -> Repo:
    repo = Repo(tmp_path / "repo")
    repo.write("project.config.json", f'{{"miniprogramRoot": "{root}", "appid": "wx0a1b2c3d4e5f6a7b"}}\n')
    repo.write_files({f"miniprogram/{path}": text for path, text in MINIMAL_APP.items()})
    repo.commit("base")
    return repo


def test_the_terminal_report_lists_what_it_could_not_read_when_no_file_was_read(tmp_path):
    # A change that only moves a submodule inside the app reads no Mini Program file: the status says so, and the
    # submodule it could not read is still listed, as the Markdown and JSON reports list it.
    repo = _mini_repo(tmp_path)
    base = repo.git("rev-parse", "HEAD")
    sub = Repo(tmp_path / "sub")
    sub.write("index.js", "wx.getLocation()\n")
    repo.git("update-index", "--add", "--cacheinfo", f"160000,{sub.commit()},miniprogram/vendor/sdk")
    repo.git("commit", "-q", "-m", "bump the sdk")
    code, report = cli_json("diff", "--repo", str(repo.path), "--base", base)
    assert report["message"] == "no Mini Program files in this change"
    assert [e["path"] for e in report["errors"]] == ["miniprogram/vendor/sdk"]
    code, out, err = cli("diff", "--repo", str(repo.path), "--base", base, "--format", "text", "--language", "en")
    assert code == 0, err
    assert f"miniprogram/vendor/sdk: {SUBMODULE_ERROR}" in out


def test_a_miniprogram_root_that_is_not_in_the_repository_is_told(tmp_path):
    # The app folder renamed, project.config.json left behind: DevTools would upload from a folder that is gone.
    repo = _mini_repo(tmp_path)
    base = repo.git("rev-parse", "HEAD")
    repo.move("miniprogram", "weapp")
    repo.commit("refactor: rename the app folder")
    report = run(repo.path, base)
    assert report.findings == ()
    assert [(e.path, e.message) for e in report.errors] == [(
        "project.config.json", "miniprogramRoot 'miniprogram/' names the folder miniprogram/, which "
        "is not in the repository; WeChat DevTools and miniprogram-ci upload from it (fix miniprogramRoot); the "
        "app.json found elsewhere was checked instead")]
    code, out, err = cli("diff", "--repo", str(repo.path), "--base", base, "--format", "text", "--language", "en")
    assert code == 0, err
    assert "miniprogramRoot 'miniprogram/'" in out


def test_a_miniprogram_root_typo_is_told_even_when_no_app_file_changed(tmp_path):
    repo = _mini_repo(tmp_path)
    base = repo.git("rev-parse", "HEAD")
    repo.write("project.config.json", '{"miniprogramRoot": "miniprogam/"}\n')
    repo.commit("chore: project settings")
    code, out, err = cli("diff", "--repo", str(repo.path), "--base", base, "--format", "text", "--language", "en")
    assert code == 0, err
    assert "miniprogramRoot 'miniprogam/' names the folder miniprogam/, which is not in the repository" in out


def test_a_miniprogram_root_in_a_build_folder_or_present_is_no_error(tmp_path):
    repo = _mini_repo(tmp_path, root="dist/")  # built from source, never committed: the app.json found is checked
    base = repo.git("rev-parse", "HEAD")
    repo.write("miniprogram/pages/me/me.js", "Page({ onLoad() { wx.getLocation() } })\n")
    repo.commit("feat: location")
    report = run(repo.path, base)
    assert report.errors == ()
    assert "privacy.location" in {f.rule for f in report.findings}
    repo = _mini_repo(tmp_path / "present")
    base = repo.git("rev-parse", "HEAD")
    repo.write("miniprogram/pages/me/me.js", "Page({ onLoad() { wx.getLocation() } })\n")
    repo.commit("feat: location")
    assert run(repo.path, base).errors == ()


def test_a_page_list_holding_no_strings_is_told_what_it_holds(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("app.json", '{"pages": ["pages/index/index", 3, null], "requiredPrivateInfos": [{"api": 1}]}\n')
    app_repo.write("pages/me/me.js", "Page({ onLoad() { wx.getLocation() } })\n")
    app_repo.commit()
    report = run(app_repo.path, base)
    assert [e.message for e in report.errors] == [  # one file, listed once with each of its problems
        '"pages" must be a list of strings, not a list holding a number; '
        '"requiredPrivateInfos" must be a list of strings, not a list holding an object']
    assert ("privacy.location", "pages/me/me.js") in {(f.rule, f.path) for f in report.findings}  # nothing lost


def test_a_generated_page_of_thousands_of_elements_on_one_line_is_compared_in_linear_time():
    # A page written by a generator, all on one line: each element gathered the attributes of its line anew, so a
    # 840 KB page (60,000 elements) took over five minutes. Now 8,000 elements pair in well under a second.
    import time

    from mp_precheck.core.retired import carried_on
    from mp_precheck.facts.model import Fact, FileFacts

    count = 8000
    facts = tuple(fact for i in range(count) for fact in (
        Fact("web-view" if i == 0 else "text", "component", 1), Fact(f"data-i{i}", "attribute", 1, "x")))
    page = FileFacts(facts=facts)
    start = time.perf_counter()
    reduced, carrying = carried_on({"old/page.wxml"}, {"old/page.wxml": page}, {"new/page.wxml": page})
    assert time.perf_counter() - start < 5
    assert len(reduced["old/page.wxml"].facts) == len(carrying) == len(facts)  # every element and attribute pairs
