"""What changed between two commits, file by file, as git sees it.

Statuses and blob ids come from ``git diff --raw -z`` (exact for any path, spaces, quotes and Chinese
included), which binary files from ``--numstat`` in the same process; the added line numbers of each file come
from the unified diff, parsed with unidiff. Files in a ``node_modules`` folder are only listed (:data:`UNSHIPPED`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from msgspec import Struct, field
from msgspec.structs import replace

from mp_precheck.core.errors import UserError
from mp_precheck.core.recache import libraries
from mp_precheck.git.repo import GitRepo, TreeEntry

with libraries():  # unidiff compiles its diff grammar's patterns as it loads
    from unidiff import PatchSet  # type: ignore[attr-defined]
    from unidiff.errors import UnidiffParseError

Status = Literal["added", "modified", "deleted", "renamed", "copied", "type_changed"]

_STATUS: dict[str, Status] = {
    "A": "added", "M": "modified", "D": "deleted", "R": "renamed", "C": "copied", "T": "type_changed",
}
_NULL_SHA = "0" * 40
# npm's install folder, wherever it sits (the app's, a cloud function's under ``cloudfunctionRoot``): no Mini Program
# ships it (the developer tools upload a native project without it and npm packages ship through their
# ``miniprogram_npm`` build, https://developers.weixin.qq.com/miniprogram/dev/devtools/npm.html; a framework's build
# takes what the app's own code imports; a cloud function's runs on the server) and no reader reads it. A commit that
# vendors one adds tens of thousands of files: git lists them without reading a blob (no rename detection, no line
# counts, no patch), and the analysis never sees them.
# (``top``: from the repository's root whatever folder git runs in: a ``--repo`` may name a folder inside it.)
UNSHIPPED = ":(top,glob)**/node_modules/**"
_SHIPPED = (":(top)", ":(top,exclude,glob)**/node_modules/**")


class EveryLine(frozenset[int]):
    """The added lines of a new file: every line. Saves parsing the diff of a whole new file (a release
    range or an initial import adds hundreds of thousands of lines)."""

    def __contains__(self, item: object) -> bool:
        return isinstance(item, int) and item >= 1

    def __bool__(self) -> bool:
        return True  # every line is added: ``if not added`` must not read a new file as one that adds nothing

    def __repr__(self) -> str:
        return "EveryLine()"


EVERY_LINE = EveryLine()


class FileChange(Struct, frozen=True):
    """One changed file. ``old_*`` is None for an added file, ``new_*`` None for a deleted one.

    ``added_lines`` holds 1-based line numbers in the new version that the diff adds.
    """

    status: Status
    old_path: str | None
    new_path: str | None
    old_blob: str | None
    new_blob: str | None
    old_mode: str | None
    new_mode: str | None
    binary: bool = False
    added_lines: frozenset[int] = field(default_factory=frozenset)

    @property
    def path(self) -> str:
        """The path to show: the new one, or the old one for a deletion."""
        return self.new_path or self.old_path or ""


class ChangeSet(Struct, frozen=True):
    """The change from ``base`` to ``head`` (full commit ids)."""

    base: str
    head: str
    files: tuple[FileChange, ...]
    unshipped: tuple[FileChange, ...] = ()  # the changes in ``node_modules`` folders (:data:`UNSHIPPED`), listed only


def read_changeset(repo: GitRepo, base: str, head: str, unshipped: bool = False) -> ChangeSet:
    """Compare commits ``base`` and ``head`` (already resolved) with rename detection, files in ``node_modules``
    folders apart (:data:`UNSHIPPED`): listed in ``ChangeSet.unshipped`` with ``unshipped``, else not at all.

    When git cannot read a blob of the change (a partial clone, a damaged object store), the change is read
    again without rename detection and without the patches of the files whose blobs are missing: they stay in
    the change set, and reading their facts later says they could not be read.

    Raises:
        UserError: git failed for another reason.
    """
    vendored = tuple(_parse_raw(repo.run("diff", "--raw", "-z", "--no-renames", "--no-abbrev", "--no-ext-diff",
                                         base, head, "--", UNSHIPPED))) if unshipped else ()
    try:
        return replace(_read(repo, base, head, renames=("-M",), skip=()), unshipped=vendored)
    except UserError as exc:
        if "unable to read" not in str(exc) and "bad object" not in str(exc):
            raise
    listed = _parse_raw(repo.run("diff", "--raw", "-z", "--no-renames", "--no-abbrev", "--no-ext-diff", base, head,
                                 "--", *_SHIPPED))
    missing = repo.missing_objects(b for c in listed for b in (c.old_blob, c.new_blob) if b)
    skip = sorted({path for c in listed for path, blob in ((c.old_path, c.old_blob), (c.new_path, c.new_blob))
                   if path and blob in missing})
    return replace(_read(repo, base, head, renames=("--no-renames",), skip=[f":(exclude,literal){p}" for p in skip]),
                   unshipped=vendored)


def _read(repo: GitRepo, base: str, head: str, renames: tuple[str, ...], skip: list[str] | tuple[()]) -> ChangeSet:
    """The change set outside ``node_modules`` folders, with git's ``renames`` option, leaving ``skip`` (exclude
    pathspecs) out of the patches."""
    paths = ["--", *_SHIPPED, *skip]
    if skip:  # the line counts leave the unreadable files out; the list keeps them
        raw = repo.run("diff", "--raw", "-z", *renames, "--no-abbrev", "--no-ext-diff", base, head, "--", *_SHIPPED)
        numstat = repo.run("diff", "--numstat", "-z", *renames, "--no-ext-diff", "--no-textconv", base, head, *paths)
    else:  # one git process lists the files and counts their lines
        raw, numstat = _split_raw(repo.run("diff", "--raw", "--numstat", "-z", *renames, "--no-abbrev", "--no-ext-diff",
                                           "--no-textconv", base, head, *paths))
    changes = list(_parse_raw(raw))
    # The patch of changed files only (--diff-filter=a leaves additions out: all their lines are new).
    patch = repo.run("diff", *renames, "--unified=0", "--no-color", "--no-ext-diff", "--no-textconv",
                     "--diff-filter=a", "--src-prefix=a/", "--dst-prefix=b/", base, head, *paths)
    added, _ = _added_lines(patch.decode("utf-8", "surrogateescape"))
    binary = _binary_paths(numstat)
    files = []
    for change in changes:
        key = change.new_path or change.old_path or ""
        files.append(FileChange(
            status=change.status, old_path=change.old_path, new_path=change.new_path,
            old_blob=change.old_blob, new_blob=change.new_blob, old_mode=change.old_mode,
            new_mode=change.new_mode, binary=key in binary,
            added_lines=EVERY_LINE if change.status == "added" else frozenset(added.get(key, ())),
        ))
    return ChangeSet(base=base, head=head, files=tuple(files))


def _split_raw(out: bytes) -> tuple[bytes, bytes]:
    """``git diff --raw --numstat -z`` cut into its ``--raw`` records (a ``:`` line, then one path, two for a
    rename or copy), which git writes first, and its ``--numstat`` records (never starting with ``:``)."""
    tokens = out.split(b"\0")
    i = 0
    while i < len(tokens) and tokens[i].startswith(b":"):
        i += 3 if tokens[i].split()[-1][:1] in (b"R", b"C") else 2
    return b"\0".join(tokens[:i]), b"\0".join(tokens[i:])


def _binary_paths(numstat: bytes) -> set[str]:
    """Paths git counts as binary (``-\t-`` in ``--numstat -z``; a rename carries two paths after it)."""
    tokens = numstat.split(b"\0")
    out: set[str] = set()
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if not token:
            i += 1
            continue
        counts = token.split(b"\t")
        if len(counts) >= 3 and counts[2]:
            path, i = counts[2], i + 1
        else:  # rename/copy: "added\tdeleted\t" then old and new path
            path, i = tokens[i + 2], i + 3
        if counts[0] == b"-" and counts[1] == b"-":
            out.add(path.decode("utf-8", "surrogateescape"))
    return out


def _parse_raw(raw: bytes) -> list[FileChange]:
    tokens = raw.split(b"\0")
    out: list[FileChange] = []
    i = 0
    while i < len(tokens):
        meta = tokens[i].decode()
        if not meta.startswith(":"):
            i += 1
            continue
        old_mode, new_mode, old_blob, new_blob, code = meta[1:].split()
        status = _STATUS.get(code[0], "modified")
        first = tokens[i + 1].decode("utf-8", "surrogateescape")
        old_path: str | None
        new_path: str | None
        if status in ("renamed", "copied"):
            old_path, new_path = first, tokens[i + 2].decode("utf-8", "surrogateescape")
            i += 3
        else:
            old_path = None if status == "added" else first
            new_path = None if status == "deleted" else first
            i += 2
        out.append(FileChange(
            status=status, old_path=old_path, new_path=new_path,
            old_blob=None if old_blob == _NULL_SHA else old_blob,
            new_blob=None if new_blob == _NULL_SHA else new_blob,
            old_mode=None if old_mode == "000000" else old_mode,
            new_mode=None if new_mode == "000000" else new_mode,
        ))
    return out


def _added_lines(patch_text: str) -> tuple[dict[str, list[int]], set[str]]:
    added: dict[str, list[int]] = {}
    binary: set[str] = set()
    try:
        patches = list(PatchSet(patch_text))
    except (UnidiffParseError, ValueError, IndexError):
        # A diff unidiff cannot read (it should not happen with git's own output) loses only the added
        # line numbers: findings then point at the first occurrence in the file.
        return added, binary
    for patched in patches:
        path = _strip_prefix(patched.target_file if not patched.is_removed_file else patched.source_file)
        if patched.is_binary_file:
            binary.add(path)
        lines = added.setdefault(path, [])
        for hunk in patched:
            lines.extend(line.target_line_no for line in hunk if line.is_added and line.target_line_no)
    return added, binary


def _strip_prefix(name: str) -> str:
    if name.startswith('"') and name.endswith('"'):
        name = name[1:-1].encode("latin-1", "backslashreplace").decode("unicode_escape").encode(
            "latin-1", "backslashreplace").decode("utf-8", "replace")
    for prefix in ("a/", "b/"):
        if name.startswith(prefix):
            return name[len(prefix):]
    return name


def base_tree_from(head_tree: Mapping[str, TreeEntry], files: tuple[FileChange, ...]) -> dict[str, TreeEntry]:
    """The base revision's tree rebuilt from head's and the changes (added files out, old versions back)."""
    tree = dict(head_tree)
    for change in files:
        if change.new_path:
            tree.pop(change.new_path, None)
    for change in files:
        if change.old_path and change.old_blob and change.old_mode:
            tree[change.old_path] = TreeEntry(change.old_path, change.old_mode, change.old_blob, 0)
    return tree
