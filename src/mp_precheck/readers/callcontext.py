"""How a JS reference, call or literal is used, where that decides whether it is a use at all: a test that an API
exists (``if (wx.getUserProfile)``), a uni-app call whose ``provider`` or options are another platform's, or a
URL literal only compared with a value."""

from __future__ import annotations

from tree_sitter import Node

from mp_precheck.core.recache import compiled
from mp_precheck.readers.syntax import call_option, first_argument
from mp_precheck.readers.syntax import node_text as _text
from mp_precheck.readers.syntax import string_value as _string_value

_TESTS = ("if_statement", "while_statement", "ternary_expression")
# A flag's name: canIUseGetUserProfile, canUseX, hasX, supportsX, isXSupported — a value kept only to be tested
_FLAG_NAME = compiled(r"(?:can(?:I)?Use|has|supports?|is)(?:[A-Z_]|$)|\w*(?:Supported|Available)$")


def is_feature_test(node: Node) -> bool:
    """Whether an API reference only tests that the API exists: ``if (wx.getUserProfile)``,
    ``!wx.X``, ``typeof wx.X``, ``wx.X ? a : b``, ``wx.X && …`` (the call after ``&&`` is a use of its own), or a
    flag-named property holding it (``canIUseGetUserProfile: wx.getUserProfile``, tested later)."""
    current, parent = node, node.parent
    while parent is not None and parent.type in ("parenthesized_expression", "unary_expression"):
        if parent.type == "unary_expression" and _text(parent).lstrip()[:1] not in ("!", "t"):
            return False
        current, parent = parent, parent.parent
    if parent is None:
        return False
    if parent.type == "pair" and parent.child_by_field_name("value") == current:
        key = parent.child_by_field_name("key")  # data: { canIUseGetUserProfile: wx.getUserProfile }
        return key is not None and bool(_FLAG_NAME.match(_text(key).strip("'\"")))
    if parent.type in _TESTS:
        return parent.child_by_field_name("condition") == current
    if parent.type == "binary_expression":
        operator = parent.child_by_field_name("operator")
        return operator is not None and _text(operator) in ("&&", "===", "!==", "==", "!=")
    return current is not node  # !wx.X, typeof wx.X


_EQUALITY = ("===", "!==", "==", "!=")
# String methods whose argument is a text searched for in another (url.startsWith('https://…')): tested, never sent
_TEXT_TESTS = frozenset({"startsWith", "endsWith", "includes", "indexOf", "lastIndexOf"})


def is_compared(literal: Node) -> bool:
    """Whether a string literal is only an operand of an equality test (``grantee.URI === 'http://…/AllUsers'``,
    ``case 'https://…':``) or the text a string test looks for (``url.startsWith('https://…')``,
    ``link.indexOf('https://…') === 0``): a value matched like an identifier (an XML namespace, an ACL group, the
    prefix of links a page accepts), not an address the Mini Program requests, so no server domain to configure
    (https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html)."""
    current, parent = literal, literal.parent
    while parent is not None and parent.type == "parenthesized_expression":
        current, parent = parent, parent.parent
    if parent is None:
        return False
    if parent.type == "arguments" and len(parent.named_children) == 1 and parent.parent is not None:
        callee = parent.parent.child_by_field_name("function")
        return callee is not None and callee.type == "member_expression" and \
            _text(callee.child_by_field_name("property")) in _TEXT_TESTS
    if parent.type == "switch_case":
        return parent.child_by_field_name("value") == current
    operator = parent.child_by_field_name("operator") if parent.type == "binary_expression" else None
    return operator is not None and _text(operator) in _EQUALITY


def is_logged(node: Node) -> bool:
    """Whether an API reference (not a call) is only printed: ``console.log("wx.uploadFile", wx.uploadFile)``.
    A debugging line shows the function object and calls nothing; counting it would put the finding on the log
    line instead of the call that sends (https://developers.weixin.qq.com/miniprogram/dev/api/network/upload/wx.uploadFile.html)."""
    parent = node.parent
    if parent is None or parent.type != "arguments" or parent.parent is None:
        return False
    callee = parent.parent.child_by_field_name("function")
    return callee is not None and callee.type == "member_expression" and \
        _text(callee.child_by_field_name("object")) == "console"


def is_type_reference(node: Node) -> bool:
    """Whether an API reference names a TypeScript type or namespace, not a call: ``import v =
    Taro.navigateToMiniProgram.envVersion`` (an import alias) or ``typeof Taro.login`` in a type. The code it
    types calls nothing; counting it would hide a real call that replaces it elsewhere."""
    parent = node.parent
    while parent is not None and parent.type in ("member_expression", "nested_identifier"):
        parent = parent.parent
    return parent is not None and parent.type in ("import_alias", "type_query")



_FUNCTION_MEMBERS = frozenset({"call", "apply", "bind"})  # wx.request.call(wx, …) still calls the API


def is_property_read(node: Node, api: str | None) -> bool:
    """Whether the reference ``node`` to ``api`` (``wx.X``) reads a property of the framework object rather than
    naming an API: not called, and either a ``$`` member (a value the app or its framework keeps there,
    ``Taro.$globalData``; no API of https://developers.weixin.qq.com/miniprogram/dev/api/ is so named) or an
    object whose own member is read (``wx.env.USER_DATA_PATH``). A wrapper that reads one calls no API."""
    parent = node.parent
    if api is None or parent is None or (parent.type == "call_expression"
                                         and parent.child_by_field_name("function") == node):
        return False
    if api.rpartition(".")[2].startswith("$"):
        return True
    member = parent.child_by_field_name("property") if parent.type == "member_expression" and \
        parent.child_by_field_name("object") == node else None
    return member is not None and _text(member) not in _FUNCTION_MEMBERS

# uni-app login/share/pay providers a WeChat build has: https://uniapp.dcloud.net.cn/api/plugins/login.html
WECHAT_PROVIDERS = frozenset({"weixin", "wxpay", "wechat"})


def other_provider(call: Node) -> bool:
    """Whether a call names, as a literal ``provider``, a service another platform provides (apple, qq, alipay…)."""
    value = call_option(call, "provider")
    literal = _string_value(value) if value is not None else None
    return bool(literal) and str(literal).lower() not in WECHAT_PROVIDERS


# WeChat Pay in a Mini Program takes the prepay order as these options
# (https://developers.weixin.qq.com/miniprogram/dev/api/payment/wx.requestPayment.html); uni-app's App and the
# Alipay, Baidu and Toutiao Mini Programs take it as ``orderInfo`` (https://uniapp.dcloud.net.cn/api/plugins/payment.html).
_WECHAT_PAY_OPTIONS = frozenset({"timeStamp", "nonceStr", "package", "signType", "paySign"})


def other_payment(call: Node) -> bool:
    """Whether a ``requestPayment`` call passes an options object with another platform's ``orderInfo`` and none of
    WeChat Pay's options, there or in an ``orderInfo`` object literal: the App's payment (its WeChat Pay too,
    ``provider: 'wxpay'`` with the App's order string or object) or another Mini Program's. A Mini Program's WeChat
    Pay takes ``timeStamp`` / ``nonceStr`` / ``package`` / ``signType`` / ``paySign``
    (https://uniapp.dcloud.net.cn/api/plugins/payment.html). Spread options (``...params``) are unknown."""
    options = first_argument(call)
    keys = _keys(options)
    if keys is None or "orderInfo" not in keys or keys & _WECHAT_PAY_OPTIONS:
        return False
    order = call_option(call, "orderInfo")
    inner = _keys(order) if order is not None and order.type == "object" else set()
    return inner is not None and not inner & _WECHAT_PAY_OPTIONS


def _keys(options: Node | None) -> set[str] | None:
    """The keys an object literal sets; None for anything else or an object that spreads another."""
    if options is None or options.type != "object":
        return None
    keys = set()
    for member in options.named_children:
        if member.type == "spread_element":
            return None
        key = member.child_by_field_name("key") or member.child_by_field_name("name") or member
        keys.add(_text(key).strip("'\""))
    return keys

