"""What a page keeps of an upload's answer: the names of the state an upload's callbacks set (``wx.uploadFile({ …,
success(res) { that.setData({ source: JSON.parse(res.data).url }) } })`` keeps ``source``), the address of the
user's file on the server that a later submit sends on.
wx.uploadFile: https://developers.weixin.qq.com/miniprogram/dev/api/network/upload/wx.uploadFile.html
"""

from __future__ import annotations

from collections.abc import Iterable

from tree_sitter import Node

from mp_precheck.readers.syntax import node_text
from mp_precheck.readers.textflow import calls_on

_SETTERS = ("setData", "setState")


def uploaded_state(text: str, path: str, lines: Iterable[int]) -> frozenset[str]:
    """The names of the page state that the calls of the script of ``path`` (its ``text``) whose callee is on one
    of ``lines`` (its uploads) set in their callbacks: the keys of each ``setData`` / ``setState`` object inside
    the call's arguments (``'form.cover'`` → ``form``, ``cover``). Empty when none is set there."""
    out: set[str] = set()
    for _line, arguments in calls_on(text, path, lines):
        stack: list[Node] = [arguments]
        while stack:
            current = stack.pop()
            stack.extend(current.named_children)
            callee = current.child_by_field_name("function") if current.type == "call_expression" else None
            prop = callee.child_by_field_name("property") if callee is not None and \
                callee.type == "member_expression" else None
            args = current.child_by_field_name("arguments")
            if prop is None or node_text(prop) not in _SETTERS or args is None or not args.named_children:
                continue
            first = args.named_children[0]
            for pair in first.named_children if first.type == "object" else []:
                key = pair.child_by_field_name("key") if pair.type == "pair" else pair
                if key is not None and pair.type in ("pair", "shorthand_property_identifier"):
                    out |= {w for w in node_text(key).strip("'\"`").split(".") if w}
    return frozenset(out)
