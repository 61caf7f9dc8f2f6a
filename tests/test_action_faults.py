"""The Action under faults a real GitHub and a real runner produce: overlapping runs, writes GitHub carried
out but answered 5xx, GitHub App installation tokens, analyses that cannot run, and the counts every
output gives. The harness (a real checkout, ``entrypoint.main``, the fake GitHub server) is
:mod:`test_action`'s."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import Repo
from fakegithub import APP_BOT, TOKEN_APP, FakeGitHub
from mp_precheck.outputs.markdown import marker
from test_action import (
    CLEAN,
    LOCATION,
    NUMBER,
    UPLOAD,
    Action,
    Upstream,
    checkout,
    lines,
    move_pull_head,
    pr_event,
    seed_pull,
)


@pytest.fixture
def up(tmp_path: Path) -> Upstream:
    return Upstream(tmp_path / "upstream", LOCATION)


@pytest.fixture
def ws(up: Upstream, tmp_path: Path) -> Repo:
    return checkout(up, tmp_path / "workspace")


@pytest.fixture
def action(tmp_path: Path, server: FakeGitHub, ws: Repo) -> Action:
    return Action(tmp_path, server, ws.path)


def test_every_output_counts_items_as_the_comment_does(tmp_path: Path, server: FakeGitHub) -> None:
    pages = {f"pages/p{i}/p{i}.js": "Page({ onLoad() { wx.getLocation({}) } })\n" for i in range(12)}
    up = Upstream(tmp_path / "upstream", pages)
    seed_pull(server, up)
    result = Action(tmp_path, server, checkout(up, tmp_path / "ws").path)(pr_event(up))

    report = json.loads((result.workspace / "mp-precheck-report/report.json").read_text(encoding="utf-8"))
    assert sum(f["severity"] == "high" for f in report["findings"]) == 24       # 12 places of 2 rules
    verdict = "Act before submitting for review: 2 high-risk item(s) (Privacy)."
    (status,) = server.statuses()
    assert status["description"] == verdict
    assert f"**{verdict}**" in server.comments(NUMBER)[0]["body"] and f"**{verdict}**" in result.summary
    assert (result.outputs["items"], result.outputs["findings"]) == ("2", "2")
    assert "risk high, 2 item(s), fail-on high → exit 1" in result.log


def test_a_newer_run_writing_while_an_older_one_decides_keeps_its_comment(up: Upstream, server: FakeGitHub,
                                                                          action: Action) -> None:
    seed_pull(server, up)
    old_event = pr_event(up)
    first = action(old_event)
    cid = int(first.outputs["comment-id"])
    newer_head = "c" * 40                                       # pushed after this run's checkout

    def newer_run(fake: FakeGitHub) -> None:                    # between this run's two reads
        fake.move_head(NUMBER, newer_head)
        fake.edit_comment(cid, marker(newer_head) + "\nthe newer run's report")
    server.on_next("GET", rf"/pulls/{NUMBER}$", newer_run, after=True)   # answered with the old head
    server.clear_requests()

    rerun = action(old_event)                                   # a re-run of the older head

    (comment,) = server.comments(NUMBER)
    assert comment["body"] == marker(newer_head) + "\nthe newer run's report"
    assert server.calls("PATCH") == [] and server.pending_faults == 0
    assert f"left comment {cid} alone: pull request #7 is at ccccccc now" in rerun.log
    assert rerun.outputs["comment-id"] == str(cid)
    assert [s["sha"] for s in server.statuses()] == [up.head, up.head]   # never on the newer head
    assert len(server.calls("GET", rf"/pulls/{NUMBER}$")) == 2          # the head read again to decide


def test_an_older_run_writing_while_a_newer_one_decides_is_overwritten(up: Upstream, server: FakeGitHub,
                                                                       action: Action, ws: Repo) -> None:
    seed_pull(server, up)
    old_head, old_event = up.head, pr_event(up)
    cid = int(action(old_event).outputs["comment-id"])
    new_head = up.push(UPLOAD)
    move_pull_head(server, new_head)
    ws.git("fetch", "-q", "origin", f"+refs/pull/{NUMBER}/merge:refs/remotes/checkout")
    server.on_next("GET", rf"/pulls/{NUMBER}$",                 # a slow run of the older head writes now
                   lambda fake: fake.edit_comment(cid, marker(old_head) + "\nthe older run's report"), after=True)

    action(pr_event(up))

    (comment,) = server.comments(NUMBER)
    assert comment["body"].startswith(marker(new_head)) and "wx.uploadFile" in comment["body"]
    assert server.pending_faults == 0


@pytest.mark.parametrize("applied", [True, False])
def test_a_comment_post_answered_502_is_looked_for_before_posting_again(up: Upstream, server: FakeGitHub,
                                                                        action: Action, applied: bool) -> None:
    seed_pull(server, up)
    if applied:
        server.apply_then_fail_next("POST", rf"/issues/{NUMBER}/comments$", 502)   # GitHub kept it all the same
    else:
        server.fail_next("POST", rf"/issues/{NUMBER}/comments$", 502)

    result = action(pr_event(up))

    (comment,) = server.comments(NUMBER)
    assert result.code == 1 and result.outputs["comment-id"] == str(comment["id"])
    assert len(server.calls("POST", rf"/issues/{NUMBER}/comments$")) == (1 if applied else 2)
    assert len(server.calls("GET", rf"/issues/{NUMBER}/comments$")) == 2
    said = f"GitHub answered 502 but had posted comment {comment['id']}" if applied else \
        "GitHub answered 502 to the new comment and has none: posting again"
    assert said in result.log and lines(result.log, "::error::") == []
    server.clear_requests()
    again = action(pr_event(up))                                # the next run keeps that very comment
    assert again.outputs["comment-id"] == str(comment["id"]) and server.calls("DELETE") == []


def test_a_github_app_token_learns_its_identity_from_its_comment(up: Upstream, server: FakeGitHub,
                                                                 action: Action, ws: Repo) -> None:
    seed_pull(server, up)
    app = APP_BOT["login"]
    spaced = server.add_comment(NUMBER, "<!--mp-precheck:comment v1 head=" + "f" * 40 + "-->\nold", app, "Bot")
    workflow = server.add_comment(NUMBER, marker("f" * 40) + "\nanother workflow's", "github-actions[bot]", "Bot")

    first = action(pr_event(up), token=TOKEN_APP)

    assert first.outputs["comment-id"] == str(spaced["id"])    # its marker's spacing differs: still ours
    warning = (f"::warning::mp-precheck: the token cannot read its own login (an installation token): this run "
               f"took {app} as its identity from the sticky comment; set the bot-login input to {app}")
    assert lines(first.log, "::warning::") == [warning]
    ours_now, theirs = server.comments(NUMBER)
    assert ours_now["id"] == spaced["id"] and ours_now["body"].startswith(marker(up.head))
    assert (theirs["body"], theirs["updated_at"]) == (workflow["body"], workflow["updated_at"])  # not ours


def test_a_github_app_token_with_no_comment_yet_posts_one_and_finds_it_again(up: Upstream, server: FakeGitHub,
                                                                             action: Action) -> None:
    seed_pull(server, up)
    first = action(pr_event(up), token=TOKEN_APP)
    (comment,) = server.comments(NUMBER)
    assert comment["user"]["login"] == APP_BOT["login"] and first.outputs["comment-id"] == str(comment["id"])
    assert f"set the bot-login input to {APP_BOT['login']}" in lines(first.log, "::warning::")[0]

    second = action(pr_event(up), token=TOKEN_APP)

    assert [c["id"] for c in server.comments(NUMBER)] == [comment["id"]]   # not a new comment each run
    assert second.outputs["comment-id"] == str(comment["id"])


def test_a_run_that_cannot_analyse_replaces_an_earlier_all_clear(tmp_path: Path, server: FakeGitHub) -> None:
    up = Upstream(tmp_path / "upstream", CLEAN)
    seed_pull(server, up)
    action = Action(tmp_path, server, checkout(up, tmp_path / "ws").path)
    assert action(pr_event(up)).code == 0
    (clean,) = server.comments(NUMBER)
    assert "No new review risks found in this change." in clean["body"]

    failed = action(pr_event(up), config="nowhere.yml")

    assert failed.code == 2
    assert [s["state"] for s in server.statuses(up.head)] == ["success", "error"]
    (comment,) = server.comments(NUMBER)
    assert comment["id"] == clean["id"] and failed.outputs == {}
    assert comment["body"] == (
        f"{marker(up.head)}\n## mp-precheck · WeChat Mini Program review risks\n\n"
        "❌ **The check could not run: input config: nowhere.yml is not in the base revision "
        f"{up.fork_point[:7]} (the config is read from the base so that a pull request cannot relax its own "
        "check: merge it first)**\n\nThe earlier result is out of date. Fix this and re-run; until then the "
        "commit status is `error`.\n")
    assert f"comment {clean['id']} on pull request #7 now says the check could not run" in failed.log


def test_a_push_that_created_the_branch_is_told_what_to_compare_with(up: Upstream, server: FakeGitHub,
                                                                      action: Action) -> None:
    event = {"ref": "refs/heads/feature", "before": "0" * 40, "after": up.head, "created": True}
    result = action(event, event_name="push", base="0" * 40, head=up.head, env={"GITHUB_REF": "refs/heads/feature"})
    assert result.code == 2
    (line,) = lines(result.log, "::error::")
    assert line == ("::error::mp-precheck: input base: 0000000… is no commit: it is the `before` of a push that "
                    "created the branch, which has nothing earlier to compare with; compare with the branch it came "
                    "from (e.g. base: origin/${{ github.event.repository.default_branch }}) or run mp-precheck on "
                    "pull_request")
    assert "fetch-depth" not in result.log
