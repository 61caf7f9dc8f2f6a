"""What the app already has outside the changed files: the question behind "new to the app".

Three sources, asked in order of cost, each only for the subjects the ones before did not find:

1. the project's unchanged files (:func:`~mp_precheck.facts.presence.present_in`);
2. unchanged files outside the root that the project's code imports (a monorepo's ``common/``,
   :mod:`mp_precheck.facts.linked`);
3. for hosts, the env files of the Mini Program, templates included (``.env``, ``.env.production``,
   ``.env.example``): configuration that names the team's servers, even where no build reads it.

A host only in a comment is found by none of them, nor one the app used only in earlier commits: the labelled
corpus reports a public host made the active API base again as new (eval/corpus.yml, issue #13).
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Collection, Mapping
from functools import cache

from msgspec import Struct

from mp_precheck.core.semantic_diff import is_known
from mp_precheck.core.subject import parse
from mp_precheck.facts.linked import Linked
from mp_precheck.facts.presence import needles, present_in
from mp_precheck.facts.store import FactStore
from mp_precheck.git.repo import GitRepo, TreeEntry
from mp_precheck.readers.discovery import Project
from mp_precheck.readers.envfiles import env_facts

_HOST_FORMS = ("host", "web-view-host")


class Known(Struct):
    """Answers "which of these subjects does the app already have?" for one project at ``head`` (tree
    ``tree``); ``unchanged(path)`` accepts the project's unchanged files and
    ``changed`` names every changed path. Call the instance with a set of subjects."""

    repo: GitRepo
    store: FactStore
    head: str
    tree: Mapping[str, TreeEntry]
    project: Project
    unchanged: Callable[[str], bool]
    changed: Collection[str]
    linked: Linked | None = None
    _env: set[str] | None = None

    def __post_init__(self) -> None:
        self.unchanged = cache(self.unchanged)  # each call asks about every file of the tree: each is judged once

    def __call__(self, subjects: set[str]) -> set[str]:
        found = present_in(self.repo, self.store, self.head, self.tree, self.project, self.unchanged, subjects)
        if self.linked is not None and subjects - found:
            found |= self._in_linked(subjects - found)
        hosts = {s for s in subjects - found if parse(s).form in _HOST_FORMS}
        if hosts:
            if self._env is None:
                self._env = self._env_named()
            found |= self._env & hosts
        return found

    def _in_linked(self, subjects: set[str]) -> set[str]:
        """``subjects`` present in unchanged files outside the root that the project imports."""
        assert self.linked is not None
        folders = self.linked.folders()
        names = {n for s in subjects for n in needles(s)}
        if not folders or not names:
            return set()
        hits = self.repo.grep_needles(self.head, names, [f":(literal){f}" for f in folders])
        reached = self.linked.reached(p for p in hits if p not in self.changed)
        return present_in(self.repo, self.store, self.head, self.tree, self.project, reached.__contains__, subjects) \
            if reached else set()

    def _env_named(self) -> set[str]:
        """Hosts the unchanged env files beside the project (its root, its ``package.json`` folder) name."""
        project = self.project
        folders = {project.root, project.env_root or project.root, project.env_dir or project.root}
        out = set()
        for path, entry in self.tree.items():
            name = posixpath.basename(path)
            if posixpath.dirname(path) not in folders or path in self.changed or not (
                    name == ".env" or name.startswith(".env.")) or name.endswith((".js", ".ts", ".json")):
                continue
            text = self.store.text(entry.blob) if entry.size <= 1_000_000 else None
            if text:
                out |= {f.subject for f in env_facts(text, path).facts if is_known(f)}
        return out
