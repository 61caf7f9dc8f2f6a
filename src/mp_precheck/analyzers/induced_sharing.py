"""Induced sharing is wording tied to the share mechanism (``sharing.induced_share``).

Reward or unlock wording (分享有赏, 分享后领取, 邀请好友助力…) is the finding when the same page or
component can share: a ``<button open-type="share">`` (``openType="share"``), or an
``onShareAppMessage``/``onShareTimeline`` hook (Taro ``useShareAppMessage``, ``wx.showShareMenu``) in the
page's files. Then:

* a share button the change adds (the app's count of share buttons rises: moved buttons are not new), with
  reward wording within :data:`NEAR` lines of it (its label or the text beside it): the finding goes on
  that wording — also when the wording was there before, as the combination is new; wording the change
  merely rewords elsewhere on the page is not reported again;
* new wording on a page that shares is reported at the wording;
* new wording on a page with no share mechanism at all is weaker evidence:
  ``sharing.share_reward_text`` (medium), to check how the page gets shared.

Source: https://developers.weixin.qq.com/miniprogram/product/reject.html (3.2.1 诱导分享).

Reads: ``head_facts``, ``base_facts``, ``counterpart``, ``added_lines``, ``facts_at_head``;
``sharing.induced_share``.
Writes: rewrites ``sharing.induced_share`` (moved to the wording by a new share button, or to
``sharing.share_reward_text`` on a page that cannot share); adds one for a new share button beside old
wording.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from dataclasses import replace

from mp_precheck.analyzers.context import ProjectContext, reworded
from mp_precheck.core.report import Finding
from mp_precheck.facts.model import Fact, FileFacts

NEAR = 3
SHARE_BUTTON = "button[open-type=share]"
SHARE_HOOKS = ("share:hook", "wx.showShareMenu")
WORDING = "text:share-inducement"
_PAGE_FILES = (".wxml", ".js", ".ts", ".json")


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    wording = {f.path: f for f in findings if f.rule == "sharing.induced_share"}
    tied = {path: hit for path in sorted(context.head_facts) if (hit := _new_tied_button(context, path))} \
        if _count(context.head_facts.values()) > _count(context.base_facts.values()) else {}
    out = [f for f in findings if f.rule != "sharing.induced_share"]
    for path in sorted(set(wording) | set(tied)):
        if path in tied:
            _button, text = tied[path]
            base = wording.get(path)
            finding = replace(base, line=text.line, value=text.value) if base else context.finding(
                "sharing.induced_share", WORDING, path, text.line, value=text.value)
            out.append(finding)
        elif _page_shares(context, path):
            out.append(wording[path])
        else:
            rule = context.catalog.rule("sharing.share_reward_text")
            out.append(reworded(wording[path], rule, context.language, severity=rule.severity))
    return out


def _count(files: Iterable[FileFacts]) -> int:
    """Share buttons in these files (a button moved between changed files is not a new one)."""
    return sum(1 for facts in files for f in facts.facts if f.subject == SHARE_BUTTON)


def _new_tied_button(context: ProjectContext, path: str) -> tuple[Fact, Fact] | None:
    """A share button the change adds to ``path`` with reward wording beside it: (button, wording)."""
    facts = context.head_facts[path].facts
    buttons = [f for f in facts if f.subject == SHARE_BUTTON]
    old = context.counterpart.get(path)
    before = sum(1 for f in context.base_facts[old].facts if f.subject == SHARE_BUTTON) \
        if old and old in context.base_facts else 0
    if len(buttons) <= before:
        return None
    added = context.added_lines.get(path, frozenset())
    texts = [f for f in facts if f.subject == WORDING]
    for button in buttons:
        if button.line not in added:
            continue
        near = [t for t in texts if abs(t.line - button.line) <= NEAR]
        if near:
            return button, min(near, key=lambda t: abs(t.line - button.line))
    return None


def _page_shares(context: ProjectContext, path: str) -> bool:
    """Whether the page or component of ``path`` (its own file and its same-named siblings) can share."""
    stem, _ = posixpath.splitext(path)
    for candidate in dict.fromkeys((path, *(stem + suffix for suffix in _PAGE_FILES))):
        facts = context.head_facts.get(candidate) or context.facts_at_head(candidate)
        if facts is not None and any(f.subject == SHARE_BUTTON or f.subject in SHARE_HOOKS for f in facts.facts):
            return True
    return False
