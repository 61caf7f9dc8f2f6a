"""How long GitHub asks a client to wait after a rate-limited answer, and the retry policy that obeys it.

GitHub signals both its primary and its secondary rate limits with **403 or 429**
(https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api#exceeding-the-rate-limit):
``retry-after`` (seconds) when present says how long to wait; else ``x-ratelimit-remaining: 0`` means
wait until ``x-ratelimit-reset`` (epoch seconds); else a secondary limit (named in the message, or any 429)
means wait at least a minute. PyGithub's own retry handles 403 alone and sleeps a ``Retry-After`` of any
length; :class:`RateLimitRetry` handles both statuses and fails at once when the wait exceeds the cap.

Like :mod:`mp_precheck.hosts.github.port`, this module imports PyGithub: it is the port's retry policy.
"""

from __future__ import annotations

import json
import time
from collections.abc import Mapping
from types import TracebackType
from typing import Any

from github import GithubRetry
from github.GithubException import RateLimitExceededExceedsMaxWait, RateLimitExceededException
from github.Requester import Requester
from urllib3.connectionpool import ConnectionPool
from urllib3.exceptions import InvalidHeader, MaxRetryError
from urllib3.response import BaseHTTPResponse
from urllib3.util.retry import Retry

RATE_LIMIT_STATUSES = frozenset({403, 429})


def rate_limit_wait(status: int, headers: Mapping[str, str], message: str, secondary_wait: float,
                    now: float | None = None) -> float | None:
    """Seconds to wait before retrying an answer with ``status``, ``headers`` (any case) and GitHub's
    ``message``, or None when it is no rate limit (a 403 for a missing permission). ``secondary_wait`` is
    used for a secondary limit that names no wait; ``now`` (epoch seconds) defaults to the clock."""
    if status not in RATE_LIMIT_STATUSES:
        return None
    lower = {k.lower(): v for k, v in headers.items()}
    if "retry-after" in lower:
        try:  # seconds, or an HTTP date
            return Retry().parse_retry_after(lower["retry-after"])
        except InvalidHeader:
            pass
    if lower.get("x-ratelimit-remaining") == "0" and lower.get("x-ratelimit-reset", "").isdigit():
        # plus one second: it is not known when within that second the window resets
        return max(int(lower["x-ratelimit-reset"]) - (time.time() if now is None else now), 0) + 1
    if status == 429 or Requester.isRateLimitError(message.lower()):
        return secondary_wait
    return None


class RateLimitRetry(GithubRetry):
    """urllib3 retries as PyGithub's :class:`~github.GithubRetry`, but a rate limit sent as 403 **or** 429
    waits as :func:`rate_limit_wait` says, and a wait longer than ``max_rate_limit_wait`` raises
    :class:`~github.GithubException.RateLimitExceededExceedsMaxWait` (``wait`` set) at once instead of
    sleeping. Other statuses in ``status_forcelist`` are retried with urllib3's backoff, a ``Retry-After``
    they carry waited for up to ``max_rate_limit_wait``."""

    def __init__(self, **kwargs: Any) -> None:
        statuses = set(kwargs.pop("status_forcelist", ())) | RATE_LIMIT_STATUSES
        super().__init__(status_forcelist=sorted(statuses - {403}), **kwargs)  # GithubRetry adds 403

    def increment(  # type: ignore[override]
        self, method: str | None = None, url: str | None = None, response: BaseHTTPResponse | None = None,
        error: Exception | None = None, _pool: ConnectionPool | None = None,
        _stacktrace: TracebackType | None = None,
    ) -> Retry:
        if response is None or response.status not in RATE_LIMIT_STATUSES:
            return super().increment(method, url, response, error, _pool, _stacktrace)  # type: ignore[arg-type]
        raw = self.get_content(response, url or "")  # type: ignore[arg-type]
        try:
            data: Any = json.loads(raw)
        except ValueError:
            data = raw.decode("utf-8", "replace")
        message = str(data.get("message", "")) if isinstance(data, dict) else str(data)
        headers = dict(response.headers)
        wait = rate_limit_wait(response.status, headers, message, self.secondary_rate_wait)
        if wait is None:  # a plain 403: not retried, PyGithub's exception for it
            raise Requester.createException(response.status, headers, data)
        if self.max_rate_limit_wait is not None and wait > self.max_rate_limit_wait:
            raise RateLimitExceededExceedsMaxWait(response.status, data, headers, wait=wait)
        try:
            retry = Retry.increment(self, method, url, response, error, _pool, _stacktrace)
        except MaxRetryError:  # out of retries: the answer read above is the failure
            raise RateLimitExceededException(response.status, data, headers) from None
        backoff = max(wait, retry.get_backoff_time())
        retry.get_backoff_time = lambda: backoff  # type: ignore[method-assign]
        return retry

    def is_retry(self, method: str, status_code: int, has_retry_after: bool = False) -> bool:
        """A POST answered 5xx is not sent again: GitHub may have carried it out before answering (a
        comment would be posted twice), so its caller looks before it posts again. A rate-limited POST
        was refused, not carried out, and is retried."""
        if method.upper() == "POST" and status_code not in RATE_LIMIT_STATUSES:
            return False
        return bool(super().is_retry(method, status_code, has_retry_after))

    def get_retry_after(self, response: BaseHTTPResponse) -> float | None:
        """``Retry-After`` of any other retried answer (a 503), never longer than ``max_rate_limit_wait``."""
        asked = super().get_retry_after(response)
        cap = self.max_rate_limit_wait
        return min(asked, cap) if asked is not None and cap is not None else asked
