"""A URL prefix completed by a picture's file name is one picture's address.

``'https://host/' + picturePath`` where ``picturePath = 'pictures/' + stamp + '.png'``, or ``'https://host/a/' +
name + '.jpg'``: the literal alone is a prefix (readers/imagenames.py keeps a prefix a possible server base), but
the expression it starts ends in an image file's name, so the address built is a picture's, shown by an
``<image>`` or kept in a record for one. An ``<image>`` loads from any host: only ``wx.request``,
``wx.uploadFile``, ``wx.downloadFile`` and sockets need a server domain
(https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html). A literal handed to a network
API keeps that API's role (readers/jsfacts.py asks this only of a URL whose use is otherwise unknown).
"""

from __future__ import annotations

from tree_sitter import Node

from mp_precheck.core.recache import compiled
from mp_precheck.readers.syntax import node_text

PICTURES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".svg", ".heic")
_DECLARATIONS = ("lexical_declaration", "variable_declaration")
_HOPS = 2  # identifiers followed to their declaration: picturePath → its own parts
# Words of a called name that fetches its URL argument (wx.downloadFile, wx.getImageInfo, http.get, uploadFile).
_FETCHING = frozenset({"request", "upload", "download", "socket", "get", "post", "put", "fetch", "http", "ajax"})
_WORD = compiled(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")


def completed_by_picture(literal: Node) -> bool:
    """Whether the URL string ``literal`` starts an expression that ends in a picture's file name: the right end
    of the ``+`` chain it is the left end of (a literal, or a variable the scope declares from one), or the last
    substitution of the template it is. False for anything else."""
    top = literal
    while (parent := top.parent) is not None and parent.type == "binary_expression" \
            and parent.child_by_field_name("left") == top and node_text(parent.child_by_field_name("operator")) == "+":
        top = parent
    if _fetched(top):
        return False  # the address a request or download fetches: its domain is needed, picture or not
    if top is not literal:
        return _ends_in_picture(top.child_by_field_name("right"), literal, _HOPS)
    if literal.type == "template_string" and literal.named_children \
            and literal.named_children[-1].type != "template_substitution":
        return _ends_in_picture(literal, literal, 0)  # `https://host/icons/${name}.png`: the file name is written
    if literal.type == "template_string" and literal.named_children \
            and literal.named_children[-1].type == "template_substitution" and node_text(literal).endswith("}`"):
        inner = literal.named_children[-1].named_children
        return bool(inner) and _ends_in_picture(inner[0], literal, _HOPS)
    return False


def _fetched(value: Node) -> bool:
    """Whether ``value`` is an argument of a call that fetches it, directly or as an option (``{ url: … }``)."""
    current = value.parent
    while current is not None and current.type in ("pair", "object", "arguments", "parenthesized_expression"):
        current = current.parent
    if current is None or current.type != "call_expression":
        return False
    callee = node_text(current.child_by_field_name("function")).rpartition(".")[2]
    return bool(_FETCHING.intersection(w.lower() for w in _WORD.findall(callee)))


def _ends_in_picture(node: Node | None, at: Node, hops: int) -> bool:
    """Whether the value of ``node`` (an expression used at ``at``) ends in a picture's file name."""
    if node is None:
        return False
    if node.type in ("string", "template_string"):
        text = node_text(node).strip("'\"`").split("?", 1)[0].lower()
        return text.endswith(PICTURES)
    if node.type == "binary_expression" and node_text(node.child_by_field_name("operator")) == "+":
        return _ends_in_picture(node.child_by_field_name("right"), at, hops)
    if node.type == "parenthesized_expression" and node.named_children:
        return _ends_in_picture(node.named_children[-1], at, hops)
    if node.type == "identifier" and hops > 0:
        return _ends_in_picture(_declared(node_text(node), at), at, hops - 1)
    return False


def _declared(name: str, at: Node) -> Node | None:
    """The value the nearest enclosing scope of ``at`` declares ``name`` with before it (``let p = '…'``)."""
    scope = at.parent
    while scope is not None:
        found = None
        for statement in scope.named_children:
            if statement.start_byte >= at.start_byte:
                break
            if statement.type not in _DECLARATIONS:
                continue
            for declarator in statement.named_children:
                if declarator.type == "variable_declarator" and \
                        node_text(declarator.child_by_field_name("name")) == name:
                    found = declarator.child_by_field_name("value")
        if found is not None:
            return found
        scope = scope.parent
    return None
