"""The wrappers a JS/TS file offers to others: which catalog subjects each of its exported functions,
object methods and class (static) methods calls, and which members of the ``App({...})`` object are
project modules (read back through ``getApp()``, https://developers.weixin.qq.com/miniprogram/dev/reference/api/getApp.html).

In: a parsed file's root node, the facts already extracted from it, and how to turn a node into a line.
Out: ``{name: Export}`` — names as call sites spell them (``uploadFile``, ``api.upload``,
``WxUtils.chooseImage`` and ``chooseImage``, ``HTTP.uploadFile`` for an object inside ``App({...})``)
— and ``{App member: module specifier}``. A function that calls another wrapper of the same file
counts that one's subjects when it calls none itself, so ``image() { return this.upload(...) }`` is a
wrapper while a helper that calls APIs of its own keeps just those — through any number of such functions
(``saveAll`` → ``saveOne`` → ``send``, :mod:`~mp_precheck.readers.siblings`), whose calls of other files'
wrappers count as its own (``Export.spans``). A function that calls the API a parameter
names (``invoke: (name, ...rest) => wx[name]({...})``) is a wrapper too: its callers name the API
(``Export.named``).
"""

from __future__ import annotations

import posixpath
from bisect import bisect_left
from collections.abc import Callable, Iterator, Mapping, Sequence

from tree_sitter import Language, Node

from mp_precheck.core.recache import compiled
from mp_precheck.facts.model import Export, Fact
from mp_precheck.readers.dispatch import STATEMENT_TYPES, choices, flag_choices, named_apis
from mp_precheck.readers.handedback import handed_back
from mp_precheck.readers.instances import made_by
from mp_precheck.readers.jsbindings import VUE_ENTRIES
from mp_precheck.readers.relayedflags import relayed_flags
from mp_precheck.readers.siblings import SiblingReach
from mp_precheck.readers.storedispatch import key_name, store_options
from mp_precheck.readers.stringtests import string_tests
from mp_precheck.readers.syntax import inside, nodes_of, string_value
from mp_precheck.readers.syntax import node_text as _text
from mp_precheck.readers.tsnamespaces import NAMESPACES, declared, functions, members

_FUNCTIONS = ("arrow_function", "function_expression", "function", "generator_function")
_DECLARATIONS = ("function_declaration", "generator_function_declaration")
_CLASSES = ("class_declaration", "class", "abstract_class_declaration")


def _top_level(root: Node) -> dict[str, Node]:
    """Top-level names bound to a function, an object literal or a class (exported or not); a name bound to
    ``new Service()`` of a class above it, or to a call of a factory handing one back (``createService()``), is
    bound to that class (an instance offers its methods); a TS namespace's
    name to its block. A decorator (``@Injectable() export class Service``) is left aside."""
    out: dict[str, Node] = {}
    for node in root.named_children:
        target = (node.child_by_field_name("declaration") or node.named_children[0]) \
            if node.type == "export_statement" and node.named_children else node
        if (space := declared(node)) is not None:
            out[_text(space.child_by_field_name("name"))] = space
        elif target.type in _DECLARATIONS + _CLASSES:
            name = target.child_by_field_name("name")
            if name is not None:
                out[_text(name)] = target
        elif target.type in ("lexical_declaration", "variable_declaration"):
            for decl in target.named_children:
                name, value = decl.child_by_field_name("name"), decl.child_by_field_name("value")
                made = _instance(value, out) if value is not None else None  # an instance offers its class's methods
                value = store_options(made) or out.get(_text(made.child_by_field_name("constructor"))) \
                    if made is not None else _unwrapped(value) if value is not None else None
                if name is not None and value is not None and name.type == "identifier" and \
                        value.type in (*_FUNCTIONS, "object", *_CLASSES):
                    out[_text(name)] = value
    return out


def _instance(node: Node, top: dict[str, Node]) -> Node | None:
    """The ``new`` expression ``node`` is, or hands back as a call of a top-level factory (``createClient()``:
    readers/instances.py ``made_by``); else None."""
    if node.type == "call_expression" and _is_function(made := top.get(_text(node.child_by_field_name("function")))):
        return made_by(made) if made is not None else None
    return node if node.type == "new_expression" else None


def _unwrapped(node: Node) -> Node:
    """The function a higher-order call wraps — ``createAsyncThunk('note/create', async (data) => …)``,
    ``debounce(fn, 300)``, ``useCallback(() => …, [])`` — as what the name bound to the call does: the last
    function among its arguments; the object a call makes observable or a store of (mobx-miniprogram's
    ``observable({...})``, https://github.com/wechat-miniprogram/mobx-miniprogram-bindings; Pinia's
    ``defineStore('post', { actions })``): its last argument; any other node as it is."""
    if node.type != "call_expression":
        return node
    args = node.child_by_field_name("arguments")
    functions = [a for a in args.named_children if a.type in _FUNCTIONS] if args is not None else []
    if functions:
        return functions[-1]
    last = args.named_children[-1] if args is not None and args.named_children else None
    return last if last is not None and last.type == "object" else node


def _members(node: Node, top: dict[str, Node], nested: bool = True) -> Iterator[tuple[str, Node]]:
    """(name, function) of each method of an object literal or a class — methods of every kind (generator,
    async, static; not accessors), fields holding a function, a function wrapped by a call (``action(fn)``) —
    ``{ upload }`` and ``{ upload: upload }`` name a top-level function; ``{ actions: {...} }`` and
    ``{ Store: StoreClass }`` offer their members as ``actions.publish`` / ``Store.submit`` (one level);
    ``{ upload: utils.upload }`` names a method of a top-level object or class; a TS namespace offers what it
    exports (:mod:`~mp_precheck.readers.tsnamespaces`)."""
    if node.type in NAMESPACES:
        yield from members(node, _unwrapped, _FUNCTIONS)
        return
    if node.type in _CLASSES:
        body = node.child_by_field_name("body")
        for item in body.named_children if body is not None else ():
            if item.type == "method_definition" and not any(c.type in ("get", "set") for c in item.children):
                yield _text(item.child_by_field_name("name")), item
            elif item.type in ("field_definition", "public_field_definition"):
                field = item.child_by_field_name("property") or item.child_by_field_name("name")
                held = item.child_by_field_name("value")
                if field is not None and held is not None and _unwrapped(held).type in _FUNCTIONS:
                    yield _text(field), _unwrapped(held)
        return
    for item in node.named_children:
        if item.type == "pair":
            key, value = key_name(item.child_by_field_name("key")), item.child_by_field_name("value")
            value = _unwrapped(value) if value is not None else None
            if value is not None and value.type in _FUNCTIONS:
                yield key, value
            elif value is not None and value.type == "identifier" and _is_function(top.get(_text(value))):
                yield key, top[_text(value)]
            elif nested and value is not None and (held := _held_member(value, top)) is not None:
                yield key, held  # { uploadFile: utils.uploadFile }
            elif nested and value is not None and (inner := _holder(value, top, key)) is not None and inner is not node:
                yield from ((f"{key}.{m}", f) for m, f in _members(inner, top, nested=False))
        elif item.type == "method_definition":
            yield key_name(item.child_by_field_name("name")), item
        elif item.type == "shorthand_property_identifier" and _is_function(top.get(_text(item))):
            yield _text(item), top[_text(item)]
        elif nested and item.type == "shorthand_property_identifier" and (inner := _holder(item, top)) is not None:
            yield from ((f"{_text(item)}.{m}", f) for m, f in _members(inner, top, nested=False))


def _holder(value: Node, top: dict[str, Node], key: str = "") -> Node | None:
    """The object or class a member value names at the top level (``{ Store: StoreClass }``), or the object
    literal of a store's ``actions`` (Pinia, Vuex: https://pinia.vuejs.org/core-concepts/actions.html); else None.
    Other inline objects (an app's ``globalData``, a component's ``methods``) are no module's interface."""
    if value.type in ("identifier", "shorthand_property_identifier"):
        named = top.get(_text(value))
        return named if _holds(named) else None
    return value if value.type == "object" and key == "actions" else None


def _held_member(value: Node, top: dict[str, Node]) -> Node | None:
    """The method ``utils.uploadFile`` names when ``utils`` is a top-level object literal or class of the same
    file (``const utils = { uploadFile() {…} }; module.exports = { uploadFile: utils.uploadFile }``); else None."""
    if value.type != "member_expression":
        return None
    owner, field = value.child_by_field_name("object"), value.child_by_field_name("property")
    holder = top.get(_text(owner)) if owner is not None and owner.type == "identifier" else None
    if holder is None or field is None or not _holds(holder):
        return None
    return next((fn for name, fn in _members(holder, top, nested=False) if name == _text(field)), None)


def _is_function(node: Node | None) -> bool:
    return node is not None and node.type in _FUNCTIONS + _DECLARATIONS


def _holds(node: Node | None) -> bool:
    """Whether ``node`` offers methods through its name: an object literal, a class, a TS namespace."""
    return node is not None and (node.type == "object" or node.type in _CLASSES or node.type in NAMESPACES)


def _entries(name: str, node: Node, top: dict[str, Node]) -> Iterator[tuple[str, Node]]:
    """What exporting ``node`` as ``name`` offers: the function itself, or each method (by its own name
    and as ``name.method``; a named namespace's only as ``name.method``: no module exports its members bare)."""
    if node.type == "identifier" and _text(node) in top:
        node = top[_text(node)]
    made = _instance(node, top)  # export default new ImageService(), export default createService()
    node = _held_member(node, top) or (node if made is not None else _unwrapped(node))  # exports.upload = utils.upload
    node = (store_options(made) or node) if made is not None else node  # export default new Vuex.Store({ actions })
    if made is not None and _text(made.child_by_field_name("constructor")) in top:
        node = top[_text(made.child_by_field_name("constructor"))]
    if _is_function(node):
        yield name, node
    elif _holds(node):
        for method, function in _members(node, top):
            if node.type not in NAMESPACES or name == "default":
                yield method, function
            yield f"{name}.{method}", function


def _exported(root: Node, top: dict[str, Node]) -> Iterator[tuple[str, Node]]:
    for node in root.named_children:
        if node.type == "export_statement":
            yield from _export_statement(node, top)
        elif node.type == "expression_statement" and node.named_children and \
                node.named_children[0].type == "assignment_expression":
            expr = node.named_children[0]
            left, right = _text(expr.child_by_field_name("left")), expr.child_by_field_name("right")
            if right is not None and left in ("module.exports", "exports.default", "module.exports.default"):
                yield from _entries("default", right, top)
            elif right is not None and left.startswith(("module.exports.", "exports.")):
                yield from _entries(left.rsplit(".", 1)[-1], right, top)


def _export_statement(node: Node, top: dict[str, Node]) -> Iterator[tuple[str, Node]]:
    default = any(c.type == "default" for c in node.children)
    declaration = node.child_by_field_name("declaration")
    value = node.child_by_field_name("value")
    if declaration is not None:
        if declaration.type in ("lexical_declaration", "variable_declaration"):
            for decl in declaration.named_children:
                bound, init = decl.child_by_field_name("name"), decl.child_by_field_name("value")
                if bound is not None and init is not None:
                    yield from _entries(_text(bound), init, top)
            return
        name_node = declaration.child_by_field_name("name")
        name = _text(name_node) if name_node is not None else "default"
        yield from _entries(name, declaration, top)
        if default and name != "default":
            yield from _entries("default", declaration, top)
    elif value is not None:
        yield from _entries("default", value, top)
    else:
        for clause in node.named_children:
            if clause.type != "export_clause":
                continue
            for spec in clause.named_children:
                local = _text(spec.child_by_field_name("name"))
                alias = _text(spec.child_by_field_name("alias")) or local
                if local in top:
                    yield from _entries(alias, top[local], top)


def _app_object(root: Node) -> Node | None:
    """The object passed to ``App({...})`` at the top of an app file."""
    for node in root.named_children:
        expr = node.named_children[0] if node.type == "expression_statement" and node.named_children else None
        if expr is not None and expr.type == "call_expression" and _text(expr.child_by_field_name("function")) == "App":
            args = expr.child_by_field_name("arguments")
            first = args.named_children[0] if args is not None and args.named_children else None
            if first is not None and first.type == "object":
                return first
    return None


def app_members(root: Node, module_aliases: dict[str, str]) -> dict[str, str]:
    """``App({ HTTP: HTTP, api })`` where ``HTTP`` was imported or required, or ``App({ http: require('./http')
    })``: {member: module specifier}."""
    app = _app_object(root)
    out: dict[str, str] = {}
    for item in app.named_children if app is not None else ():
        if item.type == "pair":
            key, value = _text(item.child_by_field_name("key")).strip("'\""), item.child_by_field_name("value")
            if value is not None and _text(value) in module_aliases:
                out[key] = module_aliases[_text(value)]
            elif (spec := _required(value)) is not None:
                out[key] = spec
        elif item.type == "shorthand_property_identifier" and _text(item) in module_aliases:
            out[_text(item)] = module_aliases[_text(item)]
    return out


def _required(value: Node | None) -> str | None:
    """The specifier of ``require('./http')`` written as a member's value; None for any other value."""
    if value is None or value.type != "call_expression" or _text(value.child_by_field_name("function")) != "require":
        return None
    arguments = value.child_by_field_name("arguments")
    first = arguments.named_children[0] if arguments is not None and arguments.named_children else None
    return string_value(first) if first is not None else None


_GLOBAL_PROPERTIES = compiled(r"(?:Vue\.prototype|[A-Za-z_$][\w$]*\.config\.globalProperties)\.")


def prototype_members(root: Node, module_aliases: dict[str, str], path: str,
                      named_imports: Mapping[str, tuple[str, str]] | None = None) -> dict[str, str]:
    """``Vue.prototype.$api = api`` (Vue 3: ``app.config.globalProperties.$api = api``, at the top of a Vue entry
    script or in its own functions: uni-app's ``export function createApp() { const app = createSSRApp(App); … }``)
    in a Vue entry script (``path`` named ``main.js|ts``), where ``api`` was imported or required (``module_aliases``,
    ``named_imports``), or is an instance of such a class (``Vue.prototype.api = new Api()``): {``$api``: module
    specifier}. Every component reads the module back as ``this.$api``,
    https://v2.vuejs.org/v2/cookbook/adding-instance-properties.html,
    https://vuejs.org/api/application.html#app-config-globalproperties."""
    out: dict[str, str] = {}
    if posixpath.basename(path) not in VUE_ENTRIES:
        return out
    module_aliases = module_aliases | {name: spec for name, (spec, _e) in (named_imports or {}).items()}
    for node in _entry_statements(root):
        expr = node.named_children[0] if node.type == "expression_statement" and node.named_children else None
        if expr is None or expr.type != "assignment_expression":
            continue
        left, right = _text(expr.child_by_field_name("left")), expr.child_by_field_name("right")
        prefix = _GLOBAL_PROPERTIES.match(left)
        name = left[prefix.end():] if prefix else ""
        if right is not None and right.type == "new_expression":  # an instance offers its class's methods
            right = right.child_by_field_name("constructor")
        if name and right is not None and _text(right) in module_aliases and "." not in name:
            out[name] = module_aliases[_text(right)]
    return out


def _entry_statements(root: Node) -> list[Node]:
    """The statements at the top of an entry script and in the bodies of its top-level functions (exported or not)."""
    out: list[Node] = []
    for node in root.named_children:
        function = node.child_by_field_name("declaration") if node.type == "export_statement" else node
        body = function.child_by_field_name("body") if function is not None and function.type == \
            "function_declaration" else None
        out.extend(body.named_children if body is not None else [node])
    return out


class _Statements:
    """The ``if`` and ``case`` nodes of one file, found by one query when a function first needs them."""

    def __init__(self, root: Node, language: Language) -> None:
        self.root, self.language = root, language
        self.found: list[Node] | None = None

    def inside(self, function: Node) -> list[Node]:
        """Those within ``function``, in source order."""
        if self.found is None:
            self.found = nodes_of(self.root, self.language, STATEMENT_TYPES)
        return inside(self.found, function)


def wrappers(root: Node, facts: list[Fact], line: Callable[[Node], int], app_file: bool, language: Language,
             calls: Sequence[Node], imported_lines: frozenset[int] = frozenset(),
             indexed: Sequence[tuple[Node, str, str]] = ()) -> dict[str, Export]:
    """Exported wrappers of a file (and, in the app file, the methods of ``App({...})`` and of objects it
    holds) with the catalog subjects each one calls: directly, or — for a thin wrapper that calls nothing itself
    (``httpPost`` → ``httpRequest``) — through the sibling functions it calls, however deep
    (:class:`~mp_precheck.readers.siblings.SiblingReach`), each call for what its arguments choose, a flag parameter
    it hands on being its own (:mod:`~mp_precheck.readers.relayedflags`). A function that calls a function of another
    project file (a line in ``imported_lines``), itself or through thin siblings (their lines in
    ``Export.spans``), is kept even with no subject of its own: the fact store follows that call one more
    level; so is one that calls the API a parameter names (``wx[method](…)``, one of
    ``indexed``: see :func:`~mp_precheck.readers.dispatch.named_apis`). ``language`` is the grammar of ``root``;
    ``calls`` its ``call_expression`` nodes in source order (:func:`~mp_precheck.readers.syntax.nodes_of`)."""
    top = _top_level(root)
    offered = [(n, f) for n, f in top.items() if _is_function(f)] + list(_exported(root, top))
    app = _app_object(root) if app_file else None
    if app is not None:
        offered += list(_entries("app", app, top))
        offered += [(f"{_text(item.child_by_field_name('key'))}.{m}", fn) for item in app.named_children
                    if item.type == "pair" and (v := item.child_by_field_name("value")) is not None
                    and v.type == "object" for m, fn in _members(v, top)]
    siblings = {n: f for s in top.values() if s.type in NAMESPACES for n, f in functions(s, _unwrapped, _FUNCTIONS)}
    siblings |= {name.split(".")[-1]: fn for name, fn in offered} | {n: f for n, f in top.items() if _is_function(f)}
    holders = frozenset(n for n, f in top.items() if _holds(f))
    api = [f for f in facts if f.kind == "api" and f.role is None]
    made = _Exports(api, line, _Statements(root, language), indexed, (siblings, holders, calls))
    out: dict[str, Export] = {}
    for name, function in offered:
        found = made.of(function) or made.export(function)
        if found.subjects or found.named or any(a <= n <= b for n in imported_lines for a, b in found.ranges()):
            out[name] = found
    return out


class _Exports:
    """The :class:`Export` of each function of one file, made once: a thin function's needs those of the siblings
    it calls (what a call passing given arguments reaches of them)."""

    def __init__(self, api: list[Fact], line: Callable[[Node], int], branching: _Statements,
                 indexed: Sequence[tuple[Node, str, str]],
                 module: tuple[dict[str, Node], frozenset[str], Sequence[Node]]) -> None:
        self.ordered = sorted((f.line, f.subject) for f in api)  # by line: a function's own calls are one slice
        self.by_line: dict[int, set[str]] = {}  # each line's subjects: what a set of lines reaches, by line
        for n, subject in self.ordered:
            self.by_line.setdefault(n, set()).add(subject)
        self.line, self.branching, self.indexed = line, branching, indexed
        self.built: dict[tuple[int, int], Export | None] = {}  # None while it is built: a call back reaches all
        siblings, holders, calls = module  # see SiblingReach
        self.through = SiblingReach(siblings, holders, calls, line, self.direct, self.resolve)

    def within(self, function: Node) -> list[tuple[int, str]]:
        """(line, subject) of the calls ``function`` makes itself."""
        first, last = _span(function, self.line)
        return self.ordered[bisect_left(self.ordered, (first,)):bisect_left(self.ordered, (last + 1,))]

    def direct(self, function: Node) -> set[str]:
        return {subject for _n, subject in self.within(function)}

    def of(self, function: Node) -> Export | None:
        """The export of ``function``; None while it is being made (a sibling calling it back)."""
        key = (function.start_byte, function.end_byte)
        if key not in self.built:
            self.built[key] = None
            self.built[key] = self.export(function)
        return self.built[key]

    def resolve(self, sibling: Node, tokens: tuple[str, ...]) -> tuple[str, ...] | None:
        found = self.of(sibling)
        return found.subjects_for(tokens) if found is not None else None

    def keys(self, sibling: Node, index: int) -> list[str]:
        found = self.of(sibling)
        return [k for i, k, _s, _u in found.flags if i == index and k] if found is not None else []

    def export(self, function: Node) -> Export:
        through, line = self.through, self.line
        own = self.direct(function)
        subjects = own or through.delegated(function)  # only a thin wrapper counts what it delegates to
        walked = through.walk(function) if not own else None
        spans = tuple(_span(sibling, line) for sibling in walked.thin) if walked else ()

        def reach(lines: set[int]) -> set[str]:
            return {s for n in lines & self.by_line.keys() for s in self.by_line[n]} | \
                (through.delegated(function, lines) if not own else set())

        first, last = _span(function, line)
        within = self.within(function)
        inner = self.branching.inside(function) if len(subjects) > 1 else []  # none: no choices, no flags
        relayed = relayed_flags(function, [(s, a) for _n, s, a in through.callees(function)], through.reached,
                                self.keys) if walked and subjects else ()
        flags = flag_choices(function, line, reach, inner)
        return Export(tuple(sorted(subjects)), first, last, choices(function, line, reach, inner),
                      dispatched=function.parent is not None and function.parent.type == "arguments",
                      flags=relayed + tuple(f for f in flags if f[:2] not in {r[:2] for r in relayed}),
                      named=named_apis(function, self.indexed), relays=bool(subjects) and not own, spans=spans,
                      handed=handed_back(function, {s: [n for n, t in within if t == s] for s in own}, line),
                      reaches=tuple(_span(s, line) for s in walked.reached) if walked else (),
                      tests=string_tests(function, inner, line,  # none when it only relays
                                         sorted((subject, n) for n, subject in within)))


def _span(function: Node, line: Callable[[Node], int]) -> tuple[int, int]:
    """First and last line of ``function``, as ``line`` numbers them."""
    first = line(function)
    return first, first + function.end_point[0] - function.start_point[0]
