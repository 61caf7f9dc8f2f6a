"""The files of a change a run could not read, as report errors: it never passes them over as "nothing".

A file the extractor skipped (binary, over 1 MB, undecodable, malformed configuration) carries its reason in
``FileFacts.error``; a symbolic link is never followed (it may point out of the repository), so what it stands
for is unread too, and so are the files of a git submodule (another repository, at the commit the change
names). Any such error leaves the report's answers 未检测 (``core/analysis.py``).
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Mapping, Sequence

from mp_precheck.core.report import FileError
from mp_precheck.facts.extract import project_reads
from mp_precheck.facts.model import FileFacts
from mp_precheck.git.changeset import FileChange
from mp_precheck.git.repo import TreeEntry
from mp_precheck.readers.appconfig import SCRIPT_CONFIGS
from mp_precheck.readers.discovery import Project

SYMLINK = "not read: a symbolic link, which mp-precheck never follows; check the file it points to by hand"
SUBMODULE = "not read: a git submodule, whose files mp-precheck never reads; check what its new commit changes by hand"
SUBMODULE_PAGES = ("not read: a git submodule, whose files mp-precheck never reads; the pages this change registers "
                   "in it were not checked: check them by hand")


def project_errors(project: Project, tree: Mapping[str, object]) -> list[FileError]:
    """The errors of ``project`` (read as it was found), each filed under the file of ``tree`` it starts by naming
    (an invalid ``project.config.json``), else under the app config or the root; the path is said once. A script
    config whose page list is computed adds :func:`computed_pages_error`."""
    out = []
    for error in project.errors:
        first = error.split(" ", 1)[0].rstrip(":")
        where = first if first in tree else project.app_config or project.root
        out.append(FileError(where, error.removeprefix(f"{where}: ")))
    return out + computed_pages_error(project)


def computed_pages_error(project: Project) -> list[FileError]:
    """For a framework's script config (Taro ``app.config.ts``…) whose page lists are partly computed by code
    (``pages_computed``: a call, an import, a test of something other than Taro's build target), one error on the
    file saying the tool, not the config, fell short: the checks that need the whole page list were skipped
    (routes to unregistered pages; the entry page's when its first page is not known). Its ``families`` are
    those checks' alone, so the other answers stand. Empty otherwise (a malformed ``app.json`` is told by its own
    error: upload fails)."""
    registry = project.routes_module or project.app_config
    if not project.pages_computed or registry is None or not registry.endswith(SCRIPT_CONFIGS):
        return []
    entry = project.entry_page is None
    skipped = "routes to unregistered pages" + (" and the entry page's login checks" if entry else "")
    return [FileError(registry, "mp-precheck could not read the whole page list: part of it is computed by code, "
                                f"which it reads as data and never runs; {skipped} were skipped (the build may "
                                "well be fine)", families=("completeness", "login") if entry else ("completeness",))]


def one_per_file(errors: Sequence[FileError]) -> list[FileError]:
    """``errors`` with those of one file (and version) joined into one, in first-seen order: a file is listed once
    whatever number of its parts went unread. Joined families: all (empty) when any error leaves all unanswered."""
    parts: dict[tuple[str, bool], list[FileError]] = {}
    for error in errors:
        said = parts.setdefault((error.path, error.base_only), [])
        if error.message not in [e.message for e in said]:
            said.append(error)
    return [said[0] if len(said) == 1 else FileError(
        path, "; ".join(e.message for e in said), base_only,
        () if any(not e.families for e in said) else tuple(sorted({f for e in said for f in e.families})))
        for (path, base_only), said in parts.items()]


def file_errors(facts: Mapping[str, FileFacts]) -> list[FileError]:
    """One error per file in ``facts`` (path → facts) whose extraction failed, in path order."""
    return [FileError(path, f.error) for path, f in sorted(facts.items()) if f.error]


def gone_at_head(errors: Sequence[FileError], head: Mapping[str, object]) -> list[FileError]:
    """The ``errors`` of base files whose path ``head`` (head path → facts) no longer has: the change deletes or
    renames them. They are kept (a removal such a file held may be missing from the report's removals) but marked
    ``base_only``: what the change adds was all read, so they leave no judgement of it incomplete."""
    return [FileError(e.path, f"gone at head (deleted or renamed away); its base version was {e.message}: only a "
                              "removal it held may be missing", base_only=True) for e in errors if e.path not in head]


def unfollowed(files: Sequence[FileChange], project: Project, excluded: Callable[[str], bool],
               tree: Mapping[str, TreeEntry] | None = None, base: Project | None = None) -> list[FileError]:
    """One error per changed file the change makes a symbolic link (git mode ``120000``) where ``project`` would
    read a file of that path (a kind a reader takes), and per submodule (mode ``160000``) the change adds or moves
    to another commit inside ``project``, or (with head's ``tree``) that holds a page the change registers (not in
    ``base``'s list): that page is not checked, not missing (analyzers/missing_pages.py); paths the configuration
    excludes (``excluded(path)``) are left out."""
    moved = [FileError(f.new_path, SUBMODULE) for f in files if f.new_path and f.new_mode == "160000"
             and f.new_blob != f.old_blob and project.owns(f.new_path) and not excluded(f.new_path)]
    told = {e.path for e in moved}
    return [FileError(f.new_path, SYMLINK) for f in files if f.new_path and f.new_mode == "120000"
            and project_reads(project, f.new_path) and not excluded(f.new_path)] + moved + \
        [FileError(path, SUBMODULE_PAGES) for path in _holding_pages(project, base, tree or {})
         if path not in told and not excluded(path)]


def _holding_pages(project: Project, base: Project | None, tree: Mapping[str, TreeEntry]) -> list[str]:
    """The submodules of ``tree`` a page ``project`` registers and ``base`` did not lies in, in path order."""
    folder = posixpath.dirname(project.app_config or "") if project.routes_module is None else None
    new = set(project.pages) - set(base.pages if base is not None else ())
    if folder is None or not new:
        return []
    held = set()
    for page in new:
        parts = posixpath.normpath(posixpath.join(folder, page.split("?", 1)[0].strip().lstrip("/"))).split("/")
        held |= {path for n in range(1, len(parts)) if (entry := tree.get(path := "/".join(parts[:n]))) is not None
                 and entry.is_submodule}
    return sorted(held)
