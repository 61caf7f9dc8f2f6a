"""The project modules a page's script calls into, and the methods it reaches there: one follower for the
analyzers that judge what a page sends (``chat``, ``ugc``).

A page calls another module's function by importing it (``Msg.send(chatId, text)``, ``soupService.create()``,
``uploadStore.submit()``) or — a MobX or Pinia store — by calling the store's actions as its own
(:mod:`~mp_precheck.readers.storeactions`). Where the page's call names a method the wrapper follower of
:mod:`~mp_precheck.facts.store` cannot place (a store instance a barrel hands on: ``uploadStore:
rootStore.uploadStore``, built by ``new UploadStore()`` in a third module), the method is looked up by name in the
module the import names, the modules it passes names on from, and the project modules those import, up to
:data:`_DEPTH` modules deep — a module named like the store first (``uploadStore`` → ``stores/uploadStore.js``).

Reads: ``facts_at_head``, ``read_head``, ``exists_at_head`` of the given files and the modules they reach.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator, Sequence

from mp_precheck.analyzers.context import ProjectContext
from mp_precheck.facts.model import Export, FileFacts
from mp_precheck.facts.store import ExistingPaths, resolve_module
from mp_precheck.readers.storeactions import STORE_SCRIPTS, binds_store, store_calls

_DEPTH = 3  # modules searched below the imported one: a barrel, the root store, the store's own module
ModuleCall = tuple[int, str, str, str]  # (line, name as the page spells it, module specifier, module path)


def module_calls(context: ProjectContext, path: str, facts: FileFacts | None,
                 stores: bool = True) -> Iterator[ModuleCall]:
    """The calls of ``path`` (its ``facts`` at head) into modules of the project, in line order: its imported
    calls and, with ``stores``, the store actions bound to it. A package's function (no project module) is left
    out."""
    if facts is None:
        return
    tree = ExistingPaths(context.exists_at_head)
    calls = [(line, name, spec) for spec, name, line in facts.imported_calls]
    text = context.read_head(path) if stores and path.endswith(STORE_SCRIPTS) else None
    if text and binds_store(text):
        calls += [(line, name, spec) for spec, name, line in _store_calls(context, path, text)]
    for line, name, spec in sorted(calls, key=lambda c: c[0]):
        module = resolve_module(path, spec, tree)
        if module is not None:
            yield line, name, spec, module


def _store_calls(context: ProjectContext, path: str, text: str) -> Sequence[tuple[str, str, int]]:
    """The store calls of ``path``, whose text ``text`` is: those its own facts read from that text (the facts of
    the file ``read_head`` reads, not the ``facts`` a caller passes, which may be another version's), else read
    now."""
    own = context.facts_at_head(path)
    return own.store_calls if own is not None and own.store_calls is not None else store_calls(text, path)


def module_files(context: ProjectContext, module: str) -> list[str]:
    """``module`` and the project modules it imports or passes names on from (``export * from './chat'``) at head:
    where a function a page calls as one of ``module``'s can be written."""
    facts = context.facts_at_head(module)
    specs = [*(s for s, *_ in facts.reexports), *facts.module_specs] if facts is not None else []
    tree = ExistingPaths(context.exists_at_head)
    return [module, *(f for spec in specs if (f := resolve_module(module, spec, tree)) is not None)]


def method_of(context: ProjectContext, module: str, name: str) -> tuple[str, Export] | None:
    """(file, export) of the function ``name`` (``uploadStore.submit``, ``create``) names in ``module`` or in a
    module it reaches (module docstring); None when none defines it."""
    holder, _, method = name.rpartition(".")
    tree = ExistingPaths(context.exists_at_head)
    level, seen = [module], {module}
    for _depth in range(_DEPTH + 1):
        found = [(m, e) for m in level if (e := _export(context.facts_at_head(m), name, method)) is not None]
        if found:
            return min(found, key=lambda f: _stem(f[0]) != holder.lower())
        following: list[str] = []
        for current in level:
            facts = context.facts_at_head(current)
            specs = [s for s, *_ in facts.reexports] + list(facts.module_specs) if facts is not None else []
            for spec in specs:
                target = resolve_module(current, spec, tree)
                if target is not None and target not in seen:
                    seen.add(target)
                    following.append(target)
        level = sorted(following, key=lambda m: _stem(m) != holder.lower())
    return None


def _export(facts: FileFacts | None, name: str, method: str) -> Export | None:
    """The export of ``facts`` spelt ``name``, else the one method of that name (``Store.submit`` → ``submit``)."""
    if facts is None:
        return None
    if name in facts.exports:
        return facts.exports[name]
    return next((e for key, e in facts.exports.items() if key == method or key.endswith("." + method)), None)


def _stem(path: str) -> str:
    return posixpath.splitext(posixpath.basename(path))[0].lower()
