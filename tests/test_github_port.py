"""The GitHub port over real HTTP to the fake server: what it sends, what it returns, and how each GitHub
failure becomes a named failure with the facts the glue turns into advice. No mocks of PyGithub."""

from __future__ import annotations

import email.utils
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from fakegithub import DEFAULT_REPO, TOKEN_INSTALLATION, TOKEN_READONLY, TOKEN_USER, FakeGitHub
from helpers import GITHUB_FAST_HTTP, modules_importing, protocol_gaps
from mp_precheck.hosts.github.port import (
    CannotDeterminePR,
    CannotPostComment,
    CannotSetStatus,
    Comment,
    CommitStatus,
    GitHubPort,
    PyGithubPort,
    accepted_permissions,
    connect,
)
from mp_precheck.hosts.github.ratelimit import rate_limit_wait

ROOT = Path(__file__).resolve().parents[1]
HEAD = "a" * 40
FAST = GITHUB_FAST_HTTP


@pytest.fixture
def pull(server: FakeGitHub) -> FakeGitHub:
    server.add_pull(7, HEAD, base_sha="b" * 40, base_ref="main", head_ref="feature")
    return server


@pytest.fixture
def port(pull: FakeGitHub) -> Iterator[PyGithubPort]:
    made = connect(pull.base_url, TOKEN_INSTALLATION, DEFAULT_REPO, http=FAST)
    yield made
    made.close()


PYGITHUB_MODULES = ("src/mp_precheck/hosts/github/port.py", "src/mp_precheck/hosts/github/ratelimit.py")


def test_only_github_port_imports_pygithub() -> None:
    assert modules_importing("github", allowed=PYGITHUB_MODULES) == []


def test_the_adapter_is_a_port() -> None:
    assert protocol_gaps(GitHubPort, PyGithubPort) == []


def test_connect_makes_no_request(pull: FakeGitHub) -> None:
    connect(pull.base_url, TOKEN_INSTALLATION, DEFAULT_REPO, http=FAST).close()
    assert pull.requests == []


def test_identity(pull: FakeGitHub) -> None:
    installation = connect(pull.base_url, TOKEN_INSTALLATION, DEFAULT_REPO, http=FAST)
    assert installation.identity() is installation.identity() is None   # 403 on /user: unknown, asked once
    assert connect(pull.base_url, TOKEN_USER, DEFAULT_REPO, http=FAST).identity() == "octocat"
    named = connect(pull.base_url, TOKEN_INSTALLATION, DEFAULT_REPO, bot_login="my-app[bot]", http=FAST)
    assert named.identity() == named.identity() == "my-app[bot]"
    assert len(pull.calls("GET", "/user$")) == 2
    with pytest.raises(CannotPostComment) as err:
        connect(pull.base_url, "ghp_wrong", DEFAULT_REPO, http=FAST).identity()
    assert (err.value.kind, err.value.status, err.value.detail) == ("unauthorized", 401, "Bad credentials")


def test_pull_request(port: PyGithubPort, pull: FakeGitHub) -> None:
    assert port.pull_request(7).head_sha == HEAD
    assert port.pull_request(7).base_ref == "main" and port.pull_request(7).head_repo == DEFAULT_REPO
    with pytest.raises(CannotDeterminePR) as err:
        port.pull_request(8)
    assert (err.value.kind, err.value.status) == ("not_found", 404)


def test_find_pull_request_by_head_label(port: PyGithubPort, pull: FakeGitHub) -> None:
    pull.add_pull(9, "c" * 40, head_ref="topic", head_repo="forker/mini-app")
    found = port.find_pull_request("forker:topic", "c" * 40)
    assert found is not None and (found.number, found.head_repo) == (9, "forker/mini-app")
    assert port.find_pull_request("forker:topic", "d" * 40) is None
    assert port.find_pull_request("someone:topic", "c" * 40) is None


def test_comments_on_every_page(port: PyGithubPort, pull: FakeGitHub) -> None:
    for i in range(65):
        pull.add_comment(7, f"c{i}", "reviewer")
    comments = port.comments(7)
    assert [c.body for c in comments] == [f"c{i}" for i in range(65)]
    assert comments[0] == Comment(comments[0].id, "reviewer", "c0")
    assert len(pull.calls("GET", "/comments$")) == 3


def test_create_read_edit_delete(port: PyGithubPort, pull: FakeGitHub) -> None:
    created = port.create_comment(7, "first")
    assert created.author == "github-actions[bot]"
    assert port.comment(7, created.id) == created
    assert port.edit_comment(7, created.id, "second").body == "second"
    assert pull.comments(7)[0]["body"] == "second"
    port.delete_comment(7, created.id)
    port.delete_comment(7, created.id)                           # gone already: fine
    assert port.comment(7, created.id) is None and pull.comments() == []


def test_status(port: PyGithubPort, pull: FakeGitHub) -> None:
    port.set_status(HEAD, CommitStatus("failure", "2 risks", "mp-precheck", "https://run"))
    port.set_status(HEAD, CommitStatus("success", "ok", "mp-precheck"))
    assert [(s["state"], s["description"], s["target_url"]) for s in pull.statuses(HEAD)] == [
        ("failure", "2 risks", "https://run"), ("success", "ok", None)]
    with pytest.raises(CannotSetStatus) as err:
        port.set_status(HEAD, CommitStatus("success", "d" * 141, "mp-precheck"))
    assert (err.value.kind, err.value.status, err.value.detail) == ("rejected", 422, "Validation Failed")


def test_read_only_token_names_the_permissions(pull: FakeGitHub) -> None:
    readonly = connect(pull.base_url, TOKEN_READONLY, DEFAULT_REPO, http=FAST)
    assert readonly.comments(7) == []                            # reads still work
    with pytest.raises(CannotPostComment) as comment_err:
        readonly.create_comment(7, "hi")
    assert comment_err.value.kind == "forbidden"
    assert comment_err.value.detail == "Resource not accessible by integration"
    assert comment_err.value.permissions == ("issues: write", "pull-requests: write")
    with pytest.raises(CannotSetStatus) as status_err:
        readonly.set_status(HEAD, CommitStatus("success", "ok", "mp-precheck"))
    assert status_err.value.permissions == ("statuses: write",)


def test_accepted_permissions() -> None:
    assert accepted_permissions("") == ()
    assert accepted_permissions("pull_requests=write") == ("pull-requests: write",)
    assert accepted_permissions("repository_projects=write; organization_projects=admin") == (
        "repository-projects: write", "organization-projects: admin")
    assert accepted_permissions("contents=read, pull_requests=write") == ("contents: read, pull-requests: write",)


def test_transient_errors_are_retried(port: PyGithubPort, pull: FakeGitHub) -> None:
    pull.fail_next("GET", r"/pulls/7$", 503)
    pull.fail_next("PATCH", r"/issues/comments/", 502)
    assert port.pull_request(7).number == 7
    created = port.create_comment(7, "x")
    port.edit_comment(7, created.id, "y")
    assert pull.comments(7)[0]["body"] == "y" and pull.pending_faults == 0


def test_a_500_is_not_retried_and_keeps_its_status(port: PyGithubPort, pull: FakeGitHub) -> None:
    pull.fail_next("POST", r"/statuses/", 500)
    with pytest.raises(CannotSetStatus) as err:
        port.set_status(HEAD, CommitStatus("success", "ok", "mp-precheck"))
    assert (err.value.kind, err.value.status, err.value.detail) == ("unavailable", 500, "Server Error")
    assert len(pull.calls("POST", "/statuses/")) == 1


def test_retries_run_out(port: PyGithubPort, pull: FakeGitHub) -> None:
    pull.fail_next("GET", r"/comments$", 502, times=3)
    with pytest.raises(CannotPostComment) as err:
        port.comments(7)
    assert (err.value.kind, err.value.status) == ("unavailable", 502)
    assert len(pull.calls("GET", "/comments$")) == 3             # the first try and two retries


def test_secondary_rate_limit_waits_as_told(port: PyGithubPort, pull: FakeGitHub) -> None:
    pull.secondary_rate_limit_next("POST", r"/issues/7/comments$", retry_after=0)
    pull.secondary_rate_limit_next("POST", r"/issues/7/comments$", retry_after=None)
    assert port.create_comment(7, "once").body == "once"
    assert len(pull.comments(7)) == 1 and len(pull.calls("POST", "/comments$")) == 3


def test_primary_rate_limit_fails_fast(port: PyGithubPort, pull: FakeGitHub) -> None:
    pull.set_rate_limit(TOKEN_INSTALLATION, remaining=0)
    started = time.monotonic()
    with pytest.raises(CannotDeterminePR) as err:
        port.pull_request(7)
    assert err.value.kind == "rate_limited" and time.monotonic() - started < 2


def test_no_answer_at_all() -> None:
    with socket.socket() as sock:                               # a port that refuses connections
        sock.bind(("127.0.0.1", 0))
        closed = sock.getsockname()[1]
    port = connect(f"http://127.0.0.1:{closed}", TOKEN_INSTALLATION, DEFAULT_REPO, http=FAST)
    with pytest.raises(CannotSetStatus) as err:
        port.set_status(HEAD, CommitStatus("success", "ok", "mp-precheck"))
    assert (err.value.kind, err.value.status) == ("unavailable", None)
    assert err.value.detail.startswith("no answer from GitHub (")


def test_github_enterprise_prefix(pull: FakeGitHub) -> None:
    port = connect(pull.ghe_base_url + "/", TOKEN_INSTALLATION, DEFAULT_REPO, http=FAST)
    assert port.comments(7) == []
    port.create_comment(7, "first")
    port.set_status(HEAD, CommitStatus("success", "ok", "mp-precheck"))
    assert pull.requests and all(q.path.startswith("/api/v3/repos/") for q in pull.requests)


# ------------------------------------------------------------------ rate limits as GitHub sends them


@pytest.mark.parametrize("status", [403, 429])
@pytest.mark.parametrize("retry_after", [0, None])
def test_a_secondary_rate_limit_is_waited_out_as_403_or_429(port: PyGithubPort, pull: FakeGitHub, status: int,
                                                            retry_after: int | None) -> None:
    pull.secondary_rate_limit_next("POST", r"/issues/7/comments$", retry_after=retry_after, status=status)
    assert port.create_comment(7, "once").body == "once"
    assert len(pull.comments(7)) == 1 and len(pull.calls("POST", "/comments$")) == 2


@pytest.mark.parametrize("status", [403, 429])
def test_a_retry_after_beyond_the_cap_fails_at_once(port: PyGithubPort, pull: FakeGitHub, status: int) -> None:
    pull.secondary_rate_limit_next("GET", r"/pulls/7$", retry_after=3600, status=status)
    started = time.monotonic()
    with pytest.raises(CannotDeterminePR) as err:
        port.pull_request(7)
    assert time.monotonic() - started < 2                       # FAST caps the wait at 2 s
    assert (err.value.kind, err.value.status) == ("rate_limited", status)
    assert err.value.detail.startswith("You have exceeded a secondary rate limit.")
    assert err.value.detail.endswith("(GitHub asks to wait 3600 s)")
    assert len(pull.calls("GET", r"/pulls/7$")) == 1


def test_a_429_that_outlasts_the_retries_is_a_rate_limit(port: PyGithubPort, pull: FakeGitHub) -> None:
    pull.secondary_rate_limit_next("PATCH", r"/issues/comments/", retry_after=None, status=429, times=5)
    created = port.create_comment(7, "x")
    with pytest.raises(CannotPostComment) as err:
        port.edit_comment(7, created.id, "y")
    assert (err.value.kind, err.value.status) == ("rate_limited", 429)
    assert len(pull.calls("PATCH", "/issues/comments/")) == 3   # the first try and two retries


@pytest.mark.parametrize("status", [403, 429])
def test_primary_rate_limit_as_403_or_429_fails_fast(pull: FakeGitHub, status: int) -> None:
    pull.set_rate_limit(TOKEN_INSTALLATION, remaining=0, status=status)
    port = connect(pull.base_url, TOKEN_INSTALLATION, DEFAULT_REPO, http=FAST)
    started = time.monotonic()
    with pytest.raises(CannotSetStatus) as err:
        port.set_status(HEAD, CommitStatus("success", "ok", "mp-precheck"))
    assert (err.value.kind, err.value.status) == ("rate_limited", status)
    assert err.value.detail.startswith("API rate limit exceeded for installation ID 1.")
    assert time.monotonic() - started < 2 and len(pull.calls("POST", "/statuses/")) == 1


def test_a_primary_limit_that_resets_within_the_cap_is_waited_for(pull: FakeGitHub) -> None:
    pull.set_rate_limit(TOKEN_INSTALLATION, remaining=0, status=429, reset_in=0)
    port = connect(pull.base_url, TOKEN_INSTALLATION, DEFAULT_REPO, http=FAST)
    pull.fail_next("GET", r"/pulls/7$", 429, {"message": "API rate limit exceeded for installation ID 1."},
                   {"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": str(int(time.time()))})
    pull.set_rate_limit(TOKEN_INSTALLATION, remaining=100)
    assert port.pull_request(7).number == 7                     # waited about a second, then retried
    assert len(pull.calls("GET", r"/pulls/7$")) == 2


def test_how_long_github_asks_to_wait() -> None:
    secondary = "You have exceeded a secondary rate limit. Please wait a few minutes before you try again."
    assert rate_limit_wait(403, {"Retry-After": "30"}, secondary, 60) == 30
    in_90s = email.utils.formatdate(time.time() + 90, usegmt=True)
    assert 85 < (rate_limit_wait(429, {"retry-after": in_90s}, "", 60) or 0) <= 90   # an HTTP date
    assert rate_limit_wait(403, {"x-ratelimit-remaining": "0", "x-ratelimit-reset": "1000"}, "API rate limit "
                           "exceeded for user ID 1.", 60, now=990) == 11
    assert rate_limit_wait(403, {"x-ratelimit-remaining": "0", "x-ratelimit-reset": "1000"}, "", 60, now=2000) == 1
    assert rate_limit_wait(403, {"x-ratelimit-remaining": "4999"}, secondary, 60) == 60
    assert rate_limit_wait(429, {}, "", 60) == 60                 # a 429 is always a rate limit
    assert rate_limit_wait(403, {"Retry-After": "soon"}, "Resource not accessible by integration", 60) is None
    assert rate_limit_wait(403, {}, "Resource not accessible by integration", 60) is None
    assert rate_limit_wait(502, {"Retry-After": "5"}, "", 60) is None


def test_a_503_asking_for_an_hour_is_retried_after_the_cap(port: PyGithubPort, pull: FakeGitHub) -> None:
    pull.fail_next("GET", r"/pulls/7$", 503, headers={"Retry-After": "3600"})
    started = time.monotonic()
    assert port.pull_request(7).number == 7
    assert 1.5 < time.monotonic() - started < 10                  # FAST's cap: 2 s, not an hour
    assert len(pull.calls("GET", r"/pulls/7$")) == 2


def test_a_post_answered_502_is_not_sent_again_by_the_transport(port: PyGithubPort, pull: FakeGitHub) -> None:
    pull.apply_then_fail_next("POST", r"/issues/7/comments$", 502)
    with pytest.raises(CannotPostComment) as err:
        port.create_comment(7, "once")
    assert (err.value.kind, err.value.status) == ("unavailable", 502)
    assert [c["body"] for c in pull.comments(7)] == ["once"]    # one comment: the caller looks before posting
    pull.fail_next("POST", r"/statuses/", 502)
    port.set_status(HEAD, CommitStatus("success", "ok", "mp-precheck"))   # a status is sent once more
    assert len(pull.statuses(HEAD)) == 1 and len(pull.calls("POST", "/statuses/")) == 2
    pull.secondary_rate_limit_next("POST", r"/issues/7/comments$", retry_after=None, status=429)
    port.create_comment(7, "twice")                             # refused, not carried out: retried
    assert [c["body"] for c in pull.comments(7)] == ["once", "twice"]
