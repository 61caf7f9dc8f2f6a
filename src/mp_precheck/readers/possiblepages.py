"""The pages a page list computed by code may register, counted as registered (fail-safe).

A Taro ``app.config`` may build its lists in code (``pages: Object.values(router.pages)``, a subpackage's ``pages``
from an imported object): read as data, those entries are unknown (``Project.pages_computed``). Every analysis that
asks which page a file belongs to (its title, whether it is shipped, where it posts from) would then treat a real
page as no page and drop what it does. So a file that has a Taro page config beside it (``index.tsx`` with
``index.config.ts``: https://docs.taro.zone/docs/page-config) counts as a registered page too, after the entries
that were read; what may be a page is checked as one. The checks that need the exact list (routes to unregistered
pages, the entry page) stay skipped and are told (core/unread.py).

In: a project as discovery read it and the tree's file paths. Out: its pages with those added (as they were when
its list was read in full or it is no Taro app).
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Collection
from typing import Protocol


class Listing(Protocol):
    """What this module reads of a project (readers/discovery.py ``Project``, which calls it)."""

    @property
    def framework(self) -> str: ...
    @property
    def app_config(self) -> str | None: ...
    @property
    def pages(self) -> tuple[str, ...]: ...
    @property
    def pages_computed(self) -> bool: ...


_PAGE_CONFIGS = (".config.ts", ".config.js")
_PAGE_FILES = (".tsx", ".jsx", ".ts", ".js", ".vue")
_NEVER = frozenset({"node_modules", "dist", "miniprogram_npm"})


def possible_pages(project: Listing, files: Collection[str]) -> tuple[str, ...]:
    """``project``'s pages, then, when its list is computed (module docstring), the routes (relative to its app
    config's folder) of the files below that folder with a page config beside them."""
    config = project.app_config
    if not project.pages_computed or project.framework != "taro" or config is None:
        return project.pages
    folder = posixpath.dirname(config)
    listed = {page.split("?", 1)[0].strip().strip("/") for page in project.pages}
    found = []
    for path in files:
        if not path.endswith(_PAGE_CONFIGS) or (folder and not path.startswith(folder + "/")) or path == config:
            continue
        stem = path.rsplit(".config.", 1)[0]
        route = stem[len(folder) + 1:] if folder else stem
        if route not in listed and not _NEVER & set(route.split("/")) \
                and posixpath.basename(route) != "app" and any(stem + suffix in files for suffix in _PAGE_FILES):
            found.append(route)
    return (*project.pages, *sorted(found))


def possible_before(project: Listing, read_base: Callable[[str], str | None]) -> frozenset[str]:
    """The pages of ``project`` (at head) whose page config was there at the base (``read_base(path)``, None when
    absent), when its list is computed: a page the list may have registered then as well, so no page the change
    registers (empty otherwise)."""
    config = project.app_config
    if not project.pages_computed or project.framework != "taro" or config is None:
        return frozenset()
    folder = posixpath.dirname(config)
    routes = {page.split("?", 1)[0].strip().strip("/") for page in project.pages}
    return frozenset(route for route in routes if route and any(
        read_base(posixpath.join(folder, route + suffix)) is not None for suffix in _PAGE_CONFIGS))
