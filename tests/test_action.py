"""The GitHub Action end to end: ``entrypoint.main`` with a real event file, INPUT_* variables, output and
summary files, a real git checkout made the way actions/checkout makes it, and PyGithub talking HTTP to
the fake GitHub server. Assertions are on what the server received and what the runner was given."""

from __future__ import annotations

import importlib.util
import io
import json
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from conftest import MINIMAL_APP, Repo
from fakegithub import DEFAULT_REPO, TOKEN_INSTALLATION, TOKEN_READONLY, TOKEN_USER, FakeGitHub
from mp_precheck.hosts.github.port import HttpSettings
from mp_precheck.outputs.markdown import COMMENT_LIMITS, marker


def _load_entrypoint() -> Any:
    """``entrypoint.py`` sits at the repository root (where the Dockerfile copies it), outside the package."""
    spec = importlib.util.spec_from_file_location("entrypoint", Path(__file__).resolve().parents[1] / "entrypoint.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


entrypoint = _load_entrypoint()

NUMBER = 7
RUN_ID = "4242"
SERVER_URL = "https://github.com"
RUN_URL = f"{SERVER_URL}/{DEFAULT_REPO}/actions/runs/{RUN_ID}"
LOCATION = {"pages/me/me.js": "Page({ onLoad() { wx.getLocation({}) } })\n"}
UPLOAD = {"pages/index/index.js": "Page({ up() { wx.uploadFile({ url: 'https://u.example.com/up' }) } })\n"}
CLEAN = {"pages/index/index.wxml": "<view>home, now with more words</view>\n"}
FAST = HttpSettings(retries=2, backoff=0, secondary_rate_wait=0, max_rate_limit_wait=5,
                    seconds_between_requests=None, seconds_between_writes=None, per_page=30, timeout=5)


class Upstream:
    """The repository on GitHub: ``main`` moves on after the feature branch forked, and each pull request
    has ``refs/pull/N/head`` and the test merge commit ``refs/pull/N/merge``, as GitHub keeps them."""

    def __init__(self, path: Path, head_files: dict[str, str | bytes], config: str | None = None) -> None:
        self.repo = Repo(path)
        self.repo.write_files(MINIMAL_APP)
        if config is not None:
            self.repo.write(".github/mp-precheck.yml", config)
        self.fork_point = self.repo.commit("base")
        self.repo.git("checkout", "-q", "-b", "feature")
        self.repo.write_files(head_files)
        self.head = self.repo.commit("feature")
        self.repo.git("checkout", "-q", "main")
        self.repo.write("README.md", "main moved on\n")
        self.base = self.repo.commit("main moves on")
        self.merge = self.publish_pull()

    def push(self, files: dict[str, str | bytes], message: str = "more") -> str:
        """A new commit on the feature branch, and GitHub's new test merge commit."""
        self.repo.git("checkout", "-q", "feature")
        self.repo.write_files(files)
        self.head = self.repo.commit(message)
        self.repo.git("checkout", "-q", "main")
        self.merge = self.publish_pull()
        return self.head

    def publish_pull(self) -> str:
        self.repo.git("checkout", "-q", "--detach", "main")
        self.repo.git("merge", "-q", "--no-ff", "--no-edit", "feature")
        merge = self.repo.git("rev-parse", "HEAD")
        self.repo.git("update-ref", f"refs/pull/{NUMBER}/merge", merge)
        self.repo.git("update-ref", f"refs/pull/{NUMBER}/head", self.head)
        self.repo.git("checkout", "-q", "main")
        return merge


def checkout(upstream: Upstream, path: Path, *, depth: int | None = None, ref: str | None = None) -> Repo:
    """What actions/checkout leaves for a pull_request run: the test merge commit, detached; with
    ``depth`` a shallow fetch of only that commit (its default is ``fetch-depth: 1``); ``ref`` checks out
    a branch instead (pull_request_target, workflow_run)."""
    ws = Repo(path)
    ws.git("remote", "add", "origin", f"file://{upstream.repo.path}")
    wanted = ref or f"refs/pull/{NUMBER}/merge"
    if depth is None:
        ws.git("fetch", "-q", "--no-tags", "origin", "+refs/heads/*:refs/remotes/origin/*",
               f"+{wanted}:refs/remotes/checkout")
    else:
        ws.git("fetch", "-q", "--no-tags", f"--depth={depth}", "origin", f"+{wanted}:refs/remotes/checkout")
    ws.git("checkout", "-q", "--detach", "refs/remotes/checkout")
    return ws


def pr_event(up: Upstream, head_repo: str = DEFAULT_REPO, head: str | None = None) -> dict[str, Any]:
    """A pull_request webhook payload (the fields GitHub sends that matter here, in their places)."""
    repo = {"full_name": DEFAULT_REPO, "name": DEFAULT_REPO.split("/")[1]}
    return {
        "action": "synchronize", "number": NUMBER,
        "pull_request": {
            "number": NUMBER, "state": "open", "title": "Add a page",
            "head": {"ref": "feature", "sha": head or up.head, "repo": {"full_name": head_repo}},
            "base": {"ref": "main", "sha": up.base, "repo": repo},
            "merge_commit_sha": up.merge,
        },
        "repository": repo, "sender": {"login": "octocat"},
    }


@dataclass
class Result:
    code: int
    log: str
    outputs: dict[str, str]
    summary: str
    workspace: Path


class Action:
    """Runs ``entrypoint.main`` the way the runner starts the container."""

    def __init__(self, tmp_path: Path, server: FakeGitHub, workspace: Path) -> None:
        self.tmp_path, self.server, self.workspace = tmp_path, server, workspace
        self.runs = 0

    def __call__(self, event: dict[str, Any], *, event_name: str = "pull_request", token: str = TOKEN_INSTALLATION,
                 ghe: bool = False, server_url: str = SERVER_URL, env: dict[str, str] | None = None,
                 **inputs: str) -> Result:
        self.runs += 1
        files = self.tmp_path / f"run{self.runs}"
        files.mkdir()
        (files / "event.json").write_text(json.dumps(event), encoding="utf-8")
        (files / "output").write_text("")
        (files / "summary").write_text("")
        values = {"github-token": token, "config": "", "language": "en", "fail-on": "", "comment": "always",
                  "status-name": "mp-precheck", "base": "", "head": "", "mode": "auto", "bot-login": "",
                  "cache": ""}
        values.update({k.replace("_", "-"): v for k, v in inputs.items()})
        variables = {f"INPUT_{k.upper()}": v for k, v in values.items()}
        variables.update({
            "GITHUB_EVENT_NAME": event_name, "GITHUB_EVENT_PATH": str(files / "event.json"),
            "GITHUB_REPOSITORY": DEFAULT_REPO, "GITHUB_RUN_ID": RUN_ID, "GITHUB_ACTOR": "octocat",
            "GITHUB_API_URL": self.server.ghe_base_url if ghe else self.server.base_url,
            "GITHUB_SERVER_URL": server_url, "GITHUB_WORKSPACE": str(self.workspace),
            "GITHUB_OUTPUT": str(files / "output"), "GITHUB_STEP_SUMMARY": str(files / "summary"),
            "GITHUB_REF": f"refs/pull/{NUMBER}/merge", "GITHUB_SHA": "0" * 40,
        })
        variables.update(env or {})
        log = io.StringIO()
        code = entrypoint.main(variables, http=FAST, stream=log)
        outputs = dict(line.split("=", 1) for line in (files / "output").read_text().splitlines())
        return Result(code, log.getvalue(), outputs, (files / "summary").read_text(encoding="utf-8"),
                      self.workspace)


@pytest.fixture
def up(tmp_path: Path) -> Upstream:
    return Upstream(tmp_path / "upstream", LOCATION)


@pytest.fixture
def ws(up: Upstream, tmp_path: Path) -> Repo:
    return checkout(up, tmp_path / "workspace")


@pytest.fixture
def action(tmp_path: Path, server: FakeGitHub, ws: Repo) -> Action:
    return Action(tmp_path, server, ws.path)


def seed_pull(server: FakeGitHub, up: Upstream, head_repo: str | None = None) -> None:
    server.add_pull(NUMBER, up.head, base_sha=up.base, head_ref="feature", base_ref="main", head_repo=head_repo,
                    merge_commit_sha=up.merge)


def move_pull_head(server: FakeGitHub, sha: str) -> None:
    """What GitHub does on a push to the pull request's branch."""
    server.add_commit(sha)
    server.repo()["pulls"][NUMBER]["head"]["sha"] = sha


def lines(log: str, prefix: str) -> list[str]:
    return [line for line in log.splitlines() if line.startswith(prefix)]


# ---------------------------------------------------------------------------- the sticky comment


def test_first_run_comments_sets_status_and_writes_everything(up: Upstream, server: FakeGitHub,
                                                                action: Action) -> None:
    seed_pull(server, up)
    result = action(pr_event(up))

    assert result.code == 1                                    # a high finding reaches fail-on high
    (comment,) = server.comments(NUMBER)
    assert comment["user"]["login"] == "github-actions[bot]"
    assert comment["body"].startswith(marker(up.head) + "\n")
    assert f"]({SERVER_URL}/{DEFAULT_REPO}/blob/{up.head}/pages/me/me.js#L1)" in comment["body"]
    (status,) = server.statuses()
    assert status["sha"] == up.head                            # the PR head, not the merge commit
    assert (status["state"], status["context"], status["target_url"]) == ("failure", "mp-precheck", RUN_URL)
    report = json.loads((result.workspace / "mp-precheck-report/report.json").read_text(encoding="utf-8"))
    assert report["head"] == up.head and "privacy.location" in {f["rule"] for f in report["findings"]}
    high = sum(f["severity"] == "high" for f in report["findings"])
    assert status["description"] == "Act before submitting for review: 2 high-risk item(s) (Privacy)."
    assert result.outputs == {"risk-level": "high", "items": "2", "findings": "2",
                              "report-json": "mp-precheck-report/report.json",
                              "notes-file": "mp-precheck-report/notes.txt", "comment-id": str(comment["id"])}
    assert (result.workspace / "mp-precheck-report/notes.txt").read_text(encoding="utf-8").strip()
    assert result.summary.startswith(marker(up.head)) and "pages/me/me.js" in result.summary
    annotations = lines(result.log, "::error file=")
    assert len(annotations) == high
    assert all(a.startswith("::error file=pages/me/me.js,line=1,title=") for a in annotations)
    assert [q.path for q in server.calls("GET", "/user$")] == ["/user"]  # installation token: 403, then the bot
    assert [(q.method, q.path.removeprefix(f"/repos/{DEFAULT_REPO}")) for q in server.requests] == [
        ("GET", "/user"), ("GET", "/issues/7/comments"), ("GET", "/pulls/7"), ("POST", "/issues/7/comments"),
        ("POST", f"/statuses/{up.head}")]                      # the happy path: five requests, no more


def test_cache_input_keeps_facts_in_the_workspace_between_runs(up: Upstream, server: FakeGitHub,
                                                               action: Action) -> None:
    seed_pull(server, up)
    first = action(pr_event(up), cache=".mp-precheck-cache.sqlite")
    cache = first.workspace / ".mp-precheck-cache.sqlite"
    assert cache.stat().st_size > 0
    second = action(pr_event(up), cache=".mp-precheck-cache.sqlite")
    assert (first.code, second.code) == (1, 1)
    report = json.loads((second.workspace / "mp-precheck-report/report.json").read_text(encoding="utf-8"))
    assert "privacy.location" in {f["rule"] for f in report["findings"]}


def test_second_run_edits_the_comment_in_place(up: Upstream, server: FakeGitHub, action: Action,
                                               ws: Repo) -> None:
    seed_pull(server, up)
    first_head = up.head
    first = action(pr_event(up))
    new_head = up.push(UPLOAD)
    move_pull_head(server, new_head)
    ws.git("fetch", "-q", "origin", f"+refs/pull/{NUMBER}/merge:refs/remotes/checkout")
    server.clear_requests()

    second = action(pr_event(up))

    (comment,) = server.comments(NUMBER)
    assert str(comment["id"]) == first.outputs["comment-id"] == second.outputs["comment-id"]
    assert comment["body"].startswith(marker(new_head))
    assert "wx.uploadFile" in comment["body"]
    assert len(server.calls("PATCH", r"/issues/comments/\d+$")) == 1
    assert server.calls("POST", r"/comments$") == []
    assert [s["sha"] for s in server.statuses()] == [first_head, new_head]

    server.clear_requests()
    again = action(pr_event(up))                                # a re-run of the same commit
    assert again.code == second.code == 1
    assert server.calls("PATCH") == [] and server.calls("POST", r"/comments$") == []


def test_every_page_of_comments_is_read(up: Upstream, server: FakeGitHub, action: Action) -> None:
    seed_pull(server, up)
    for i in range(40):
        server.add_comment(NUMBER, f"looks good {i}", f"reviewer{i % 3}")
    ours = server.add_comment(NUMBER, marker("f" * 40) + "\nold report", "github-actions[bot]", "Bot")

    result = action(pr_event(up))

    assert result.outputs["comment-id"] == str(ours["id"])
    assert len(server.comments(NUMBER)) == 41
    assert server.comments(NUMBER)[-1]["body"].startswith(marker(up.head))
    pages = server.calls("GET", rf"/issues/{NUMBER}/comments$")
    assert [q.query.get("page") for q in pages] == [None, "2"]


def test_a_marker_pasted_by_a_person_is_never_touched(up: Upstream, server: FakeGitHub, action: Action) -> None:
    seed_pull(server, up)
    pasted = f"Why does the bot say this?\n> {marker('f' * 40)}\n> old text"
    human = server.add_comment(NUMBER, pasted, "octocat")

    action(pr_event(up))

    first, second = server.comments(NUMBER)
    assert (first["id"], first["body"], first["updated_at"]) == (human["id"], pasted, human["updated_at"])
    assert second["user"]["login"] == "github-actions[bot]" and second["body"].startswith(marker(up.head))


def test_an_older_marker_version_is_recognised_and_replaced(up: Upstream, server: FakeGitHub,
                                                            action: Action) -> None:
    seed_pull(server, up)
    old = server.add_comment(NUMBER, "<!-- mp-precheck:comment -->\nreport of an older version",
                             "github-actions[bot]", "Bot")
    v0 = server.add_comment(NUMBER, "<!-- mp-precheck:comment v0 head=abc1234 -->\nduplicate",
                            "github-actions[bot]", "Bot")

    action(pr_event(up))

    (comment,) = server.comments(NUMBER)                         # the duplicate is gone, the oldest kept
    assert comment["id"] == old["id"] and comment["body"].startswith(marker(up.head))
    assert [q.path.rsplit("/", 1)[1] for q in server.calls("DELETE")] == [str(v0["id"])]


def test_a_user_token_comments_as_its_user(up: Upstream, server: FakeGitHub, action: Action) -> None:
    seed_pull(server, up)
    bots = server.add_comment(NUMBER, marker("f" * 40) + "\nby the workflow token", "github-actions[bot]", "Bot")

    action(pr_event(up), token=TOKEN_USER)

    first, second = server.comments(NUMBER)
    assert first["body"] == bots["body"]                        # another identity's comment: not ours
    assert second["user"]["login"] == "octocat"


def test_bot_login_input_names_an_app_identity(up: Upstream, server: FakeGitHub, action: Action) -> None:
    server.add_token("ghs_AppInstallation", "precheck-app[bot]", 99, "Bot", "installation")
    seed_pull(server, up)
    earlier = server.add_comment(NUMBER, marker("f" * 40), "precheck-app[bot]", "Bot")

    result = action(pr_event(up), token="ghs_AppInstallation", bot_login="precheck-app[bot]")

    assert result.outputs["comment-id"] == str(earlier["id"])
    assert server.calls("GET", "/user$") == []


# ---------------------------------------------------------------------------- on-risk


def test_on_risk_posts_nothing_for_a_clean_pull_request(tmp_path: Path, server: FakeGitHub) -> None:
    up = Upstream(tmp_path / "upstream", CLEAN)
    seed_pull(server, up)
    result = Action(tmp_path, server, checkout(up, tmp_path / "ws").path)(pr_event(up), comment="on-risk")

    assert result.code == 0
    assert server.comments() == [] and server.calls("POST", r"/comments$") == []
    (status,) = server.statuses(up.head)
    assert (status["state"], status["description"]) == ("success", "No new review risks found in this change.")
    assert result.outputs["comment-id"] == ""


def test_on_risk_turns_an_earlier_comment_into_the_short_all_clear(tmp_path: Path, server: FakeGitHub) -> None:
    up = Upstream(tmp_path / "upstream", CLEAN)
    seed_pull(server, up)
    earlier = server.add_comment(NUMBER, marker("f" * 40) + "\n🔴 high risks", "github-actions[bot]", "Bot")

    result = Action(tmp_path, server, checkout(up, tmp_path / "ws").path)(pr_event(up), comment="on-risk")

    (comment,) = server.comments(NUMBER)
    assert comment["id"] == earlier["id"]
    assert comment["body"] == (f"{marker(up.head)}\n## mp-precheck · WeChat Mini Program review risks\n\n"
                               "✅ **No review risks now (the earlier warning is out of date).**\n")
    assert result.outputs["comment-id"] == str(earlier["id"])


def test_comment_never_reads_no_comment(up: Upstream, server: FakeGitHub, action: Action) -> None:
    seed_pull(server, up)
    result = action(pr_event(up), comment="never")
    assert server.calls("GET", "/comments") == [] and server.comments() == []
    assert result.outputs["comment-id"] == "" and len(server.statuses()) == 1


# ---------------------------------------------------------------------------- overlapping runs


def test_an_older_run_never_overwrites_a_newer_comment(up: Upstream, server: FakeGitHub, action: Action) -> None:
    old_head = up.head
    seed_pull(server, up)
    old_event = pr_event(up)                                    # this run started before the push
    new_head = up.push(UPLOAD)
    move_pull_head(server, new_head)
    newer = server.add_comment(NUMBER, marker(new_head) + "\nthe newer run's report", "github-actions[bot]", "Bot")

    result = action(old_event)

    (comment,) = server.comments(NUMBER)
    assert (comment["body"], comment["updated_at"]) == (newer["body"], newer["updated_at"])
    assert server.calls("PATCH") == []
    assert [s["sha"] for s in server.statuses()] == [old_head]   # statuses are per commit: always fine
    assert f"left comment {newer['id']} alone: pull request #7 is at {new_head[:7]} now" in result.log


def test_a_stale_run_does_not_post_a_first_comment(up: Upstream, server: FakeGitHub, action: Action) -> None:
    seed_pull(server, up)
    old_event = pr_event(up)
    move_pull_head(server, up.push(UPLOAD))
    result = action(old_event)
    assert server.comments() == [] and result.outputs["comment-id"] == ""


# ---------------------------------------------------------------------------- tokens and permissions


def test_fork_pull_request_with_a_read_only_token_still_reports(up: Upstream, server: FakeGitHub,
                                                                 action: Action) -> None:
    seed_pull(server, up, head_repo="forker/mini-app")
    result = action(pr_event(up, head_repo="forker/mini-app"), token=TOKEN_READONLY)

    assert result.code == 1                                     # the analysis's exit code, not a crash
    assert server.comments() == [] and server.statuses() == []
    assert lines(result.log, "::warning::") == [
        "::warning::mp-precheck: could not comment on pull request #7 or set the status: the token is read-only "
        "(a pull request from a fork): see the README's workflow_run pattern"]
    assert lines(result.log, "::error::") == []
    assert "pages/me/me.js" in result.summary
    assert (result.workspace / "mp-precheck-report/report.json").exists()
    assert result.outputs["risk-level"] == "high" and result.outputs["comment-id"] == ""


def test_a_missing_permission_is_named(up: Upstream, server: FakeGitHub, action: Action) -> None:
    seed_pull(server, up)                                       # not a fork: the workflow lacks permissions
    result = action(pr_event(up), token=TOKEN_READONLY)

    assert result.code == 2
    assert lines(result.log, "::error::") == [
        "::error::mp-precheck: could not comment on pull request #7: the token lacks a permission (GitHub "
        "answered 403 Resource not accessible by integration): grant `pull-requests: write` or `issues: write` "
        "under `permissions:` in the workflow",
        f"::error::mp-precheck: could not set the status mp-precheck on {up.head[:7]}: the token lacks a "
        "permission (GitHub answered 403 Resource not accessible by integration): grant `statuses: write` "
        "under `permissions:` in the workflow"]


def test_github_enterprise_server(up: Upstream, server: FakeGitHub, action: Action) -> None:
    seed_pull(server, up)
    web = server.base_url
    action(pr_event(up), ghe=True, server_url=web)

    assert server.requests and all(q.path.startswith("/api/v3/") for q in server.requests)
    (comment,) = server.comments(NUMBER)
    assert f"]({web}/{DEFAULT_REPO}/blob/{up.head}/pages/me/me.js#L1)" in comment["body"]
    assert server.statuses()[0]["target_url"] == f"{web}/{DEFAULT_REPO}/actions/runs/{RUN_ID}"


# ---------------------------------------------------------------------------- GitHub failing


def test_a_500_on_the_status_write_fails_the_run_but_keeps_the_report(up: Upstream, server: FakeGitHub,
                                                                      action: Action) -> None:
    seed_pull(server, up)
    server.fail_next("POST", r"/statuses/", 500)
    result = action(pr_event(up))

    assert result.code == 2
    assert server.statuses() == [] and len(server.comments()) == 1
    assert lines(result.log, "::error::") == [
        f"::error::mp-precheck: could not set the status mp-precheck on {up.head[:7]}: GitHub is unavailable "
        "(500 Server Error): re-run the job; the analysis itself finished (see the job summary)"]
    assert "pages/me/me.js" in result.summary and result.outputs["risk-level"] == "high"
    assert (result.workspace / "mp-precheck-report/notes.txt").exists()


def test_a_secondary_rate_limit_is_waited_out(up: Upstream, server: FakeGitHub, action: Action) -> None:
    seed_pull(server, up)
    server.secondary_rate_limit_next("POST", rf"/issues/{NUMBER}/comments$", retry_after=None)
    server.fail_next("GET", rf"/issues/{NUMBER}/comments$", 502)

    result = action(pr_event(up))

    assert result.code == 1
    assert len(server.calls("POST", rf"/issues/{NUMBER}/comments$")) == 2
    assert len(server.calls("GET", rf"/issues/{NUMBER}/comments$")) == 2
    assert len(server.comments()) == 1 and server.pending_faults == 0


def test_a_429_asking_for_an_hour_fails_at_once_as_a_rate_limit(up: Upstream, server: FakeGitHub,
                                                                action: Action) -> None:
    seed_pull(server, up)
    server.secondary_rate_limit_next("POST", rf"/issues/{NUMBER}/comments$", retry_after=3600, status=429)

    result = action(pr_event(up))

    errors = lines(result.log, "::error::")
    assert result.code == 2 and len(errors) == 1, result.log
    assert "GitHub's rate limit was reached and does not reset soon (429 You have exceeded a secondary rate " \
           "limit." in errors[0] and "(GitHub asks to wait 3600 s)): re-run the job later" in errors[0]
    assert "please report" not in result.log
    assert len(server.calls("POST", rf"/issues/{NUMBER}/comments$")) == 1 and server.comments() == []


# ---------------------------------------------------------------------------- size limits


def test_an_oversize_report_fits_the_comment_and_says_where_the_rest_is(tmp_path: Path,
                                                                         server: FakeGitHub) -> None:
    many: dict[str, str | bytes] = {
        f"pages/p{i}/p{i}.js": f'Page({{ go() {{ wx.request({{ url: "https://api{i}.example-host-name.com/v1" }}) }} }})\n'
        for i in range(250)}
    up = Upstream(tmp_path / "upstream", many)
    seed_pull(server, up)
    result = Action(tmp_path, server, checkout(up, tmp_path / "ws").path)(pr_event(up))

    (comment,) = server.comments(NUMBER)
    assert COMMENT_LIMITS.fits(comment["body"])
    assert "line(s) left out, the least important first; the full report is in" in comment["body"]
    assert comment["body"].rstrip().endswith("</sub>")
    assert f"<{RUN_URL}>" in comment["body"]
    assert result.summary.count("example-host-name.com") > comment["body"].count("example-host-name.com")
    assert len(server.statuses()[0]["description"]) <= 140
    assert len(lines(result.log, "::warning file=")) == 10 and "more findings not annotated" in result.log


# ---------------------------------------------------------------------------- checkouts and events


def test_a_shallow_checkout_is_deepened(up: Upstream, server: FakeGitHub, tmp_path: Path) -> None:
    seed_pull(server, up)
    ws = checkout(up, tmp_path / "shallow", depth=1)
    assert ws.git("rev-parse", "--is-shallow-repository") == "true"

    result = Action(tmp_path, server, ws.path)(pr_event(up))

    assert result.code == 1 and result.outputs["risk-level"] == "high"
    assert "mp-precheck: the clone is shallow: git fetch --no-tags --quiet --unshallow origin" in result.log
    assert ws.git("rev-parse", "--is-shallow-repository") == "false"


def test_missing_history_names_the_fix_and_never_reports_success(up: Upstream, server: FakeGitHub,
                                                                  tmp_path: Path) -> None:
    seed_pull(server, up)
    ws = checkout(up, tmp_path / "shallow", depth=1)
    ws.git("remote", "set-url", "origin", str(tmp_path / "gone"))

    result = Action(tmp_path, server, ws.path)(pr_event(up))

    assert result.code == 2
    (line,) = lines(result.log, "::error::")
    assert line.startswith("::error::mp-precheck: the clone is shallow and fetching the history failed (git fetch "
                           f"failed: fatal: '{tmp_path / 'gone'}' does not appear to be a git repository fatal: "
                           "Could not read from remote repository.)")       # the cause, not git's last line
    assert line.endswith("): check out with actions/checkout and fetch-depth: 0")
    (status,) = server.statuses(up.head)
    assert status["state"] == "error" and status["description"].startswith("not analysed: the clone is shallow")
    assert server.comments() == [] and result.outputs == {}


def test_merge_group_sets_the_status_on_the_group_head(up: Upstream, server: FakeGitHub, action: Action) -> None:
    server.add_commit(up.merge)
    event = {"action": "checks_requested", "merge_group": {
        "head_sha": up.merge, "head_ref": "refs/heads/gh-readonly-queue/main/pr-7-" + up.base,
        "base_sha": up.base, "base_ref": "refs/heads/main", "head_commit": {"id": up.merge}}}
    result = action(event, event_name="merge_group")

    assert result.code == 1
    assert [(s["sha"], s["state"]) for s in server.statuses()] == [(up.merge, "failure")]
    assert server.calls("GET", "/comments") == [] and server.comments() == []


def test_workflow_run_finds_the_fork_pull_request_and_fetches_its_head(up: Upstream, server: FakeGitHub,
                                                                        tmp_path: Path) -> None:
    seed_pull(server, up, head_repo="forker/mini-app")
    up.repo.git("branch", "-q", "-D", "feature")               # the branch lives in the fork
    ws = checkout(up, tmp_path / "base-branch", ref="refs/heads/main")    # never the PR's code
    event = {"action": "completed", "workflow_run": {
        "event": "pull_request", "head_sha": up.head, "head_branch": "feature", "pull_requests": [],
        "head_repository": {"full_name": "forker/mini-app", "owner": {"login": "forker"}}}}

    result = Action(tmp_path, server, ws.path)(event, event_name="workflow_run")

    assert result.code == 1
    assert server.calls("GET", "/pulls$")[0].query["head"] == "forker:feature"
    assert server.comments(NUMBER)[0]["body"].startswith(marker(up.head))
    assert [s["sha"] for s in server.statuses()] == [up.head]
    assert ws.git("rev-parse", "--verify", f"refs/remotes/mp-precheck/pull/{NUMBER}/head") == up.head


def test_no_mini_program_files_is_a_success_that_says_so(tmp_path: Path, server: FakeGitHub) -> None:
    up = Upstream(tmp_path / "upstream", {"docs/guide.md": "how to\n"})
    seed_pull(server, up)
    result = Action(tmp_path, server, checkout(up, tmp_path / "ws").path)(pr_event(up))

    assert result.code == 0
    (status,) = server.statuses(up.head)
    assert (status["state"], status["description"]) == ("success", "no Mini Program files in this change")


def test_release_mode_without_any_tag_is_one_line(up: Upstream, server: FakeGitHub, action: Action) -> None:
    # release mode itself is tested in test_release_action.py
    result = action({"ref": "refs/tags/v1.0.0"}, event_name="push", env={"GITHUB_REF": "refs/tags/v1.0.0"})
    assert result.code == 2
    assert lines(result.log, "::error::") == [
        "::error::mp-precheck: no tag v1.0.0: the repository has no tags (create and push it with `git tag v1.0.0`, "
        "fetch them with `git fetch --tags`, or describe a range with --base and --head)"]
    assert server.requests == []


def test_an_event_without_a_pull_request_needs_base_and_head(up: Upstream, server: FakeGitHub,
                                                             action: Action) -> None:
    result = action({}, event_name="workflow_dispatch")
    assert result.code == 2
    assert lines(result.log, "::error::") == [
        "::error::mp-precheck: the workflow_dispatch event has no pull request to check: run mp-precheck on "
        "pull_request or merge_group, or give both the base and head inputs"]


@pytest.mark.parametrize(("inputs", "message"), [
    ({"fail_on": "critical"}, "input fail-on: 'critical' is not one of none, info, low, medium, high"),
    ({"comment": "sometimes"}, "input comment: 'sometimes' is not one of always, on-risk, never"),
    ({"config": "../elsewhere.yml"}, "input config: '../elsewhere.yml' is outside the workspace; give a path "
                                     "inside the repository"),
])
def test_bad_inputs_are_one_line(up: Upstream, server: FakeGitHub, action: Action, inputs: dict[str, str],
                                 message: str) -> None:
    seed_pull(server, up)
    result = action(pr_event(up), **inputs)
    assert result.code == 2
    assert lines(result.log, "::error::") == [f"::error::mp-precheck: {message}"]
    assert server.statuses()[0]["state"] == "error" and server.comments() == []


def test_the_config_input_is_read_from_the_base_revision(tmp_path: Path, server: FakeGitHub) -> None:
    up = Upstream(tmp_path / "upstream", {**LOCATION, ".github/mp-precheck.yml": "fail_on: none\n"},
                  config="fail_on: high\n")                    # the PR tries to relax its own check
    seed_pull(server, up)
    action = Action(tmp_path, server, checkout(up, tmp_path / "ws").path)

    result = action(pr_event(up), config=".github/mp-precheck.yml")
    assert result.code == 1
    report = json.loads((result.workspace / "mp-precheck-report/report.json").read_text(encoding="utf-8"))
    (relaxed,) = [f for f in report["findings"] if f["rule"] == "policy.relaxes_check"]
    assert (relaxed["path"], relaxed["value"]) == (".github/mp-precheck.yml", "fail_on: high → none")
    assert "`.github/mp-precheck.yml`" in server.comments(NUMBER)[0]["body"]
    missing = action(pr_event(up), config="nowhere.yml")
    assert missing.code == 2
    assert "input config: nowhere.yml is not in the base revision" in missing.log


def test_the_config_input_is_never_staged_in_a_temporary_file(tmp_path: Path, server: FakeGitHub,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    up = Upstream(tmp_path / "upstream", {**LOCATION, ".github/mp-precheck.yml": "fail_on: none\n"},
                  config="fail_on: high\n")
    seed_pull(server, up)
    action = Action(tmp_path, server, checkout(up, tmp_path / "ws").path)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "no-temporary-files"))  # any staging would raise
    assert action(pr_event(up), config=".github/mp-precheck.yml").code == 1
    assert not (tmp_path / "no-temporary-files").exists()


def test_not_a_checkout(server: FakeGitHub, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    result = Action(tmp_path, server, empty)({}, event_name="pull_request")
    assert result.code == 2
    assert lines(result.log, "::error::")[0].endswith(": add actions/checkout (with fetch-depth: 0) before mp-precheck")


def test_workflow_run_without_an_open_pull_request(up: Upstream, server: FakeGitHub, action: Action) -> None:
    event = {"workflow_run": {"event": "pull_request", "head_sha": up.head, "head_branch": "gone",
                              "pull_requests": [], "head_repository": {"owner": {"login": "forker"}}}}
    result = action(event, event_name="workflow_run")
    assert result.code == 2
    assert lines(result.log, "::error::") == [
        f"::error::mp-precheck: could not find the pull request: no open pull request has head forker:gone at "
        f"{up.head[:7]}"]


# ---------------------------------------------------------------------------- the glue's pieces


class ExplodingPort:
    """A GitHub port with a bug in it: every call raises an unexpected error (a fake, not a mock)."""

    def __getattr__(self, name: str) -> Any:
        def explode(*args: Any) -> Any:
            raise ValueError(f"{name} broke")
        return explode


def test_an_internal_error_is_one_line_and_exit_3(up: Upstream, ws: Repo, tmp_path: Path) -> None:
    from mp_precheck.git.repo import GitRepo
    from mp_precheck.hosts.github.action import run
    from mp_precheck.hosts.github.event import Settings
    from mp_precheck.hosts.github.runner import FileRunner

    log = io.StringIO()
    settings = Settings(event_name="pull_request", repository=DEFAULT_REPO, workspace=ws.path, event=pr_event(up),
                        language="en")
    code = run(settings, ExplodingPort(), FileRunner(ws.path, None, None, log), GitRepo(ws.path))  # type: ignore[arg-type]
    assert code == 3
    (line,) = lines(log.getvalue(), "::error::")
    assert line.startswith("::error::mp-precheck: internal error (ValueError at test_action.py:")
    assert line.endswith("with the log of a re-run with debug logging enabled")


def test_marker_head() -> None:
    from mp_precheck.hosts.github.comment import is_ours, marker_head

    assert marker_head(marker("a" * 40) + "\nbody") == "a" * 40
    assert marker_head("<!-- mp-precheck:comment v0 head=ABC1234 -->") == "abc1234"
    assert marker_head("<!-- mp-precheck:comment -->") is None
    assert marker_head("no marker head=abc1234") is None
    assert is_ours("<!-- mp-precheck:comment -->", "GitHub-Actions[bot]", "github-actions[bot]")
    assert not is_ours("<!-- mp-precheck:comment -->", "octocat", "github-actions[bot]")
    assert not is_ours("<!-- mp-precheck -->", "github-actions[bot]", "github-actions[bot]")


def test_truncate_for_the_status_description() -> None:
    from mp_precheck.hosts.github.status import truncate

    assert truncate("short\nline", 140) == "short line"
    cut = truncate("审核" * 100, 140)
    assert len(cut) == 140 and cut.endswith("…")


def test_file_runner_outputs(tmp_path: Path) -> None:
    from mp_precheck.hosts.github.runner import FileRunner

    output = tmp_path / "output"
    runner = FileRunner(tmp_path, str(output), None, io.StringIO())
    runner.set_output("one", "value")
    runner.set_output("many", "a\nb")
    text = output.read_text()
    delimiter = text.splitlines()[1].split("<<")[1]
    assert text == f"one=value\nmany<<{delimiter}\na\nb\n{delimiter}\n"
    assert delimiter.startswith("ghadelimiter_")
    runner.add_summary("ignored: no summary file")
    assert runner.save("x.txt", "hi") == "mp-precheck-report/x.txt"
    assert (tmp_path / "mp-precheck-report" / "x.txt").read_text() == "hi"
