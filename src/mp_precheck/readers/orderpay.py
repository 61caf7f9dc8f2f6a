"""Whose payment a ``requestPayment`` call passed an ``orderInfo`` order is.

A Mini Program's WeChat Pay takes the prepay order as ``timeStamp`` / ``nonceStr`` / ``package`` / ``signType`` /
``paySign`` (https://developers.weixin.qq.com/miniprogram/dev/api/payment/wx.requestPayment.html); uni-app's App and
the Alipay, Baidu and Toutiao Mini Programs take it as ``orderInfo``
(https://uniapp.dcloud.net.cn/api/plugins/payment.html). Such a call (:func:`~.callcontext.other_payment`) is
another platform's where the code says so:

* a function around it is named after another platform or channel (``appPay``, ``alipayPay``, ``toutiaoPay``);
* it runs in the callback of a call naming another channel (``api.alipayOrder(o, (res) => requestPayment(…))``,
  ``createAlipayOrder().then(…)``);
* it sits in a branch taken for another platform (``if (provider === 'alipay')``, ``if (this.isApp)``,
  ``case 'app-plus':``) or in the ``else`` of WeChat's (``if (provider === 'wxpay') … else …``).

Anything else is undecided (:data:`ORDER_PAYMENT`): it is the WeChat build's payment when the app has no
WeChat-shaped one beside it (``analyzers/order_payments.py``). uni-app's ``#ifdef`` blocks of other platforms never
get here (``readers/conditional.py`` blanks them first).
"""

from __future__ import annotations

from tree_sitter import Node

from mp_precheck.core.recache import compiled
from mp_precheck.readers.callcontext import other_payment, other_provider
from mp_precheck.readers.paychannels import channels, words_of
from mp_precheck.readers.syntax import FUNCTION_NODES, node_text, string_value

# A ``wx.requestPayment`` passed an ``orderInfo`` order that no code marks as another platform's: reported under
# the payment rule only where the app has no WeChat-shaped payment (``analyzers/order_payments.py``).
PAYMENT = "wx.requestPayment"
ORDER_PAYMENT = f"{PAYMENT}:orderInfo"

# uni-app's names of the platforms a WeChat build is not (https://uniapp.dcloud.net.cn/tutorial/platform.html),
# as words of a name (``appPay``, ``isAlipay``) and as values a branch compares (``uniPlatform === 'app'``).
_PLATFORM_WORDS = frozenset({"app", "alipay", "baidu", "swan", "toutiao", "douyin", "tt", "qq", "h5", "apple",
                             "kuaishou", "lark", "jd", "harmony"})
_PLATFORM_VALUES = frozenset({"app", "app-plus", "app-android", "app-ios", "app-harmony", "h5", "web", "mp-alipay",
                              "mp-baidu", "mp-toutiao", "mp-qq", "mp-kuaishou", "mp-lark", "mp-jd", "appleiap",
                              "alipay", "baidu", "toutiao", "qq"})
# Words and values that name WeChat itself: a name or branch with one is WeChat's.
_WECHAT_WORDS = frozenset({"wx", "wechat", "weixin", "wxpay", "jsapi", "mp", "mini", "miniprogram", "weapp"})
_WECHAT_VALUES = frozenset({"wxpay", "weixin", "wechat", "mp-weixin", "wx", "jsapi", "weapp"})
_FLAG_STARTS = frozenset({"is", "in", "on", "use"})
_ARGUMENTS = compiled(r"\([^()]*\)")
_HOLDERS = frozenset({"variable_declarator", "pair", "assignment_expression", "public_field_definition"})


def not_wechats(call: Node, api: str | None) -> bool:
    """Whether a call of ``api`` is no use of WeChat's: a literal ``provider`` of another platform
    (:func:`~.callcontext.other_provider`), or a ``wx.requestPayment`` passed an ``orderInfo`` order
    (:func:`~.callcontext.other_payment`) the code around marks as another platform's (:func:`another_platforms`)."""
    return other_provider(call) or (api == PAYMENT and other_payment(call) and another_platforms(call))


def paid_subject(call: Node, api: str | None) -> str | None:
    """The subject a call of ``api`` (not :func:`not_wechats`) is a use of: :data:`ORDER_PAYMENT` for a
    ``wx.requestPayment`` passed an ``orderInfo`` order, else ``api``."""
    return ORDER_PAYMENT if api == PAYMENT and other_payment(call) else api


def another_platforms(call: Node) -> bool:
    """Whether the code around a ``requestPayment`` ``call`` marks it as another platform's payment: a function
    around it named after another platform, a callback of a call naming another channel, or a branch taken for
    another platform (see the module docstring). Never raises."""
    child, node = call, call.parent
    while node is not None:
        if node.type in FUNCTION_NODES and _names_platform(function_name(node)):
            return True
        if node.type == "call_expression" and child.type == "arguments" and _names_channel(node):
            return True
        if node.type in ("if_statement", "ternary_expression") and _branch_elsewhere(node, child):
            return True
        if node.type == "switch_case" and _other_value(node.child_by_field_name("value")):
            return True
        child, node = node, node.parent
    return False


def function_name(function: Node) -> str:
    """The name a function goes by: its own, else its holder's (``const appPay = () => …``, ``{ 'appPay': … }``,
    ``this.appPay = …``: the last part, unquoted); "" for one nothing names."""
    name = function.child_by_field_name("name")
    holder = function.parent
    if name is None and holder is not None and holder.type in _HOLDERS:
        name = holder.child_by_field_name("name") or holder.child_by_field_name("key") or \
            holder.child_by_field_name("left")
    return node_text(name).rpartition(".")[2].strip("'\"`")


def _names_platform(name: str) -> bool:
    """Whether a name's words name another platform or channel and not WeChat (``appPay``, not ``wxAppPay``)."""
    words = words_of(name)
    if not words or _WECHAT_WORDS & set(words):
        return False
    return bool(_PLATFORM_WORDS & set(words)) or _channel_in(words)


def _channel_in(words: list[str]) -> bool:
    """Whether ``words`` hold a spelling of a channel other than WeChat Pay (``checks/pay_channels.yml``)."""
    for spelling, _channel in channels().spellings:
        size = len(spelling)
        if any(tuple(words[i:i + size]) == spelling for i in range(len(words) - size + 1)):
            return True
    return False


def _names_channel(call: Node) -> bool:
    """Whether a call whose argument holds the payment names another channel as a start of payment
    (``api.alipayOrder``, ``createAlipayOrder().then``), not a question about one (``syncAlipayStatus``)."""
    callee = node_text(call.child_by_field_name("function"))
    while _ARGUMENTS.search(callee):
        callee = _ARGUMENTS.sub("", callee)  # createOrder({ channel: 'alipay' }).then: the names, not the data
    words = words_of(callee)
    table = channels()
    return _channel_in(words) and not any(w in table.not_paying for w in words) and not _WECHAT_WORDS & set(words)


def _branch_elsewhere(branch: Node, child: Node) -> bool:
    """Whether ``child`` is the side of an ``if`` / ternary ``branch`` taken on another platform: the consequence
    of a condition naming another platform, or the alternative of one naming WeChat."""
    condition = branch.child_by_field_name("condition")
    if condition is None or child == condition:
        return False
    text = node_text(condition)
    if "!" in text.replace("!==", "").replace("!=", ""):
        return False  # a negated test: which side is whose is not worth guessing
    negative = "!=" in text
    alternative = branch.child_by_field_name("alternative")
    on_else = alternative is not None and child == alternative
    if on_else != negative:
        return _names_wechat(condition)
    return _other_value(condition) or _names_platform_flag(condition)


def _strings(node: Node) -> list[str]:
    """The lower-case values of the string literals in ``node``."""
    out, stack = [], [node]
    while stack:
        current = stack.pop()
        if current.type in ("string", "template_string"):
            value = string_value(current)
            if value:
                out.append(value.lower())
            continue
        stack.extend(current.named_children)
    return out


def _other_value(node: Node | None) -> bool:
    """Whether ``node`` compares with another platform's name (``'alipay'``, ``'app-plus'``) and no WeChat one."""
    values = set(_strings(node)) if node is not None else set()
    return bool(values & _PLATFORM_VALUES) and not values & _WECHAT_VALUES


def _names_wechat(condition: Node) -> bool:
    """Whether a condition tests for WeChat: a WeChat value (``'wxpay'``, ``'mp-weixin'``) or flag (``isWeixin``)."""
    words = _flag_words(condition)
    return bool(set(_strings(condition)) & _WECHAT_VALUES) or bool(words and _WECHAT_WORDS & set(words))


def _names_platform_flag(condition: Node) -> bool:
    """Whether a condition is a flag named after another platform (``this.isApp``, ``inAlipay``)."""
    words = _flag_words(condition)
    return bool(words) and not _WECHAT_WORDS & set(words) and bool(_PLATFORM_WORDS & set(words))


def _flag_words(condition: Node) -> list[str]:
    """The words of a condition that is one flag (``this.isApp``, ``(isAlipay)``): a name whose first word says
    it is one (``is``, ``in``); empty for anything else (``res.appId``, ``a && b``)."""
    while condition.type == "parenthesized_expression" and condition.named_child_count == 1:
        condition = condition.named_children[0]
    if condition.type not in ("identifier", "member_expression"):
        return []
    words = words_of(node_text(condition).rpartition(".")[2])
    return words if words and words[0] in _FLAG_STARTS else []
