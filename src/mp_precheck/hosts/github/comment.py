"""The sticky comment: exactly one comment of ours on a pull request, found by its hidden marker and its
author, updated in place; when runs overlap, the run of the newer head always wins.
https://docs.github.com/rest/issues/comments
"""

from __future__ import annotations

import re
from collections.abc import Callable

from mp_precheck.core.lazyre import lazy
from mp_precheck.core.messages import Messages
from mp_precheck.core.report import Report
from mp_precheck.hosts.github.event import Target
from mp_precheck.hosts.github.port import GITHUB_ACTIONS_BOT, Comment, GitHubFailure, GitHubPort
from mp_precheck.hosts.github.runner import RunnerIO
from mp_precheck.outputs.escape import md_text
from mp_precheck.outputs.markdown import marker

_MARKER = lazy(r"<!--\s*mp-precheck:comment\b(?P<attrs>.*?)-->", re.DOTALL)

Older = Callable[[str], bool]
"""Whether a commit id (full or abbreviated) is an ancestor of this run's head in the checkout."""


def sync_comment(github: GitHubPort, runner: RunnerIO, target: Target, report: Report, mode: str,
                 body: str, clean_body: str, older: Older = lambda sha: False) -> int | None:
    """Keep exactly one comment of ours on the pull request; return its id (None: none is needed, or this
    run is stale and posted none).

    Ours = holding the marker (any version, any spacing) and written by the token's identity; when the
    token cannot tell its login (an installation token), by a bot, and the identity is learned from the
    comment (a warning names the ``bot-login`` input when it is not ``github-actions[bot]``). A comment by
    anyone else is never touched, marker or not. Every page of comments is read. With ``on-risk`` a clean
    report posts nothing new and turns an existing comment into ``clean_body``.

    Overlapping runs: the comment is read again right before the edit and its marker's head decides: a
    head that ``older`` says is an ancestor of this run's is overwritten; any other head is overwritten
    only while the pull request's head is still this run's (read again when the first read is not
    decisive), so the newer head always wins. A run overtaken by a newer push posts no first comment.

    Duplicates of ours are deleted, the oldest kept. A create that GitHub answers 5xx may have been
    carried out: the comments are read again before posting once more, and the id returned is the one
    that stays.

    Raises: :class:`~mp_precheck.hosts.github.port.GitHubFailure` (CannotPostComment, CannotDeterminePR).
    """
    assert target.pull_number is not None
    number = target.pull_number
    me = github.identity()
    mine = ours(github.comments(number), me)
    if mode == "on-risk" and not report.active_findings:
        if not mine:
            runner.log("mp-precheck: no review risks and comment: on-risk: no comment posted")
            return None
        body = clean_body
    our_head = target.status_sha or report.head
    current = github.pull_request(number).head_sha
    fresh = github.comment(number, mine[0].id) if mine else None  # read again right before the edit
    if fresh is not None:
        newer = _newer_head(fresh, our_head, current, older, lambda: github.pull_request(number).head_sha)
        if newer is not None:
            runner.log(f"mp-precheck: left comment {fresh.id} alone: pull request #{number} is at {newer[:7]} "
                       f"now, newer than this run's {our_head[:7]}; its run updates it")
            return fresh.id
        if fresh.body != body:
            github.edit_comment(number, fresh.id, body)
            runner.log(f"mp-precheck: updated comment {fresh.id} on pull request #{number}")
        else:
            runner.log(f"mp-precheck: comment {fresh.id} on pull request #{number} is up to date")
        for extra in mine[1:]:
            github.delete_comment(number, extra.id)
        warn_identity(runner, me, fresh.author)
        return fresh.id
    if current != our_head:
        runner.log(f"mp-precheck: no comment posted: pull request #{number} is at {current[:7]} now, "
                   f"newer than this run's {our_head[:7]}; its run posts it")
        return None
    created = _create(github, runner, number, body, me, report.head)
    warn_identity(runner, me, created.author)
    return created.id


def _newer_head(fresh: Comment, our_head: str, current: str, older: Older,
                read_head: Callable[[], str]) -> str | None:
    """The newer head whose run owns the comment ``fresh`` (just read), or None: this run may write it."""
    theirs = marker_head(fresh.body)
    if theirs is None or our_head.startswith(theirs) or older(theirs):
        return None
    if current != our_head:
        return current
    now = read_head()  # the first read may be stale: a newer run may have written since
    return None if now == our_head else now


def _create(github: GitHubPort, runner: RunnerIO, number: int, body: str, me: str | None, head: str) -> Comment:
    """Post the comment; when GitHub answers 5xx, look for it before posting again (the write may have
    gone through) and keep the oldest of ours for this head."""
    try:
        created = github.create_comment(number, body)
    except GitHubFailure as exc:
        if exc.kind != "unavailable":
            raise
        found = [c for c in ours(github.comments(number), me) if marker_head(c.body) == head.lower()]
        if not found:
            runner.log(f"mp-precheck: GitHub answered {exc.status} to the new comment and has none: posting again")
            created = github.create_comment(number, body)
        else:
            created = found[0]
            runner.log(f"mp-precheck: GitHub answered {exc.status} but had posted comment {created.id}")
            for extra in found[1:]:
                github.delete_comment(number, extra.id)
    runner.log(f"mp-precheck: posted comment {created.id} on pull request #{number}")
    return created


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
    mine = ours(github.comments(number), github.identity())
    if not mine:
        return None
    our_head = target.status_sha or target.head
    current = github.pull_request(number).head_sha
    fresh = github.comment(number, mine[0].id)
    if fresh is None or _newer_head(fresh, our_head, current, lambda sha: False, lambda: current) is not None:
        return None
    t = Messages(language).t
    verdict = t("not_run", reason=md_text(reason))
    body = f"{marker(our_head)}\n## {t('heading')}\n\n❌ **{verdict}**\n\n{t('not_run_hint')}\n"
    github.edit_comment(number, fresh.id, body)
    runner.log(f"mp-precheck: comment {fresh.id} on pull request #{number} now says the check could not run")
    return fresh.id


def ours(comments: list[Comment], me: str | None) -> list[Comment]:
    """The comments of ours among ``comments``, oldest first: by ``me`` with the marker; when ``me`` is
    unknown (None), by the bot that wrote the oldest comment with the marker (a person's never)."""
    if me is None:
        bots = [c for c in comments if c.author.lower().endswith("[bot]") and is_ours(c.body, c.author, c.author)]
        if not bots:
            return []
        me = bots[0].author
    return [c for c in comments if is_ours(c.body, c.author, me)]


def warn_identity(runner: RunnerIO, me: str | None, author: str) -> None:
    """When the token could not tell its login and the comment is by an App's bot rather than the
    workflow token's, one warning names the ``bot-login`` input (without it a comment by another App's bot
    with the marker would be taken for ours)."""
    if me is None and author.lower() != GITHUB_ACTIONS_BOT:
        runner.warning(f"mp-precheck: the token cannot read its own login (an installation token): this run took "
                       f"{author} as its identity from the sticky comment; set the bot-login input to {author}")


def is_ours(body: str, author: str, me: str) -> bool:
    """Whether a comment is the sticky comment of this identity: the marker (any version, any spacing
    inside ``<!--``) and our login."""
    return author.lower() == me.lower() and _MARKER.search(body) is not None


def marker_head(body: str) -> str | None:
    """The head commit recorded in a comment's marker, or None (an old marker without one)."""
    found = _MARKER.search(body)
    if found is None:
        return None
    head = re.search(r"\bhead=([0-9a-fA-F]{7,40})\b", found.group("attrs"))
    return head.group(1).lower() if head else None
