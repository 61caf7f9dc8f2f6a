"""What one Action run is asked to do: :class:`Settings` (the action's inputs and the runner's context),
the mode (pull request or release), and the :class:`Target` read from the webhook event payload.

https://docs.github.com/actions/reference/events-that-trigger-workflows
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from mp_precheck.core.errors import ConfigError, UserError
from mp_precheck.core.lazyre import lazy
from mp_precheck.core.vocabulary import FAIL_ON, LANGUAGES
from mp_precheck.hosts.github.port import CannotDeterminePR, GitHubPort
from mp_precheck.notes.release import tag_name

Mode = Literal["pr", "release"]
MODES = ("auto", "pr", "release")
COMMENT_MODES = ("always", "on-risk", "never")
_SHA = lazy(r"^[0-9a-f]{40}$")
_NO_COMMIT = lazy(r"^0{40}$")  # a push event's `before` when the push created the branch


@dataclass(frozen=True)
class Settings:
    """One run's settings: the action's inputs (empty string = not given) and the runner's context.

    ``event`` is the webhook payload of ``GITHUB_EVENT_PATH``; ``workspace`` the checkout
    (``GITHUB_WORKSPACE``); ``server_url`` the web root for links (``GITHUB_SERVER_URL``, differs on
    GitHub Enterprise Server). Inputs are validated by :func:`check_inputs`, not here.
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
    has_token: bool = True  # the github-token input was given: without one nothing can be posted

    def no_token_line(self, what: str) -> str:
        """The one line a run without a token logs instead of posting ``what``."""
        return f"mp-precheck: no token: {what} not posted"

    @property
    def run_url(self) -> str | None:
        """The workflow run's page (where the job summary is), or None outside a run."""
        if not self.run_id:
            return None
        return f"{self.server_url.rstrip('/')}/{self.repository}/actions/runs/{self.run_id}"

    def link_base(self, head: str) -> str:
        """Prefix of a link to a file of commit ``head`` on GitHub (``…/blob/<sha>/``)."""
        return f"{self.server_url.rstrip('/')}/{self.repository}/blob/{head}/"


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


def check_inputs(settings: Settings) -> None:
    """Raises: UserError naming the input, the value and what is allowed (a ``base`` of forty zeros, the
    ``before`` of a push that created a branch, names what to compare with instead)."""
    for name, value, allowed in (("comment", settings.comment, COMMENT_MODES), ("fail-on", settings.fail_on, FAIL_ON),
                                 ("language", settings.language, LANGUAGES)):
        if value and value not in allowed:
            raise UserError(f"input {name}: {value!r} is not one of {', '.join(allowed)}")
    if not settings.status_name.strip():
        raise UserError("input status-name: must not be empty")
    if _NO_COMMIT.match(settings.base):
        raise UserError(
            f"input base: {settings.base[:7]}… is no commit: it is the `before` of a push that created the branch, "
            "which has nothing earlier to compare with; compare with the branch it came from (e.g. base: "
            "origin/${{ github.event.repository.default_branch }}) or run mp-precheck on pull_request")
    if settings.config:
        repo_relative(settings.workspace, settings.config)


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


def determine_target(settings: Settings, github: GitHubPort) -> Target:
    """What to compare and where to report, from the event (and, for ``workflow_run``, from the API).

    Raises:
        UserError: the event lacks what is needed, or is of a kind without a pull request and the base
            and head inputs are not both given.
        CannotDeterminePR: the API could not tell which pull request a ``workflow_run`` belongs to.
    """
    event, name = settings.event, settings.event_name
    if name in ("pull_request", "pull_request_target"):
        return _pull_request_target(settings)
    if name == "merge_group":
        group = _dict(event, "merge_group", name)
        head_sha = _sha(group, "head_sha", name)
        return Target(base=_sha(group, "base_sha", name), head=head_sha, status_sha=head_sha, pull_number=None,
                      fetch_refs=tuple(str(group[k]) for k in ("base_ref", "head_ref") if group.get(k)))
    if name == "workflow_run":
        if not settings.has_token:  # its pull request is found through the API, and posting is its purpose
            raise UserError("the workflow_run event finds its pull request through the GitHub API: give the "
                            "github-token input")
        return _workflow_run_target(settings, github)
    if settings.base and settings.head:
        return Target(base=settings.base, head=settings.head, status_sha=None, pull_number=None)
    raise UserError(f"the {name or 'unknown'} event has no pull request to check: run mp-precheck on "
                    "pull_request or merge_group, or give both the base and head inputs")


def _pull_request_target(settings: Settings) -> Target:
    event, name = settings.event, settings.event_name
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


def cache_file(settings: Settings) -> str | None:
    """The ``cache`` input as a path in the workspace (keep it between runs with actions/cache), or None."""
    if not settings.cache:
        return None
    path = Path(settings.cache)
    return str(path if path.is_absolute() else settings.workspace / path)


def repo_relative(workspace: Path, value: str, repo_path: Path | None = None) -> str:
    """The ``config`` input ``value`` as a ``/``-separated path relative to the repository at ``repo_path``
    (default: the workspace).

    Raises: ConfigError when it leaves the workspace or the repository.
    """
    root = Path(os.path.normpath(os.path.abspath(workspace)))
    full = Path(os.path.normpath(root / value))
    if full != root and root not in full.parents:
        raise ConfigError(f"input config: {value!r} is outside the workspace; give a path inside the repository")
    top = Path(os.path.normpath(os.path.abspath(repo_path))) if repo_path is not None else root
    try:
        return full.relative_to(top).as_posix()
    except ValueError:
        raise ConfigError(f"input config: {value!r} is not inside the repository at {top}") from None


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
