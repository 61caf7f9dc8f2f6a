"""The Action on a pull request (or merge group): find what to compare, make sure the history is there,
check the change through the application layer, and publish the result: report files, job summary,
annotations and step outputs first, then the sticky comment and the commit status.

Exit codes: 0 nothing reached fail-on; 1 something did; 2 the run could not do what was asked (bad
input, missing history, no pull request) or the result could not be published, whatever the findings;
3 an internal error. A read-only token (a pull request from a fork or by Dependabot) is not a failure:
the run reports in the job summary and annotations and keeps the analysis's exit code.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from mp_precheck.app import DEFAULT_CONFIG, ConfigSource, RepositoryConfig, Run, check_change
from mp_precheck.core.errors import UserError
from mp_precheck.core.items import item_count
from mp_precheck.core.messages import Messages
from mp_precheck.core.report import Report
from mp_precheck.git.repo import GitRepo
from mp_precheck.hosts.github.advice import advice, internal_error, read_only
from mp_precheck.hosts.github.comment import Older, sync_comment
from mp_precheck.hosts.github.event import Settings, Target, cache_file, check_inputs, determine_target, repo_relative
from mp_precheck.hosts.github.history import prepare_history
from mp_precheck.hosts.github.port import CommitStatus, GitHubFailure, GitHubPort
from mp_precheck.hosts.github.runner import RunnerIO
from mp_precheck.hosts.github.status import not_analysed, state, status_description
from mp_precheck.outputs.annotations import render_annotations
from mp_precheck.outputs.markdown import COMMENT_LIMITS, SUMMARY_LIMITS, marker, render_markdown


@dataclass(frozen=True)
class Published:
    """What publishing did: the comment id (None: none posted or kept) and whether it failed."""

    comment_id: int | None = None
    failed: bool = False


def run_pull_request(settings: Settings, github: GitHubPort, runner: RunnerIO, repo: GitRepo) -> int:
    """Check one pull request (or merge group) and publish the result; return the exit code.

    Inputs: ``settings`` (validated here), the GitHub and runner ports, and the checkout. Outputs, in this
    order so that a failure to publish never loses the report: report files (JSON, notes, Markdown), the
    job summary, annotations, step outputs; then the sticky comment and the commit status on the pull
    request's head commit. Never raises: expected failures become one line and exit code 2, anything
    else one line and exit code 3 (with the traceback when ``settings.debug``).
    """
    target: Target | None = None
    try:
        target = determine_target(settings, github)
        check_inputs(settings)
        base, head = settings.base or target.base, settings.head or target.head
        prepare_history(repo, base, head, target.fetch_refs, runner)
        result = check_change(repo, base, head, config=base_config(settings, repo), language=settings.language or None,
                              cache=cache_file(settings), log=runner.log)
    except UserError as exc:
        return not_analysed(settings, github, runner, target, f"mp-precheck: {exc}", 2)
    except GitHubFailure as exc:
        line = advice(exc, "find the pull request", settings.repository)
        return not_analysed(settings, github, runner, target, line, 2)
    except Exception as exc:  # an internal error: one line, the traceback only when debugging
        return not_analysed(settings, github, runner, target, internal_error(exc, settings.debug, runner), 3)
    try:
        return _publish_run(settings, github, runner, target, result, repo)
    except Exception as exc:
        runner.error(internal_error(exc, settings.debug, runner))
        return 3


def base_config(settings: Settings, repo: GitRepo) -> ConfigSource:
    """The ``config`` input, read from git **at the merge base** (a pull request cannot relax its own
    check); without it ``.mp-precheck.yml`` of the base.

    Raises: ConfigError when the path leaves the workspace (the file missing at the base is raised when
    the config is read).
    """
    if not settings.config:
        return DEFAULT_CONFIG
    rel = repo_relative(settings.workspace, settings.config, repo.path)
    return RepositoryConfig(rel, lambda at: (
        f"input config: {rel} is not in the base revision {at[:7]} (the config is read from the base so that "
        "a pull request cannot relax its own check: merge it first)"))


def _publish_run(settings: Settings, github: GitHubPort, runner: RunnerIO, target: Target, result: Run,
                 repo: GitRepo) -> int:
    report = result.report
    fail_on = settings.fail_on or result.config.fail_on or "high"
    code = 1 if report.reaches(fail_on) else 0
    link_base = settings.link_base(report.head)

    json_path = runner.save("report.json", json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n")
    notes_path = runner.save("notes.txt", report.notes)
    summary = render_markdown(report, result.catalog, result.language, link_base=link_base, limits=SUMMARY_LIMITS,
                              full_report_where=f"`{json_path}`")  # a summary over 1 MiB points to the JSON
    runner.save("report.md", summary)
    runner.add_summary(summary)
    runner.commands(render_annotations(report, language=result.language))
    runner.set_output("risk-level", report.risk_level)
    items = item_count(report.active_findings)
    runner.set_output("items", str(items))
    runner.set_output("findings", str(items))
    runner.set_output("report-json", json_path)
    runner.set_output("notes-file", notes_path)
    where = f"<{settings.run_url}>" if settings.run_url else f"`{json_path}`"
    runner.log(f"mp-precheck: {report.base[:7]}…{report.head[:7]}: risk {report.risk_level}, "
               f"{items} item(s), fail-on {fail_on} → exit {code}")

    messages = Messages(result.language)
    comment_body = render_markdown(report, result.catalog, result.language, link_base=link_base,
                                   limits=COMMENT_LIMITS, full_report_where=where)
    clean_body = f"{marker(report.head)}\n## {messages.t('heading')}\n\n✅ **{messages.t('verdict_clean_now')}**\n"
    status = CommitStatus(state(code), status_description(report, code, fail_on, messages),
                          settings.status_name, settings.run_url)
    published = publish(settings, github, runner, target, report, comment_body, clean_body, status,
                        lambda sha: repo.is_ancestor(sha, report.head))
    runner.set_output("comment-id", str(published.comment_id) if published.comment_id else "")
    return max(code, 2) if published.failed else code


def publish(settings: Settings, github: GitHubPort, runner: RunnerIO, target: Target, report: Report,
            comment_body: str, clean_body: str, status: CommitStatus, older: Older = lambda sha: False) -> Published:
    """Post or update the sticky comment (per the ``comment`` input), then set the commit status on this
    run's head (statuses are per commit: a newer head's is never replaced). ``older(sha)``: whether a
    commit is an ancestor of the analysed head (see :func:`~mp_precheck.hosts.github.comment.sync_comment`).

    A 403 on a run whose token is read-only by design is reported once (one warning line) and ends the
    publishing without failing the run; any other failure is one error line and marks it failed. Without a
    token (``settings.has_token`` false, e.g. run by hand) nothing is posted and GitHub is not called: one line.
    """
    if not settings.has_token:
        runner.warning(settings.no_token_line("the comment and the check are"))
        return Published()
    comment_id: int | None = None
    failed = False
    if target.pull_number is not None and settings.comment != "never":
        what = f"comment on pull request #{target.pull_number}"
        try:
            comment_id = sync_comment(github, runner, target, report, settings.comment, comment_body, clean_body,
                                      older)
        except GitHubFailure as exc:
            if exc.kind == "forbidden" and target.read_only:
                runner.warning(read_only(f"{what} or set the status", target.read_only_why))
                return Published(None, False)
            runner.error(advice(exc, what, settings.repository))
            failed = True
    sha = target.status_sha or report.head
    try:
        github.set_status(sha, status)
        runner.log(f"mp-precheck: status {status.context} = {status.state} on {sha[:7]}: {status.description}")
    except GitHubFailure as exc:
        what = f"set the status {status.context} on {sha[:7]}"
        if exc.kind == "forbidden" and target.read_only:
            runner.warning(read_only(what, target.read_only_why))
        else:
            runner.error(advice(exc, what, settings.repository))
            failed = True
    return Published(comment_id, failed)
