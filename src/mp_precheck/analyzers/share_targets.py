"""A share card that opens a help page: the reward wording lives on the page the friends land on
(``sharing.induced_share``).

A 砍价 / 0元购 order page shares a card whose ``path`` is another page (``'/pages/help/help?orderId=' + id``), and
that page asks the friend who opens it to 帮他砍价 / 帮他免费拿: the share is the help-me mechanic, though the
sharing page itself says nothing of it. A share hook (``onShareAppMessage``…) whose route the change writes, on a
page with no reward wording of its own, is told at the hook when a page it opens carries reward wording (the
``text:share-inducement`` signal in its files, changed or not); that landing page's own wording is then the same
promise, not told again. So is a changed page with no share button whose wording only asks its reader to help the
one who shared (快来帮TA砍价: the friend's side, :data:`~mp_precheck.readers.textsignals.FRIEND_HELP`) when another
page of the change is told for inducing the share.

Source: https://developers.weixin.qq.com/miniprogram/product/reject.html (3.2.1 诱导分享: 帮我砍价, 助力);
https://developers.weixin.qq.com/miniprogram/dev/reference/api/Page.html#onShareAppMessage-Object-object (the card's
``path``).

Reads: ``head_facts``, ``added_lines``, ``read_head``, ``read_base``, ``counterpart``, ``exists_at_head``,
``facts_at_head``, ``repo_grep``, ``project``; ``sharing`` findings.
Writes: adds ``sharing.induced_share`` at a share hook whose new card path opens a page with reward wording, and at
the request a help control's tap newly sends on a page a share card opens; and
removes the ``sharing`` findings of that landing page and of a page asking friends to help the sharer when another
page's induced sharing is told.
"""

from __future__ import annotations

import posixpath

from mp_precheck.analyzers.context import ProjectContext, as_shipped
from mp_precheck.analyzers.induced_sharing import SHARE_BUTTON, WORDING, WORDINGS, _page_facts, _stem
from mp_precheck.core.report import Finding
from mp_precheck.facts.model import Fact
from mp_precheck.notes.pagetitles import page_of
from mp_precheck.readers.helptaps import help_requests, help_taps
from mp_precheck.readers.routes import route_page
from mp_precheck.readers.sharecallback import share_hook_texts
from mp_precheck.readers.textsignals import FRIEND_HELP

_SCRIPTS = (".js", ".ts", ".jsx", ".tsx", ".vue", ".nvue", ".uvue", ".wpy", ".mpx")
_SFC = (".vue", ".nvue", ".uvue", ".wpy", ".mpx")
_LANDING_FILES = (".wxml", ".js", ".ts", ".vue", ".nvue", ".wpy", ".mpx", ".jsx", ".tsx")


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    context = as_shipped(context)  # a share in an #ifdef block of another platform never reaches WeChat
    told = {_stem(f.path) for f in findings if f.family == "sharing"}
    project = context.project
    added_findings: list[Finding] = []
    landed: set[str] = set()
    for path in sorted(context.head_facts):
        added = context.added_lines.get(path, frozenset())  # a new file's: every line, though empty as a set
        hooks = [f for f in context.head_facts[path].facts if f.subject == "share:hook"]
        page = page_of(path, project.root, project.pages)
        if not (added or 1 in added) or not hooks or page is None or not path.endswith(_SCRIPTS) \
                or _stem(path) in told or any(f.subject in WORDINGS for f in _page_facts(context, path)):
            continue
        hits = _landing_wording(context, path, page, added)
        if not hits:
            continue
        landing, text = next(iter(hits.items()))
        hook = min(hooks, key=lambda f: f.line)
        added_findings.append(context.finding("sharing.induced_share", WORDING, path, hook.line,
                                              value=f"{hook.value} → {landing} + {text.value}"))
        landed.update(hits)
    kept = [f for f in findings if f.family != "sharing" or page_of(f.path, project.root, project.pages) not in landed]
    out = kept + added_findings
    # a help request made to work is the mechanic itself, not a friend's side of another page's told sharing
    return _without_friend_sides(context, out) + _help_sent(context, {_stem(f.path) for f in out
                                                                     if f.family == "sharing"})


def _help_sent(context: ProjectContext, told: set[str]) -> list[Finding]:
    """``sharing.induced_share`` at the request a help control's tap handler newly sends (帮他免费拿 →
    ``clickToRegister``), on a page whose sharing is not told and that a share card opens."""
    out = []
    project = context.project
    for path in sorted(context.head_facts):
        added = context.added_lines.get(path, frozenset())
        page = page_of(path, project.root, project.pages)
        markup = path if path.endswith(_SFC) else _stem(path) + ".wxml"
        if not added or page is None or not path.endswith(_SCRIPTS) or _stem(path) in told \
                or not _asks_help(context, markup):
            continue
        code, old = context.read_head(path), context.counterpart.get(path)
        base = context.read_base(old) if old else None
        for _line, handler, label in help_taps(context.read_head(markup) or ""):
            sent = [at for call, at in help_requests(code or "", path, handler) if call in added]
            if sent and not (base and help_requests(base, str(old), handler)) and _shared_to(context, page):
                out.append(context.finding("sharing.induced_share", WORDING, path, sent[0],
                                           value=f"{label} → {handler} sends the help"))
                break
    return out


def _asks_help(context: ProjectContext, markup: str) -> bool:
    """Whether the template ``markup`` holds reward wording asking its reader to help the one who shared (帮他免费拿):
    only then are its controls read for their handlers."""
    facts = context.facts_at_head(markup) if context.exists_at_head(markup) else None
    return facts is not None and any(f.subject in WORDINGS and FRIEND_HELP.search(f.value or "") for f in facts.facts)


def _shared_to(context: ProjectContext, page: str) -> bool:
    """Whether a share hook of the app at head names ``page`` as its card's path (``'/pages/help/help?id=' + id``)."""
    for path in sorted(context.repo_grep({page})):
        text = context.read_head(path) if path.endswith(_SCRIPTS) else None
        folder = posixpath.dirname(page_of(path, context.project.root, context.project.pages) or path)
        if text and any(route_page(value, folder) == page for _line, value in share_hook_texts(text, path)):
            return True
    return False


def _without_friend_sides(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    """``findings`` without the sharing findings of pages that only ask friends to help the sharer (快来帮TA砍价) and
    cannot share by button, when the induced sharing of another page is told: the two sides of one mechanic."""
    told = {_stem(f.path) for f in findings if f.rule == "sharing.induced_share"}

    def friend_side(finding: Finding) -> bool:
        return finding.family == "sharing" and bool(FRIEND_HELP.search(finding.value or "")) \
            and bool(told - {_stem(finding.path)}) \
            and not any(f.subject == SHARE_BUTTON for f in _page_facts(context, finding.path))
    return [f for f in findings if not friend_side(f)]


def _landing_wording(context: ProjectContext, path: str, page: str, added: frozenset[int]) -> dict[str, Fact]:
    """The pages that the routes the change writes in a share hook of ``path`` (of ``page``) open, each with its
    first reward wording, in the order the hook names them: those with none left out."""
    text = context.read_head(path)
    folder = posixpath.dirname(page)
    pages = set(context.project.pages)
    found: dict[str, Fact] = {}
    for line, value in share_hook_texts(text, path) if text else ():
        landing = route_page(value, folder) if line in added else None
        if landing is None or landing == page or landing not in pages or landing in found:
            continue
        wording = _wording_of(context, landing)
        if wording is not None:
            found[landing] = wording
    return found


def _wording_of(context: ProjectContext, page: str) -> Fact | None:
    """The first reward wording in the files of the registered ``page`` at head (its template first)."""
    root = context.project.root
    stem = posixpath.join(root, page) if root else page
    for suffix in _LANDING_FILES:
        facts = context.head_facts.get(stem + suffix) or context.facts_at_head(stem + suffix)
        found = next((f for f in facts.facts if f.subject in WORDINGS), None) if facts is not None else None
        if found is not None:
            return found
    return None
