"""The GitLab port over real HTTP to the fake GitLab: what it sends, what it returns, and how each GitLab
failure becomes a named failure. No mocks of python-gitlab."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from fakegitlab import PROJECT_ID, PROJECT_PATH, TOKEN_BOT, TOKEN_DEV, TOKEN_OUTSIDER, TOKEN_READ, USERS, FakeGitLab
from helpers import modules_importing, protocol_gaps
from mp_precheck.hosts.gitlab.port import CannotPostNote, GitLabHttp, GitLabPort, Note, PythonGitlabPort, connect

ROOT = Path(__file__).resolve().parents[1]
FAST = GitLabHttp(retries=2, retry_transient=True, per_page=20, timeout=5)
BOT = USERS["bot"]["username"]


@pytest.fixture
def port(gl: FakeGitLab) -> Iterator[PythonGitlabPort]:
    made = connect(gl.api_url, TOKEN_BOT, PROJECT_ID, http=FAST)
    yield made
    made.close()


def test_only_gitlab_port_imports_python_gitlab() -> None:
    assert modules_importing("gitlab", allowed="src/mp_precheck/hosts/gitlab/port.py") == []


def test_the_adapter_is_a_port() -> None:
    assert protocol_gaps(GitLabPort, PythonGitlabPort) == []


def test_connect_makes_no_request(gl: FakeGitLab) -> None:
    connect(gl.api_url, TOKEN_BOT, PROJECT_ID, http=FAST).close()
    assert gl.requests == []


def test_identity_is_the_tokens_user(gl: FakeGitLab) -> None:
    port = connect(gl.api_url, TOKEN_BOT, PROJECT_ID, http=FAST)
    assert port.identity() == port.identity() == BOT
    assert len(gl.calls("GET", "/api/v4/user$")) == 1
    assert gl.requests[0].headers["private-token"] == TOKEN_BOT
    with pytest.raises(CannotPostNote) as err:
        connect(gl.api_url, "glpat-wrong", PROJECT_ID, http=FAST).identity()
    assert (err.value.kind, err.value.status, err.value.detail) == ("unauthorized", 401, "401 Unauthorized")


def test_create_list_edit_delete(port: PythonGitlabPort, gl: FakeGitLab) -> None:
    created = port.create_note(5, "first")
    assert created == Note(created.id, BOT, "first")
    assert gl.calls("POST", r"/projects/4242/merge_requests/5/notes$")[0].body == {"body": "first"}
    assert port.edit_note(5, created.id, "second") == Note(created.id, BOT, "second")
    assert gl.calls("PUT", rf"/notes/{created.id}$")[0].body == {"body": "second"}
    assert [n.body for n in port.notes(5)] == ["second"]
    port.delete_note(5, created.id)
    port.delete_note(5, created.id)                                # gone already: fine
    assert gl.notes(5) == []


def test_project_by_path(gl: FakeGitLab) -> None:
    port = connect(gl.api_url + "/", TOKEN_BOT, PROJECT_PATH, http=FAST)
    port.create_note(5, "by path")
    assert gl.requests[-1].path == "/api/v4/projects/octo-group%2Fmini-app/merge_requests/5/notes"


def test_notes_on_every_page_oldest_first(port: PythonGitlabPort, gl: FakeGitLab) -> None:
    for i in range(45):
        gl.add_note(5, f"n{i}", "dev", system=i == 3)
    notes = port.notes(5)
    assert [n.body for n in notes] == [f"n{i}" for i in range(45)]
    assert notes[3].system and not notes[4].system and notes[0].author == "lin.dev"
    pages = gl.calls("GET", "/notes$")
    assert [q.query.get("page", "1") for q in pages] == ["1", "2", "3"]
    assert all(q.query["sort"] == "asc" and q.query["per_page"] == "20" for q in pages)


def test_read_api_token_is_forbidden_with_the_scope(gl: FakeGitLab) -> None:
    port = connect(gl.api_url, TOKEN_READ, PROJECT_ID, http=FAST)
    assert port.notes(5) == []                                     # reads still work
    with pytest.raises(CannotPostNote) as err:
        port.create_note(5, "hi")
    assert (err.value.kind, err.value.status, err.value.detail, err.value.scope) == (
        "forbidden", 403, "insufficient_scope", "api")


def test_someone_elses_note_cannot_be_edited(port: PythonGitlabPort, gl: FakeGitLab) -> None:
    theirs = gl.add_note(5, "mine, says the developer", "dev")
    with pytest.raises(CannotPostNote) as err:
        port.edit_note(5, theirs["id"], "x")
    assert (err.value.kind, err.value.status, err.value.detail) == ("forbidden", 403, "403 Forbidden")


def test_not_a_member_and_unknown_merge_request(gl: FakeGitLab, port: PythonGitlabPort) -> None:
    with pytest.raises(CannotPostNote) as err:
        connect(gl.api_url, TOKEN_OUTSIDER, PROJECT_ID, http=FAST).notes(5)
    assert (err.value.kind, err.value.status, err.value.detail) == ("not_found", 404, "404 Project Not Found")
    with pytest.raises(CannotPostNote) as err:
        port.create_note(6, "x")
    assert (err.value.kind, err.value.status) == ("not_found", 404)


def test_too_long_note_is_rejected(port: PythonGitlabPort) -> None:
    with pytest.raises(CannotPostNote) as err:
        port.create_note(5, "x" * 1_000_001)
    assert (err.value.kind, err.value.status) == ("rejected", 400)
    assert err.value.detail == "note is too long (maximum is 1000000 characters)"


def test_transient_errors_are_retried(port: PythonGitlabPort, gl: FakeGitLab) -> None:
    gl.fail_next("GET", "/notes$", 502)
    gl.fail_next("POST", "/notes$", 503)
    assert port.notes(5) == []
    assert port.create_note(5, "once").body == "once"
    assert len(gl.notes(5)) == 1 and len(gl.calls("POST", "/notes$")) == 2


def test_retries_run_out(port: PythonGitlabPort, gl: FakeGitLab) -> None:
    gl.fail_next("GET", "/notes$", 500, times=5)
    with pytest.raises(CannotPostNote) as err:
        port.notes(5)
    assert (err.value.kind, err.value.status) == ("unavailable", 500)
    assert len(gl.calls("GET", "/notes$")) == 3                    # the first try and two retries


def test_no_answer_at_all() -> None:
    with socket.socket() as sock:                                 # a port that refuses connections
        sock.bind(("127.0.0.1", 0))
        closed = sock.getsockname()[1]
    port = connect(f"http://127.0.0.1:{closed}/api/v4", TOKEN_DEV, PROJECT_ID,
                   http=GitLabHttp(retries=0, retry_transient=False, timeout=2))
    with pytest.raises(CannotPostNote) as err:
        port.identity()
    assert (err.value.kind, err.value.status) == ("unavailable", None)
    assert err.value.detail.startswith("no answer from GitLab (")


def test_instance_under_a_relative_path(gl: FakeGitLab) -> None:
    # https://host/gitlab/api/v4 keeps its /gitlab prefix; the fake has none, so the prefix shows in the 404
    port = connect(gl.base_url + "/gitlab/api/v4", TOKEN_BOT, PROJECT_ID, http=FAST)
    with pytest.raises(CannotPostNote):
        port.identity()
    assert gl.requests[-1].path == "/gitlab/api/v4/user"
