"""The fake GitHub server, driven through PyGithub over real HTTP on 127.0.0.1 (no mocks of PyGithub)."""

from __future__ import annotations

import json
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from typing import Any

import pytest
import urllib3
from github import (
    Auth,
    BadCredentialsException,
    Github,
    GithubException,
    GithubRetry,
    RateLimitExceededException,
    UnknownObjectException,
)

from fakegithub import (
    APP_BOT,
    DEFAULT_REPO,
    TOKEN_APP,
    TOKEN_INSTALLATION,
    TOKEN_READONLY,
    TOKEN_USER,
    FakeGitHub,
)

HEAD = "a" * 40
OTHER = "b" * 40

MakeClient = Callable[..., Github]


@pytest.fixture
def server(server: FakeGitHub) -> FakeGitHub:
    """The shared fake (tests/conftest.py) with pull request #7 at HEAD."""
    server.add_pull(7, HEAD, title="Add a page", labels=["mini-program"])
    return server


def raw_get(server: FakeGitHub, path: str, token: str = TOKEN_INSTALLATION) -> tuple[int, Any, Any]:
    """A plain urllib GET, to look at status, headers and body exactly as sent."""
    req = urllib.request.Request(server.base_url + path, headers={"Authorization": f"token {token}"})
    try:
        with urllib.request.urlopen(req, timeout=5) as resp:
            return resp.status, resp.headers, json.loads(resp.read() or b"null")
    except urllib.error.HTTPError as err:
        with err:
            return err.code, err.headers, json.loads(err.read() or b"null")


# ---------------------------------------------------------------------------- pagination


def test_comments_paginate_across_three_pages(server: FakeGitHub, make_client: MakeClient) -> None:
    for i in range(65):
        server.add_comment(7, f"comment {i}", "reviewer")
    server.clear_requests()

    pr = make_client().get_repo(DEFAULT_REPO).get_pull(7)
    bodies = [c.body for c in pr.get_issue_comments()]

    assert bodies == [f"comment {i}" for i in range(65)]
    pages = server.calls("GET", r"/issues/7/comments$")
    assert [q.query.get("page") for q in pages] == [None, "2", "3"]
    # like GitHub, the Link URLs point at /repositories/{id}/..., and the client just follows them
    assert pages[1].path == f"/repositories/{server.repo()['id']}/issues/7/comments"


def test_link_header_has_prev_next_last_first(server: FakeGitHub) -> None:
    for i in range(5):
        server.add_comment(7, f"c{i}")
    status, headers, body = raw_get(server, f"/repos/{DEFAULT_REPO}/issues/7/comments?per_page=2&page=2")
    assert status == 200
    assert [c["body"] for c in body] == ["c2", "c3"]
    links = dict(reversed(part.split("; ")) for part in headers["Link"].split(", "))
    base = f"{server.base_url}/repositories/{server.repo()['id']}/issues/7/comments"
    assert links == {
        'rel="prev"': f"<{base}?per_page=2&page=1>",
        'rel="next"': f"<{base}?per_page=2&page=3>",
        'rel="last"': f"<{base}?per_page=2&page=3>",
        'rel="first"': f"<{base}?per_page=2&page=1>",
    }
    _, last_headers, last = raw_get(server, f"/repos/{DEFAULT_REPO}/issues/7/comments?per_page=2&page=3")
    assert [c["body"] for c in last] == ["c4"]
    assert 'rel="next"' not in last_headers["Link"]
    _, single_headers, _ = raw_get(server, f"/repos/{DEFAULT_REPO}/issues/7/comments?per_page=100")
    assert single_headers["Link"] is None


def test_per_page_is_capped_at_100(server: FakeGitHub, make_client: MakeClient) -> None:
    for i in range(120):
        server.add_comment(7, f"c{i}")
    server.clear_requests()
    comments = list(make_client(per_page=500).get_repo(DEFAULT_REPO).get_pull(7).get_issue_comments())
    assert len(comments) == 120
    assert len(server.calls("GET", r"/issues/7/comments$")) == 2


def test_closed_pulls_list_and_commit_pulls(server: FakeGitHub, make_client: MakeClient) -> None:
    for n in range(10, 45):
        server.add_pull(n, f"{n:040x}", state="closed", merged=n % 2 == 0,
                        merge_commit_sha=f"{n + 1000:040x}")
    repo = make_client(per_page=10).get_repo(DEFAULT_REPO)

    closed = list(repo.get_pulls(state="closed"))
    assert [p.number for p in closed] == list(range(44, 9, -1))       # newest first, 4 pages of 10
    assert {p.merged_at is not None for p in closed} == {True, False}
    assert [p.number for p in repo.get_pulls()] == [7]                  # state=open by default

    assert [p.number for p in repo.get_commit(HEAD).get_pulls()] == [7]
    assert [p.number for p in repo.get_commit(f"{1020:040x}").get_pulls()] == [20]


# ---------------------------------------------------------------------------- shapes and headers


def test_pull_request_shape_and_headers(server: FakeGitHub, make_client: MakeClient) -> None:
    pr = make_client().get_repo(DEFAULT_REPO).get_pull(7)
    assert (pr.number, pr.title, pr.state) == (7, "Add a page", "open")
    assert pr.head.sha == HEAD and pr.head.ref == "feature"
    assert pr.head.repo.full_name == DEFAULT_REPO and pr.base.ref == "main"
    assert [label.name for label in pr.labels] == ["mini-program"]
    assert pr.user.login == "octocat" and pr.user.type == "User"
    assert pr.created_at.tzinfo is not None
    assert make_client().get_repo(DEFAULT_REPO).get_issue(7).pull_request is not None

    headers = pr.raw_headers
    assert headers["content-type"] == "application/json; charset=utf-8"
    assert headers["x-ratelimit-resource"] == "core"
    assert int(headers["x-ratelimit-limit"]) - int(headers["x-ratelimit-remaining"]) \
        == int(headers["x-ratelimit-used"])
    assert headers["x-github-request-id"]
    assert server.calls("GET", r"/pulls/7$")[0].headers["authorization"] == f"token {TOKEN_INSTALLATION}"


def test_fork_pull_request_has_foreign_head_repo(server: FakeGitHub, make_client: MakeClient) -> None:
    server.add_pull(8, OTHER, head_repo="contributor/mini-app", head_ref="patch-1")
    pr = make_client().get_repo(DEFAULT_REPO).get_pull(8)
    assert pr.head.repo.full_name == "contributor/mini-app"
    assert pr.head.repo.fork is True
    assert pr.head.label == "contributor:patch-1"
    assert pr.base.repo.full_name == DEFAULT_REPO


def test_unknown_repo_and_pull_are_404(server: FakeGitHub, make_client: MakeClient) -> None:
    gh = make_client()
    with pytest.raises(UnknownObjectException) as repo_err:
        gh.get_repo("octo-org/nope")
    assert repo_err.value.status == 404
    with pytest.raises(UnknownObjectException):
        gh.get_repo(DEFAULT_REPO).get_pull(99)


# ---------------------------------------------------------------------------- comments


def test_create_edit_delete_comment(server: FakeGitHub, make_client: MakeClient) -> None:
    pr = make_client().get_repo(DEFAULT_REPO).get_pull(7)

    comment = pr.create_issue_comment("<!-- mp-precheck -->\nfirst")
    method, path, query, body, headers = server.calls("POST")[0]
    assert (method, path, query) == ("POST", f"/repos/{DEFAULT_REPO}/issues/7/comments", {})
    assert body == {"body": "<!-- mp-precheck -->\nfirst"}
    assert headers["content-type"] == "application/json"
    assert comment.user.login == "github-actions[bot]" and comment.user.type == "Bot"
    assert comment.html_url.endswith(f"/pull/7#issuecomment-{comment.id}")
    assert comment.created_at.isoformat().endswith("+00:00")
    (stored,) = server.comments(7)
    assert stored["id"] == comment.id and stored["body"] == "<!-- mp-precheck -->\nfirst"
    assert stored["created_at"].endswith("Z")

    comment.edit("<!-- mp-precheck -->\nsecond")
    assert comment.body == "<!-- mp-precheck -->\nsecond"
    assert server.comments(7)[0]["body"] == "<!-- mp-precheck -->\nsecond"
    assert server.comments(7)[0]["updated_at"] > server.comments(7)[0]["created_at"]

    comment.delete()
    assert server.comments(7) == []
    assert server.calls("DELETE")[0].path == f"/repos/{DEFAULT_REPO}/issues/comments/{comment.id}"
    with pytest.raises(UnknownObjectException):
        comment.delete()


def test_comment_ids_increase(server: FakeGitHub, make_client: MakeClient) -> None:
    pr = make_client().get_repo(DEFAULT_REPO).get_pull(7)
    ids = [pr.create_issue_comment(f"n{i}").id for i in range(3)]
    assert ids == sorted(ids) and len(set(ids)) == 3


def test_oversize_comment_is_422(server: FakeGitHub, make_client: MakeClient) -> None:
    pr = make_client().get_repo(DEFAULT_REPO).get_pull(7)
    with pytest.raises(GithubException) as err:
        pr.create_issue_comment("x" * 65537)
    assert err.value.status == 422
    assert err.value.data["message"] == "Validation Failed"
    assert "is too long (maximum is 65536 characters)" in err.value.data["errors"][0]["message"]
    assert server.comments(7) == []

    ok = pr.create_issue_comment("y" * 65536)            # the limit itself is accepted
    with pytest.raises(GithubException) as edit_err:
        ok.edit("z" * 65537)
    assert edit_err.value.status == 422
    assert server.comments(7)[0]["body"] == "y" * 65536


# ---------------------------------------------------------------------------- statuses


def test_create_and_list_statuses(server: FakeGitHub, make_client: MakeClient) -> None:
    commit = make_client().get_repo(DEFAULT_REPO).get_commit(HEAD)
    commit.create_status("pending", description="Checking…", context="mp-precheck")
    status = commit.create_status("failure", target_url="http://127.0.0.1/run/1",
                                  description="2 review blockers", context="mp-precheck")
    assert (status.state, status.context) == ("failure", "mp-precheck")
    assert status.description == "2 review blockers"
    assert status.creator.login == "github-actions[bot]"

    assert [s.state for s in commit.get_statuses()] == ["failure", "pending"]     # newest first
    assert commit.get_combined_status().state == "failure"
    assert [s["state"] for s in server.statuses(HEAD)] == ["pending", "failure"]


def test_status_validation(server: FakeGitHub, make_client: MakeClient) -> None:
    repo = make_client().get_repo(DEFAULT_REPO)
    commit = repo.get_commit(HEAD)
    with pytest.raises(GithubException) as long_err:
        commit.create_status("success", description="d" * 141, context="mp-precheck")
    assert long_err.value.status == 422
    assert long_err.value.data["errors"][0]["field"] == "description"
    commit.create_status("success", description="d" * 140, context="mp-precheck")

    with pytest.raises(GithubException) as state_err:
        commit.create_status("done")
    assert state_err.value.status == 422

    with pytest.raises(GithubException) as sha_err:
        repo.get_commit("c" * 40)
    assert sha_err.value.status == 422
    assert sha_err.value.data["message"] == f"No commit found for SHA: {'c' * 40}"
    assert len(server.statuses()) == 1


# ---------------------------------------------------------------------------- tokens


def test_readonly_token_gets_403_on_writes(server: FakeGitHub, make_client: MakeClient) -> None:
    repo = make_client(TOKEN_READONLY).get_repo(DEFAULT_REPO)
    pr = repo.get_pull(7)                                  # reads still work

    with pytest.raises(GithubException) as comment_err:
        pr.create_issue_comment("hello")
    assert comment_err.value.status == 403
    assert comment_err.value.data["message"] == "Resource not accessible by integration"
    assert comment_err.value.data["documentation_url"].startswith("https://docs.github.com/rest/")
    assert comment_err.value.headers is not None
    assert comment_err.value.headers["x-accepted-github-permissions"] == "issues=write; pull_requests=write"

    with pytest.raises(GithubException) as status_err:
        repo.get_commit(HEAD).create_status("success", context="mp-precheck")
    assert status_err.value.status == 403
    assert status_err.value.headers is not None
    assert status_err.value.headers["x-accepted-github-permissions"] == "statuses=write"
    assert server.comments() == [] and server.statuses() == []


def test_readonly_token_cannot_edit_or_delete(server: FakeGitHub, make_client: MakeClient) -> None:
    seeded = server.add_comment(7, "old", "github-actions[bot]", "Bot")
    comment = make_client(TOKEN_READONLY).get_repo(DEFAULT_REPO).get_pull(7).get_issue_comment(seeded["id"])
    for action in (lambda: comment.edit("new"), comment.delete):
        with pytest.raises(GithubException) as err:
            action()
        assert err.value.status == 403
    assert server.comments(7)[0]["body"] == "old"


def test_bad_token_is_401(server: FakeGitHub, make_client: MakeClient) -> None:
    with pytest.raises(BadCredentialsException) as err:
        make_client("ghp_not_a_real_token").get_repo(DEFAULT_REPO)
    assert err.value.status == 401
    assert err.value.data["message"] == "Bad credentials"


def test_missing_token_is_401(server: FakeGitHub, make_client: MakeClient) -> None:
    with pytest.raises(GithubException) as err:
        make_client(None).get_repo(DEFAULT_REPO)
    assert err.value.status == 401
    assert err.value.data["message"] == "Requires authentication"


def test_get_user_for_user_and_installation_tokens(server: FakeGitHub, make_client: MakeClient) -> None:
    assert make_client(TOKEN_USER).get_user().login == "octocat"
    with pytest.raises(GithubException) as err:
        make_client(TOKEN_INSTALLATION).get_user().login  # noqa: B018 - the property triggers the request
    assert err.value.status == 403
    assert err.value.data["message"] == "Resource not accessible by integration"


def test_custom_token_table() -> None:
    tokens = {"t1": {"login": "robot[bot]", "id": 9, "type": "Bot", "kind": "installation"}}
    with FakeGitHub(tokens=tokens, repo="me/app") as fake:
        fake.add_pull(1, HEAD)
        gh = Github(base_url=fake.base_url, auth=Auth.Token("t1"), retry=None,
                    seconds_between_requests=None, seconds_between_writes=None)
        try:
            comment = gh.get_repo("me/app").get_pull(1).create_issue_comment("hi")
            assert comment.user.login == "robot[bot]" and comment.user.id == 9
        finally:
            gh.close()
    with pytest.raises(ValueError):
        FakeGitHub(tokens={"t": {"login": "x", "id": 1, "kind": "admin"}})


def test_primary_rate_limit(server: FakeGitHub, make_client: MakeClient) -> None:
    server.set_rate_limit(TOKEN_INSTALLATION, remaining=1)
    gh = make_client()
    repo = gh.get_repo(DEFAULT_REPO)
    with pytest.raises(RateLimitExceededException) as err:
        repo.get_pull(7)
    assert err.value.status == 403
    assert err.value.headers is not None and err.value.headers["x-ratelimit-remaining"] == "0"
    assert gh.get_rate_limit().resources.core.remaining == 0      # /rate_limit is never limited


# ---------------------------------------------------------------------------- faults and retries


def test_502_once_then_success_with_retry(server: FakeGitHub, make_client: MakeClient) -> None:
    server.fail_next("GET", r"/pulls/7$", 502)
    retry = urllib3.util.Retry(total=2, status_forcelist=[502], backoff_factor=0)
    pr = make_client(retry=retry).get_repo(DEFAULT_REPO).get_pull(7)
    assert pr.head.sha == HEAD
    assert len(server.calls("GET", r"/pulls/7$")) == 2
    assert server.pending_faults == 0


def test_502_without_retry_surfaces(server: FakeGitHub, make_client: MakeClient) -> None:
    server.fail_next("GET", r"/pulls/7$", 502)
    repo = make_client().get_repo(DEFAULT_REPO)
    with pytest.raises(GithubException) as err:
        repo.get_pull(7)
    assert err.value.status == 502
    assert repo.get_pull(7).number == 7                    # only once


def test_post_is_not_retried_by_default_retry_methods(server: FakeGitHub, make_client: MakeClient) -> None:
    server.fail_next("POST", r"/issues/7/comments$", 502)
    retry = urllib3.util.Retry(total=2, status_forcelist=[502], backoff_factor=0)
    pr = make_client(retry=retry).get_repo(DEFAULT_REPO).get_pull(7)
    with pytest.raises(GithubException) as err:
        pr.create_issue_comment("hello")
    assert err.value.status == 502
    assert server.comments(7) == []


def test_500_fault_with_custom_body_and_times(server: FakeGitHub, make_client: MakeClient) -> None:
    server.fail_next("*", r"/statuses/", 500, body={"message": "Server Error"}, times=2)
    commit = make_client().get_repo(DEFAULT_REPO).get_commit(HEAD)
    for _ in range(2):
        with pytest.raises(GithubException) as err:
            commit.create_status("success", context="mp-precheck")
        assert err.value.status == 500 and err.value.data == {"message": "Server Error"}
    commit.create_status("success", context="mp-precheck")
    assert len(server.statuses(HEAD)) == 1


def test_secondary_rate_limit_without_retry(server: FakeGitHub, make_client: MakeClient) -> None:
    server.secondary_rate_limit_next("POST", r"/issues/7/comments$", retry_after=1)
    pr = make_client().get_repo(DEFAULT_REPO).get_pull(7)
    with pytest.raises(RateLimitExceededException) as err:
        pr.create_issue_comment("hello")
    assert err.value.status == 403
    assert err.value.headers is not None and err.value.headers["retry-after"] == "1"
    assert err.value.data["message"].startswith("You have exceeded a secondary rate limit")


def test_secondary_rate_limit_is_retried_by_github_retry(server: FakeGitHub, make_client: MakeClient) -> None:
    server.secondary_rate_limit_next("GET", r"/pulls/7$", retry_after=0)
    pr = make_client(retry=GithubRetry(total=2)).get_repo(DEFAULT_REPO).get_pull(7)
    assert pr.number == 7
    assert len(server.calls("GET", r"/pulls/7$")) == 2


def test_429_rate_limits_with_githubs_headers(server: FakeGitHub) -> None:
    server.secondary_rate_limit_next("GET", r"/pulls/7$", retry_after=None, status=429)
    status, headers, body = raw_get(server, f"/repos/{DEFAULT_REPO}/pulls/7")
    assert status == 429 and "retry-after" not in headers and int(headers["x-ratelimit-remaining"]) > 0
    assert body["message"].startswith("You have exceeded a secondary rate limit") and body["status"] == "429"
    server.set_rate_limit(TOKEN_INSTALLATION, remaining=0, status=429, reset_in=30)
    status, headers, body = raw_get(server, f"/repos/{DEFAULT_REPO}/pulls/7")
    assert status == 429 and headers["x-ratelimit-remaining"] == "0"
    assert 0 < int(headers["x-ratelimit-reset"]) - time.time() <= 30
    assert body["message"].startswith("API rate limit exceeded for installation ID 1.")
    with pytest.raises(ValueError):
        server.secondary_rate_limit_next("GET", "x", status=500)


# ---------------------------------------------------------------------------- races and half-done writes


def test_a_hook_acts_between_two_requests(server: FakeGitHub, make_client: MakeClient) -> None:
    repo = make_client().get_repo(DEFAULT_REPO)
    newer = "c" * 40
    server.on_next("GET", r"/pulls/7$", lambda fake: fake.move_head(7, newer), after=True)
    assert repo.get_pull(7).head.sha == HEAD            # answered before the push: already stale
    assert repo.get_pull(7).head.sha == newer
    comment = repo.get_pull(7).create_issue_comment("run for the old head")
    server.on_next("PATCH", rf"/issues/comments/{comment.id}$",
                   lambda fake: fake.edit_comment(comment.id, "written by a newer run"))
    server.on_next("GET", rf"/issues/comments/{comment.id}$",
                   lambda fake: fake.edit_comment(comment.id, "newer still"))
    assert repo.get_issue(7).get_comment(comment.id).body == "newer still"   # seen by the request
    assert server.pending_faults == 1
    comment.edit("the old run's edit")
    assert server.comments(7)[0]["body"] == "the old run's edit" and server.pending_faults == 0


def test_a_write_applied_but_answered_502(server: FakeGitHub, make_client: MakeClient) -> None:
    pr = make_client().get_repo(DEFAULT_REPO).get_pull(7)
    server.apply_then_fail_next("POST", r"/issues/7/comments$")
    with pytest.raises(GithubException) as err:
        pr.create_issue_comment("once")
    assert err.value.status == 502 and err.value.data["message"] == "Server Error"
    assert [c["body"] for c in server.comments(7)] == ["once"]   # GitHub kept it all the same
    server.apply_then_fail_next("POST", r"/statuses/", times=1)
    server.fail_next("POST", r"/statuses/", 422)                   # a failed write is not turned into a 502
    with pytest.raises(GithubException) as err:
        make_client().get_repo(DEFAULT_REPO).get_commit(HEAD).create_status("success", context="x")
    assert err.value.status == 422 and server.statuses() == [] and server.pending_faults == 1


def test_a_github_app_installation_token(server: FakeGitHub, make_client: MakeClient) -> None:
    status, _, body = raw_get(server, "/user", token=TOKEN_APP)
    assert status == 403 and body["message"] == "Resource not accessible by integration"
    comment = make_client(TOKEN_APP).get_repo(DEFAULT_REPO).get_pull(7).create_issue_comment("hello")
    assert (comment.user.login, comment.user.type) == ("mp-precheck-app[bot]", "Bot") == (APP_BOT["login"], "Bot")
    assert comment.performed_via_github_app.slug == "mp-precheck-app"
    assert server.comments(7)[0]["user"]["login"] == "mp-precheck-app[bot]"


# ---------------------------------------------------------------------------- check runs and releases


def test_check_run_create_update_and_limits(server: FakeGitHub, make_client: MakeClient) -> None:
    repo = make_client().get_repo(DEFAULT_REPO)
    run = repo.create_check_run("mp-precheck", HEAD, status="in_progress")
    assert run.status == "in_progress" and run.app.slug == "github-actions"
    assert [p.number for p in run.pull_requests] == [7]

    run.edit(conclusion="failure", output={"title": "2 blockers", "summary": "see below", "text": "details"})
    assert (run.status, run.conclusion, run.output.title) == ("completed", "failure", "2 blockers")
    assert server.check_runs()[0]["output"]["summary"] == "see below"

    with pytest.raises(GithubException) as chars_err:
        run.edit(output={"title": "t", "summary": "s" * 65536})
    assert chars_err.value.status == 422
    assert "Only 65535 characters are allowed; 65536 were supplied." in chars_err.value.data["message"]
    with pytest.raises(GithubException) as bytes_err:      # CJK text: few characters, many bytes
        run.edit(output={"title": "t", "summary": "审" * 30000})
    assert bytes_err.value.status == 422
    assert bytes_err.value.data["errors"][0]["message"] == "summary exceeds a maximum bytesize of 65535"
    assert server.check_runs()[0]["output"]["summary"] == "see below"


def test_check_runs_need_an_app_token(server: FakeGitHub, make_client: MakeClient) -> None:
    with pytest.raises(GithubException) as user_err:
        make_client(TOKEN_USER).get_repo(DEFAULT_REPO).create_check_run("x", HEAD)
    assert user_err.value.status == 403
    with pytest.raises(GithubException) as ro_err:
        make_client(TOKEN_READONLY).get_repo(DEFAULT_REPO).create_check_run("x", HEAD)
    assert ro_err.value.headers is not None
    assert ro_err.value.headers["x-accepted-github-permissions"] == "checks=write"


def test_releases(server: FakeGitHub, make_client: MakeClient) -> None:
    repo = make_client().get_repo(DEFAULT_REPO)
    with pytest.raises(UnknownObjectException):
        repo.get_release("v1.0.0")

    created = repo.create_git_release("v1.0.0", name="v1.0.0", message="notes")
    assert created.tag_name == "v1.0.0" and created.body == "notes"
    assert repo.get_release("v1.0.0").id == created.id

    updated = created.update_release(name="v1.0.0 final", message="better notes")
    assert updated.name == "v1.0.0 final"
    assert server.releases()[0]["body"] == "better notes"

    with pytest.raises(GithubException) as dup:
        repo.create_git_release("v1.0.0", name="again", message="")
    assert dup.value.status == 422

    server.add_release("v2.0.0", draft=True)
    with pytest.raises(UnknownObjectException):           # drafts are not found by tag
        repo.get_release("v2.0.0")


# ---------------------------------------------------------------------------- GHE prefix and lifecycle


def test_ghe_api_v3_prefix(server: FakeGitHub, make_client: MakeClient) -> None:
    for i in range(3):
        server.add_comment(7, f"c{i}")
    server.clear_requests()
    pr = make_client(ghe=True, per_page=2).get_repo(DEFAULT_REPO).get_pull(7)
    assert [c.body for c in pr.get_issue_comments()] == ["c0", "c1", "c2"]
    comment = pr.create_issue_comment("from GHE")
    assert comment.url.startswith(f"{server.base_url}/api/v3/repos/")
    comment.edit("edited on GHE")
    pr.base.repo.get_commit(HEAD).create_status("success", context="mp-precheck")

    assert server.requests and all(q.path.startswith("/api/v3/") for q in server.requests)
    assert server.comments(7)[-1]["body"] == "edited on GHE"


def test_server_shuts_down_and_frees_the_port() -> None:
    with FakeGitHub() as fake:
        port = fake.port
        gh = Github(base_url=fake.base_url, auth=Auth.Token(TOKEN_USER), retry=None,
                    seconds_between_requests=None, seconds_between_writes=None)
        assert gh.get_repo(DEFAULT_REPO).full_name == DEFAULT_REPO   # leaves a keep-alive connection open
    gh.close()
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
        pass


def test_timestamps_are_deterministic() -> None:
    def run() -> list[str]:
        with FakeGitHub() as fake:
            fake.add_pull(1, HEAD)
            fake.add_comment(1, "x")
            return [fake.comments(1)[0]["created_at"], fake.repo()["pulls"][1]["created_at"]]

    first = run()
    assert first == run()
    assert all(stamp.endswith("Z") and stamp.startswith("2026-01-01T00:00:") for stamp in first)
