"""Hosts the app used in its recent history: a host toggled back is no new domain.

A team switching its API base back and forth (``https://www.example.com`` → ``https://example.com`` → back)
configured the host in 服务器域名 when it was the active base; the change that restores it configures nothing
new (https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html). The base revision alone
cannot tell: there the host is gone, or only in a comment — and a host only ever commented out stays new.

So: the last :data:`DEPTH` first-parent commits up to the merge base whose diff adds or removes a line naming
the host (``git log -G``, limited to the project's folder), each file version on both sides parsed; the host
counts as known when one of those versions used it (a fact, not a comment). Only a host that can be on the
domain lists counts: an ``https``/``wss`` name, never a plain-``http`` address or an IP (WeChat accepts neither,
so having used one before configured nothing). A shallow clone has no such history: nothing is known from it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from mp_precheck.core.errors import UserError
from mp_precheck.core.semantic_diff import is_known
from mp_precheck.core.subject import parse
from mp_precheck.facts.store import FactStore
from mp_precheck.git.repo import GitRepo
from mp_precheck.readers.discovery import VENDOR_DIRS, Project
from mp_precheck.readers.urls import find_urls

DEPTH = 50  # first-parent commits looked back: ~0.5 s of `git log -G` on a 10,000-commit monorepo
_MAX_HOSTS = 8  # hosts looked up per run; more new hosts at once is an import, not a toggle
_HOST_FORMS = ("host", "web-view-host")
_ZERO = "0" * 40


def recently_used(repo: GitRepo, store: FactStore, base: str, project: Project, subjects: Iterable[str]) -> set[str]:
    """Those of ``subjects`` (``host:`` / ``web-view-host:`` subjects; others are ignored) that a file of
    ``project`` used in one of the :data:`DEPTH` first-parent commits up to ``base`` (see the module
    docstring). Empty for a shallow clone or when git cannot answer (never raises)."""
    hosts = sorted(s for s in subjects if parse(s).form in _HOST_FORMS)[:_MAX_HOSTS]
    if not hosts or repo.is_shallow():
        return set()
    try:
        window = repo.run("rev-list", "--first-parent", f"--max-count={DEPTH + 1}", base).decode().split()
        limit = [f"^{window[-1]}"] if len(window) > DEPTH else []
        found = set()
        for subject in hosts:
            versions = _versions(repo, base, limit, parse(subject).value or "", project)
            if versions and _used(store, versions, subject):
                found.add(subject)
        return found
    except UserError:
        return set()


def _versions(repo: GitRepo, base: str, limit: list[str], host: str, project: Project) -> list[tuple[str, str]]:
    """(path, blob) of both sides of each file the window's commits changed on a line naming ``host``
    (vendored folders left out: their minified bundles are the slow part of a diff, and never the app's)."""
    pattern = re.escape(host).replace("\\-", "-")  # a POSIX regex: only the dots need escaping
    out = repo.run("log", "--first-parent", "--no-renames", "--no-abbrev", "--raw", "--format=", f"-G{pattern}",
                   base, *limit, "--", f":(literal){project.root}" if project.root else ".",
                   *(f":(exclude,glob)**/{folder}/**" for folder in sorted(VENDOR_DIRS)))
    versions = []
    for line in out.decode("utf-8", "surrogateescape").splitlines():
        meta, _, path = line.partition("\t")
        parts = meta.split()
        if len(parts) < 5 or not project.owns(path):
            continue
        versions += [(path, blob) for blob in (parts[2], parts[3]) if blob != _ZERO]
    return versions


def _used(store: FactStore, versions: list[tuple[str, str]], subject: str) -> bool:
    """Whether one of the file ``versions`` uses ``subject`` at an address the domain lists can hold."""
    for path, blob in dict.fromkeys(versions):
        facts = store.raw_facts([(path, blob)]).get(path)
        for fact in facts.facts if facts is not None else ():
            if fact.subject == subject and is_known(fact) and _configurable(fact.value):
                return True
    return False


def _configurable(value: str | None) -> bool:
    """Whether a URL could be on the 服务器域名 / 业务域名 lists: https or wss, a host name (not an IP)."""
    urls = find_urls(value or "")
    return bool(urls) and not urls[0].insecure and not urls[0].is_ip_or_local
