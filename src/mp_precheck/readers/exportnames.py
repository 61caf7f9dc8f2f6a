"""Whether a file of the app names a module's exported function other than by importing it.

A helper module's ``export function pay(data) { wx.requestPayment(…) }`` runs only when some file names it:
``pay(order)``, ``utils.pay(order)``, ``this.$parent.pay()`` (a WePY page reaching its app), a callback handed on
(``then(pay)``), a re-export. An import (``import { pay } from '../utils'``, a destructured ``require``) reaches
nothing by itself, and a call left in a comment (``// pay(order)``) is no call: the parser gives a comment no names.
In the module itself, its definition, a recursive call inside it and its export lists (``export { pay }``,
``module.exports = { pay }``) call nothing either. Used by ``core/firstexports.py`` to tell a dormant helper from
one the base app already called.

In: a file's text and path, the names, the line spans of the definitions (the module itself). Out: the names it
may call. A template's event binding counts; a file of any other kind is read as naming every name it writes
(unknown is never taken for uncalled). Never raises on malformed code.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable

from tree_sitter import Language, Node

from mp_precheck.readers.handlers import template_bindings
from mp_precheck.readers.ownhelpers import words
from mp_precheck.readers.sfc import SFC_SUFFIXES, split_blocks
from mp_precheck.readers.syntax import language_for, node_text, nodes_of, parse, string_value

_SCRIPTS = (".js", ".ts", ".jsx", ".tsx", ".mjs", ".cjs")
_NAMES = ("identifier", "property_identifier", "shorthand_property_identifier", "string")
# Where an export list ends: a name inside a function's body or an arrow's expression is a call, not a listing.
_SCOPES = ("statement_block", "program", "class_body", "arrow_function", "function_expression", "function",
           "call_expression", "new_expression")


def names_beyond_imports(text: str, path: str, names: set[str],
                         own: Iterable[tuple[int, int]] | None = None) -> set[str]:
    """Those of ``names`` the file ``text`` at ``path`` may call. ``own``: the module's own definitions' (first,
    last) lines when ``path`` is the module that exports them (its export lists are no calls); None for any other
    file (its re-export is: other modules reach the function through it)."""
    if not text or not names:
        return set()
    suffix = posixpath.splitext(path)[1].lower()
    if suffix in _SCRIPTS:
        return _in_script(text, path, names, own)
    if suffix == ".wxml":
        return {b.handler for b in template_bindings(text)[0]} & names
    if path.endswith(SFC_SUFFIXES):
        out: set[str] = set()
        for block in split_blocks(text):
            out |= _in_script(block.text, path + (".ts" if block.attrs.get("lang") == "ts" else ".js"), names, None) \
                if block.tag == "script" else words(block.text) & names
        return out
    return {name for name in names if name in text}


def _in_script(text: str, path: str, names: set[str], own: Iterable[tuple[int, int]] | None) -> set[str]:
    language = language_for(path)
    root = parse(language, text.encode("utf-8", "surrogatepass")).root_node
    spans = list(own or ())
    local = {name: name for name in names} | _aliases(root, language, names)
    out: set[str] = set()
    for node in nodes_of(root, language, _NAMES):
        parent = node.parent
        if node.type == "string":
            said = string_value(node) if parent is not None and parent.type == "subscript_expression" else None
        elif node.type == "property_identifier" and (parent is None or parent.type != "member_expression"):
            continue  # an object key names nothing
        else:
            said = node_text(node)
        name = local.get(said or "")
        if name is None or name in out or _imports(node):
            continue
        row = node.start_point[0] + 1
        if own is not None and (any(a <= row <= b for a, b in spans) or _exports(node)):
            continue
        out.add(name)
    return out


def _aliases(root: Node, language: Language, names: set[str]) -> dict[str, str]:
    """Local name → exported name of each of ``names`` the script imports or requires under another name
    (``import { pay as payNow }``, ``const { pay: payNow } = require(…)``): its mentions are the function's."""
    out: dict[str, str] = {}
    for node in nodes_of(root, language, ("import_specifier", "pair_pattern")):
        name = node.child_by_field_name("name" if node.type == "import_specifier" else "key")
        alias = node.child_by_field_name("alias" if node.type == "import_specifier" else "value")
        if name is not None and alias is not None and alias.type == "identifier" and node_text(name) in names:
            out[node_text(alias)] = node_text(name)
    return out


def _imports(node: Node) -> bool:
    """Whether a name is bound by an import (``import { pay } from``) or a destructured ``require``, which call
    nothing."""
    current = node.parent
    while current is not None:
        if current.type == "import_statement":
            return True
        if current.type == "object_pattern" and current.parent is not None and \
                current.parent.type == "variable_declarator" and \
                (value := current.parent.child_by_field_name("value")) is not None and \
                value.type == "call_expression" and node_text(value.child_by_field_name("function")) == "require":
            return True
        if current.type in ("statement_block", "program", "class_body"):
            return False
        current = current.parent
    return False


def _exports(node: Node) -> bool:
    """Whether a name sits in its module's export list: ``export { pay }``, ``export default pay``,
    ``module.exports = { pay }``, ``exports.pay = pay``."""
    current = node.parent
    while current is not None and current.type not in _SCOPES:
        if current.type == "export_statement":
            return True
        if current.type == "assignment_expression":
            left = node_text(current.child_by_field_name("left"))
            if left == "module.exports" or left.startswith(("module.exports.", "exports.")):
                return True
        current = current.parent
    return False
