"""Messages a script sends to another user through an instant-messaging SDK (``checks/im_sdks.yml``).

An IM SDK sends a message in one of two ways (each vendor's page is cited in the table):

* a message is built — by a call (Tencent Cloud Chat's ``tim.createTextMessage({ to, payload })``, Easemob's
  ``WebIM.message.create({ … })``) or as an instance of a message class (LeanCloud's ``new TextMessage(text)``,
  RongCloud's ``new RongIMLib.TextMessage({ content })``) — and a send method carries it: ``tim.sendMessage(message)``,
  ``conversation.send(new TextMessage(text))``, ``conn.send(msg.body)``, ``goEasy.im.sendMessage({ message })``. A
  send call counts when its arguments hold a built message: the builder itself, or a name (``message``,
  ``this.msg``) a builder's value was given to anywhere in the script. The receiver may be anything (an SDK instance
  the app holds, ``getApp().globalData.tim``, a conversation a promise hands on), so the builder is the evidence;
* a direct method takes the text itself (NetEase Yunxin's ``nim.sendText({ to, text })``, JMessage's
  ``JIM.sendSingleMsg({ target_username, content })``): called on anything but the script's own object (``this``),
  whose method of that name is the script's own.

Logging in, opening a conversation and listing them (``createIMClient``, ``tim.login``, ``getConversationList``)
send nothing. A send that is one step of a promise chain (a ``.then`` callback returns it:
``realtime.createIMClient(id).then(…).then(c => c.send(new TextMessage(t)))``) is told at the chain's head, where the
exchange (connect, open the conversation, send) is written; any other at its own line.

In: a script's text and path (a single-file component: its script blocks) and the SDKs the project holds. Out: one
:class:`ImSend` per sending call, in line order. Never raises on malformed code.
"""

from __future__ import annotations

from collections.abc import Sequence

from msgspec import Struct
from tree_sitter import Node

from mp_precheck.core.imsdks import ImSdk
from mp_precheck.readers.sfc import script_units
from mp_precheck.readers.syntax import language_for, name_and_value, node_text, nodes_of, parse, walk

_FUNCTIONS = frozenset({"function_expression", "function", "arrow_function", "function_declaration",
                        "method_definition", "generator_function", "generator_function_declaration"})
_CHAIN = frozenset({"then", "catch", "finally"})
_OWN = frozenset({"this", "that", "self", "_this", "_self", "vm", "me"})  # the script's own object
_NAMES = frozenset({"identifier", "member_expression", "shorthand_property_identifier"})
_WRAPS = frozenset({"await_expression", "parenthesized_expression"})
_TYPES = ("call_expression", "new_expression", "variable_declarator", "assignment_expression")


class ImSend(Struct, frozen=True):
    """A call that sends a message: the ``line`` it is told at (its own, or its promise chain's head), its own
    ``call_line``, the ``callee`` as written (``conversation.send``), the SDK, ``said``: the text of its arguments
    and of the builders of the message it carries (whose words tell a customer-service counterpart), and the names
    of the functions it is in, innermost first (``sendText`` of ``export function sendText(…)``, a method, a
    ``const send = () => …``, an object's ``send: function () …``)."""

    line: int
    call_line: int
    callee: str
    sdk: ImSdk
    said: str
    functions: tuple[str, ...] = ()


def may_send(source: str, sdks: Sequence[ImSdk]) -> bool:
    """Whether ``source`` can hold an IM send through one of ``sdks``: it spells one of an SDK's send or direct
    methods (the call's own name) and one of its builders, classes or direct methods (what the message is made
    with). False is certain (no parse); True only says :func:`im_sends` must read it."""
    return any(any(name in source for name in (*sdk.sends, *sdk.direct)) and any(word in source for word in sdk.words)
               for sdk in sdks)


def im_sends(source: str, path: str, sdks: Sequence[ImSdk]) -> list[ImSend]:
    """The IM sends of ``source`` (module docstring) through any of ``sdks``."""
    if not may_send(source, sdks):
        return []
    out: list[ImSend] = []
    for text, name, offset in script_units(source, path):
        language = language_for(name)
        root = parse(language, text.encode("utf-8", "surrogatepass")).root_node
        nodes = nodes_of(root, language, _TYPES)
        built = {(n.start_byte, n.end_byte): s for n in nodes if (s := _builders(n, sdks))}
        held = _held(nodes, built)
        for node in nodes:
            sent = _send(node, sdks, built, held) if node.type == "call_expression" else None
            if sent is not None:
                sdk, said = sent
                out.append(ImSend(_told_at(node) + offset + 1, node.start_point.row + offset + 1,
                                  _callee(node), sdk, said, _functions(node)))
    return sorted(out, key=lambda s: (s.line, s.call_line))


def _callee(node: Node) -> str:
    """A call's or ``new``'s callee as one dotted name (``tim?.sendMessage`` → ``tim.sendMessage``)."""
    target = node.child_by_field_name("function" if node.type == "call_expression" else "constructor")
    return "".join(node_text(target).split()).replace("?.", ".")


def _builders(node: Node, sdks: Sequence[ImSdk]) -> tuple[ImSdk, ...]:
    """The SDKs one of whose messages a call or ``new`` builds (``new TextMessage(…)``: LeanCloud's or RongCloud's)."""
    if node.type not in ("call_expression", "new_expression"):
        return ()
    callee = _callee(node)
    return tuple(s for s in sdks if s.builds(callee, node.type == "new_expression"))


Built = dict[tuple[int, int], tuple[ImSdk, ...]]  # (start byte, end byte) of a builder → the SDKs it may be


def _held(nodes: list[Node], built: Built) -> dict[str, tuple[tuple[ImSdk, ...], str]]:
    """name → (SDK, value text) of each name a built message is given to (``const m = tim.createTextMessage(…)``,
    ``this.msg = new WebIM.message('txt', id)``)."""
    out: dict[str, tuple[tuple[ImSdk, ...], str]] = {}
    for node in nodes:
        binding = name_and_value(node) if node.type != "pair" else None
        if binding is None:
            continue
        name, value = binding
        if name is None or value is None or name.type not in ("identifier", "member_expression"):
            continue
        sdks = tuple(s for (start, end), found in built.items() if value.start_byte <= start and end <= value.end_byte
                     for s in found)
        if sdks:
            known, said = out.get(_name(name), ((), ""))
            out[_name(name)] = ((*known, *sdks), f"{said} {node_text(value)}".strip())
    return out


def _name(node: Node) -> str:
    return "".join(node_text(node).split()).replace("?.", ".")


def _send(call: Node, sdks: Sequence[ImSdk], built: Built,
          held: dict[str, tuple[tuple[ImSdk, ...], str]]) -> tuple[ImSdk, str] | None:
    """(SDK, what it says) when ``call`` sends a message: a direct method on another object than the script's
    own, or a send method whose arguments hold a built message of the same SDK."""
    args = call.child_by_field_name("arguments")
    callee = _callee(call)
    receiver, _, method = callee.rpartition(".")
    said = node_text(args)
    for sdk in sdks:
        if method in sdk.direct and receiver and receiver not in _OWN:
            return sdk, said
        if method not in sdk.sends or args is None:
            continue
        if any(args.start_byte <= start and end <= args.end_byte and sdk in s for (start, end), s in built.items()):
            return sdk, said
        carried = [held[n] for n in _names_in(args) if n in held and sdk in held[n][0]]
        if carried:
            return sdk, " ".join([said, *(value for _sdk, value in carried)])
    return None


def _names_in(node: Node) -> set[str]:
    """The names an argument list reads (``msg`` and ``msg.body`` of ``msg.body``; ``message`` of ``{ message }``)."""
    return {_name(n) for n in walk(node) if n.type in _NAMES}


def _functions(node: Node) -> tuple[str, ...]:
    """The names of the functions ``node`` is in, innermost first."""
    out = []
    current = node.parent
    while current is not None:
        if current.type in _FUNCTIONS:
            named = current.child_by_field_name("name")
            holder = current.parent
            if named is None and holder is not None and holder.type in ("variable_declarator", "pair"):
                named = holder.child_by_field_name("name" if holder.type == "variable_declarator" else "key")
            if named is not None:
                out.append(node_text(named).strip("'\"`"))
        current = current.parent
    return tuple(out)


def _told_at(call: Node) -> int:
    """The 0-based row a send is told at: the head of the promise chain whose ``.then`` callback returns it, else
    its own row."""
    node = call
    while node.parent is not None and node.parent.type in _WRAPS:
        node = node.parent
    parent = node.parent
    if parent is not None and parent.type == "return_statement":
        body = parent.parent
        function = body.parent if body is not None and body.type == "statement_block" else None
    elif parent is not None and parent.type == "arrow_function" and parent.child_by_field_name("body") == node:
        function = parent
    else:
        function = None
    if function is None or function.type not in _FUNCTIONS or function.parent is None:
        return call.start_point.row
    chained = function.parent.parent if function.parent.type == "arguments" else None
    if chained is None or chained.type != "call_expression" or _callee(chained).rpartition(".")[2] not in _CHAIN:
        return call.start_point.row
    head = chained
    while head.parent is not None and head.parent.type == "member_expression" and \
            head.parent.parent is not None and head.parent.parent.type == "call_expression":
        head = head.parent.parent
    return head.start_point.row
