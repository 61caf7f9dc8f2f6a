"""A WebSocket opened to a development address another module holds: no socket to configure.

``wx.connectSocket({ url: CoolConfig.wsAddr + '/ws' })`` with ``wsAddr = 'ws://localhost:9090'`` in the imported
module talks to a developer's machine: localhost and LAN addresses cannot be entered in 开发设置 → 服务器域名 and the
build review sees does not use them (https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html),
as a literal ``ws://localhost`` written in the call is already read (readers/socketurl.py). The reader keeps, for
each socket whose address is a development one as far as its file shows, the imported names its host also comes
from (``FileFacts.socket_imports``); here each is looked up in the module it resolves to, read by
:func:`~mp_precheck.readers.urlorigin.development_names`. When every one holds only development addresses the
socket's fact takes role ``development`` (not counted: ``counted`` in core/semantic_diff.py), and an exported
function of the file whose only sockets are such ones no longer reaches ``wx.connectSocket``, so its callers open no
socket either. A name that resolves to no module, or to a public or unknown address, leaves the socket as it was.

In: the files' facts (path → facts), the tree, the build's aliases, a blob's text and the module resolver of
facts/store.py. Out: the facts, those files changed. Never raises.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from msgspec.structs import replace

from mp_precheck.facts.model import API_SOCKET, DEVELOPMENT, Export, FileFacts
from mp_precheck.git.repo import TreeEntry
from mp_precheck.readers.urlorigin import development_names

SOCKET = "wx.connectSocket"
Resolve = Callable[[str, str, Mapping[str, TreeEntry], Mapping[str, str]], str | None]


def with_dev_sockets(files: Mapping[str, FileFacts], tree: Mapping[str, TreeEntry], aliases: Mapping[str, str],
                     text_of: Callable[[str], str | None], resolve: Resolve) -> dict[str, FileFacts]:
    """``files`` with each socket whose imported names all hold development addresses made a development one (the
    module docstring); ``resolve(importer, specifier, tree, aliases)`` names the module an import reads."""
    known: dict[str, frozenset[str]] = {}  # module → its names holding only development addresses

    def development(importer: str, spec: str, name: str) -> bool:
        module = resolve(importer, spec, tree, aliases)
        if module is None or module not in tree:
            return False
        if module not in known:
            text = text_of(tree[module].blob)
            known[module] = development_names(text, module) if text else frozenset()
        return name in known[module]

    return {path: _settled(path, facts, development) if facts.socket_imports else facts
            for path, facts in files.items()}


def _settled(path: str, facts: FileFacts, development: Callable[[str, str, str], bool]) -> FileFacts:
    """``facts`` of ``path`` with its sockets whose every imported name ``development`` answers for made development
    ones, and its exports that only make such sockets no longer reaching ``wx.connectSocket``."""
    verdicts: dict[int, list[bool]] = {}
    for line, spec, name in facts.socket_imports:
        verdicts.setdefault(line, []).append(development(path, spec, name))
    lines = {line for line, found in verdicts.items() if all(found)}
    if not lines:
        return facts
    kept = tuple(replace(f, role=DEVELOPMENT) if f.kind == "api" and f.subject == SOCKET and f.line in lines
                 and f.role in (None, API_SOCKET) else f for f in facts.facts)
    live = {f.line for f in kept if f.kind == "api" and f.subject == SOCKET and f.role is None}
    exports = {name: _without_socket(export, lines, live) for name, export in facts.exports.items()}
    return replace(facts, facts=kept, exports=exports)


def _without_socket(export: Export, development: set[int], live: set[int]) -> Export:
    """``export`` without ``wx.connectSocket`` when the sockets it makes (in its lines or its spans) are all at
    ``development`` lines, none at ``live`` ones; else as it is."""
    if not any(export.covers(n) for n in development) or any(export.covers(n) for n in live):
        return export

    def drop(subjects: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(s for s in subjects if s != SOCKET)

    tests = replace(export.tests, calls=tuple(c for c in export.tests.calls if c[0] != SOCKET))
    return replace(export, subjects=drop(export.subjects), choices=tuple((v, drop(s)) for v, s in export.choices),
                   flags=tuple((i, k, drop(a), drop(b)) for i, k, a, b in export.flags), handed=drop(export.handed),
                   tests=tests)
