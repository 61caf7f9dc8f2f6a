"""What a failure of the Action says: one line naming what could not be done, why, and the fix.

:func:`advice` covers every GitHub failure (pull request, commit status, release); :func:`internal_error`
is the line for a bug of ours. https://docs.github.com/rest/overview/permissions-required-for-github-apps
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass
from pathlib import Path

from mp_precheck.core.errors import ISSUES_URL
from mp_precheck.hosts.github.port import GitHubFailure
from mp_precheck.hosts.github.runner import RunnerIO

READ_ONLY_ADVICE = "see the README's workflow_run pattern"


@dataclass(frozen=True)
class Needs:
    """What a failed request needed, for the fix its line names: ``lacking`` says what the token cannot do,
    ``permissions`` the workflow permissions to grant (empty: those GitHub's answer names), ``exists``
    what must exist for GitHub to find it."""

    lacking: str
    permissions: tuple[str, ...]
    exists: str


PULL_REQUEST = Needs("the token lacks a permission", (), "the pull request is open")
RELEASE = Needs("the token cannot write releases", ("contents: write",), "the tag is pushed")


def answer(exc: GitHubFailure) -> str:
    """GitHub's answer in a few words: the HTTP status and message, or what went wrong without one."""
    return f"{exc.status} {exc.detail}".strip() if exc.status else exc.detail or "no answer"


def advice(exc: GitHubFailure, what: str, repository: str, needs: Needs = PULL_REQUEST) -> str:
    """One line: could not ``what`` (e.g. "set the status mp-precheck on abc1234"), GitHub's answer, and the
    fix; ``repository`` is ``owner/name``, ``needs`` what the request needed (:data:`PULL_REQUEST` for
    comments, statuses and pull requests; :data:`RELEASE` for the release body). A failure without an HTTP
    status (``not_found``, ``rejected``) carries its own explanation, which is given as it is."""
    said = answer(exc)
    head = f"mp-precheck: could not {what}"
    if exc.kind == "forbidden":
        permissions = needs.permissions or exc.permissions
        if permissions:
            alternatives = sorted(permissions, key=lambda p: "pull-requests" not in p)
            grant = " or ".join(f"`{p}`" for p in alternatives)
            return f"{head}: {needs.lacking} (GitHub answered {said}): grant {grant} under `permissions:` in the " \
                   "workflow"
        return f"{head}: GitHub answered {said}: check the token's permissions (`pull-requests: write`, " \
               "`statuses: write`)"
    if exc.kind == "unauthorized":
        return f"{head}: GitHub refused the token ({said}): check the github-token input"
    if exc.kind in ("not_found", "rejected") and exc.status is None:
        return f"{head}: {exc.detail}"
    if exc.kind == "not_found":
        return f"{head}: GitHub answered {said} in {repository}: check that the token can see the repository " \
               f"and that {needs.exists}"
    if exc.kind == "rate_limited":
        return f"{head}: GitHub's rate limit was reached and does not reset soon ({said}): re-run the job later"
    if exc.kind == "unavailable":
        return f"{head}: GitHub is unavailable ({said}): re-run the job; the analysis itself finished " \
               "(see the job summary)"
    return f"{head}: GitHub rejected the request ({said}): please report it at {ISSUES_URL}"


def read_only(what: str, why: str) -> str:
    """The line for a write refused to a token that is read-only by design (``why``: a fork, Dependabot)."""
    return f"mp-precheck: could not {what}: the token is read-only ({why}): {READ_ONLY_ADVICE}"


def internal_error(exc: BaseException, debug: bool, runner: RunnerIO) -> str:
    """The line for an unexpected error (a bug of ours): its type and place, and where to report it; with
    ``debug`` the traceback goes to the log first."""
    if debug:
        for line in traceback.format_exception(exc):
            runner.log(line.rstrip())
    where = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    place = f" at {Path(where.filename).name}:{where.lineno}" if where else ""
    return (f"mp-precheck: internal error ({type(exc).__name__}{place}); please report it at {ISSUES_URL} "
            "with the log of a re-run with debug logging enabled")
