"""Payments and launch redirects made through a project's own wrapper of ``wx``: a promisified ``wx`` object (a
``Proxy``, a loop over ``wx``'s keys, ``promisifyAll``), one promisified API, a router object's redirect at launch,
and the App's WeChat Pay (an ``orderInfo`` order) that is no Mini Program payment."""

from __future__ import annotations

import pytest

from helpers import places, run

NATIVE = {
    "app.json": '{"pages": ["pages/index/index", "pages/pay/pay", "pages/login/login"]}\n',
    "app.js": "App({})\n",
    "pages/index/index.js": "Page({})\n",
    "pages/index/index.wxml": "<view>首页</view>\n",
    "pages/pay/pay.wxml": '<button bindtap="pay">支付</button>\n',
    "pages/login/login.js": "Page({})\n",
    "pages/login/login.wxml": "<view>登录</view>\n",
}
PROXY = """const helper = { router: {} }
export default new Proxy(helper, {
  get(target, property) {
    if (property in target) return target[property]
    return (param = {}) => new Promise((resolve, reject) => {
      wx[property]({ ...param, success: resolve, fail: reject })
    })
  }
})
"""
LOOP = """const wxp = {}
Object.keys(wx).forEach((key) => {
  wxp[key] = (options = {}) => new Promise((resolve, reject) => wx[key]({ ...options, success: resolve, fail: reject }))
})
module.exports = wxp
"""
PROMISIFY_ALL = """import { promisifyAll } from 'miniprogram-api-promise'
const wxp = {}
promisifyAll(wx, wxp)
export { wxp }
"""
ONE_API = """const promisify = (fn) => (options = {}) => new Promise((resolve, reject) => fn({ ...options, success: resolve }))
export const requestPayment = promisify(wx.requestPayment)
"""
# A binder of one API by its name, applied to a list of names: into a reduce's accumulator, or in a loop.
BOUND_REDUCE = """const promiseOf = (apiName, host = wx) => (o = {}) => new Promise((resolve, reject) => {
  host[apiName](Object.assign({}, o, { success: resolve, fail: reject }))
})
const groups = { media: ['previewImage'], open: ['login', 'requestPayment'] }
let names = []
for (const key in groups) names = [...names, ...groups[key]]
const apis = names.reduce((acc, name) => {
  acc[name] = promiseOf(name)
  return acc
}, {})
module.exports = apis
"""
BOUND_LOOP = """function promisified(name) {
  return (options) => new Promise((resolve) => wx[name]({ ...options, success: resolve }))
}
export const wxkit = {}
;['login', 'requestPayment'].forEach((name) => { wxkit[name] = promisified(name) })
"""
# Each helper with the page that pays through it: pay.js's line 5 is the call.
WRAPPERS = {
    "proxy through a barrel": ({"lib/wxkit.js": PROXY,
                                "lib/index.js": "import wxkit from './wxkit'\nexport let $wx = wxkit\n"},
                               "import { $wx } from '../../lib/index'\n", "$wx.requestPayment"),
    "loop over wx's keys": ({"utils/wxp.js": LOOP}, "const wxp = require('../../utils/wxp')\n", "wxp.requestPayment"),
    "promisifyAll": ({"utils/wxp.js": PROMISIFY_ALL}, "import { wxp } from '../../utils/wxp'\n", "wxp.requestPayment"),
    "one promisified API": ({"utils/pay.js": ONE_API}, "import { requestPayment } from '../../utils/pay'\n",
                            "requestPayment"),
    "APIs bound by name into a reduce": ({"utils/api.js": BOUND_REDUCE}, "const api = require('../../utils/api')\n",
                                         "api.requestPayment"),
    "APIs bound by name in a loop": ({"utils/wxkit.js": BOUND_LOOP}, "import { wxkit } from '../../utils/wxkit'\n",
                                     "wxkit.requestPayment"),
}
PAY_JS = """HEADER
Page({
  pay() {
    api.order().then((res) => {
      CALL({ timeStamp: res.timeStamp, nonceStr: res.nonceStr, package: res.package, paySign: res.paySign })
    })
  }
})
"""


def _change(repo, base_files: dict[str, str], head_files: dict[str, str]) -> str:
    repo.write_files({**NATIVE, **base_files})
    base = repo.commit()
    repo.write_files(head_files)
    repo.commit()
    return base


@pytest.mark.parametrize("kind", sorted(WRAPPERS))
def test_a_payment_through_a_promisified_wx_is_reported_at_the_page(repo, kind):
    helper, header, call = WRAPPERS[kind]
    page = PAY_JS.replace("HEADER\n", header).replace("CALL", call)
    base = _change(repo, helper, {"pages/pay/pay.js": page})  # the helper was there; the page pays through it now
    assert places(run(repo.path, base), "payment") == {("payment.request_payment", "pages/pay/pay.js", 5)}


def test_a_promisified_wx_used_in_its_own_file_is_wx(repo):
    page = PAY_JS.replace("HEADER\n", "const $wx = new Proxy(wx, {})\n").replace("CALL", "$wx.requestPayment")
    base = _change(repo, {}, {"pages/pay/pay.js": page})
    assert places(run(repo.path, base), "payment") == {("payment.request_payment", "pages/pay/pay.js", 5)}


def test_a_look_alike_method_of_another_object_is_silent(repo):
    # An SDK object of the project's own whose method shares the API's name but never reaches wx.
    sdk = "const productSdk = {\n  requestPayment(order) { return fetch('/pay', order) }\n}\nexport default productSdk\n"
    page = PAY_JS.replace("HEADER\n", "import productSdk from '../../utils/sdk'\n")
    page = page.replace("CALL", "productSdk.requestPayment")
    base = _change(repo, {"utils/sdk.js": sdk}, {"pages/pay/pay.js": page})
    assert not places(run(repo.path, base), "payment")


def test_an_object_filled_by_a_binder_of_another_object_is_silent(repo):
    # The binder calls a project SDK's methods by name, never wx's: its requestPayment is the SDK's.
    sdk = BOUND_LOOP.replace("function promisified(name) {", "const shopSdk = {}\nfunction promisified(name) {") \
        .replace("wx[name]", "shopSdk[name]")
    page = PAY_JS.replace("HEADER\n", "import { wxkit } from '../../utils/wxkit'\n").replace("CALL", "wxkit.requestPayment")
    base = _change(repo, {"utils/wxkit.js": sdk}, {"pages/pay/pay.js": page})
    assert not places(run(repo.path, base), "payment")


def test_a_payment_only_moved_between_pages_through_the_wrapper_is_silent(repo):
    helper, header, call = WRAPPERS["proxy through a barrel"]
    page = PAY_JS.replace("HEADER\n", header).replace("CALL", call)
    base = _change(repo, {**helper, "pages/pay/pay.js": page}, {"pages/index/index.js": page,
                                                                 "pages/pay/pay.js": "Page({})\n"})
    assert not places(run(repo.path, base), "payment")


UNI = {
    "manifest.json": '{"name": "course", "mp-weixin": {"appid": "wx0123456789abcdef"}}\n',
    "pages.json": '{"pages": [{"path": "pages/index/index"}]}\n',
    "pages/index/index.vue": "<template><view @click=\"buy\">购买</view></template>\n"
                             "<script>\nimport tool from '../../common/tool.js'\n"
                             "export default { methods: { buy() { tool.pay(1) } } }\n</script>\n",
}
APP_PAY = """      uni.requestPayment({
        provider: 'wxpay',
        orderInfo: order,
        success: () => {}
      })
"""
MP_PAY = """      uni.requestPayment({
        provider: 'wxpay',
        timeStamp: order.timeStamp,
        nonceStr: order.nonceStr,
        package: order.package,
        paySign: order.paySign
      })
"""


def _tool(*blocks: str) -> str:
    return "export default {\n  async pay(no) {\n    const order = await api.order(no)\n" + "".join(blocks) + \
        "  }\n}\n"


def test_the_mini_programs_wechat_pay_added_beside_the_apps_is_reported(repo):
    # The helper only paid the App's way (provider wxpay with the App's order); now an MP-WEIXIN branch pays.
    head = _tool("    // #ifdef APP-PLUS\n", APP_PAY, "    // #endif\n", "    // #ifdef MP-WEIXIN\n", MP_PAY,
                 "    // #endif\n")
    base = _change(repo, {**UNI, "common/tool.js": _tool(APP_PAY)}, {"common/tool.js": head})
    assert places(run(repo.path, base), "payment") == {("payment.request_payment", "common/tool.js", 12)}


@pytest.mark.parametrize("platform", ["H5", "APP-PLUS"])
def test_a_wechat_pay_added_only_for_another_platform_is_silent(repo, platform):
    head = _tool(f"    // #ifdef {platform}\n", MP_PAY, "    // #endif\n")
    base = _change(repo, {**UNI, "common/tool.js": _tool()}, {"common/tool.js": head})
    assert not places(run(repo.path, base), "payment")


APP_JS = """import { $wx } from './lib/index'

App({
  onLaunch() {
    this.checkAuth().then((res) => {
      if (res.code < 0) {
        $wx.redirectTo($wx.router.login)
      }
    })
  },
  checkAuth() {
    return $wx.login().then(() => ({ code: wx.getStorageSync('token') ? 1 : -1 }))
  }
})
"""
ROUTER = {"lib/wxkit.js": PROXY, "lib/index.js": "import wxkit from './wxkit'\nexport let $wx = wxkit\n"}


def test_a_launch_redirect_to_login_through_a_router_object_is_forced_login(repo):
    base = _change(repo, ROUTER, {"app.js": APP_JS})
    assert ("login.forced_login", "app.js", 6) in places(run(repo.path, base), "login")


@pytest.mark.parametrize("change", ["tap", "401", "removed"])
def test_router_object_redirects_that_force_nothing_new_are_silent(repo, change):
    if change == "tap":  # a button's handler, not a launch hook
        head = {"pages/index/index.js": "import { $wx } from '../../lib/index'\n"
                                        "Page({ onTapLogin() { $wx.redirectTo($wx.router.login) } })\n"}
        base = _change(repo, ROUTER, head)
    elif change == "401":  # the server's answer to a request decides, in a module the hook does not reach
        head = {"utils/http.js": "import { $wx } from '../lib/index'\nexport function get(url) {\n"
                                 "  return $wx.request({ url }).then((res) => {\n"
                                 "    if (res.statusCode === 401) $wx.redirectTo($wx.router.login)\n"
                                 "    return res.data\n  })\n}\n"}
        base = _change(repo, ROUTER, head)
    else:
        base = _change(repo, {**ROUTER, "app.js": APP_JS}, {"app.js": APP_JS.replace(
            "        $wx.redirectTo($wx.router.login)\n", "")})
    assert not places(run(repo.path, base), "login")
