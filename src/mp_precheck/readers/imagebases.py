"""Where a file's URL variable goes: one read only to build image addresses is no server, whatever its name.

``const base = ref('http://host/files/')`` and then ``user.photo = base.value + name``: every read of the
variable builds a value held under an image's name (``avatar``, ``coverUrl``:
:func:`~mp_precheck.readers.imagenames.names_image`) or sent as a request's data (``data: { avatar: base +
name }``: an address handed to a server, not a request to that host). The host serves pictures to
``<image>``, which loads from any host; only ``wx.request``, ``wx.uploadFile``, ``wx.downloadFile`` and
sockets need a server domain (https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html).
A variable read any other way (a request's ``url``, a call's argument, exported, returned) keeps its role.

One a function declares and nothing in that function reads (``let base = 'http://host/'`` whose only reader,
``item.url = base + item.url``, was commented out) goes nowhere: no live code requests the host
(:func:`unread_local`). A top-level one is not judged so: another module may import it, a template read it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from msgspec.structs import replace
from tree_sitter import Node

from mp_precheck.facts.model import Fact
from mp_precheck.readers.imagenames import holder_name, names_image, names_resource_base
from mp_precheck.readers.syntax import FUNCTION_NODES, node_text, walk
from mp_precheck.readers.urlflow import reached_roles

# Vue's holders of one value, read as ``.value`` (``const base = ref('https://…')``).
_HOLDERS = frozenset({"ref", "shallowRef", "readonly"})
# Keys of a request's options whose value is what it sends, not where (wx.request's data, uni.uploadFile's formData).
_DATA_KEYS = frozenset({"data", "formData", "params", "body"})
# The calls whose options' data goes to a server: a request, an upload (wx.request, uni.uploadFile, http.request).
_SENDERS = frozenset({"request", "uploadFile"})
# Expressions that build one value from their parts: 'a' + b, `${a}…`, (…), a ? b : c.
_BUILDING = frozenset({"binary_expression", "template_substitution", "template_string", "parenthesized_expression",
                       "ternary_expression"})
# The nodes that name a variable: an identifier, and the shorthand key of an object literal ({ base }).
_NAMING = frozenset({"identifier", "shorthand_property_identifier"})


def held_constant(literal: Node) -> Node | None:
    """The name node of the variable the string ``literal`` is the value of, declared directly (``const BASE =
    '…'``) or through a Vue holder (``const base = ref('…')``), or None."""
    value, parent = literal, literal.parent
    if parent is not None and parent.type == "arguments" and parent.named_child_count == 1:
        call = parent.parent
        callee = call.child_by_field_name("function") if call is not None and call.type == "call_expression" else None
        if call is not None and callee is not None and callee.type == "identifier" and node_text(callee) in _HOLDERS:
            value, parent = call, call.parent
    if parent is None or parent.type != "variable_declarator" or parent.child_by_field_name("value") != value:
        return None
    name = parent.child_by_field_name("name")
    return name if name is not None and name.type == "identifier" else None


def unread_local(name: Node | None) -> bool:
    """Whether the variable declared at ``name`` (the identifier of a ``let`` / ``const`` / ``var`` declarator in a
    function's body) is named nowhere else in that function: not read, not written, not captured by a nested
    function. Comments are no identifiers, so a reader commented out reads nothing. None, a top-level
    declaration or a destructuring pattern's name: False."""
    declarator = name.parent if name is not None else None
    if name is None or declarator is None or declarator.type != "variable_declarator" or declarator.parent is None \
            or declarator.parent.type not in ("lexical_declaration", "variable_declaration"):
        return False
    function = declarator.parent.parent
    while function is not None and function.type not in FUNCTION_NODES:
        function = function.parent
    text = name.text
    return function is not None and not any(node.type in _NAMING and node.start_byte != name.start_byte
                                            and node.text == text for node in walk(function))


def constant_roles(facts: list[Fact], constants: Mapping[str, list[int]], fed: Mapping[str, str],
                   root: Node) -> list[Fact]:
    """``facts`` with the hosts of the file's URL variables (``constants``: name → indexes of its host facts in
    ``facts``) given the role of what reads them: the API whose url a variable feeds (``fed``: name → role),
    else media for a static-file prefix's name (``IMG_BASE_URL``) or a variable read only into image addresses
    (:func:`image_only`, whatever its name: ``baseURL`` too), else the role of the API its value reaches through
    the file's own code (:func:`~mp_precheck.readers.urlflow.reached_roles`), else as found."""
    images = image_only(set(constants) - set(fed), root)
    reached = reached_roles(set(constants) - images, fed, root)
    out = list(facts)
    for name, indexes in constants.items():
        role = fed.get(name) or ("media" if names_resource_base(name) or name in images else
                                 reached.get(name, "code"))
        replaced = ("code", "request", "media") if name in fed else ("code", "request") if name in images else \
            ("code",)
        for index in indexes if role != "code" else ():
            if out[index].role in replaced:
                out[index] = replace(out[index], role=role)
    return out


def image_only(names: Iterable[str], root: Node) -> set[str]:
    """Of ``names`` (variables of the tree at ``root`` that hold a URL), those read at least once and only to build
    an image's address or a request's data. Nothing raises."""
    wanted = set(names)
    reads: dict[str, list[Node]] = {}
    if not wanted:
        return set()
    for node in walk(root):
        if node.type in ("identifier", "shorthand_property_identifier") and (text := node_text(node)) in wanted:
            parent = node.parent
            if parent is not None and parent.type == "variable_declarator" and \
                    parent.child_by_field_name("name") == node:
                continue  # its declaration
            reads.setdefault(text, []).append(node)
    return {name for name, found in reads.items() if all(_into_image(read) for read in found)}


def sent_as_request_data(literal: Node) -> bool:
    """Whether the string ``literal`` (or the value built from it: ``'https://…/notify?id=' + id``) is sent as a
    request's data (``wx.request({ url, data: { notify_url: 'https://…' } })``): an address handed to the server,
    which the Mini Program itself never requests, so no server domain is configured for it
    (https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html)."""
    return _sent_as_data(built_value(literal))


def _into_image(read: Node) -> bool:
    """Whether the value ``read`` (a variable's name) builds ends held under an image's name or in a request's
    data."""
    value = read
    parent = value.parent
    if parent is not None and parent.type == "member_expression" and parent.child_by_field_name("object") == value \
            and node_text(parent.child_by_field_name("property")) == "value":
        value = parent  # a Vue holder's .value
    if read.type == "identifier":
        value = built_value(value)
    name = holder_name(value)
    return (name is not None and names_image(name)) or _sent_as_data(value)


def built_value(part: Node) -> Node:
    """The whole value built from ``part`` (``'https://…/notify?id=' + id`` around its literal), or ``part``."""
    value = part
    while value.parent is not None and value.parent.type in _BUILDING and _builds(value.parent, value):
        value = value.parent
    return value


def _builds(outer: Node, part: Node) -> bool:
    """Whether ``outer`` builds its value from ``part``: a ``+`` (text joined), not a comparison; a ternary's
    branch, not its condition."""
    if outer.type == "binary_expression":
        return node_text(outer.child_by_field_name("operator")) == "+"
    if outer.type == "ternary_expression":
        return outer.child_by_field_name("condition") != part
    return True


def _sent_as_data(value: Node) -> bool:
    """Whether ``value`` is a request's data: the value of a ``data`` key of a request's or an upload's options
    (``wx.request``, ``uni.uploadFile``, a client's ``request``), or of a key of the object there; a clipboard's
    or a page's ``data`` is no request."""
    pair = value.parent
    if pair is None or pair.type != "pair" or pair.child_by_field_name("value") != value:
        return False
    if node_text(pair.child_by_field_name("key")).strip("'\"") not in _DATA_KEYS:
        holder = pair.parent.parent if pair.parent is not None and pair.parent.type == "object" else None
        if holder is None or holder.type != "pair" or \
                node_text(holder.child_by_field_name("key")).strip("'\"") not in _DATA_KEYS:
            return False
        pair = holder
    options = pair.parent
    call = options.parent.parent if options is not None and options.parent is not None and \
        options.parent.type == "arguments" else None
    callee = call.child_by_field_name("function") if call is not None and call.type == "call_expression" else None
    return callee is not None and node_text(callee).rsplit(".", 1)[-1] in _SENDERS
