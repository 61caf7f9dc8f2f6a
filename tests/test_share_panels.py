"""A page that gains its share mechanism while a component it renders promises a reward for inviting: the panel's
promise is the page's (operations rules 5.1, 以奖励诱导分享), told at the page's new share hook or button; and a
score counted in points of the app's own name (邀请好友得 100 成长值) is such a reward."""

from __future__ import annotations

import pytest

from conftest import Repo, minimal_app
from helpers import run
from mp_precheck.readers.sharewords import share_credit, share_reward

APP = '{\n  "pages": ["pages/index/index", "pages/club/club"]\n}\n'
CLUB = """<view class="club">
  <view class="head">会员俱乐部</view>
  TAGS
</view>
"""
CLUB_JS = """Page({
  data: { open: false },
  toggle() { this.setData({ open: !this.data.open }) },
})
"""
SHARED_JS = """Page({
  data: { open: false },
  toggle() { this.setData({ open: !this.data.open }) },
  onShareAppMessage() {
    return { title: '会员俱乐部', path: '/pages/club/club?from=' + wx.getStorageSync('uid') }
  },
})
"""
PANEL = """<view class="panel">
  <view class="row">
    <view class="name">WORDING</view>
    <view class="go">去完成</view>
  </view>
</view>
"""
PANEL_JS = "Component({ properties: { show: Boolean } })\n"


def _club(tmp_path, wording: str, tags: str, using: str) -> tuple[Repo, str]:
    return minimal_app(tmp_path / "repo", {
        "app.json": APP, "pages/club/club.wxml": CLUB.replace("TAGS", tags), "pages/club/club.js": CLUB_JS,
        "pages/club/club.json": '{\n  "usingComponents": {' + using + '}\n}\n',
        "pages/club/widgets/bonus-panel/index.wxml": PANEL.replace("WORDING", wording),
        "pages/club/widgets/bonus-panel/index.js": PANEL_JS,
        "pages/club/widgets/bonus-panel/index.json": '{\n  "component": true\n}\n'})


def _sharing(repo: Repo, base: str) -> set[tuple[str, str, int]]:
    return {(f.rule, f.path, f.line) for f in run(repo.path, base).findings if f.family == "sharing"}


RENDERS = '<bonus-panel show="{{open}}" />'
USING = '"bonus-panel": "./widgets/bonus-panel/index"'


@pytest.mark.parametrize("wording", ["邀请好友注册，每人奖励 50 积分", "邀请好友加入 · 每位送 30 成长值"])
def test_a_new_share_hook_on_a_page_whose_panel_promises_a_reward_for_inviting_fires_at_the_hook(tmp_path, wording):
    repo, base = _club(tmp_path, wording, RENDERS, USING)
    repo.write("pages/club/club.js", SHARED_JS)
    repo.commit("share the club")
    assert _sharing(repo, base) == {("sharing.induced_share", "pages/club/club.js", 4)}


@pytest.mark.parametrize("wording", ["会员专享折扣", "签到得 10 成长值", "完成任务得积分"])
def test_a_new_share_hook_beside_a_panel_without_a_reward_for_inviting_stays_silent(tmp_path, wording):
    repo, base = _club(tmp_path, wording, RENDERS, USING)
    repo.write("pages/club/club.js", SHARED_JS)
    repo.commit("share the club")
    assert _sharing(repo, base) == set()


@pytest.mark.parametrize(("tags", "using"), [("<view>{{open}}</view>", USING), (RENDERS, "")])
def test_a_panel_the_page_does_not_render_lends_it_no_promise(tmp_path, tags, using):
    repo, base = _club(tmp_path, "邀请好友注册，每人奖励 50 积分", tags, using)
    repo.write("pages/club/club.js", SHARED_JS)
    repo.commit("share the club")
    assert _sharing(repo, base) == set()


def test_a_new_share_button_on_a_page_whose_panel_promises_a_reward_fires_at_the_button(tmp_path):
    repo, base = _club(tmp_path, "邀请好友注册，每人奖励 50 积分", RENDERS, USING)
    repo.write("pages/club/club.wxml", CLUB.replace("TAGS", RENDERS + '\n  <button open-type="share">分享</button>'))
    repo.commit("share button")
    assert _sharing(repo, base) == {("sharing.induced_share", "pages/club/club.wxml", 4)}


def test_a_new_share_button_beside_a_panel_promising_nothing_stays_silent(tmp_path):
    repo, base = _club(tmp_path, "会员专享折扣", RENDERS, USING)
    repo.write("pages/club/club.wxml", CLUB.replace("TAGS", RENDERS + '\n  <button open-type="share">分享</button>'))
    repo.commit("share button")
    assert _sharing(repo, base) == set()


def test_a_page_that_could_share_before_gets_no_panel_promise_for_another_share_button(tmp_path):
    button = RENDERS + '\n  <button open-type="share">分享</button>'
    repo, base = _club(tmp_path, "邀请好友注册，每人奖励 50 积分", button, USING)
    repo.write("pages/club/club.wxml", CLUB.replace("TAGS", button + '\n  <button open-type="share">转发</button>'))
    repo.commit("second share button")
    assert _sharing(repo, base) == set()


@pytest.mark.parametrize(("text", "fires"), [
    ("邀请好友得 100 成长值", True), ("每邀请一位新用户可获得20魅力值", True), ("分享成功获得5经验值", True),
    ("签到得 10 成长值", False), ("邀请好友获得超值体验", False), ("分享获得价值", False), ("邀请好友查看成长值", False)])
def test_a_counted_score_of_the_apps_own_name_is_a_reward(text, fires):
    assert bool(share_reward().search(text)) is fires


@pytest.mark.parametrize(("text", "fires"), [("分享成功，获得 20 成长值", True), ("成长值说明", False)])
def test_a_share_callback_crediting_a_counted_score_is_a_gain(text, fires):
    assert bool(share_credit().search(text)) is fires
