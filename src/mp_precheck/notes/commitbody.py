"""Which lines of a commit body are changes of their own (本次版本变更 items) and which only explain the subject.

Teams list several changes in a body (``- 优化订单页样式`` / ``- 修复支付``, ``新增A`` / ``修复B``): each is an item.
A body written as prose explains the one change its subject names: a paragraph whose lines run on (``修复方式：新增
_loaded 标志，`` wrapped onto the next line, a sentence without a verb of its own) is the subject's account, and its
lines are no items, nor are the unlisted lines of a body that holds such a paragraph (``修复：补充字段…`` after a
``根因：…`` paragraph). Lines under a heading that names what the Mini Program does not ship (``后端:``, ``数据库:``,
``测试:``, ``部署:``) describe the server, the database, tests or deployment of the same repository: never the app's
changes. A heading line itself (``修复页面：``) introduces a list and is no item.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from mp_precheck.core.lazyre import lazy

BULLET = lazy(r"^(?:[-*+•·]\s+|\d{1,2}\s*[.、)）]\s*|[(（]\d{1,2}[)）]\s*)")
# A line that only labels what follows: "后端:", "前端 (index.ts):", "## 测试", "修复页面：".
_HEADING = lazy(r"^(?:#{1,6}\s+(?P<md>.{1,40})|(?P<label>[^:：]{1,30}?)\s*[:：])\s*$")
# What a heading names when its lines are not the app's: the back end, its database, tests, deployment, documents.
_OUTSIDE = lazy(r"后端|服务端|服务器|server|backend|back-end|数据库|database|(?<![a-z])db(?![a-z])|migrations?|迁移|"
                r"测试|(?<![a-z])tests?(?![a-z])|单测|部署|deploy|运维|docker|nginx|文档|(?<![a-z])docs?(?![a-z])|"
                r"管理后台|后台管理|admin|脚本|scripts?", re.IGNORECASE)
_RUNS_ON = lazy(r"[，,、；;：:（(/]$")  # a line cut mid-sentence: the next line continues it


def body_changes(body: str, named: bool, marked: Callable[[str], bool], typed: Callable[[str], bool]) -> list[str]:
    """The lines of ``body`` that name a change of their own, list markers removed, in order.

    ``named``: the subject names a change (then prose in the body is its explanation); ``marked(line)``: the line
    says its section (a type, a bracketed or Chinese prefix, a gitmoji); ``typed(line)``: it says it explicitly (a
    type, a bracket or a gitmoji: a Chinese verb alone does not). Lines under a heading naming the back end, tests
    or deployment are left out whatever the subject says."""
    paragraphs = _paragraphs(body)
    prose = named and any(_is_prose(p, marked) for p in paragraphs)
    found: list[str] = []
    for paragraph in paragraphs:
        outside = False
        for raw in paragraph:
            heading = _HEADING.match(raw.strip())
            if heading:
                outside = _OUTSIDE.search(heading.group("md") or heading.group("label")) is not None
                continue
            line = BULLET.sub("", raw.strip())
            listed = line != raw.strip() or typed(line)
            if outside or not line or not marked(line) or (prose and not listed):
                continue
            found.append(line)
    return found


_BLANK_LINE = lazy(r"\n\s*\n")


def _paragraphs(body: str) -> list[list[str]]:
    """The body's paragraphs (runs of non-blank lines), trailers such as ``Co-Authored-By:`` kept as lines."""
    return [[line for line in block.splitlines() if line.strip()] for block in _BLANK_LINE.split(body)
            if block.strip()]


def _is_prose(paragraph: list[str], marked: Callable[[str], bool]) -> bool:
    """Whether a paragraph is running text: a line cut mid-sentence, or a line that is neither a list item, an
    indented continuation of one, a heading nor a line saying its own section."""
    for at, raw in enumerate(paragraph):
        line = raw.strip()
        if _HEADING.match(line):
            continue
        if _RUNS_ON.search(line) and at + 1 < len(paragraph) and not BULLET.match(paragraph[at + 1].strip()):
            return True
        continued = raw[:1].isspace() and at > 0
        if not BULLET.match(line) and not continued and not marked(line) and not _trailer(line):
            return True
    return False


_TRAILER = lazy(r"^[A-Za-z-]+(?:-[Bb]y|-[Ii]d)\s*:\s*\S|^(?:Closes|Fixes|Refs?)\s+#\d+", re.IGNORECASE)


def _trailer(line: str) -> bool:
    """A git trailer (``Signed-off-by:``, ``Co-Authored-By:``, ``Change-Id:``) or an issue reference: no text."""
    return _TRAILER.match(line) is not None
