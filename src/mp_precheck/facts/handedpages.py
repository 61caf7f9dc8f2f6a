"""Hosts a page jump hands to a page that opens them in a ``<web-view>``: business domains, not server domains.

readers/pagequery.py marks a URL a script puts in the query of ``wx.navigateTo`` (``uni`` / ``Taro`` alike, WePY's
``$navigate`` params and ``$preload`` data) with the page it opens (role ``page-query:<route>``). When that page's
files show a ``<web-view>`` whose ``src`` comes from a variable or a page parameter (the ``web-view:dynamic-src``
fact of readers/markup.py, a Taro ``<WebView src={…}>`` too), the page opens the handed address as a web page: the
host is the web-view's, which needs a 业务域名
(https://developers.weixin.qq.com/miniprogram/dev/component/web-view.html), and becomes a ``web-view-host:`` fact as
a ``<web-view src="https://…">`` literal is. A route that opens no such page (or none found) gives the host back
its role ``code``: a server domain as before. Pure; nothing raises.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Mapping

from msgspec.structs import replace

from mp_precheck.core.subject import prefixed
from mp_precheck.facts.model import Fact, FileFacts
from mp_precheck.git.repo import TreeEntry
from mp_precheck.readers.pagequery import NAMED_ROUTE, PAGE_QUERY

DYNAMIC_WEB_VIEW = "web-view:dynamic-src"
# The files a page is written in: its template, a single-file component, a JSX page (Taro, Remax).
_GENERIC = frozenset({"index", "main", "page", "pages", "home"})  # names too common to find a page by
_PAGE_SUFFIXES = (".wxml", ".vue", ".nvue", ".uvue", ".jsx", ".tsx", ".js", ".ts", ".mpx", ".wpy", ".swan", ".axml")


def handed_to_web_views(facts: tuple[Fact, ...], tree: Mapping[str, TreeEntry],
                        read: Callable[[list[tuple[str, str]]], Mapping[str, FileFacts]]) -> tuple[Fact, ...]:
    """``facts`` of one file with each ``page-query:`` host made a ``web-view-host:`` fact (role ``web-view``)
    when the page its route names, in ``tree`` (its files' facts from ``read([(path, blob)])``: path → facts),
    shows a web-view of a dynamic ``src``; else given back role ``code``."""
    routes = {f.role[len(PAGE_QUERY):] for f in facts if f.kind == "host" and f.role and f.role.startswith(PAGE_QUERY)}
    if not routes:
        return facts
    shown = {route for route in routes if any(f.subject == DYNAMIC_WEB_VIEW for found in read(
        [(path, tree[path].blob) for path in _page_files(route, tree)]).values() for f in found.facts)}
    out = []
    for f in facts:
        route = f.role[len(PAGE_QUERY):] if f.kind == "host" and f.role and f.role.startswith(PAGE_QUERY) else None
        if route is None:
            out.append(f)
        elif route in shown:
            out.append(Fact(prefixed("web-view-host", f.subject.removeprefix("host:")), "host", f.line, f.value,
                            "web-view"))
        else:
            out.append(replace(f, role="code"))
    return tuple(out)


def _page_files(route: str, tree: Mapping[str, TreeEntry]) -> list[str]:
    """The files of ``tree`` the page ``route`` is written in: an app-rooted route (``/pages/web/index``) matches
    the end of a path (the project may sit in a folder: ``src/``, ``miniprogram/``), a resolved one the path
    itself; mpvue's ``…/main`` route is the folder's ``index`` component; a route table's key (``@web-view``) the
    page's folder or file name (``pagesCommon/web-view/index``)."""
    if route.startswith(NAMED_ROUTE):  # a route table's key names the page's folder or file (not ``index``)
        name = route[len(NAMED_ROUTE):]
        return [path for path in tree if posixpath.splitext(path)[1] in _PAGE_SUFFIXES
                and name in posixpath.splitext(path)[0].split("/")[-2:] and name not in _GENERIC]
    page = route.split("?", 1)[0]
    wanted = {page.lstrip("/")} | ({posixpath.join(posixpath.dirname(page), "index").lstrip("/")}
                                  if posixpath.basename(page) == "main" else set())
    out = []
    for path in tree:
        stem, suffix = posixpath.splitext(path)
        if suffix in _PAGE_SUFFIXES and any(stem == w or (route.startswith("/") and stem.endswith("/" + w))
                                            for w in wanted):
            out.append(path)
    return out
