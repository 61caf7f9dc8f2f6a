"""What a page does over a WebSocket: whether it opens one (itself or through a project module: a socket hook,
a store), the calls that send on it (``socketTask.send``, ``uni.sendSocketMessage``, a hook's ``sendMessage``)
and whether it lists the messages it receives (its message handler writes a list its template repeats). Shared
by the analyzers that tell chat between users (``chat``, ``relayed_posts``).

SocketTask.send: https://developers.weixin.qq.com/miniprogram/dev/api/network/websocket/SocketTask.send.html;
SocketTask.onMessage: https://developers.weixin.qq.com/miniprogram/dev/api/network/websocket/SocketTask.onMessage.html
"""

from __future__ import annotations

import re

from mp_precheck.analyzers.context import ProjectContext
from mp_precheck.analyzers.reached import module_calls
from mp_precheck.analyzers.senders import CHAT
from mp_precheck.core.recache import compiled
from mp_precheck.core.scenes import words_of
from mp_precheck.readers.relay import handler_params
from mp_precheck.readers.syntax import node_text
from mp_precheck.readers.textflow import calls_on

# A template's loop over a list: Vue ``v-for="m in messages"``, WXML ``wx:for="{{messages}}"``, JSX
# ``messages.map(``; the list's last name is kept.
LOOPS = compiled(r"""v-for\s*=\s*["'][^"']*?\b(?:in|of)\s+([\w$.]+)|wx:for\s*=\s*["']\{\{\s*([\w$.]+)"""
                    r"""|([\w$.]+)\s*\.\s*map\s*\(""")
_WORD = compiled(r"[A-Za-z_$][\w$]*")
_SETTER = compiled(r"^set([A-Z]\w*)$")  # a React state setter: setMessages → messages
RECEIVES = compiled(r"on\w*(?:message|msg)", re.IGNORECASE)  # onMessage, onSocketMessage, onNewMsg
_CALLED = compiled(r"([A-Za-z_$][\w$]*)\s*\(")
_REFERENCE = compiled(r"[A-Za-z_$][\w$.]*")
_NOT_LISTS = frozenset({"this", "that", "self", "item", "index", "props", "state", "data", "value"})


def opens_socket(context: ProjectContext, script: str) -> bool:
    """Whether ``script`` opens a WebSocket, itself or through a project module it calls (a socket hook)."""
    facts = context.facts_at_head(script)
    modules = {m for *_call, m in module_calls(context, script, facts, stores=False)}
    return any(f.subject in CHAT for path in (script, *sorted(modules))
               if (held := context.facts_at_head(path)) is not None for f in held.facts)


def socket_sends(text: str, script: str, span: range) -> list[tuple[int, str]]:
    """(line, callee) of the calls of the script of ``script`` (its ``text``) inside ``span`` named as a send
    (``sendMessage``, ``socketTask.send``, ``socket.emit``); an event sent to a parent (``$emit``) is none."""
    out: list[tuple[int, str]] = []
    for line, arguments in calls_on(text, script, span):
        callee = arguments.parent.child_by_field_name("function") if arguments.parent is not None else None
        name = node_text(callee) if callee is not None else ""
        if (name.endswith(("$emit", ".emit")) and not _on_socket(name)) or not any(
                w in ("send", "emit") for w in words_of(name.rsplit(".", 1)[-1])):
            continue
        out.append((line, name))
    return out


def _on_socket(callee: str) -> bool:
    """Whether ``callee`` (``socket.emit``, ``this.io.emit``) is a method of an object named as a socket."""
    owner = callee.rsplit(".", 1)[0] if "." in callee else ""
    return any(w in ("socket", "io", "ws", "websocket") for w in words_of(owner.rsplit(".", 1)[-1]))


def lists_received(markup: str, text: str, script: str) -> bool:
    """Whether the page lists the messages it receives: a handler of received messages (``onMessage``,
    ``onSocketMessage``: the callback it is given, the page's methods that callback calls) writes a list the
    page's ``markup`` repeats (``this.messages.push(msg)``, ``setMessages(…)``, ``setData({ list })``). ``text``
    is the script of ``script``."""
    lists = {m.rsplit(".", 1)[-1] for match in LOOPS.finditer(markup) for m in match.groups() if m} - _NOT_LISTS
    if not lists:
        return False
    lines = range(1, text.count("\n") + 2)
    for _line, arguments in calls_on(text, script, lines):
        callee = arguments.parent.child_by_field_name("function") if arguments.parent is not None else None
        if callee is None or not RECEIVES.fullmatch(node_text(callee).rsplit(".", 1)[-1]):
            continue
        written = _written(node_text(arguments), text, script)
        if written & lists:
            return True
    return False


def _written(handler: str, text: str, script: str) -> set[str]:
    """The names a message handler's text mentions, a React setter's state included (``setMessages`` →
    ``messages``), with the bodies of the script's functions it calls or names followed one step."""
    names = set(_WORD.findall(handler))
    lines = text.split("\n")
    named = handler.strip("() \n")  # a method handed over by name: onMessage(this.onReceive)
    called = set(_CALLED.findall(handler)) | ({named.rpartition(".")[2]} if _REFERENCE.fullmatch(named) else set())
    for name in sorted(called - {"this", "JSON", "parse", "push"}):
        found = handler_params(text, script, name)
        if found is not None:
            names |= set(_WORD.findall("\n".join(lines[found[0].start - 1:found[0].stop - 1])))
    return names | {m.group(1)[0].lower() + m.group(1)[1:] for n in list(names) if (m := _SETTER.match(n))}


_OPENED = compiled(r"([\w$.]+)\s*=\s*(?:await\s+)?[\w$.]+\.connectSocket\s*\(")


def task_opened(text: str, callee: str) -> int | None:
    """The line of the text's ``connectSocket`` call whose SocketTask ``callee`` sends on (``this.socketTask.send``
    where ``this.socketTask = uni.connectSocket({…})``): the connection the page opens itself for its messages;
    None for a send on anything else (``wx.sendSocketMessage``, a hook's ``sendMessage``)."""
    owner = callee.rpartition(".")[0].rpartition(".")[2]
    for match in _OPENED.finditer(text) if owner else ():
        if match.group(1).rpartition(".")[2] == owner:
            return text.count("\n", 0, match.end()) + 1
    return None
