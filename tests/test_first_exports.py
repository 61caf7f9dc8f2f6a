"""A helper module's function nothing in the base app called, and a page's first call of it: the page imported the
helper, its call sat in a comment; the change writes the call and the app reaches the API for the first time
(core/firstexports.py, readers/exportnames.py). A helper another file already called, or one the page may have
handed on as a value, stays a use: the page's call is judged by the count as it was."""

from __future__ import annotations

from conftest import Repo
from helpers import found, run
from mp_precheck.readers.exportnames import names_beyond_imports

CHECKOUT = """import { settle } from '../../utils/money'
Page({
  buy() {
    const order = { sign: 'x' }
    {call}
  }
})
"""
MONEY = """export function settle(order, done) {
  wx.requestPayment({ timeStamp: '1', nonceStr: 'n', package: 'p', signType: 'MD5', paySign: order.sign,
    success: done })
}
"""
# the change touches the helper too (its callback): the helper's file is among the changed files on both sides
MONEY_EDITED = MONEY.replace("success: done", "complete: done")
AVATAR = """const { shoot } = require('../../utils/camera')
Page({
  change() {
    {call}
  }
})
"""
CAMERA = """function shoot(done) {
  wx.chooseMedia({ count: 1, mediaType: ['image'], success: done })
}
module.exports = { shoot }
"""


def _rules(repo: Repo, base_files: dict[str, str], head_files: dict[str, str], family: str) -> set[tuple[str, str, int, str]]:
    repo.write_files(base_files)
    base = repo.commit("base")
    repo.write_files(head_files)
    repo.commit("head")
    return {f for f in found(run(repo.path, base)) if f[0].startswith(family)}


def test_a_payment_helper_whose_only_call_was_commented_out_is_told_at_its_first_live_call(app_repo):
    base = {"utils/money.js": MONEY, "pages/me/me.js": CHECKOUT.replace("{call}", "// settle(order, () => {})")}
    head = {"utils/money.js": MONEY_EDITED, "pages/me/me.js": CHECKOUT.replace("{call}", "settle(order, () => {})")}
    assert _rules(app_repo, base, head, "payment.") == {("payment.request_payment", "pages/me/me.js", 5, "file")}


def test_a_required_photo_helper_nothing_called_is_told_at_its_first_call(app_repo):
    base = {"utils/camera.js": CAMERA, "pages/me/me.js": AVATAR.replace("{call}", "")}
    head = {"utils/camera.js": CAMERA.replace("count: 1", "count: 9"),
            "pages/me/me.js": AVATAR.replace("{call}", "shoot((r) => this.setData({ photos: r.tempFiles }))")}
    assert ("pages/me/me.js", 4) in {f[1:3] for f in _rules(app_repo, base, head, "privacy.")}


def test_a_payment_helper_another_page_already_called_stays_a_use(app_repo):
    other = "import { settle } from '../../utils/money'\nPage({ pay() { settle({ sign: 'y' }) } })\n"
    base = {"utils/money.js": MONEY, "pages/index/index.js": other,
            "pages/me/me.js": CHECKOUT.replace("{call}", "// settle(order, () => {})")}
    head = {"utils/money.js": MONEY_EDITED, "pages/me/me.js": CHECKOUT.replace("{call}", "settle(order, () => {})")}
    assert _rules(app_repo, base, head, "payment.") == set()


def test_a_payment_helper_the_page_handed_on_as_a_value_stays_a_use(app_repo):
    base = {"utils/money.js": MONEY,
            "pages/me/me.js": CHECKOUT.replace("{call}", "this.pending = Promise.resolve(order).then(settle)")}
    head = {"utils/money.js": MONEY_EDITED, "pages/me/me.js": CHECKOUT.replace(
        "{call}", "this.pending = Promise.resolve(order).then(settle)\n    settle(order, () => {})")}
    assert _rules(app_repo, base, head, "payment.") == set()


def test_a_payment_helper_its_own_module_already_called_stays_a_use(app_repo):
    money = MONEY + "export function settleAll(orders) {\n  orders.forEach((o) => settle(o))\n}\n"
    other = "import { settleAll } from '../../utils/money'\nPage({ pay() { settleAll([]) } })\n"
    base = {"utils/money.js": money, "pages/index/index.js": other,
            "pages/me/me.js": CHECKOUT.replace("{call}", "// settle(order, () => {})")}
    head = {"utils/money.js": money.replace("success: done", "complete: done"),
            "pages/me/me.js": CHECKOUT.replace("{call}", "settle(order, () => {})")}
    assert _rules(app_repo, base, head, "payment.") == set()


def test_the_files_that_may_call_an_exported_function():
    page = "import { settle as pay, other } from './money'\n// settle(order)\nPage({ a: { settle: 1 } })\n"
    assert names_beyond_imports(page, "pages/a.js", {"settle", "other"}) == set()
    assert names_beyond_imports(page + "pay(order)\n", "pages/a.js", {"settle"}) == {"settle"}
    assert names_beyond_imports("const { settle } = require('./money')\n", "pages/a.js", {"settle"}) == set()
    assert names_beyond_imports("this.$parent.settle()\n", "pages/a.wpy.js", {"settle"}) == {"settle"}
    assert names_beyond_imports("export { settle } from './money'\n", "utils/index.js", {"settle"}) == {"settle"}
    own = "export function settle() {\n  settle()\n}\nmodule.exports = { settle }\n"
    assert names_beyond_imports(own, "utils/money.js", {"settle"}, [(1, 3)]) == set()
    assert names_beyond_imports(own + "export const later = () => settle()\n", "utils/money.js", {"settle"},
                                [(1, 3)]) == {"settle"}
    assert names_beyond_imports('<button bindtap="settle">付款</button>\n', "pages/a.wxml", {"settle"}) == {"settle"}
