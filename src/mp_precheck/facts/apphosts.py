"""Hosts the App object holds that the app's requests reach through it: servers, under whatever name.

A URL written under a name that says development (``App({ testServer: 'https://…' })``) is read as a developer's
setting (role ``development``, readers/devonly.py) — unless the code has no other value for it: when a page's
``wx.request`` builds its URL from that property, straight (``getApp().testServer + path``) or through a method of the
App that reads it through ``this`` (``app.apiUrl(path)`` → ``this.serverUrl()`` → ``this.testServer``), the build
that works, the one uploaded for review, requests that host, and it needs its 服务器域名
(https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html). Such a host takes the role of the
calls that reach it (one network API: its role; several: ``code``), at the line where the App holds it. A property
only pictures read (an image's address built from it), one no request reads, and a read on a development test's
side keep their role; a loopback or LAN address is no host at all.

The App file (readers/appheld.py) is set against the scripts of its app (readers/appurlreads.py): those whose
``getApp()`` it answers (facts/appfile.py), read only when their text names one of its members. Pure but for the
texts it is handed.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Mapping
from typing import TypeVar

from msgspec.structs import replace

from mp_precheck.facts.appfile import APP_NAMES, app_file
from mp_precheck.facts.model import DEVELOPMENT, NETWORK_APIS, Fact
from mp_precheck.git.repo import TreeEntry
from mp_precheck.readers.appheld import app_held_urls
from mp_precheck.readers.appurlreads import app_url_reads
from mp_precheck.readers.openinghooks import is_app_script

_SCRIPTS = (".js", ".ts", ".jsx", ".tsx", ".vue", ".nvue", ".uvue", ".wpy", ".mpx")
_SKIPPED = frozenset({"node_modules", "miniprogram_npm"})  # packages: no page of the app
_MAX_BYTES = 1_000_000  # as facts/extract.py: a larger script is a bundle, not a page
_KEPT = 512  # answers kept by blob: a run asks for the same App file again and again
_K = TypeVar("_K")
_V = TypeVar("_V")
_held: dict[tuple[str, str], dict[str, frozenset[int]]] = {}
_reads: dict[tuple[str, str, bool], dict[str, frozenset[str]]] = {}
_scans: dict[tuple[str, str, int, tuple[str, ...]], dict[int, str]] = {}
_SERVED = frozenset({"code", *NETWORK_APIS.values()})  # a host the release build requests


def with_app_hosts(path: str, facts: tuple[Fact, ...], tree: Mapping[str, TreeEntry],
                   text: Callable[[str], str | None]) -> tuple[Fact, ...]:
    """``facts`` of the file ``path`` of ``tree`` (``text(blob)`` reads a file) with, when it is an App file, each
    development host one of its members holds that a request of the app reaches given that request's role;
    unchanged otherwise."""
    if not is_app_script(path) or path not in tree or \
            not any(f.kind == "host" and f.role == DEVELOPMENT for f in facts):
        return facts
    key = (path, tree[path].blob)
    held = _held[key] if key in _held else _kept(_held, key, app_held_urls(text(key[1]) or "", path))
    wanted = {f.line for f in facts if f.kind == "host" and f.role == DEVELOPMENT}
    released = {f.line for f in facts if f.kind == "host" and f.role in _SERVED}
    # A member reaching a release value too (``this.env === 2 ? this.testApi : this.shopApi``) has one of its own.
    held = {member: lines & wanted for member, lines in held.items() if lines & wanted and not lines & released}
    if not held:
        return facts
    scripts = _scripts(path, tree)
    key_of_scan = (path, tree[path].blob, hash(tuple((p, tree[p].blob) for p in scripts)), tuple(sorted(held)))
    roles = _scans[key_of_scan] if key_of_scan in _scans else \
        _kept(_scans, key_of_scan, _roles(path, held, scripts, tree, text))
    if not roles:
        return facts
    return tuple(replace(f, role=roles[f.line]) if f.kind == "host" and f.role == DEVELOPMENT and f.line in roles
                 else f for f in facts)


def _roles(app: str, held: Mapping[str, frozenset[int]], scripts: list[str], tree: Mapping[str, TreeEntry],
           text: Callable[[str], str | None]) -> dict[int, str]:
    """Line of a held URL → the role the requests of ``scripts`` give it (one API's, else ``code``)."""
    names = {member.rsplit(".", 1)[-1] for member in held}
    owners = tuple(dict.fromkeys((posixpath.basename(app), *APP_NAMES)))  # a Taro app.jsx too
    found: dict[int, set[str]] = {}
    for script in scripts:
        own = script == app
        source = text(tree[script].blob)
        if not source or not (own or any(name in source for name in names)) or \
                not (own or app_file(script, tree, owners) == app):  # a script of another app in the repository
            continue
        key = (script, tree[script].blob, own)
        reads = _reads[key] if key in _reads else _kept(_reads, key, app_url_reads(source, script, own))
        for read, roles in reads.items():
            for member, lines in held.items():
                if read == member or read.startswith(member + "."):
                    for line in lines:
                        found.setdefault(line, set()).update(roles)
    return {line: next(iter(roles)) if len(roles) == 1 else "code" for line, roles in found.items()}


def _scripts(app: str, tree: Mapping[str, TreeEntry]) -> list[str]:
    """The scripts of ``tree`` in the folder of the file ``app`` (the App file first), packages left out."""
    folder = posixpath.dirname(app)
    out = [app]
    for path, entry in sorted(tree.items()):
        if path == app or not path.endswith(_SCRIPTS) or entry.is_symlink or entry.size > _MAX_BYTES:
            continue
        if (folder and not path.startswith(folder + "/")) or _SKIPPED.intersection(path.split("/")):
            continue
        out.append(path)
    return out


def _kept(kept: dict[_K, _V], key: _K, value: _V) -> _V:
    """``value``, kept in ``kept`` under ``key`` (the oldest answer dropped past :data:`_KEPT`)."""
    if len(kept) >= _KEPT:
        kept.pop(next(iter(kept)))
    kept[key] = value
    return value
