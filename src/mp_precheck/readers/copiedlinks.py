"""Links the app copies to the clipboard: text the user pastes elsewhere, not a server the Mini Program calls.

``wx.setClipboardData({ data: 'https://…/issues' })``, or a constant that only copy handlers read
(``const LINKS = { docs: 'https://…' }`` … ``copy(e) { wx.setClipboardData({ data: LINKS[e.kind] }) }``; the page's
``data`` may hold it too, for its template to show), or a
``data-link`` on an element whose tap handler copies (``bindtap="copyText" data-link="https://…"``): the URL goes to
the clipboard. Only ``wx.request``, ``uploadFile``, ``downloadFile`` and sockets need a server domain
(https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html), so such a host gets the role
``clipboard`` (not counted as a domain); ``policy.clipboard_link`` tells the copied link itself
(https://developers.weixin.qq.com/miniprogram/dev/api/device/clipboard/wx.setClipboardData.html). A constant that
other code reads too (a request, a navigation, another function) keeps its role.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from msgspec.structs import replace
from tree_sitter import Language, Node

from mp_precheck.core.lazyre import lazy
from mp_precheck.core.recache import compiled
from mp_precheck.facts.model import CLIPBOARD, FileFacts
from mp_precheck.readers.syntax import call_option, enclosing_function, node_text, nodes_of

_COPY = "wx.setClipboardData"
_NETWORK = frozenset({"wx.request", "wx.uploadFile", "wx.downloadFile", "wx.connectSocket"})
_COPY_HANDLER = lazy(r"(?i)copy|clip")
_TAP = compiled(r"^(?:bind|catch|@|v-on:|on)[:-]?(?:tap|click)$", re.IGNORECASE)


def copied_links(found: FileFacts, root: Node, language: Language, line_offset: int) -> FileFacts:
    """``found`` with the role ``clipboard`` on the host facts (role ``code``) of URLs only copied to the clipboard:
    the ``data`` of a copy call, or a constant whose every reference (its exports aside) is in a function that
    copies and calls no network API. ``root`` is the file's tree in ``language``, its lines shifted by
    ``line_offset`` (a script block in a .vue file)."""
    copies = {f.line for f in found.facts if f.subject == _COPY}
    network = {f.line for f in found.facts if f.subject in _NETWORK}
    if not copies:
        return found
    calls = [c for c in nodes_of(root, language, ("call_expression",))
             if node_text(c.child_by_field_name("function")).endswith("setClipboardData")
             and c.start_point[0] + 1 + line_offset in copies]
    functions = [(h, _lines(h, line_offset)) for h in (enclosing_function(c) for c in calls) if h is not None]
    handlers = [h for h, (a, b) in functions if not any(a <= line <= b for line in network)]
    spans = [_lines(value, line_offset) for c in calls if (value := call_option(c, "data")) is not None]
    spans += [_lines(value, line_offset) for value in _copied_constants(root, language, handlers)]
    if not spans:
        return found
    facts = tuple(replace(f, role=CLIPBOARD) if f.kind == "host" and f.role == "code"
                  and any(a <= f.line <= b for a, b in spans) else f for f in found.facts)
    return replace(found, facts=facts)


def copies_on_tap(attributes: Iterable[tuple[str, str | None, int]]) -> bool:
    """Whether an element's tap handler is named for copying (``bindtap="copyText"``, ``@click="onCopy"``), so
    its ``data-*`` values are what it copies. ``attributes``: (normalised name, literal value or None, line)."""
    return any(_TAP.match(name) and value and _COPY_HANDLER.search(value) for name, value, _line in attributes)


def _copied_constants(root: Node, language: Language, handlers: list[Node]) -> list[Node]:
    """The initial values of the constants that copy ``handlers`` read and no other code does (an export of the
    name aside)."""
    if not handlers:
        return []
    read = {node_text(n) for h in handlers for n in nodes_of(h, language, ("identifier",))}
    declared: dict[str, list[tuple[Node, Node]]] = {}
    for declarator in nodes_of(root, language, ("variable_declarator",)):
        name, value = declarator.child_by_field_name("name"), declarator.child_by_field_name("value")
        if name is not None and value is not None and name.type == "identifier" and node_text(name) in read:
            declared.setdefault(node_text(name), []).append((name, value))
    out = []
    references = nodes_of(root, language, ("identifier", "shorthand_property_identifier"))
    for constant, pairs in declared.items():
        if len(pairs) != 1:
            continue  # shadowed or declared twice: which value a reference reads is not told by its name
        own, value = pairs[0]
        uses = [r for r in references if node_text(r) == constant and r != own]
        if all(_exported(r) or _shown(r, root) or any(_within(r, h) for h in handlers) for r in uses):
            out.append(value)
    return out


def _shown(reference: Node, root: Node) -> bool:
    """Whether a reference is the value of a page's ``data`` key that no script code reads again
    (``data: { feedbackUrls: LINKS }`` and no other ``feedbackUrls``): only the template can show it."""
    pair = reference.parent
    if pair is None or pair.type != "pair" or pair.child_by_field_name("value") != reference:
        return False
    holder = pair.parent.parent if pair.parent is not None else None
    if holder is None or holder.type != "pair" or node_text(holder.child_by_field_name("key")).strip("'\"") != "data":
        return False
    key = node_text(pair.child_by_field_name("key")).strip("'\"")
    return len(re.findall(rf"\b{re.escape(key)}\b", node_text(root))) == 1


def _within(node: Node, outer: Node) -> bool:
    return outer.start_byte <= node.start_byte and node.end_byte <= outer.end_byte


def _exported(node: Node) -> bool:
    """Whether a reference hands the name on to other modules (``export { X }``, ``module.exports = { X }``)."""
    current: Node | None = node
    while current is not None:
        if current.type in ("export_statement", "export_clause"):
            return True
        if current.type == "assignment_expression" and \
                node_text(current.child_by_field_name("left")).startswith(("module.exports", "exports.")):
            return True
        current = current.parent
    return False


def _lines(node: Node, offset: int) -> tuple[int, int]:
    return node.start_point[0] + 1 + offset, node.end_point[0] + 1 + offset

