"""What the container leaves in the runner's workspace: as root, everything the run writes goes back to the
workspace's owner (uid 1001 on GitHub's runners); a workspace git refuses is named as such. Real files,
real chown (the tests run as root; skipped otherwise), real git."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from fakegithub import FakeGitHub
from mp_precheck.core.errors import DubiousOwnership
from mp_precheck.git.repo import GitRepo
from mp_precheck.hosts.github.workspace import hand_back, written_paths
from test_action import LOCATION, Action, Upstream, checkout, lines, pr_event, seed_pull

RUNNER = 1001          # the runner user's uid and gid on GitHub-hosted Linux runners
OTHER = 1002

pytestmark = pytest.mark.skipif(os.geteuid() != 0, reason="chown to another user needs root")


def owners(root: Path) -> dict[str, int]:
    found = {".": root.lstat().st_uid}
    for folder, dirs, files in os.walk(root):
        for name in (*dirs, *files):
            path = Path(folder, name)
            found[path.relative_to(root).as_posix()] = path.lstat().st_uid
    return found


def chown_tree(root: Path, uid: int) -> None:
    for path in (root, *root.rglob("*")):
        os.lchown(path, uid, uid)


def safe_directory(monkeypatch: pytest.MonkeyPatch) -> None:
    """What the image sets system-wide (safe.directory '*'), as command-line configuration for git."""
    monkeypatch.setenv("GIT_CONFIG_COUNT", "1")
    monkeypatch.setenv("GIT_CONFIG_KEY_0", "safe.directory")
    monkeypatch.setenv("GIT_CONFIG_VALUE_0", "*")


def test_what_root_wrote_goes_to_the_workspace_owner(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    (ws / ".git" / "objects" / "pack").mkdir(parents=True)
    (ws / "src").mkdir()
    (ws / "src" / "app.js").write_text("x")                      # the checkout: not ours, left alone
    os.chown(ws, RUNNER, RUNNER)
    (ws / ".git" / "objects" / "pack" / "pack-1.pack").write_bytes(b"PACK")   # what git fetch added
    (ws / "mp-precheck-report").mkdir()
    (ws / "mp-precheck-report" / "report.json").write_text("{}")
    (ws / ".cache" / "mp").mkdir(parents=True)
    (ws / ".cache" / "mp" / "facts.sqlite").write_bytes(b"db")
    (ws / ".cache" / "someone-elses").write_text("x")
    os.chown(ws / ".cache" / "someone-elses", OTHER, OTHER)
    outside = tmp_path / "outside.txt"
    outside.write_text("root's")
    (ws / "mp-precheck-report" / "link").symlink_to(outside)

    paths = written_paths(ws, "mp-precheck-report", ".cache/mp/facts.sqlite")
    assert hand_back(ws, paths) == []

    found = owners(ws)
    assert found.pop("src") == found.pop("src/app.js") == 0
    assert found.pop(".cache/someone-elses") == OTHER
    assert set(found.values()) == {RUNNER}, found
    assert (ws / "mp-precheck-report" / "report.json").stat().st_gid == RUNNER
    assert outside.stat().st_uid == 0                            # a link is changed, never followed


def test_a_workspace_root_owns_is_left_as_it_is(tmp_path: Path) -> None:
    (tmp_path / "mp-precheck-report").mkdir()
    assert hand_back(tmp_path, written_paths(tmp_path, "mp-precheck-report", None)) == []
    assert (tmp_path / "mp-precheck-report").stat().st_uid == 0


def test_the_paths_a_run_may_write(tmp_path: Path) -> None:
    assert written_paths(tmp_path, "r", None) == [tmp_path / "r", tmp_path / ".git"]
    assert written_paths(tmp_path, "r", "facts.db")[2:] == [
        tmp_path / "facts.db", tmp_path / "facts.db-journal", tmp_path / "facts.db-wal", tmp_path / "facts.db-shm"]
    assert written_paths(tmp_path, "r", "a/b/facts.db")[2:] == [tmp_path / "a"]
    assert written_paths(tmp_path, "r", "/elsewhere/facts.db") == [tmp_path / "r", tmp_path / ".git"]
    assert written_paths(tmp_path, "r", "../facts.db") == [tmp_path / "r", tmp_path / ".git"]


def test_a_run_as_root_leaves_nothing_root_owned(tmp_path: Path, server: FakeGitHub,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    up = Upstream(tmp_path / "upstream", LOCATION)
    ws = checkout(up, tmp_path / "workspace", depth=1)            # shallow: the run fetches into .git
    chown_tree(ws.path, RUNNER)                                    # the runner's checkout
    safe_directory(monkeypatch)
    seed_pull(server, up)

    result = Action(tmp_path, server, ws.path)(pr_event(up), cache=".cache/mp-precheck/facts.sqlite")

    assert result.code == 1, result.log
    assert (ws.path / "mp-precheck-report" / "report.json").exists()
    assert (ws.path / ".cache" / "mp-precheck" / "facts.sqlite").exists()
    assert not (ws.path / ".git" / "shallow").exists()            # deepened by git fetch as root
    root_owned = [name for name, uid in owners(ws.path).items() if uid != RUNNER]
    assert root_owned == []


def test_a_workspace_git_refuses_is_named_with_the_fix(tmp_path: Path, server: FakeGitHub,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    up = Upstream(tmp_path / "upstream", LOCATION)
    ws = checkout(up, tmp_path / "workspace")
    chown_tree(ws.path, RUNNER)
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "empty-gitconfig"))   # no safe.directory
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")

    with pytest.raises(DubiousOwnership) as err:
        GitRepo(ws.path)
    assert str(err.value) == (
        f'git refuses {ws.path}: "detected dubious ownership" (it belongs to uid {RUNNER}, git runs as uid 0): '
        f"mark it safe with `git config --global --add safe.directory {ws.path}`")

    result = Action(tmp_path, server, ws.path)(pr_event(up))
    assert result.code == 2
    assert lines(result.log, "::error::") == [f"::error::mp-precheck: {err.value}"]
    assert "not a git repository" not in result.log and server.requests == []
