"""Photos sent inside a request body: a file that reads a local image as base64 and POSTs it with ``wx.request``.

Image-recognition services (OCR, face or body segmentation, plant identification…) take the picture as a
base64 string in the request's ``data``, so the user's photo leaves the phone without ``wx.uploadFile``. Review
treats it as any upload of user media: it must pass content security
(https://developers.weixin.qq.com/miniprogram/dev/server/API/sec-center/sec-check/api_mediacheckasync.html).

Both halves must be in the file: a base64 read of a file (``readFile({ encoding: 'base64' })``,
``wx.arrayBufferToBase64``, ``pathToBase64`` or a project's ``fileToBase64``, a canvas ``toDataURL``) and a
request whose ``data`` carries it under an image-like key (``image``, ``img_base64``, ``photo``…) or in a value
named like base64. A request that sends an image URL string, or a file that only decodes base64, is neither.

In: tree-sitter nodes of one JS/TS file. Out: whether the file reads base64, and whether a request call's
options send media.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from tree_sitter import Node

from mp_precheck.core.lazyre import lazy
from mp_precheck.readers.syntax import call_option, node_text, string_value, walk

SUBJECT = "wx.request:media"

# A conversion of a file, a path or an image: wx.arrayBufferToBase64, pathToBase64, a project's fileToBase64 or
# getImgBase64, canvas.toDataURL; not an encoder of any string (Base64.encode, btoa, toBase64 of a signature).
_TO_BASE64 = lazy(r"(?:^|\.)(?:arrayBufferToBase64|readAsDataURL|toDataURL|"
                        r"\w*(?:path|url|file|img|image|photo|pic|picture|blob|temp|local)_?to_?base64|"
                        r"get_?(?:img|image|photo|pic|picture|file)_?base64)$", re.IGNORECASE)
_MEDIA_KEY = lazy(r"^(?:image|img|photo|pic|picture|face|file)(?:_?(?:base64|b64|data|str|content))?$",
                        re.IGNORECASE)
_BASE64_NAME = lazy(r"base64|b64", re.IGNORECASE)


def reads_base64(nodes: Iterable[Node]) -> bool:
    """Whether one of ``nodes`` reads a file as base64: an ``encoding: 'base64'`` option, or a call of a
    base64 conversion (``wx.arrayBufferToBase64``, ``pathToBase64``, ``canvas.toDataURL``…)."""
    return any(is_base64_option(node) or is_base64_call(node) for node in nodes)


def is_base64_option(node: Node) -> bool:
    """Whether ``node`` is the pair ``encoding: 'base64'`` (of a ``readFile`` call's options)."""
    if node.type != "pair" or node_text(node.child_by_field_name("key")).strip("'\"") != "encoding":
        return False
    value = node.child_by_field_name("value")
    return value is not None and (string_value(value) or "").lower() == "base64"


def is_base64_call(node: Node) -> bool:
    """Whether ``node`` is a call that gives a file's content as base64: a conversion (``pathToBase64``,
    ``wx.arrayBufferToBase64``, ``canvas.toDataURL``…) or ``readFileSync(path, 'base64')``."""
    if node.type != "call_expression":
        return False
    callee = node_text(node.child_by_field_name("function"))
    if _TO_BASE64.search(callee):
        return True
    arguments = node.child_by_field_name("arguments")
    return callee.endswith("readFileSync") and arguments is not None and \
        any((string_value(a) or "").lower() == "base64" for a in arguments.named_children)


def sends_media(call: Node) -> bool:
    """Whether a request call's ``data`` carries a picture: a non-literal value under an image-like key, or a
    value whose expression names base64 (``{ image: base64 }``, ``{ img_base64: res.data }``)."""
    data = call_option(call, "data")
    if data is None or data.type != "object":
        return False
    for pair in data.named_children:
        if pair.type == "shorthand_property_identifier":
            key = value = node_text(pair)
        elif pair.type == "pair":
            key = node_text(pair.child_by_field_name("key")).strip("'\"")
            value_node = pair.child_by_field_name("value")
            if value_node is None or string_value(value_node) is not None:
                continue  # a literal is no photo
            value = " ".join(node_text(n) for n in walk(value_node) if n.type in ("identifier", "property_identifier"))
        else:
            continue
        if _MEDIA_KEY.match(key) or _BASE64_NAME.search(key) or _BASE64_NAME.search(value):
            return True
    return False
