"""Build a throw-away git repository from a bundled example: ``base/`` as the first commit on ``main``,
then each commit of ``feature/commits.yml`` on a ``feature`` branch.

Usage: python examples/build_example.py EXAMPLE_DIR TARGET_DIR   (prints "<base sha> <head sha>")
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
from pathlib import Path

import yaml

_ENV = {
    "GIT_AUTHOR_NAME": "Example Dev", "GIT_AUTHOR_EMAIL": "dev@example.invalid",
    "GIT_COMMITTER_NAME": "Example Dev", "GIT_COMMITTER_EMAIL": "dev@example.invalid",
    "GIT_CONFIG_NOSYSTEM": "1",
}


def _git(target: Path, *args: str, date: str | None = None) -> str:
    env = dict(os.environ, **_ENV)
    env["GIT_CONFIG_GLOBAL"] = os.devnull
    if date:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = date
    proc = subprocess.run(["git", *args], cwd=target, env=env, capture_output=True, text=True, check=True)
    return proc.stdout.strip()


def build(example: Path, target: Path) -> tuple[str, str]:
    """Create the repository in ``target`` (replaced if present); return (base sha, head sha)."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(example / "base", target)
    _git(target, "init", "-q", "-b", "main")
    _git(target, "config", "core.autocrlf", "false")
    _git(target, "add", "-A")
    _git(target, "commit", "-q", "-m", "chore: 初始版本", date="2026-11-01T10:00:00+08:00")
    base = _git(target, "rev-parse", "HEAD")
    _git(target, "checkout", "-q", "-b", "feature")
    spec = yaml.safe_load((example / "feature" / "commits.yml").read_text(encoding="utf-8"))
    for day, commit in enumerate(spec["commits"], start=2):
        for move in commit.get("move") or []:
            (target / move["to"]).parent.mkdir(parents=True, exist_ok=True)
            _git(target, "mv", move["from"], move["to"])
        for path in commit.get("delete") or []:
            _git(target, "rm", "-q", path)
        for path, content in (commit.get("write") or {}).items():
            file = target / path
            file.parent.mkdir(parents=True, exist_ok=True)
            file.write_text(content, encoding="utf-8")
        _git(target, "add", "-A")
        _git(target, "commit", "-q", "-m", commit["message"], date=f"2026-11-{day:02d}T10:00:00+08:00")
    return base, _git(target, "rev-parse", "HEAD")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("example", type=Path, help="an example folder, e.g. examples/native-shop")
    parser.add_argument("target", type=Path, help="where to build the repository (replaced if present)")
    args = parser.parse_args()
    base_sha, head_sha = build(args.example, args.target)
    print(base_sha, head_sha)


if __name__ == "__main__":
    main()
