"""Facts of file versions, keyed by git blob id: an unchanged file is parsed once for both sides.

Also follows project wrapper functions one level: a call to ``uploadImage()`` imported from
``../../utils/api`` counts as the ``wx`` APIs that ``uploadImage`` calls directly, at the call's line.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable, Mapping

from .extract import extract, reader_kind
from .factcache import FactCache
from .facts import Fact, FileFacts
from .gitrepo import GitRepo, TreeEntry
from .textcodec import UndecodableFile, decode

_MODULE_SUFFIXES = ("", ".js", ".ts", "/index.js", "/index.ts", ".mjs", ".jsx", ".tsx")


class FactStore:
    """Reads blobs in batches from ``repo`` and caches their facts by (blob id, reader kind and file name),
    in memory and, with ``disk``, in an on-disk :class:`FactCache`. ``progress(done, total)`` hears of
    every blob read and parsed (totals grow as the run asks for more files)."""

    def __init__(self, repo: GitRepo, disk: FactCache | None = None,
                 progress: Callable[[int, int], None] | None = None) -> None:
        self.repo = repo
        self.disk = disk
        self._cache: dict[tuple[str, str], FileFacts] = {}
        self.blobs_parsed = 0
        self._progress = progress
        self._done = 0
        self._total = 0

    def text(self, blob: str) -> str | None:
        """Decoded text of a blob, or None when it is missing or not text."""
        data = self.repo.read_blobs([blob]).get(blob)
        if data is None:
            return None
        try:
            return decode(data).text
        except UndecodableFile:
            return None

    def raw_facts(self, files: Iterable[tuple[str, str]]) -> dict[str, FileFacts]:
        """Facts of (path, blob) pairs, without wrapper following."""
        pending: dict[str, list[tuple[str, str]]] = {}
        result: dict[str, FileFacts] = {}
        for path, blob in files:
            kind = reader_kind(path)
            if kind is None:
                continue
            # What a reader extracts depends on the file name too (.ts vs .tsx, app.js vs a page).
            kind = f"{kind}/{posixpath.basename(path).lower()}"
            cached = self._cache.get((blob, kind))
            if cached is not None:
                result[path] = cached
            else:
                pending.setdefault(blob, []).append((path, kind))
        if pending and self.disk is not None:
            stored = self.disk.get_many(FactCache.key(blob, kind) for blob, users in pending.items()
                                        for _path, kind in users)
            for blob in list(pending):
                users = pending[blob]
                if all(FactCache.key(blob, kind) in stored for _path, kind in users):
                    for path, kind in users:
                        facts = stored[FactCache.key(blob, kind)]
                        self._cache[(blob, kind)] = facts
                        result[path] = facts
                    del pending[blob]
        if pending:
            self._total += sum(len(users) for users in pending.values())
            self._tick(0)
            contents = self.repo.read_blobs(pending)
            fresh: dict[str, FileFacts] = {}
            for blob, users in pending.items():
                data = contents.get(blob)
                for path, kind in users:
                    if data is None:
                        facts = FileFacts(error="not read: blob missing from the repository (a shallow or "
                                                "partial clone?)")
                    elif (blob, kind) in self._cache:
                        facts = self._cache[(blob, kind)]
                    else:
                        facts = extract(path, data)
                        self.blobs_parsed += 1
                        self._cache[(blob, kind)] = facts
                        fresh[FactCache.key(blob, kind)] = facts
                    result[path] = facts
                    self._tick(1)
            if self.disk is not None:
                self.disk.put_many(fresh)
        return result

    def _tick(self, done: int) -> None:
        self._done += done
        if self._progress is not None:
            self._progress(self._done, self._total)

    def facts(self, files: Iterable[tuple[str, str]], tree: Mapping[str, TreeEntry]) -> dict[str, FileFacts]:
        """Facts of (path, blob) pairs in the revision whose tree is ``tree``, wrappers followed one level."""
        direct = self.raw_facts(files)
        wanted: dict[str, str] = {}
        for path, facts in direct.items():
            for spec, _name, _line in facts.imported_calls:
                module = resolve_module(path, spec, tree)
                if module is not None:
                    wanted[module] = tree[module].blob
        if not wanted:
            return direct
        modules = self.raw_facts(wanted.items())
        out: dict[str, FileFacts] = {}
        for path, facts in direct.items():
            extra: list[Fact] = []
            for spec, name, line in facts.imported_calls:
                module = resolve_module(path, spec, tree)
                target = modules[module].exports.get(name) if module is not None and module in modules else None
                if target is not None:
                    extra.extend(Fact(subject, "api", line, role=f"via:{module}#{name}") for subject in target.subjects)
            out[path] = FileFacts(facts=facts.facts + tuple(extra), error=facts.error,
                                  imported_calls=facts.imported_calls, exports=facts.exports) if extra else facts
        return out


def resolve_module(importer: str, spec: str, tree: Mapping[str, TreeEntry]) -> str | None:
    """The tree path a relative import ``spec`` in file ``importer`` names, or None."""
    if not spec.startswith("."):
        return None
    base = posixpath.normpath(posixpath.join(posixpath.dirname(importer), spec))
    if base.startswith(".."):
        return None
    for suffix in _MODULE_SUFFIXES:
        candidate = base + suffix
        if candidate in tree and not tree[candidate].is_symlink:
            return candidate
    return None
