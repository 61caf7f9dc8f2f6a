"""``mp-precheck diff --staged`` (the pre-commit hook) on a real repository: the index against HEAD, with
nothing in the repository changed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import Repo
from helpers import cli

ROOT = Path(__file__).resolve().parents[1]
RISKY = "Page({ onLoad() { wx.getLocation({}) } })\n"


def state(repo: Repo) -> tuple[str, str, str, str]:
    """Everything the check must leave alone: HEAD, the refs, the index's entries and the work tree status."""
    return (repo.git("rev-parse", "HEAD"), repo.git("for-each-ref"), repo.git("ls-files", "-s"),
            repo.git("status", "--porcelain"))


def test_a_staged_risky_change_fails(app_repo: Repo):
    app_repo.write("pages/me/me.js", RISKY)
    app_repo.git("add", "pages/me/me.js")
    before = state(app_repo)
    code, out, err = cli("diff", "--staged", "--repo", str(app_repo.path), "--format", "json")
    assert (code, err) == (1, "")
    data = json.loads(out)
    assert data["base"] == before[0]
    assert [(f["rule"], f["path"], f["line"]) for f in data["findings"]][:1] == [("privacy.location", "pages/me/me.js", 1)]
    assert state(app_repo) == before
    assert (app_repo.path / "pages/me/me.js").read_text(encoding="utf-8") == RISKY


def test_an_unstaged_change_is_ignored(app_repo: Repo):
    app_repo.write("pages/me/me.js", RISKY)
    before = state(app_repo)
    code, out, _ = cli("diff", "--staged", "--repo", str(app_repo.path), "--format", "json")
    assert code == 0
    assert json.loads(out)["findings"] == []
    assert state(app_repo) == before


def test_only_the_staged_part_counts(app_repo: Repo):
    app_repo.write("pages/me/me.js", "Page({ pay() { wx.requestPayment({}) } })\n")
    app_repo.git("add", "pages/me/me.js")
    app_repo.write("pages/me/me.js", RISKY)               # edited again after staging: not checked
    code, out, _ = cli("diff", "--staged", "--repo", str(app_repo.path), "--format", "json")
    assert code == 0
    assert [f["rule"] for f in json.loads(out)["findings"]] == ["payment.request_payment"]


def test_staged_with_base_is_refused(app_repo: Repo):
    code, _, err = cli("diff", "--staged", "--base", "HEAD", "--repo", str(app_repo.path))
    assert (code, err) == (2, "mp-precheck: --staged compares the index with HEAD: leave out --base and --head\n")


def test_staged_before_the_first_commit(repo: Repo):
    repo.write("app.json", "{}\n")
    repo.git("add", "app.json")
    code, _, err = cli("diff", "--staged", "--repo", str(repo.path))
    assert code == 2
    assert err == "mp-precheck: --staged compares the index with HEAD, and nothing is committed yet: make a first commit\n"


def test_staged_with_merge_conflicts(app_repo: Repo):
    app_repo.git("checkout", "-q", "-b", "other")
    app_repo.write("pages/me/me.js", "Page({ a: 1 })\n")
    app_repo.commit("other")
    app_repo.git("checkout", "-q", "main")
    app_repo.write("pages/me/me.js", "Page({ a: 2 })\n")
    app_repo.commit("main")
    with pytest.raises(subprocess.CalledProcessError):    # the conflict is left in the index
        app_repo.git("merge", "-q", "other")
    code, _, err = cli("diff", "--staged", "--repo", str(app_repo.path))
    assert code == 2
    assert err.startswith("mp-precheck: cannot read the staged change: the index has unresolved merge conflicts")


def test_pre_commit_hook_definition():
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert {k: hook[k] for k in ("id", "language", "entry", "pass_filenames", "always_run")} == {
        "id": "mp-precheck", "language": "python", "entry": "mp-precheck diff --staged --format text", "pass_filenames": False,
        "always_run": True}


@pytest.mark.slow
def test_as_a_git_pre_commit_hook(app_repo: Repo):
    hook = app_repo.path / ".git" / "hooks" / "pre-commit"
    hook.parent.mkdir(parents=True, exist_ok=True)
    [definition] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    args = definition["entry"].removeprefix("mp-precheck ")
    hook.write_text(f"#!/bin/sh\nexec {sys.executable} -m mp_precheck {args} --language en\n", encoding="utf-8")
    hook.chmod(0o755)
    head = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.js", RISKY)
    app_repo.git("add", "pages/me/me.js")
    with pytest.raises(subprocess.CalledProcessError) as refused:
        app_repo.git("commit", "-q", "-m", "map")
    printed = (refused.value.stdout + refused.value.stderr).decode("utf-8")  # hooks print to stderr
    assert "pages/me/me.js:1:22  privacy.location  " in printed           # the terminal format, not Markdown
    assert "###" not in printed and "<details>" not in printed and "\x1b[" not in printed
    assert app_repo.git("rev-parse", "HEAD") == head
    # `git commit <path>` commits from a temporary index (GIT_INDEX_FILE): that is what gets checked
    app_repo.write("pages/index/index.wxml", "<view>首页</view>\n")
    app_repo.git("reset", "-q")
    with pytest.raises(subprocess.CalledProcessError):
        app_repo.git("commit", "-q", "-m", "both", "pages/me/me.js")
    app_repo.git("commit", "-q", "-m", "wording", "pages/index/index.wxml")
    assert app_repo.git("diff", "--name-only", "HEAD~1", "HEAD") == "pages/index/index.wxml"


def test_nothing_staged_is_said_plainly_with_head_as_both_ends(app_repo: Repo):
    app_repo.write("pages/me/me.js", RISKY)                 # edited but not staged
    head = app_repo.git("rev-parse", "HEAD")
    code, out, _ = cli("diff", "--staged", "--repo", str(app_repo.path), "--format", "json")
    data = json.loads(out)
    assert (code, data["base"], data["head"]) == (0, head, head)
    assert data["message"] == "nothing is staged: the index is the same as HEAD; git add the files to check"
    code, out, _ = cli("diff", "--staged", "--repo", str(app_repo.path), "--format", "text", "--language", "en")
    assert code == 0
    assert "Nothing is staged" in out
    assert "No Mini Program files" not in out


def test_a_staged_change_to_no_mini_program_file_is_not_called_nothing_staged(app_repo: Repo):
    app_repo.write("README.md", "notes\n")
    app_repo.git("add", "README.md")
    code, out, _ = cli("diff", "--staged", "--repo", str(app_repo.path), "--format", "json")
    assert code == 0
    assert json.loads(out)["message"] == "no Mini Program files in this change"
