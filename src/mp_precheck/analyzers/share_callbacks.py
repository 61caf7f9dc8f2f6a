"""A share hook's new success callback, or new call of its own, on a page that promises a reward for sharing
(``sharing.induced_share``).

每分享给1个朋友可再获得N次抽奖机会 can stand on a page for years while its ``onShareAppMessage`` grants nothing; the
change that gives the hook a ``success`` callback posting the share to the server (or counting it), or a call in
the hook's own body (run as the user shares: ``api.addShareReward()``), is the one that pays the promise. Told at
the callback's first call or at the hook's call, naming the page's wording, unless the page's sharing is told
already (its wording or its new share button or hook, by :mod:`mp_precheck.analyzers.induced_sharing`).

A hook in a shared module that is no page or component (a mixin every page takes), or in the app's entry file
(its ``showShareMenu`` success too), shares for the app's pages: the reward wording of any changed file is its
page's, and so is a table of point kinds naming sharing (``SCORE_TYPE = { 7: '分享个人/群' }``). A share button
whose tap sets a flag that the page's ``onShow`` newly acts on (a request on the return from sharing: the way to
tell a share once the callbacks went) is told at the button, with or without wording. A new callback that tells the
user what the share earned (推荐成功，您已获得红包, 积分 +5) pays for it whatever the page says, and so does a notice
the hook's own new call shows (分享成功！奖励已发放 in the ``.then`` of the share-tracking request it sends): told at
that text, also on a page whose wording is told (the promise and the payment are two things to take away).

Source: https://developers.weixin.qq.com/miniprogram/product/reject.html (3.2.1 诱导分享); WeChat's notice
「分享监听」能力调整 (2018) names rewarding a finished share as the use it withdrew the callbacks for.

A call is new when the base's hook made it fewer times, by the callee's own name: a line the change only re-spells
(``that.close()`` → ``this.close()``) adds no act on the share.

Reads: ``head_facts``, ``added_lines``, ``read_head``, ``read_base``, ``counterpart``, ``facts_at_head``,
``exists_at_head``, ``project``; ``sharing`` findings.
Writes: adds ``sharing.induced_share`` at a new share-success callback or share-hook call, at a new callback's (or
hook call's) text telling the user a gain credited for the share, and at a share button whose tap the page's
``onShow`` newly acts on.
"""

from __future__ import annotations

import posixpath
from collections import Counter
from collections.abc import Callable

from mp_precheck.analyzers.context import ProjectContext, as_shipped
from mp_precheck.analyzers.induced_sharing import (
    _MARKUP,
    SHARE_HOOKS,
    WORDING,
    WORDINGS,
    _page_facts,
    _stem,
    rendered_wording,
)
from mp_precheck.core.report import Finding
from mp_precheck.facts.model import Fact
from mp_precheck.notes.pagetitles import page_of
from mp_precheck.readers.sharecallback import (
    share_callback_callees,
    share_callback_texts,
    share_hook_calls,
    share_hook_notices,
)
from mp_precheck.readers.sharewords import points_for_sharing, share_credit

_SCRIPTS = (".js", ".ts", ".jsx", ".tsx", ".mjs", ".vue", ".nvue", ".uvue", ".wpy", ".mpx")
_COMPONENTS = (".vue", ".nvue", ".uvue", ".wpy", ".mpx")


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    context = as_shipped(context)  # a share in an #ifdef block of another platform never reaches WeChat
    told = {_stem(f.path) for f in findings if f.family == "sharing"}
    out = list(findings)
    for path in sorted(context.head_facts):
        added = context.added_lines.get(path, frozenset())
        if not (added or 1 in added) or not path.endswith(_SCRIPTS) or \
                not any(f.subject in SHARE_HOOKS for f in context.head_facts[path].facts):
            continue  # (a new file's added lines are every line, though empty as a set)
        # the callback says the share was paid: told beside any wording; the hook's own notice only where the page's
        # sharing is not told (its new button or hook is told with that notice already)
        if credit := _credited(context, path, added, hook=_stem(path) not in told):
            out.append(context.finding("sharing.induced_share", WORDING, path, credit[0],
                                       value=f"{credit[2]} + {credit[1]}"))
            continue
        if not added or _stem(path) in told:
            continue
        wording = _wording(context, path)
        if not wording:
            continue  # no promise on the page: its callbacks are not parsed
        callbacks = _new_calls(context, path, added, share_callback_callees)
        own = _new_calls(context, path, added, share_hook_calls)
        calls = sorted(callbacks + own)
        if calls:
            how = "share success callback" if calls[0] in callbacks else "share hook call"
            out.append(context.finding("sharing.induced_share", WORDING, path, calls[0],
                                       value=f"{how} + {wording[0].value}"))
    return out + _share_returns(context, told | {_stem(f.path) for f in out if f.family == "sharing"})


def _new_calls(context: ProjectContext, path: str, added: frozenset[int],
               read: Callable[[str, str], list[tuple[int, str]]]) -> list[int]:
    """Lines of the share hook's calls ``read`` finds in ``path`` at head (its own statements, or its callbacks'
    first calls) that are on the change's ``added`` lines and that the base file's hook made fewer times, by the
    callee's own name: a line the change only re-spells (``that.close()`` → ``this.close()``) is no new act on a
    share, and the promise the page already made is not newly paid by it."""
    text = context.read_head(path)
    if not text:
        return []
    head = read(text, path)
    old = context.counterpart.get(path)
    before = context.read_base(old) if old else None
    had = Counter(callee for _line, callee in read(before, old)) if before and old else Counter[str]()
    has = Counter(callee for _line, callee in head)
    return sorted({line for line, callee in head if line in added and has[callee] > had[callee]})


def _credited(context: ProjectContext, path: str, added: frozenset[int], hook: bool) -> tuple[int, str, str] | None:
    """(line, text, where) of the first text that a share's success callback, or (``hook``) a share hook's own call
    (a toast in the ``.then`` of the share-tracking request it sends), on the lines the change adds to ``path`` shows
    as a gain credited for the share (推荐成功，您已获得红包, 奖励已发放:
    :func:`~mp_precheck.readers.sharewords.share_credit`), or None. WeChat runs the hook as the user shares, so what
    it grants is paid for the share (3.2.1 诱导分享)."""
    text = context.read_head(path)
    if not text:
        return None
    credit = share_credit()
    said = [(line, value, "share success callback") for line, value in share_callback_texts(text, path)] + \
        [(line, value, "share hook call") for line, value in (share_hook_notices(text, path) if hook else ())]
    return next(((line, " ".join(value.split())[:120], where) for line, value, where in sorted(said)
                 if line in added and credit.search(value)), None)


def _share_returns(context: ProjectContext, told: set[str]) -> list[Finding]:
    """``sharing.induced_share`` at a share button whose tap marks the share when the change makes the page's
    ``onShow`` act on that mark (:mod:`mp_precheck.readers.sharereturn`), on a page whose sharing is not told."""
    out = []
    for markup_path, script in sorted({pair for path in context.added_lines if (pair := _page_pair(context, path))}):
        added = context.added_lines.get(script, frozenset())
        facts = context.facts_at_head(markup_path)
        if _stem(markup_path) in told or not added or facts is None or \
                not any(f.subject == "button[open-type=share]" for f in facts.facts):
            continue
        from mp_precheck.readers.sharereturn import acts_on_return, share_taps  # only a share button pays for it

        markup, code = context.read_head(markup_path), context.read_head(script)
        for line, handler in share_taps(markup) if markup and code else ():
            if any(act in added for act in acts_on_return(code or "", script, {handler})):
                out.append(context.finding("sharing.induced_share", WORDING, markup_path, line,
                                           value="share button + onShow acting on the return from sharing"))
                break
    return out


def _page_pair(context: ProjectContext, path: str) -> tuple[str, str] | None:
    """(markup, script) of the page or component a changed ``path`` belongs to: a single-file component is both."""
    if path.endswith(_COMPONENTS):
        return path, path
    stem = _stem(path)
    if path.endswith(".wxml"):
        script = next((stem + s for s in (".js", ".ts") if context.exists_at_head(stem + s)), None)
        return (path, script) if script else None
    return (stem + ".wxml", path) if path.endswith((".js", ".ts")) and context.exists_at_head(stem + ".wxml") else None


def _wording(context: ProjectContext, path: str) -> list[Fact]:
    """The reward wording of the page of ``path`` (else of the components its template renders: a settlement
    panel's 分享可获得… under the page whose hook pays it); for the app's entry file or a shared module that is no
    page or component (a mixin), that of every changed file, a table of point kinds naming sharing included
    (:func:`~mp_precheck.readers.sharewords.points_for_sharing`)."""
    own = [f for f in _page_facts(context, path) if f.subject in WORDINGS] or rendered_wording(context, path)
    app_wide = posixpath.basename(_stem(path)).lower() == "app" or not (
        page_of(path, context.project.root, context.project.pages) is not None
        or any(context.exists_at_head(_stem(path) + m) for m in _MARKUP))
    if own or not app_wide:
        return own
    texts = [f for other in sorted(context.head_facts) for f in context.head_facts[other].facts
             if f.subject in WORDINGS]
    return texts or [Fact(WORDING, "text", line, label) for other in sorted(context.head_facts)
                     if other.endswith(_SCRIPTS) for line, label in points_for_sharing(context.read_head(other) or "")]
