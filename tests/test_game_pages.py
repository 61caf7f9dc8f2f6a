"""Games a change adds to a Mini Program that is no Mini Game (analyzers/game_pages.py, readers/gamepages.py,
checks/game_pages.yml: ``category.game``): told once, on the registry line of the first page it registers that is a
game — by its path or title naming one, a game named without which one confirmed by the page's words, its play, a
board of tapped cells or a canvas drawn frame by frame. A page about games that is no game (a match's score, game
news, a strategy list), an app that had a game page before and an account with a game category stay silent."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import minimal_app
from helpers import run
from mp_precheck.readers.gamepages import check_game_pages, game_page, path_words, read_template

RULE = "category.game"
PAGES = ["pages/index/index", "pages/me/me"]
QUIZ_WXML = "<view class=\"quiz\">\n  <text>今日问答</text>\n</view>\n"
SUDOKU_JSON = '{\n  "navigationBarTitleText": "数独挑战"\n}\n'
SUDOKU_WXML = "<view class=\"grid\">\n  <text>{{seconds}}s</text>\n</view>\n"
FIELD_WXML = """<view class="field">
  <view wx:for="{{rows}}" wx:for-item="row" wx:key="index" class="row">
    <view wx:for="{{row}}" wx:key="index" class="cell" bindtap="reveal" data-at="{{item.at}}">{{item.mark}}</view>
  </view>
</view>
"""
CANVAS_WXML = '<canvas type="2d" id="stage" bindtouchstart="steer"></canvas>\n'
CANVAS_JS = """Page({
  onReady() {
    wx.createSelectorQuery().select('#stage').fields({ node: true }).exec(([res]) => {
      const canvas = res.node
      const draw = () => { this.step(canvas.getContext('2d')); canvas.requestAnimationFrame(draw) }
      draw()
    })
  },
  step() {},
  steer() {},
})
"""


def _app_json(pages: list[str]) -> str:
    return json.dumps({"pages": pages}, indent=2) + "\n"


def _change(tmp_path: Path, pages: dict[str, dict[str, str]], base: dict[str, str] | None = None):
    """The report of a change registering ``pages`` (page → its files by suffix) after the small app's two pages
    (the app's files at base: ``base`` beside them)."""
    app_repo, start = minimal_app(tmp_path / "repo", base)
    registered = json.loads((base or {}).get("app.json", _app_json(PAGES)))["pages"]
    files = {"app.json": _app_json([*registered, *pages])}
    for page, parts in pages.items():
        files.update({f"{page}{suffix}": text for suffix, text in parts.items()})
    app_repo.write_files(files)
    app_repo.commit("pages")
    return run(app_repo.path, start)


def _told(report) -> set[tuple[str, int, str]]:
    return {(f.path, f.line, f.subject) for f in report.findings if f.rule == RULE}


def test_the_first_game_page_a_change_registers_is_told_once_at_its_line_in_the_page_list(tmp_path):
    report = _change(tmp_path, {
        "pages/quiz/quiz": {".wxml": QUIZ_WXML, ".js": "Page({})\n"},  # no game: nothing names one
        "pages/puzzle/puzzle": {".json": SUDOKU_JSON, ".wxml": SUDOKU_WXML, ".js": "Page({})\n"},  # titled 数独
        "pages/blocks/index": {".wxml": "<view>俄罗斯方块</view>\n", ".js": "Page({})\n"}})  # a second game
    assert _told(report) == {("app.json", 6, "page:pages/puzzle/puzzle")}
    (finding,) = [f for f in report.findings if f.rule == RULE]
    assert finding.family == "category" and finding.scope == "app" and "数独" in (finding.value or "")


def test_a_page_named_only_a_game_is_one_when_it_is_a_board_of_tapped_cells_or_a_canvas_drawn_each_frame(tmp_path):
    lobby = {".wxml": "<view>\n  <text>游戏中心</text>\n  <text>敬请期待</text>\n</view>\n", ".js": "Page({})\n"}
    board = {".wxml": FIELD_WXML, ".js": "Page({ reveal() {} })\n"}
    assert _told(_change(tmp_path / "a", {"pages/game/lobby": lobby, "pages/game/field": board})) == {
        ("app.json", 6, "page:pages/game/field")}
    stage = {".wxml": CANVAS_WXML, ".js": CANVAS_JS}
    chart = {".wxml": CANVAS_WXML, ".js": CANVAS_JS.replace("requestAnimationFrame(draw)", "toDataURL()")}
    assert _told(_change(tmp_path / "b", {"pages/minigame/chart": chart, "pages/minigame/stage": stage})) == {
        ("app.json", 6, "page:pages/minigame/stage")}


def test_pages_about_games_that_are_no_game_are_not_told(tmp_path):
    report = _change(tmp_path, {
        "pages/game/result": {".json": '{"navigationBarTitleText": "篮球比赛比分"}\n', ".wxml": FIELD_WXML},
        "pages/gameNews/list": {".wxml": "<view>五子棋大师赛</view>\n"},
        "pages/games/tips": {".json": '{"navigationBarTitleText": "游戏攻略"}\n', ".wxml": "<view>开始游戏前</view>\n"},
        "pages/snake/snake": {".wxml": "<view>得分 {{score}}</view>\n", ".js": "Page({})\n"}})
    assert _told(report) == {("app.json", 8, "page:pages/snake/snake")}


def test_an_app_that_had_a_game_page_is_not_told_again(tmp_path):
    tetris = {"pages/tetris/tetris.wxml": "<view>方块</view>\n", "pages/tetris/tetris.js": "Page({})\n"}
    first = _change(tmp_path / "a", {"pages/tetris/tetris": {".wxml": "<view>方块</view>\n", ".js": "Page({})\n"}})
    assert _told(first) == {("app.json", 5, "page:pages/tetris/tetris")}
    base = {"app.json": _app_json([*PAGES, "pages/tetris/tetris"]), **tetris}
    later = _change(tmp_path / "b", {"pages/puzzle/puzzle": {".json": SUDOKU_JSON, ".wxml": SUDOKU_WXML}}, base)
    assert _told(later) == set()


def test_an_account_with_a_game_category_is_not_told(tmp_path):
    sudoku = {"pages/puzzle/puzzle": {".json": SUDOKU_JSON, ".wxml": SUDOKU_WXML, ".js": "Page({})\n"}}
    tools = _change(tmp_path / "a", sudoku, {".mp-precheck.yml": "categories: [工具 > 记账]\n"})
    assert _told(tools) == {("app.json", 5, "page:pages/puzzle/puzzle")}
    games = _change(tmp_path / "b", sudoku, {".mp-precheck.yml": "categories: [游戏 > 休闲]\n"})
    assert _told(games) == set()


def test_a_uni_app_game_page_is_told_on_its_pages_json_line(tmp_path):
    pages_json = '{\n  "pages": [\n    {"path": "pages/index/index"}%s\n  ]\n}\n'
    app_repo, start = minimal_app(tmp_path / "repo")
    app_repo.remove("app.json")
    app_repo.write_files({"pages.json": pages_json % "", "manifest.json": '{"mp-weixin": {}}\n',
                          "App.vue": "<script>export default {}</script>\n",
                          "pages/index/index.vue": "<template><view>首页</view></template>\n"})
    start = app_repo.commit("uni-app")
    added = ',\n    {"path": "pages/arcade/index", "style": {"navigationBarTitleText": "消消乐"}}'
    app_repo.write_files({"pages.json": pages_json % added,
                          "pages/arcade/index.vue": "<template>\n  <view>{{ level }}</view>\n</template>\n"})
    app_repo.commit("a game")
    assert _told(run(app_repo.path, start)) == {("pages.json", 4, "page:pages/arcade/index")}


def test_the_reader_splits_paths_reads_templates_and_never_raises():
    check_game_pages()
    assert path_words("pages/gameHall2/match-list_v2") == ["pages", "game", "hall", "2", "match", "list", "v", "2"]
    assert read_template(FIELD_WXML)[1] and not read_template(QUIZ_WXML)[1]
    assert read_template("<view><text>开始游戏</text><wxs>var a = '游戏结束'</wxs>")[0] == "开始游戏"
    assert game_page("pages/game/play", None, "<view <<< 重新开始 &&& </", []) == "game: 重新开始"
    assert game_page("pages/gameboy/index", None, "", []) is None  # a word of the path, not a part of one
    assert game_page("pages/tools/index", "计算器", FIELD_WXML, []) is None  # a board with no game named is none
