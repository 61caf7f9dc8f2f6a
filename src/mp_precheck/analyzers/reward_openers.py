"""Reward pages that open another page: the promise made on one page, the share button on the next.

A 分享赚 (share to earn) list opens a 去分享 page per product, and that page holds the share button and the
share card; the reward is promised on the list, acted on by sharing from the page it opens. A page *opens* the
page of a file when one of its files names the page's route literally (``'/pages/share/go?id=' + id``,
``<navigator url="/pages/share/go">``), and it is a *reward page* when its navigation-bar title promises a
reward for sharing (分享赚, 邀请有礼: the ``text:share-inducement`` signal). A page that merely links to another
and carries some reward wording in its body (a home page's invite banner) is not one: its title is its own, and a
share button the opened page adds is not told for that wording. The other way round, a page that cannot share and
whose reward wording is reported as such, opening a page already told for the reward, is told with that page
(:func:`opens_told`).

Source: https://developers.weixin.qq.com/miniprogram/product/reject.html (3.2.1 诱导分享).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Collection, Iterable

from mp_precheck.analyzers.context import ProjectContext
from mp_precheck.facts.model import Fact
from mp_precheck.notes.pagetitles import page_of, page_title
from mp_precheck.readers.routes import markup_routes, route_page
from mp_precheck.readers.textsignals import signals

SIGNAL = "share-inducement"
MAX_OPENERS = 20  # files naming the route that are looked at; a route named everywhere is no reward page's
_OWN_FILES = (".js", ".ts", ".wxml")  # a native page's files that navigate (its script's routes, its navigators)


def opener_wording(context: ProjectContext, path: str, subject: str,
                   naming: Callable[[str], list[str]] | None = None) -> list[Fact]:
    """The reward titles of the pages that open the page ``path`` belongs to, as facts of ``subject`` (the
    wording signal) whose value names the title and its page, e.g. ``分享赚 (pages/share/index)``; empty when
    ``path`` is no registered page or no reward page opens it. ``naming`` (:func:`route_files`) says which
    files name a page; by default one ``git grep`` a call."""
    project = context.project
    page = page_of(path, project.root, project.pages)
    if page is None:
        return []
    route = re.compile(rf"(?<![\w.-]){re.escape(page)}(?![\w/-])")
    found: dict[str, Fact] = {}
    named = naming(page) if naming is not None else sorted(context.repo_grep({page}))
    # app.json / pages.json name every page, a page's JSON opens none
    files = [p for p in named if project.owns(p) and not p.endswith(".json")]
    for other in files[:MAX_OPENERS]:
        opener = page_of(other, project.root, project.pages)
        if opener is None or opener == page or opener in found or not route.search(context.read_head(other) or ""):
            continue
        title = page_title(opener, project.root, project.framework, context.read_head)
        if title and SIGNAL in signals(title, title=True):
            found[opener] = Fact(subject, "text", 1, f"{title} ({opener})")
    return list(found.values())


def opens_told(context: ProjectContext, path: str, told: Collection[str]) -> bool:
    """Whether the page of ``path`` opens one of the pages ``told`` (registered page names whose reward for sharing
    is reported): a literal route in its script (``wx.navigateTo({ url: '../rules/index' })``, relative ones resolved
    from the page's folder) or a ``<navigator url>`` of its template. Asked of a page that cannot share and speaks of
    a reward for sharing or inviting — titled 分享有赏, a 获取更多 entry beside the user's vouchers, a toast confirming
    what an invitation earned: the page it opens states that promise and shares for it, so the two are one promise,
    told once where the sharing is (3.2.1 诱导分享, https://developers.weixin.qq.com/miniprogram/product/reject.html)."""
    project = context.project
    page = page_of(path, project.root, project.pages)
    if page is None or not told:
        return False
    stem = posixpath.splitext(path)[0]
    for own in (stem + suffix for suffix in _OWN_FILES):
        facts = context.head_facts.get(own) or context.facts_at_head(own)
        if facts is not None and facts.routes is not None:
            routes = facts.routes
        else:
            routes = tuple(markup_routes(context.read_head(own) or "")) if own.endswith(".wxml") else ()
        if any(route_page(url, posixpath.dirname(page)) in set(told) - {page} for url, _line in routes):
            return True
    return False


def route_files(context: ProjectContext, paths: Iterable[str]) -> Callable[[str], list[str]]:
    """``page -> the files of the head tree that name it``, sorted: what ``sorted(context.repo_grep({page}))``
    says, answered for the pages of all ``paths`` by one ``git grep`` on first use (a whole app adding a share
    button to each of its 330 pages ran 330 greps of the tree, ~6 s). A page outside them gets its own grep."""
    batch: list[dict[str, list[str]]] = []

    def naming(page: str) -> list[str]:
        if not batch:
            project = context.project
            batch.append(_named(context, {p for path in paths if (p := page_of(path, project.root, project.pages))}))
        files = batch[0].get(page)
        return files if files is not None else sorted(context.repo_grep({page}))
    return naming


def _named(context: ProjectContext, pages: set[str]) -> dict[str, list[str]]:
    """The files naming each page, for the pages it can tell exactly (see :func:`route_files`)."""
    if len(pages) < 2:
        return {}  # one page: one grep either way
    hits = context.repo_grep(pages)
    # ``git grep -o`` lists the matches of a line left to right without overlaps: a file whose only mention of a
    # route overlaps the match of another lists just that other one. Every file that holds a route lists some
    # match, so the files listing others are read and searched for the route (bytes, as git grep compares).
    others = sorted(hits)
    blobs = context.read_head_bytes(others)
    out: dict[str, list[str]] = {}
    for page in pages:
        needle = page.encode("utf-8", "surrogateescape")
        files = []
        for path in others:
            if page in hits[path] or ((data := blobs.get(path)) is not None and needle in data):
                files.append(path)
            elif data is None:  # not readable here (a link, over 4 MB): this page gets a grep of its own
                break
        else:
            out[page] = files
    return out
