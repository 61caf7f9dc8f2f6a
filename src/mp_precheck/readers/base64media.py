"""Photos sent inside a request body: a file that reads a local image as base64 and POSTs it with ``wx.request``,
or hands it to a cloud function with ``wx.cloud.callFunction`` (which stores it with ``cloud.uploadFile``).

Image-recognition services (OCR, face or body segmentation, plant identification…) take the picture as a
base64 string in the request's ``data``, so the user's photo leaves the phone without ``wx.uploadFile``; a cloud
function given the photo as its ``data`` saves it the same way. Review
treats it as any upload of user media: it must pass content security
(https://developers.weixin.qq.com/miniprogram/dev/server/API/sec-center/sec-check/api_mediacheckasync.html).

Both halves must be in the file: a base64 read of a file (``readFile({ encoding: 'base64' })``,
``wx.arrayBufferToBase64``, ``pathToBase64`` or a project's ``fileToBase64``, a canvas ``toDataURL``) and a
request whose ``data`` carries it under an image-like key (``image``, ``img_base64``, ``photos``…) or in a value
named like base64 — an object, or a body the script writes out as a string (a multipart body built by hand:
``'Content-Disposition: form-data; name="img"\\r\\n\\r\\n' + image``; a form-encoded ``'photo=' + b64``), given
in the call or in a variable the function declares before it. A request that sends an image URL string, or a
file that only decodes base64, is neither.

In: tree-sitter nodes of one JS/TS file. Out: whether the file reads base64, and whether a request call's
options send media.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from tree_sitter import Node

from mp_precheck.core.lazyre import lazy
from mp_precheck.readers.syntax import call_option, node_text, string_value, walk
from mp_precheck.readers.textflow import enclosing_declarations

SUBJECT = "wx.request:media"
# The calls whose ``data`` goes to a server: a request, and a cloud function's call (its ``data`` is the function's
# event, https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/functions/Cloud.callFunction.html).
SENDERS = frozenset({"wx.request", "wx.cloud.callFunction"})

# A conversion of a file, a path or an image: wx.arrayBufferToBase64, pathToBase64, a project's fileToBase64 or
# getImgBase64, canvas.toDataURL; not an encoder of any string (Base64.encode, btoa, toBase64 of a signature).
_TO_BASE64 = lazy(r"(?:^|\.)(?:arrayBufferToBase64|readAsDataURL|toDataURL|"
                        r"\w*(?:path|url|file|img|image|photo|pic|picture|blob|temp|local)_?to_?base64|"
                        r"get_?(?:img|image|photo|pic|picture|file)_?base64)$", re.IGNORECASE)
_MEDIA_KEY = lazy(r"^(?:image|img|photo|pic|picture|face|file)s?(?:_?(?:base64|b64|data|str|content|list|arr|array))?$",
                        re.IGNORECASE)
_BASE64_NAME = lazy(r"base64|b64", re.IGNORECASE)
# A field a body written as a string names: a multipart part's name="…", or form-encoded key= ending the text.
_FIELD = lazy(r"""name=\\?["']([^"'\\]+)|(?:^|&)(\w+)=$""")


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
    value whose expression names base64 (``{ image: base64 }``, ``{ img_base64: res.data }``); in an object or
    in a body written out as a string (``'name="img_base64"\\r\\n\\r\\n' + image``, ``'image=' + b64``). A
    ``data`` named by a variable (``data: body``, ``{ data }``) is read from the declaration of that variable in
    the function around the call."""
    data = _declared_value(call, call_option(call, "data", shorthand=True))
    if data is None:
        return False
    if data.type == "object":
        return any(_carries(key, value) for key, value in _object_parts(data))
    if data.type in ("binary_expression", "template_string"):
        return any(_carries(key, value) for key, value in _body_parts(data))
    return False


def _declared_value(call: Node, data: Node | None) -> Node | None:
    """``data`` itself, or for a name (``data: body``, ``{ data }``) the last value the function around ``call``
    gives that name before the call; None when it declares none (a parameter, a module constant)."""
    if data is None or data.type not in ("identifier", "shorthand_property_identifier"):
        return data
    before = [v for v in enclosing_declarations(call).get(node_text(data), []) if v.end_byte <= call.start_byte]
    return max(before, key=lambda v: v.start_byte) if before else None


def _object_parts(data: Node) -> Iterator[tuple[str, str]]:
    """(key, names in the value) of each pair of an object whose value is no literal."""
    for pair in data.named_children:
        if pair.type == "shorthand_property_identifier":
            yield node_text(pair), node_text(pair)
        elif pair.type == "pair":
            value_node = pair.child_by_field_name("value")
            if value_node is not None and not _literal(value_node):  # a literal is no photo
                yield node_text(pair.child_by_field_name("key")).strip("'\"`"), _names(value_node)


def _literal(value: Node) -> bool:
    """Whether ``value`` is written out in full: a string, number or constant, or an array or object of only such
    (``photos: ['base64....']``, a placeholder body) — nothing read from the phone. An empty one is not: the
    script may fill it before the request (``body.images.push(b64)``)."""
    if value.type in ("array", "object"):
        parts = [p.child_by_field_name("value") if p.type == "pair" else p for p in value.named_children
                 if p.type != "comment"]
        return bool(parts) and all(p is not None and _literal(p) for p in parts)
    return string_value(value) is not None or value.type in ("number", "true", "false", "null", "undefined")


def _body_parts(body: Node) -> Iterator[tuple[str, str]]:
    """(field, names in the value) of each value a body written as a string concatenates or substitutes: the
    field is the last one the text before it names (a multipart ``name="image"``, a form-encoded ``image=``)."""
    key = ""
    for piece in _pieces(body):
        if piece.type in ("string", "string_fragment"):
            fields = _FIELD.findall(string_value(piece) or "" if piece.type == "string" else node_text(piece))
            key = next((a or b for a, b in reversed(fields)), key)
        elif piece.type != "escape_sequence":
            yield key, _names(piece)


def _pieces(node: Node) -> Iterator[Node]:
    """The operands of a ``+`` chain and the parts of template strings, in the order they are written."""
    if node.type == "parenthesized_expression" and node.named_children:
        yield from _pieces(node.named_children[0])
    elif node.type == "binary_expression" and node_text(node.child_by_field_name("operator")) == "+":
        for side in (node.child_by_field_name("left"), node.child_by_field_name("right")):
            if side is not None:
                yield from _pieces(side)
    elif node.type == "template_string":
        for part in node.named_children:
            yield part.named_children[0] if part.type == "template_substitution" and part.named_children else part
    else:
        yield node


def _names(value: Node) -> str:
    return " ".join(node_text(n) for n in walk(value) if n.type in ("identifier", "property_identifier"))


def _carries(key: str, names: str) -> bool:
    """Whether a value sent under ``key`` is a picture: an image-like key, or a key or value naming base64."""
    return bool(_MEDIA_KEY.match(key) or _BASE64_NAME.search(key) or _BASE64_NAME.search(names))
