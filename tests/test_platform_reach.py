"""Code a WeChat build ships but never runs: a uni-app method only an App block calls, and a payment whose options
are another platform's order. Neither is a use of the Mini Program, so a payment is reported at the WeChat Pay
call and the App-only method's texts stay silent."""

from __future__ import annotations

from helpers import places, run
from mp_precheck.readers.conditional import for_wechat

UNI_BASE = {
    "manifest.json": '{"name": "shop", "mp-weixin": {"appid": "wx0123456789abcdef"}}\n',
    "pages.json": '{"pages": [{"path": "pages/index/index"}, {"path": "pages/pay/pay"}]}\n',
    "pages/index/index.vue": "<template><view>首页</view></template>\n",
    "pages/pay/pay.vue": "<template><view>支付</view></template>\n",
}
# An App-only Alipay payment first (its order body names a course purchase), the WeChat Pay one after it.
PAY_PAGE = """<template>
  <view>
    <button @click="pay">支付</button>
  </view>
</template>
<script>
export default {
  methods: {
    pay() {
      // #ifdef APP-PLUS
      this.appPay()
      // #endif
      // #ifdef MP
      this.mpPay()
      // #endif
    },
    // App: Alipay order
    appPay() {
      const order = { body: '购买课程' }
      api.alipayOrder(order, (res) => {
        uni.requestPayment({
          provider: this.provider,
          orderInfo: res.data,
          success: () => this.afterAppPay()
        })
      })
    },
    afterAppPay() {
      uni.getLocation({})
    },
MP_PAY
  }
}
</script>
"""
MP_PAY = """    mpPay() {
      api.unifiedOrder({}, (res) => {
        uni.requestPayment({
          provider: res.provider,
          timeStamp: res.timeStamp,
          nonceStr: res.nonceStr,
          package: res.package,
          signType: 'MD5',
          paySign: res.paySign
        })
      })
    },
"""


def _changed(repo, path: str, text: str) -> str:
    repo.write_files(UNI_BASE)
    base = repo.commit()
    repo.write(path, text)
    repo.commit()
    return base


def test_payment_is_reported_at_the_wechat_pay_call_not_the_app_only_one(repo):
    base = _changed(repo, "pages/pay/pay.vue", PAY_PAGE.replace("MP_PAY\n", MP_PAY))
    report = run(repo.path, base)
    assert places(report, "payment") == {("payment.request_payment", "pages/pay/pay.vue", 33)}
    # The App-only method's order body, and the location read only it reaches, are no use of the Mini Program.
    assert not places(report, "category")
    assert not places(report, "privacy")


def test_a_payment_only_the_app_block_reaches_is_silent(repo):
    page = PAY_PAGE.replace("      this.mpPay()\n", "").replace("MP_PAY\n", "")
    base = _changed(repo, "pages/pay/pay.vue", page)
    assert not places(run(repo.path, base), "payment")


def test_another_platforms_order_in_mini_program_code_is_no_wechat_pay(repo):
    # uni.requestPayment({ orderInfo }) reached from #ifdef MP is the Alipay Mini Program's payment.
    page = PAY_PAGE.replace("this.appPay()", "").replace("this.mpPay()", "this.appPay()")
    page = page.replace("MP_PAY\n", "")
    base = _changed(repo, "pages/pay/pay.vue", page)
    assert not places(run(repo.path, base), "payment")


def test_a_method_the_template_also_calls_is_still_run(repo):
    page = PAY_PAGE.replace('@click="pay"', '@click="appPay"').replace("      this.mpPay()\n", "")
    page = page.replace("MP_PAY\n", "")
    page = page.replace("orderInfo: res.data,", "package: res.package,")
    base = _changed(repo, "pages/pay/pay.vue", page)
    assert places(run(repo.path, base), "payment") == {("payment.request_payment", "pages/pay/pay.vue", 20)}


def test_only_judged_functions_are_blanked():
    text = """// #ifdef APP-PLUS
onShow()
appOnly()
exported()
// #endif
function appOnly() {
  helper()
}
function helper() {
  uni.login()
}
export function exported() {
  uni.getLocation()
}
function onShow() {
  uni.chooseImage()
}
"""
    kept = for_wechat(text, "utils/app.js").split("\n")
    assert kept[5:11] == [""] * 6  # appOnly, and helper that only appOnly calls
    assert kept[11:17] == text.split("\n")[11:17]  # exported: another file may call it; onShow: the framework
    assert kept[1:4] == ["", "", ""]
    assert for_wechat(text) == for_wechat(text, None)  # without a path, only the blocks go
    assert "function appOnly" in for_wechat(text)


def test_wechat_pay_options_inside_order_info_are_still_wechat_pay(repo):
    # provider 'wxpay' with WeChat Pay's options nested in orderInfo: the author's WeChat Pay, reported.
    nested = MP_PAY.replace("provider: res.provider,\n          timeStamp", "provider: 'wxpay',\n          orderInfo: { timeStamp")
    nested = nested.replace("paySign: res.paySign\n", "paySign: res.paySign }\n")
    page = PAY_PAGE.replace("MP_PAY\n", nested)
    base = _changed(repo, "pages/pay/pay.vue", page)
    assert places(run(repo.path, base), "payment") == {("payment.request_payment", "pages/pay/pay.vue", 33)}
