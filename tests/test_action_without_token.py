"""The Action run without a token (an empty ``github-token`` input, e.g. the entry point run by hand): the reports
are written, nothing is posted and GitHub is never called, one line says so, and the exit code is the analysis's
own. With a token and GitHub down, posting still fails the run (exit 2) as before. The harness is
:mod:`test_action`'s; the release-mode harness :mod:`test_release_action`'s."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import pytest

from conftest import Repo
from fakegithub import FakeGitHub
from test_action import LOCATION, Action, Upstream, checkout, lines, pr_event, seed_pull
from test_release import build_shop
from test_release_action import checkout_tag, push_event

NO_TOKEN_PR = "::warning::mp-precheck: no token: the comment and the check are not posted"


@pytest.fixture
def up(tmp_path: Path) -> Upstream:
    return Upstream(tmp_path / "upstream", LOCATION)


@pytest.fixture
def action(tmp_path: Path, server: FakeGitHub, up: Upstream) -> Action:
    return Action(tmp_path, server, checkout(up, tmp_path / "workspace").path)


def _closed_port() -> str:
    """An API address on loopback where nothing listens: every connection is refused."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def test_without_a_token_the_reports_are_written_and_nothing_is_called(up: Upstream, server: FakeGitHub,
                                                                      action: Action) -> None:
    seed_pull(server, up)
    result = action(pr_event(up), token="")

    assert result.code == 1                                   # the analysis's own: a high finding, fail-on high
    assert server.requests == []
    assert lines(result.log, "::warning::") == [NO_TOKEN_PR]
    assert lines(result.log, "::error::") == []
    assert "pages/me/me.js" in result.summary and result.outputs["risk-level"] == "high"
    assert result.outputs["comment-id"] == ""
    assert (result.workspace / "mp-precheck-report/report.json").exists()


def test_without_a_token_and_no_reachable_api_the_exit_is_the_analysis_own(up: Upstream, server: FakeGitHub,
                                                                          action: Action) -> None:
    result = action(pr_event(up), token="", env={"GITHUB_API_URL": _closed_port()})
    assert result.code == 1
    assert lines(result.log, "::error::") == [] and NO_TOKEN_PR in result.log


def test_with_a_token_and_github_down_the_run_still_fails_to_publish(up: Upstream, server: FakeGitHub,
                                                                    action: Action) -> None:
    result = action(pr_event(up), env={"GITHUB_API_URL": _closed_port()})
    assert result.code == 2
    errors = lines(result.log, "::error::")
    assert len(errors) == 2 and all("GitHub is unavailable" in e and "re-run the job" in e for e in errors)
    assert "no token" not in result.log


def test_with_a_token_the_comment_and_status_are_posted(up: Upstream, server: FakeGitHub, action: Action) -> None:
    seed_pull(server, up)
    result = action(pr_event(up))
    assert result.code == 1 and "no token" not in result.log
    assert len(server.comments()) == 1 and len(server.statuses()) == 1


def test_a_run_that_cannot_analyse_without_a_token_calls_nothing(up: Upstream, server: FakeGitHub,
                                                                 action: Action) -> None:
    result = action(pr_event(up), token="", fail_on="critical")
    assert result.code == 2
    assert server.requests == []
    assert lines(result.log, "::warning::") == [
        "::warning::mp-precheck: no token: the error status and the comment are not posted"]


def test_a_workflow_run_without_a_token_says_it_needs_one(up: Upstream, server: FakeGitHub, action: Action) -> None:
    event = {"workflow_run": {"event": "pull_request", "head_sha": up.head, "head_branch": "feature",
                              "pull_requests": [{"number": 7, "head": {"sha": up.head}}]}}
    result = action(event, event_name="workflow_run", token="")
    assert result.code == 2 and server.requests == []
    assert lines(result.log, "::error::") == [
        "::error::mp-precheck: the workflow_run event finds its pull request through the GitHub API: give the "
        "github-token input"]


def test_a_release_without_a_token_writes_the_notes_and_posts_nothing(tmp_path: Path, server: FakeGitHub) -> None:
    upstream = Repo(tmp_path / "upstream")
    build_shop(upstream, tmp_path)
    ws = checkout_tag(upstream, tmp_path / "ws")
    result = _tag_run(tmp_path, server, ws, token="")
    assert result.code == 0, result.log
    assert server.requests == [] and server.releases() == []
    assert lines(result.log, "::warning::") == ["::warning::mp-precheck: no token: the notes of v1.1.0 are not posted"]
    assert (result.workspace / "mp-precheck-report/notes.txt").read_text(encoding="utf-8").strip()


def test_a_release_with_a_token_is_written(tmp_path: Path, server: FakeGitHub) -> None:
    upstream = Repo(tmp_path / "upstream")
    build_shop(upstream, tmp_path)
    result = _tag_run(tmp_path, server, checkout_tag(upstream, tmp_path / "ws"))
    assert result.code == 0 and len(server.releases()) == 1 and "no token" not in result.log


def _tag_run(tmp_path: Path, server: FakeGitHub, ws: Repo, **values: Any) -> Any:
    return Action(tmp_path, server, ws.path)(push_event(), event_name="push", env={"GITHUB_REF": "refs/tags/v1.1.0"},
                                             language="zh-CN", **values)
