"""The GitHub Action's glue: :func:`run` takes every object that does I/O and turns one analysis into a
sticky comment, a commit status, annotations, a job summary, report files and step outputs.

Ports: :class:`~mp_precheck.hosts.github.port.GitHubPort` (the REST API), :class:`RunnerIO` (the runner's log,
outputs, job summary and files) and a :class:`~mp_precheck.git.repo.GitRepo` (the checkout). Only
``entrypoint.py`` builds the real ones; this module reads no environment variable and imports no
PyGithub. Every expected failure is named and becomes one line that says what happened and the fix.

Exit codes: 0 nothing reached fail-on; 1 something did; 2 the action could not do what was
asked — bad input, missing history, no pull request, or the result could not be published (status or
comment), whatever the findings; 3 an internal error. A read-only token (a pull request from a fork or
by Dependabot) is not a failure: the run reports in the job summary and annotations and keeps the
analysis's exit code.

Release mode (a pushed tag, :func:`run_release`): the notes of the range previous tag → this tag go to
report files, the job summary, step outputs and the tag's GitHub Release body (between a marker pair,
keeping what people wrote outside it). It exits 0 whatever the findings — the tag is already pushed,
``fail-on`` is not applied, and risks are acted on in pull requests — 2 when the range cannot be
determined or the release cannot be written (a 403 names ``contents: write``), 3 on an internal error.
"""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile
import traceback
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Protocol, TextIO

from mp_precheck.cli import ISSUES_URL, PullLookup, Run, analyse, draft_release
from mp_precheck.core.errors import ConfigError, MissingMergeBase, UnknownRevision, UserError
from mp_precheck.core.messages import Messages
from mp_precheck.core.report import Report
from mp_precheck.core.secrets import redact
from mp_precheck.core.vocabulary import FAIL_ON, LANGUAGES
from mp_precheck.git.repo import GitRepo
from mp_precheck.hosts.github.port import (
    CannotDeterminePR,
    CannotPostComment,
    CannotPublishRelease,
    CannotSetStatus,
    CommitStatus,
    GitHubFailure,
    GitHubPort,
    StatusState,
)
from mp_precheck.notes.changelog import PullInfo
from mp_precheck.notes.release import (
    ReleaseDraft,
    fitted_body,
    is_prerelease,
    list_tags,
    render_release_section,
    tag_commit,
    tag_name,
)
from mp_precheck.outputs.annotations import command, render_annotations
from mp_precheck.outputs.markdown import COMMENT_LIMITS, MARKER_PREFIX, SUMMARY_LIMITS, marker, render_markdown

Mode = Literal["pr", "release"]
MODES = ("auto", "pr", "release")
COMMENT_MODES = ("always", "on-risk", "never")
PR_EVENTS = ("pull_request", "pull_request_target", "merge_group", "workflow_run")
REPORT_DIR = "mp-precheck-report"
STATUS_DESCRIPTION_MAX = 140  # GitHub answers 422 above
READ_ONLY_ADVICE = "see the README's workflow_run pattern"
MAX_PULL_LOOKUPS = 200  # pull requests of a release read from the API; beyond, their commit messages speak
_MARKER = re.compile(r"<!--\s*mp-precheck:comment\b(?P<attrs>.*?)-->", re.DOTALL)
_SHA = re.compile(r"^[0-9a-f]{40}$")


@dataclass(frozen=True)
class Settings:
    """One run's settings: the action's inputs (empty string = not given) and the runner's context.

    ``event`` is the webhook payload of ``GITHUB_EVENT_PATH``; ``workspace`` the checkout
    (``GITHUB_WORKSPACE``); ``server_url`` the web root for links (``GITHUB_SERVER_URL``, differs on
    GitHub Enterprise Server). Inputs are validated by :func:`run`, not here.
    """

    event_name: str
    repository: str
    workspace: Path
    event: Mapping[str, Any] = field(default_factory=dict, hash=False)
    server_url: str = "https://github.com"
    run_id: str = ""
    ref: str = ""
    actor: str = ""
    config: str = ""
    language: str = ""
    fail_on: str = ""
    comment: str = "always"
    status_name: str = "mp-precheck"
    base: str = ""
    head: str = ""
    mode: str = "auto"
    cache: str = ""
    debug: bool = False

    @property
    def run_url(self) -> str | None:
        """The workflow run's page (where the job summary is), or None outside a run."""
        if not self.run_id:
            return None
        return f"{self.server_url.rstrip('/')}/{self.repository}/actions/runs/{self.run_id}"


@dataclass(frozen=True)
class Target:
    """What one run checks: the revisions to compare, the commit that gets the status (None: the analysed
    head), the pull request (None for a merge group), whether the token is expected to be read-only, and
    which remote refs hold the history when the checkout lacks it."""

    base: str
    head: str
    status_sha: str | None
    pull_number: int | None
    read_only: bool = False
    read_only_why: str = ""
    fetch_refs: tuple[str, ...] = ()


class RunnerIO(Protocol):
    """The runner around the action: its log, step outputs, job summary and a folder for report files."""

    def log(self, line: str) -> None:
        """One plain line in the job log."""
        ...

    def warning(self, line: str) -> None:
        """One line shown as a warning (a workflow-command annotation without a file)."""
        ...

    def error(self, line: str) -> None:
        """One line shown as an error."""
        ...

    def commands(self, text: str) -> None:
        """Workflow commands, already escaped (see :mod:`mp_precheck.outputs.annotations`)."""
        ...

    def set_output(self, name: str, value: str) -> None:
        """Set a step output."""
        ...

    def add_summary(self, markdown: str) -> None:
        """Append Markdown to the job summary."""
        ...

    def save(self, name: str, text: str) -> str:
        """Write a report file; return its path as later steps of the job see it."""
        ...


class FileRunner:
    """:class:`RunnerIO` on a GitHub runner: stdout is the log, ``GITHUB_OUTPUT`` and
    ``GITHUB_STEP_SUMMARY`` are files (None: not available, skipped), report files go to
    ``mp-precheck-report/`` in the workspace and are given as paths relative to it (the container sees
    the workspace at another absolute path than the steps after it)."""

    def __init__(self, workspace: Path, output: str | None, summary: str | None,
                 stream: TextIO | None = None) -> None:
        self.workspace = workspace
        self.output = output or None
        self.summary = summary or None
        self.stream = stream

    def _write(self, text: str) -> None:
        out = self.stream or sys.stdout
        out.write(redact(text))
        out.flush()

    def log(self, line: str) -> None:
        self._write(" ".join(line.split()) + "\n")

    def warning(self, line: str) -> None:
        self._write(command("warning", " ".join(line.split())) + "\n")

    def error(self, line: str) -> None:
        self._write(command("error", " ".join(line.split())) + "\n")

    def commands(self, text: str) -> None:
        if text:
            self._write(text if text.endswith("\n") else text + "\n")

    def set_output(self, name: str, value: str) -> None:
        if self.output is None:
            return
        value = redact(value)
        if "\n" in value or "\r" in value:
            delimiter = f"ghadelimiter_{uuid.uuid4()}"
            entry = f"{name}<<{delimiter}\n{value}\n{delimiter}\n"
        else:
            entry = f"{name}={value}\n"
        with open(self.output, "a", encoding="utf-8") as fh:
            fh.write(entry)

    def add_summary(self, markdown: str) -> None:
        if self.summary is None:
            return
        with open(self.summary, "a", encoding="utf-8") as fh:
            fh.write(redact(markdown if markdown.endswith("\n") else markdown + "\n"))

    def save(self, name: str, text: str) -> str:
        folder = self.workspace / REPORT_DIR
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(redact(text), encoding="utf-8")
        return f"{REPORT_DIR}/{name}"


@dataclass(frozen=True)
class Published:
    """What publishing did: the comment id (None: none posted or kept) and whether it failed."""

    comment_id: int | None = None
    failed: bool = False


def run(settings: Settings, github: GitHubPort, runner: RunnerIO, repo: GitRepo) -> int:
    """Check one pull request (or merge group) and publish the result; return the exit code.

    Inputs: ``settings`` (validated here), the GitHub and runner ports, and the checkout. Outputs, in this
    order so that a failure to publish never loses the report: report files (JSON, notes, Markdown), the
    job summary, annotations, step outputs; then the sticky comment and the commit status on the pull
    request's head commit. Never raises: expected failures become one line and exit code 2, anything
    else one line and exit code 3 (with the traceback when ``settings.debug``).
    """
    target: Target | None = None
    try:
        if resolve_mode(settings) == "release":
            return run_release(settings, github, runner, repo)  # never raises
        target = determine_target(settings, github)
        check_inputs(settings)
        base, head = settings.base or target.base, settings.head or target.head
        prepare_history(repo, base, head, target.fetch_refs, runner)
        with tempfile.TemporaryDirectory(prefix="mp-precheck-") as tmp:
            config_path = base_config(repo, settings, base, head, Path(tmp))
            result = analyse(str(repo.path), base, head, config_path, settings.language or None,
                             cache=cache_file(settings))
    except UserError as exc:
        return _not_analysed(settings, github, runner, target, f"mp-precheck: {exc}", 2)
    except GitHubFailure as exc:
        return _not_analysed(settings, github, runner, target, advice(exc, "find the pull request", settings), 2)
    except Exception as exc:  # an internal error: one line, the traceback only when debugging
        return _not_analysed(settings, github, runner, target, _internal(exc, settings, runner), 3)
    try:
        return _publish_run(settings, github, runner, target, result)
    except Exception as exc:
        runner.error(_internal(exc, settings, runner))
        return 3


def _publish_run(settings: Settings, github: GitHubPort, runner: RunnerIO, target: Target, result: Run) -> int:
    report = result.report
    fail_on = settings.fail_on or result.config.fail_on or "high"
    code = 1 if report.reaches(fail_on) else 0
    link_base = f"{settings.server_url.rstrip('/')}/{settings.repository}/blob/{report.head}/"

    json_path = runner.save("report.json", _json(report))
    notes_path = runner.save("notes.txt", report.notes)
    summary = render_markdown(report, result.catalog, result.language, link_base=link_base, limits=SUMMARY_LIMITS)
    runner.save("report.md", summary)
    runner.add_summary(summary)
    runner.commands(render_annotations(report))
    runner.set_output("risk-level", report.risk_level)
    runner.set_output("findings", str(len(report.active_findings)))
    runner.set_output("report-json", json_path)
    runner.set_output("notes-file", notes_path)
    where = f"<{settings.run_url}>" if settings.run_url else f"`{json_path}`"
    runner.log(f"mp-precheck: {report.base[:7]}…{report.head[:7]}: risk {report.risk_level}, "
               f"{len(report.active_findings)} finding(s), fail-on {fail_on} → exit {code}")

    messages = Messages(result.language)
    comment_body = render_markdown(report, result.catalog, result.language, link_base=link_base,
                                   limits=COMMENT_LIMITS, full_report_where=where)
    clean_body = f"{marker(report.head)}\n## {messages.t('heading')}\n\n✅ **{messages.t('verdict_clean_now')}**\n"
    status = CommitStatus(_state(code), status_description(report, code, fail_on, messages),
                          settings.status_name, settings.run_url)
    published = publish(settings, github, runner, target, report, comment_body, clean_body, status)
    runner.set_output("comment-id", str(published.comment_id) if published.comment_id else "")
    return max(code, 2) if published.failed else code


def publish(settings: Settings, github: GitHubPort, runner: RunnerIO, target: Target, report: Report,
            comment_body: str, clean_body: str, status: CommitStatus) -> Published:
    """Post or update the sticky comment (per the ``comment`` input), then set the commit status.

    A 403 on a run whose token is read-only by design is reported once (one warning line) and ends the
    publishing without failing the run; any other failure is one error line and marks it failed.
    """
    comment_id: int | None = None
    failed = False
    if target.pull_number is not None and settings.comment != "never":
        what = f"comment on pull request #{target.pull_number}"
        try:
            comment_id = sync_comment(github, runner, target, report, settings.comment, comment_body, clean_body)
        except GitHubFailure as exc:
            if exc.kind == "forbidden" and target.read_only:
                runner.warning(_read_only_line(f"{what} or set the status", target))
                return Published(None, False)
            runner.error(advice(exc, what, settings))
            failed = True
    sha = target.status_sha or report.head
    try:
        github.set_status(sha, status)
        runner.log(f"mp-precheck: status {status.context} = {status.state} on {sha[:7]}: {status.description}")
    except GitHubFailure as exc:
        what = f"set the status {status.context} on {sha[:7]}"
        if exc.kind == "forbidden" and target.read_only:
            runner.warning(_read_only_line(what, target))
        else:
            runner.error(advice(exc, what, settings))
            failed = True
    return Published(comment_id, failed)


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


def run_release(settings: Settings, github: GitHubPort, runner: RunnerIO, repo: GitRepo) -> int:
    """Draft the notes of a release tag and publish them; return the exit code.

    The tag is the ``head`` input, else the pushed tag (``GITHUB_REF`` ``refs/tags/…``); the range starts
    at the ``base`` input, else at the previous tag matching ``notes.tag_pattern`` (the first tag covers
    the whole history). A shallow clone is deepened with ``git fetch --unshallow --tags``; a complete one
    without other tags fetches ``--tags``. Titles and labels of merged pull requests come from the API
    (their commit messages when it fails). Outputs, in this order so that a failure to publish never
    loses the notes: ``notes.txt`` (the draft for the form), ``feedback.txt`` (≤ 200 characters),
    ``report.json`` and ``release.md`` in ``mp-precheck-report/``, the job summary, the step outputs
    (``notes-file``, ``risk-level``, ``findings``, ``report-json``; ``comment-id`` empty); then the release
    body (the release is created when the tag has none).

    Exit code: 0 whatever the findings (``fail-on`` is not applied), 2 when the range cannot be determined
    or the release cannot be written, 3 on an internal error. Never raises.
    """
    try:
        check_inputs(settings)
        tag = release_tag(settings)
        if settings.fail_on:
            runner.log(f"mp-precheck: release mode never fails on findings: fail-on {settings.fail_on} is not "
                       "applied (gate a later step on the risk-level output instead)")
        prepare_tags(repo, tag, runner)
        with tempfile.TemporaryDirectory(prefix="mp-precheck-") as tmp:
            config_path = tag_config(repo, settings, tag, Path(tmp))
            result, draft = draft_release(str(repo.path), tag, base=settings.base or None, config_path=config_path,
                                          language=settings.language or None, pulls=pull_lookup(github, runner),
                                          warn=lambda line: runner.warning(f"mp-precheck: {line}"))
    except UserError as exc:
        return _not_analysed(settings, github, runner, None, f"mp-precheck: {exc}", 2)
    except Exception as exc:  # an internal error: one line, the traceback only when debugging
        return _not_analysed(settings, github, runner, None, _internal(exc, settings, runner), 3)
    try:
        return _publish_release(settings, github, runner, result, draft)
    except Exception as exc:
        runner.error(_internal(exc, settings, runner))
        return 3


def release_tag(settings: Settings) -> str:
    """The tag to describe: the ``head`` input, else the pushed tag.

    Raises: UserError when there is neither (e.g. ``mode: release`` on a branch push).
    """
    if settings.head:
        return tag_name(settings.head)
    if settings.ref.startswith("refs/tags/"):
        return tag_name(settings.ref)
    raise UserError(f"release mode needs a tag: run it on `push: tags` (this run's ref is {settings.ref or 'empty'}) "
                    "or name the tag in the head input")


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


def tag_config(repo: GitRepo, settings: Settings, tag: str, tmp: Path) -> str | None:
    """The ``config`` input as a file on disk with its content at the tag (a release reads the config it
    ships with), or None when the input is empty (then ``.mp-precheck.yml`` of the tag is used).

    Raises:
        ConfigError: the path leaves the workspace or the file is not in the tag.
        ReleaseError: there is no such tag.
    """
    if not settings.config:
        return None
    rel = _repo_relative(settings.workspace, settings.config, repo.path)
    at = tag_commit(repo, tag)
    data = repo.read_file(at, rel)
    if data is None:
        raise ConfigError(f"input config: {rel} is not in {tag} ({at[:7]})")
    path = tmp / f"tag-{at[:7]}" / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return str(path)


def pull_lookup(github: GitHubPort, runner: RunnerIO, limit: int = MAX_PULL_LOOKUPS) -> PullLookup:
    """Titles and labels of merged pull requests by number, from the API. The first failure ends the
    lookups with one warning; the pull requests not read keep the titles of their commit messages."""
    def lookup(numbers: list[int]) -> dict[int, PullInfo]:
        found: dict[int, PullInfo] = {}
        for number in numbers[:limit]:
            try:
                pull = github.merged_pull(number)
            except GitHubFailure as exc:
                answer = f"{exc.status} {exc.detail}".strip() if exc.status else exc.detail or "no answer"
                runner.warning(f"mp-precheck: could not read pull request #{number} ({answer}): titles and labels "
                               "come from the commit messages")
                break
            if pull is not None and pull.merged:
                found[number] = PullInfo(pull.number, pull.title, pull.labels)
        if len(numbers) > limit:
            runner.log(f"mp-precheck: {len(numbers)} pull requests in the range: the first {limit} read from the API, "
                       "the others described by their commit messages")
        return found
    return lookup


def _publish_release(settings: Settings, github: GitHubPort, runner: RunnerIO, result: Run,
                     draft: ReleaseDraft) -> int:
    report, rng = result.report, draft.range
    link_base = f"{settings.server_url.rstrip('/')}/{settings.repository}/blob/{report.head}/"
    notes_path = runner.save("notes.txt", draft.text)
    feedback_path = runner.save("feedback.txt", draft.feedback + "\n")
    json_path = runner.save("report.json", _json(report))
    section = render_release_section(draft, report, result.catalog, result.language, link_base)
    runner.save("release.md", section)
    runner.add_summary(section)
    runner.set_output("risk-level", report.risk_level)
    runner.set_output("findings", str(len(report.active_findings)))
    runner.set_output("report-json", json_path)
    runner.set_output("notes-file", notes_path)
    runner.set_output("feedback-file", feedback_path)
    runner.set_output("comment-id", "")
    since = "the whole history" if rng.first else rng.previous
    runner.log(f"mp-precheck: release {rng.tag} (since {since}): {draft.commits} commit(s), {len(draft.entries)} "
               f"change line(s), risk {report.risk_level}, {len(report.active_findings)} finding(s) → exit 0 "
               "(release mode never fails on findings)")
    what = f"write the notes into the release of {rng.tag}"
    try:
        publish_release(github, runner, draft, lambda existing: fitted_body(
            existing, draft, report, result.catalog, result.language, link_base))
    except GitHubFailure as exc:
        runner.error(release_advice(exc, what, settings))
        return 2
    return 0


def publish_release(github: GitHubPort, runner: RunnerIO, draft: ReleaseDraft,
                    body_for: Callable[[str | None], str | None]) -> str:
    """Create the tag's release with the notes, or put them into its body (between the markers, what
    people wrote outside them kept; no write when nothing changed); return the release's page.
    ``body_for(existing_body)`` gives the new body, None when it cannot fit GitHub's limit.

    Raises: :class:`~mp_precheck.hosts.github.port.CannotPublishRelease`.
    """
    tag = draft.range.tag
    existing = github.release(tag)
    if existing is None:
        body = body_for(None)
        if body is None:
            raise CannotPublishRelease("rejected", None, "the notes do not fit GitHub's 125,000-character limit")
        try:
            created = github.create_release(tag, body, is_prerelease(tag))
            runner.log(f"mp-precheck: created the release of {tag} with the notes: {created.url}")
            return created.url
        except CannotPublishRelease as exc:
            existing = github.release(tag) if exc.kind == "rejected" else None  # another job created it first
            if existing is None:
                raise
    body = body_for(existing.body)
    if body is None:
        raise CannotPublishRelease("rejected", None, "the release body would exceed GitHub's 125,000 characters "
                                   "even with the notes alone: shorten the text outside the mp-precheck markers")
    if body == existing.body:
        runner.log(f"mp-precheck: the notes in the release of {tag} are up to date: {existing.url}")
        return existing.url
    updated = github.edit_release_body(existing.id, body)
    kind = "draft release" if existing.draft else "release"
    runner.log(f"mp-precheck: updated the notes in the {kind} of {tag}: {updated.url or existing.url}")
    return updated.url or existing.url


def release_advice(exc: GitHubFailure, what: str, settings: Settings) -> str:
    """One line for a failed release write: a 403 names ``contents: write``; the rest as :func:`advice`."""
    answer = f"{exc.status} {exc.detail}".strip() if exc.status else exc.detail or "no answer"
    head = f"mp-precheck: could not {what}"
    if exc.kind == "forbidden":
        return f"{head}: the token cannot write releases (GitHub answered {answer}): grant `contents: write` " \
               "under `permissions:` in the workflow"
    if exc.kind == "not_found" and exc.status is not None:
        return f"{head}: GitHub answered {answer} in {settings.repository}: check that the token can see the " \
               "repository and that the tag is pushed"
    if exc.kind == "rejected" and exc.status is None:
        return f"{head}: {exc.detail}"
    return advice(exc, what, settings)


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


def cache_file(settings: Settings) -> str | None:
    """The ``cache`` input as a path in the workspace (keep it between runs with actions/cache), or None."""
    if not settings.cache:
        return None
    path = Path(settings.cache)
    return str(path if path.is_absolute() else settings.workspace / path)


def check_inputs(settings: Settings) -> None:
    """Raises: UserError naming the input, the value and what is allowed."""
    for name, value, allowed in (("comment", settings.comment, COMMENT_MODES), ("fail-on", settings.fail_on, FAIL_ON),
                                 ("language", settings.language, LANGUAGES)):
        if value and value not in allowed:
            raise UserError(f"input {name}: {value!r} is not one of {', '.join(allowed)}")
    if not settings.status_name.strip():
        raise UserError("input status-name: must not be empty")
    if settings.config:
        _repo_relative(settings.workspace, settings.config)


def resolve_mode(settings: Settings) -> Mode:
    """``auto``: release for a pushed tag, else pr (an event without a pull request then needs the base and
    head inputs).

    Raises: UserError for a mode that is not one of :data:`MODES`.
    """
    if settings.mode not in MODES:
        raise UserError(f"input mode: {settings.mode!r} is not one of {', '.join(MODES)}")
    if settings.mode == "release":
        return "release"
    if settings.mode == "auto" and settings.event_name == "push" and settings.ref.startswith("refs/tags/"):
        return "release"
    return "pr"


def determine_target(settings: Settings, github: GitHubPort) -> Target:
    """What to compare and where to report, from the event (and, for ``workflow_run``, from the API).

    Raises:
        UserError: the event lacks what is needed, or is of a kind without a pull request and the base
            and head inputs are not both given.
        CannotDeterminePR: the API could not tell which pull request a ``workflow_run`` belongs to.
    """
    event, name = settings.event, settings.event_name
    if name in ("pull_request", "pull_request_target"):
        pr = _dict(event, "pull_request", name)
        head, base = _dict(pr, "head", name), _dict(pr, "base", name)
        number = int(pr.get("number") or event.get("number") or 0)
        head_repo = (head.get("repo") or {}).get("full_name")
        fork = head_repo is None or str(head_repo).lower() != settings.repository.lower()
        dependabot = settings.actor == "dependabot[bot]"
        read_only = name == "pull_request" and (fork or dependabot)
        why = "a pull request from a fork" if fork else "a pull request by Dependabot"
        return Target(base=_sha(base, "sha", name), head=_sha(head, "sha", name), status_sha=_sha(head, "sha", name),
                      pull_number=number or None, read_only=read_only, read_only_why=why if read_only else "",
                      fetch_refs=(f"refs/heads/{base.get('ref')}", f"refs/pull/{number}/head"))
    if name == "merge_group":
        group = _dict(event, "merge_group", name)
        head_sha = _sha(group, "head_sha", name)
        return Target(base=_sha(group, "base_sha", name), head=head_sha, status_sha=head_sha, pull_number=None,
                      fetch_refs=tuple(str(group[k]) for k in ("base_ref", "head_ref") if group.get(k)))
    if name == "workflow_run":
        return _workflow_run_target(settings, github)
    if settings.base and settings.head:
        return Target(base=settings.base, head=settings.head, status_sha=None, pull_number=None)
    raise UserError(f"the {name or 'unknown'} event has no pull request to check: run mp-precheck on "
                    "pull_request or merge_group, or give both the base and head inputs")


def _workflow_run_target(settings: Settings, github: GitHubPort) -> Target:
    run_info = _dict(settings.event, "workflow_run", "workflow_run")
    if run_info.get("event") not in ("pull_request", "pull_request_target"):
        raise UserError(f"the workflow run was triggered by {run_info.get('event')!r}, not a pull request: "
                        "add `if: github.event.workflow_run.event == 'pull_request'` to the job")
    head_sha = _sha(run_info, "head_sha", "workflow_run")
    number = next((int(p["number"]) for p in run_info.get("pull_requests") or []
                   if (p.get("head") or {}).get("sha") == head_sha), None)
    if number is not None:
        pull = github.pull_request(number)
    else:
        # GitHub leaves workflow_run.pull_requests empty for a fork: find the PR by its head branch
        owner = ((run_info.get("head_repository") or {}).get("owner") or {}).get("login")
        branch = run_info.get("head_branch")
        found = github.find_pull_request(f"{owner}:{branch}", head_sha) if owner and branch else None
        if found is None:
            raise CannotDeterminePR("not_found", None,
                                    f"no open pull request has head {owner}:{branch} at {head_sha[:7]}")
        pull = found
    return Target(base=pull.base_sha, head=head_sha, status_sha=head_sha, pull_number=pull.number,
                  fetch_refs=(f"refs/heads/{pull.base_ref}", f"refs/pull/{pull.number}/head"))


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


def base_config(repo: GitRepo, settings: Settings, base: str, head: str, tmp: Path) -> str | None:
    """The ``config`` input as a file on disk with its content **at the merge base** (a pull request cannot
    relax its own check), or None when the input is empty (then ``.mp-precheck.yml`` of the base is used).

    Raises:
        ConfigError: the path leaves the workspace or the file is not in the base revision.
    """
    if not settings.config:
        return None
    rel = _repo_relative(settings.workspace, settings.config, repo.path)
    base_sha = repo.resolve(base)
    at = repo.merge_base(base_sha, repo.resolve(head)) or base_sha
    data = repo.read_file(at, rel)
    if data is None:
        raise ConfigError(f"input config: {rel} is not in the base revision {at[:7]} (the config is read "
                          "from the base so that a pull request cannot relax its own check: merge it first)")
    path = tmp / f"base-{at[:7]}" / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return str(path)


def _repo_relative(workspace: Path, value: str, repo_path: Path | None = None) -> str:
    root = Path(os.path.normpath(os.path.abspath(workspace)))
    full = Path(os.path.normpath(root / value))
    if full != root and root not in full.parents:
        raise ConfigError(f"input config: {value!r} is outside the workspace; give a path inside the repository")
    top = Path(os.path.normpath(os.path.abspath(repo_path))) if repo_path is not None else root
    try:
        return full.relative_to(top).as_posix()
    except ValueError:
        raise ConfigError(f"input config: {value!r} is not inside the repository at {top}") from None


def status_description(report: Report, code: int, fail_on: str, messages: Messages) -> str:
    """The status line, at most 140 characters: the verdict of the comment in the report's language, or
    why nothing was compared."""
    active = report.active_findings
    level = report.risk_level
    t = messages.t
    if report.message and not active:
        text = report.message
    elif level in ("high", "medium"):
        selected = [f for f in active if f.severity == level]
        families = messages.join(list(dict.fromkeys(t(f"family.{f.family}") for f in selected)))
        text = t(f"verdict_{level}", count=len(selected), families=families)
    elif code == 1:
        text = f"{len(active)} finding(s) reach fail-on {fail_on}"
    elif level in ("low", "info"):
        text = t("verdict_low")
    else:
        text = t("verdict_none")
    return truncate(text, STATUS_DESCRIPTION_MAX)


def truncate(text: str, limit: int) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis when longer."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def advice(exc: GitHubFailure, what: str, settings: Settings) -> str:
    """One line: what could not be done, why (GitHub's answer) and the fix."""
    answer = f"{exc.status} {exc.detail}".strip() if exc.status else exc.detail or "no answer"
    head = f"mp-precheck: could not {what}"
    if exc.kind == "forbidden":
        if exc.permissions:
            alternatives = sorted(exc.permissions, key=lambda p: "pull-requests" not in p)
            grant = " or ".join(f"`{p}`" for p in alternatives)
            return f"{head}: the token lacks a permission (GitHub answered {answer}): grant {grant} " \
                   "under `permissions:` in the workflow"
        return f"{head}: GitHub answered {answer}: check the token's permissions (`pull-requests: write`, " \
               "`statuses: write`)"
    if exc.kind == "unauthorized":
        return f"{head}: GitHub refused the token ({answer}): check the github-token input"
    if exc.kind == "not_found" and exc.status is None:
        return f"{head}: {exc.detail}"
    if exc.kind == "not_found":
        return f"{head}: GitHub answered {answer} in {settings.repository}: check that the token can see " \
               "the repository and that the pull request is open"
    if exc.kind == "rate_limited":
        return f"{head}: GitHub's rate limit was reached and does not reset soon ({answer}): re-run the job later"
    if exc.kind == "unavailable":
        return f"{head}: GitHub is unavailable ({answer}): re-run the job; the analysis itself finished " \
               "(see the job summary)"
    return f"{head}: GitHub rejected the request ({answer}): please report it at {ISSUES_URL}"


def _read_only_line(what: str, target: Target) -> str:
    return f"mp-precheck: could not {what}: the token is read-only ({target.read_only_why}): {READ_ONLY_ADVICE}"


def _not_analysed(settings: Settings, github: GitHubPort, runner: RunnerIO, target: Target | None,
                  line: str, code: int) -> int:
    """Nothing was analysed: say why (log, job summary), and set an ``error`` status where there is a
    commit to put it on, so a required check never turns green."""
    runner.error(line)
    runner.add_summary(f"## mp-precheck\n\n❌ {line.removeprefix('mp-precheck: ')}\n")
    if target is not None and target.status_sha is not None:
        reason = line.removeprefix("mp-precheck: ")
        status = CommitStatus("error", truncate(f"not analysed: {reason}", STATUS_DESCRIPTION_MAX),
                              settings.status_name or "mp-precheck", settings.run_url)
        try:
            github.set_status(target.status_sha, status)
        except GitHubFailure as exc:
            if not (exc.kind == "forbidden" and target.read_only):
                runner.error(advice(exc, f"set the status {status.context} on {target.status_sha[:7]}", settings))
    return code


def _internal(exc: BaseException, settings: Settings, runner: RunnerIO) -> str:
    if settings.debug:
        for line in traceback.format_exception(exc):
            runner.log(line.rstrip())
    where = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    place = f" at {Path(where.filename).name}:{where.lineno}" if where else ""
    return (f"mp-precheck: internal error ({type(exc).__name__}{place}); please report it at {ISSUES_URL} "
            "with the log of a re-run with debug logging enabled")


def _state(code: int) -> StatusState:
    if code == 0:
        return "success"
    return "failure" if code == 1 else "error"


def _json(report: Report) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"


def _dict(data: Mapping[str, Any], key: str, event: str) -> Mapping[str, Any]:
    value = data.get(key)
    if not isinstance(value, Mapping):
        raise UserError(f"the {event} event has no {key!r}: is GITHUB_EVENT_PATH the event of this run?")
    return value


def _sha(data: Mapping[str, Any], key: str, event: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not _SHA.match(value):
        raise UserError(f"the {event} event has no commit id in {key!r}")
    return value


__all__ = [
    "CannotDeterminePR",
    "CannotPostComment",
    "CannotSetStatus",
    "FileRunner",
    "RunnerIO",
    "Settings",
    "Target",
    "run",
]
