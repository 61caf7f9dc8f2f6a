"""Choose the reader for a file by its name and turn its bytes into :class:`FileFacts`.

One bad file never stops the run: oversize, binary, undecodable or malformed files give a
``FileFacts`` with ``error`` set, which the report lists under ``errors``.
"""

from __future__ import annotations

import posixpath

from .appconfig import MalformedJson, app_config_facts, load_json, title_facts
from .facts import Export, Fact, FileFacts
from .jsfacts import js_facts
from .markup import markup_facts
from .sfc import split_blocks
from .textcodec import UndecodableFile, decode

MAX_BYTES = 1_000_000  # minified bundles above this are skipped with a note, never parsed for minutes

JS_SUFFIXES = (".js", ".mjs", ".cjs", ".ts", ".mts", ".jsx", ".tsx", ".wxs", ".sjs")
MARKUP_SUFFIXES = (".wxml", ".swan", ".axml")
SFC_SUFFIXES = (".vue", ".nvue", ".uvue", ".mpx", ".wpy")
APP_CONFIG_NAMES = ("app.json", "ext.json")
# JSON files that are not page/app configuration (their titles are not UI).
_NOT_PAGE_CONFIG = ("package.json", "package-lock.json", "project.config.json", "project.private.config.json",
                    "sitemap.json", "tsconfig.json", "jsconfig.json", "manifest.json", "theme.json")


def reader_kind(path: str) -> str | None:
    """Which reader handles ``path``: ``js``, ``markup``, ``sfc``, ``app-config``, or None (not read)."""
    name = posixpath.basename(path).lower()
    if name.endswith((".d.ts", ".min.js")):
        return None
    if name in APP_CONFIG_NAMES:
        return "app-config"
    if name.endswith(JS_SUFFIXES):
        return "js"
    if name.endswith(MARKUP_SUFFIXES):
        return "markup"
    if name.endswith(SFC_SUFFIXES):
        return "sfc"
    if name.endswith(".json") and name not in _NOT_PAGE_CONFIG and "/" in path.strip("/") + "/":
        return "page-config"
    return None


def extract(path: str, data: bytes) -> FileFacts:
    """Facts of one file version (``path`` decides the reader, ``data`` is the blob's bytes)."""
    kind = reader_kind(path)
    if kind is None:
        return FileFacts()
    if len(data) > MAX_BYTES:
        return FileFacts(error=f"skipped: {len(data) / 1_000_000:.1f} MB is over the 1 MB limit "
                               "(a minified or generated file?)")
    try:
        text = decode(data).text
    except UndecodableFile as exc:
        return FileFacts(error=f"not read: {exc}")
    if kind == "js":
        return js_facts(text, path)
    if kind == "markup":
        return FileFacts(facts=tuple(markup_facts(text)))
    if kind == "sfc":
        return sfc_facts(text, path)
    try:
        data_obj = load_json(text, posixpath.basename(path))
    except MalformedJson as exc:
        if kind == "page-config":
            return FileFacts()  # a data file, not necessarily configuration: not worth an error
        return FileFacts(error=str(exc))
    if kind == "page-config":
        return FileFacts(facts=tuple(title_facts(text, data_obj)))
    return FileFacts(facts=tuple(app_config_facts(text, data_obj) + title_facts(text, data_obj)))


def sfc_facts(text: str, path: str) -> FileFacts:
    """Facts of a single-file component: its ``<template>`` as markup, its ``<script>`` blocks as JS/TS."""
    facts: list[Fact] = []
    imported: list[tuple[str, str, int]] = []
    exports: dict[str, Export] = {}
    for block in split_blocks(text):
        if block.tag == "template":
            facts.extend(markup_facts(block.text, block.line_offset))
        elif block.tag == "script":
            kind = block.attrs.get("type", "")
            if "json" in kind or block.attrs.get("name") == "json":
                continue  # mpx's app.json block: configuration, not code
            lang = block.attrs.get("lang", "js")
            suffix = ".tsx" if lang == "tsx" else ".ts" if lang == "ts" else ".jsx" if lang == "jsx" else ".js"
            found = js_facts(block.text, path + suffix, block.line_offset)
            facts.extend(found.facts)
            imported.extend(found.imported_calls)
            exports.update(found.exports)
    return FileFacts(facts=tuple(facts), imported_calls=tuple(imported), exports=exports)
