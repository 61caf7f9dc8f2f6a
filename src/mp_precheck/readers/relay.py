"""Typed text a component hands to its parent: a comment popup's ``this.$emit('send', this.content)``, a chat
input bar's ``emit('send', msg)``, a native component's ``this.triggerEvent('submit', { text })``, a React / Taro
component's call of the callback prop its parent gave it (``this.props.onSubmit(this.state.value)``, or one a
function component takes out of its props: ``({ onSubmit }) => … onSubmit({ text })``, event ``onSubmit``); and
the parent's side of it, the handler its tag names (``<comment-popup @send="sendComment">``, ``<chat-bar
bind:submit="onSubmit">``, JSX's ``<ChatBar onSubmit={this.send.bind(this)} />`` or an arrow handing the event on,
``onSubmit={(e) => send(e)}``) and the parameters that handler receives the text in.

Vue ``$emit``: https://vuejs.org/guide/components/events.html; a custom component's ``triggerEvent``:
https://developers.weixin.qq.com/miniprogram/dev/framework/custom-component/events.html; a callback passed as a
prop: https://react.dev/learn/responding-to-events#passing-event-handlers-as-props (Taro's components alike:
https://docs.taro.zone/docs/event)

In: a file's text and path (a script file or a single-file component). Out: names, event names, line spans.
Pure functions of text; JS/TS through tree-sitter, markup tags by a regular expression. Never raise.
"""

from __future__ import annotations

from tree_sitter import Language, Node

from mp_precheck.core.recache import compiled
from mp_precheck.readers.syntax import language_for, node_text, nodes_of, parse, string_value
from mp_precheck.readers.textflow import script_block, tag_at

_EMITTERS = ("$emit", "emit", "triggerEvent")
# A tag's handler of a custom event: Vue ``@send="doSend"`` / ``v-on:send``, WXML ``bind:submit`` / ``bindsubmit``
# / ``catch:send``. The built-in events of every element (tap, click, touch…) are no component's own event.
_ON = compiled(r"(?:^|\s)(?:@|v-on:|bind:?|catch:?)([A-Za-z][\w-]*)(?:\.[\w.]+)?\s*=\s*[\"']\s*"
                 r"([A-Za-z_$][\w$]*)\s*(?:\(\s*(?:\$event)?\s*\))?\s*[\"']")
# JSX's handler of a callback prop: ``onSubmit={this.send}``, ``onSubmit={this.send.bind(this)}``, ``onSubmit={send}``.
_JSX_ON = compiled(r"(?:^|\s)(on[A-Z]\w*)\s*=\s*\{\s*(?:this\.)?([A-Za-z_$][\w$]*)\s*(?:\.bind\(\s*this\s*\))?\s*\}")
# JSX's arrow that hands what it receives on to one function: ``onSubmit={(event) => submit(event)}``,
# ``onSubmit={e => this.submit(e)}``: the handler is that function, given the same arguments.
_JSX_FORWARD = compiled(r"(?:^|\s)(on[A-Z]\w*)\s*=\s*\{\s*(?:async\s+)?(?:\(\s*([A-Za-z_$][\w$]*)\s*\)|"
                        r"([A-Za-z_$][\w$]*))\s*=>\s*(?:this\.)?([A-Za-z_$][\w$]*)\s*\(\s*([A-Za-z_$][\w$]*)\s*\)\s*\}")
# The receivers a React / Taro component reads its parent's callbacks from.
_PROPS = frozenset({"this.props", "props"})
_BUILT_IN = frozenset({"tap", "click", "longpress", "longtap", "touchstart", "touchmove", "touchend",
                       "touchcancel", "input", "focus", "blur", "change", "scroll", "load", "error"})
_FUNCTIONS = ("arrow_function", "function_expression", "function", "generator_function", "method_definition",
              "function_declaration")
_WORD = compiled(r"[A-Za-z_$][\w$]*")
_NOT_STATE = frozenset({"this", "that", "self", "_this", "data", "e", "event", "$event", "detail", "mp"})


def emitted(text: str, path: str) -> list[tuple[int, str, frozenset[str]]]:
    """(line, event name, names its payload carries) of each ``$emit`` / ``emit`` / ``triggerEvent`` call of the
    script of ``path`` whose first argument is a string: ``this.$emit('send', this.content)`` → ``('send',
    {'content'})``. The payload's local names are followed one step (``const data = { text }``)."""
    source, grammar, offset = script_block(text, path)
    if not source:
        return []
    language = language_for(grammar)
    root = parse(language, source.encode("utf-8", "replace")).root_node
    out: list[tuple[int, str, frozenset[str]]] = []
    taken = taken_props(root, language)
    for call in nodes_of(root, language, ("call_expression",)):
        callee, arguments = call.child_by_field_name("function"), call.child_by_field_name("arguments")
        held, _, name = node_text(callee).rpartition(".") if callee is not None else ("", "", "")
        args = arguments.named_children if arguments is not None else []
        # this.props.onSubmit(text), or onSubmit(text) taken out of the props (({ onSubmit }) => …), by its prop name
        name = taken.get(name, "") if not held else name
        prop = (held in _PROPS or not held) and name.startswith("on") and name[2:3].isupper()
        event = name if prop else string_value(args[0]) if args and name in _EMITTERS else None
        if not event:
            continue
        names = {w for a in (args if prop else args[1:]) for w in _WORD.findall(node_text(a))}
        declared = _locals(_enclosing(call))
        names |= {w for n in list(names) for w in _WORD.findall(declared.get(n, ""))}
        out.append((call.start_point[0] + 1 + offset, event, frozenset(names - _NOT_STATE)))
    return out


def taken_props(root: Node, language: Language) -> dict[str, str]:
    """{local name: prop name} of what a function component takes out of its props: a parameter's object pattern
    (``({ onPublish, visible }) => …``, ``({ onPublish: publish })``) or ``const { onPublish } = props``."""
    patterns = []
    for function in nodes_of(root, language, _FUNCTIONS):
        params = function.child_by_field_name("parameters") or function.child_by_field_name("parameter")
        first = params.named_children[0] if params is not None and params.named_children else None
        pattern = first.child_by_field_name("pattern") if first is not None and first.type != "object_pattern" \
            else first
        patterns += [pattern] if pattern is not None and pattern.type == "object_pattern" else []
    for declarator in nodes_of(root, language, ("variable_declarator",)):
        name, value = declarator.child_by_field_name("name"), declarator.child_by_field_name("value")
        if name is not None and name.type == "object_pattern" and value is not None and node_text(value) in _PROPS:
            patterns.append(name)
    out: dict[str, str] = {}
    for pattern in patterns:
        for part in pattern.named_children:
            local = part.child_by_field_name("value") if part.type == "pair_pattern" else \
                part.child_by_field_name("left") if part.type == "object_assignment_pattern" else part
            key = part.child_by_field_name("key") if part.type == "pair_pattern" else local
            if local is not None and key is not None and \
                    local.type in ("identifier", "shorthand_property_identifier_pattern"):
                out[node_text(local)] = node_text(key)
    return out


def tag_events(markup: str, line: int) -> dict[str, str]:
    """{event: handler method} of the custom events the tag opening on ``line`` handles by a method's name
    (``@send="sendComment"``, ``bind:submit="onSubmit"``); the built-in events of every element left out."""
    tag = tag_at(markup, line)
    forwarded = [(event, handler) for event, one, other, handler, passed in _JSX_FORWARD.findall(tag)
                 if passed == (one or other)]
    return {event: handler for event, handler in _ON.findall(tag) + _JSX_ON.findall(tag) + forwarded
            if event.lower().removeprefix("on" if event[2:3].isupper() else "") not in _BUILT_IN}


def handler_params(text: str, path: str, name: str, whole: bool = False) -> tuple[range, frozenset[str]] | None:
    """(line span, parameter names) of the function ``name`` of the script of ``path`` — a method, an object
    member, a declared function, a ``const name = (msg) => …`` or one a React hook keeps (``const name =
    useCallback((msg) => …, [])``, https://react.dev/reference/react/useCallback) — or None when the script defines
    none. An event's names (``e``, ``event``) are left out, unless ``whole``: a form's submit event is the payload."""
    source, grammar, offset = script_block(text, path)
    if not source:
        return None
    language = language_for(grammar)
    root = parse(language, source.encode("utf-8", "replace")).root_node
    for node in nodes_of(root, language, ("method_definition", "pair", "function_declaration", "variable_declarator")):
        key = node.child_by_field_name("key" if node.type == "pair" else "name")
        value = node if node.type in ("method_definition", "function_declaration") else _unhooked(
            node.child_by_field_name("value"))
        if key is None or value is None or value.type not in _FUNCTIONS or node_text(key).strip("'\"") != name:
            continue
        params = value.child_by_field_name("parameters") or value.child_by_field_name("parameter")
        names = frozenset(_WORD.findall(_unannotated(params))) if params is not None else frozenset()
        return range(value.start_point[0] + 1 + offset, value.end_point[0] + 2 + offset), \
            names if whole else names - _NOT_STATE
    return None


def _unhooked(value: Node | None) -> Node | None:
    """The function ``useCallback(fn, deps)`` keeps, else ``value`` itself."""
    callee = value.child_by_field_name("function") if value is not None and value.type == "call_expression" else None
    arguments = value.child_by_field_name("arguments") if callee is not None and value is not None else None
    if callee is None or arguments is None or node_text(callee).rsplit(".", 1)[-1] != "useCallback":
        return value
    first = next((a for a in arguments.named_children if a.type != "comment"), None)
    return first if first is not None and first.type in _FUNCTIONS else value


def _unannotated(params: Node) -> str:
    """The text of a parameter list without its TypeScript type annotations and default values."""
    parts = [params] if params.type == "identifier" else params.named_children
    out: list[str] = []
    for part in parts:
        pattern = part.child_by_field_name("pattern") or part.child_by_field_name("left") or part
        out.append(node_text(pattern if pattern.type != "type_annotation" else part))
    return " ".join(out)


def _enclosing(node: Node) -> Node | None:
    """The function ``node`` is in, None at the top level."""
    current = node.parent
    while current is not None and current.type not in _FUNCTIONS:
        current = current.parent
    return current


def _locals(function: Node | None) -> dict[str, str]:
    """{local name: the text of its value} of the names ``function`` declares."""
    out: dict[str, str] = {}
    stack = [function] if function is not None else []
    while stack:
        current = stack.pop()
        if current.type == "variable_declarator":
            name, value = current.child_by_field_name("name"), current.child_by_field_name("value")
            if name is not None and value is not None:
                out[node_text(name)] = node_text(value)
        stack.extend(current.named_children)
    return out
