"""Uploads through a wrapper of the same file: a page method ``uploadImg(path) { wx.uploadFile(…) }`` called
as ``this.uploadImg(a)``, ``that.uploadImg(b)`` or a top-level ``function upload(p)`` called as ``upload(p)``.

A wrapper the file calls from two places or more is a helper: each call sends its own file (an ID card's
front, its back, a handheld photo), so each counts as an upload at the call's line — a fact of the
wrapper's upload subject with role ``via:<file>#<method>`` — and the wrapper's own ``wx.uploadFile``
becomes its definition (dropped), as a wrapper of another file is; each call remembers that line
(``Fact.defined``): when the change adds the helper itself, the upload is reported there. A method called
once is one upload wherever it is counted, so it keeps its call (where the request is built); so does a
method nothing in the file calls (bound only from the template, ``bindtap="upload"``). A second call of it
then counts at each call; whether that is a new upload is the semantic diff's question (``routed_uploads`` in
core/placing.py: the one upload of a method the base called from one place, its caller split or joined). A
function the module exports is another matter: other files call it too, so its own ``wx.uploadFile`` is already
its definition wherever they do, and a function beside it that calls it once (``chooseAndUpload()`` picking
photos, then ``uploadFile(path)`` for each) sends a file of its own: that call is an upload too, and the wrapper
keeps its call (a caller of another file is what makes it a definition).
Content security of uploads: https://developers.weixin.qq.com/miniprogram/dev/server/API/sec-center/sec-check/api_mediacheckasync.html

In: the file's facts so far, its nodes of the types the extractor reads (source order), the file's path and
how to turn a node into a line. Out: the facts with those calls resolved.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from collections.abc import Set as AbstractSet

from tree_sitter import Node

from mp_precheck.core.thirdparty import SDK_UPLOAD_SUBJECT
from mp_precheck.facts.model import Fact
from mp_precheck.readers.syntax import node_text

UPLOAD_SUBJECTS = frozenset({"wx.uploadFile", "wx.cloud.uploadFile", SDK_UPLOAD_SUBJECT})
# What a page or component method is called on: itself, or itself saved for a callback (var that = this).
SELF = frozenset({"this", "that", "_this", "self", "me", "_self", "_that", "vm"})
_FUNCTIONS = ("arrow_function", "function_expression", "function")
_SFC_SCRIPT = (".vue", ".nvue", ".uvue", ".wpy", ".mpx")  # a script block arrives as ``page.vue.js``


def _definitions(nodes: Iterable[Node]) -> dict[str, list[Node]]:
    """Name → functions defined under it: object and class methods (``.uploadImg`` for ``uploadImg() {}``,
    ``uploadImg: function () {}``) and top-level function declarations (``uploadImg``, ``export function
    uploadImg``)."""
    found: dict[str, list[Node]] = {}
    for node in nodes:
        if node.type == "method_definition":
            name = "." + node_text(node.child_by_field_name("name"))
        elif node.type == "pair" and (value := node.child_by_field_name("value")) is not None \
                and value.type in _FUNCTIONS:
            name = "." + node_text(node.child_by_field_name("key")).strip("'\"")
        elif node.type == "function_declaration" and _top_level(node):
            name = node_text(node.child_by_field_name("name"))
        else:
            continue
        found.setdefault(name, []).append(node)
    return found


def _top_level(node: Node) -> bool:
    """Whether ``node`` is a statement of the module itself, exported (``export function f``) or not."""
    parent = node.parent
    if parent is not None and parent.type == "export_statement":
        parent = parent.parent
    return parent is not None and parent.type == "program"


def _called_name(call: Node) -> str | None:
    """``.uploadImg`` of ``this.uploadImg(…)`` / ``that.uploadImg(…)`` (a method of the same object),
    ``uploadImg`` of ``uploadImg(…)`` (a function of the file), else None."""
    callee = call.child_by_field_name("function")
    if callee is None:
        return None
    if callee.type == "identifier":
        return node_text(callee)
    obj = callee.child_by_field_name("object") if callee.type == "member_expression" else None
    if obj is not None and obj.type in ("this", "identifier") and node_text(obj) in SELF:
        return "." + node_text(callee.child_by_field_name("property"))
    return None


def local_uploads(facts: list[Fact], nodes: Iterable[Node], path: str, line: Callable[[Node], int],
                  exported: AbstractSet[str] = frozenset()) -> list[Fact]:
    """``facts`` with each call of a same-file upload wrapper counted as its upload (see the module
    docstring); ``exported``: the names of the module's functions other files can import. A name defined twice
    in the file is left alone (which one a call reaches is unknown)."""
    uploads = [f for f in facts if f.kind == "api" and f.role is None and f.subject in UPLOAD_SUBJECTS]
    if not uploads:
        return facts  # no upload in the file, so no wrapper of one: its definitions are not read
    nodes = list(nodes)
    spans: dict[str, tuple[int, int]] = {}
    for name, defined in _definitions(nodes).items():
        if len(defined) == 1:
            first = line(defined[0])
            spans[name] = (first, first + defined[0].end_point[0] - defined[0].start_point[0])
    subjects = {name: sorted({f.subject for f in uploads if a <= f.line <= b}) for name, (a, b) in spans.items()}
    own = {name: min((f.line for f in uploads if a <= f.line <= b), default=a) for name, (a, b) in spans.items()}
    owner = next((path[: -len(s)] for s in (".js", ".ts", ".tsx", ".jsx")
                  if path.endswith(s) and path[: -len(s)].endswith(_SFC_SCRIPT)), path)
    added: list[tuple[str, Fact]] = []
    called: Counter[str] = Counter()
    for call in (n for n in nodes if n.type == "call_expression"):
        name = _called_name(call) or ""
        if not subjects.get(name):
            continue
        at = line(call)
        first, last = spans[name]
        if first <= at <= last:
            continue  # the wrapper calling itself (a retry): not another upload
        called[name] += 1
        added.extend((name, Fact(s, "api", at, role=f"via:{owner}#{name.lstrip('.')}", defined=own[name]))
                     for s in subjects[name])
    helpers = {name for name, count in called.items() if count > 1}
    shared = {name for name in called if name not in helpers and name in exported}  # called once, imported too
    if not helpers and not shared:
        return facts
    inside = [spans[name] for name in helpers]
    kept = [f for f in facts if f not in uploads or not any(a <= f.line <= b for a, b in inside)]
    return kept + [fact for name, fact in added if name in helpers | shared]
