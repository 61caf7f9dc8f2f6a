"""Module aliases a Mini Program's build resolves (``@common/utils/x`` → ``../common/utils/x``), read as data.

Three places name them: Taro's build config ``config/index.js|ts`` (its ``alias`` object, values written as
``path.resolve(__dirname, '../../common')``, https://docs.taro.zone/docs/config-detail#alias), WePY's
``wepy.config.js`` (``resolve.alias``, https://wepyjs.github.io/wepy-docs/1.x/#/?id=wepyconfigjs配置文件说明) and the
``compilerOptions.paths`` of a ``tsconfig.json`` / ``jsconfig.json`` (relative to ``baseUrl``,
https://www.typescriptlang.org/tsconfig#paths). Only literal paths count; anything computed is left out, and the
config is never run.

In: the project's root and ``env_root`` (where ``package.json`` is) and a reader of head files. Out: alias prefix
→ the repository folder or file it names (``{"@common": "common"}``).
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from functools import lru_cache

from tree_sitter import Node

from mp_precheck.readers.appconfig import load_json_leniently
from mp_precheck.readers.discovery import Project
from mp_precheck.readers.jsconfig import literal
from mp_precheck.readers.moduleroots import module_roots, resolved_path
from mp_precheck.readers.syntax import language_for, nodes_of, parse
from mp_precheck.readers.syntax import node_text as _text

_BUILD_CONFIGS = ("config/index.js", "config/index.ts", "wepy.config.js")  # Taro's and WePY's: an ``alias`` object
_TS_CONFIGS = ("tsconfig.json", "jsconfig.json")


def project_aliases(folders: tuple[str, ...], read_text: Callable[[str], str | None]) -> dict[str, str]:
    """Aliases the build configs in ``folders`` (the project root, the ``package.json`` folder) define:
    prefix → repository path (see the module docstring). Unreadable configs give none."""
    out: dict[str, str] = {}
    for folder in dict.fromkeys(folders):
        for name in _TS_CONFIGS:
            text = read_text(_join(folder, name))
            if text:
                out.update(_ts_paths(text, folder))
        for name in _BUILD_CONFIGS:
            path = _join(folder, name)
            text = read_text(path)
            if text:
                out.update(_alias_object(text, path, folder))
    return out


@lru_cache(maxsize=8)  # a run asks once per analyzer that resolves aliases (nine in a small Taro PR)
def _ts_paths(text: str, folder: str) -> tuple[tuple[str, str], ...]:
    """``compilerOptions.paths`` of a tsconfig/jsconfig in ``folder``: ``"@c/*": ["../common/*"]`` → ``@c``, as
    (prefix, path) pairs in the file's order."""
    config, _problem = load_json_leniently(text, "tsconfig.json")  # TypeScript reads it with comments (JSONC)
    options = config.get("compilerOptions") if isinstance(config, dict) else None
    if not isinstance(options, dict) or not isinstance(options.get("paths"), dict):
        return ()
    base = _join(folder, options["baseUrl"]) if isinstance(options.get("baseUrl"), str) else folder
    out = {}
    for key, targets in options["paths"].items():
        if isinstance(targets, list) and targets and isinstance(targets[0], str) and key.rstrip("/*"):
            out[key.removesuffix("*").rstrip("/")] = _join(base, targets[0].removesuffix("*").rstrip("/"))
    return tuple(out.items())


def _alias_object(text: str, path: str, root: str) -> dict[str, str]:
    """The ``alias`` object of a build config at ``path`` (Taro's ``config/index.js``, WePY's ``wepy.config.js``;
    ``root``: the project folder)."""
    language = language_for(path)
    tree = parse(language, text.encode("utf-8", "surrogatepass")).root_node
    out = {}
    for pair in nodes_of(tree, language, ("pair",)):
        key = pair.child_by_field_name("key")
        value = pair.child_by_field_name("value")
        if key is None or value is None or _text(key).strip("'\"") != "alias" or value.type != "object":
            continue
        for entry in value.named_children:
            name, target = entry.child_by_field_name("key"), entry.child_by_field_name("value")
            if entry.type == "pair" and name is not None and target is not None:
                where = _target(target, posixpath.dirname(path), root)
                if where is not None:
                    out[_text(name).strip("'\"")] = where
    return out


def _target(node: Node, here: str, root: str) -> str | None:
    """The repository path an alias value names: a string literal (from the project folder, as the build
    runs there) or ``path.resolve(__dirname | process.cwd(), 'a', 'b')`` with literal parts; None for a path outside
    the repository."""
    value = literal(node)
    if isinstance(value, str):  # '/src' names no folder of a checkout; Vite, the one build taking it, reads it from
        return _join(root, value.lstrip("/"))  # the project root
    where = resolved_path(node, here, root)
    return None if where is None or where.startswith("/") else where  # path.resolve('/abs'): outside the repository


def _join(folder: str, *parts: str) -> str:
    joined = posixpath.normpath(posixpath.join(folder or ".", *parts))
    return "" if joined == "." else joined



def own_aliases(project: Project | None, read_text: Callable[[str], str | None]) -> dict[str, str]:
    """The aliases of :func:`project_aliases` (configs at the ``project``'s root and ``env_root``) that name a folder
    or file inside its root, the Mini Program's own: an alias to a shared folder beside it is no file of this app.
    With them the module roots the Babel and webpack configs there declare (``readers/moduleroots.py``); a
    ``package.json`` at the repository's top (``env_root`` "") is where those configs are too."""
    if project is None:
        return {}
    root = project.root
    folders = (root, root if project.env_root is None else project.env_root)
    declared = project_aliases(folders, read_text) | module_roots(folders, read_text)
    return {key: target for key, target in declared.items()
            if not target.startswith("..") and (not root or target == root or target.startswith(root + "/"))}
