"""Read-only access to a git repository through the ``git`` command.

Everything the analysis reads comes from git objects at a revision, never from the working tree, so
what is checked out (a merge commit, a dirty tree) cannot change the answer. Nothing here executes
code from the repository: only plumbing commands with hooks and external diff drivers disabled.
"""

from __future__ import annotations

import os
import subprocess
import weakref
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO

from msgspec import Struct

from mp_precheck.core.errors import DubiousOwnership, NotAGitRepository, UnknownRevision, UserError

EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"

# Config that keeps git from running anything the repository could configure (external diff
# drivers, textconv filters, fsmonitor hooks) and keeps paths unquoted UTF-8.
_SAFE_CONFIG = (
    "-c", "core.quotepath=off",
    "-c", "diff.external=",
    "-c", "core.fsmonitor=false",
    "-c", "diff.renames=true",
    "-c", "color.ui=false",
)


class TreeEntry(Struct, frozen=True):
    """One file of a tree: ``path`` (repository-relative, ``/``-separated), git ``mode`` and ``blob`` id."""

    path: str
    mode: str
    blob: str
    size: int

    @property
    def is_symlink(self) -> bool:
        return self.mode == "120000"

    @property
    def is_submodule(self) -> bool:
        return self.mode == "160000"


def git_message(stderr: str) -> str:
    """Git's message on one line: its ``fatal:``/``error:`` lines and what the remote said (the cause; the
    advice git adds after them, e.g. "Please make sure you have the correct access rights", is left out),
    or every line when there is none of those; ``hint:`` lines never."""
    lines = [line.strip() for line in stderr.splitlines() if line.strip() and not line.startswith("hint:")]
    causes = [line for line in lines if line.startswith(("fatal:", "error:", "remote:"))]
    return " ".join(causes or lines)


class GitRepo:
    """A repository on disk, addressed by its top-level folder.

    Raises:
        NotAGitRepository: ``path`` is not inside a git work tree or git directory.
        DubiousOwnership: git refuses ``path`` because another user owns it (the line names the fix).
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        # Answers that cannot change while one analysis runs (one instance serves one run).
        self._resolved: dict[str, str] = {}
        self._merge_bases: dict[tuple[str, str], str | None] = {}
        self._files: dict[tuple[str, str], bytes | None] = {}
        self._batch: _CatFile | None = None
        if not self.path.exists():
            raise NotAGitRepository(f"{self.path}: no such folder")
        proc = self._run_raw("rev-parse", "--git-dir")
        if proc.returncode != 0 and b"dubious ownership" in proc.stderr:
            # git >= 2.35.2 refuses a repository owned by another user (a runner's checkout in a container)
            raise DubiousOwnership(
                f"git refuses {self.path}: \"detected dubious ownership\" (it belongs to uid "
                f"{self.path.stat().st_uid}, git runs as uid {os.geteuid()}): mark it safe with "
                f"`git config --global --add safe.directory {self.path}`")
        if proc.returncode != 0:
            raise NotAGitRepository(f"{self.path} is not a git repository (git rev-parse --git-dir failed)")

    # -- plumbing -----------------------------------------------------------------------------------
    def _run_raw(self, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
        try:
            return subprocess.run(
                ["git", *_SAFE_CONFIG, *args],
                cwd=self.path,
                input=stdin,
                capture_output=True,
                env=_git_env(),
                check=False,
            )
        except FileNotFoundError as exc:
            raise UserError("git is not installed or not on PATH") from exc

    def _objects(self, names: list[str]) -> list[tuple[str, bytes] | None]:
        """(type, content) of each object name, None where git has none, from the one ``git cat-file
        --batch`` process this instance keeps (an analysis reads blobs some 20 times: one process, not 20).

        Raises: UserError when that process fails.
        """
        if self._batch is None:
            self._batch = _CatFile(self.path)
        return self._batch.read(names)

    def run(self, *args: str, stdin: bytes | None = None) -> bytes:
        """Run ``git args`` and return stdout; raise :class:`UserError` with git's own message on failure."""
        proc = self._run_raw(*args, stdin=stdin)
        if proc.returncode != 0:
            message = git_message(proc.stderr.decode("utf-8", "replace"))
            raise UserError(f"git {args[0]} failed: {message or 'exit ' + str(proc.returncode)}")
        return proc.stdout

    def missing_objects(self, names: Iterable[str]) -> set[str]:
        """Those of ``names`` (object ids) the repository does not have: a partial clone's blobs left on the
        server, or objects lost from a damaged store. One ``git cat-file --batch-check``."""
        wanted = sorted(set(names))
        if not wanted:
            return set()
        out = self.run("cat-file", "--batch-check", stdin="".join(f"{n}\n" for n in wanted).encode())
        return {line.split(" ", 1)[0] for line in out.decode("ascii", "replace").splitlines()
                if line.endswith(" missing")}

    # -- revisions ----------------------------------------------------------------------------------
    def _root_child(self, rev: str) -> str | None:
        """``X`` when ``rev`` asks for the parent (``X~1``, ``X^``, ``X~``, ``X^1``) of a commit ``X`` that has none
        (a repository's first commit), else None."""
        for suffix in ("~1", "^1", "~", "^"):
            if rev.endswith(suffix) and len(rev) > len(suffix):
                child = rev[: -len(suffix)]
                parents = self._run_raw("rev-list", "--parents", "-n", "1", "--end-of-options", f"{child}^{{commit}}")
                root = parents.returncode == 0 and len(parents.stdout.split()) == 1
                return child if root else None
        return None

    def resolve(self, rev: str) -> str:
        """Full commit id of ``rev``.

        Raises:
            UnknownRevision: git does not know ``rev`` or it names no commit.
        """
        if rev in self._resolved:
            return self._resolved[rev]
        if rev.startswith("-"):
            raise UnknownRevision(f"unknown revision {rev!r}")
        proc = self._run_raw("rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}")
        if proc.returncode != 0:
            if ".." in rev:  # a range given where one revision goes
                first, _, last = rev.partition("...") if "..." in rev else rev.partition("..")
                hint = f" (a range: pass its ends apart, --base {first or 'BASE'} --head {last or 'HEAD'})"
            elif (root := self._root_child(rev)) is not None:
                hint = f" ({root} is the first commit; to check all it adds, pass the empty tree: --base {EMPTY_TREE})"
            elif self.is_shallow():
                hint = " (a shallow clone? fetch more history, e.g. actions/checkout with fetch-depth: 0)"
            else:
                close = self._similar_refs(rev)
                hint = f" (did you mean {' or '.join(close)}?)" if close else ""
            raise UnknownRevision(f"unknown revision {rev!r}{hint}")
        self._resolved[rev] = proc.stdout.decode().strip()
        return self._resolved[rev]

    def resolve_all(self, revs: Sequence[str]) -> list[str]:
        """Full commit ids of ``revs``, in order: one ``git rev-parse`` for all of them (one process less
        per revision in a run), :meth:`resolve` one by one when that cannot answer for each.

        Raises:
            UnknownRevision: as :meth:`resolve`, for the first of ``revs`` that does not resolve.
        """
        wanted = [rev for rev in dict.fromkeys(revs) if rev not in self._resolved and not rev.startswith("-")]
        if len(wanted) > 1:
            proc = self._run_raw("rev-parse", *[f"{rev}^{{commit}}" for rev in wanted])  # none starts with "-"
            ids = proc.stdout.decode().split()
            # A range or a negation prints more lines or "^id": those go through resolve() to say the same.
            if proc.returncode == 0 and len(ids) == len(wanted) and all(map(_is_object_id, ids)):
                self._resolved.update(zip(wanted, ids, strict=True))
        return [self.resolve(rev) for rev in revs]

    def _similar_refs(self, rev: str) -> list[str]:
        """Up to two branch or tag names close to ``rev`` (``origin/main`` → ``main`` in a clone with no remote)."""
        proc = self._run_raw("for-each-ref", "--format=%(refname:short)", "refs/heads", "refs/remotes", "refs/tags")
        import difflib  # only for a revision that does not resolve

        names = [n for n in proc.stdout.decode("utf-8", "replace").split() if n]
        tail = rev.rsplit("/", 1)[-1]
        exact = [n for n in names if n == tail or n.endswith("/" + tail)]
        return (exact or difflib.get_close_matches(rev, names, n=2, cutoff=0.6))[:2]

    def merge_base(self, a: str, b: str) -> str | None:
        """The best common ancestor of commits ``a`` and ``b``, or None when they share no history."""
        if (a, b) not in self._merge_bases:
            proc = self._run_raw("merge-base", a, b)
            self._merge_bases[(a, b)] = (proc.stdout.decode().strip() or None) if proc.returncode == 0 else None
        return self._merge_bases[(a, b)]

    def is_ancestor(self, older: str, newer: str) -> bool:
        """Whether commit ``older`` (a full or abbreviated id) is ``newer`` or one of its ancestors; False
        when either is not in the clone."""
        if older.startswith("-") or newer.startswith("-"):
            return False
        return self._run_raw("merge-base", "--is-ancestor", older, newer).returncode == 0

    def is_shallow(self) -> bool:
        proc = self._run_raw("rev-parse", "--is-shallow-repository")
        return proc.stdout.decode().strip() == "true"

    def default_branch(self) -> str | None:
        """The remote's default branch (``origin/HEAD``), else ``main`` or ``master`` if present."""
        proc = self._run_raw("symbolic-ref", "--quiet", "refs/remotes/origin/HEAD")
        if proc.returncode == 0:
            return proc.stdout.decode().strip().removeprefix("refs/remotes/")
        for name in ("origin/main", "origin/master", "main", "master"):
            if self._run_raw("rev-parse", "--verify", "--quiet", f"{name}^{{commit}}").returncode == 0:
                return name
        return None

    # -- trees and blobs ----------------------------------------------------------------------------
    def ls_tree(self, rev: str) -> list[TreeEntry]:
        """Every file of ``rev``'s tree, recursively, with sizes (submodules have size 0)."""
        return _parse_tree(self.run("ls-tree", "-r", "-z", "-l", "--full-tree", rev))

    def read_blobs(self, blobs: Iterable[str]) -> dict[str, bytes]:
        """Contents of the given blob ids, read in one ``git cat-file --batch`` call; missing ids are left out."""
        wanted = list(dict.fromkeys(blobs))
        if not wanted:
            return {}
        return {sha: found[1] for sha, found in zip(wanted, self._objects(wanted), strict=True) if found is not None}

    def read_files(self, wanted: Iterable[tuple[str, str]]) -> dict[tuple[str, str], bytes | None]:
        """Bytes of each (revision, path) — None where the file does not exist — in one ``cat-file`` call."""
        items = [w for w in dict.fromkeys(wanted) if w not in self._files]
        # `rev:path` names an object directly; paths git would read as relative ("./x") go through ls-tree.
        simple = [(rev, path) for rev, path in items
                  if "\n" not in path and not path.startswith(("./", "../", "/"))]
        if simple:
            names = [f"{rev}:{path}" for rev, path in simple]
            found = self.read_blobs_by_name(names)
            for (rev, path), name in zip(simple, names, strict=True):
                self._files[(rev, path)] = found.get(name)
        for rev, path in items:
            if (rev, path) not in self._files:
                self._files[(rev, path)] = self._read_file_by_tree(rev, path)
        return {w: self._files[w] for w in wanted}

    def read_blobs_by_name(self, names: list[str]) -> dict[str, bytes]:
        """Contents of objects named like ``rev:path`` (blobs only; missing or non-blob names left out)."""
        return {name: found[1] for name, found in zip(names, self._objects(names), strict=True)
                if found is not None and found[0] == "blob"}

    def read_file(self, rev: str, path: str) -> bytes | None:
        """Bytes of ``path`` in commit ``rev``, or None when the file does not exist there."""
        return self.read_files([(rev, path)])[(rev, path)]

    def _texts(self, rev: str, paths: list[str]) -> list[bytes]:
        """Bytes of each of ``paths`` at ``rev`` (empty when missing), read once and not kept (unlike
        :meth:`read_files`, whose answers later readers share)."""
        simple = [path for path in paths if "\n" not in path and not path.startswith(("./", "../", "/"))]
        read = dict(zip(simple, self._objects([f"{rev}:{path}" for path in simple]), strict=True))
        return [found[1] if (found := read.get(path)) is not None else self._read_file_by_tree(rev, path) or b""
                for path in paths]

    def _read_file_by_tree(self, rev: str, path: str) -> bytes | None:
        entries = [e for e in self.ls_tree_paths(rev, [path]) if e.path == path and not e.is_submodule]
        if not entries:
            return None
        return self.read_blobs([entries[0].blob]).get(entries[0].blob)

    def ls_tree_paths(self, rev: str, paths: list[str]) -> list[TreeEntry]:
        """Tree entries of ``rev`` for exactly these ``paths`` (literal pathspecs)."""
        out = self.run("ls-tree", "-z", "-l", "--full-tree", rev, "--", *[f":(literal){p}" for p in paths])
        return _parse_tree(out)

    def grep_needles(self, rev: str, needles: Iterable[str], paths: Iterable[str] = ()) -> dict[str, set[str]]:
        """For each file of ``rev`` containing any of ``needles`` (fixed strings), which needles it holds.

        A prefilter only: the caller confirms with a parser. Binary files are skipped. ``git grep -l`` names the
        files holding any needle; each of those is then searched for every needle in memory. (``git grep -o``
        answered both at once but is slow on long minified lines with many needles: 40 s for 150 script names
        over a 4 MB uni-app with two minified charting libraries, against 0.2 s for ``-l``.)
        """
        needle_list = sorted(set(needles))
        if not needle_list:
            return {}
        args = ["grep", "-l", "-z", "-I", "-F", "--full-name"]
        for needle in needle_list:
            args += ["-e", needle]
        args += [rev, "--", *paths]
        proc = self._run_raw(*args)
        if proc.returncode not in (0, 1):
            raise UserError(f"git grep failed: {proc.stderr.decode('utf-8', 'replace').strip()}")
        prefix = f"{rev}:".encode()
        names = [name.removeprefix(prefix).decode("utf-8", "surrogateescape")
                 for name in proc.stdout.split(b"\0") if name]
        encoded = [(needle, needle.encode("utf-8", "surrogateescape")) for needle in needle_list]
        found: dict[str, set[str]] = {}
        for start in range(0, len(names), _GREP_READ_BATCH):  # a batch's texts at a time: memory stays bounded
            batch = names[start:start + _GREP_READ_BATCH]
            for path, data in zip(batch, self._texts(rev, batch), strict=True):
                held = {needle for needle, raw in encoded if raw in data}
                if held:
                    found[path] = held
        return found


_GREP_READ_BATCH = 256  # files read back per cat-file request by grep_needles


def _parse_tree(out: bytes) -> list[TreeEntry]:
    entries = []
    for record in out.split(b"\0"):
        if not record:
            continue
        meta, _, path = record.partition(b"\t")
        mode, _kind, blob, size = meta.decode().split(maxsplit=3)
        entries.append(TreeEntry(path.decode("utf-8", "surrogateescape"), mode, blob,
                                 int(size) if size.strip().isdigit() else 0))
    return entries


def _git_env() -> dict[str, str]:
    env = dict(os.environ, GIT_TERMINAL_PROMPT="0", GIT_OPTIONAL_LOCKS="0", LC_ALL="C")
    env.pop("GIT_DIR", None)
    env.pop("GIT_WORK_TREE", None)
    return env


# The process lives as long as the run (beside the parser workers of a large change): it keeps at most 8 MB of
# pack files mapped instead of all it has read (~30 MB for a 1,300-file app).
def _is_object_id(text: str) -> bool:
    """A full object id: 40 (SHA-1) or 64 (SHA-256) lowercase hex digits."""
    return len(text) in (40, 64) and not text.strip("0123456789abcdef")


_SMALL_PACK_WINDOWS = ("-c", "core.packedGitWindowSize=1m", "-c", "core.packedGitLimit=8m")

# Requests are written in chunks no larger than this, so a write never waits on a full pipe while git
# waits for its output to be read (4 KiB: the smallest pipe capacity Linux gives).
_CHUNK_BYTES = 4096


class _CatFile:
    """One ``git cat-file --batch`` process, started on first use and ended when its owner is collected
    (or the interpreter exits). git flushes after each object, so requests and answers alternate."""

    def __init__(self, path: Path) -> None:
        self._errors = _message_file()  # git's messages, read only when it fails
        try:
            self._proc = subprocess.Popen(["git", *_SAFE_CONFIG, *_SMALL_PACK_WINDOWS, "cat-file", "--batch"],
                                          cwd=path, env=_git_env(), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                          stderr=self._errors or subprocess.DEVNULL)
        except FileNotFoundError as exc:
            if self._errors is not None:
                self._errors.close()
            raise UserError("git is not installed or not on PATH") from exc
        weakref.finalize(self, _end, self._proc, self._errors)

    def read(self, names: list[str]) -> list[tuple[str, bytes] | None]:
        """(type, content) of each name in order; None for what git reports missing or ambiguous."""
        assert self._proc.stdin is not None and self._proc.stdout is not None
        lines = [name.encode("utf-8", "surrogateescape") + b"\n" for name in names]
        out: list[tuple[str, bytes] | None] = []
        start = 0
        try:
            while start < len(lines):
                end, size = start + 1, len(lines[start])
                while end < len(lines) and size + len(lines[end]) <= _CHUNK_BYTES:
                    size += len(lines[end])
                    end += 1
                self._proc.stdin.write(b"".join(lines[start:end]))
                self._proc.stdin.flush()
                out.extend(self._answer() for _ in range(end - start))
                start = end
        except (BrokenPipeError, ValueError) as exc:
            raise self._failed() from exc
        return out

    def _answer(self) -> tuple[str, bytes] | None:
        assert self._proc.stdout is not None
        header = self._proc.stdout.readline()
        if not header.endswith(b"\n"):
            raise self._failed()
        fields = header.split()
        if len(fields) < 3 or not fields[-1].isdigit() or header.endswith((b" missing\n", b" ambiguous\n")):
            return None
        size = int(fields[-1])
        data = self._proc.stdout.read(size + 1)
        if len(data) != size + 1:
            raise self._failed()
        return fields[-2].decode(), data[:size]

    def _failed(self) -> UserError:
        self._proc.kill()
        code = self._proc.wait()
        message = ""
        if self._errors is not None:
            self._errors.seek(0)
            message = git_message(self._errors.read().decode("utf-8", "replace"))
        return UserError(f"git cat-file failed: {message or 'exit ' + str(code)}")


def _message_file() -> IO[bytes] | None:
    """A file in memory for git's messages (nothing is written to disk); None where the system has no
    ``memfd_create``: the messages are then dropped and an error names only git's exit status."""
    if not hasattr(os, "memfd_create"):
        return None
    return os.fdopen(os.memfd_create("mp-precheck-git-messages", os.MFD_CLOEXEC), "w+b")


def _end(proc: subprocess.Popen[bytes], errors: IO[bytes] | None) -> None:
    """Close git's input (it exits at the end of it) and reap it."""
    try:
        if proc.stdin is not None:
            proc.stdin.close()
        proc.wait(timeout=5)
    except (OSError, subprocess.TimeoutExpired):
        proc.kill()
        proc.wait()
    if proc.stdout is not None:
        proc.stdout.close()
    if errors is not None:
        errors.close()
