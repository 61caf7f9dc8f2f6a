"""Missing pages: a page the app config registers with no files at head (``completeness.missing_page``), and a
literal route to a page the app does not register (``completeness.unregistered_route``; not when the config
computes part of its page list, which then is not the whole list).

The registry is ``app.json`` (pages and subpackages) for native apps, ``pages.json`` for uni-app, the Taro
``app.config``, the mpx / WePY app file and an mpvue-entry app's routes module; page files sit beside it
(``pages/a/a`` → ``pages/a/a.wxml``, ``.js``, ``.vue``, ``.tsx``…; below ``src/`` for the routes). A missing
page is reported on its registry line when this change registers it or removes its files (one missing before
the change is not new). Routes come from ``navigateTo`` / ``redirectTo`` / ``reLaunch`` / ``switchTab`` calls and
``<navigator url>`` with a literal URL in the changed files (a script's also when only its query is built:
``'/pages/a/a?id=' + id``, readers/routes.py); one is new when the app-wide count of unregistered routes to that
page rose. The routes of an unregistered page are not read: no user can open it to follow them (the route that
links to it is told; they are told with the change that registers it).

Sources: https://developers.weixin.qq.com/miniprogram/dev/reference/configuration/app.html#pages and
https://developers.weixin.qq.com/miniprogram/dev/api/route/wx.navigateTo.html

Reads: ``project``, ``head_facts``, ``changed_paths``, ``counterpart``, ``added_lines``, ``read_head``,
``read_base``, ``exists_at_head``; no findings.
Writes: adds ``completeness.missing_page`` and ``completeness.unregistered_route``.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable
from functools import lru_cache

from mp_precheck.analyzers.context import ProjectContext, as_shipped
from mp_precheck.analyzers.novelty import Item, rising
from mp_precheck.core.report import Finding
from mp_precheck.facts.model import FileFacts
from mp_precheck.readers.appdata import read_app_data
from mp_precheck.readers.discovery import Project
from mp_precheck.readers.pagelist import registered_pages
from mp_precheck.readers.possiblepages import possible_before
from mp_precheck.readers.routes import Route, markup_routes, route_page, script_routes
from mp_precheck.readers.sfc import split_blocks

PAGE_SUFFIXES = (".wxml", ".js", ".ts", ".vue", ".nvue", ".uvue", ".jsx", ".tsx", ".mpx", ".wpy")
_SCRIPTS = (".js", ".ts", ".jsx", ".tsx")
_SFC = (".vue", ".nvue", ".uvue", ".wpy", ".mpx")

Reader = Callable[[str], "str | None"]


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    registry = registry_file(context.project)
    if registry is None or not context.project.pages or context.read_head(registry) is None:
        return findings
    folder = pages_folder(context.project, registry)
    # A page list code computes is partial: a route to a page not in it may well be registered (the skip is told:
    # core/unread.py computed_pages_error).
    unregistered = [] if context.project.pages_computed else _unregistered(context, registry, folder)
    return findings + _missing(context, registry, folder) + unregistered


def registry_file(project: Project) -> str | None:
    """The file that registers the project's pages (an mpvue-entry app's routes module), or None when
    discovery found none."""
    if project.routes_module is not None:
        return project.routes_module
    if project.app_config is None:
        return None
    if project.framework == "uni-app":
        return posixpath.join(posixpath.dirname(project.app_config), "pages.json")
    return project.app_config


def pages_folder(project: Project, registry: str) -> str:
    """The folder registered page paths are relative to: the registry's own, or ``src/`` for an mpvue-entry
    routes module (its paths name the ``.vue`` files below ``src/``: https://github.com/F-loat/mpvue-entry)."""
    if registry == project.routes_module:
        return posixpath.join(project.root, "src") if project.root else "src"
    return posixpath.dirname(registry)


def page_name(entry: str) -> str | None:
    """A registered entry as a page path (``./pages/a?async`` → ``pages/a``); None for npm or plugin pages."""
    page = posixpath.normpath(entry.split("?", 1)[0].strip().lstrip("/"))
    if not page or page == "." or page.startswith(("@", "..", "plugin")) or "node_modules" in page or ":" in page:
        return None
    return page


def registered_now(project: Project) -> frozenset[str]:
    """The pages the project registers at head."""
    return frozenset(name for page in project.pages if (name := page_name(page)))


def registered_before(context: ProjectContext, registry: str) -> frozenset[str]:
    """The pages the registry listed at the merge base: head's when the change leaves it alone (a large
    ``pages.json`` with comments takes a second to parse), else its base text's (empty when it was absent)."""
    if registry not in context.changed_paths:
        return registered_now(context.project)
    # a page a computed list may register whose page config was there (readers/possiblepages.py) may have been then
    return pages_in(registry, context.read_base(registry)) | possible_before(context.project, context.read_base)


@lru_cache(maxsize=16)
def pages_in(registry: str, text: str | None) -> frozenset[str]:
    """The pages a registry text lists (empty when unreadable)."""
    data = read_app_data(registry, text) if text is not None else None
    pages, _entry = registered_pages(data)
    return frozenset(name for page in pages if (name := page_name(page)))


def _exists(exists: Callable[[str], bool], folder: str, page: str) -> bool:
    stem = f"{folder}/{page}" if folder else page
    return any(exists(stem + suffix) for suffix in PAGE_SUFFIXES)


def _missing(context: ProjectContext, registry: str, folder: str) -> list[Finding]:
    text = context.read_head(registry) or ""
    before = registered_before(context, registry)
    out = []
    for entry in context.project.pages:
        page = page_name(entry)
        if page is None or _exists(context.exists_at_head, folder, page) or _unread_below(context, folder, page):
            continue
        if page in before and not _exists(lambda p: context.read_base(p) is not None, folder, page):
            continue  # missing before this change too
        out.append(context.finding("completeness.missing_page", f"page:{page}", registry, registry_line(text, entry),
                                   value=page))
    return out


def _unread_below(context: ProjectContext, folder: str, page: str) -> bool:
    """Whether a folder of the page's path is a git submodule (or a symbolic link) at head: its files are another
    repository's, never read (core/unread.py tells it), so the page is not checked rather than missing."""
    parts = (f"{folder}/{page}" if folder else page).split("/")[:-1]
    return any(context.exists_at_head(path) and context.read_head(path) is None
               for path in ("/".join(parts[:n]) for n in range(1, len(parts) + 1)))


def registry_line(text: str, entry: str) -> int:
    """The line of ``entry`` as a quoted string in the registry text, also spelled relative as mpx writes it
    (``"./pages/login/index"``); a subpackage's page (``pkg/pages/a``, listed as ``pages/a`` below ``"root":
    "pkg"``) on the first line listing its own path after its root's line. 1 when not found."""
    lines = text.splitlines()
    at = _quoted_at(lines, entry, 0)
    parts = entry.split("/")
    for cut in range(len(parts) - 1, 0, -1):  # the longest root first
        if at is not None:
            break
        root = _quoted_at(lines, "/".join(parts[:cut]), 0, "/")
        at = _quoted_at(lines, "/".join(parts[cut:]), root) if root is not None else None
    return at + 1 if at is not None else 1


def _quoted_at(lines: list[str], value: str, start: int, tail: str = "") -> int | None:
    """The index of the first of ``lines`` from ``start`` holding ``value`` quoted (or ``value + tail``), written
    as it is or relative (``./value``)."""
    spelt = [f"{q}{prefix}{value}{end}{q}" for q in "\"'" for prefix in ("", "./")
             for end in dict.fromkeys(("", tail))]
    return next((n for n in range(start, len(lines)) if any(s in lines[n] for s in spelt)), None)


def _unregistered(context: ProjectContext, registry: str, folder: str) -> list[Finding]:
    registered = registered_now(context.project)
    before = registered_before(context, registry)
    head: dict[str, list[Item]] = {}
    base: dict[str, list[Item]] = {}
    urls: dict[tuple[str, int], str] = {}
    shipped = as_shipped(context)  # the text the facts read: #ifdef blocks of WeChat's build, FinClip's ft as wx
    for path in sorted(context.head_facts):
        found = _routes(path, shipped.read_head, folder, registered, context.head_facts[path])
        head[path] = [(page, line) for page, line, _url in found if page not in registered]
        urls.update({(path, line): url for _page, line, url in found})
    # A page the change links to without registering it opens for nobody: the link is told, not where that page
    # leads in turn (core/reachability.py drops the routes of the page files nothing names at all).
    unopened = {page for found in head.values() for page, _line in found}
    head = {path: [] if _page_path(path, folder) in unopened else found for path, found in head.items()}
    # A route rises only where head has one to an unregistered page: with none, the base versions are not read.
    for path in sorted(context.head_facts) if any(head.values()) else ():
        old = context.counterpart.get(path)
        if old is not None:
            base[old] = [(page, line) for page, line, _url in
                         _routes(old, shipped.read_base, folder, before, context.base_facts.get(old))
                         if page not in before]
    return [context.finding("completeness.unregistered_route", f"route:{page}", path, line,
                            value=urls.get((path, line), page))
            for path, page, line in rising(head, base, context.added_lines)]


def _page_path(path: str, folder: str) -> str | None:
    """The page path a file of the registry's ``folder`` would be registered as (``pages/a/a``), or None."""
    stem = posixpath.splitext(path)[0]
    return stem if not folder else stem[len(folder) + 1:] if stem.startswith(folder + "/") else None


def _routes(path: str, read: Reader, folder: str, pages: frozenset[str],
            facts: FileFacts | None) -> list[tuple[str, int, str]]:
    """(page, line, URL) of the literal routes in the file at ``path`` (a script's from its ``facts`` when they
    hold them). A relative URL is resolved only in a page's own files: in a component it is relative to
    whichever page shows the component. ``read`` gives the text as shipped (:func:`as_shipped`)."""
    lower = path.lower()
    if not lower.endswith((".wxml", *_SCRIPTS, *_SFC)):
        return []
    text = "" if facts is not None and facts.routes is not None else read(path)
    if text is None:
        return []
    found: Iterable[Route]
    if facts is not None and facts.routes is not None:
        found = facts.routes
    elif lower.endswith(".wxml"):
        found = markup_routes(text)
    elif lower.endswith(_SCRIPTS):
        found = script_routes(text, path)
    else:
        found = []
        for block in split_blocks(text):
            if block.tag == "template":
                found += markup_routes(block.text, block.line_offset)
            elif block.tag == "script" and "json" not in block.attrs.get("type", ""):
                suffix = ".ts" if block.attrs.get("lang") in ("ts", "tsx") else ".js"
                found += script_routes(block.text, path + suffix, block.line_offset)
    here = posixpath.dirname(path)
    relative = here if not folder else "" if here == folder else \
        here[len(folder) + 1:] if here.startswith(folder + "/") else None
    if relative is not None and posixpath.join(relative, posixpath.basename(path).split(".", 1)[0]) not in pages:
        relative = None
    out = []
    for url, line in found:
        if relative is None and not url.startswith("/"):
            continue
        page = route_page(url, relative or "")
        if page is not None:
            out.append((page, line, url))
    return out
