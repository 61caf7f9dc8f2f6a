"""The writes a script makes to a cloud document database: where a page's data is saved for others to read.

WeChat cloud development's database (https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/
database/collection/Collection.add.html) — and uniCloud's client database, which copies its API — saves a record
with ``db.collection('posts').add({ data })`` or changes one with ``.doc(id).update/set({ data })``. The handle
``wx.cloud.database()`` is often made once (``const db = wx.cloud.database()``, imported from a helper), and a
collection is often held in a variable (``const posts = db.collection('posts'); posts.add(…)``). Reads
(``.get()``, ``.where()``, ``.count()``) and removals carry no content: not writes. A hosted Postgres reached
through Supabase's client (and the WeChat builds of it) writes a row the same way, to a table named by a string:
``supabase.from('posts').insert(row)``, ``.upsert(row)``, ``.update(values)``
(https://supabase.com/docs/reference/javascript/insert); ``Array.from`` never names a table and has no such method.

In: a script's text and path (a single-file component: its script blocks). Out: (line, collection name or "",
method) per write, the line of the call's callee (where its data argument starts being read), in line order.
Never raises on malformed code.
"""

from __future__ import annotations

from functools import lru_cache

from tree_sitter import Node

from mp_precheck.readers.sfc import script_units
from mp_precheck.readers.syntax import first_string, language_for, name_and_value, node_text, nodes_of, parse

Write = tuple[int, str, str]  # (line, collection, method)
_WRITES = frozenset({"add", "set", "update", "insert", "upsert"})
# The nodes a script's writes are read from, in source order: bindings that keep a collection, and calls.
_READ = ("variable_declarator", "assignment_expression", "call_expression")


_CHAINS = (".collection(", ".from(")  # a script with neither writes no collection or table: not parsed


def cloud_writes(source: str, path: str) -> list[Write]:
    """The cloud database writes of ``source`` (module docstring)."""
    if not any(chain in source for chain in _CHAINS):
        return []
    return list(_writes(source, path))


@lru_cache(maxsize=32)  # every analyzer that asks what a page sends asks again, per text box of a large page
def _writes(source: str, path: str) -> tuple[Write, ...]:
    """:func:`cloud_writes` of a text that names a collection or table, once per (text, path)."""
    parts = script_units(source, path)
    out: list[Write] = []
    for text, name, offset in parts:
        language = language_for(name)
        nodes = nodes_of(parse(language, text.encode("utf-8", "surrogatepass")).root_node, language, _READ)
        held = _held_collections(nodes)
        for node in nodes:
            write = _write(node, held)
            if write is not None:
                out.append((write[0] + offset, write[1], write[2]))
    return tuple(sorted(out))


def _collection(node: Node | None, held: dict[str, str]) -> str | None:
    """The collection name (or "") a chain ends in (``db.collection('x')``, ``….collection('x').doc(id)``,
    Supabase's ``client.from('x')``,
    a name in ``held``, ``posts.doc(id)``), else None."""
    while node is not None and node.type == "call_expression":
        fn = node.child_by_field_name("function")
        if fn is None or fn.type != "member_expression":
            return None
        method = node_text(fn.child_by_field_name("property"))
        if method == "collection":
            return first_string(node) or ""
        if method == "from":  # supabase.from('posts'): a table, only when named by a string
            return first_string(node)
        if method != "doc":
            return None
        node = fn.child_by_field_name("object")
    return held.get(node_text(node)) if node is not None else None


def _held_collections(nodes: list[Node]) -> dict[str, str]:
    """variable → collection, of each name a collection (or a document of one) is kept in."""
    out: dict[str, str] = {}
    for node in nodes:
        binding = name_and_value(node) if node.type != "pair" else None
        if binding is None:
            continue
        name, value = binding
        held = _collection(value, out)
        if name is not None and held is not None:
            out[node_text(name)] = held
    return out


def _write(node: Node, held: dict[str, str]) -> Write | None:
    """(line, collection, method) when ``node`` calls ``add``/``set``/``update`` on a collection or document."""
    if node.type != "call_expression":
        return None
    fn = node.child_by_field_name("function")
    if fn is None or fn.type != "member_expression":
        return None
    method = node_text(fn.child_by_field_name("property"))
    owner = fn.child_by_field_name("object")
    if method not in _WRITES or owner is None:
        return None
    collection = _collection(owner, held)
    return None if collection is None else (fn.start_point[0] + 1, collection, method)
