"""A game life or chance as the reward for sharing (R2018 3.2.1 诱导分享): a revival card, a draw or a quiz
attempt promised for a share (分享获得复活卡, 邀请好友获得一次抽奖机会, 分享即可复活) is told beside the share button
or at the share callback that pays it; a plain share button, a thank-you and 获得成就 wording stay silent."""

from __future__ import annotations

import pytest

from conftest import Repo, minimal_app
from helpers import run
from mp_precheck.readers.sharewords import share_credit
from mp_precheck.readers.textsignals import signals

RESULT = """<view class="result">
  <view class="score">{{score}}</view>
  <view class="banner">
    <view class="txt">WORDING</view>
    <button plain="true" class="share">分享</button>
  </view>
</view>
"""
PLAIN_HOOK = "Page({\n  data: { id: 0 },\n  onShareAppMessage() {\n    return { title: '答题', path: '/pages/index/index' }\n  }\n})\n"
PAYING_HOOK = """Page({
  data: { id: 0 },
  onShareAppMessage() {
    return {
      title: '答题',
      path: '/pages/index/index',
      success: () => {
        api.post('/game/revive', { id: this.data.id })
      }
    }
  }
})
"""


def _sharing(repo: Repo, base: str) -> set[tuple[str, str, int]]:
    return {(f.rule, f.path, f.line) for f in run(repo.path, base).findings if f.family == "sharing"}


def _result_page(tmp_path, before: str, wording: str, hook: str) -> set[tuple[str, str, int]]:
    """Sharing findings when the result page's banner goes from ``before`` to ``wording`` and its share hook
    becomes ``hook``."""
    repo, base = minimal_app(tmp_path / "repo", {"pages/result/result.wxml": RESULT.replace("WORDING", before),
                                                 "pages/result/result.js": PLAIN_HOOK})
    repo.write("pages/result/result.wxml", RESULT.replace("WORDING", wording))
    repo.write("pages/result/result.js", hook)
    repo.commit("revive by sharing")
    return _sharing(repo, base)


CHANCES = ["分享获得复活卡", "邀请好友获得一次抽奖机会", "分享即可复活", "转发给好友可增加答题次数"]
NO_CHANCE = ["分享给好友", "分享成功", "恭喜你获得成就", "分享你获得的成就"]


@pytest.mark.parametrize("wording", CHANCES)
def test_new_wording_promising_a_game_life_or_chance_for_a_share_fires_at_the_wording(tmp_path, wording):
    assert _result_page(tmp_path, "", wording, PLAIN_HOOK) == {("sharing.induced_share", "pages/result/result.wxml", 4)}


@pytest.mark.parametrize("wording", CHANCES)
def test_a_new_share_callback_paying_the_chance_a_page_promised_fires_at_its_call(tmp_path, wording):
    assert _result_page(tmp_path, wording, wording, PAYING_HOOK) == {
        ("sharing.induced_share", "pages/result/result.js", 8)}


@pytest.mark.parametrize("wording", NO_CHANCE)
def test_a_page_promising_no_chance_for_a_share_is_silent(tmp_path, wording):
    assert _result_page(tmp_path, "", wording, PAYING_HOOK) == set()


@pytest.mark.parametrize(("label", "fires"), [("分享复活", True), ("分享得提示卡", True), ("求复活", True),
                                              ("分享", False), ("分享给好友", False)])
def test_a_share_button_labelled_with_a_revival_fires_at_its_label(tmp_path, label, fires):
    page = "<view>\n  <text>{{score}}</text>\n</view>\n"
    repo, base = minimal_app(tmp_path / "repo", {"pages/result/result.wxml": page,
                                                 "pages/result/result.js": PLAIN_HOOK})
    repo.write("pages/result/result.wxml", page + f'<button open-type="share">{label}</button>\n')
    repo.commit("share button")
    expected = {("sharing.induced_share", "pages/result/result.wxml", 4)} if fires else set()
    assert _sharing(repo, base) == expected


@pytest.mark.parametrize(("text", "fires"), [
    ("分享获得复活卡", True), ("分享到群，获得额外一次复活机会", True), ("邀请好友获得免死金牌", True),
    ("分享领取加时卡", True), ("分享获得道具", True), ("转发给好友可增加答题次数", True), ("分享后即可复活一次", True),
    ("分享", False), ("分享给好友", False), ("分享成功", False), ("分享获得成就", False), ("分享卡片", False),
    ("转发获得精美卡片", False), ("分享复活节彩蛋", False), ("分享心得并打卡", False), ("邀请好友一起打卡", False),
    ("获得成就，分享给好友", False)])
def test_reward_wording_of_game_lives_and_chances(text, fires):
    assert ("share-inducement" in signals(text)) is fires


def test_a_share_callback_crediting_a_chance_is_a_reward_and_a_thank_you_is_not():
    assert share_credit().search("获得一次复活机会") and share_credit().search("复活成功")
    assert not share_credit().search("分享成功") and not share_credit().search("打卡成功")
