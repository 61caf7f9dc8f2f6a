"""Games inside a Mini Program that is no Mini Game: ``category.game`` at the first game page a change registers.

WeChat's operations rules set games apart (游戏类目选择规范, OPS2018 and MINIGAME in docs/wechat-platform.md;
https://developers.weixin.qq.com/miniprogram/product/#_1-%E6%B8%B8%E6%88%8F%E7%B1%BB%E7%9B%AE%E9%80%89%E6%8B%A9%E8%A7%84%E8%8C%83):
a game is a Mini Game, the account whose category is 游戏, and review judges a Mini Program by what it serves, so
one that adds a game (扫雷, 2048, 贪吃蛇) without a game category is sent back for a category mismatch. A page is a
game by its registered path, its title, its words and what it is (``readers/gamepages.py``, ``checks/game_pages.yml``).

``category.game`` (subject ``page:<page>``, scope app) is told once, on the registry line (``app.json``'s ``pages``,
``pages.json``, the Taro ``app.config``) of the first page in the list that the change registers and that is a game,
when all of these hold:

* no page the app registered before the change was a game (the app offered games already: nothing new to file);
* the configured categories (``categories`` in ``.mp-precheck.yml``) hold none that fits (the rule's
  ``fitting_categories``: 游戏).

A page about games that is no game — a match and its score, game news, a 游戏攻略 list — and a page the app had
before are not told.

Reads: ``project``, ``base_pages``, ``read_head``, ``read_base``, ``config.categories``, ``catalog``; no findings.
Writes: adds ``category.game``.
"""

from __future__ import annotations

from collections.abc import Callable

from mp_precheck.analyzers.context import ProjectContext
from mp_precheck.analyzers.missing_pages import page_name, registry_file, registry_line
from mp_precheck.core.categoryfit import fits_rule
from mp_precheck.core.report import Finding
from mp_precheck.facts.scope import page_sources
from mp_precheck.notes.pagetitles import page_title
from mp_precheck.readers.discovery import Project
from mp_precheck.readers.gamepages import game_page, names_game
from mp_precheck.readers.sfc import SFC_SUFFIXES, split_blocks

RULE = "category.game"
_MARKUP = (".wxml", *SFC_SUFFIXES, ".jsx", ".tsx")
_SCRIPTS = (".js", ".ts")
Read = Callable[[str], str | None]


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    project = context.project
    before = {name for page in context.base_pages if (name := page_name(page))}
    fresh = [(entry, page) for entry in project.pages if (page := page_name(entry)) and page not in before]
    registry = registry_file(project)
    if not fresh or registry is None or fits_rule(context.config.categories, context.catalog, RULE):
        return findings
    for entry, page in fresh:
        word = is_game(project, page, context.read_head)
        if word is None:
            continue
        if any(is_game(project, old, context.read_base) for old in before):
            return findings  # the app offered a game before: its category is no new question
        line = registry_line(context.read_head(registry) or "", entry)
        return [*findings, context.finding(RULE, f"page:{page}", registry, line, value=f"{page} ({word})")]
    return findings


def is_game(project: Project, page: str, read: Read) -> str | None:
    """The word that makes registered ``page`` of ``project`` a game as ``read`` gives its files (head or base), or
    None (:func:`mp_precheck.readers.gamepages.game_page`). Its files are read only when its path or title names a
    game."""
    title = page_title(page, project.root, project.framework, read)
    if not names_game(page, title):
        return None
    template, scripts = "", []
    for path in sorted(page_sources(project, page, _MARKUP + _SCRIPTS)):
        text = read(path)
        if text is None:
            continue
        if path.endswith(SFC_SUFFIXES):
            for block in split_blocks(text):
                if block.tag == "template":
                    template += block.text
                elif block.tag == "script":
                    scripts.append(block.text)
            continue
        if path.endswith(_MARKUP):
            template += text
        if not path.endswith(".wxml"):
            scripts.append(text)  # a JSX page is its template and its script
    return game_page(page, title, template, scripts)
