"""Event bindings of a template and the names a script defines, for telling a dead control from a live one.

A binding is ``bindtap="onBuy"`` (WXML: ``bind``/``catch``/``bind:``/``catch:``/``capture-*``/``mut-bind``) or
``@tap="onBuy"`` / ``@click="onBuy(item)"`` / ``v-on:click`` (Vue-style templates); the handler is the literal
name, or the callee of a Vue call expression (read with tree-sitter). Dynamic handlers (``{{ }}``, member
expressions, ``$emit``…) and bindings inside ``<template name>`` blocks (resolved where the template is used)
give no binding: unknown is never guessed at.

A script's definitions are every name it could hold a handler under — methods, object keys, variables,
functions, class fields, imports, ``this.x =`` assignments and string literals (``this[name]``) — and whether
something the file cannot show could add more: a spread into an object, ``Object.assign``, ``behaviors`` /
``mixins`` that are not project modules, or a ``Page``/``Component`` call whose options are not an object
literal. Sources: https://developers.weixin.qq.com/miniprogram/dev/framework/view/wxml/event.html and
https://developers.weixin.qq.com/miniprogram/dev/framework/custom-component/behaviors.html
"""

from __future__ import annotations

from functools import lru_cache
from html.parser import HTMLParser

from msgspec import Struct, field
from tree_sitter import Language, Node

from mp_precheck.readers.htmlfeed import feed_shared
from mp_precheck.readers.inherited import CLASSES, base_class
from mp_precheck.readers.markup import is_event_attribute
from mp_precheck.readers.specifiers import is_alias_candidate, is_project_spec
from mp_precheck.readers.syntax import language_for, node_text, nodes_of, parse, parser_for, string_value, walk

# catch-bindings often only stop propagation (a mask's catchtouchmove="noop"): their name is no handler.
_NO_OP = frozenset({"noop", "stop", "prevent", "nothing", "empty", "true", "false", "return", "void",
                    "stoppropagation", "preventdefault", "catchtouchmove", "preventtouchmove", "move", "stopmove"})
# Events a user triggers on purpose: a missing handler there is a control that does nothing. A missing handler of
# error / load / touch / scroll events is a defect too, but not one a reviewer meets as a dead control.
USER_EVENTS = frozenset({"tap", "click", "longpress", "longtap", "submit", "confirm", "change", "getphonenumber",
                         "getrealtimephonenumber", "getuserinfo", "chooseavatar", "opensetting", "contact",
                         "agreeprivacyauthorization"})
_EVENT_PREFIXES = ("capture-bind:", "capture-catch:", "mut-bind:", "bind:", "catch:", "v-on:", "@", "bind", "catch",
                   "on")
_ENTRY_CALLS = frozenset({"Page", "Component", "App", "Behavior", "createPage", "createComponent", "createApp",
                          "defineComponent", "Vue.extend"})
_MIXIN_KEYS = frozenset({"behaviors", "mixins", "extends"})
_HANDLER_KEYS = frozenset({"methods", "computed", "lifetimes", "pageLifetimes", "setup"})
_BINDERS = frozenset({"variable_declarator", "import_specifier", "import_clause", "namespace_import", "array_pattern"})
# Base classes whose subclasses hold their own handlers (React / Taro / WePY); any other base may add methods.
KNOWN_BASES = frozenset({"Component", "React.Component", "PureComponent", "React.PureComponent", "Taro.Component",
                          "Taro.PureComponent", "wepy.page", "wepy.component", "wepy.app", "wepy.mixin"})
# WePY 1.x binds a template's events to its ``methods`` (and its mixins') only: what else lands on ``this`` is no
# handler (https://wepyjs.github.io/wepy-docs/1.x/, "methods 属性").
_WEPY_BASES = frozenset({"wepy.page", "wepy.component", "wepy.mixin", "wepy.app"})


class Binding(Struct, frozen=True):
    """``handler`` bound by attribute ``attribute`` at 1-based ``line`` of a template."""

    handler: str
    attribute: str
    line: int


class Definitions(Struct):
    """Names a script defines; ``open`` when code it cannot show may define more; ``imports`` the project
    modules its behaviors / mixins come from (module specifiers, to be read by the caller)."""

    names: set[str] = field(default_factory=set)
    open: bool = False
    imports: list[str] = field(default_factory=list)


class _Bindings(HTMLParser):
    def __init__(self, line_offset: int, vue: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.line_offset = line_offset
        self.vue = vue
        self.bindings: list[Binding] = []
        self.scoped: set[str] = set()  # names a v-for / slot scope binds (a handler may be one of them)
        self.template_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "template" and any(name == "name" for name, _ in attrs):
            self.template_depth += 1
        line = self.getpos()[0] + self.line_offset
        for name, value in attrs:
            if name.startswith(("v-for", "v-slot", "slot-scope", "#", "scope")) and value:
                self.scoped |= _identifiers(value.replace(" in ", ",").replace(" of ", ","))
            if self.template_depth or value is None or not is_event_attribute(name) or \
                    event_of(name) not in USER_EVENTS:
                continue
            handler = self._handler(name, value.strip())
            if handler and not (name.startswith("catch") and handler.lower() in _NO_OP):
                self.bindings.append(Binding(handler, name, line))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "template" and self.template_depth:
            self.template_depth -= 1

    def _handler(self, name: str, value: str) -> str | None:
        if not value or "{{" in value:
            return None
        if name.startswith(("@", "v-on:")) or self.vue:
            return vue_handler(value)
        return value if value.isidentifier() else None


def event_of(attribute: str) -> str:
    """The event an attribute binds, lower case: ``bindtap`` / ``catch:tap`` / ``@tap.stop`` / ``v-on:click`` /
    ``onClick`` → ``tap`` / ``tap`` / ``tap`` / ``click`` / ``click``."""
    name = attribute.split(".", 1)[0]
    for prefix in _EVENT_PREFIXES:
        if name.startswith(prefix):
            return name[len(prefix):].lower()
    return name.lower()


def template_bindings(text: str, line_offset: int = 0, vue: bool = False) -> tuple[list[Binding], set[str]]:
    """The event bindings of a WXML or Vue-style template, and the names its scopes (``v-for``, slots) bind.
    Never raises on malformed markup."""
    bindings, scoped = _bindings_of(text, line_offset, vue)
    return list(bindings), set(scoped)


@lru_cache(maxsize=32)  # the auth, tap and dead-control readers each read the same changed template again
def _bindings_of(text: str, line_offset: int, vue: bool) -> tuple[tuple[Binding, ...], frozenset[str]]:
    """:func:`template_bindings`, once per (text, offset, dialect)."""
    parser = _Bindings(line_offset, vue)
    feed_shared(parser, text)
    return tuple(parser.bindings), frozenset(parser.scoped)


def vue_handler(expression: str) -> str | None:
    """``onTap`` of ``onTap`` or ``onTap(item, $event)``; None for anything else (``show = true``, ``$emit(…)``)."""
    root = parser_for("x.js").parse(expression.encode("utf-8", "surrogatepass")).root_node
    if root.has_error or len(root.named_children) != 1 or root.named_children[0].type != "expression_statement":
        return None
    node = root.named_children[0].named_children[0] if root.named_children[0].named_children else None
    if node is not None and node.type == "call_expression":
        node = node.child_by_field_name("function")
    if node is None or node.type != "identifier" or node_text(node).startswith("$"):
        return None
    return node_text(node)


def _identifiers(expression: str) -> set[str]:
    root = parser_for("x.js").parse(f"({expression})".encode("utf-8", "surrogatepass")).root_node
    return {node_text(n) for n in walk(root) if n.type in ("identifier", "shorthand_property_identifier_pattern")}


# The node types script_definitions reads (a walk of the whole tree in Python cost more than the rest of it).
_DEFINING_TYPES = ("method_definition", "function_declaration", "class_declaration", "generator_function_declaration",
                   "pair", "shorthand_property_identifier", "shorthand_property_identifier_pattern", "identifier",
                   "field_definition", "public_field_definition", "string", "template_string",
                   "assignment_expression", "spread_element", "call_expression", "export_statement", "class")


def script_definitions(text: str, path: str, setup: bool = False) -> Definitions:
    """The names the script ``text`` (at ``path``, which picks JS or TS) defines; see the module docstring.
    ``setup`` marks a Vue ``<script setup>`` block, whose top-level bindings are the template's."""
    language = language_for(path)
    root = parse(language, text.encode("utf-8", "surrogatepass")).root_node
    found = Definitions()
    entries = 1 if setup else 0
    for node in nodes_of(root, language, _DEFINING_TYPES):  # found in C, in the order of a walk
        kind = node.type
        if kind in ("method_definition", "function_declaration", "class_declaration", "generator_function_declaration"):
            found.names.add(node_text(node.child_by_field_name("name")))
        elif kind == "pair":
            found.names.add(node_text(node.child_by_field_name("key")).strip("'\"`"))
            _mixins(node.child_by_field_name("key"), node.child_by_field_name("value"), found, language)
        elif kind in ("shorthand_property_identifier", "shorthand_property_identifier_pattern") or (
                kind == "identifier" and node.parent is not None and node.parent.type in _BINDERS):
            found.names.add(node_text(node))
        elif kind in ("field_definition", "public_field_definition"):
            key = node.child_by_field_name("property") or node.child_by_field_name("name")
            found.names.add(node_text(key))
            _mixins(key, node.child_by_field_name("value"), found, language)  # WePY 1.x: mixins = [a]
        elif kind in ("string", "template_string"):
            value = string_value(node)
            if value and value.isidentifier():
                found.names.add(value)  # this[name](), a props array: the handler may be named here
        elif kind == "assignment_expression":
            _assigned(node, found)
        elif kind == "spread_element" and _holds_handlers(node.parent):
            found.open = True  # Page({ ...mixin }), methods: { ...mapActions([...]) }: names the file cannot show
        elif kind == "call_expression":
            entries += _entry_call(node, found)
        elif kind == "export_statement" and any(c.type == "object" for c in node.named_children):
            entries += 1  # export default { methods: {…} } (Vue, uni-app)
        if kind in ("class_declaration", "class"):
            entries += _class_entry(node, found)
    if entries == 0:
        found.open = True  # no Page / Component / export the options are read from: a framework wrapper
    return found


def _holds_handlers(obj: Node | None) -> bool:
    """Whether an object literal is where handlers live: the options of a Page / Component / export default,
    or the value of ``methods`` / ``computed`` (an option or a class field; a spread into any other object,
    ``{ ...item }``, is data)."""
    if obj is None or obj.type != "object" or obj.parent is None:
        return False
    parent = obj.parent
    if parent.type == "pair":
        return node_text(parent.child_by_field_name("key")).strip("'\"") in _HANDLER_KEYS
    if parent.type in ("field_definition", "public_field_definition"):  # WePY 1.x: methods = { ...shared }
        key = parent.child_by_field_name("property") or parent.child_by_field_name("name")
        return node_text(key) in _HANDLER_KEYS
    if parent.type == "export_statement":
        return True
    if parent.type == "arguments" and parent.parent is not None:
        return node_text(parent.parent.child_by_field_name("function")) in _ENTRY_CALLS
    return False


def _assigned(node: Node, found: Definitions) -> None:
    left = node.child_by_field_name("left")
    if left is None:
        return
    if left.type == "member_expression":
        found.names.add(node_text(left.child_by_field_name("property")))
    elif left.type == "subscript_expression" and _may_name_handler(left.child_by_field_name("object")):
        found.open = True  # this[name] = …: any name
    elif left.type == "identifier":
        found.names.add(node_text(left))


def _may_name_handler(target: Node | None) -> bool:
    """Whether ``target[key] = …`` may put a handler on the page: a subscript of ``this``, of a plain name
    (``that``, ``page``, an array) or of ``….methods``; ``this.form[key]`` / ``this.data.list[i]`` write data."""
    if target is None or target.type in ("this", "identifier"):
        return True
    return target.type == "member_expression" and node_text(target.child_by_field_name("property")) == "methods"


def _assigns_wepy_data(call: Node) -> bool:
    """Whether ``call`` is ``Object.assign(this, …)`` in a WePY 1.x class, whose handlers live in ``methods``."""
    args = call.child_by_field_name("arguments")
    if args is None or not args.named_children or args.named_children[0].type != "this":
        return False
    node = call.parent
    while node is not None and node.type not in CLASSES:
        node = node.parent
    return node is not None and base_class(node) in _WEPY_BASES


def _entry_call(node: Node, found: Definitions) -> int:
    """1 when ``node`` is a Page / Component / createPage… call (options read from its object), else 0."""
    callee = node_text(node.child_by_field_name("function"))
    if callee.endswith(".mixin") or (callee == "Object.assign" and not _assigns_wepy_data(node)):
        found.open = True
        return 0
    if callee not in _ENTRY_CALLS:
        return 0
    args = node.child_by_field_name("arguments")
    first = args.named_children[-1] if args is not None and args.named_children else None
    if first is None or first.type != "object":
        found.open = True  # Page(withStore({...})): the wrapper may add methods
    return 1


def _class_entry(node: Node, found: Definitions) -> int:
    """1 for a class component; a base class other than React's / Taro's / WePY's leaves the names open."""
    if not any(c.type == "class_heritage" for c in node.named_children):
        return 0
    if base_class(node) not in KNOWN_BASES:
        found.open = True
    return 1


def _mixins(key: Node | None, value: Node | None, found: Definitions, language: Language) -> None:
    """``behaviors: [a, b]`` / ``mixins: [...]`` (an option, or a WePY 1.x class field ``mixins = [a]``,
    https://wepyjs.github.io/wepy-docs/1.x/, "Mixin 混合"): built-in ``wx://`` behaviors add no handlers; project
    modules, and names a build alias may give one (``@mixins/x``), are read by the caller; anything else (an npm
    behavior, a computed list) leaves the names open."""
    if key is None or node_text(key).strip("'\"") not in _MIXIN_KEYS:
        return
    items = value.named_children if value is not None and value.type == "array" else [value]
    for item in items:
        literal = string_value(item) if item is not None and item.type == "string" else None
        if literal is not None and literal.startswith("wx://"):
            continue
        spec = _import_of(item, key, language) if item is not None and item.type == "identifier" else None
        if spec is None or not (is_project_spec(spec) or is_alias_candidate(spec)):
            found.open = True
        else:
            found.imports.append(spec)


def _import_of(identifier: Node, anywhere: Node, language: Language) -> str | None:
    """The module specifier ``identifier`` is imported or required from in its file (parsed with ``language``),
    or None."""
    root = anywhere
    while root.parent is not None:
        root = root.parent
    name = node_text(identifier)
    for node in nodes_of(root, language, ("import_statement", "variable_declarator")):
        if node.type == "import_statement":
            clause = next((c for c in node.children if c.type == "import_clause"), None)
            if clause is not None and any(n.type == "identifier" and node_text(n) == name for n in walk(clause)):
                source = node.child_by_field_name("source")
                return string_value(source) if source is not None else None
        elif node.type == "variable_declarator" and node_text(node.child_by_field_name("name")) == name:
            value = node.child_by_field_name("value")
            if value is not None and value.type == "call_expression" and \
                    node_text(value.child_by_field_name("function")) == "require":
                args = value.child_by_field_name("arguments")
                first = args.named_children[0] if args is not None and args.named_children else None
                return string_value(first) if first is not None and first.type == "string" else None
            return None
    return None


def js_names(text: str, path: str) -> set[str]:
    """Every identifier-like name a script mentions (identifiers, properties, keys): a cheap superset check."""
    root = parse(language_for(path), text.encode("utf-8", "surrogatepass")).root_node
    return {node_text(n) for n in walk(root)
            if n.type in ("identifier", "property_identifier", "shorthand_property_identifier")}


def assigns_global(text: str, path: str, names: frozenset[str] = frozenset({"Page", "Component"})) -> bool:
    """Whether the script replaces the global ``Page`` / ``Component`` (``Page = function (options) {…}``): a
    global wrapper that can add methods to every page."""
    language = language_for(path)
    root = parse(language, text.encode("utf-8", "surrogatepass")).root_node
    for node in nodes_of(root, language, ("assignment_expression",)):
        left = node.child_by_field_name("left")
        target = node_text(left.child_by_field_name("property")) if left is not None and \
            left.type == "member_expression" else node_text(left)
        if target in names:
            return True
    return False


def calls_mixin(text: str, path: str) -> bool:
    """Whether the script installs a global mixin (``Vue.mixin({...})``, ``app.mixin(...)``)."""
    language = language_for(path)
    root = parse(language, text.encode("utf-8", "surrogatepass")).root_node
    return any(node_text(node.child_by_field_name("function")).endswith(".mixin")
               for node in nodes_of(root, language, ("call_expression",)))
