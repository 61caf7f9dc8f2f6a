"""A payment passed an ``orderInfo`` order: the WeChat build's payment only where it is the app's only one.

A ``requestPayment`` call passed ``orderInfo`` and none of WeChat Pay's options (``timeStamp`` / ``nonceStr`` /
``package`` / ``signType`` / ``paySign``) is how uni-app's App and the Alipay, Baidu and Toutiao Mini Programs pay
(https://uniapp.dcloud.net.cn/api/plugins/payment.html). Where no code marks it as another platform's
(``readers/orderpay.py``) it is read as ``wx.requestPayment:orderInfo``, under the payment rule:

* where the app at head also makes a WeChat-shaped payment (``wx.requestPayment``, in any file), that one is the
  WeChat build's and this one another platform's: its findings go;
* otherwise it is the only payment the WeChat build ships, and the reviewer will find a pay flow in the Mini
  Program (https://developers.weixin.qq.com/miniprogram/dev/api/payment/wx.requestPayment.html): its findings
  stay, their advice saying that WeChat Pay takes its own options.

Reads: ``present_at_head`` (``wx.requestPayment``), ``language`` · ``payment.request_payment`` findings on
``wx.requestPayment:orderInfo``.
Writes: removes those findings where the app has a WeChat-shaped payment; otherwise rewrites their fix.
"""

from __future__ import annotations

from msgspec.structs import replace

from mp_precheck.analyzers.context import ProjectContext
from mp_precheck.core.messages import Messages
from mp_precheck.core.report import Finding
from mp_precheck.readers.orderpay import ORDER_PAYMENT, PAYMENT


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    """``findings`` without the ``orderInfo`` payments of an app that pays the WeChat way elsewhere; the others
    with the advice on WeChat Pay's options added to their fix. Never raises on project input."""
    if not any(f.subject == ORDER_PAYMENT for f in findings):
        return findings
    if context.present_at_head({PAYMENT}):
        return [f for f in findings if f.subject != ORDER_PAYMENT]
    note = Messages(context.language).t("advice.order_info")
    return [replace(f, fix=f"{f.fix} {note}") if f.subject == ORDER_PAYMENT else f for f in findings]
