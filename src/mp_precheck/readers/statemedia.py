"""A picked photo's base64 kept in component state and sent later: an upload without ``wx.uploadFile``.

A page converts the photo the user picked (``wx.chooseImage``, ``chooseMedia``, a camera shot) to base64
(``pathToBase64``, ``wx.arrayBufferToBase64``, ``readFile({ encoding: 'base64' })``…, often through a helper of
its own that hands it back: readers/base64values.py), keeps it in a name or in its state —
``this.receipt = base64``, ``that.setData({ photo: res.data })``, ``this.setState({ img })``, ``this.photos.push(b)``
— or fills a local with it later (``photos.forEach(p => body.photos.push({ photo: p }))``: readers/photofills.py,
sent where that local is read) — and another method
sends it: in the arguments of a request (``wx.request``, ``http.request``), of a store action
(``this.$store.dispatch``, a ``mapActions`` method, from the script or from the template's
``@tap="payOrder(payData)"``), of a project wrapper (an imported API function, ``this.$api.pay``) or of a
method of the page that sends its parameter — directly or as a field of an object built from it
(``this.payData = { orderNum, receipt }``). The photo leaves the phone as with ``wx.uploadFile``: review treats it
as an upload of user media, which must pass content security
(https://developers.weixin.qq.com/miniprogram/dev/server/API/sec-center/sec-check/api_mediacheckasync.html).
A base64 only shown (``<image :src>``), drawn on a canvas or emitted to a parent is never in what is sent: silent;
so is one of a picture the page draws itself (``canvasToTempFilePath``: a poster) where it picks no photo.

In: a script (a file, or an SFC's script block with its line offset), its facts so far (a photo picker among
them, or ``tempFile`` paths in the text, says the base64 is a picked photo; else a helper of the project may pick
it, which facts/store.py settles with :func:`confirm_picked`) and, for an SFC, its template with
its line offset. Out: ``wx.request:media`` facts (readers/base64media.py) at the line where the photo is put
into what is sent — the field of the object built from it, else the read in the call (also of a name holding
the photo itself: ``data: content`` after ``const content = res.data``) — one per line; a
request the base64 reader already reported is not reported again.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from html.parser import HTMLParser

from msgspec import Struct, field
from msgspec.structs import replace
from tree_sitter import Node

from mp_precheck.core.lazyre import lazy
from mp_precheck.facts.model import Fact
from mp_precheck.readers.base64media import SUBJECT
from mp_precheck.readers.base64values import (
    FUNCTIONS,
    Base64Flow,
    base64_flow,
    declared_scope,
    first_argument,
    params,
    scope_of,
    within,
)
from mp_precheck.readers.htmlfeed import feed_shared
from mp_precheck.readers.jsbindings import is_get_app
from mp_precheck.readers.localcalls import SELF
from mp_precheck.readers.markup import is_event_attribute
from mp_precheck.readers.modulespecs import module_specifiers
from mp_precheck.readers.photofills import added, each_item, filled_local
from mp_precheck.readers.specifiers import is_project_spec
from mp_precheck.readers.syntax import language_for, node_text, parse, parser_for, string_value, walk

# APIs that hand the user a photo or video they picked or shot.
PICKERS = frozenset({"wx.chooseImage", "wx.chooseMedia", "wx.chooseVideo", "wx.chooseMessageFile",
                     "CameraContext.takePhoto"})
_CANVAS_EXPORT = ".canvasToTempFilePath"  # a picture the page drew itself, written out to a temp file
PICKED_ELSEWHERE = "picked-elsewhere"  # role of an upload whose photo only a project helper can have picked
_HINT = lazy(r"base64|toDataURL|readAsDataURL", re.IGNORECASE)
_HINT_WORDS = ("base64", "todataurl", "readasdataurl")  # _HINT's words, lower-cased
_SENDS = frozenset({"request", "dispatch"})  # wx.request, uni.request, http.request, this.$store.dispatch
# Members every Vue component has ($emit hands a value to the parent, $refs reaches a child): nothing is sent.
_VUE_OWN = frozenset({"$emit", "$refs", "$set", "$delete", "$nextTick", "$forceUpdate", "$watch", "$on", "$off",
                      "$once", "$parent", "$children", "$root", "$el", "$options", "$data", "$props", "$slots",
                      "$scopedSlots", "$attrs", "$listeners", "$store"})
_STATE = ("data", "state")  # this.data.x (Mini Program pages), this.state.x (React / Taro classes)
# Words of a module path or a name that talks to a server (@/api/user, utils/request, uploadImg, this.$u.post).
_NETWORK_WORDS = frozenset({"api", "apis", "request", "req", "http", "https", "service", "services", "fetch", "ajax",
                            "axios", "fly", "flyio", "upload", "post", "put", "submit", "send", "server"})
# Words of a name that keeps a value on the phone (mediaStorage.saveMedia, cache.set, localData.put): a call of one
# with no network word, nor a cloud's (cloudStorage, ossStorage), writes local storage or a file, sends nothing
# (wx.setStorage: https://developers.weixin.qq.com/miniprogram/dev/api/storage/wx.setStorage.html).
_LOCAL_WORDS = frozenset({"storage", "storages", "cache", "caches", "local", "persist"})
_REMOTE_WORDS = frozenset({"cloud", "oss", "cos", "remote", "sync"})


class _Photo(Struct):
    """What holds the photo in one script. ``fields``: state field → the line where the photo went into a larger
    value kept there, None when the field holds the photo itself; ``locals``: (name, scope, that line or None)."""

    flow: Base64Flow
    destructured: set[str]
    fields: dict[str, int | None] = field(default_factory=dict)
    locals: list[tuple[str, Node, int | None]] = field(default_factory=list)


def mentions_base64(source: str) -> bool:
    """``_HINT.search(source)``, as a substring test of the lower-cased text (~9x faster on a whole file); a text
    with ``ſ`` (which re.IGNORECASE reads as ``s``) or ``İ`` (which lower-casing lengthens) is left to the pattern."""
    if "\u017f" in source or "\u0130" in source:
        return _HINT.search(source) is not None
    lowered = source.lower()
    return any(word in lowered for word in _HINT_WORDS)


def state_media(source: str, path: str, line_offset: int, facts: Sequence[Fact],
                template: tuple[str, int] | None = None) -> list[Fact]:
    """The uploads of a picked photo's base64 sent from state (see the module docstring); never raises. A script
    that picks no photo itself but calls a helper of its own project's (which may pick one) gets them with the
    role :data:`PICKED_ELSEWHERE`, for :func:`confirm_picked` to keep or drop once the helpers are known."""
    if not mentions_base64(source):
        return []
    picked = _picks(source, facts)
    nodes = list(walk(parse(language_for(path), source.encode("utf-8", "surrogatepass")).root_node))
    if not picked and not any(is_project_spec(spec) for spec in module_specifiers(nodes)):
        return []
    photo = _Photo(base64_flow(nodes), _destructured(nodes))
    _stored(nodes, photo)
    if not photo.fields and not photo.flow.bindings:
        return []
    calls = [n for n in nodes if n.type == "call_expression"]
    imports = _imports(nodes) | {f"{name}." for name in _app_names(nodes)}  # the App instance: its modules
    senders = _actions(calls) | _sending_methods(nodes, imports)
    told = [f.line - line_offset for f in facts if f.subject == SUBJECT]
    lines: set[int] = set()
    for call in calls:
        first, last = call.start_point[0] + 1, call.end_point[0] + 1
        arguments = call.child_by_field_name("arguments")
        if arguments is None or any(first <= line <= last for line in told) or not _sends(call, senders, imports):
            continue
        found = _photo_in(arguments, photo)
        if found is not None:
            lines.add(found[0] + line_offset)
    if template is not None:
        lines |= _template_sends(template, senders, photo, line_offset)
    return [Fact(SUBJECT, "api", line, role=None if picked else PICKED_ELSEWHERE) for line in sorted(lines)]


def _picks(source: str, facts: Sequence[Fact]) -> bool:
    """Whether the script has a picked photo: a picker call, or a ``tempFile`` path of one handed in — unless the
    only such path is a canvas the page exports (``canvasToTempFilePath``: a poster it draws, no user photo)."""
    if any(f.subject in PICKERS for f in facts):
        return True
    return "tempFile" in source and not any(f.subject.endswith(_CANVAS_EXPORT) for f in facts)


def confirm_picked(facts: tuple[Fact, ...]) -> tuple[Fact, ...]:
    """A file's facts once its calls of project helpers are resolved (facts/store.py): the uploads of
    :func:`state_media` marked :data:`PICKED_ELSEWHERE` kept (unmarked) when the file picks a photo after all —
    through a helper (``pickPhotos()`` of ``@/utils`` calling ``uni.chooseImage``) —, dropped when it does not."""
    if not any(f.role == PICKED_ELSEWHERE for f in facts):
        return facts
    picked = any(f.subject in PICKERS for f in facts)
    return tuple(replace(f, role=None) if f.role == PICKED_ELSEWHERE else f for f in facts
                 if picked or f.role != PICKED_ELSEWHERE)


def _stored(nodes: list[Node], photo: _Photo) -> None:
    """Fill ``photo.fields`` and ``photo.locals``: state fields and local names given a value that holds the photo,
    a few rounds deep (a field built from a field built from the photo)."""
    for _ in range(3):
        before = (len(photo.fields), len(photo.locals))
        for node in nodes:
            for name, written in _state_writes(node):
                found = _photo_in(written, photo) if name not in photo.fields else None
                if found is not None:
                    photo.fields[name] = None if found[1] else found[0]
            name_node = node.child_by_field_name("name") if node.type == "variable_declarator" else None
            value = node.child_by_field_name("value") if name_node is not None else None
            if name_node is not None and name_node.type == "identifier" and value is not None \
                    and not photo.flow.gives_base64(value) and (found := _photo_in(value, photo)) is not None:
                # a name given the photo itself (b64 = res.data) is sent where it is read; one given a value built
                # from it (an object, a body) where the photo went in
                itself = found[1] and value.type in ("identifier", "member_expression")
                photo.locals.append((node_text(name_node), scope_of(node), None if itself else found[0]))
            _filled(node, photo)
        if (len(photo.fields), len(photo.locals)) == before:
            return


def _filled(node: Node, photo: _Photo) -> None:
    """Add to ``photo.locals`` a local the node fills with the photo after making it (``obj.photos.push({ photo:
    p })``: sent where it is read, the object made without it) and the item of a loop over the photos
    (``photos.forEach(p => …)``: readers/photofills.py)."""
    fill = filled_local(node)
    if fill is not None and any(_photo_in(value, photo) is not None for value in fill[1]):
        name, scope = node_text(fill[0]), declared_scope(fill[0])
        if (name, scope.start_byte) not in _known(photo):
            photo.locals.append((name, scope, None))
    item = each_item(node)
    found = _photo_in(item[0], photo) if item is not None else None
    if item is not None and found is not None and (item[1], item[2].start_byte) not in _known(photo):
        photo.locals.append((item[1], item[2], None if found[1] else found[0]))


def _known(photo: _Photo) -> set[tuple[str, int]]:
    """(name, scope start) of the locals already known to hold the photo."""
    return {(name, scope.start_byte) for name, scope, _at in photo.locals}


def _photo_in(value: Node, photo: _Photo) -> tuple[int, bool] | None:
    """(line, direct) of the first part of ``value`` holding the photo, outside any function in it: direct when it
    is the base64 itself (a conversion, a name bound to one); else the line where the photo went into the field
    or local it reads (the read itself when that field holds the photo alone)."""
    for node in _values(value):
        line = node.start_point[0] + 1
        if photo.flow.gives_base64(node):
            return line, True
        name = node_text(node) if node.type in ("identifier", "shorthand_property_identifier") else None
        if name is not None:
            if photo.flow.holds(node):
                return line, True
            local = next(((at,) for held, scope, at in photo.locals if held == name and within(node, scope)), None)
            if local is not None:  # a name given the photo itself, read alone, is the photo
                return local[0] or line, local[0] is None and node == value
            if name in photo.destructured and name in photo.fields:
                return photo.fields[name] or line, photo.fields[name] is None and node == value
        elif node.type == "member_expression" and (member := _state_field(node)) in photo.fields:
            return photo.fields[member] or line, photo.fields[member] is None and node == value
    return None


def _values(node: Node) -> Iterator[Node]:
    """``node`` and the nodes below it, not entering functions (a callback runs later, on other values)."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        if current is node or current.type not in FUNCTIONS:
            stack.extend(reversed(current.children))


def _state_writes(node: Node) -> list[tuple[str, Node]]:
    """(state field, value written) of ``this.f = v`` / ``that.f.x = v``, ``setData({ f: v })`` /
    ``setState({ f })`` and ``this.$set(this.f, key, v)``."""
    if node.type == "assignment_expression":
        left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
        name = _state_field(left) if left is not None and left.type == "member_expression" else None
        return [(name, right)] if name and right is not None else []
    if node.type != "call_expression":
        return []
    pushed = added(node)  # this.photos.push(b64): the field holds the photos
    name = _state_field(pushed[0]) if pushed is not None and pushed[0].type == "member_expression" else None
    if pushed is not None and name:
        return [(name, value) for value in pushed[1]]
    callee, arguments = node.child_by_field_name("function"), node.child_by_field_name("arguments")
    parts = node_text(callee).split(".")
    if arguments is None or len(parts) != 2 or parts[0] not in SELF:
        return []
    values = arguments.named_children
    if parts[1] in ("setData", "setState") and values and values[0].type == "object":
        writes = []
        for pair in values[0].named_children:
            if pair.type == "shorthand_property_identifier":
                writes.append((node_text(pair), pair))
            elif pair.type == "pair" and (value := pair.child_by_field_name("value")) is not None:
                key = node_text(pair.child_by_field_name("key")).strip("'\"`")
                writes.append((re.split(r"[.\[]", key, maxsplit=1)[0], value))
        return writes
    if parts[1] == "$set" and len(values) == 3 and values[0].type == "member_expression":
        name = _state_field(values[0])
        return [(name, values[2])] if name else []
    return []


def _state_field(node: Node) -> str | None:
    """The state field a member expression rooted at the component names: ``f`` of ``this.f``, ``that.f.x``,
    ``this.data.f`` and ``this.state.f``; None for anything else."""
    chain: list[str] = []
    current: Node | None = node
    while current is not None and current.type == "member_expression":
        chain.append(node_text(current.child_by_field_name("property")))
        current = current.child_by_field_name("object")
    if current is None or node_text(current) not in SELF or not chain:
        return None
    chain.reverse()
    if chain[0] in _STATE and len(chain) > 1:
        return chain[1]
    return chain[0]


def _destructured(nodes: list[Node]) -> set[str]:
    """Names taken out of the component's state: ``const { a, b: c } = this`` (or ``this.data``, ``that``)."""
    names: set[str] = set()
    for node in nodes:
        pattern = node.child_by_field_name("name") if node.type == "variable_declarator" else None
        value = node.child_by_field_name("value") if pattern is not None else None
        if pattern is None or pattern.type != "object_pattern" or value is None or \
                node_text(value) not in {f"{s}{tail}" for s in SELF for tail in ("", ".data", ".state")}:
            continue
        for part in pattern.named_children:
            target = part.child_by_field_name("value") if part.type == "pair_pattern" else part
            if target is not None and target.type in ("shorthand_property_identifier_pattern", "identifier"):
                names.add(node_text(target))
    return names


def _imports(nodes: list[Node]) -> set[str]:
    """Local names of the project's network wrappers: what its own modules export under a network word
    (``import { uploadImg } from './x'``) or what a network module exports (``import api from '@/api'``, ``const
    http = require('../utils/request')``). An npm package's functions, or a project's image or storage
    helpers (``drawPoster``, ``setCache``), are not."""
    names: set[str] = set()
    for node in nodes:
        spec, bound = None, None
        if node.type == "import_statement" and (source := node.child_by_field_name("source")) is not None:
            spec, bound = string_value(source), node
        elif node.type == "variable_declarator" and (value := node.child_by_field_name("value")) is not None \
                and value.type == "call_expression" and node_text(value.child_by_field_name("function")) == "require":
            argument = first_argument(value)
            spec, bound = (string_value(argument) if argument is not None else None), node.child_by_field_name("name")
        if spec and bound is not None and is_project_spec(spec):
            local = {node_text(n) for n in walk(bound)
                     if n.type in ("identifier", "shorthand_property_identifier_pattern")}
            names |= local if _network(spec) else {name for name in local if _network(name)}
    return names


def _app_names(nodes: list[Node]) -> set[str]:
    """Names the script binds to the App instance: ``const app = getApp()``, ``app = getApp()``."""
    names: set[str] = set()
    for node in nodes:
        name, value = (node.child_by_field_name("name"), node.child_by_field_name("value")) \
            if node.type == "variable_declarator" else (node.child_by_field_name("left"), node.child_by_field_name(
                "right")) if node.type == "assignment_expression" else (None, None)
        if name is not None and name.type == "identifier" and is_get_app(value):
            names.add(node_text(name))
    return names


def _through_app(callee: Node | None, imports: set[str]) -> bool:
    """Whether ``callee`` is a function of a module the App instance holds, read through ``getApp()`` or a name
    bound to it (``imports`` holds ``"app."`` for it): ``app.http.post``, ``getApp().api.sendPhoto``. ``App({ http
    })`` hands every page the module, as an import would
    (https://developers.weixin.qq.com/miniprogram/dev/reference/api/getApp.html): it sends when the member or the
    method has a network word, as an imported module's name or function does (:func:`_imports`)."""
    if callee is None or callee.type != "member_expression":
        return False
    held = callee.child_by_field_name("object")
    app = held.child_by_field_name("object") if held is not None and held.type == "member_expression" else None
    if held is None or app is None or \
            not (is_get_app(app) or (app.type == "identifier" and f"{node_text(app)}." in imports)):
        return False
    return _network(node_text(held.child_by_field_name("property"))) or \
        _network(node_text(callee.child_by_field_name("property")))


def _network(name: str) -> bool:
    """Whether a module path or a name says it talks to a server: one of its words (``@/api/user``,
    ``uploadImg``, ``$http``, ``utils/request``) is a network word; ``poster`` or ``compress`` are not."""
    words = {w.lower() for w in re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])", name)}
    return bool(words & _NETWORK_WORDS)


def _keeps_locally(callee: str) -> bool:
    """Whether a project helper's call (``mediaStorage.saveMedia``, ``cache.set``) names local storage and
    nothing that talks to a server: a network word or a cloud's (``cloudStorage.putObject``, ``store.sync``)."""
    words = {w.lower() for w in re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])", callee)}
    return bool(words & _LOCAL_WORDS) and not words & (_NETWORK_WORDS | _REMOTE_WORDS)


def _actions(calls: list[Node]) -> set[str]:
    """Method names ``mapActions`` gives the component: ``mapActions('Order', ['payOrder'])``,
    ``mapActions({ pay: 'payOrder' })``."""
    names: set[str] = set()
    for call in calls:
        arguments = call.child_by_field_name("arguments")
        if arguments is None or not node_text(call.child_by_field_name("function")).endswith("mapActions"):
            continue
        for argument in arguments.named_children:
            if argument.type == "array":
                names |= {v for item in argument.named_children if (v := string_value(item))}
            elif argument.type == "object":
                names |= {node_text(p.child_by_field_name("key") if p.type == "pair" else p).strip("'\"")
                          for p in argument.named_children if p.type in ("pair", "shorthand_property_identifier")}
    return names


def _sending_methods(nodes: list[Node], imports: set[str]) -> set[str]:
    """Names of the script's methods and functions that send their own parameter (``pay(data) { return
    http.post('/pay', data) }``): a call of one with the photo sends it."""
    names: set[str] = set()
    for node in nodes:
        if node.type in ("method_definition", "function_declaration"):
            name, function = node_text(node.child_by_field_name("name")), node
        elif node.type == "pair" and (value := node.child_by_field_name("value")) is not None \
                and value.type in FUNCTIONS:
            name, function = node_text(node.child_by_field_name("key")).strip("'\""), value
        else:
            continue
        taken = set(params(function))
        for call in (c for c in walk(function) if c.type == "call_expression") if taken else ():
            arguments = call.child_by_field_name("arguments")
            if arguments is not None and _sends(call, frozenset(), imports) and \
                    any(n.type == "identifier" and node_text(n) in taken for n in _values(arguments)):
                names.add(name)
                break
    return names


def _sends(call: Node, senders: set[str] | frozenset[str], imports: set[str]) -> bool:
    """Whether a call sends its arguments away: a request or store dispatch, a project network wrapper, a Vue
    plugin's network API (``this.$api.pay``, ``this.$u.post``), or a method of the component that sends
    (``senders``)."""
    callee = call.child_by_field_name("function")
    text = node_text(callee)
    if _through_app(callee, imports):
        return not _keeps_locally(text)
    if callee is None or "(" in text:
        return False  # a call on a call's result (``.then``): its arguments are callbacks
    parts = text.split(".")
    if parts[-1] in _SENDS or (parts[0] in imports and not _keeps_locally(text)):
        return True
    if callee.type == "identifier":
        return text in senders
    return parts[0] in SELF and len(parts) > 1 and (
        (len(parts) == 2 and parts[1] in senders) or
        (parts[1].startswith("$") and parts[1] not in _VUE_OWN and _network(text)))


class _EventValues(HTMLParser):
    """(1-based line, expression) of each event binding of a template."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found += [(self.getpos()[0], value) for name, value in attrs if value and is_event_attribute(name)]


def _template_sends(template: tuple[str, int], senders: set[str], photo: _Photo, line_offset: int) -> set[int]:
    """Lines where the template hands the photo, or an object built from it, to a method that sends:
    ``@tap="payOrder(payData)"`` — at the line the photo went into that object, else at the binding."""
    text, template_offset = template
    events = _EventValues()
    feed_shared(events, text)
    lines: set[int] = set()
    for line, expression in events.found:
        root = parser_for("x.js").parse(expression.encode("utf-8", "surrogatepass")).root_node
        for call in (n for n in walk(root) if n.type == "call_expression"):
            arguments = call.child_by_field_name("arguments")
            if node_text(call.child_by_field_name("function")) not in senders or arguments is None:
                continue
            held = [node_text(n) for n in walk(arguments) if n.type == "identifier" and node_text(n) in photo.fields]
            if held:
                origin = photo.fields[held[0]]
                lines.add(origin + line_offset if origin is not None else line + template_offset)
    return lines
