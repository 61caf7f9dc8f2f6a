"""A changed script the app loads that the run could not read (``completeness.unread_script``).

The extractor skips a file over its size limit (a speed guard: facts/extract.py) or one it cannot decode, and the
report lists it under ``errors``. That leaves the run's verdict open, yet with no finding it would pass a required
check: a large vendored SDK a page requires is the usual way new privacy calls, payments and hosts arrive. So a
skipped script that a page or component runs, or that a project file imports, is a finding; the catalog APIs its
member calls name (one tree-sitter query over the parsed bytes, bounded by :data:`_SCAN_BYTES`, with no Python walk
of the tree — the walk is what the size limit guards) are its value, for the reviewer to check by hand. A skipped
script nothing loads (a vendored library no page requires) ships nothing (core/reachability.py) and stays an error
line only. A team that has checked the file turns the rule off or lowers it under ``rules`` in the config, or
excludes the file.

Source: https://developers.weixin.qq.com/miniprogram/dev/framework/user-privacy/miniprogram-intro.html (WeChat
finds every privacy API in the uploaded package, third-party code included).

Reads: ``head_facts`` (errors), ``exists_at_head``, ``repo_grep``, ``facts_at_head``, ``read_head_bytes``.
Writes: adds ``completeness.unread_script`` at line 1 of the script.
"""

from __future__ import annotations

import posixpath
from functools import cache

from tree_sitter import Language, Query, QueryCursor

from mp_precheck.analyzers.context import ProjectContext
from mp_precheck.core.catalog import api_names
from mp_precheck.core.report import Finding
from mp_precheck.facts.extract import reader_kind
from mp_precheck.facts.store import ExistingPaths, resolve_module
from mp_precheck.readers.syntax import language_for, parse

RULE = "completeness.unread_script"
_SCRIPTS = frozenset({"js", "sfc", "min-js"})
_VIEWS = (".wxml", ".json")  # a native page's or component's sibling files: the script runs with them
_SCAN_BYTES = 8_000_000  # bytes searched for API names
_SHOWN = 6  # API names listed in the value


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    unread = sorted(path for path, facts in context.head_facts.items()
                    if facts.error and not facts.facts and reader_kind(path) in _SCRIPTS)
    loaded = [path for path in unread if _loaded(context, path)]
    if not loaded:
        return findings
    data = context.read_head_bytes(loaded)
    return [*findings, *(context.finding(RULE, path, path, 1,
                                         value=", ".join(_named_apis(data.get(path), path)) or None)
                         for path in loaded)]


def _loaded(context: ProjectContext, path: str) -> bool:
    """Whether something runs ``path``: a single-file component or a native page's or component's script (its view
    beside it), or a project file whose import resolves to it (an import naming it that resolves to nothing counts:
    when unsure, the script is loaded)."""
    stem = posixpath.splitext(posixpath.basename(path))[0]
    if reader_kind(path) == "sfc" or any(context.exists_at_head(posixpath.splitext(path)[0] + s) for s in _VIEWS):
        return True
    needles = {stem, posixpath.basename(posixpath.dirname(path))} if stem == "index" else {stem}
    tree = ExistingPaths(context.exists_at_head)
    for importer in sorted(context.repo_grep({n for n in needles if n})):
        facts = context.facts_at_head(importer) if importer != path and context.project.owns(importer) else None
        for spec in facts.module_specs if facts is not None else ():
            target = resolve_module(importer, spec, tree)
            last = posixpath.splitext(spec.rstrip("/").rpartition("/")[2])[0]
            if target == path or (target is None and last in needles):
                return True
    return False


def _named_apis(data: bytes | None, path: str) -> list[str]:
    """The catalog APIs (``wx.getLocation``) whose member names (``.getLocation``) the script ``path``'s first
    :data:`_SCAN_BYTES` of ``data`` use, in catalog order, at most :data:`_SHOWN`."""
    if not data:
        return []
    language = language_for(path if reader_kind(path) != "sfc" else "x.js")
    root = parse(language, data[:_SCAN_BYTES]).root_node
    nodes = QueryCursor(_member_query(language)).captures(root).get("name", [])
    found = {node.text.decode("utf-8", "replace") for node in nodes if node.text}
    return [name for name in _names() if name.rpartition(".")[2] in found][:_SHOWN]


@cache
def _names() -> tuple[str, ...]:
    return tuple(sorted(api_names()))


@cache
def _member_query(language: Language) -> Query:
    query: Query = Query(language, "(member_expression property: (property_identifier) @name)")
    return query
