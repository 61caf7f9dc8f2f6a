"""Call patterns review rejects, read from a script with tree-sitter:

* a blocking modal: ``showModal({ showCancel: false, success() { … } })`` whose callback shows it again (calls
  the function that showed it, or another such modal) — the user cannot get past it
  (https://developers.weixin.qq.com/miniprogram/dev/api/ui/interaction/wx.showModal.html);
* ``requestSubscribeMessage`` outside a tap: in a lifecycle hook (``onLoad``, ``onShow``, ``mounted``, a mount
  ``useEffect``…: ``readers/openinghooks.py``; directly or through a same-file helper) or a timer; a payment
  callback is allowed
  (https://developers.weixin.qq.com/miniprogram/dev/api/open-api/subscribe-message/wx.requestSubscribeMessage.html);
* ``setEnableDebug({ enableDebug: false })``: the call that turns debugging off.

APIs are recognised on the ``wx`` / ``uni`` / ``Taro`` namespaces.
"""

from __future__ import annotations

from collections.abc import Iterator

from msgspec import Struct, field
from tree_sitter import Node

from mp_precheck.readers.jsbindings import NAMESPACES
from mp_precheck.readers.lifecycle import DEFINITION_TYPES, definitions
from mp_precheck.readers.openinghooks import OPENING, member_name, registered_hook
from mp_precheck.readers.syntax import call_option, language_for, node_text, nodes_of, parse, walk

CALLBACKS = frozenset({"success", "fail", "complete", "then", "catch", "finally"})
# A prompt in a hook that runs before any tap is outside a tap: the hook a function is defined as (``onLoad() {…}``),
# or a call registering one (``onMounted(() => …)``, a mount effect), both from readers/openinghooks.py.
LIFECYCLE = OPENING
TIMERS = frozenset({"setTimeout", "setInterval"})
PAYMENTS = frozenset({"requestPayment", "requestOrderPayment", "requestVirtualPayment", "requestPluginPayment"})
_FUNCTIONS = ("function_expression", "function", "arrow_function", "method_definition", "function_declaration",
              "generator_function", "generator_function_declaration")


# A script can hold a check only if it spells one of these: a blocking modal passes ``showCancel`` (a modal
# with its cancel button, the usual kind, is no check: not parsed for), the others name their API.
_NEEDED = ("showCancel", "requestSubscribeMessage", "setEnableDebug")


class ScriptChecks(Struct):
    """What one script does: (key, line) of blocking modals and of subscribe prompts outside a tap, and the
    lines of ``setEnableDebug`` calls that switch debugging off."""

    blocking_modals: list[tuple[str, int]] = field(default_factory=list)
    subscribe_outside_tap: list[tuple[str, int]] = field(default_factory=list)
    debug_off: set[int] = field(default_factory=set)


def scan(text: str, path: str, line_offset: int = 0) -> ScriptChecks:
    """The checks of this module over one script (``path`` picks JS or TS). Never raises on bad syntax."""
    out = ScriptChecks()
    if not any(name in text for name in _NEEDED):
        return out  # most scripts: nothing to parse for
    language = language_for(path)
    root = parse(language, text.encode("utf-8", "surrogatepass")).root_node
    # tree-sitter's query engine picks the definitions and the calls out of the tree (no Python walk)
    defs = definitions(nodes_of(root, language, DEFINITION_TYPES))
    for node in nodes_of(root, language, ("call_expression",)):
        api = api_of(node)
        line = node.start_point[0] + 1 + line_offset
        if api == "showModal" and _literal(call_option(node, "showCancel")) == "false":
            name = named_function(node)
            if _shows_again(node, name):
                out.blocking_modals.append((name or "showModal", line))
        elif api == "requestSubscribeMessage":
            where = _outside_tap(node, defs)
            if where:
                out.subscribe_outside_tap.append((where, line))
        elif api == "setEnableDebug" and _literal(call_option(node, "enableDebug")) == "false":
            out.debug_off.add(line)
    return out


def api_of(node: Node) -> str | None:
    """``X`` when ``node`` is a call of ``wx.X`` / ``uni.X`` / ``Taro.X``, else None."""
    if node.type != "call_expression":
        return None
    callee = node.child_by_field_name("function")
    if callee is None or callee.type != "member_expression":
        return None
    if node_text(callee.child_by_field_name("object")) not in NAMESPACES:
        return None
    return node_text(callee.child_by_field_name("property"))


def _literal(node: Node | None) -> str | None:
    return node.type if node is not None and node.type in ("true", "false") else None


def _function_name(fn: Node) -> str | None:
    """The name a function is defined under: a method, ``key: function``, ``const f = () =>``, a declaration."""
    if fn.type in ("method_definition", "function_declaration", "generator_function_declaration"):
        return member_name(fn, node_text(fn.child_by_field_name("name")).strip("'\"")) or None
    parent = fn.parent
    if parent is None:
        return None
    if parent.type == "pair":
        return member_name(parent, node_text(parent.child_by_field_name("key")).strip("'\"")) or None
    if parent.type == "variable_declarator":
        return node_text(parent.child_by_field_name("name")) or None
    if parent.type in ("field_definition", "public_field_definition"):
        return node_text(parent.child_by_field_name("property") or parent.child_by_field_name("name")) or None
    return None


def _ancestors(node: Node) -> Iterator[Node]:
    current = node.parent
    while current is not None:
        yield current
        current = current.parent


def named_function(node: Node) -> str | None:
    """The nearest enclosing function with a name that is not a callback (``success``, ``then``…)."""
    for current in _ancestors(node):
        if current.type in _FUNCTIONS:
            name = _function_name(current)
            if name and name not in CALLBACKS:
                return name
    return None


def _shows_again(call: Node, name: str | None) -> bool:
    """Whether the modal's ``success`` / ``complete`` callback calls ``name`` again or shows another modal
    without a cancel button."""
    for key in ("success", "complete"):
        callback = call_option(call, key)
        if callback is None:
            continue
        for node in walk(callback):
            if node.type != "call_expression":
                continue
            callee = node.child_by_field_name("function")
            called = node_text(callee.child_by_field_name("property")) if callee is not None and \
                callee.type == "member_expression" else node_text(callee)
            if name and called == name:
                return True
            if api_of(node) == "showModal" and _literal(call_option(node, "showCancel")) == "false":
                return True
    return False


def _outside_tap(call: Node, defs: dict[str, Node]) -> str | None:
    """The lifecycle hook or timer a subscribe prompt runs from (``onLoad``, ``setTimeout``…), or None when it
    runs from anything else (a tap handler, a payment callback, code this file cannot place)."""
    for current in _ancestors(call):
        if current.type == "call_expression" and current is not call:
            callee = node_text(current.child_by_field_name("function"))
            if api_of(current) in PAYMENTS:
                return None
            if callee in TIMERS or registered_hook(current) is not None:
                return callee
        if current.type in _FUNCTIONS:
            name = _function_name(current)
            if not name or name in CALLBACKS:
                continue
            if name in LIFECYCLE:
                return name
            return _hook_calling(name, defs)
    return None


def _hook_calling(helper: str, defs: dict[str, Node]) -> str | None:
    """The lifecycle hook of this file that calls ``helper`` directly (``this.helper()`` / ``helper()``)."""
    for hook in sorted(LIFECYCLE & set(defs)):
        for node in walk(defs[hook]):
            if node.type != "call_expression":
                continue
            callee = node.child_by_field_name("function")
            called = node_text(callee.child_by_field_name("property")) if callee is not None and \
                callee.type == "member_expression" else node_text(callee)
            if called == helper:
                return hook
    return None
