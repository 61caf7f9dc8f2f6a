"""Release mode end to end: ``entrypoint.main`` on a tag push with a checkout made the way actions/checkout
makes it (complete or shallow), PyGithub talking HTTP to the fake GitHub server for pull request titles,
labels and the release body. Assertions are on what the server holds and what the runner was given."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from conftest import Repo
from fakegithub import TOKEN_READONLY, FakeGitHub
from mp_precheck.notes.release import NOTES_END, NOTES_START
from mp_precheck.notes.submission import FEEDBACK_LIMIT, feedback_length
from test_action import Action, Result, lines
from test_release import build_shop

TAG = "v1.1.0"


@pytest.fixture
def upstream(tmp_path: Path) -> tuple[Repo, dict[str, str]]:
    repo = Repo(tmp_path / "upstream")
    return repo, build_shop(repo, tmp_path)


def checkout_tag(upstream: Repo, path: Path, tag: str = TAG, depth: int | None = None) -> Repo:
    """What actions/checkout leaves for a tag push: the tag checked out, detached; with ``fetch-depth: 0``
    every branch and tag, with the default ``fetch-depth: 1`` only the tag's commit (a shallow clone)."""
    ws = Repo(path)
    ws.git("remote", "add", "origin", f"file://{upstream.path}")
    if depth is None:
        ws.git("fetch", "-q", "origin", "+refs/heads/*:refs/remotes/origin/*", "+refs/tags/*:refs/tags/*")
    else:
        ws.git("fetch", "-q", "--no-tags", f"--depth={depth}", "origin", f"+refs/tags/{tag}:refs/tags/{tag}")
    ws.git("checkout", "-q", "--detach", f"refs/tags/{tag}")
    return ws


def push_event(tag: str = TAG) -> dict[str, Any]:
    return {"ref": f"refs/tags/{tag}", "created": True, "repository": {"full_name": "octo-org/mini-app"}}


def seed_pulls(server: FakeGitHub, ids: dict[str, str]) -> None:
    server.add_pull(12, "c" * 40, title="地图找自提点 <b>新</b> (#12)", labels=["enhancement"], merged=True,
                    merge_commit_sha=ids["pr12"], head_ref="feature-map")
    server.add_pull(13, "d" * 40, title="购物车：数量校验", labels=["type: bug"], merged=True,
                    merge_commit_sha=ids["pr13"], head_ref="cart")
    server.add_pull(14, "e" * 40, title="Profile page", labels=["feature"], merged=True,
                    merge_commit_sha=ids["pr14"], head_ref="profile")


@pytest.fixture
def run_tag(tmp_path: Path, server: FakeGitHub, upstream: tuple[Repo, dict[str, str]]) -> Any:
    """Run the action on a push of ``tag`` in a fresh checkout (``depth`` as actions/checkout's fetch-depth)."""
    def run(tag: str = TAG, depth: int | None = None, **inputs: str) -> Result:
        ws_path = tmp_path / f"ws-{tag}-{depth}-{len(list(tmp_path.iterdir()))}"
        checkout_tag(upstream[0], ws_path, tag, depth)
        action = Action(tmp_path, server, ws_path)
        action.runs = len(list(tmp_path.glob("run*")))
        values = {"language": "zh-CN", **inputs}
        return action(push_event(tag), event_name="push", env={"GITHUB_REF": f"refs/tags/{tag}"}, **values)
    return run


def test_a_tag_push_creates_the_release_with_the_notes(server: FakeGitHub, upstream: tuple[Repo, dict[str, str]],
                                                       run_tag: Any) -> None:
    seed_pulls(server, upstream[1])
    result = run_tag(fail_on="low")

    assert result.code == 0, result.log        # a high finding, fail-on low: release mode never fails on findings
    assert "mp-precheck: release mode never fails on findings: fail-on low is not applied" in result.log
    (release,) = server.releases()
    assert (release["tag_name"], release["name"], release["draft"], release["prerelease"]) == (TAG, TAG, False, False)
    body = release["body"]
    assert body.startswith(f"{NOTES_START}\n## mp-precheck · 提交审核版本说明 v1.1.0\n\n对比 v1.0.0…v1.1.0，15 个提交。")
    assert body.endswith(f"{NOTES_END}\n")
    notes = (result.workspace / "mp-precheck-report" / "notes.txt").read_text(encoding="utf-8")
    assert f"```text\n{notes}```\n" in body
    # titles and labels from the API: #12's HTML stripped, #13 a fix by its label, #14 new by its label
    assert "   - 地图找自提点 新\n   - Profile page\n   - 优惠券入口\n" in notes
    assert "3. 修复：\n   - 购物车：数量校验\n   - 订单列表乱码\n" in notes
    create = server.calls("POST", r"/releases$")[0].body
    assert create["make_latest"] == "legacy"

    assert "审核风险与后台设置清单（4 项）" in body                 # items, as the outputs count them
    assert result.outputs == {"risk-level": "high", "items": "4", "findings": "4",
                              "report-json": "mp-precheck-report/report.json",
                              "notes-file": "mp-precheck-report/notes.txt", "comment-id": "",
                              "feedback-file": "mp-precheck-report/feedback.txt"}
    feedback = (result.workspace / "mp-precheck-report" / "feedback.txt").read_text(encoding="utf-8")
    assert feedback.endswith("\n") and feedback_length(feedback.strip()) <= FEEDBACK_LIMIT
    assert feedback.startswith("本次版本：修复购物车：数量校验；修复订单列表乱码；")
    assert result.summary.startswith("## mp-precheck · 提交审核版本说明 v1.1.0\n")
    assert (result.workspace / "mp-precheck-report" / "report.json").exists()
    assert lines(result.log, "::error::") == []
    assert server.statuses() == [] and server.comments() == []


def test_the_body_is_updated_between_the_markers_and_the_rest_is_kept(
        server: FakeGitHub, upstream: tuple[Repo, dict[str, str]], run_tag: Any) -> None:
    intro, outro = "## 发布说明\r\n\r\n人工写的 **说明**。\r\n\r\n", "\r\n\r\n感谢 @bob 的测试。\r\n"
    server.add_release(TAG, name="1.1.0 正式版", body=f"{intro}{NOTES_START}\nold\n{NOTES_END}{outro}")
    result = run_tag()
    assert result.code == 0, result.log
    (release,) = server.releases()
    assert release["body"].startswith(f"{intro}{NOTES_START}\n## mp-precheck") and release["body"].endswith(
        f"{NOTES_END}{outro}")
    assert release["name"] == "1.1.0 正式版"
    (patch,) = server.calls("PATCH", r"/releases/\d+$")
    assert set(patch.body) == {"body"}            # nothing else of the release is touched

    again = run_tag()                              # same notes: no write
    assert again.code == 0 and len(server.calls("PATCH", r"/releases/\d+$")) == 1
    assert "mp-precheck: the notes in the release of v1.1.0 are up to date" in again.log


def test_a_release_without_markers_gets_the_notes_after_its_text(server: FakeGitHub, run_tag: Any) -> None:
    server.add_release(TAG, body="Hand-written highlights.")
    assert run_tag(language="en").code == 0
    body = server.releases()[0]["body"]
    assert body.startswith(f"Hand-written highlights.\n\n{NOTES_START}\n## mp-precheck · submission notes for v1.1.0")


def test_hand_written_text_is_kept_byte_for_byte_through_two_runs(server: FakeGitHub, run_tag: Any) -> None:
    human = "Highlights:  \r\n- faster start  \r\n- 新的分享页  "   # hard breaks, CRLF, no final newline
    server.add_release(TAG, body=human)
    assert run_tag(language="en").code == 0
    first = server.releases()[0]["body"]
    assert first.startswith(human + f"\r\n\r\n{NOTES_START}\n") and first.endswith(f"{NOTES_END}\r\n")
    assert run_tag(language="zh-CN").code == 0    # other notes: only the block between the markers changes
    second = server.releases()[0]["body"]
    assert second != first and second.startswith(human + f"\r\n\r\n{NOTES_START}\n")
    assert second.endswith(f"{NOTES_END}\r\n") and second.count(NOTES_START) == 1


def test_a_draft_release_is_filled_and_stays_a_draft(server: FakeGitHub, run_tag: Any) -> None:
    server.add_release(TAG, body="draft text", draft=True)
    result = run_tag()
    assert result.code == 0, result.log
    (release,) = server.releases()
    assert release["draft"] is True and release["body"].startswith("draft text\n\n" + NOTES_START)
    assert "updated the notes in the draft release of v1.1.0" in result.log


def test_a_release_created_meanwhile_is_updated(server: FakeGitHub, run_tag: Any) -> None:
    # another job creates the release between our lookup and our create: GitHub answers 422 already_exists
    server.fail_next("GET", r"/releases/tags/v1\.1\.0$", 404)
    server.fail_next("GET", r"/releases$", 200, body=[])
    server.add_release(TAG, body="by the other job")
    result = run_tag()
    assert result.code == 0, result.log
    assert len(server.calls("POST", r"/releases$")) == 1 and server.pending_faults == 0
    (release,) = server.releases()
    assert release["body"].startswith("by the other job\n\n" + NOTES_START)


def test_a_read_only_token_names_contents_write_and_keeps_the_files(server: FakeGitHub, run_tag: Any) -> None:
    result = run_tag(github_token=TOKEN_READONLY)
    assert result.code == 2
    assert lines(result.log, "::error::") == [
        "::error::mp-precheck: could not write the notes into the release of v1.1.0: the token cannot write releases "
        "(GitHub answered 403 Resource not accessible by integration): grant `contents: write` under `permissions:` "
        "in the workflow"]
    assert result.outputs["notes-file"] == "mp-precheck-report/notes.txt"
    assert (result.workspace / "mp-precheck-report" / "notes.txt").read_text(encoding="utf-8").startswith("本次版本变更")
    assert server.releases() == []


def test_the_pull_request_api_failing_falls_back_to_commit_messages(server: FakeGitHub,
                                                                    upstream: tuple[Repo, dict[str, str]],
                                                                    run_tag: Any) -> None:
    seed_pulls(server, upstream[1])
    server.fail_next("GET", r"/pulls/12$", 500)
    result = run_tag()
    assert result.code == 0
    assert lines(result.log, "::warning::") == [
        "::warning::mp-precheck: could not read pull request #12 (500 Server Error): titles and labels come from "
        "the commit messages"]
    notes = (result.workspace / "mp-precheck-report" / "notes.txt").read_text(encoding="utf-8")
    assert "   - 附近自提点地图 @alice\n" in notes and "数量为 0 时仍可结算" in notes


def test_a_shallow_checkout_is_deepened_with_its_tags(server: FakeGitHub, run_tag: Any) -> None:
    result = run_tag(depth=1)
    assert result.code == 0, result.log
    assert "mp-precheck: the clone is shallow: git fetch --quiet --unshallow --tags origin" in result.log
    assert "对比 v1.0.0…v1.1.0，15 个提交。" in server.releases()[0]["body"]


def test_a_shallow_checkout_that_cannot_be_deepened_names_the_fix(server: FakeGitHub,
                                                                  upstream: tuple[Repo, dict[str, str]],
                                                                  tmp_path: Path) -> None:
    ws = checkout_tag(upstream[0], tmp_path / "ws", depth=1)
    ws.git("remote", "set-url", "origin", str(tmp_path / "gone"))
    result = Action(tmp_path, server, ws.path)(push_event(), event_name="push", env={"GITHUB_REF": f"refs/tags/{TAG}"})
    assert result.code == 2
    (line,) = lines(result.log, "::error::")
    assert line.startswith("::error::mp-precheck: the clone is shallow and fetching the history failed (")
    assert line.endswith("): check out with actions/checkout and fetch-depth: 0")
    assert server.releases() == [] and server.requests == []


def test_the_first_tag_covers_the_whole_history(server: FakeGitHub, run_tag: Any) -> None:
    result = run_tag(tag="v1.0.0")
    assert result.code == 0, result.log
    (release,) = server.releases()
    assert release["tag_name"] == "v1.0.0" and "首个版本：v1.0.0 的全部历史，1 个提交。" in release["body"]


def test_the_base_and_head_inputs_choose_the_range(server: FakeGitHub, upstream: tuple[Repo, dict[str, str]],
                                                   run_tag: Any) -> None:
    result = run_tag(base=upstream[1]["pr13"])
    assert result.code == 0
    assert f"对比 {upstream[1]['pr13']}…v1.1.0" in server.releases()[0]["body"]


def test_release_mode_on_a_branch_needs_a_tag(server: FakeGitHub, upstream: tuple[Repo, dict[str, str]],
                                              tmp_path: Path) -> None:
    action = Action(tmp_path, server, checkout_tag(upstream[0], tmp_path / "ws").path)
    result = action({"ref": "refs/heads/main"}, event_name="push", mode="release", env={"GITHUB_REF": "refs/heads/main"})
    assert result.code == 2
    assert lines(result.log, "::error::") == [
        "::error::mp-precheck: release mode needs a tag: run it on `push: tags` (this run's ref is refs/heads/main) "
        "or name the tag in the head input"]
    named = action({}, event_name="workflow_dispatch", mode="release", head=TAG, env={"GITHUB_REF": "refs/heads/main"})
    assert named.code == 0 and server.releases()[0]["tag_name"] == TAG


def test_a_tag_outside_the_pattern_is_one_line(server: FakeGitHub, upstream: tuple[Repo, dict[str, str]],
                                               tmp_path: Path) -> None:
    upstream[0].git("tag", "nightly-1")
    result = Action(tmp_path, server, checkout_tag(upstream[0], tmp_path / "ws", "nightly-1").path)(
        push_event("nightly-1"), event_name="push", env={"GITHUB_REF": "refs/tags/nightly-1"})
    assert result.code == 2
    assert lines(result.log, "::error::") == [
        "::error::mp-precheck: tag nightly-1 does not match the tag pattern 'v*': set notes.tag_pattern in "
        ".mp-precheck.yml (or --tag-pattern) to match your release tags"]
    assert "not analysed" not in result.log and server.statuses() == []


def test_the_config_input_is_read_at_the_tag(server: FakeGitHub, upstream: tuple[Repo, dict[str, str]],
                                             tmp_path: Path) -> None:
    up = upstream[0]
    up.git("checkout", "-q", "main")
    up.write(".github/mp-precheck.yml", "language: en\nnotes:\n  tag_pattern: 'app-*'\n")
    up.commit("chore: 配置")
    up.git("tag", "app-1")
    action = Action(tmp_path, server, checkout_tag(up, tmp_path / "ws", "app-1").path)
    result = action(push_event("app-1"), event_name="push", env={"GITHUB_REF": "refs/tags/app-1"}, language="",
                    config=".github/mp-precheck.yml")
    assert result.code == 0, result.log
    assert "First release: the whole history of app-1" in server.releases()[0]["body"]
    missing = action(push_event("app-1"), event_name="push", env={"GITHUB_REF": "refs/tags/app-1"},
                     config="nope.yml")
    assert missing.code == 2
    assert lines(missing.log, "::error::")[0].startswith("::error::mp-precheck: input config: nope.yml is not in app-1 (")
