"""What the Action writes into the runner's workspace goes back to the workspace's owner.

A Docker action runs as root while the runner's user (uid 1001 on GitHub-hosted runners) owns
``GITHUB_WORKSPACE`` (https://docs.github.com/en/actions/sharing-automations/creating-actions/dockerfile-support-for-github-actions#user).
Files a root process leaves there can be read but not deleted by that user, which breaks the next checkout
on a self-hosted runner. :func:`hand_back` gives what the run created the workspace owner's uid and gid:
the report folder, the fact cache (with SQLite's side files and any folder made for it), and what
``git fetch`` added under ``.git`` (objects, tags, ``shallow``).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

SQLITE_SIDE_FILES = ("-journal", "-wal", "-shm")


def written_paths(workspace: Path, report_dir: str, cache: str | None) -> list[Path]:
    """The top-level entries of ``workspace`` a run may have written: ``report_dir``, ``.git`` and the
    first path component of ``cache`` (a path; outside the workspace: left alone) with SQLite's side
    files when the cache sits at the top."""
    paths = [workspace / report_dir, workspace / ".git"]
    if cache:
        try:
            rel = Path(os.path.abspath(workspace / cache)).relative_to(os.path.abspath(workspace))
        except ValueError:
            return paths
        if rel.parts:
            top = workspace / rel.parts[0]
            paths.append(top)
            if len(rel.parts) == 1:
                paths += [top.with_name(top.name + side) for side in SQLITE_SIDE_FILES]
    return paths


def hand_back(workspace: Path, paths: Iterable[Path]) -> list[str]:
    """Give every file and folder under ``paths`` that root owns to the owner of
    ``workspace`` (uid and gid), when this process runs as root and the workspace belongs to someone else;
    otherwise change nothing. Symbolic links are changed themselves, never followed; missing paths are
    skipped. Returns one line per path that could not be changed (the run goes on: it only matters for
    cleaning up)."""
    if os.geteuid() != 0:
        return []
    try:
        owner = workspace.stat()
    except OSError as exc:
        return [f"{workspace} ({exc.strerror})"]
    if owner.st_uid == 0:
        return []
    problems: list[str] = []
    for path in _under(paths):
        try:
            if path.lstat().st_uid == 0:
                os.lchown(path, owner.st_uid, owner.st_gid)
        except FileNotFoundError:
            continue
        except OSError as exc:
            problems.append(f"{path} ({exc.strerror})")
    return problems


def _under(paths: Iterable[Path]) -> Iterator[Path]:
    for top in paths:
        if not os.path.lexists(top):
            continue
        yield top
        if top.is_dir() and not top.is_symlink():
            for folder, dirs, files in os.walk(top):
                for name in (*dirs, *files):
                    yield Path(folder, name)
