"""A WeChat API held under a name of the file: ``const pick = wx.chooseImage``, ``const upload =
promisify(wx.uploadFile)``.

The reference in the declaration is where the file's use of the API is told, unless the file calls the name (the
call is the use then, ``readers/jsfacts.py``). A name nothing in its file reads again, and not exported, is no use
at all: a wrapper made and never called (``const wxUploadFile = promisify(wx.uploadFile)`` on a page that sends its
photos another way) calls nothing, as code that never runs asks WeChat for nothing
(https://developers.weixin.qq.com/miniprogram/dev/framework/app-service/api.html).

In: the tree-sitter tree of one JS/TS file. Out: the name an API reference is held in; the declarations to drop.
Pure; never raises.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence

from tree_sitter import Language, Node

from mp_precheck.core.recache import compiled
from mp_precheck.readers.forwarding import PROMISIFY
from mp_precheck.readers.syntax import node_text, nodes_of

# The script block of a single-file component, as the extractor names it (``pages/a/index.vue.ts``).
_SFC_SCRIPT = compiled(r"\.(?:vue|nvue|uvue|mpx|wpy)\.\w+$", re.IGNORECASE)


def held_name(node: Node, api: str, aliases: Mapping[str, str]) -> str | None:
    """The name the reference ``node`` of ``api`` is declared under: ``const x = wx.X`` (an alias the bindings
    know, ``aliases``: name → API) or ``const x = promisify(wx.X)`` (a promisifier given the API alone), else
    None."""
    holder, value = node.parent, node
    if holder is not None and holder.type == "arguments" and holder.named_child_count == 1:
        call = holder.parent
        callee = call.child_by_field_name("function") if call is not None else None
        if call is None or call.type != "call_expression" or callee is None or \
                not PROMISIFY.search(node_text(callee).rpartition(".")[2]):
            return None
        holder, value = call.parent, call
    if holder is None or holder.type != "variable_declarator" or holder.child_by_field_name("value") != value:
        return None
    name = holder.child_by_field_name("name")
    if name is None or name.type != "identifier":
        return None
    text = node_text(name)
    return text if value is not node or aliases.get(text) == api else None


def dropped(defs: Sequence[tuple[int, str]], called: set[str], root: Node | None, language: Language,
            path: str = "") -> set[int]:
    """Indexes (of ``defs``: fact index, held name) of the declarations that are no use of their own: the name is
    called (the call is the use) or, in the parsed file ``root`` (of ``language``), never read again — no other
    identifier of that name, no shorthand property (``module.exports = { upload }``), no ``export`` of it. A
    single-file component's script (``path`` ``index.vue.js``) may be read by its template (``<script setup>``'s
    names), which ``root`` does not hold: its names are only dropped when called."""
    if not defs:
        return set()
    if _SFC_SCRIPT.search(path) or root is None:
        return {i for i, name in defs if name in called}
    names = {name for _i, name in defs}
    seen: Counter[str] = Counter()
    for node in nodes_of(root, language, ("identifier", "shorthand_property_identifier")):
        if (text := node_text(node)) in names:
            seen[text] += 2 if _exported(node) else 1  # `export const x = …` is read by whoever imports it
    return {i for i, name in defs if name in called or seen[name] <= 1}


def _exported(node: Node) -> bool:
    """Whether the identifier ``node`` is declared inside an ``export`` statement."""
    current = node.parent
    while current is not None and current.type not in ("program", "statement_block", "class_body"):
        if current.type == "export_statement":
            return True
        current = current.parent
    return False
