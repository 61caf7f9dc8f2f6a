"""The application layer's seams: where the config comes from (read from git at the settings revision,
never staged in a file for something else to re-read) and GitLab's job getting its environment as a
mapping."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from conftest import Repo
from fakegitlab import PROJECT_ID, TOKEN_BOT, FakeGitLab
from mp_precheck.app import ConfigFile, RepositoryConfig, check_change, draft_release_notes
from mp_precheck.core.errors import ConfigError
from mp_precheck.git.repo import GitRepo
from mp_precheck.hosts.gitlab import ci

CONFIG = ".github/mp-precheck.yml"


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and ".git" not in p.relative_to(root).parts}


def _missing(at: str) -> str:
    return f"{CONFIG} is not at {at[:7]}"


@pytest.fixture
def temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temporary folder that does not exist: staging anything through ``tempfile`` raises, even as root."""
    folder = tmp_path / "no-temporary-files"
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def test_a_repository_config_is_read_at_the_merge_base_and_no_file_is_written(app_repo: Repo, temp: Path) -> None:
    app_repo.write(CONFIG, "fail_on: medium\nlanguage: en\n")
    base = app_repo.commit("config")
    app_repo.write(CONFIG, "fail_on: none\n")                  # the change tries to relax its own check
    app_repo.write("pages/me/me.js", "Page({ onLoad() { wx.chooseImage() } })\n")
    app_repo.commit()
    app_repo.write(CONFIG, "fail_on: low\nlanguage: zh-CN\n")  # and the working tree says something else again
    before = _tree(app_repo.path)

    run = check_change(GitRepo(app_repo.path), base, "HEAD", config=RepositoryConfig(CONFIG, _missing))

    assert (run.config.fail_on, run.language) == ("medium", "en")
    assert [(f.rule, f.path, f.value) for f in run.report.findings] == [
        ("privacy.album", "pages/me/me.js", None), ("policy.relaxes_check", CONFIG, "fail_on: medium → none")]
    assert _tree(app_repo.path) == before                     # nothing written into the workspace
    assert not temp.exists()                                  # nor staged in a temporary file


def test_a_repository_config_missing_at_the_revision_is_the_callers_line(app_repo: Repo, temp: Path) -> None:
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write(CONFIG, "fail_on: none\n")                  # added by the change itself: not at the base
    app_repo.commit()
    with pytest.raises(ConfigError) as error:
        check_change(GitRepo(app_repo.path), base, "HEAD", config=RepositoryConfig(CONFIG, _missing))
    assert str(error.value) == f"{CONFIG} is not at {base[:7]}"


def test_an_invalid_repository_config_is_named_by_its_path_and_revision(app_repo: Repo, temp: Path) -> None:
    app_repo.write(CONFIG, "fail_on: [\n")
    base = app_repo.commit("config")
    with pytest.raises(ConfigError) as error:
        check_change(GitRepo(app_repo.path), base, "HEAD", config=RepositoryConfig(CONFIG, _missing))
    assert str(error.value).startswith(f"{CONFIG} (at {base[:7]}): not valid YAML")
    assert not temp.exists()


def test_a_release_reads_the_repository_config_at_its_tag(app_repo: Repo, temp: Path) -> None:
    app_repo.git("tag", "v1.0.0")
    app_repo.write(CONFIG, "language: en\n")
    app_repo.write("pages/me/me.js", "Page({ onLoad() { wx.chooseImage() } })\n")
    app_repo.commit("feat: pick a photo")
    app_repo.git("tag", "v1.1.0")
    app_repo.write(CONFIG, "language: zh-CN\n")                 # after the tag: not what the release ships
    app_repo.commit()

    run, draft = draft_release_notes(GitRepo(app_repo.path), "v1.1.0", config=RepositoryConfig(CONFIG, _missing))

    assert (run.language, draft.range.previous) == ("en", "v1.0.0")
    assert not temp.exists()


def test_a_config_file_on_disk_inside_the_repository_is_compared_with_its_base(app_repo: Repo) -> None:
    app_repo.write("ci/precheck.yml", "rules:\n  privacy.album: high\n")
    base = app_repo.commit("config")
    app_repo.write("ci/precheck.yml", "rules:\n  privacy.album: false\n")
    app_repo.commit("relax")

    run = check_change(GitRepo(app_repo.path), base, "HEAD", config=ConfigFile(str(app_repo.path / "ci/precheck.yml")))

    assert [(f.rule, f.path, f.value) for f in run.report.findings] == [
        ("policy.relaxes_check", "ci/precheck.yml", "rules.privacy.album: off")]


def test_a_config_file_on_disk_that_cannot_be_read_is_one_line(app_repo: Repo, tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.yml"
    with pytest.raises(ConfigError, match=r"nowhere\.yml: cannot read the config file \(No such file"):
        check_change(GitRepo(app_repo.path), "HEAD", "HEAD", config=ConfigFile(str(missing)))


def test_the_gitlab_job_reads_only_the_environment_it_is_given(app_repo: Repo, monkeypatch: pytest.MonkeyPatch,
                                                               tmp_path: Path) -> None:
    for name in ("CI_MERGE_REQUEST_IID", "CI_PROJECT_DIR", "MP_PRECHECK_GITLAB_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)                               # not the checkout: CI_PROJECT_DIR must be used
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.js", "Page({ onLoad() { wx.getLocation({}) } })\n")
    head = app_repo.commit()
    log: list[str] = []
    with FakeGitLab() as gl:
        gl.add_merge_request(5)
        env = {"CI_MERGE_REQUEST_IID": "5", "CI_PROJECT_ID": str(PROJECT_ID), "CI_API_V4_URL": gl.api_url,
               "CI_MERGE_REQUEST_DIFF_BASE_SHA": base, "CI_COMMIT_SHA": head, "CI_PROJECT_DIR": str(app_repo.path),
               "MP_PRECHECK_GITLAB_TOKEN": TOKEN_BOT}
        code = ci.run(env, ci.JobOptions(language="en", fail_on="none"), log.append)
        [note] = gl.notes(5)
    assert code == 0
    assert "wx.getLocation" in str(note["body"])
    assert log[0].startswith(f"mp-precheck: {base[:7]}…{head[:7]}: risk high, ")
    assert log[-1] == f"mp-precheck: posted note {note['id']} on merge request !5"
