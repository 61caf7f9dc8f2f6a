"""Methods of a component class that nothing calls: their API calls are not uses of the app.

A Taro / React class component (``class App extends Component``) or a WePY 1.x page (``extends wepy.page``)
runs its lifecycle hooks itself; its other methods run only when something names them — ``this.locate()``,
``onClick={this.locate}``, ``this['locate']``. When the change comments out the only ``this.locate()``, the
``wx.getLocation`` inside ``locate`` no longer runs, so moving that call to a page is no new call site.

Only component classes (those extending ``Component``, ``PureComponent``, ``*.Component``, ``wepy.page``,
``wepy.component``, ``wepy.app``) are judged: a utility class's methods are called from other files.
Static methods, and every name a framework may call (``constructor``, ``render``, ``on*``, ``component*``,
React's other lifecycle methods), always count as called.

A Vue-shaped page (uni-app, mpvue, mpx: ``export default { methods: { … } }``, ``createPage({ methods })``) runs
a ``methods`` entry only when its template binds it (``@tap="pick"``) or its script names it (``this.pick()``):
an entry whose name the whole file (template, script, other blocks) writes nowhere else is uncalled there; so is
a ``computed`` entry no binding or script reads (a web-view's ``src`` whose tag is commented out), markup
comments left out of the count, and so are the words of a script's string that spells a path or a URL (``url:
'/shop/pay'`` names an endpoint, not the page's ``pay`` method). In both, a member of the platform's namespace or of
a module the script imports (``Util.openLink(link)``, ``wx.scanCode()``) names that API or function, not the page's
own method of the same name: ``openLink(link) { Util.openLink(link) }`` whose only binding is commented out is
uncalled. Such entries' line ranges are kept with the facts (``FileFacts.idle``); only on a registered page are
their uses and hosts dropped (facts/scope.py): a component's method may be called by its parent through a ``ref``,
from another file.
A file whose template lives in another file (``<template src>``) is not judged.

In: a parsed file's root node and its grammar (and, for :func:`without_uncalled`, the facts read from it).
Out: the 1-based line ranges of the uncalled methods; the facts without the API uses inside them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from msgspec.structs import replace
from tree_sitter import Language, Node

from mp_precheck.core.recache import compiled
from mp_precheck.facts.model import FileFacts
from mp_precheck.readers.foreignmembers import foreign_members
from mp_precheck.readers.sfc import Block
from mp_precheck.readers.syntax import language_for, node_text, nodes_of, parse, string_value

_COMPONENT_BASES = ("component", "purecomponent", "page", "app")
_FRAMEWORK_NAMES = frozenset({"constructor", "render", "shouldComponentUpdate", "getSnapshotBeforeUpdate",
                              "getDerivedStateFromProps", "getDerivedStateFromError", "getChildContext",
                              "UNSAFE_componentWillMount", "UNSAFE_componentWillReceiveProps",
                              "UNSAFE_componentWillUpdate"})
_MEMBER_TYPES = ("method_definition", "field_definition", "public_field_definition")
_FUNCTIONS = ("arrow_function", "function_expression", "function")
_NAMES = ("identifier", "property_identifier", "shorthand_property_identifier", "string")
# The option groups of a Vue-shaped page whose entries run only when named: methods a binding or a call runs,
# computed values a binding or the script reads (https://vuejs.org/api/options-state.html).
_OPTION_GROUPS = ("methods", "computed")
_WORD = compiled(r"[\w$]+")
_Helper = tuple[str, int, int, tuple[int, ...]]  # readers/ownhelpers.py Helper: name, first line, last line, namings


def uncalled_methods(root: Node, language: Language) -> list[tuple[int, int]]:
    """(first line, last line) of each method of a component class in ``root`` that the file never names (a member
    of the platform's namespace or of an imported module named like it is none: readers/foreignmembers.py)."""
    members = [(name, node) for node in nodes_of(root, language, _MEMBER_TYPES)
               if (name := _candidate(node)) is not None]
    if not members:
        return []
    named: dict[str, int] = {}
    foreign = {prop.byte_range for prop in foreign_members(root, language)}
    for node in nodes_of(root, language, _NAMES):
        if node.byte_range in foreign:
            continue  # ``api.locate()`` calls the imported module's function, not the component's ``locate``
        if node.type == "string":
            parent = node.parent
            if parent is None or parent.type != "subscript_expression":
                continue  # only this['name'] names a method; a string elsewhere is data
            text = string_value(node) or ""
        else:
            text = node_text(node)
        named[text] = named.get(text, 0) + 1
    # Each member's own name node is one mention: more than that means something names it.
    return [(node.start_point[0] + 1, node.end_point[0] + 1) for name, node in members if named.get(name, 0) <= 1]


def without_uncalled(found: FileFacts, root: Node, language: Language, line_offset: int = 0) -> FileFacts:
    """``found`` (the facts of the file at ``root``) without the API uses and wrapper calls inside component
    methods nothing calls; ``line_offset`` is the one the facts' lines carry (a script block in a .vue)."""
    return without_ranges(found, [(a + line_offset, b + line_offset) for a, b in uncalled_methods(root, language)])


def without_ranges(found: FileFacts, dead: Sequence[tuple[int, int]], hosts: bool = False,
                   keep: frozenset[str] = frozenset()) -> FileFacts:
    """``found`` without its API uses and wrapper calls on lines inside one of the ``dead`` ranges; with
    ``hosts``, without the hosts written there too (a URL code that never runs builds no request). Facts whose
    subject is in ``keep`` stay wherever they are (a secret in code that never runs still ships)."""
    if not dead:
        return found
    kinds = ("api", "host") if hosts else ("api",)

    def live(line: int) -> bool:
        return not any(a <= line <= b for a, b in dead)
    return replace(found, facts=tuple(f for f in found.facts
                                      if f.kind not in kinds or f.subject in keep or live(f.line)),
                   imported_calls=tuple(c for c in found.imported_calls if live(c[2])),
                   scoped_calls=tuple(c for c in found.scoped_calls if live(c[2])))


def uncalled_options_methods(root: Node, language: Language, whole: str) -> list[tuple[int, int]]:
    """(first line, last line) of each ``methods: { … }`` or ``computed: { … }`` entry in the script at ``root``
    whose name the whole single-file component text ``whole`` writes only once (its own definition), leaving out
    what its markup comments hold: a binding in a commented-out tag (``<!-- <web-view :src="src"> -->``) runs
    nothing; nor does a member of the platform's namespace or of an imported module the script names
    (``Util.openLink(link)`` inside the page's own ``openLink(link)``: readers/foreignmembers.py)."""
    out = []
    live = _without_markup_comments(whole)
    words = named_words(root, language, whole)
    for pair in nodes_of(root, language, ("pair",)):
        key = pair.child_by_field_name("key")
        value = pair.child_by_field_name("value")
        if key is None or value is None or value.type != "object" or \
                (string_value(key) or node_text(key)) not in _OPTION_GROUPS:
            continue
        for member in value.named_children:
            name = _options_method(member)
            if name is not None and _mentions(name, live, words) <= 1:
                out.append((member.start_point[0] + 1, member.end_point[0] + 1))
    return out


def named_words(root: Node, language: Language, whole: str) -> Counter[str]:
    """How often the single-file component text ``whole`` writes each word (``[\\w$]+``) as a name of its own: its
    markup comments and the script's comments (``// this.load(id)``) left out, and the members of the platform's
    namespace or of an imported module the script at ``root`` names (``Util.openLink``: readers/foreignmembers.py)."""
    return _word_counts(_without_markup_comments(whole)) - Counter(
        node_text(prop) for prop in foreign_members(root, language)) - _path_words(root, language) - Counter(
        word for comment in nodes_of(root, language, ("comment",)) for word in _WORD.findall(node_text(comment)))


def unnamed_in_other_blocks(blocks: Sequence[Block], block: Block, helpers: Sequence[_Helper],
                            unnamed: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Those ``unnamed`` line ranges (functions of its own the script ``block`` never names:
    readers/ownhelpers.py ``unnamed_functions``; ``helpers`` gives their names) whose name no other block of the
    single-file component ``blocks`` writes either, markup comments left out: a ``<script setup>`` function whose
    only call is commented out (``// onLoad(() => load(id))``), and no binding (``@tap="load"``) runs."""
    if not unnamed:
        return []
    other = _word_counts("\n".join(_without_markup_comments(b.text) for b in blocks if b is not block))
    return [(first, last) for name, first, last, _named in helpers if (first, last) in unnamed and not other[name]]


def _path_words(root: Node, language: Language) -> Counter[str]:
    """How often the script at ``root`` writes each word inside the text of a string that spells a path or a URL
    (``'https://api.example.com/v1/pay'``, the ``/orders/`` of a template string): an endpoint's or a route's
    words, never a mention of a method of the page that happens to be named like one of them."""
    fragments = [child for node in nodes_of(root, language, ("string", "template_string"))
                 for child in node.children if child.type == "string_fragment"]
    return Counter(word for fragment in fragments if "/" in (text := node_text(fragment))
                   for word in _WORD.findall(text))


def _word_counts(text: str) -> Counter[str]:
    """How often each maximal run of identifier characters (``[\\w$]+``) occurs in ``text``."""
    return Counter(_WORD.findall(text))


def _mentions(name: str, text: str, words: Counter[str]) -> int:
    """How often ``name`` occurs in ``text`` with no identifier character on either side; ``words`` is
    :func:`_word_counts` of ``text``."""
    # A name made only of identifier characters occurs bounded exactly where a whole run equals it: one count
    # of all runs serves every entry, where a search per entry made a page of many methods quadratic.
    if _WORD.fullmatch(name):
        return words[name]
    # A name with another character (an escape, a mark \w lacks) can straddle runs: search for it alone.
    return len(re.findall(r"(?<![\w$])" + re.escape(name) + r"(?![\w$])", text))


def _without_markup_comments(text: str) -> str:
    """``text`` without its ``<!-- … -->`` comments (an unclosed one runs to the end), lines kept."""
    out, at = [], 0
    while (start := text.find("<!--", at)) >= 0:
        end = text.find("-->", start + 4)
        stop = len(text) if end < 0 else end + 3
        out.append(text[at:start] + "\n" * text.count("\n", start, stop))
        at = stop
    out.append(text[at:])
    return "".join(out)


def _options_method(member: Node) -> str | None:
    """The name of a function in a ``methods`` object (``pick() {}``, ``pick: function () {}``, ``pick: () =>``),
    or None (a spread, a computed key, a hook name a framework calls)."""
    if member.type == "method_definition":
        name_node = member.child_by_field_name("name")
    elif member.type == "pair" and (value := member.child_by_field_name("value")) is not None \
            and value.type in _FUNCTIONS:
        name_node = member.child_by_field_name("key")
    else:
        return None
    if name_node is None or name_node.type != "property_identifier":
        return None
    name = node_text(name_node)
    return None if name.startswith("on") else name


def idle_options_methods(script: str, path: str, whole: str, line_offset: int = 0) -> tuple[tuple[int, int], ...]:
    """The line ranges (shifted by ``line_offset``) of the ``methods`` entries of the script block ``script`` (named
    for its language as in ``a.vue.ts``) that the whole single-file component text ``whole`` never names (module
    docstring). Never raises on malformed code."""
    if "methods" not in script and "computed" not in script:
        return ()
    language = language_for(path)
    root = parse(language, script.encode("utf-8", "surrogatepass")).root_node
    return tuple((a + line_offset, b + line_offset) for a, b in uncalled_options_methods(root, language, whole))


def _candidate(member: Node) -> str | None:
    """The name of a method (or function-valued field) of a component class that only a call could run."""
    body = member.parent
    cls = body.parent if body is not None and body.type == "class_body" else None
    if cls is None or not _is_component(cls):
        return None
    if any(child.type == "static" or node_text(child) == "static" for child in member.children):
        return None
    if member.type != "method_definition":
        value = member.child_by_field_name("value")
        if value is None or value.type not in _FUNCTIONS:
            return None
    name_node = member.child_by_field_name("name") or member.child_by_field_name("property")
    if name_node is None or name_node.type not in ("property_identifier", "identifier"):
        return None
    name = node_text(name_node)
    if name in _FRAMEWORK_NAMES or name.startswith(("on", "component")):
        return None
    return name


def _is_component(cls: Node) -> bool:
    """Whether a class extends a component base of Taro / React / WePY."""
    heritage = next((c for c in cls.named_children if c.type == "class_heritage"), None)
    if heritage is None:
        return False
    base = node_text(heritage).removeprefix("extends").strip().split("<", 1)[0].split(".")[-1].strip().lower()
    return base in _COMPONENT_BASES
