"""Where induced sharing is told when a change writes a page's promise and its share button together.

A page's promise to pay for sharing (reward wording, a share card's title promising a gain, a commission offered
for sharing) is what WeChat's reviewer rejects and what the team must change: when the change writes that promise
and the share button in one page, the finding belongs on the promise, naming the button, not on the button eleven
lines below it. The promise is new in a file that shows more texts of its kind than its base version did, in words
the base version did not show (text moved or reworded in place is the old promise, as
:func:`mp_precheck.core.semantic_diff` counts it); of the new ones the first the user reads is told: the page's
markup before its script (a ``.wxml`` before the page's ``.js``; a single-file component's template block before
its script block), then by line. A page that only gains the button beside wording it already showed keeps the
button as the place: the combination is what is new.

Source: https://developers.weixin.qq.com/miniprogram/product/reject.html (3.2.1 诱导分享).

In: a :class:`~mp_precheck.analyzers.context.ProjectContext`, the page's changed files and the promise subjects.
Out: (path, fact) of the promise to tell, or None. Never raises on a file it cannot read (its lines count as
script).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable

from mp_precheck.analyzers.context import ProjectContext
from mp_precheck.facts.extract import SFC_SUFFIXES
from mp_precheck.facts.model import Fact
from mp_precheck.readers.sfc import split_blocks

_MARKUP_FILES = (".wxml", ".jsx", ".tsx")  # what a page shows; an SFC's template block likewise


def new_promise(context: ProjectContext, paths: Iterable[str], subjects: Collection[str]) -> tuple[str, Fact] | None:
    """The first promise the user reads among the texts of ``subjects`` the change writes in the changed files of
    ``paths`` (one page's or component's files): (its path, its fact), or None when every file of them shows only
    the promises its base version showed."""
    written = [(path, fact) for path in dict.fromkeys(paths) if path in context.head_facts
               for fact in _written(context, path, subjects)]
    if not written:
        return None
    spans = {path: _template_lines(context, path) for path, _fact in written}
    return min(written, key=lambda pf: (pf[1].line not in spans[pf[0]], pf[0], pf[1].line))


def _written(context: ProjectContext, path: str, subjects: Collection[str]) -> list[Fact]:
    """The texts of ``subjects`` in ``path`` on lines the change adds, in words its base version did not show, for
    each subject of which the file now shows more texts than before."""
    old = context.counterpart.get(path)
    before = context.base_facts.get(old) if old else None
    added = context.added_lines.get(path, frozenset())
    out: list[Fact] = []
    for subject in subjects:
        texts = [f for f in context.head_facts[path].facts if f.subject == subject and f.kind == "text"]
        shown = Counter(f.value for f in before.facts if f.subject == subject and f.kind == "text") \
            if before is not None else Counter[str | None]()
        if len(texts) <= sum(shown.values()):
            continue
        for fact in sorted(texts, key=lambda f: (f.line in added, f.line)):  # old lines keep the old words first
            if shown[fact.value] > 0:
                shown[fact.value] -= 1
            elif fact.line in added:
                out.append(fact)
    return out


def _template_lines(context: ProjectContext, path: str) -> range | Collection[int]:
    """The lines of ``path`` a user reads as the page's markup: all of a markup file, a single-file component's
    template block, none of a script."""
    if path.endswith(_MARKUP_FILES):
        return range(1, 1 << 30)
    if not path.endswith(SFC_SUFFIXES):
        return ()
    for block in split_blocks(context.read_head(path) or ""):
        if block.tag == "template":
            return range(block.line_offset + 1, block.line_offset + block.text.count("\n") + 2)
    return ()
