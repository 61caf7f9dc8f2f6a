"""The pages an app configuration object registers, as routes from the app's root.

WeChat's ``app.json`` lists the main package's ``pages``, each subpackage's ``pages`` below its ``root`` and an
optional ``entryPagePath`` (https://developers.weixin.qq.com/miniprogram/dev/reference/configuration/app.html);
uni-app's ``pages.json`` and mpx's ``app.mpx`` JSON write the same lists in their own spellings.
"""

from __future__ import annotations

from typing import Any


def registered_pages(config: Any) -> tuple[list[str], str | None]:
    """The pages an app config object registers (main package, then subpackages) and its ``entryPagePath``;
    ``([], None)`` for anything that is not an object. Entries of the wrong type are left out, never raised on."""
    pages: list[str] = []
    if not isinstance(config, dict):
        return pages, None
    listed = config.get("pages")
    for page in listed if isinstance(listed, list) else []:  # "pages": "a/b" is malformed, not 3 one-letter pages
        if isinstance(page, str):
            pages.append(route(page))
        elif isinstance(page, dict) and isinstance(page.get("path"), str):  # uni-app pages.json
            pages.append(route(page["path"]))
    for key in ("subpackages", "subPackages"):
        packages = config.get(key)
        for package in packages if isinstance(packages, list) else []:  # a number or object: a shape error
            if not isinstance(package, dict):
                continue
            root = str(package.get("root", "")).strip("/")
            sub = package.get("pages")
            for page in sub if isinstance(sub, list) else []:
                name = page if isinstance(page, str) else page.get("path") if isinstance(page, dict) else None
                if isinstance(name, str):
                    pages.append(f"{root}/{route(name)}" if root else route(name))
    entry = config.get("entryPagePath")
    return pages, route(entry) if isinstance(entry, str) else None


def entry_of(config: Any, pages: list[str], entry: str | None) -> str | None:
    """The entry page: ``entryPagePath`` (``entry``), else the first page of the main package (``pages[0]``) when
    the config's own ``pages`` list starts with a page read as data — a computed main list (None in a script
    config) leaves the first page read a subpackage's, which is no entry page, so the entry is then unknown."""
    listed = config.get("pages") if isinstance(config, dict) else None
    first = listed[0] if isinstance(listed, list) and listed else None
    return entry or (pages[0] if pages and isinstance(first, (str, dict)) else None)


def route(page: str) -> str:
    """A page route as the app's root names it: mpx resolves its pages from ``app.mpx`` and writes them relative
    (``"./pages/index"``, https://mpxjs.cn/guide/basic/single-file.html), the same page as ``pages/index``."""
    while page.startswith("./"):
        page = page[2:]
    return page


def computes_pages(config: Any) -> bool:
    """Whether the config object ``config`` (read as data by ``readers/jsconfig.py``, where anything computed — a
    variable, a spread, a call — is None) leaves part of its page lists to code: then the pages read from it are
    not all the pages the build registers. A config that is no object at all registers nothing readable either."""
    if not isinstance(config, dict):
        return True
    lists = [config.get("pages")]
    for key in ("subpackages", "subPackages"):
        packages = config.get(key, [])
        if not isinstance(packages, list):
            return True
        lists += [package.get("pages") if isinstance(package, dict) else None for package in packages]
    return any(not isinstance(listed, list) or None in listed for listed in lists)
