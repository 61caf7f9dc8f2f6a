"""Induced sharing is wording tied to the share mechanism (``sharing.induced_share``).

Reward or unlock wording (分享有赏, 分享后领取, 邀请好友助力…) is the finding when the same page or
component can share: a ``<button open-type="share">`` (``openType="share"``), or an
``onShareAppMessage``/``onShareTimeline`` hook (Taro ``useShareAppMessage``, ``wx.showShareMenu``) in the
page's files. Then:

* a share button the change adds (the app's count of share buttons rises: moved buttons are not new) on a
  page with reward wording: with the wording within :data:`NEAR` lines of it (its label or the text beside
  it) the finding goes on that wording, otherwise on the new button, naming the wording — also when the
  wording was there before, as the combination is new; wording the change merely rewords elsewhere on the
  page is not reported again; a component's new share button (a dialog's) is also tied to the wording of
  the changed pages and components that use it by its tag;
* a share hook (``onShareAppMessage``…) the change adds to a page whose reward wording was already there is
  reported at the hook, naming the wording: the page's promise now has its share card;
* a page's reward wording includes that of the project components its template renders (a task panel's
  邀请好友注册，每人奖励 50 积分, changed or not: :func:`rendered_wording`), for the share button or hook with which
  the page gains its share mechanism (none in its files at base);
* a page's reward wording includes the title of a reward page that opens it (a 分享赚 list opening each
  product's 去分享 page: :mod:`mp_precheck.analyzers.reward_openers`), for its new share button or hook;
* a commission the page shows (我的佣金, 佣金比例: ``text:share-commission``, ``commissions`` in
  checks/share_rewards.yml) pays its promoter for each purchase their shares bring: a share button the change adds
  there (a 去分享 button made ``open-type="share"``) is told at the button; a page without one, or the commission
  alone, is not;
* new wording on a page that shares is reported at the wording;
* new wording on a page with no share mechanism at all is weaker evidence:
  ``sharing.share_reward_text`` (medium), to check how the page gets shared.

One page is one finding: wording in its markup and again in its script (a title passed along in a URL)
is told once, at the markup a user sees; and a component's wording shown by a changed page that is told
already (an invite page's swiper of past rewards) is part of that page's promise, as is the wording of a page
that cannot share and opens a told page (a toast confirming a voucher earned by inviting, on the page whose
获取更多 opens the invite page). A dialog is a view of its own: the new wording of a template's ``<modal>`` /
``*-dialog`` / ``*-popup`` that no finding stands in (分享赚红包: 推荐小程序到群聊后即可领取红包, opened by a 分享有礼
tile told for the page) is told once more, at the dialog's wording.

Source: https://developers.weixin.qq.com/miniprogram/product/reject.html (3.2.1 诱导分享); operations rules 5.1
(https://developers.weixin.qq.com/miniprogram/product/#_5-1-诱导分享: 以奖励诱导分享).

Reads: ``head_facts``, ``base_facts``, ``counterpart``, ``added_lines``, ``facts_at_head``, ``repo_grep``,
``read_head``, ``exists_at_head``, ``project``;
``sharing.induced_share``.
Writes: rewrites ``sharing.induced_share`` (moved to the wording by a new share button, or to
``sharing.share_reward_text`` on a page that cannot share); adds one for a new share button or share hook
on a page with old wording, and one for a dialog's own new promise.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable, Mapping

from msgspec.structs import replace

from mp_precheck.analyzers.context import ProjectContext, as_shipped, reworded
from mp_precheck.analyzers.rendered import component_file, component_uses, registered_components
from mp_precheck.analyzers.reward_openers import opener_wording, opens_told, route_files
from mp_precheck.core.report import Finding
from mp_precheck.core.subject import component
from mp_precheck.facts.extract import SFC_SUFFIXES
from mp_precheck.facts.model import Fact, FileFacts
from mp_precheck.facts.store import ExistingPaths
from mp_precheck.notes.pagetitles import page_of
from mp_precheck.readers.appconfig import page_name
from mp_precheck.readers.dialogspans import dialog_of, dialog_spans
from mp_precheck.readers.sharecallback import share_callback_texts, share_hook_notices
from mp_precheck.readers.sharewords import names_prize, share_credit

NEAR = 3
SHARE_BUTTON = "button[open-type=share]"
SHARE_HOOKS = ("share:hook", "wx.showShareMenu")
WORDING = "text:share-inducement"
COMMISSION = "text:share-commission"  # a commission the page shows its promoter: pay for a share button added there
# reward wording: any text's, or a share button's label naming a gain alone (继续砍), a subject of its own so
# that a label taken off a share button does not offset new wording in its file (the diff counts per subject)
WORDINGS = (WORDING, "text:share-button-gain")
_PAGE_FILES = (".wxml", ".js", ".ts", ".json")
_MARKUP = (".wxml", ".vue", ".nvue", ".wpy", ".mpx", ".jsx", ".tsx")
_SCRIPTS = (".js", ".ts", ".jsx", ".tsx", ".vue", ".nvue", ".uvue", ".wpy", ".mpx")


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    context = as_shipped(context)  # a share in an #ifdef block of another platform never reaches WeChat
    every = [f for f in findings if f.rule == "sharing.induced_share"]
    wording = _one_per_page(every)
    holders = _holders(context)
    # the pages whose openers may be asked for: those with a share button or hook (one grep for them all)
    naming = route_files(context, [*holders.get(SHARE_BUTTON, ()), *holders.get("share:hook", ())])
    tied = {path: hit for path in sorted(context.head_facts) if (hit := _new_tied_button(context, path, holders,
                                                                                         naming))} \
        if _count(context.head_facts.values()) > _count(context.base_facts.values()) else {}
    for path in tied:  # the page's wording is told at its new button
        wording.pop(next((p for p in wording if _stem(p) == _stem(path) and p != path), ""), None)
    out = [f for f in findings if f.rule != "sharing.induced_share"]
    for path in sorted(set(wording) | set(tied)):
        if path in tied:
            button, text, near = tied[path]
            line, value = (text.line, text.value) if near else (button.line, f"{SHARE_BUTTON} + {text.value}")
            base = wording.get(path)
            finding = replace(base, line=line, value=value) if base else context.finding(
                "sharing.induced_share", WORDING, path, line, value=value)
            out.append(finding)
        elif _page_shares(context, path):
            out.append(wording[path])
        else:
            rule = context.catalog.rule("sharing.share_reward_text")
            out.append(reworded(wording[path], rule, context.language, severity=rule.severity))
    # a page's new hook is told beside its wording only when a new share button in another of its files (the
    # markup beside the script) is told for wording away from it (the page's rules): button and card are two ways
    # to share for that promise, as when the wording was already there; a button labelled with the reward is the
    # promise, and its card is the same act
    worded = {_stem(p) for p in wording}
    # a new button beside its reward label tells the page's promise even where that label only reworded old wording
    told = (worded | {_stem(p) for p, (_b, _t, near) in tied.items() if near}) \
        - {_stem(p) for p, (_b, _t, near) in tied.items() if not near}
    tied_hooks = [hook for hook in _new_tied_hooks(context, naming, {_stem(p) for p in tied})
                  if _stem(hook[0]) not in told and not (hook[0] in tied and _stem(hook[0]) in worded)]
    helpers = {where for path, where, _line, _value in tied_hooks if where != path}
    out = [f for f in out if f.family != "sharing" or f.path not in helpers]  # told once, with the hook
    out += [context.finding("sharing.induced_share", WORDING, where, line, value=value)
            for _path, where, line, value in tied_hooks]
    return _one_per_feature(context, out + _dialog_promises(context, every, out))


def _dialog_promises(context: ProjectContext, every: list[Finding], told: list[Finding]) -> list[Finding]:
    """The reward wording on the added lines of each dialog of a template whose file has new wording (``every``):
    ``<modal>``, ``*-dialog``, ``*-popup`` (:mod:`mp_precheck.readers.dialogspans`), when no finding in ``told``
    stands in it. A dialog opens over its page and says its promise by itself (分享赚红包: 推荐小程序到群聊后即可领取
    红包), apart from the tile that opens it. One per dialog, ``sharing.induced_share`` on a page that can share,
    else ``sharing.share_reward_text``."""
    out: list[Finding] = []
    for path in sorted({f.path for f in every if f.path.endswith(_MARKUP)}):
        added = context.added_lines.get(path, frozenset())
        texts = [f for f in context.head_facts[path].facts if f.subject in WORDINGS and f.line in added] \
            if path in context.head_facts else []
        spans = dialog_spans(context.read_head(path) or "") if texts else []
        for text in texts:
            dialog = dialog_of(spans, text.line)
            if dialog is None or any(f.family == "sharing" and f.path == path and dialog[0] <= f.line <= dialog[1]
                                     for f in (*told, *out)):
                continue
            shares = _page_shares(context, path)
            out.append(context.finding("sharing.induced_share" if shares else "sharing.share_reward_text",
                                       WORDING, path, text.line, value=text.value))
    return out


def _one_per_feature(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    """``findings`` without the reward wording of a component that cannot share by itself
    (``sharing.share_reward_text``) whose changed user page is told already: an invite page and the swiper of
    邀请*麦，领取到了80元返现 it shows are one promise, and so are a page that cannot share and the told page it
    opens (:func:`~mp_precheck.analyzers.reward_openers.opens_told`): a page titled 分享有赏 and its rules page, a
    toast confirming what an invitation earned and the invite page its 获取更多 opens. A component with its own
    share button keeps its finding."""
    sharing = [f for f in findings if f.family == "sharing"]
    paths = {f.path for f in sharing}
    project = context.project
    told = {page for f in sharing if f.rule == "sharing.induced_share"
            and (page := page_of(f.path, project.root, project.pages)) is not None}
    # a page that cannot share, opening the page told for the same reward (its rules, its share page): one promise
    shown = {f.path for f in sharing if f.rule == "sharing.share_reward_text"
             and (any(user in paths - {f.path} for user in _users(context, f.path))
                  or opens_told(context, f.path, told))}
    return [f for f in findings if f.family != "sharing" or f.path not in shown]


def _users(context: ProjectContext, path: str, by_import: bool = True,
           holders: Mapping[str, list[str]] | None = None) -> list[str]:
    """The changed files that use the component of ``path``: by its tag, or (``by_import``) by importing it under
    a name of their own (``import mySwiper from './invite-swiper/index.vue'``). ``holders`` (:func:`_holders`)
    answers the tag alone without a look at every file's facts."""
    tag = component(_kebab(page_name(_stem(path))))
    if holders is not None and not by_import:
        return [other for other in holders.get(tag, ()) if other != path]
    return [other for other, facts in context.head_facts.items()
            if other != path and (any(f.subject == tag for f in facts.facts)
                                  or (by_import and any(_names(other, spec, path) for spec in facts.module_specs)))]


def _holders(context: ProjectContext) -> dict[str, list[str]]:
    """Subject -> the changed files with a fact of it, in the order of ``head_facts``: built once, so a whole
    app's share buttons do not each scan every changed file's facts for their component's users."""
    out: dict[str, list[str]] = {}
    for path, facts in context.head_facts.items():
        for fact in facts.facts:
            paths = out.setdefault(fact.subject, [])
            if not paths or paths[-1] != path:
                paths.append(path)
    return out


def _names(importer: str, spec: str, path: str) -> bool:
    """Whether the relative specifier ``spec`` of ``importer`` names the file ``path`` (with or without its
    extension, or as its folder's index)."""
    if not spec.startswith("."):
        return False
    named = posixpath.normpath(posixpath.join(posixpath.dirname(importer), spec))
    return named in (path, _stem(path)) or (posixpath.basename(_stem(path)) == "index"
                                             and named == posixpath.dirname(path))


def _new_tied_hooks(context: ProjectContext, naming: Callable[[str], list[str]],
                    buttoned: set[str]) -> list[tuple[str, str, int, str]]:
    """Share hooks the change adds to pages with reward wording: (the hook's path, the path and line to report,
    the finding's value). The wording is the page's own (reported at the hook), a reward page's that opens it,
    what the page's share hooks tell the user they gained (:func:`_hook_grants`, unless the page's new share button
    is told with it: stems in ``buttoned``), or a changed helper module's that the hook's file imports (reported
    at that wording: the module that builds the share card credits the inviter, 邀请新用户获得). A hook moved
    between changed files is not a new one."""
    def hooks(files: Iterable[FileFacts]) -> int:
        return sum(1 for facts in files for f in facts.facts if f.subject == "share:hook")
    if hooks(context.head_facts.values()) <= hooks(context.base_facts.values()):
        return []
    found = []
    for path in sorted(context.head_facts):
        new = [f for f in context.head_facts[path].facts
               if f.subject == "share:hook" and f.line in context.added_lines.get(path, frozenset())]
        old = context.counterpart.get(path)
        before = hooks([context.base_facts[old]]) if old and old in context.base_facts else 0
        if not new or hooks([context.head_facts[path]]) <= before:
            continue
        texts = [f for f in _page_facts(context, path) if f.subject in WORDINGS] or \
            _panel_wording(context, path) or opener_wording(context, path, WORDING, naming) or \
            ([] if _stem(path) in buttoned else _hook_grants(context, path))
        if texts:
            found.append((path, path, new[0].line, f"{new[0].value} + {texts[0].value}"))
        elif helper := _helper_wording(context, path):
            where, text = helper
            found.append((path, where, text.line, f"{new[0].value} + {text.value}"))
    return found


def _helper_wording(context: ProjectContext, path: str) -> tuple[str, Fact] | None:
    """Reward wording in a changed module that ``path`` imports by a relative specifier and that is no page or
    component of its own (``utils/common.ts`` building the share card and crediting the inviter): (its path,
    the wording)."""
    specs = context.head_facts[path].module_specs
    for other in sorted(context.head_facts):
        if other == path or other.endswith(_MARKUP) or not any(_names(path, spec, other) for spec in specs):
            continue
        if page_of(other, context.project.root, context.project.pages) is not None or \
                any(context.exists_at_head(_stem(other) + m) for m in _MARKUP):  # a page's or component's script
            continue
        texts = [f for f in context.head_facts[other].facts if f.subject in WORDINGS]
        if texts:
            return other, texts[0]
    return None


def _hook_grants(context: ProjectContext, path: str) -> list[Fact]:
    """What the share hooks of the page or component of ``path`` (its own script, or its same-named scripts) tell
    the user they gained as they share or once shared, as reward wording: a toast of the hook's own statements or
    of its ``success`` callback saying a use unlocked, more of a chance or a gain credited (已解锁 2 次, 次数+1,
    获得一次抽奖机会: :func:`~mp_precheck.readers.sharewords.share_credit`). The hook itself pays for the share,
    whatever the page's wording says (3.2.1 诱导分享: https://developers.weixin.qq.com/miniprogram/product/reject.html).
    The card the hook returns is not read: its title is what the friend sees."""
    credit = share_credit()
    out: list[Fact] = []
    for script in dict.fromkeys((path, *(_stem(path) + suffix for suffix in _SCRIPTS))):
        facts = context.head_facts.get(script) or context.facts_at_head(script)
        if not script.endswith(_SCRIPTS) or facts is None or not any(f.subject in SHARE_HOOKS for f in facts.facts):
            continue
        text = context.read_head(script) or ""
        out += [Fact(WORDING, "text", line, " ".join(value.split())[:120])
                for line, value in sorted({*share_hook_notices(text, script), *share_callback_texts(text, script)})
                if credit.search(value)]
    return out


def _count(files: Iterable[FileFacts]) -> int:
    """Share buttons in these files (a button moved between changed files is not a new one)."""
    return sum(1 for facts in files for f in facts.facts if f.subject == SHARE_BUTTON)


def _new_tied_button(context: ProjectContext, path: str,
                     holders: Mapping[str, list[str]],
                     naming: Callable[[str], list[str]]) -> tuple[Fact, Fact, bool] | None:
    """A share button the change adds to ``path`` on a page with reward wording: (button, wording, whether
    the wording is beside the button); ``holders`` from :func:`_holders`, ``naming`` from
    :func:`~mp_precheck.analyzers.reward_openers.route_files`."""
    facts = context.head_facts[path].facts
    buttons = [f for f in facts if f.subject == SHARE_BUTTON]
    old = context.counterpart.get(path)
    before = sum(1 for f in context.base_facts[old].facts if f.subject == SHARE_BUTTON) \
        if old and old in context.base_facts else 0
    if len(buttons) <= before:
        return None
    added = context.added_lines.get(path, frozenset())
    texts = [f for f in facts if f.subject in WORDINGS]
    elsewhere = [f for f in (*_page_facts(context, path, include_self=False), *_user_facts(context, path, holders))
                 if f.subject in WORDINGS]
    for button in buttons:
        if button.line not in added:
            continue
        near = [t for t in texts if abs(t.line - button.line) <= NEAR]
        if near:
            return button, min(near, key=lambda t: abs(t.line - button.line)), True
    new_buttons = [b for b in buttons if b.line in added]
    if new_buttons and not (texts or elsewhere):  # what its share hook grants, a panel the page renders, the
        # reward page opening it (分享赚), the commission the page shows its promoter (佣金比例)
        elsewhere = _hook_grants(context, path) or _panel_wording(context, path) or \
            opener_wording(context, path, WORDING, naming) or \
            [f for f in _page_facts(context, path) if f.subject == COMMISSION]
    if new_buttons and (texts or elsewhere):  # reward wording elsewhere on the page: told at the button
        return new_buttons[0], (texts or elsewhere)[0], False
    return None


def _one_per_page(findings: list[Finding]) -> dict[str, Finding]:
    """One wording finding per page: wording that names what is won (助力免费领礼品, a page title held in its
    script) over wording that only asks for help (谢谢你，为我助力); then by file, the markup's (what a user
    reads) over a script's string."""
    by_page: dict[str, Finding] = {}
    for finding in sorted(findings, key=lambda f: (not names_prize(f.value or ""), not f.path.endswith(_MARKUP),
                                                   f.path, f.line)):
        by_page.setdefault(_stem(finding.path), finding)
    return {f.path: f for f in by_page.values()}


def _stem(path: str) -> str:
    return posixpath.splitext(path)[0]


def _page_facts(context: ProjectContext, path: str, include_self: bool = True) -> list[Fact]:
    """Facts of the page or component of ``path``: its own file and its same-named siblings."""
    stem = _stem(path)
    out: list[Fact] = []
    for candidate in dict.fromkeys((path, *(stem + suffix for suffix in _PAGE_FILES))):
        if candidate == path and not include_self:
            continue
        facts = context.head_facts.get(candidate) or context.facts_at_head(candidate)
        out.extend(facts.facts if facts is not None else ())
    return out


def _user_facts(context: ProjectContext, path: str, holders: Mapping[str, list[str]]) -> list[Fact]:
    """Facts of the changed files that use the component of ``path`` by its tag (``<share-dialog>`` for
    ``components/share-dialog.vue``, ``components/ShareDialog/index.vue``): a dialog's share button is
    tied to the reward wording of the page or component that opens it."""
    return [f for user in _users(context, path, False, holders) for f in context.head_facts[user].facts]


def _kebab(name: str) -> str:
    """A component's tag from its file name: ``SelfPopupDialog`` -> ``self-popup-dialog``."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "-", name).lower()


def _page_shares(context: ProjectContext, path: str) -> bool:
    """Whether the page or component of ``path`` (its own file and its same-named siblings) can share."""
    return any(f.subject == SHARE_BUTTON or f.subject in SHARE_HOOKS for f in _page_facts(context, path))


def _panel_wording(context: ProjectContext, path: str) -> list[Fact]:
    """The reward wording of the components the page of ``path`` renders (:func:`rendered_wording`) when the page
    gains its share mechanism with the change: a page that could share before (a share button, hook or
    ``showShareMenu`` in its files at base) and gets another way to share adds no share to a panel's promise."""
    return [] if _shared_before(context, path) else rendered_wording(context, path)


def _shared_before(context: ProjectContext, path: str) -> bool:
    """Whether the page or component of ``path`` (its own file and its same-named siblings) could share at base: a
    changed file's base version, an unchanged file's facts (the same at base)."""
    stem = _stem(path)
    for candidate in dict.fromkeys((path, *(stem + suffix for suffix in _PAGE_FILES))):
        if candidate in context.head_facts:  # changed: its base version, if it had one
            old = context.counterpart.get(candidate)
            facts = context.base_facts.get(old) if old else None
        else:
            facts = context.facts_at_head(candidate)
        if facts is not None and any(f.subject == SHARE_BUTTON or f.subject in SHARE_HOOKS for f in facts.facts):
            return True
    return False


def rendered_wording(context: ProjectContext, path: str) -> list[Fact]:
    """The reward wording of the project components the page or component of ``path`` renders (its template's
    tags, :mod:`mp_precheck.analyzers.rendered`; a WXML page's ``usingComponents``), changed or not: a task panel's
    邀请好友注册，每人奖励 50 积分 is the page's promise, its share buttons run the page's share hook
    (https://developers.weixin.qq.com/miniprogram/dev/component/button.html, open-type=share), and the page's share
    card is what the invitation sends. A component the template does not render adds nothing. Never raises."""
    def read(name: str) -> str | None:
        return context.read_head(name) if context.exists_at_head(name) else None
    template = path if path.endswith(SFC_SUFFIXES) else next(
        (_stem(path) + m for m in _MARKUP if context.exists_at_head(_stem(path) + m)), None)
    tree = ExistingPaths(context.exists_at_head)
    out: list[Fact] = []
    # A JSX page's components come from its facts, read with the same parse: the page is not parsed again.
    used = component_uses(read, template, registered_components(context), context.facts_at_head(template)) \
        if template else []
    for spec, tag, _line in used:
        found = component_file(context, template, spec, tag, tree)
        if found is not None and found != path:
            out += [f for f in _page_facts(context, found) if f.subject in WORDINGS]
    return out
