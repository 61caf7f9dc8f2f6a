"""An optional on-disk cache of facts, keyed by git blob id: a second run over the same commits parses
nothing new. One SQLite file (standard library), easy to keep between CI runs with ``actions/cache``.

Keys carry the fact-format version, so an upgrade never reads facts written by an older extractor.
A damaged or unwritable cache is ignored with a note — it can only make a run slower, never wrong.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from mp_precheck import __version__
from mp_precheck.facts.model import Export, Fact, FileFacts

# v14: upload call targets and dispatched actions; v13: merge of v11 and v12;
# v12: account-link hosts, uncalled component methods, hook libraries;
# v11: forced-login conditions (role if:<n>@<lines>); v10: WeChat login labels as brand text;
# v9: ID card fields, dispatch choices and call literals, review-text signals, authorizeForMiniProgram scopes;
# v5: wrappers and App members; v4: bound attribute choices, feature tests
FORMAT = f"facts-v15-{__version__}"


class FactCache:
    """Facts by (blob id, reader kind) in the SQLite file at ``path`` (created when missing)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.problem: str | None = None
        self._db: sqlite3.Connection | None = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path)
            self._db.execute("CREATE TABLE IF NOT EXISTS facts (key TEXT PRIMARY KEY, data TEXT NOT NULL)")
        except (OSError, sqlite3.Error) as exc:
            self._disable(exc)

    def _disable(self, exc: Exception) -> None:
        self.problem = f"fact cache {self.path} not used: {exc}"
        if self._db is not None:
            self._db.close()
        self._db = None

    @staticmethod
    def key(blob: str, kind: str) -> str:
        return f"{FORMAT}:{kind}:{blob}"

    def get_many(self, keys: Iterable[str]) -> dict[str, FileFacts]:
        """Cached facts for the keys that are present."""
        wanted = list(keys)
        if self._db is None or not wanted:
            return {}
        out: dict[str, FileFacts] = {}
        try:
            for start in range(0, len(wanted), 500):
                chunk = wanted[start:start + 500]
                marks = ",".join("?" * len(chunk))
                for key, data in self._db.execute(f"SELECT key, data FROM facts WHERE key IN ({marks})", chunk):
                    out[key] = _load(json.loads(data))
        except (sqlite3.Error, ValueError, TypeError, KeyError) as exc:
            self._disable(exc)
            return {}
        return out

    def put_many(self, items: dict[str, FileFacts]) -> None:
        if self._db is None or not items:
            return
        try:
            with self._db:
                self._db.executemany("INSERT OR REPLACE INTO facts (key, data) VALUES (?, ?)",
                                     [(k, json.dumps(_dump(v), ensure_ascii=False)) for k, v in items.items()])
        except sqlite3.Error as exc:
            self._disable(exc)

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def _dump(facts: FileFacts) -> dict[str, Any]:
    return {"facts": [asdict(f) for f in facts.facts], "error": facts.error,
            "imported_calls": [list(c) for c in facts.imported_calls],
            "exports": {k: asdict(v) for k, v in facts.exports.items()}, "app_members": facts.app_members,
            "call_literals": {str(k): list(v) for k, v in facts.call_literals.items()}}


def _load(data: dict[str, Any]) -> FileFacts:
    return FileFacts(
        facts=tuple(Fact(**f) for f in data["facts"]), error=data["error"],
        imported_calls=tuple((c[0], c[1], int(c[2])) for c in data["imported_calls"]),
        exports={k: Export(tuple(v["subjects"]), v["first_line"], v["last_line"],
                           tuple((c[0], tuple(c[1])) for c in v.get("choices", ())), v.get("dispatched", False))
                 for k, v in data["exports"].items()},
        app_members=dict(data.get("app_members", {})),
        call_literals={int(k): tuple(v) for k, v in data.get("call_literals", {}).items()})
