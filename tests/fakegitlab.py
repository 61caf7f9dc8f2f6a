"""A fake GitLab REST API (v4) on 127.0.0.1 for tests that drive python-gitlab over real HTTP.

Standard library only, like ``fakegithub.py``. It answers the endpoints the GitLab port
(``src/mp_precheck/hosts/gitlab/port.py``) calls through python-gitlab — ``GET /user``, ``GET|POST
/projects/{id}/merge_requests/{iid}/notes`` and ``PUT|DELETE .../notes/{id}`` — with GitLab's payload
shapes, status codes and headers, keeps its state in memory where tests can read it,
logs every request and can be told to fail the next matching requests.

Typical use::

    with FakeGitLab() as gl:
        gl.add_merge_request(5)
        client = gitlab.Gitlab(gl.base_url, private_token=TOKEN_BOT)
        client.projects.get(PROJECT_ID, lazy=True).mergerequests.get(5, lazy=True).notes.create({"body": "hi"})
        assert gl.notes(5)[0]["body"] == "hi"

Where GitLab behaves in a way worth testing against, the fake does too:

* the API lives under ``/api/v4``; a project is addressed by its numeric id or its URL-encoded path
  (``group%2Fmini-app``);
* the token comes in ``PRIVATE-TOKEN`` (python-gitlab's ``private_token``) or ``Authorization: Bearer``;
  a missing or unknown token is 401 ``{"message": "401 Unauthorized"}``;
* a token with the ``read_api`` scope only gets GitLab's 403 ``insufficient_scope`` answer on writes; a
  user who is not a member of the (private) project gets 404 "Project Not Found"; editing or deleting
  someone else's note is 403;
* lists are paginated with ``page``/``per_page`` (default 20, at most 100) and answer ``X-Page``,
  ``X-Per-Page``, ``X-Next-Page``, ``X-Prev-Page``, ``X-Total``, ``X-Total-Pages`` and a ``Link`` header
  (``prev``, ``next``, ``first``, ``last``); notes are sorted by ``created_at`` descending unless
  ``sort=asc`` is asked for, as GitLab does;
* a note over 1,000,000 characters is 400, as GitLab's validation answers;
* timestamps come from a deterministic clock that ticks one second per write.
"""

from __future__ import annotations

import json
import re
import traceback
import urllib.parse
from datetime import datetime, timedelta, timezone
from typing import Any, NamedTuple

from fakehttp import LoopbackServer

PROJECT_ID = 4242
PROJECT_PATH = "octo-group/mini-app"
TOKEN_BOT = "glpat-FakeProjectBotToken000001"      # the project access token mp-precheck writes with
TOKEN_DEV = "glpat-FakeDeveloperToken00000001"     # a developer's personal token
TOKEN_READ = "glpat-FakeReadApiOnlyToken000001"    # read_api scope only
TOKEN_OUTSIDER = "glpat-FakeOutsiderToken0000001"  # a valid user who is not a member of the project
NOTE_MAX = 1_000_000
PER_PAGE_DEFAULT = 20
PER_PAGE_MAX = 100

USERS: dict[str, dict[str, Any]] = {
    "bot": {"id": 901, "username": "project_4242_bot_5e7c1b", "name": "mp-precheck bot", "bot": True},
    "dev": {"id": 17, "username": "lin.dev", "name": "Lin Dev", "bot": False},
    "reader": {"id": 18, "username": "auditor", "name": "Auditor", "bot": False},
    "outsider": {"id": 19, "username": "outsider", "name": "Outsider", "bot": False},
}
TOKENS: dict[str, tuple[str, tuple[str, ...]]] = {
    TOKEN_BOT: ("bot", ("api",)),
    TOKEN_DEV: ("dev", ("api",)),
    TOKEN_READ: ("reader", ("read_api",)),
    TOKEN_OUTSIDER: ("outsider", ("api",)),
}
MEMBERS = frozenset({"bot", "dev", "reader"})


class Request(NamedTuple):
    """One logged request: ``path`` without the query, ``query`` its last values, ``body`` decoded JSON."""

    method: str
    path: str
    query: dict[str, str]
    body: Any
    headers: dict[str, str]


class ApiError(Exception):
    """An error answer with GitLab's JSON body."""

    def __init__(self, status: int, body: dict[str, Any]) -> None:
        super().__init__(f"{status} {body}")
        self.status = status
        self.body = body


def _unauthorized() -> ApiError:
    return ApiError(401, {"message": "401 Unauthorized"})


def _insufficient_scope() -> ApiError:
    return ApiError(403, {
        "error": "insufficient_scope",
        "error_description": "The request requires higher privileges than provided by the access token.",
        "scope": "api"})


def _forbidden() -> ApiError:
    return ApiError(403, {"message": "403 Forbidden"})


def _not_found(what: str = "") -> ApiError:
    return ApiError(404, {"message": f"404 {what} Not Found" if what else "404 Not found"})


class _Fault(NamedTuple):
    method: str
    regex: re.Pattern[str]
    status: int
    body: dict[str, Any]
    remaining: list[int]


class FakeGitLab(LoopbackServer):
    """A fake GitLab on 127.0.0.1 (port chosen by the OS) holding project :data:`PROJECT_PATH`
    (id :data:`PROJECT_ID`, private) with the users and tokens above."""

    server_header = "nginx"
    thread_name = "fakegitlab"

    def __init__(self, *, start_time: str = "2026-01-01T00:00:00Z") -> None:
        super().__init__()
        self.requests: list[Request] = []
        self.errors: list[str] = []
        self._faults: list[_Fault] = []
        self._mrs: dict[int, dict[str, Any]] = {}
        self._clock = datetime.strptime(start_time, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
        self._next_id = 30000

    # ------------------------------------------------------------------ lifecycle



    @property
    def base_url(self) -> str:
        """The server root (python-gitlab's ``url``)."""
        assert self._httpd is not None, "FakeGitLab is not started"
        return f"http://127.0.0.1:{self._httpd.server_address[1]}"

    @property
    def api_url(self) -> str:
        """What ``CI_API_V4_URL`` holds."""
        return f"{self.base_url}/api/v4"

    # ------------------------------------------------------------------ seeding and reading

    def _now(self) -> str:
        self._clock += timedelta(seconds=1)
        return self._clock.strftime("%Y-%m-%dT%H:%M:%S.000Z")

    def add_merge_request(self, iid: int, *, sha: str = "a" * 40, author: str = "dev") -> dict[str, Any]:
        """Seed an open merge request of the project."""
        with self._lock:
            self._next_id += 1
            mr = {"id": self._next_id, "iid": iid, "project_id": PROJECT_ID, "title": f"MR {iid}", "state": "opened",
                  "sha": sha, "author": self._user(author), "created_at": self._now(), "notes": {}}
            self._mrs[iid] = mr
            return mr

    def add_note(self, iid: int, body: str, author: str = "dev", *, system: bool = False) -> dict[str, Any]:
        """Seed a note on merge request ``iid`` written by ``author`` (a key of :data:`USERS`)."""
        with self._lock:
            return self._create_note(self._mrs[iid], body, author, system=system)

    def notes(self, iid: int) -> list[dict[str, Any]]:
        """The notes of merge request ``iid``, oldest first (copies)."""
        with self._lock:
            return [dict(n) for n in self._mrs[iid]["notes"].values()]

    def calls(self, method: str, pattern: str) -> list[Request]:
        """Logged requests with this method whose path matches the regular expression ``pattern``."""
        return [r for r in self.requests if r.method == method and re.search(pattern, r.path)]

    def fail_next(self, method: str, pattern: str, status: int, times: int = 1,
                  body: dict[str, Any] | None = None) -> None:
        """Answer the next ``times`` requests matching ``method`` and ``pattern`` with ``status``."""
        default = {"message": f"{status} {'Internal Server Error' if status >= 500 else 'Error'}"}
        self._faults.append(_Fault(method.upper(), re.compile(pattern), status, body or default, [times]))

    # ------------------------------------------------------------------ payloads

    def _user(self, key: str) -> dict[str, Any]:
        u = USERS[key]
        return {"id": u["id"], "username": u["username"], "name": u["name"], "state": "active", "locked": False,
                "avatar_url": f"https://gitlab.example.com/uploads/-/system/user/avatar/{u['id']}/avatar.png",
                "web_url": f"https://gitlab.example.com/{u['username']}"}

    def _create_note(self, mr: dict[str, Any], body: str, author: str, *, system: bool = False) -> dict[str, Any]:
        self._next_id += 1
        now = self._now()
        note = {"id": self._next_id, "type": None, "body": body, "attachment": None, "author": self._user(author),
                "created_at": now, "updated_at": now, "system": system, "noteable_id": mr["id"],
                "noteable_type": "MergeRequest", "project_id": PROJECT_ID, "resolvable": False,
                "confidential": False, "internal": False, "noteable_iid": mr["iid"],
                "commands_changes": {}}
        mr["notes"][note["id"]] = note
        return note

    # ------------------------------------------------------------------ dispatch

    def _dispatch(self, method: str, target: str, headers: dict[str, str], raw: bytes) -> tuple[int, list[tuple[
            str, str]], bytes]:
        parsed = urllib.parse.urlsplit(target)
        query = dict(urllib.parse.parse_qsl(parsed.query, keep_blank_values=True))
        lower = {k.lower(): v for k, v in headers.items()}
        try:
            body: Any = json.loads(raw) if raw else None
        except ValueError:
            body = dict(urllib.parse.parse_qsl(raw.decode("utf-8", "replace")))
        with self._lock:
            self.requests.append(Request(method, parsed.path, query, body, lower))
        extra: list[tuple[str, str]] = []
        try:
            with self._lock:
                status, payload, extra = self._route(method, parsed.path, query, body, lower)
        except ApiError as exc:
            status, payload = exc.status, exc.body
        except Exception:  # a bug in the fake: answer 500 and let the test fail on fake.errors
            self.errors.append(traceback.format_exc())
            status, payload = 500, {"message": "500 Internal Server Error"}
        out = b"" if status == 204 else json.dumps(payload).encode()
        base = [("Content-Type", "application/json"), ("X-Request-Id", f"01FAKE{len(self.requests):06d}"),
                ("Cache-Control", "max-age=0, private, must-revalidate")]
        return status, base + extra, out

    def _route(self, method: str, path: str, query: dict[str, str], body: Any,
               headers: dict[str, str]) -> tuple[int, Any, list[tuple[str, str]]]:
        for fault in self._faults:
            if fault.remaining[0] > 0 and fault.method == method and fault.regex.search(path):
                fault.remaining[0] -= 1
                raise ApiError(fault.status, fault.body)
        if not path.startswith("/api/v4/"):
            raise ApiError(404, {"error": "404 Not Found"})
        route = path[len("/api/v4"):]
        user, scopes = self._authenticate(headers)
        if method != "GET" and "api" not in scopes:
            raise _insufficient_scope()
        if route == "/user" and method == "GET":
            return 200, {**self._user(user), "bot": USERS[user]["bot"], "is_admin": False}, []
        m = re.fullmatch(r"/projects/([^/]+)/merge_requests/(\d+)/notes(?:/(\d+))?", route)
        if m is None:
            raise ApiError(404, {"error": "404 Not Found"})
        self._project(urllib.parse.unquote(m.group(1)), user)
        mr = self._mrs.get(int(m.group(2)))
        if mr is None:
            raise _not_found()
        note_id = m.group(3)
        if note_id is None:
            if method == "GET":
                return self._list_notes(mr, path, query)
            if method == "POST":
                return 201, self._create_note(mr, self._body_text(body), user), []
            raise ApiError(405, {"message": "405 Method Not Allowed"})
        note = mr["notes"].get(int(note_id))
        if note is None:
            raise _not_found("Note")
        if note["author"]["id"] != USERS[user]["id"]:
            raise _forbidden()
        if method == "PUT":
            note["body"] = self._body_text(body)
            note["updated_at"] = self._now()
            return 200, note, []
        if method == "DELETE":
            del mr["notes"][note["id"]]
            return 204, None, []
        raise ApiError(405, {"message": "405 Method Not Allowed"})

    def _authenticate(self, headers: dict[str, str]) -> tuple[str, tuple[str, ...]]:
        token = headers.get("private-token") or headers.get("authorization", "").removeprefix("Bearer ").strip()
        if token not in TOKENS:
            raise _unauthorized()
        return TOKENS[token]

    def _project(self, ident: str, user: str) -> None:
        if ident not in (str(PROJECT_ID), PROJECT_PATH) or user not in MEMBERS:
            raise _not_found("Project")  # a private project is invisible to non-members

    @staticmethod
    def _body_text(body: Any) -> str:
        text = body.get("body") if isinstance(body, dict) else None
        if not isinstance(text, str):
            raise ApiError(400, {"error": "body is missing"})
        if not text.strip():
            raise ApiError(400, {"message": {"note": ["can't be blank"]}})
        if len(text) > NOTE_MAX:
            raise ApiError(400, {"message": {"note": [f"is too long (maximum is {NOTE_MAX} characters)"]}})
        return text

    def _list_notes(self, mr: dict[str, Any], path: str, query: dict[str, str]) -> tuple[int, Any, list[tuple[
            str, str]]]:
        order_by = query.get("order_by", "created_at")
        if order_by not in ("created_at", "updated_at"):
            raise ApiError(400, {"error": "order_by does not have a valid value"})
        sort = query.get("sort", "desc")
        if sort not in ("asc", "desc"):
            raise ApiError(400, {"error": "sort does not have a valid value"})
        notes = sorted(mr["notes"].values(), key=lambda n: (n[order_by], n["id"]), reverse=sort == "desc")
        try:
            page = max(1, int(query.get("page", "1")))
            per_page = min(PER_PAGE_MAX, max(1, int(query.get("per_page", str(PER_PAGE_DEFAULT)))))
        except ValueError:
            raise ApiError(400, {"error": "page is invalid"}) from None
        total = len(notes)
        pages = max(1, -(-total // per_page))
        chunk = notes[(page - 1) * per_page: page * per_page]

        def link(p: int) -> str:
            q = {**query, "page": str(p), "per_page": str(per_page)}
            return f"{self.base_url}{path}?{urllib.parse.urlencode(sorted(q.items()))}"

        rels = []
        if page > 1:
            rels.append(f'<{link(page - 1)}>; rel="prev"')
        if page < pages:
            rels.append(f'<{link(page + 1)}>; rel="next"')
        rels += [f'<{link(1)}>; rel="first"', f'<{link(pages)}>; rel="last"']
        headers = [("X-Page", str(page)), ("X-Per-Page", str(per_page)), ("X-Total", str(total)),
                   ("X-Total-Pages", str(pages)), ("X-Next-Page", str(page + 1) if page < pages else ""),
                   ("X-Prev-Page", str(page - 1) if page > 1 else ""), ("Link", ", ".join(rels))]
        return 200, chunk, headers
