"""Making sure the checkout holds the history a run compares: actions/checkout clones one commit deep by
default (``fetch-depth: 1``), and a ``pull_request_target`` or ``workflow_run`` checkout lacks the pull
request's commits. Fetching adds git objects and tags only: nothing is checked out, nothing runs.
https://github.com/actions/checkout#usage
"""

from __future__ import annotations

from mp_precheck.core.errors import MissingMergeBase, UnknownRevision, UserError
from mp_precheck.git.repo import GitRepo
from mp_precheck.hosts.github.runner import RunnerIO
from mp_precheck.notes.release import list_tags


def prepare_history(repo: GitRepo, base: str, head: str, fetch_refs: tuple[str, ...], runner: RunnerIO) -> None:
    """Make sure ``base``, ``head`` and their merge base are in the clone.

    A shallow clone (actions/checkout's default ``fetch-depth: 1``) is made complete with
    ``git fetch --unshallow``; a complete clone that lacks a commit (a ``pull_request_target`` or
    ``workflow_run`` checkout of the base branch) fetches ``fetch_refs`` from ``origin``. Fetching adds
    git objects only: nothing is checked out, nothing from the pull request runs.

    Raises:
        MissingMergeBase: the history is still missing (the line names the fix: ``fetch-depth: 0``).
    """
    shallow = repo.is_shallow()
    if not shallow and _has_history(repo, base, head):
        return
    refspecs = [f"+{ref}:refs/remotes/mp-precheck/{ref.removeprefix('refs/')}" for ref in fetch_refs]
    args = ["fetch", "--no-tags", "--quiet", *(["--unshallow"] if shallow else []), "origin", *refspecs]
    why = "the clone is shallow" if shallow else f"the clone lacks {base[:12]} or {head[:12]}"
    runner.log(f"mp-precheck: {why}: git {' '.join(args)}")
    fix = "check out with actions/checkout and fetch-depth: 0"
    try:
        repo.run(*args)
    except UserError as exc:
        raise MissingMergeBase(f"{why} and fetching the history failed ({exc}): {fix}") from exc
    if not _has_history(repo, base, head):
        raise MissingMergeBase(f"{base[:12]} and {head[:12]} have no common history in the clone: {fix}")


def _has_history(repo: GitRepo, base: str, head: str) -> bool:
    try:
        return repo.merge_base(repo.resolve(base), repo.resolve(head)) is not None
    except UnknownRevision:
        return False


def prepare_tags(repo: GitRepo, tag: str, runner: RunnerIO) -> None:
    """Make sure the clone has the history and the tags the range needs: a shallow clone (actions/checkout's
    default ``fetch-depth: 1``) runs ``git fetch --unshallow --tags``; a complete clone that has no tag
    but ``tag`` runs ``git fetch --tags``. Fetching adds git objects and tags only.

    Raises:
        MissingMergeBase: a shallow clone could not be deepened (the line names ``fetch-depth: 0``).
    """
    shallow = repo.is_shallow()
    if shallow:
        args, why = ["fetch", "--quiet", "--unshallow", "--tags", "origin"], "the clone is shallow"
    elif any(t.name != tag for t in list_tags(repo)):
        return
    else:
        args, why = ["fetch", "--quiet", "--tags", "origin"], f"the clone has no tag but {tag}"
    runner.log(f"mp-precheck: {why}: git {' '.join(args)}")
    try:
        repo.run(*args)
    except UserError as exc:
        if shallow:
            raise MissingMergeBase(f"{why} and fetching the history failed ({exc}): check out with actions/checkout "
                                   "and fetch-depth: 0") from exc
        runner.warning(f"mp-precheck: could not fetch the tags ({exc}): without an earlier tag, {tag} is taken as "
                       "the first release (check out with actions/checkout and fetch-depth: 0)")
