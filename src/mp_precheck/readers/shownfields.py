"""A URL variable a component reads only into the fields its own template shows as pictures: a picture host.

``<image :src="item.url">`` in the template, and in the script ``let base = 'http://files.example.cn/'`` read
only as ``item.url = base + item.url``: every value built from the variable lands in a field the template binds to
an ``<image>``'s ``src``. The host serves pictures, which an ``<image>`` loads from any host; only ``wx.request``,
``wx.uploadFile``, ``wx.downloadFile`` and sockets need a server domain
(https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html). The field is taken by its
name, from the same single-file component only; a variable also read any other way (a call's argument, a
declaration, an object key) keeps its role. Read with the tree-sitter tree (readers/syntax.py) and the template
with html.parser; pure, nothing raises.
"""

from __future__ import annotations

from collections.abc import Sequence
from html.parser import HTMLParser

from msgspec.structs import replace
from tree_sitter import Node

from mp_precheck.core.lazyre import lazy
from mp_precheck.facts.model import Fact
from mp_precheck.readers.htmlfeed import feed_safely
from mp_precheck.readers.imagebases import built_value, held_constant
from mp_precheck.readers.syntax import FUNCTION_NODES, language_for, node_text, nodes_of, parse, walk

_PICTURES = frozenset({"image", "img"})  # the tags whose src is a picture, in a WXML-like or an HTML template
_SOURCES = frozenset({":src", "v-bind:src", "src"})
# A bound value that is one field: item.url, cover, {{ goods.pic }} (no call, no joining).
_FIELD = lazy(r"\s*(?:\{\{)?\s*(?:[A-Za-z_$][\w$]*\s*\.\s*)*([A-Za-z_$][\w$]*)\s*(?:\}\})?\s*")


class _Sources(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.fields: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag.lower() not in _PICTURES:
            return
        for name, value in attrs:
            bound = name in (":src", "v-bind:src") or (value is not None and "{{" in value)
            if name in _SOURCES and bound and value and (match := _FIELD.fullmatch(value)) is not None:
                self.fields.add(match.group(1))


def picture_fields(template: str) -> frozenset[str]:
    """The names of the fields a template binds, whole, to an ``<image>``'s (or ``<img>``'s) ``src``:
    ``:src="item.url"`` gives ``url``, ``src="{{cover}}"`` gives ``cover``."""
    parser = _Sources()
    feed_safely(parser, template)
    return frozenset(parser.fields)


def with_picture_fields(facts: Sequence[Fact], script: str, path: str, offset: int,
                        template: tuple[str, int] | None) -> list[Fact]:
    """``facts`` of a component's script (``script`` at ``path``, lines shifted by ``offset``) with the hosts of
    its URL variables read only into fields its ``template`` (text, line offset) shows as pictures made media."""
    out = list(facts)
    lines = {f.line for f in facts if f.kind == "host" and f.role == "code"}
    fields = picture_fields(template[0]) if template is not None and lines else frozenset()
    if not fields:
        return out
    language = language_for(path)
    root = parse(language, script.encode("utf-8", "surrogatepass")).root_node
    shown = {node.start_point[0] + 1 + offset for node in nodes_of(root, language, ("string", "template_string"))
             if node.start_point[0] + 1 + offset in lines and _only_shown(held_constant(node), root, fields)}
    return [replace(f, role="media") if f.kind == "host" and f.role == "code" and f.line in shown else f
            for f in out]


def _only_shown(name: Node | None, root: Node, fields: frozenset[str]) -> bool:
    """Whether the variable declared at ``name`` is read at least once, and only into a field of ``fields``."""
    if name is None:
        return False
    scope = name.parent
    while scope is not None and scope.type not in FUNCTION_NODES:
        scope = scope.parent
    reads = [n for n in walk(scope or root) if n.type in ("identifier", "shorthand_property_identifier")
             and n.text == name.text and n.start_byte != name.start_byte]
    return bool(reads) and all(_into_field(read, fields) for read in reads)


def _into_field(read: Node, fields: frozenset[str]) -> bool:
    """Whether the value built from ``read`` is assigned to a member named in ``fields`` (``item.url = base + …``)."""
    if read.type != "identifier":
        return False
    value = built_value(read)
    assignment = value.parent
    if assignment is None or assignment.type != "assignment_expression" or \
            assignment.child_by_field_name("right") != value:
        return False
    left = assignment.child_by_field_name("left")
    return left is not None and left.type == "member_expression" and \
        node_text(left.child_by_field_name("property")) in fields
