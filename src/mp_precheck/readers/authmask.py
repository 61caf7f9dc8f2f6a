"""Whether a page's own template lays a full-screen authorization mask over its content as the page opens.

The page keeps its content, but one of its elements covers the whole screen (``position: fixed`` from top to
bottom or at full height, by a class of the page's style sheet or its inline style:
:func:`~mp_precheck.readers.authoverlay.covers`; ``position: absolute`` too for an element of the page's top two
levels, laid out against the page), everything inside it is an authorization page's
(``readers/authpage.py``: its only control asks for the profile, the phone number or a login; no close control,
no way past — a 取消 whose handler shows the mask again, at once or after a timer, is none) and it shows without
a tap (its conditions and its ancestors' read against the page's script:
:func:`~mp_precheck.readers.authoverlay.shown_on_load`, ``wx:if="{{!userInfo.nickName}}"`` over a
``userInfo: {}``). It is the overlay component of ``readers/authoverlay.py`` written into the page itself. A
mask under a ``wx:else`` / ``wx:elif`` branch is not read (its condition is another element's).

In: the page's template text (WXML, or a single-file component whose ``<template>`` block is read), its path,
its style sheets' text and its script. Out: the :class:`~mp_precheck.readers.authoverlay.Overlay` or None;
never raises on malformed input.
Sources: https://developers.weixin.qq.com/miniprogram/product/index.html (请在用户了解体验小程序功能后，再要求用户进行
帐号登录) and https://developers.weixin.qq.com/miniprogram/dev/framework/view/wxml/conditional.html (wx:if, hidden).
"""

from __future__ import annotations

from collections.abc import Iterator

from mp_precheck.readers.authoverlay import (
    CONDITIONS,
    FIXED,
    Overlay,
    brings_back,
    covering_classes,
    covers,
    shown_on_load,
)
from mp_precheck.readers.authpage import authorization_page
from mp_precheck.readers.authwall import Node, block_tree, template_block
from mp_precheck.readers.conditional import for_wechat
from mp_precheck.readers.handlers import template_bindings

_BRANCHES = ("wx:elif", "wx:else", "v-else-if", "v-else")  # conditions that hang on another element's
# ``position: absolute`` at full size covers the page for an element of the page's top levels (the page's own
# element, or a child of its one wrapping view), laid out against the page rather than a card inside it
_TOP_POSITIONS = ("absolute",)
_TOP_DEPTH = 2


def mask(template: str, path: str, styles: str, script: str | None, script_path: str,
         positions: tuple[str, ...] = FIXED) -> Overlay | None:
    """The first full-screen authorization mask of the page template ``template`` (read as ``path``) shown as
    the page opens (see the module), or None. ``styles`` is the page's style sheets' text, ``script`` its
    script (read as ``script_path``); ``positions`` the CSS positions that cover the screen (``fixed``; with
    ``absolute`` too, a mask laid over the page's container full size, as a page had before the change)."""
    body, offset = template_block(for_wechat(template, path), path)
    wide = tuple(dict.fromkeys((*positions, *_TOP_POSITIONS)))
    cover = (covering_classes(styles, positions), positions, covering_classes(styles, wide), wide)
    for node, conditions in _covering(block_tree(body), (), cover, 0):
        if node.end < node.start or any(key in node.attrs for key in _BRANCHES):
            continue
        block = body[node.start:node.end]
        ask = authorization_page(block, "block.wxml", returning=_returning(block, conditions, script, script_path))
        if ask is not None and shown_on_load(conditions, script, script_path):
            return Overlay(node.line + offset, ask.what)
    return None


def _returning(block: str, conditions: tuple[tuple[str, str], ...], script: str | None,
               script_path: str) -> frozenset[int]:
    """The 1-based lines (within ``block``) of controls whose tap handler in ``script`` shows the mask again
    (``brings_back``): a 取消 there is no way past."""
    if script is None or not conditions:
        return frozenset()
    return frozenset(b.line for b in template_bindings(block)[0]
                     if brings_back(script, script_path, b.handler, conditions))


def _covering(node: Node, conditions: tuple[tuple[str, str], ...],
              cover: tuple[set[str], tuple[str, ...], set[str], tuple[str, ...]],
              depth: int) -> Iterator[tuple[Node, tuple[tuple[str, str], ...]]]:
    """The outermost elements under ``node`` (at ``depth`` below the template's root) that cover the screen
    (``cover``: the covering classes and the positions that cover, then the same with ``absolute`` as well, which
    covers the page only for an element of its top levels), each with the conditions on it and its ancestors as
    (attribute, expression)."""
    for child in node.children:
        own = conditions + tuple((key, child.attrs[key]) for key in CONDITIONS if key in child.attrs)
        classes, style = child.attrs.get("class", "").split(), child.attrs.get("style", "")
        if covers(classes, style, *cover[:2]) or (depth < _TOP_DEPTH and covers(classes, style, *cover[2:])):
            yield child, own
        elif not any(key in child.attrs for key in _BRANCHES):
            yield from _covering(child, own, cover, depth + 1)
