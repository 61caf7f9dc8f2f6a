"""A service that needs its own category made usable by the change (analyzers/service_entries.py): a home page's
tile that only drew the service's label at base, bound to a handler or made a navigator now. Each on a small real
repository, with what must stay silent: a tile bound at base, a service another page of the app offers, a handler
on a wrapper of the whole page."""

from __future__ import annotations

from helpers import run
from mp_precheck.readers.entrylabels import entry_labels

RULE = "category.regulated_content"

# A clinic's home page: three tiles, the registration one drawn with no handler yet.
HOME = """<view class="grid">
  <view class="tile" bindtap="openReport">
    <text>体检报告</text>
  </view>
  <view class="tile">
    <image class="icon" src="/images/book.png"></image>
    <text>预约挂号</text>
  </view>
  <view class="tile" bindtap="openNews">
    <text>健康资讯</text>
  </view>
</view>
"""
HOME_JS = """Page({
  openReport() { wx.navigateTo({ url: '/pages/me/me' }) },
  openNews() { wx.navigateTo({ url: '/pages/me/me' }) },
  openBooking() { wx.navigateTo({ url: '/pages/me/me?tab=book' }) },
})
"""
BOUND = HOME.replace('<view class="tile">\n', '<view class="tile" bindtap="openBooking">\n')
LINKED = HOME.replace('<view class="tile">\n', '<navigator class="tile" url="/pages/me/me?tab=book">\n') \
    .replace("<text>预约挂号</text>\n  </view>", "<text>预约挂号</text>\n  </navigator>")


def _hits(report) -> set[tuple[str, int, str]]:
    return {(f.path, f.line, f.scope) for f in report.findings if f.rule == RULE}


def _home(app_repo, head: str, me: str | None = None, base_home: str = HOME) -> str:
    app_repo.write("pages/index/index.js", HOME_JS)
    app_repo.write("pages/index/index.wxml", base_home)
    if me is not None:
        app_repo.write("pages/me/me.wxml", me)
    base = app_repo.commit("the home page's tiles")
    app_repo.write("pages/index/index.wxml", head)
    app_repo.commit("the booking tile")
    return base


def test_a_dead_service_tile_given_a_handler_is_a_new_service(app_repo):
    base = _home(app_repo, BOUND)
    assert _hits(run(app_repo.path, base)) == {("pages/index/index.wxml", 7, "app")}


def test_a_dead_service_tile_made_a_navigator_is_a_new_service(app_repo):
    base = _home(app_repo, LINKED)
    assert _hits(run(app_repo.path, base)) == {("pages/index/index.wxml", 7, "app")}


def test_a_service_tile_bound_at_base_is_nothing_new(app_repo):
    base = _home(app_repo, BOUND.replace("openBooking", "openNews"), base_home=BOUND)
    assert _hits(run(app_repo.path, base)) == set()


def test_a_service_another_page_offers_is_nothing_new(app_repo):
    me = '<view class="row" bindtap="book"><text>预约挂号</text></view>\n'
    base = _home(app_repo, BOUND, me=me)
    assert _hits(run(app_repo.path, base)) == set()


def test_a_handler_on_a_wrapper_of_the_whole_page_makes_no_entry(app_repo):
    wrapped = '<view class="page" bindtap="hideKeyboard">\n<view class="body">\n<view class="inner">\n' + \
        HOME + "</view>\n</view>\n</view>\n"
    base = _home(app_repo, wrapped)
    assert _hits(run(app_repo.path, base)) == set()


def test_labels_of_a_single_file_component_s_template_keep_the_file_s_lines():
    page = ('<script setup>\nconst go = () => {}\n</script>\n<template>\n  <view @click="go">\n'
            '    <text>在线课程</text>\n  </view>\n  <text>说明</text>\n</template>\n')
    labels = entry_labels(page, "pages/home/home.vue")
    assert labels[6] == [("在线课程", True)]
    assert labels[8] == [("说明", False)]
