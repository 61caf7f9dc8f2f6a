"""Pages a change takes out of the app: a page file deleted with no file continuing it, whose page is no
longer registered in ``app.json`` (``pages`` / ``subPackages``,
https://developers.weixin.qq.com/miniprogram/dev/reference/configuration/app.html#pages).

What such a page did leaves the app with it (a removal); it was not moved. So its calls do not offset the
same call on another page the change adds — a test upload page deleted while a 发布 page that uploads is
added is one feature gone and one feature new — while the app is still known to have had the capability
(the new page is a new call site, not new to the app).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from mp_precheck.notes.pagetitles import page_of
from mp_precheck.readers.discovery import Project


def retired_pages(base_paths: Iterable[str], counterpart: Mapping[str, str | None], base: Project | None,
                  head: Project) -> frozenset[str]:
    """The base paths among ``base_paths`` (changed files of the base project) that belong to a page ``head``
    no longer registers and that no head file continues (``counterpart``: head path → its base path)."""
    if base is None:
        return frozenset()
    continued = set(counterpart.values())
    out = set()
    for path in base_paths:
        page = page_of(path, base.root, base.pages)
        if path not in continued and page is not None and page not in head.pages:
            out.add(path)
    return frozenset(out)
