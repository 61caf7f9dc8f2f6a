"""Induced sharing through the app's own means of sharing: a share-target panel or an invite QR code
(``sharing.induced_share``).

A page can send its promise to friends without a share button or hook: a share sheet of its own (微信好友, 朋友圈,
QQ, 微博 — :func:`~mp_precheck.readers.sharemeans.panel_line`) or a QR code carrying the user's invite code that a
friend scans (:func:`~mp_precheck.readers.sharemeans.qr_call_lines`, a ``<…qrcode>`` element). When the change
adds one (the base file had none):

* a **panel** on a page with reward wording is the share the wording pays for, like a new share button: told at
  the wording when it is within :data:`~mp_precheck.analyzers.induced_sharing.NEAR` lines of the panel, otherwise
  at the panel (the page's ``sharing.share_reward_text``, told because it could not share, moves there);
* an **invite QR code** on a page with reward wording keeps the page's finding at its wording (the poster's
  promise), now ``sharing.induced_share``; on a page whose wording was there before, or on a page with none in an
  app that pays for referrals (:data:`~mp_precheck.readers.sharemeans.REFERRAL_PAY`: 推广收益, 佣金, 返佣), it is
  told at the QR code.

A plain share panel with no reward wording, and an invite QR code in an app that pays nothing for referrals, stay
silent.

Source: https://developers.weixin.qq.com/miniprogram/product/reject.html (3.2.1 诱导分享).

Reads: ``head_facts``, ``counterpart``, ``added_lines``, ``read_head``, ``read_base``, ``facts_at_head``,
``repo_grep``; ``sharing`` findings.
Writes: adds ``sharing.induced_share`` at a new share panel or invite QR code; moves a page's
``sharing.share_reward_text`` to its new panel, or rewrites it to ``sharing.induced_share`` by a new invite QR code.
"""

from __future__ import annotations

from msgspec.structs import replace

from mp_precheck.analyzers.context import ProjectContext, reworded
from mp_precheck.analyzers.induced_sharing import NEAR, WORDING, WORDINGS, _page_facts, _stem
from mp_precheck.core.report import Finding
from mp_precheck.facts.model import Fact
from mp_precheck.readers.sharemeans import (
    QR_TAG,
    REFERRAL_PAY,
    names_invite_code,
    panel_line,
    qr_call_lines,
)

_MARKUP = (".wxml", ".vue", ".nvue", ".wpy", ".mpx")
_SIBLINGS = (".js", ".ts", ".json")


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    out = list(findings)
    pays: list[str | None] = []  # the app's referral pay, looked up once when first needed
    for path in sorted(context.head_facts):
        added = context.added_lines.get(path, frozenset())
        if not path.endswith(_MARKUP) or not added:
            continue
        texts = _page_texts(context, path)
        wording = [f for f in _page_facts(context, path) if f.subject in WORDINGS]
        told = [f for f in out if f.family == "sharing" and _stem(f.path) == _stem(path)]
        if told and any(f.rule != "sharing.share_reward_text" for f in told):
            continue  # the page shares by button or hook: told there already
        panel = _new_panel(context, path, texts, added)
        if panel is not None and wording:
            out = [f for f in out if f not in told] + [_at_panel(context, path, panel, wording, told)]
            continue
        qr = _new_qr(context, path, added) or _new_qr_call(context, path)
        if qr is None or not names_invite_code(texts):
            continue
        where, line, what = qr
        if told:
            rule = context.catalog.rule("sharing.induced_share")
            out = [reworded(f, rule, context.language, severity=rule.severity) if f in told else f for f in out]
        elif wording:
            out.append(context.finding("sharing.induced_share", WORDING, where, line,
                                       value=f"{what} + {wording[0].value}"))
        elif pay := _referral_pay(context, pays):
            out.append(context.finding("sharing.induced_share", WORDING, where, line,
                                       value=f"{what} + invite code + {pay}"))
    return out


def _page_texts(context: ProjectContext, path: str) -> list[str]:
    """The texts of the page or component of ``path``: its own file and its same-named scripts."""
    stem = _stem(path)
    texts = [context.read_head(candidate) for candidate in (path, *(stem + s for s in _SIBLINGS))]
    return [text for text in texts if text]


def _new_panel(context: ProjectContext, path: str, texts: list[str], added: frozenset[int]) -> int | None:
    """The line of a share-target panel the change adds to the template of ``path`` (none in its base file)."""
    line = panel_line(context.read_head(path), texts)
    if line is None or line not in added:
        return None
    old = context.counterpart.get(path)
    before = context.read_base(old) if old else None
    if before is not None and panel_line(before, [before, *_base_siblings(context, old)]) is not None:
        return None
    return line


def _base_siblings(context: ProjectContext, old: str | None) -> list[str]:
    if old is None:
        return []
    texts = [context.read_base(_stem(old) + suffix) for suffix in _SIBLINGS]
    return [text for text in texts if text]


def _at_panel(context: ProjectContext, path: str, line: int, wording: list[Fact], told: list[Finding]) -> Finding:
    """The page's induced sharing told by its new panel at ``line``: at the wording beside it, else at the panel."""
    near = [f for f in context.head_facts[path].facts if f.subject in WORDINGS and abs(f.line - line) <= NEAR]
    text = min(near, key=lambda f: abs(f.line - line)) if near else wording[0]
    where, value = (text.line, text.value) if near else (line, f"share panel + {text.value}")
    base = next((f for f in told if f.path == path), told[0] if told else None)
    if base is None:
        return context.finding("sharing.induced_share", WORDING, path, where, value=value)
    rule = context.catalog.rule("sharing.induced_share")
    return replace(reworded(base, rule, context.language, severity=rule.severity), path=path, line=where,
                   value=value)


def _new_qr_call(context: ProjectContext, path: str) -> tuple[str, int, str] | None:
    """(path, line, what) of a QR drawing call the change adds to a changed script of the page of ``path`` (a WXML
    page's ``.js``)."""
    for script in (_stem(path) + suffix for suffix in (".js", ".ts")):
        if script in context.head_facts and (found := _new_qr(context, script, context.added_lines.get(script,
                                                                                                     frozenset()))):
            return found
    return None


def _new_qr(context: ProjectContext, path: str, added: frozenset[int]) -> tuple[str, int, str] | None:
    """(path, line, what) of a QR code the change adds to ``path``: a QR element or a QR drawing call on an added
    line, where the base file had fewer."""
    facts = context.head_facts[path].facts
    tags = [f for f in facts if QR_TAG.match(f.subject)]
    calls = qr_call_lines(context.read_head(path), path)
    old = context.counterpart.get(path)
    base_facts = context.base_facts.get(old) if old else None
    before_tags = sum(1 for f in base_facts.facts if QR_TAG.match(f.subject)) if base_facts else 0
    before_calls = len(qr_call_lines(context.read_base(old), old)) if old else 0
    new_tags = [f for f in tags if f.line in added]
    if new_tags and len(tags) > before_tags:
        return path, new_tags[0].line, new_tags[0].subject
    new_calls = [line for line in calls if line in added]
    if new_calls and len(calls) > before_calls:
        return path, new_calls[0], "QR code"
    return None


def _referral_pay(context: ProjectContext, pays: list[str | None]) -> str | None:
    """A word of :data:`REFERRAL_PAY` some file of the app holds (looked up once, kept in ``pays``)."""
    if not pays:
        hits = context.repo_grep(set(REFERRAL_PAY))
        pays.append(min((word for words in hits.values() for word in words), default=None))
    return pays[0]
