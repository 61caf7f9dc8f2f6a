"""The actions of an imported store a page or component calls as its own: what its script sends through a store.

A page bound to a MobX store calls the store's actions as methods of its own — ``createStoreBindings(this, {
store, actions: ['submitForm'] })`` then ``this.submitForm()``, or ``storeBindings: { store, actions }`` with
``storeBindingsBehavior`` (https://github.com/wechat-miniprogram/mobx-miniprogram-bindings) — and a Pinia
store is called through the instance its ``useXStore()`` returns (``const post = usePostStore(); post.publish()``,
https://pinia.vuejs.org/core-concepts/actions.html). Either way the call is a call of the store module's method,
which no import of the page names: read here so the store's sending calls count as the page's.

In: a script's text and path (a single-file component: its script blocks). Out: (module specifier, name, line)
per call, ``name`` spelt as an importer's call would be (``uploadStore.submitForm`` for a store imported by
name, ``submitForm`` for a default import); lines are the file's. Never raises on malformed code.
"""

from __future__ import annotations

from collections.abc import Iterator

from tree_sitter import Node

from mp_precheck.core.lazyre import lazy
from mp_precheck.readers.launchcalls import import_bindings
from mp_precheck.readers.sfc import script_units
from mp_precheck.readers.syntax import language_for, node_text, nodes_of, parse, string_value

Call = tuple[str, str, int]  # (module specifier, name as an importer spells it, line)
_SELF = frozenset({"this", "that", "self", "_this", "vm", "me"})
_BIND = "createStoreBindings"
_BINDINGS_KEY = "storeBindings"
STORE_SCRIPTS = (".js", ".ts", ".vue", ".nvue", ".wpy", ".mpx", ".tsx", ".jsx")  # the scripts read for store calls
_FACTORY = lazy(r"use[A-Z0-9_]\w*")  # Pinia's useXStore(), any use… hook an import names
_BOUND = lazy(r"[sS]toreBindings|\buse[A-Z0-9_]")  # a store bound to the page, a Pinia store's instance
# The only nodes the calls, the bindings and the imports are read from: one query finds them in C.
_READ = ("call_expression", "import_statement", "pair", "variable_declarator")


def binds_store(source: str) -> bool:
    """Whether ``source`` may call a store's actions (names a store binding or a ``use…`` factory): a script
    that does not is not parsed for them, and :func:`store_calls` finds none in it."""
    return _BOUND.search(source) is not None


def store_calls(source: str, path: str) -> list[Call]:
    """The calls of store actions in ``source`` (module docstring), in line order."""
    parts = script_units(source, path)
    out: list[Call] = []
    for text, name, offset in parts:
        language = language_for(name)
        nodes = nodes_of(parse(language, text.encode("utf-8", "surrogatepass")).root_node, language, _READ)
        aliases, names = import_bindings(nodes)
        bound: dict[str, tuple[str, str]] = {}  # method of the page → (specifier, name in the store module)
        held: dict[str, tuple[str, str]] = {}  # variable → (specifier, the factory's name): const s = useX()
        for node in nodes:
            for store, actions in _bindings(node):
                imported = _imported(store, aliases, names)
                if imported is not None:
                    bound.update({local: (imported[0], _joined(imported[1], there)) for local, there in actions})
            if node.type == "variable_declarator" and (factory := _factory(node, names)) is not None:
                held[node_text(node.child_by_field_name("name"))] = factory
        for node in nodes:
            if node.type != "call_expression" or (fn := node.child_by_field_name("function")) is None or \
                    fn.type != "member_expression":
                continue
            owner, method = node_text(fn.child_by_field_name("object")), node_text(fn.child_by_field_name("property"))
            line = node.start_point[0] + 1 + offset
            if owner in _SELF and method in bound:
                out.append((*bound[method], line))
            elif owner in held:
                out.append((held[owner][0], f"{held[owner][1]}.{method}", line))
    return sorted(out, key=lambda c: c[2])


def _joined(holder: str, method: str) -> str:
    return method if holder == "default" else f"{holder}.{method}"


def _imported(store: Node, aliases: dict[str, str], names: dict[str, tuple[str, str]]) -> tuple[str, str] | None:
    """(specifier, exported name) of the store a binding names: a named or a default import."""
    text = node_text(store)
    if store.type in ("identifier", "shorthand_property_identifier") and text in names:
        return names[text]
    if store.type in ("identifier", "shorthand_property_identifier") and text in aliases:
        return aliases[text], "default"
    if store.type == "member_expression" and node_text(store.child_by_field_name("object")) in aliases:
        return aliases[node_text(store.child_by_field_name("object"))], node_text(store.child_by_field_name("property"))
    return None


def _bindings(node: Node) -> Iterator[tuple[Node, list[tuple[str, str]]]]:
    """(store, [(page method, store action)]) of a ``createStoreBindings(this, {...})`` call or a
    ``storeBindings: {...}`` / ``storeBindings: [{...}]`` option."""
    options: list[Node] = []
    if node.type == "call_expression" and node_text(node.child_by_field_name("function")).endswith(_BIND):
        args = node.child_by_field_name("arguments")
        options = [a for a in (args.named_children if args is not None else ()) if a.type == "object"][:1]
    elif node.type == "pair" and node_text(node.child_by_field_name("key")).strip("'\"") == _BINDINGS_KEY:
        value = node.child_by_field_name("value")
        listed = value.named_children if value is not None and value.type == "array" else [value]
        options = [v for v in listed if v is not None and v.type == "object"]
    for option in options:
        found = {node_text(p.child_by_field_name("key")): p.child_by_field_name("value")
                 for p in option.named_children if p.type == "pair"}
        store = found.get("store") or next((p for p in option.named_children
                                            if p.type == "shorthand_property_identifier" and node_text(p) == "store"),
                                           None)
        actions = found.get("actions")
        if store is not None and actions is not None:
            yield store, list(_actions(actions))


def _actions(node: Node) -> Iterator[tuple[str, str]]:
    """(page method, store action) of ``actions: ['a', 'b']`` or ``actions: { local: 'a' }``."""
    if node.type == "array":
        for item in node.named_children:
            if (value := string_value(item)) is not None:
                yield value, value
    elif node.type == "object":
        for item in node.named_children:
            held = item.child_by_field_name("value") if item.type == "pair" else None
            if held is not None and (value := string_value(held)) is not None:
                yield node_text(item.child_by_field_name("key")).strip("'\""), value


def _factory(declarator: Node, names: dict[str, tuple[str, str]]) -> tuple[str, str] | None:
    """(specifier, factory) of ``const post = usePostStore()`` where ``usePostStore`` is imported."""
    value, name = declarator.child_by_field_name("value"), declarator.child_by_field_name("name")
    if value is None or name is None or name.type != "identifier" or value.type != "call_expression":
        return None
    called = node_text(value.child_by_field_name("function"))
    return names[called] if called in names and _FACTORY.fullmatch(called) else None
