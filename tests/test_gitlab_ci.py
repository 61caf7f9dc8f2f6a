"""``mp-precheck gitlab`` end to end: a real git repository, the command reading GitLab's CI variables,
python-gitlab talking real HTTP to the fake GitLab. Plus the job template ``ci/gitlab-ci.yml``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from conftest import Repo
from fakegitlab import PROJECT_ID, TOKEN_BOT, TOKEN_READ, USERS, FakeGitLab
from helpers import cli
from mp_precheck.hosts.gitlab.ci import PipelineSettings, is_ours, settings_from_environment
from mp_precheck.hosts.gitlab.port import Note
from mp_precheck.outputs.markdown import MARKER_PREFIX, marker

ROOT = Path(__file__).resolve().parents[1]
BOT = USERS["bot"]["username"]
CI_VARIABLES = ("CI_MERGE_REQUEST_IID", "CI_PROJECT_ID", "CI_API_V4_URL", "CI_MERGE_REQUEST_DIFF_BASE_SHA",
                "CI_COMMIT_SHA", "CI_MERGE_REQUEST_SOURCE_BRANCH_SHA", "CI_PROJECT_DIR", "CI_PROJECT_URL",
                "CI_JOB_URL", "MP_PRECHECK_GITLAB_TOKEN")


@pytest.fixture
def pipeline(app_repo: Repo, gl: FakeGitLab, monkeypatch: pytest.MonkeyPatch) -> Pipeline:
    for name in CI_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    return Pipeline(app_repo, gl, monkeypatch)


class Pipeline:
    """One merge request's pipelines: commit a change, then run the job with GitLab's variables."""

    def __init__(self, repo: Repo, gl: FakeGitLab, monkeypatch: pytest.MonkeyPatch) -> None:
        self.repo, self.gl, self.mp = repo, gl, monkeypatch
        self.base = repo.git("rev-parse", "HEAD")

    def push(self, files: dict[str, str], message: str = "change") -> str:
        self.repo.write_files(dict(files))
        return self.repo.commit(message)

    def run(self, head: str, token: str = TOKEN_BOT, *extra: str) -> tuple[int, str, str]:
        env = {"CI_MERGE_REQUEST_IID": "5", "CI_PROJECT_ID": str(PROJECT_ID), "CI_API_V4_URL": self.gl.api_url,
               "CI_MERGE_REQUEST_DIFF_BASE_SHA": self.base, "CI_COMMIT_SHA": head,
               "CI_PROJECT_DIR": str(self.repo.path), "CI_PROJECT_URL": "https://gitlab.example.com/octo-group/mini-app",
               "MP_PRECHECK_GITLAB_TOKEN": token}
        for name, value in env.items():
            self.mp.setenv(name, value)
        return cli("gitlab", "--language", "en", *extra)

    def ours(self) -> list[dict[str, object]]:
        return [n for n in self.gl.notes(5) if n["author"]["username"] == BOT]  # type: ignore[index]


LOCATION = {"pages/me/me.js": "Page({ onLoad() { wx.getLocation({}) } })\n"}


def test_first_run_creates_the_note_and_the_code_quality_report(pipeline: Pipeline, tmp_path: Path) -> None:
    head = pipeline.push(LOCATION)
    report = tmp_path / "gl-code-quality-report.json"
    code, out, err = pipeline.run(head, TOKEN_BOT, "--codequality", str(report), "--report", str(tmp_path / "r.json"))
    assert (code, out) == (1, "")                       # a high finding reaches the default fail-on
    [note] = pipeline.gl.notes(5)
    assert note["author"]["username"] == BOT
    assert str(note["body"]).startswith(marker(head) + "\n")
    assert "wx.getLocation" in str(note["body"])
    assert f"(https://gitlab.example.com/octo-group/mini-app/-/blob/{head}/pages/me/me.js#L1)" in str(note["body"])
    assert err.splitlines()[-1] == f"mp-precheck: posted note {note['id']} on merge request !5"
    issues = json.loads(report.read_text(encoding="utf-8"))
    assert {(i["check_name"], i["location"]["path"], i["location"]["lines"]["begin"], i["severity"])
            for i in issues} >= {("privacy.location", "pages/me/me.js", 1, "critical")}
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["head"] == head


def test_second_run_edits_the_same_note(pipeline: Pipeline) -> None:
    first = pipeline.push(LOCATION)
    pipeline.run(first)
    second = pipeline.push({"pages/index/index.js": "Page({ pay() { wx.requestPayment({}) } })\n"})
    code, _, err = pipeline.run(second)
    assert code == 1
    [note] = pipeline.gl.notes(5)
    assert str(note["body"]).startswith(marker(second)) and "wx.requestPayment" in str(note["body"])
    assert err.splitlines()[-1] == f"mp-precheck: updated note {note['id']} on merge request !5"
    assert len(pipeline.gl.calls("POST", "/notes$")) == 1 and len(pipeline.gl.calls("PUT", "/notes/")) == 1
    _, _, err = pipeline.run(second)                    # a retried job: nothing to change
    assert err.splitlines()[-1] == f"mp-precheck: note {note['id']} on merge request !5 is up to date"
    assert len(pipeline.gl.calls("PUT", "/notes/")) == 1


def test_someone_elses_note_with_the_marker_is_untouched(pipeline: Pipeline) -> None:
    quoted = f"Why does this say\n{marker('b' * 40)}\n## mp-precheck?"
    theirs = pipeline.gl.add_note(5, quoted, "dev")
    head = pipeline.push(LOCATION)
    pipeline.run(head)
    notes = pipeline.gl.notes(5)
    assert notes[0] == theirs
    assert [n["author"]["username"] for n in notes] == ["lin.dev", BOT]
    assert pipeline.gl.calls("PUT", "/notes/") == [] and pipeline.gl.calls("DELETE", "/notes/") == []


def test_our_note_is_found_on_the_third_page(pipeline: Pipeline) -> None:
    head = pipeline.push(LOCATION)
    for i in range(230):
        pipeline.gl.add_note(5, f"review comment {i}", "dev")
    old = pipeline.gl.add_note(5, f"{marker('c' * 40)}\n## old", "bot")
    pipeline.gl.add_note(5, "added 1 commit", "bot", system=True)
    code, _, _ = pipeline.run(head)
    assert code == 1
    pages = pipeline.gl.calls("GET", "/merge_requests/5/notes$")
    assert [q.query.get("page", "1") for q in pages] == ["1", "2", "3"]
    [ours] = [n for n in pipeline.ours() if not n["system"]]
    assert ours["id"] == old["id"] and str(ours["body"]).startswith(marker(head))
    assert pipeline.gl.calls("POST", "/notes$") == []


def test_duplicates_of_ours_are_deleted_and_the_oldest_kept(pipeline: Pipeline) -> None:
    first = pipeline.gl.add_note(5, f"{marker('c' * 40)}\nfirst", "bot")
    second = pipeline.gl.add_note(5, f"{marker('d' * 40)}\nsecond", "bot")
    head = pipeline.push(LOCATION)
    pipeline.run(head)
    assert [n["id"] for n in pipeline.ours()] == [first["id"]]
    assert [q.path.rsplit("/", 1)[1] for q in pipeline.gl.calls("DELETE", "/notes/")] == [str(second["id"])]


def test_a_read_only_token_gives_one_line_of_advice(pipeline: Pipeline) -> None:
    head = pipeline.push(LOCATION)
    code, out, err = pipeline.run(head, TOKEN_READ)
    assert (code, out) == (2, "")
    assert err.splitlines()[-1] == (
        "mp-precheck: could not comment on merge request !5: GitLab answered 403 insufficient_scope (it asked for "
        "the `api` scope): give MP_PRECHECK_GITLAB_TOKEN the `api` scope and at least the Reporter role in this "
        "project")
    assert pipeline.gl.notes(5) == []


def test_a_wrong_token(pipeline: Pipeline) -> None:
    head = pipeline.push(LOCATION)
    code, _, err = pipeline.run(head, "glpat-expired")
    assert code == 2
    assert err.splitlines()[-1] == (
        "mp-precheck: could not comment on merge request !5: GitLab refused the token (401 Unauthorized): "
        "check that MP_PRECHECK_GITLAB_TOKEN is valid and not expired")


def test_a_clean_change_still_gets_a_note_and_exits_0(pipeline: Pipeline) -> None:
    head = pipeline.push({"pages/me/me.wxml": "<view>我的订单</view>\n"})
    code, _, _ = pipeline.run(head)
    assert code == 0
    [note] = pipeline.gl.notes(5)
    assert str(note["body"]).startswith(marker(head))


def test_outside_a_merge_request_pipeline(pipeline: Pipeline) -> None:
    code, out, err = cli("gitlab")
    assert (code, out) == (2, "")
    assert err == ("mp-precheck: not a merge-request pipeline (CI_MERGE_REQUEST_IID is not set): run the job with "
                   "`rules: - if: $CI_PIPELINE_SOURCE == \"merge_request_event\"` (see ci/gitlab-ci.yml)\n")


def test_missing_token(pipeline: Pipeline) -> None:
    head = pipeline.push(LOCATION)
    code, _, err = pipeline.run(head, "")
    assert code == 2
    assert err.startswith("mp-precheck: MP_PRECHECK_GITLAB_TOKEN is not set: create a project access token")
    assert pipeline.gl.requests == []


def test_missing_history_names_git_depth(pipeline: Pipeline) -> None:
    pipeline.base = "e" * 40                            # not in the clone (GitLab's default GIT_DEPTH: 20)
    head = pipeline.push(LOCATION)
    code, _, err = pipeline.run(head)
    assert code == 2
    assert err == (f"mp-precheck: unknown revision '{'e' * 40}': fetch the whole history: set `GIT_DEPTH: 0` in "
                   "the job's variables (see ci/gitlab-ci.yml)\n")


def test_settings_prefer_the_source_branch_sha_of_a_merged_results_pipeline() -> None:
    env = {"CI_MERGE_REQUEST_IID": "5", "CI_PROJECT_ID": "1", "CI_API_V4_URL": "https://gl/api/v4",
           "CI_MERGE_REQUEST_DIFF_BASE_SHA": "b" * 40, "CI_COMMIT_SHA": "m" * 40,
           "MP_PRECHECK_GITLAB_TOKEN": " glpat-x "}
    assert settings_from_environment(env) == PipelineSettings("https://gl/api/v4", "1", 5, "b" * 40, "m" * 40,
                                                              "glpat-x")
    merged = settings_from_environment({**env, "CI_MERGE_REQUEST_SOURCE_BRANCH_SHA": "s" * 40})
    assert merged.head == "s" * 40 and merged.link_base is None


def test_is_ours() -> None:
    body = f"{MARKER_PREFIX} v1 head={'a' * 40} -->\n## mp-precheck"
    assert is_ours(Note(1, "Project_4242_Bot_5e7c1b", body), BOT)
    assert not is_ours(Note(1, "lin.dev", body), BOT)
    assert not is_ours(Note(1, BOT, "no marker"), BOT)
    assert not is_ours(Note(1, BOT, body, system=True), BOT)


def test_job_template() -> None:
    template = yaml.safe_load((ROOT / "ci" / "gitlab-ci.yml").read_text(encoding="utf-8"))
    job = template["mp-precheck"]
    assert job["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'}]
    assert job["variables"]["GIT_DEPTH"] == "0"
    assert job["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    assert job["artifacts"]["when"] == "always"
    assert job["script"] == ["mp-precheck gitlab --codequality gl-code-quality-report.json "
                             "--report mp-precheck-report.json"]
    assert any("install" in line and "git" in line for line in job["before_script"])
