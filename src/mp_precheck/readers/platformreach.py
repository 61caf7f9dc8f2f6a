"""Functions only another platform calls: shipped to WeChat, never run there.

uni-app's conditional compilation drops the blocks for other platforms (:mod:`.conditional`), but a method
those blocks alone call stays in the WeChat build: ``// #ifdef APP-PLUS`` ``this.appPay()`` ``// #endif``
leaves ``appPay() { uni.requestPayment({ orderInfo }) }`` defined and never called. Its API calls and texts are
App-only code, no use of the Mini Program (https://uniapp.dcloud.net.cn/tutorial/platform.html).

The same holds for the page hooks uni-app calls on other platforms only (:data:`OTHER_PLATFORM_HOOKS`): the
native title bar's buttons and search box (``onNavigationBarButtonTap``, ``onNavigationBarSearchInput*``: App
and H5) and ``onBackPress`` (App, H5, Alipay) never fire in a WeChat build (the page lifecycle table,
https://uniapp.dcloud.net.cn/tutorial/page.html#lifecycle; WeChat's own page calls none of them,
https://developers.weixin.qq.com/miniprogram/dev/reference/api/Page.html). In a Vue single-file component such a
hook (a member ``onBackPress() {…}``, or a registration ``onBackPress(() => …)`` of ``@dcloudio/uni-app``) is
blanked as a dropped block is, unless the file names it elsewhere (a template's ``@click="onBackPress"``, a
``this.onBackPress()``): then it is a method that runs. A native Mini Program's script is not judged: there a
method of that name is only a method, called or not by its page's WXML.

A function counts as only reached from dropped code when a dropped line calls it (``appPay(``,
``this.appPay``, a handler ``@click="appPay"``) and the kept text names it nowhere but in its own definition
(an import of the same name is another binding). Judged: members of a Vue component's ``methods`` (or a class
component's methods), and top-level functions a module does not export (another file may call an exported
one); names a framework calls itself (``onLoad``, ``mounted``…) never. Functions only those functions call
follow, a few rounds deep.

In: a file's text as written, the same text with the dropped blocks blanked, and its path (the grammar; a
single-file component's script blocks). Out: the blanked text with those functions' lines blanked too
(same number of lines).
"""

from __future__ import annotations

from collections.abc import Iterator

from tree_sitter import Language, Node

from mp_precheck.core.lazyre import lazy
from mp_precheck.core.recache import compiled
from mp_precheck.readers.sfc import split_blocks
from mp_precheck.readers.syntax import language_for, node_text, nodes_of, parse

_SFC_SUFFIXES = (".vue", ".nvue", ".uvue")
_NAME = compiled(r"[A-Za-z_$][\w$]*")
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


# Page hooks uni-app calls on App and H5 (``onBackPress``: and Alipay's) only, never in a WeChat build.
OTHER_PLATFORM_HOOKS = frozenset({
    "onNavigationBarButtonTap", "onBackPress", "onNavigationBarSearchInputChanged",
    "onNavigationBarSearchInputConfirmed", "onNavigationBarSearchInputClicked"})
_HOOK_NAMES = lazy(r"\bon(?:NavigationBar(?:ButtonTap|SearchInput(?:Changed|Confirmed|Clicked))|BackPress)\b")


def names_other_platform_hooks(text: str, path: str) -> bool:
    """Whether ``text`` (of the file at ``path``) may hold a hook of :data:`OTHER_PLATFORM_HOOKS` that
    :func:`without_unreached` blanks: a single-file component naming one."""
    return path.lower().endswith(_SFC_SUFFIXES) and _HOOK_NAMES.search(text) is not None


def without_unreached(written: str, kept: str, path: str) -> str:
    """``kept`` (``written`` with the other platforms' blocks blanked) with the lines of the hooks only other
    platforms call and of the functions only those blocks and hooks reach blanked too."""
    if names_other_platform_hooks(kept, path):
        kept = _blank(kept, list(_other_platform_hooks(kept, path)))
    if written == kept:
        return kept
    written_lines = written.split("\n")
    for _ in range(_ROUNDS):
        lines = kept.split("\n")
        dropped = "\n".join(w for w, k in zip(written_lines, lines, strict=False) if w != k)
        used = {name for match in _USES.finditer(dropped) for name in match.groups()
                if name and not _FRAMEWORK.fullmatch(name)}
        spans = list(_unnamed_elsewhere(kept, _definitions(kept, path, used), path)) if used else []
        if not spans:
            break
        kept = _blank(kept, spans)
    return kept


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    lines = text.split("\n")
    for first, last in spans:
        lines[first:last + 1] = [""] * (last + 1 - first)
    return "\n".join(lines)


def _unnamed_elsewhere(text: str, found: Iterator[tuple[str, int, int]], path: str) -> Iterator[tuple[int, int]]:
    """The (first, last) lines of each definition in ``found`` whose name ``text`` spells nowhere outside it (nor
    in an import: another binding of the name)."""
    definitions = list(found)
    if not definitions:
        return
    names = {name for name, _, _ in definitions}
    imports = _import_lines(text, path)
    where: dict[str, set[int]] = {}
    for number, line in enumerate(text.split("\n")):
        for name in _NAME.findall(line):
            if name in names and number not in imports:
                where.setdefault(name, set()).add(number)
    for name, first, last in definitions:
        if all(first <= number <= last for number in where.get(name, ())):
            yield first, last


def _other_platform_hooks(text: str, path: str) -> Iterator[tuple[int, int]]:
    """(first, last) 0-based lines of the hooks of :data:`OTHER_PLATFORM_HOOKS` a component defines (an option
    the file names nowhere else) or registers (a call of the hook's name, not one the script declares itself)."""
    lines = text.split("\n")
    members: list[tuple[str, int, int]] = []
    for root, language, offset in _trees(text, path):
        declared = {node_text(node.child_by_field_name("name")) for node in nodes_of(
            root, language, ("function_declaration", "variable_declarator"))}
        for node in nodes_of(root, language, ("method_definition", "pair", "expression_statement")):
            if node.type == "expression_statement":
                if _registered_hook(node) not in OTHER_PLATFORM_HOOKS - declared:
                    continue
                yield from _whole_lines(node, lines, offset)
            elif _key(node) in OTHER_PLATFORM_HOOKS and _component_option(node):
                members.extend((_key(node), first, last) for first, last in _whole_lines(node, lines, offset))
    yield from _unnamed_elsewhere(text, iter(members), path)


def _registered_hook(statement: Node) -> str:
    """The name a statement ``name(…)`` calls ('' for any other statement)."""
    call = statement.named_children[0] if statement.named_children else None
    callee = call.child_by_field_name("function") if call is not None and call.type == "call_expression" else None
    return node_text(callee) if callee is not None and callee.type == "identifier" else ""


def _component_option(node: Node) -> bool:
    """Whether a member (``name() {}``, ``name: function …``) is a function of a component's options: of the
    object ``export default`` or a call (``defineComponent({…})``) takes, of its ``methods``, or of its class."""
    if node.type == "pair" and not _holds_function(node.child_by_field_name("value")):
        return False
    owner = node.parent
    if owner is not None and owner.type == "class_body":
        return node.type == "method_definition"
    holder = owner.parent if owner is not None and owner.type == "object" else None
    return holder is not None and (holder.type in ("export_statement", "arguments") or (
        holder.type == "pair" and _key(holder) == "methods"))


def _definitions(text: str, path: str, names: set[str]) -> Iterator[tuple[str, int, int]]:
    """(name, first, last) 0-based lines of the definitions of ``names`` that :func:`without_unreached` judges,
    each on whole lines of its own."""
    lines = text.split("\n")
    for root, language, offset in _trees(text, path):
        for node in nodes_of(root, language, _DEFINITIONS):
            name = _judged_name(node, path)
            if name in names:
                yield from ((name, first, last) for first, last in _whole_lines(node, lines, offset))


def _trees(text: str, path: str) -> Iterator[tuple[Node, Language, int]]:
    """(root node, grammar, line offset) of each script of ``text`` (:func:`_scripts`)."""
    for source, suffix, offset in _scripts(text, path):
        language = language_for(path + suffix)
        yield parse(language, source.encode("utf-8", "surrogatepass")).root_node, language, offset


def _whole_lines(node: Node, lines: list[str], offset: int) -> Iterator[tuple[int, int]]:
    """The (first, last) 0-based indexes in ``lines`` that ``node`` (of a script starting ``offset`` lines in)
    fills, if it stands on whole lines of its own (nothing before it, at most a comma or comment after it)."""
    if node.start_point[0] == 0:
        return  # on the ``<script>`` tag's own line: its columns are not the line's
    first, last = node.start_point[0] + offset, node.end_point[0] + offset
    head = lines[first][:_column(node.start_point[1], lines[first])]
    tail = lines[last][_column(node.end_point[1], lines[last]):]
    if not head.strip() and _TAIL.fullmatch(tail):
        yield first, last


def _import_lines(text: str, path: str) -> set[int]:
    """The 0-based lines of ``text`` that ``import`` statements fill."""
    return {number for root, language, offset in _trees(text, path)
            for node in nodes_of(root, language, ("import_statement",))
            for number in range(node.start_point[0] + offset, node.end_point[0] + offset + 1)}


def _scripts(text: str, path: str) -> Iterator[tuple[str, str, int]]:
    """(source, grammar suffix, line offset) of each script: a component's ``<script>`` blocks, else the file."""
    if not path.lower().endswith(_SFC_SUFFIXES):
        yield text, "", 0
        return
    for block in split_blocks(text):
        if block.tag == "script" and not block.attrs.get("src"):
            lang = block.attrs.get("lang", "js")
            yield block.text, ".tsx" if lang == "tsx" else ".ts" if lang == "ts" else ".js", block.line_offset


def _judged_name(node: Node, path: str) -> str | None:
    """The name of a function :func:`without_unreached` may blank: a member of ``methods: {…}`` (a method or a
    key holding a function), a method of a single-file component's class (a Vue class component), or a
    top-level function the module does not export."""
    if node.type in ("method_definition", "pair"):
        if node.type == "pair" and not _holds_function(node.child_by_field_name("value")):
            return None
        owner = node.parent.parent if node.parent is not None else None
        in_class = node.type == "method_definition" and node.parent is not None and \
            node.parent.type == "class_body" and path.lower().endswith(_SFC_SUFFIXES)
        if not in_class and (owner is None or owner.type != "pair" or _key(owner) != "methods"):
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
