"""Facts that depend on a ``wx`` call's arguments: the scope ``wx.authorize`` asks for, and a link
``wx.setClipboardData`` copies.

In: the API's name, its call node and a function from node to line. Out: the extra facts (none when the
argument holds no value the file spells out).
"""

from __future__ import annotations

from collections.abc import Callable

from tree_sitter import Node

from mp_precheck.core.lazyre import lazy
from mp_precheck.facts.model import Fact
from mp_precheck.readers.syntax import call_option, node_text, object_property, string_value, walk
from mp_precheck.readers.urls import find_urls

_LINK_NAME = lazy(r"(?i)(url|link|href|website|网址|链接)")
# a message saying what was copied: 复制链接成功, 网址已复制, 口令复制成功
_COPIED_LINK = lazy(r"(?:链接|网址|口令)[^，,。！!\s]{0,3}复制|复制[^，,。！!\s]{0,2}(?:链接|网址|口令)")


def authorize_scope(api: str, call: Node, line: Callable[[Node], int]) -> list[Fact]:
    """``wx.authorize:scope.X`` (``wx.authorizeForMiniProgram:scope.X``) for each scope the call can ask for: a
    literal scope, or one the file binds to the name it passes (:func:`_bound_scopes`). In a plugin,
    userLocation / record / camera / writePhotosAlbum are the Location / Record / Camera / AlbumWriteOnly types
    (https://developers.weixin.qq.com/miniprogram/dev/framework/plugin/using.html)."""
    value = call_option(call, "scope", shorthand=True)
    if value is None:
        return []
    scope = string_value(value)
    scopes = [scope] if scope else _bound_scopes(value)
    return [Fact(f"{api}:{scope}", "api", line(value), scope) for scope in scopes]


def _bound_scopes(value: Node) -> list[str]:
    """The ``scope.*`` strings a non-literal scope can be, in source order: a name the file declares
    (``{ scope }`` after ``const scope = 'scope.camera'``), or an element of a table it declares
    (``SCOPES[i]`` of ``const SCOPES = ['scope.record', …]``; ``SCOPES.camera`` reads that key only). A settings
    page that lists the scopes and asks for the one tapped asks for each of them. Empty when the name is not
    declared in the file (a parameter, ``this.data.scope``): what a caller passes is not read here."""
    held = value.child_by_field_name("object") if value.type in ("subscript_expression", "member_expression") \
        else value
    if held is None or held.type not in ("identifier", "shorthand_property_identifier"):
        return []
    bound = _declared(value, node_text(held))
    if bound is not None and value.type == "member_expression":
        bound = object_property(bound, node_text(value.child_by_field_name("property")))
    strings = (string_value(node) for node in walk(bound)) if bound is not None else ()
    return list(dict.fromkeys(s for s in strings if s and s.startswith("scope.")))


def _declared(node: Node, name: str) -> Node | None:
    """The value of the first ``const`` / ``let`` / ``var`` declaration of ``name`` in ``node``'s file. Walks the
    whole tree: only a ``wx.authorize`` with a non-literal scope asks, and those are few."""
    root = node
    while root.parent is not None:
        root = root.parent
    for candidate in walk(root):
        if candidate.type == "variable_declarator" and node_text(candidate.child_by_field_name("name")) == name:
            return candidate.child_by_field_name("value")
    return None


def clipboard_link(call: Node, line: Callable[[Node], int]) -> list[Fact]:
    """``setClipboardData`` copying a link: a URL literal, a value named like a URL or link, or a value the file
    does not spell out (a server's answer) that the copy's own message calls a link or a 口令 to paste elsewhere
    (``success: () => wx.showToast({ title: '复制链接成功' })``, a toast on the statement right after the call)
    (https://developers.weixin.qq.com/miniprogram/dev/api/device/clipboard/wx.setClipboardData.html)."""
    value = call_option(call, "data")
    if value is None:
        return []
    literal = string_value(value)
    linky = find_urls(literal) if literal is not None else \
        _LINK_NAME.search(node_text(value)) or _told_link(call, value)
    return [Fact("wx.setClipboardData:link", "api", line(value), node_text(value)[:200])] if linky else []


def _told_link(call: Node, value: Node) -> bool:
    """Whether a string of the copy call (its callbacks) other than the copied ``value``, or of the statement
    right after it, says a link or a 口令 was copied."""
    statement = call
    while statement.parent is not None and statement.type != "expression_statement" and \
            statement.parent.type not in ("statement_block", "program"):
        statement = statement.parent
    after = statement.next_named_sibling if statement.type == "expression_statement" else None
    for node in (call, after):
        for part in walk(node) if node is not None else ():
            if part.type == "string" and not (value.start_byte <= part.start_byte < value.end_byte) and \
                    _COPIED_LINK.search(string_value(part) or ""):
                return True
    return False
