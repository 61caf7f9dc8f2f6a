"""A live broadcast played in a plain <video> needs its service category as <live-player>'s does
(analyzers/live_video.py, checks/live_streams.yml): told once, where a changed page opening the player says it
broadcasts or lists the stream, else at the player. A recorded film, a replay and words with no player stay silent."""

from __future__ import annotations

from helpers import places, run
from mp_precheck.readers.livestreams import check_live_streams, live_source, live_text_lines
from mp_precheck.readers.routes import script_routes

APP_JSON = '{"pages": ["pages/index/index", "pages/me/me", "pages/games/games", "pages/watch/watch"]}\n'
WATCH_WXML = '<view class="player">\n  <video src="{{stream}}" controls></video>\n  <text>{{title}}</text>\n</view>\n'
WATCH_JS = "Page({ data: { stream: '' }, onLoad(q) { this.setData({ stream: decodeURIComponent(q.src) }) } })\n"
GAMES_JS = """Page({
  data: { games: [{ id: 1, src: 'https://cdn.example.org/hls/match1.m3u8' }] },
  open(e) {
    const game = e.currentTarget.dataset.game
    wx.navigateTo({ url: `/pages/watch/watch?src=${encodeURIComponent(game.src)}` })
  },
})
"""


def _categories(report):
    return places(report, "category")


def test_a_page_listing_live_matches_that_opens_a_new_player_is_told_at_its_words(app_repo):
    app_repo.write_files({"app.json": APP_JSON, "pages/watch/watch.wxml": WATCH_WXML, "pages/watch/watch.js": WATCH_JS,
                          "pages/games/games.js": GAMES_JS,
                          "pages/games/games.wxml": '<view>\n  <view class="head">今日赛事</view>\n'
                                                    '  <view wx:for="{{games}}" bindtap="open" data-game="{{item}}">'
                                                    '\n    <text>正在直播</text>\n  </view>\n</view>\n'})
    app_repo.commit("watch the matches live")
    assert _categories(run(app_repo.path, "HEAD~1")) == {("category.live_stream", "pages/games/games.wxml", 4)}


def test_a_player_of_a_literal_live_playlist_is_told_at_the_player(app_repo):
    app_repo.write_files({"pages/me/me.wxml": '<view>\n<view>我的</view>\n'
                                              '<video src="https://cdn.example.org/radio/channel2.flv"></video>\n'
                                              '</view>\n'})
    app_repo.commit("a radio channel on the profile page")
    assert _categories(run(app_repo.path, "HEAD~1")) == {("category.live_stream", "pages/me/me.wxml", 3)}


def test_a_recorded_film_a_replay_and_words_without_a_player_stay_silent(app_repo):
    app_repo.write_files({"app.json": APP_JSON,
                          "pages/me/me.wxml": '<view>\n<video src="https://cdn.example.org/films/intro.mp4"></video>\n'
                                              '</view>\n',
                          "pages/watch/watch.wxml": '<view>\n<view>直播回放</view>\n'
                                                    '<video src="https://cdn.example.org/vod/replay.mp4"></video>\n'
                                                    '</view>\n',
                          "pages/watch/watch.js": "Page({})\n",
                          "pages/games/games.wxml": "<view>\n<view>每晚八点直播</view>\n</view>\n",
                          "pages/games/games.js": "Page({})\n"})
    app_repo.commit("a film, a replay and a schedule")
    assert not {p for p in _categories(run(app_repo.path, "HEAD~1")) if p[0] == "category.live_stream"}


def test_what_tells_a_live_source_and_live_words():
    check_live_streams()
    assert live_source("http://203.0.113.7/tv/ch5/index.m3u8?token=a") and live_source("rtmp://live.example.org/a/b")
    assert not live_source("https://cdn.example.org/films/intro.mp4") and not live_source("not a url")
    template = '<view>\n  <view>体育直播</view>\n  <wxs module="m">var a = "直播";</wxs>\n  <view>直播回放</view>\n</view>\n'
    assert live_text_lines(template) == [2]


def test_a_route_whose_query_is_built_gives_its_page_and_a_built_path_none():
    script = "wx.redirectTo({ url: `/pages/a/a?id=${id}` })\nwx.navigateTo({ url: `/pages/${name}/x` })\n"
    assert script_routes(script, "p.js") == [("/pages/a/a?", 1)]
