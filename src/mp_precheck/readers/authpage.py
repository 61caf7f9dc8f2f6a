"""Whether a page template is an authorization page, told by what it does rather than by its name.

An authorization page's only controls ask the user to authorize or log in: a ``<button>`` (or a UI kit's
``*-button`` that forwards it) with an ``open-type`` that asks for the user's data (``getUserInfo``,
``getPhoneNumber``, ``chooseAvatar``…), an ``<input type="nickname">``, a control whose tap handler calls
``wx.getUserProfile`` (told by the caller: ``readers/tapasks.py``), or a control whose label says 授权 / 登录;
a login form's fields (an ``<input>`` or a kit's ``van-field`` whose type, label or placeholder says phone,
password or verification code) may stand beside that submit control. Everything else is layout, text or
pictures, nothing is repeated (no ``wx:for`` / ``v-for`` list) and no control offers a way past (暂不登录, 跳过).
The tables are data: ``checks/auth_pages.yml``. A home page with a login button has other controls or content
beside it and is no authorization page.

In: a template's text (WXML, or a single-file component whose ``<template>`` block is read). Out: the first
:class:`Ask` of such a page, or None. Never raises on malformed markup.
Source: https://developers.weixin.qq.com/miniprogram/dev/component/button.html (open-type).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache, lru_cache

from msgspec import Struct, field

from mp_precheck.core.catalog import validated
from mp_precheck.core.resources import data_dir
from mp_precheck.readers.conditional import for_wechat
from mp_precheck.readers.handlers import USER_EVENTS, event_of
from mp_precheck.readers.htmlfeed import feed_shared
from mp_precheck.readers.lifecycle import LOGIN_TARGET
from mp_precheck.readers.markup import (
    ElementStack,
    capability_value,
    is_event_attribute,
    normalise_attribute,
    normalise_tag,
)
from mp_precheck.readers.sfc import split_blocks

TABLE = "auth_pages.yml"
SCHEMA = "auth_pages.schema.json"
SFC_SUFFIXES = (".vue", ".nvue", ".uvue", ".wpy", ".mpx")
_LOOPS = frozenset({"wx:for", "v-for", "a:for", "s-for", "tt:for", "qq:for"})
# Attributes that show an element only under a condition: a control under one is seen only when it holds.
_CONDITIONS = frozenset({"wx:if", "wx:elif", "wx:else", "v-if", "v-else-if", "v-else", "v-show", "a:if", "a:elif",
                         "a:else", "s-if", "s-elif", "s-else", "tt:if", "tt:elif", "tt:else"})


class AuthPageDataError(ValueError):
    """``checks/auth_pages.yml`` does not match its schema (a packaging bug, not user input)."""


class Ask(Struct, frozen=True):
    """An authorization control at 1-based ``line``: ``what`` names it (``button[open-type=getUserInfo]``,
    ``input[type=nickname]``, or ``<button> 授权登录`` for one told by its label); ``worded`` when its label
    says it logs in or authorizes (授权登录), not only what it asks for."""

    line: int
    what: str
    worded: bool = False


class Tables(Struct, frozen=True):
    asks: frozenset[str]
    labels: tuple[str, ...]
    skips: tuple[str, ...]
    forwards: frozenset[str]
    frame: frozenset[str]
    controls: frozenset[str]
    frame_endings: tuple[str, ...]
    field_endings: tuple[str, ...]
    credentials: tuple[str, ...]
    terms: tuple[str, ...]
    handler_asks: frozenset[str]


def check_auth_pages() -> None:
    """Check the shipped table against its schema (the test suite does).

    Raises:
        AuthPageDataError: the table does not match, naming the file and the key path.
    """
    validated(data_dir("checks") / TABLE, SCHEMA, AuthPageDataError)


@cache
def tables() -> Tables:
    """The shipped table, read once."""
    data = validated(data_dir("checks") / TABLE, SCHEMA, check=False)
    return Tables(frozenset(data["asks"]), tuple(word.lower() for word in data["labels"]),
                  tuple(word.lower() for word in data["skips"]), frozenset(data["forwards"]), frozenset(data["frame"]),
                  frozenset(data["controls"]), tuple(data["frame_endings"]), tuple(data["field_endings"]),
                  tuple(word.lower() for word in data["credentials"]), tuple(word.lower() for word in data["terms"]),
                  frozenset(data["handler_asks"]))


class _Control(Struct):
    tag: str
    line: int
    asks: str | None  # what it asks for by its attributes, None when only its label may tell
    label: list[str] = field(default_factory=list)
    credential: bool = False  # a login form's field: its type, label, placeholder or name says so
    shown_under: tuple[int, ...] = ()  # the conditional elements (by their order) it sits in
    inert: bool = False  # a bound element whose handlers the script does not define (a tap does nothing)


class _Shape(ElementStack):
    def __init__(self, line_offset: int, inert: frozenset[int] = frozenset(),
                 tapped: Mapping[int, str] | None = None) -> None:
        super().__init__(convert_charrefs=True)
        self.line_offset = line_offset
        self.inert = inert  # lines of elements whose event bindings name no handler the script defines
        self.tapped = tapped or {}  # lines of controls whose tap handler asks for the profile → the API
        self.table = tables()
        self.controls: list[_Control] = []
        self.open: list[tuple[str, _Control | None, int | None]] = []
        self.content = False  # a list, or a component that is neither frame nor control
        self.repeated = False  # a wx:for / v-for list
        self.login_tags = False  # a component named as a login or authorization one (<login-popup>)
        self.conditionals = 0  # conditional elements opened so far: each one's number names it

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        name = normalise_tag(tag)
        values = {normalise_attribute(key): value for key, value in attrs if not key.startswith((":", "v-bind:"))}
        line = self.getpos()[0] + self.line_offset
        events = any(is_event_attribute(key) and event_of(key) in USER_EVENTS for key, _ in attrs)
        if any(key in _LOOPS for key, _ in attrs):
            self.content = self.repeated = True
        self.login_tags |= bool(LOGIN_TARGET.search(name))
        control, shown_under = None, tuple(c for _name, _control, c in self.open if c is not None)
        conditional = None
        if any(key in _CONDITIONS for key, _ in attrs):
            self.conditionals += 1
            conditional = self.conditionals
            shown_under = (*shown_under, conditional)
        if name in self.table.controls or name.endswith(("-button", *self.table.field_endings)) or events:
            tapped = f"<{name}> {self.tapped[line]}" if line in self.tapped else None
            asks = _asks(name, values, self.table) or tapped
            control = _Control(name, line, asks,
                               credential=_credential(name, values, self.table), shown_under=shown_under,
                               inert=line in self.inert and name not in self.table.controls)
            self.controls.append(control)
        elif name not in self.table.frame and not name.endswith(self.table.frame_endings):
            self.content = True
        self.open.append((name, control, conditional))

    def handle_data(self, data: str) -> None:
        for _, control, _conditional in self.open:
            if control is not None:
                control.label.append(data.strip())


def _asks(tag: str, values: dict[str, str | None], table: Tables) -> str | None:
    open_type = capability_value(values.get("open-type"))
    if open_type in table.asks:
        return f"button[open-type={open_type}]"
    if tag == "input" and capability_value(values.get("type")) == "nickname":
        return "input[type=nickname]"
    return None


def _credential(tag: str, values: dict[str, str | None], table: Tables) -> bool:
    """Whether the element is a login form's field: an input (or a kit's field) whose type, label, placeholder
    or name says account, phone, password or code, or a ``password`` input."""
    if tag != "input" and not tag.endswith(table.field_endings):
        return False
    words = " ".join(values.get(key) or "" for key in ("type", "label", "placeholder", "name", "title")).lower()
    return "password" in values or any(word in words for word in table.credentials)


def _shape(text: str, path: str, inert: frozenset[int] = frozenset(),
           tapped: Mapping[int, str] | None = None) -> _Shape | None:
    """The shape of the template ``text`` (a single-file component's ``<template>`` block), None without one;
    ``inert`` and ``tapped`` as in :func:`authorization_page`."""
    text = for_wechat(text, path)
    if path.endswith(SFC_SUFFIXES):
        blocks = [b for b in split_blocks(text) if b.tag == "template"]
        if not blocks:
            return None
        text, offset = blocks[0].text, blocks[0].line_offset
    else:
        offset = 0
    shape = _Shape(offset, inert, tapped)
    feed_shared(shape, text)
    return shape


def content_page(text: str, path: str) -> bool:
    """Whether the template ``text`` (of the file at ``path``) is a page of content whatever its name: it lists
    something (a ``wx:for`` / ``v-for``) and nothing on it asks to authorize or log in (:func:`asks_nothing`). A
    committee's 权限管理 page named ``authorize`` is such a page; a login page is not."""
    shape = _shape(text, path)
    return shape is not None and shape.repeated and _asks_nothing(shape)


def asks_nothing(text: str, path: str) -> bool:
    """Whether nothing on the template ``text`` (of the file at ``path``) asks to authorize or log in: no control
    that asks for the user's data, says 授权 / 登录, or is a login form's field, and no component named as a login
    one. False without a template."""
    shape = _shape(text, path)
    return shape is not None and _asks_nothing(shape)


def _asks_nothing(shape: _Shape) -> bool:
    return not shape.login_tags and not any(
        control.asks is not None or control.credential or
        any(word in " ".join(control.label).lower() for word in shape.table.labels) for control in shape.controls)


def authorization_page(text: str, path: str, inert: frozenset[int] = frozenset(),
                       returning: frozenset[int] = frozenset(), tapped: Mapping[int, str] | None = None
                       ) -> Ask | None:
    """The first authorization control of the template ``text`` (of the file at ``path``: a single-file
    component's ``<template>`` block is read) when the page is an authorization page; None otherwise.
    ``inert`` are the 1-based lines of elements whose event bindings all name handlers the page's script does
    not define (``analyzers/dead_ui.py``): a tap there does nothing, so such an element with no words of its
    own (the user's avatar bound to a ``bindViewTap`` left from the template project) is a picture, not
    another way forward; one with a label (先去首页看看) still offers one
    (https://developers.weixin.qq.com/miniprogram/dev/framework/view/wxml/event.html).

    A link to the terms (服务协议, 隐私政策) beside the ask is part of a login page, not another thing to do; a
    way past (暂不登录) counts where the first ask shows, not in a block shown under another condition (the
    取消 of a bind-phone popup that opens after login). ``returning`` are the 1-based lines of controls whose tap
    puts the ask back (a 取消 that hides a login overlay and shows it again after a timer): no way past.
    ``tapped`` maps the 1-based lines of controls whose tap handler asks for the profile
    (``readers/tapasks.py``: a plain 获取头像昵称 button calling ``wx.getUserProfile``) to that API: such a
    control asks as an ``open-type`` button does."""
    return _authorization_page(text, path, inert, returning, tuple((tapped or {}).items()))


@lru_cache(maxsize=16)  # the entry, launch and mask readers each ask again of the same changed page
def _authorization_page(text: str, path: str, inert: frozenset[int], returning: frozenset[int],
                        tapped: tuple[tuple[int, str], ...]) -> Ask | None:
    """:func:`authorization_page`, once per its arguments (``tapped`` as pairs); the answer is immutable."""
    shape = _shape(text, path, inert, dict(tapped))
    if shape is None or shape.content or not shape.controls:
        return None
    asks: list[tuple[Ask, _Control]] = []
    skips = []
    for control in shape.controls:
        label = " ".join(part for part in control.label if part).lower()
        if control.inert and not label:
            continue  # a picture a tap does nothing on (the user's avatar), not another way forward
        worded = any(word in label for word in shape.table.labels)
        if any(word in label for word in shape.table.skips):
            if control.line not in returning:
                skips.append(control)
        elif control.asks is not None:
            asks.append((Ask(control.line, control.asks, worded), control))
        elif worded:
            asks.append((Ask(control.line, f"<{control.tag}> {label[:40]}", worded), control))
        elif not control.credential and not any(word in label for word in shape.table.terms):
            return None  # another control: the page offers more than authorizing
    if not asks:
        return None  # a form with fields only submits nothing
    first, shown = asks[0]
    if any(set(skip.shown_under) <= set(shown.shown_under) for skip in skips):
        return None  # a way past the ask (暂不登录) wherever the ask shows
    return first
