"""Inert controls of JSX pages (Taro, React): a tap or click prop whose handler does nothing at all.

The reviewer taps it and nothing happens, as with a handler the page never defines (``readers/jsxhandlers.py``): the
prop is an empty function written in place (``onClick={() => {}}``, ``onTap={function () {}}``), or names one of the
file's functions — a declared function, a ``const`` holding an arrow or a function (through ``useCallback``), a class
component's method or arrow field (``onClick={this.onBuy}``, ``.bind(this)``) — whose body is empty or only logs
(``console.*``), returns nothing or holds comments. Any other statement or call does something: navigating, setting
state (``setState``, a hook's setter), calling a prop or another function, ``e.stopPropagation()`` (a mask keeping a
tap from the page below). A name bound any other way in the file (a parameter, a destructured prop, an import, a
variable holding anything but such a function) is a handler the file cannot show: never inert.

Only a control the reviewer can see and use is read: an element with content (text, a child, a value shown) or a
self-closing button, image or icon (``<Button>``, ``<Image src>``); one written ``disabled`` or ``hidden`` (unless
``{false}``) is off by design, and an empty self-closing element (a mask's ``<View onClick={() => {}} />``) shows
nothing of its own. Events: https://docs.taro.zone/docs/event (``onClick``, ``onTap``, ``onLongPress``).

In: a script's text and path (JSX / TSX / JS). Out: the inert bindings, in the order of a walk — a named handler by
its name, one written in place as ``<prop>:inline`` and the first words it shows. Never raises.
"""

from __future__ import annotations

from tree_sitter import Language, Node

from mp_precheck.readers.handlers import Binding, event_of
from mp_precheck.readers.syntax import language_for, node_text, nodes_of, parse

_TAPS = frozenset({"tap", "click", "longpress", "longtap"})
_FUNCTIONS = frozenset({"arrow_function", "function_expression", "function"})
_WRAPPERS = frozenset({"useCallback", "React.useCallback", "useMemoizedFn", "useMemo", "React.useMemo"})
_DATA = frozenset({"null", "undefined", "true", "false", "number", "string"})
_BINDERS = frozenset({"variable_declarator", "formal_parameters", "required_parameter", "optional_parameter",
                      "object_pattern", "array_pattern", "pair_pattern", "assignment_pattern", "rest_pattern",
                      "import_specifier", "import_clause", "namespace_import", "function_declaration", "catch_clause"})
_SHOWN = ("button", "image", "img", "icon", "avatar")  # a self-closing element that shows itself
_SHOWN_ATTRIBUTES = frozenset({"src", "text", "title", "label", "icon"})
_OFF = frozenset({"disabled", "hidden"})
_CONTROLS = ("button", "input", "textarea", "navigator", "picker", "switch", "checkbox", "radio", "slider", "form")
INLINE = ":inline"


def inert_bindings(text: str, path: str) -> list[Binding]:
    """The tap / click props of visible, enabled JSX elements in ``text`` (at ``path``) whose handler does nothing;
    see the module docstring."""
    if "on" not in text:
        return []
    language = language_for(path)
    root = parse(language, text.encode("utf-8", "surrogatepass")).root_node
    out = []
    for attr in nodes_of(root, language, ("jsx_attribute",)):
        if len(attr.named_children) < 2 or attr.parent is None:
            continue
        name = node_text(attr.named_children[0])
        if not (name.startswith("on") and name[2:3].isupper() and event_of(name) in _TAPS):
            continue
        handler = _inert_handler(attr.named_children[1], name, root, language)
        if handler is not None and _usable(attr.parent):
            label = _label(attr.parent) if handler.endswith(INLINE) else ""
            out.append(Binding(handler + label, name, attr.start_point[0] + 1))
    return out


def _inert_handler(value: Node, prop: str, root: Node, language: Language) -> str | None:
    """The key of the handler a prop's value gives when it does nothing (its name, or ``<prop>:inline``), else None."""
    node = value.named_children[0] if value.type == "jsx_expression" and value.named_children else None
    if node is None:
        return None
    if node.type in _FUNCTIONS:
        return prop + INLINE if does_nothing(node) else None
    if node.type == "call_expression":  # this.onBuy.bind(this)
        callee = node.child_by_field_name("function")
        if callee is None or callee.type != "member_expression" or \
                node_text(callee.child_by_field_name("property")) != "bind":
            return None
        node = callee.child_by_field_name("object") or node
    if node.type == "identifier":
        return node_text(node) if _defined_inert(node_text(node), root, language) else None
    if node.type == "member_expression" and node_text(node.child_by_field_name("object")) == "this":
        member = node_text(node.child_by_field_name("property"))
        return member if _member_inert(member, node, language) else None
    return None


def does_nothing(function: Node) -> bool:
    """Whether a function's body does nothing: empty, comments, ``console.*`` calls, a bare ``return``, or (an arrow's
    expression body) a log or a literal."""
    body = function.child_by_field_name("body")
    if body is None:
        return False
    if body.type != "statement_block":
        return _logs(body) or body.type in _DATA
    for statement in body.named_children:
        if statement.type in ("comment", "empty_statement", "debugger_statement"):
            continue
        if statement.type == "return_statement" and all(c.type in _DATA for c in statement.named_children):
            continue
        if statement.type == "expression_statement" and statement.named_children and \
                _logs(statement.named_children[0]):
            continue
        return False
    return True


def _logs(node: Node) -> bool:
    """Whether an expression is a ``console.*`` call whose arguments call, assign and build nothing."""
    if node.type != "call_expression" or not node_text(node.child_by_field_name("function")).startswith("console."):
        return False
    args = node.child_by_field_name("arguments")
    return args is None or not any(n.type in ("call_expression", "assignment_expression", "new_expression",
                                              "update_expression", "await_expression") for n in _descendants(args))


def _descendants(node: Node) -> list[Node]:
    out, stack = [], list(node.named_children)
    while stack:
        current = stack.pop()
        out.append(current)
        stack.extend(current.named_children)
    return out


def _defined_inert(name: str, root: Node, language: Language) -> bool:
    """Whether every binding of ``name`` in the file is a function that does nothing (and there is one)."""
    bindings = [n for n in nodes_of(root, language, ("identifier", "shorthand_property_identifier_pattern"))
                if node_text(n) == name and n.parent is not None and n.parent.type in _BINDERS]
    return bool(bindings) and all(_inert_binding(n) for n in bindings)


def _inert_binding(identifier: Node) -> bool:
    parent = identifier.parent
    if parent is None:
        return False
    if parent.type == "function_declaration" and parent.child_by_field_name("name") == identifier:
        return does_nothing(parent)
    if parent.type != "variable_declarator" or parent.child_by_field_name("name") != identifier:
        return False  # a parameter, a destructured prop, an import: a handler the file cannot show
    value = parent.child_by_field_name("value")
    if value is not None and value.type == "call_expression" and \
            node_text(value.child_by_field_name("function")) in _WRAPPERS:
        args = value.child_by_field_name("arguments")
        value = args.named_children[0] if args is not None and args.named_children else None
    return value is not None and value.type in _FUNCTIONS and does_nothing(value)


def _member_inert(member: str, used: Node, language: Language) -> bool:
    """Whether the class around ``used`` defines ``member`` only as functions that do nothing (methods, fields),
    and never assigns it elsewhere (``this.x = …``)."""
    cls = used.parent
    while cls is not None and cls.type not in ("class_declaration", "class"):
        cls = cls.parent
    if cls is None:
        return False
    found = False
    for node in nodes_of(cls, language, ("method_definition", "field_definition", "public_field_definition",
                                         "assignment_expression")):
        if node.type == "assignment_expression":
            left = node.child_by_field_name("left")
            if left is not None and left.type == "member_expression" and \
                    node_text(left.child_by_field_name("property")) == member:
                return False
            continue
        key = node.child_by_field_name("name") or node.child_by_field_name("property")
        if node_text(key) != member:
            continue
        function = node if node.type == "method_definition" else node.child_by_field_name("value")
        if function is None or (function.type not in _FUNCTIONS and function.type != "method_definition") or \
                not does_nothing(function):
            return False
        found = True
    return found


def _usable(opening: Node) -> bool:
    """Whether the element ``opening`` opens (or is, self-closing) shows something and is not switched off."""
    attributes = [a for a in opening.named_children if a.type == "jsx_attribute" and a.named_children]
    for attribute in attributes:
        if node_text(attribute.named_children[0]) in _OFF and \
                (len(attribute.named_children) < 2 or node_text(attribute.named_children[1]) != "{false}"):
            return False
    if opening.type == "jsx_self_closing_element":
        tag = node_text(opening.child_by_field_name("name")).rsplit(".", 1)[-1].lower()
        return tag.endswith(_SHOWN) or any(node_text(a.named_children[0]) in _SHOWN_ATTRIBUTES for a in attributes)
    element = opening.parent
    if element is None or _holds_controls(element):
        return False
    return any((child.type == "jsx_text" and node_text(child).strip()) or child.type in (
        "jsx_element", "jsx_self_closing_element") or (child.type == "jsx_expression" and any(
            c.type != "comment" for c in child.named_children)) for child in element.named_children)


def _label(opening: Node) -> str:
    """The text an element shows (its first words, at most 20 characters), to tell one handler written in place
    from another: a control moved to another page keeps its label."""
    stack = [opening.parent] if opening.type == "jsx_opening_element" and opening.parent is not None else []
    while stack:  # in the order of the text
        node = stack.pop()
        if node.type == "jsx_text" and node_text(node).strip():
            return node_text(node).strip()[:20]
        stack.extend(reversed(node.named_children))
    return ""


def _holds_controls(element: Node) -> bool:
    """Whether ``element`` wraps controls of its own (a child with an event prop, a button, a field, a link): the
    reviewer taps those, and the wrapper's own handler is no control."""
    for node in _descendants(element):
        if node.type == "jsx_attribute" and node.named_children and node.parent is not None and \
                node.parent.parent != element:
            name = node_text(node.named_children[0])
            if (name.startswith("on") and name[2:3].isupper()) or name in ("openType", "formType"):
                return True
        elif node.type in ("jsx_opening_element", "jsx_self_closing_element") and node.parent != element:
            tag = node_text(node.child_by_field_name("name")).rsplit(".", 1)[-1].lower()
            if tag.endswith(_CONTROLS):
                return True
    return False
