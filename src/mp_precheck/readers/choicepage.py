"""Whether a page's controls only choose a way on: a role or language chooser, whatever the page is named.

A first page registered as ``pages/auth/index`` or ``pages/login/login`` is a login page only when it asks the user
to log in. A page whose every control runs a handler of the page's own script that logs in nowhere, and at least
one of which opens another page, lets the user choose (主持人 / 玩家, 中文 / English) and go on: what its controls
do, not its name, tells it. A handler logs in when its body — callbacks included, and the same-file helpers it
calls, two levels deep — calls ``wx.login``, ``wx.authorize`` or an API that asks for the profile
(``checks/auth_pages.yml`` ``handler_asks``; ``uni.`` / ``Taro.`` spellings read as ``wx.``), calls a function
named as a login one (``this.doLogin()``, ``api.wxAuth()``) or names a login page or endpoint in a string
(``'/pages/login/phone'``, ``'/user/login'``). A handler the script does not define leaves the page undecided.

In: a template's text (WXML, or a single-file component whose ``<template>`` and ``<script>`` blocks are read),
its path, and for WXML the page's script text and path. Out: True for such a page. Never raises on malformed
input (an unreadable part gives False).
Source: https://developers.weixin.qq.com/miniprogram/product/index.html (请在用户了解体验小程序功能后，再要求用户进行
帐号登录: a page that asks for no login forces none).
"""

from __future__ import annotations

from msgspec import Struct
from tree_sitter import Node

from mp_precheck.readers.authpage import tables
from mp_precheck.readers.handlers import USER_EVENTS, event_of
from mp_precheck.readers.lifecycle import HELPER_DEPTH, NAVIGATION, ROUTER_HELPER, names_login
from mp_precheck.readers.syntax import node_text, string_value, walk
from mp_precheck.readers.tapasks import api_of, helper_of, page_handlers

# Route APIs that open another page (https://developers.weixin.qq.com/miniprogram/dev/api/route/wx.navigateTo.html)
_ROUTES = NAVIGATION | {"wx.navigateBack"}
# A silent wx.login is fine at launch, but a chooser that logs in on a tap is a login page's button
# (https://developers.weixin.qq.com/miniprogram/dev/api/open-api/login/wx.login.html).
_LOGINS = frozenset({"wx.login", "wx.authorize"})


class _Deeds(Struct):
    routes: bool = False
    logs_in: bool = False


def leads_on(template: str, path: str, script: str | None = None, script_path: str = "") -> bool:
    """Whether the page's controls only choose a way on (see the module): every control's handler is defined by
    the page's script and logs in nowhere, and one of them opens another page."""
    bindings, defs = page_handlers(template, path, script, script_path)
    handlers = {b.handler for b in bindings if event_of(b.attribute) in USER_EVENTS}
    if not handlers or any(handler not in defs for handler in handlers):
        return False
    deeds = _Deeds()
    for handler in handlers:
        _read(handler, defs, HELPER_DEPTH, frozenset(), deeds)
        if deeds.logs_in:
            return False
    return deeds.routes


def _read(name: str, defs: dict[str, Node], depth: int, seen: frozenset[str], deeds: _Deeds) -> None:
    """Note in ``deeds`` what the function ``name`` of ``defs`` does, through ``depth`` levels of same-file helpers."""
    body = defs.get(name)
    if body is None or name in seen:
        return
    for node in walk(body):
        if node.type in ("string", "template_string") and names_login(string_value(node) or ""):
            deeds.logs_in = True
        if node.type != "call_expression":
            continue
        fn = node.child_by_field_name("function")
        api = api_of(fn)
        helper = helper_of(fn)
        if api in _LOGINS or api in tables().handler_asks or names_login(node_text(fn)):
            deeds.logs_in = True
        elif api in _ROUTES or (api is None and fn is not None and fn.type == "member_expression"
                                and ROUTER_HELPER.match(node_text(fn.child_by_field_name("property")))):
            deeds.routes = True
        elif helper is not None and depth > 0:
            _read(helper, defs, depth - 1, seen | {name}, deeds)
        if deeds.logs_in:
            return
