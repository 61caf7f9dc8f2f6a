"""Build twins: a generated copy of a file beside the source it was made from, which the app never runs as its own.

Two kinds, found from a tree's file list (and for the second, the project's config and the copy's first line):

- ``x.min.js`` / ``x-min.js`` beside a readable ``x.js``: the same code twice; the readable copy carries the findings.
- ``x.js`` beside ``x.ts`` in a native Mini Program whose ``project.config.json`` turns on the developer tools'
  TypeScript plugin (``"useCompilerPlugins": ["typescript"]``, at its top or in ``setting``): the tools compile each
  ``.ts`` and, with both, take the ``.ts`` (https://developers.weixin.qq.com/miniprogram/dev/devtools/compilets.html:
  「如果存在同名的 ts 和 js 文件，则优先使用 ts 文件」), so a committed ``.js`` is stale ``tsc`` output. Without the
  plugin the same holds of a ``.js`` that is plainly ``tsc``'s CommonJS output (``"use strict";
  Object.defineProperty(exports, "__esModule", …)`` at its top): the ``.ts`` is what the developer writes.

A twin has no facts, is no page's script and is no place to report (``Project.owns`` leaves it out; core/analysis.py
drops the compiled kind from the trees it reads, so a page's script and an import resolve to the ``.ts``).
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Collection, Iterable
from typing import Protocol, TypeVar

from mp_precheck.core.recache import compiled
from mp_precheck.readers.appconfig import read_json

MINIFIED = compiled(r"^(?P<stem>.+)[.-]min\.js$")
_TSC_OUTPUT = compiled(r"""\A\ufeff?\s*["']use strict["'];?\s*"""
                       r"""Object\.defineProperty\(\s*exports\s*,\s*["']__esModule""")
_CONFIGS = ("project.private.config.json", "project.config.json")  # either one in a folder turns the plugin on
_NEVER_SHIPPED = frozenset({"node_modules", "miniprogram_npm", ".git"})

Entry = TypeVar("Entry")


def minified_twins(files: Iterable[str]) -> set[str]:
    """``x.min.js`` / ``x-min.js`` files of ``files`` with a readable ``x.js`` in the same folder."""
    paths = set(files)
    return {path for path in paths if (match := MINIFIED.match(path)) and match["stem"] + ".js" in paths}


def project_twins(root: str, native: bool, files: Collection[str], read_text: Callable[[str], str | None],
                  minified: Collection[str]) -> frozenset[str]:
    """The build twins of the project at ``root``: the ``minified`` ones (:func:`minified_twins` of the tree) under
    it, and in a ``native`` project its :func:`compiled_twins`."""
    under = frozenset(path for path in minified if not root or path.startswith(root + "/"))
    return under | compiled_twins(root, files, read_text) if native else under


def compiled_twins(root: str, files: Collection[str], read_text: Callable[[str], str | None]) -> set[str]:
    """The ``.js`` files under the native project ``root`` that are compiled twins of a ``.ts`` beside them (see the
    module doc): all of them when the project compiles TypeScript by the developer tools' plugin
    (:func:`compiles_typescript`), else those whose text starts as ``tsc``'s CommonJS output. ``read_text``: path →
    text or None. Never raises."""
    prefix = root + "/" if root else ""
    pairs = [path for path in files if path.startswith(prefix) and path.endswith(".js") and path[:-3] + ".ts" in files
             and not _NEVER_SHIPPED.intersection(path.split("/")[:-1])]
    if not pairs or compiles_typescript(root, files, read_text):
        return set(pairs)
    return {path for path in pairs if _TSC_OUTPUT.match((read_text(path) or "")[:300])}


def compiles_typescript(root: str, files: Collection[str], read_text: Callable[[str], str | None]) -> bool:
    """Whether the ``project.config.json`` (or ``project.private.config.json``) nearest at or above ``root`` lists
    ``typescript`` in ``useCompilerPlugins``, at its top level or in ``setting``
    (https://developers.weixin.qq.com/miniprogram/dev/devtools/projectconfig.html)."""
    folder = root
    while True:
        configs = [path for name in _CONFIGS if (path := posixpath.join(folder, name)) in files]
        if configs:
            return any(_lists_typescript(read_json(path, read_text)) for path in configs)
        if not folder:
            return False
        folder = posixpath.dirname(folder)


def _lists_typescript(config: object) -> bool:
    if not isinstance(config, dict):
        return False
    setting = config.get("setting")
    for plugins in (config.get("useCompilerPlugins"), setting.get("useCompilerPlugins")
                    if isinstance(setting, dict) else None):
        if isinstance(plugins, list) and any(p == "typescript" or (isinstance(p, dict) and p.get("name") ==
                                                                   "typescript") for p in plugins):
            return True
    return False


class _Twinned(Protocol):
    @property
    def build_twins(self) -> frozenset[str]: ...


def without_compiled(tree: dict[str, Entry], projects: Iterable[_Twinned]) -> dict[str, Entry]:
    """``tree`` (path → entry) without the ``.js`` build twins of the ``projects`` whose ``.ts`` is in it: the files
    a reader of the tree (a page's script, an import) then finds are the ones WeChat compiles. ``tree`` itself when
    none is there."""
    hidden = {path for project in projects for path in project.build_twins
              if path.endswith(".js") and path[:-3] + ".ts" in tree}
    return {path: entry for path, entry in tree.items() if path not in hidden} if hidden else tree
