"""Members of another object a script names: the platform's API namespace or a module it imports.

``wx.getUserInfo(…)``, ``uni.navigateTo(…)``, ``api.locate()``, ``Util.openLink(link)``: the property names the
API or the imported module's function, never a method or function the script defines itself, even when the script
gives one of its own the same name (``openLink(link) { Util.openLink(link) }``, ``getUserInfo() { wepy.getUserInfo()
}``). Readers asking whether a script's own helper is called (readers/ownhelpers.py, readers/uncalled.py) leave
these out.

In: a parsed script's root node and its grammar. Out: the property nodes of those member expressions. Raises
nothing.
"""

from __future__ import annotations

from tree_sitter import Language, Node

from mp_precheck.readers.jsbindings import NAMESPACES
from mp_precheck.readers.syntax import node_text, nodes_of


def foreign_members(root: Node, language: Language) -> list[Node]:
    """The property names of member expressions whose object is the platform's API namespace (``wx``, ``uni``,
    ``wepy``, ``Taro``…) or a name the file imports or requires (``api.locate``): calls of the API or of another
    module's function, never of a method or function the file defines itself."""
    held = set(NAMESPACES) | _imported(root, language)
    out = []
    for member in nodes_of(root, language, ("member_expression",)):
        obj, prop = member.child_by_field_name("object"), member.child_by_field_name("property")
        if obj is not None and prop is not None and obj.type == "identifier" and node_text(obj) in held:
            out.append(prop)
    return out


def _imported(root: Node, language: Language) -> set[str]:
    """The names ``root``'s imports bind (``import wepy from 'wepy'``, ``import * as api``, ``{ a as b }``) and
    those a ``require(…)`` initialises (``const api = require('./api')``)."""
    out: set[str] = set()
    for node in nodes_of(root, language, ("import_statement", "variable_declarator")):
        if node.type == "import_statement":
            clause = next((c for c in node.children if c.type == "import_clause"), None)
            out |= {node_text(n) for n in nodes_of(clause, language, ("identifier",))} if clause is not None \
                else set()
            continue
        name, value = node.child_by_field_name("name"), node.child_by_field_name("value")
        if name is not None and name.type == "identifier" and value is not None and value.type == "call_expression" \
                and node_text(value.child_by_field_name("function")) == "require":
            out.add(node_text(name))
    return out
