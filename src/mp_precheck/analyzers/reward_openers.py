"""Reward pages that open another page: the promise made on one page, the share button on the next.

A 分享赚 (share to earn) list opens a 去分享 page per product, and that page holds the share button and the
share card; the reward is promised on the list, acted on by sharing from the page it opens. A page *opens* the
page of a file when one of its files names the page's route literally (``'/pages/share/go?id=' + id``,
``<navigator url="/pages/share/go">``), and it is a *reward page* when its navigation-bar title promises a
reward for sharing (分享赚, 邀请有礼: the ``text:share-inducement`` signal). A page that merely links to another
and carries some reward wording in its body (a home page's invite banner) is not one: its title is its own.

Source: https://developers.weixin.qq.com/miniprogram/product/reject.html (3.2.1 诱导分享).
"""

from __future__ import annotations

import re

from mp_precheck.analyzers.context import ProjectContext
from mp_precheck.facts.model import Fact
from mp_precheck.notes.pagetitles import page_of, page_title
from mp_precheck.readers.textsignals import signals

SIGNAL = "share-inducement"
MAX_OPENERS = 20  # files naming the route that are looked at; a route named everywhere is no reward page's


def opener_wording(context: ProjectContext, path: str, subject: str) -> list[Fact]:
    """The reward titles of the pages that open the page ``path`` belongs to, as facts of ``subject`` (the
    wording signal) whose value names the title and its page, e.g. ``分享赚 (pages/share/index)``; empty when
    ``path`` is no registered page or no reward page opens it."""
    project = context.project
    page = page_of(path, project.root, project.pages)
    if page is None:
        return []
    route = re.compile(rf"(?<![\w.-]){re.escape(page)}(?![\w/-])")
    found: dict[str, Fact] = {}
    # app.json / pages.json name every page, a page's JSON opens none
    files = [p for p in sorted(context.repo_grep({page})) if project.owns(p) and not p.endswith(".json")]
    for other in files[:MAX_OPENERS]:
        opener = page_of(other, project.root, project.pages)
        if opener is None or opener == page or opener in found or not route.search(context.read_head(other) or ""):
            continue
        title = page_title(opener, project.root, project.framework, context.read_head)
        if title and SIGNAL in signals(title, title=True):
            found[opener] = Fact(subject, "text", 1, f"{title} ({opener})")
    return list(found.values())

