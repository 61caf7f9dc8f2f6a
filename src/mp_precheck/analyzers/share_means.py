"""Induced sharing through the app's own means of sharing: a share-target panel, an invite QR code or a poster
to send on (``sharing.induced_share``).

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

* a **poster to send on** (``text:share-poster``: 长按海报 - 发送给朋友, 保存图片后分享到朋友圈, 邀请海报 in its
  template or script; a page config's title alone names the page) that a page or component did not show before
  is the share itself, the user forwarding the image by hand: on a page with reward wording, or in an app that
  pays for referrals, it is told where a user meets it: at the tag a changed page newly renders the poster's
  component with, else at the poster's text (a page told for its sharing already, or rendering the poster from a
  page told so, is left alone; its ``sharing.share_reward_text`` becomes ``sharing.induced_share``).

* a **share card carrying the invite code** (a share button the change adds, else a share hook it adds) on a page
  with no reward wording that shows what referrals pay (团队收益, 直推奖励) and names the user's invite code is the
  invite those earnings pay for, as an invite QR code is: told at the button (or hook).

A plain share panel with no reward wording, an invite QR code in an app that pays nothing for referrals, and a
poster of a product in such an app stay silent.

Source: https://developers.weixin.qq.com/miniprogram/product/reject.html (3.2.1 诱导分享).

Reads: ``head_facts``, ``counterpart``, ``added_lines``, ``read_head``, ``read_base``, ``facts_at_head``,
``repo_grep``; ``sharing`` findings.
Writes: adds ``sharing.induced_share`` at a new share panel, invite QR code, poster to send on or share card carrying
the invite code on a page showing referral pay; moves a page's
``sharing.share_reward_text`` to its new panel, or rewrites it to ``sharing.induced_share`` by a new invite QR code
or poster.
"""

from __future__ import annotations

import posixpath

from msgspec.structs import replace

from mp_precheck.analyzers.context import ProjectContext, as_shipped, reworded
from mp_precheck.analyzers.induced_sharing import (
    NEAR,
    SHARE_BUTTON,
    WORDING,
    WORDINGS,
    _kebab,
    _page_facts,
    _stem,
    _users,
)
from mp_precheck.core.report import Finding
from mp_precheck.core.subject import component
from mp_precheck.facts.model import Fact
from mp_precheck.notes.pagetitles import page_of
from mp_precheck.readers.appconfig import page_name
from mp_precheck.readers.sharemeans import (
    QR_TAG,
    REFERRAL_PAY,
    names_invite_code,
    panel_line,
    qr_call_lines,
)

_MARKUP = (".wxml", ".vue", ".nvue", ".wpy", ".mpx")
_SIBLINGS = (".js", ".ts", ".json")
POSTER = "text:share-poster"
# where a user reads a poster's words first: the template, then a script's string
_POSTER_ORDER = (*_MARKUP, ".jsx", ".tsx", ".js", ".ts")
_CONFIGS = (".json", ".config.js", ".config.ts")  # a page's config (Taro's index.config.ts): its title, no poster


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    context = as_shipped(context)  # a share in an #ifdef block of another platform never reaches WeChat
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
        if qr is None and not told and not wording and (card := _invite_card(context, path, texts, added)):
            out.append(card)
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
    return _posters(context, out, pays)


def _invite_card(context: ProjectContext, path: str, texts: list[str], added: frozenset[int]) -> Finding | None:
    """``sharing.induced_share`` at a share button the change adds to the template of ``path`` (else at a share
    hook it adds to the page), when the page's texts carry the user's invite code and the page itself shows what
    referrals pay (:data:`~mp_precheck.readers.sharemeans.REFERRAL_PAY`: 团队收益, 直推奖励): the card is the invite
    those earnings pay for, as an invite QR code is. A share of a page showing no referral pay stays silent."""
    pay = next((word for word in sorted(REFERRAL_PAY) if any(word in text for text in texts)), None)
    if pay is None or not names_invite_code(texts):
        return None
    for where in (path, *(_stem(path) + suffix for suffix in (".js", ".ts"))):
        lines = _new_lines(context, where, SHARE_BUTTON if where == path else "share:hook")
        hooks = [] if lines or where != path else _new_lines(context, path, "share:hook")
        if lines or hooks:
            what = SHARE_BUTTON if lines else "share hook"
            return context.finding("sharing.induced_share", WORDING, where, (lines or hooks)[0],
                                   value=f"{what} + invite code + {pay}")
    return None


def _new_lines(context: ProjectContext, path: str, subject: str) -> list[int]:
    """Added lines of the facts of ``subject`` in the changed file ``path``, when it holds more of them than its base
    file did (a button or hook moved within the file is not new)."""
    facts = context.head_facts.get(path)
    if facts is None:
        return []
    old = context.counterpart.get(path)
    base = context.base_facts.get(old) if old else None
    lines = [f.line for f in facts.facts if f.subject == subject]
    before = sum(1 for f in base.facts if f.subject == subject) if base is not None else 0
    added = context.added_lines.get(path, frozenset())
    return sorted(line for line in lines if line in added) if len(lines) > before else []


def _posters(context: ProjectContext, findings: list[Finding], pays: list[str | None]) -> list[Finding]:
    """``findings`` with each poster to send on that the change adds to a page or component (:func:`_new_posters`)
    told, on a page with reward wording (its own or a renderer's) or in an app that pays for referrals; a page told
    for its sharing by button, hook or another means is left alone."""
    out = list(findings)
    for path, poster in _new_posters(context):
        where, line = _rendered_at(context, path) or (path, poster.line)
        told = [f for f in out if f.family == "sharing" and _stem(f.path) in (_stem(path), _stem(where))]
        if any(f.rule != "sharing.share_reward_text" for f in told):
            continue  # the page (or the page rendering the poster) is told for its sharing: the poster is part of it
        if told:
            rule = context.catalog.rule("sharing.induced_share")
            out = [reworded(f, rule, context.language, severity=rule.severity) if f in told else f for f in out]
            continue
        wording = [f for f in _page_facts(context, path) if f.subject in WORDINGS] or \
            [f for f in _page_facts(context, where) if f.subject in WORDINGS]
        reward = wording[0].value if wording else _referral_pay(context, pays)
        if reward:
            out.append(context.finding("sharing.induced_share", WORDING, where, line,
                                       value=f"poster ({poster.value}) + {reward}"))
    return out


def _new_posters(context: ProjectContext) -> list[tuple[str, Fact]]:
    """(path, fact) of the first poster to send on (``text:share-poster``) on an added line of each changed page or
    component whose files show more of them than their base did, its template's over its script's and config's."""
    def order(path: str) -> tuple[str, int]:
        return _stem(path), next((i for i, s in enumerate(_POSTER_ORDER) if path.endswith(s)), len(_POSTER_ORDER))
    found: dict[str, tuple[str, Fact]] = {}
    for path in sorted(context.head_facts, key=order):
        if path.endswith(_CONFIGS):
            continue  # a page config's title names the page; the poster is what its template or script shows
        added = context.added_lines.get(path, frozenset())
        posters = [f for f in context.head_facts[path].facts if f.subject == POSTER]
        old = context.counterpart.get(path)
        base = context.base_facts.get(old) if old else None
        before = sum(1 for f in base.facts if f.subject == POSTER) if base is not None else 0
        new = [f for f in posters if f.line in added]
        if new and len(posters) > before:
            found.setdefault(_stem(path), (path, new[0]))
    return list(found.values())


def _rendered_at(context: ProjectContext, path: str) -> tuple[str, int] | None:
    """(path, line) of the tag a changed page newly renders the component of ``path`` with (``<invite-poster>`` on
    an added line), where the component is no page of its own: where the user meets the poster."""
    page = page_of(path, context.project.root, context.project.pages)
    if page is not None and _stem(path) == posixpath.join(context.project.root, page):
        return None  # a page's own file (a component in its folder is no page)
    tag = component(_kebab(page_name(_stem(path))))
    for user in _users(context, path, by_import=False, holders=None):
        added = context.added_lines.get(user, frozenset())
        line = next((f.line for f in context.head_facts[user].facts if f.subject == tag and f.line in added), None)
        if line is not None:
            return user, line
    return None


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
