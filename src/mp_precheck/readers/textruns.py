"""The text a user reads as one piece in a template, where the template splits it: a block's inline children joined
into one run, and two adjacent lines of one screen read together.

A template puts highlights in inline elements: ``<view>每邀请<text>1</text>位好友得<text>10</text>积分</view>``
is one sentence on screen, though the tokenizer hands over five texts (and a literal interpolation, ``{{'10'}}``,
is a sixth). And a screen sets out one promise over two lines: a heading ``邀请好友一起来`` and, as the next block,
``双方各得一张代金券``. Review reads what the screen says (常见拒绝情形 3.2.1 诱导分享, WeChat's brand rules:
https://developers.weixin.qq.com/miniprogram/product/reject.html), so:

* a **run** is the text of one block with its inline children (``<text>``, ``<span>``, ``<b>``…) and literal
  interpolations, joined, up to a line break in the source (texts set on lines of their own are lines of their
  own, not one sentence); it gives the reward and brand signals of
  :func:`~mp_precheck.readers.textsignals.signals` (:data:`RUN_SIGNALS`) that none of its pieces gives alone, at
  the line of its first piece;
* two **lines** are adjacent sibling blocks holding nothing but one run each (a wrapper around one such block is
  one too, and so is a row of an icon and one run: ``<view><image/><text>…</text></view>``) with no other element
  between them; together they give the ``share-inducement`` wording neither gives alone when they read as the act,
  then a gain and the thing gained (the pattern of ``checks/share_rewards.yml``), or as the act, then nothing but an
  amount credited (a task list's row: 每邀请一位好友 / +50, as 签到 / +5 beside it), at the first line. Not a
  control's label (a menu of 分享 / 我的红包 entries is two controls, no
  sentence) and not a ``wx:else`` / ``v-else`` branch (shown instead of its sibling, never beside it).

:class:`TextRuns` is fed the template's elements and texts in document order by a reader (``markup.py`` for WXML
and Vue templates, ``jsxruns.py`` for JSX) and collects the facts.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise

from msgspec import Struct, field

from mp_precheck.core.recache import compiled
from mp_precheck.core.subject import prefixed
from mp_precheck.facts.model import Fact
from mp_precheck.readers.sharewords import added_gain, names_act, share_reward
from mp_precheck.readers.textsignals import signals

# Elements that flow inside a line of text rather than starting a block of their own (WXML's <text>, HTML's
# phrasing elements; JSX tags arrive normalised the same way: <Text> is text)
INLINE = frozenset({"text", "span", "b", "strong", "em", "i", "u", "s", "small", "big", "font", "sup", "sub",
                    "mark", "del", "ins", "code"})
# elements whose text is code, not words on screen (WXML's inline <wxs> module)
_CODE = frozenset({"wxs", "script", "style"})
# an element shown instead of the sibling before it, never beside it
ALTERNATIVES = frozenset({"wx:elif", "wx:else", "v-else", "v-else-if", "s-elif", "s-else", "a:elif", "a:else"})
LINES_SIGNAL = "share-inducement"  # the wording two lines of a screen set out together
# an image beside a line's text decorates it (a task row's icon): elements that show no words and take none
ICONS = frozenset({"image", "img", "icon", "svg", "uni-icons", "van-icon"})
# an invitation or share code (邀请码 / +86 of a phone field) names no act
_CODE_ACT = compiled(r"(?:分享|邀请)码")
# the signals a run is read for: reward wording and WeChat's name (a service's words, a placeholder, stay per text)
RUN_SIGNALS = frozenset({"share-inducement", "share-button-gain", "brand", "multi-level"})
# a list's item: a number, a circled number or a bullet before it (1. 每天登录… / ② … / • … / 第一条 …)
_ITEM = compiled(r"\s*(?:\d{1,2}\s*[.．、)）:：]|[(（]\s*\d{1,2}\s*[)）]|[①-⑳⑴-⒇•·●▪◆\-—*]|"
                 r"第\s*[一二三四五六七八九十\d]+\s*[条步点项])")
_JOINER = " / "  # how two lines read together are shown in a finding's value
_CLAUSE = "，"  # how they are read: two clauses of one sentence


class _Piece(Struct, frozen=True):
    line: int
    words: str  # what the line reads here (a bound value left out, a literal one in)
    shown: str  # what the finding shows
    alone: frozenset[str] | None  # the signals its reader found in it by itself (None: not told, read here)
    exact: bool  # whether its reader read it as ``words`` (a literal interpolated is read here only)


class _Run(Struct):
    label: bool  # a control's label (a button, a tapped element)
    share: bool  # a share button's label
    pieces: list[_Piece]


class _Line(Struct, frozen=True):
    run: _Run
    alternative: bool


class _Icon(Struct, frozen=True):
    """An image with no words of its own: it decorates the one line of its row."""


_DECOR = _Icon()


class _Frame(Struct):
    name: str
    inline: bool
    alternative: bool = False
    run: _Run | None = None
    # its content in order: a line, an icon, or None (anything else)
    items: list[_Line | _Icon | None] = field(default_factory=list)


def joined(parts: list[str]) -> str:
    """``parts`` as one line on screen: nothing between CJK pieces, a space between two Latin words."""
    out = ""
    for part in (p.strip() for p in parts):
        if not part:
            continue
        if out and out[-1].isascii() and out[-1].isalnum() and part[0].isascii() and part[0].isalnum():
            out += " "
        out += part
    return out


class TextRuns:
    """Runs and adjacent lines of one template, fed in document order; the facts they give are in :attr:`facts`."""

    def __init__(self) -> None:
        self.facts: list[Fact] = []
        self.open: list[_Frame] = [_Frame("", inline=False)]

    def start(self, name: str, attributes: list[str]) -> None:
        """An element ``name`` (normalised) opens; ``attributes`` are its attribute names."""
        inline = name in INLINE
        if not inline:
            self._end_run()  # the text before a block child is a line of its own
        self.open.append(_Frame(name, inline, any(a in ALTERNATIVES for a in attributes)))

    def line_break(self) -> None:
        """A line break in the source between two texts: each is laid out as a text of its own (``<text>A</text>``
        on one line, ``<text>B</text>`` on the next), two lines rather than one run; a highlight sits in its line."""
        self._end_run()

    def leaf(self, name: str = "") -> None:
        """An element ``name`` (normalised) that holds no text (an image, an input): it ends the line it stands in and
        sits between lines; an image (:data:`ICONS`) beside a row's one line is that line's icon."""
        self._end_run()
        self._block().items.append(_DECOR if name in ICONS else None)

    def end(self, name: str) -> None:
        """The innermost open element ``name`` closes, with every element opened inside it; an end tag nothing
        opened is ignored."""
        for index in range(len(self.open) - 1, 0, -1):
            if self.open[index].name == name:
                while len(self.open) > index:
                    self._close()
                return

    def text(self, line: int, words: str, shown: str, label: bool = False, share: bool = False,
             alone: Iterable[str] | None = None, exact: bool = True) -> None:
        """A piece of text at ``line``: ``words`` what it says in its line, ``shown`` in a finding; ``label`` /
        ``share`` as for :func:`~mp_precheck.readers.textsignals.signals`'s ``label`` / ``share_control``;
        ``alone`` the signals its reader found in it by itself (None: read here when needed), and ``exact`` whether
        that reader read it as ``words`` (not so for ``邀请好友得{{'10'}}积分``, read without the literal)."""
        if any(frame.name in _CODE for frame in self.open):
            return
        block = self._block()
        if block.run is not None and (block.run.label, block.run.share) != (label, share):
            self._end_run()
        if block.run is None:
            block.run = _Run(label, share, [])
        block.run.pieces.append(_Piece(line, words, shown, None if alone is None else frozenset(alone), exact))

    def finish(self) -> list[Fact]:
        """Close what the template left open; the facts found."""
        while len(self.open) > 1:
            self._close()
        self._end_run()
        self._read_lines(self.open[0].items)
        return self.facts

    def _block(self) -> _Frame:
        return next(frame for frame in reversed(self.open) if not frame.inline)

    def _end_run(self) -> None:
        block = self._block()
        run, block.run = block.run, None
        pieces = [p for p in run.pieces if p.words.strip()] if run is not None else []
        if run is None or not pieces:
            return
        block.items.append(_Line(run, alternative=False))
        if len(pieces) < 2 and pieces[0].exact:
            return  # one text read as it is: its reader said all there is
        alone = {s for p in pieces for s in (p.alone if p.alone is not None else
                                              signals(p.words, label=run.label, share_control=run.share))}
        shown = " ".join(joined([p.shown for p in run.pieces]).split())[:120]
        self.facts.extend(Fact(prefixed("text", signal), "text", pieces[0].line, shown)
                          for signal in signals(joined([p.words for p in pieces]), label=run.label,
                                                share_control=run.share)
                          if signal in RUN_SIGNALS and signal not in alone)

    def _close(self) -> None:
        frame = self.open[-1]
        if frame.inline:
            self.open.pop()
            return
        self._end_run()
        self.open.pop()
        self._read_lines(frame.items)
        lines = [item for item in frame.items if isinstance(item, _Line)]
        one = lines[0] if len(lines) == 1 and all(item is not None for item in frame.items) else None
        icon = frame.name in ICONS and not frame.items
        self._block().items.append(_Line(one.run, frame.alternative) if one is not None else _DECOR if icon else None)

    def _read_lines(self, items: list[_Line | _Icon | None]) -> None:
        """The reward wording two adjacent lines of a block set out together and neither alone: the act in the
        first, then a gain and the thing gained (the pattern of ``checks/share_rewards.yml``: 邀请好友一起来 /
        双方各得一张代金券).
        A noun alone on the next line (分享 / 我的积分: two entries of a panel) is no gain; a gain first (恭喜您获得
        优惠券 / 分享给好友) is no act's reward; a list's item (分享规则 / 1. 每天登录得10币) stands by itself.
        An amount credited alone after the act (每邀请一位好友 / +50) is the task's reward; after an invitation
        code (邀请码 / +86) it is none."""
        for first, second in pairwise(items):
            if not isinstance(first, _Line) or not isinstance(second, _Line) or second.alternative \
                    or first.run.label or second.run.label:
                continue
            words = [joined([p.words for p in line.run.pieces]) for line in (first, second)]
            if not names_act(words[0]) or _ITEM.match(words[1]) or any(LINES_SIGNAL in signals(w) for w in words):
                continue
            if not share_reward().search(_CLAUSE.join(words)) and \
                    not (added_gain(words[1]) and names_act(_CODE_ACT.sub("", words[0]))):
                continue
            shown = _JOINER.join(joined([p.shown for p in line.run.pieces]) for line in (first, second))
            line = next(p.line for p in first.run.pieces if p.words.strip())
            self.facts.append(Fact(prefixed("text", LINES_SIGNAL), "text", line, " ".join(shown.split())[:120]))
