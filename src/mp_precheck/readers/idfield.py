"""Whether an ID-card keyboard field asks for another number: what the field's own words say it is for.

``<input type="idcard">`` gives the ID-number keyboard (digits and X), and developers use it for any number with a
letter in it: a student number, a staff number, an account. The field's own words — the label its row shows before
it (``readers/boxlabel.py``), its placeholder, caption, ``name`` and bound value — say what it asks for: a field they
name as another number (学号, 工号, 账号, username, studentNo) collects no ID card number, so no 身份证号码 to declare
(https://developers.weixin.qq.com/miniprogram/dev/framework/user-privacy/miniprogram-intro.html). A field that names
the ID card anywhere in its words, or names nothing, keeps the fact.

In: a markup text, the facts read from it and the line offset they carry. Out: the facts without the ID-card fields
named as another number. Pure function of text; never raises.
Input types: https://developers.weixin.qq.com/miniprogram/dev/component/input.html
"""

from __future__ import annotations

from collections.abc import Iterable

from mp_precheck.core.recache import compiled
from mp_precheck.facts.model import Fact
from mp_precheck.readers.boxlabel import own_words
from mp_precheck.readers.textflow import tag_at

SUBJECT = "input[type=idcard]"
_TAG_LINES = 12  # a tag's attributes, one a line
_ID_CARD = compiled(r"(?i)身份证|身份号码|证件|id_?card|id_?(?:no|num)|\bid\s+(?:card|number)|identity|sfz|shenfen")
# Other numbers a field is labelled or named as: school, staff and membership numbers, accounts, cards, phones.
_OTHER = compiled(r"(?i)学号|工号|学籍号|考号|准考证|账号|帐号|编号|用户名|会员号|卡号|手机|电话|车牌|单号"
                  r"|user_?name|account|student|stu_?(?:no|num|id)|\bsno\b|job_?(?:no|num)|staff|employee"
                  r"|card_?(?:no|num)|phone|mobile|member_?(?:no|num|code)")
_PLACEHOLDER = compiled(r"(?:^|\s)(?:placeholder|name)\s*=\s*(?:\"([^\"{}]*)\"|'([^'{}]*)')")


def other_numbers(facts: Iterable[Fact], markup: str, line_offset: int = 0) -> list[Fact]:
    """``facts`` of ``markup`` (lines shifted by ``line_offset``) without each :data:`SUBJECT` fact whose field's
    own words name another number than the ID card (see the module)."""
    return [f for f in facts
            if f.subject != SUBJECT or not names_other_number(markup, _opening(markup, f.line - line_offset))]


def _opening(markup: str, line: int) -> int:
    """The line the tag holding ``line`` (its ``type`` attribute's) opens on: ``line`` or the last before it with a
    ``<``, a few lines up at most."""
    lines = markup.split("\n")
    return next((n for n in range(line, max(line - _TAG_LINES, 0), -1) if 0 < n <= len(lines) and "<" in lines[n - 1]),
                line)


def names_other_number(markup: str, line: int) -> bool:
    """Whether the field opening on ``line`` of ``markup`` is named, by its own words, as a number other than the
    ID card's: some word says one (:data:`_OTHER`) and none says the ID card (:data:`_ID_CARD`)."""
    words = [*own_words(markup, line), *(g for m in _PLACEHOLDER.finditer(tag_at(markup, line)) for g in m.groups()
                                         if g)]
    return any(_OTHER.search(word) for word in words) and not any(_ID_CARD.search(word) for word in words)
