"""GitLab CI for ``mp-precheck gitlab``: :func:`run` checks the merge request of a pipeline through the
application layer (:mod:`mp_precheck.app`), writes the optional reports and keeps one sticky note on the
merge request; GitLab failures become one line of advice.

The settings come from GitLab's predefined CI/CD variables, handed in as a mapping by the command (this
module reads no environment itself), and the note goes through a
:class:`~mp_precheck.hosts.gitlab.port.GitLabPort`, so everything here is tested without a network.
https://docs.gitlab.com/ci/variables/predefined_variables/#predefined-variables-for-merge-request-pipelines
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Literal, Protocol

from mp_precheck.app import DEFAULT_CONFIG, ConfigFile, check_change
from mp_precheck.core.errors import MissingMergeBase, UnknownRevision, UserError
from mp_precheck.core.items import item_count
from mp_precheck.git.repo import GitRepo
from mp_precheck.hosts.gitlab.port import GitLabFailure, GitLabPort, Note, connect
from mp_precheck.outputs.codequality import render_codequality
from mp_precheck.outputs.console import emit
from mp_precheck.outputs.markdown import MARKER_PREFIX, Limits, render_markdown

TOKEN_VARIABLE = "MP_PRECHECK_GITLAB_TOKEN"
# GitLab refuses a note over 1,000,000 characters ("Note is too long"); a margin for the marker.
NOTE_LIMITS = Limits(chars=990_000, utf8_bytes=3_960_000)
Action = Literal["created", "updated", "unchanged"]
# A shallow clone (GitLab's default GIT_DEPTH is 20) may lack the merge request's diff base.
HISTORY_HINT = "fetch the whole history: set `GIT_DEPTH: 0` in the job's variables (see ci/gitlab-ci.yml)"
_REQUIRED = ("CI_MERGE_REQUEST_IID", "CI_PROJECT_ID", "CI_API_V4_URL", "CI_MERGE_REQUEST_DIFF_BASE_SHA",
             "CI_COMMIT_SHA")


@dataclass(frozen=True)
class PipelineSettings:
    """One merge-request pipeline: the API, the project, the merge request, the revisions to compare
    (the merge request's diff base and the pipeline's commit) and the token; ``project_url`` and
    ``job_url`` are for links in the note ('' when unknown)."""

    api_url: str
    project_id: str
    mr_iid: int
    base: str
    head: str
    token: str = field(repr=False)  # never in a log line or a traceback
    project_url: str = ""
    job_url: str = ""

    @property
    def link_base(self) -> str | None:
        """Prefix of a link to a file of the head version (``…/-/blob/<sha>/``), or None."""
        return f"{self.project_url.rstrip('/')}/-/blob/{self.head}/" if self.project_url else None


class Connection(GitLabPort, Protocol):
    """A :class:`~mp_precheck.hosts.gitlab.port.GitLabPort` that holds HTTP connections until closed."""

    def close(self) -> None:
        """Close the HTTP connections."""
        ...


@dataclass(frozen=True)
class JobOptions:
    """What the ``mp-precheck gitlab`` command was asked (None: not given): the checkout (default:
    ``CI_PROJECT_DIR``, else the current folder), a config file on disk, the language, the fail-on level,
    and files for a Code Quality report and the JSON report."""

    repo: str | None = None
    config: str | None = None
    language: str | None = None
    fail_on: str | None = None
    codequality: str | None = None
    report: str | None = None


def run(env: Mapping[str, str], options: JobOptions, log: Callable[[str], None],
        connect_port: Callable[[PipelineSettings], Connection] | None = None) -> int:
    """Check the merge request of this pipeline, write the optional reports, keep one note on it.

    Inputs: the job's environment (GitLab's predefined variables, see :func:`settings_from_environment`),
    the command's options, a function that writes one log line, and how to reach GitLab (default: the
    REST API at ``CI_API_V4_URL``). Output: the exit code, 0 nothing reached fail-on, 1 something did,
    2 the note could not be posted (the reports are written first).

    Raises:
        UserError: not a merge-request pipeline, a missing variable or token, missing history (the line
            names ``GIT_DEPTH: 0``), or any problem of the analysis the user can fix.
    """
    settings = settings_from_environment(env)
    repo = GitRepo(options.repo or env.get("CI_PROJECT_DIR") or ".")
    config = ConfigFile(options.config) if options.config else DEFAULT_CONFIG
    try:
        result = check_change(repo, settings.base, settings.head, config=config, language=options.language)
    except (UnknownRevision, MissingMergeBase) as exc:
        raise UserError(f"{exc}: {HISTORY_HINT}") from exc
    report = result.report
    fail_on = options.fail_on or result.config.fail_on or "high"
    code = 1 if report.reaches(fail_on) else 0
    if options.codequality:
        emit(render_codequality(report), options.codequality)
    if options.report:
        emit(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n", options.report)
    log(f"mp-precheck: {report.base[:7]}…{report.head[:7]}: risk {report.risk_level}, "
        f"{item_count(report.active_findings)} item(s), fail-on {fail_on} → exit {code}")
    where = f"<{settings.job_url}>" if settings.job_url else "`mp-precheck diff --format json`"
    body = render_markdown(report, result.catalog, result.language, link_base=settings.link_base,
                           limits=NOTE_LIMITS, full_report_where=where)
    port = (connect_port or _connect)(settings)
    try:
        sync_note(port, settings.mr_iid, body, log)
    except GitLabFailure as exc:
        log(advice(exc, f"comment on merge request !{settings.mr_iid}"))
        return 2
    finally:
        port.close()
    return code


def _connect(settings: PipelineSettings) -> Connection:
    return connect(settings.api_url, settings.token, settings.project_id)


def settings_from_environment(env: Mapping[str, str]) -> PipelineSettings:
    """The pipeline settings from GitLab's predefined variables and ``MP_PRECHECK_GITLAB_TOKEN``.

    Inputs: the job's environment (``os.environ``). Output: :class:`PipelineSettings` comparing
    ``CI_MERGE_REQUEST_DIFF_BASE_SHA`` with ``CI_MERGE_REQUEST_SOURCE_BRANCH_SHA`` in a merged-results
    pipeline, else with ``CI_COMMIT_SHA``.

    Raises:
        UserError: not a merge-request pipeline (``CI_MERGE_REQUEST_IID`` unset: the job needs
            ``rules: - if: $CI_PIPELINE_SOURCE == "merge_request_event"``), another required variable is
            missing, or the token is not set; the line names the variable and the fix.
    """
    if not env.get("CI_MERGE_REQUEST_IID"):
        raise UserError("not a merge-request pipeline (CI_MERGE_REQUEST_IID is not set): run the job with "
                        "`rules: - if: $CI_PIPELINE_SOURCE == \"merge_request_event\"` (see ci/gitlab-ci.yml)")
    missing = [name for name in _REQUIRED if not env.get(name)]
    if missing:
        raise UserError(f"{', '.join(missing)} not set: run mp-precheck gitlab inside a GitLab merge-request "
                        "pipeline (GitLab 13.x or later sets these variables)")
    iid = env["CI_MERGE_REQUEST_IID"]
    if not iid.isdigit():
        raise UserError(f"CI_MERGE_REQUEST_IID: expected a number, found {iid!r}")
    token = env.get(TOKEN_VARIABLE, "").strip()
    if not token:
        raise UserError(f"{TOKEN_VARIABLE} is not set: create a project access token with the `api` scope and "
                        "the Reporter role, and add it as a masked CI/CD variable (CI_JOB_TOKEN cannot write notes)")
    # In a merged-results pipeline CI_COMMIT_SHA is GitLab's test merge commit; the merge request's own
    # head (what its diff and line numbers show) is CI_MERGE_REQUEST_SOURCE_BRANCH_SHA, set only there.
    head = env.get("CI_MERGE_REQUEST_SOURCE_BRANCH_SHA") or env["CI_COMMIT_SHA"]
    return PipelineSettings(api_url=env["CI_API_V4_URL"], project_id=env["CI_PROJECT_ID"], mr_iid=int(iid),
                            base=env["CI_MERGE_REQUEST_DIFF_BASE_SHA"], head=head, token=token,
                            project_url=env.get("CI_PROJECT_URL", ""), job_url=env.get("CI_JOB_URL", ""))


def is_ours(note: Note, me: str) -> bool:
    """Whether a note is the sticky note of user ``me``: written by ``me``, not a system note, and holding
    the hidden marker (any version). A note by anyone else is never ours, marker or not."""
    return not note.system and note.author.lower() == me.lower() and MARKER_PREFIX in note.body


def sync_note(port: GitLabPort, mr_iid: int, body: str, log: Callable[[str], None]) -> tuple[int, Action]:
    """Keep exactly one note of ours on merge request ``mr_iid`` with ``body``.

    Inputs: the port, the merge request's iid, the note's Markdown (starting with the marker) and a
    function that writes one log line. Every page of notes is read; ours are found by
    :func:`is_ours`. The oldest of ours is edited (or left alone when it already says ``body``), any
    later duplicates (two overlapping pipelines) are deleted; with none, a note is created. Output: the
    note's id and what was done.

    Raises:
        GitLabFailure: a call failed (:class:`~mp_precheck.hosts.gitlab.port.CannotPostNote`).
    """
    me = port.identity()
    mine = [n for n in port.notes(mr_iid) if is_ours(n, me)]
    if not mine:
        created = port.create_note(mr_iid, body)
        log(f"mp-precheck: posted note {created.id} on merge request !{mr_iid}")
        return created.id, "created"
    keep = mine[0]
    action: Action = "unchanged"
    if keep.body != body:
        port.edit_note(mr_iid, keep.id, body)
        action = "updated"
        log(f"mp-precheck: updated note {keep.id} on merge request !{mr_iid}")
    else:
        log(f"mp-precheck: note {keep.id} on merge request !{mr_iid} is up to date")
    for extra in mine[1:]:
        port.delete_note(mr_iid, extra.id)
        log(f"mp-precheck: deleted duplicate note {extra.id} on merge request !{mr_iid}")
    return keep.id, action


def advice(exc: GitLabFailure, what: str) -> str:
    """One line: what could not be done, GitLab's answer, and the fix."""
    answer = f"{exc.status} {exc.detail}".strip() if exc.status else exc.detail or "no answer"
    if exc.status and exc.detail.startswith(str(exc.status)):  # GitLab's messages often start with the status
        answer = exc.detail
    head = f"mp-precheck: could not {what}"
    if exc.kind == "forbidden":
        scope = f" (it asked for the `{exc.scope}` scope)" if exc.scope else ""
        return (f"{head}: GitLab answered {answer}{scope}: give {TOKEN_VARIABLE} the `api` scope and at least "
                "the Reporter role in this project")
    if exc.kind == "unauthorized":
        return f"{head}: GitLab refused the token ({answer}): check that {TOKEN_VARIABLE} is valid and not expired"
    if exc.kind == "not_found":
        return (f"{head}: GitLab answered {answer}: check that the token's user is a member of the project and "
                "can see the merge request")
    if exc.kind == "rate_limited":
        return f"{head}: GitLab's rate limit was reached ({answer}): re-run the job later"
    if exc.kind == "unavailable":
        return f"{head}: GitLab is unavailable ({answer}): re-run the job; the analysis itself finished"
    return f"{head}: GitLab rejected the request ({answer})"

