"""The files of a change a run could not read, as report errors: it never passes them over as "nothing".

A file the extractor skipped (binary, over 1 MB, undecodable, malformed configuration) carries its reason in
``FileFacts.error``; a symbolic link is never followed (it may point out of the repository), so what it stands
for is unread too, and so are the files of a git submodule (another repository, at the commit the change
names). Any such error leaves the report's answers 未检测 (``core/analysis.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from mp_precheck.core.report import FileError
from mp_precheck.facts.extract import project_reads
from mp_precheck.facts.model import FileFacts
from mp_precheck.git.changeset import FileChange
from mp_precheck.readers.discovery import Project

SYMLINK = "not read: a symbolic link, which mp-precheck never follows; check the file it points to by hand"
SUBMODULE = "not read: a git submodule, whose files mp-precheck never reads; check what its new commit changes by hand"


def project_errors(project: Project, tree: Mapping[str, object]) -> list[FileError]:
    """The errors of ``project`` (read as it was found), each filed under the file of ``tree`` it starts by naming
    (an invalid ``project.config.json``), else under the app config or the root; the path is said once."""
    out = []
    for error in project.errors:
        first = error.split(" ", 1)[0].rstrip(":")
        where = first if first in tree else project.app_config or project.root
        out.append(FileError(where, error.removeprefix(f"{where}: ")))
    return out


def file_errors(facts: Mapping[str, FileFacts]) -> list[FileError]:
    """One error per file in ``facts`` (path → facts) whose extraction failed, in path order."""
    return [FileError(path, f.error) for path, f in sorted(facts.items()) if f.error]


def gone_at_head(errors: Sequence[FileError], head: Mapping[str, object]) -> list[FileError]:
    """The ``errors`` of base files whose path ``head`` (head path → facts) no longer has: the change deletes or
    renames them. They are kept (a removal such a file held may be missing from the report's removals) but marked
    ``base_only``: what the change adds was all read, so they leave no judgement of it incomplete."""
    return [FileError(e.path, f"gone at head (deleted or renamed away); its base version was {e.message}: only a "
                              "removal it held may be missing", base_only=True) for e in errors if e.path not in head]


def unfollowed(files: Sequence[FileChange], project: Project, excluded: Callable[[str], bool]) -> list[FileError]:
    """One error per changed file the change makes a symbolic link (git mode ``120000``) where ``project`` would
    read a file of that path (a kind a reader takes), and per submodule (mode ``160000``) the change adds or moves
    to another commit inside ``project``; paths the configuration excludes (``excluded(path)``) are left out."""
    return [FileError(f.new_path, SYMLINK) for f in files if f.new_path and f.new_mode == "120000"
            and project_reads(project, f.new_path) and not excluded(f.new_path)] + \
        [FileError(f.new_path, SUBMODULE) for f in files if f.new_path and f.new_mode == "160000"
         and f.new_blob != f.old_blob and project.owns(f.new_path) and not excluded(f.new_path)]
