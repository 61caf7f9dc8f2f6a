"""What a page's load hooks and a module's functions use of other project modules.

The entry page's ``onLoad`` calling ``checkLogin(uni)`` of ``./api/index.js``, or Taro's ``componentWillMount``
awaiting ``api.PROJECTPAGE()`` whose module hands the call on to a request service, runs that code before the
user has touched anything: a redirect to login there forces login on the first page though neither the page
nor its hook shows it (LOGIN, OPS2018 15.1.3). Read here, per module: its functions
(:func:`~mp_precheck.readers.lifecycle.definitions`), its import bindings, the bindings a function uses —
called, or handed on as a value (``api[method]``) — through same-file helpers
:data:`~mp_precheck.readers.lifecycle.HELPER_DEPTH` deep, and the names it passes on from other modules
(``export * from './x'``, ``export { a } from './x'``, ``export default { ...baseApi }``).

In: a module's text and path (a single-file component's script blocks). Out: :class:`Module`. Never raises on
malformed code.
Source: https://developers.weixin.qq.com/miniprogram/product/index.html (请在用户了解体验小程序功能后，再要求用户进行
帐号登录) and https://developers.weixin.qq.com/miniprogram/dev/reference/api/Page.html (onLoad, onShow, onReady).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

from msgspec import Struct, field
from tree_sitter import Node

from mp_precheck.readers.jsbindings import GET_APP, NAMESPACES
from mp_precheck.readers.launchcalls import import_bindings
from mp_precheck.readers.lifecycle import HELPER_DEPTH, definitions
from mp_precheck.readers.openinghooks import OPENING, opening_bodies
from mp_precheck.readers.reexports import reexports
from mp_precheck.readers.sfc import split_blocks
from mp_precheck.readers.syntax import language_for, node_text, parse, walk

Use = tuple[str, str | None]  # (module specifier, exported name; None: the module as a whole, api[method])
_SELF = frozenset({"this", "that", "self", "_this", "vm", "me"})
_SFC = (".vue", ".nvue", ".uvue", ".wpy", ".mpx")
_FUNCTIONS = ("function_expression", "function", "arrow_function")


class Module(Struct, frozen=True):
    """One module's functions (``defs``), whole-module bindings (``aliases``: alias → specifier), named
    bindings (``names``: name → (specifier, exported name)), what it passes on (``passed``: (specifier, name
    there, name here), ``*`` for every name), the bodies of its load hooks (``hooks``) and the top-level
    statements it runs when imported (``init``)."""

    defs: dict[str, Node] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)
    names: dict[str, tuple[str, str]] = field(default_factory=dict)
    passed: tuple[tuple[str, str, str], ...] = ()
    hooks: tuple[Node, ...] = ()
    held: dict[str, int] = field(default_factory=dict)  # a method of the App called through getApp() → its line
    # names bound to what an imported factory hands back (``const user = useUserStore()``) → its specifier
    instances: dict[str, str] = field(default_factory=dict)
    # (specifier, method) a load hook calls on such an instance itself → the line of the hook's statement doing it
    placed: dict[tuple[str, str], int] = field(default_factory=dict)
    # the statements the module runs as it is imported (``Instance()``, ``http.interceptors.response.use(…)``)
    init: tuple[Node, ...] = ()

    def uses(self, bodies: Iterable[Node]) -> list[Use]:
        """The imported bindings ``bodies`` use, through same-file helpers, in source order, each once."""
        found: list[Use] = []
        for body in bodies:
            self._collect(body, HELPER_DEPTH, frozenset(), found)
        return list(dict.fromkeys(found))

    def passes_on(self, name: str | None) -> list[Use]:
        """Where the module gets ``name`` it does not define (None: everything it passes on)."""
        return [(spec, (there if there != "*" else name) if name is not None else None)
                for spec, there, here in self.passed if name is None or here in (name, "*")]

    def _collect(self, body: Node, depth: int, seen: frozenset[str], found: list[Use]) -> None:
        for node in walk(body):
            if node.type == "identifier":
                text = node_text(node)
                if text in self.names:
                    found.append(self.names[text])
                elif self.aliases.get(text) == GET_APP:
                    if _member(node) is not None:
                        found.append((GET_APP, _member(node)))
                elif text in self.aliases:
                    found.append((self.aliases[text], _member(node)))
                elif text in self.instances and _member(node) is not None:  # a method of what a factory made
                    found.append((self.instances[text], _member(node)))
            elif node.type == "call_expression" and node_text(node.child_by_field_name("function")) == "getApp":
                if _member(node) is not None:  # getApp().ensureSignedIn(); the App as a whole is no use of it
                    found.append((GET_APP, _member(node)))
            elif node.type == "call_expression" and depth > 0:
                helper = _helper(node)
                if helper in self.defs and helper not in OPENING and helper not in seen:
                    self._collect(self.defs[helper], depth - 1, seen | {helper}, found)


@lru_cache(maxsize=16)  # an unchanged file is read for the base and for the head: one reading (callers never change it)
def read_module(source: str, path: str) -> Module:
    """The :class:`Module` of ``source`` at ``path`` (a single-file component: its script blocks)."""
    parts = [(source, path, 0)]
    if path.lower().endswith(_SFC):
        parts = [(b.text, f"{path}.{b.attrs.get('lang') or 'js'}", b.line_offset) for b in split_blocks(source)
                 if b.tag == "script" and not b.attrs.get("src") and "json" not in b.attrs.get("type", "")]
    module = Module()
    for text, name, offset in parts:
        root = parse(language_for(name), text.encode("utf-8", "surrogatepass")).root_node
        nodes = list(walk(root))
        defs = definitions(nodes)
        default = _default_export(root)
        if default is not None:
            defs.setdefault("default", default)  # export default async () => {…}: what a default import calls
        aliases, names = import_bindings(nodes)
        aliases.update({alias: GET_APP for alias in _app_aliases(nodes)})
        hooks = [body for _hook, body in opening_bodies(nodes, defs)]  # React's effects each, Taro's useReady
        instances = {name: spec for name, spec in _instances(nodes, names) if name not in aliases}
        module = Module({**defs, **module.defs}, {**aliases, **module.aliases}, {**names, **module.names},
                        module.passed + reexports(root, aliases, names),
                        module.hooks + tuple(hooks), {**_held_calls(nodes, aliases, offset), **module.held},
                        {**instances, **module.instances}, {**_placed(hooks, instances, offset), **module.placed},
                        module.init + tuple(n for n in root.named_children if n.type == "expression_statement"))
    return module


def _default_export(root: Node) -> Node | None:
    """The body of the function a module exports as its default (``export default function () {…}``,
    ``export default async () => {…}``), else None."""
    for node in root.named_children:
        value = node.child_by_field_name("value") or node.child_by_field_name("declaration") \
            if node.type == "export_statement" else None
        if value is not None and value.type in (*_FUNCTIONS, "function_declaration") and \
                node_text(node).split(None, 2)[1:2] == ["default"]:
            return value.child_by_field_name("body")
    return None


def _app_aliases(nodes: Iterable[Node]) -> Iterator[str]:
    """Names bound to the App instance: ``const app = getApp()``
    (https://developers.weixin.qq.com/miniprogram/dev/reference/api/getApp.html)."""
    for node in nodes:
        if node.type != "variable_declarator":
            continue
        name, value = node.child_by_field_name("name"), node.child_by_field_name("value")
        if name is not None and name.type == "identifier" and value is not None and \
                value.type == "call_expression" and node_text(value.child_by_field_name("function")) == "getApp":
            yield node_text(name)


def _instances(nodes: Iterable[Node], names: dict[str, tuple[str, str]]) -> Iterator[tuple[str, str]]:
    """(name, specifier) of each name bound to what a function imported by name hands back (``const user =
    useUserStore()``, ``const api = await createClient()``): a Pinia / Vuex setup store or a factory whose methods
    are functions of the module that defines it."""
    for node in nodes:
        if node.type != "variable_declarator":
            continue
        name, value = node.child_by_field_name("name"), node.child_by_field_name("value")
        if value is not None and value.type == "await_expression" and value.named_children:
            value = value.named_children[0]
        fn = value.child_by_field_name("function") if value is not None and value.type == "call_expression" else None
        if name is not None and name.type == "identifier" and fn is not None and fn.type == "identifier" and \
                node_text(fn) in names:
            yield node_text(name), names[node_text(fn)][0]


def _placed(hooks: Iterable[Node], instances: dict[str, str], offset: int) -> dict[tuple[str, str], int]:
    """(specifier, method) → the line of the load hook's own statement that calls the method on an instance a
    factory made (``if (!user.token) { user.handleUnauthorized() }``: the ``if``), the first such statement: where
    the page decides, the place to tell a wall the method makes whichever page calls it."""
    placed: dict[tuple[str, str], int] = {}
    for body in hooks:
        for node in walk(body):
            member = _member(node) if node.type == "identifier" and node_text(node) in instances else None
            if member is not None:
                statement = node
                while statement.parent is not None and statement.parent.id != body.id:
                    statement = statement.parent
                placed.setdefault((instances[node_text(node)], member), statement.start_point[0] + 1 + offset)
    return placed


def _held_calls(nodes: Iterable[Node], aliases: dict[str, str], offset: int) -> dict[str, int]:
    """App methods the file calls through ``getApp()`` or a name bound to it (``app.ensureSignedIn()``) → the line
    of the first call (``offset``: lines before the script in its file)."""
    held: dict[str, int] = {}
    for node in nodes:
        fn = node.child_by_field_name("function") if node.type == "call_expression" else None
        obj = fn.child_by_field_name("object") if fn is not None and fn.type == "member_expression" else None
        if fn is not None and obj is not None and (aliases.get(node_text(obj)) == GET_APP or
                                                   node_text(obj) == "getApp()"):
            held.setdefault(node_text(fn.child_by_field_name("property")), node.start_point[0] + 1 + offset)
    return held


def namespaced_api(node: Node) -> str | None:
    """``uni.navigateTo`` / ``Taro.redirectTo`` (any framework namespace) as its ``wx`` name; None for anything
    else: the ``resolve`` a :class:`~mp_precheck.readers.lifecycle.HookScanner` of another module's code takes."""
    if node.type != "member_expression" or node_text(node.child_by_field_name("object")) not in NAMESPACES:
        return None
    return f"wx.{node_text(node.child_by_field_name('property'))}"


def _member(node: Node) -> str | None:
    """``api.get`` → ``get`` for the alias ``node``; None when the whole module is used (``api[method]``)."""
    parent = node.parent
    if parent is not None and parent.type == "member_expression" and parent.child_by_field_name("object") == node:
        return node_text(parent.child_by_field_name("property")) or None
    return None


def _helper(call: Node) -> str | None:
    """The same-file function a call names: ``init()`` or ``this.init()``."""
    fn = call.child_by_field_name("function")
    if fn is not None and fn.type == "identifier":
        return node_text(fn)
    if fn is not None and fn.type == "member_expression" and \
            node_text(fn.child_by_field_name("object")) in _SELF:
        return node_text(fn.child_by_field_name("property"))
    return None
