"""A WeChat Pay Native link (扫码支付's ``code_url``) drawn as a QR code inside a Mini Program
(readers/nativepay.py): told as a payment through another channel than Mini Program payment. A link only kept or
logged, an invite code's QR, and a payment request paid with ``requestPayment`` stay silent."""

from __future__ import annotations

import pytest

from helpers import run
from mp_precheck.readers.jsfacts import js_facts
from mp_precheck.readers.paychannels import SUBJECT

RULE = "payment.non_wechat_pay"

# A recharge page: the server's answer carries the Native link, drawn on a canvas by a QR library.
RECHARGE = """import drawQrcode from 'weapp-qrcode'
Page({
  data: { amount: 50 },
  topUp() {
    wx.request({
      url: 'https://api.example.com/wallet/topup',
      method: 'POST',
      data: { amount: this.data.amount },
      success: (res) => {
        drawQrcode({ width: 200, height: 200, canvasId: 'payCode', text: res.data.code_url })
      },
    })
  },
})
"""
# A ticket page: an awaited payment request whose answer a method of the page draws as a QR code.
TICKET = """import QRCode from 'qrcode'
export default {
  methods: {
    paint(link) {
      const painter = new QRCode('ticket-canvas', { width: 180 })
      painter.makeCode(link)
    },
    async buy() {
      const ans = await this.$http.post('/api/wxpay/native', { ticket: this.ticketId })
      this.paint(ans.data.link)
    },
  },
}
"""


def _lines(source: str, path: str) -> list[int]:
    return [f.line for f in js_facts(source, path).facts if f.subject == SUBJECT]


def test_a_native_link_drawn_as_a_qr_code_is_told_at_the_drawing():
    assert _lines(RECHARGE, "pages/recharge/recharge.js") == [10]


def test_a_payment_requests_answer_a_method_draws_as_a_qr_code_is_told():
    assert _lines(TICKET, "src/pages/ticket/buy.js") == [9]


@pytest.mark.parametrize("source", [
    # the link only kept and logged
    RECHARGE.replace("drawQrcode({ width: 200, height: 200, canvasId: 'payCode', text: res.data.code_url })",
                     "this.setData({ link: res.data.code_url }); console.log(res.data.code_url)"),
    # a QR code of what no payment request answered: an invite code
    TICKET.replace("/api/wxpay/native", "/api/invite/code"),
    # the payment request's answer goes to Mini Program payment; the QR code shows the ticket afterwards
    TICKET.replace("      this.paint(ans.data.link)\n",
                   "      wx.requestPayment({ ...ans.data.params })\n      this.paint(ans.data.link)\n"),
    # a payment status query
    TICKET.replace("/api/wxpay/native", "/api/wxpay/status"),
])
def test_no_native_payment_where_no_pay_link_is_drawn(source):
    assert _lines(source, "src/pages/ticket/buy.js") == []


def test_a_page_starting_to_show_a_native_link_is_told_as_another_channel(app_repo):
    app_repo.write("pages/recharge/recharge.js", "Page({ data: { amount: 50 } })\n")
    base = app_repo.commit("base")
    app_repo.write("pages/recharge/recharge.js", RECHARGE)
    app_repo.commit("native pay")
    assert {(f.rule, f.path, f.line) for f in run(app_repo.path, base).findings if f.rule == RULE} == {
        (RULE, "pages/recharge/recharge.js", 10)}


def test_a_module_named_for_payment_is_no_payment_request():
    # a page loading its pay helper, and drawing a QR code of an order's field: no request answered it
    source = "const pay = require('../../utils/pay.js')\nimport drawQrcode from 'weapp-qrcode'\n" \
             "Page({ show(order) { drawQrcode({ canvasId: 'c', text: order.pickup }) } })\n"
    assert _lines(source, "pages/order/detail.js") == []
