"""A page that is a game (``checks/game_pages.yml``): by its registered path, its title, its words and what it is.

WeChat's operations rules set games apart: a game is a Mini Game (小游戏), the account whose first-level category is
游戏, chosen by the rules' 游戏类目选择规范
(https://developers.weixin.qq.com/miniprogram/product/#_1-%E6%B8%B8%E6%88%8F%E7%B1%BB%E7%9B%AE%E9%80%89%E6%8B%A9%E8%A7%84%E8%8C%83;
https://developers.weixin.qq.com/minigame/introduction/guide/type.md). A page is a game when its path or its title
names one — by its name (扫雷, 2048, ``pages/tetris/index``), or as a game without saying which (游戏,
``pages/game/game``) with the page confirming it: its words name a game, say it is played (开始游戏, 游戏结束), or it
is a board of cells the user taps (a loop inside a loop whose cells bind a tap) or a canvas drawn frame by frame
(``requestAnimationFrame``). A page about games that is no game — a match and its score (比赛, 比分), game news, a
游戏攻略 list, a game-companion or top-up shop — is not one.

In: a page's registered path, its navigation bar title, its template (WXML, a single-file component, JSX) and its
script texts. Out: the word that makes it a game, or None. Never raises on malformed input.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from html.parser import HTMLParser
from typing import Any

from mp_precheck.core.catalog import validated
from mp_precheck.core.recache import compiled
from mp_precheck.core.resources import data_dir
from mp_precheck.readers.htmlfeed import feed_shared

TABLE = "game_pages.yml"
SCHEMA = "game_pages.schema.json"
_CODE_TAGS = frozenset({"wxs", "script", "style"})  # their text is code or style, nothing a user reads
_LOOPS = ("wx:for", "v-for", "s-for", "a:for", "tt:for")
_TAPS = compiled(r"^(?:bind|catch|capture-bind|capture-catch|mut-bind):?(?:tap|touchstart|longpress)$"
                 r"|^(?:@|v-on:)(?:tap|click|touchstart)(?:\.|$)|^on(?:tap|click|touchstart)$", re.IGNORECASE)
_FRAME_LOOP = compiled(r"\brequestAnimationFrame\s*\(")
_CANVAS = compiled(r"<canvas\b|\bcreateCanvasContext\s*\(|\bcreateOffscreenCanvas\s*\(|\.getContext\(\s*['\"]2d",
                   re.IGNORECASE)
_WORD_SPLIT = compiled(r"[/_.\-\s]+|(?<=[a-z])(?=[A-Z])|(?<=[A-Za-z])(?=[0-9])|(?<=[0-9])(?=[A-Za-z])")


class GamePagesDataError(ValueError):
    """``checks/game_pages.yml`` does not match its schema (a packaging bug, not user input)."""


def check_game_pages() -> None:
    """Check the shipped table against its schema (the test suite does).

    Raises:
        GamePagesDataError: the table does not match, naming the file and the key path.
    """
    validated(data_dir("checks") / TABLE, SCHEMA, GamePagesDataError)


@cache
def _table() -> dict[str, tuple[str, ...]]:
    data: Any = validated(data_dir("checks") / TABLE, SCHEMA, check=False)
    return {key: tuple(data[key]) for key in ("names", "generic", "path_names", "path_generic", "not_game",
                                              "not_game_path", "play_words")}


@cache
def _pattern(key: str) -> re.Pattern[str]:
    """The words of the table's ``key`` in a text: Chinese as written, a word of Latin letters or digits whole
    (``2048`` not in ``20481``, ``game`` not in ``gameboy``), any case."""
    parts = [re.escape(w).replace(r"\ ", r"\s+") for w in sorted(_table()[key], key=len, reverse=True)]
    return compiled(r"(?<![A-Za-z0-9])(?:" + "|".join(parts) + r")(?![A-Za-z0-9])", re.IGNORECASE)


def _named(key: str, text: str) -> str | None:
    found = _pattern(key).search(text) if text else None
    return found.group(0) if found else None


def path_words(page: str) -> list[str]:
    """The words of a registered page path, lower case (``pages/gameLevel1/index`` → pages, game, level, 1, index)."""
    return [w.lower() for w in _WORD_SPLIT.split(page) if w]


class _Template(HTMLParser):
    """The words a user reads in a template (texts outside code tags), and whether it is a board of tapped cells."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.words: list[str] = []
        self.board = False
        self._open: list[tuple[str, bool]] = []  # (tag, opens a loop)
        self._code = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._code += tag in _CODE_TAGS
        names = [key.lower() for key, _value in attrs]
        loop = any(key in _LOOPS for key in names)
        self._open.append((tag, loop))
        if sum(opened for _tag, opened in self._open) >= 2 and any(_TAPS.match(key) for key in names):
            self.board = True  # a cell of a loop inside a loop the user taps: a board (a grid of mines, tiles)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        self._code -= tag in _CODE_TAGS and self._code > 0
        for at in range(len(self._open) - 1, -1, -1):
            if self._open[at][0] == tag:
                del self._open[at:]
                break

    def handle_data(self, data: str) -> None:
        if not self._code and data.strip() and "{{" not in data:
            self.words.append(data.strip())


def read_template(template: str) -> tuple[str, bool]:
    """(the words a user reads in ``template``, one per line; whether it is a board of cells the user taps)."""
    parser = _Template()
    feed_shared(parser, template)
    return "\n".join(parser.words), parser.board


def names_game(page: str, title: str | None) -> bool:
    """Whether registered ``page``'s path or its ``title`` names a game or games (the first test of
    :func:`game_page`, before the page's files are read)."""
    words = path_words(page)
    table = _table()
    return (any(w in table["path_names"] or w in table["path_generic"] for w in words)
            or _named("names", title or "") is not None or _named("generic", title or "") is not None)


def game_page(page: str, title: str | None, template: str, scripts: Iterable[str]) -> str | None:
    """The word that makes registered ``page`` a game (``扫雷``, ``tetris``), or None when it is none.

    ``title`` is its navigation bar title, ``template`` its markup (a JSX page's whole source), ``scripts`` the texts
    of its scripts. The path or the title names a game or games; then it is one unless its path or title says it is
    about games (比赛, 攻略, ``pages/game/news``). A game named without which one is one only when the page's words
    say nothing of the kind either and they name a game, say it is played, or it is a board of tapped cells or a
    canvas drawn frame by frame."""
    words = path_words(page)
    heading = title or ""
    shown, board = read_template(template)
    if any(w in _table()["not_game_path"] for w in words) or _named("not_game", heading):
        return None
    named = next((w for w in words if w in _table()["path_names"]), None) or _named("names", heading)
    if named is not None:
        return named
    generic = next((w for w in words if w in _table()["path_generic"]), None) or _named("generic", heading)
    if generic is None or _named("not_game", shown):
        return None
    code = "\n".join(scripts)
    confirmed = (_named("names", shown) or _named("play_words", f"{shown}\n{code}")
                 or ("board" if board else None)
                 or ("canvas" if _FRAME_LOOP.search(code) and _CANVAS.search(f"{template}\n{code}") else None))
    return f"{generic}: {confirmed}" if confirmed else None
