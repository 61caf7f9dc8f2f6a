"""Methods of a component class that nothing calls: their API calls are not uses of the app.

A Taro / React class component (``class App extends Component``) or a WePY 1.x page (``extends wepy.page``)
runs its lifecycle hooks itself; its other methods run only when something names them — ``this.locate()``,
``onClick={this.locate}``, ``this['locate']``. When the change comments out the only ``this.locate()``, the
``wx.getLocation`` inside ``locate`` no longer runs, so moving that call to a page is no new call site.

Only component classes (those extending ``Component``, ``PureComponent``, ``*.Component``, ``wepy.page``,
``wepy.component``, ``wepy.app``) are judged: a utility class's methods are called from other files.
Static methods, and every name a framework may call (``constructor``, ``render``, ``on*``, ``component*``,
React's other lifecycle methods), always count as called.

In: a parsed file's root node and its grammar (and, for :func:`without_uncalled`, the facts read from it).
Out: the 1-based line ranges of the uncalled methods; the facts without the API uses inside them.
"""

from __future__ import annotations

from msgspec.structs import replace
from tree_sitter import Language, Node

from mp_precheck.facts.model import FileFacts
from mp_precheck.readers.syntax import node_text, nodes_of, string_value

_COMPONENT_BASES = ("component", "purecomponent", "page", "app")
_FRAMEWORK_NAMES = frozenset({"constructor", "render", "shouldComponentUpdate", "getSnapshotBeforeUpdate",
                              "getDerivedStateFromProps", "getDerivedStateFromError", "getChildContext",
                              "UNSAFE_componentWillMount", "UNSAFE_componentWillReceiveProps",
                              "UNSAFE_componentWillUpdate"})
_MEMBER_TYPES = ("method_definition", "field_definition", "public_field_definition")
_FUNCTIONS = ("arrow_function", "function_expression", "function")
_NAMES = ("identifier", "property_identifier", "shorthand_property_identifier", "string")


def uncalled_methods(root: Node, language: Language) -> list[tuple[int, int]]:
    """(first line, last line) of each method of a component class in ``root`` that the file never names."""
    members = [(name, node) for node in nodes_of(root, language, _MEMBER_TYPES)
               if (name := _candidate(node)) is not None]
    if not members:
        return []
    named: dict[str, int] = {}
    for node in nodes_of(root, language, _NAMES):
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
    dead = [(a + line_offset, b + line_offset) for a, b in uncalled_methods(root, language)]
    if not dead:
        return found

    def live(line: int) -> bool:
        return not any(a <= line <= b for a, b in dead)
    return replace(found, facts=tuple(f for f in found.facts if f.kind != "api" or live(f.line)),
                   imported_calls=tuple(c for c in found.imported_calls if live(c[2])))


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
