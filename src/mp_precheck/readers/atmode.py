"""Template attributes as the WeChat build sees them: mpx's attribute-level conditional compilation.

mpx writes one template for several platforms and marks an attribute for some builds with a suffix:
``open-type@wx="getPhoneNumber"`` and ``bindgetphonenumber@wx="onPhone"`` are in the WeChat build only,
``open-type@ali="getAuthorize"`` only in Alipay's, ``@wx|swan`` in either, ``@_wx`` in WeChat's untranslated,
``@wx:env`` in WeChat's for one custom env, ``@(wx|ali)`` wrapped (https://mpxjs.cn/guide/platform/basic.html, the
template compiler's ``processAtMode``). WeChat's review sees the built template, so every reader of markup sees an
attribute under its plain name where the WeChat build keeps it, and not at all where only another build does.
A suffix naming anything but builds (``v-on:tap@x``, an e-mail-like name) is left as written, as mpx leaves it; a
node-level mark with no attribute name (``<view @ali>``) is left too.
"""

from __future__ import annotations

from collections.abc import Iterable
from html.parser import HTMLParser
from typing import Any

# the builds mpx's template compiler knows (isValidMode); a key spelt with no build (``@:env``) is every build's
_BUILDS = frozenset({"wx", "ali", "swan", "tt", "qq", "web", "qa", "jd", "dd", "tenon", "ios", "android", "harmony",
                     "ks", ""})
_WECHAT = frozenset({"wx", ""})
_TAG_CALLBACKS = ("handle_starttag", "handle_startendtag")


def wechat_name(name: str) -> str | None:
    """The name of the attribute ``name`` in the WeChat build: ``open-type@wx`` → ``open-type``, ``bind:tap@wx|ali``
    → ``bind:tap``, ``open-type@ali`` → None (not in it); a name with no build suffix unchanged. Never raises."""
    base, at, modes = name.rpartition("@")
    if not at or not base or not modes:
        return name
    if modes.startswith("(") and modes.endswith(")"):
        modes = modes[1:-1]
    keys = {item.split(":", 1)[0].removeprefix("_") for item in modes.split("|")}
    if not keys <= _BUILDS:
        return name
    return base if keys & _WECHAT else None


def wechat_attributes(attrs: Iterable[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
    """``attrs`` (name, value) of one tag as the WeChat build has them (:func:`wechat_name`): others' dropped."""
    return [(built, value) for name, value in attrs if (built := wechat_name(name)) is not None]


def read_as_built(parser: HTMLParser) -> None:
    """Make the start-tag callbacks of ``parser`` receive their attributes as the WeChat build has them
    (:func:`wechat_attributes`); once per parser."""
    if getattr(parser, "_as_built", False):
        return
    for name in _TAG_CALLBACKS:
        setattr(parser, name, _built(getattr(parser, name)))
    parser._as_built = True  # type: ignore[attr-defined]


def _built(callback: Any) -> Any:
    def called(tag: str, attrs: list[tuple[str, str | None]]) -> Any:
        return callback(tag, wechat_attributes(attrs))
    return called
