"""What a composer's publish control runs, and whether that does nothing yet.

A page is often written screen first: its 发布 button is bound to a handler whose body is empty, only logs, shows
a toast or holds a TODO comment — ``const submit = () => {}`` in a ``<script setup>``, ``submit() {}`` among a
Page's or a Vue component's ``methods``, a Taro class's ``onSubmit = () => { console.log(text) }``, a hook's
``const post = useCallback(() => {}, [])``. Such a control publishes nothing yet.

The control is the element whose own text is the label: its tap or click binding, else the nearest enclosing
element's (``<view bindtap="submit"><text>发布</text></view>``); a ``form-type="submit"`` button runs its form's
submit handler (https://developers.weixin.qq.com/miniprogram/dev/component/form.html). Text no bound element holds
(a heading) is no control. A handler is read where the script defines it: a method, an object's member, a declared
function, a variable or class field holding a function. It does nothing when every call in it, its callbacks'
included, only logs, shows a toast, a modal or a loading mark, or keeps the page's own state (``setData``,
``setState``, a state hook's setter); a request, a store action, an emitted event, a navigation, a call of any
other function (the page's own included) or a ``new`` object is doing something. What cannot be read (a dynamic
binding, an inline statement, a handler defined elsewhere) is doing something.

In: a page's markup (WXML, a single-file component, JSX) and its script units. Out: handler names, True / False.
Pure functions of text; JS/TS through tree-sitter, templates through ``html.parser``. Never raise.
Events: https://developers.weixin.qq.com/miniprogram/dev/framework/view/wxml/event.html
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from tree_sitter import Language, Node

from mp_precheck.readers.handlers import event_of, vue_handler
from mp_precheck.readers.htmlfeed import feed_shared
from mp_precheck.readers.markup import ElementStack, is_event_attribute, normalise_attribute, normalise_tag
from mp_precheck.readers.sfc import SFC_SUFFIXES, split_blocks
from mp_precheck.readers.syntax import language_for, node_text, nodes_of, parse

UNREAD = ""  # the handler of a control whose binding names none (``@tap="$emit('post')"``, ``{{ handler }}``)
# A button that binds nothing — no event, no ``open-type``, no ``form-type``, inside no bound element: its label
# is drawn, a tap runs nothing (https://developers.weixin.qq.com/miniprogram/dev/component/button.html).
UNBOUND = "\0unbound"
_SCRIPTS = (".js", ".jsx", ".ts", ".tsx", ".mjs", ".cjs")
_TAPS = frozenset({"tap", "click"})
_VOID = frozenset({"input", "img", "br", "hr", "meta", "link", "source", "area", "col", "embed", "wbr", "track"})
_FUNCTIONS = ("arrow_function", "function_expression", "function", "generator_function")
_DATA = ("string", "template_string", "number", "true", "false", "null", "undefined", "object", "array")
_DEFINERS = ("method_definition", "function_declaration", "pair", "variable_declarator", "field_definition",
             "public_field_definition", "assignment_expression")
# Calls that only tell the user something or keep the page's own state (last name of the callee).
_QUIET = frozenset({"showToast", "hideToast", "showLoading", "hideLoading", "showModal", "toast", "$toast",
                    "setData", "setState", "$set", "trim", "stopPropagation", "preventDefault"})
_TOASTS = ("Toast", "Notify")  # Vant's and similar kits' toast functions: ``Toast('开发中')``, ``Toast.fail(…)``
_HOOKS = frozenset({"useState", "useReducer", "React.useState", "React.useReducer"})
_WRAPPERS = frozenset({"useCallback", "useMemo", "React.useCallback", "React.useMemo"})  # hand back their function

Binds = tuple[str | None, str | None, bool]  # an element's (tap handler, submit handler, whether it submits a form)


def control_handlers(markup: str, path: str, is_label: Callable[[str], bool]) -> list[str]:
    """The handlers the publishing controls of the page file ``markup`` at ``path`` run, one per control whose
    text ``is_label`` accepts (:data:`UNREAD` for one whose binding names no handler); empty when no bound
    element holds such text."""
    lower = path.lower()
    if lower.endswith(_SCRIPTS):
        return _jsx_handlers(markup, path, is_label)
    vue = lower.endswith(SFC_SUFFIXES)
    templates = [b.text for b in split_blocks(markup) if b.tag == "template"] if vue else [markup]
    out: list[str] = []
    for template in templates:
        parser = _Controls(is_label, vue)
        feed_shared(parser, template)
        out += parser.handlers
    return out


def _control(chain: Iterable[Binds]) -> str | None:
    """The handler an element runs, given its ``chain`` of enclosing elements: the first tap binding, or past a
    submit button the nearest form's submit binding (:data:`UNREAD` when none); None when nothing is bound."""
    submits = False
    for tap, submit, is_submit in chain:
        if submits:
            if submit is not None:
                return submit
        elif tap is not None:
            return tap
        else:
            submits = is_submit
    return UNREAD if submits else None


class _Controls(ElementStack):
    def __init__(self, is_label: Callable[[str], bool], vue: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.is_label = is_label
        self.vue = vue
        self.open: list[tuple[str, Binds, bool]] = []  # the open elements: (tag, what they bind, a bare button)
        self.handlers: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        tap = submit = None
        submits, bare = False, _button(tag) and not any(
            is_event_attribute(name) or normalise_attribute(name) in ("open-type", "form-type") for name, _v in attrs)
        for name, value in attrs:
            if normalise_attribute(name) == "form-type" and (value or "").strip("'\" ") == "submit":
                submits = True
            if not is_event_attribute(name):
                continue
            event = event_of(name)
            if event in _TAPS:
                tap = self._handler(name, value)
            elif event == "submit":
                submit = self._handler(name, value)
        if tag.lower() not in _VOID:
            self.open.append((normalise_tag(tag), (tap, submit, submits), bare))

    def handle_data(self, data: str) -> None:
        text = data.strip()
        if text and "{{" not in text and self.is_label(text):
            handler = _control(binds for _tag, binds, _bare in reversed(self.open))
            if handler is None and self.open and self.open[-1][2]:
                handler = UNBOUND  # a label on a button nothing is bound to: a control that runs nothing yet
            self.handlers += [handler] if handler is not None else []

    def _handler(self, name: str, value: str | None) -> str:
        value = (value or "").strip()
        if not value or "{{" in value:
            return UNREAD
        if self.vue or name.startswith(("@", "v-on:")):
            return vue_handler(value) or UNREAD
        return value if value.isidentifier() else UNREAD


def _button(tag: str) -> bool:
    """Whether ``tag`` names a button: the built-in ``<button>`` or a UI kit's (``van-button``, ``zan-button``)."""
    name = tag.lower()
    return name == "button" or name.endswith("-button")


def _jsx_handlers(source: str, path: str, is_label: Callable[[str], bool]) -> list[str]:
    """:func:`control_handlers` of a JSX page (Taro, React): ``<Button onClick={submit}>发布</Button>``."""
    language = language_for(path)
    root = parse(language, source.encode("utf-8", "surrogatepass")).root_node
    out: list[str] = []
    for text in nodes_of(root, language, ("jsx_text",)):
        if is_label(node_text(text).strip()):
            handler = _control(_jsx_chain(text))
            out += [handler] if handler is not None else []
    return out


def _jsx_chain(node: Node) -> Iterator[Binds]:
    """(tap handler, submit handler, submits) of each JSX element enclosing ``node``, innermost first."""
    current = node.parent
    while current is not None:
        opening = current.child_by_field_name("open_tag") if current.type == "jsx_element" else None
        if opening is not None:
            tap = submit = None
            submits = False
            for attribute in (a for a in opening.named_children if a.type == "jsx_attribute"):
                name, value = attribute.named_children[0], attribute.named_children[-1]
                key = node_text(name)
                if key in ("onClick", "onTap"):
                    tap = _jsx_handler(value)
                elif key == "onSubmit":
                    submit = _jsx_handler(value)
                elif key == "formType" and node_text(value).strip("{}'\" ") == "submit":
                    submits = True
            yield tap, submit, submits
        current = current.parent


def _jsx_handler(value: Node) -> str:
    """The handler a JSX event attribute's value names: ``{submit}``, ``{this.submit}``,
    ``{this.submit.bind(this)}``, ``{() => this.submit(item)}``; :data:`UNREAD` for anything else."""
    node = value.named_children[0] if value.type == "jsx_expression" and value.named_children else None
    if node is not None and node.type == "arrow_function":
        body = node.child_by_field_name("body")
        if body is not None and body.type == "statement_block" and len(body.named_children) == 1 and \
                body.named_children[0].type == "expression_statement":
            body = body.named_children[0].named_children[0] if body.named_children[0].named_children else None
        node = body.child_by_field_name("function") if body is not None and body.type == "call_expression" else None
    if node is not None and node.type == "call_expression":  # this.submit.bind(this)
        callee = node.child_by_field_name("function")
        bound = callee is not None and callee.type == "member_expression" and \
            node_text(callee.child_by_field_name("property")) == "bind"
        node = callee.child_by_field_name("object") if bound and callee is not None else None
    if node is not None and node.type == "member_expression":
        holder = node.child_by_field_name("object")
        node = node.child_by_field_name("property") if holder is not None and holder.type == "this" else None
    return node_text(node) if node is not None and node.type in ("identifier", "property_identifier") else UNREAD


def does_nothing(scripts: Iterable[tuple[str, str, int]], names: Iterable[str]) -> bool:
    """Whether every handler of ``names`` is defined as a function in ``scripts`` (``(text, name, line offset)``
    units, as :func:`~mp_precheck.readers.sfc.script_units` gives them) and every definition of it does nothing
    (module docstring). False for no names, a name :data:`UNREAD`, not defined, or held by anything but a
    function or data. A name :data:`UNBOUND` (a button nothing is bound to) does nothing by itself."""
    wanted = set(names)
    if UNBOUND in wanted and wanted <= {UNBOUND}:
        return True
    wanted.discard(UNBOUND)
    if not wanted or UNREAD in wanted:
        return False
    quiet: dict[str, bool] = {}
    for source, name, _offset in scripts:
        language = language_for(name)
        root = parse(language, source.encode("utf-8", "surrogatepass")).root_node
        setters = _hook_setters(root, language)
        for node in nodes_of(root, language, _DEFINERS):
            defined = _definition(node)
            if defined is None or defined[0] not in wanted:
                continue
            function = defined[1]
            quiet[defined[0]] = quiet.get(defined[0], True) and function is not None and \
                _quiet(function, language, setters)
    return all(quiet.get(name, False) for name in wanted)


def _definition(node: Node) -> tuple[str, Node | None] | None:
    """(name, the function it holds, or None for anything else but data) of a definition node; None where the
    node defines no name or holds data (``data: { submit: false }``)."""
    if node.type in ("method_definition", "function_declaration"):
        return node_text(node.child_by_field_name("name")), node
    key = {"pair": "key", "field_definition": "property", "variable_declarator": "name",
           "assignment_expression": "left"}.get(node.type, "name")
    name_node = node.child_by_field_name(key)
    value = node.child_by_field_name("right" if node.type == "assignment_expression" else "value")
    if name_node is not None and name_node.type == "member_expression":
        name_node = name_node.child_by_field_name("property")  # this.submit = function () {…}
    if name_node is None or value is None or value.type in _DATA or name_node.type in ("array_pattern",
                                                                                         "object_pattern"):
        return None
    if value.type == "call_expression" and node_text(value.child_by_field_name("function")) in _WRAPPERS:
        arguments = value.child_by_field_name("arguments")
        value = arguments.named_children[0] if arguments is not None and arguments.named_children else value
    return node_text(name_node).strip("'\"`"), value if value.type in _FUNCTIONS else None


def _hook_setters(root: Node, language: Language) -> frozenset[str]:
    """The setters a script's state hooks hand back (``const [text, setText] = useState('')``)."""
    out: set[str] = set()
    for node in nodes_of(root, language, ("variable_declarator",)):
        pattern, value = node.child_by_field_name("name"), node.child_by_field_name("value")
        if pattern is not None and pattern.type == "array_pattern" and len(pattern.named_children) > 1 and \
                value is not None and value.type == "call_expression" and \
                node_text(value.child_by_field_name("function")) in _HOOKS:
            out.add(node_text(pattern.named_children[1]))
    return frozenset(out)


def _quiet(function: Node, language: Language, setters: frozenset[str]) -> bool:
    """Whether every call in ``function`` (its callbacks' included) only logs, tells the user something or keeps
    the page's state, and it builds no object with ``new``."""
    for node in nodes_of(function, language, ("call_expression", "new_expression")):
        if node.type == "new_expression":
            return False
        callee = node.child_by_field_name("function")
        while callee is not None and callee.type == "member_expression":  # a chain: uni.showModal({…}).then(…)
            inner = callee.child_by_field_name("object")
            if inner is None or inner.type != "call_expression":
                break
            callee = inner.child_by_field_name("function")
        text = node_text(callee)
        if not (text.startswith(("console.", *(f"{t}." for t in _TOASTS))) or text in _TOASTS or text in setters
                or text.rsplit(".", 1)[-1] in _QUIET):
            return False
    return True
