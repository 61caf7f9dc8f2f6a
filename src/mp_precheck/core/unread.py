"""The files of a change a run could not read, as report errors: it never passes them over as "nothing".

A file the extractor skipped (binary, over 1 MB, undecodable, malformed configuration) carries its reason in
``FileFacts.error``; a symbolic link is never followed (it may point out of the repository), so what it stands
for is unread too. Any such error leaves the report's answers 未检测 (``core/analysis.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from mp_precheck.core.report import FileError
from mp_precheck.facts.model import FileFacts
from mp_precheck.git.changeset import FileChange

SYMLINK = "not read: a symbolic link, which mp-precheck never follows; check the file it points to by hand"


def file_errors(facts: Mapping[str, FileFacts]) -> list[FileError]:
    """One error per file in ``facts`` (path → facts) whose extraction failed, in path order."""
    return [FileError(path, f.error) for path, f in sorted(facts.items()) if f.error]


def symlinks(files: Sequence[FileChange], read: Callable[[str], bool]) -> list[FileError]:
    """One error per changed file the change makes a symbolic link (git mode ``120000``) where the project would
    read a file of that path (``read(path)``: owned by the project, of a kind a reader takes, not excluded)."""
    return [FileError(f.new_path, SYMLINK) for f in files
            if f.new_path and f.new_mode == "120000" and read(f.new_path)]
