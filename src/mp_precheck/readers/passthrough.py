"""Whether a page logs the user in silently on load and moves on to the content by itself.

A page named as a login page (``pages/login/login``) made the entry page is forced login when it asks the user
for something — a tap, a phone number, the profile, a form. One that only shows a spinner while a silent login
runs (``wx.login`` and a code exchange, a cached token) and then opens the content (``wx.switchTab`` home) asks
nothing: the user lands on the content, which is the guest mode WeChat asks for ("启动时只用 wx.login 静默登录"
in the forced-login rule's fix). Told from the page's script: a load hook (``onLoad``…) calls a login
(a call named login/auth/signin, not a profile or phone prompt) and, in that call's success continuation
(``.then(…)``, ``success:``, or after ``await`` in the same block), forwards to a page that is no login page,
under no condition of its own but a choice between two forwards, and with no decision on the way from the hook
to the login except on the page's launch options (``if (options.from) … else …``).

In: a page script's text (JS/TS, or a single-file component whose ``<script>`` block is read) and its path.
Out: True for such a page. Never raises on malformed code.
Source: https://developers.weixin.qq.com/miniprogram/product/index.html (请在用户了解体验小程序功能后，再要求用户进行
帐号登录) and https://developers.weixin.qq.com/miniprogram/dev/api/open-api/login/wx.login.html.
"""

from __future__ import annotations

import re

from tree_sitter import Node

from mp_precheck.core.lazyre import lazy
from mp_precheck.readers.lifecycle import LOGIN_TARGET, definitions, page_path
from mp_precheck.readers.openinghooks import opening_bodies
from mp_precheck.readers.sfc import split_blocks
from mp_precheck.readers.syntax import first_argument, language_for, node_text, object_property, parse, walk

_SFC = (".vue", ".nvue", ".uvue", ".wpy", ".mpx")
_NAMESPACES = frozenset({"wx", "uni", "Taro", "taro", "mpx", "wepy", "mpvue", "qq", "tt", "my", "swan"})
_FORWARDS = frozenset({"switchTab", "reLaunch", "redirectTo"})
# A silent login's name (wx.login, autoAuth, this.silentLogin); a prompt for the profile or phone is none.
_LOGIN_CALL = lazy(r"login|logon|auth|signin", re.IGNORECASE)
_PROMPT_CALL = lazy(r"profile|userinfo|phone|authorize|setting", re.IGNORECASE)
_BRANCHES = ("if_statement", "ternary_expression", "switch_statement", "binary_expression")


def logs_in_and_moves_on(source: str, path: str) -> bool:
    """Whether the page script ``source`` (at ``path``) forwards to the content from a load hook once a silent
    login succeeded (see the module docstring)."""
    script, name = source, path
    if path.lower().endswith(_SFC):
        blocks = [b for b in split_blocks(source) if b.tag == "script"]
        if not blocks:
            return False
        lang = blocks[0].attrs.get("lang") or "js"
        script, name = blocks[0].text, f"{path}.{lang}"
    root = parse(language_for(name), script.encode("utf-8", "surrogatepass")).root_node
    nodes = list(walk(root))
    return any(_hook_moves_on(body) for _hook, body in opening_bodies(nodes, definitions(nodes)))


def _hook_moves_on(body: Node) -> bool:
    options = _first_parameter(body)
    for node in walk(body):
        continuation = _login_continuation(node) if node.type == "call_expression" else None
        if continuation is None or _decided(body, node, options):
            continue
        if any(_forward(call) and not _conditional(continuation, call) for call in walk(continuation)):
            return True
    return False


def _login_continuation(call: Node) -> Node | None:
    """The code that runs once the login ``call`` succeeded: the callback of ``login().then(cb)``, the
    ``success`` of ``wx.login({ success })``, or the statements after ``await login()`` in its block."""
    name = _callee_name(call)
    if name is None or not _LOGIN_CALL.search(name) or _PROMPT_CALL.search(name):
        return None
    success = _option(first_argument(call), "success")
    if success is not None:
        return success
    parent = call.parent
    if parent is not None and parent.type == "member_expression" and node_text(parent.child_by_field_name(
            "property")) == "then" and parent.parent is not None and parent.parent.type == "call_expression":
        return first_argument(parent.parent)
    statement = parent.parent if parent is not None and parent.type == "await_expression" else None
    while statement is not None and statement.parent is not None and statement.parent.type != "statement_block":
        statement = statement.parent
    return statement.parent if statement is not None and statement.parent is not None else None


def _forward(call: Node) -> bool:
    """``wx.switchTab({ url: '/pages/home/home' })`` (or uni / Taro's) to a page that is no login page."""
    if call.type != "call_expression":
        return False
    fn = call.child_by_field_name("function")
    if fn is None or fn.type != "member_expression" or node_text(fn.child_by_field_name("property")) not in _FORWARDS:
        return False
    if node_text(fn.child_by_field_name("object")) not in _NAMESPACES:
        return False
    arg = first_argument(call)
    url = node_text(object_property(arg, "url") if arg is not None and arg.type == "object" else arg)
    return bool(url) and not LOGIN_TARGET.search(page_path(url))


def _conditional(continuation: Node, call: Node) -> bool:
    """Whether ``call`` runs under a decision inside ``continuation`` — an ``if`` whose other branch does not
    forward too (``if (res.registered) switchTab() else showForm()``), or a failure callback."""
    current = call.parent
    while current is not None and current != continuation:
        if current.type == "if_statement":
            alternative = current.child_by_field_name("alternative")
            if alternative is None or not any(_forward(n) for n in walk(alternative)):
                return True
        elif current.type in _BRANCHES[1:] or current.type == "catch_clause" or _named(current, ("fail", "catch")):
            return True
        current = current.parent
    return False


def _decided(body: Node, node: Node, options: str | None) -> bool:
    """Whether ``node`` runs under a decision of the hook ``body`` other than one on its launch options."""
    current = node.parent
    while current is not None and current != body:
        if current.type in _BRANCHES or current.type == "catch_clause":
            test = current.child_by_field_name("condition")
            if not (current.type == "if_statement" and options and test is not None and
                    re.search(rf"\b{re.escape(options)}\b", node_text(test))):
                return True
        current = current.parent
    return False


def _named(node: Node, names: tuple[str, ...]) -> bool:
    """A ``fail:`` / ``.catch`` callback: a pair or method keyed, or a call's member, by one of ``names``."""
    if node.type in ("pair", "method_definition"):
        return node_text(node.child_by_field_name("key") or node.child_by_field_name("name")) in names
    if node.type == "call_expression":
        fn = node.child_by_field_name("function")
        return fn is not None and fn.type == "member_expression" and \
            node_text(fn.child_by_field_name("property")) in names
    return False


def _callee_name(call: Node) -> str | None:
    fn = call.child_by_field_name("function")
    if fn is None:
        return None
    if fn.type == "member_expression":
        return node_text(fn.child_by_field_name("property"))
    return node_text(fn) if fn.type == "identifier" else None


def _option(obj: Node | None, key: str) -> Node | None:
    """``key`` of an options object, written ``key: function () {…}`` or as a method ``key() {…}``."""
    value = object_property(obj, key)
    if value is not None or obj is None or obj.type != "object":
        return value
    return next((n for n in obj.named_children if n.type == "method_definition"
                 and node_text(n.child_by_field_name("name")) == key), None)


def _first_parameter(body: Node) -> str | None:
    """The name of the hook's first parameter (``onLoad(options)``): the page's launch options."""
    fn = body.parent
    params = fn.child_by_field_name("parameters") if fn is not None else None
    first = params.named_children[0] if params is not None and params.named_children else None
    if first is None and fn is not None and fn.child_by_field_name("parameter") is not None:
        first = fn.child_by_field_name("parameter")
    return node_text(first) if first is not None and first.type == "identifier" else None
