"""The names a script defines (:func:`mp_precheck.readers.handlers.script_definitions`), read once per text.

Finding a template's dead handlers parses its page's script, and several analyzers ask about the same pages in one
run (dead handlers, moved and switched asks, called helpers, the entry page's asks); a warm run over a small change
spent most of that analyzer's time parsing scripts it had read before. The answer depends only on the text, the
grammar the path picks and whether it is a ``<script setup>`` block, so it is kept under the text's git blob id (the
blob's own id when the text is the file's, as read) with the grammar and the flag: once per run in memory and, with
an on-disk :class:`~mp_precheck.facts.cache.FactCache`, between runs under the fact format (a new reader never
reads an older one's answers).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING

from mp_precheck.core.digests import sha1
from mp_precheck.facts.cache import FORMAT, FactCache
from mp_precheck.readers.syntax import grammar_name

if TYPE_CHECKING:  # the handler reader loads when a run first asks (a change with no template never does)
    from mp_precheck.readers.handlers import Definitions

# (text, path, setup) -> the names the script defines; a new Definitions each call (callers may change it).
Defined = Callable[[str, str, bool], "Definitions"]


def text_blob_id(text: str) -> str:
    """The git blob id of ``text`` written as UTF-8 (lone surrogates kept as the parser reads them)."""
    data = text.encode("utf-8", "surrogatepass")
    return sha1(b"blob %d\0" % len(data) + data).hexdigest()


def defined_names(disk: FactCache | None = None) -> Defined:
    """A :data:`Defined` that parses each (text, grammar, setup) once in this run and, with ``disk``, reads and
    keeps the answer there (a damaged entry is parsed again). Gives what ``script_definitions`` gives."""
    kept: dict[str, tuple[frozenset[str], bool, tuple[str, ...]]] = {}

    def defined(text: str, path: str, setup: bool = False) -> Definitions:
        from mp_precheck.readers.handlers import Definitions, script_definitions

        key = f"{FORMAT}:script-names:{grammar_name(path)}:{int(setup)}:{text_blob_id(text)}"
        if key not in kept:
            found = _stored(disk.get_reading(key)) if disk is not None else None
            if found is None:
                fresh = script_definitions(text, path, setup)
                found = (frozenset(fresh.names), fresh.open, tuple(fresh.imports))
                if disk is not None:
                    disk.put_reading(key, json.dumps([sorted(found[0]), found[1], list(found[2])],
                                                     ensure_ascii=False))
            kept[key] = found
        names, is_open, imports = kept[key]
        return Definitions(set(names), is_open, list(imports))
    return defined


def _stored(data: str | None) -> tuple[frozenset[str], bool, tuple[str, ...]] | None:
    """A kept answer read back; None when there is none or it is not one."""
    if data is None:
        return None
    try:
        names, is_open, imports = json.loads(data)
    except (ValueError, TypeError):
        return None
    if not (isinstance(names, list) and isinstance(is_open, bool) and isinstance(imports, list)
            and all(isinstance(n, str) for n in (*names, *imports))):
        return None
    return frozenset(names), is_open, tuple(imports)
