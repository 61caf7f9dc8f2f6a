"""URLs a region table offers as alternatives: one upload or API host per storage region, of which the code picks
one at run time.

A cloud SDK (an object-storage uploader, a CDN client) lists every region's server and takes the region from its
caller: ``switch (region) { case 'ECN': url = 'https://up.example.com'; … case 'NA': url = 'https://up-na.example
.com' }``, or ``const UPLOAD_HOSTS = { z0: 'https://…', z1: 'https://…' }`` read as ``UPLOAD_HOSTS[zone]``. The
app talks to one of them — the region its bucket is in — and only that one goes on the 服务器域名 lists
(https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html). So a table's host is a server
of the app only where the code selects its entry: the switch's value or the table's index is a literal or a
constant the file binds to one, or a script of the app names the region for the SDK (``init({ region: 'SCN' })``,
``const ZONE = 'z2'``: :func:`chosen_regions`, applied by core/regionpick.py). Where nothing selects an entry, no
entry is told.

A table is one of regions when its keys are region codes (``z0``, ``na0``, ``cn-east-1``, ``ap-guangzhou``) or when
the names around it say so (the switch's value, the table's or the index's name, the enclosing function:
``uploadURLFromRegionCode``, ``REGION_HOSTS``, ``zone``). Tables keyed by build (``dev`` / ``prod``) are
readers/devonly.py's: their release entry is the app's server. A table whose keys name endpoints (``{ api: …,
upload: … }``) lists servers the app uses side by side, not alternatives.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from tree_sitter import Node

from mp_precheck.core.recache import compiled
from mp_precheck.facts.model import ALTERNATIVE
from mp_precheck.readers.devonly import words
from mp_precheck.readers.imagenames import holder_name
from mp_precheck.readers.syntax import FUNCTION_NODES, language_for, node_text, nodes_of, parse, string_value, walk
from mp_precheck.readers.urls import find_urls

# Words of a name that holds which region / zone / data centre a request goes to.
_REGION_WORDS = frozenset({"region", "regions", "zone", "zones", "area", "areas", "cluster", "idc"})
# Region codes as storage vendors write them: z0, na0, as0; cn-east-1, ap-guangzhou, us-west-2.
# Words of a key that names a kind of server (``{ api: …, upload: … }``): servers side by side, not alternatives.
_ENDPOINT_WORDS = frozenset({"api", "url", "uri", "host", "server", "upload", "download", "socket", "ws", "cdn",
                             "static", "file", "files", "img", "image", "domain", "base", "endpoint", "gateway"})
_REGION_CODE = compiled(r"(?:[a-z]{1,3}\d{1,2}|[a-z]{2}-[a-z]+(?:-\d{1,2})?)")
_STRINGS = ("string", "template_string")


def region_alternative(node: Node) -> str | None:
    """The region key (a case's label, '' for ``default``; an object's key) when the URL literal ``node`` is one
    entry of a region table (a ``switch`` over a region, or an object keyed by region) whose entry the file does
    not select: the app talks to its host only if some caller names that region (:func:`chosen_regions`). None
    for any other literal, and for the entry a literal or constant of the file selects."""
    switch = _enclosing_case(node)
    if switch is not None:
        return _switch_alternative(*switch)
    current: Node | None = node.parent
    child: Node | None = node
    for _ in range(2):  # { z0: 'https://…' } or { z0: { upload: 'https://…' } }
        if current is None or current.type != "pair" or child != current.child_by_field_name("value"):
            return None
        table = current.parent
        if table is not None and table.type == "object" and _is_region_table(table):
            key = _key(current)
            return None if key in _selected_keys(table) else key
        current, child = table.parent if table is not None else None, table
    return None


def region_role(node: Node) -> str:
    """The role of a URL literal ``node`` no API call takes directly: ``alternative:<region>`` for an unselected
    entry of a region table (:func:`region_alternative`, :data:`facts.model.ALTERNATIVE`), else ``code``."""
    region = region_alternative(node)
    return "code" if region is None else f"{ALTERNATIVE}:{region}"


def chosen_regions(text: str, path: str) -> set[str]:
    """The regions the script ``text`` at ``path`` names for an SDK: string literals held under a name with a
    region word (``init({ region: 'SCN' })``, ``const ZONE = 'z2'``, ``config.area = 'ECN'``). Never raises."""
    language = language_for(path)
    root = parse(language, text.encode("utf-8", "surrogatepass")).root_node
    return {value for node in nodes_of(root, language, ("string",)) if (value := string_value(node))
            and _REGION_WORDS & set(words(holder_name(node) or ""))}


def _enclosing_case(node: Node) -> tuple[Node, Node] | None:
    """(the ``switch_statement``, the case holding ``node``) when ``node`` is in a case's body of this function."""
    child, current = node, node.parent
    while current is not None and current.type not in FUNCTION_NODES:
        if current.type in ("switch_case", "switch_default"):
            if child == current.child_by_field_name("value"):
                return None  # a case's own label
            body = current.parent
            return (body.parent, current) if body is not None and body.parent is not None else None
        child, current = current, current.parent
    return None


def _switch_alternative(switch: Node, case: Node) -> str | None:
    """The label of ``case`` ('' for ``default``) when it is an unselected entry of a switch over regions with two
    hosts or more, else None."""
    body = switch.child_by_field_name("body")
    cases = [c for c in (body.named_children if body is not None else []) if c.type in ("switch_case",
                                                                                          "switch_default")]
    hosts = {h for c in cases for h in _hosts(c, skip_label=True)}
    labels = [_literal(c.child_by_field_name("value")) for c in cases if c.type == "switch_case"]
    value = switch.child_by_field_name("value")
    named = words(node_text(value)) + words(_function_name(switch))
    if len(hosts) < 2 or not (_REGION_WORDS & set(named) or _region_codes(labels)):
        return None
    label = _literal(case.child_by_field_name("value")) or "" if case.type == "switch_case" else ""
    chosen = _resolved(_unwrapped(value), switch)
    if chosen is None:
        return label
    if case.type == "switch_default":
        return label if chosen in labels else None
    return label if label != chosen else None


def _is_region_table(table: Node) -> bool:
    """An object literal of two hosts or more whose keys are region codes, or whose name (or the index it is read
    with) says it is keyed by region, and none of whose keys names an endpoint."""
    pairs = [p for p in table.named_children if p.type == "pair"]
    keys = [_key(p) for p in pairs]
    hosts = {h for p in pairs for h in _hosts(p.child_by_field_name("value"))}
    if len(hosts) < 2 or any(_ENDPOINT_WORDS & set(words(k)) for k in keys):
        return False
    name = _table_name(table)
    named = set(words(name)) | {w for index in _indexes(table, name) for w in words(node_text(index))}
    return bool(_REGION_WORDS & named) or _region_codes(keys)


def _selected_keys(table: Node) -> set[str]:
    """Keys of ``table`` the file reads by a literal or a constant (``HOSTS['z1']``, ``HOSTS[REGION]``,
    ``HOSTS.z1``)."""
    name = _table_name(table)
    keys = {_resolved(index, table) for index in _indexes(table, name)}
    if name:
        root = _root(table)
        keys |= {node_text(n.child_by_field_name("property")) for n in walk(root) if n.type == "member_expression"
                 and node_text(n.child_by_field_name("object")) == name}
    return {k for k in keys if k is not None}


def _indexes(table: Node, name: str) -> list[Node]:
    """The index expressions ``table`` is read with: ``{…}[i]`` and ``NAME[i]`` anywhere in the file."""
    if table.parent is not None and table.parent.type == "subscript_expression":
        index = table.parent.child_by_field_name("index")
        return [index] if index is not None else []
    return _subscripts(_root(table)).get(name, []) if name else []


@lru_cache(maxsize=4)  # each table of a file asks again; one walk of the tree, not one per table
def _subscripts(root: Node) -> dict[str, list[Node]]:
    """The index expressions of every ``NAME[i]`` under ``root``, by the text of NAME."""
    found: dict[str, list[Node]] = {}
    for n in walk(root):
        if n.type == "subscript_expression" and (index := n.child_by_field_name("index")) is not None:
            found.setdefault(node_text(n.child_by_field_name("object")), []).append(index)
    return found


def _table_name(table: Node) -> str:
    """The name an object literal is bound to (``const T = {…}``, ``this.T = {…}``, ``{ T: {…} }``), or ''."""
    parent = table.parent
    if parent is None:
        return ""
    if parent.type == "variable_declarator":
        return node_text(parent.child_by_field_name("name"))
    if parent.type == "assignment_expression":
        return node_text(parent.child_by_field_name("left"))
    if parent.type == "pair":
        return _key(parent)
    return ""


def _resolved(node: Node | None, scope: Node) -> str | None:
    """The string ``node`` is: a literal, or an identifier the file binds to a literal once (``const REGION =
    'z1'``); None when it is known only at run time."""
    node = _unwrapped(node)
    if node is None:
        return None
    if node.type in _STRINGS:
        return _literal(node)
    if node.type != "identifier":
        return None
    name = node_text(node)
    values = {_literal(value) for n in walk(_root(scope)) if n.type == "variable_declarator"
              and node_text(n.child_by_field_name("name")) == name
              and (value := n.child_by_field_name("value")) is not None}
    return values.pop() if len(values) == 1 else None


def _hosts(node: Node | None, skip_label: bool = False) -> set[str]:
    """Hosts of the URL literals under ``node`` (a case's label left out with ``skip_label``)."""
    if node is None:
        return set()
    label = node.child_by_field_name("value") if skip_label else None
    return {url.host for n in walk(node) if n.type in _STRINGS and n != label
            for url in find_urls(string_value(n) or "")}


def _region_codes(keys: Sequence[str | None]) -> bool:
    return len(keys) >= 2 and all(k is not None and _REGION_CODE.fullmatch(k) for k in keys)


def _key(pair: Node) -> str:
    key = pair.child_by_field_name("key")
    return (string_value(key) or "") if key is not None and key.type in _STRINGS else node_text(key)


def _literal(node: Node | None) -> str | None:
    return string_value(node) if node is not None and node.type in _STRINGS else None


def _unwrapped(node: Node | None) -> Node | None:
    while node is not None and node.type == "parenthesized_expression" and node.named_children:
        node = node.named_children[0]
    return node


def _function_name(node: Node) -> str:
    current = node.parent
    while current is not None and current.type not in FUNCTION_NODES:
        current = current.parent
    if current is None:
        return ""
    name = current.child_by_field_name("name")
    if name is None and current.parent is not None and current.parent.type in ("variable_declarator", "pair"):
        name = current.parent.child_by_field_name("name") or current.parent.child_by_field_name("key")
    return node_text(name)


def _root(node: Node) -> Node:
    while node.parent is not None:
        node = node.parent
    return node
