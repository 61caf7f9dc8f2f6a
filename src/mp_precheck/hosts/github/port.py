"""Everything mp-precheck asks of GitHub: the :class:`GitHubPort` Protocol and its PyGithub adapter.

This is the only module that imports PyGithub (``github``); ``tests/test_github_port.py`` fails if any
other module does. The glue (:mod:`mp_precheck.hosts.github.action`) sees plain frozen dataclasses and the named
failures below, never a PyGithub object or exception, so it is tested with an in-memory fake or against
the fake REST server alike.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from typing import Any, Literal, Protocol, TypeVar

from github import Auth, Github, GithubException, RateLimitExceededException
from github.GithubException import RateLimitExceededExceedsMaxWait
from github.GitRelease import GitRelease
from github.IssueComment import IssueComment
from urllib3.util.retry import Retry

from mp_precheck.hosts.github.ratelimit import RateLimitRetry

StatusState = Literal["success", "failure", "error", "pending"]
FailureKind = Literal["forbidden", "unauthorized", "not_found", "rate_limited", "unavailable", "rejected"]
GITHUB_ACTIONS_BOT = "github-actions[bot]"


@dataclass(frozen=True)
class Comment:
    """An issue comment on a pull request: its id, its author's login and its Markdown body."""

    id: int
    author: str
    body: str


@dataclass(frozen=True)
class PullRequest:
    """What the glue needs of a pull request. ``head_repo`` is ``owner/name`` of the head's repository
    (None when the fork was deleted); it differs from the base repository for a pull request from a fork."""

    number: int
    head_sha: str
    base_sha: str
    base_ref: str
    head_repo: str | None
    state: str = "open"


@dataclass(frozen=True)
class CommitStatus:
    """A commit status: ``description`` at most 140 characters (GitHub answers 422 above)."""

    state: StatusState
    description: str
    context: str
    target_url: str | None = None


@dataclass(frozen=True)
class PullSummary:
    """What the notes of a release need of a pull request: its title, label names and whether it was
    merged."""

    number: int
    title: str
    labels: tuple[str, ...] = ()
    merged: bool = False


@dataclass(frozen=True)
class Release:
    """A GitHub Release: its id, tag, Markdown body (empty when none), whether it is a draft, and its page."""

    id: int
    tag: str
    body: str
    draft: bool = False
    url: str = ""


class GitHubFailure(Exception):
    """A GitHub call failed; the glue turns it into one line of advice.

    ``kind`` says why: ``forbidden`` (403: a read-only token or a missing permission), ``unauthorized``
    (401), ``not_found`` (404), ``rate_limited``, ``unavailable`` (5xx, timeout, no connection), ``rejected``
    (GitHub refused the request, e.g. 422). ``status`` is the HTTP status (None without an answer),
    ``detail`` GitHub's own message, ``permissions`` the alternatives GitHub accepts for the call (from
    ``X-Accepted-GitHub-Permissions``), each in workflow syntax such as ``pull-requests: write``.
    """

    def __init__(self, kind: FailureKind, status: int | None, detail: str,
                 permissions: tuple[str, ...] = ()) -> None:
        super().__init__(f"{status or 'no answer'}: {detail}" if detail else str(status or "no answer"))
        self.kind = kind
        self.status = status
        self.detail = detail
        self.permissions = permissions


class CannotDeterminePR(GitHubFailure):
    """The pull request of this run could not be read or found."""


class CannotPostComment(GitHubFailure):
    """The sticky comment could not be read, created, edited or deleted (or the token's identity read)."""


class CannotSetStatus(GitHubFailure):
    """The commit status could not be set."""


class CannotReadPulls(GitHubFailure):
    """A pull request of a release range could not be read (its title and labels)."""


class CannotPublishRelease(GitHubFailure):
    """The release of a tag could not be read, created or edited."""


class GitHubPort(Protocol):
    """What the glue asks of GitHub for one repository. Every method raises only the failure named."""

    def identity(self) -> str | None:
        """The login that the token writes comments as, or None when the token cannot tell (an
        installation token: ``GITHUB_TOKEN`` or a GitHub App's, without the ``bot-login`` input).
        Raises :class:`CannotPostComment`."""
        ...

    def pull_request(self, number: int) -> PullRequest:
        """Pull request ``number`` as it is now. Raises :class:`CannotDeterminePR`."""
        ...

    def find_pull_request(self, head_label: str, head_sha: str) -> PullRequest | None:
        """The open pull request whose head is ``owner:branch`` ``head_label`` at commit ``head_sha``, or
        None. Raises :class:`CannotDeterminePR`."""
        ...

    def comments(self, number: int) -> list[Comment]:
        """Every comment of pull request ``number``, oldest first, from every page.
        Raises :class:`CannotPostComment`."""
        ...

    def comment(self, number: int, comment_id: int) -> Comment | None:
        """Comment ``comment_id`` read again now, or None when it is gone. Raises :class:`CannotPostComment`."""
        ...

    def create_comment(self, number: int, body: str) -> Comment:
        """Post a new comment on pull request ``number``. Raises :class:`CannotPostComment`."""
        ...

    def edit_comment(self, number: int, comment_id: int, body: str) -> Comment:
        """Replace the body of comment ``comment_id``. Raises :class:`CannotPostComment`."""
        ...

    def delete_comment(self, number: int, comment_id: int) -> None:
        """Delete comment ``comment_id`` (gone already is fine). Raises :class:`CannotPostComment`."""
        ...

    def set_status(self, sha: str, status: CommitStatus) -> None:
        """Set a commit status on ``sha``. Raises :class:`CannotSetStatus`."""
        ...

    def merged_pull(self, number: int) -> PullSummary | None:
        """Pull request ``number`` (title, labels, merged), or None when there is none by that number (an
        issue). Raises :class:`CannotReadPulls`."""
        ...

    def release(self, tag: str) -> Release | None:
        """The release of ``tag``, a draft one too, or None. Raises :class:`CannotPublishRelease`."""
        ...

    def create_release(self, tag: str, body: str, prerelease: bool) -> Release:
        """Publish a release of the existing ``tag``, named after it, with ``body``; it becomes the latest
        release only if it is the newest by date and version. Raises :class:`CannotPublishRelease`."""
        ...

    def edit_release_body(self, release_id: int, body: str) -> Release:
        """Replace the body of release ``release_id``, nothing else (name, draft state and latest stay).
        Raises :class:`CannotPublishRelease`."""
        ...


@dataclass(frozen=True)
class HttpSettings:
    """How the adapter talks HTTP.

    ``retries``/``backoff`` (urllib3's ``backoff_factor``) apply to 502/503/504, connection errors and
    rate limits, sent as 403 or 429 (wait as GitHub's ``retry-after`` or ``x-ratelimit-reset`` says, else
    ``secondary_rate_wait`` seconds: :mod:`~mp_precheck.hosts.github.ratelimit`); a wait longer than
    ``max_rate_limit_wait`` fails at once as ``rate_limited`` instead of stalling the job.
    ``seconds_between_requests``/``seconds_between_writes`` are PyGithub's throttle (GitHub's guidance
    for avoiding secondary limits); tests set them to None. ``verbose`` keeps PyGithub's INFO lines (each
    retry and wait) in the log; otherwise only its warnings.
    """

    retries: int = 3
    backoff: float = 1.0
    secondary_rate_wait: float = 60.0
    max_rate_limit_wait: float = 120.0
    seconds_between_requests: float | None = 0.25
    seconds_between_writes: float | None = 1.0
    per_page: int = 100
    timeout: int = 30
    verbose: bool = False


def connect(api_url: str, token: str | None, repository: str, *, bot_login: str | None = None,
            http: HttpSettings | None = None) -> PyGithubPort:
    """A :class:`GitHubPort` for ``repository`` (``owner/name``) through the REST API at ``api_url``
    (``https://api.github.com``, or ``https://HOST/api/v3`` on GitHub Enterprise Server). Makes no request."""
    return PyGithubPort(api_url, token, repository, bot_login=bot_login, http=http or HttpSettings())


class PyGithubPort:
    """:class:`GitHubPort` over PyGithub. No request is made until a method is called.

    The client is lazy (PyGithub's ``lazy=True``): an object is fetched when an attribute is first read,
    so every conversion to our dataclasses happens inside ``_failures`` too.
    """

    def __init__(self, api_url: str, token: str | None, repository: str, *, bot_login: str | None,
                 http: HttpSettings) -> None:
        retry = RateLimitRetry(
            total=http.retries, backoff_factor=http.backoff, status_forcelist=[502, 503, 504],
            allowed_methods=Retry.DEFAULT_ALLOWED_METHODS | {"GET", "POST", "PATCH"},
            secondary_rate_wait=http.secondary_rate_wait, max_rate_limit_wait=http.max_rate_limit_wait,
            raise_on_status=False,  # the last answer reaches PyGithub, so a failure keeps its status
        )
        # PyGithub logs every retried answer at INFO, e.g. the expected 403 of GET /user for GITHUB_TOKEN
        logging.getLogger("github").setLevel(logging.INFO if http.verbose else logging.WARNING)
        self._gh = Github(
            base_url=api_url.rstrip("/"), auth=Auth.Token(token) if token else None, retry=retry,
            per_page=http.per_page, timeout=http.timeout, lazy=True,
            seconds_between_requests=http.seconds_between_requests,
            seconds_between_writes=http.seconds_between_writes,
        )
        self._repo = self._gh.get_repo(repository)
        self._bot_login = bot_login or None
        self._identity: str | None = None
        self._identity_unknown = False
        self._seen: dict[int, IssueComment] = {}

    def close(self) -> None:
        """Close the HTTP connections."""
        self._gh.close()

    def identity(self) -> str | None:
        if self._identity is None and not self._identity_unknown:
            if self._bot_login:
                self._identity = self._bot_login
            else:
                try:
                    with _failures(CannotPostComment):
                        self._identity = self._gh.get_user().login
                except CannotPostComment as exc:
                    # an installation token (GITHUB_TOKEN, a GitHub App) cannot read /user: it comments as
                    # its app's bot, github-actions[bot] or <app-slug>[bot]; the caller learns which
                    if exc.kind != "forbidden":
                        raise
                    self._identity_unknown = True
        return self._identity

    def pull_request(self, number: int) -> PullRequest:
        with _failures(CannotDeterminePR):
            return _pull(self._repo.get_pull(number))

    def find_pull_request(self, head_label: str, head_sha: str) -> PullRequest | None:
        with _failures(CannotDeterminePR):
            for pull in self._repo.get_pulls(state="open", head=head_label):
                if pull.head.sha == head_sha:
                    return _pull(pull)
        return None

    def comments(self, number: int) -> list[Comment]:
        with _failures(CannotPostComment):
            found = list(self._repo.get_issue(number).get_comments())
            self._seen.update((c.id, c) for c in found)
            return [_comment(c) for c in found]

    def comment(self, number: int, comment_id: int) -> Comment | None:
        try:
            with _failures(CannotPostComment):
                found = self._repo.get_issue(number).get_comment(comment_id)
                read = _comment(found)  # the client is lazy: this makes the request
        except CannotPostComment as exc:
            if exc.kind == "not_found":
                self._seen.pop(comment_id, None)
                return None
            raise
        self._seen[comment_id] = found
        return read

    def create_comment(self, number: int, body: str) -> Comment:
        with _failures(CannotPostComment):
            created = self._repo.get_issue(number).create_comment(body)
            self._seen[created.id] = created
            return _comment(created)

    def edit_comment(self, number: int, comment_id: int, body: str) -> Comment:
        with _failures(CannotPostComment):
            target = self._seen.get(comment_id) or self._repo.get_issue(number).get_comment(comment_id)
            target.edit(body)
            return _comment(target)

    def delete_comment(self, number: int, comment_id: int) -> None:
        try:
            with _failures(CannotPostComment):
                target = self._seen.get(comment_id) or self._repo.get_issue(number).get_comment(comment_id)
                target.delete()
        except CannotPostComment as exc:
            if exc.kind != "not_found":
                raise
        self._seen.pop(comment_id, None)

    def set_status(self, sha: str, status: CommitStatus) -> None:
        try:
            self._set_status(sha, status)
        except CannotSetStatus as exc:
            # a POST answered 502-504 is not retried by the transport (it may have been carried out);
            # a status is the same whether set once or twice, so it is sent once more
            if exc.status not in (502, 503, 504):
                raise
            self._set_status(sha, status)

    def _set_status(self, sha: str, status: CommitStatus) -> None:
        with _failures(CannotSetStatus):
            commit = self._repo.get_commit(sha)
            if status.target_url:
                commit.create_status(status.state, target_url=status.target_url,
                                     description=status.description, context=status.context)
            else:
                commit.create_status(status.state, description=status.description, context=status.context)


    def merged_pull(self, number: int) -> PullSummary | None:
        try:
            with _failures(CannotReadPulls):
                pull = self._repo.get_pull(number)
                return PullSummary(number=pull.number, title=pull.title or "",
                                   labels=tuple(label.name for label in pull.labels), merged=bool(pull.merged))
        except CannotReadPulls as exc:
            if exc.kind == "not_found":
                return None
            raise

    def release(self, tag: str) -> Release | None:
        try:
            with _failures(CannotPublishRelease):
                return _release(self._repo.get_release(tag))
        except CannotPublishRelease as exc:
            if exc.kind != "not_found":
                raise
        with _failures(CannotPublishRelease):  # a draft is not found by tag name: look through the newest
            for found in islice(self._repo.get_releases(), 100):
                if found.tag_name == tag:
                    return _release(found)
        return None

    def create_release(self, tag: str, body: str, prerelease: bool) -> Release:
        with _failures(CannotPublishRelease):
            # "legacy": latest by date and version, so notes for a hotfix of an older line never take it
            return _release(self._repo.create_git_release(tag, name=tag, message=body, prerelease=prerelease,
                                                          make_latest="legacy"))

    def edit_release_body(self, release_id: int, body: str) -> Release:
        with _failures(CannotPublishRelease):
            # PyGithub's update_release sends every field (and would publish a draft): PATCH the body alone
            _, data = self._gh.requester.requestJsonAndCheck(
                "PATCH", f"{self._repo.url}/releases/{release_id}", input={"body": body})
            return Release(id=int(data["id"]), tag=str(data["tag_name"]), body=str(data.get("body") or ""),
                           draft=bool(data.get("draft")), url=str(data.get("html_url") or ""))


def _release(found: GitRelease) -> Release:
    return Release(id=found.id, tag=found.tag_name, body=found.body or "", draft=bool(found.draft),
                   url=found.html_url or "")


def _pull(pull: Any) -> PullRequest:
    head_repo = pull.head.repo.full_name if pull.head.repo is not None else None
    return PullRequest(number=pull.number, head_sha=pull.head.sha, base_sha=pull.base.sha,
                       base_ref=pull.base.ref, head_repo=head_repo, state=pull.state)


def _comment(c: IssueComment) -> Comment:
    return Comment(id=c.id, author=c.user.login if c.user is not None else "", body=c.body or "")


F = TypeVar("F", bound=GitHubFailure)


@contextmanager
def _failures(failure: Callable[..., F]) -> Iterator[None]:
    """Turn PyGithub's and requests' exceptions raised inside the block into ``failure``."""
    try:
        yield
    except GithubException as exc:
        raise _translate(failure, exc) from exc
    except OSError as exc:  # requests' ConnectionError, Timeout, RetryError... are OSErrors
        raise failure("unavailable", None, f"no answer from GitHub ({type(exc).__name__})") from exc


def _translate(failure: Callable[..., F], exc: GithubException) -> F:
    data = exc.data
    detail = str(data.get("message", "")) if isinstance(data, Mapping) else str(data or "")
    detail = " ".join(detail.split())
    headers = {k.lower(): v for k, v in (exc.headers or {}).items()}
    status = exc.status
    kind: FailureKind
    if isinstance(exc, RateLimitExceededExceedsMaxWait) and exc.wait is not None:
        detail = f"{detail} (GitHub asks to wait {exc.wait:.0f} s)".lstrip()
    if isinstance(exc, RateLimitExceededException) or status == 429 or (status == 403 and (
            "rate limit" in detail.lower() or headers.get("x-ratelimit-remaining") == "0")):
        kind = "rate_limited"
    elif status == 401:
        kind = "unauthorized"
    elif status == 403:
        kind = "forbidden"
    elif status == 404:
        kind = "not_found"
    elif status is not None and status >= 500:
        kind = "unavailable"
    else:
        kind = "rejected"
    return failure(kind, status, detail, accepted_permissions(headers.get("x-accepted-github-permissions", "")))


def accepted_permissions(header: str) -> tuple[str, ...]:
    """``X-Accepted-GitHub-Permissions`` in workflow syntax: ``"issues=write; pull_requests=write"`` gives
    ``("issues: write", "pull-requests: write")``. Alternatives are separated by ``;``; the permissions of
    one alternative by ``,`` (kept together, joined with ``, ``)."""
    out = []
    for alternative in header.split(";"):
        perms = []
        for item in alternative.split(","):
            name, sep, level = item.strip().partition("=")
            if name and sep and level:
                perms.append(f"{name.strip().replace('_', '-')}: {level.strip()}")
        if perms:
            out.append(", ".join(perms))
    return tuple(out)
