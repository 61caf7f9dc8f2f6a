"""A file's own helper that nothing called before the change, and the change's first call of it: the app reaches the
API for the first time although its call did not move (core/firstcalls.py, readers/ownhelpers.py). A helper named
after the API it wraps is not named by the API's own call (readers/uncalled.py)."""

from __future__ import annotations

from conftest import Repo
from helpers import found, run
from mp_precheck.facts.extract import extract
from mp_precheck.readers.ownhelpers import names_in

NATIVE = {
    "app.json": '{\n  "pages": ["pages/shop/shop", "pages/me/me"]\n}\n',
    "app.js": "App({})\n",
    "pages/shop/shop.wxml": "<view>shop</view>\n",
    "pages/me/me.js": "Page({})\n",
    "pages/me/me.wxml": "<view>me</view>\n",
}
SHOP = """Page({
  data: { near: [] },
  onShow() {
    this.setData({ near: [] }){call}
  },
  refreshPosition() {
    wx.getLocation({ type: 'gcj02', success: (res) => this.setData({ at: res }) })
  }
})
"""


def _location(repo: Repo, base_files: dict[str, str], head_files: dict[str, str]) -> set[tuple[str, str, int, str]]:
    repo.write_files(base_files)
    base = repo.commit("base")
    repo.write_files(head_files)
    repo.commit("head")
    return {f for f in found(run(repo.path, base)) if f[0] == "privacy.location"}


def test_a_page_method_nothing_called_gets_its_first_caller(repo):
    shop = {"pages/shop/shop.js": SHOP.replace("{call}", "")}
    head = {"pages/shop/shop.js": SHOP.replace("{call}", "\n    this.refreshPosition()")}
    # told at the new call: the line that makes the page reach the API
    assert _location(repo, {**NATIVE, **shop}, head) == {("privacy.location", "pages/shop/shop.js", 5, "app")}


def test_a_page_method_its_template_already_bound_is_no_first_call(repo):
    shop = {"pages/shop/shop.js": SHOP.replace("{call}", ""),
            "pages/shop/shop.wxml": '<button bindtap="refreshPosition">附近门店</button>\n'}
    assert _location(repo, {**NATIVE, **shop},
                     {"pages/shop/shop.js": SHOP.replace("{call}", "\n    this.refreshPosition()")}) == set()


def test_only_an_object_key_of_the_helpers_name_calls_nothing(repo):
    shop = {"pages/shop/shop.js": SHOP.replace("{call}", "")}
    head = {"pages/shop/shop.js": SHOP.replace("{call}", "\n    this.setData({ refreshPosition: 1 })")}
    assert _location(repo, {**NATIVE, **shop}, head) == set()


APP = """App({
  globalData: {},
  onLaunch() {
    wx.login({ success: (res) => { this.globalData.code = res.code{call} } })
  },
  whereAmI(done) {
    wx.getLocation({ type: 'wgs84', success: done })
  }
})
"""


def test_an_app_method_first_called_at_launch_is_new(repo):
    assert _location(repo, {**NATIVE, "app.js": APP.replace("{call}", "")},
                     {"app.js": APP.replace("{call}", "; this.whereAmI(() => {})")}) \
        == {("privacy.location", "app.js", 4, "app")}


def test_an_app_method_a_page_already_called_is_no_first_call(repo):
    me = "const app = getApp()\nPage({\n  onLoad() {\n    app.whereAmI((res) => this.setData({ res }))\n  }\n})\n"
    assert _location(repo, {**NATIVE, "app.js": APP.replace("{call}", ""), "pages/me/me.js": me},
                     {"app.js": APP.replace("{call}", "; this.whereAmI(() => {})")}) == set()


MODULE = """const pickShipping = () => wx.chooseAddress({ success: (res) => console.log(res.userName) })

Page({
  submit() {
    this.setData({ sent: true }){call}
  }
})
"""


def test_a_module_function_first_called_is_new_and_an_imported_namesake_is_not_its_call(repo):
    repo.write_files({**NATIVE, "pages/shop/shop.js": MODULE.replace("{call}", "")})
    base = repo.commit("base")
    repo.write("pages/shop/shop.js", MODULE.replace("{call}", "\n    pickShipping()"))
    repo.commit("ship")
    assert ("privacy.address", "pages/shop/shop.js", 6, "app") in found(run(repo.path, base))


def test_a_page_method_named_like_an_imported_function_is_not_called_by_it(repo):
    method = "Page({\n  pickShipping() {\n    wx.chooseAddress({})\n  }\n})\n"
    caller = ("import { pickShipping } from '../../utils/ship'\n"
              "Page({\n  pickShipping() {\n    pickShipping()\n  }\n})\n")
    repo.write_files({**NATIVE, "pages/shop/shop.js": method})
    base = repo.commit("base")
    repo.write_files({"pages/shop/shop.js": caller,
                      "utils/ship.js": "export function pickShipping() {\n  return wx.chooseAddress({})\n}\n"})
    repo.commit("moved")
    # the method's pickShipping() calls the import: the call moved into a module, as before
    assert not [f for f in found(run(repo.path, base)) if f[0] == "privacy.address"]


WEPY_APP = ("<script>\nimport wepy from 'wepy'\nexport default class extends wepy.app {\n"
            "  config = { pages: ['pages/stores'] }\n}\n</script>\n")
STORES = """<template>
  <view>stores</view>
</template>
<script>
import wepy from 'wepy'
export default class Stores extends wepy.page {
  async onShow () {
    this.list = []{call}
  }
  getLocation () {
    return wepy.getLocation({ type: 'gcj02' })
  }
}
</script>
"""


def test_a_wepy_method_named_after_the_api_it_wraps_is_uncalled_until_the_change_calls_it(repo):
    wepy = {"package.json": '{"dependencies": {"wepy": "^1.7.0"}}\n', "src/app.wpy": WEPY_APP}
    assert _location(repo, {**wepy, "src/pages/stores.wpy": STORES.replace("{call}", "")},
                     {"src/pages/stores.wpy": STORES.replace("{call}", "\n    await this.getLocation()")}) \
        == {("privacy.location", "src/pages/stores.wpy", 9, "app")}


def test_a_wepy_method_named_after_the_api_it_wraps_stays_silent_while_uncalled(repo):
    wepy = {"package.json": '{"dependencies": {"wepy": "^1.7.0"}}\n', "src/app.wpy": WEPY_APP}
    assert _location(repo, {**wepy, "src/pages/stores.wpy": STORES.replace("{call}", "")},
                     {"src/pages/stores.wpy": STORES.replace("{call}", "\n    this.title = 'stores'")}) == set()


def _vue(binding: str) -> str:
    return (f"<template>\n  <view {binding}>附近</view>\n</template>\n<script>\nexport default {{\n  methods: {{\n"
            "    getLocation() {\n      uni.getLocation({ type: 'gcj02' })\n    }\n  }\n}\n</script>\n")


def test_a_vue_method_named_after_the_api_it_wraps_is_first_bound_by_the_change(repo):
    uni = {"pages.json": '{"pages": [{"path": "pages/near/index"}]}', "App.vue": "<script>export default {}</script>\n",
           "main.js": "import Vue from 'vue'\nimport App from './App'\nnew Vue({ ...App }).$mount()\n"}
    assert _location(repo, {**uni, "pages/near/index.vue": _vue('class="near"')},
                     {"pages/near/index.vue": _vue('@tap="getLocation"')}) \
        == {("privacy.location", "pages/near/index.vue", 8, "app")}


def test_the_helpers_of_a_script_and_whether_it_names_them():
    facts = extract("pages/shop/shop.js", SHOP.replace("{call}", "").encode())
    assert facts.helpers == (("refreshPosition", 6, 8, ()),)
    facts = extract("pages/shop/shop.js", SHOP.replace("{call}", "\n    const that = this\n    that.refreshPosition()")
                    .encode())
    assert facts.helpers == (("refreshPosition", 8, 10, (6,)),)


def test_another_files_namings_of_a_helper():
    wxml = '<button open-type="getLocation" bindtap="refresh">x</button>\n'
    assert names_in(wxml, "pages/a/a.wxml", {"getLocation", "refresh"}) == {"refresh"}
    assert names_in("wx.getLocation({})\napp.refresh()\n", "pages/a/a.js", {"getLocation", "refresh"}) == {"refresh"}
    assert names_in("getLocation refresh", "README.md", {"getLocation"}) == {"getLocation"}


def test_a_first_called_helper_whose_call_the_change_rewrites_is_told_at_that_call(repo):
    shop = {"pages/shop/shop.js": SHOP.replace("{call}", "")}
    head = {"pages/shop/shop.js": SHOP.replace("{call}", "\n    this.refreshPosition()").replace("'gcj02'", "'wgs84'")}
    assert _location(repo, {**NATIVE, **shop}, head) == {("privacy.location", "pages/shop/shop.js", 8, "app")}


COVER = """Page({
  data: { cover: '' },
  onTapCover() {
    this.setData({ editing: true }){call}
  },
  replaceCover() {
    wx.chooseImage({ count: 1, success: (res) => this.setData({ cover: res.tempFilePaths[0] }) })
  }
})
"""


def _album(repo: Repo, base_files: dict[str, str], head_files: dict[str, str]) -> set[tuple[str, str, int, str]]:
    repo.write_files(base_files)
    base = repo.commit("base")
    repo.write_files(head_files)
    repo.commit("head")
    return {f for f in found(run(repo.path, base)) if f[0] == "privacy.album"}


def test_a_helper_picking_photos_first_called_from_a_tap_is_new_to_an_app_that_never_picked_any(repo):
    cover = {"pages/shop/shop.js": COVER.replace("{call}", "")}
    head = {"pages/shop/shop.js": COVER.replace("{call}", "\n    this.replaceCover()")}
    assert _album(repo, {**NATIVE, **cover}, head) == {("privacy.album", "pages/shop/shop.js", 5, "app")}


def test_a_first_caller_adds_no_use_where_another_page_already_picked_photos_another_way(repo):
    me = "Page({\n  onAvatar() {\n    wx.chooseMedia({ count: 1, mediaType: ['image'] })\n  }\n})\n"
    cover = {"pages/shop/shop.js": COVER.replace("{call}", ""), "pages/me/me.js": me}
    head = {"pages/shop/shop.js": COVER.replace("{call}", "\n    this.replaceCover()")}
    # the app had the capability: the page's old code, switched on, is no new use of it (as before the helper was
    # taken for dormant)
    assert _album(repo, {**NATIVE, **cover}, head) == set()


def test_a_first_caller_adds_no_use_where_its_own_file_already_picked_photos_outside_the_helper(repo):
    picking = COVER.replace("  onTapCover() {", "  onLoad() {\n    wx.chooseImage({ count: 9 })\n  },\n  onTapCover() {")
    head = {"pages/shop/shop.js": picking.replace("{call}", "\n    this.replaceCover()")}
    assert _album(repo, {**NATIVE, "pages/shop/shop.js": picking.replace("{call}", "")}, head) == set()


def test_a_first_caller_of_a_helper_reaching_a_shared_module_another_page_uses_adds_no_use(repo):
    pay = "export default function payOrder(params) {\n  return wx.requestPayment({ ...params })\n}\n"
    cart = ("import payOrder from '../../lib/pay'\nPage({\n  onCheckout() {\n    payOrder(this.data.order)\n  }\n})\n")
    shop = ("import payOrder from '../../lib/pay'\nPage({\n  onBuy() {\n    this.setData({ busy: true }){call}\n  },\n"
            "  settle(order) {\n    return payOrder(order)\n  }\n})\n")
    repo.write_files({**NATIVE, "app.json": '{\n  "pages": ["pages/shop/shop", "pages/cart/cart"]\n}\n',
                      "lib/pay.js": pay, "pages/cart/cart.js": cart, "pages/shop/shop.js": shop.replace("{call}", "")})
    base = repo.commit("base")
    repo.write("pages/shop/shop.js", shop.replace("{call}", "\n    this.settle(this.data.order)"))
    repo.commit("buy now")
    assert not [f for f in found(run(repo.path, base)) if f[0] == "payment.request_payment"]
