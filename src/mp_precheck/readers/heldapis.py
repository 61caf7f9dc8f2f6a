"""A WeChat API held under a name of the file: ``const pick = wx.chooseImage``, ``const upload =
promisify(wx.uploadFile)``.

The reference in the declaration is where the file's use of the API is told, unless the file calls the name (the
call is the use then, ``readers/jsfacts.py``). A name nothing in its file reads again, and not exported, is no use
at all: a wrapper made and never called (``const wxUploadFile = promisify(wx.uploadFile)`` on a page that sends its
photos another way) calls nothing, as code that never runs asks WeChat for nothing
(https://developers.weixin.qq.com/miniprogram/dev/framework/app-service/api.html).

In: tree-sitter nodes of one JS/TS file. Out: the name an API reference is held in; the declarations to drop.
Pure; never raises.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from tree_sitter import Node

from mp_precheck.readers.forwarding import PROMISIFY
from mp_precheck.readers.syntax import node_text

# The script block of a single-file component, as the extractor names it (``pages/a/index.vue.ts``).
_SFC_SCRIPT = re.compile(r"\.(?:vue|nvue|uvue|mpx|wpy)\.\w+$", re.IGNORECASE)


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


def dropped(defs: Sequence[tuple[int, str]], called: set[str], source: bytes | None, path: str = "") -> set[int]:
    """Indexes (of ``defs``: fact index, held name) of the declarations that are no use of their own: the name is
    called (the call is the use) or, in the file's ``source``, never written again (a comment naming it counts: kept)
    and not exported (``export const x = …``) — no use at all. A single-file component's script (``path``
    ``index.vue.js``) may be read by its template (``<script setup>``'s names), which ``source`` does not hold: its
    names are only dropped when called."""
    if not defs:
        return set()
    if _SFC_SCRIPT.search(path):
        return {i for i, name in defs if name in called}
    text = (source or b"").decode("utf-8", "replace")

    def unread(name: str) -> bool:
        written = re.findall(rf"(?<![\w$.]){re.escape(name)}(?![\w$])", text)
        return len(written) <= 1 and not re.search(rf"\bexport\s+(?:const|let|var)\s+{re.escape(name)}\b", text)
    return {i for i, name in defs if name in called or unread(name)}
