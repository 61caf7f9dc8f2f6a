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
says what was read and what was not. A tree with no ``app.js`` at all whose WXML lies under a ``pages`` folder (a
skeleton committed before its app files) is taken as the Mini Program rooted above that folder.
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
    roots = {posixpath.dirname(p) for p in kept if posixpath.basename(p) in _APP_SCRIPTS} or \
        {folder for p in kept if p.lower().endswith(".wxml") and (folder := _pages_parent(p)) is not None}
    if not roots:
        return []
    marked = {root for p in kept if p.lower().endswith(".wxml") and (root := _nearest(p, roots)) is not None}
    outer = sorted(r for r in marked if not any(o == "" or r.startswith(o + "/") for o in marked - {r}))
    configs = sorted((p for p in kept if _CONFIG_NAME.fullmatch(posixpath.basename(p))),
                     key=lambda p: (p.count("/"), p))
    best = _best_configs(outer, configs, _page_roots(kept, outer), read_text)
    present = set(kept)
    return [_app(root, present, best.get(root)) for root in outer]


def _pages_parent(path: str) -> str | None:
    """The folder holding the ``pages`` folder ``path`` lies in (``mp/pages/a/a.wxml`` → ``mp``), or None: a
    skeleton committed before its ``app.js`` and ``app.json`` is still the Mini Program its pages make."""
    parts = path.split("/")[:-1]
    return "/".join(parts[:parts.index("pages")]) if "pages" in parts else None


def _nearest(path: str, roots: set[str]) -> str | None:
    """The nearest folder above ``path`` that is one of ``roots``, or None."""
    folder = path
    while folder:
        folder = posixpath.dirname(folder)
        if folder in roots:
            return folder
    return None


def _page_roots(files: list[str], roots: list[str]) -> dict[str, set[str]]:
    """{a page route as ``app.json`` writes it: the roots (of ``roots``, none inside another) with a page file
    (``.wxml``, ``.js``, ``.ts``) for it}, so each configuration's pages are looked up once, not once per root."""
    found: dict[str, set[str]] = {}
    folders = set(roots)
    for path in files:
        suffix = next((s for s in _PAGE_FILES if path.endswith(s)), None)
        root = _nearest(path, folders) if suffix else None
        if suffix is None or root is None:
            continue
        found.setdefault(path[len(root) + 1 if root else 0:-len(suffix)], set()).add(root)
    return found


_Best = tuple[int, str, list[str], str | None, list[str]]  # (pages resolved, config, pages, entry, shape errors)


def _best_configs(roots: list[str], configs: list[str], page_roots: dict[str, set[str]],
                  read_text: Callable[[str], str | None]) -> dict[str, _Best]:
    """{root: the configuration whose pages resolve best under it (ties: the one nearest the tree's root)}. Each
    configuration is read and parsed once. Its pages are a root's when its first page and at least half of them
    have a page file under the root, and it is not in the root's own folder."""
    best: dict[str, _Best] = {}
    if not roots:
        return best
    for config in configs:
        text = read_text(config)
        data = read_app_data(config, text) if text is not None else None
        pages, entry = registered_pages(data)
        if not pages:
            continue
        counts: dict[str, int] = {}
        for page in pages:
            for root in page_roots.get(page.strip("/"), ()):
                counts[root] = counts.get(root, 0) + 1
        for root in page_roots.get(pages[0].strip("/"), ()):
            count = counts[root]
            if posixpath.dirname(config) != root and 2 * count >= len(pages) and \
                    (root not in best or count > best[root][0]):
                best[root] = (count, config, pages, entry, shape_errors(data, config))
    return best


def _app(root: str, files: set[str], best: _Best | None) -> GeneratedApp:
    """The app at ``root`` with the pages of its ``best`` configuration, else with its pages unknown."""
    script = next((p for name in _APP_SCRIPTS if (p := _join(root, name)) in files), None) or \
        f"the pages of {root or 'the root'} (no app.js yet)"
    if best is None:
        return GeneratedApp(root, f"no app.json beside {script} and no app configuration elsewhere names pages "
                                  f"under {root or 'the root'} (written at build time?): page registration "
                                  f"unknown, page-level checks skipped; files are checked on their own")
    _count, config, pages, entry, errors = best
    return GeneratedApp(root, f"no app.json beside {script}; pages and entry page read from {config} (a build "
                              f"writes the app's app.json); its other app settings are not checked",
                        tuple(pages), entry or pages[0], tuple(errors))


def _join(folder: str, rel: str) -> str:
    return posixpath.join(folder, rel) if folder else rel
