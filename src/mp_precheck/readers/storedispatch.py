"""The store actions a script runs — a Vuex dispatch, a Pinia store's action — read as calls of the store module's
functions that define them.

A component runs a Vuex action by dispatching its name — ``store.dispatch('send', payload)``, the object style
``store.dispatch({ type: SEND, payload })``, ``this.$store.dispatch('notes/send', payload)`` on the store a Vue
entry installs (a namespaced module's action), ``useStore().dispatch(…)`` — or through a method ``mapActions``
gives it (``...mapActions(['send'])``, then ``this.send(payload)``): https://vuex.vuejs.org/guide/actions.html.
A Pinia store's action is a method of the instance its ``useXStore()`` returns (``post.publish()``,
https://pinia.vuejs.org/core-concepts/actions.html). No import names the function that runs, so the store's
requests, uploads and payments would be nobody's call from the page. Read here, each is a call of the store
module's ``actions.<name>`` (``usePostStore.actions.publish``) — the name :mod:`~mp_precheck.readers.jsexports`
gives an action of ``new Vuex.Store({ actions })``, of a module object's or a ``defineStore`` options object's
``actions`` (:func:`store_options`, :func:`key_name`: a computed key ``[SEND]`` by its constant's name, as the
dispatch spells it) — and the fact store follows it as it follows a wrapper: what the action does is done at the
call. A root store passes its ``modules``' actions on (:func:`module_parts`).

In: a script's text and path (a single-file component: its script blocks). Out: imported calls (module specifier,
name, line); lines are the file's. Never raises on malformed code.
"""

from __future__ import annotations

import posixpath

from msgspec.structs import replace
from tree_sitter import Node

from mp_precheck.core.lazyre import lazy
from mp_precheck.facts.model import FileFacts
from mp_precheck.readers.jsbindings import VUE_ENTRIES, VUE_INSTANCE
from mp_precheck.readers.launchcalls import import_bindings
from mp_precheck.readers.sfc import script_units
from mp_precheck.readers.syntax import language_for, node_text, nodes_of, parse, string_value

Call = tuple[str, str, int]  # (module specifier, name as the store module offers it, line)
_SELF = frozenset({"this", "that", "self", "_this", "vm", "me"})
# a file naming none of these is not parsed
_NAMES = lazy(r"\.dispatch\s*\(|\bmapActions\b|\bStore\s*\(|\bcreateStore\s*\(|\buse\w*Store\b")
_INSTALLS = lazy(r"\bstore\b")  # a Vue entry that names none installs no store
_READ = ("call_expression", "import_statement", "variable_declarator", "new_expression")
_STORE = lazy(r"(?:[\w$]+\.)?Store")  # new Vuex.Store(options), new Store(options)
_CREATE = lazy(r"(?:[\w$]+\.)?createStore")  # Vuex 4: createStore(options)
_USE_STORE = lazy(r"(?:[\w$]+\.)?useStore")  # Vuex 4's composition API: the store the app installs
_DEFINED = lazy(r"use[A-Z0-9_][\w$]*Store")  # Pinia: the useXStore() a defineStore('x', { actions }) makes
_STORE_SCRIPTS = (".js", ".ts", ".vue", ".nvue", ".wpy", ".mpx", ".mjs")
HOLDER = "actions"  # what a store offers its actions under: ``actions.send``


def key_name(node: Node | None) -> str:
    """The name a property key gives its member: a plain or quoted key as written, a computed key by what it
    names (``[SEND]`` and ``[types.SEND]``: ``SEND``; ``['send']``: ``send``)."""
    if node is None:
        return ""
    if node.type == "computed_property_name" and node.named_children:
        return _spelt(node.named_children[0]) or node_text(node)
    return node_text(node).strip("'\"")


def store_options(made: Node | None) -> Node | None:
    """The options object a store is built from (``new Vuex.Store({ state, actions })``, Vuex 4's ``createStore({…})``);
    None for any other expression."""
    callee = made.child_by_field_name("constructor" if made.type == "new_expression" else "function") \
        if made is not None and made.type in ("new_expression", "call_expression") else None
    if made is None or not (_STORE if made.type == "new_expression" else _CREATE).fullmatch(node_text(callee)):
        return None
    arguments = made.child_by_field_name("arguments")
    first = arguments.named_children[0] if arguments is not None and arguments.named_children else None
    return first if first is not None and first.type == "object" else None


def with_store_reach(facts: FileFacts, text: str, path: str) -> FileFacts:
    """``facts`` of the script ``path`` (its ``text``) with its dispatches as calls of the actions they name
    (in place of the ``dispatch`` call the reader saw at that line), a Vue entry's installed store as its
    ``$store`` member, and a root store's modules as names it passes on; ``facts`` itself when there are none."""
    entry = posixpath.basename(path) in VUE_ENTRIES
    if not path.endswith(_STORE_SCRIPTS) or not (_NAMES.search(text) or (entry and _INSTALLS.search(text))):
        return facts
    calls, installed, parts = _read(text, path)
    lines = {line for _spec, _name, line in calls}
    kept = tuple(c for c in facts.imported_calls if not (c[2] in lines and c[1].rsplit(".", 1)[-1] == "dispatch"))
    members = installed | facts.app_members if entry else facts.app_members  # Vue.prototype.$store first
    if not calls and members == facts.app_members and not parts:
        return facts
    return replace(facts, imported_calls=kept + tuple(c for c in calls if c not in kept), app_members=members,
                   reexports=facts.reexports + tuple(p for p in parts if p not in facts.reexports))


def _read(text: str, path: str) -> tuple[list[Call], dict[str, str], list[tuple[str, str, str]]]:
    """(dispatched calls, {``$store``: specifier} of a store installed on the Vue app, modules passed on)."""
    calls: list[Call] = []
    installed: dict[str, str] = {}
    parts: list[tuple[str, str, str]] = []
    for unit, name, offset in script_units(text, path):
        language = language_for(name)
        nodes = nodes_of(parse(language, unit.encode("utf-8", "surrogatepass")).root_node, language, _READ)
        aliases, names = import_bindings(nodes)
        mapped = {local: action for node in nodes if node.type == "call_expression" for local, action in _mapped(node)}
        stores = {node_text(n.child_by_field_name("name")) for n in nodes if n.type == "variable_declarator"
                  and _USE_STORE.fullmatch(_callee(n.child_by_field_name("value")))}
        defined = {node_text(n.child_by_field_name("name")): names[made] for n in nodes
                   if n.type == "variable_declarator" and (made := _callee(n.child_by_field_name("value"))) in names
                   and _DEFINED.fullmatch(made)}
        for node in nodes:
            if (options := store_options(node)) is not None:
                parts += [(aliases[held], "*", "*") for held in module_parts(options) if held in aliases]
            if node.type == "call_expression":
                found = _dispatch(node, aliases, names, stores) or _mapped_call(node, mapped) or \
                    _defined_call(node, defined, names)
                calls += [(spec, called, node.start_point[0] + 1 + offset) for spec, called in found]
                installed |= _installed(node, aliases)
            if node.type == "new_expression" and node_text(node.child_by_field_name("constructor")) == "Vue":
                installed |= _installed(node, aliases)
    return calls, installed, parts


def module_parts(options: Node) -> list[str]:
    """The names a store's ``modules: { notes, user: userModule }`` option holds its modules under."""
    held = next((p.child_by_field_name("value") for p in options.named_children
                 if p.type == "pair" and key_name(p.child_by_field_name("key")) == "modules"), None)
    if held is None or held.type != "object":
        return []
    return [node_text(p) if p.type == "shorthand_property_identifier" else node_text(p.child_by_field_name("value"))
            for p in held.named_children if p.type in ("shorthand_property_identifier", "pair")]


def _dispatch(call: Node, aliases: dict[str, str], names: dict[str, tuple[str, str]],
              stores: set[str]) -> list[tuple[str, str]]:
    """(specifier, ``actions.<name>``) of ``store.dispatch(name, …)`` on an imported store or the app's."""
    fn = call.child_by_field_name("function")
    if fn is None or fn.type != "member_expression" or node_text(fn.child_by_field_name("property")) != "dispatch":
        return []
    arguments = call.child_by_field_name("arguments")
    first = arguments.named_children[0] if arguments is not None and arguments.named_children else None
    action = _action(first) if first is not None else None
    owner = fn.child_by_field_name("object")
    held = node_text(owner)
    if action is None or owner is None:
        return []
    if owner.type == "identifier" and held in aliases:
        return [(aliases[held], f"{HOLDER}.{action}")]
    if owner.type == "identifier" and held in names:
        return [(names[held][0], f"{names[held][1]}.{HOLDER}.{action}")]
    if held in stores or (held.endswith(".$store") and held.split(".", 1)[0] in _SELF) or \
            _USE_STORE.fullmatch(_callee(owner)):
        return [(VUE_INSTANCE, f"$store.{HOLDER}.{action}")]
    return []


def _mapped_call(call: Node, mapped: dict[str, str]) -> list[tuple[str, str]]:
    """``this.send(payload)`` of a method ``mapActions`` gave the component: the app store's action."""
    fn = call.child_by_field_name("function")
    if fn is None or fn.type != "member_expression" or node_text(fn.child_by_field_name("object")) not in _SELF:
        return []
    method = node_text(fn.child_by_field_name("property"))
    return [(VUE_INSTANCE, f"$store.{HOLDER}.{mapped[method]}")] if method in mapped else []


def _defined_call(call: Node, defined: dict[str, tuple[str, str]],
                  names: dict[str, tuple[str, str]]) -> list[tuple[str, str]]:
    """``post.publish(…)`` on ``const post = usePostStore()``, or ``usePostStore().publish(…)``, of a Pinia store a
    project module defines with ``actions``: (specifier, ``usePostStore.actions.publish``)
    (https://pinia.vuejs.org/core-concepts/actions.html)."""
    fn = call.child_by_field_name("function")
    owner = fn.child_by_field_name("object") if fn is not None and fn.type == "member_expression" else None
    if fn is None or owner is None:
        return []
    made = _callee(owner)
    held = defined.get(node_text(owner)) if owner.type == "identifier" else \
        names[made] if made in names and _DEFINED.fullmatch(made) else None
    if held is None or not held[0].startswith((".", "/", "@/", "~/")):
        return []
    return [(held[0], f"{held[1]}.{HOLDER}.{node_text(fn.child_by_field_name('property'))}")]


def _mapped(call: Node) -> list[tuple[str, str]]:
    """(component method, action) of ``mapActions(['send'])``, ``mapActions('notes', ['send'])``,
    ``mapActions({ post: 'send' })``."""
    if not node_text(call.child_by_field_name("function")).endswith("mapActions"):
        return []
    arguments = call.child_by_field_name("arguments")
    out: list[tuple[str, str]] = []
    for argument in arguments.named_children if arguments is not None else ():
        if argument.type == "array":
            out += [(action, action) for item in argument.named_children if (action := _action(item))]
        elif argument.type == "object":
            out += [(key_name(p.child_by_field_name("key")), action) for p in argument.named_children
                    if p.type == "pair" and (action := _action(p.child_by_field_name("value")))]
    return out


def _installed(node: Node, aliases: dict[str, str]) -> dict[str, str]:
    """{``$store``: specifier} of ``new Vue({ store })`` or ``app.use(store)`` of an imported store (a plugin
    ``app.use`` installs is a store where its name says so: ``app.use(uView)`` is none)."""
    arguments = node.child_by_field_name("arguments")
    first = arguments.named_children[0] if arguments is not None and arguments.named_children else None
    if first is None:
        return {}
    aliases = {name: spec for name, spec in aliases.items() if spec.startswith((".", "/", "@/", "~/"))}
    if node.type == "call_expression":
        used = node_text(node.child_by_field_name("function")).endswith(".use") and "store" in node_text(first).lower()
        return {"$store": aliases[node_text(first)]} if used and node_text(first) in aliases else {}
    held = next((p.child_by_field_name("value") if p.type == "pair" else p for p in first.named_children
                 if p.type in ("pair", "shorthand_property_identifier") and key_name(
                     p.child_by_field_name("key") if p.type == "pair" else p) == "store"), None)
    return {"$store": aliases[node_text(held)]} if held is not None and node_text(held) in aliases else {}


def _action(node: Node | None) -> str | None:
    """The action a dispatch's first argument names: a string (a namespaced one by its last part), a constant,
    or the ``type`` of an object-style dispatch."""
    if node is not None and node.type == "object":
        typed = next((p.child_by_field_name("value") for p in node.named_children
                      if p.type == "pair" and key_name(p.child_by_field_name("key")) == "type"), None)
        return _action(typed)
    spelt = _spelt(node) if node is not None else None
    return spelt.rsplit("/", 1)[-1] or None if spelt else None


def _spelt(node: Node) -> str | None:
    """A string's value, a constant's name, a member's property (``types.SEND``: ``SEND``); else None."""
    if (value := string_value(node)) is not None:
        return value
    if node.type == "identifier":
        return node_text(node)
    if node.type == "member_expression":
        return node_text(node.child_by_field_name("property"))
    return None


def _callee(node: Node | None) -> str:
    """The function a call expression calls, as written; "" for any other node."""
    return node_text(node.child_by_field_name("function")) if node is not None and node.type == "call_expression" \
        else ""
