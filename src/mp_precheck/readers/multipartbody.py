"""A file put into a multipart body built by hand and sent with ``wx.request``: an upload without ``wx.uploadFile``.

``wx.uploadFile`` sends one file per call, so apps that send a form with its picture in one request build the
``multipart/form-data`` body themselves: a small form class reads the file (``FileSystemManager.readFileSync``)
and writes the parts and boundary into an ``ArrayBuffer``, and the request sends that buffer with the
boundary's content type (``form.appendFile('cover', path); const body = form.getData();
wx.request({ data: body.buffer, header: { 'content-type': body.contentType } })``). The user's file leaves the
phone as with an upload, and review treats it as one: it must pass content security
(https://developers.weixin.qq.com/miniprogram/dev/server/API/sec-center/sec-check/api_mediacheckasync.html).

Both halves must be in the file: a call putting a file into a form by its field name and path
(``x.appendFile(name, path…)``, two arguments or more — the platform's own ``FileSystemManager.appendFile`` takes
one object of options and writes to a file, it sends nothing), and a ``wx.request`` whose ``data`` is a built
body's ``buffer`` or whose content type is a built body's ``contentType``
(https://developers.weixin.qq.com/miniprogram/dev/api/network/request/wx.request.html: ``data`` may be an
ArrayBuffer).

In: tree-sitter nodes of one JS/TS file and its facts so far. Out: ``wx.request:media`` facts
(readers/base64media.py) at each call putting a file into the form.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from tree_sitter import Node

from mp_precheck.facts.model import Fact
from mp_precheck.readers.base64media import SUBJECT
from mp_precheck.readers.syntax import call_option, node_text, string_value

# The members of a built body a request sends: its bytes, and the content type naming its boundary.
_BODY = "buffer"
_TYPE = "contentType"


def file_parts(nodes: Iterable[Node], facts: Iterable[Fact], line: Callable[[Node], int]) -> list[Fact]:
    """``wx.request:media`` facts at each ``x.appendFile(name, path…)`` call among ``nodes`` when a call at the line
    of one of the file's ``wx.request`` facts (``facts``) sends a built body (see the module docstring); else none.
    ``line`` gives a node's 1-based line. Nothing raises."""
    requests = {f.line for f in facts if f.subject == "wx.request" and f.kind == "api"}
    if not requests:
        return []
    calls = [n for n in nodes if n.type == "call_expression"]
    if not any(line(call) in requests and _sends_built_body(call) for call in calls):
        return []
    return [Fact(SUBJECT, "api", line(call)) for call in calls if _appends_file(call)]


def _appends_file(call: Node) -> bool:
    """Whether ``call`` is ``x.appendFile(name, path…)``: a member call with two arguments or more, none an
    object of options."""
    callee = call.child_by_field_name("function")
    arguments = call.child_by_field_name("arguments")
    if callee is None or callee.type != "member_expression" or arguments is None:
        return False
    if node_text(callee.child_by_field_name("property")) != "appendFile":
        return False
    passed = arguments.named_children
    return len(passed) >= 2 and all(a.type != "object" for a in passed)


def _sends_built_body(call: Node) -> bool:
    """Whether a request call's ``data`` is ``x.buffer`` or its header's content type is ``x.contentType``."""
    if _member(call_option(call, "data"), _BODY):
        return True
    header = call_option(call, "header")
    if header is None or header.type != "object":
        return False
    return any(pair.type == "pair" and (string_value(key) or node_text(key)).lower() == "content-type"
               and _member(pair.child_by_field_name("value"), _TYPE)
               for pair in header.named_children if (key := pair.child_by_field_name("key")) is not None)


def _member(node: Node | None, name: str) -> bool:
    """Whether ``node`` is a member expression reading property ``name`` (``body.buffer``)."""
    return node is not None and node.type == "member_expression" and \
        node_text(node.child_by_field_name("property")) == name
