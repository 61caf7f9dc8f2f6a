"""Where a file sends what a helper returns: only to pictures, or anywhere else.

``imgUrl(hash)`` returns ``'https://cdn…/' + path`` and every page writes ``<Image src={imgUrl(item.hash)} />``,
``<image src="{{ icons.url(item.name) }}"/>`` (a WXS module's function) or ``wx.previewImage({ urls:
list.map((p) => imgUrl(p)) })``: the address is a picture's. ``<image>`` loads from any host and the media APIs
show a picture from its URL; only ``wx.request``, ``wx.uploadFile``, ``wx.downloadFile`` and sockets need a server
domain (https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html). core/urlhelpers.py asks
this for each file naming a helper; one use of any other kind (a request's ``url``, a value returned or handed on)
makes the helper's host a server's again.

In: a file's text and path (a script, a single-file component, a template) and the helper names it writes. Out:
name → the kinds of its uses there, ``picture`` or ``other``. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from tree_sitter import Node

from mp_precheck.core.recache import compiled
from mp_precheck.readers.imagerefs import IMAGE_ATTRIBUTES
from mp_precheck.readers.markup import normalise_attribute, normalise_tag
from mp_precheck.readers.sfc import SFC_SUFFIXES, script_units, split_blocks
from mp_precheck.readers.syntax import language_for, node_text, nodes_of, parse
from mp_precheck.readers.urls import MEDIA_APIS

PICTURE, OTHER = "picture", "other"
_SCRIPTS = (".js", ".ts", ".mjs", ".cjs", ".jsx", ".tsx", ".wxs")
_PICTURE_TAGS = frozenset({"image", "cover-image", "img"})
_MEDIA_CALLS = frozenset(api.rsplit(".", 1)[-1] for api in MEDIA_APIS)
# Expressions a value passes through unchanged in kind: a picture's address built on, chosen, listed, mapped.
_THROUGH = frozenset({"parenthesized_expression", "ternary_expression", "binary_expression", "template_string",
                      "template_substitution", "object", "pair", "array", "jsx_expression", "arrow_function",
                      "shorthand_property_identifier", "spread_element", "await_expression"})
_TAG = compiled(r"<([A-Za-z][\w.:-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
_CSS_URL = compiled(r"url\(([^)]*)\)")  # a style's background picture: url({{ f(x) }})
_ATTRIBUTE = compiled(r"""([:@\w.-]+)\s*=\s*("[^"]*"|'[^']*')""")


def call_uses(text: str, path: str, names: set[str], declaring: Callable[[Node], bool]) -> dict[str, set[str]]:
    """Name → kinds (:data:`PICTURE`, :data:`OTHER`) of the uses ``text`` (of ``path``) makes of ``names``: a call
    whose value reaches only pictures is a picture use; any other call or mention is other. A mention
    ``declaring`` tells imports, exports or defines the name (core/urlhelpers.py) is no use."""
    out: dict[str, set[str]] = {}
    if path.endswith(SFC_SUFFIXES) or not path.endswith(_SCRIPTS):
        templates = [b.text for b in split_blocks(text) if b.tag != "script"] \
            if path.endswith(SFC_SUFFIXES) else [text]
        for template in templates:
            _template_uses(template, names, out)
    if path.endswith(_SCRIPTS) or path.endswith(SFC_SUFFIXES):
        for source, name, _offset in script_units(text, path):
            root = parse(language_for(name), source.encode("utf-8", "surrogatepass")).root_node
            for node in nodes_of(root, language_for(name), ("identifier", "property_identifier")):
                if node_text(node) in names and not declaring(node):
                    out.setdefault(node_text(node), set()).add(PICTURE if _called_for_picture(node) else OTHER)
    return out


def _template_uses(template: str, names: set[str], out: dict[str, set[str]]) -> None:
    """The uses of ``names`` in a template: a word in an image tag's picture attribute is a picture use, any
    other occurrence (text, another attribute or tag) other."""
    pictures: dict[str, int] = {}
    for tag in _TAG.finditer(template):
        picture = normalise_tag(tag[1]) in _PICTURE_TAGS
        for attribute in _ATTRIBUTE.finditer(tag[2]):
            key = normalise_attribute(attribute[1])
            shown = [attribute[2]] if picture and key in IMAGE_ATTRIBUTES else \
                _CSS_URL.findall(attribute[2]) if key == "style" else []
            for value in shown:
                for name in names:
                    pictures[name] = pictures.get(name, 0) + len(word_pattern(name).findall(value))
    for name in names:
        total = len(word_pattern(name).findall(template))
        if total:
            out.setdefault(name, set()).add(OTHER if total > pictures.get(name, 0) else PICTURE)


def word_pattern(name: str) -> re.Pattern[str]:
    """The pattern of ``name`` as a whole JS word (not inside a longer identifier, ``$`` included)."""
    return compiled(rf"(?<![\w$]){re.escape(name)}(?![\w$])")


def _called_for_picture(node: Node) -> bool:
    """Whether ``node`` names the function of a call (``f(x)``, ``mod.f(x)``) whose value reaches only pictures."""
    callee = node.parent if node.parent is not None and node.parent.type == "member_expression" \
        and node.parent.child_by_field_name("property") == node else node
    call = callee.parent
    return call is not None and call.type == "call_expression" and call.child_by_field_name("function") == callee \
        and feeds_picture(call, 0)


def feeds_picture(node: Node, depth: int) -> bool:
    """Whether the value of ``node`` ends only in a picture: an image tag's picture attribute (JSX), a media API's
    argument, or a local variable every read of which does (one step); ``depth`` is how many such steps were
    taken already (0 to start). Never raises."""
    current: Node | None = node.parent
    child: Node = node
    while current is not None:
        if current.type == "template_substitution" and _after_css_url(current):
            return True  # `url(${f(x)})`: a style's background picture
        if current.type == "jsx_attribute":
            element = current.parent
            tag = element.child_by_field_name("name") if element is not None else None
            return normalise_attribute(node_text(current.named_children[0])) in IMAGE_ATTRIBUTES and \
                tag is not None and normalise_tag(node_text(tag).rsplit(".", 1)[-1]) in _PICTURE_TAGS
        if current.type == "arguments":
            function = current.parent.child_by_field_name("function") if current.parent is not None else None
            last = node_text(function).rsplit(".", 1)[-1] if function is not None else ""
            if last in _MEDIA_CALLS:
                return True
            if last != "map":  # list.map(p => f(p)): the list built carries the value on
                return False
            child, current = current, current.parent
            continue
        if current.type == "call_expression" and child == current.child_by_field_name("function"):
            return False
        if current.type == "variable_declarator" and child == current.child_by_field_name("value"):
            return depth < 2 and _read_for_pictures(current, depth + 1)
        if current.type == "pair" and child == current.child_by_field_name("key"):
            return False
        if current.type not in _THROUGH and current.type != "call_expression":
            return False
        child, current = current, current.parent
    return False


def _after_css_url(substitution: Node) -> bool:
    """Whether a template string's ``${…}`` stands right after a CSS ``url(`` (quotes and spaces between)."""
    before = substitution.prev_sibling
    return before is not None and node_text(before).rstrip(" '\"").endswith("url(")


def _read_for_pictures(declarator: Node, depth: int) -> bool:
    """Whether every read of the variable ``declarator`` declares, in its enclosing block, feeds a picture (at
    least one read)."""
    name_node = declarator.child_by_field_name("name")
    scope = declarator.parent.parent if declarator.parent is not None else None
    if name_node is None or name_node.type != "identifier" or scope is None:
        return False
    name = node_text(name_node)
    reads = [n for n in _descendants(scope) if n.type in ("identifier", "shorthand_property_identifier")
             and node_text(n) == name and n != name_node]
    return bool(reads) and all(feeds_picture(read, depth) for read in reads)


def _descendants(node: Node) -> list[Node]:
    out, stack = [], [node]
    while stack:
        current = stack.pop()
        out.append(current)
        stack.extend(current.named_children)
    return out
