"""Pages by the names a reviewer knows them by, and code that never ships.

A reviewer of 提交审核 knows a page by the title in its navigation bar (``navigationBarTitleText`` in the
page's configuration: https://developers.weixin.qq.com/miniprogram/dev/reference/configuration/page.html),
not by its folder. A file belongs to a registered page (``pages`` and ``subpackages`` of app.json, uni-app's
``pages.json``: https://developers.weixin.qq.com/miniprogram/dev/reference/configuration/app.html#pages)
when it is the page's own file or lies in the page's folder. Code in a demo, example or mock folder, or in
a page folder that no configuration registers, is not part of the shipped Mini Program.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable
from functools import cache, lru_cache
from html.parser import HTMLParser
from typing import Any

from mp_precheck.core.recache import compiled
from mp_precheck.readers.appdata import read_app_data
from mp_precheck.readers.htmlfeed import feed_safely
from mp_precheck.readers.jsconfig import class_config_object

_PAGE_CONFIG = {"native": (".json",), "taro": (".config.ts", ".config.js"), "mpx": (".mpx",), "wepy": (".wpy",),
                "wevu": (".vue", ".json")}


def source_roots(root: str) -> tuple[str, ...]:
    """Folders page paths are relative to: the project root, and its ``src/`` (Taro, uni-app CLI)."""
    return (root, posixpath.join(root, "src")) if root else ("", "src")


def page_of(path: str, root: str, pages: Iterable[str]) -> str | None:
    """The registered page (as app.json names it) file ``path`` belongs to, or None: the page itself, else the
    page whose folder is the nearest one holding ``path`` (the first registered when several share it)."""
    stem = posixpath.splitext(path)[0]
    registered, owners = _folders(tuple(pages))
    for base in source_roots(root):
        if base and not stem.startswith(base + "/"):
            continue
        rel = stem[len(base) + 1:] if base else stem
        if rel in registered:
            return rel
        cut = len(rel)
        while (cut := rel.rfind("/", 0, cut)) > 0:  # rel's folders, nearest first
            owner = owners.get(rel[:cut])
            if owner is not None:
                return owner
    return None


def page_file(path: str, root: str, pages: Iterable[str]) -> bool:
    """Whether ``path`` is one of a registered page's own files (``pages/login/index.jsx``, its ``.wxml``, its
    ``.config.js``), not another file in the page's folder (a component it keeps there)."""
    page = page_of(path, root, pages)
    stem = posixpath.splitext(path)[0].removesuffix(".config")
    return page is not None and any(stem == posixpath.join(base, page) for base in source_roots(root))


@lru_cache(maxsize=8)
def _folders(pages: tuple[str, ...]) -> tuple[frozenset[str], dict[str, str]]:
    """The registered pages, and the first registered page in each page folder. Built once per list of pages:
    an analysis asks :func:`page_of` about every file it looks at (a whole-app import of 330 pages asked
    thousands of times, each a walk over all the pages)."""
    owners: dict[str, str] = {}
    for page in pages:
        folder = posixpath.dirname(page)
        if folder:
            owners.setdefault(folder, page)
    return frozenset(pages), owners


def unshipped(path: str, root: str, pages: Iterable[str]) -> bool:
    """Whether ``path`` is code the Mini Program does not ship: not in a registered page, and in a demo,
    example, mock or test folder, or in a ``pages/`` folder no configuration registers."""
    registered = tuple(pages)
    if not registered or page_of(path, root, registered) is not None:
        return False
    rel = path[len(root) + 1:] if root and path.startswith(root + "/") else path
    return _unshipped_folder().search(rel) is not None or "pages/" in posixpath.dirname(rel) + "/"


@cache
def _unshipped_folder() -> re.Pattern[str]:  # compiled when first needed: most changes hold no such file
    return compiled(r"(?:^|/)(?:demos?|examples?|samples?|mocks?|__mocks__|mock-?data|tests?|__tests__|"
                      r"test-?pages|playground|storybook)/", re.IGNORECASE)


def page_title(page: str, root: str, framework: str, read_text: Callable[[str], str | None]) -> str | None:
    """The ``navigationBarTitleText`` of registered ``page``, or None when its configuration sets none.
    uni-app keeps it in ``pages.json`` (``style``); the others in the page's own configuration file."""
    return _configured_title(page, root, framework, read_text)[0]


def shown_title(page: str, root: str, framework: str, read_text: Callable[[str], str | None]) -> str | None:
    """The title users see on registered ``page`` (what the notes name it by), or None when none is found: its
    :func:`page_title`, else — and when the page draws its own bar (``"navigationStyle": "custom"``) — the literal
    ``title`` attribute of a navigation bar component in the page's markup (``<van-nav-bar title="订单详情">``).
    https://developers.weixin.qq.com/miniprogram/dev/reference/configuration/page.html"""
    configured, custom = _configured_title(page, root, framework, read_text)
    if configured is None and framework == "taro":
        configured, custom = _class_config_title(page, root, read_text)
    if configured and not custom:
        return configured
    return _nav_bar_title(page, root, framework, read_text) or configured


_PAGE_SCRIPTS = (".tsx", ".jsx", ".ts", ".js")


def _class_config_title(page: str, root: str, read_text: Callable[[str], str | None]) -> tuple[str | None, bool]:
    """(``navigationBarTitleText``, custom bar) of a Taro 1.x/2.x class component page, whose configuration is
    its ``config = {...}`` field (Taro 3 moved it to ``*.config.*``, read by :func:`_configured_title`)."""
    return _first_title(page, root, _PAGE_SCRIPTS, read_text, lambda name, text: class_config_object(text, name))


def _configured_title(page: str, root: str, framework: str,
                      read_text: Callable[[str], str | None]) -> tuple[str | None, bool]:
    """(``navigationBarTitleText``, whether the page's bar is custom) from the page's configuration."""
    if framework == "uni-app":
        for base in source_roots(root):
            text = read_text(posixpath.join(base, "pages.json"))
            titles = _uni_titles(text) if text is not None else None
            if titles is not None:
                return titles.get(page, (None, False))
        return None, False
    return _first_title(page, root, _PAGE_CONFIG.get(framework, ()), read_text, read_app_data)


def _first_title(page: str, root: str, suffixes: Iterable[str], read_text: Callable[[str], str | None],
                 read_config: Callable[[str, str], dict[str, Any] | None]) -> tuple[str | None, bool]:
    """(title, custom bar) of the first file ``page`` + a suffix under a source root that ``read_config`` (path,
    text) reads as a configuration object; (None, False) when none does."""
    for base in source_roots(root):
        for suffix in suffixes:
            name = posixpath.join(base, page) + suffix
            text = read_text(name)
            data = read_config(name, text) if text is not None else None
            if data is not None:
                return _title(data)
    return None, False


# A navigation bar component (van-nav-bar, u-navbar, uni-nav-bar, mp-navigation-bar, a project's NavBar) with a
# literal title: the page's name as users read it (a bound :title or {{title}} names nothing here).
_NAV_BAR_TAG = compiled(r"[\w.-]*(?:nav-?bar|navigation-bar)", re.IGNORECASE)
_MARKUP = {"native": (".wxml",), "uni-app": (".vue", ".nvue"), "wevu": (".vue",), "taro": (".tsx", ".jsx", ".vue"),
           "mpx": (".mpx",), "wepy": (".wpy",)}


class _NavBarTitle(HTMLParser):
    """The literal ``title`` of the first navigation bar component in a page's markup."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.title is not None or not _NAV_BAR_TAG.fullmatch(tag):
            return
        value = dict(attrs).get("title") or ""
        if value.strip() and not any(c in value for c in "{}<>"):
            self.title = value.strip()


def _nav_bar_title(page: str, root: str, framework: str, read_text: Callable[[str], str | None]) -> str | None:
    for base in source_roots(root):
        for suffix in _MARKUP.get(framework, ()):
            text = read_text(posixpath.join(base, page) + suffix)
            if text is None:
                continue
            parser = _NavBarTitle()
            feed_safely(parser, text)
            if parser.title:
                return parser.title
    return None


def _title(data: Any) -> tuple[str | None, bool]:
    """(``navigationBarTitleText``, ``"navigationStyle": "custom"``) of a page's (or its ``window``'s) settings."""
    if not isinstance(data, dict):
        return None, False
    found = data.get("window")
    window: dict[str, Any] = found if isinstance(found, dict) else {}
    value = data.get("navigationBarTitleText")
    if value is None:
        value = window.get("navigationBarTitleText")
    custom = "custom" in (data.get("navigationStyle"), window.get("navigationStyle"))
    return (value.strip() if isinstance(value, str) and value.strip() else None), custom


@lru_cache(maxsize=4)  # one pages.json asked for every page of a change: parsed once (JSON5 is slow)
def _uni_titles(text: str) -> dict[str, tuple[str | None, bool]] | None:
    """Page path → (its ``navigationBarTitleText``, whether its bar is custom) in the uni-app ``pages.json``
    ``text``; None when it is no configuration."""
    data = read_app_data("pages.json", text)
    return _uni_title_table(data) if data is not None else None


def _uni_title_table(data: dict[str, Any]) -> dict[str, tuple[str | None, bool]]:
    entries: list[tuple[str, Any]] = [(str(p.get("path", "")), p) for p in _listed(data, "pages")
                                      if isinstance(p, dict)]
    for key in ("subPackages", "subpackages"):
        for package in _listed(data, key):
            if isinstance(package, dict):
                prefix = str(package.get("root", "")).strip("/")
                entries += [(f"{prefix}/{p.get('path', '')}", p) for p in _listed(package, "pages")
                            if isinstance(p, dict)]
    titles: dict[str, tuple[str | None, bool]] = {}
    for path, entry in entries:
        titles.setdefault(path, _title(entry.get("style")))  # the first entry of a page, as before
    return titles


def _listed(data: dict[str, Any], key: str) -> list[Any]:
    """``data[key]`` when it is a list, else empty (a number or object there is malformed, never iterated)."""
    value = data.get(key)
    return value if isinstance(value, list) else []
