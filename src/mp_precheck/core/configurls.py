"""A URL the app keeps in its configuration and only copies, shows or loads as a picture: no server domain.

A settings module holds ``{ siteUrl: 'https://…' }`` (or a class sets ``this.siteUrl = 'https://…'``, or a module
exports ``const SITE_URL = 'https://…'``) and the pages read it by that name: ``wx.setClipboardData({ data:
config.siteUrl })``, ``<text>{{ config.siteUrl }}</text>``, ``<image :src="config.siteUrl">``. The user pastes or
reads the address; a picture loads from any host. Only ``wx.request``, ``wx.uploadFile``, ``wx.downloadFile`` and
sockets need a server domain (https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html), so
such a host gets the role of what reads it (``clipboard``, ``displayed``, ``media``) and is told as no server. A
base URL a request wrapper reads (``url: config.baseUrl + path``) is read another way and stays the app's server.

Which file reads the name is not resolved: every file of the head app that writes it (``git grep``) is read as
WeChat's build ships it (readers/conditional.py) and each of its reads classified (readers/valueuses.py). A name
read nowhere but its definition (an object handed whole to a client, a key looked up by a variable) is not traced
and keeps its role; so does a name some call takes as an option key (``request({ siteUrl })``), and a file that
cannot be read counts as reading it otherwise.

In: the head facts by path, the writers lookup (names → files writing them), the fact store (texts, each path's
cache flavour) and the head tree. Out: the facts with those hosts' roles changed. Raises nothing of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from msgspec.structs import replace
from tree_sitter import Node

from mp_precheck.facts.model import CLIPBOARD, DISPLAYED, FileFacts
from mp_precheck.facts.store import FactStore
from mp_precheck.git.repo import TreeEntry
from mp_precheck.readers.conditional import for_wechat
from mp_precheck.readers.imagebases import built_value
from mp_precheck.readers.sfc import SFC_SUFFIXES, script_units
from mp_precheck.readers.storedispatch import key_name
from mp_precheck.readers.syntax import language_for, node_text, nodes_of, parse, string_value
from mp_precheck.readers.urls import find_urls
from mp_precheck.readers.valueuses import COPIED, OTHER, PICTURE, READ_ONLY, value_uses

_SCRIPTS = (".js", ".ts", ".mjs", ".cjs", ".jsx", ".tsx", *SFC_SUFFIXES)
_ROLES = ("code", "request")  # a host no API call takes directly: kept by a name, a base guessed by its name
_HOLDING = frozenset({"variable_declarator", "assignment_expression", "export_statement", "public_field_definition",
                      "field_definition"})  # what binds a configuration object to a name or exports it
_TOP = frozenset({"program", "export_statement"})


def with_config_reads(head: Mapping[str, FileFacts], writers: Callable[[set[str]], Mapping[str, set[str]]],
                      store: FactStore, tree: Mapping[str, TreeEntry]) -> dict[str, FileFacts]:
    """``head`` where the ``host`` facts (roles ``code``, ``request``) of URLs held in configuration under a name
    that the app reads only to copy, show or load as a picture take that role (see the module docstring); texts
    are read from ``tree`` through ``store``. Raises nothing of its own (git errors pass through ``writers``)."""
    read_text = store.reader(tree)
    held: dict[str, dict[tuple[int, str], str]] = {}  # path -> (line, host subject) -> the name its URL is held under
    for path, facts in head.items():
        lines: dict[int, set[str]] = {}
        for f in facts.facts:
            if f.kind == "host" and f.role in _ROLES:
                lines.setdefault(f.line, set()).add(f.subject)
        text = read_text(path) if lines and path.endswith(_SCRIPTS) else None
        if text is not None and (found := config_names(text, path, lines)):
            held[path] = found
    if not held:
        return dict(head)
    names = {name for found in held.values() for name in found.values()}
    uses: dict[str, set[str]] = {}
    for other, written in writers(names).items():
        open_names = {name for name in written if uses.get(name, set()) <= READ_ONLY}  # the others are decided
        text = read_text(other) if open_names else ""
        if text is None:
            kinds = {name: {OTHER} for name in open_names}
        else:
            compiled = not store.flavour(other).endswith(("/native", "/native/finclip"))
            kinds = value_uses(for_wechat(text, other, compiled), other, open_names) if open_names else {}
        for name, each in kinds.items():
            uses.setdefault(name, set()).update(each)
    roles = {name: _role(kinds) for name, kinds in uses.items() if kinds and kinds <= READ_ONLY}
    out = dict(head)
    for path, found in held.items():
        if any(name in roles for name in found.values()):
            out[path] = replace(head[path], facts=tuple(
                replace(f, role=roles[found[(f.line, f.subject)]]) if f.kind == "host" and f.role in _ROLES
                and found.get((f.line, f.subject)) in roles else f for f in head[path].facts))
    return out


def _role(kinds: set[str]) -> str:
    return CLIPBOARD if kinds == {COPIED} else "media" if kinds == {PICTURE} else DISPLAYED


def config_names(text: str, path: str, lines: Mapping[int, set[str]]) -> dict[tuple[int, str], str]:
    """(line, host subject) → the name the URL literal of that host (``lines``: line → ``host:…`` subjects) is held
    under as a configuration value: the key of an object bound to a name or exported (nested objects too), a member
    a script assigns (``this.siteUrl = '…'``), a top-level variable. A host held under two names on one line is
    left out (neither name decides it). Never raises on malformed code."""
    out: dict[tuple[int, str], str] = {}
    twice: set[tuple[int, str]] = set()
    for source, name, offset in script_units(text, path):
        language = language_for(name)
        root = parse(language, source.encode("utf-8", "surrogatepass")).root_node
        for node in nodes_of(root, language, ("string", "template_string")):
            line = node.start_point[0] + 1 + offset
            subjects = lines.get(line)
            if subjects is None or (node.parent is not None and node.parent.type == "template_substitution"):
                continue
            literal = string_value(node) if node.type == "string" else node_text(node).strip("`")
            hosts = {f"host:{url.host}" for url in find_urls(literal or "")} & subjects
            if hosts and (key := _held_under(built_value(node))) is not None:
                for subject in hosts:
                    if out.setdefault((line, subject), key) != key:
                        twice.add((line, subject))
    return {place: key for place, key in out.items() if place not in twice}


def _held_under(value: Node) -> str | None:
    """The configuration name ``value`` is held under (see :func:`config_names`), or None."""
    parent = value.parent
    if parent is None:
        return None
    if parent.type == "pair" and parent.child_by_field_name("value") == value:
        key = parent.child_by_field_name("key")
        named = key is not None and key.type in ("property_identifier", "string")
        return key_name(key) if named and key is not None and _configuration(parent.parent) else None
    if parent.type == "assignment_expression" and parent.child_by_field_name("right") == value:
        left = parent.child_by_field_name("left")
        member = left.child_by_field_name("property") if left is not None and left.type == "member_expression" \
            else None
        return node_text(member) if member is not None and member.type == "property_identifier" else None
    if parent.type in ("variable_declarator", "public_field_definition", "field_definition"):
        name = parent.child_by_field_name("name") or parent.child_by_field_name("property")
        declaration = parent.parent
        top = parent.type != "variable_declarator" or (declaration is not None and declaration.parent is not None
                                                       and declaration.parent.type in _TOP)
        return node_text(name) if top and name is not None and name.type in ("identifier", "property_identifier") \
            else None
    return None


def _configuration(table: Node | None) -> bool:
    """Whether the object literal ``table`` is bound to a name or exported, directly or as a value nested in such
    an object; or nested in an object a call is given (``App({ globalData: { … } })``)."""
    depth = 0
    while table is not None and table.type == "object" and table.parent is not None:
        holder = table.parent
        if holder.type == "pair" and holder.child_by_field_name("value") == table:
            table, depth = holder.parent, depth + 1
            continue
        return holder.type in _HOLDING or (holder.type == "arguments" and depth >= 1)
    return False


