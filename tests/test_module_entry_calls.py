"""A module the change adds that runs a privacy or payment API through its own functions (a tracker whose
``init()`` starts background location through ``this.startReporting()``): the API is told once, where the
module calls it, not again at each new call of its entry; a new call of an entry that reached the API before
the change is a new use, and a wrapper whose own lines make the call stays told at its callers."""

from __future__ import annotations

import pytest

from helpers import found, run

TRACKER_CLASS = """class Tracker {
  init() {
    if (this.running) return
    this.startReporting()
  }
  startReporting() {
    wx.startLocationUpdateBackground({
      success: () => {
        wx.onLocationChange((res) => this.report(res))
      }
    })
  }
  report(res) {
    return res
  }
}
export default new Tracker()
"""
TRACKER_OBJECT = """export default {
  init() {
    this.startReporting()
  },
  startReporting() {
    uni.startLocationUpdateBackground({
      success: () => {
        uni.onLocationChange((res) => console.log(res))
      }
    })
  }
}
"""
NATIVE_PAGE = "import tracker from '../../utils/tracker'\nPage({\n  onShow() {\n    tracker.init()\n  }\n})\n"
NATIVE_APP = "import tracker from './utils/tracker'\nApp({\n  onLaunch() {\n    tracker.init()\n  }\n})\n"
UNI_PAGE = ("<template><view>订单</view></template>\n<script>\nimport tracker from '@/utils/tracker.js'\n"
            "export default {\n  onShow() {\n    tracker.init()\n  }\n}\n</script>\n")
UNI_FILES = {"pages.json": '{"pages": [{"path": "pages/index/index"}, {"path": "pages/order/order"}]}\n',
             "manifest.json": '{"mp-weixin": {"appid": "wx1"}}\n', "App.vue": "<script>\nexport default {}\n</script>\n",
             "pages/index/index.vue": "<template><view>首页</view></template>\n"}


def _location(report: object) -> set[tuple[str, int]]:
    return {(path, line) for rule, path, line, _ in found(report) if rule == "privacy.location"}  # type: ignore[arg-type]


def test_a_new_trackers_api_is_told_in_the_tracker_not_at_its_new_callers(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({"utils/tracker.js": TRACKER_CLASS, "app.js": NATIVE_APP, "pages/me/me.js": NATIVE_PAGE})
    app_repo.commit()
    assert _location(run(app_repo.path, base)) == {("utils/tracker.js", 7), ("utils/tracker.js", 9)}


def test_a_uni_app_pages_call_of_a_new_tracker_object_is_not_told_again(repo):
    repo.write_files(UNI_FILES)
    base = repo.commit("base")
    repo.write_files({"utils/tracker.js": TRACKER_OBJECT, "pages/order/order.vue": UNI_PAGE})
    repo.commit("riders report their position")
    assert _location(run(repo.path, base)) == {("utils/tracker.js", 6), ("utils/tracker.js", 8)}


def test_a_new_call_of_a_tracker_that_was_there_is_a_new_call_site(app_repo):
    app_repo.write_files({"utils/tracker.js": TRACKER_CLASS, "app.js": NATIVE_APP})
    base = app_repo.commit()
    app_repo.write("pages/me/me.js", NATIVE_PAGE)
    app_repo.commit()
    assert ("privacy.location", "pages/me/me.js", 4, "file") in found(run(app_repo.path, base))


def test_a_tracker_that_gains_the_api_while_an_old_page_starts_it_is_told_in_the_tracker(app_repo):
    app_repo.write_files({"utils/tracker.js": "class Tracker {\n  init() {\n    return\n  }\n}\nexport default new Tracker()\n",
                          "app.js": NATIVE_APP})
    base = app_repo.commit()
    app_repo.write_files({"utils/tracker.js": TRACKER_CLASS, "pages/me/me.js": NATIVE_PAGE})
    app_repo.commit()
    assert _location(run(app_repo.path, base)) == {("utils/tracker.js", 7), ("utils/tracker.js", 9)}


CHECKOUT = """export default {
  checkout(order) {
    return this.pay(order)
  },
  pay(order) {
    return wx.requestPayment({ ...order, signType: 'RSA' })
  }
}
"""
BUY = "import shop from '../../utils/shop'\nPage({\n  buy() {\n    shop.checkout({})\n  }\n})\n"


def test_a_new_checkout_modules_payment_is_told_where_it_pays(app_repo):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({"utils/shop.js": CHECKOUT, "pages/me/me.js": BUY})
    app_repo.commit()
    assert {f[1:3] for f in found(run(app_repo.path, base)) if f[0] == "payment.request_payment"} == \
        {("utils/shop.js", 6)}


@pytest.mark.parametrize("page", ["pages/me/me.js", "pages/index/index.js"])
def test_an_upload_through_a_new_modules_entry_stays_told_at_each_caller(app_repo, page):
    sender = ("export default {\n  send(path) {\n    return this.put(path)\n  },\n  put(path) {\n"
              "    return wx.uploadFile({ url: 'https://up.example.com', filePath: path, name: 'f' })\n  }\n}\n")
    caller = "import sender from '../../utils/sender'\nPage({\n  post(p) {\n    sender.send(p)\n  }\n})\n"
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({"utils/sender.js": sender, "pages/me/me.js": caller, "pages/index/index.js": caller})
    app_repo.commit()
    assert ("upload.upload_file", page, 4) in {f[:3] for f in found(run(app_repo.path, base))}


TARO_APP = {
    "package.json": '{"dependencies": {"@tarojs/taro": "3.6.0", "@tarojs/components": "3.6.0", "react": "18.0.0"}}',
    "src/app.config.ts": "export default defineAppConfig({\n  pages: ['pages/index/index', 'pages/where/index'],\n})\n",
    "src/app.ts": "export default function App({ children }) { return children }\n",
    "src/pages/index/index.tsx": "import { View } from '@tarojs/components'\nexport default () => <View>首页</View>\n",
    "src/hooks/index.ts": "export { default as useList } from './list.hooks'\n",
    "src/hooks/list.hooks.ts": "import { useState } from 'react'\nexport default function useList() {\n"
                               "  const [items] = useState([])\n  return { items }\n}\n",
}
LOCATOR_HOOK = """import Taro from '@tarojs/taro'
import { useState, useCallback } from 'react'

export default function useLocator() {
  const [busy, setBusy] = useState(false)
  const toText = (lat: number, lng: number) => `${lat},${lng}`
  const locate = useCallback(async () => {
    setBusy(true)
    const { latitude, longitude } = await Taro.getLocation({ type: 'gcj02' })
    setBusy(false)
    return toText(latitude, longitude)
  }, [])
  return { busy, locate }
}
"""
LOCATOR_PAGE = """import { View } from '@tarojs/components'
import { useLocator } from '@/hooks'

export default function Where() {
  const { locate } = useLocator()
  return <View onClick={() => locate()}>定位</View>
}
"""
TARO_ALIAS = "const path = require('path')\nmodule.exports = { alias: { '@': path.resolve(__dirname, '..', 'src') } }\n"


def _taro_app(repo, hook: str, page: str = LOCATOR_PAGE) -> str:
    repo.write_files({**TARO_APP, "config/index.js": TARO_ALIAS})
    base = repo.commit("base")
    repo.write_files({"src/hooks/locator.hooks.ts": hook, "src/pages/where/index.tsx": page,
                      "src/hooks/index.ts": TARO_APP["src/hooks/index.ts"]
                      + "export { default as useLocator } from './locator.hooks'\n"})
    repo.commit("a page shows where the user is")
    return base


def test_a_new_hooks_api_is_told_in_the_hook_not_where_a_page_destructures_it_through_a_barrel(repo):
    base = _taro_app(repo, LOCATOR_HOOK)
    assert _location(run(repo.path, base)) == {("src/hooks/locator.hooks.ts", 9)}


def test_a_hook_that_reads_the_position_as_it_mounts_is_told_at_the_page_too(repo):
    mounting = LOCATOR_HOOK.replace("  return { busy, locate }", "  useEffect(() => { locate() }, [])\n"
                                    "  return { busy, locate }").replace("useCallback }", "useCallback, useEffect }")
    base = _taro_app(repo, mounting)
    assert _location(run(repo.path, base)) == {("src/hooks/locator.hooks.ts", 9), ("src/pages/where/index.tsx", 5)}


def _paired(hook: str) -> tuple[str, str]:
    """The hook handing back ``[state, { actions }]`` and the page taking the pair apart."""
    return (hook.replace("  return { busy, locate }", "  return [busy, { locate, toText }]"),
            LOCATOR_PAGE.replace("const { locate } = useLocator()", "const [, { locate }] = useLocator()"))


def test_a_hook_handing_back_a_state_and_actions_pair_is_told_in_the_hook_not_where_the_page_takes_it(repo):
    base = _taro_app(repo, *_paired(LOCATOR_HOOK))
    assert _location(run(repo.path, base)) == {("src/hooks/locator.hooks.ts", 9)}


def test_a_pair_handing_hook_that_reads_the_position_as_it_mounts_is_told_at_the_page_too(repo):
    mounting = LOCATOR_HOOK.replace("  return { busy, locate }", "  useEffect(() => { locate() }, [])\n"
                                    "  return { busy, locate }").replace("useCallback }", "useCallback, useEffect }")
    base = _taro_app(repo, *_paired(mounting))
    assert _location(run(repo.path, base)) == {("src/hooks/locator.hooks.ts", 9), ("src/pages/where/index.tsx", 5)}


COMPOSABLE = """export function useAddress() {
  let picked = null
  function pick() {
    return uni.chooseLocation({ success: (res) => { picked = res } })
  }
  return { pick, picked }
}
"""
ADDRESS_PAGE = ("<template><view @tap=\"pick\">选择地址</view></template>\n<script>\n"
                "import { useAddress } from '@/composables'\nexport default {\n  setup() {\n"
                "    const { pick } = useAddress()\n    return { pick }\n  }\n}\n</script>\n")


def _chosen(report: object) -> set[tuple[str, int]]:
    return {(path, line) for rule, path, line, _ in found(report) if rule == "privacy.choose_location"}  # type: ignore[arg-type]


def test_a_uni_app_pages_setup_calling_a_new_composable_through_export_star_is_not_told_again(repo):
    repo.write_files(UNI_FILES)
    base = repo.commit("base")
    repo.write_files({"composables/index.js": "export * from './address'\n", "composables/address.js": COMPOSABLE,
                      "pages/order/order.vue": ADDRESS_PAGE})
    repo.commit("the order page picks an address")
    assert _chosen(run(repo.path, base)) == {("composables/address.js", 4)}


def test_a_new_page_calling_a_composable_that_was_there_is_a_new_call_site(repo):
    repo.write_files({**UNI_FILES, "composables/index.js": "export * from './address'\n",
                      "composables/address.js": COMPOSABLE})
    base = repo.commit("base")
    repo.write("pages/order/order.vue", ADDRESS_PAGE)
    repo.commit("the order page picks an address")
    assert _chosen(run(repo.path, base)) == {("pages/order/order.vue", 6)}


def test_a_new_promise_wrapper_stays_told_at_its_new_caller(app_repo):
    wrapper = ("export function locate() {\n  return new Promise((resolve) => {\n"
               "    wx.getLocation({ success: resolve })\n  })\n}\n")
    page = "import { locate } from '../../utils/locate'\nPage({\n  onTap() {\n    locate()\n  }\n})\n"
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write_files({"utils/locate.js": wrapper, "pages/me/me.js": page})
    app_repo.commit()
    assert _location(run(app_repo.path, base)) == {("utils/locate.js", 3), ("pages/me/me.js", 4)}
