"""Reward-for-sharing wording from ``checks/share_rewards.yml``: one pattern for the
``text:share-inducement`` signal beside the fixed ones of :mod:`mp_precheck.readers.textsignals`.

It matches a share or invite act and, within the same sentence, a gain and the thing gained (邀请好友得10金币,
每邀请成功一个新用户，可获得 5 时光币) or counted
(分享可获得道具卡 * 3, 可得 3 张抽奖券), a gift that needs no object (分享好友即可获赠), or a plea for the
sharer's gain (帮帮我！我想要这个赠品). A cash reward named outright (现金奖励) counts anywhere in the act's
sentence (邀请好友成为代理，…还可以直接获得代理费的现金奖励！), and a plea to canvass votes for someone (为TA拉票)
is a vote's help-me mechanic (operations rules 5.1, like 为TA助力). Plain 邀请好友 / 分享给好友 wording has none
of these. A price the act unlocks (分享立享109元购买) is a discount paid for the share; on a share button's own label a
gain alone is the reward (再领奖, 再抽一次, an amount added: 邀请好友 +2000). A game life or chance gained is a
reward too (分享获得复活卡, 邀请好友获得一次抽奖机会, 增加答题次数, 分享即可复活); 打卡, 卡片 and 复活节 are not.
Any voucher (券) is a thing gained, and its count may be written in words (邀请同学注册，你可获得一张代金券); so is a
score counted in points of the app's own name (邀请成功可得80福气值, 邀请好友得 100 成长值), never 超值 or 价值. An
invitation paid for by its outcome is a reward too: what the invited friend does, then the user paid (好友注册并下单后，
你可获得 10 积分), or a gain growing with the inviting (邀请的朋友越多…你获得的能量越多).

Source: https://developers.weixin.qq.com/miniprogram/product/reject.html (3.2.1 诱导分享).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from mp_precheck.core.catalog import validated
from mp_precheck.core.recache import compiled
from mp_precheck.core.resources import data_dir

TABLE = "share_rewards.yml"
SCHEMA = "share_rewards.schema.json"
# the same sentence: commas allowed, a full stop or question ends it; so does an enumeration's 、, where the act is
# one of several ways to the gain (通过购买、签到、邀请新用户等途径获取能量) and is not what pays it
_CLAUSE = r"[^。！!？?\n、]{0,16}"
# 得 10 金币, 可获得 5 时光币, 获得一张代金券 (a count in words: 一, 两, 三…)
_AMOUNT = r"\s*(?:(?:\d+|[一二两三四五六七八九十]{1,3})\s*(?:个|枚|点|份|位|张)?)?\s*"
_NAMED = r"[\u4e00-\u9fff]{0,3}?"  # a currency's own name before its kind: 时光币, 星钻石
# a counted item after the gain, whatever it is called: 可获得道具卡 * 3, 获得复活卡×2, 可得 3 张抽奖券, 得5次机会
_COUNTED = r"(?:[\u4e00-\u9fff]{1,6}\s*[*×xX＊]\s*\d+|\s*\d+\s*(?:张|次|件|枚|份))"
_SENTENCE = r"[^。！!？?\n]{0,48}"  # the rest of a long sentence, for a reward named outright (现金奖励)
_FOR = r"(?:为|帮)[^。！!？?\n，,]{0,4}"  # 为TA / 帮我 / 为好友: whom the friends act for
_PRICE = r"\s*[¥￥]?\s*\d+(?:\.\d+)?\s*(?:元|块|折)"  # 立享109元, 立减 5 元, 即享8折
_NEXT_CLAUSE = r"[^。！!？?\n，,、]{0,6}[，,~～]\s*[^。！!？?\n，,、]{0,6}"  # 获得优惠券，快快邀请: the act asked next
_SCORE = r"\s*\d+\s*[\u4e00-\u9fff]{1,4}?"  # a score counted in points of its own name: 80福气值, 100 成长值
_ADDED = r"[+＋]\s*\d"  # an amount credited: 邀请好友 +2000
# a game life or chance's own words before it (一次抽奖机会, 额外复活卡, 答题次数), never a possessive (心得的机会)
_QUALIFIER = r"(?:(?!的)[\u4e00-\u9fff\d\s]){0,6}?"
_NOT_CARD = r"(?<!打卡)(?<!刷卡)(?!片)"  # a check-in (打卡) or a card's picture (分享卡片) is no chance gained
_MONEY = r"\s*[¥￥]?\s*\d+(?:\.\d+)?\s*"  # an amount of money before its unit: 2.5 元, ￥5元
_USES = r"\s*(?:\d+|[一二两三四五六七八九十]{1,3})\s*次"  # a count of uses: 多 1 次, 多两次
# an invited friend's outcome: not a friend the user acts for (为好友购买, 给朋友充值); the friend's way in before
# the act (好友通过你的链接注册, 好友首单完成), then the rest of the sentence up to the user paid (…后，你可获得)
_NOT_FOR = r"(?<![为给帮代替和与向])"
_OUTCOME_GAP = r"[^。！!？?\n，,]{0,10}"
_SENTENCE_GAP = r"[^。！!？?\n]{0,12}"
# a gain, then within a few words the thing gained: 获得奖励, 获得 3 元红包, 可得 10 积分, 得到的成长值 (a score of
# its own name, never 价值 or 超值)
_PAID = (r"(?:{gain})了?[^。！!？?\n，,、]{{0,6}}?"
         r"(?:{thing}|\d+(?:\.\d+)?\s*(?:{cash})|[\u4e00-\u9fff]{{1,3}}(?<![价超])(?:{score}))")


class ShareRewardDataError(ValueError):
    """``checks/share_rewards.yml`` does not match its schema (a packaging bug, not user input)."""


def check_share_rewards() -> None:
    """Check the shipped table against its schema (the test suite does).

    Raises:
        ShareRewardDataError: the table does not match, naming the file and the key path.
    """
    validated(data_dir("checks") / TABLE, SCHEMA, ShareRewardDataError)


@cache
def share_reward() -> re.Pattern[str]:
    """The compiled pattern of the shipped table, read once."""
    data = validated(data_dir("checks") / TABLE, SCHEMA, check=False)

    def any_of(key: str) -> str:
        return _any_of(data, key)

    parts = [f"{any_of('acts')}{_CLAUSE}{any_of('gains')}{_AMOUNT}{_NAMED}{any_of('goods')}",
             # the gain first, then in the next clause the act it asks for: 您还未获得优惠券，快快邀请好友
             f"{any_of('gains')}{_AMOUNT}{_NAMED}{any_of('goods')}{_NEXT_CLAUSE}{any_of('acts')}"]
    parts.append(f"{any_of('acts')}{_CLAUSE}{any_of('gains')}{_COUNTED}")
    if data.get("scores"):
        parts.append(f"{any_of('acts')}{_CLAUSE}{any_of('gains')}{_SCORE}{any_of('scores')}")
    parts.extend(_chance_parts(data, any_of('acts') + _CLAUSE))
    if data["gifts"]:
        parts.append(f"{any_of('acts')}{_CLAUSE}{any_of('gifts')}")
    if data["pleas"] and data["wants"]:
        parts.append(f"{any_of('pleas')}[^。\\n]{{0,12}}{any_of('wants')}")
    if data.get("far_goods"):
        parts.append(f"{any_of('acts')}{_SENTENCE}{any_of('far_goods')}")
    if data.get("canvass"):
        parts.append(f"{_FOR}{any_of('canvass')}")
    if data.get("discounts"):
        parts.append(f"{any_of('acts')}{_CLAUSE}{any_of('discounts')}{_PRICE}")
    if data.get("cash_units"):  # cash paid for the act: 每邀请一人可得 2.5 元 (an invite code, 邀请码, is no act)
        parts.append(f"{any_of('acts')}(?!码){_CLAUSE}{any_of('gains')}{_MONEY}{any_of('cash_units')}")
    parts.extend(_outcome_parts(data))
    return compiled("|".join(parts))


def _outcome_parts(data: Any) -> list[str]:
    """Patterns of an invitation paid for by its outcome: what the invited friend does (``invitees``, then one of
    ``invitee_acts``; not a friend one buys for: 为好友购买), then within the sentence the user paid (``payees``) and a
    gain of a thing (:data:`_PAID`): 好友注册并下单后，你可获得 10 积分; and a gain growing with the inviting (an act,
    越…, then a gain or a thing gained and ``growth``: 邀请越多，奖励越多)."""
    parts = []
    paid = _PAID.format(gain=_any_of(data, "gains"), thing=_any_of(data, "goods", "rewards", "far_goods"),
                        cash=_any_of(data, "cash_units") if data.get("cash_units") else "(?!)",
                        score=_any_of(data, "scores") if data.get("scores") else "(?!)")
    if data.get("invitees") and data.get("invitee_acts") and data.get("payees"):
        friend = f"{_NOT_FOR}{_any_of(data, 'invitees')}{_OUTCOME_GAP}{_any_of(data, 'invitee_acts')}"
        parts.append(f"{friend}{_SENTENCE_GAP}{_any_of(data, 'payees')}[^。！!？?\\n]{{0,5}}?{paid}")
    if data.get("growth"):
        gained = _any_of(data, "gains", "goods", "rewards")
        parts.append(f"{_any_of(data, 'acts')}[^。！!？?\\n、]{{0,8}}越[^。！!？?\\n]{{0,20}}{gained}"
                     f"[^。！!？?\\n]{{0,8}}{_any_of(data, 'growth')}")
    return parts


def _any_of(data: Any, *keys: str) -> str:
    """A group matching any word of the table's ``keys``, longest first."""
    words = [word for key in keys for word in data.get(key, ())]
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


@cache
def share_control_gain() -> re.Pattern[str]:
    """The pattern of a gain on a share button's own label (``control_gains`` of the shipped table, friends' help
    that names no cause (:func:`_helped`: 找人助力), or an amount added: +2000), read once: the button is the share
    act, so the gain alone is its reward."""
    data = validated(data_dir("checks") / TABLE, SCHEMA, check=False)
    words = sorted(data.get("control_gains", ()), key=len, reverse=True)
    helped = [_helped(data)] if data.get("helps") else []
    return compiled("|".join([*(re.escape(w) for w in words), *helped, _ADDED]))


@cache
def share_help() -> re.Pattern[str] | None:
    """The pattern of friends' help asked with a share (``helps`` of the shipped table), read once; None when the
    table names no help words. It matches a share act, then within the sentence the help
    (分享助力, 转发给好友助力一下), or the help then the act (助力值翻倍，快去分享): the help-me mechanic
    (R2018 3.2.1: 帮我砍价, 助力). Help followed by a word of a cause (分享美文，助力乡村振兴: ``help_flow``
    names what may follow help in its flow) is the support the cause gets, no help asked for a gain.
    Source: https://developers.weixin.qq.com/miniprogram/product/reject.html (3.2.1 诱导分享)."""
    data = validated(data_dir("checks") / TABLE, SCHEMA, check=False)
    if not data.get("helps"):
        return None
    helped = _helped(data)
    return compiled(f"{_any_of(data, 'acts')}{_CLAUSE}{helped}|{helped}[^。！!\n]{{0,16}}(?:分享|转发)")


def _helped(data: Any) -> str:
    """A help word not followed by a cause: at the end, before a sign or a digit, or before a word of ``help_flow``."""
    flow = _any_of(data, "help_flow") if data.get("help_flow") else "(?!)"
    return f"{_any_of(data, 'helps')}(?!(?!{flow})[\u4e00-\u9fff])"


@cache
def share_credit() -> re.Pattern[str]:
    """The pattern of a gain credited, in what a finished share's callback shows (推荐成功，您已获得红包; 积分 +5;
    红包已到账): the share is the act, so a gain and the thing gained (``gains`` then ``goods``, or a counted item), or
    a thing gained then credited (``credited``, an amount added; a reward named as such: 奖励已发放), a gain claimed
    (``claims``: 领取成功), cash counted in money (获得 2 元), a chance gained
    (获得一次复活机会), a revival (复活成功), or a use unlocked or more of a chance (:func:`_use_parts`) is its reward.
    Read once."""
    data = validated(data_dir("checks") / TABLE, SCHEMA, check=False)

    def any_of(key: str) -> str:
        return _any_of(data, key)
    parts = [f"{any_of('gains')}了?{_AMOUNT}{_NAMED}{any_of('goods')}", f"{any_of('gains')}了?{_COUNTED}",
             f"{any_of('goods')}\\s*{_ADDED}"]
    if data.get("scores"):
        parts.append(f"{any_of('gains')}了?{_SCORE}{any_of('scores')}")
    if data.get("credited"):
        parts.append(f"{any_of('goods')}\\s*{any_of('credited')}")
        if data.get("rewards"):  # 奖励已发放: the reward itself, named as such
            parts.append(f"{any_of('rewards')}\\s*{any_of('credited')}")
    if data.get("claims"):
        parts.append(any_of("claims"))
    if data.get("cash_units"):
        parts.append(f"{any_of('gains')}了?{_MONEY}{any_of('cash_units')}")
    parts.extend(_chance_parts(data, "", "成功"))
    parts.extend(_use_parts(data))
    return compiled("|".join(parts))


def _use_parts(data: Any) -> list[str]:
    """Patterns of a use the share paid, in what a share hook or its callback shows: an unlock done or counted
    (``unlocks``: 已解锁 2 次, 解锁成功), more of a chance (``extras``: 额外答题机会, 多 1 次) or a chance counted
    up (次数+1)."""
    parts = []
    if data.get("unlocks"):
        unlock = _any_of(data, "unlocks")
        parts.append(f"(?:成功|已){unlock}|{unlock}(?:成功|了|{_USES})")
    if data.get("extras") and data.get("chances"):
        extra = _any_of(data, "extras")
        parts.append(f"{extra}{_QUALIFIER}{_any_of(data, 'chances')}{_NOT_CARD}|{extra}{_USES}")
    if data.get("chances"):
        parts.append(f"{_any_of(data, 'chances')}\\s*{_ADDED}")
    return parts


def _chance_parts(data: Any, before: str, revived: str = "(?!节)") -> list[str]:
    """Patterns of a game life or chance gained after ``before`` (the act, or nothing in a share's callback): a
    gain, a few words of the chance's own, the chance (分享获得复活卡, 获得一次抽奖机会, 增加答题次数), and a
    revival (``revives``) followed by ``revived`` (分享即可复活, not 复活节; 复活成功 in a callback)."""
    if not data.get("chances"):
        return []
    gain = _any_of(data, "gains", "chance_gains")
    parts = [f"{before}{gain}了?{_QUALIFIER}{_any_of(data, 'chances')}{_NOT_CARD}"]
    if data.get("revives"):
        parts.append(f"{before}{_any_of(data, 'revives')}{revived}")
    return parts


# What a table of point kinds naming a share cannot lack (the patterns below): searching a script for them is cheap;
# the table's pattern, case-insensitive, costs ~1 ms per 5 KB script. Under IGNORECASE the pattern's kind names also
# match three non-ASCII letters (İ, ı ~ i; ſ ~ s): a script holding one is searched in full.
_KINDS = ("score", "point", "credit", "coin", "jifen", "integral", "bonus")
_SHARE_WORDS = ("分享", "转发", "邀请")
_FOLDED_TO_ASCII = ("İ", "ı", "ſ")


def _may_hold_points(text: str) -> bool:
    """Whether ``text`` may hold a table :func:`points_for_sharing` finds: a share word, and a kind name in any
    case (False only where the patterns cannot match)."""
    if not any(word in text for word in _SHARE_WORDS):
        return False
    lowered = text.lower()
    return any(kind in lowered for kind in _KINDS) or any(letter in text for letter in _FOLDED_TO_ASCII)


@cache
def _points_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A table of point or coin kinds (SCORE_TYPE = { 1: '学习', 7: '分享个人/群' }): its name, then a flat literal;
    and a label in it naming a share. Compiled when a script is first read for them."""
    return (compiled(r"(?i)\b[\w$]*(?:score|point|credit|coin|jifen|integral|bonus)[\w$]*\s*[=:]\s*"
                       r"(?:Object\.freeze\(\s*)?[\[{][^\[\]{}]{0,2000}[\]}]"),
            compiled(r"[\"'`]([^\"'`\n]{0,20}(?:分享|转发|邀请)[^\"'`\n]{0,20})[\"'`]"))


def points_for_sharing(text: str) -> list[tuple[int, str]]:
    """(1-based line, label) of each entry naming a share or an invitation in a script's table of point or coin
    kinds (``SCORE_TYPE = { 6: '登录', 7: '分享个人/群' }``): the app pays points for sharing. ``text`` is a
    script's source. Source: https://developers.weixin.qq.com/miniprogram/product/reject.html (3.2.1 诱导分享;
    operations rules 5.1 name points for sharing)."""
    if not _may_hold_points(text):
        return []
    out = []
    points_table, share_label = _points_patterns()
    for table in points_table.finditer(text):
        for label in share_label.finditer(table.group(0)):
            out.append((text.count("\n", 0, table.start() + label.start()) + 1, label.group(1)))
    return out


@cache
def share_poster() -> re.Pattern[str] | None:
    """The pattern of a poster made to be sent on (``posters`` … of the shipped table), read once; None when the
    table names no poster words. It matches a poster, then within the sentence a forward to an audience (长按海报 -
    发送给朋友), a picture saved or long-pressed and then forwarded (长按图片保存，分享到朋友圈), or a poster named for
    inviting (邀请海报, 推广海报). A poster is a way to share: a reward for the invite it carries is induced sharing.
    Source: https://developers.weixin.qq.com/miniprogram/product/reject.html (3.2.1 诱导分享, whatever the means)."""
    data = validated(data_dir("checks") / TABLE, SCHEMA, check=False)
    if not data.get("posters") or not data.get("forwards") or not data.get("audiences"):
        return None
    forward = f"{_any_of(data, 'forwards')}{_any_of(data, 'audiences')}"
    parts = [f"{_any_of(data, 'posters')}{_CLAUSE}{forward}"]
    if data.get("poster_acts") and data.get("pictures"):
        picture = f"{_any_of(data, 'poster_acts')}[^。！!？?\\n]{{0,6}}{_any_of(data, 'pictures')}"
        parts.append(f"{picture}{_CLAUSE}{forward}")
    if data.get("poster_purposes"):
        parts.append(f"{_any_of(data, 'poster_purposes')}{_any_of(data, 'posters')}")
    return compiled("|".join(parts))


@cache
def share_commission() -> re.Pattern[str] | None:
    """The pattern of a commission a promoter earns on what their shares sell (``commissions`` of the shipped table:
    佣金, 返佣) not waived right before it (``commission_waivers``: 0佣金, 免佣金), read once; None when the table names
    none. A page showing one pays the sharer per purchase, so a
    share button there is a reward for sharing (3.2.1 诱导分享: https://developers.weixin.qq.com/miniprogram/product/
    reject.html; operations rules 5.1)."""
    data = validated(data_dir("checks") / TABLE, SCHEMA, check=False)
    if not data.get("commissions"):
        return None
    waived = "".join(f"(?<!{re.escape(w)})" for w in data.get("commission_waivers", ()))  # 0佣金, 免佣金: no pay
    return compiled(waived + _any_of(data, "commissions"))


# what may stand between the act and the thing it sends on: a determiner or a count (这张, 你的, 3张, 一个)
_DETERMINER = r"(?:这|那|此|该|本|您的|你的|我的)?\s*(?:(?:\d+|[一二两三四五六七八九十]{1,3})\s*)?(?:张|个|份|枚)?\s*"


@cache
def _shared_thing() -> re.Pattern[str] | None:
    data = validated(data_dir("checks") / TABLE, SCHEMA, check=False)
    if not data.get("shared_things"):
        return None
    return compiled(f"({_any_of(data, 'acts')}){_DETERMINER}{_any_of(data, 'shared_things')}")


def without_shared_things(text: str) -> str:
    """``text`` with each voucher or red packet the act sends on (``shared_things`` of the shipped table right after
    an act, at most a determiner or a count between: 分享代金券, 转发这张券, 分享红包封面) taken out, the act kept.
    The thing shared is no gain: a reward needs its own words after it (分享代金券即可获得积分 keeps 获得积分),
    and a gain before the thing (分享得券, 分享领红包) leaves it in place. Source:
    https://developers.weixin.qq.com/miniprogram/product/reject.html (3.2.1 诱导分享: a reward for the share)."""
    thing = _shared_thing()
    return text if thing is None else thing.sub(r"\1", text)


@cache
def _acts() -> re.Pattern[str]:
    data = validated(data_dir("checks") / TABLE, SCHEMA, check=False)
    return compiled(_any_of(data, "acts"))


def names_act(text: str) -> bool:
    """Whether ``text`` names a share or invite act (``acts`` of the shipped table: 分享, 转发, 邀请…): a line that can
    open a reward for inviting the next line completes. Source:
    https://developers.weixin.qq.com/miniprogram/product/reject.html (3.2.1 诱导分享)."""
    return bool(_acts().search(text))


@cache
def _added_gain() -> re.Pattern[str]:
    data = validated(data_dir("checks") / TABLE, SCHEMA, check=False)
    scores = rf"|[\u4e00-\u9fff]{{0,4}}?{_any_of(data, 'scores')}" if data.get("scores") else ""
    # the amount, then what it is counted in (积分, 金币, 成长值) and per what (/人), nothing else
    return compiled(rf"[+＋]\s*\d+(?:\.\d+)?\s*(?:元|{_NAMED}{_any_of(data, 'goods')}{scores})?"
                    r"(?:\s*[/／每]\s*[\u4e00-\u9fff]{1,2})?")


def added_gain(text: str) -> bool:
    """Whether ``text`` is nothing but an amount credited (+50, ＋20 积分, +5 成长值, +2元, +30/人): in a row of a
    task list whose other line names a share or invite act (每邀请一位好友 / +50) it is the act's reward. Source:
    https://developers.weixin.qq.com/miniprogram/product/reject.html (3.2.1 诱导分享)."""
    return bool(_added_gain().fullmatch(text.strip()))


@cache
def _prizes() -> tuple[str, ...]:
    """The table's ``prizes`` and its ``far_goods``: a cash reward named outright (赏金, 现金奖励) is what is won."""
    data = validated(data_dir("checks") / TABLE, SCHEMA, check=False)
    return (*data.get("prizes", ()), *data.get("far_goods", ()))


def names_prize(text: str) -> bool:
    """Whether reward wording ``text`` names what is won (``prizes`` of the shipped table: 免费, 礼品, 红包):
    the page's promise (助力免费领礼品), not only the help it asks friends for (谢谢你，为我助力). Source:
    https://developers.weixin.qq.com/miniprogram/product/reject.html (3.2.1 诱导分享)."""
    return any(word in text for word in _prizes())
