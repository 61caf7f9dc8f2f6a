"""GitLab CI glue for ``mp-precheck gitlab``: the merge-request pipeline's settings, the one sticky
merge-request note, and GitLab failures turned into one line of advice.

The settings come from GitLab's predefined CI/CD variables, handed in as a mapping by the command (this
module reads no environment itself), and the note goes through a
:class:`~mp_precheck.hosts.gitlab.port.GitLabPort`, so everything here is tested without a network.
https://docs.gitlab.com/ci/variables/predefined_variables/#predefined-variables-for-merge-request-pipelines
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from mp_precheck.core.errors import UserError
from mp_precheck.hosts.gitlab.port import GitLabFailure, GitLabPort, Note
from mp_precheck.outputs.markdown import MARKER_PREFIX, Limits

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

