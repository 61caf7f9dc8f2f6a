"""Sharing paid for in ways the tool did not read: an invitation quota with its progress beside the share button,
the gain asked for before the invitation, a help-me label, a finished share's callback telling the user what it
earned, and a share card whose path opens a help page."""

from __future__ import annotations

import json

import pytest

from conftest import Repo, minimal_app
from helpers import run
from mp_precheck.readers.sharecallback import share_callback_texts, share_hook_texts
from mp_precheck.readers.sharewords import share_credit
from mp_precheck.readers.textsignals import signals

PAGES = ["pages/index/index", "pages/me/me", "pages/order/order", "pages/assist/assist"]


def _sharing(repo: Repo, base: str) -> set[tuple[str, str, int]]:
    return {(f.rule, f.path, f.line) for f in run(repo.path, base).findings if f.family == "sharing"}


@pytest.mark.parametrize(("text", "fires"), [
    ("邀请3个好友（1/3）", True), ("邀请个好友（/）", True), ("已邀请好友 2/5", True), ("唤醒2位好友(0/2)", True),
    ("帮他砍一刀", True), ("帮我免费拿", True), ("您还未获得优惠券，快快邀请好友~", True),
    ("推荐本小程序到群聊后即可领取奖品", True),
    ("邀请好友", False), ("本周邀请新好友", False), ("邀请好友/家人", False), ("已邀请好友", False),
    ("我要砍价", False), ("获得积分后分享", False), ("领取优惠券，分享给好友吧", False), ("为你推荐", False),
])
def test_reward_wording_of_quotas_help_labels_and_gains_asked_for(text, fires):
    assert ("share-inducement" in signals(text)) is fires


def test_a_new_share_button_beside_an_invitation_quota_in_a_task_list_fires_at_the_button(tmp_path):
    repo, base = minimal_app(tmp_path / "repo")
    repo.write("pages/me/me.wxml", """<view wx:for="{{tasks}}" class="task">
  <view class="money">{{item.money}}</view>
  <view class="name">邀请{{item.need}}个好友（{{item.done}}/{{item.need}}）</view>
  <view class="hint">完成后可领取</view>
  <view class="space"></view>
  <view class="space"></view>
  <button openType="share" wx:if="{{item.open}}">去邀请</button>
</view>
""")
    repo.commit("tasks")
    assert _sharing(repo, base) == {("sharing.induced_share", "pages/me/me.wxml", 7)}


def test_a_share_button_beside_a_plain_invitation_counter_is_silent(tmp_path):
    repo, base = minimal_app(tmp_path / "repo")
    repo.write("pages/me/me.wxml", "<view>本周邀请新好友</view>\n<view>{{count}}人</view>\n"
                                   "<button open-type=\"share\">邀请好友</button>\n")
    repo.commit("plain share")
    assert _sharing(repo, base) == set()


CREDITING = """Page({
  onShareAppMessage() {
    return {
      title: '课程表',
      path: '/pages/index/index',
      complete() {
        wx.showModal({
          title: '提示',
          content: '分享成功，您已获得红包，打开活动页即可领取',
          showCancel: false
        })
      }
    }
  }
})
"""


def test_a_share_callback_telling_the_user_the_gain_it_earned_fires_at_that_text(tmp_path):
    repo, base = minimal_app(tmp_path / "repo")
    repo.write("pages/me/me.js", CREDITING)
    repo.commit("reward the share")
    assert _sharing(repo, base) == {("sharing.induced_share", "pages/me/me.js", 9)}


def test_a_share_callback_that_only_thanks_the_user_is_silent(tmp_path):
    repo, base = minimal_app(tmp_path / "repo")
    repo.write("pages/me/me.js", CREDITING.replace("分享成功，您已获得红包，打开活动页即可领取", "感谢分享"))
    repo.commit("thank")
    assert _sharing(repo, base) == set()


def test_share_callback_texts_are_the_strings_of_its_success_and_complete_callbacks():
    assert share_callback_texts(CREDITING, "pages/me/me.js") == [
        (8, "提示"), (9, "分享成功，您已获得红包，打开活动页即可领取")]
    assert share_hook_texts(CREDITING, "pages/me/me.js")[:2] == [(4, "课程表"), (5, "/pages/index/index")]
    assert share_credit().search("积分 +5") and share_credit().search("红包已到账")
    assert not share_credit().search("分享成功")


ORDER = """Page({
  data: {},
  onShareAppMessage() {
    const id = this.data.orderId
    return {
      title: '快来看看',
      path: '/pages/assist/assist?orderId=' + id
    }
  }
})
"""


def _landing_change(tmp_path, label: str) -> tuple[Repo, str]:
    repo, base = minimal_app(tmp_path / "repo", {"app.json": json.dumps({"pages": PAGES})})
    repo.write_files({"pages/order/order.js": ORDER,
                      "pages/order/order.wxml": "<button open-type=\"share\">分享给好友</button>\n",
                      "pages/assist/assist.js": "Page({ onShareAppMessage() { return {} } })\n",
                      "pages/assist/assist.wxml": f"<view>商品</view>\n<button bindtap=\"help\">{label}</button>\n"})
    repo.commit("order shares its help page")
    return repo, base


def test_a_share_card_opening_a_help_page_fires_at_the_hook_once(tmp_path):
    repo, base = _landing_change(tmp_path, "帮他砍一刀")
    assert _sharing(repo, base) == {("sharing.induced_share", "pages/order/order.js", 3)}


def test_a_share_card_opening_a_plain_page_is_silent(tmp_path):
    repo, base = _landing_change(tmp_path, "查看商品")
    assert _sharing(repo, base) == set()


def _bargain(tmp_path, with_sharer: bool) -> tuple[Repo, str]:
    repo, base = minimal_app(tmp_path / "repo", {"app.json": json.dumps({"pages": PAGES})})
    if with_sharer:
        repo.write("pages/order/order.wxml", "<view>已砍掉10元</view>\n<button open-type=\"share\">邀请好友助力</button>\n")
    repo.write_files({"pages/assist/assist.js": "Page({ onShareAppMessage() { return {} } })\n",
                      "pages/assist/assist.wxml": "<view>他想要这件宝贝，快来帮TA砍价</view>\n"})
    repo.commit("bargain")
    return repo, base


def test_the_friends_side_of_a_bargain_told_on_the_sharers_page_is_not_told_again(tmp_path):
    repo, base = _bargain(tmp_path, with_sharer=True)
    assert _sharing(repo, base) == {("sharing.induced_share", "pages/order/order.wxml", 2)}


def test_the_friends_side_of_a_bargain_alone_is_still_told(tmp_path):
    repo, base = _bargain(tmp_path, with_sharer=False)
    assert _sharing(repo, base) == {("sharing.induced_share", "pages/assist/assist.wxml", 1)}
