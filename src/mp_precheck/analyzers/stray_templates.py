"""WXML files that no page or component renders: an old view (``login-old.wxml``) kept beside a page.

A WXML file is shown only as the view of a page or custom component — a ``.js``/``.ts`` of the same name
beside it (https://developers.weixin.qq.com/miniprogram/dev/framework/structure.html) — or when another
template pulls it in with ``<import src>`` / ``<include src>``
(https://developers.weixin.qq.com/miniprogram/dev/reference/wxml/import.html). A WXML file with no script of
its own that no other file names is never on screen, so nothing in it reaches the user or the reviewer.

Reads: ``exists_at_head`` (a script or JSON of the same name), ``repo_grep`` (the file's name anywhere
else); findings of any family in a ``.wxml`` file.
Writes: removes the findings of such stray files; adds nothing.
"""

from __future__ import annotations

import posixpath

from mp_precheck.analyzers.context import ProjectContext
from mp_precheck.core.report import Finding

_OWN_FILES = (".js", ".ts", ".json")


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    candidates = {f.path for f in findings if f.path.endswith(".wxml") and not _has_own_files(context, f.path)}
    if not candidates:
        return findings
    stems = {path: posixpath.basename(path)[: -len(".wxml")] for path in candidates}
    named = context.repo_grep(set(stems.values()))
    stray = {path for path, stem in stems.items()
             if not any(stem in needles for other, needles in named.items() if other != path)}
    return [f for f in findings if f.path not in stray]


def _has_own_files(context: ProjectContext, path: str) -> bool:
    """Whether the WXML file has a script or JSON of its own name: a page's or component's view."""
    stem = path[: -len(".wxml")]
    return any(context.exists_at_head(stem + suffix) for suffix in _OWN_FILES)
