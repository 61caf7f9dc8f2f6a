"""Choose the reader for a file by its name and turn its bytes into :class:`FileFacts`.

One bad file never stops the run: oversize, binary, undecodable or malformed files give a
``FileFacts`` with ``error`` set, which the report lists under ``errors``.
"""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING

from msgspec.structs import replace

from mp_precheck.core.catalog import api_names
from mp_precheck.facts.model import Export, Fact, FileFacts, JsxReading
from mp_precheck.readers.appconfig import (
    MalformedJson,
    app_config_facts,
    load_json,
    load_json_leniently,
    loads_jsonc,
    title_facts,
)
from mp_precheck.readers.browsersinks import calls_web_bridge
from mp_precheck.readers.componentuses import jsx_reading
from mp_precheck.readers.conditional import for_wechat
from mp_precheck.readers.conflictsides import with_sides
from mp_precheck.readers.copiedargs import copied_handler_links
from mp_precheck.readers.envfiles import env_facts, is_env_file
from mp_precheck.readers.finclip import as_wechat
from mp_precheck.readers.grantedread import granted_branches, granted_lines
from mp_precheck.readers.jsconfig import class_config_object, config_object, macro_object, mpvue_config
from mp_precheck.readers.jsfacts import js_facts
from mp_precheck.readers.jsonhosts import json_host_facts
from mp_precheck.readers.jsxruns import jsx_run_facts
from mp_precheck.readers.markup import markup_facts, markup_unread
from mp_precheck.readers.methodliterals import with_handed_literals
from mp_precheck.readers.minified import is_minified_library
from mp_precheck.readers.mpvueentry import entry_login_facts
from mp_precheck.readers.otherbuildpay import without_other_build_payments
from mp_precheck.readers.otherbuilds import other_build_secrets
from mp_precheck.readers.ownhelpers import words
from mp_precheck.readers.pagequery import with_page_queries
from mp_precheck.readers.routes import script_routes
from mp_precheck.readers.sdkhosts import calls_network, library_hosts, vendored_hosts
from mp_precheck.readers.sdkprivacy import vendored_privacy_calls
from mp_precheck.readers.secretfacts import json_secrets
from mp_precheck.readers.sfc import split_blocks
from mp_precheck.readers.shownfields import with_shown_fields
from mp_precheck.readers.statemedia import state_media
from mp_precheck.readers.storeactions import STORE_SCRIPTS, binds_store, store_calls
from mp_precheck.readers.storedispatch import with_store_reach
from mp_precheck.readers.stylesheet import STYLE_SUFFIXES, names_an_image, style_facts
from mp_precheck.readers.textcodec import UndecodableFile, decode
from mp_precheck.readers.uncalled import idle_options_methods, unnamed_in_other_blocks
from mp_precheck.readers.webviewdata import with_web_view_data

if TYPE_CHECKING:
    from mp_precheck.readers.discovery import Project

NPM_BUILD = "miniprogram_npm"  # the developer tools' build of the app's npm packages, shipped as it is
# Vendor folders a native project uploads as they are (no bundler; only node_modules is left out): the scripts in
# them the app requires are the app's (``Project.vendored``, facts/vendored.py), read as a vendored SDK.
SHIPPED_VENDOR_DIRS = frozenset({"bower_components"})
MAX_BYTES = 1_000_000  # minified bundles above this are skipped with a note, never parsed for minutes

JS_SUFFIXES = (".js", ".mjs", ".cjs", ".ts", ".mts", ".jsx", ".tsx", ".wxs", ".sjs")
MARKUP_SUFFIXES = (".wxml", ".swan", ".axml")
SFC_SUFFIXES = (".vue", ".nvue", ".uvue", ".mpx", ".wpy")
JSX_SCRIPTS = (".js", ".jsx", ".tsx")  # scripts that may render components (Taro writes pages in .js too)
ROUTE_SCRIPTS = (".js", ".ts", ".jsx", ".tsx")  # scripts whose route calls the unregistered-page check reads
APP_CONFIG_NAMES = ("app.json", "ext.json")
# The developer tools' project files: committed with the code, read for the secrets some teams keep there.
DEVTOOLS_CONFIGS = ("project.config.json", "project.private.config.json")
SCRIPT_KINDS = frozenset({"js", "sfc", "min-js", "taro-app-config", "taro-page-config"})  # kinds holding scripts
_JSON_CONFIGS = frozenset({"app-config", "page-config", "uni-manifest", "uni-pages"})  # read as JSON data
# JSON files that are not page/app configuration (their titles are not UI).
_NOT_PAGE_CONFIG = ("package.json", "package-lock.json", "project.config.json", "project.private.config.json",
                    "sitemap.json", "tsconfig.json", "jsconfig.json", "theme.json", "composer.json")
# Build-tool configs named *.config.js that are not Taro page configs.
_TOOL_CONFIGS = ("babel", "jest", "vite", "vue", "webpack", "postcss", "tailwind", "eslint", "prettier", "rollup",
                 "commitlint", "stylelint", "vitest", "karma", "metro", "next", "nuxt", "svelte", "lint-staged")


def reader_kind(path: str) -> str | None:
    """Which reader handles ``path``: ``js``, ``min-js`` (a minified script, or one of a vendored package folder a
    native project ships, ``bower_components/``: its request hosts and privacy API calls only), ``npm-js``
    (a script of an npm package built into ``miniprogram_npm/``: its request hosts only),
    ``markup``, ``sfc``, ``style`` (WXSS, CSS and preprocessor sheets), ``app-config``, ``env`` (a build's
    ``.env`` file), or None (not read)."""
    name = posixpath.basename(path).lower()
    if is_env_file(path):
        return "env"
    if name.endswith(".d.ts"):
        return None
    if name.endswith(".min.js") or (name.endswith(".js") and SHIPPED_VENDOR_DIRS & set(path.split("/")[:-1])):
        return "min-js"  # a copied SDK: minified, or in a package manager's folder a native app ships
    if NPM_BUILD in path.split("/")[:-1]:
        return "npm-js" if name.endswith((".js", ".cjs", ".mjs")) else None
    if name in APP_CONFIG_NAMES:
        return "app-config"
    if name in DEVTOOLS_CONFIGS:
        return "devtools-config"
    if name in ("app.config.js", "app.config.ts", "app.json.js", "app.json.ts"):  # Taro's, weapp-vite's app JSON
        return "taro-app-config"
    if name.endswith((".config.js", ".config.ts")) and name.split(".", 1)[0] not in _TOOL_CONFIGS:
        return "taro-page-config"
    if name == "manifest.json":
        return "uni-manifest"
    if name == "pages.json":
        return "uni-pages"
    if name.endswith(JS_SUFFIXES):
        return "js"
    if name.endswith(MARKUP_SUFFIXES):
        return "markup"
    if name.endswith(SFC_SUFFIXES):
        return "sfc"
    if name.endswith(STYLE_SUFFIXES):
        return "style"
    if name.endswith(".json") and name not in _NOT_PAGE_CONFIG and "/" in path.strip("/") + "/":
        return "page-config"
    return None


def shipped_npm_script(project: Project, path: str) -> bool:
    """Whether ``path`` is a script of an npm package built into a ``miniprogram_npm/`` folder of ``project``
    (not one inside a ``node_modules`` tree): the package ships in the Mini Program as it is, so the servers it
    requests need 服务器域名 (https://developers.weixin.qq.com/miniprogram/dev/devtools/npm.html). Only its
    request hosts are read (``npm-js``, readers/sdkhosts.py)."""
    parts = path.split("/")
    if reader_kind(path) != "npm-js" or "node_modules" in parts:
        return False
    at = parts.index(NPM_BUILD)
    return project.owns("/".join(parts[:at] + parts[-1:]))  # the folder holding the build is the app's own


def project_reads(project: Project, path: str) -> bool:
    """Whether a file at ``path`` is read for ``project``: its own file of a kind a reader takes, or a script of
    a built npm package it ships (:func:`shipped_npm_script`)."""
    return (project.owns(path) or shipped_npm_script(project, path) or devtools_config_of(project, path)) \
        and reader_kind(path) is not None


def devtools_config_of(project: Project, path: str) -> bool:
    """Whether ``path`` is a developer tools project file (:data:`DEVTOOLS_CONFIGS`) in ``project``'s root or a
    folder above it: a ``project.config.json`` whose ``miniprogramRoot`` points down to the app is the app's own
    (https://developers.weixin.qq.com/miniprogram/dev/devtools/projectconfig.html)."""
    folder = posixpath.dirname(path)
    return posixpath.basename(path) in DEVTOOLS_CONFIGS and (
        folder in ("", project.root) or project.root.startswith(folder + "/"))


def extract(path: str, data: bytes, compiled: bool = True, finclip: bool = False) -> FileFacts:
    """Facts of one file version (``path`` decides the reader, ``data`` is the blob's bytes); ``compiled``
    False for a file of a native project, whose uni-app-style ``#ifdef`` comments no build honours; ``finclip``
    True for a file of a project built for FinClip, whose scripts call WeChat's APIs on ``ft`` (readers/finclip.py)."""
    kind = reader_kind(path)
    if kind is None or (kind == "style" and not names_an_image(data)):
        return FileFacts()  # a style sheet naming no image file has nothing to read: not even decoded
    if len(data) > MAX_BYTES:
        return FileFacts(error=f"skipped: {len(data) / 1_000_000:.1f} MB is over the 1 MB limit "
                               "(a minified or generated file?)")
    try:
        decoded = decode(data)
    except UndecodableFile as exc:
        return FileFacts(error=f"not read: {exc}")
    # uni-app #ifdef blocks for other platforms are not shipped to WeChat, nor run the methods only they call:
    # blanked before reading (a native project's are comments: everything in them ships).
    text = for_wechat(decoded.text, path, compiled)
    if kind in SCRIPT_KINDS:  # FinClip's ft is WeChat's wx
        text = as_wechat(text, finclip, api_names, path)
    facts = _extract_text(text, path, kind)
    if kind in _JSON_CONFIGS:  # left with git's conflict markers: what either side holds (readers/conflictsides.py)
        facts = with_sides(facts, text, lambda side: _extract_text(side, path, kind))
    if kind in ("js", "sfc") and text != decoded.text:  # a secret other platforms' builds ship is leaked too
        written = as_wechat(decoded.text, finclip, api_names, path)
        hidden = other_build_secrets(written, text, facts.facts, lambda t: _extract_text(t, path, kind).facts)
        facts = replace(facts, facts=facts.facts + tuple(hidden)) if hidden else facts
        kept = without_other_build_payments(written, text, facts.facts, path)  # a flow only the App build pays
        facts = replace(facts, facts=kept) if kept is not facts.facts else facts
    if kind in ("js", "sfc") and path.endswith(STORE_SCRIPTS):  # the text analyzers read, #ifdef blocks and all
        found = tuple(store_calls(decoded.text, path)) if binds_store(decoded.text) else ()
        facts = replace(facts, store_calls=found)
    if kind in ("js", "sfc"):  # a Vuex dispatch calls the action it names (readers/storedispatch.py)
        facts = with_store_reach(facts, text, path)
    if decoded.lossy and facts.error is None:
        return replace(facts, error="read in part: valid in no known text encoding (UTF-8, GBK…); "
                                    "undecodable bytes were skipped")
    return facts


def flavour(native: bool, finclip: bool) -> str:
    """How a project reads its file, as the end of the file's cache kind (facts/store.py): ``/native`` for a native
    project's (``#ifdef`` comments ship), ``/finclip`` for a FinClip project's (``ft`` is ``wx``); "" for neither."""
    return ("/native" if native else "") + ("/finclip" if finclip else "")


def flavoured(kind: str) -> tuple[bool, bool]:
    """The ``compiled`` and ``finclip`` arguments of :func:`extract` a cache kind ending in :func:`flavour` asks for."""
    return not kind.endswith(("/native", "/native/finclip")), kind.endswith("/finclip")


def extract_job(job: tuple[str, bytes, bool, bool]) -> FileFacts:
    """:func:`extract` of one (path, bytes, compiled, finclip) tuple: what a worker process runs (a spawned worker
    imports only this module and the readers, never git, the analyzers or the outputs)."""
    return extract(*job)


def _extract_text(text: str, path: str, kind: str) -> FileFacts:
    if kind in ("taro-app-config", "taro-page-config"):
        return _taro_config_facts(text, path, kind)
    if kind in ("uni-manifest", "uni-pages"):
        return _uni_config_facts(text, path, kind)
    if kind == "js":
        found = _js_with_class_config(text, path)
        found = replace(found, facts=tuple(with_page_queries(found.facts, text, path)))  # a page's ?url=https://…
        # A library's own links: a minified one's, or WeChat's JS-SDK for web pages (it calls WeixinJSBridge, the
        # in-app browser's bridge, whose requests the browser makes: readers/browsersinks.py)
        if path.lower().endswith(".js") and (calls_web_bridge(text) or is_minified_library(text)) \
                and not calls_network(text):
            found = replace(found, facts=tuple(library_hosts(found.facts, text, path)))
        return found
    if kind == "min-js":  # a copied SDK: its hosts, and the privacy APIs it calls (readers/sdkprivacy.py)
        hosts = vendored_hosts(text, path)
        calls = vendored_privacy_calls(text, path)
        return replace(hosts, facts=hosts.facts + tuple(calls)) if calls else hosts
    if kind == "npm-js":
        return vendored_hosts(text, path)
    if kind == "devtools-config":
        return FileFacts(facts=tuple(json_secrets(text)))
    if kind == "env":
        return env_facts(text, path)
    if kind == "markup":
        return FileFacts(facts=tuple(markup_facts(text)), error=markup_unread(text))
    if kind == "sfc":
        return sfc_facts(text, path)
    if kind == "style":
        return FileFacts(facts=tuple(style_facts(text)))
    if kind == "page-config":
        try:
            data_obj = load_json(text, posixpath.basename(path))
        except MalformedJson:
            return FileFacts()  # a data file, not necessarily configuration: not worth an error
        return FileFacts(facts=tuple(title_facts(text, data_obj) + json_host_facts(text, data_obj, path)))
    data_obj, problem = load_json_leniently(text, posixpath.basename(path))
    if data_obj is None:
        return FileFacts(error=problem)
    return FileFacts(facts=tuple(app_config_facts(text, data_obj) + title_facts(text, data_obj)), error=problem)


def _taro_config_facts(text: str, path: str, kind: str) -> FileFacts:
    """Taro ``app.config.*`` (app.json keys) or a page ``*.config.*`` (titles), read as data."""
    data = config_object(text, path)
    found = js_facts(text, path)  # hosts, text signals and the like in the config file itself
    if data is None:
        return found
    facts = title_facts(text, data)
    if kind == "taro-app-config":
        facts = app_config_facts(text, data) + facts
    return FileFacts(facts=tuple(facts) + tuple(f for f in found.facts if f.kind == "host"))


def _js_with_class_config(text: str, path: str) -> FileFacts:
    """A script; a class component's ``config = {...}`` (Taro 1.x/2.x) adds its titles, and on the app
    file its app.json keys: ``window.navigationBarTitleText`` of ``src/app.js`` is the app's title; so does an
    mpvue 1.x ``main.js``'s ``export default { config }`` (the app's keys where it lists the pages). A script
    exporting routes whose first is a login page adds the entry-login fact of an mpvue-entry routes module; a
    picked photo's base64 the script keeps in state and sends, an upload (readers/statemedia.py)."""
    found = _with_granted(js_facts(text, path), text, path)
    extra = entry_login_facts(text, path)  # kept only for the project's mpvue-entry routes module (facts/scope.py)
    extra += state_media(text, path, 0, found.facts)  # a picked photo's base64 sent from the page's state
    found = replace(found, facts=found.facts + tuple(extra)) if extra else found
    found = _with_readings(found, text, path)
    config, app = class_config_object(text, path), _is_app_file(path)
    if config is None and posixpath.basename(path).lower() in ("main.js", "main.ts"):
        config, app = mpvue_config(text, path) or (None, False)  # mpvue 1.x: app.json in src/main.js
    if config is None:
        return found
    facts = title_facts(text, config)
    if app:
        facts = app_config_facts(text, config) + facts
    return replace(found, facts=found.facts + tuple(facts)) if facts else found


def _with_readings(found: FileFacts, text: str, path: str) -> FileFacts:
    """``found`` with the script's JSX components and route URLs, read from the tree its facts came from (the
    analyzers of rendered components and unregistered routes need them: readers/componentuses.py,
    readers/routes.py), and the wording its JSX sets out over several texts (readers/jsxruns.py). A script with
    no ``<`` renders nothing and is not read for them."""
    rendering = "<" in text and path.endswith(JSX_SCRIPTS)
    jsx = (jsx_reading(text, path) if rendering else JsxReading()) if path.endswith(JSX_SCRIPTS) else None
    routes = tuple(script_routes(text, path)) if path.lower().endswith(ROUTE_SCRIPTS) else None
    runs = tuple(jsx_run_facts(text, path)) if rendering else ()
    return replace(found, jsx=jsx, routes=routes, facts=found.facts + runs)


def _uni_config_facts(text: str, path: str, kind: str) -> FileFacts:
    """uni-app ``manifest.json`` (its ``mp-weixin`` block holds the app.json keys) and ``pages.json``
    (titles, tabBar, login guards: readers/routeguard.py); both are JSON with comments, read with a JSON5 parser."""
    try:
        data = loads_jsonc(text)
    except ValueError as exc:
        return FileFacts(error=f"{posixpath.basename(path)} is not valid JSON5: {exc}")
    if kind == "uni-manifest":
        weixin = data.get("mp-weixin") if isinstance(data, dict) else None
        return FileFacts(facts=tuple(app_config_facts(text, weixin))) if isinstance(weixin, dict) else FileFacts()
    from mp_precheck.readers.routeguard import guard_facts  # only a change to pages.json pays for its tables

    guarded = guard_facts(posixpath.basename(path), text, data)  # uni-id's uniIdRouter over the entry page
    return FileFacts(facts=tuple(app_config_facts(text, data) + title_facts(text, data) + guarded))


def sfc_facts(text: str, path: str) -> FileFacts:
    """Facts of a single-file component: its ``<template>`` as markup (a pug one too), its ``<script>`` blocks as
    JS/TS, its ``<style>`` blocks' images (:func:`mp_precheck.readers.stylesheet.style_facts`). A pug template
    that could not be read sets ``error`` (the file's other blocks are still read)."""
    facts: list[Fact] = []
    imported, scoped = list[tuple[str, str, int]](), list[tuple[str, str, int]]()  # scoped: an alias's or a package's
    exports: dict[str, Export] = {}
    members, literals = dict[str, str](), dict[int, tuple[str, ...]]()
    shapes: dict[int, str] = {}
    specs, granted = list[str](), list[int]()
    names, idle = set[str](), list[tuple[int, int]]()  # idle: methods and own functions nothing names
    helpers: list[tuple[str, int, int, tuple[int, ...]]] = []
    handed, sockets = list[tuple[int, int]](), list[tuple[int, str, str]]()  # sockets: readers/socketurl.py
    blocks = split_blocks(text)
    template = next(((b.text, b.line_offset) for b in blocks if b.tag == "template"), None)
    external_template = any(b.attrs.get("src") for b in blocks if b.tag == "template")
    scripts = tuple((b.text, path + _script_suffix(b.attrs.get("lang", "js"))) for b in blocks
                    if b.tag == "script" and not _json_block(b.attrs))
    for block in blocks:
        if block.tag == "template":
            facts.extend(markup_facts(block.text, block.line_offset, scripts))  # its scripts set a bound open-type
        elif block.tag == "style":
            facts.extend(style_facts(block.text, block.line_offset))
        elif block.tag in ("config", "json") or (block.tag == "script" and _json_block(block.attrs)):
            facts.extend(_block_config_facts(block.text, path, block.line_offset))  # mpx json / WePY 2 config
        elif block.tag == "script":
            if block.attrs.get("src"):  # <script src="./index.js">: the block's code lives in that module
                specs.append(block.attrs["src"])
            suffix = _script_suffix(block.attrs.get("lang", "js"))
            found = _with_granted(js_facts(block.text, path + suffix, block.line_offset), block.text, path + suffix,
                                  block.line_offset)
            if not external_template:
                idle.extend(idle_options_methods(block.text, path + suffix, text, block.line_offset))
                idle.extend(unnamed_in_other_blocks(blocks, block, found.helpers, found.idle))
            granted.extend(found.granted)
            facts.extend(_script_hosts(found.facts, block.text, path + suffix, block.line_offset, template))
            facts.extend(state_media(block.text, path + suffix, block.line_offset, found.facts, template))
            facts.extend(_shift(_script_config_facts(block.text, path + suffix), block.line_offset))
            imported.extend(found.imported_calls)
            scoped.extend(found.scoped_calls)
            exports.update(found.exports)
            members.update(found.app_members)
            literals.update(found.call_literals)
            shapes.update(found.call_shapes)
            specs.extend(found.module_specs)
            names.update(found.imported_names)
            helpers.extend(found.helpers)
            handed.extend(found.handed_urls)
            sockets.extend(found.socket_imports)
    if helpers:  # a template binding (@tap="getProfile") or any other block's word names a helper too (line 0)
        named = {word for block in blocks if block.tag != "script" for word in words(block.text)}
        helpers = [(name, first, last, (0, *lines) if name in named else lines) for name, first, last, lines in helpers]
    facts, literals = copied_handler_links(blocks, path, facts), with_handed_literals(blocks, path, text, literals)
    return FileFacts(facts=tuple(facts), imported_calls=tuple(imported), scoped_calls=tuple(scoped), exports=exports,
                     app_members=members, call_literals=literals, module_specs=tuple(dict.fromkeys(specs)),
                     call_shapes=shapes, granted=tuple(granted), imported_names=tuple(sorted(names)), idle=tuple(idle),
                     helpers=tuple(helpers), handed_urls=tuple(handed), socket_imports=tuple(sockets),
                     error=next((b.note for b in blocks if b.note), None) or next(
                         (note for b in blocks if b.tag == "template"
                          and (note := markup_unread(b.text, b.line_offset)) is not None), None))


def _json_block(attrs: dict[str, str]) -> bool:
    """Whether a ``<script>`` block holds JSON (mpx's ``type="application/json"`` or ``name="json"``), not code."""
    return "json" in attrs.get("type", "") or attrs.get("name") == "json"


def _script_suffix(lang: str) -> str:
    """The file suffix whose grammar reads a ``<script lang>`` block."""
    return ".tsx" if lang == "tsx" else ".ts" if lang == "ts" else ".jsx" if lang == "jsx" else ".js"


def _script_hosts(facts: tuple[Fact, ...], script: str, path: str, offset: int,
                  template: tuple[str, int] | None) -> list[Fact]:
    """A component script's ``facts`` with the hosts it reads only into pictures its template shows made media
    (readers/shownfields.py), those it writes into its ``<web-view src>`` made the web-view's (readers/webviewdata.py)
    and those it hands to another page in a jump's query marked (readers/pagequery.py)."""
    shown = with_shown_fields(facts, script, path, offset, template)
    return with_page_queries(with_web_view_data(shown, script, path, offset, template), script, path, offset)


def _script_config_facts(text: str, path: str) -> list[Fact]:
    """The JSON an SFC's script holds: on the app file WePY 1.x's ``config = {...}`` of the App class, or
    weapp-vite's ``defineAppJson({...})`` (app.json keys); on a page or component the titles of its
    ``definePageJson`` / ``defineComponentJson`` (https://vite.icebreaker.top/guide/vue-sfc/config.html)."""
    if _is_app_file(path):
        config = config_object(text, path) or macro_object(text, path, "defineAppJson")
        return app_config_facts(text, config) if config is not None else []
    config = macro_object(text, path, "definePageJson") or macro_object(text, path, "defineComponentJson")
    return title_facts(text, config) if config is not None else []


def _with_granted(found: FileFacts, text: str, path: str, offset: int = 0) -> FileFacts:
    """``found`` with the lines of its API calls that only read data the user already granted."""
    branches = granted_branches(text, path, offset)
    lines = granted_lines([f.line for f in found.facts if f.kind == "api"], branches) if branches else ()
    return replace(found, granted=lines) if lines else found


def _block_config_facts(text: str, path: str, offset: int) -> list[Fact]:
    """A JSON (or JS object) configuration block of an SFC: app.json keys on the app file, titles on pages."""
    try:
        data = loads_jsonc(text)
    except ValueError:
        data = config_object(text, path + ".js") or config_object(f"export default {text}", path + ".js")
    if not isinstance(data, dict):
        return []
    facts = title_facts(text, data)
    if _is_app_file(path):
        facts = app_config_facts(text, data) + facts
    return _shift(facts, offset)


def _shift(facts: list[Fact], offset: int) -> list[Fact]:
    return [replace(f, line=f.line + offset) for f in facts] if offset else facts


def _is_app_file(path: str) -> bool:
    return posixpath.basename(path).lower().split(".", 1)[0] == "app"
