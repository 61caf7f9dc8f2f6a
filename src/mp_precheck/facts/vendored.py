"""Vendored scripts a native Mini Program requires: a package copied into a package manager's folder of the project
(``bower_components/``) that the app's own scripts ``require`` by relative path.

A native Mini Program has no bundler: the developer tools upload the project folder as it is, ``node_modules``
left out (npm packages ship through their ``miniprogram_npm`` build,
https://developers.weixin.qq.com/miniprogram/dev/devtools/npm.html), and a script runs when a page, the app or
another script requires it (https://developers.weixin.qq.com/miniprogram/dev/reference/api/require.html). So a
login SDK vendored under ``bower_components/`` and required by ``app.js`` is the app's code: its privacy API calls
are the app's. Its scripts the app's scripts require, directly or through other files of the folder, are read as
any vendored SDK is (``min-js`` in facts/extract.py: its request hosts and privacy API calls, readers/sdkhosts.py and
readers/sdkprivacy.py; analyzers/vendored_sdk.py names the SDK); the rest of the folder (tests, demos, other builds)
stays unread, as does such a folder in another framework, whose build decides what it takes.

In: a revision's tree, a ``git grep`` of it and a reader of its files. Out: its projects, each with the vendored
paths :meth:`~mp_precheck.readers.discovery.Project.owns` accepts. Never raises.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from msgspec.structs import replace

from mp_precheck.facts.extract import SHIPPED_VENDOR_DIRS
from mp_precheck.facts.store import resolve_module
from mp_precheck.git.repo import GitRepo, TreeEntry
from mp_precheck.readers.discovery import VENDOR_DIRS, Project, discover
from mp_precheck.readers.modulespecs import module_specifiers
from mp_precheck.readers.syntax import language_for, parse, walk

_SCRIPTS = (".js", ".ts")
_MAX_FILES = 2000  # vendored scripts followed; a folder larger than that is no SDK copied in by hand


def shipped_projects(repo: GitRepo, rev: str, tree: Mapping[str, TreeEntry],
                     read_text: Callable[[str], str | None]) -> list[Project]:
    """The projects of revision ``rev`` of ``repo`` (its ``tree``; ``read_text``: path → text), each with the vendored
    scripts it requires (``Project.vendored``, :func:`required_vendored`)."""
    projects = discover(tree.values(), read_text)
    return [replace(p, vendored=required_vendored(p, tree, lambda needles: repo.grep_needles(rev, needles), read_text))
            for p in projects]


def required_vendored(project: Project, tree: Mapping[str, TreeEntry],
                      grep: Callable[[set[str]], Mapping[str, set[str]]],
                      read_text: Callable[[str], str | None]) -> frozenset[str]:
    """Paths of scripts under a shipped vendor folder of the native ``project`` (``SHIPPED_VENDOR_DIRS``) that its
    own scripts load, directly or through other such scripts.

    Args:
        project: the Mini Program; only a native one is judged (else the result is empty).
        tree: its revision's tree (path → entry), to resolve specifiers.
        grep: fixed strings → the files of the revision holding them (a prefilter: a script requiring a vendored
            file from outside the folder names the folder).
        read_text: path → the file's text, None when it cannot be read.
    """
    if project.framework != "native":
        return frozenset()
    vendored = {path for path in tree if path.endswith(_SCRIPTS) and _shipped_vendor(project, path)}
    if not vendored or len(vendored) > _MAX_FILES:
        return frozenset()
    importers = sorted(path for path, held in grep(set(SHIPPED_VENDOR_DIRS)).items()
                       if held and path.endswith(_SCRIPTS) and project.owns(path))
    reached: set[str] = set()
    frontier = importers
    while frontier:
        loaded = {target for path in frontier for spec in _loads(path, read_text(path) or "")
                  if (target := resolve_module(path, spec, tree)) in vendored}
        frontier = sorted(loaded - reached)
        reached |= loaded
    return frozenset(reached)


def _loads(path: str, text: str) -> tuple[str, ...]:
    """The module specifiers the script ``text`` at ``path`` loads (``require('./lib/login')``)."""
    language = language_for(path)
    return module_specifiers(walk(parse(language, text.encode("utf-8", "surrogatepass")).root_node)) if text else ()


def _shipped_vendor(project: Project, path: str) -> bool:
    """Whether ``path`` lies in a shipped vendor folder under ``project``'s root, in no folder never shipped
    (a ``node_modules`` of the vendored package) and is no build twin of a source file (readers/buildtwins.py)."""
    if (project.root and not path.startswith(project.root + "/")) or path in project.build_twins:
        return False
    parts = (path[len(project.root) + 1:] if project.root else path).split("/")[:-1]
    return any(p in SHIPPED_VENDOR_DIRS for p in parts) and not any(p in VENDOR_DIRS - SHIPPED_VENDOR_DIRS
                                                                    for p in parts)
