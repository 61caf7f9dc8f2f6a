"""Dead controls of React / Taro class components: a JSX event prop naming a method the class never has.

A prop names a method when it is ``onClick={this.onBuy}``, ``onClick={this.onBuy.bind(this)}`` or an inline
arrow that calls one, ``onClick={() => this.onBuy(item)}``: when the class lacks ``onBuy`` the tap does nothing
(or throws). Everything else is a handler in its own right and never checked: an arrow doing its own work, a hook
setter (``onClick={() => setOpen(true)}``), a prop passed down (``onClick={props.onTap}``,
``this.props.onTap``), an imported function (``onClick={handleTap}``).

A class defines what its body defines (methods, fields, ``this.x =``), what ``Cls.prototype.x =`` adds in the
file, and what its base class gives every instance: React's ``setState`` / ``forceUpdate``
(https://react.dev/reference/react/Component) and Taro's ``$``-prefixed members (``this.$router``,
``this.$preload``: https://docs.taro.zone/docs/1.x/component). Unknown is never dead: a class with decorators,
another base class (or one imported from a project module under React's name), ``this[name]``,
``Object.assign(this, …)`` or any other use of ``Cls.prototype`` is not checked.

In: a script's text and path (JSX / TSX / JS / TS). Out: the dead bindings, in the order of a walk. Never raises.
Source: https://developers.weixin.qq.com/miniprogram/product/reject.html (3.3.1: features must work).
"""

from __future__ import annotations

from tree_sitter import Language, Node

from mp_precheck.readers.handlers import KNOWN_BASES, USER_EVENTS, Binding, event_of
from mp_precheck.readers.inherited import base_class
from mp_precheck.readers.specifiers import is_project_spec
from mp_precheck.readers.syntax import language_for, node_text, nodes_of, parse, string_value

# What a class body defines its members with (:func:`_class_members`), and calls that add members unseen.
_MEMBER_TYPES = ("method_definition", "field_definition", "public_field_definition", "assignment_expression",
                 "subscript_expression", "call_expression")
_ADDERS = frozenset({"Object.assign", "Object.defineProperty", "Object.defineProperties", "Object.setPrototypeOf"})
# Members React's Component gives every instance (props and state are read, never tapped, but are no handler).
_INHERITED = frozenset({"setState", "forceUpdate", "replaceState", "isMounted", "props", "state", "context", "refs",
                        "updater"})
_OPEN = "*"


def class_component_dead(text: str, path: str) -> list[Binding]:
    """JSX event props of React / Taro class components in ``text`` (at ``path``) naming a method the class
    lacks; see the module docstring. ``this.props.onX`` is the parent's and never checked."""
    language = language_for(path)
    root = parse(language, text.encode("utf-8", "surrogatepass")).root_node
    prototypes = _prototype_members(root, language) if ".prototype" in text else {}
    project_bases = _project_imports(root, language)
    out = []
    # The classes and their JSX props are found by tree-sitter's query engine, in the order of a walk.
    for node in nodes_of(root, language, ("class_declaration", "class")):
        base = base_class(node)
        if base not in KNOWN_BASES or base.startswith("wepy") or base.split(".")[0] in project_bases or \
                _decorated(node):
            continue
        defined = _class_members(node, language) | prototypes.get(_class_name(node), set())
        if _OPEN in defined:
            continue
        for attr in nodes_of(node, language, ("jsx_attribute",)):
            if len(attr.named_children) < 2:
                continue
            name = node_text(attr.named_children[0])
            event = event_of(name) if name.startswith("on") and name[2:3].isupper() else ""
            handler = _this_method(attr.named_children[1]) if event in USER_EVENTS else None
            if handler and handler not in defined and not inherited(handler):
                out.append(Binding(handler, name, attr.start_point[0] + 1))
    return out


def inherited(member: str) -> bool:
    """Whether every React / Taro class component has ``member`` from its base class (``setState``,
    ``$router``)."""
    return member in _INHERITED or member.startswith("$")


def _decorated(node: Node) -> bool:
    return any(c.type == "decorator" for c in node.children) or \
        (node.parent is not None and any(c.type == "decorator" for c in node.parent.children))


def _class_name(node: Node) -> str:
    """The class's own name, or the variable a class expression is assigned to (``const A = class …``)."""
    name = node.child_by_field_name("name")
    if name is None and node.parent is not None and node.parent.type == "variable_declarator":
        name = node.parent.child_by_field_name("name")
    return node_text(name) if name is not None else ""


def _class_members(node: Node, language: Language) -> set[str]:
    """Methods, fields and ``this.x = …`` assignments of a class (parsed with ``language``); ``{"*"}`` joined
    when members are added where the class does not show them (``Object.assign(this, …)``)."""
    names = set()
    for child in nodes_of(node, language, _MEMBER_TYPES):
        if child.type in ("method_definition", "field_definition", "public_field_definition"):
            names.add(node_text(child.child_by_field_name("name") or child.child_by_field_name("property")))
        elif child.type == "assignment_expression":
            left = child.child_by_field_name("left")
            if left is not None and left.type == "member_expression":
                names.add(node_text(left.child_by_field_name("property")))
        elif child.type == "subscript_expression" and node_text(child.child_by_field_name("object")) == "this":
            return _everything(node, language)  # this[name]: any member the class spells
        elif child.type == "call_expression" and node_text(child.child_by_field_name("function")) in _ADDERS:
            args = child.child_by_field_name("arguments")
            if args is not None and args.named_children and node_text(args.named_children[0]) == "this":
                names.add(_OPEN)
    return names


def _everything(node: Node, language: Language) -> set[str]:
    return {node_text(n) for n in nodes_of(node, language, ("property_identifier", "identifier"))}


def _prototype_members(root: Node, language: Language) -> dict[str, set[str]]:
    """Per class name, the members ``Cls.prototype.x = …`` adds in the file; ``"*"`` among them when
    ``Cls.prototype`` is used any other way (``Object.assign(Cls.prototype, mixin)``)."""
    found: dict[str, set[str]] = {}
    for node in nodes_of(root, language, ("member_expression",)):
        if node_text(node.child_by_field_name("property")) != "prototype":
            continue
        names = found.setdefault(node_text(node.child_by_field_name("object")), set())
        parent = node.parent
        target = parent.parent if parent is not None and parent.type == "member_expression" else None
        if parent is not None and target is not None and target.type == "assignment_expression" and \
                target.child_by_field_name("left") == parent:
            names.add(node_text(parent.child_by_field_name("property")))
        else:
            names.add(_OPEN)
    return found


def _project_imports(root: Node, language: Language) -> set[str]:
    """Local names the file imports from its own project's modules (a base class named ``Component`` there is
    the project's, which may hold any handler)."""
    names: set[str] = set()
    for node in nodes_of(root, language, ("import_statement",)):
        source = node.child_by_field_name("source")
        if source is None or not is_project_spec(string_value(source) or ""):
            continue
        for child in nodes_of(node, language, ("identifier",)):
            names.add(node_text(child))
    return names


def _this_method(value: Node) -> str | None:
    """``m`` of ``{this.m}``, ``{this.m.bind(this)}``, ``{() => this.m()}``; None for anything else."""
    if value.type != "jsx_expression" or not value.named_children:
        return None
    node = value.named_children[0]
    if node.type == "arrow_function":
        body = node.child_by_field_name("body")
        node = body if body is not None and body.type == "call_expression" else node
        if node.type == "call_expression":
            node = node.child_by_field_name("function") or node
    elif node.type == "call_expression":
        callee = node.child_by_field_name("function")
        if callee is None or callee.type != "member_expression" or \
                node_text(callee.child_by_field_name("property")) != "bind":
            return None
        node = callee.child_by_field_name("object") or node
    if node.type != "member_expression" or node_text(node.child_by_field_name("object")) != "this":
        return None
    return node_text(node.child_by_field_name("property"))
