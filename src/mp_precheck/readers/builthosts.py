"""A URL whose first host label is chosen at run time: ``"https://" + region + ".stat.example.com/d.html"``,
```https://${bucket}.oss.example.com/```.

An analytics SDK picks a report subdomain and an object-storage client puts the bucket in front of its
endpoint: no literal holds the whole URL, but the part after the variable names the domain the requests go
to. Its domain is what the request, upload or socket domain lists must hold (one entry per subdomain the app
uses), so the URL is read with that part as its host. A literal that starts with a dot anywhere else (a file
extension ``".png"``, a key path ``".data.list"``) has no scheme before it and is left alone.

Source: https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html
"""

from __future__ import annotations

import re

from tree_sitter import Node

from mp_precheck.readers.syntax import node_text, string_value

_SCHEME = re.compile(r"(?:https?|wss?)://")
# a dot, then at least two labels ending in a top-level name, then the path, port or the end
_SUFFIX = re.compile(r"\.((?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,})(?=[/:?#]|$)")
_STRINGS = ("string", "template_string")


def built_url(node: Node, value: str) -> str:
    """``value`` (the literal text of the string ``node``) as a URL when ``node`` completes one whose first host
    label is built at run time — the right operand of ``"https://" + name + ".example.com/…"``, or a template
    ``https://${name}.example.com/…`` — as ``https://example.com/…``; otherwise ``value`` unchanged."""
    if node.type == "template_string":
        return _template(node) or value
    parent = node.parent
    if "://" in value or not _SUFFIX.match(value) or parent is None or parent.type != "binary_expression" \
            or parent.child_by_field_name("right") != node or node_text(parent.child_by_field_name("operator")) != "+":
        return value
    left = parent.child_by_field_name("left")
    if left is None or left.type != "binary_expression":
        return value
    scheme, label = left.child_by_field_name("left"), left.child_by_field_name("right")
    if scheme is None or label is None or scheme.type not in _STRINGS or label.type in _STRINGS:
        return value
    prefix = string_value(scheme) or ""
    return prefix + value[1:] if _SCHEME.fullmatch(prefix) else value


def _template(node: Node) -> str | None:
    """``https://${name}.example.com/…`` as ``https://example.com/…``; None for any other template."""
    parts = [c for c in node.children if c.type in ("string_fragment", "escape_sequence", "template_substitution")]
    if len(parts) < 3 or parts[1].type != "template_substitution" or parts[0].type == "template_substitution":
        return None
    prefix, rest = node_text(parts[0]), node_text(parts[2])
    if not _SCHEME.fullmatch(prefix) or parts[2].type == "template_substitution" or not _SUFFIX.match(rest):
        return None
    return prefix + rest[1:] + "".join(node_text(p) for p in parts[3:] if p.type != "template_substitution")
