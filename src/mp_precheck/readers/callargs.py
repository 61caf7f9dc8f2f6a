"""Facts that depend on a ``wx`` call's literal arguments: the scope ``wx.authorize`` asks for, and a link
``wx.setClipboardData`` copies.

In: the API's name, its call node and a function from node to line. Out: the extra facts (none when the
argument is not a literal the reader can see).
"""

from __future__ import annotations

from collections.abc import Callable

from tree_sitter import Node

from mp_precheck.core.lazyre import lazy
from mp_precheck.facts.model import Fact
from mp_precheck.readers.syntax import call_option, node_text, string_value
from mp_precheck.readers.urls import find_urls

_LINK_NAME = lazy(r"(?i)(url|link|href|website|网址|链接)")


def authorize_scope(api: str, call: Node, line: Callable[[Node], int]) -> list[Fact]:
    """``wx.authorize:scope.X`` (``wx.authorizeForMiniProgram:scope.X``) for a literal scope: in a plugin,
    userLocation / record / camera / writePhotosAlbum are the Location / Record / Camera / AlbumWriteOnly types
    (https://developers.weixin.qq.com/miniprogram/dev/framework/plugin/using.html)."""
    value = call_option(call, "scope")
    scope = string_value(value) if value is not None else None
    return [Fact(f"{api}:{scope}", "api", line(value), scope)] if scope and value is not None else []


def clipboard_link(call: Node, line: Callable[[Node], int]) -> list[Fact]:
    """``setClipboardData`` copying a link: a URL literal, or a value named like a URL or link
    (https://developers.weixin.qq.com/miniprogram/dev/api/device/clipboard/wx.setClipboardData.html)."""
    value = call_option(call, "data")
    if value is None:
        return []
    literal = string_value(value)
    linky = find_urls(literal) if literal is not None else _LINK_NAME.search(node_text(value))
    return [Fact("wx.setClipboardData:link", "api", line(value), node_text(value)[:200])] if linky else []
