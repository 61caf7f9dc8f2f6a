"""Tipping or donations a change offers, taken by a payment code shown to be scanned or by WeChat Pay
(analyzers/tipping.py, checks/tipping.yml: ``payment.tipping``): told at the new entry opening the page that shows the
code, at the page's own words, or at the page's new wx.requestPayment. A like, words in a comment, an account's QR
code to follow, a shop's checkout and wording the app already showed stay silent."""

from __future__ import annotations

import pytest

from helpers import run
from mp_precheck.readers.textsignals import signals
from mp_precheck.readers.tipwords import check_tipping, names_account_code, names_pay_code, names_qr_code, offers_tip

RULE = "payment.tipping"
APP_JSON = '{"pages": ["pages/index/index", "pages/me/me", "pages/thanks/thanks", "pages/shop/shop"]}\n'
ME_JS = "Page({\n  openThanks() {\n    wx.navigateTo({ url: '../thanks/thanks' })\n  },\n})\n"
THANKS_WXML = '<view class="card">\n  <image class="code" src="{{codeUrl}}" bindtap="zoom"></image>\n</view>\n'
THANKS_JS = """Page({
  data: { codeUrl: 'https://img.example.org/u/7/wx-pay-code.jpg' },
  zoom() { wx.previewImage({ urls: [this.data.codeUrl] }) },
})
"""


def _menu(*labels: str) -> str:
    rows = "".join(f'  <view class="row" bindtap="{handler}">\n    <text>{label}</text>\n  </view>\n'
                   for handler, label in labels)
    return f'<view class="menu">\n{rows}</view>\n'


def _told(report) -> set[tuple[str, int]]:
    return {(f.path, f.line) for f in report.findings if f.rule == RULE}


def test_a_new_entry_offering_tips_that_opens_a_page_showing_a_pay_code_is_told_at_the_entry(app_repo):
    app_repo.write_files({"app.json": APP_JSON,
                          "pages/me/me.wxml": _menu(("openSettings", "设置"), ("openThanks", "赞赏开发者")),
                          "pages/me/me.js": ME_JS, "pages/thanks/thanks.wxml": THANKS_WXML,
                          "pages/thanks/thanks.js": THANKS_JS})
    app_repo.commit("a page to thank the developer")
    report = run(app_repo.path, "HEAD~1")
    assert _told(report) == {("pages/me/me.wxml", 6)}
    (finding,) = [f for f in report.findings if f.rule == RULE]
    assert finding.family == "payment" and finding.scope == "app" and "wx-pay-code.jpg" in (finding.value or "")


def test_a_page_offering_tips_beside_a_qr_code_it_previews_is_told_at_its_words_and_a_like_is_not(app_repo):
    app_repo.write_files({
        "app.json": APP_JSON,
        # the tip page: its own words, a QR code the user previews to scan (named as a QR code, no pay word)
        "pages/thanks/thanks.wxml": '<view>\n  <view class="title">Buy me a coffee</view>\n'
                                    '  <image src="/static/my-qrcode.png" bindtap="zoom"></image>\n</view>\n',
        "pages/thanks/thanks.js": "Page({ zoom() { wx.previewImage({ urls: ['/static/my-qrcode.png'] }) } })\n",
        # a post page: a like toggle (点赞, 赞) and a photo the user previews: no tip offered
        "pages/index/index.wxml": '<view>\n  <view bindtap="like">点赞 {{likes}}</view>\n  <text>赞</text>\n'
                                  '  <image src="/static/cover.png" bindtap="zoom"></image>\n</view>\n',
        "pages/index/index.js": "Page({ like() {}, zoom() { wx.previewImage({ urls: ['/static/cover.png'] }) } })\n"})
    app_repo.commit("likes and a coffee")
    assert _told(run(app_repo.path, "HEAD~1")) == {("pages/thanks/thanks.wxml", 2)}


def test_a_page_taking_donations_with_wechat_pay_is_told_at_its_new_payment_and_a_checkout_is_not(app_repo):
    give_js = """Page({
  give() {
    wx.request({ url: 'https://api.example.org/give', success: (res) => {
      wx.requestPayment({ ...res.data, success: () => wx.showToast({ title: 'ok' }) })
    } })
  },
})
"""
    shop_js = give_js.replace("/give", "/order").replace("give()", "buy()")
    app_repo.write_files({"app.json": APP_JSON,
                          "pages/thanks/thanks.wxml": '<view>\n  <text>捐助我们，维持服务器运转</text>\n'
                                                      '  <button bindtap="give">10 元</button>\n</view>\n',
                          "pages/thanks/thanks.js": give_js,
                          "pages/shop/shop.wxml": '<view>\n  <button bindtap="buy">确认支付</button>\n</view>\n',
                          "pages/shop/shop.js": shop_js})
    app_repo.commit("donations and a shop")
    report = run(app_repo.path, "HEAD~1")
    assert _told(report) == {("pages/thanks/thanks.js", 4)}
    assert {(f.path, f.line) for f in report.findings if f.rule == "payment.request_payment"} == {
        ("pages/thanks/thanks.js", 4), ("pages/shop/shop.js", 4)}


def test_words_in_a_comment_and_an_accounts_code_to_follow_stay_silent(app_repo):
    app_repo.write_files({
        "app.json": APP_JSON,
        "README.md": "# demo\n\n打赏作者：扫描 images/pay-code.png\n",
        # the pay code is shown, but the only tip words are in a comment
        "pages/shop/shop.wxml": '<view>\n  <!-- 打赏作者 -->\n  <image src="/images/pay-code.png"></image>\n</view>\n',
        "pages/shop/shop.js": "Page({})\n",
        # the words are there, but the code the user long-presses is the Official Account's
        "pages/me/me.wxml": '<view>\n  <text>赞赏请先关注公众号</text>\n'
                            '  <image src="/images/gzh_qrcode.jpg" show-menu-by-longpress></image>\n</view>\n',
        # the positive control: a donation page showing its 收款码
        "pages/thanks/thanks.wxml": '<view>\n  <text>捐赠</text>\n  <image src="/images/收款码.png"></image>\n</view>\n',
        "pages/thanks/thanks.js": "Page({})\n"})
    app_repo.commit("codes")
    assert _told(run(app_repo.path, "HEAD~1")) == {("pages/thanks/thanks.wxml", 2)}


def test_wording_the_app_already_showed_stays_silent_where_new_wording_is_told(app_repo):
    app_repo.write_files({"app.json": APP_JSON,
                          "pages/me/me.wxml": _menu(("openThanks", "赞赏开发者")), "pages/me/me.js": ME_JS,
                          "pages/thanks/thanks.wxml": '<view>\n  <text>谢谢</text>\n</view>\n',
                          "pages/thanks/thanks.js": "Page({})\n"})
    base = app_repo.commit("an empty thanks page")
    # the entry moves down the menu (its words were there), the page starts showing the pay code
    app_repo.write_files({"pages/me/me.wxml": _menu(("openSettings", "设置"), ("openThanks", "赞赏开发者")),
                          "pages/thanks/thanks.wxml": THANKS_WXML, "pages/thanks/thanks.js": THANKS_JS})
    app_repo.commit("show the code")
    assert _told(run(app_repo.path, base)) == set()
    # new words on the page: told there, the app having offered tips before
    app_repo.write("pages/thanks/thanks.wxml", THANKS_WXML.replace("</view>\n", "  <text>请作者喝杯咖啡</text>\n</view>\n"))
    app_repo.commit("say it")
    report = run(app_repo.path, "HEAD~1")
    assert _told(report) == {("pages/thanks/thanks.wxml", 3)}
    assert {f.scope for f in report.findings if f.rule == RULE} == {"file"}


def test_the_table_and_what_it_tells():
    check_tipping()
    assert all(offers_tip(t) for t in ("赞助打赏", "请作者喝杯咖啡", "捐款", "Donate", "Buy me a coffee!"))
    assert not any(offers_tip(t) for t in ("点赞", "赞", "赞助商名单", "/pages/donation/index", "donate_btn"))
    assert "tip-offer" in signals("赞助打赏") and "tip-offer" not in signals("第五条 用户不得打赏")
    assert names_pay_code("https://cdn.example.org/a/PayCode.JPG?v=2") and names_pay_code("/img/zanshangma.png")
    assert names_pay_code("/img/收款码.png") and not names_pay_code("/img/pay_map.png")
    assert not names_pay_code("/img/paycode-gzh.png") and names_account_code("/img/gzh_qrcode.jpg")
    assert names_qr_code("/img/myQrcode.png") and not names_qr_code("/img/kefu-qr.png")


@pytest.mark.parametrize("label", ["赞助商", "点赞"])
def test_a_sponsor_named_or_a_like_opening_the_code_page_stays_silent(app_repo, label):
    app_repo.write_files({"app.json": APP_JSON,
                          "pages/me/me.wxml": _menu(("openThanks", label), ("openThanks", "打赏")),
                          "pages/me/me.js": ME_JS, "pages/thanks/thanks.wxml": THANKS_WXML,
                          "pages/thanks/thanks.js": THANKS_JS})
    app_repo.commit("entries")
    assert _told(run(app_repo.path, "HEAD~1")) == {("pages/me/me.wxml", 6)}
