"""A requestPayment passed an ``orderInfo`` order: the WeChat build's payment where it is the app's only one and no
code marks it as another platform's; silent beside a WeChat-shaped payment or where the code names another
platform (a function, an order request's callback, a branch)."""

from __future__ import annotations

import pytest

from analyzer_context import facts_of, finding, project_context
from helpers import places, run
from mp_precheck.analyzers import order_payments
from mp_precheck.readers.orderpay import ORDER_PAYMENT

BASE = {
    "manifest.json": '{"name": "mall", "mp-weixin": {"appid": "wx00112233445566aa"}}\n',
    "pages.json": '{"pages": [{"path": "pages/home/home"}, {"path": "pages/checkout/checkout"}]}\n',
    "pages/home/home.vue": "<template><view>商城</view></template>\n",
    "pages/checkout/checkout.vue": "<template><view>结算</view></template>\n",
}
# A helper the change adds: the provider and the order both come from the caller.
HELPER = """export function startPay(opts, done) {
  uni.requestPayment({
    provider: opts.provider,
    orderInfo: opts.order,
    success: (res) => done(res),
    fail: (err) => done(err)
  })
}
"""
CHECKOUT = """<template>
  <view><button @click="submit">去付款</button></view>
</template>
<script>
import { startPay } from '../../common/paying.js'
import http from '../../common/http.js'
export default {
  data() {
    return { ways: [{ name: '微信', provider: 'wxpay' }, { name: '支付宝', provider: 'alipay' }], picked: 0 }
  },
  methods: {
    async submit() {
      const order = await http.post('/trade/prepare', { sn: this.sn })
      startPay({ provider: this.ways[this.picked].provider, order: order }, () => {})
    }
  }
}
</script>
"""
# A WeChat-shaped payment the base app already makes on another page.
WECHAT_PAY = """<template><view>会员</view></template>
<script>
export default {
  methods: {
    renew(p) {
      uni.requestPayment({ timeStamp: p.ts, nonceStr: p.nonce, package: p.pkg, signType: 'RSA', paySign: p.sign })
    }
  }
}
</script>
"""


def _change(repo, extra_base: dict[str, str] | None = None) -> str:
    repo.write_files({**BASE, **(extra_base or {})})
    base = repo.commit()
    repo.write_files({"common/paying.js": HELPER, "pages/checkout/checkout.vue": CHECKOUT})
    repo.commit()
    return base


def test_the_apps_only_payment_is_told_though_its_order_is_order_info(repo):
    report = run(repo.path, _change(repo))
    assert ("payment.request_payment", "common/paying.js", 2) in places(report, "payment")
    told = [f for f in report.findings if f.rule == "payment.request_payment" and f.path == "common/paying.js"]
    assert "timeStamp" in told[0].fix and "orderInfo" in told[0].fix


def test_an_order_info_payment_beside_a_wechat_shaped_one_is_silent(repo):
    extra = {"pages/vip/vip.vue": WECHAT_PAY,
             "pages.json": BASE["pages.json"].replace("]}", ', {"path": "pages/vip/vip"}]}')}
    assert not places(run(repo.path, _change(repo, extra)), "payment")


def _payment_subjects(script: str) -> list[str]:
    context = project_context({"common/pay.js": script})
    return [f.subject for f in facts_of(context, "common/pay.js").facts if f.subject.startswith("wx.requestPayment")]


@pytest.mark.parametrize("script", [
    # A function named after the App or another channel.
    "export function appPay(o) {\n  uni.requestPayment({ provider: o.p, orderInfo: o.info })\n}\n",
    "export const toutiaoPay = (o) => uni.requestPayment({ orderInfo: o })\n",
    # The callback of an order request naming another channel.
    "export function pay(o) {\n  api.createAlipayOrder(o).then((r) => uni.requestPayment({ orderInfo: r }))\n}\n",
    # A branch taken for another platform, or the else of WeChat's.
    "export function pay(o) {\n  if (o.channel === 'alipay') {\n    uni.requestPayment({ orderInfo: o.info })\n  }\n}\n",
    "export function pay(o) {\n  if (this.isApp) uni.requestPayment({ orderInfo: o })\n}\n",
    "export function pay(o) {\n  if (o.way === 'wxpay') {\n    uni.requestPayment({ package: o.pkg, paySign: o.sign })\n"
    "  } else {\n    uni.requestPayment({ orderInfo: o.info })\n  }\n}\n",
    "export function pay(o) {\n  switch (o.platform) {\n    case 'app-plus':\n"
    "      uni.requestPayment({ orderInfo: o.info })\n  }\n}\n",
])
def test_an_order_info_payment_the_code_gives_another_platform_is_no_use(script):
    assert ORDER_PAYMENT not in _payment_subjects(script)


@pytest.mark.parametrize("script", [
    "export function pay(o) {\n  uni.requestPayment({ provider: o.provider, orderInfo: o.info })\n}\n",
    # WeChat's branch, a question about a channel and a flag that only looks like a platform's stay undecided.
    "export function pay(o) {\n  if (o.way === 'wxpay') {\n    uni.requestPayment({ orderInfo: o.info })\n  }\n}\n",
    "export function pay(o) {\n  api.syncAlipayStatus(o, () => uni.requestPayment({ orderInfo: o }))\n}\n",
    "export function pay(o) {\n  if (o.appId) uni.requestPayment({ orderInfo: o })\n}\n",
    "export function wxAppPay(o) {\n  uni.requestPayment({ orderInfo: o })\n}\n",
])
def test_an_order_info_payment_nothing_gives_another_platform_stays_a_payment(script):
    assert _payment_subjects(script) == [ORDER_PAYMENT]


def test_the_analyzer_keeps_the_apps_only_order_payment_and_drops_one_beside_wechat_pay():
    order = finding("payment.request_payment", ORDER_PAYMENT, "common/pay.js", 2)
    alone = project_context({"common/pay.js": "export const pay = (o) => uni.requestPayment({ orderInfo: o })\n"})
    kept = order_payments.analyze(alone, [order])
    assert [(f.rule, f.path, f.line) for f in kept] == [("payment.request_payment", "common/pay.js", 2)]
    assert "paySign" in kept[0].fix
    beside = project_context({"common/pay.js": "export const pay = (o) => uni.requestPayment({ orderInfo: o })\n",
                              "pages/a/a.js": "Page({ p(x) { wx.requestPayment({ paySign: x.sign }) } })\n"})
    assert order_payments.analyze(beside, [order]) == []
