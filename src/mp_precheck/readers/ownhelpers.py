"""A script's own helpers that make a call, and whether the script calls them.

A page's method (``Page({ getProfile() { wx.getUserInfo(…) } })``), an App's, a class's or a module-level
function (``function locate() { wx.getLocation(…) }``) runs only when something names it: ``this.getProfile()``,
``that.locate``, ``locate()``, ``this['locate']``, a template binding. A helper nothing names is dormant; the change
that first calls it adds a use of what it calls, although the call itself was in the file before
(``core/firstcalls.py``). Functions a framework runs by their name (``onLoad``, ``created``, ``render``,
``componentDidMount``…) are no helpers; neither are exported ones (other modules call them: the project's wrapper
follower in ``facts/store.py`` counts those at their callers).

A member of the platform's namespace or of an imported module (``wx.getUserInfo``, ``api.locate``) names the API or
the module's function, never the helper (:func:`foreign_members`): a helper named after the API it wraps
(``getUserInfo() { wepy.getUserInfo(…) }``) is uncalled until something calls it. A helper's mention of itself (a
retry) does not call it.

In: a parsed script and the lines of its calls. Out: :data:`Helper` rows (name, first line, last line, called);
:func:`names_in` answers the same question for another file of the app (a page calling ``app.getProfile()``).
"""

from __future__ import annotations

import posixpath
from bisect import bisect_left
from collections.abc import Iterable, Iterator

from msgspec.structs import replace
from tree_sitter import Language, Node

from mp_precheck.core.lazyre import lazy
from mp_precheck.facts.model import FileFacts
from mp_precheck.readers.foreignmembers import foreign_members
from mp_precheck.readers.handlers import template_bindings
from mp_precheck.readers.sfc import SFC_SUFFIXES, split_blocks
from mp_precheck.readers.syntax import language_for, node_text, nodes_of, parse, string_value
from mp_precheck.readers.uncalled import without_uncalled

# (name, first 1-based line, last line, the lines where the file names it outside its body; 0: a line not known)
Helper = tuple[str, int, int, tuple[int, ...]]

# Names a Mini Program, Vue or React runs by themselves (https://developers.weixin.qq.com/miniprogram/dev/reference/
# api/Page.html, https://developers.weixin.qq.com/miniprogram/dev/framework/custom-component/lifetimes.html); every
# ``on…`` and ``component…`` name too.
_RUN_BY_FRAMEWORK = frozenset({
    "constructor", "render", "data", "setup", "created", "attached", "ready", "moved", "detached", "error", "show",
    "hide", "resize", "beforeCreate", "beforeMount", "mounted", "beforeUpdate", "updated", "beforeDestroy",
    "destroyed", "beforeUnmount", "unmounted", "activated", "deactivated", "shouldComponentUpdate",
    "getSnapshotBeforeUpdate", "getDerivedStateFromProps", "getDerivedStateFromError", "getChildContext"})
_ENTRY_CALLS = frozenset({"Page", "Component", "App", "Behavior", "createPage", "createComponent", "createApp",
                          "defineComponent", "Vue.extend"})
_FUNCTIONS = ("arrow_function", "function_expression", "function", "generator_function")
_DEFINITIONS = ("function_declaration", "generator_function_declaration", "variable_declarator", "method_definition",
                "pair", "field_definition", "public_field_definition")
_NAMES = ("identifier", "property_identifier", "shorthand_property_identifier", "string")
_SCRIPTS = (".js", ".ts", ".jsx", ".tsx", ".mjs", ".cjs")
_WORD = lazy(r"[\w$]+")  # an identifier-shaped word: \w is str.isalnum() and _


def with_own_helpers(found: FileFacts, root: Node, language: Language, line_offset: int = 0,
                     classes: bool = True) -> FileFacts:
    """``found`` (the facts of the script at ``root``, lines shifted by ``line_offset``) without the uses inside
    component methods nothing calls (``readers/uncalled.py``; only when the script may declare a class:
    ``classes``), with its own helpers that hold one of its API or project calls (:func:`own_helpers`)."""
    lines = [f.line for f in found.facts if f.kind == "api"] + [call[2] for call in found.imported_calls]
    helpers = own_helpers(root, language, lines, line_offset) if lines else ()  # those uncalled ones' too: dormant
    found = without_uncalled(found, root, language, line_offset) if classes else found
    idle = unnamed_functions(root, language, helpers, line_offset) if helpers else ()
    return replace(found, helpers=helpers, idle=found.idle + idle) if helpers else found


def unnamed_functions(root: Node, language: Language, helpers: tuple[Helper, ...],
                      line_offset: int = 0) -> tuple[tuple[int, int], ...]:
    """The line ranges (with ``line_offset``) of those ``helpers`` of the script at ``root`` that are functions of
    its own, not members (``const load = async () => {…}`` in a ``<script setup>``, a page module's ``function
    locate() {…}``), and that the script never names outside their body: only a comment calls them (``// load(id)``).
    Not exported, nothing outside the file can name them either; a single-file component's other blocks may
    (``@tap="load"``: ``facts/extract.py`` asks them). ``FileFacts.idle`` keeps them (facts/scope.py)."""
    unnamed = {(first, last) for _name, first, last, named in helpers if not named}
    if not unnamed:
        return ()
    return tuple(sorted(span for _name, _n, node in _definitions(root, language) if not _is_method(node)
                        and (span := (node.start_point[0] + 1 + line_offset, node.end_point[0] + 1 + line_offset))
                        in unnamed))


def own_helpers(root: Node, language: Language, lines: Iterable[int], line_offset: int = 0) -> tuple[Helper, ...]:
    """The helpers of the script at ``root`` that hold one of ``lines`` (1-based, with ``line_offset`` added: the
    lines of its API and project calls), each with the lines where the script names it outside its own body."""
    wanted = sorted(set(lines))
    found = []
    for name, name_node, node in _definitions(root, language):
        first, last = node.start_point[0] + 1 + line_offset, node.end_point[0] + 1 + line_offset
        nearest = bisect_left(wanted, first)  # the first wanted line at or after the helper's start
        if nearest < len(wanted) and wanted[nearest] <= last:
            found.append((name, name_node, node, first, last))
    if not found:
        return ()
    mentions = _mentions(root, language, {name for name, *_ in found}, {n.byte_range for _, n, *_ in found})
    return tuple((name, first, last, tuple(sorted({row + 1 + line_offset for at, row, member in mentions.get(name, ())
                                                   if member == _is_method(node)
                                                   and not node.start_byte <= at < node.end_byte})))
                 for name, _, node, first, last in found)


def _is_method(node: Node) -> bool:
    """Whether a helper is a member (``this.x()`` reaches it), not a function a bare ``x()`` reaches."""
    return node.type not in ("function_declaration", "generator_function_declaration", "variable_declarator")


def names_in(text: str, path: str, names: set[str]) -> set[str]:
    """Those of ``names`` another file of the app (``text`` at ``path``) may call: a script's references
    (``app.getProfile()``, ``this.locate``), a WXML template's event bindings; a single-file component's of
    both, its other blocks' words; any other file is read as naming every one of them (unknown is never taken for
    uncalled). Never raises on malformed code."""
    if not text:
        return set()
    suffix = posixpath.splitext(path)[1].lower()
    if suffix in _SCRIPTS:
        return _named_by_script(text, path, names)
    if suffix == ".wxml":
        return {b.handler for b in template_bindings(text)[0]} & names
    if path.endswith(SFC_SUFFIXES):
        out: set[str] = set()
        for block in split_blocks(text):
            if block.tag == "script":
                out |= _named_by_script(block.text, path + ".ts" if block.attrs.get("lang") == "ts" else path + ".js",
                                        names)
            else:
                out |= words(block.text) & names
        return out
    return set(names)


def own_members(text: str, path: str, names: set[str]) -> set[str]:
    """Those of ``names`` the script ``text`` at ``path`` defines as its own method (a page's ``doUpload``, a
    component's): its ``this.doUpload()`` runs that one, not another page's method of the same name. Never raises."""
    if not text or posixpath.splitext(path)[1].lower() not in _SCRIPTS:
        return set()
    language = language_for(path)
    root = parse(language, text.encode("utf-8", "surrogatepass")).root_node
    return {name for name, _n, node in _definitions(root, language) if name in names and _is_method(node)}


def words(text: str) -> set[str]:
    """The identifier-shaped words of a template or other block (``@tap="getProfile"``, ``{{ locate() }}``): runs of
    characters that are alphanumeric (``str.isalnum``), ``_`` or ``$``, found by one regular expression (:data:`_WORD`)
    rather than a Python loop over each character."""
    return set(_WORD.findall(text))


def _named_by_script(text: str, path: str, names: set[str]) -> set[str]:
    language = language_for(path)
    root = parse(language, text.encode("utf-8", "surrogatepass")).root_node
    return {name for name, found in _mentions(root, language, names, set()).items() if found}


def _definitions(root: Node, language: Language) -> Iterator[tuple[str, Node, Node]]:
    """(name, name node, definition node) of each helper ``root`` defines (module docstring)."""
    for node in nodes_of(root, language, _DEFINITIONS):
        if node.type in ("function_declaration", "generator_function_declaration", "variable_declarator"):
            name_node = node.child_by_field_name("name")
            value = node.child_by_field_name("value")
            if node.type == "variable_declarator" and (value is None or value.type not in _FUNCTIONS):
                continue
            if _exported(node):
                continue
        else:
            name_node = node.child_by_field_name("key") or node.child_by_field_name("name") \
                or node.child_by_field_name("property")
            value = node.child_by_field_name("value")
            if node.type != "method_definition" and (value is None or value.type not in _FUNCTIONS):
                continue
            if not _member_of_options_or_class(node):
                continue
        if name_node is None or name_node.type not in ("identifier", "property_identifier"):
            continue
        name = node_text(name_node)
        if name in _RUN_BY_FRAMEWORK or name.startswith(("on", "component")):
            continue
        yield name, name_node, node


def _exported(node: Node) -> bool:
    """Whether a declaration is exported (``export function``, ``export const f = …``)."""
    current = node.parent
    while current is not None and current.type in ("lexical_declaration", "variable_declaration"):
        current = current.parent
    return current is not None and current.type == "export_statement"


def _member_of_options_or_class(node: Node) -> bool:
    """Whether a method or function-valued member belongs to a class body, to the options of a ``Page`` /
    ``App`` / ``Component`` call or an ``export default {…}``, or to their ``methods: {…}``."""
    holder = node.parent
    if holder is None:
        return False
    if holder.type == "class_body":
        return True
    return holder.type == "object" and (_options(holder) or (
        holder.parent is not None and holder.parent.type == "pair"
        and (string_value(key) if (key := holder.parent.child_by_field_name("key")) is not None
             and key.type == "string" else node_text(key)) == "methods"
        and holder.parent.parent is not None and _options(holder.parent.parent)))


def _options(obj: Node) -> bool:
    """Whether an object literal is the options of an entry call (``Page({…})``) or an ``export default {…}``."""
    parent = obj.parent
    if parent is None:
        return False
    if parent.type == "export_statement":
        return True
    return parent.type == "arguments" and parent.parent is not None and \
        node_text(parent.parent.child_by_field_name("function")) in _ENTRY_CALLS


def _mentions(root: Node, language: Language, names: set[str],
              definitions: set[tuple[int, int]]) -> dict[str, list[tuple[int, int, bool]]]:
    """name → (byte offset, 0-based row, whether through a member) of each place ``root`` names one of ``names``: a
    member's property (``this.x``, ``that.x``; not one of the platform's or an imported module's) or ``this['x']``
    (a method's callers), an identifier (not the definitions' own name nodes) or a shorthand ``{ x }`` (a
    function's). An object key or a method's own name is none."""
    foreign = {prop.byte_range for prop in foreign_members(root, language)}
    out: dict[str, list[tuple[int, int, bool]]] = {}
    for node in nodes_of(root, language, _NAMES):
        if node.byte_range in definitions or node.byte_range in foreign:
            continue
        parent = node.parent
        if node.type == "string":
            if parent is None or parent.type != "subscript_expression":
                continue
            text = string_value(node) or ""
        elif node.type == "property_identifier":
            if parent is None or parent.type != "member_expression" or \
                    parent.child_by_field_name("property") != node:
                continue
            text = node_text(node)
        else:
            text = node_text(node)
        if text in names:
            out.setdefault(text, []).append((node.start_byte, node.start_point[0],
                                             node.type in ("string", "property_identifier")))
    return out
