"""A fake GitHub REST API on 127.0.0.1 for tests that drive PyGithub over real HTTP.

Standard library only. The server answers with GitHub's payload shapes, status codes and headers
for the endpoints mp-precheck uses (pull requests, issue comments, commit statuses, check runs,
releases, the authenticated user), keeps its state in memory where tests can read it, logs every
request, and can be told to fail the next matching requests (502, 500, secondary rate limit...).

Typical use::

    with FakeGitHub() as gh:
        gh.add_pull(7, head_sha="a" * 40)
        client = Github(base_url=gh.base_url, auth=Auth.Token(TOKEN_INSTALLATION), retry=None,
                        seconds_between_requests=None, seconds_between_writes=None)
        client.get_repo(gh.default_repo).get_pull(7).create_issue_comment("hi")
        assert gh.comments(7)[0]["body"] == "hi"

It also answers under the GitHub Enterprise prefix: ``gh.ghe_base_url`` is ``base_url + "/api/v3"``.
URLs inside payloads (``url``, ``Link`` headers...) follow the prefix the request came in with, so a
client that follows them stays on the same base.

Where GitHub behaves in a way worth testing against, the fake does too:

* paginated lists (``per_page`` default 30, max 100; ``page``) send ``Link`` with ``prev``/``next``/
  ``last``/``first`` and, as GitHub does for repository lists, point them at
  ``/repositories/{repo_id}/...``, which the server also answers;
* a missing ``Authorization`` is 401 "Requires authentication", an unknown token 401
  "Bad credentials";
* a ``readonly`` token (a fork pull request's ``GITHUB_TOKEN``) gets 403 "Resource not accessible
  by integration" with ``X-Accepted-GitHub-Permissions`` on every write;
* ``GET /user`` with an installation token (``GITHUB_TOKEN``'s or a GitHub App's, :data:`TOKEN_APP`) is
  403 "Resource not accessible by integration"; what such a token writes is by ``<app-slug>[bot]``
  (``type: Bot``, ``performed_via_github_app`` set); check runs need an installation token;
* comment bodies over 65536 characters, status descriptions over 140 characters, check-run
  summaries/texts over 65535 characters (or 65535 UTF-8 bytes) are 422 with GitHub's messages;
* statuses and check runs on an unknown commit are 422 "No commit found for SHA";
* draft releases are not found by tag name;
* timestamps come from a deterministic clock that ticks one second per write.

Faults beyond plain error answers: :meth:`FakeGitHub.secondary_rate_limit_next` and
:meth:`FakeGitHub.set_rate_limit` answer 403 or 429 with GitHub's headers; :meth:`FakeGitHub.apply_then_fail_next`
carries a write out and answers 502; :meth:`FakeGitHub.on_next` lets another client act between two requests
(:meth:`FakeGitHub.move_head`, :meth:`FakeGitHub.edit_comment`).
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import time
import traceback
import urllib.parse
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime, timedelta, timezone
from http import HTTPStatus
from typing import Any, NamedTuple

from fakehttp import LoopbackServer

__all__ = [
    "APP_BOT",
    "DEFAULT_REPO",
    "DEFAULT_TOKENS",
    "GITHUB_ACTIONS_BOT",
    "SECONDARY_RATE_LIMIT_MESSAGE",
    "TOKEN_APP",
    "TOKEN_INSTALLATION",
    "TOKEN_READONLY",
    "TOKEN_USER",
    "ApiError",
    "FakeGitHub",
    "Request",
]

DOCS = "https://docs.github.com/rest"
DEFAULT_REPO = "octo-org/mini-app"

TOKEN_INSTALLATION = "ghs_FakeInstallationToken000000000000001"
TOKEN_USER = "ghp_FakeUserToken0000000000000000000000001"
TOKEN_READONLY = "ghs_FakeForkReadOnlyToken000000000000001"
TOKEN_APP = "ghs_FakeAppInstallationToken0000000000001"   # a GitHub App's installation token

GITHUB_ACTIONS_BOT: dict[str, Any] = {"login": "github-actions[bot]", "id": 41898282, "type": "Bot"}
APP_BOT: dict[str, Any] = {"login": "mp-precheck-app[bot]", "id": 149100001, "type": "Bot"}   # <app-slug>[bot]

DEFAULT_TOKENS: dict[str, dict[str, Any]] = {
    TOKEN_INSTALLATION: {**GITHUB_ACTIONS_BOT, "kind": "installation"},
    TOKEN_USER: {"login": "octocat", "id": 583231, "type": "User", "kind": "user"},
    TOKEN_READONLY: {**GITHUB_ACTIONS_BOT, "kind": "readonly"},
    TOKEN_APP: {**APP_BOT, "kind": "installation"},
}

SECONDARY_RATE_LIMIT_MESSAGE = (
    "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. "
    "If you reach out to GitHub Support for help, please include the request ID {request_id}."
)

COMMENT_BODY_MAX = 65536
STATUS_DESCRIPTION_MAX = 140
CHECK_OUTPUT_MAX = 65535
CHECK_ANNOTATIONS_MAX = 50
RELEASE_BODY_MAX = 125000
STATUSES_PER_CONTEXT_MAX = 1000

STATUS_STATES = ("error", "failure", "pending", "success")
CHECK_STATUSES = ("queued", "in_progress", "completed", "waiting", "requested", "pending")
CHECK_CONCLUSIONS = (
    "action_required", "cancelled", "failure", "neutral", "success", "skipped", "stale", "timed_out",
)

_WRITE_METHODS = frozenset({"POST", "PATCH", "PUT", "DELETE"})
_TOKEN_KINDS = frozenset({"user", "installation", "readonly"})
_GHE_PREFIX = "/api/v3"


class Request(NamedTuple):
    """One logged request. ``path`` is the path as received (GHE prefix included), without query;
    ``query`` maps each parameter to its last value; ``body`` is the decoded JSON (None when empty,
    the raw text when it is not JSON); ``headers`` has lower-case names."""

    method: str
    path: str
    query: dict[str, str]
    body: Any
    headers: dict[str, str]


class ApiError(Exception):
    """An error answer: status, GitHub's JSON error body, extra headers."""

    def __init__(self, status: int, message: str, doc: str = DOCS, *,
                 errors: list[dict[str, Any]] | None = None,
                 headers: Mapping[str, str] | None = None) -> None:
        super().__init__(f"{status} {message}")
        self.status = status
        self.body: dict[str, Any] = {"message": message}
        if errors is not None:
            self.body["errors"] = errors
        self.body["documentation_url"] = doc
        self.body["status"] = str(status)
        self.headers = dict(headers or {})


def _validation_failed(doc: str, *errors: dict[str, Any]) -> ApiError:
    return ApiError(422, "Validation Failed", doc, errors=list(errors))


def _invalid_request(doc: str, detail: str) -> ApiError:
    return ApiError(422, f"Invalid request.\n\n{detail}", doc)


def _not_found(doc: str = DOCS) -> ApiError:
    return ApiError(404, "Not Found", doc)


def _legacy_node_id(kind: str, ident: int) -> str:
    return base64.b64encode(f"0{len(kind)}:{kind}{ident}".encode()).decode()


class _Fault:
    def __init__(self, method: str, pattern: str, status: int, body: Any, headers: Mapping[str, str] | None,
                 times: int, applied: bool = False) -> None:
        self.method = method.upper()
        self.regex = re.compile(pattern)
        self.status = status
        self.body = body
        self.headers = dict(headers or {})
        self.remaining = times
        self.applied = applied    # the request is carried out first, then answered with this status


class _Hook:
    def __init__(self, method: str, pattern: str, hook: Callable[[FakeGitHub], None], after: bool,
                 times: int) -> None:
        self.method = method.upper()
        self.regex = re.compile(pattern)
        self.hook = hook
        self.after = after
        self.remaining = times


class _Ctx:
    """What a route handler needs to know about the request it answers."""

    def __init__(self, method: str, path: str, prefix: str, query: dict[str, str], body: Any,
                 token: str | None, identity: dict[str, Any] | None, root: str, web: str) -> None:
        self.method = method
        self.path = path          # prefix stripped, /repositories/{id} mapped to /repos/{owner}/{name}
        self.prefix = prefix      # "" or "/api/v3"
        self.query = query
        self.body = body
        self.token = token
        self.identity = identity
        self.root = root          # API root for URLs in payloads, e.g. http://127.0.0.1:PORT/api/v3
        self.web = web            # web root for html_url
        self.repo: dict[str, Any] | None = None
        self.sub = ""             # for repository routes: what follows /repos/{owner}/{name}

    @property
    def json(self) -> dict[str, Any]:
        return self.body if isinstance(self.body, dict) else {}


# (status, payload or None, extra headers)
_Answer = tuple[int, Any, dict[str, str]]


class _Route(NamedTuple):
    method: str
    in_repo: bool                # pattern is matched against what follows /repos/{owner}/{repo}
    regex: re.Pattern[str]
    handler: Callable[..., _Answer]
    permission: str | None       # X-Accepted-GitHub-Permissions for a write, None for reads
    doc: str


class FakeGitHub(LoopbackServer):
    """A fake GitHub REST server on 127.0.0.1 (port chosen by the OS).

    ``tokens`` maps a token to an identity ``{"login", "id", "type": "User"|"Bot",
    "kind": "user"|"installation"|"readonly"}`` (optional ``"rate_limit"``, ``"name"``, ``"email"``);
    it defaults to :data:`DEFAULT_TOKENS`. ``repo`` is created at start-up (``None`` for none).
    """

    server_header = "github.com"
    thread_name = "fakegithub"

    def __init__(self, tokens: Mapping[str, Mapping[str, Any]] | None = None, repo: str | None = DEFAULT_REPO,
                 *, start_time: str = "2026-01-01T00:00:00Z") -> None:
        super().__init__()
        self.tokens: dict[str, dict[str, Any]] = {}
        for tok, ident in (DEFAULT_TOKENS if tokens is None else tokens).items():
            self.add_token(tok, **ident)
        self.repos: dict[str, dict[str, Any]] = {}     # key: lower-case full name
        self.requests: list[Request] = []
        self.errors: list[str] = []                   # tracebacks of handler crashes (answered 500)
        self._faults: list[_Fault] = []
        self._hooks: list[_Hook] = []
        self._rate: dict[str, dict[str, int]] = {}
        self._rate_reset = int(time.time()) + 3600
        self._clock = datetime.strptime(start_time, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
        self._next_id = 1000
        self._request_seq = 0
        self.default_repo = repo or ""
        self._routes = self._build_routes()
        if repo:
            self.add_repo(repo)

    # ------------------------------------------------------------------ lifecycle

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def ghe_base_url(self) -> str:
        return f"{self.base_url}{_GHE_PREFIX}"


    # ------------------------------------------------------------------ clock and ids

    def _now(self) -> str:
        with self._lock:
            self._clock += timedelta(seconds=1)
            return self._clock.strftime("%Y-%m-%dT%H:%M:%SZ")

    def advance(self, seconds: int) -> None:
        """Move the fake clock forward."""
        with self._lock:
            self._clock += timedelta(seconds=seconds)

    def _new_id(self) -> int:
        with self._lock:
            self._next_id += 1
            return self._next_id

    # ------------------------------------------------------------------ seeding

    def add_token(self, token: str, login: str, id: int, type: str = "User", kind: str = "user",
                  **extra: Any) -> dict[str, Any]:
        if kind not in _TOKEN_KINDS:
            raise ValueError(f"kind must be one of {sorted(_TOKEN_KINDS)}")
        if type not in ("User", "Bot"):
            raise ValueError("type must be 'User' or 'Bot'")
        ident = {"login": login, "id": int(id), "type": type, "kind": kind, **extra}
        with self._lock:
            self.tokens[token] = ident
        return ident

    def set_rate_limit(self, token: str, remaining: int, limit: int | None = None, *, status: int = 403,
                       reset_in: int | None = None) -> None:
        """Set what is left of a token's primary rate limit; at 0 every call gets GitHub's answer with
        ``status`` (403 or 429: GitHub sends either) and ``X-RateLimit-Remaining: 0``. ``reset_in`` moves
        ``X-RateLimit-Reset`` to that many seconds from now (an hour by default)."""
        if status not in (403, 429):
            raise ValueError("GitHub answers an exceeded rate limit with 403 or 429")
        with self._lock:
            st = self._rate_state(token)
            if limit is not None:
                st["limit"] = limit
            st["used"] = max(st["limit"] - remaining, 0)
            st["status"] = status
            if reset_in is not None:
                self._rate_reset = int(time.time()) + reset_in

    def add_repo(self, full_name: str, *, private: bool = False, default_branch: str = "main",
                 owner_type: str = "Organization", fork: bool = False) -> dict[str, Any]:
        owner, _, name = full_name.partition("/")
        if not owner or not name or "/" in name:
            raise ValueError(f"not an owner/name: {full_name!r}")
        with self._lock:
            key = full_name.lower()
            if key in self.repos:
                return self.repos[key]
            rid = self._new_id()
            created = self._now()
            rec: dict[str, Any] = {
                "id": rid, "owner": owner, "name": name, "full_name": full_name,
                "owner_user": self._user_rec(owner, owner_type), "private": private, "fork": fork,
                "default_branch": default_branch, "created_at": created, "updated_at": created,
                "pulls": {}, "issues": {}, "comments": {}, "statuses": [], "check_runs": {},
                "releases": {}, "commits": {},
            }
            self.repos[key] = rec
            return rec

    def repo(self, full_name: str | None = None) -> dict[str, Any]:
        """The in-memory record of a repository (default: the one created at start-up)."""
        name = full_name or self.default_repo
        try:
            return self.repos[name.lower()]
        except KeyError:
            raise KeyError(f"no repository {name!r} in the fake") from None

    def add_commit(self, sha: str, *, message: str = "change", parents: Iterable[str] = (),
                   repo: str | None = None) -> dict[str, Any]:
        with self._lock:
            r = self.repo(repo)
            if sha not in r["commits"]:
                r["commits"][sha] = {"sha": sha, "message": message, "parents": list(parents),
                                     "date": self._now()}
            return r["commits"][sha]

    def add_pull(self, number: int, head_sha: str, *, base_sha: str | None = None, title: str | None = None,
                 body: str | None = None, head_ref: str = "feature", base_ref: str | None = None,
                 user_login: str = "octocat", user_type: str = "User", head_repo: str | None = None,
                 state: str = "open", labels: Iterable[str] = (), draft: bool = False, merged: bool = False,
                 merge_commit_sha: str | None = None, commits: Iterable[str] = (),
                 repo: str | None = None) -> dict[str, Any]:
        """Seed a pull request. ``head_repo`` other than the base repository makes it a fork PR."""
        with self._lock:
            r = self.repo(repo)
            if number in r["pulls"] or number in r["issues"]:
                raise ValueError(f"#{number} already exists")
            base_sha = base_sha or hashlib.sha1(f"base-of-{head_sha}".encode()).hexdigest()
            head_full = head_repo or r["full_name"]
            if head_full.lower() != r["full_name"].lower():
                self.add_repo(head_full, owner_type="User", fork=True)
            for sha in (head_sha, base_sha, *commits, *([merge_commit_sha] if merge_commit_sha else [])):
                self.add_commit(sha, repo=r["full_name"])
            created = self._now()
            closed = state == "closed" or merged
            rec = {
                "number": number, "id": self._new_id(), "title": title or f"Pull request #{number}",
                "body": body, "state": "closed" if closed else "open", "draft": draft,
                "user": self._user_rec(user_login, user_type), "labels": list(labels),
                "head": {"ref": head_ref, "sha": head_sha, "repo": head_full},
                "base": {"ref": base_ref or r["default_branch"], "sha": base_sha},
                "merged": merged, "merge_commit_sha": merge_commit_sha, "commits": [*commits, head_sha],
                "created_at": created, "updated_at": created,
                "closed_at": created if closed else None, "merged_at": created if merged else None,
            }
            r["pulls"][number] = rec
            return rec

    def add_issue(self, number: int, title: str = "Issue", *, body: str | None = None,
                  user_login: str = "octocat", user_type: str = "User", state: str = "open",
                  repo: str | None = None) -> dict[str, Any]:
        with self._lock:
            r = self.repo(repo)
            if number in r["pulls"] or number in r["issues"]:
                raise ValueError(f"#{number} already exists")
            created = self._now()
            rec = {"number": number, "id": self._new_id(), "title": title, "body": body, "state": state,
                   "user": self._user_rec(user_login, user_type), "labels": [], "created_at": created,
                   "updated_at": created, "closed_at": created if state == "closed" else None}
            r["issues"][number] = rec
            return rec

    def add_comment(self, issue_number: int, body: str, user_login: str = "octocat", user_type: str = "User",
                    *, author_association: str | None = None, repo: str | None = None) -> dict[str, Any]:
        """Seed an issue comment on a pull request or issue (no length check: GitHub's state is given)."""
        with self._lock:
            r = self.repo(repo)
            self._issue_or_pull(r, issue_number)
            return self._store_comment(r, issue_number, body, self._user_rec(user_login, user_type),
                                       author_association)

    def add_status(self, sha: str, state: str, context: str = "default", *, description: str | None = None,
                   target_url: str | None = None, creator_login: str = "github-actions[bot]",
                   creator_type: str = "Bot", repo: str | None = None) -> dict[str, Any]:
        with self._lock:
            r = self.repo(repo)
            self.add_commit(sha, repo=r["full_name"])
            return self._store_status(r, sha, state, context, description, target_url,
                                      self._user_rec(creator_login, creator_type))

    def add_release(self, tag_name: str, *, name: str | None = None, body: str | None = None,
                    draft: bool = False, prerelease: bool = False, target_commitish: str | None = None,
                    author_login: str = "github-actions[bot]", author_type: str = "Bot",
                    repo: str | None = None) -> dict[str, Any]:
        with self._lock:
            r = self.repo(repo)
            return self._store_release(r, {"tag_name": tag_name, "name": name, "body": body, "draft": draft,
                                            "prerelease": prerelease, "target_commitish": target_commitish},
                                       self._user_rec(author_login, author_type))

    def move_head(self, number: int, head_sha: str, *, repo: str | None = None) -> dict[str, Any]:
        """Push ``head_sha`` to pull request ``number``'s head branch (GitHub's ``synchronize``)."""
        with self._lock:
            r = self.repo(repo)
            rec = r["pulls"][number]
            self.add_commit(head_sha, parents=[rec["head"]["sha"]], repo=r["full_name"])
            rec["head"]["sha"] = head_sha
            rec["commits"].append(head_sha)
            rec["updated_at"] = self._now()
            return rec

    def edit_comment(self, comment_id: int, body: str, *, repo: str | None = None) -> dict[str, Any]:
        """Replace a comment's body as another client would (no length check), moving ``updated_at``."""
        with self._lock:
            c = self.repo(repo)["comments"][comment_id]
            c["body"] = body
            c["updated_at"] = self._now()
            return c

    # ------------------------------------------------------------------ inspection

    def comments(self, issue_number: int | None = None, repo: str | None = None) -> list[dict[str, Any]]:
        """Issue comments (id order), optionally of one issue/PR. Records: id, issue_number, body,
        user{login,id,type}, created_at, updated_at, author_association."""
        with self._lock:
            return [c for c in self.repo(repo)["comments"].values()
                    if issue_number is None or c["issue_number"] == issue_number]

    def statuses(self, sha: str | None = None, repo: str | None = None) -> list[dict[str, Any]]:
        """Commit statuses in creation order. Records: id, sha, state, description, target_url, context,
        creator, created_at, updated_at."""
        with self._lock:
            return [s for s in self.repo(repo)["statuses"] if sha is None or s["sha"] == sha]

    def check_runs(self, repo: str | None = None) -> list[dict[str, Any]]:
        with self._lock:
            return list(self.repo(repo)["check_runs"].values())

    def releases(self, repo: str | None = None) -> list[dict[str, Any]]:
        with self._lock:
            return list(self.repo(repo)["releases"].values())

    def calls(self, method: str | None = None, path_regex: str | None = None) -> list[Request]:
        """Logged requests filtered by method and by ``re.search`` on the path."""
        with self._lock:
            return [q for q in self.requests
                    if (method is None or q.method == method.upper())
                    and (path_regex is None or re.search(path_regex, q.path))]

    def clear_requests(self) -> None:
        with self._lock:
            self.requests.clear()

    # ------------------------------------------------------------------ fault injection

    def fail_next(self, method: str, path_regex: str, status: int, body: Any = None,
                  headers: Mapping[str, str] | None = None, times: int = 1) -> None:
        """Answer the next ``times`` requests whose method matches (``"*"`` for any) and whose path
        (GHE prefix stripped, ``/repositories/{id}`` shown as ``/repos/{owner}/{name}``) matches
        ``re.search(path_regex)`` with ``status``. ``body``: dict/list (JSON), str/bytes (sent as is),
        None (``{"message": <reason>}``); ``headers`` are added to the usual ones. Faults come before
        authentication, like a proxy or GitHub's front end; they are consumed in the order given."""
        with self._lock:
            self._faults.append(_Fault(method, path_regex, status, body, headers, times))

    def secondary_rate_limit_next(self, method: str, path_regex: str, retry_after: int | None = 1,
                                  times: int = 1, status: int = 403) -> None:
        """GitHub's secondary rate limit answer: ``status`` 403 or 429 (GitHub sends either), its message,
        ``Retry-After`` when not None, and the usual ``X-RateLimit-*`` headers (the primary quota is not
        used up, so ``X-RateLimit-Remaining`` is not 0)."""
        if status not in (403, 429):
            raise ValueError("GitHub answers a secondary rate limit with 403 or 429")
        headers = {"Retry-After": str(retry_after)} if retry_after is not None else {}
        body = {"message": SECONDARY_RATE_LIMIT_MESSAGE.format(request_id="0000:FAKE:0000"),
                "documentation_url": "https://docs.github.com/free-pro-team@latest/rest/overview/"
                                     "rate-limits-for-the-rest-api#about-secondary-rate-limits",
                "status": str(status)}
        self.fail_next(method, path_regex, status, body, headers, times)

    def apply_then_fail_next(self, method: str, path_regex: str, status: int = 502, body: Any = None,
                             headers: Mapping[str, str] | None = None, times: int = 1) -> None:
        """Carry out the next ``times`` matching requests (a comment is created, a status set...) but answer
        them with ``status`` as :meth:`fail_next` does, as GitHub does when its front end times out after
        the write went through. Only a request that succeeded is turned into the failure."""
        with self._lock:
            self._faults.append(_Fault(method, path_regex, status, body, headers, times, applied=True))

    def on_next(self, method: str, path_regex: str, hook: Callable[[FakeGitHub], None], *, after: bool = False,
                times: int = 1) -> None:
        """Call ``hook(fake)`` on the next ``times`` matching requests (matched as in :meth:`fail_next`):
        before the request is handled, so that it sees what the hook changed, or with ``after`` once it
        was handled and before it is answered, so that the answer is already stale. The hook runs under
        the fake's lock: another client (a newer run) acting between two requests, e.g.
        ``fake.on_next("PATCH", r"/issues/comments/", lambda f: f.edit_comment(cid, newer))``."""
        with self._lock:
            self._hooks.append(_Hook(method, path_regex, hook, after, times))

    @property
    def pending_faults(self) -> int:
        """Faults and hooks not used up yet."""
        with self._lock:
            return sum(f.remaining for f in self._faults) + sum(h.remaining for h in self._hooks)

    # ------------------------------------------------------------------ dispatch

    def _dispatch(self, method: str, raw_path: str, headers: dict[str, str],
                  raw_body: bytes) -> tuple[int, list[tuple[str, str]], bytes]:
        with self._lock:
            try:
                return self._dispatch_locked(method.upper(), raw_path, headers, raw_body)
            except Exception:
                self.errors.append(traceback.format_exc())
                return self._respond(500, {"message": "Server Error", "documentation_url": DOCS,
                                           "status": "500"}, {}, None, False)

    def _dispatch_locked(self, method: str, raw_path: str, headers: dict[str, str],
                         raw_body: bytes) -> tuple[int, list[tuple[str, str]], bytes]:
        split = urllib.parse.urlsplit(raw_path)
        query = {k: v[-1] for k, v in urllib.parse.parse_qs(split.query, keep_blank_values=True).items()}
        lower = {k.lower(): v for k, v in headers.items()}
        body: Any = None
        bad_json = False
        if raw_body:
            text = raw_body.decode("utf-8", "replace")
            try:
                body = json.loads(text)
            except ValueError:
                body, bad_json = text, True
        self.requests.append(Request(method, split.path, query, body, lower))

        path, prefix = split.path, ""
        if path == _GHE_PREFIX or path.startswith(_GHE_PREFIX + "/"):
            path, prefix = path[len(_GHE_PREFIX):] or "/", _GHE_PREFIX
        path = self._map_repositories_path(path)

        token = self._token_from(lower.get("authorization", ""))
        identity = self.tokens.get(token) if token else None
        self._run_hooks(method, path, after=False)
        fault = self._take_fault(method, path)
        if fault is not None:
            return self._respond(fault.status, self._fault_payload(fault), fault.headers,
                                 token if identity else None, True)

        if token is None:
            return self._error(ApiError(401, "Requires authentication", DOCS), None)
        if identity is None:
            return self._error(ApiError(401, "Bad credentials", DOCS), None)

        if path != "/rate_limit":
            st = self._rate_state(token)
            if st["used"] >= st["limit"]:
                who = "installation ID 1" if identity["kind"] != "user" else f"user ID {identity['id']}"
                return self._error(ApiError(
                    st.get("status", 403), f"API rate limit exceeded for {who}. If you reach out to GitHub Support for help, "
                         f"please include the request ID {self._request_id(False)} and timestamp "
                         f"{self._clock.strftime('%Y-%m-%d %H:%M:%S UTC')}.",
                    "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api"), token)
            st["used"] += 1

        if bad_json:
            return self._error(ApiError(400, "Problems parsing JSON", DOCS), token)

        root = f"http://127.0.0.1:{self.port}{prefix}"
        ctx = _Ctx(method, path, prefix, query, body, token, identity, root, f"http://127.0.0.1:{self.port}")
        try:
            status, payload, extra = self._route(ctx)
        except ApiError as err:
            return self._error(err, token)
        finally:
            self._run_hooks(method, path, after=True)
        applied = self._take_fault(method, path, applied=True) if status < 400 else None
        if applied is not None:
            return self._respond(applied.status, self._fault_payload(applied), applied.headers, token, True)
        etag = None
        if method == "GET" and status == 200:
            etag = 'W/"' + hashlib.sha256(self._encode(payload)).hexdigest()[:40] + '"'
            if lower.get("if-none-match") == etag:
                self._rate_state(token)["used"] -= 1   # GitHub does not count a 304
                return self._respond(304, None, {"ETag": etag}, token, True)
        if etag:
            extra = {"ETag": etag, "Cache-Control": "private, max-age=60, s-maxage=60", **extra}
        return self._respond(status, payload, extra, token, True)

    def _route(self, ctx: _Ctx) -> _Answer:
        repo_match = re.fullmatch(r"/repos/([^/]+)/([^/]+)(/.*)?", ctx.path)
        sub = ctx.path
        owner = name = ""
        if repo_match:
            owner, name = (urllib.parse.unquote(g) for g in repo_match.group(1, 2))
            sub = repo_match.group(3) or ""
        for route in self._routes:
            if route.in_repo != (repo_match is not None):
                continue
            m = route.regex.fullmatch(sub)
            if m is None or route.method != ctx.method:
                continue   # GitHub answers 404 for unknown paths and for unsupported methods alike
            if repo_match:
                rec = self.repos.get(f"{owner}/{name}".lower())
                if rec is None:
                    raise _not_found(route.doc)
                ctx.repo, ctx.sub = rec, sub
            if route.permission and ctx.identity and ctx.identity["kind"] == "readonly":
                raise ApiError(403, "Resource not accessible by integration", route.doc,
                               headers={"X-Accepted-GitHub-Permissions": route.permission})
            params = {k: urllib.parse.unquote(v) for k, v in m.groupdict().items()}
            return route.handler(ctx, **params)
        raise _not_found()

    def _build_routes(self) -> list[_Route]:
        d = DOCS
        comments_perm = "issues=write; pull_requests=write"
        table: list[tuple[str, str, Callable[..., _Answer], str | None, str]] = [
            ("GET", r"/user", self._get_user, None, f"{d}/users/users#get-the-authenticated-user"),
            ("GET", r"/rate_limit", self._get_rate_limit, None, f"{d}/rate-limit/rate-limit"),
            ("GET", r"R", self._get_repo, None, f"{d}/repos/repos#get-a-repository"),
            ("GET", r"R/pulls", self._list_pulls, None, f"{d}/pulls/pulls#list-pull-requests"),
            ("GET", r"R/pulls/(?P<number>\d+)", self._get_pull, None, f"{d}/pulls/pulls#get-a-pull-request"),
            ("GET", r"R/issues/(?P<number>\d+)", self._get_issue, None, f"{d}/issues/issues#get-an-issue"),
            ("GET", r"R/issues/(?P<number>\d+)/comments", self._list_comments, None,
             f"{d}/issues/comments#list-issue-comments"),
            ("POST", r"R/issues/(?P<number>\d+)/comments", self._create_comment, comments_perm,
             f"{d}/issues/comments#create-an-issue-comment"),
            ("GET", r"R/issues/comments/(?P<cid>\d+)", self._get_comment, None,
             f"{d}/issues/comments#get-an-issue-comment"),
            ("PATCH", r"R/issues/comments/(?P<cid>\d+)", self._edit_comment, comments_perm,
             f"{d}/issues/comments#update-an-issue-comment"),
            ("DELETE", r"R/issues/comments/(?P<cid>\d+)", self._delete_comment, comments_perm,
             f"{d}/issues/comments#delete-an-issue-comment"),
            ("GET", r"R/commits/(?P<ref>[^/]+)", self._get_commit, None, f"{d}/commits/commits#get-a-commit"),
            ("GET", r"R/commits/(?P<ref>[^/]+)/pulls", self._commit_pulls, None,
             f"{d}/commits/commits#list-pull-requests-associated-with-a-commit"),
            ("GET", r"R/commits/(?P<ref>[^/]+)/statuses", self._list_statuses, None,
             f"{d}/commits/statuses#list-commit-statuses-for-a-reference"),
            ("GET", r"R/statuses/(?P<ref>[^/]+)", self._list_statuses, None,
             f"{d}/commits/statuses#list-commit-statuses-for-a-reference"),
            ("GET", r"R/commits/(?P<ref>[^/]+)/status", self._combined_status, None,
             f"{d}/commits/statuses#get-the-combined-status-for-a-specific-reference"),
            ("POST", r"R/statuses/(?P<ref>[^/]+)", self._create_status, "statuses=write",
             f"{d}/commits/statuses#create-a-commit-status"),
            ("POST", r"R/check-runs", self._create_check_run, "checks=write",
             f"{d}/checks/runs#create-a-check-run"),
            ("GET", r"R/check-runs/(?P<rid>\d+)", self._get_check_run, None,
             f"{d}/checks/runs#get-a-check-run"),
            ("PATCH", r"R/check-runs/(?P<rid>\d+)", self._update_check_run, "checks=write",
             f"{d}/checks/runs#update-a-check-run"),
            ("GET", r"R/commits/(?P<ref>[^/]+)/check-runs", self._list_check_runs, None,
             f"{d}/checks/runs#list-check-runs-for-a-git-reference"),
            ("GET", r"R/releases", self._list_releases, None, f"{d}/releases/releases#list-releases"),
            ("POST", r"R/releases", self._create_release, "contents=write",
             f"{d}/releases/releases#create-a-release"),
            ("GET", r"R/releases/tags/(?P<tag>[^/]+)", self._get_release_by_tag, None,
             f"{d}/releases/releases#get-a-release-by-tag-name"),
            ("GET", r"R/releases/(?P<rid>\d+)", self._get_release, None,
             f"{d}/releases/releases#get-a-release"),
            ("PATCH", r"R/releases/(?P<rid>\d+)", self._update_release, "contents=write",
             f"{d}/releases/releases#update-a-release"),
            ("DELETE", r"R/releases/(?P<rid>\d+)", self._delete_release, "contents=write",
             f"{d}/releases/releases#delete-a-release"),
        ]
        routes = []
        for method, pattern, handler, perm, doc in table:
            # a leading "R" marks a route under /repos/{owner}/{repo}
            in_repo = pattern.startswith("R")
            routes.append(_Route(method, in_repo, re.compile(pattern[1:] if in_repo else pattern),
                                 self._with_doc(handler, doc), perm, doc))
        return routes

    @staticmethod
    def _with_doc(handler: Callable[..., _Answer], doc: str) -> Callable[..., _Answer]:
        def call(ctx: _Ctx, **params: str) -> _Answer:
            return handler(ctx, doc, **params)
        return call

    def _map_repositories_path(self, path: str) -> str:
        m = re.fullmatch(r"/repositories/(\d+)(/.*)?", path)
        if not m:
            return path
        for rec in self.repos.values():
            if rec["id"] == int(m.group(1)):
                return f"/repos/{rec['full_name']}{m.group(2) or ''}"
        return path

    @staticmethod
    def _fault_payload(fault: _Fault) -> Any:
        return fault.body if fault.body is not None else {
            "message": "Server Error" if fault.status >= 500 else HTTPStatus(fault.status).phrase,
            "documentation_url": DOCS, "status": str(fault.status)}

    def _run_hooks(self, method: str, path: str, after: bool) -> None:
        for hook in list(self._hooks):
            if hook.after == after and hook.remaining > 0 and hook.method in ("*", method) \
                    and hook.regex.search(path):
                hook.remaining -= 1
                if hook.remaining == 0:
                    self._hooks.remove(hook)
                hook.hook(self)

    def _take_fault(self, method: str, path: str, applied: bool = False) -> _Fault | None:
        for fault in self._faults:
            if fault.applied == applied and fault.remaining > 0 and fault.method in ("*", method) \
                    and fault.regex.search(path):
                fault.remaining -= 1
                if fault.remaining == 0:
                    self._faults.remove(fault)
                return fault
        return None

    @staticmethod
    def _token_from(header: str) -> str | None:
        scheme, _, value = header.strip().partition(" ")
        if scheme.lower() in ("token", "bearer") and value.strip():
            return value.strip()
        return None

    def _rate_state(self, token: str) -> dict[str, int]:
        if token not in self._rate:
            ident = self.tokens.get(token, {})
            default = 5000 if ident.get("kind", "user") == "user" else 1000
            self._rate[token] = {"limit": int(ident.get("rate_limit", default)), "used": 0}
        return self._rate[token]

    def _request_id(self, advance: bool = True) -> str:
        if advance:
            self._request_seq += 1
        n = self._request_seq
        return f"C0DE:{n:06X}:{n * 7 % 0xFFFFFF:06X}:{n * 13 % 0xFFFFFF:06X}:{0x677E1A00 + n:08X}"

    @staticmethod
    def _encode(payload: Any) -> bytes:
        if payload is None:
            return b""
        if isinstance(payload, bytes):
            return payload
        if isinstance(payload, str):
            return payload.encode("utf-8")
        return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    def _error(self, err: ApiError, token: str | None) -> tuple[int, list[tuple[str, str]], bytes]:
        return self._respond(err.status, err.body, err.headers, token, True)

    def _respond(self, status: int, payload: Any, extra: Mapping[str, str], token: str | None,
                 rate_headers: bool) -> tuple[int, list[tuple[str, str]], bytes]:
        body = self._encode(payload)
        headers: list[tuple[str, str]] = []
        if status not in (204, 304):
            if isinstance(payload, str) and payload.lstrip().startswith("<"):
                headers.append(("Content-Type", "text/html; charset=utf-8"))
            elif isinstance(payload, str | bytes):
                headers.append(("Content-Type", "text/plain; charset=utf-8"))
            else:
                headers.append(("Content-Type", "application/json; charset=utf-8"))
        headers += [
            ("X-GitHub-Media-Type", "github.v3; format=json"),
            ("X-GitHub-Api-Version-Selected", "2022-11-28"),
            ("Vary", "Accept, Authorization, Cookie, X-GitHub-OTP"),
        ]
        if rate_headers:
            if token is not None:
                st = self._rate_state(token)
                limit, used = st["limit"], st["used"]
            else:
                limit, used = 60, 0
            headers += [
                ("X-RateLimit-Limit", str(limit)),
                ("X-RateLimit-Remaining", str(max(limit - used, 0))),
                ("X-RateLimit-Reset", str(self._rate_reset)),
                ("X-RateLimit-Used", str(used)),
                ("X-RateLimit-Resource", "core"),
            ]
        if token is not None and token in self.tokens and self.tokens[token]["kind"] == "user":
            headers.append(("X-OAuth-Scopes", "repo"))
        names = {n.lower() for n, _ in headers}
        for name, value in extra.items():
            if name.lower() in names:
                headers = [(n, v) for n, v in headers if n.lower() != name.lower()]
            headers.append((name, value))
        headers.append(("X-GitHub-Request-Id", self._request_id()))
        return status, headers, body

    # ------------------------------------------------------------------ JSON shapes

    def _user_rec(self, login: str, type: str = "User") -> dict[str, Any]:
        if type not in ("User", "Bot", "Organization"):
            raise ValueError(f"bad user type {type!r}")
        for ident in self.tokens.values():
            if ident["login"] == login:
                return {"login": login, "id": ident["id"], "type": ident["type"]}
        if login == GITHUB_ACTIONS_BOT["login"]:
            return dict(GITHUB_ACTIONS_BOT)
        uid = 100000 + int(hashlib.sha1(login.encode()).hexdigest()[:6], 16)
        return {"login": login, "id": uid, "type": type}

    def _user(self, ctx: _Ctx, rec: Mapping[str, Any]) -> dict[str, Any]:
        login, uid, kind = rec["login"], rec["id"], rec["type"]
        api = f"{ctx.root}/users/{urllib.parse.quote(login)}"
        html = f"{ctx.web}/apps/{login.removesuffix('[bot]')}" if kind == "Bot" else f"{ctx.web}/{login}"
        return {
            "login": login, "id": uid, "node_id": _legacy_node_id(kind, uid),
            "avatar_url": f"{ctx.web}/avatars/u/{uid}?v=4", "gravatar_id": "", "url": api, "html_url": html,
            "followers_url": f"{api}/followers", "following_url": f"{api}/following{{/other_user}}",
            "gists_url": f"{api}/gists{{/gist_id}}", "starred_url": f"{api}/starred{{/owner}}{{/repo}}",
            "subscriptions_url": f"{api}/subscriptions", "organizations_url": f"{api}/orgs",
            "repos_url": f"{api}/repos", "events_url": f"{api}/events{{/privacy}}",
            "received_events_url": f"{api}/received_events", "type": kind, "user_view_type": "public",
            "site_admin": False,
        }

    def _app(self, ctx: _Ctx, bot: Mapping[str, Any]) -> dict[str, Any] | None:
        if bot["type"] != "Bot":
            return None
        slug = bot["login"].removesuffix("[bot]")
        app_id = 15368 if slug == "github-actions" else bot["id"] % 1000000
        owner = self._user(ctx, {"login": "github", "id": 9919, "type": "Organization"})
        return {
            "id": app_id, "client_id": f"Iv1.{app_id:016x}", "slug": slug,
            "node_id": _legacy_node_id("App", app_id), "owner": owner,
            "name": "GitHub Actions" if slug == "github-actions" else slug,
            "description": "Automate your workflow from idea to production", "external_url": ctx.web,
            "html_url": f"{ctx.web}/apps/{slug}", "created_at": "2018-07-30T09:30:17Z",
            "updated_at": "2024-04-10T20:33:16Z",
            "permissions": {"checks": "write", "contents": "write", "issues": "write", "metadata": "read",
                            "pull_requests": "write", "statuses": "write"},
            "events": ["check_run", "check_suite", "pull_request", "push", "release", "status"],
        }

    def _repo_json(self, ctx: _Ctx, r: Mapping[str, Any], full: bool = False) -> dict[str, Any]:
        full_name, rid = r["full_name"], r["id"]
        api = f"{ctx.root}/repos/{full_name}"
        html = f"{ctx.web}/{full_name}"
        data: dict[str, Any] = {
            "id": rid, "node_id": _legacy_node_id("Repository", rid), "name": r["name"],
            "full_name": full_name, "private": r["private"], "owner": self._user(ctx, r["owner_user"]),
            "html_url": html, "description": None, "fork": r["fork"], "url": api,
            "forks_url": f"{api}/forks", "keys_url": f"{api}/keys{{/key_id}}",
            "collaborators_url": f"{api}/collaborators{{/collaborator}}", "teams_url": f"{api}/teams",
            "hooks_url": f"{api}/hooks", "issue_events_url": f"{api}/issues/events{{/number}}",
            "events_url": f"{api}/events", "assignees_url": f"{api}/assignees{{/user}}",
            "branches_url": f"{api}/branches{{/branch}}", "tags_url": f"{api}/tags",
            "blobs_url": f"{api}/git/blobs{{/sha}}", "git_tags_url": f"{api}/git/tags{{/sha}}",
            "git_refs_url": f"{api}/git/refs{{/sha}}", "trees_url": f"{api}/git/trees{{/sha}}",
            "statuses_url": f"{api}/statuses/{{sha}}", "languages_url": f"{api}/languages",
            "stargazers_url": f"{api}/stargazers", "contributors_url": f"{api}/contributors",
            "subscribers_url": f"{api}/subscribers", "subscription_url": f"{api}/subscription",
            "commits_url": f"{api}/commits{{/sha}}", "git_commits_url": f"{api}/git/commits{{/sha}}",
            "comments_url": f"{api}/comments{{/number}}",
            "issue_comment_url": f"{api}/issues/comments{{/number}}",
            "contents_url": f"{api}/contents/{{+path}}", "compare_url": f"{api}/compare/{{base}}...{{head}}",
            "merges_url": f"{api}/merges", "archive_url": f"{api}/{{archive_format}}{{/ref}}",
            "downloads_url": f"{api}/downloads", "issues_url": f"{api}/issues{{/number}}",
            "pulls_url": f"{api}/pulls{{/number}}", "milestones_url": f"{api}/milestones{{/number}}",
            "notifications_url": f"{api}/notifications{{?since,all,participating}}",
            "labels_url": f"{api}/labels{{/name}}", "releases_url": f"{api}/releases{{/id}}",
            "deployments_url": f"{api}/deployments", "created_at": r["created_at"],
            "updated_at": r["updated_at"], "pushed_at": r["updated_at"],
            "git_url": f"git://127.0.0.1/{full_name}.git",
            "ssh_url": f"git@127.0.0.1:{full_name}.git", "clone_url": f"{html}.git", "svn_url": html,
            "homepage": None, "size": 128, "stargazers_count": 0, "watchers_count": 0,
            "language": "JavaScript",
            "has_issues": True, "has_projects": True, "has_downloads": True, "has_wiki": True,
            "has_pages": False, "has_discussions": False, "forks_count": 0, "mirror_url": None,
            "archived": False, "disabled": False,
            "open_issues_count": sum(1 for p in r["pulls"].values() if p["state"] == "open")
            + sum(1 for i in r["issues"].values() if i["state"] == "open"),
            "license": None, "allow_forking": True, "is_template": False,
            "web_commit_signoff_required": False,
            "topics": [], "visibility": "private" if r["private"] else "public", "forks": 0,
            "open_issues": 0, "watchers": 0, "default_branch": r["default_branch"],
        }
        data["open_issues"] = data["open_issues_count"]
        if full:
            writer = ctx.identity is not None and ctx.identity["kind"] != "readonly"
            data["permissions"] = {"admin": False, "maintain": False, "push": writer, "triage": writer,
                                   "pull": True}
            data["network_count"] = 0
            data["subscribers_count"] = 0
        return data

    def _labels(self, ctx: _Ctx, r: Mapping[str, Any], names: Iterable[str]) -> list[dict[str, Any]]:
        out = []
        for name in names:
            lid = 200000 + int(hashlib.sha1(name.encode()).hexdigest()[:6], 16)
            out.append({"id": lid, "node_id": _legacy_node_id("Label", lid),
                        "url": f"{ctx.root}/repos/{r['full_name']}/labels/{urllib.parse.quote(name)}",
                        "name": name, "color": "ededed", "default": False, "description": None})
        return out

    def _reactions(self, url: str) -> dict[str, Any]:
        return {"url": f"{url}/reactions", "total_count": 0, "+1": 0, "-1": 0, "laugh": 0, "hooray": 0,
                "confused": 0, "heart": 0, "rocket": 0, "eyes": 0}

    def _association(self, r: Mapping[str, Any], user: Mapping[str, Any]) -> str:
        if user["type"] == "Bot":
            return "NONE"
        return "OWNER" if user["login"].lower() == r["owner"].lower() else "CONTRIBUTOR"

    def _pull_json(self, ctx: _Ctx, r: Mapping[str, Any], p: Mapping[str, Any], full: bool) -> dict[str, Any]:
        api = f"{ctx.root}/repos/{r['full_name']}"
        url = f"{api}/pulls/{p['number']}"
        html = f"{ctx.web}/{r['full_name']}/pull/{p['number']}"
        issue_url = f"{api}/issues/{p['number']}"
        head_repo = self.repos.get(p["head"]["repo"].lower())
        head_owner = head_repo["owner_user"] if head_repo else r["owner_user"]

        def side(ref: str, sha: str, repo_rec: Mapping[str, Any] | None,
                 owner: Mapping[str, Any]) -> dict[str, Any]:
            return {"label": f"{owner['login']}:{ref}", "ref": ref, "sha": sha,
                    "user": self._user(ctx, owner),
                    "repo": self._repo_json(ctx, repo_rec) if repo_rec else None}

        data: dict[str, Any] = {
            "url": url, "id": p["id"], "node_id": _legacy_node_id("PullRequest", p["id"]), "html_url": html,
            "diff_url": f"{html}.diff", "patch_url": f"{html}.patch", "issue_url": issue_url,
            "number": p["number"], "state": p["state"], "locked": False, "title": p["title"],
            "user": self._user(ctx, p["user"]), "body": p["body"],
            "labels": self._labels(ctx, r, p["labels"]),
            "milestone": None, "active_lock_reason": None, "created_at": p["created_at"],
            "updated_at": p["updated_at"], "closed_at": p["closed_at"], "merged_at": p["merged_at"],
            "merge_commit_sha": p["merge_commit_sha"], "assignee": None, "assignees": [],
            "requested_reviewers": [], "requested_teams": [], "draft": p["draft"],
            "commits_url": f"{url}/commits", "review_comments_url": f"{url}/comments",
            "review_comment_url": f"{api}/pulls/comments{{/number}}", "comments_url": f"{issue_url}/comments",
            "statuses_url": f"{api}/statuses/{p['head']['sha']}",
            "head": side(p["head"]["ref"], p["head"]["sha"], head_repo, head_owner),
            "base": side(p["base"]["ref"], p["base"]["sha"], r, r["owner_user"]),
            "_links": {
                "self": {"href": url}, "html": {"href": html}, "issue": {"href": issue_url},
                "comments": {"href": f"{issue_url}/comments"}, "review_comments": {"href": f"{url}/comments"},
                "review_comment": {"href": f"{api}/pulls/comments{{/number}}"},
                "commits": {"href": f"{url}/commits"},
                "statuses": {"href": f"{api}/statuses/{p['head']['sha']}"},
            },
            "author_association": self._association(r, p["user"]), "auto_merge": None,
        }
        if full:
            data.update({
                "merged": p["merged"], "mergeable": None if p["state"] == "closed" else True,
                "rebaseable": None if p["state"] == "closed" else True,
                "mergeable_state": "unknown" if p["state"] == "closed" else "clean",
                "merged_by": None, "comments": sum(1 for c in r["comments"].values()
                                                   if c["issue_number"] == p["number"]),
                "review_comments": 0, "maintainer_can_modify": head_repo is not r,
                "commits": len(p["commits"]), "additions": 0, "deletions": 0, "changed_files": 0,
            })
        return data

    def _issue_json(self, ctx: _Ctx, r: Mapping[str, Any], number: int) -> dict[str, Any]:
        rec, is_pull = self._issue_or_pull(r, number)
        api = f"{ctx.root}/repos/{r['full_name']}"
        url = f"{api}/issues/{number}"
        data: dict[str, Any] = {
            "url": url, "repository_url": api, "labels_url": f"{url}/labels{{/name}}",
            "comments_url": f"{url}/comments", "events_url": f"{url}/events",
            "html_url": f"{ctx.web}/{r['full_name']}/{'pull' if is_pull else 'issues'}/{number}",
            "id": rec["id"], "node_id": _legacy_node_id("Issue", rec["id"]), "number": number,
            "title": rec["title"], "user": self._user(ctx, rec["user"]),
            "labels": self._labels(ctx, r, rec["labels"]), "state": rec["state"], "locked": False,
            "assignee": None, "assignees": [], "milestone": None,
            "comments": sum(1 for c in r["comments"].values() if c["issue_number"] == number),
            "created_at": rec["created_at"], "updated_at": rec["updated_at"], "closed_at": rec["closed_at"],
            "author_association": self._association(r, rec["user"]), "active_lock_reason": None,
            "body": rec["body"], "closed_by": None, "reactions": self._reactions(url),
            "timeline_url": f"{url}/timeline", "performed_via_github_app": None,
            "state_reason": "completed" if rec["state"] == "closed" else None,
        }
        if is_pull:
            html = f"{ctx.web}/{r['full_name']}/pull/{number}"
            data["draft"] = rec["draft"]
            data["pull_request"] = {"url": f"{api}/pulls/{number}", "html_url": html,
                                    "diff_url": f"{html}.diff", "patch_url": f"{html}.patch",
                                    "merged_at": rec["merged_at"]}
        return data

    def _comment_json(self, ctx: _Ctx, r: Mapping[str, Any], c: Mapping[str, Any]) -> dict[str, Any]:
        api = f"{ctx.root}/repos/{r['full_name']}"
        url = f"{api}/issues/comments/{c['id']}"
        kind = "pull" if c["issue_number"] in r["pulls"] else "issues"
        return {
            "url": url,
            "html_url": f"{ctx.web}/{r['full_name']}/{kind}/{c['issue_number']}#issuecomment-{c['id']}",
            "issue_url": f"{api}/issues/{c['issue_number']}", "id": c["id"],
            "node_id": _legacy_node_id("IssueComment", c["id"]), "user": self._user(ctx, c["user"]),
            "created_at": c["created_at"], "updated_at": c["updated_at"],
            "author_association": c["author_association"], "body": c["body"],
            "reactions": self._reactions(url), "performed_via_github_app": self._app(ctx, c["user"]),
        }

    def _status_json(self, ctx: _Ctx, r: Mapping[str, Any], s: Mapping[str, Any]) -> dict[str, Any]:
        return {
            "url": f"{ctx.root}/repos/{r['full_name']}/statuses/{s['sha']}",
            "avatar_url": f"{ctx.web}/avatars/u/{s['creator']['id']}?v=4", "id": s["id"],
            "node_id": _legacy_node_id("StatusContext", s["id"]), "state": s["state"],
            "description": s["description"], "target_url": s["target_url"], "context": s["context"],
            "created_at": s["created_at"], "updated_at": s["updated_at"],
            "creator": self._user(ctx, s["creator"]),
        }

    def _check_run_json(self, ctx: _Ctx, r: Mapping[str, Any], c: Mapping[str, Any]) -> dict[str, Any]:
        api = f"{ctx.root}/repos/{r['full_name']}"
        url = f"{api}/check-runs/{c['id']}"
        pulls = [p for p in r["pulls"].values() if p["head"]["sha"] == c["head_sha"]]
        return {
            "id": c["id"], "name": c["name"], "node_id": _legacy_node_id("CheckRun", c["id"]),
            "head_sha": c["head_sha"], "external_id": c["external_id"] or "", "url": url,
            "html_url": f"{ctx.web}/{r['full_name']}/runs/{c['id']}", "details_url": c["details_url"],
            "status": c["status"], "conclusion": c["conclusion"], "started_at": c["started_at"],
            "completed_at": c["completed_at"],
            "output": {"title": c["output"].get("title"), "summary": c["output"].get("summary"),
                       "text": c["output"].get("text"), "annotations_count": len(c["annotations"]),
                       "annotations_url": f"{url}/annotations"},
            "check_suite": {"id": c["check_suite_id"]}, "app": self._app(ctx, c["app_user"]),
            "pull_requests": [
                {"url": f"{api}/pulls/{p['number']}", "id": p["id"], "number": p["number"],
                 "head": {"ref": p["head"]["ref"], "sha": p["head"]["sha"],
                          "repo": {"id": r["id"], "url": api, "name": r["name"]}},
                 "base": {"ref": p["base"]["ref"], "sha": p["base"]["sha"],
                          "repo": {"id": r["id"], "url": api, "name": r["name"]}}}
                for p in pulls if p["head"]["repo"].lower() == r["full_name"].lower()
            ],
        }

    def _release_json(self, ctx: _Ctx, r: Mapping[str, Any], rel: Mapping[str, Any]) -> dict[str, Any]:
        api = f"{ctx.root}/repos/{r['full_name']}"
        url = f"{api}/releases/{rel['id']}"
        tag = rel["tag_name"]
        html_tag = f"untagged-{rel['id']:x}" if rel["draft"] else tag
        return {
            "url": url, "assets_url": f"{url}/assets",
            "upload_url": f"{ctx.web}/api/uploads/repos/{r['full_name']}/releases/{rel['id']}/assets"
                          "{?name,label}",
            "html_url": f"{ctx.web}/{r['full_name']}/releases/tag/{html_tag}", "id": rel["id"],
            "author": self._user(ctx, rel["author"]), "node_id": _legacy_node_id("Release", rel["id"]),
            "tag_name": tag, "target_commitish": rel["target_commitish"], "name": rel["name"],
            "draft": rel["draft"], "immutable": False, "prerelease": rel["prerelease"],
            "created_at": rel["created_at"], "updated_at": rel["updated_at"],
            "published_at": rel["published_at"], "assets": [],
            "tarball_url": f"{api}/tarball/{tag}", "zipball_url": f"{api}/zipball/{tag}", "body": rel["body"],
        }

    # ------------------------------------------------------------------ helpers for handlers

    def _issue_or_pull(self, r: Mapping[str, Any], number: int,
                       doc: str = DOCS) -> tuple[dict[str, Any], bool]:
        if number in r["pulls"]:
            return r["pulls"][number], True
        if number in r["issues"]:
            return r["issues"][number], False
        raise _not_found(doc)

    def _store_comment(self, r: dict[str, Any], number: int, body: str, user: dict[str, Any],
                       association: str | None) -> dict[str, Any]:
        now = self._now()
        rec = {"id": self._new_id(), "issue_number": number, "body": body, "user": user, "created_at": now,
               "updated_at": now, "author_association": association or self._association(r, user)}
        r["comments"][rec["id"]] = rec
        return rec

    def _store_status(self, r: dict[str, Any], sha: str, state: str, context: str, description: str | None,
                      target_url: str | None, creator: dict[str, Any]) -> dict[str, Any]:
        now = self._now()
        rec = {"id": self._new_id(), "sha": sha, "state": state, "description": description,
               "target_url": target_url, "context": context, "creator": creator, "created_at": now,
               "updated_at": now}
        r["statuses"].append(rec)
        return rec

    def _store_release(self, r: dict[str, Any], fields: Mapping[str, Any],
                       author: dict[str, Any]) -> dict[str, Any]:
        now = self._now()
        draft = bool(fields.get("draft"))
        rec = {"id": self._new_id(), "tag_name": fields["tag_name"], "name": fields.get("name"),
               "body": fields.get("body"), "draft": draft, "prerelease": bool(fields.get("prerelease")),
               "target_commitish": fields.get("target_commitish") or r["default_branch"], "author": author,
               "created_at": now, "updated_at": now, "published_at": None if draft else now}
        r["releases"][rec["id"]] = rec
        return rec

    def _resolve_ref(self, r: Mapping[str, Any], ref: str) -> str | None:
        if ref in r["commits"]:
            return ref
        for p in r["pulls"].values():          # branch names known from pull requests
            if p["head"]["ref"] == ref and p["head"]["repo"].lower() == r["full_name"].lower():
                return str(p["head"]["sha"])
            if p["base"]["ref"] == ref:
                return str(p["base"]["sha"])
        if len(ref) >= 7 and re.fullmatch(r"[0-9a-f]+", ref):
            hits = [sha for sha in r["commits"] if sha.startswith(ref)]
            if len(hits) == 1:
                return hits[0]
        return None

    def _commit_or_422(self, r: Mapping[str, Any], ref: str, doc: str) -> str:
        sha = self._resolve_ref(r, ref)
        if sha is None:
            raise ApiError(422, f"No commit found for SHA: {ref}", doc)
        return sha

    @staticmethod
    def _require(ctx: _Ctx, doc: str, *names: str) -> dict[str, Any]:
        if not isinstance(ctx.body, dict):
            raise _invalid_request(doc, "Invalid input: object is expected")
        for name in names:
            if name not in ctx.body:
                raise _invalid_request(doc, f'"{name}" wasn\'t supplied.')
        return ctx.body

    def _paginate(self, ctx: _Ctx, items: list[Any]) -> tuple[list[Any], dict[str, str]]:
        try:
            per_page = int(ctx.query.get("per_page", "30"))
        except ValueError:
            per_page = 30
        per_page = 30 if per_page < 1 else min(per_page, 100)
        try:
            page = max(int(ctx.query.get("page", "1")), 1)
        except ValueError:
            page = 1
        last = max((len(items) + per_page - 1) // per_page, 1)
        chunk = items[(page - 1) * per_page: page * per_page]
        if len(items) <= per_page:
            return chunk, {}
        # like GitHub, links of repository lists go through /repositories/{id}
        path = f"/repositories/{ctx.repo['id']}{ctx.sub}" if ctx.repo is not None else ctx.path
        base = f"http://127.0.0.1:{self.port}{ctx.prefix}{path}"
        params = [(k, v) for k, v in ctx.query.items() if k != "page"]

        def link(n: int, rel: str) -> str:
            return f'<{base}?{urllib.parse.urlencode([*params, ("page", str(n))])}>; rel="{rel}"'

        links = []
        if page > 1:
            links.append(link(min(page - 1, last), "prev"))
        if page < last:
            links.append(link(page + 1, "next"))
            links.append(link(last, "last"))
        if page > 1:
            links.append(link(1, "first"))
        return chunk, {"Link": ", ".join(links)}

    @staticmethod
    def _repo(ctx: _Ctx) -> dict[str, Any]:
        assert ctx.repo is not None
        return ctx.repo

    @staticmethod
    def _check_length(value: Any, limit: int, resource: str, field: str, doc: str) -> None:
        if isinstance(value, str) and len(value) > limit:
            raise _validation_failed(doc, {"resource": resource, "code": "unprocessable", "field": "data",
                                           "message": f"{field.capitalize()} is too long "
                                                      f"(maximum is {limit} characters)"})

    # ------------------------------------------------------------------ handlers

    def _get_user(self, ctx: _Ctx, doc: str) -> _Answer:
        ident = ctx.identity
        assert ident is not None
        if ident["kind"] != "user":
            raise ApiError(403, "Resource not accessible by integration", doc)
        data = self._user(ctx, ident)
        data.update({"name": ident.get("name", ident["login"].capitalize()), "company": None, "blog": "",
                     "location": None, "email": ident.get("email"), "hireable": None, "bio": None,
                     "twitter_username": None, "notification_email": ident.get("email"), "public_repos": 1,
                     "public_gists": 0, "followers": 0, "following": 0, "created_at": "2011-01-25T18:44:36Z",
                     "updated_at": "2025-01-01T00:00:00Z"})
        return 200, data, {}

    def _get_rate_limit(self, ctx: _Ctx, doc: str) -> _Answer:
        assert ctx.token is not None
        st = self._rate_state(ctx.token)
        core = {"limit": st["limit"], "used": st["used"], "remaining": max(st["limit"] - st["used"], 0),
                "reset": self._rate_reset}
        other = {"limit": 30, "used": 0, "remaining": 30, "reset": self._rate_reset}
        return 200, {"resources": {"core": core, "search": other, "graphql": dict(core)}, "rate": core}, {}

    def _get_repo(self, ctx: _Ctx, doc: str) -> _Answer:
        return 200, self._repo_json(ctx, self._repo(ctx), full=True), {}

    def _list_pulls(self, ctx: _Ctx, doc: str) -> _Answer:
        r = self._repo(ctx)
        state = ctx.query.get("state", "open")
        if state not in ("open", "closed", "all"):
            raise _validation_failed(doc, {"resource": "Search", "field": "state", "code": "invalid"})
        pulls = [p for p in r["pulls"].values() if state == "all" or p["state"] == state]
        if "head" in ctx.query:
            owner, _, ref = ctx.query["head"].partition(":")
            pulls = [p for p in pulls if p["head"]["ref"] == ref
                     and p["head"]["repo"].split("/")[0].lower() == owner.lower()]
        if "base" in ctx.query:
            pulls = [p for p in pulls if p["base"]["ref"] == ctx.query["base"]]
        sort = ctx.query.get("sort", "created")
        key = "updated_at" if sort == "updated" else "created_at"
        desc = ctx.query.get("direction", "desc") == "desc"
        pulls.sort(key=lambda p: (p[key], p["number"]), reverse=desc)
        page, headers = self._paginate(ctx, pulls)
        return 200, [self._pull_json(ctx, r, p, full=False) for p in page], headers

    def _get_pull(self, ctx: _Ctx, doc: str, number: str) -> _Answer:
        r = self._repo(ctx)
        p = r["pulls"].get(int(number))
        if p is None:
            raise _not_found(doc)
        return 200, self._pull_json(ctx, r, p, full=True), {}

    def _get_issue(self, ctx: _Ctx, doc: str, number: str) -> _Answer:
        r = self._repo(ctx)
        self._issue_or_pull(r, int(number), doc)
        return 200, self._issue_json(ctx, r, int(number)), {}

    def _list_comments(self, ctx: _Ctx, doc: str, number: str) -> _Answer:
        r = self._repo(ctx)
        self._issue_or_pull(r, int(number), doc)
        items = [c for c in r["comments"].values() if c["issue_number"] == int(number)]
        if "since" in ctx.query:
            items = [c for c in items if c["updated_at"] >= ctx.query["since"]]
        page, headers = self._paginate(ctx, items)
        return 200, [self._comment_json(ctx, r, c) for c in page], headers

    def _create_comment(self, ctx: _Ctx, doc: str, number: str) -> _Answer:
        r = self._repo(ctx)
        self._issue_or_pull(r, int(number), doc)
        body = self._require(ctx, doc, "body")["body"]
        self._validate_comment_body(body, doc)
        assert ctx.identity is not None
        author = self._user_rec(ctx.identity["login"], ctx.identity["type"])
        rec = self._store_comment(r, int(number), body, author, None)
        data = self._comment_json(ctx, r, rec)
        return 201, data, {"Location": data["url"]}

    def _validate_comment_body(self, body: Any, doc: str) -> None:
        if not isinstance(body, str):
            raise _invalid_request(doc, f"For 'properties/body', {json.dumps(body)} is not a string.")
        if not body.strip():
            raise _validation_failed(doc, {"resource": "IssueComment", "code": "unprocessable",
                                           "field": "data", "message": "Body cannot be blank"})
        self._check_length(body, COMMENT_BODY_MAX, "IssueComment", "body", doc)

    def _find_comment(self, ctx: _Ctx, cid: str, doc: str) -> dict[str, Any]:
        c = self._repo(ctx)["comments"].get(int(cid))
        if c is None:
            raise _not_found(doc)
        return c

    def _get_comment(self, ctx: _Ctx, doc: str, cid: str) -> _Answer:
        return 200, self._comment_json(ctx, self._repo(ctx), self._find_comment(ctx, cid, doc)), {}

    def _edit_comment(self, ctx: _Ctx, doc: str, cid: str) -> _Answer:
        c = self._find_comment(ctx, cid, doc)
        body = self._require(ctx, doc, "body")["body"]
        self._validate_comment_body(body, doc)
        c["body"] = body
        c["updated_at"] = self._now()
        return 200, self._comment_json(ctx, self._repo(ctx), c), {}

    def _delete_comment(self, ctx: _Ctx, doc: str, cid: str) -> _Answer:
        c = self._find_comment(ctx, cid, doc)
        del self._repo(ctx)["comments"][c["id"]]
        return 204, None, {}

    def _get_commit(self, ctx: _Ctx, doc: str, ref: str) -> _Answer:
        r = self._repo(ctx)
        sha = self._commit_or_422(r, ref, doc)
        c = r["commits"][sha]
        api = f"{ctx.root}/repos/{r['full_name']}"
        person = {"name": "Test", "email": "test@example.invalid", "date": c["date"]}
        tree = hashlib.sha1(f"tree-{sha}".encode()).hexdigest()
        node = int(sha[:7], 16) if re.fullmatch(r"[0-9a-f]{7,}", sha) else 0
        return 200, {
            "sha": sha, "node_id": _legacy_node_id("Commit", node),
            "commit": {"author": person, "committer": person, "message": c["message"],
                       "tree": {"sha": tree, "url": f"{api}/git/trees/{tree}"},
                       "url": f"{api}/git/commits/{sha}", "comment_count": 0,
                       "verification": {"verified": False, "reason": "unsigned", "signature": None,
                                        "payload": None, "verified_at": None}},
            "url": f"{api}/commits/{sha}", "html_url": f"{ctx.web}/{r['full_name']}/commit/{sha}",
            "comments_url": f"{api}/commits/{sha}/comments", "author": None, "committer": None,
            "parents": [{"sha": p, "url": f"{api}/commits/{p}",
                         "html_url": f"{ctx.web}/{r['full_name']}/commit/{p}"} for p in c["parents"]],
            "stats": {"total": 0, "additions": 0, "deletions": 0}, "files": [],
        }, {}

    def _commit_pulls(self, ctx: _Ctx, doc: str, ref: str) -> _Answer:
        r = self._repo(ctx)
        sha = self._commit_or_422(r, ref, doc)
        pulls = [p for p in r["pulls"].values()
                 if sha in p["commits"] or p["merge_commit_sha"] == sha]
        pulls.sort(key=lambda p: p["number"], reverse=True)
        page, headers = self._paginate(ctx, pulls)
        return 200, [self._pull_json(ctx, r, p, full=False) for p in page], headers

    def _list_statuses(self, ctx: _Ctx, doc: str, ref: str) -> _Answer:
        r = self._repo(ctx)
        sha = self._resolve_ref(r, ref)
        items = [s for s in reversed(r["statuses"]) if s["sha"] == sha] if sha else []
        page, headers = self._paginate(ctx, items)
        return 200, [self._status_json(ctx, r, s) for s in page], headers

    def _combined_status(self, ctx: _Ctx, doc: str, ref: str) -> _Answer:
        r = self._repo(ctx)
        sha = self._commit_or_422(r, ref, doc)
        latest: dict[str, dict[str, Any]] = {}
        for s in r["statuses"]:
            if s["sha"] == sha:
                latest[s["context"]] = s
        states = {s["state"] for s in latest.values()}
        if states & {"error", "failure"}:
            state = "failure"
        elif not states or "pending" in states:
            state = "pending"
        else:
            state = "success"
        api = f"{ctx.root}/repos/{r['full_name']}"
        return 200, {"state": state, "statuses": [self._status_json(ctx, r, s) for s in latest.values()],
                     "sha": sha, "total_count": len(latest), "repository": self._repo_json(ctx, r),
                     "commit_url": f"{api}/commits/{sha}", "url": f"{api}/commits/{sha}/status"}, {}

    def _create_status(self, ctx: _Ctx, doc: str, ref: str) -> _Answer:
        r = self._repo(ctx)
        body = self._require(ctx, doc, "state")
        sha = self._commit_or_422(r, ref, doc)
        state = body["state"]
        if state not in STATUS_STATES:
            raise _validation_failed(doc, {"resource": "Status", "code": "custom", "field": "state",
                                           "message": "state is not included in the list"})
        description = body.get("description")
        if isinstance(description, str) and len(description) > STATUS_DESCRIPTION_MAX:
            raise _validation_failed(doc, {"resource": "Status", "code": "custom", "field": "description",
                                           "message": "description is too long (maximum is "
                                                      f"{STATUS_DESCRIPTION_MAX} characters)"})
        context = body.get("context") or "default"
        if sum(1 for s in r["statuses"] if s["sha"] == sha and s["context"] == context) \
                >= STATUSES_PER_CONTEXT_MAX:
            raise _validation_failed(doc, {"resource": "Status", "code": "custom", "field": "context",
                                           "message": "This SHA and context has reached the maximum number "
                                                      "of statuses."})
        assert ctx.identity is not None
        rec = self._store_status(r, sha, state, context, description, body.get("target_url"),
                                 self._user_rec(ctx.identity["login"], ctx.identity["type"]))
        data = self._status_json(ctx, r, rec)
        return 201, data, {"Location": data["url"]}

    def _require_app(self, ctx: _Ctx, doc: str) -> None:
        assert ctx.identity is not None
        if ctx.identity["kind"] == "user":
            raise ApiError(403, "You must authenticate via a GitHub App.", doc)

    def _apply_check_fields(self, c: dict[str, Any], body: Mapping[str, Any], doc: str) -> None:
        for key in ("name", "details_url", "external_id", "started_at", "completed_at"):
            if key in body:
                c[key] = body[key]
        if "status" in body:
            if body["status"] not in CHECK_STATUSES:
                raise _invalid_request(doc, f'For \'properties/status\', "{body["status"]}" is not a member '
                                            f'of {list(CHECK_STATUSES)}.')
            c["status"] = body["status"]
        if body.get("conclusion") is not None:
            if body["conclusion"] not in CHECK_CONCLUSIONS:
                raise _invalid_request(doc, f'For \'properties/conclusion\', "{body["conclusion"]}" is not a '
                                            f"member of {list(CHECK_CONCLUSIONS)}.")
            c["conclusion"] = body["conclusion"]
            c["status"] = "completed"
        if c["status"] == "completed" and not c["conclusion"]:
            raise _invalid_request(doc, '"conclusion" wasn\'t supplied.')
        if c["status"] == "completed" and not c["completed_at"]:
            c["completed_at"] = self._now()
        if "output" in body and body["output"] is not None:
            out = body["output"]
            if not isinstance(out, dict):
                raise _invalid_request(doc, "For 'properties/output', is not an object.")
            for key in ("title", "summary"):
                if key not in out:
                    raise _invalid_request(doc, f'"{key}" wasn\'t supplied.')
            for key in ("summary", "text"):
                value = out.get(key)
                if not isinstance(value, str):
                    continue
                if len(value) > CHECK_OUTPUT_MAX:
                    raise _invalid_request(doc, f"Only {CHECK_OUTPUT_MAX} characters are allowed; "
                                                f"{len(value)} were supplied.")
                if len(value.encode("utf-8")) > CHECK_OUTPUT_MAX:
                    raise _validation_failed(doc, {"resource": "CheckRun", "code": "custom", "field": key,
                                                   "message": f"{key} exceeds a maximum bytesize of "
                                                              f"{CHECK_OUTPUT_MAX}"})
            annotations = out.get("annotations") or []
            if len(annotations) > CHECK_ANNOTATIONS_MAX:
                raise _invalid_request(doc, f"Only {CHECK_ANNOTATIONS_MAX} elements are allowed; "
                                            f"{len(annotations)} were supplied.")
            for ann in annotations:
                for key in ("path", "start_line", "end_line", "annotation_level", "message"):
                    if key not in ann:
                        raise _invalid_request(doc, f'"{key}" wasn\'t supplied.')
            c["output"] = {"title": out.get("title"), "summary": out.get("summary"), "text": out.get("text")}
            c["annotations"].extend(annotations)

    def _create_check_run(self, ctx: _Ctx, doc: str) -> _Answer:
        self._require_app(ctx, doc)
        r = self._repo(ctx)
        body = self._require(ctx, doc, "name", "head_sha")
        sha = self._commit_or_422(r, body["head_sha"], doc)
        assert ctx.identity is not None
        now = self._now()
        c: dict[str, Any] = {
            "id": self._new_id(), "name": body["name"], "head_sha": sha, "external_id": None,
            "details_url": None, "status": "queued", "conclusion": None, "started_at": now,
            "completed_at": None, "output": {}, "annotations": [],
            "check_suite_id": 900000 + len(r["commits"]),
            "app_user": self._user_rec(ctx.identity["login"], ctx.identity["type"]),
        }
        self._apply_check_fields(c, body, doc)
        r["check_runs"][c["id"]] = c
        data = self._check_run_json(ctx, r, c)
        return 201, data, {"Location": data["url"]}

    def _find_check_run(self, ctx: _Ctx, rid: str, doc: str) -> dict[str, Any]:
        c = self._repo(ctx)["check_runs"].get(int(rid))
        if c is None:
            raise _not_found(doc)
        return c

    def _get_check_run(self, ctx: _Ctx, doc: str, rid: str) -> _Answer:
        return 200, self._check_run_json(ctx, self._repo(ctx), self._find_check_run(ctx, rid, doc)), {}

    def _update_check_run(self, ctx: _Ctx, doc: str, rid: str) -> _Answer:
        self._require_app(ctx, doc)
        c = self._find_check_run(ctx, rid, doc)
        body = self._require(ctx, doc)
        trial = {**c, "annotations": list(c["annotations"]), "output": dict(c["output"])}
        self._apply_check_fields(trial, body, doc)     # validate fully before changing anything
        c.update(trial)
        return 200, self._check_run_json(ctx, self._repo(ctx), c), {}

    def _list_check_runs(self, ctx: _Ctx, doc: str, ref: str) -> _Answer:
        r = self._repo(ctx)
        sha = self._commit_or_422(r, ref, doc)
        runs = [c for c in reversed(r["check_runs"].values()) if c["head_sha"] == sha
                and ("check_name" not in ctx.query or c["name"] == ctx.query["check_name"])
                and ("status" not in ctx.query or c["status"] == ctx.query["status"])]
        page, headers = self._paginate(ctx, runs)
        data = {"total_count": len(runs), "check_runs": [self._check_run_json(ctx, r, c) for c in page]}
        return 200, data, headers

    def _validate_release(self, r: Mapping[str, Any], body: Mapping[str, Any], doc: str,
                          rid: int | None = None) -> None:
        tag = body.get("tag_name")
        if tag is not None:
            if not isinstance(tag, str) or not tag.strip():
                raise _validation_failed(doc, {"resource": "Release", "code": "missing_field",
                                               "field": "tag_name"})
            for other in r["releases"].values():
                if other["tag_name"] == tag and other["id"] != rid and not other["draft"] \
                        and not body.get("draft", False):
                    raise _validation_failed(doc, {"resource": "Release", "code": "already_exists",
                                                   "field": "tag_name"})
        if isinstance(body.get("body"), str) and len(body["body"]) > RELEASE_BODY_MAX:
            raise _validation_failed(doc, {"resource": "Release", "code": "custom", "field": "body",
                                           "message": f"body is too long (maximum is {RELEASE_BODY_MAX} "
                                                      "characters)"})

    def _list_releases(self, ctx: _Ctx, doc: str) -> _Answer:
        r = self._repo(ctx)
        rels = sorted(r["releases"].values(), key=lambda x: x["id"], reverse=True)
        page, headers = self._paginate(ctx, rels)
        return 200, [self._release_json(ctx, r, x) for x in page], headers

    def _create_release(self, ctx: _Ctx, doc: str) -> _Answer:
        r = self._repo(ctx)
        body = self._require(ctx, doc, "tag_name")
        self._validate_release(r, body, doc)
        assert ctx.identity is not None
        rel = self._store_release(r, body, self._user_rec(ctx.identity["login"], ctx.identity["type"]))
        data = self._release_json(ctx, r, rel)
        return 201, data, {"Location": data["url"]}

    def _get_release_by_tag(self, ctx: _Ctx, doc: str, tag: str) -> _Answer:
        r = self._repo(ctx)
        for rel in r["releases"].values():
            if rel["tag_name"] == tag and not rel["draft"]:
                return 200, self._release_json(ctx, r, rel), {}
        raise _not_found(doc)

    def _find_release(self, ctx: _Ctx, rid: str, doc: str) -> dict[str, Any]:
        rel = self._repo(ctx)["releases"].get(int(rid))
        if rel is None:
            raise _not_found(doc)
        return rel

    def _get_release(self, ctx: _Ctx, doc: str, rid: str) -> _Answer:
        return 200, self._release_json(ctx, self._repo(ctx), self._find_release(ctx, rid, doc)), {}

    def _update_release(self, ctx: _Ctx, doc: str, rid: str) -> _Answer:
        r = self._repo(ctx)
        rel = self._find_release(ctx, rid, doc)
        body = self._require(ctx, doc)
        self._validate_release(r, {"draft": rel["draft"], **body}, doc, rel["id"])
        for key in ("tag_name", "target_commitish", "name", "body", "prerelease"):
            if key in body:
                rel[key] = body[key]
        now = self._now()
        if "draft" in body:
            if rel["draft"] and not body["draft"]:
                rel["published_at"] = now
            rel["draft"] = bool(body["draft"])
        rel["updated_at"] = now
        return 200, self._release_json(ctx, r, rel), {}

    def _delete_release(self, ctx: _Ctx, doc: str, rid: str) -> _Answer:
        rel = self._find_release(ctx, rid, doc)
        del self._repo(ctx)["releases"][rel["id"]]
        return 204, None, {}
