"""The hosts a vendored SDK sends its own requests to.

A library copied into the app — a minified ``x.min.js`` beside the code, or an npm package the developer tools
built into ``miniprogram_npm/`` (https://developers.weixin.qq.com/miniprogram/dev/devtools/npm.html), which ships
inside the Mini Program as it is — talks to its own servers, and each of them must be on the 服务器域名 lists
like a host of the app's code (https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html).
Only what the library requests counts: a literal passed as the url of ``wx.request`` / ``uploadFile`` /
``downloadFile`` / ``connectSocket``, or an origin held under a name for a server address (``ENDPOINT:
'https://…'``, ``baseUrl``, ``LOG_URL``, ``apiHost``) in a file that makes such calls. Its other URLs are
comments, documentation, license and repository links or images, and its other API references are a library's
surface, which the calling code shows. A file that calls none of those APIs, or holds no URL, is never parsed, so
a large vendored tree costs one text search per changed file.
"""

from __future__ import annotations

from collections.abc import Sequence

from tree_sitter import Node

from mp_precheck.core.imsdks import documented_hosts
from mp_precheck.core.recache import compiled
from mp_precheck.facts.model import Fact, FileFacts
from mp_precheck.readers.imagenames import holder_name
from mp_precheck.readers.jsfacts import js_facts
from mp_precheck.readers.syntax import language_for, node_text, nodes_of, parse, string_value
from mp_precheck.readers.urls import find_urls

# The calls whose url names a server the Mini Program talks to (its 服务器域名 lists).
NETWORK_ROLES = ("request", "upload", "download", "socket")
_NETWORK_CALL = compiled(r"\b(?:request|uploadFile|downloadFile|connectSocket)\s*\(")
# Parts of a name that hold a server's address; minified code runs its words together (ENDPOINTB, LOGURL).
_ENDPOINT_PARTS = ("url", "uri", "endpoint", "host", "server", "domain", "gateway", "origin", "api")
# Parts of a name for a page people read, not a server the library calls.
_READING_PARTS = ("doc", "help", "home", "repo", "issue", "licen", "readme", "wiki", "github", "author", "bug")


def vendored_hosts(text: str, path: str) -> FileFacts:
    """Host facts (roles as :func:`readers.jsfacts.js_facts` gives them) of the servers the vendored script
    ``text`` at ``path`` requests; empty when it makes no network call. An IM SDK's own file (``checks/im_sdks.yml``)
    also keeps the literal hosts its vendor documents as the SDK's servers (LeanCloud's app router, which its own
    HTTP client asks for the app's servers). Never raises on malformed code."""
    documented = documented_hosts(path)
    if "://" not in text or not (documented or calls_network(text)):
        return FileFacts()
    hosts = [f for f in js_facts(text, path).facts if f.kind == "host"]
    return FileFacts(facts=tuple(f for f in library_hosts(hosts, text, path) if f.role in (*NETWORK_ROLES, "code")))


def calls_network(text: str) -> bool:
    """Whether a script's ``text`` spells a call of a network API (``request(``, ``uploadFile(``,
    ``downloadFile(``, ``connectSocket(``): a library that spells none requests no server itself."""
    return _NETWORK_CALL.search(text) is not None


def library_hosts(facts: Sequence[Fact], text: str, path: str) -> list[Fact]:
    """``facts`` (of the library script ``text`` at ``path``) without the hosts of its other URLs: a host fact of
    role ``code`` is kept only where the literal is held under a name for a server address (:func:`names_endpoint`)
    or, in an IM SDK's own file, is a host its vendor documents; hosts the library requests (``request``,
    ``upload``… roles, a constant that feeds one included) and every other fact stay."""
    if not any(f.kind == "host" and f.role == "code" for f in facts):
        return list(facts)
    documented = documented_hosts(path)
    held = _endpoint_literals(text, path)
    return [f for f in facts if f.kind != "host" or f.role != "code"
            or (f.line, f.subject) in held or f.subject.removeprefix("host:") in documented]


def names_endpoint(name: str) -> bool:
    """Whether a key or variable ``name`` says it holds a server's address (``ENDPOINT``, ``baseUrl``,
    ``LOG_URL``), not a page to read (``homepageUrl``, ``docsUrl``, ``repository``)."""
    lower = name.strip("'\"`").lower()
    return any(p in lower for p in _ENDPOINT_PARTS) and not any(p in lower for p in _READING_PARTS)


def _endpoint_literals(text: str, path: str) -> set[tuple[int, str]]:
    """(line, ``host:`` subject) of each URL literal held under a name for a server address."""
    language = language_for(path)
    root = parse(language, text.encode("utf-8")).root_node
    out = set()
    for node in nodes_of(root, language, ("string", "template_string")):
        name = holder_name(node)
        value = string_value(node)
        if name is None or value is None or not names_endpoint(name) or _under_reading_key(node):
            continue
        out |= {(node.start_point[0] + 1, f"host:{url.host}") for url in find_urls(value)}
    return out


def _under_reading_key(literal: Node) -> bool:
    """Whether the object holding ``literal`` sits under a key for a page to read, however deep: a package
    manifest a bundle carries (``"bugs": { "url": "https://github.com/…/issues" }``, ``"repository": { "url" }``)
    names the project's pages, never a server its code requests, though its inner key says ``url``."""
    current: Node | None = literal.parent
    while current is not None and current.type in ("pair", "object", "array"):
        key = current.child_by_field_name("key") if current.type == "pair" else None
        words = node_text(key).strip("'\"`").lower() if key is not None else ""
        if words and any(p in words for p in _READING_PARTS):
            return True
        current = current.parent
    return False
