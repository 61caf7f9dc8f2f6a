"""Files outside a Mini Program's root that its code imports: a monorepo's shared folder.

A Taro or native Mini Program in ``mini/`` often imports helpers and configuration from a sibling folder
(``../common/utils/x``, or an alias to it: ``@common/utils/x``). The bundler (or the developer tools' ``require``)
puts those files into the package, so what they call and which hosts they name is the app's
(https://developers.weixin.qq.com/miniprogram/dev/reference/api/require.html). A sibling web client or back end
the Mini Program does not import stays out. So does a file beside the source folder of a framework project that
compiles only that folder (a Taro project's ``scripts/`` beside ``src/``: readers/buildscope.py) unless imported.

A file is *linked* when a chain of imports of at most :data:`DEPTH` files leads to it from a file of the project,
every file on the chain outside the root lying in a folder the project names: an alias target, or a sibling
folder a relative specifier of the project climbs into (``../common``). Searched backwards from the files in
question: ``git grep`` for their names, the parser and :func:`~mp_precheck.facts.store.resolve_module` confirm.
A component's source that a build copies to the path a page names is linked too (facts/copiedcomponents.py).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable, Mapping

from mp_precheck.facts.copiedcomponents import copied_sources
from mp_precheck.facts.extract import reader_kind
from mp_precheck.facts.store import FactStore, resolve_module
from mp_precheck.git.changeset import FileChange
from mp_precheck.git.repo import GitRepo, TreeEntry
from mp_precheck.readers.aliases import project_aliases
from mp_precheck.readers.discovery import BUILD_DIRS, VENDOR_DIRS, Project

DEPTH = 4  # files on an import chain out of the root
_MAX_PARSED = 400  # importers read per search; beyond that the search gives up (nothing linked)
_CODE = ("js", "sfc")


class Linked:
    """Which files outside ``project``'s root its code imports, at the revision ``rev`` whose tree is ``tree``;
    ``others`` are the other Mini Programs of that tree (their files are never this one's)."""

    def __init__(self, repo: GitRepo, store: FactStore, rev: str, tree: Mapping[str, TreeEntry], project: Project,
                 others: Iterable[Project], read_text: Callable[[str], str | None]) -> None:
        self._repo, self._store, self._rev, self._tree, self._project = repo, store, rev, tree, project
        self._others = tuple(p for p in others if p.root != project.root)
        self._read_text = read_text
        self._folders: tuple[str, ...] | None = None
        self._aliases: dict[str, str] = {}
        self._known: dict[str, bool] = {}

    def folders(self) -> tuple[str, ...]:
        """The folders (or single files) outside the root the project's code can import from (memoized)."""
        if self._folders is None:
            self._folders = self._find_folders()
        return self._folders

    def candidate(self, path: str) -> bool:
        """Whether ``path`` is a script in one of :meth:`folders` that no Mini Program owns."""
        if self._project.owns(path) or any(p.owns(path) for p in self._others) or reader_kind(path) not in _CODE:
            return False
        parts = path.split("/")[:-1]
        return not any(p in VENDOR_DIRS or p in BUILD_DIRS for p in parts) and any(
            path == f or path.startswith(f + "/") for f in self.folders())

    def reached(self, paths: Iterable[str]) -> set[str]:
        """Those of ``paths`` the project's code imports through a chain of imports (see the module docstring)."""
        paths = list(dict.fromkeys(paths))
        wanted = [p for p in paths if p not in self._known and self.candidate(p)]
        if wanted:
            found = self._search(wanted)
            self._known.update({p: p in found for p in wanted})
        rest = [p for p in paths if p not in self._known]  # a component's source a build copies in
        if rest:
            copied = copied_sources(self._repo, self._rev, self._tree, self._project, self._others, rest,
                                    self._read_text)
            self._known.update({p: p in copied for p in rest})
        return {p for p in paths if self._known.get(p)}

    def _search(self, targets: list[str]) -> set[str]:
        """Backwards from ``targets``: importers of the frontier, level by level, until the project is reached."""
        leads: dict[str, set[str]] = {t: {t} for t in targets}  # file → the targets it leads to
        frontier, found, parsed = set(targets), set[str](), 0
        root = self._project.root  # '' (a source folder at the repository's root): the whole tree
        scope = [f":(literal){f}" for f in (root, *self.folders()) if f] if root else []
        for _level in range(DEPTH):
            needles = {n for path in frontier for n in self._needles(path)}
            hits = self._quoting(sorted(
                p for p in self._repo.grep_needles(self._rev, needles, scope) if p not in leads
                and reader_kind(p) in _CODE and (self._project.owns(p) or self.candidate(p))), needles)
            if parsed + len(hits) > _MAX_PARSED:
                return found
            parsed += len(hits)
            following: set[str] = set()
            for importer, facts in self._store.raw_facts((p, self._tree[p].blob) for p in hits).items():
                for spec in facts.module_specs:
                    target = resolve_module(importer, spec, self._tree, self._aliases)
                    if target not in frontier:
                        continue
                    if self._project.owns(importer):
                        found |= leads[target]
                    else:
                        leads.setdefault(importer, set()).update(leads[target])
                        following.add(importer)
            frontier = {p for p in following if leads[p] - found}
            if not frontier:
                break
        return found

    def _quoting(self, paths: list[str], needles: set[str]) -> list[str]:
        """Those of ``paths`` that quote a specifier ending in one of ``needles`` (a prefilter: the word in a
        comment or a variable name is no import, and the parser need not read the file)."""
        spec = re.compile("[\"'`][^\"'`\n]*(?:" + "|".join(re.escape(n) for n in sorted(needles))
                          + ")(?:/index)?(?:\\.[a-z]+)?[\"'`]")
        texts = self._repo.read_blobs(self._tree[p].blob for p in paths)
        return [p for p in paths if spec.search(texts.get(self._tree[p].blob, b"").decode("utf-8", "replace"))]

    def _needles(self, path: str) -> set[str]:
        """What a specifier naming ``path`` holds: its stem (its folder's name for an ``index`` file), or an
        alias that names the file or its folder."""
        stem = posixpath.splitext(posixpath.basename(path))[0]
        named = posixpath.dirname(path) if stem == "index" else posixpath.splitext(path)[0]
        out = {posixpath.basename(named) if stem == "index" else stem}
        out |= {key for key, target in self._aliases.items() if target in (named, path)}
        return {n for n in out if n}

    def _find_folders(self) -> tuple[str, ...]:
        """Alias targets outside the root (the source folder, when the build compiles only that), and sibling
        folders a relative specifier of the project climbs into."""
        root = self._project.source_root or self._project.root  # the folder the build compiles
        if not root:
            return ()
        config = self._project.root
        self._aliases = {key: target for key, target in project_aliases(
            (config, self._project.env_root or config), self._read_text).items() if not target.startswith("..")}
        folders = {t for t in self._aliases.values()  # an absolute target is no folder git can search
                   if t and not t.startswith("/") and not (t == root or t.startswith(root + "/"))}
        siblings = self._siblings(root)
        if siblings:
            needles = {f"../{posixpath.basename(s)}": s for s in siblings}
            named = {n for hits in self._repo.grep_needles(self._rev, needles, [f":(literal){root}"]).values()
                     for n in hits}
            folders |= {needles[n] for n in named}
        return tuple(sorted(folders))

    def _siblings(self, root: str) -> set[str]:
        """Folders beside the root and beside each folder above it that hold a script no other project owns."""
        chain = set()
        folder = root
        while folder:
            chain.add(folder)
            folder = posixpath.dirname(folder)
        out = set()
        for path in self._tree:
            if reader_kind(path) not in _CODE or path.startswith(root + "/"):
                continue
            parts = path.split("/")
            for depth in range(1, len(parts)):
                folder = "/".join(parts[:depth])
                parent = posixpath.dirname(folder)
                if folder not in chain and (parent in chain or parent == ""):
                    out.add(folder)
                    break
        return {f for f in out if f.split("/")[0] not in VENDOR_DIRS}


def linked_changes(files: Iterable[FileChange], head: Linked | None, base: Linked | None) -> list[FileChange]:
    """The changes to files outside the root that the project imports: at head (``head`` asks the new paths)
    or at the merge base (``base`` asks the old ones). None asks nothing (a project at the repository root)."""
    files = list(files)
    new = head.reached(f.new_path for f in files if f.new_path and f.new_blob) if head is not None else set()
    old = base.reached(f.old_path for f in files if f.old_path and f.old_blob) if base is not None else set()
    return [f for f in files if (f.new_path and f.new_path in new) or (f.old_path and f.old_path in old)]
