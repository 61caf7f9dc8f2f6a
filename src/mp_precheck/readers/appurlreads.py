"""The App members a script reads into the URL of a network call, with the role that call gives a host.

``wx.request({ url: app.apiUrl('/list') })``, ``wx.uploadFile({ url: getApp().globalData.base + '/upload' })``, or the
same read first into a local, a data field or a parameter of the file's own function (``url =
app.apiUrl(path)`` … ``wx.request({ url })``, followed as readers/urlflow.py follows names): the App member is where
the request's server comes from, and the role (``request``, ``upload``, ``download``, ``socket``) names the
服务器域名 list its host belongs on (https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html).
A call the store cannot follow but whose name says it requests or uploads (``checks/http_clients.yml``:
``request(url)``, ``http.post(url)``) hands its first argument (or that object's ``url``) to one. A read on a
development test's side (``isDev ? app.localBase : …``) is no release request's. Pure; nothing raises.
"""

from __future__ import annotations

from collections.abc import Iterator

from tree_sitter import Node

from mp_precheck.core.thirdparty import third_party
from mp_precheck.facts.model import NETWORK_APIS
from mp_precheck.readers.appchains import app_aliases, app_reads
from mp_precheck.readers.devonly import in_dev_branch
from mp_precheck.readers.jsbindings import NAMESPACES
from mp_precheck.readers.sfc import script_units
from mp_precheck.readers.syntax import (
    call_option,
    first_argument,
    language_for,
    node_text,
    nodes_of,
    object_property,
    parse,
)
from mp_precheck.readers.urlflow import reads, value_sources

_ROLES = {api.split(".", 1)[1]: role for api, role in NETWORK_APIS.items()}  # request → request, uploadFile → upload
_FOLLOWED = 400  # values followed back from one URL at most (a file's names are read without scopes)


def app_url_reads(source: str, path: str, own: bool = False) -> dict[str, frozenset[str]]:
    """App member path (``apiUrl``, ``globalData.base``) → the roles of the network calls of the script ``path``
    (``source``; a single-file component's script blocks) whose URL it builds; ``own`` for the App's own file,
    whose ``this`` is the App."""
    out: dict[str, set[str]] = {}
    for text, name, _offset in script_units(source, path):
        language = language_for(name)
        root = parse(language, text.encode("utf-8", "surrogatepass")).root_node
        aliases = app_aliases(root, own)
        if not aliases and not own and not any(getter in text for getter in ("getApp(", "getApp<")):
            continue
        sinks = [sink for call in nodes_of(root, language, ("call_expression",)) if (sink := _sink(call)) is not None]
        sources = value_sources(root) if sinks else {}
        for value, role in sinks:
            for node, member in _flowing(value, sources, aliases, own):
                if not in_dev_branch(node, by_name=False):
                    out.setdefault(member, set()).add(role)
    return {member: frozenset(roles) for member, roles in out.items()}


def _sink(call: Node) -> tuple[Node, str] | None:
    """(the URL value, the role) of a network call: ``wx.request({ url })`` (``uni``, ``Taro``…), or a call named
    as a request or an upload handed a URL first; None for any other call."""
    callee = call.child_by_field_name("function")
    if callee is None:
        return None
    if callee.type == "member_expression":
        owner, api = callee.child_by_field_name("object"), node_text(callee.child_by_field_name("property"))
        if owner is not None and node_text(owner) in NAMESPACES and api in _ROLES:
            value = call_option(call, "url", shorthand=True)
            return (value, _ROLES[api]) if value is not None else None
    name = node_text(callee)
    role = "upload" if third_party().named_upload(name) else "request" if third_party().named_request(name) else None
    first = first_argument(call) if role is not None else None
    value = object_property(first, "url", shorthand=True) if first is not None and first.type == "object" else first
    return (value, role) if value is not None and role is not None else None


def _flowing(value: Node, sources: dict[str, list[Node]], aliases: dict[str, str],
             own: bool) -> Iterator[tuple[Node, str]]:
    """The App reads of ``value`` and of the values its names are set from, followed back (at most
    :data:`_FOLLOWED` values)."""
    queue, seen, followed = [value], set[str](), 0
    while queue and followed < _FOLLOWED:
        node = queue.pop()
        followed += 1
        yield from app_reads(node, aliases, own)
        for name in reads(node) - seen:
            seen.add(name)
            queue.extend(sources.get(name, ()))
