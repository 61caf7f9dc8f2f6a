"""The Action on a pushed tag (release mode): draft the notes of the range previous tag → this tag through
the application layer and publish them to report files, the job summary, step outputs and the tag's
GitHub Release body (between a marker pair, keeping what people wrote outside it).

Exit codes: 0 whatever the findings — the tag is already pushed, ``fail-on`` is not applied, and risks
are acted on in pull requests — 2 when the range cannot be determined or the release cannot be written
(a 403 names ``contents: write``), 3 on an internal error.
https://docs.github.com/rest/releases/releases
"""

from __future__ import annotations

import json
from collections.abc import Callable

from mp_precheck.app import DEFAULT_CONFIG, ConfigSource, PullLookup, RepositoryConfig, Run, draft_release_notes
from mp_precheck.core.errors import UserError
from mp_precheck.core.items import item_count
from mp_precheck.git.repo import GitRepo
from mp_precheck.hosts.github.advice import RELEASE, advice, answer, internal_error
from mp_precheck.hosts.github.event import Settings, check_inputs, release_tag, repo_relative
from mp_precheck.hosts.github.history import prepare_tags
from mp_precheck.hosts.github.port import CannotPublishRelease, GitHubFailure, GitHubPort
from mp_precheck.hosts.github.runner import RunnerIO
from mp_precheck.hosts.github.status import not_analysed
from mp_precheck.notes.changelog import PullInfo
from mp_precheck.notes.release import ReleaseDraft, fitted_body, is_prerelease, render_release_section

MAX_PULL_LOOKUPS = 200  # pull requests of a release read from the API; beyond, their commit messages speak


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
    body (the release is created when the tag has none). Without a token GitHub is not called: titles come from
    the commit messages and one line says the notes were not posted.

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
        result, draft = draft_release_notes(
            repo, tag, base=settings.base or None, config=tag_config(settings, repo, tag),
            language=settings.language or None, pulls=pull_lookup(github, runner) if settings.has_token else None,
            warn=lambda line: runner.warning(f"mp-precheck: {line}"))
    except UserError as exc:
        return not_analysed(settings, github, runner, None, f"mp-precheck: {exc}", 2)
    except Exception as exc:  # an internal error: one line, the traceback only when debugging
        return not_analysed(settings, github, runner, None, internal_error(exc, settings.debug, runner), 3)
    try:
        return _publish_release(settings, github, runner, result, draft)
    except Exception as exc:
        runner.error(internal_error(exc, settings.debug, runner))
        return 3


def tag_config(settings: Settings, repo: GitRepo, tag: str) -> ConfigSource:
    """The ``config`` input, read from git **at the tag** (a release reads the config it ships with);
    without it ``.mp-precheck.yml`` of the tag.

    Raises: ConfigError when the path leaves the workspace (the file missing in the tag is raised when
    the config is read).
    """
    if not settings.config:
        return DEFAULT_CONFIG
    rel = repo_relative(settings.workspace, settings.config, repo.path)
    return RepositoryConfig(rel, lambda at: f"input config: {rel} is not in {tag} ({at[:7]})")


def pull_lookup(github: GitHubPort, runner: RunnerIO, limit: int = MAX_PULL_LOOKUPS) -> PullLookup:
    """Titles and labels of merged pull requests by number, from the API. The first failure ends the
    lookups with one warning; the pull requests not read keep the titles of their commit messages."""
    def lookup(numbers: list[int]) -> dict[int, PullInfo]:
        found: dict[int, PullInfo] = {}
        for number in numbers[:limit]:
            try:
                pull = github.merged_pull(number)
            except GitHubFailure as exc:
                runner.warning(f"mp-precheck: could not read pull request #{number} ({answer(exc)}): titles and labels "
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
    link_base = settings.link_base(report.head)
    notes_path = runner.save("notes.txt", draft.text)
    feedback_path = runner.save("feedback.txt", draft.feedback + "\n")
    json_path = runner.save("report.json", json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n")
    section = render_release_section(draft, report, result.catalog, result.language, link_base)
    runner.save("release.md", section)
    runner.add_summary(section)
    runner.set_output("risk-level", report.risk_level)
    items = item_count(report.active_findings)
    runner.set_output("items", str(items))
    runner.set_output("findings", str(items))
    runner.set_output("report-json", json_path)
    runner.set_output("notes-file", notes_path)
    runner.set_output("feedback-file", feedback_path)
    runner.set_output("comment-id", "")
    since = "the whole history" if rng.first else rng.previous
    runner.log(f"mp-precheck: release {rng.tag} (since {since}): {draft.commits} commit(s), {len(draft.entries)} "
               f"change line(s), risk {report.risk_level}, {items} item(s) → exit 0 "
               "(release mode never fails on findings)")
    if not settings.has_token:  # run by hand: nothing to post with, and GitHub is not called
        runner.warning(settings.no_token_line(f"the notes of {rng.tag} are"))
        return 0
    what = f"write the notes into the release of {rng.tag}"
    try:
        publish_release(github, runner, draft, lambda existing: fitted_body(
            existing, draft, report, result.catalog, result.language, link_base))
    except GitHubFailure as exc:
        runner.error(advice(exc, what, settings.repository, RELEASE))
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
