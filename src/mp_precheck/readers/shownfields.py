"""A URL variable a component reads only into the fields its own template shows as pictures: a picture host; a URL
field it only prints as text: an address shown to the user, no server.

``<image :src="item.url">`` in the template, and in the script ``let base = 'http://files.example.cn/'`` read
only as ``item.url = base + item.url``: every value built from the variable lands in a field the template binds to
an ``<image>``'s ``src``. The host serves pictures, which an ``<image>`` loads from any host; only ``wx.request``,
``wx.uploadFile``, ``wx.downloadFile`` and sockets need a server domain
(https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html). The field is taken by its
name, from the same single-file component only; a variable also read any other way (a call's argument, a
declaration, an object key) keeps its role. Read with the tree-sitter tree (readers/syntax.py) and the template
with html.parser; pure, nothing raises.

A URL written as one field of the data a template shows as a picture is one too: ``slides: [{ src: 'https://…' }]``
(a page's ``data``, ``setData``, ``this.slides = […]``, an item ``this.slides.push({ src: … })`` adds, or one
pushed onto a local list the function only stores whole there) with ``<block wx:for="{{slides}}"><image
src="{{item.src}}"/>`` (``wx:for-item`` names the item; uni-app / Vue ``v-for="(s, i) in slides"`` and
``:src="s.src"``), or a prop's default ``card: { default: () => ({ face: 'https://…' }) }`` shown as
``:src="card.face"`` or through a key another default object names (``card[keys.face]`` with ``keys`` defaulting to
``{ face: 'face' }``). The field must be read nowhere else: not in another template binding (a ``data-`` attribute a
handler reads, a ``<web-view>``), nor by the script (``x.src`` handed to ``wx.request``): such a host keeps its role.

A list of URLs shown item by item is one too: ``banners: ['https://…', …]`` with ``:src="banners[i]"`` or
``v-for="w in banners"`` and ``:src="w"`` (the field ``[]``: an item itself), read by the script nowhere
(``this.banners``). A picture is also a CSS background: a ``url(…)`` in a style binding — Vue's ``:style`` as a
string (``'background-image:url(' + w + ')'``, a template literal) or an object (``{ backgroundImage: 'url(' + w +
')' }``), a native ``style="background-image: url({{w}})"`` — is read like an ``<image>``'s ``src``: a background
image is loaded as a picture, not requested (WXSS takes network pictures for backgrounds:
https://developers.weixin.qq.com/miniprogram/dev/framework/view/wxss.html). A URL field the template only prints
(``{{ card.site }}``: a profile card showing a project's address) is read by the user, not requested: no server.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html.parser import HTMLParser

from msgspec.structs import replace
from tree_sitter import Language, Node

from mp_precheck.core.lazyre import lazy
from mp_precheck.facts.model import DISPLAYED, Fact
from mp_precheck.readers.htmlfeed import feed_safely
from mp_precheck.readers.imagebases import built_value, held_constant
from mp_precheck.readers.storedlists import mapped_into, push_target, stored_as
from mp_precheck.readers.syntax import (
    FUNCTION_NODES,
    language_for,
    node_text,
    nodes_of,
    parse,
    string_value,
    walk,
)
from mp_precheck.readers.urls import find_urls

_PICTURES = frozenset({"image", "img"})  # the tags whose src is a picture, in a WXML-like or an HTML template
_SOURCES = frozenset({":src", "v-bind:src", "src"})
# A bound value that is one field: item.url, cover, {{ goods.pic }} (no call, no joining).
_FIELD = lazy(r"\s*(?:\{\{)?\s*(?:[A-Za-z_$][\w$]*\s*\.\s*)*([A-Za-z_$][\w$]*)\s*(?:\}\})?\s*")
_NAME = r"[A-Za-z_$][\w$]*"
_NAME_ONLY = lazy(_NAME)
_PATH = rf"{_NAME}(?:\s*\.\s*{_NAME})*"
_KEY = rf"\[\s*(?:'([\w$]+)'|\"([\w$]+)\"|({_NAME}\s*\.\s*{_NAME}))\s*\]"  # ['src'] or [keys.face]
# One bound value: a member path (item.src), perhaps keyed (card['src'], card[keys.face]).
_BOUND = lazy(rf"\s*(?:\{{\{{)?\s*({_PATH})\s*(?:{_KEY})?\s*(?:\}}\}})?\s*")
# A member read anywhere in a binding or text: a.b.c, a[…].
_READ = lazy(rf"(?<![\w$.])({_PATH})\s*(?:{_KEY})?")
# A loop's item and list: wx:for="{{slides}}" (with wx:for-item), v-for="(x, i) in slides", "x of list".
_LOOPS = ("wx:for", "a:for", "tt:for", "qq:for", "v-for", "s-for")
_ITEM_NAMES = ("wx:for-item", "a:for-item", "tt:for-item", "qq:for-item")
_IN_LIST = lazy(rf"\s*\(?\s*({_NAME})\s*(?:,[^)]*)?\)?\s+(?:in|of)\s+({_PATH})\s*")
_LIST = lazy(rf"\s*\{{\{{\s*({_PATH})\s*\}}\}}\s*")
_ITEM = "[]"  # the field that is an item itself, of a list of URLs
_WHOLE = ""  # no field: the name itself is shown (a prop's string default, :src="img")
_KEYS = frozenset({"key", ":key", "v-bind:key", "wx:key"})  # a loop's item key: it names an item, loads nothing
_STYLES = frozenset({"style", ":style", "v-bind:style"})
_MUSTACHE = lazy(r"\{\{(.*?)\}\}", re.S)  # what a text node prints: {{ … }} (Vue's and WXML's alike)
_SHOWN_PATH = rf"{_PATH}(?:\s*\[[^\[\]]*\])?"
# What a style's url( … ) holds: 'url(' + w + ')', url(${w}), url({{w}}).
_STYLE_URL = lazy(rf"url\(\s*['\"]?\s*(?:['\"`]\s*\+\s*({_SHOWN_PATH})\s*(?:\+|['\"`]|$)|\$\{{\s*({_SHOWN_PATH})\s*\}}"
                  rf"|\{{\{{\s*({_SHOWN_PATH})\s*\}}\}})")
# An item read by index: banners[i], list[index + 1] (no quoted key, no member key).
_INDEXED = lazy(rf"\s*({_NAME})\s*\[\s*[^'\"\[\]]*\]\s*")
_VOID = frozenset({"img", "input", "br", "hr", "meta", "link", "source", "area", "col", "embed", "param", "track",
                   "wbr", "base"})
# Data a template shows: (the name holding it, its field, whether the name holds a list whose items have the
# field); a field "@keys.face" is the key a default object names (card[keys.face]).
Shown = tuple[str, str, bool]


class _Sources(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.fields: set[str] = set()
        self.shown: set[Shown] = set()  # data bound whole to a picture's src
        self.other: set[Shown] = set()  # data read any other way
        self.text: set[Shown] = set()  # data printed whole as text: {{ card.site }}
        self._open: list[tuple[str, dict[str, str]]] = []  # open tags and the loop items each names

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        items = dict(self._open[-1][1]) if self._open else {}
        items.update(_loop(attrs))
        if tag.lower() not in _VOID:
            self._open.append((tag.lower(), items))
        picture = tag.lower() in _PICTURES
        for name, value in attrs:
            if name in _STYLES and value and "url(" in value:
                value = self._backgrounds(value, items)
            bound = name in (":src", "v-bind:src") or (value is not None and "{{" in value)
            if picture and name in _SOURCES and bound and value and (match := _FIELD.fullmatch(value)) is not None:
                self.fields.add(match.group(1))
            whole = _BOUND.fullmatch(value) if picture and name in _SOURCES and bound and value else None
            if whole is not None and _NAME_ONLY.fullmatch(bare := whole.group(0).strip(" {}")) and bare not in items:
                self.shown.add((bare, _WHOLE, False))  # :src="img": the prop itself
                continue
            if whole is not None and (held := _held(whole, items)) is not None:
                self.shown.add(held)
                continue
            if picture and name in _SOURCES and bound and value and (item := _item(value, items)) is not None:
                self.shown.add(item)
                continue
            if value and name not in _LOOPS and name not in _ITEM_NAMES and name not in _KEYS:
                self.other.update(_members(value, items))

    def _backgrounds(self, style: str, items: dict[str, str]) -> str:
        """``style`` with each ``url(…)`` whose value is one piece of data taken out, that data kept as shown."""
        def shown(match: re.Match[str]) -> str:
            value = next(g for g in match.groups() if g is not None)
            held = _item(value, items)
            if (field := _FIELD.fullmatch(value)) is not None:
                self.fields.add(field.group(1))
            if held is None and (whole := _BOUND.fullmatch(value)) is not None:
                held = _held(whole, items)
            if held is None:
                return match.group(0)
            self.shown.add(held)
            return "url("
        return _STYLE_URL.sub(shown, style)

    def handle_endtag(self, tag: str) -> None:
        names = [name for name, _items in self._open]
        if tag.lower() in names:
            del self._open[len(names) - 1 - names[::-1].index(tag.lower()):]

    def handle_data(self, data: str) -> None:
        items = self._open[-1][1] if self._open else {}
        for printed in _MUSTACHE.findall(data):  # {{ card.site }} prints one field; {{ a + b }} reads two
            held = _held(whole, items) if (whole := _BOUND.fullmatch(printed)) is not None else None
            self.text.update({held} if held is not None else ())
            self.other.update(_members(printed, items) if held is None else ())


def _loop(attrs: list[tuple[str, str | None]]) -> dict[str, str]:
    """The loop item name an element's attributes give → the name of the list it walks (its last member)."""
    named = dict(attrs)
    for loop in _LOOPS:
        value = named.get(loop) or ""
        if (match := _IN_LIST.fullmatch(value)) is not None:
            return {match.group(1): _last(match.group(2))}
        if (match := _LIST.fullmatch(value)) is not None:
            item = next((named[n] for n in _ITEM_NAMES if named.get(n)), None) or "item"
            return {item.strip(): _last(match.group(1))}
    return {}


def _last(path: str) -> str:
    return path.rsplit(".", 1)[-1].strip()


def _held(match: re.Match[str], items: dict[str, str]) -> Shown | None:
    """The data a bound path (``item.src``, ``card[keys.face]``) reads, or None for a bare name."""
    parts = [p.strip() for p in match.group(1).split(".")]
    quoted, computed = match.group(2) or match.group(3), match.group(4)
    if quoted or computed:
        field = quoted or "@" + ".".join(p.strip() for p in (computed or "").split("."))
    elif len(parts) > 1:
        field = parts.pop()
    else:
        return None
    return (items[parts[0]], field, True) if len(parts) == 1 and parts[0] in items else (parts[-1], field, False)


def _item(value: str, items: dict[str, str]) -> Shown | None:
    """The list whose item a bound value is: ``w`` of a loop over ``banners``, ``banners[i]``."""
    bare = value.strip().removeprefix("{{").removesuffix("}}").strip()
    if bare in items:
        return (items[bare], _ITEM, True)
    match = _INDEXED.fullmatch(bare)
    return (match.group(1), _ITEM, True) if match is not None else None


def _members(text: str, items: dict[str, str]) -> set[Shown]:
    """The data every member read in ``text`` touches: each link of ``a.b.c`` ((a, b), (b, c)) and a key
    (``a['b']``); a loop item's first link is its list's (``item.id`` of a loop over ``list``: (list, id, True))."""
    found: set[Shown] = set()
    for match in _READ.finditer(text):
        parts = [p.strip() for p in match.group(1).split(".")]
        key = match.group(2) or match.group(3) or ("@" + "".join(match.group(4).split()) if match.group(4) else "")
        links = list(zip(parts, [*parts[1:], key] if key else parts[1:], strict=False))
        found.update((items[h], f, True) if i == 0 and h in items else (h, f, False)
                     for i, (h, f) in enumerate(links) if f)
        if len(parts) == 1 and not key:  # a name read whole, or by index: its items are read too
            found.add((items[parts[0]], _ITEM, True) if parts[0] in items else (parts[0], _ITEM, True))
            found.add((parts[0], _WHOLE, False))
    return found


def picture_fields(template: str) -> frozenset[str]:
    """The names of the fields a template binds, whole, to an ``<image>``'s (or ``<img>``'s) ``src``:
    ``:src="item.url"`` gives ``url``, ``src="{{cover}}"`` gives ``cover``."""
    return _read(template)[0]


def shown_pictures(template: str) -> frozenset[Shown]:
    """The data a template shows only as pictures: (holder, field, whether the holder is a list of items with the
    field) of each ``<image>`` / ``<img>`` ``src`` bound to one field — ``<block wx:for="{{slides}}"><image
    src="{{item.src}}"/>`` gives ``("slides", "src", True)``, ``:src="card.face"`` ``("card", "face", False)``,
    ``:src="card[keys.face]"`` ``("card", "@keys.face", False)``, ``:src="walls[i]"`` or a style's
    ``url(' + walls[i] + ')'`` ``("walls", "[]", True)`` — that no other binding or text reads."""
    return _read(template)[1]


def _read(template: str) -> tuple[frozenset[str], frozenset[Shown], frozenset[Shown]]:
    """:func:`picture_fields` and :func:`shown_pictures` of ``template``, and the data it only prints as text
    (``{{ card.site }}``: no picture, no other read), read once."""
    parser = _Sources()
    feed_safely(parser, template)
    return frozenset(parser.fields), frozenset(parser.shown - parser.other), \
        frozenset(parser.text - parser.other - parser.shown)


def with_shown_fields(facts: Sequence[Fact], script: str, path: str, offset: int,
                      template: tuple[str, int] | None) -> list[Fact]:
    """``facts`` of a component's script (``script`` at ``path``, lines shifted by ``offset``) with the hosts its
    ``template`` (text, line offset) shows only as pictures made media: those of its URL variables read only into
    fields the template binds to a picture's src, and URLs written as a field of data it shows as pictures; and
    those written as a field of data it only prints as text (a profile card's ``site: 'https://…'`` shown as
    ``{{ card.site }}``) made :data:`~mp_precheck.facts.model.DISPLAYED`: the user reads the address, the app
    requests nothing from it."""
    out = list(facts)
    lines = {f.line for f in facts if f.kind == "host" and f.role == "code"}
    fields, data, printed = _read(template[0]) if template is not None and lines else (frozenset(),) * 3
    if not fields and not data and not printed:
        return out
    language = language_for(path)
    root = parse(language, script.encode("utf-8", "surrogatepass")).root_node
    strings = [node for node in nodes_of(root, language, ("string", "template_string"))
               if node.start_point[0] + 1 + offset in lines]
    shown = {node.start_point[0] + 1 + offset for node in strings if fields and
             _only_shown(held_constant(node), root, fields)}
    read = _read_fields(root) if data or printed else set()
    pictures, texts = (_written_fields(strings, _keyed(held, root, language), read, offset) if held else set()
                       for held in (data, printed))
    return [replace(f, role="media") if f.kind == "host" and f.role == "code" and
            (f.line in shown or (f.line, f.subject) in pictures) else
            replace(f, role=DISPLAYED) if f.kind == "host" and f.role == "code" and (f.line, f.subject) in texts
            else f for f in out]


def _written_fields(strings: list[Node], keyed: set[Shown], read: set[str], offset: int) -> set[tuple[int, str]]:
    """(line, host) of each URL of ``strings`` written (alone or joined: ``'https://…/' + i``) as a field of the
    data ``keyed`` that the script reads nowhere (``read``: the member names it reads)."""
    return {(node.start_point[0] + 1 + offset, "host:" + url.host) for node in strings
            if (held := data_holder(built_value(node))) is not None and held in keyed and
            (held[0] if held[1] in (_ITEM, _WHOLE) else held[1]) not in read
            for url in find_urls(string_value(node) or "")}


def _keyed(data: frozenset[Shown], root: Node, language: Language) -> set[Shown]:
    """``data`` with each computed key (``@keys.face``) named by the string its holder's default gives
    (``keys: { default: () => ({ face: 'face' }) }``); a key no string of the script names is dropped."""
    out = {d for d in data if not d[1].startswith("@")}
    keys = {(d[1][1:].partition(".")[0], d[1].partition(".")[2]): d for d in data if d[1].startswith("@")}
    if keys:
        for node in nodes_of(root, language, ("string",)):
            held = data_holder(node)
            if held is not None and not held[2] and (held[0], held[1]) in keys and (name := string_value(node)):
                out.add((keys[(held[0], held[1])][0], name, keys[(held[0], held[1])][2]))
    return out


def _read_fields(root: Node) -> set[str]:
    """The member names the script reads (``x.src`` anywhere but an assignment's left side or the list a
    ``push`` / ``unshift`` adds to, ``x['src']``)."""
    out: set[str] = set()
    for node in walk(root):
        written = node.parent is not None and (
            (node.parent.type == "assignment_expression" and node.parent.child_by_field_name("left") == node)
            or push_target(node.parent.parent) == node)  # this.slides.push(…) adds to the list, reads nothing
        if node.type == "member_expression" and not written:
            out.add(node_text(node.child_by_field_name("property")))
        elif node.type == "subscript_expression" and not written and (index := node.child_by_field_name("index")):
            out.add(string_value(index) or "")
    return out


def data_holder(literal: Node) -> Shown | None:
    """The data a string ``literal`` is one field of: ``slides: [{ src: '…' }]`` (also in ``setData({…})`` or
    ``this.slides = […]``) gives ``("slides", "src", True)``; a prop's default ``card: { default: () => ({ logo:
    '…' }) }`` or ``this.card.logo = '…'`` gives ``("card", "logo", False)``; an item of a list, ``banners:
    ['…']``, gives ``("banners", "[]", True)``; an item pushed onto a data list, ``this.slides.push({ src: '…' })``
    or ``this.banners.push('…')``, the same as one written in it; None for any other place."""
    parent = literal.parent
    if parent is not None and parent.type == "array":
        name = _holder_name(parent)
        return (name, _ITEM, True) if name else None
    if parent is not None and (name := _pushed_onto(literal)):  # this.banners.push('…'): an item of banners
        return (name, _ITEM, True)
    if parent is not None and parent.type == "pair" and parent.child_by_field_name("value") == literal:
        field = _key(parent)
        holder = parent.parent
        if field == "default":  # img: { type: String, default: '…' }: the prop's own value
            return (name, _WHOLE, False) if (name := _holder_name(holder)) else None
        # this.slides.push({ src: '…' }); list.map((h) => ({ src: … })) stored in data
        pushed = (_pushed_onto(holder) or mapped_into(holder)) if holder is not None else ""
        item = bool(pushed) or (holder is not None and holder.parent is not None and holder.parent.type == "array")
        name = pushed or _holder_name(holder.parent if item and holder is not None else holder)
        return (name, field, item) if name and field else None
    if parent is not None and parent.type == "assignment_expression" and \
            parent.child_by_field_name("right") == literal:
        left = parent.child_by_field_name("left")
        if left is not None and left.type == "member_expression":
            owner = left.child_by_field_name("object")
            name = node_text(owner.child_by_field_name("property")) if owner is not None and \
                owner.type == "member_expression" else ""
            return (name, node_text(left.child_by_field_name("property")), False) if name else None
    return None


def _key(pair: Node) -> str:
    """A pair's key, or a method's name, unquoted."""
    return node_text(pair.child_by_field_name("key") or pair.child_by_field_name("name")).strip("'\"")


def _holder_name(value: Node | None) -> str:
    """The name ``value`` (an object or array) is given: a pair's key (a prop's, for its ``default`` value or
    method), the member an assignment writes (``this.slides = …``), else ""."""
    node = value
    while node is not None and node.parent is not None:
        parent = node.parent
        if parent.type in ("parenthesized_expression", "return_statement") or \
                (parent.type == "arrow_function" and parent.child_by_field_name("body") == node):
            node = parent
        elif node.type == "return_statement":  # default() { return {…} }: the function's holder
            while node is not None and node.type not in FUNCTION_NODES:
                node = node.parent
        else:
            break
    if node is None or node.parent is None:
        return ""
    parent = node.parent
    if node.type == "method_definition":
        return _holder_name(parent) if parent.type == "object" and _key(node) == "default" else ""
    if parent.type == "pair" and parent.child_by_field_name("value") == node:
        return _holder_name(parent.parent) if _key(parent) == "default" else _key(parent)
    if parent.type == "assignment_expression" and parent.child_by_field_name("right") == node:
        left = parent.child_by_field_name("left")
        return node_text(left.child_by_field_name("property")) if left is not None and \
            left.type == "member_expression" else ""
    return ""


def _pushed_onto(value: Node) -> str:
    """The name of the data list ``value`` is pushed onto as an item (``slides`` of ``this.slides.push({…})``, or of
    a local list the function only stores there, readers/storedlists.py), else "": the item is one of the list's, as if
    written in its array."""
    args = value.parent
    target = push_target(args.parent) if args is not None and args.type == "arguments" else None
    if target is not None and target.type == "identifier":
        return stored_as(target)
    return node_text(target.child_by_field_name("property")) if target is not None and \
        target.type == "member_expression" else ""


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
