"""A payment flow whose channel's payment only another platform's build starts (readers/otherbuildpay.py): a uni-app
page calls ``startAlipayFlow()``, whose helper calls ``uni.requestPayment({ provider })`` inside ``#ifdef APP-PLUS``
and throws in the other builds. WeChat's build never pays through the channel there, so the call is silent; the
same flow still told when its channel's payment ships in the Mini Program, or when it also requests a channel path
the build keeps."""

from __future__ import annotations

from helpers import run
from mp_precheck.facts.extract import extract
from mp_precheck.readers.paychannels import SUBJECT

RULE = "payment.non_wechat_pay"

UNI_BASE = {
    "manifest.json": '{"name": "studio", "mp-weixin": {"appid": "wx0123456789abcdef"}}\n',
    "pages.json": '{"pages": [{"path": "pages/index/index"}, {"path": "pages/bill/bill"}]}\n',
    "pages/index/index.vue": "<template><view>首页</view></template>\n",
    "pages/bill/bill.vue": "<template><view>账单</view></template>\n",
}
# The bill page: a transfer choice existed; the change adds an App-only card flow of the other channel.
BILL_VUE = """<template>
  <view><button @click="confirm">去付款</button></view>
</template>
<script setup>
async function makeOrder(kind) {
  const res = await uni.request({ url: 'https://api.studio-example.com/bill/order', data: { kind } })
  return res.data
}

async function invokeAlipaySdk(info) {
  // #ifndef APP-PLUS
  throw new Error('App only')
  // #endif

  // #ifdef APP-PLUS
  return await new Promise((resolve, reject) => {
    uni.requestPayment({
      provider: 'alipay',
      orderInfo: info,
      success: resolve,
      fail: reject
    })
  })
  // #endif
}

async function startAlipayFlow() {
  const order = await makeOrder('alipay')
  await invokeAlipaySdk(order.info)
  STEP
}

async function confirm() {
  uni.showLoading({ title: '请稍候' })
  await startAlipayFlow()
}
</script>
"""
PATH = "pages/bill/bill.vue"


def _hits(report):
    return {(f.path, f.line) for f in report.findings if f.rule == RULE}


def _pay_lines(source: str) -> list[int]:
    return [f.line for f in extract(PATH, source.encode()).facts if f.subject == SUBJECT]


def test_a_flow_that_pays_only_in_the_app_build_is_silent(repo):
    repo.write_files(UNI_BASE)
    base = repo.commit("base")
    repo.write(PATH, BILL_VUE.replace("STEP", "uni.hideLoading()"))
    repo.commit("card payment in the App")
    assert _hits(run(repo.path, base)) == set()


def test_the_same_flow_paying_in_every_build_is_told(repo):
    repo.write_files(UNI_BASE)
    base = repo.commit("base")
    repo.write(PATH, BILL_VUE.replace("STEP", "uni.hideLoading()").replace("  // #ifndef APP-PLUS\n", "")
               .replace("  throw new Error('App only')\n  // #endif\n", "").replace("  // #ifdef APP-PLUS\n", "")
               .replace("  })\n  // #endif\n", "  })\n"))
    repo.commit("card payment everywhere")
    assert _hits(run(repo.path, base)) == {(PATH, 30)}  # five directive and throw lines fewer


def test_a_flow_that_also_requests_a_channel_path_the_build_keeps_is_told():
    kept = BILL_VUE.replace("STEP", "await uni.request({ url: 'https://api.studio-example.com/pay/alipay' })")
    assert _pay_lines(kept) == [35]
    assert _pay_lines(BILL_VUE.replace("STEP", "uni.hideLoading()")) == []


def test_a_native_project_ships_its_ifdef_blocks():
    native = extract(PATH.replace(".vue", ".js"), BILL_VUE.split("<script setup>\n")[1].split("</script>")[0]
                     .replace("STEP", "uni.hideLoading()").encode(), compiled=False)
    assert [f.line for f in native.facts if f.subject == SUBJECT] == [31]
