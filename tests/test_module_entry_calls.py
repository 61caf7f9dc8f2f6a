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
