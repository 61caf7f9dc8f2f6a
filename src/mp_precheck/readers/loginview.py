"""What a page's template shows for given data: only a login control, the rest hidden.

The page's top-level blocks (looked through single wrappers that carry no condition: ``<view class="page">``) are
shown or hidden by their conditions read against the data's truthiness (``wx:if="{{askLogin}}"`` …
``wx:elif="{{loading}}"`` … ``wx:else``, ``v-if`` / ``v-else-if`` / ``v-else`` / ``v-show``, ``hidden`` the other way
round). A condition the data does not decide (a name the data does not hold, a comparison) leaves its block
possibly shown. When every block shown or possibly shown makes, together, an authorization page
(``readers/authpage.py``: the only control asks for a login, the profile or the phone number; a logo, a title
and a slogan are layout; a list, another control, a way past or a component are content) and the control stands
in a block surely shown, the page shows the user nothing but the ask — a login view, though the page's content
is there under other conditions. A template that hides nothing for that data is an authorization page as a
whole, told elsewhere (``analyzers/auth_entry.py``), and no view here.

In: a page template's text (WXML, or a single-file component whose ``<template>`` block is read), its path, and
the data's truthiness by name (None: unknown). Out: the :class:`View` or None. Never raises on malformed markup.
Sources: https://developers.weixin.qq.com/miniprogram/dev/framework/view/wxml/conditional.html (wx:if, wx:elif,
wx:else, hidden) and https://vuejs.org/guide/essentials/conditional.html.
"""

from __future__ import annotations

import re

from msgspec import Struct
from tree_sitter import Node as Syntax

from mp_precheck.core.recache import compiled
from mp_precheck.readers.authpage import authorization_page
from mp_precheck.readers.authwall import Node, block_tree, template_block
from mp_precheck.readers.conditional import for_wechat
from mp_precheck.readers.freshpath import truth
from mp_precheck.readers.syntax import language_for, node_text, parse

_IF = ("wx:if", "v-if", "v-show")
_ELIF = ("wx:elif", "v-else-if")
_ELSE = ("wx:else", "v-else")
_INERT = ("import", "include", "wxs", "template")  # definitions and imports: nothing of the page shows
_UNWRAP = 3
_NAME = compiled(r"(?<![\w$.])[A-Za-z_$][\w$]*")
_KEYWORDS = frozenset({"true", "false", "null", "undefined", "typeof", "in", "instanceof"})
_MUSTACHE = compiled(r"^\s*\{\{(.*)\}\}\s*$", re.DOTALL)


class View(Struct, frozen=True):
    """A login view: the ask at 1-based ``line``, ``what`` it asks for, and ``flags`` the names the conditions of
    the blocks it shows and hides read."""

    line: int
    what: str
    flags: frozenset[str]


def login_view(template: str, path: str, data: dict[str, bool | None]) -> View | None:
    """The login view the template ``template`` (read as ``path``) shows for ``data`` (see the module)."""
    vue = path.endswith((".vue", ".nvue", ".uvue", ".wpy", ".mpx"))
    body, offset = template_block(for_wechat(template), path)
    blocks, inert = _levels(block_tree(body))
    shown = _shown(blocks, data, vue)
    hidden = [b for b, s in zip(blocks, shown, strict=True) if s is False]
    if not hidden:
        return None  # nothing hidden: the page is what it is for everyone
    masked = list(body)
    for node in (*hidden, *inert):
        end = node.end if node.end >= node.start else len(body)
        masked[node.start:end] = [c if c == "\n" else " " for c in body[node.start:end]]
    ask = authorization_page("".join(masked), "view.wxml")
    if ask is None:
        return None
    holder = next((b for b in blocks if _line_span(b, body)[0] <= ask.line <= _line_span(b, body)[1]), None)
    if holder is None or shown[blocks.index(holder)] is not True:
        return None  # the ask stands in a block that may not show
    flags = frozenset(name for block in blocks for _key, text in _conditions(block) for name in _names(text, vue))
    return View(ask.line + offset, ask.what, flags)


def _levels(root: Node) -> tuple[list[Node], list[Node]]:
    """The top-level blocks (through single unconditioned wrappers) and the inert elements beside them."""
    blocks, inert = _split(root.children)
    for _ in range(_UNWRAP):
        if len(blocks) != 1 or _conditions(blocks[0]):
            break
        blocks, more = _split(blocks[0].children)
        inert += more
    return blocks, inert


def _split(nodes: list[Node]) -> tuple[list[Node], list[Node]]:
    inert = [n for n in nodes if n.tag in _INERT]
    return [n for n in nodes if n.tag not in _INERT], inert


def _conditions(block: Node) -> list[tuple[str, str]]:
    return [(key, block.attrs[key]) for key in (*_IF, *_ELIF, *_ELSE, "hidden") if key in block.attrs]


def _shown(blocks: list[Node], data: dict[str, bool | None], vue: bool) -> list[bool | None]:
    """Whether each block shows for ``data`` (None: undecided), an ``elif`` / ``else`` after the blocks before it."""
    out: list[bool | None] = []
    chain: list[bool | None] = []  # the tests of the current if / elif chain so far
    for block in blocks:
        attrs = block.attrs
        own: bool | None = True
        if any(key in attrs for key in (*_ELIF, *_ELSE)) and chain:
            before = False if all(t is False for t in chain) else True if True in chain else None
            test = next((_test(attrs[key], data, vue) for key in _ELIF if key in attrs), True)
            own = False if before or test is False else test if before is False else None
            chain.append(test)
        elif any(key in attrs for key in _IF):
            own = next(_test(attrs[key], data, vue) for key in _IF if key in attrs)
            chain = [own]
        else:
            chain = []
        if "hidden" in attrs:
            hidden = _test(attrs["hidden"], data, vue)
            own = False if hidden else own if hidden is False else (None if own is not False else False)
        out.append(own)
    return out


def _test(value: str, data: dict[str, bool | None], vue: bool) -> bool | None:
    """The truthiness of a condition's expression (``{{a && !b}}``, Vue's bare ``a && !b``) for ``data``."""
    match = None if vue else _MUSTACHE.match(value)
    text = value if vue else match.group(1) if match is not None else None
    expression = _expression(text) if text is not None else None
    return truth(expression, lambda node: _read(node, data)) if expression is not None else None


def _read(node: Syntax, data: dict[str, bool | None]) -> bool | None:
    """A name the data holds by its truthiness; a path into an empty one (``user.nickname``, user null) is
    empty; anything else undecided."""
    root = node
    while root.type == "member_expression":
        root = root.child_by_field_name("object")  # type: ignore[assignment]
    if root is None or root.type != "identifier" or node_text(root) not in data:
        return None
    value = data[node_text(root)]
    return value if root is node else False if value is False else None


def _expression(text: str) -> Syntax | None:
    tree = parse(language_for("condition.js"), f"({text.strip()});".encode("utf-8", "surrogatepass"))
    statement = tree.root_node.named_children[0] if tree.root_node.named_children else None
    inner = statement.named_children[0] if statement is not None and statement.named_children else None
    return inner if inner is not None and not tree.root_node.has_error else None


def _names(value: str, vue: bool) -> set[str]:
    match = None if vue else _MUSTACHE.match(value)
    text = value if vue else match.group(1) if match is not None else ""
    return set(_NAME.findall(text)) - _KEYWORDS


def _line_span(block: Node, body: str) -> tuple[int, int]:
    end = block.end if block.end >= block.start else len(body)
    return block.line, block.line + body[block.start:end].count("\n")
