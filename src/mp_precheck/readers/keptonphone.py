"""Whether a script's own function keeps everything on the phone: its body, read whole, sends nothing away.

A page's method such as ``addTurn(text) { this.setData({ messages: [...] }) }`` only changes what the
page shows, however its name reads; a method that calls a request, a cloud function, a socket, an imported
module's function, a method the script does not define (a mixin's, a behavior's, ``this.$api``'s) or a function
it cannot see may send. The script's own functions it calls are read the same way, so a chain of helpers that
ends in ``setData`` sends nothing. Only the network APIs send (``wx.request``, ``wx.uploadFile``, sockets, cloud
functions: https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html); other platform calls
(a toast, a selector query, storage) stay on the phone.

In: a parsed script's root node. Out: :class:`KeptOnPhone`, asked by name (``this.addTurn`` or
``createMessage``) with :meth:`KeptOnPhone.keeps`. Raises nothing.
"""

from __future__ import annotations

from tree_sitter import Node

from mp_precheck.readers.localcalls import SELF
from mp_precheck.readers.syntax import node_text, walk

_FUNCTIONS = frozenset({"arrow_function", "function_expression", "function", "generator_function"})
_PLATFORMS = frozenset({"wx", "uni", "Taro", "tt", "my", "swan", "qq", "jd", "ks"})
# Members of the platform or of any value that send: requests, uploads, sockets, cloud functions and containers,
# and a project client's verbs (http.post, client.send)
_NETWORK = frozenset({"request", "uploadFile", "downloadFile", "connectSocket", "sendSocketMessage", "send",
                      "callFunction", "callContainer", "fetch", "post", "put", "patch", "ajax", "emit"})
# Globals of the language that compute a value and send nothing
_BUILTINS = frozenset({"console", "Math", "JSON", "Object", "Array", "String", "Number", "Boolean", "Date",
                       "Promise", "parseInt", "parseFloat", "isNaN", "setTimeout", "clearTimeout", "setInterval",
                       "clearInterval", "encodeURIComponent", "decodeURIComponent", "getCurrentPages", "Symbol",
                       "Map", "Set", "RegExp", "Error"})


class KeptOnPhone:
    """The script's functions by name and what it imports; :meth:`keeps` answers for one of them."""

    def __init__(self, root: Node) -> None:
        self.functions: dict[str, Node] = {}
        self.imports: set[str] = set()
        for node in walk(root):
            if node.type in ("method_definition", "function_declaration"):
                self.functions.setdefault(node_text(node.child_by_field_name("name")), node)
            elif node.type in ("pair", "variable_declarator"):
                name = node.child_by_field_name("key" if node.type == "pair" else "name")
                value = node.child_by_field_name("value")
                if value is None or name is None:
                    continue
                if value.type in _FUNCTIONS:
                    self.functions.setdefault(node_text(name).strip("'\""), value)
                elif node.type == "variable_declarator" and _loads_module(value):
                    self.imports |= {node_text(n) for n in walk(name) if n.type in _NAMES}
            elif node.type == "import_statement":
                self.imports |= {node_text(n) for n in walk(node) if n.type == "identifier"}

    def keeps(self, callee: str) -> bool:
        """Whether calling ``callee`` (``this.name``, ``that.name`` or ``name`` of a function this script
        defines) sends nothing away: False for a callee the script does not define, or one whose body (or a
        function of the script it calls) may send."""
        return self._keeps(_own_name(callee), set())

    def _keeps(self, name: str | None, seen: set[str]) -> bool:
        if name is None or name not in self.functions:
            return False
        if name in seen:
            return True  # a recursion sends nothing the first pass did not
        seen.add(name)
        return all(not self._sends(node_text(call.child_by_field_name("function")), seen)
                   for call in walk(self.functions[name]) if call.type == "call_expression")

    def _sends(self, callee: str, seen: set[str]) -> bool:
        """Whether one call, by its callee's text, may send."""
        parts = callee.split("(")[0].split(".")
        root, last = parts[0].strip(), callee.rsplit(".", 1)[-1]
        if last in _NETWORK or root in self.imports:
            return True
        if root in SELF:
            if len(parts) == 2 and parts[1] != "setData":
                return not self._keeps(parts[1], seen)  # the page's own method, or a mixin's that may send
            return len(parts) > 2 and parts[1].startswith("$")  # this.$api.x may send; this.data.list.push not
        if root in _PLATFORMS or root in _BUILTINS:
            return False
        if len(parts) == 1 and "(" not in callee:
            return not self._keeps(root, seen)  # a function of the script, else one it cannot see
        return False  # a method of a value (list.concat, text.trim)


_NAMES = frozenset({"identifier", "shorthand_property_identifier_pattern"})


def _loads_module(value: Node) -> bool:
    """Whether a declarator's value loads a module: ``require('…')``, ``await import('…')``, or a member of one."""
    text = node_text(value).removeprefix("await").lstrip()
    return text.startswith(("require(", "import("))


def _own_name(callee: str) -> str | None:
    """``name`` of ``this.name`` / ``that.name`` / ``name``; None for any other callee."""
    parts = callee.split(".")
    if len(parts) == 1:
        return parts[0]
    return parts[1] if len(parts) == 2 and parts[0] in SELF else None
