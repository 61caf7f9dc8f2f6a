"""The commit status of a run: its state, its description (the verdict in at most 140 characters), and
the ``error`` status of a run that could not analyse, so that a required check never turns green.
https://docs.github.com/rest/commits/statuses#create-a-commit-status
"""

from __future__ import annotations

from mp_precheck.core.items import item_count
from mp_precheck.core.messages import Messages
from mp_precheck.core.report import Report
from mp_precheck.core.vocabulary import LANGUAGES
from mp_precheck.hosts.github.advice import advice
from mp_precheck.hosts.github.comment import mark_not_run
from mp_precheck.hosts.github.event import Settings, Target
from mp_precheck.hosts.github.port import CommitStatus, GitHubFailure, GitHubPort, StatusState
from mp_precheck.hosts.github.runner import RunnerIO
from mp_precheck.outputs.markdown import verdict_text

STATUS_DESCRIPTION_MAX = 140  # GitHub answers 422 above


def status_description(report: Report, code: int, fail_on: str, messages: Messages) -> str:
    """The status line, at most 140 characters: the verdict of the comment in the report's language (its
    count is of items, as in the comment), or why nothing was compared."""
    active = report.active_findings
    if report.message and not active:
        text = report.message
    elif code == 1 and report.risk_level not in ("high", "medium"):
        text = f"{item_count(active, fail_on)} item(s) reach fail-on {fail_on}"
    else:
        text = verdict_text(report, messages)  # the comment's verdict: it counts items (core/items.py)
    return truncate(text, STATUS_DESCRIPTION_MAX)


def truncate(text: str, limit: int) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis when longer."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def state(code: int) -> StatusState:
    """The status state of an exit code: success (0), failure (1: findings reach fail-on), error (2, 3)."""
    if code == 0:
        return "success"
    return "failure" if code == 1 else "error"


def not_analysed(settings: Settings, github: GitHubPort, runner: RunnerIO, target: Target | None,
                 line: str, code: int) -> int:
    """Nothing was analysed: say why (log, job summary), set an ``error`` status where there is a commit
    to put it on, so a required check never turns green, and turn an earlier sticky comment into "could
    not run" (:func:`~mp_precheck.hosts.github.comment.mark_not_run`) so no stale all-clear stays."""
    runner.error(line)
    reason = line.removeprefix("mp-precheck: ")
    runner.add_summary(f"## mp-precheck\n\n❌ {reason}\n")
    if target is not None and not settings.has_token:  # nothing to post with: no status, no comment, no call
        runner.warning(settings.no_token_line("the error status and the comment are"))
        return code
    if target is not None and target.status_sha is not None:
        status = CommitStatus("error", truncate(f"not analysed: {reason}", STATUS_DESCRIPTION_MAX),
                              settings.status_name or "mp-precheck", settings.run_url)
        try:
            github.set_status(target.status_sha, status)
        except GitHubFailure as exc:
            if not (exc.kind == "forbidden" and target.read_only):
                runner.error(advice(exc, f"set the status {status.context} on {target.status_sha[:7]}",
                                    settings.repository))
    if target is not None and settings.comment != "never":
        language = settings.language if settings.language in LANGUAGES else "zh-CN"
        try:
            mark_not_run(github, runner, target, reason, language)
        except GitHubFailure as exc:
            if not (exc.kind == "forbidden" and target.read_only):
                runner.warning(advice(exc, f"say on pull request #{target.pull_number} that the check could not run",
                                      settings.repository))
    return code
