"""Controls whose tap asks for the user's profile through the script rather than through an ``open-type``.

Since ``wx.getUserProfile`` a profile ask is a plain ``<button bindtap="getUserProfile">`` whose handler calls the
API (https://developers.weixin.qq.com/miniprogram/dev/api/open-api/user-info/wx.getUserProfile.html: it must be
called from a tap): the button's label (获取头像昵称) need not say 授权 or 登录, and it has no ``open-type``, yet it
asks for the profile as surely as ``open-type="getUserInfo"`` did. Such a control is told here by its handler: a
function of the page's own script (a method, a ``key: function``, a declaration) whose body — callbacks included,
and the same-file helpers it calls, two levels deep — calls one of ``checks/auth_pages.yml`` ``handler_asks``
(``uni.`` / ``Taro.`` … spellings read as ``wx.``). A handler the script does not define, a dynamic one, or one
that only navigates asks nothing.

In: a template's text (WXML, or a single-file component whose ``<template>`` and ``<script>`` blocks are read),
its path, and for WXML the page's script text and path. Out: 1-based line of each such control's start tag → the
API it calls. Never raises on malformed input (unreadable parts give nothing).
"""

from __future__ import annotations

from functools import lru_cache

from tree_sitter import Node

from mp_precheck.readers.authpage import SFC_SUFFIXES, tables
from mp_precheck.readers.handlers import Binding, template_bindings
from mp_precheck.readers.jsbindings import NAMESPACES
from mp_precheck.readers.lifecycle import HELPER_DEPTH, tree_definitions
from mp_precheck.readers.sfc import script_units, split_blocks
from mp_precheck.readers.syntax import language_for, node_text, parse, walk

_SELF = frozenset({"this", "that", "self", "_this", "vm", "me"})  # a page's own methods called as this.x()


def tap_asks(template: str, path: str, script: str | None = None, script_path: str = "") -> dict[int, str]:
    """The controls of ``template`` (at ``path``) whose tap handler asks for the profile: line → API (see the
    module). ``script`` / ``script_path`` are a WXML page's script; a single-file component's own ``<script>``
    blocks are read instead."""
    return dict(_tap_asks(template, path, script, script_path))


@lru_cache(maxsize=16)  # the entry, launch and auth-page readers each ask again of the same changed page
def _tap_asks(template: str, path: str, script: str | None, script_path: str) -> tuple[tuple[int, str], ...]:
    """:func:`tap_asks` as (line, API) pairs in its order, once per text."""
    bindings, defs = page_handlers(template, path, script, script_path)
    asked = {handler: api for handler in {b.handler for b in bindings}
             if (api := _asks(handler, defs, HELPER_DEPTH, frozenset())) is not None}
    return tuple({b.line: asked[b.handler] for b in bindings if b.handler in asked}.items())


def page_handlers(template: str, path: str, script: str | None = None, script_path: str = ""
                  ) -> tuple[list[Binding], dict[str, Node]]:
    """The event bindings of ``template`` (at ``path``) and the named function bodies of the page's own script
    (``script`` / ``script_path`` for WXML, a single-file component's ``<script>`` blocks otherwise); both empty
    when either is missing."""
    if path.lower().endswith(SFC_SUFFIXES):
        blocks = [b for b in split_blocks(template) if b.tag == "template"]
        bindings = template_bindings(blocks[0].text, blocks[0].line_offset, vue=True)[0] if blocks else []
        units = script_units(template, path)
    else:
        bindings = template_bindings(template)[0]
        units = [(script, script_path, 0)] if script is not None and script_path else []
    if not bindings or not units:
        return [], {}
    defs: dict[str, Node] = {}
    for source, name, _offset in units:
        language = language_for(name)
        for key, body in tree_definitions(parse(language, source.encode("utf-8", "surrogatepass")).root_node,
                                          language).items():
            defs.setdefault(key, body)
    return bindings, defs


def _asks(name: str, defs: dict[str, Node], depth: int, seen: frozenset[str]) -> str | None:
    """The profile API the function ``name`` of ``defs`` calls, directly or through ``depth`` levels of same-file
    helpers; None when it calls none (or is no function of the file)."""
    body = defs.get(name)
    if body is None or name in seen:
        return None
    helpers = []
    for node in walk(body):
        if node.type != "call_expression":
            continue
        fn = node.child_by_field_name("function")
        api = api_of(fn)
        if api is not None and api in tables().handler_asks:
            return api
        helper = helper_of(fn)
        if helper is not None:
            helpers.append(helper)
    if depth <= 0:
        return None
    return next((api for helper in helpers
                 if (api := _asks(helper, defs, depth - 1, seen | {name})) is not None), None)


def api_of(fn: Node | None) -> str | None:
    """``wx.getUserProfile`` of the callee ``uni.getUserProfile`` (any framework namespace); None otherwise."""
    if fn is None or fn.type != "member_expression" or \
            node_text(fn.child_by_field_name("object")) not in NAMESPACES:
        return None
    return f"wx.{node_text(fn.child_by_field_name('property'))}"


def helper_of(fn: Node | None) -> str | None:
    """The same-file function a callee names: ``ask`` of ``ask()`` or ``this.ask()``; None otherwise."""
    if fn is not None and fn.type == "identifier":
        return node_text(fn)
    if fn is not None and fn.type == "member_expression" and node_text(fn.child_by_field_name("object")) in _SELF:
        return node_text(fn.child_by_field_name("property"))
    return None
