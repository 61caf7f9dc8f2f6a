"""The sticky comment: exactly one comment of ours on a pull request, found by its hidden marker and its
author, updated in place, left alone by a run that a newer commit has overtaken.
https://docs.github.com/rest/issues/comments
"""

from __future__ import annotations

import re

from mp_precheck.core.messages import Messages
from mp_precheck.core.report import Report
from mp_precheck.hosts.github.event import Target
from mp_precheck.hosts.github.port import GitHubPort
from mp_precheck.hosts.github.runner import RunnerIO
from mp_precheck.outputs.escape import md_text
from mp_precheck.outputs.markdown import MARKER_PREFIX, marker

_MARKER = re.compile(r"<!--\s*mp-precheck:comment\b(?P<attrs>.*?)-->", re.DOTALL)


def sync_comment(github: GitHubPort, runner: RunnerIO, target: Target, report: Report, mode: str,
                 body: str, clean_body: str) -> int | None:
    """Keep exactly one comment of ours on the pull request; return its id (None: none is needed, or this
    run is stale and left it alone).

    Ours = written by the token's identity and holding the marker (any version); a comment by anyone else
    is never touched, marker or not. Every page of comments is read. With ``on-risk`` a clean report posts
    nothing new and turns an existing comment into ``clean_body``. Before writing, the pull request's head
    is read again: when it moved past this run's head and the comment describes another commit, a newer
    run owns the comment and this one leaves it alone (overlapping runs). Duplicates of ours (two runs
    that both created one, or a POST retried after a 502 that had gone through) are deleted, the oldest
    is kept.

    Raises: :class:`~mp_precheck.hosts.github.port.GitHubFailure` (CannotPostComment, CannotDeterminePR).
    """
    assert target.pull_number is not None
    number = target.pull_number
    me = github.identity()
    mine = [c for c in github.comments(number) if is_ours(c.body, c.author, me)]
    if mode == "on-risk" and not report.active_findings:
        if not mine:
            runner.log("mp-precheck: no review risks and comment: on-risk: no comment posted")
            return None
        body = clean_body
    current_head = github.pull_request(number).head_sha
    our_head = target.status_sha or report.head
    moved = current_head != our_head
    keep = mine[0] if mine else None
    fresh = github.comment(number, keep.id) if keep is not None else None  # None: deleted meanwhile
    if keep is not None and fresh is not None:
        if moved and marker_head(fresh.body) != report.head:
            runner.log(f"mp-precheck: left comment {keep.id} alone: pull request #{number} is at "
                       f"{current_head[:7]} now, newer than this run's {our_head[:7]}; its run updates it")
            return keep.id
        if fresh.body != body:
            github.edit_comment(number, keep.id, body)
            runner.log(f"mp-precheck: updated comment {keep.id} on pull request #{number}")
        else:
            runner.log(f"mp-precheck: comment {keep.id} on pull request #{number} is up to date")
        for extra in mine[1:]:
            github.delete_comment(number, extra.id)
        return keep.id
    if moved:
        runner.log(f"mp-precheck: no comment posted: pull request #{number} is at {current_head[:7]} now, "
                   f"newer than this run's {our_head[:7]}; its run posts it")
        return None
    created = github.create_comment(number, body)
    runner.log(f"mp-precheck: posted comment {created.id} on pull request #{number}")
    return created.id


def mark_not_run(github: GitHubPort, runner: RunnerIO, target: Target, reason: str, language: str) -> int | None:
    """When the check could not run (``reason``, one line), turn our sticky comment, if there is one, into
    a short "could not run, and why", so that no earlier all-clear stays next to the ``error`` status;
    return its id. Nothing is posted when there is no comment of ours, and a comment that a newer head's
    run owns is left alone (as in :func:`sync_comment`).

    Raises: :class:`~mp_precheck.hosts.github.port.GitHubFailure`.
    """
    number = target.pull_number
    if number is None:
        return None
    me = github.identity()
    mine = [c for c in github.comments(number) if is_ours(c.body, c.author, me)]
    if not mine:
        return None
    our_head = target.status_sha or target.head
    current_head = github.pull_request(number).head_sha
    fresh = github.comment(number, mine[0].id)
    if fresh is None or (current_head != our_head and marker_head(fresh.body) != our_head):
        return None
    t = Messages(language).t
    verdict = t("not_run", reason=md_text(reason))
    body = f"{marker(our_head)}\n## {t('heading')}\n\n❌ **{verdict}**\n\n{t('not_run_hint')}\n"
    github.edit_comment(number, fresh.id, body)
    runner.log(f"mp-precheck: comment {fresh.id} on pull request #{number} now says the check could not run")
    return fresh.id


def is_ours(body: str, author: str, me: str) -> bool:
    """Whether a comment is the sticky comment of this identity: the marker (any version) and our login."""
    return author.lower() == me.lower() and MARKER_PREFIX in body


def marker_head(body: str) -> str | None:
    """The head commit recorded in a comment's marker, or None (an old marker without one)."""
    found = _MARKER.search(body)
    if found is None:
        return None
    head = re.search(r"\bhead=([0-9a-fA-F]{7,40})\b", found.group("attrs"))
    return head.group(1).lower() if head else None
