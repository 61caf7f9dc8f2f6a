"""Whether a step of a hook runs only for a user who is already authorized or logged in.

A hook that moves a returning user on — ``if (res.authSetting['scope.userInfo']) { … wx.switchTab(…) }``, the
``success`` of the profile read, ``if (wx.getStorageSync('token')) wx.reLaunch(…)`` — leaves the gate for someone
who passed it; it forces nothing on a first-time user, whatever the page it opens is named. Only the branch that a
test of the user's state decides *granted* counts: ``if (!token) {…}`` and the ``else`` of a granted test still run
for a user who has not logged in, and a name that asks (``needLogin``, ``checkLogin()``) says nothing of the state.

In: the body of the function the step is in (a hook or a helper), the step's node, and a function naming the API a
callee stands for (``wx.getUserProfile``). Out: a bool. Pure function of the syntax tree; never raises.
Sources: https://developers.weixin.qq.com/miniprogram/dev/api/open-api/setting/wx.getSetting.html (authSetting),
https://developers.weixin.qq.com/miniprogram/dev/api/open-api/user-info/wx.getUserProfile.html (its ``success``),
https://developers.weixin.qq.com/community/develop/doc/000cacfa20ce88df04cb468bc52801 (wx.getUserInfo answers anyone).
"""

from __future__ import annotations

from collections.abc import Callable

from tree_sitter import Node

from mp_precheck.core.recache import compiled
from mp_precheck.readers.syntax import first_string, node_text, string_value

# A state name, lower case without ``_``: isLogin, hasLogged, loggedIn, isAuthorized, authed, signedIn — and what a
# logged-in user holds: a token, an openid, the profile (userInfo), a session key; a name saying it lacks one
# (noUserInfo, invalidToken, needToken, expiredToken) names the opposite state.
_STATE = compiled(r"(?:is|has)?(?:login(?:ed)?|loggedin|logged|signedin|auth(?:ed|ori[sz]ed)?)"
                  r"|\w*(?:token|openid|unionid|userinfo|sessionkey|sessionid)")
_LACKING = compiled(r"(?:no|not|non|un|invalid|need|needs|empty|expired|missing|without|lack|lost|bad|clear)"
                    r"(?:login|logged|signed|auth|token|openid|unionid|userinfo|session)")
# Calls whose success callback runs only for a user who gave the profile: wx.getUserProfile's dialog answered.
# wx.getUserInfo answers everyone (an anonymous 微信用户 since 2021) and wx.checkSession a silent wx.login's session:
# their callbacks decide nothing, the decision around them does.
_ANSWERED = frozenset({"wx.getUserProfile"})
# What an authorized or logged-in user may still be made to give before going on: a phone or account bound, a sign-up.
_FURTHER = compiled(r"(?i)bind|绑定|regist|注册|sign_?up|phone|mobile|手机")
_STORAGE_READS = frozenset({"getStorageSync", "getStorage", "get"})  # wx.getStorageSync('token'), storage.get(…)
_FALSY = frozenset({"false", "null", "undefined"})
_FUNCTIONS = frozenset({"function_expression", "function", "arrow_function", "method_definition"})


def moves_on(granted: bool, target: str) -> bool:
    """Whether a step to ``target`` that a user takes only when ``granted`` (:func:`granted_only`) moves that user
    on: any target but a further step asked of one who already logged in (:data:`_FURTHER`: binding a phone,
    registering), which stays a wall for them."""
    return granted and _is_page(target) and _FURTHER.search(target) is None


def _is_page(target: str) -> bool:
    """Whether a forced action's ``target`` is a page it opens: not a dialog (``wx.authorize``, ``wx.showModal``), a
    popup (``popup:…``) or a login helper (``goLogin()``), which a granted user still meets."""
    return not target.startswith(("wx.", "popup:")) and not target.endswith("()")


def granted_only(body: Node, node: Node, resolve: Callable[[Node], str | None]) -> bool:
    """Whether ``node`` runs, within ``body``, only when the user is already authorized or logged in: the nearest
    decision it runs under is the branch of an ``if`` / ternary / ``&&`` / ``||`` whose test says so (its ``else``
    when the test says the opposite), an ``if (…) return`` before it that leaves the others out, or the ``success``
    (``.then``) of a call ``resolve`` names in :data:`_ANSWERED`. A nearer decision of another kind (``if
    (!user.mobile)``, a ``fail`` callback) keeps it a step that may force something on a user who lacks it."""
    child, current = node, node.parent
    while current is not None and child != body:
        verdict = _decided(current, child)
        if verdict is None:
            verdict = _answered(current, child, resolve)
        if verdict is None:
            verdict = _after_return(current, child)
        if verdict is not None:
            return verdict
        child, current = current, current.parent
    return False


def _decided(current: Node, child: Node) -> bool | None:
    """Whether ``child`` is the branch of the decision ``current`` taken only for a granted user; None when
    ``current`` decides nothing about ``child`` (no decision, or ``child`` is its test)."""
    if current.type in ("if_statement", "ternary_expression"):
        test = current.child_by_field_name("condition")
        if test is None or child == test:
            return None
        if child == current.child_by_field_name("consequence"):
            return says_granted(test, True)
        return child == current.child_by_field_name("alternative") and says_granted(test, False)
    if current.type == "binary_expression" and child == current.child_by_field_name("right"):
        operator, left = current.child_by_field_name("operator"), current.child_by_field_name("left")
        if left is not None and operator is not None and operator.type in ("&&", "||"):
            return says_granted(left, operator.type == "&&")
    return False if current.type in ("switch_case", "catch_clause") else None


def _after_return(current: Node, child: Node) -> bool | None:
    """Whether the ``if (T) return`` statements before ``child`` in the block ``current`` let only granted users
    on (one of them returns for the others); None when there is none."""
    if current.type != "statement_block":
        return None
    tests = [test for sibling in current.named_children if sibling.end_byte <= child.start_byte and
             sibling.type == "if_statement" and sibling.child_by_field_name("alternative") is None and
             _leaves(sibling) and (test := sibling.child_by_field_name("condition")) is not None]
    return any(says_granted(test, False) for test in tests) if tests else None


def _leaves(statement: Node) -> bool:
    consequence = statement.child_by_field_name("consequence")
    last = consequence.named_children[-1] if consequence is not None and consequence.type == "statement_block" \
        and consequence.named_children else consequence
    return last is not None and last.type in ("return_statement", "throw_statement")


def _answered(current: Node, child: Node, resolve: Callable[[Node], str | None]) -> bool | None:
    """Whether ``child`` is the success callback of an :data:`_ANSWERED` call: ``success`` of its options object, or
    the first argument of ``.then`` on it; False for a ``fail`` callback or a ``.catch`` (a decision for the users
    the call failed for); None for any other node."""
    call: Node | None = None
    if current.type == "method_definition" or (current.type == "pair" and child.type in _FUNCTIONS):
        key = node_text(current.child_by_field_name("key") or current.child_by_field_name("name")).strip("'\"")
        holder = current.parent.parent if current.parent is not None else None  # object → arguments
        if key == "fail":
            return False
        if key == "success" and holder is not None and holder.type == "arguments":
            call = holder.parent
    elif current.type == "arguments" and current.named_children:
        then = current.parent
        fn = then.child_by_field_name("function") if then is not None else None
        method = node_text(fn.child_by_field_name("property")) if fn is not None and \
            fn.type == "member_expression" else ""
        if method == "catch":
            return False
        if method == "then" and current.named_children[0] == child:
            call = fn.child_by_field_name("object") if fn is not None else None
    fn = call.child_by_field_name("function") if call is not None and call.type == "call_expression" else None
    return True if fn is not None and resolve(fn) in _ANSWERED else None


def says_granted(test: Node, holds: bool) -> bool:
    """Whether ``test`` being true (``holds``) or false (not ``holds``) means the user is authorized or logged in:
    ``res.authSetting['scope.userInfo']``, ``token``, ``wx.getStorageSync('token')``, ``this.data.isLogin === true``
    when true; ``!token``, ``userInfo == null`` when false; through ``!``, ``&&``, ``||`` and parentheses."""
    kind = test.type
    if kind == "parenthesized_expression" and test.named_children:
        return says_granted(test.named_children[-1], holds)
    if kind == "unary_expression":
        operator, argument = test.child_by_field_name("operator"), test.child_by_field_name("argument")
        return operator is not None and operator.type == "!" and argument is not None and \
            says_granted(argument, not holds)
    if kind == "binary_expression":
        operator = test.child_by_field_name("operator")
        left, right = test.child_by_field_name("left"), test.child_by_field_name("right")
        if operator is None or left is None or right is None:
            return False
        if operator.type in ("&&", "||"):
            sides = (says_granted(left, holds), says_granted(right, holds))
            return all(sides) if (operator.type == "||") == holds else any(sides)
        return _compared(operator.type, left, right, holds)
    return holds and _state(test)


def _compared(operator: str, left: Node, right: Node, holds: bool) -> bool:
    """``x === true``, ``x != null``, ``x == ''``: the state of ``x`` the comparison's outcome ``holds`` says."""
    if operator not in ("==", "===", "!=", "!=="):
        return False
    value, literal = (left, right) if _literal(right) is not None else (right, left)
    kept = _literal(literal)
    if kept is None:
        return False
    equal = operator in ("==", "===")
    truthy = holds == equal if kept else holds != equal  # x === true holding, x !== null holding: x is set
    return says_granted(value, truthy)


def _literal(node: Node) -> bool | None:
    """True for ``true``, False for a falsy literal (``false``, ``null``, ``undefined``, ``''``, ``0``), else None."""
    if node.type == "true":
        return True
    if node.type in _FALSY or (node.type == "identifier" and node_text(node) == "undefined") or \
            (node.type == "number" and node_text(node) == "0"):
        return False
    return False if node.type == "string" and string_value(node) == "" else None


def _state(node: Node) -> bool:
    """Whether reading ``node`` reads the user's authorization or login state: a scope of ``authSetting``, a name of
    :data:`_STATE` (a variable, a property, a ``isLogin()`` call) or a stored key read by that name."""
    if node.type == "subscript_expression":
        index = node.child_by_field_name("index")
        if node_text(node.child_by_field_name("object")).rsplit(".", 1)[-1].rstrip("?") == "authSetting":
            return True
        name = string_value(index) if index is not None else None
    elif node.type == "call_expression":
        fn = node.child_by_field_name("function")
        callee = node_text(fn).rsplit(".", 1)[-1]
        name = first_string(node) if callee in _STORAGE_READS else callee
    elif node.type == "member_expression":
        name = node_text(node.child_by_field_name("property"))
    elif node.type == "await_expression" and node.named_children:
        return _state(node.named_children[0])
    else:
        name = node_text(node) if node.type == "identifier" else None
    key = name.replace("_", "").lower() if name is not None else ""
    return _STATE.fullmatch(key) is not None and _LACKING.match(key) is None
