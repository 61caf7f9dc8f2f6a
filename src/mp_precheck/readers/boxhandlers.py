"""Where a one-line text box's typed text goes through the methods its events name: a comment ``<input>`` whose
``bindinput="watchIn"`` stores the text (``this.data.mess = e.detail.value``) or whose ``bindconfirm="doComment"``
sends it at once (``text = e.detail.value``), and the strings a call passes (``'/feed/reply_comment'``,
``name: 'addComment'``). A Taro / React page names its handlers in JSX (``onInput={this.handleReply}``,
``onConfirm={send}``) and stores the text with ``this.setState({ reply: … })`` or a state hook's setter
(``setText(e.detail.value)``): https://docs.taro.zone/docs/components/forms/input.

In: a markup file's text and a tag's line; a script's text and path. Out: method names, state names, line spans,
strings. Pure functions of text; JS/TS through tree-sitter. Never raise.
Input events: https://developers.weixin.qq.com/miniprogram/dev/component/input.html
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from tree_sitter import Language, Node

from mp_precheck.core.lazyre import lazy
from mp_precheck.core.recache import compiled
from mp_precheck.readers.syntax import language_for, node_text, nodes_of, parse
from mp_precheck.readers.textflow import calls_on, enclosing_declarations, local_values, script_block, tag_at

# An input's events named by method: WXML ``bindinput="onInput"`` / ``bind:confirm`` / ``catchblur``, Vue
# ``@input="onInput"`` / ``v-on:confirm``.
_EVENT = lazy(r"(?:^|\s|(?<=[\"'}]))(?:bind:?|catch:?|@|v-on:)(?:input|blur|confirm|change)\s*=\s*"
                    r"[\"']\s*([A-Za-z_$][\w$]*)\s*[\"']")
# The same events in JSX (Taro, React): ``onInput={this.handleReply}``, ``onConfirm={send}``,
# ``onBlur={this.save.bind(this)}``.
_JSX_EVENT = lazy(r"(?:^|\s)on(?:Input|Blur|Confirm|Change)\s*=\s*\{\s*(?:this\.)?([A-Za-z_$][\w$]*)"
                        r"\s*(?:\.bind\([^()]*\)\s*)?\}")
_SETTER = lazy(r"set([A-Z][\w$]*)")  # a React state hook's setter: setReply → reply
_WORD = compiled(r"[A-Za-z_$][\w$]*")
_NOT_STATE = frozenset({"this", "that", "self", "_this", "data", "state", "e", "event", "detail", "value"})
_FUNCTIONS = ("arrow_function", "function_expression", "function", "generator_function")
_STRINGS = ("string", "template_string")


def box_handlers(markup: str, line: int) -> frozenset[str]:
    """The methods the input, blur, confirm and change events of the tag opening on ``line`` name."""
    tag = tag_at(markup, line)
    return frozenset(_EVENT.findall(tag)) | frozenset(_JSX_EVENT.findall(tag))


def _methods(root: Node, language: Language, names: frozenset[str]) -> list[Node]:
    """The functions of the script named ``names``: methods, object members, declared functions, class fields
    holding one (``handleReply = (e) => {…}``)."""
    out: list[Node] = []
    for node in nodes_of(root, language, ("method_definition", "pair", "function_declaration", "variable_declarator",
                                          "field_definition", "public_field_definition")):
        key = node.child_by_field_name({"pair": "key", "field_definition": "property"}.get(node.type, "name"))
        value = node if node.type in ("method_definition", "function_declaration") else \
            node.child_by_field_name("value")
        if key is not None and node_text(key).strip("'\"") in names and value is not None and (
                value.type in _FUNCTIONS or value is node):
            out.append(value)
    return out


def handler_writes(text: str, path: str, methods: frozenset[str]) -> tuple[frozenset[str], tuple[range, ...]]:
    """(the page state the ``methods`` store the typed text in — keys of ``this.setData({ mess: … })`` or
    ``this.setState({ reply: … })``, what a state hook's setter holds (``setReply``), members
    assigned as ``this.data.mess = …`` / ``this.mess = …`` —, the line spans of those methods) in the script of
    ``path``. Empty when none is found."""
    source, grammar, offset = script_block(text, path)
    if not methods or not source:
        return frozenset(), ()
    language = language_for(grammar)
    root = parse(language, source.encode("utf-8", "replace")).root_node
    found: set[str] = set()
    spans: list[range] = []
    for function in _methods(root, language, methods):
        spans.append(range(function.start_point[0] + 1 + offset, function.end_point[0] + 2 + offset))
        for node in nodes_of(function, language, ("assignment_expression", "call_expression")):
            if node.type == "assignment_expression":
                left = node.child_by_field_name("left")
                if left is not None and left.type == "member_expression":
                    found |= set(_WORD.findall(node_text(left)))
                continue
            found |= _stored(node)
    return frozenset(found - _NOT_STATE), tuple(spans)


def _stored(call: Node) -> set[str]:
    """The state a call stores: the keys of ``this.setData({ mess: … })`` / ``this.setState({ reply })``, the name
    a state hook's setter holds (``setReply(…)`` → ``reply``)."""
    callee, arguments = call.child_by_field_name("function"), call.child_by_field_name("arguments")
    name = node_text(callee).rsplit(".", 1)[-1] if callee is not None else ""
    if name in ("setData", "setState") and arguments is not None and arguments.named_children:
        first = arguments.named_children[0]
        keys = [p.child_by_field_name("key") if p.type == "pair" else p for p in first.named_children
                if p.type in ("pair", "shorthand_property_identifier")]
        return {w for k in keys if k is not None for w in _WORD.findall(node_text(k))}
    setter = _SETTER.fullmatch(name) if callee is not None and callee.type == "identifier" else None
    return {setter[1][0].lower() + setter[1][1:]} if setter else set()


def call_strings(text: str, path: str, lines: Iterable[int]) -> dict[int, tuple[str, ...]]:
    """For each call of the script of ``path`` whose callee is on one of ``lines``: the string literals its
    arguments hold (``getUrl('/feed/reply_comment')`` inside its options too), not those of its callbacks."""
    out: dict[int, tuple[str, ...]] = {}
    for at, arguments in calls_on(text, path, lines):
        strings: list[str] = []
        stack = [arguments]
        while stack:
            current = stack.pop()
            if current.type in _STRINGS:
                strings.append(node_text(current)[1:-1])
            else:
                stack.extend(c for c in current.named_children if c.type not in (*_FUNCTIONS, "method_definition"))
        out[at] = tuple(strings) + out.get(at, ())
    return out


def endpoint_refs(text: str, path: str, lines: Iterable[int],
                  positions: Mapping[int, int] | None = None) -> dict[int, tuple[str, ...]]:
    """For each call of the script of ``path`` whose callee is on one of ``lines``: the names its endpoint is
    given by rather than spelt — a first argument or an options object's ``url`` that is a name or a member
    (``request(API.COMMENT_ADD, data)``, ``{ url: urls.addComment }``), and a method called on a named client
    (``replyApi.create(body)``: an API class's instance named for what it posts) — as written, for their words.
    A field of a value the calling function declares (``moment(detail.create_at)``) is data, not an endpoint.
    ``positions`` gives the endpoint's argument where a call's wrapper takes it elsewhere than first (by line:
    ``http('POST', body, urls.addComment)``, :func:`~mp_precheck.readers.urlparam.endpoint_positions`)."""
    out: dict[int, tuple[str, ...]] = {}
    for at, arguments in calls_on(text, path, lines):
        args, callee = arguments.named_children, arguments.parent.child_by_field_name("function") \
            if arguments.parent is not None else None
        at_arg = (positions or {}).get(at, 0)
        candidates = args[at_arg:at_arg + 1] + [
            pair.child_by_field_name("value") for arg in args if arg.type == "object"
            for pair in arg.named_children if pair.type == "pair"
            and node_text(pair.child_by_field_name("key") or pair).strip("'\"") == "url"]
        local = enclosing_declarations(arguments)  # a local value's fields are data, not an endpoint's name
        candidates = [c for c in candidates if c is not None and _root(c) not in local]
        candidates += [callee] if callee is not None and callee.type == "member_expression" else []
        refs = [node_text(c) for c in candidates if c is not None and _dotted(c)]
        out[at] = tuple(refs) + out.get(at, ())
    return out


def _root(node: Node) -> str:
    """The name a member chain starts from (``topic.create_at`` → ``topic``), or "" for another expression."""
    while node.type == "member_expression":
        node = node.child_by_field_name("object") or node
    return node_text(node) if node.type == "identifier" else ""


def _dotted(node: Node) -> bool:
    """Whether ``node`` is a name or a chain of member names (``API.COMMENT_ADD``, ``replyApi.create``), not an
    expression holding a call: a promise chain's callee (``request({…}).then``) spells the whole request, its
    options and handlers included (``method: 'POST'``, ``console.log('post ok')``), none of it a name."""
    if node.type not in ("identifier", "member_expression"):
        return False
    while node.type == "member_expression":
        node = node.child_by_field_name("object") or node
        if node.type not in ("member_expression", "identifier", "this"):
            return False
    return node.type in ("identifier", "this")


def endpoint_strings(text: str, path: str, lines: Iterable[int],
                     positions: Mapping[int, int] | None = None) -> dict[int, tuple[str, ...]]:
    """For each call of the script of ``path`` whose callee is on one of ``lines``: the strings its endpoint is spelt
    with — a first argument or an options object's ``url`` that is a string or built from strings
    (``'/shelf/listItems?id=' + id``), also where the call passes a local name holding them (``const opts = { url:
    '/shelf/listItems' }; request(opts)``; every value the name is given: ``var url = ''`` then ``url =
    '/posts/comment'`` or ``url = '/posts/reply'`` by branch) — for their words. A call whose endpoint is not spelt
    has none; one whose wrapper takes it at another argument (``positions``, by line: :func:`endpoint_refs`) has it
    there."""
    out: dict[int, tuple[str, ...]] = {}
    for at, arguments in calls_on(text, path, lines):
        at_arg = (positions or {}).get(at, 0)
        first = arguments.named_children[at_arg] if len(arguments.named_children) > at_arg else None
        held = local_values(arguments).get(node_text(first), []) if first is not None and \
            first.type == "identifier" else []  # request(opts) with const opts = { url: … }
        urls = [_url_of(value) for value in held] if held else [_url_of(first)]
        strings: list[str] = []
        stack = [url for url in urls if url is not None and url.type in (*_STRINGS, "binary_expression")]
        while stack:
            current = stack.pop()
            if current.type in _STRINGS:
                strings.append(node_text(current)[1:-1])
            elif current.type == "binary_expression":
                stack.extend(current.named_children)
        out[at] = tuple(strings) + out.get(at, ())
    return out


def _url_of(value: Node | None) -> Node | None:
    """The endpoint an argument passes: an options object's ``url`` (None without one), else the argument itself."""
    if value is None or value.type != "object":
        return value
    return next((p.child_by_field_name("value") for p in value.named_children if p.type == "pair"
                 and node_text(p.child_by_field_name("key")).strip("'\"") == "url"), None)
