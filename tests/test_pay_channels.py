"""Payments through a channel other than WeChat Pay (payment.non_wechat_pay, checks/pay_channels.yml): a page that
asks the server for another channel's pay form or QR code, a request to such an endpoint, ``uni.requestPayment``
with another channel's provider, a cashier link. Each on a small real repository (native and uni-app), with what
must stay silent: other platforms' code, a status query, another platform's own payment, a wrapper whose callers
are told, server code, an existing call and WeChat Pay itself."""

from __future__ import annotations

from helpers import run
from mp_precheck.facts.presence import needles
from mp_precheck.readers.jsfacts import js_facts
from mp_precheck.readers.paychannels import SUBJECT, channels, check_pay_channels, words_of

RULE = "payment.non_wechat_pay"

# A native payment sheet: WeChat Pay, or a QR code of the other channel the server makes.
SHEET_JS = """const api = require('../../utils/api')
Component({
  methods: {
    async submit() {
      if (this.data.payType === 'wx') {
        const res = await api.wxPay(this.data.order)
        wx.requestPayment({ ...res.data })
        return
      }
      const res = await api.alipayQrcode(this.data.order)
      this.setData({ qrcode: res.data })
    },
  },
})
"""

UNI_BASE = {
    "manifest.json": '{"name": "shop", "mp-weixin": {"appid": "wx0123456789abcdef"}}\n',
    "pages.json": '{"pages": [{"path": "pages/index/index"}, {"path": "pages/pay/pay"}]}\n',
    "pages/index/index.vue": "<template><view>首页</view></template>\n",
    "pages/pay/pay.vue": "<template><view>支付</view></template>\n",
    "api/order.js": "export function payOrder(data) { return post('/order/pay', data) }\n",
}
# The order page of a uni-app shop: a balance payment, then the other channel's form from the server.
PAY_VUE = """<template>
  <view><button @click="pay">去支付</button><text>支付宝支付</text></view>
</template>
<script>
import { payOrder, alipayCheckout, syncAlipayStatus } from '@/api/order.js'
export default {
  methods: {
    async pay() {
      if (this.type === 'BALANCE') {
        await payOrder({ id: this.id })
        return
      }
      // #ifdef MP-WEIXIN
      const res = await alipayCheckout({ id: this.id })
      uni.setStorageSync('alipay_form', res.data)
      uni.navigateTo({ url: '/pages/pay/alipay-pay' })
      // #endif
      await syncAlipayStatus(this.id)
    },
  },
}
</script>
"""
API_JS = """export function payOrder(data) { return post('/order/pay', data) }
export function alipayCheckout(data) { return post('/pay/alipay', data) }
export function syncAlipayStatus(no) { return get(`/pay/alipay/status/${no}`) }
"""


def _hits(report):
    return {(f.path, f.line, f.scope) for f in report.findings if f.rule == RULE}


def _lines(source: str, path: str = "pages/pay/pay.js") -> list[int]:
    return [f.line for f in js_facts(source, path).facts if f.subject == SUBJECT]


def test_the_shipped_table_matches_its_schema():
    check_pay_channels()
    assert channels().named(words_of("alipayCheckout")) == "alipay"
    assert channels().named(words_of("unionPay")) == "unionpay"
    assert "aliPay" in needles(SUBJECT) and "qr.alipay.com" in needles(SUBJECT)


def test_a_native_sheet_offering_an_alipay_qr_code_is_told(app_repo):
    app_repo.write("utils/api.js", "module.exports = { wxPay() {}, alipayQrcode() {} }\n")
    base = app_repo.commit("api")
    app_repo.write("components/pay-sheet/index.js", SHEET_JS)
    app_repo.write("components/pay-sheet/index.json", '{"component": true}\n')
    app_repo.commit("a payment sheet")
    assert _hits(run(app_repo.path, base)) == {("components/pay-sheet/index.js", 10, "app")}


def test_a_second_page_calling_the_channel_is_a_new_call_site(app_repo):
    app_repo.write("utils/api.js", "module.exports = { alipayQrcode() {} }\n")
    app_repo.write("pages/index/index.js", "const api = require('../../utils/api')\n"
                                           "Page({ pay() { api.alipayQrcode({}) } })\n")
    base = app_repo.commit("the home page pays by QR code")
    app_repo.write("pages/me/me.js", "const api = require('../../utils/api')\n"
                                     "Page({ recharge() { api.alipayQrcode({ amount: 10 }) } })\n")
    app_repo.commit("recharge too")
    assert _hits(run(app_repo.path, base)) == {("pages/me/me.js", 2, "file")}


def test_an_existing_call_moved_nowhere_new_is_nothing(app_repo):
    app_repo.write("components/pay-sheet/index.js", SHEET_JS)
    app_repo.write("components/pay-sheet/index.json", '{"component": true}\n')
    base = app_repo.commit("a payment sheet")
    app_repo.write("components/pay-sheet/index.js", SHEET_JS.replace("this.setData", "// shown\n      this.setData"))
    app_repo.commit("a comment")
    assert _hits(run(app_repo.path, base)) == set()


def test_a_uni_app_page_asking_for_an_alipay_form_is_told_at_the_call(repo):
    repo.write_files(UNI_BASE)
    base = repo.commit("base")
    repo.write("pages/pay/pay.vue", PAY_VUE)
    repo.write("api/order.js", API_JS)
    repo.commit("alipay")
    assert _hits(run(repo.path, base)) == {("pages/pay/pay.vue", 14, "app")}


def test_the_same_call_under_another_platform_s_block_is_silent(repo):
    repo.write_files(UNI_BASE)
    base = repo.commit("base")
    for platform in ("#ifdef H5", "#ifdef APP-PLUS", "#ifdef MP-ALIPAY", "#ifndef MP-WEIXIN"):
        repo.write("pages/pay/pay.vue", PAY_VUE.replace("#ifdef MP-WEIXIN", platform))
        repo.write("api/order.js", API_JS)
        repo.commit(platform)
        assert _hits(run(repo.path, base)) == set(), platform


def test_server_code_taking_alipay_is_where_it_belongs(repo):
    repo.write_files(UNI_BASE)
    base = repo.commit("base")
    repo.write("uniCloud-aliyun/cloudfunctions/pay/index.js",
               "exports.main = async (event) => alipaySdk.exec('alipay.trade.precreate', event)\n"
               "const alipayPay = () => createAlipayOrder({})\nalipayPay()\n")
    repo.commit("server")
    assert _hits(run(repo.path, base)) == set()


def test_requests_and_providers_naming_the_channel():
    source = """Page({
  pay() {
    wx.request({ url: BASE + '/api/alipay/create', method: 'POST' })
    http.post(`${BASE}/unionpay/order`, {})
    this.qr = 'https://qr.alipay.com/bax01234'
  },
  order() { uni.requestPayment({ provider: 'alipay', orderInfo: this.order }) },
})
"""
    assert _lines(source) == [3, 4, 5, 7]


def test_look_alikes_start_no_payment():
    source = """Page({
  pay() {
    uni.requestPayment({ provider: 'wxpay', timeStamp: t, nonceStr: n, package: p, signType: 'MD5', paySign: s })
    wx.requestPayment({ timeStamp: t, nonceStr: n, package: p, signType: 'MD5', paySign: s })
    queryAlipayStatus(this.no)
    this.$api.createAlipayAppletOrder({})
    this.alipayForm.trim()
    this.selectAlipay()
    uni.navigateTo({ url: '/pages/pay/alipay?id=1' })
    uni.showToast({ title: '暂不支持支付宝支付' })
    uni.setStorageSync('alipay', 1)
    console.log('alipay', this.alipayForm)
  },
})
"""
    assert _lines(source) == []


def test_a_wrapper_is_told_at_its_callers_not_inside():
    module = """export function alipayTopUp(data) { return post('/recharge/alipay', data) }
api.alipayOrder = function (cnt, cb) { util.call(base + '/alipay/order', cnt, cb) }
export function createOrder(data) { return post('/alipay/create', data) }
"""
    assert _lines(module, "api/pay.js") == [3]
    page = """Page({
  alipay() { wx.request({ url: '/alipay/pay' }) },
  pay() { this.alipay() },
  tapped() { wx.request({ url: '/alipay/recharge' }) },
})
"""
    assert _lines(page) == [3, 4]


def test_a_form_submitted_through_the_dom_runs_in_h5_only():
    page = """const alipay = (html) => {
  box.innerHTML = html
  document.forms[0].submit()
}
const alipayQr = (url) => { qr.value = url }
export default { methods: { pay(res) {
  if (res.type === 'alipay') alipay(res.html)
  if (res.type === 'qr') alipayQr(res.url)
} } }
"""
    assert _lines(page, "pages/pay/pay.vue.js") == [8]


def test_an_order_paid_by_request_payment_is_judged_by_the_payment_rules():
    page = """Page({
  appletPay() {
    api.alipayOrder({}, (res) => { uni.requestPayment({ provider: res.provider, orderInfo: res.data }) })
  },
  async awaited() {
    const res = await api.alipayCreate({})
    uni.requestPayment({ provider: 'alipay', orderInfo: res.data })
  },
  async sheet(type) {
    if (type === 'wx') { const r = await api.wxPay(); wx.requestPayment({ ...r }) }
    else { await api.alipayQrcode({}) }
  },
})
"""
    assert _lines(page) == [7, 11]


def test_each_request_payment_is_judged_once_however_many_calls_the_file_makes(monkeypatch):
    import mp_precheck.readers.paychannels as paychannels

    judged = []
    real = paychannels.other_payment
    monkeypatch.setattr(paychannels, "other_payment", lambda call: judged.append(call) or real(call))
    page = "var alipay = 1\nPage({\n  onLoad() {\n" + "    wx.requestPayment({})\n" * 50 + "    pay()\n" * 50 + \
        "    api.alipayPay()\n  },\n})\n"
    assert _lines(page) == [104]
    assert len(judged) == 50  # once per requestPayment, not once per call and requestPayment


def test_deeply_nested_functions_are_searched_for_a_web_page_once(monkeypatch):
    import mp_precheck.readers.paychannels as paychannels

    searched = []
    real = paychannels._BROWSER
    monkeypatch.setattr(paychannels, "_BROWSER", type("Counting", (), {
        "search": staticmethod(lambda text: searched.append(text) or real.search(text))}))
    depth = 300
    page = "var alipay = 1;\n" + "(function(){document.x;\n" * depth + "alipayPay();\n" + "})()\n" * depth
    assert _lines(page) == [depth + 2]
    assert len(searched) == 1  # the functions share one name (none): one search, not one per nesting level


def test_a_name_of_the_channel_s_other_services_takes_no_money():
    source = """Page({
  onLoad() {
    const logger = require('./alipayMonitor.js')
    new AlipayNoticeService(this.tpl).subscribe()
    AlipayNoticeService(this.tpl)
    alipayLocate({ type: 'gcj02' })
    this.alipayUserProfile()
  },
})
"""
    assert _lines(source) == []


def test_a_name_that_leads_into_the_channel_s_payment_is_told():
    source = """Page({
  tapped() {
    goAlipay(this.order)
    this.startAliPay()
    alipay({ id: 1 })
    api.alipayH5Checkout(this.order)
    require('./alipay.js')
  },
})
"""
    assert _lines(source) == [3, 4, 5, 6]
    assert channels().started(words_of("alipayLocate")) is None
    assert channels().started(words_of("alipayQrcode")) == "alipay"
