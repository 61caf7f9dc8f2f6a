"""A WebSocket opened to the app's own request server: ``wx.connectSocket`` whose ``url`` is the API base with its
scheme swapped (``BASE_URL.replace('http', 'ws')``, ``API.replace(/^http/, 'ws')``, ``'ws' + BASE.slice(4)``).

Such a socket talks to a host the app already requests, but the socket合法域名 list is configured apart from the
request list, so it is still a new socket: the role only tells the checklist that the host to add is the API
server's (wx.connectSocket,
https://developers.weixin.qq.com/miniprogram/dev/api/network/websocket/wx.connectSocket.html; the server domain
lists, https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html). A socket whose URL is
its own literal or a constant of its own (``WS_URL = 'wss://…'``) is not one: its host is read as any other.

A socket whose address starts with a development one (``ws://localhost:3000``, a LAN address, a host only a
development build uses), written there or reached through the file's names (``WS_BASE + '/chat'``,
readers/urlorigin.py), is development code's: no socket domain to configure either. Where the host also comes from
names the file imports (``CoolConfig.wsAddr + '/ws'``), those are kept (:attr:`SocketUrls.imported`) for the fact
store to look up in their modules (facts/devsockets.py).

In: a file's tree and grammar (:class:`SocketUrls`), then each ``wx.connectSocket`` call node. Out: the socket's
role. For the scheme swap, the names the ``url`` passes are followed through the file's bindings
(``const wsUrl = `${wsBase}/chat```, ``this.wsUrl = …``, ``url: …``) and the functions it calls (``getWsUrl()``),
three steps deep; imports are not followed. Never raises.
"""

from __future__ import annotations

from collections.abc import Mapping

from tree_sitter import Language, Node

from mp_precheck.core.recache import compiled
from mp_precheck.facts.model import API_SOCKET, DEVELOPMENT
from mp_precheck.readers.syntax import call_option, name_and_value, node_text, nodes_of
from mp_precheck.readers.urlorigin import Import, Scope, development_origin

# ``x.replace('http', 'ws')``, ``x.replace('https://', 'wss://')``, ``x.replace(/^http/, 'ws')``, and the scheme
# cut off and written again (``'ws' + base.slice(4)``, ``'wss' + base.substring(5)``).
_SWAP = compiled(r"""\.replace(?:All)?\(\s*(?:(["'`])https?(?::|://)?\1|/\^?https?(?::|:\\/\\/)?/[a-z]*)\s*,\s*"""
                   r"""(["'`])wss?(?::|://)?\2\s*\)"""
                   r"""|(["'`])wss?(?::|://)?\3\s*\+\s*[\w$.]+\.(?:slice|substring|substr)\(\s*[45]""")
_WORD = compiled(r"[A-Za-z_$][\w$]*")
_BINDINGS = ("variable_declarator", "assignment_expression", "pair")
_FUNCTIONS = ("function_declaration", "method_definition")
_STEPS = 3


class SocketUrls:
    """The sockets of one file (the tree ``root`` parsed with ``language``): its bindings are read once, at the
    first call that needs them, not again for each ``wx.connectSocket``."""

    def __init__(self, root: Node, language: Language,
                 imports: tuple[Mapping[str, Import], Mapping[str, str]] = ({}, {})) -> None:
        self.root, self.language, self.imports = root, language, imports  # named imports, module aliases
        self._definitions: dict[str, list[str]] | None = None
        self._scope: Scope | None = None
        # (line of a socket whose address is a development one as far as this file shows, specifier, name): the
        # names it imports that its host also comes from
        self.imported: tuple[tuple[int, str, str], ...] = ()

    def role(self, call: Node, line: int) -> str | None:
        """The role of ``call``, a ``wx.connectSocket`` call of this file at ``line``: ``DEVELOPMENT`` for a ``url``
        starting with a development address (readers/urlorigin.py), ``API_SOCKET`` for the request base with its
        scheme swapped, else None (a socket of its own)."""
        value = call_option(call, "url", shorthand=True)
        if self._scope is None and value is not None:
            self._scope = Scope(self.root, *self.imports)
        origin = development_origin(value, self._scope) if value is not None and self._scope is not None else None
        if origin == ():
            return DEVELOPMENT
        self.imported += tuple((line, spec, name) for spec, name in origin or ())
        return API_SOCKET if self._api_socket(call) else None

    def definitions(self) -> dict[str, list[str]]:
        """The file's :func:`_definitions`, read once."""
        if self._definitions is None:
            self._definitions = _definitions(self.root, self.language)
        return self._definitions

    def _api_socket(self, call: Node) -> bool:
        """Whether the ``url`` of the ``wx.connectSocket`` ``call`` is the app's request base with its scheme
        swapped to ``ws``/``wss`` (module docstring)."""
        value = call_option(call, "url", shorthand=True)
        if value is None:
            return False
        texts = [node_text(value)]
        if value.type == "shorthand_property_identifier":
            texts = ["url"]
        seen: set[str] = set()
        definitions = self.definitions()
        for _step in range(_STEPS):
            if any(_SWAP.search(t) for t in texts):
                return True
            names = {w for t in texts for w in _WORD.findall(t)} - seen
            seen |= names
            texts = [d for name in sorted(names) for d in definitions.get(name, ())]
            if not texts:
                return False
        return any(_SWAP.search(t) for t in texts)


def _definitions(root: Node, language: Language) -> dict[str, list[str]]:
    """{name: the texts of what the file binds it to}: a declared or assigned value (the last name of
    ``this.wsUrl = …``), an object member's value, a function's or method's body."""
    out: dict[str, list[str]] = {}
    for node in nodes_of(root, language, (*_BINDINGS, *_FUNCTIONS)):
        if node.type in _FUNCTIONS:
            name, value = node.child_by_field_name("name"), node.child_by_field_name("body")
        else:
            name, value = name_and_value(node) or (None, None)
        if name is None or value is None:
            continue
        words = _WORD.findall(node_text(name))
        if words:
            out.setdefault(words[-1], []).append(node_text(value))
    return out
