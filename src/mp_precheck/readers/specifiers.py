"""What a module specifier names: a file of the project (``./api``, ``/utils/http``, ``@/api``), a name a build
alias may give a project folder (``@actions/order``), or an npm package — and the names a file binds to the
second kind, and its calls of them.

A scoped specifier (``@scope/name``) or a bare path (``api/feed``) is a package unless the project's build config
declares it an alias (Taro's ``alias``, https://docs.taro.zone/docs/config-detail#alias; ``compilerOptions.paths``,
https://www.typescriptlang.org/tsconfig#paths) or, for a bare path, a module root it lies under
(``readers/moduleroots.py``). A file's facts are read without its project, so the calls of such
names are kept apart (``FileFacts.scoped_calls``) and the fact store, which knows the aliases
(``readers/aliases.py``), follows those an alias names and drops the rest.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable, Mapping

from tree_sitter import Node

from mp_precheck.readers.syntax import node_text as _text

_PROJECT_PREFIXES = (".", "@/", "~/", "/")
SCRIPT_SUFFIXES = (".js", ".ts")  # a bare specifier naming a script file: 'api/api.js' beside the importer
WHOLE = "*"  # what a default or namespace import, or a whole required module, binds: the module
MODULE_ROOT = "*"  # the key prefix of a module root among a build's aliases (readers/moduleroots.py)


def is_project_spec(spec: str) -> bool:
    """A module of the project itself: relative, root-absolute (``/utils/http``), a ``@/`` / ``~/`` alias, or a
    bare path to a script file (``import api from 'api/api.js'``), which a Mini Program's ``require`` resolves
    from the importer's folder when no npm package has that name
    (https://developers.weixin.qq.com/miniprogram/dev/reference/api/require.html)."""
    return spec.startswith(_PROJECT_PREFIXES) or spec.endswith(SCRIPT_SUFFIXES)


def is_alias_candidate(spec: str) -> bool:
    """A specifier that a build alias may name, or else an npm package: a scoped one (``@utils/http``) or a bare
    path (``api/services/feed``, a ``paths`` entry ``"api/*"`` of a tsconfig whose ``baseUrl`` is the project's)."""
    return len(spec) > 1 and not is_project_spec(spec) and (spec.startswith("@") or "/" in spec)


def rooted(spec: str, aliases: Mapping[str, str]) -> list[str]:
    """Where a bare path (``utils/pay``, no scope) may be: under each module root among ``aliases`` (keys starting
    with :data:`MODULE_ROOT`: babel's module-resolver ``root``, webpack's ``resolve.modules``); none without one."""
    if not is_alias_candidate(spec) or spec.startswith("@"):
        return []
    return [posixpath.normpath(posixpath.join(folder, spec)) for key, folder in aliases.items()
            if key.startswith(MODULE_ROOT)]


def imported_names(clause: Node, spec: str) -> dict[str, tuple[str, str]]:
    """The names an ``import_clause`` binds: local name → (``spec``, exported name or :data:`WHOLE`)."""
    out: dict[str, tuple[str, str]] = {}
    for child in clause.named_children:
        if child.type == "identifier":  # import http from '@utils/http'
            out[_text(child)] = (spec, WHOLE)
        elif child.type == "namespace_import":
            out.update({_text(c): (spec, WHOLE) for c in child.named_children if c.type == "identifier"})
        elif child.type == "named_imports":
            for item in child.named_children:
                name, alias = item.child_by_field_name("name"), item.child_by_field_name("alias")
                if item.type == "import_specifier" and name is not None:
                    out[_text(alias or name)] = (spec, _text(name))
    return out


def required_names(pattern: Node, spec: str) -> dict[str, tuple[str, str]]:
    """The names ``const pattern = require(spec)`` binds, as :func:`imported_names` gives them."""
    if pattern.type == "identifier":
        return {_text(pattern): (spec, WHOLE)}
    out: dict[str, tuple[str, str]] = {}
    for item in pattern.named_children if pattern.type == "object_pattern" else ():
        if item.type == "shorthand_property_identifier_pattern":
            out[_text(item)] = (spec, _text(item))
        elif item.type == "pair_pattern" and (key := item.child_by_field_name("key")) is not None and \
                (value := item.child_by_field_name("value")) is not None and value.type == "identifier":
            out[_text(value)] = (spec, _text(key))
    return out


def scoped_call(fn: Node, scoped: Mapping[str, tuple[str, str]]) -> tuple[str, str] | None:
    """(specifier, called name as ``FileFacts.imported_calls`` spells it) when the callee ``fn`` is a name of
    ``scoped`` (:func:`imported_names`) or a member path of one: ``order()``, ``api.order()``, ``api.order.add()``
    (``default``, ``order``, ``order.add`` of ``import api from '@x/api'``); else None."""
    path = _text(fn).split(".") if fn.type in ("identifier", "member_expression") else []
    if not path or path[0] not in scoped or not all(p.isidentifier() for p in path):
        return None
    spec, name = scoped[path[0]]
    rest = path[1:] if name == WHOLE else [name, *path[1:]]
    return spec, ".".join(rest) or "default"


def scoped_calls(calls: Iterable[Node], scoped: Mapping[str, tuple[str, str]],
                 line: Callable[[Node], int]) -> tuple[tuple[str, str, int], ...]:
    """(specifier, called name, line) of each of ``calls`` whose callee :func:`scoped_call` names."""
    return tuple((*found, line(call)) for call in calls if (fn := call.child_by_field_name("function")) is not None
                 and (found := scoped_call(fn, scoped)) is not None)
