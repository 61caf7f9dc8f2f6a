"""Rewards for inviting or sharing (checks/share_rewards.yml): an in-app currency, points or a gift promised
for inviting friends through a share button or a share card is induced sharing; plain invite and share
wording stays silent, and the shipped table matches its schema."""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import Repo, minimal_app
from helpers import run
from mp_precheck.core.resources import data_dir
from mp_precheck.readers.sharewords import ShareRewardDataError, check_share_rewards, share_reward

HOME_JS = """Page({
  onShareAppMessage() {
    return { title: '一起来走路', path: '/pages/home/index?inviter_id=' + wx.getStorageSync('uid') }
  }
})
"""
HOME = """<view class="steps">
  <view class="tv">步数金币：{{coin}}</view>
  BUTTON
  <text class="explain">金币可兑换包邮商品</text>
</view>
"""
GIFT = """<view class="gift">
  <image src="/images/gift.png"/>
  <button type="primary" open-type="share">LABEL</button>
</view>
"""
GIFT_JS = """Page({
  onShareAppMessage() {
    return {
      title: 'TITLE',
      path: '/pages/gift/gift'
    }
  }
})
"""


def _sharing(repo: Repo, base: str) -> set[tuple[str, str, int]]:
    return {(f.rule, f.path, f.line) for f in run(repo.path, base).findings if f.family == "sharing"}


def _share_button_labelled(tmp_path, label: str) -> set[tuple[str, str, int]]:
    """Sharing findings when the home page's plain 邀请好友 button becomes a share button labelled ``label``."""
    repo, base = minimal_app(tmp_path / "repo", {
        "pages/home/index.wxml": HOME.replace("BUTTON", '<button class="invite">邀请好友</button>'),
        "pages/home/index.js": "Page({})\n"})
    repo.write("pages/home/index.wxml", HOME.replace("BUTTON", f'<button class="invite" open-type="share">{label}</button>'))
    repo.write("pages/home/index.js", HOME_JS)
    repo.commit("share button")
    return _sharing(repo, base)


@pytest.mark.parametrize("label", ["邀请好友得10金币", "每邀请成功一位新用户，可获得 5 星光币", "分享好友即可获赠",
                                   "邀请好友\n    +2000", "分享再抽一次"])
def test_a_share_button_promising_coins_or_a_gift_fires_at_its_label(tmp_path, label):
    assert _share_button_labelled(tmp_path, label) == {("sharing.induced_share", "pages/home/index.wxml", 3)}


def test_a_reward_label_made_a_share_button_with_its_card_is_told_once_at_the_label(tmp_path):
    """The plain button already promised a reward; the change makes it a share button and adds the share card:
    the button beside its label is the promise, and its card the same act (one finding, at the label)."""
    repo, base = minimal_app(tmp_path / "repo", {
        "pages/home/index.wxml": HOME.replace("BUTTON", '<button class="invite">邀请好友得10点包邮能量</button>'),
        "pages/home/index.js": "Page({})\n"})
    repo.write("pages/home/index.wxml", HOME.replace("BUTTON", '<button open-type="share">邀请好友得10金币</button>'))
    repo.write("pages/home/index.js", HOME_JS)
    repo.commit("share button")
    assert _sharing(repo, base) == {("sharing.induced_share", "pages/home/index.wxml", 3)}


@pytest.mark.parametrize("label", ["邀请好友", "邀请好友一起走路", "分享给好友", "分享 12", "转发给好友/群"])
def test_a_plain_invite_or_share_button_stays_silent(tmp_path, label):
    assert _share_button_labelled(tmp_path, label) == set()


def test_a_share_card_pleading_for_a_gift_fires_at_its_title(tmp_path):
    repo, base = minimal_app(tmp_path / "repo", {"pages/gift/gift.wxml": GIFT.replace("LABEL", "分享好友"),
                                                 "pages/gift/gift.js": GIFT_JS.replace("TITLE", "精选好物")})
    repo.write("pages/gift/gift.js", GIFT_JS.replace("TITLE", "帮帮我！我想要这个赠品"))
    repo.commit("share card")
    assert _sharing(repo, base) == {("sharing.induced_share", "pages/gift/gift.js", 4)}


def test_a_share_card_asking_for_help_without_a_gain_stays_silent(tmp_path):
    repo, base = minimal_app(tmp_path / "repo", {"pages/gift/gift.wxml": GIFT.replace("LABEL", "分享好友"),
                                                 "pages/gift/gift.js": GIFT_JS.replace("TITLE", "精选好物")})
    repo.write("pages/gift/gift.js", GIFT_JS.replace("TITLE", "帮帮我！这道题怎么做"))
    repo.commit("share card")
    assert _sharing(repo, base) == set()


@pytest.mark.parametrize(("text", "fires"), [
    ("邀请好友得10金币", True), ("分享后送你一张优惠券", True), ("邀请好友得10点包邮能量", True),
    ("转发至新用户打开后即可获取 1000 能量", True), ("邀好友购买  得现金", True), ("分享立享109元购买", True),
    ("分享后立减 5 元", True), ("通过购买、签到、邀请新用户、看广告等途径获取能量", False), ("分享立享会员特权", False),
    ("分享商品 ¥109", False), ("我的金币", False), ("邀请码", False), ("转发给朋友", False)])
def test_the_table_pattern(text, fires):
    assert bool(share_reward().search(text)) is fires


def test_shipped_table_matches_its_schema_and_a_broken_one_is_named(tmp_path, monkeypatch):
    check_share_rewards()
    shutil.copytree(data_dir("checks"), tmp_path / "checks")
    (tmp_path / "checks" / "share_rewards.yml").write_text("acts: 1\n", encoding="utf-8")
    monkeypatch.setattr("mp_precheck.readers.sharewords.data_dir", lambda name: tmp_path / name)
    with pytest.raises(ShareRewardDataError, match=r"^share_rewards\.yml: "):
        check_share_rewards()


DIALOG_USER = """<view class="balance">
  <text>余额：{{coins}} 星光币</text>
  <text>每邀请成功一位新用户，可获得 5 星光币</text>
  <TAG title="星光币不足" confirmText="邀请用户"/>
</view>
"""
DIALOG = '<view class="dialog">\n  <text>{{title}}</text>\n  <button bindtap="confirm">{{confirmText}}</button>\n</view>\n'


@pytest.mark.parametrize(("component", "tag"), [("components/coin-dialog/coin-dialog", "coin-dialog"),
                                                ("components/coin-dialog/index", "coin-dialog")])
def test_a_dialog_gets_a_share_button_where_its_user_promises_coins_for_invites(tmp_path, component, tag):
    repo, base = minimal_app(tmp_path / "repo", {
        "pages/me/me.json": json.dumps({"usingComponents": {tag: f"/{component}"}}),
        "pages/me/me.wxml": DIALOG_USER.replace("TAG", "view"),
        f"{component}.wxml": DIALOG, f"{component}.js": "Component({})\n", f"{component}.json": '{"component": true}\n'})
    repo.write("pages/me/me.wxml", DIALOG_USER.replace("TAG", tag))
    repo.write(f"{component}.wxml", DIALOG.replace('bindtap="confirm"', 'open-type="share"'))
    repo.commit("share from the dialog")
    assert _sharing(repo, base) == {("sharing.induced_share", f"{component}.wxml", 3)}


def test_a_dialog_share_button_whose_user_promises_nothing_stays_silent(tmp_path):
    component = "components/coin-dialog/coin-dialog"
    repo, base = minimal_app(tmp_path / "repo", {
        "pages/me/me.json": json.dumps({"usingComponents": {"coin-dialog": f"/{component}"}}),
        "pages/me/me.wxml": "<view>\n  <view/>\n</view>\n",
        f"{component}.wxml": DIALOG, f"{component}.js": "Component({})\n", f"{component}.json": '{"component": true}\n'})
    repo.write("pages/me/me.wxml", "<view>\n  <text>邀请好友一起记步</text>\n  <coin-dialog/>\n</view>\n")
    repo.write(f"{component}.wxml", DIALOG.replace('bindtap="confirm"', 'open-type="share"'))
    repo.commit("share from the dialog")
    assert _sharing(repo, base) == set()


BUY_BAR = """<view class="buy">
  <view class="btn" bindtap="pay">129元购买</view>
  <view class="btn" bindtap="sharePay">WORDING
    BUTTON
  </view>
</view>
"""


@pytest.mark.parametrize(("wording", "found"), [
    ("分享立享109元购买", {("sharing.induced_share", "pages/detail/detail.wxml", 3)}), ("分享给好友", set())])
def test_an_invisible_share_button_inside_a_price_unlocked_by_sharing(tmp_path, wording, found):
    repo, base = minimal_app(tmp_path / "repo", {"pages/detail/detail.wxml": "<view/>\n",
                                                 "pages/detail/detail.js": HOME_JS})
    repo.write("pages/detail/detail.wxml",
               BUY_BAR.replace("WORDING", wording).replace("BUTTON", '<button class="cover" open-type="share"></button>'))
    repo.commit("share to buy")
    assert _sharing(repo, base) == found


RULES = """<view class="rules">
  <view>能量可以通过购买、签到、邀请新用户、看广告等途径获取</view>
  <view>邀请新用户</view>
  <view>点击【邀请好友】转发至新用户打开后即可获取 1000 能量</view>
</view>
"""


def test_a_rules_page_promising_energy_for_forwarding_is_told_at_that_rule(tmp_path):
    repo, base = minimal_app(tmp_path / "repo", {"pages/me/me.wxml": "<view/>\n"})
    repo.write("pages/me/me.wxml", RULES)
    repo.commit("rules")
    assert _sharing(repo, base) == {("sharing.share_reward_text", "pages/me/me.wxml", 4)}


def test_a_rules_page_listing_invites_among_ways_to_earn_stays_silent(tmp_path):
    repo, base = minimal_app(tmp_path / "repo", {"pages/me/me.wxml": "<view/>\n"})
    repo.write("pages/me/me.wxml", RULES.replace("  <view>点击【邀请好友】转发至新用户打开后即可获取 1000 能量</view>\n", ""))
    repo.commit("rules")
    assert _sharing(repo, base) == set()


@pytest.mark.parametrize("label", ["继续砍", "找人助力"])
def test_a_share_button_labelled_with_a_cut_or_help_fires_at_its_label(tmp_path, label):
    assert _share_button_labelled(tmp_path, label) == {("sharing.induced_share", "pages/home/index.wxml", 3)}


@pytest.mark.parametrize("label", ["继续砍", "找人助力"])
def test_a_cut_or_help_label_on_a_plain_button_stays_silent(tmp_path, label):
    repo, base = minimal_app(tmp_path / "repo", {"pages/home/index.wxml": HOME.replace("BUTTON", "<view/>"),
                                                 "pages/home/index.js": "Page({})\n"})
    repo.write("pages/home/index.wxml", HOME.replace("BUTTON", f'<button bindtap="cut">{label}</button>'))
    repo.write("pages/home/index.js", "Page({ cut() {} })\n")
    repo.commit("cut button")
    assert _sharing(repo, base) == set()


def test_a_gain_label_taken_off_a_share_button_does_not_offset_new_wording(tmp_path):
    """The 继续砍 share button becomes a plain one opening a popup whose new share button comes with new wording
    (分享给好友助您砍价): the label that left is no offset for the wording that came (a signal of its own)."""
    popup = ('<view wx:if="{{popup}}">\n  <text>您还可以分享给您的好友助您砍价哦！</text>\n'
             '  <button open-type="share">确认</button>\n</view>\n')
    repo, base = minimal_app(tmp_path / "repo", {
        "pages/home/index.wxml": HOME.replace("BUTTON", '<button open-type="share">继续砍</button>'),
        "pages/home/index.js": HOME_JS})
    repo.write("pages/home/index.wxml", HOME.replace("BUTTON", '<button bindtap="open">继续砍</button>') + popup)
    repo.write("pages/home/index.js", HOME_JS.replace("Page({", "Page({\n  open() { this.setData({ popup: true }) },"))
    repo.commit("popup")
    assert _sharing(repo, base) == {("sharing.induced_share", "pages/home/index.wxml", 7)}
