"""The friend's side of a help-me mechanic: a control asking its reader to help the one who shared (帮他免费拿,
为TA助力, 帮他砍价) and the requests its tap handler sends.

A 0元购 / 砍价 / 助力 card opens a page where the friend taps 帮他免费拿; until the handler sends the help (a request
that registers the friend for the sharer: ``action: 'clickToRegister'``), the button does nothing. The request is
told at what it sends: its ``data`` followed through the handler's own variables (``data: newparams`` →
``Object.assign(params)`` → ``var params = { action: … }``), else at the call.

In: a template's or a script's text. Out: lines (1-based) and names; empty when nothing is seen. Markup through
``html.parser``, scripts through tree-sitter. Never raise.

Source: https://developers.weixin.qq.com/miniprogram/product/reject.html (3.2.1 诱导分享: 帮我砍价, 助力).
"""

from __future__ import annotations

from tree_sitter import Node

from mp_precheck.readers.handlers import event_of, vue_handler
from mp_precheck.readers.htmlfeed import feed_shared
from mp_precheck.readers.markup import ElementStack, is_event_attribute, normalise_tag
from mp_precheck.readers.sfc import script_units
from mp_precheck.readers.syntax import call_option, language_for, node_text, nodes_of, parse
from mp_precheck.readers.textflow import enclosing_declarations
from mp_precheck.readers.textsignals import FRIEND_HELP

# the last name of a callee that sends to a server: wx.request, wx.cloud.callFunction, http.post
_SENDS = frozenset({"request", "callFunction", "post"})
_HOPS = 3  # data: newparams → Object.assign(params) → params = { … }


class _Taps(ElementStack):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[tuple[str, int, str | None]] = []  # (tag, line, its tap handler)
        self.found: list[tuple[int, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        handler = next((_handler(name, value) for name, value in attrs if value and is_event_attribute(name)
                        and event_of(name) in ("tap", "click")), None)
        self.open.append((normalise_tag(tag), self.getpos()[0], handler))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        return  # a self-closed element holds no label

    def handle_data(self, data: str) -> None:
        control = next(((line, handler) for _tag, line, handler in reversed(self.open) if handler), None)
        if control is not None and FRIEND_HELP.search(data):
            self.found.append((control[0], control[1], " ".join(data.split())[:60]))


def _handler(name: str, value: str) -> str | None:
    """The handler name a tap attribute binds: ``bindtap="onHelp"``, ``@click="onHelp(item)"``."""
    value = value.strip()
    if name.startswith(("@", "v-on:")):
        return vue_handler(value)
    return value if value.isidentifier() else None


def help_taps(markup: str) -> list[tuple[int, str, str]]:
    """(line of the control, its tap handler, its label) of each control in the template ``markup`` whose label asks
    its reader to help the one who shared (:data:`~mp_precheck.readers.textsignals.FRIEND_HELP`)."""
    parser = _Taps()
    feed_shared(parser, markup)
    return parser.found


def help_requests(script: str, path: str, handler: str) -> list[tuple[int, int]]:
    """(line of the call, line of what it sends) of each request the function ``handler`` of the script ``script``
    (the file at ``path``) makes: a call whose callee ends in ``request``, ``callFunction`` or ``post``; what it sends
    is its ``data`` option (else its second argument) followed through the handler's variables to an object."""
    from mp_precheck.readers.sharereturn import script_methods  # only a page with a help button pays for it

    out = []
    for source, name, offset in script_units(script, path):
        language = language_for(name)
        root = parse(language, source.encode("utf-8", "surrogatepass")).root_node
        body = dict(script_methods(root, language)).get(handler)
        if body is None:
            continue
        for call in nodes_of(body, language, ("call_expression",)):
            callee = node_text(call.child_by_field_name("function")).split(".")[-1].strip()
            if callee in _SENDS:
                sent = _sent(call)
                out.append((call.start_point[0] + 1 + offset, (sent or call).start_point[0] + 1 + offset))
    return out


def _sent(call: Node) -> Node | None:
    """The object a request sends, followed from its ``data`` option (or second argument) through the variables the
    enclosing function declares; None when it is not an object the function builds."""
    args = call.child_by_field_name("arguments")
    node = call_option(call, "data") or (args.named_children[1] if args is not None and len(args.named_children) > 1
                                         else None)
    declared = enclosing_declarations(call)
    for _ in range(_HOPS):
        if node is None or node.type == "object":
            break
        if node.type == "call_expression":  # Object.assign(params), JSON.stringify(params): what it wraps
            inner = node.child_by_field_name("arguments")
            node = next((a for a in inner.named_children if a.type in ("identifier", "object")), None) \
                if inner is not None else None
            continue
        values = declared.get(node_text(node), []) if node.type == "identifier" else []
        node = values[-1] if values else None
    return node.parent if node is not None and node.type == "object" and node.parent is not None \
        and node.parent.type == "variable_declarator" else node if node is not None and node.type == "object" else None
