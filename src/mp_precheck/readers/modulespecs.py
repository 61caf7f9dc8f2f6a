"""The modules a JS/TS file loads: ``import … from 'x'``, ``import 'x'``, ``export … from 'x'``, ``require('x')``
and ``import('x')``, as written (specifiers, not resolved paths).

In: tree-sitter nodes of one file (import statements, export statements and calls, in any order). Out: the
literal specifiers in source order, each once. A computed ``require(name)`` names nothing and is left out.
"""

from __future__ import annotations

from collections.abc import Iterable

from tree_sitter import Node

from mp_precheck.readers.syntax import string_value

NODE_TYPES = ("import_statement", "export_statement", "call_expression")


def module_specifiers(nodes: Iterable[Node]) -> tuple[str, ...]:
    """Literal module specifiers ``nodes`` load, first occurrence first."""
    found: dict[str, None] = {}
    for node in nodes:
        if node.type in ("import_statement", "export_statement"):
            source = node.child_by_field_name("source")
        elif node.type == "call_expression" and _loads_module(node):
            args = node.child_by_field_name("arguments")
            source = args.named_children[0] if args is not None and args.named_children else None
        else:
            continue
        if source is None or (source.type == "template_string" and b"${" in (source.text or b"")):
            continue  # require(`./lang/${name}`): computed, names no one module
        spec = string_value(source)
        if spec:
            found.setdefault(spec, None)
    return tuple(found)


def _loads_module(call: Node) -> bool:
    function = call.child_by_field_name("function")
    return function is not None and (function.type == "import" or
                                     (function.type == "identifier" and function.text == b"require"))


# Node.js built-in modules no Mini Program runtime has: a script loading one runs on a server (or a build tool).
# https://developers.weixin.qq.com/miniprogram/dev/devtools/npm.html (only npm packages without Node built-ins)
_NODE_BUILTINS = frozenset({"crypto", "fs", "http", "https", "net", "child_process", "cluster", "dgram", "os",
                            "zlib", "tls", "worker_threads"})


def runs_on_node(specs: Iterable[str]) -> bool:
    """Whether module specifiers ``specs`` load a Node.js built-in (``crypto``, ``node:fs``…)."""
    return any(spec.removeprefix("node:") in _NODE_BUILTINS for spec in specs)
