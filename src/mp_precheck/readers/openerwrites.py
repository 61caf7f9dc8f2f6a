"""What a page hands back to the page that opened it: the opener's data it writes, and the routes a page names.

An editor page often has the text box while the page that opened it posts: the editor writes what the user typed
into the opener's data as it closes (``const pages = getCurrentPages(); pages[pages.length - 2].setData({
['form.' + field]: this.data.text })``, ``prevPage.data.note = …``, ``pages.at(-2)``), or emits it on the channel
the opener listens on (``this.getOpenerEventChannel().emit('done', { text })`` and the opener's ``wx.navigateTo({
events: { done(res) { this.setData({ note: res.text }) } } })``). The page stack:
https://developers.weixin.qq.com/miniprogram/dev/reference/api/getCurrentPages.html; the opener's channel:
https://developers.weixin.qq.com/miniprogram/dev/api/route/wx.navigateTo.html (``events``) and
https://developers.weixin.qq.com/miniprogram/dev/reference/api/Page.html#Page-prototype-getOpenerEventChannel.

In: a script's text and path (a script file or a single-file component). Out: data keys (the first name of the
written path: ``form`` for ``'form.' + field``), the names the written value holds, event names, whether a string
names a route. Pure functions of text through tree-sitter; never raise.
"""

from __future__ import annotations

from tree_sitter import Node

from mp_precheck.core.recache import compiled
from mp_precheck.readers.syntax import language_for, node_text, nodes_of, parse, string_value, walk
from mp_precheck.readers.textflow import script_block

_WORD = compiled(r"[A-Za-z_$][\w$]*")
_KEY = compiled(r"^[\s'\"`\[]*([A-Za-z_$][\w$]*)")
_WRAPPED = ("parenthesized_expression", "as_expression", "non_null_expression")
_FUNCTIONS = ("arrow_function", "function_expression", "function", "method_definition")
_NOT_STATE = frozenset({"this", "that", "self", "_this", "_ts", "data", "state", "e", "event", "detail", "trim"})
# Names of a page that say nothing of which page it is (``pages/edit/index``: the folder names it).
_GENERIC = frozenset({"index", "main", "page", "pages", "home"})


def opener_writes(text: str, path: str) -> list[tuple[int, str, frozenset[str]]]:
    """(line, opener's data key, names the written value holds) of each write of the script of ``path`` into the
    page below it on the page stack (``getCurrentPages()`` at ``length - 2`` or ``.at(-2)``, directly or through a
    local): ``prev.setData({ 'form.note': this.data.text })`` → ``('form', {'text'})``, ``prev.data.note = text``
    → ``('note', {'text'})``; and of each emit on the opener's event channel, keyed ``event:<name>``."""
    source, grammar, offset = script_block(text, path)
    if not source or ("getCurrentPages" not in source and "getOpenerEventChannel" not in source):
        return []
    language = language_for(grammar)
    root = parse(language, source.encode("utf-8", "replace")).root_node
    bound = {name: value for node in nodes_of(root, language, ("variable_declarator", "assignment_expression"))
             if (pair := _binding(node)) is not None for name, value in [pair]}
    stacks = {n for n, v in bound.items() if _calls(v, "getCurrentPages")}
    previous = {n for n, v in bound.items() if _previous(v, stacks)}
    channels = {n for n, v in bound.items() if _calls(v, "getOpenerEventChannel")}
    out: list[tuple[int, str, frozenset[str]]] = []
    for node in nodes_of(root, language, ("call_expression", "assignment_expression")):
        line = node.start_point[0] + 1 + offset
        if node.type == "assignment_expression":
            key = _data_member(node.child_by_field_name("left"), previous, stacks)
            if key:
                out.append((line, key, _held(node.child_by_field_name("right"))))
            continue
        callee, args = node.child_by_field_name("function"), node.child_by_field_name("arguments")
        if callee is None or callee.type != "member_expression" or args is None or not args.named_children:
            continue
        receiver, method = callee.child_by_field_name("object"), node_text(callee.child_by_field_name("property"))
        first = args.named_children[0]
        if method == "setData" and _is_previous(receiver, previous, stacks) and first.type == "object":
            out += [(line, key, _held(value)) for key, value in _pairs(first)]
        elif method == "emit" and (_calls(receiver, "getOpenerEventChannel") or node_text(receiver) in channels):
            event = string_value(first)
            if event:
                out.append((line, "event:" + event, frozenset().union(*(_held(a) for a in args.named_children[1:]))))
    return out


def listened_keys(text: str, path: str) -> dict[str, frozenset[str]]:
    """{event: data keys} of the listeners a navigation call of the script of ``path`` gives the page it opens
    (``wx.navigateTo({ url, events: { done(res) { this.setData({ note: res.text }) } } })``): the keys of the
    ``setData`` / ``setState`` calls and the ``this.`` members each listener writes."""
    source, grammar, _offset = script_block(text, path)
    if not source or "events" not in source:
        return {}
    language = language_for(grammar)
    root = parse(language, source.encode("utf-8", "replace")).root_node
    out: dict[str, frozenset[str]] = {}
    for pair in nodes_of(root, language, ("pair",)):
        value = pair.child_by_field_name("value")
        key = node_text(pair.child_by_field_name("key")).strip("'\"")
        if key != "events" or value is None or value.type != "object":
            continue
        for member in value.named_children:
            name = member.child_by_field_name("key" if member.type == "pair" else "name")
            body = member.child_by_field_name("value") if member.type == "pair" else member
            if name is not None and body is not None and body.type in _FUNCTIONS:
                out[node_text(name).strip("'\"")] = _written_keys(body)
    return out


def names_route(strings: tuple[str, ...], route: str) -> bool:
    """Whether one of ``strings`` (a script's string literals) names the page of ``route`` (``pages/edit/edit``, as
    the app config registers it): its route (``'/pages/edit/edit?id=1'``, ``'../edit/edit'``) or, as a route
    table's key, the page's own name (``navTo({ page: 'edit' })``) — never a name as generic as ``index``."""
    tail = route.strip("/")
    parts = tail.split("/")
    names = {p for p in parts[-2:] if p not in _GENERIC} if len(parts) > 1 else set()
    for string in strings:
        spelt = string.split("?", 1)[0].split("#", 1)[0].strip()
        while spelt.startswith(("./", "../", "/")):
            spelt = spelt.split("/", 1)[1]
        if not spelt:
            continue
        if spelt == tail or ("/" in spelt and tail.endswith("/" + spelt)) or spelt in names:
            return True
    return False


def script_strings(text: str, path: str) -> tuple[str, ...]:
    """The string literals of the script of ``path`` (a template string's text before its first substitution)."""
    source, grammar, _offset = script_block(text, path)
    if not source:
        return ()
    language = language_for(grammar)
    root = parse(language, source.encode("utf-8", "replace")).root_node
    return tuple(v for n in nodes_of(root, language, ("string", "template_string")) if (v := string_value(n)))


def _binding(node: Node) -> tuple[str, Node] | None:
    """(name, value) of ``const name = value`` or ``name = value``."""
    name = node.child_by_field_name("name" if node.type == "variable_declarator" else "left")
    value = node.child_by_field_name("value" if node.type == "variable_declarator" else "right")
    return (node_text(name), value) if name is not None and value is not None and name.type == "identifier" else None


def _unwrap(node: Node | None) -> Node | None:
    while node is not None and node.type in _WRAPPED and node.named_children:
        node = node.named_children[0]
    return node


def _calls(node: Node | None, name: str) -> bool:
    """Whether ``node`` is a call of ``name`` (``getCurrentPages()``, ``this.getOpenerEventChannel()``)."""
    node = _unwrap(node)
    callee = node.child_by_field_name("function") if node is not None and node.type == "call_expression" else None
    return callee is not None and node_text(callee).rsplit(".", 1)[-1] == name


def _stack(node: Node | None, stacks: set[str]) -> bool:
    node = _unwrap(node)
    return node is not None and (node_text(node) in stacks or _calls(node, "getCurrentPages"))


def _previous(node: Node | None, stacks: set[str]) -> bool:
    """Whether ``node`` is the page below the current one: ``pages[pages.length - 2]``, ``pages.at(-2)``."""
    node = _unwrap(node)
    if node is None:
        return False
    if node.type == "subscript_expression":
        index = "".join(node_text(node.child_by_field_name("index")).split())
        return _stack(node.child_by_field_name("object"), stacks) and index.endswith("-2")
    callee = node.child_by_field_name("function") if node.type == "call_expression" else None
    args = node.child_by_field_name("arguments") if callee is not None else None
    return callee is not None and callee.type == "member_expression" and args is not None \
        and node_text(callee.child_by_field_name("property")) == "at" \
        and _stack(callee.child_by_field_name("object"), stacks) and "".join(node_text(args).split()) == "(-2)"


def _is_previous(node: Node | None, previous: set[str], stacks: set[str]) -> bool:
    return node is not None and (node_text(_unwrap(node)) in previous or _previous(node, stacks))


def _data_member(left: Node | None, previous: set[str], stacks: set[str]) -> str:
    """The key of ``prev.data.note = …`` (``note``), '' for any other assignment."""
    chain: list[Node] = []
    while left is not None and left.type == "member_expression":
        chain.append(left)
        left = left.child_by_field_name("object")
    if len(chain) < 2 or not _is_previous(left, previous, stacks):
        return ""
    outer = chain[-1]  # prev.data
    return node_text(chain[-2].child_by_field_name("property")) \
        if node_text(outer.child_by_field_name("property")) == "data" else ""


def _pairs(obj: Node) -> list[tuple[str, Node]]:
    """(first name of the data path, value) of an object literal's members: ``['form.' + f]: v`` → ``form``."""
    out: list[tuple[str, Node]] = []
    for member in obj.named_children:
        key, value = (member.child_by_field_name("key"), member.child_by_field_name("value")) \
            if member.type == "pair" else (member, member)
        found = _KEY.match(node_text(key)) if key is not None and value is not None else None
        if found and value is not None:
            out.append((found.group(1), value))
    return out


def _held(node: Node | None) -> frozenset[str]:
    """The names a value holds (``this.data.text.trim()`` → ``text``)."""
    return frozenset(_WORD.findall(node_text(node))) - _NOT_STATE if node is not None else frozenset()


def _written_keys(function: Node) -> frozenset[str]:
    """The data keys a listener writes: ``this.setData({ note: … })`` keys, ``this.note = …`` members."""
    keys: set[str] = set()
    for node in (n for n in walk(function) if n.type in ("call_expression", "assignment_expression")):
        if node.type == "assignment_expression":
            left = node.child_by_field_name("left")
            if left is not None and left.type == "member_expression" and \
                    node_text(left.child_by_field_name("object")) in ("this", "that", "_this", "self"):
                keys.add(node_text(left.child_by_field_name("property")))
            continue
        callee, args = node.child_by_field_name("function"), node.child_by_field_name("arguments")
        if node_text(callee).rsplit(".", 1)[-1] in ("setData", "setState") and args is not None \
                and args.named_children and args.named_children[0].type == "object":
            keys |= {key for key, _value in _pairs(args.named_children[0])}
    return frozenset(keys)

