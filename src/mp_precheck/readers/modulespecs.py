"""The modules a JS/TS file loads: ``import … from 'x'``, ``import 'x'``, ``export … from 'x'``, ``require('x')``
and ``import('x')``, as written (specifiers, not resolved paths).

In: tree-sitter nodes of one file (import statements, export statements and calls, in any order). Out: the
literal specifiers in source order, each once. A computed ``require(name)`` names nothing and is left out.
"""

from __future__ import annotations

from collections.abc import Iterable

from tree_sitter import Node

from mp_precheck.core.sdkmodules import npm_package
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


# Packages only a server process loads: web frameworks, database drivers, WeChat's and uniCloud's server SDKs.
SERVER_PACKAGES = frozenset({
    "express", "koa", "egg", "fastify", "@nestjs/core", "@nestjs/common", "@hapi/hapi", "hapi", "restify",
    "@midwayjs/core", "thinkjs", "koa-router", "@koa/router", "koa-body", "koa-bodyparser", "body-parser",
    "mysql", "mysql2", "pg", "mongoose", "mongodb", "sequelize", "typeorm", "knex", "redis", "ioredis", "sqlite3",
    "better-sqlite3", "@prisma/client", "wx-server-sdk", "@cloudbase/node-sdk", "tcb-admin-node", "nodemailer",
    "multer",
})
# Built-ins no Mini Program can use: a script loading one of these, or a ``node:`` module, runs under Node. Not
# those webpack 4 (uni-app and Taro 2 builds) replaces with working browser copies — ``path``, ``crypto``, ``os``,
# ``url``, ``events``… — which alone say nothing (``http`` / ``https`` copies need an XMLHttpRequest it lacks).
_NODE_ONLY = frozenset({"fs", "fs/promises", "http", "https", "net", "child_process", "cluster", "dgram", "tls",
                        "worker_threads", "readline", "http2"})


def runs_on_server(specs: Iterable[str]) -> bool:
    """Whether module specifiers ``specs`` make a script one only Node runs: a ``node:`` module, a Node built-in
    no Mini Program can use (``fs``, ``child_process``…) or a server package (``express``, ``mysql2``,
    ``wx-server-sdk``…). A Mini Program's ``require`` loads only the package's own files and built npm packages
    (https://developers.weixin.qq.com/miniprogram/dev/reference/api/require.html)."""
    return any(spec.startswith("node:") or spec in _NODE_ONLY or npm_package(spec) in SERVER_PACKAGES
               for spec in specs)
