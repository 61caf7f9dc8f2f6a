"""Tipping or donations a change offers, taken by a payment code shown to be scanned or by WeChat Pay
(``payment.tipping``).

A Mini Program that asks users for money for its developer or author — 打赏, 赞赏, 赞助, 捐赠, 请作者喝杯咖啡, donate,
sponsor: ``text:tip-offer``, ``checks/tipping.yml`` — offers tipping. WeChat gives personal accounts one way to take
tips, its 小程序赞赏组件 (https://developers.weixin.qq.com/miniprogram/dev/framework/reward-component.html); review
sends back a personal Mini Program offering tipping of its own (个人小程序未开放类目), any version that takes money
other than through Mini Program payment — a 收款码 or 赞赏码 shown for the user to scan included
(https://pay.weixin.qq.com/wiki/doc/api/wxa/wxa_api.php?chapter=7_3&index=1) — and tips are virtual goods, paid
through virtual payment
(https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/business-capabilities/virtual-payment.html).

The words alone are no payment (a like's caption, a sponsor thanked). A page takes the tip when it shows a payment
code — an image or URL its files name as one (``pay_code.jpg``, ``收款码.png``), or a QR code the page lets users
long-press or preview (``wx.previewImage``) that is no account's code to follow — or when the change adds its
``wx.requestPayment`` (``payment.request_payment`` on one of its files). The offer counts on that page or on a changed
page opening it (its files name the page's route, or route to it), in words the change adds: a text its file did not
show before (moved or re-indented wording is old) and no changed file showed at base.

Told once per page taking tips, where a reviewer meets it: at the change's new ``wx.requestPayment`` on the page when
there is one (the payment that takes the tip), else at the new words of the entry that opens the page (the menu item a
user taps), else at the page's own new words. Scope app, file when the app offered tipping before.

Reads: ``head_facts``, ``base_facts``, ``counterpart``, ``added_lines``, ``read_head``, ``exists_at_head``,
``facts_at_head``, ``repo_grep``, ``changed_paths``, project · ``payment.request_payment``.
Writes: adds ``payment.tipping``.
"""

from __future__ import annotations

import posixpath
import re
from collections import Counter

from mp_precheck.analyzers.context import ProjectContext
from mp_precheck.core.placing import unchanged_texts
from mp_precheck.core.report import Finding, Scope
from mp_precheck.core.semantic_diff import counted
from mp_precheck.facts.model import Fact
from mp_precheck.notes.pagetitles import page_of, source_roots
from mp_precheck.readers.routes import markup_routes, route_page, script_routes
from mp_precheck.readers.tipwords import names_pay_code, names_qr_code, tip_needles

RULE = "payment.tipping"
OFFER = "text:tip-offer"
_PAYMENT = "payment.request_payment"
_PREVIEW = "wx.previewImage"
_TEMPLATES = (".wxml", ".vue", ".nvue", ".wpy", ".mpx", ".jsx", ".tsx")
_SCRIPTS = (".js", ".ts", ".vue", ".nvue", ".wpy", ".mpx", ".jsx", ".tsx")
_PAGE_FILES = (*dict.fromkeys((*_TEMPLATES, *_SCRIPTS)), ".json")
_LONG_PRESS = re.compile(r"show-menu-by-longpress|longpress|longtap", re.IGNORECASE)
Offer = tuple[str, Fact]  # (head path, the tip-offer text fact)
Code = tuple[str, int, str]  # (head path, line, the code's image path or URL)


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    offers = _new_offers(context)
    if not offers:
        return findings
    by_page: dict[str, list[Offer]] = {}
    for path, fact in offers:
        page = _page(context, path)
        if page is not None:
            by_page.setdefault(page, []).append((path, fact))
    reached: dict[str, list[tuple[bool, Offer]]] = {}  # page → (offered on an opener, offer)
    for page in sorted(by_page):
        for target in [page, *_opened(context, page)]:
            reached.setdefault(target, []).extend((target != page, o) for o in by_page[page])
    out, told = list(findings), set()
    for target in sorted(reached):
        found = _told(context, findings, target, reached[target])
        if found is not None and (found.path, found.line) not in told:
            told.add((found.path, found.line))
            out.append(found)
    return out


def _told(context: ProjectContext, findings: list[Finding], page: str,
          offers: list[tuple[bool, Offer]]) -> Finding | None:
    """The finding of the tips the page ``page`` takes, the offers leading to it being ``offers``; None when it
    takes none (no new payment of its own, no payment code shown)."""
    pays = sorted((f for f in findings if f.rule == _PAYMENT and f.path is not None and f.line is not None
                   and _page(context, f.path) == page), key=lambda f: (f.path, f.line))
    # the entry a user taps first (an opener's words), then the page's own words; words a template shows first
    _opener, (path, fact) = min(offers, key=lambda o: (not o[0], not o[1][0].endswith(_TEMPLATES), o[1][0],
                                                      o[1][1].line))
    words = f"{fact.value} ({path}:{fact.line})"
    if pays:
        where, line, means = pays[0].path or "", pays[0].line or 1, "wx.requestPayment"
    elif (code := _shown_code(context, page)) is not None:
        where, line, means = path, fact.line, f"{code[2]} ({code[0]}:{code[1]})"
    else:
        return None
    scope: Scope = "file" if _offered_before(context) else "app"
    return context.finding(RULE, OFFER, where, line, scope, value=f"{words} → {means}")


def _new_offers(context: ProjectContext) -> list[Offer]:
    """The tip-offer texts of the changed files in words the change adds: not shown by the file's base version
    (moved or re-indented wording), nor by any changed file at base (wording moved between files)."""
    found = [(path, f) for path, ff in sorted(context.head_facts.items()) for f in ff.facts
             if f.subject == OFFER and counted(f)]
    if not found:
        return []
    old = unchanged_texts(context.head_facts, context.base_facts, context.counterpart, context.added_lines)
    before = Counter(f.value for ff in context.base_facts.values() for f in ff.facts if f.subject == OFFER)
    return [(path, f) for path, f in found if (path, f.line, OFFER) not in old and before[f.value] == 0]


def _page(context: ProjectContext, path: str) -> str | None:
    """The registered page the file ``path`` belongs to; its own stem (below the root) where the project's
    pages are unknown (no app config read), None for a file of no page."""
    project = context.project
    if project.pages:
        return page_of(path, project.root, project.pages)
    stem = posixpath.splitext(path)[0]
    return posixpath.relpath(stem, project.root) if project.root and stem.startswith(project.root + "/") else stem


def _page_files(context: ProjectContext, page: str) -> list[str]:
    """The head files of the registered page ``page`` (its template, script, config), under the project root or
    its ``src/``."""
    out: list[str] = []
    for base in source_roots(context.project.root):
        stem = posixpath.join(base, page) if base else page
        out.extend(stem + suffix for suffix in _PAGE_FILES if context.exists_at_head(stem + suffix))
    return out


def _opened(context: ProjectContext, page: str) -> list[str]:
    """The registered pages the page ``page``'s files open: a route call or a ``<navigator>`` to them (relative
    URLs resolved), or their route named literally (``url: '/pages/pay/pay'`` in a menu's data)."""
    project = context.project
    out: set[str] = set()
    for path in _page_files(context, page):
        text = context.read_head(path) if path.endswith((*_TEMPLATES, *_SCRIPTS)) else None
        if not text:
            continue
        folder = posixpath.dirname(page)
        routes = [*(markup_routes(text) if path.endswith(_TEMPLATES) else []),
                  *(script_routes(text, path) if path.endswith((".js", ".ts")) else [])]
        out.update(p for url, _line in routes if (p := route_page(url, folder)) and (
            p in project.pages or not project.pages))
        out.update(p for p in project.pages if p in text and re.search(rf"(?<![\w.-]){re.escape(p)}(?![\w/-])", text))
    out.discard(page)
    return sorted(out)


def _shown_code(context: ProjectContext, page: str) -> Code | None:
    """The payment code the page ``page`` shows: the first image or URL its files name as a payment or reward
    code, else the first named as a QR code (no account's) when the page lets users long-press or preview images;
    None when it shows none."""
    images: list[Code] = []
    scannable = False
    for path in _page_files(context, page):
        facts = context.facts_at_head(path)
        if facts is None:
            continue
        images += [(path, f.line, f.value) for f in facts.facts if f.kind in ("image", "host") and f.value]
        scannable = scannable or any(f.subject == _PREVIEW for f in facts.facts) or (
            path.endswith(_TEMPLATES) and _LONG_PRESS.search(context.read_head(path) or "") is not None)
    named = next((image for image in images if names_pay_code(image[2])), None)
    if named is not None or not scannable:
        return named
    return next((image for image in images if names_qr_code(image[2])), None)


def _offered_before(context: ProjectContext) -> bool:
    """Whether the app offered tipping before the change: a changed file at base, or a file the change leaves
    alone, shows tip-offer words."""
    if any(f.subject == OFFER for ff in context.base_facts.values() for f in ff.facts):
        return True
    grepped = context.repo_grep(set(tip_needles()))
    for path in sorted(p for p, hits in grepped.items() if hits and p not in context.changed_paths):
        facts = context.facts_at_head(path)
        if facts is not None and any(f.subject == OFFER for f in facts.facts):
            return True
    return False
