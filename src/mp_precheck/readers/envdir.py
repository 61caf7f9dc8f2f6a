"""The folder a Vite build reads its env files from: ``envDir`` of the ``vite.config.*`` beside the project's
``package.json`` (``envDir: './env'``, ``envDir: resolve(__dirname, 'env')``), read from the tree-sitter tree,
never run. Vite reads ``.env`` and ``.env.[mode]`` there instead of the config's own folder
(https://vite.dev/config/shared-options.html#envdir), so the API base a uni-app keeps in ``env/.env.production``
is inlined into the Mini Program like one beside ``package.json``.

In: the ``package.json`` folder, the tree's paths and a reader of head files. Out: the folder (a repository
path, '' for the root) or None when no config names one, it names none as a literal, or it leaves the tree.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Collection

from tree_sitter import Node

from mp_precheck.readers.syntax import language_for, node_text, nodes_of, parse, string_value

_CONFIGS = ("vite.config.ts", "vite.config.js", "vite.config.mts", "vite.config.mjs")
_PATH_CALLS = ("resolve", "join")  # path.resolve(__dirname, 'env'), join(root, 'env'): the literal parts


def env_dir(folder: str | None, files: Collection[str], read_text: Callable[[str], str | None]) -> str | None:
    """The folder the Vite config in ``folder`` names as ``envDir``, or None. Never raises."""
    if folder is None:
        return None
    for name in _CONFIGS:
        path = posixpath.join(folder, name) if folder else name
        text = read_text(path) if path in files else None
        named = _named(text, path) if text else None
        if named is not None:
            resolved = posixpath.normpath(posixpath.join(folder, named))
            return None if resolved.startswith("..") else "" if resolved == "." else resolved
    return None


def _named(text: str, path: str) -> str | None:
    """The relative folder an ``envDir`` entry of ``text`` names, or None."""
    language = language_for(path)
    root = parse(language, text.encode("utf-8", "surrogatepass")).root_node
    for pair in nodes_of(root, language, ("pair",)):
        value = pair.child_by_field_name("value")
        if node_text(pair.child_by_field_name("key")).strip("'\"`") == "envDir" and value is not None:
            return _folder(value)
    return None


def _folder(value: Node) -> str | None:
    if value.type in ("string", "template_string"):
        literal = string_value(value)
        return literal.lstrip("/") if literal and "${" not in literal else None
    function = value.child_by_field_name("function") if value.type == "call_expression" else None
    arguments = value.child_by_field_name("arguments")
    if function is None or arguments is None or node_text(function).rsplit(".", 1)[-1] not in _PATH_CALLS:
        return None
    parts = [string_value(a) for a in arguments.named_children if a.type == "string"]
    return posixpath.join(*[p for p in parts if p]) if any(parts) else None
