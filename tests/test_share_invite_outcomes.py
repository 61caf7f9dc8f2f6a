"""An invitation paid for by its outcome: the reward promised when the friend one invites registers or orders
(好友注册并下单后，你可获得 10 积分), and a gain that grows with the inviting (邀请的朋友越多…你获得的能量越多). A share
button or share hook on the page with such rules is induced sharing; a plain share, an invite without a reward and
reward rules that do not depend on inviting stay silent."""

from __future__ import annotations

from conftest import Repo, minimal_app
from helpers import run, uni_app_page_change
from mp_precheck.readers.textsignals import signals

OUTCOMES = ["好友注册并下单后，你可获得 10 积分", "被推荐人注册成功，推荐人获得 3 元红包", "当朋友首单完成后，您可以获得奖励金",
            "好友通过你的链接开通会员后，你将得到 20 金币"]
GROWTH = ["邀请的朋友越多、朋友越常来，你获得的能量越多", "转发的人越多、来的人越多，你获得的成长值越高"]
NEAR_MISSES = ["分享给好友", "邀请好友注册下单吧！", "好友注册后可在列表查看", "好友下单后你会收到通知",
               "首单满 50 元，您可获得优惠券", "为好友购买礼品卡后，您将获得积分", "给朋友充值后，你得 2 元",
               "好友购买后，您将获得超值体验", "购买越多，获得的积分越多", "邀请越多好友，排名越高",
               "好友通过你的链接注册后，会出现在你的邀请列表中"]


def _sharing(repo: Repo, base: str) -> set[tuple[str, str, int]]:
    return {(f.rule, f.path, f.line) for f in run(repo.path, base).findings if f.family == "sharing"}


def _inducing(texts: list[str]) -> list[str]:
    return [text for text in texts if "share-inducement" in signals(text)]


def test_a_friends_outcome_paying_the_user_is_reward_wording_and_its_near_misses_are_not():
    assert _inducing(OUTCOMES + NEAR_MISSES) == OUTCOMES
    assert [t for t in OUTCOMES if "share-inducement" in signals(t, script=True)] == OUTCOMES


def test_a_gain_growing_with_the_inviting_is_reward_wording_and_a_rank_or_a_purchase_is_not():
    assert _inducing(GROWTH + NEAR_MISSES) == GROWTH


RULES_PAGE = """<template>
  <view class="club">
    <view class="rule" v-for="(rule, i) in rules" :key="i">{{ rule }}</view>
    <view class="list">我邀请的人</view>
  </view>
</template>
<script>
export default {
  data() {
    return {
      rules: [
        '把小程序分享给朋友，请他们来注册',
        '好友注册并下单后，你可获得 10 积分',
        '积分可在商城兑换'
      ]
    }
  }
}
</script>
"""


def test_a_share_button_added_to_a_vue_page_whose_script_rules_pay_for_a_friends_order_fires_at_the_button(repo):
    uni_app_page_change(repo, RULES_PAGE)
    base = repo.git("rev-parse", "HEAD")
    page = RULES_PAGE.replace('    <view class="list">我邀请的人</view>\n',
                              '    <view class="list">我邀请的人</view>\n    <button open-type="share">去邀请</button>\n')
    repo.write("src/pages/me/me.vue", page)
    repo.commit("a share button")
    assert _sharing(repo, base) == {("sharing.induced_share", "src/pages/me/me.vue", 5)}


def test_new_rules_paying_for_a_friends_registration_on_a_native_page_whose_script_shares_fire_at_the_rule(tmp_path):
    repo, base = minimal_app(tmp_path / "repo", {
        "pages/me/me.js": "Page({\n  onShareAppMessage() {\n    return { title: '一起来逛', path: '/pages/index/index' }\n"
                          "  }\n})\n"})
    repo.write("pages/me/me.wxml", "<view>me</view>\n<view class=\"rules\">\n  <text>活动规则</text>\n"
                                   "  <text>被推荐人注册成功，推荐人获得 3 元红包</text>\n</view>\n")
    repo.commit("invite rules")
    assert _sharing(repo, base) == {("sharing.induced_share", "pages/me/me.wxml", 4)}


def test_a_gain_growing_with_inviting_on_a_page_that_cannot_share_is_told_as_reward_text(tmp_path):
    repo, base = minimal_app(tmp_path / "repo")
    repo.write("pages/me/me.wxml", "<view>me</view>\n<view class=\"tip\">\n"
                                   "  <text>转发的人越多、来的人越多，你获得的成长值越高</text>\n</view>\n")
    repo.commit("how coins are earned")
    assert _sharing(repo, base) == {("sharing.share_reward_text", "pages/me/me.wxml", 3)}


def test_a_plain_share_an_invite_without_reward_and_rules_without_inviting_stay_silent_beside_a_told_page(tmp_path):
    """Only the page whose rules pay for the friend's order is told: the others share or invite for nothing, or pay
    for the user's own purchase."""
    repo, base = minimal_app(tmp_path / "repo", {
        "pages/index/index.js": "Page({ onShareAppMessage() { return { title: '一起来逛' } } })\n"})
    repo.write_files({
        "pages/index/index.wxml": "<view>home</view>\n<text>好友注册后可在列表查看</text>\n"
                                  "<button open-type=\"share\">分享给好友</button>\n",
        "pages/me/me.wxml": "<view>me</view>\n<text>首单满 50 元，您可获得优惠券</text>\n"
                            "<text>邀请好友注册下单吧！</text>\n<text>购买越多，获得的积分越多</text>\n",
        "pages/me/me.js": "Page({ onShareAppMessage() { return { title: '一起来逛' } } })\n",
        "pages/club/club.wxml": "<view>club</view>\n<text>好友注册并下单后，你可获得 10 积分</text>\n"
                                "<button open-type=\"share\">去邀请</button>\n",
        "pages/club/club.js": "Page({})\n"})
    repo.write("app.json", '{\n  "pages": ["pages/index/index", "pages/me/me", "pages/club/club"]\n}\n')
    repo.commit("pages")
    assert _sharing(repo, base) == {("sharing.induced_share", "pages/club/club.wxml", 2)}
