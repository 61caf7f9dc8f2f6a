"""A payment read two ways (core/spelling.py): an undecided ``orderInfo`` payment the base app made is the WeChat
build's payment, so the same call given WeChat Pay's own options adds no payment and removes none; a first
WeChat-shaped payment of an app whose only ``orderInfo`` payment the code marks as another platform's is new."""

from __future__ import annotations

from helpers import found, run
from mp_precheck.core.spelling import read_alike
from mp_precheck.readers.orderpay import ORDER_PAYMENT, PAYMENT

BASE = {
    "manifest.json": '{"name": "shop", "mp-weixin": {"appid": "wx00112233445566bb"}}\n',
    "pages.json": '{"pages": [{"path": "pages/index/index"}, {"path": "pages/pay/pay"}]}\n',
    "pages/index/index.vue": "<template><view>首页</view></template>\n",
}
PAGE = """<template>
  <view><button @click="pay">立即支付</button></view>
</template>
<script>
export default {
  methods: {
    pay() {
      this.$http.post('trade/prepare', { sn: this.sn }).then(res => {
        uni.requestPayment({
          provider: 'wxpay',
          orderInfo: res,
          success: () => this.done()
        })
      })
    }
  }
}
</script>
"""
WECHAT_OPTIONS = """          timeStamp: res.timeStamp,
          nonceStr: res.nonceStr,
          package: res.pkg,
          signType: res.signType,
          paySign: res.paySign,
"""


def _payments(repo, base_page: str, head_page: str) -> tuple[set[tuple[str, str, int, str]], list[str]]:
    repo.write_files({**BASE, "pages/pay/pay.vue": base_page})
    base = repo.commit()
    repo.write_files({"pages/pay/pay.vue": head_page})
    repo.commit()
    report = run(repo.path, base)
    return ({f for f in found(report) if f[0].startswith("payment.")},
            [r.subject for r in report.removed if r.rule.startswith("payment.")])


def test_the_apps_order_info_payment_given_wechat_pays_options_is_no_new_payment(repo):
    head = PAGE.replace("          orderInfo: res,\n", WECHAT_OPTIONS)
    assert _payments(repo, PAGE, head) == (set(), [])


def test_a_first_wechat_payment_beside_another_platforms_order_info_payment_is_new(repo):
    # the base pays only in ``appPay()``: the App's payment (readers/orderpay.py), none the WeChat build makes
    base = PAGE.replace("    pay() {", "    appPay() {").replace("@click=\"pay\"", "@click=\"appPay\"")
    head = base.replace('</button></view>', '</button><button @click="pay">微信支付</button></view>').replace("""    }
  }
}
</script>""", """    },
    pay() {
      this.$http.post('trade/prepare', { sn: this.sn }).then(res => {
        uni.requestPayment({
""" + WECHAT_OPTIONS + """          success: () => this.done()
        })
      })
    }
  }
}
</script>""")
    told, _removed = _payments(repo, base, head)
    assert {(rule, path, scope) for rule, path, _line, scope in told} == {
        ("payment.request_payment", "pages/pay/pay.vue", "app")}


def test_a_wechat_branch_added_beside_the_order_info_payment_kept_for_the_app_is_a_new_call_site(repo):
    # the orderInfo call stays, now in the App's build only; the Mini Program gets a payment of its own beside it
    head = PAGE.replace("        uni.requestPayment({\n          provider: 'wxpay',\n          orderInfo: res,\n"
                        "          success: () => this.done()\n        })\n",
                        "        // #ifdef APP-PLUS\n        uni.requestPayment({\n          provider: 'wxpay',\n"
                        "          orderInfo: res,\n          success: () => this.done()\n        })\n"
                        "        // #endif\n        // #ifdef MP-WEIXIN\n        uni.requestPayment({\n"
                        + WECHAT_OPTIONS + "          success: () => this.done()\n        })\n        // #endif\n")
    assert head != PAGE
    told, removed = _payments(repo, PAGE, head)
    assert told == {("payment.request_payment", "pages/pay/pay.vue", 17, "file")} and removed == []


def test_the_two_readings_are_one_payment():
    assert read_alike(ORDER_PAYMENT, {PAYMENT}) and read_alike(PAYMENT, {ORDER_PAYMENT})
    assert not read_alike(ORDER_PAYMENT, {ORDER_PAYMENT, "wx.requestVirtualPayment"})
    assert not read_alike("wx.getUserInfo", {"button[open-type=getUserInfo]"})
