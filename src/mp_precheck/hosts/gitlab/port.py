"""Everything mp-precheck asks of GitLab: the :class:`GitLabPort` Protocol and its python-gitlab adapter.

This is the only module that imports python-gitlab (``gitlab``); ``tests/test_gitlab_port.py`` fails if
any other module does. The glue (:mod:`mp_precheck.hosts.gitlab.ci` and the ``mp-precheck gitlab`` command)
sees plain frozen dataclasses and the named failures below, never a python-gitlab object or exception.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Literal, Protocol, TypeVar

import gitlab
import gitlab.exceptions

FailureKind = Literal["forbidden", "unauthorized", "not_found", "rate_limited", "unavailable", "rejected"]
API_SUFFIX = "/api/v4"


@dataclass(frozen=True)
class Note:
    """A merge-request note (comment): its id, its author's username, its Markdown body, and whether
    GitLab wrote it itself (a system note such as "added 1 commit")."""

    id: int
    author: str
    body: str
    system: bool = False


class GitLabFailure(Exception):
    """A GitLab call failed; the glue turns it into one line of advice.

    ``kind`` says why: ``forbidden`` (403: the token lacks the ``api`` scope or a role), ``unauthorized``
    (401: a wrong or expired token), ``not_found`` (404: no such project or merge request, or the token
    cannot see it), ``rate_limited`` (429 after the retries), ``unavailable`` (5xx, timeout, no
    connection), ``rejected`` (GitLab refused the request, e.g. 400 for a note that is too long).
    ``status`` is the HTTP status (None without an answer), ``detail`` GitLab's own message, ``scope``
    the token scope GitLab asked for (``api``) when it answered ``insufficient_scope``.
    """

    def __init__(self, kind: FailureKind, status: int | None, detail: str, scope: str | None = None) -> None:
        super().__init__(f"{status or 'no answer'}: {detail}" if detail else str(status or "no answer"))
        self.kind = kind
        self.status = status
        self.detail = detail
        self.scope = scope


class CannotPostNote(GitLabFailure):
    """The merge-request note could not be read, created, edited or deleted, or the token's user read."""


class GitLabPort(Protocol):
    """What the glue asks of GitLab for one project. Every method raises only :class:`CannotPostNote`."""

    def identity(self) -> str:
        """The username the token writes notes as (``GET /user``)."""
        ...

    def notes(self, mr_iid: int) -> list[Note]:
        """Every note of merge request ``mr_iid``, oldest first, from every page."""
        ...

    def create_note(self, mr_iid: int, body: str) -> Note:
        """Post a new note on merge request ``mr_iid``."""
        ...

    def edit_note(self, mr_iid: int, note_id: int, body: str) -> Note:
        """Replace the body of note ``note_id``."""
        ...

    def delete_note(self, mr_iid: int, note_id: int) -> None:
        """Delete note ``note_id`` (gone already is fine)."""
        ...


@dataclass(frozen=True)
class GitLabHttp:
    """How the adapter talks HTTP: python-gitlab retries 429 (honouring ``Retry-After``) and, with
    ``retry_transient``, 500/502/503/504 and dropped connections, at most ``retries`` times; ``per_page``
    is the page size asked for (GitLab allows 1–100); ``timeout`` is in seconds."""

    retries: int = 3
    retry_transient: bool = True
    per_page: int = 100
    timeout: float = 30.0


def connect(api_url: str, token: str, project: str | int, *, http: GitLabHttp | None = None) -> PythonGitlabPort:
    """A :class:`GitLabPort` for ``project`` (numeric id or ``group/name`` path) through the REST API at
    ``api_url`` (``CI_API_V4_URL``, e.g. ``https://gitlab.example.com/api/v4``; an instance under a
    relative path such as ``https://host/gitlab/api/v4`` works too). Makes no request."""
    return PythonGitlabPort(api_url, token, project, http or GitLabHttp())


class PythonGitlabPort:
    """:class:`GitLabPort` over python-gitlab. No request is made until a method is called."""

    def __init__(self, api_url: str, token: str, project: str | int, http: GitLabHttp) -> None:
        base = api_url.rstrip("/")
        base = base[: -len(API_SUFFIX)] if base.endswith(API_SUFFIX) else base
        self._gl = gitlab.Gitlab(
            url=base, private_token=token, timeout=http.timeout, per_page=http.per_page,
            retry_transient_errors=http.retry_transient,
            keep_base_url=True,  # follow pagination links on the URL we were given, not GitLab's external_url
        )
        self._retries = http.retries
        self._project = self._gl.projects.get(project, lazy=True)
        self._identity: str | None = None

    def close(self) -> None:
        """Close the HTTP connections."""
        self._gl.session.close()

    def identity(self) -> str:
        if self._identity is None:
            with _failures(CannotPostNote):
                user: dict[str, Any] = self._gl.http_get("/user", max_retries=self._retries)  # type: ignore[assignment]
                self._identity = str(user["username"])
        return self._identity

    def notes(self, mr_iid: int) -> list[Note]:
        with _failures(CannotPostNote):
            found = self._mr(mr_iid).notes.list(iterator=True, sort="asc", order_by="created_at",
                                                max_retries=self._retries)
            return [_note(n.attributes) for n in found]

    def create_note(self, mr_iid: int, body: str) -> Note:
        with _failures(CannotPostNote):
            created = self._mr(mr_iid).notes.create({"body": body}, max_retries=self._retries)
            return _note(created.attributes)

    def edit_note(self, mr_iid: int, note_id: int, body: str) -> Note:
        with _failures(CannotPostNote):
            updated = self._mr(mr_iid).notes.update(note_id, {"body": body}, max_retries=self._retries)
            return _note(updated)

    def delete_note(self, mr_iid: int, note_id: int) -> None:
        try:
            with _failures(CannotPostNote):
                self._mr(mr_iid).notes.delete(note_id, max_retries=self._retries)
        except CannotPostNote as exc:
            if exc.kind != "not_found":
                raise

    def _mr(self, mr_iid: int) -> Any:
        return self._project.mergerequests.get(mr_iid, lazy=True)


def _note(data: dict[str, Any]) -> Note:
    author = data.get("author") or {}
    return Note(id=int(data["id"]), author=str(author.get("username", "")), body=str(data.get("body") or ""),
                system=bool(data.get("system", False)))


F = TypeVar("F", bound=GitLabFailure)


@contextmanager
def _failures(failure: Callable[..., F]) -> Iterator[None]:
    """Turn python-gitlab's and requests' exceptions raised inside the block into ``failure``."""
    try:
        yield
    except gitlab.exceptions.GitlabError as exc:
        raise _translate(failure, exc) from exc
    except OSError as exc:  # requests' ConnectionError, Timeout... are OSErrors
        raise failure("unavailable", None, f"no answer from GitLab ({type(exc).__name__})") from exc


def _translate(failure: Callable[..., F], exc: gitlab.exceptions.GitlabError) -> F:
    status = exc.response_code
    detail, scope = _detail(exc)
    kind: FailureKind
    if status == 401:
        kind = "unauthorized"
    elif status == 403:
        kind = "forbidden"
    elif status == 404:
        kind = "not_found"
    elif status == 429:
        kind = "rate_limited"
    elif status is None or status >= 500:
        kind = "unavailable"
    else:
        kind = "rejected"
    return failure(kind, status, detail, scope)


def _detail(exc: gitlab.exceptions.GitlabError) -> tuple[str, str | None]:
    """GitLab's message on one line, and the scope it asked for (``insufficient_scope`` answers)."""
    scope = None
    detail: Any = exc.error_message
    try:
        body = json.loads(exc.response_body or b"")
    except (ValueError, TypeError):
        body = None
    if isinstance(body, dict):
        if isinstance(body.get("scope"), str):
            scope = body["scope"]
        detail = body.get("message") or body.get("error") or detail
    if isinstance(detail, dict):  # validation errors: {"note": ["is too long (maximum is 1000000 characters)"]}
        detail = "; ".join(f"{k} {' '.join(map(str, v)) if isinstance(v, list) else v}" for k, v in detail.items())
    return " ".join(str(detail).split()), scope
