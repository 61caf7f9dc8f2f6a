"""Whether a page's template shows its way into the app only to a user a login check lets in: a gate in the page.

A welcome page keeps its pictures and words for everyone, but its controls hang on one flag: the way in (a
``<navigator open-type="switchTab">``, a control whose tap handler switches to a tab, relaunches or redirects — the
page's script, callbacks and same-file helpers two levels deep) shows under ``wx:if="{{registered}}"`` /
``v-if``, and under the flag's other value nothing but an ask for the profile, the phone number or a login
(``readers/authpage.py``). When a load hook sets the flag that way (``registered: false`` after a ``wx.login`` and
a server check finds no account, or the flag starts so), a new user can only authorize: forced authorization
before any experience, though nothing redirects. A control that hangs on no flag (a list, a 随便看看 link), a
second flag, a way in that only opens a detail page (``navigateTo``: the page stays beneath) or a condition the
reader cannot take apart (``!hasUserInfo && canIUse``) is no gate.

In: a page template's text (WXML, or a single-file component whose ``<template>`` and ``<script>`` blocks are
read), its path, and the page's script text and path (a single-file component's script block). Out: the
:class:`~mp_precheck.readers.authwall.Wall` at the ask's element, or None; never raises on malformed input.
Sources: https://developers.weixin.qq.com/miniprogram/product/index.html (请在用户了解体验小程序功能后，再要求用户进行
帐号登录), https://developers.weixin.qq.com/miniprogram/dev/framework/view/wxml/conditional.html and
https://developers.weixin.qq.com/miniprogram/dev/component/navigator.html (open-type).
"""

from __future__ import annotations

from tree_sitter import Node as Syntax

from mp_precheck.readers.authpage import authorization_page
from mp_precheck.readers.authwall import ELSE, Node, Wall, block_tree, closed_on_load, flag_test, template_block
from mp_precheck.readers.conditional import for_wechat
from mp_precheck.readers.lifecycle import HELPER_DEPTH
from mp_precheck.readers.markup import is_event_attribute
from mp_precheck.readers.syntax import walk
from mp_precheck.readers.tapasks import api_of, helper_of, page_handlers

# Route calls that leave the welcome page for the app (https://developers.weixin.qq.com/miniprogram/dev/api/route/).
_ENTERS = frozenset({"wx.switchTab", "wx.reLaunch", "wx.redirectTo"})
_NAVIGATOR_ENTERS = frozenset({"switchTab", "reLaunch", "redirect"})
_CONDITIONS = ("wx:if", "wx:elif", "v-if", "v-else-if", "v-show", "hidden", *ELSE)

Test = tuple[str, "bool | None"]


def gate(template: str, path: str, script: str | None = None, script_path: str = "") -> Wall | None:
    """The gate the page template ``template`` (read as ``path``) is, or None (see the module); ``script`` /
    ``script_path`` are the page's script (a single-file component's script block, named ``page.vue.js``)."""
    body, offset = template_block(for_wechat(template), path)
    bindings, defs = page_handlers(template, path, script, script_path)
    entering = {b.line - offset for b in bindings if _enters(b.handler, defs, HELPER_DEPTH, frozenset())}
    controls: list[tuple[Node, Node | None, Test | None]] = []
    if not _controls(block_tree(body), None, None, controls):
        return None  # a condition not taken apart
    tests = {test for _node, _holder, test in controls}
    if not controls or None in tests or len({test[0] for test in tests if test is not None}) != 1 or \
            any(test is not None and test[1] is None for test in tests):
        return None  # a control everyone sees, more than one flag, or a test that is neither way round
    holders = {id(holder): (holder, test) for _node, holder, test in controls if holder is not None and test}
    asks = {key: ask for key, (holder, _test) in holders.items()
            if (ask := authorization_page(body[holder.start:holder.end if holder.end >= holder.start else None],
                                          "block.wxml")) is not None}
    sides = {test[1] for key, (_holder, test) in holders.items() if key not in asks}
    if len(sides) != 1 or not asks or {test[1] for key, (_holder, test) in holders.items() if key in asks} & sides:
        return None  # the ask shows beside the rest, or no other side
    usable, flag = sides.pop() is True, next(test[0] for test in tests if test is not None)
    if not any(_way_in(node, entering) for node, holder, _test in controls if holder is not None and
               id(holder) not in asks):
        return None  # no way in hangs on the flag: it hides a header, a greeting, a detail link
    first = min((holders[key][0] for key in asks), key=lambda n: n.start)
    if not closed_on_load(flag, usable, script, script_path):
        return None
    return Wall(first.line + offset, flag, asks[id(first)].what)


def _controls(node: Node, holder: Node | None, test: Test | None, out: list[tuple[Node, Node | None, Test | None]],
              ) -> bool:
    """Collect into ``out`` each control under ``node`` with the nearest conditioned element holding it and that
    element's test; False when a condition cannot be read as one flag."""
    previous: Test | None = None
    for child in node.children:
        own = flag_test(child.attrs, held=False)
        if own is None and any(key in child.attrs for key in ELSE):
            own = (previous[0], None if previous[1] is None else not previous[1]) if previous is not None else None
        if own is None and any(key in child.attrs for key in _CONDITIONS):
            if not _inert(child):
                return False
            continue
        previous = own
        held, held_test = (child, own) if own is not None else (holder, test)
        if _control(child):
            out.append((child, held, held_test))
        if not _controls(child, held, held_test, out):
            return False
    return True


def _inert(node: Node) -> bool:
    """Whether an element under a condition not read holds no control (a loading picture, a greeting)."""
    return not _control(node) and all(_inert(child) for child in node.children)


def _control(node: Node) -> bool:
    """Whether an element is something to press: a button, a navigator, or anything bound to an event."""
    return node.tag in ("button", "navigator") or any(is_event_attribute(key) for key in node.attrs)


def _way_in(node: Node, entering: set[int]) -> bool:
    """Whether a control leaves the page for the app: a navigator that switches, relaunches or redirects, or one
    whose tap handler does."""
    if node.tag == "navigator" and node.attrs.get("open-type", "") in _NAVIGATOR_ENTERS:
        return True
    return node.line in entering


def _enters(name: str, defs: dict[str, Syntax], depth: int, seen: frozenset[str]) -> bool:
    """Whether the function ``name`` of ``defs`` (or a same-file helper it calls, ``depth`` levels deep) leaves the
    page for the app (:data:`_ENTERS`), callbacks included."""
    body = defs.get(name)
    if body is None or name in seen:
        return False
    helpers = []
    for node in walk(body):
        if node.type != "call_expression":
            continue
        fn = node.child_by_field_name("function")
        if api_of(fn) in _ENTERS:
            return True
        if (helper := helper_of(fn)) is not None:
            helpers.append(helper)
    return depth > 0 and any(_enters(helper, defs, depth - 1, seen | {name}) for helper in helpers)
