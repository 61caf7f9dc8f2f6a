"""A weapp-vite project: where its Mini Program's source is, and which pages it registers.

weapp-vite builds a Mini Program into ``dist/`` (not in git), which ``project.config.json``'s ``miniprogramRoot``
names; the source sits in the config's ``weapp.srcRoot`` (``'.'`` by default) of ``vite.config.*`` or
``weapp-vite.config.*`` (https://vite.icebreaker.top/config/paths-and-generators.html). There the app is native
(``app.json``, or ``app.json.ts`` exporting ``defineAppJson({...})``) or written with wevu's Vue single-file
components: ``app.vue`` holding the app's JSON in a ``<json>`` block or in ``defineAppJson({...})`` of its
``<script setup>`` (https://vite.icebreaker.top/guide/directory-structure/app-vue.html). Pages listed as
``autoRoutes.pages`` are the files under ``pages/`` of the source folder and of each subpackage root
(``<root>/pages/…``: https://vite.icebreaker.top/guide/auto-routes.html). Every file is read as data with
tree-sitter, never run.

In: a config's path, the tree's paths and a way to read a file's text. Out: :class:`WeappViteApp` or None.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from typing import Any

from msgspec import Struct

from mp_precheck.readers.appconfig import loads_jsonc, read_json
from mp_precheck.readers.appdata import read_app_data
from mp_precheck.readers.jsconfig import literal
from mp_precheck.readers.modulespecs import NODE_TYPES, module_specifiers
from mp_precheck.readers.pagelist import computes_pages, registered_pages
from mp_precheck.readers.syntax import language_for, nodes_of, parse
from mp_precheck.readers.syntax import node_text as _text

CONFIG_NAMES = frozenset(f"{stem}.config.{ext}" for stem in ("vite", "weapp-vite")
                         for ext in ("ts", "js", "mts", "mjs", "cts", "cjs"))
# Where the app's JSON lives in the source folder, in the order weapp-vite takes them.
APP_SOURCES = ("app.json", "app.json.ts", "app.json.js", "app.vue")
_PAGE_FILES = (".vue", ".wxml", ".ts", ".js", ".tsx", ".jsx")  # a page is a script, a template or an SFC


class WeappViteApp(Struct, frozen=True):
    """The Mini Program of one weapp-vite config: its source folder (``root``), the file holding its app JSON,
    whether it is written with wevu's SFCs, its pages and entry page, and whether the pages are partly unknown."""

    root: str
    app_config: str
    wevu: bool
    pages: tuple[str, ...] = ()
    entry_page: str | None = None
    pages_computed: bool = False
    appid: str | None = None
    cloud_root: str | None = None


def weapp_vite_app(path: str, files: set[str], read_text: Callable[[str], str | None]) -> WeappViteApp | None:
    """The app the weapp-vite config at ``path`` builds; None when ``path`` is no weapp-vite config, when its
    source folder holds no app JSON, or when ``project.config.json`` beside it names a ``miniprogramRoot`` that
    is in the tree (a committed build: that folder is the Mini Program, read as before)."""
    text = read_text(path)
    options = weapp_options(text, path) if text else None
    if options is None:
        return None
    folder = posixpath.dirname(path)
    src = options.get("srcRoot")
    root = _join(folder, src if isinstance(src, str) else ".")
    app_config = next((p for name in APP_SOURCES if (p := _join(root, name)) in files), None)
    project = read_json(_join(folder, "project.config.json"), read_text)
    project = project if isinstance(project, dict) else {}
    built = _built_root(folder, project)
    if app_config is None or (built is not None and built != root and _has_files(built, files)):
        return None
    source = read_text(app_config) or ""
    config = app_json(app_config, source)
    pages, entry = registered_pages(config)
    computed = computes_pages(config)
    if computed and (options.get("autoRoutes") or "autoRoutes" in source or "auto-routes" in source):
        pages, computed = _with_routed(pages, root, files), False
    return WeappViteApp(root=root, app_config=app_config, wevu=app_config.endswith(".vue"), pages=tuple(pages),
                        entry_page=entry or _first_page(pages, config), pages_computed=computed,
                        appid=project.get("appid") if isinstance(project.get("appid"), str) else None,
                        cloud_root=_built_root(folder, project, "cloudfunctionRoot"))


def weapp_options(text: str, path: str) -> dict[str, Any] | None:
    """The ``weapp`` options of a Vite config that imports weapp-vite (``defineConfig({ weapp: {...} })``, the
    object a ``defineConfig(() => ({...}))`` function returns too), as data: ``{}`` without a ``weapp`` key; None
    for a config that is no weapp-vite one."""
    if "weapp" not in text:
        return None
    language = language_for(path)
    root = parse(language, text.encode("utf-8", "surrogatepass")).root_node
    specs = module_specifiers(nodes_of(root, language, NODE_TYPES))
    if not any(spec == "weapp-vite" or spec.startswith("weapp-vite/") for spec in specs) and \
            not posixpath.basename(path).startswith("weapp-vite."):
        return None
    for pair in nodes_of(root, language, ("pair",)):
        key, value = pair.child_by_field_name("key"), pair.child_by_field_name("value")
        if key is not None and _text(key).strip("'\"") == "weapp" and value is not None and value.type == "object":
            options = literal(value)
            return options if isinstance(options, dict) else {}
    return {}


def app_json(path: str, text: str) -> dict[str, Any] | None:
    """The app JSON of a weapp-vite source file at ``path``: ``app.json`` (JSON with comments), ``app.json.ts``'s
    exported object, or ``app.vue``'s ``<json>`` block or ``defineAppJson({...})`` call
    (:func:`mp_precheck.readers.appdata.read_app_data`); None when unreadable."""
    if path.endswith(".json"):
        try:
            data = loads_jsonc(text)
        except (ValueError, RecursionError):
            return None
        return data if isinstance(data, dict) else None
    return read_app_data(path, text)


def _with_routed(listed: list[str], root: str, files: set[str]) -> list[str]:
    """``listed`` and the pages weapp-vite's auto routes find: every page file under ``pages/`` of the source
    folder (the main package first) or of a subpackage root below it, components' folders left out."""
    prefix = f"{root}/" if root else ""
    main: list[str] = []
    packaged: list[str] = []
    for path in sorted(files):
        if not path.startswith(prefix) or not path.endswith(_PAGE_FILES) or path.endswith(".d.ts"):
            continue
        route = posixpath.splitext(path[len(prefix):])[0]
        parts = route.split("/")
        if "pages" not in parts[:-1] or {"components", "node_modules", "dist"} & set(parts[:-1]):
            continue
        (main if parts[0] == "pages" else packaged).append(route)
    return list(dict.fromkeys([*listed, *main, *packaged]))


def _first_page(pages: list[str], config: dict[str, Any] | None) -> str | None:
    """The entry page without ``entryPagePath``: the first page a literal list names; of found routes, whose
    order is the build's own, ``pages/index/index`` when there is one, else none is guessed."""
    listed = config.get("pages") if isinstance(config, dict) else None
    if isinstance(listed, list) and listed and isinstance(listed[0], str):
        return pages[0] if pages else None
    return "pages/index/index" if "pages/index/index" in pages else None


def _built_root(folder: str, config: dict[str, Any], key: str = "miniprogramRoot") -> str | None:
    """The folder ``project.config.json`` in ``folder`` names as ``key``; None without one."""
    mp_root = config.get(key)
    return _join(folder, mp_root) if isinstance(mp_root, str) and mp_root.strip("./") else None


def _has_files(folder: str, files: set[str]) -> bool:
    return any(path.startswith(folder + "/") for path in files) if folder else bool(files)


def _join(folder: str, rel: str) -> str:
    joined = posixpath.normpath(posixpath.join(folder, rel)) if rel else folder
    return "" if joined in (".", "") else joined.strip("/")
