"""Functions only another platform's code calls: shipped to WeChat, never run there.

uni-app's conditional compilation drops the blocks for other platforms (:mod:`.conditional`), but a method
those blocks alone call stays in the WeChat build: ``// #ifdef APP-PLUS`` ``this.appPay()`` ``// #endif``
leaves ``appPay() { uni.requestPayment({ orderInfo }) }`` defined and never called. Its API calls and texts are
App-only code, no use of the Mini Program (https://uniapp.dcloud.net.cn/tutorial/platform.html).

A function counts as only reached from dropped code when a dropped line calls it (``appPay(``,
``this.appPay``, a handler ``@click="appPay"``) and the kept text names it nowhere but at its own definition.
Judged: members of a Vue component's ``methods``, and top-level functions a module does not export (another
file may call an exported one); names a framework calls itself (``onLoad``, ``mounted``…) never. Functions
only those functions call follow, a few rounds deep.

In: a file's text as written, the same text with the dropped blocks blanked, and its path (the grammar; a
single-file component's script blocks). Out: the blanked text with those functions' lines blanked too
(same number of lines).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from tree_sitter import Node

from mp_precheck.core.lazyre import lazy
from mp_precheck.readers.sfc import split_blocks
from mp_precheck.readers.syntax import language_for, node_text, nodes_of, parse

_SFC_SUFFIXES = (".vue", ".nvue", ".uvue")
_NAME = re.compile(r"[A-Za-z_$][\w$]*")
# What dropped code does with a function: calls it, reads it off ``this``, or names it as a template handler.
_USES = lazy(r"([A-Za-z_$][\w$]*)\s*\(|\.\s*([A-Za-z_$][\w$]*)|=\s*[\"']\s*([A-Za-z_$][\w$]*)\s*[\"'(]")
# Names the framework calls itself: page and component hooks, Vue's options.
_FRAMEWORK = lazy(r"on[A-Z_]\w*|created|mounted|updated|destroyed|unmounted|activated|deactivated|"
                        r"before[A-Z]\w*|setup|data|render|errorCaptured")
_ROUNDS = 4
_FUNCTIONS = ("arrow_function", "function_expression", "function")
_DEFINITIONS = ("method_definition", "pair", "function_declaration", "lexical_declaration",
                "variable_declaration")
# What may follow a definition on its last line: the comma or semicolon that ends it, a comment.
_TAIL = lazy(r"\s*[,;]?\s*(?://.*)?")


def without_unreached(written: str, kept: str, path: str) -> str:
    """``kept`` (``written`` with the other platforms' blocks blanked) with the lines of the functions only
    those blocks reach blanked too."""
    if written == kept:
        return kept
    written_lines = written.split("\n")
    for _ in range(_ROUNDS):
        lines = kept.split("\n")
        dropped = "\n".join(w for w, k in zip(written_lines, lines, strict=False) if w != k)
        used = {name for match in _USES.finditer(dropped) for name in match.groups() if name}
        counts = Counter(name for name in _NAME.findall(kept) if name in used)
        lonely = {name for name, count in counts.items() if count == 1 and not _FRAMEWORK.fullmatch(name)}
        spans = list(_definitions(kept, path, lonely)) if lonely else []
        if not spans:
            break
        for first, last in spans:
            lines[first:last + 1] = [""] * (last + 1 - first)
        kept = "\n".join(lines)
    return kept


def _definitions(text: str, path: str, names: set[str]) -> Iterator[tuple[int, int]]:
    """(first, last) 0-based lines of the definitions of ``names`` that :func:`without_unreached` judges, each
    on whole lines of its own."""
    lines = text.split("\n")
    for source, suffix, offset in _scripts(text, path):
        language = language_for(path + suffix)
        root = parse(language, source.encode("utf-8", "surrogatepass")).root_node
        for node in nodes_of(root, language, _DEFINITIONS):
            name = _judged_name(node)
            if name not in names:
                continue
            if node.start_point[0] == 0:
                continue  # on the ``<script>`` tag's own line: its columns are not the line's
            first, last = node.start_point[0] + offset, node.end_point[0] + offset
            head, tail = lines[first][:_column(node.start_point[1], lines[first])], \
                lines[last][_column(node.end_point[1], lines[last]):]
            if not head.strip() and _TAIL.fullmatch(tail):
                yield first, last


def _scripts(text: str, path: str) -> Iterator[tuple[str, str, int]]:
    """(source, grammar suffix, line offset) of each script: a component's ``<script>`` blocks, else the file."""
    if not path.lower().endswith(_SFC_SUFFIXES):
        yield text, "", 0
        return
    for block in split_blocks(text):
        if block.tag == "script" and not block.attrs.get("src"):
            lang = block.attrs.get("lang", "js")
            yield block.text, ".tsx" if lang == "tsx" else ".ts" if lang == "ts" else ".js", block.line_offset


def _judged_name(node: Node) -> str | None:
    """The name of a function :func:`without_unreached` may blank: a member of ``methods: {…}`` (a method or a
    key holding a function), or a top-level function the module does not export."""
    if node.type in ("method_definition", "pair"):
        if node.type == "pair" and not _holds_function(node.child_by_field_name("value")):
            return None
        owner = node.parent.parent if node.parent is not None else None
        if owner is None or owner.type != "pair" or _key(owner) != "methods":
            return None
        return _key(node)
    if node.parent is None or node.parent.type != "program":
        return None  # nested, or under ``export``
    if node.type == "function_declaration":
        return node_text(node.child_by_field_name("name"))
    declarators = [c for c in node.named_children if c.type == "variable_declarator"]
    if len(declarators) == 1 and _holds_function(declarators[0].child_by_field_name("value")):
        return node_text(declarators[0].child_by_field_name("name"))
    return None


def _holds_function(value: Node | None) -> bool:
    return value is not None and value.type in _FUNCTIONS


def _key(node: Node) -> str:
    """The name of an object member (``name() {}``, ``name: …``, ``'name': …``)."""
    key = node.child_by_field_name("name") or node.child_by_field_name("key")
    return node_text(key).strip("'\"")


def _column(byte_column: int, line: str) -> int:
    """The character column of a tree-sitter byte column on ``line`` (UTF-8: CJK text before it counts thrice)."""
    return len(line.encode("utf-8", "surrogatepass")[:byte_column].decode("utf-8", "replace"))
