"""A native Mini Program whose ``app.json`` is written at build time: the fallback of readers/discovery.py.

Some native projects keep their sources (``src/app.js``, ``src/app.wxss``, ``src/pages/**``) apart from the
``app.json`` a build step writes beside them: a gulp task or a CLI copies ``templates/app.json`` in, or generates
it from a configuration module. No file name marks such a folder as a project, so when a tree holds no project
that discovery knows, a folder holding ``app.js`` / ``app.ts`` with WXML files below it is taken as one. WXML is
WeChat's own markup (https://developers.weixin.qq.com/miniprogram/dev/reference/wxml/): a web app's ``app.js``
has none below it, and stays no Mini Program.

An app configuration kept elsewhere in the tree (``templates/app.json``, ``config/app.dev.json``) whose ``pages``
(https://developers.weixin.qq.com/miniprogram/dev/reference/configuration/app.html) resolve to page files under
that folder gives the pages and the entry page; without one the pages are unknown. Either way the project's note
says what was read and what was not.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable

from msgspec import Struct

from mp_precheck.core.recache import compiled
from mp_precheck.readers.appconfig import shape_errors
from mp_precheck.readers.appdata import read_app_data
from mp_precheck.readers.pagelist import registered_pages

_APP_SCRIPTS = ("app.js", "app.ts")
# app.json, app.dev.json, app-template.json, app_prod.json: JSON a build may copy in as app.json
_CONFIG_NAME = compiled(r"app(?:[._-][\w-]+)*\.json", re.IGNORECASE)
_PAGE_FILES = (".wxml", ".js", ".ts")


class GeneratedApp(Struct, frozen=True):
    """A folder taken as a native Mini Program without its ``app.json``: its ``root``, the pages and entry page
    read from a configuration elsewhere (empty and None when unknown) and the ``note`` that says which."""

    root: str
    note: str
    pages: tuple[str, ...] = ()
    entry_page: str | None = None
    errors: tuple[str, ...] = ()  # what in that configuration is not the shape WeChat reads


def generated_apps(files: Iterable[str], read_text: Callable[[str], str | None],
                   skipped: frozenset[str]) -> list[GeneratedApp]:
    """The native Mini Programs of a tree whose ``app.json`` a build writes, by root.

    Args:
        files: the tree's file paths.
        read_text: a path → its decoded text, or None when unreadable.
        skipped: folder names whose contents belong to no app (vendored packages, build output).

    Returns each folder with ``app.js|ts`` that the nearest WXML files below it name as their app, outermost
    ones only (an app copied in below another is part of it), sorted by root; empty for a tree with none.
    Raises nothing: a configuration that cannot be read or parsed is passed over.
    """
    kept = [p for p in files if not skipped.intersection(p.split("/")[:-1])]
    roots = {posixpath.dirname(p) for p in kept if posixpath.basename(p) in _APP_SCRIPTS}
    if not roots:
        return []
    marked = {root for p in kept if p.lower().endswith(".wxml") and (root := _nearest(p, roots)) is not None}
    outer = sorted(r for r in marked if not any(o == "" or r.startswith(o + "/") for o in marked - {r}))
    configs = sorted((p for p in kept if _CONFIG_NAME.fullmatch(posixpath.basename(p))),
                     key=lambda p: (p.count("/"), p))
    present = set(kept)
    return [_app(root, configs, present, read_text) for root in outer]


def _nearest(path: str, roots: set[str]) -> str | None:
    """The nearest folder above ``path`` that is one of ``roots``, or None."""
    folder = path
    while folder:
        folder = posixpath.dirname(folder)
        if folder in roots:
            return folder
    return None


def _app(root: str, configs: list[str], files: set[str], read_text: Callable[[str], str | None]) -> GeneratedApp:
    """The app at ``root`` with the pages of the configuration whose pages resolve best under it (ties: the one
    nearest the tree's root), else with its pages unknown."""
    script = next(p for name in _APP_SCRIPTS if (p := _join(root, name)) in files)
    best: tuple[int, str, list[str], str | None] | None = None
    for config in configs:
        found = _pages_under(config, root, files, read_text)
        if found is not None and (best is None or found[0] > best[0]):
            best = (found[0], config, found[1], found[2])
    if best is None:
        return GeneratedApp(root, f"no app.json beside {script} and no app configuration elsewhere names pages "
                                  f"under {root or 'the root'} (written at build time?): page registration "
                                  f"unknown, page-level checks skipped; files are checked on their own")
    _count, config, pages, entry = best
    text = read_text(config)
    errors = shape_errors(read_app_data(config, text), config) if text is not None else []
    return GeneratedApp(root, f"no app.json beside {script}; pages and entry page read from {config} (a build "
                              f"writes the app's app.json); its other app settings are not checked",
                        tuple(pages), entry or pages[0], tuple(errors))


def _pages_under(config: str, root: str, files: set[str],
                 read_text: Callable[[str], str | None]) -> tuple[int, list[str], str | None] | None:
    """(how many resolve, the pages, the entryPagePath) of ``config`` when its pages are ``root``'s: its first
    page and at least half of them have a page file (``.wxml``, ``.js``, ``.ts``) under ``root``; else None."""
    if posixpath.dirname(config) == root:
        return None
    text = read_text(config)
    data = read_app_data(config, text) if text is not None else None
    pages, entry = registered_pages(data)
    if not pages:
        return None
    resolved = [page for page in pages if any(_join(root, page.strip("/")) + suffix in files
                                              for suffix in _PAGE_FILES)]
    if not resolved or resolved[0] != pages[0] or 2 * len(resolved) < len(pages):
        return None
    return len(resolved), pages, entry


def _join(folder: str, rel: str) -> str:
    return posixpath.join(folder, rel) if folder else rel
