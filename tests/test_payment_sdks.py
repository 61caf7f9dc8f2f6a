"""Payment SDKs (checks/payment_sdks.yml) start WeChat Pay with wx.requestPayment underneath: a page that pays
through a copied Ping++ SDK (``createPayment`` on a ``wx_lite`` charge) takes money as a direct call does. Each
on a small real repository, with the look-alikes that must stay silent."""

from __future__ import annotations

from helpers import run
from mp_precheck.core.thirdparty import PAYMENT_SUBJECT, third_party

PAY_JS = """import pingpp from '../../utils/pingpp'
Page({
  buy(charge) {
    pingpp.createPayment(charge, (result) => { if (result === 'success') wx.navigateBack() })
  },
})
"""


def _hits(report, rule):
    return {(f.path, f.line) for f in report.findings if f.rule == rule}


def test_the_sdk_is_known_by_the_module_it_is_loaded_from():
    assert third_party().sdk_of_module("../../utils/pingpp").subject == PAYMENT_SUBJECT
    assert third_party().sdk_of_module("pingpp-js").subject == PAYMENT_SUBJECT
    assert third_party().sdk_of_module("./pay") is None


def test_a_page_paying_through_a_copied_payment_sdk_is_a_payment(app_repo):
    app_repo.write("utils/pingpp.js", "module.exports = {}\n")  # the vendored SDK, minified in real apps
    base = app_repo.commit("the SDK")
    app_repo.write("pages/me/me.js", PAY_JS)
    app_repo.commit("pay the fee")
    assert _hits(run(app_repo.path, base), "payment.request_payment") == {("pages/me/me.js", 4)}


def test_a_project_module_with_a_method_of_the_same_name_is_no_payment(app_repo):
    app_repo.write("utils/order.js", "module.exports = { createPayment(o) { return o } }\n")
    base = app_repo.commit("an order helper")
    app_repo.write("pages/me/me.js", PAY_JS.replace("../../utils/pingpp", "../../utils/order")
                   .replace("pingpp", "order"))
    app_repo.commit("an order record")
    assert _hits(run(app_repo.path, base), "payment.request_payment") == set()


def test_a_commented_out_sdk_payment_is_no_payment(app_repo):
    app_repo.write("utils/pingpp.js", "module.exports = {}\n")
    base = app_repo.commit("the SDK")
    app_repo.write("pages/me/me.js", PAY_JS.replace("    pingpp.createPayment", "    // pingpp.createPayment"))
    app_repo.commit("payment not yet")
    assert _hits(run(app_repo.path, base), "payment.request_payment") == set()
