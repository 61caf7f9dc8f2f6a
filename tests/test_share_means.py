"""Induced sharing through the app's own means of sharing: a share-target panel (微信好友 / 朋友圈 / QQ) on a page
promising rewards for inviting, and a QR code carrying the user's invite code in an app that pays for referrals."""

from __future__ import annotations

from conftest import Repo, minimal_app
from helpers import run
from mp_precheck.readers.sharemeans import names_share_targets, panel_line, qr_call_lines

REWARD_PAGE = """<view class="rules">
  <view class="title">邀请奖励</view>
  <view class="rule">每邀请一位新用户注册，你可获得50积分</view>
</view>
<view class="banner">
  <image src="/img/banner.png"></image>
</view>
<view class="invite-btn" bindtap="openSheet">立即邀请</view>
<view class="gap"></view>
<view class="gap"></view>
<view wx:if="{{sheetOpen}}" class="share-sheet">
  <view wx:for="{{targets}}" wx:key="name" class="target">
    <image src="{{item.icon}}"></image>
    <view>{{item.name}}</view>
  </view>
</view>
"""
REWARD_SCRIPT = """Page({
  data: {
    sheetOpen: false,
    targets: [{ name: '微信好友', icon: '/img/a.png' }, { name: '朋友圈', icon: '/img/b.png' },
              { name: 'QQ', icon: '/img/c.png' }]
  },
  openSheet() { this.setData({ sheetOpen: true }) }
})
"""
UNI_APP = {"pages.json": '{"pages": [{"path": "pages/index/index"}]}\n', "manifest.json": '{"mp-weixin": {}}\n',
           "pages/index/index.vue": "<template><view>home</view></template>\n"}
PROMO = """<template>
  <view class="promo">
    <text class="code">我的邀请码: {{ code }}</text>
    <tki-qrcode :val="link" :size="200"></tki-qrcode>
    <text>扫码加入</text>
  </view>
</template>
<script>
export default {
  data() { return { code: '', link: '' } },
  mounted() { this.code = uni.getStorageSync('inviteCode'); this.link = 'https://example.org/join?c=' + this.code }
}
</script>
"""


def _sharing(repo: Repo, base: str) -> set[tuple[str, str, int]]:
    return {(f.rule, f.path, f.line) for f in run(repo.path, base).findings if f.family == "sharing"}


def test_a_new_share_panel_on_a_page_promising_points_for_invitations_is_told_at_the_panel(tmp_path):
    repo, base = minimal_app(tmp_path / "repo")
    repo.write_files({"pages/me/me.wxml": REWARD_PAGE, "pages/me/me.js": REWARD_SCRIPT})
    repo.commit("invite page with a share sheet")
    assert _sharing(repo, base) == {("sharing.induced_share", "pages/me/me.wxml", 11)}


def test_the_same_panel_without_reward_wording_or_the_wording_without_a_panel(tmp_path):
    repo, base = minimal_app(tmp_path / "plain")
    repo.write_files({"pages/me/me.wxml": REWARD_PAGE.replace("邀请奖励", "邀请好友").replace(
        "每邀请一位新用户注册，你可获得50积分", "一起来用吧"), "pages/me/me.js": REWARD_SCRIPT})
    repo.commit("plain share sheet")
    assert _sharing(repo, base) == set()
    repo, base = minimal_app(tmp_path / "text")
    repo.write_files({"pages/me/me.wxml": REWARD_PAGE, "pages/me/me.js": REWARD_SCRIPT.replace("'朋友圈'", "'相册'")
                      .replace("'QQ'", "'文件'")})
    repo.commit("reward wording, no share sheet")
    assert _sharing(repo, base) == {("sharing.share_reward_text", "pages/me/me.wxml", 2)}


def test_an_invite_qr_code_in_an_app_paying_referral_commission_is_told_at_the_code(tmp_path):
    repo = Repo(tmp_path / "repo")
    repo.write_files({**UNI_APP, "components/earnings.vue": "<template><text>推广佣金</text></template>\n"})
    base = repo.commit("base")
    repo.write("components/promo-card/promo-card.vue", PROMO)  # an easycom place: <promo-card> needs no import
    repo.write("pages/index/index.vue", "<template><view><promo-card /></view></template>\n")  # rendered: ships
    repo.commit("promotion card")
    assert _sharing(repo, base) == {("sharing.induced_share", "components/promo-card/promo-card.vue", 4)}


def test_an_invite_qr_code_in_an_app_paying_nothing_for_referrals_is_silent(tmp_path):
    repo = Repo(tmp_path / "repo")
    repo.write_files({**UNI_APP, "components/earnings.vue": "<template><text>我的订单</text></template>\n"})
    base = repo.commit("base")
    repo.write("components/promo-card/promo-card.vue", PROMO)  # an easycom place: <promo-card> needs no import
    repo.write("pages/index/index.vue", "<template><view><promo-card /></view></template>\n")  # rendered: ships
    repo.commit("course invitation card")
    assert _sharing(repo, base) == set()


def test_a_qr_code_drawn_by_a_script_with_no_invite_code_is_silent_in_a_paying_app(tmp_path):
    repo, base = minimal_app(tmp_path / "repo", {"pages/index/index.wxml": "<view>我的佣金</view>\n"})
    repo.write_files({"pages/me/me.wxml": '<canvas canvas-id="qr"></canvas>\n',
                      "pages/me/me.js": "import drawQrcode from '../../utils/qr'\n"
                                        "Page({ onLoad() { drawQrcode({ canvasId: 'qr', text: this.data.seat }) } })\n"})
    repo.commit("seat code")
    assert _sharing(repo, base) == set()


def test_panels_and_qr_calls_are_read_from_whole_labels_and_calls():
    assert names_share_targets(["name: '微信好友'", "name: \"微博\""])
    assert not names_share_targets(["<view>保存到相册，转发到朋友圈和微信群</view>"])  # prose names no panel
    assert not names_share_targets(["<view>QQ</view><view>微博</view>"])  # no WeChat target
    page = '<template>\n  <view>\n    <view>微信好友</view>\n    <view>朋友圈</view>\n  </view>\n</template>\n'
    assert panel_line(page, [page]) == 3
    script = "<template><canvas/></template>\n<script>\nnew QRCode(el, url)\nconst onQrcodeDone = () => 1\n</script>\n"
    assert qr_call_lines(script, "pages/me/me.vue") == [3]
    # read from the parse tree: a QR name in a comment or a string is no call; a WXML template has no script
    quiet = "// drawQrcode(el) runs on the server\nconst tip = 'qr(code) below'\nuQRCode.make({ text: url })\n"
    assert qr_call_lines(quiet, "pages/me/me.js") == [3]
    assert qr_call_lines('<canvas bindtap="qr(1)"/>\n', "pages/me/me.wxml") == []


def test_a_qr_code_a_page_script_draws_with_the_invite_code_is_told_at_the_call(tmp_path):
    repo, base = minimal_app(tmp_path / "repo", {"pages/index/index.wxml": "<view>我的佣金</view>\n"})
    repo.write_files({"pages/me/me.wxml": '<canvas canvas-id="qr"></canvas>\n',
                      "pages/me/me.js": "import drawQrcode from '../../utils/qr'\n"
                                        "Page({ onLoad() {\n"
                                        "  drawQrcode({ canvasId: 'qr', text: 'https://example.org/?inviteCode=' + this.data.code })\n"
                                        "} })\n"})
    repo.commit("promotion code")
    assert _sharing(repo, base) == {("sharing.induced_share", "pages/me/me.js", 3)}
