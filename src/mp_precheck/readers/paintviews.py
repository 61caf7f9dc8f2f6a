"""A picture a canvas painter draws from a palette: downloaded first, so its host is a download domain.

A canvas painter (Painter and the poster components modelled on it) takes a palette object — ``{ width, height,
background, views: [{ type: 'image', url: 'https://…/qr.png', css: {…} }, …] }`` — and draws it on a canvas. A
canvas draws only local files, so the painter downloads each network picture first (``wx.downloadFile``): the
picture's host must be on the downloadFile domain list, even though an address ending in ``.png`` is otherwise a
picture an ``<image>`` shows with no server domain (``Url.is_media`` in ``readers/urls.py``). A picture view's
``url`` and the palette's ``background`` are such addresses; an object keyed ``views`` that is no palette (no
``type: 'image'`` entry beside the literal) is left alone.

Sources: https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html (downloadFile domains),
https://developers.weixin.qq.com/miniprogram/dev/api/canvas/CanvasContext.drawImage.html (a local path to draw),
https://github.com/Kujiale-Mobile/Painter (the palette: ``views`` of ``type`` image / text / rect / qrcode).
"""

from __future__ import annotations

from tree_sitter import Node

from mp_precheck.readers.syntax import node_text, object_property, string_value

_VIEWS = "views"


def _key(pair: Node) -> str:
    key = pair.child_by_field_name("key")
    return (string_value(key) or node_text(key)) if key is not None else ""


def painted_picture(literal: Node) -> bool:
    """Whether the string ``literal`` is a picture a canvas painter downloads to draw: the ``url`` of a
    ``{ type: 'image' }`` entry of a palette's ``views`` array, or the ``background`` of an object holding a
    ``views`` array."""
    pair = literal.parent
    if pair is None or pair.type != "pair" or pair.child_by_field_name("value") != literal:
        return False
    owner = pair.parent
    if owner is None or owner.type != "object":
        return False
    if _key(pair) == "background":
        views = object_property(owner, _VIEWS)
        return views is not None and views.type == "array"
    if _key(pair) not in ("url", "src"):
        return False
    kind = object_property(owner, "type")
    array = owner.parent
    holder = array.parent if array is not None and array.type == "array" else None
    return kind is not None and string_value(kind) == "image" and holder is not None and holder.type == "pair" \
        and _key(holder) == _VIEWS
