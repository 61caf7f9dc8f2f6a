"""Whether another file of the app may call a file's own helpers: the question behind a first caller.

A helper nothing in its own file named may still run: a page calls the App's ``app.getProfile()``, a page's WXML
binds ``bindtap="getProfile"``, a parent calls a component's method. ``git grep`` finds the files that write a name
at all; each is then read (``names_in`` of ``readers/ownhelpers.py``): a script's ``wx.getProfile`` or
``api.getProfile`` names something else, a WXML attribute other than an event binding binds nothing, and a file of
any other kind is taken to call it (unknown is never taken for uncalled).
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping

from msgspec import Struct

from mp_precheck.facts.store import FactStore
from mp_precheck.git.repo import GitRepo, TreeEntry
from mp_precheck.readers.discovery import Project
from mp_precheck.readers.exportnames import names_beyond_imports
from mp_precheck.readers.ownhelpers import names_in, own_members

_MAX_BYTES = 1_000_000  # a larger file is not read (facts/extract.py): taken to call every helper it names


class Callers(Struct, frozen=True):
    """Answers "which of these helpers of ``path`` may another file of ``project`` call?" at revision ``rev``
    (tree ``tree``) of ``repo``, texts read through ``store``. Call the instance with a path and names; with no
    project (the app did not exist there) the answer is none."""

    repo: GitRepo
    rev: str
    store: FactStore
    tree: Mapping[str, TreeEntry]
    project: Project | None

    def __call__(self, path: str, names: set[str]) -> set[str]:
        project = self.project
        if project is None or not names:
            return set()
        hits = self.repo.grep_needles(self.rev, names, [f":(literal){project.root}"] if project.root else [])
        out: set[str] = set()
        for other, found in sorted(hits.items()):
            wanted = (found & names) - out
            entry = self.tree.get(other)
            if other == path or not wanted or entry is None or not project.owns(other) or self._own_markup(path, other):
                continue
            text = self.store.text(entry.blob) if entry.size <= _MAX_BYTES else None
            # a page or component that defines a method of the name calls its own (``this.doUpload()``)
            wanted -= own_members(text, other, wanted) if text is not None else set()
            out |= names_in(text, other, wanted) if text is not None and wanted else wanted
        return out

    def _own_markup(self, path: str, other: str) -> bool:
        """Whether ``other`` is the template of another page or component (a script of its name beside it): its
        event bindings call that script's methods, never those of ``path``
        (https://developers.weixin.qq.com/miniprogram/dev/framework/view/wxml/event.html). A fragment a template
        includes has no script of its own: it binds the including page's."""
        stem, own = posixpath.splitext(other)[0], posixpath.splitext(path)[0]
        return other.endswith(".wxml") and stem != own and any(stem + s in self.tree for s in (".js", ".ts"))

    def exports_called(self, path: str, spans: Mapping[str, tuple[tuple[int, int], ...]]) -> set[str]:
        """Those of the functions module ``path`` exports (name → the (first, last) lines of its definition) some file
        of the project may call (``readers/exportnames.py``): one naming it outside its imports and comments, or
        ``path`` itself outside those definitions and its export lists; a file too large to read names all it
        writes. With no project, none."""
        project = self.project
        if project is None or not spans:
            return set()
        names = set(spans)
        hits = self.repo.grep_needles(self.rev, names, [f":(literal){project.root}"] if project.root else [])
        out: set[str] = set()
        for other, found in sorted(hits.items()):
            wanted = (found & names) - out
            entry = self.tree.get(other)
            if not wanted or entry is None or not project.owns(other):
                continue
            text = self.store.text(entry.blob) if entry.size <= _MAX_BYTES else None
            own = [span for name in wanted for span in spans[name]] if other == path else None
            out |= names_beyond_imports(text, other, wanted, own) if text is not None else wanted
        return out

    def writers(self, names: set[str]) -> dict[str, set[str]]:
        """The files of the project that write any of ``names`` at all (a ``git grep``, no parser: a file that
        merely mentions a name is taken to call it), each with the names it writes."""
        project = self.project
        if project is None or not names:
            return {}
        hits = self.repo.grep_needles(self.rev, names, [f":(literal){project.root}"] if project.root else [])
        return {other: found & names for other, found in hits.items() if project.owns(other)}
