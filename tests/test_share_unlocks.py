"""Sharing paid in uses or cash the tool did not read: a share hook whose own toast says a use unlocked or more of a
chance, told at the page's new share button, and a new share button on a page that already shows the cash each
invitation earns."""

from __future__ import annotations

import pytest

from conftest import Repo, minimal_app
from helpers import run
from mp_precheck.readers.sharecallback import share_hook_notices
from mp_precheck.readers.sharewords import share_credit, share_reward


def _sharing(repo: Repo, base: str) -> set[tuple[str, str, int]]:
    return {(f.rule, f.path, f.line) for f in run(repo.path, base).findings if f.family == "sharing"}


@pytest.mark.parametrize(("text", "fires"), [
    ("每邀请一位同学注册，奖励3元", True), ("转发给好友，你得 ￥12 元", True), ("邀请好友下单，返5块钱", True),
    ("填写邀请码得5元", False), ("分享这件商品，仅需19.9元", False), ("邀请好友", False), ("￥19.90", False),
])
def test_cash_counted_in_money_after_the_act_and_a_gain_is_reward_wording(text, fires):
    assert bool(share_reward().search(text)) is fires


@pytest.mark.parametrize(("text", "fires"), [
    ("解锁成功", True), ("已解锁 3 次", True), ("今日可多 2 次", True), ("听课次数+1", True),
    ("额外获得一次抽奖机会", True), ("额外的抽奖机会", False),
    ("开通会员解锁全部课程", False), ("多次分享", False), ("分享成功", False), ("请先解锁", False),
])
def test_a_use_unlocked_or_more_of_a_chance_is_a_gain_a_share_pays(text, fires):
    assert bool(share_credit().search(text)) is fires


HOOK = """Page({
  data: { ask: false },
  onShareAppMessage(res) {
    if (res.from === 'button') {
      const n = wx.getStorageSync('extra') || 0
      wx.setStorageSync('extra', n + 1)
      wx.showToast({ title: 'TOAST', icon: 'none' })
      this.setData({ ask: false })
    }
    return { title: '一起来练习听力', path: '/pages/me/me' }
  }
})
"""

SHEET = """<view>
  <view class="list">今天的练习</view>
  <view class="sheet" wx:if="{{ask}}">
    <view class="head">今日次数已用完</view>
    <view class="body">
      <text>邀请一位朋友一起练习</text>
    </view>
    <view class="actions">
      <button open-type="share">分享给朋友</button>
    </view>
  </view>
</view>
"""


def test_share_hook_notices_are_the_strings_its_own_statements_hand_to_calls():
    notices = share_hook_notices(HOOK.replace("TOAST", "听课次数+1"), "pages/me/me.js")
    assert (7, "听课次数+1") in notices and all(text != "一起来练习听力" for _line, text in notices)


def test_a_new_share_button_whose_hook_toasts_a_use_unlocked_fires_at_the_button(tmp_path):
    repo, base = minimal_app(tmp_path / "repo")
    repo.write_files({"pages/me/me.wxml": SHEET, "pages/me/me.js": HOOK.replace("TOAST", "听课次数+1")})
    repo.commit("share for another use")
    assert _sharing(repo, base) == {("sharing.induced_share", "pages/me/me.wxml", 9)}


def test_a_new_share_button_whose_hook_only_thanks_the_user_is_silent(tmp_path):
    repo, base = minimal_app(tmp_path / "repo")
    repo.write_files({"pages/me/me.wxml": SHEET, "pages/me/me.js": HOOK.replace("TOAST", "感谢分享")})
    repo.commit("plain share")
    assert _sharing(repo, base) == set()


def test_a_share_button_beside_an_unlock_that_is_bought_is_silent(tmp_path):
    repo, base = minimal_app(tmp_path / "repo")
    repo.write_files({"pages/me/me.wxml": SHEET.replace("今日次数已用完", "开通会员解锁全部课程"),
                      "pages/me/me.js": HOOK.replace("TOAST", "分享成功")})
    repo.commit("membership page with a share button")
    assert _sharing(repo, base) == set()


TARO_BASE = """import { View, Text } from '@tarojs/components'
export default function Invite({ money }) {
  return (
    <View className="page">
      <View className="banner">
        <Text>TEXT</Text>
      </View>
      <View className="rows">{money}</View>
      <View className="foot">
        <View className="share-tile" />
      </View>
    </View>
  )
}
"""


def _taro(tmp_path, text: str) -> tuple[Repo, str]:
    repo = Repo(tmp_path / "repo")
    repo.write_files({"package.json": '{"dependencies": {"@tarojs/taro": "3.6.0"}}\n',
                      "src/app.config.ts": "export default defineAppConfig({ pages: ['pages/invite/index'] })\n",
                      "src/app.ts": "export default function App(props) { return props.children }\n",
                      "src/pages/invite/index.jsx": TARO_BASE.replace("TEXT", text)})
    base = repo.commit("base")
    repo.write("src/pages/invite/index.jsx", TARO_BASE.replace("TEXT", text).replace(
        '<View className="share-tile" />', '<Button openType="share" className="share-tile" />').replace(
        "import { View, Text }", "import { Button, View, Text }"))
    repo.commit("the tile shares")
    return repo, base


def test_a_share_button_added_on_a_page_showing_cash_per_invitation_fires_at_the_button(tmp_path):
    repo, base = _taro(tmp_path, "邀请同学注册成功，每人送 6 元")
    assert _sharing(repo, base) == {("sharing.induced_share", "src/pages/invite/index.jsx", 10)}


@pytest.mark.parametrize("text", ["精选好物 ￥19.90", "填写邀请码得5元"])
def test_a_share_button_added_on_a_page_with_prices_or_an_invite_code_is_silent(tmp_path, text):
    repo, base = _taro(tmp_path, text)
    assert _sharing(repo, base) == set()
