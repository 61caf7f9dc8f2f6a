"""Induced sharing by means other than a share button: a poster the user is told to send on where the invite is paid,
a dialog's own promise of a reward for sharing to groups, and a help-me button a shared card opens made to send the
help."""

from __future__ import annotations

from conftest import Repo, minimal_app
from helpers import run
from mp_precheck.readers.dialogspans import dialog_of, dialog_spans
from mp_precheck.readers.helptaps import help_requests, help_taps
from mp_precheck.readers.textsignals import signals

EARNINGS = {"pages/index/index.wxml": "<view>home</view>\n<view class=\"earn\">推广佣金</view>\n"}
CARD = """<view class="card">
  <canvas canvas-id="card" style="width: 600rpx; height: 900rpx"></canvas>
  <text class="hint">保存图片后分享到朋友圈</text>
</view>
"""
CARD_PAGE = """<view class="head">我的名片</view>
<view class="body">
  <text>本月已有 {{count}} 人查看</text>
</view>
<share-card wx:if="{{showCard}}"></share-card>
"""


def _sharing(repo: Repo, base: str) -> set[tuple[str, str, int]]:
    return {(f.rule, f.path, f.line) for f in run(repo.path, base).findings if f.family == "sharing"}


def test_the_poster_signal_needs_a_forward_or_an_invite_name():
    assert "share-poster" in signals("点击下方海报，长按后发送给好友")
    assert "share-poster" in signals("推广海报", title=True)
    assert "share-poster" in signals("长按保存图片，分享至微信群", script=True)
    for plain in ("生成海报", "保存海报到相册", "快去分享给朋友吧", "分享海报"):
        assert "share-poster" not in signals(plain)


def test_a_component_poster_to_forward_in_an_app_paying_referral_commission_is_told_where_a_page_renders_it(
        tmp_path):
    repo, base = minimal_app(tmp_path / "repo", EARNINGS)
    repo.write_files({"components/share-card/share-card.wxml": CARD,
                      "components/share-card/share-card.js": "Component({})\n",
                      "components/share-card/share-card.json": '{"component": true}\n',
                      "pages/me/me.json": '{"usingComponents": {"share-card": "/components/share-card/share-card"}}\n',
                      "pages/me/me.wxml": CARD_PAGE})
    repo.commit("a card to save and send on")
    assert _sharing(repo, base) == {("sharing.induced_share", "pages/me/me.wxml", 5)}


def test_the_same_poster_in_an_app_that_pays_nothing_for_referrals_stays_silent(tmp_path):
    repo, base = minimal_app(tmp_path / "repo")
    repo.write_files({"pages/me/me.wxml": CARD, "pages/me/me.js": "Page({ data: { title: '推广海报' } })\n"})
    repo.commit("a product card to save and send on")
    assert _sharing(repo, base) == set()


def test_a_poster_on_a_page_paying_points_per_invitation_is_told_at_the_poster(tmp_path):
    repo, base = minimal_app(tmp_path / "repo")
    repo.write_files({"pages/me/me.wxml": "<view>每邀请一位好友注册可获得20积分</view>\n" + CARD})
    repo.commit("invite card")
    findings = _sharing(repo, base)
    assert ("sharing.share_reward_text", "pages/me/me.wxml", 1) not in findings
    assert ("sharing.induced_share", "pages/me/me.wxml", 1) in findings


def test_a_poster_the_page_showed_before_is_not_new(tmp_path):
    repo, base = minimal_app(tmp_path / "repo", {**EARNINGS, "pages/me/me.wxml": CARD})
    repo.write_files({"pages/me/me.wxml": CARD.replace("900rpx", "960rpx")})
    repo.commit("taller card")
    assert _sharing(repo, base) == set()


GROUP_PAGE = """<view class="grid">
  <view class="cell" bindtap="openGift">
    <text>分享领红包</text>
  </view>
</view>
<view class="gap"></view>
<view class="gap"></view>
<modal hidden="{{giftHidden}}" title="活动说明" no-cancel bindconfirm="closeGift">
  <view>{{words}}</view>
</modal>
"""
GROUP_SCRIPT = """Page({
  data: { giftHidden: true },
  openGift() { this.setData({ giftHidden: false }) },
  closeGift() { this.setData({ giftHidden: true }) },
  onShareAppMessage() { return { title: '一起来刷题', path: '/pages/me/me' } }
})
"""


def test_a_dialog_promising_cash_for_sharing_to_a_group_is_told_beside_the_tile_that_opens_it(tmp_path):
    repo, base = minimal_app(tmp_path / "repo")
    repo.write_files({"pages/me/me.wxml": GROUP_PAGE.replace("{{words}}", "转发本小程序到班级群后即可领取现金红包"),
                      "pages/me/me.js": GROUP_SCRIPT})
    repo.commit("share for cash")
    assert _sharing(repo, base) == {("sharing.induced_share", "pages/me/me.wxml", 3),
                                    ("sharing.induced_share", "pages/me/me.wxml", 9)}


def test_a_plain_dialog_and_the_same_promise_outside_a_dialog_add_nothing(tmp_path):
    repo, base = minimal_app(tmp_path / "plain")
    repo.write_files({"pages/me/me.wxml": GROUP_PAGE.replace("{{words}}", "把小程序分享给同学一起刷题吧"),
                      "pages/me/me.js": GROUP_SCRIPT})
    repo.commit("plain dialog")
    assert _sharing(repo, base) == {("sharing.induced_share", "pages/me/me.wxml", 3)}
    repo, base = minimal_app(tmp_path / "flat")
    repo.write_files({"pages/me/me.wxml": GROUP_PAGE.replace("<modal", "<view").replace("</modal>", "</view>")
                      .replace("{{words}}", "转发本小程序到班级群后即可领取现金红包"), "pages/me/me.js": GROUP_SCRIPT})
    repo.commit("one page, one promise")
    assert _sharing(repo, base) == {("sharing.induced_share", "pages/me/me.wxml", 3)}


def test_dialog_spans_of_a_template():
    spans = dialog_spans(GROUP_PAGE + "<van-popup show=\"{{a}}\">\n  <text>x</text>\n")
    assert spans == [(8, 10), (11, 13)]
    assert dialog_of(spans, 9) == (8, 10) and dialog_of(spans, 3) is None


ASSIST_MARKUP = """<view class="order">
  <image src="{{goods.cover}}"></image>
  <button class="assist" bindtap="onAssist">为TA助力</button>
  <button class="buy" bindtap="onBuy">立即购买</button>
</view>
"""
ASSIST_BEFORE = """Page({
  onAssist() {},
  onBuy() { wx.navigateTo({ url: '/pages/index/index' }) }
})
"""
ASSIST_AFTER = """Page({
  onAssist() {
    const payload = {
      op: 'assist',
      orderId: this.data.orderId
    }
    wx.request({ url: 'https://api.example.org/assist', method: 'POST', data: payload })
  },
  onBuy() { wx.navigateTo({ url: '/pages/index/index' }) }
})
"""
SHARER = """Page({
  onShareAppMessage() {
    return { title: '快来帮我', path: '/pages/assist/assist?orderId=' + this.data.id }
  }
})
"""
ASSIST_APP = '{\n  "pages": ["pages/index/index", "pages/me/me", "pages/assist/assist"]\n}\n'


def _assist_app(tmp_path, sharer: str, after: str) -> tuple[Repo, str]:
    repo, base = minimal_app(tmp_path, {"app.json": ASSIST_APP, "pages/me/me.js": sharer,
                                        "pages/assist/assist.wxml": ASSIST_MARKUP,
                                        "pages/assist/assist.js": ASSIST_BEFORE})
    repo.write_files({"pages/assist/assist.js": after})
    repo.commit("the help button sends the help")
    return repo, base


def test_a_help_button_a_shared_card_opens_newly_sending_the_help_is_told_at_what_it_sends(tmp_path):
    repo, base = _assist_app(tmp_path / "repo", SHARER, ASSIST_AFTER)
    assert _sharing(repo, base) == {("sharing.induced_share", "pages/assist/assist.js", 3)}


def test_the_help_page_no_share_opens_and_a_plain_button_sending_a_request_stay_silent(tmp_path):
    repo, base = _assist_app(tmp_path / "unshared", SHARER.replace("/pages/assist/assist", "/pages/index/index"),
                             ASSIST_AFTER)
    assert _sharing(repo, base) == set()
    repo, base = _assist_app(tmp_path / "buy", SHARER, ASSIST_BEFORE.replace(
        "onBuy() { wx.navigateTo({ url: '/pages/index/index' }) }",
        "onBuy() { wx.request({ url: 'https://api.example.org/buy', data: { id: 1 } }) }"))
    assert _sharing(repo, base) == set()


def test_help_taps_and_the_requests_they_send():
    assert help_taps(ASSIST_MARKUP) == [(3, "onAssist", "为TA助力")]
    assert help_taps(ASSIST_MARKUP.replace("为TA助力", "去助力")) == []
    assert help_requests(ASSIST_AFTER, "pages/assist/assist.js", "onAssist") == [(7, 3)]
    wrapped = ASSIST_AFTER.replace("data: payload", "data: Object.assign(payload)")
    assert help_requests(wrapped, "pages/assist/assist.js", "onAssist") == [(7, 3)]
    assert help_requests(ASSIST_BEFORE, "pages/assist/assist.js", "onAssist") == []
