"""The same call under two spellings, and whether a change asks the user for it in more places.

``<button open-type="getUserInfo">`` is the button form of ``wx.getUserInfo``: a page that swaps its tap handler's
call for the button asks for the same data the same way, and the semantic diff reports nothing when the uses of a
call in all its spellings did not rise (``core/semantic_diff.py``). Moves match like for like: where the app had
the call only in the other form (a silent script call and no button anywhere), a button the change adds is no
move of it, whatever left — the user is now asked where nothing asked before (``asks_rise``, ``new_form``). A call
that only reads data a ``wx.getSetting`` check found granted (``FileFacts.granted``, ``readers/grantedread.py``:
the template's launch code) asks nothing, so it does not stand for a button that asks: a button added while such a
read goes away is a new place where the app asks. Nor does a call a page makes as it opens (``runs_on_open``: in
``onLoad``) read what its button's tap granted: the page reads before any tap. A call whose line the change keeps
but whose options it rewrites (``reshaped``: one picker split into a call per source) is rewritten like a call on an
added line. A payment the base passed an undecided ``orderInfo`` order (the WeChat build's, ``readers/orderpay.py``)
and the change passes WeChat Pay's own options in place (``options_rewritten``) is the same payment, read the other
way.

Source: https://developers.weixin.qq.com/miniprogram/dev/component/button.html (open-type) and
https://developers.weixin.qq.com/miniprogram/dev/api/open-api/user-info/wx.getUserInfo.html (no prompt since
2018: 在用户未授权过的情况下调用此接口，将不再出现授权弹窗).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from collections.abc import Set as AbstractSet

from mp_precheck.core.recache import compiled
from mp_precheck.facts.model import UPLOAD_GUESS, Fact, FileFacts
from mp_precheck.readers.openinghooks import OPENING
from mp_precheck.readers.orderpay import ORDER_PAYMENT, PAYMENT

# Hooks that run as a page or component opens, before the user has tapped anything (readers/openinghooks.py).
_OPENING = OPENING

_BUTTON_SPELLING = compiled(r"button\[open-type=([A-Za-z]+)\]")

# A project call no reader resolves, named as an upload: never reported, but the upload a resolved call
# replacing it stands for (facts/model.py).
GUESSES = {UPLOAD_GUESS: "wx.uploadFile"}
# A payment passed an ``orderInfo`` order no code marks as another platform's (readers/orderpay.py) is read as the
# WeChat build's payment where the app has no WeChat-shaped one: the same call as one passed WeChat Pay's options.
_READ_ALIKE = frozenset({ORDER_PAYMENT, PAYMENT})


def form_of(subject: str) -> bool:
    """Whether ``subject`` is a button spelling of its call (``button[open-type=getUserInfo]``) rather than the
    script call itself."""
    return same_call(subject) != subject


def same_call(subject: str) -> str:
    """The API a subject calls, whatever the spelling: ``button[open-type=getUserInfo]`` is the button form
    of ``wx.getUserInfo`` (https://developers.weixin.qq.com/miniprogram/dev/component/button.html);
    ``call:upload`` an unresolved project call named as an upload; other subjects are their own.
    ``wx.getUserProfile`` stays apart: another API with its own prompt."""
    match = _BUTTON_SPELLING.fullmatch(subject)
    return f"wx.{match.group(1)}" if match else GUESSES.get(subject, subject)


def read_alike(subject: str, known: AbstractSet[str]) -> bool:
    """Whether ``known`` holds a call read two ways (``wx.requestPayment:orderInfo``, ``wx.requestPayment``) under its
    other reading than ``subject``: the payment changed its options, it did not leave the app."""
    return subject in _READ_ALIKE and any(k != subject and k in _READ_ALIKE for k in known)


def options_rewritten(subject: str, path: str, line: int, base: Mapping[str, FileFacts],
                      counterpart: Mapping[str, str | None], added_lines: Mapping[str, frozenset[int]]) -> bool:
    """Whether the call of ``subject`` on ``line`` of head file ``path`` is a call its base version made under the
    other reading (:func:`read_alike`), kept in place with its options rewritten: the line is one the change keeps
    and the base file made the call that other way (``uni.requestPayment({ provider: 'wxpay', orderInfo: res })``
    given ``timeStamp`` … ``paySign`` in place of ``orderInfo``: the same payment paying the WeChat way, no new one;
    https://developers.weixin.qq.com/miniprogram/dev/api/payment/wx.requestPayment.html). A WeChat-shaped call the
    change adds (a Mini Program branch beside the ``orderInfo`` call it keeps for the App) is a new call site."""
    old = counterpart.get(path)
    if subject not in _READ_ALIKE or not old or old not in base or line in added_lines.get(path, frozenset()):
        return False
    return any(f.subject != subject and f.subject in _READ_ALIKE and f.kind == "api" for f in base[old].facts)


def asks_rise(subject: str, spellings: set[str], head_uses: Mapping[str, Counter[str]],
              base_uses: Mapping[str, Counter[str]], head: Mapping[str, FileFacts],
              base: Mapping[str, FileFacts], counterpart: Mapping[str, str | None] | None = None,
              known: AbstractSet[str] = frozenset()) -> bool:
    """Whether the uses of ``spellings`` (one call, every spelling; counted per subject and file in ``head_uses``
    and ``base_uses``) rose in the changed files ``head`` and ``base``; when ``known`` (the subjects the app had)
    holds no spelling in the form of ``subject`` (a button where the app only made the script call), only that
    form's uses count, so a button is not offset by a script call gone elsewhere. For a button spelling
    ``subject``, silent reads of granted data (``FileFacts.granted``) are left out on both sides: they ask nothing.
    A base call its file keeps, now behind a ``wx.getSetting`` check (``counterpart``: head path → base path), is
    that silent read too: the call stayed where it was and did not become a button another page shows."""
    button = same_call(subject) != subject
    if not any(form_of(s) == button for s in spellings & known):
        spellings = {s for s in spellings if form_of(s) == button}

    def total(uses: Mapping[str, Counter[str]], files: Mapping[str, FileFacts]) -> int:
        silent = _granted(spellings, files) if button else 0
        return sum(sum(uses[s].values()) for s in spellings if s in uses) - silent
    kept = _kept_behind_check(spellings, head, base, counterpart or {}) if button else 0
    return total(head_uses, head) > total(base_uses, base) - kept


def _kept_behind_check(spellings: set[str], head: Mapping[str, FileFacts], base: Mapping[str, FileFacts],
                       counterpart: Mapping[str, str | None]) -> int:
    """How many asking calls of ``spellings`` in the base files each head file still makes as silent reads of
    granted data: per file, the fewer of its new silent reads and its base version's asking calls."""
    out = 0
    for path, file_facts in head.items():
        old = counterpart.get(path)
        if old and old in base and file_facts.granted:
            now = _granted(spellings, {path: file_facts}) - _granted(spellings, {old: base[old]})
            asked = sum(1 for fact in base[old].facts if fact.subject in spellings and fact.kind == "api"
                        and fact.role is None and fact.line not in base[old].granted)
            out += max(0, min(now, asked))
    return out


def _granted(spellings: set[str], files: Mapping[str, FileFacts]) -> int:
    """How many direct calls of ``spellings`` in ``files`` are silent reads of granted data."""
    return sum(1 for file_facts in files.values() if file_facts.granted for fact in file_facts.facts
               if fact.subject in spellings and fact.kind == "api" and fact.role is None
               and fact.line in file_facts.granted)


def reshaped(fact: Fact, now: FileFacts, before: FileFacts) -> bool:
    """Whether the call ``fact`` of a file, on a line the change keeps, passes what no call of its API in the base
    version passed (``FileFacts.call_shapes``: ``sourceType: ['album', 'camera']`` cut to ``['album']``): the
    call was rewritten, not kept beside the new ones."""
    shape = now.call_shapes.get(fact.line)
    return shape is not None and shape not in {before.call_shapes.get(f.line) for f in before.facts
                                               if f.subject == fact.subject}


def runs_on_open(file_facts: FileFacts, line: int) -> bool:
    """Whether the call at ``line`` of a file runs as its page opens: the named function it is in (its callbacks
    left out: ``wx.login({ success() { wx.getUserInfo(…) } })`` in ``onLoad`` is ``onLoad``'s, as
    ``FileFacts.call_shapes`` names it) is a load hook, not the handler of a tap. Such a read is no reading of
    what a button's tap granted: it reads before any tap
    (https://developers.weixin.qq.com/miniprogram/dev/reference/api/Page.html, 生命周期回调函数)."""
    shape = file_facts.call_shapes.get(line)
    return shape is not None and shape.rpartition(":")[0] in _OPENING
