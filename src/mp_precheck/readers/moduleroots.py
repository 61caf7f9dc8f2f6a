"""Module roots a Mini Program's build declares: folders a bare path (``utils/pay``) is resolved from, read as data.

A native app compiled by webpack and Babel often imports its own modules as ``import { pay } from 'utils/pay'``:
babel-plugin-module-resolver's ``root`` option (``["module-resolver", { "root": ["./src"] }]`` in ``.babelrc`` or
``babel.config.js``, https://github.com/tleunen/babel-plugin-module-resolver/blob/master/DOCS.md#root) and
webpack's ``resolve.modules`` (``[path.resolve(__dirname, 'src'), 'node_modules']``,
https://webpack.js.org/configuration/resolve/#resolvemodules) make such a path a file of the project, not an npm
package. Only literal paths count (a folder name webpack looks up in every parent, ``'node_modules'``, is none);
the config is never run.

In: config folders and a reader of their files. Out: root folders as alias entries (key :data:`MODULE_ROOT` + the
folder, value the folder), which :func:`~mp_precheck.readers.specifiers.rooted` reads back. Never raises.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable
from typing import Any

from tree_sitter import Node

from mp_precheck.readers.appconfig import load_json_leniently
from mp_precheck.readers.jsconfig import literal
from mp_precheck.readers.specifiers import MODULE_ROOT
from mp_precheck.readers.syntax import language_for, nodes_of, parse, string_value
from mp_precheck.readers.syntax import node_text as _text

_BABEL_JSON = (".babelrc", ".babelrc.json", "babel.config.json")
_BABEL_JS = ("babel.config.js", ".babelrc.js", "babel.config.cjs")
_WEBPACK = ("webpack.config.js", "webpack.config.babel.js", "webpack.config.ts")
_RESOLVER = ("module-resolver", "babel-plugin-module-resolver")
_PATH_CALLS = ("path.resolve", "path.join", "resolve", "join")


def module_roots(folders: Iterable[str], read_text: Callable[[str], str | None]) -> dict[str, str]:
    """The module roots the Babel and webpack configs in ``folders`` declare, as alias entries (module docstring)."""
    roots: list[str] = []
    for folder in dict.fromkeys(folders):
        for name in (*_BABEL_JSON, *_BABEL_JS, *_WEBPACK):
            path = _join(folder, name)
            text = read_text(path)
            if not text:
                continue
            if name in _BABEL_JSON:
                config, _problem = load_json_leniently(text, name)  # Babel reads .babelrc as JSON5
                roots += _babel_json_roots(config, folder)
            else:
                roots += _script_roots(text, path, folder)
    return {MODULE_ROOT + root: root for root in roots if not root.startswith("..")}


def _babel_json_roots(config: Any, folder: str) -> list[str]:
    """``root`` of a module-resolver entry of a JSON Babel config's ``plugins`` (from the config's folder)."""
    plugins = config.get("plugins") if isinstance(config, dict) else None
    out: list[str] = []
    for plugin in plugins if isinstance(plugins, list) else ():
        if isinstance(plugin, list) and len(plugin) > 1 and plugin[0] in _RESOLVER and isinstance(plugin[1], dict):
            root = plugin[1].get("root")
            out += [_join(folder, r) for r in (root if isinstance(root, list) else [root]) if isinstance(r, str)]
    return out


def _script_roots(text: str, path: str, folder: str) -> list[str]:
    """Roots in a JavaScript config: a module-resolver entry's ``root`` (``['module-resolver', { root }]``) and a
    ``resolve: { modules: [...] }`` object's absolute paths (``path.resolve(__dirname, 'src')``)."""
    language = language_for(path)
    tree = parse(language, text.encode("utf-8", "surrogatepass")).root_node
    out: list[str] = []
    for pair in nodes_of(tree, language, ("pair",)):
        key, value, holder = pair.child_by_field_name("key"), pair.child_by_field_name("value"), pair.parent
        if key is None or value is None or holder is None:
            continue
        name = _text(key).strip("'\"")
        entries = value.named_children if value.type == "array" else [value]
        if name == "root" and _resolver_options(holder):
            out += [_join(folder, r) for node in entries if isinstance(r := literal(node), str)]
        elif name == "modules" and _named(holder.parent, "resolve"):
            out += [r for node in entries if (r := resolved_path(node, posixpath.dirname(path), folder)) is not None]
    return out


def _resolver_options(obj: Node) -> bool:
    """Whether the object ``obj`` is the options of a module-resolver entry: ``['module-resolver', obj]``."""
    array = obj.parent
    if array is None or array.type != "array" or len(array.named_children) < 2:
        return False
    first, second = array.named_children[:2]
    return second.id == obj.id and string_value(first) in _RESOLVER


def _named(pair: Node | None, name: str) -> bool:
    key = pair.child_by_field_name("key") if pair is not None and pair.type == "pair" else None
    return key is not None and _text(key).strip("'\"") == name


def resolved_path(node: Node, here: str, root: str) -> str | None:
    """The repository path ``path.resolve(__dirname | process.cwd(), 'a', …)`` with literal parts names (``here``: the
    config's folder, ``root``: the folder the build runs in), else None."""
    function = node.child_by_field_name("function") if node.type == "call_expression" else None
    args = node.child_by_field_name("arguments") if function is not None else None
    if function is None or args is None or _text(function) not in _PATH_CALLS or not args.named_children:
        return None
    first, *rest = args.named_children
    start = here if _text(first) == "__dirname" else root if _text(first) == "process.cwd()" else None
    parts = [literal(n) for n in rest]
    if start is None or not all(isinstance(p, str) for p in parts):
        return None
    return _join(start, *[p for p in parts if isinstance(p, str)])


def _join(folder: str, *parts: str) -> str:
    joined = posixpath.normpath(posixpath.join(folder or ".", *parts))
    return "" if joined == "." else joined
