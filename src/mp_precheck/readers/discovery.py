"""Where the Mini Programs of a tree live, and which files belong to each.

Native: ``project.config.json`` → ``miniprogramRoot`` (relative to that file), else the folder holding
``app.json`` next to ``app.js``/``app.ts``. Frameworks: uni-app (``pages.json`` beside ``manifest.json`` or
``App.vue``), Taro (``app.config.js|ts``), mpx (``app.mpx``), WePY (``app.wpy``), mpvue (``app.json`` next to
``main.js`` and ``App.vue``, its pages ``pages/x/main`` beside their ``.vue``; built with mpvue-entry, its pages
from the routes module: ``readers/mpvueentry.py``), kbone (``miniprogram.config.js``, its
pages the keys of ``router``: ``readers/kbone.py``), weapp-vite (``vite.config.*`` / ``weapp-vite.config.*``: the
source in its ``srcRoot``, native or wevu's ``app.vue``, when ``miniprogramRoot`` names a build folder the tree
lacks: ``readers/weappvite.py``). A repository may hold several; a file
belongs to the project with the longest matching root. Build output and vendored packages are left out.
A tree where none of these is found may still hold a native app whose ``app.json`` a build writes: an
``app.js`` with WXML below it (``readers/generatedapp.py``).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable
from typing import Any, Literal

from msgspec import Struct
from msgspec.structs import replace

from mp_precheck.core.recache import compiled
from mp_precheck.core.thirdparty import third_party
from mp_precheck.git.repo import TreeEntry
from mp_precheck.readers.appconfig import load_json_leniently, read_json, shape_errors
from mp_precheck.readers.appdata import read_app_data
from mp_precheck.readers.buildscope import build_reads, nested_roots, other_programs, source_folder
from mp_precheck.readers.buildtwins import minified_twins, project_twins
from mp_precheck.readers.configsources import is_mpvue_source, is_uni_source, mpx_subpackage, stale_beside_source
from mp_precheck.readers.envdir import env_dir
from mp_precheck.readers.envfiles import is_env_file
from mp_precheck.readers.generatedapp import generated_apps
from mp_precheck.readers.jsconfig import class_config_object
from mp_precheck.readers.kbone import CONFIG_NAME as KBONE_CONFIG
from mp_precheck.readers.kbone import kbone_app
from mp_precheck.readers.missingroot import missing_root
from mp_precheck.readers.mpvueentry import depends_on_plugin, routes_module
from mp_precheck.readers.mpvuemain import main_js_pages
from mp_precheck.readers.mpxconfig import package_pages, read_config
from mp_precheck.readers.pagelist import computes_pages, entry_of, registered_pages
from mp_precheck.readers.possiblepages import possible_pages
from mp_precheck.readers.sfc import split_blocks
from mp_precheck.readers.spreadpages import spread_pages
from mp_precheck.readers.weappvite import CONFIG_NAMES as WEAPP_VITE_CONFIGS
from mp_precheck.readers.weappvite import weapp_vite_app

Framework = Literal["native", "taro", "uni-app", "mpx", "wepy", "mpvue", "kbone", "wevu"]

VENDOR_DIRS = frozenset({"node_modules", "miniprogram_npm", ".git", "unpackage", "bower_components"})
# A duplicate a file manager leaves beside the original ("login copy.wxml", "login copy 2.js",
# "login - 副本.wxml"): WeChat loads pages and components by their exact file names, so it never runs.
_BACKUP_COPY = compiled(r"(?: copy(?: \d+)?| - copy(?: \(\d+\))?|\s*-?\s*副本(?:\s*\(\d+\))?)$", re.IGNORECASE)
BUILD_DIRS = frozenset({"dist", "build", "unpackage", ".cache", "output"})


class Project(Struct, frozen=True):
    """One Mini Program: its ``root`` folder ('' for the repository root), framework, app config file,
    pages in order (main package, then subpackages) and the entry page (``entryPagePath`` or first page)."""

    root: str
    framework: Framework
    app_config: str | None = None
    pages: tuple[str, ...] = ()
    entry_page: str | None = None
    cloud_root: str | None = None
    appid: str | None = None
    errors: tuple[str, ...] = ()
    # Folders below the root holding a Mini Program of their own (an SDK's demo app copied in with the SDK):
    # their app.json is never read by WeChat, so their pages and scripts never run in this one.
    nested_roots: tuple[str, ...] = ()
    # Generated copies beside their source (``x.min.js`` beside ``x.js``; ``x.js`` beside the ``x.ts`` the developer
    # tools compile): never read, the source carries the findings (readers/buildtwins.py).
    build_twins: frozenset[str] = frozenset()
    # The folder of the package.json nearest at or above the root: where Vite, vue-cli, Taro and mpx read
    # ``.env`` files (an mpx or native root is often ``src/`` or ``miniprogram/`` below it); None without one.
    env_root: str | None = None
    env_dir: str | None = None  # the folder a Vite config's ``envDir`` names (readers/envdir.py), read instead
    routes_module: str | None = None  # mpvue-entry's page list (readers/mpvueentry.py), in place of the app config
    # The folder the build compiles when narrower than the root, and folders below the root that are programs of
    # their own (a back end, an admin console): readers/buildscope.py.
    source_root: str | None = None
    programs: tuple[str, ...] = ()
    # The app config computes some of its pages (a spread, a variable: readers/pagelist.py): ``pages`` is partial.
    pages_computed: bool = False
    # Scripts in a shipped vendor folder (``bower_components``) the app's own scripts require: read as the app's
    # (facts/vendored.py); the rest of every vendor folder is not.
    vendored: frozenset[str] = frozenset()

    def owns(self, path: str) -> bool:
        """Whether ``path`` lies under this project's root (vendored and build folders but the vendored scripts
        the app requires (:attr:`vendored`), UI kits copied in by hand, nested Mini Programs, other programs,
        files beside the source folder the build never reads and build twins of a source file excluded:
        readers/buildscope.py). A framework's build reads
        ``.env`` files in the root and beside the ``package.json`` that builds it (:attr:`env_root`); native
        projects have no build step that reads them."""
        if is_env_file(path):
            return self.framework != "native" and _dir(path) in (self.root, self.env_root, self.env_dir)
        if self.root and not path.startswith(self.root + "/"):
            return False
        if path in self.build_twins or any(path.startswith(n + "/") for n in (*self.nested_roots, *self.programs)):
            return False
        rel = path[len(self.root) + 1:] if self.root else path
        if self.source_root and not path.startswith(self.source_root + "/") and not build_reads(rel):
            return False  # beside the source folder: a script or test the build never compiles
        parts = rel.split("/")[:-1]
        if is_backup_copy(path):
            return False
        if any(p in VENDOR_DIRS for p in parts):
            return path in self.vendored
        if any(p in third_party().kit_folders for p in parts):
            return False  # a UI kit copied in by hand: its components' use is what the app adds
        return not (self.framework != "native" and parts and parts[0] in BUILD_DIRS)


def is_backup_copy(path: str) -> bool:
    """Whether ``path`` is a file manager's duplicate of another file (``index copy.wxml``,
    ``index copy 2.js``, ``index - 副本.wxml``): never loaded, so never part of the Mini Program."""
    stem = posixpath.splitext(posixpath.basename(path))[0]
    return bool(_BACKUP_COPY.search(stem))


def _dir(path: str) -> str:
    return posixpath.dirname(path)


def _join(folder: str, rel: str) -> str:
    joined = posixpath.normpath(posixpath.join(folder, rel)) if rel else folder
    return "" if joined in (".", "") else joined.strip("/")


MARKER_NAMES = frozenset({"pages.json", "app.config.js", "app.config.ts", "app.mpx", "app.wpy", "package.json",
                          "project.config.json", "app.json", KBONE_CONFIG, *WEAPP_VITE_CONFIGS})


def is_marker(path: str, projects: Iterable[Project] = ()) -> bool:
    """Whether a change to ``path`` can change where projects are or what they contain (a marker file by its
    name, the routes module of one of ``projects``, a file under a wevu app's ``pages/``: its auto routes)."""
    return posixpath.basename(path) in MARKER_NAMES or \
        posixpath.basename(path) in ("manifest.json", "App.vue", "app.vue", "app.json.ts", "app.json.js") \
        or any(path == project.routes_module for project in projects) \
        or any(p.framework == "wevu" and p.owns(path) and "pages" in path.split("/")[:-1] for p in projects)


def _excluded(path: str) -> bool:
    return any(part in VENDOR_DIRS for part in path.split("/")[:-1])


def discover(entries: Iterable[TreeEntry], read_text: Callable[[str], str | None]) -> list[Project]:
    """Projects of a tree. ``read_text(path)`` returns a file's decoded text or None when unreadable."""
    files = {e.path for e in entries if not e.is_submodule}
    # Only a few file names can mark a project: look at those alone (a 10,000-page tree has 40,000 files).
    candidates = sorted(p for p in files if posixpath.basename(p) in MARKER_NAMES and not _excluded(p))
    projects: dict[str, Project] = {}

    def add(project: Project) -> None:
        if project.root not in projects:
            projects[project.root] = project

    # Frameworks first: their build output (dist/app.json) must not count as a native project.
    for path in candidates:
        found = _framework_source(path, files, read_text)
        if found is not None:
            add(found)
    for named in _package_named_projects(candidates, files, read_text, list(projects)):
        add(named)
    for root, found in list(projects.items()):
        if found.framework == "mpvue":
            projects[root] = _with_routes_module(found, files, read_text)
    framework_roots = [p.root for p in projects.values()]

    def inside_framework(path: str) -> bool:
        return any(root == "" or path.startswith(root + "/") for root in framework_roots)

    dangling: list[tuple[str, str]] = []  # (folder, error) of a config whose miniprogramRoot is not in the tree
    for path in candidates:
        if posixpath.basename(path) != "project.config.json" or inside_framework(path):
            continue
        project = _configured_project(path, files, read_text)
        if project is not None:
            add(project)
        elif (problem := missing_root(path, files, read_text, BUILD_DIRS)) is not None:
            dangling.append((_dir(path), problem))
    for path in candidates:
        if posixpath.basename(path) != "app.json" or inside_framework(path):
            continue
        folder = _dir(path)
        if folder in projects or any(folder.startswith(r + "/") for r in projects if r):
            continue
        if _join(folder, "app.js") in files or _join(folder, "app.ts") in files:
            add(_native_project(folder, path, read_text, None, None))
    for folder, problem in dangling:  # told with the app checked in its place (readers/missingroot.py)
        if (near := next((p for p in projects.values() if not folder or p.root.startswith(folder + "/")), None)):
            projects[near.root] = replace(near, errors=(*near.errors, problem))
    if not projects:  # no file names a project: an app whose app.json a build writes (readers/generatedapp.py)
        for app in generated_apps(files, read_text, VENDOR_DIRS | BUILD_DIRS):
            add(Project(root=app.root, framework="native", pages=app.pages, entry_page=app.entry_page,
                        errors=(app.note, *app.errors)))
    projects = {root: replace(p, pages=possible_pages(p, files)) for root, p in projects.items()}  # computed: fail-safe
    twins = minified_twins(files)
    return sorted((replace(p, nested_roots=nested_roots(p.root, _dir(p.app_config) if p.app_config else p.root,
                                                        candidates, files),
                           source_root=(src := source_folder(p.root, p.framework, p.app_config, files)),
                           programs=other_programs(p.root, p.framework, src, candidates, read_text,
                                                   lambda manifest: _framework_of_package(manifest) is not None),
                           env_root=(env := _package_folder(p.root, files)), env_dir=env_dir(env, files, read_text),
                           build_twins=project_twins(p.root, p.framework == "native", files, read_text, twins))
                   for p in projects.values()), key=lambda p: p.root)


def _framework_source(path: str, files: set[str], read_text: Callable[[str], str | None]) -> Project | None:
    """The framework project whose source configuration ``path`` is, or None when it is none."""
    name = posixpath.basename(path)
    folder = _dir(path)
    if name == "pages.json" and is_uni_source(folder, files) and not stale_beside_source(folder, files):
        return _uni_project(folder, read_text)
    if name in ("app.config.js", "app.config.ts") and _join(folder, "app.mpx") not in files:
        return _framework_project(_taro_root(folder), "taro", path, path, read_text)  # beside app.mpx: mpx's JSON
    if name == "app.mpx" and not mpx_subpackage(folder, files):
        return _mpx_project(folder, path, read_text)
    if name == "app.wpy":
        return _framework_project(_src_parent(folder), "wepy", path, path, read_text)
    if name == "app.json" and is_mpvue_source(folder, files):
        return _framework_project(_src_parent(folder), "mpvue", path, path, read_text)
    if name == KBONE_CONFIG:
        # kbone generates app.json at build time: no source file holds app.json's keys (app_config stays None)
        app = kbone_app(path, files, read_text)
        if app is not None:
            return Project(root=app.root, framework="kbone", pages=app.pages, entry_page=app.entry_page,
                           appid=app.appid)
    if name in WEAPP_VITE_CONFIGS and (built := weapp_vite_app(path, files, read_text)) is not None:
        # the source weapp-vite builds from (dist/, where miniprogramRoot points, is not in the tree): read in full,
        # so nothing is left unchecked and no error is told for it
        if built.app_config.endswith("app.json"):
            return _native_project(built.root, built.app_config, read_text, built.cloud_root, built.appid)
        return Project(root=built.root, framework="wevu" if built.wevu else "native", app_config=built.app_config,
                       pages=built.pages, entry_page=built.entry_page, pages_computed=built.pages_computed,
                       cloud_root=built.cloud_root, appid=built.appid)
    return None


def _package_named_projects(candidates: list[str], files: set[str], read_text: Callable[[str], str | None],
                            roots: list[str]) -> list[Project]:
    """Frameworks named only by a package.json (Taro 1/2 keeps its config in src/app.js) outside the ``roots``
    already found (a project below the repository's own package.json, such as mpx's ``src/``, is one of them):
    the folder itself. Not when the package names a framework (a scaffold's dependency) but the
    app below is written natively (app.json beside app.js): the native scan finds that one."""
    found = []
    for path in candidates:
        if posixpath.basename(path) != "package.json":
            continue
        folder = _dir(path)
        framework = _framework_of_package(read_json(path, read_text))
        if framework is None or any(root in ("", folder) or root.startswith(f"{folder}/".lstrip("/")) or
                                    folder.startswith(root + "/") for root in roots):
            continue
        named = _class_config_project(folder, framework, files, read_text)
        if named.pages or not _native_app_below(folder, candidates, files):
            found.append(named)
            roots = [*roots, folder]
    return found


def _package_folder(root: str, files: set[str]) -> str | None:
    """The nearest folder at or above ``root`` holding a ``package.json``, or None."""
    folder = root
    while _join(folder, "package.json") not in files:
        if not folder:
            return None
        folder = _dir(folder)
    return folder


def _configured_project(path: str, files: set[str], read_text: Callable[[str], str | None]) -> Project | None:
    """The native project a ``project.config.json`` describes (its ``miniprogramRoot``, ``cloudfunctionRoot``
    and ``appid``); None when neither ``app.json`` nor ``app.js|ts`` is where it points (an ``app.js`` alone
    gives a project without pages, with an error saying so). Invalid JSON is an error of the project."""
    config = read_json(path, read_text)
    folder = _dir(path)
    root = folder
    config_errors: tuple[str, ...] = ()
    if config is None and read_text(path) is not None:
        config_errors = (f"{path} is not valid JSON: miniprogramRoot and cloudfunctionRoot not read; "
                         f"looking for app.json next to it",)
    cloud_root = None
    appid = None
    if isinstance(config, dict):
        mp_root = config.get("miniprogramRoot")
        if isinstance(mp_root, str) and mp_root.strip("./"):
            root = _join(folder, mp_root)
        cloud = config.get("cloudfunctionRoot")
        if isinstance(cloud, str) and cloud.strip("./"):
            cloud_root = _join(folder, cloud)
        appid = config.get("appid") if isinstance(config.get("appid"), str) else None
    app_json = _join(root, "app.json")
    if app_json not in files:
        if not any(_join(root, name) in files for name in ("app.js", "app.ts")):
            return None
        # app.js without app.json (left out of the repository): still a Mini Program, pages unknown.
        missing = (f"{app_json} not found (next to {_join(root, 'app.js')}): pages and app settings unknown; "
                   f"files are checked on their own")
        return Project(root=root, framework="native", cloud_root=cloud_root, appid=appid,
                       errors=(*config_errors, missing))
    project = _native_project(root, app_json, read_text, cloud_root, appid)
    return replace(project, errors=config_errors + project.errors)


def _native_project(root: str, app_json: str, read_text: Callable[[str], str | None],
                    cloud_root: str | None, appid: str | None) -> Project:
    text = read_text(app_json)
    errors: tuple[str, ...] = ()
    config: Any = None
    if text is not None:
        # named as the file's own facts name it, so the run lists one error for the file, not two
        config, problem = load_json_leniently(text, posixpath.basename(app_json))
        errors = (problem,) if problem else ()
        if config is not None:
            errors += tuple(shape_errors(config, app_json))
    pages, entry = registered_pages(config)
    return Project(root=root, framework="native", app_config=app_json, pages=tuple(pages),
                   entry_page=entry_of(config, pages, entry), cloud_root=cloud_root, appid=appid,
                   errors=errors, pages_computed=computes_pages(config))


def _uni_project(folder: str, read_text: Callable[[str], str | None]) -> Project:
    root = _dir(folder) if posixpath.basename(folder) == "src" else folder
    # pages.json lists the pages; manifest.json's mp-weixin block holds requiredPrivateInfos & co.
    return _framework_project(root, "uni-app", _join(folder, "pages.json"), _join(folder, "manifest.json"),
                              read_text)


def _framework_project(root: str, framework: Framework, pages_file: str, keys_file: str,
                       read_text: Callable[[str], str | None]) -> Project:
    text = read_text(pages_file)
    config = read_app_data(pages_file, text) if text is not None else None
    if framework == "taro" and text is not None and isinstance(config, dict) and computes_pages(config) and \
            (spread := spread_pages(text, pages_file, read_text)) is not None:
        config = {**config, "pages": spread}  # a list spread from the tab tables it imports (readers/spreadpages.py)
    pages, entry = registered_pages(config)
    return Project(root=root, framework=framework, app_config=keys_file, pages=tuple(pages),
                   entry_page=entry_of(config, pages, entry), pages_computed=computes_pages(config),
                   errors=tuple(shape_errors(config, pages_file, lists_only=True)))


def _mpx_project(folder: str, path: str, read_text: Callable[[str], str | None]) -> Project:
    """An mpx app: its config where ``app.mpx``'s JSON block points (``readers/mpxconfig.py``), its pages then
    the pages its ``packages`` register."""
    source, config = read_config(path, read_text)
    pages, entry = registered_pages(config)
    pages += package_pages(config, source, read_text)
    return Project(root=folder, framework="mpx", app_config=source, pages=tuple(pages),
                   entry_page=entry or (pages[0] if pages else None),
                   errors=tuple(shape_errors(config, source, lists_only=True)))


_PACKAGE_FRAMEWORKS: tuple[tuple[str, Framework], ...] = (
    ("@tarojs/taro", "taro"), ("@tarojs/components", "taro"), ("@dcloudio/uni-app", "uni-app"),
    ("@mpxjs/core", "mpx"), ("wepy", "wepy"), ("@wepy/core", "wepy"), ("mpvue", "mpvue"),
    ("mp-webpack-plugin", "kbone"),
)


def _framework_of_package(manifest: Any) -> Framework | None:
    """The Mini Program framework a package.json depends on, if any."""
    if not isinstance(manifest, dict):
        return None
    deps: dict[str, Any] = {}
    for key in ("dependencies", "devDependencies"):
        if isinstance(manifest.get(key), dict):
            deps.update(manifest[key])
    return next((framework for package, framework in _PACKAGE_FRAMEWORKS if package in deps), None)


_CLASS_APP_FILES = ("src/app.jsx", "src/app.tsx", "src/app.js", "src/app.ts")
# WePY 1.x built with wpyExt '.vue' keeps its App class in src/app.vue (https://wepyjs.github.io/wepy-docs/1.x/)
_WEPY_VUE_APP = "src/app.vue"


def _class_config_project(folder: str, framework: Framework, files: set[str],
                          read_text: Callable[[str], str | None]) -> Project:
    """A project named by package.json alone: Taro 1.x/2.x keeps app.json's keys in the ``config = {...}``
    field of the App class in ``src/app.jsx`` (pages, entryPagePath), which gives its pages and entry page; WePY
    1.x with ``.vue`` sources in the script of ``src/app.vue``; mpvue 1.x in ``src/main.js``
    (``readers/mpvuemain.py``)."""
    for name in (*_CLASS_APP_FILES, *((_WEPY_VUE_APP,) if framework == "wepy" else ())):
        path = _join(folder, name)
        text = read_text(path) if path in files else None
        if text and name == _WEPY_VUE_APP:
            text = next((b.text for b in split_blocks(text) if b.tag == "script"), None)
        config = class_config_object(text, path + ".js" if name == _WEPY_VUE_APP else path) if text else None
        if config is not None:
            pages, entry = registered_pages(config)
            return Project(root=folder, framework=framework, pages=tuple(pages),
                           entry_page=entry or (pages[0] if pages else None))
    main = main_js_pages(folder, files, read_text) if framework == "mpvue" else None
    if main is not None:  # mpvue 1.x: app.json written from src/main.js's config
        return Project(root=folder, framework=framework, pages=tuple(main[0]), entry_page=main[1])
    return Project(root=folder, framework=framework)


def _native_app_below(folder: str, candidates: Iterable[str], files: set[str]) -> bool:
    """Whether a native app (``app.json`` beside ``app.js|ts``) lies in ``folder`` or below it, outside build
    output folders."""
    for path in candidates:
        inner = _dir(path)
        if posixpath.basename(path) != "app.json" or not (folder == "" or path.startswith(folder + "/")):
            continue
        if BUILD_DIRS.intersection(inner.split("/")):
            continue
        if _join(inner, "app.js") in files or _join(inner, "app.ts") in files:
            return True
    return False


def _with_routes_module(project: Project, files: set[str], read_text: Callable[[str], str | None]) -> Project:
    """An mpvue ``project`` whose package.json depends on mpvue-entry, with the pages and entry page of its
    routes module (the first main-package route); unchanged without the plugin or a readable routes module."""
    folder = _package_folder(project.root, files)
    if folder is None or not depends_on_plugin(read_json(_join(folder, "package.json"), read_text)):
        return project
    module = routes_module(folder, files, read_text)
    text = read_text(module) if module else None
    config = read_app_data(module, text) if module and text else None
    pages, entry = registered_pages(config)
    if not pages:
        return project
    return replace(project, pages=tuple(pages), entry_page=entry or pages[0], routes_module=module)


def _taro_root(folder: str) -> str:
    return _src_parent(folder)


def _src_parent(folder: str) -> str:
    """The project root of a framework whose sources live in ``src/``: the folder above it."""
    return _dir(folder) if posixpath.basename(folder) == "src" else folder
