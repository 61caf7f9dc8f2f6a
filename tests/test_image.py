"""The action's image run the way a GitHub runner runs a Docker action: ``docker run`` as root on the host
network (where the fake GitHub server listens), ``INPUT_*`` variables with hyphens kept, the workspace, the
event file and the file-command files mounted under ``/github``, the workspace owned by the runner's user
(uid 1001). One pull-request run and one tag run; assertions are on what the fake received and on what the
run left in the workspace.

``scripts/image-check`` builds the image and runs this file with ``MP_PRECHECK_IMAGE`` set (CI does, see
``.ci/run``); without it every test here is skipped with that reason.
"""

from __future__ import annotations

import json
import os
import subprocess
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from conftest import Repo
from fakegithub import DEFAULT_REPO, TOKEN_INSTALLATION, FakeGitHub
from mp_precheck.notes.release import NOTES_START
from mp_precheck.outputs.markdown import MARKER_PREFIX
from test_action import LOCATION, NUMBER, Upstream, checkout, pr_event, seed_pull
from test_release import build_shop
from test_release_action import TAG, checkout_tag, push_event

IMAGE = os.environ.get("MP_PRECHECK_IMAGE", "")
RUNNER = 1001

pytestmark = pytest.mark.skipif(not IMAGE, reason="the image is built and run by scripts/image-check (CI)")


@dataclass
class Run:
    code: int
    log: str
    outputs: dict[str, str]
    summary: str


def chown_tree(root: Path, uid: int) -> None:
    for path in (root, *root.rglob("*")):
        os.lchown(path, uid, uid)


def run_image(tmp_path: Path, server: FakeGitHub, workspace: Path, upstream: Path, event: dict[str, Any],
              env: dict[str, str], **inputs: str) -> Run:
    """``docker run`` as the runner does it; ``upstream`` (the remote of the checkout) is mounted read-only
    where the checkout's ``origin`` points."""
    github = tmp_path / "_github"
    for sub in ("workflow", "file_commands", "home"):
        (github / sub).mkdir(parents=True, exist_ok=True)
    (github / "workflow" / "event.json").write_text(json.dumps(event), encoding="utf-8")
    output, summary = f"set_output_{uuid.uuid4()}", f"step_summary_{uuid.uuid4()}"
    for name in (output, summary):
        (github / "file_commands" / name).write_text("")
    chown_tree(github, RUNNER)
    chown_tree(workspace, RUNNER)
    values = {"github-token": TOKEN_INSTALLATION, "config": "", "language": "en", "fail-on": "",
              "comment": "always", "status-name": "mp-precheck", "base": "", "head": "", "mode": "auto",
              "bot-login": "", "cache": ".mp-precheck-cache.sqlite", **inputs}
    variables = {f"INPUT_{name.upper()}": value for name, value in values.items()}   # hyphens kept
    variables.update({
        "HOME": "/github/home", "CI": "true", "GITHUB_ACTIONS": "true", "RUNNER_OS": "Linux",
        "GITHUB_REPOSITORY": DEFAULT_REPO, "GITHUB_RUN_ID": "4242", "GITHUB_ACTOR": "octocat",
        "GITHUB_API_URL": server.base_url, "GITHUB_SERVER_URL": "https://github.com",
        "GITHUB_WORKSPACE": "/github/workspace", "GITHUB_EVENT_PATH": "/github/workflow/event.json",
        "GITHUB_OUTPUT": f"/github/file_commands/{output}",
        "GITHUB_STEP_SUMMARY": f"/github/file_commands/{summary}", **env})
    command = ["docker", "run", "--rm", "--network", "host", "--workdir", "/github/workspace"]
    for name, value in variables.items():
        command += ["-e", f"{name}={value}"]
    command += ["-v", f"{github / 'workflow'}:/github/workflow", "-v", f"{github / 'file_commands'}:/github/file_commands",
                "-v", f"{github / 'home'}:/github/home", "-v", f"{workspace}:/github/workspace",
                "-v", f"{upstream}:{upstream}:ro", IMAGE]
    proc = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    outputs = dict(line.split("=", 1) for line in (github / "file_commands" / output).read_text().splitlines()
                   if "=" in line)
    return Run(proc.returncode, proc.stdout + proc.stderr, outputs,
               (github / "file_commands" / summary).read_text(encoding="utf-8"))


def not_the_runners(root: Path) -> list[str]:
    return [path.relative_to(root).as_posix() for path in (root, *root.rglob("*")) if path.lstat().st_uid != RUNNER]


def test_a_pull_request_run(tmp_path: Path, server: FakeGitHub) -> None:
    up = Upstream(tmp_path / "upstream", LOCATION)
    ws = checkout(up, tmp_path / "workspace")
    seed_pull(server, up)

    run = run_image(tmp_path, server, ws.path, up.repo.path, pr_event(up),
                    {"GITHUB_EVENT_NAME": "pull_request", "GITHUB_REF": f"refs/pull/{NUMBER}/merge"})

    assert run.code == 1, run.log                                   # a high risk fails the check
    (comment,) = server.comments(NUMBER)
    assert comment["body"].startswith(MARKER_PREFIX) and comment["user"]["login"] == "github-actions[bot]"
    assert "wx.getLocation" in comment["body"]
    (status,) = server.statuses(up.head)
    assert (status["state"], status["context"]) == ("failure", "mp-precheck")
    assert run.outputs["risk-level"] == "high" and run.outputs["comment-id"] == str(comment["id"])
    assert run.outputs["report-json"] == "mp-precheck-report/report.json" and "wx.getLocation" in run.summary
    assert (ws.path / "mp-precheck-report" / "report.json").is_file()
    assert (ws.path / ".mp-precheck-cache.sqlite").is_file()
    assert not_the_runners(ws.path) == []                           # the next checkout can clean up


def test_a_tag_run(tmp_path: Path, server: FakeGitHub) -> None:
    upstream = Repo(tmp_path / "upstream")
    build_shop(upstream, tmp_path)
    ws = checkout_tag(upstream, tmp_path / "workspace")

    run = run_image(tmp_path, server, ws.path, upstream.path, push_event(),
                    {"GITHUB_EVENT_NAME": "push", "GITHUB_REF": f"refs/tags/{TAG}"}, language="zh-CN")

    assert run.code == 0, run.log
    (release,) = server.releases()
    assert release["tag_name"] == TAG and release["body"].startswith(NOTES_START)
    assert run.outputs["notes-file"] == "mp-precheck-report/notes.txt"
    assert (ws.path / "mp-precheck-report" / "notes.txt").read_text(encoding="utf-8").strip()
    assert not_the_runners(ws.path) == []
