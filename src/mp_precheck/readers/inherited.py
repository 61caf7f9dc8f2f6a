"""Calls of an imported base class's methods: ``this.uploadFile(…)`` in a class that extends another module's class.

An API module often subclasses the project's request class (``class OrderApi extends Request { upload(f) {
return this.uploadFile('/upload', f) } }``): the method it calls is the base class's, defined in the module the
base is imported from. Read as a call of that module's export (``Request.uploadFile``), the wrapper reader
follows it there (``facts/store.py``) as it follows any imported call, so a page calling ``orderApi.upload()``
uploads as the base class's ``wx.uploadFile`` does. A method the class defines itself (an override) is its own
and stays a sibling call (``readers/jsexports.py``); ``super.x()`` always names the base's. Class inheritance:
https://tc39.es/ecma262/#sec-class-definitions (``ClassHeritage``), which mini program code compiles as is
(https://developers.weixin.qq.com/miniprogram/dev/framework/runtime/js-support.html).

In: the ``member_expression`` a call calls, and the file's import bindings. Out: (module specifier, exported
name) as ``FileFacts.imported_calls`` spells them, or None. Never raises.
"""

from __future__ import annotations

from collections.abc import Mapping

from tree_sitter import Node

from mp_precheck.readers.specifiers import is_project_spec
from mp_precheck.readers.syntax import node_text

CLASSES = ("class_declaration", "class", "abstract_class_declaration")


def base_class(node: Node) -> str:
    """The name a class extends (``React.Component``), "" for none.

    JavaScript's grammar puts the base right under ``class_heritage``; TypeScript's wraps it in an
    ``extends_clause`` whose ``value`` is the base and whose ``type_arguments`` (``<Props, State>``) are not.
    """
    heritage = next((c for c in node.named_children if c.type == "class_heritage"), None)
    if heritage is None or not heritage.named_children:
        return ""
    base = heritage.named_children[0]
    if base.type == "extends_clause":
        value = base.child_by_field_name("value")
        return node_text(value) if value is not None else ""
    return node_text(base)


def _enclosing_class(node: Node) -> Node | None:
    """The class whose method holds ``node``: through arrow functions (they keep ``this``), not through another
    ``function`` (its own ``this``)."""
    current = node.parent
    while current is not None:
        if current.type in CLASSES:
            return current
        if current.type in ("function_expression", "function_declaration", "function", "generator_function",
                            "generator_function_declaration"):
            return None
        current = current.parent
    return None


def _own_members(cls: Node) -> set[str]:
    """Names of the methods and fields a class body defines itself."""
    body = cls.child_by_field_name("body")
    names: set[str] = set()
    for item in body.named_children if body is not None else ():
        name = item.child_by_field_name("name") or item.child_by_field_name("property")
        if name is not None:
            names.add(node_text(name))
    return names


def inherited_call(callee: Node, module_aliases: Mapping[str, str],
                   named_imports: Mapping[str, tuple[str, str]]) -> tuple[str, str] | None:
    """(module specifier, exported name) of the base-class method ``callee`` (``this.x`` / ``super.x``) calls,
    where its class extends a class imported from a project module (not an npm package) and does not define
    ``x`` itself; else None. A default import names the method bare (``uploadFile``), a named one as
    ``Base.uploadFile``: the names the module's exports offer (``readers/jsexports.py``)."""
    receiver, method = callee.child_by_field_name("object"), callee.child_by_field_name("property")
    if receiver is None or method is None or receiver.type not in ("this", "super"):
        return None
    cls = _enclosing_class(callee)
    if cls is None:
        return None
    name = node_text(method)
    base = base_class(cls)
    if not base or (receiver.type == "this" and name in _own_members(cls)):
        return None
    if base in module_aliases and is_project_spec(module_aliases[base]):
        return module_aliases[base], name
    if base in named_imports and is_project_spec(named_imports[base][0]):
        spec, exported = named_imports[base]
        return spec, f"{exported}.{name}"
    return None  # no base, or a framework's (React.Component, an npm package's class)
