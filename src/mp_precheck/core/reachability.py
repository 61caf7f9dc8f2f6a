"""Scripts a change adds to a Mini Program that nothing loads yet.

A page or component script runs because ``app.json`` or a ``usingComponents`` entry names its page; any other
script runs only if some file ``require``\\ s or imports it. WeChat's developer tools leave files nothing depends
on out of the uploaded package (``setting.ignoreUploadUnusedFiles`` in ``project.config.json``:
https://developers.weixin.qq.com/miniprogram/dev/devtools/projectconfig.html), so a library copied in whole —
``sdk/``, ``dist/`` and ``src/`` copies of one uploader of which the app requires one — adds nothing review sees
through the copies. What such a script does is reported when a change first imports it, at that caller.

Its hosts are the exception: a server domain is judged for the whole app (one finding per new host, wherever it is
written), and a host in a file the change leaves alone counts as present, so a base-URL module added before
anything imports it (``config.js`` holding the production API origin) would never be reported — not now, and not
when a later change imports the unchanged module. A host must be on the 服务器域名 lists before the build that
uses it is released (https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html), so an
unloaded script keeps its host facts, as unused ones; copies of one library name the same hosts, which are reported
once, at a loaded copy's request when there is one.

Native projects, and the Vue-based frameworks (uni-app, mpvue) whose bundler starts from ``main.js`` and pages
that are ``.vue`` files (a plain script there ships only when imported, https://uniapp.dcloud.net.cn/tutorial/
project.html). In uni-app a ``.vue`` file ``pages.json`` does not register is such a script too: a page file
added before it is registered (its ``<web-view>`` reaches nobody), or a component file at no place easycom gives
a tag (readers/easycom.py) that nothing imports or registers — a kit's variant whose import in ``main.js`` is
commented out —, unless a tag may render it as a component; and a component easycom does give a tag
(core/easycomfiles.py: a kit copied into ``uni_modules/``) whose tag no reached page or component writes. A
project that registers components by a folder glob (``require.context``, ``import.meta.glob``) whose pattern may
match a ``.vue`` file has none of its ``.vue`` files judged: no import names them.
Taro names its script pages in ``app.config.ts``, which is no import, so its plain scripts are not judged; but a
file under a ``pages`` folder whose route the config does not register (nor imports, nor renders by tag) is no
page Taro builds (https://docs.taro.zone/docs/app-config#pages) — unless the config computes part of its page
list, which then cannot be read as data. A native page is the same: its view, script and JSON under a ``pages``
folder that ``app.json`` lists neither in ``pages`` nor in a subpackage, and that no usingComponents entry, plugin
page list, ``<import>`` / ``<include>`` (readers/pagerefs.py) or ``require`` names, is no page WeChat compiles
(https://developers.weixin.qq.com/miniprogram/dev/reference/configuration/app.html#pages).
A native custom component's files (core/componentfiles.py: a component library copied in whole) are judged the same
way, by the usingComponents entries, of any file, that name their path. Such a page enters the app with the change
that registers it, which may
touch only the page list: ``registered_now`` (core/registration.py) gives that change the page's files as files it
adds, so what the page does is told then, once.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable, Mapping, Sequence

from msgspec.structs import replace

from mp_precheck.core.componentfiles import is_component_file
from mp_precheck.core.easycomfiles import easycom_tags, glob_may_load_components, is_easycom_component, opening_tags
from mp_precheck.core.nodeloaded import node_loaded_scripts
from mp_precheck.core.otherbuildfiles import other_build_components, other_build_scripts
from mp_precheck.core.unloadedfacts import kept_facts
from mp_precheck.facts.model import FileFacts
from mp_precheck.facts.scope import runs_under_node
from mp_precheck.facts.store import FactStore, resolve_module
from mp_precheck.git.repo import GitRepo, TreeEntry
from mp_precheck.readers.buildtwins import MINIFIED
from mp_precheck.readers.discovery import Project
from mp_precheck.readers.easycom import custom_rules, tag_registers
from mp_precheck.readers.pagerefs import json_paths, quoted_paths, template_sources
from mp_precheck.readers.routes import markup_routes, mini_program_paths, route_page, script_routes
from mp_precheck.readers.textcodec import UndecodableFile, decode

_SCRIPTS = (".js", ".ts")
_APP_SCRIPTS = ("app.js", "app.ts")
_JUDGED = ("native", "uni-app", "mpvue", "wepy")
PAGE_JUDGED = ("uni-app", "taro", "native")  # frameworks whose unregistered page files are judged (docstring)
# The Vue frameworks' entry scripts (mpvue's pages have one each) and build configuration read by the bundler.
_VUE_ENTRIES = ("main.js", "main.ts")
_BUILD_CONFIG = (".config.js", ".config.ts", "rc.js")
_VUE_FILES = (".vue", ".nvue", ".uvue")
_TARO_PAGES = (".vue", ".tsx", ".jsx", ".ts", ".js")  # a Taro page: React or Vue component, script page
_NATIVE_PAGE = (".wxml", ".js", ".ts", ".json")  # a native page's files that hold what it does


def page_suffixes(framework: str) -> tuple[str, ...]:
    """The suffixes of the files that hold what a page of ``framework`` does (its view, script, config)."""
    return {"taro": _TARO_PAGES, "native": _NATIVE_PAGE}.get(framework, _VUE_FILES)
_GLOBS = ("require.context(", "import.meta.glob(")  # loading every file of a folder: no import names each
_PAGES_PLUGIN = ("pages.config.ts", "pages.config.js", "pages.config.mjs")  # @uni-helper/vite-plugin-uni-pages
_DOCS = (".md", ".markdown", ".txt")  # a kit's read-me shows its tags in examples: it renders nothing
_MAX_IMPORTERS = 2000  # files naming the scripts; beyond that the check is not worth its reading time


def unreferenced_scripts(project: Project, head_facts: Mapping[str, FileFacts], added: Iterable[str],
                         tree: Mapping[str, TreeEntry],
                         grep: Callable[[set[str]], Mapping[str, set[str]]],
                         facts_of: Callable[[list[str]], Mapping[str, FileFacts]],
                         unlinked: Iterable[str] = (), easycom: Sequence[tuple[str, str]] = (),
                         read_text: Callable[[str], str | None] | None = None) -> set[str]:
    """Head paths of scripts in ``added`` that no file of the app loads, directly or through other scripts.

    Args:
        project: the Mini Program; only a native, uni-app or mpvue one is judged (else the result is empty).
        head_facts: facts of the changed head files (their ``module_specs`` are read).
        added: head paths the change adds.
        tree: the head tree (path → entry), to resolve specifiers.
        grep: fixed strings → the head files holding them (a prefilter over the project).
        facts_of: head paths → their facts, for files the change leaves as they were.
        unlinked: head paths of files the change keeps but whose importers it stops importing them
            (:func:`dropped_imports`): judged like added scripts, whatever their kind.
        easycom: the project's custom easycom rules (readers/easycom.py): where a component renders by tag.
        read_text: head path → its text (None when unreadable), for the JSON and WXML files that may name a
            native page's path; without it a native page file is loaded only by a script.

    A specifier that names the script by its last part but resolves to no file (``require('utils/sdk')``
    from the package root, an alias) counts as loading it: when unsure, the script is kept.
    """
    candidates, units = _native_units(_candidates(project, added, tree, unlinked, easycom), project, tree,
                                      read_text is not None)
    if not candidates:
        return set()
    # An index script is named by its folder (``./api``) or by itself (``./index`` from its own folder; a native
    # page's own files are the only ones naming it so).
    needles = set(candidates.values()) | {"index" for path in candidates
                                          if _is_index(path) and _script(path) and path not in units}
    # mpvue renders a component only through an import (``components: { … }``, ``Vue.component`` in main.js): a
    # tag there (a commented-out ``<!--<card></card>-->`` too) renders nothing by itself, unlike uni-app's easycom.
    tags = {path: easycom_tags(path, project, easycom) if is_easycom_component(path, project, easycom)
            else opening_tags(needle) for path, needle in candidates.items()
            if not _script(path) and not _mpvue(project) and path not in units}
    candidates = {path: needle for path, needle in candidates.items() if tags.get(path, ()) is not None}
    vue = any(_vue(path) for path in candidates)
    found = grep(needles | {tag for names in tags.values() for tag in names or ()} | (set(_GLOBS) if vue else set()))
    if vue and any(project.owns(path) and held & set(_GLOBS) and glob_may_load_components(
            read_text(path) if read_text else None) for path, held in found.items()):
        candidates = {path: needle for path, needle in candidates.items() if not _vue(path)}  # a glob may load it
    # a tag may render it: in a file the app loads (not a candidate), or in a candidate that is itself reached
    rendered_by = {path: {other for other, held in found.items() if other != path and names & held
                          and project.owns(other) and not other.endswith(_DOCS)}
                   for path, names in tags.items() if names and path in candidates}
    importers = {path for path, held in found.items() if project.owns(path) and held & needles}
    if len(importers) > _MAX_IMPORTERS:
        return set()
    read = {**facts_of(sorted(importers - set(head_facts))), **{p: head_facts[p] for p in importers & set(head_facts)}}
    # a script only Node runs (a proxy server beside the app) ships nothing, so what it requires is not loaded
    facts = {path: file_facts for path, file_facts in read.items() if not runs_under_node(path, file_facts)}
    loaded_by = _loaded_by(facts, candidates, project, tree, rendered_by)
    if units and read_text is not None:
        for named in (_naming_pages(units, candidates, found, project, tree, read_text),
                      _routed_pages(units, head_facts, project, read_text)):
            for path, by in named.items():
                loaded_by.setdefault(path, set()).update(by)
    return set(candidates) - _reached(loaded_by, set(candidates), units)


def _loaded_by(facts: Mapping[str, FileFacts], candidates: Mapping[str, str], project: Project,
               tree: Mapping[str, TreeEntry], rendered_by: Mapping[str, set[str]]) -> dict[str, set[str]]:
    """Candidate path → the files among ``facts`` whose module specifiers load it (a specifier resolving to no file
    loads the candidate its last part names), and those ``rendered_by`` says write its tag."""
    loaded_by: dict[str, set[str]] = {path: set(by) for path, by in rendered_by.items()}
    for importer, file_facts in facts.items():
        for spec in file_facts.module_specs:
            last = posixpath.splitext(spec.rstrip("/").rpartition("/")[2])[0]
            target = readable_twin(resolve_module(importer, spec, tree), project)
            for path, needle in candidates.items():
                if path != importer and (target == path or (target is None and last == needle)):
                    loaded_by.setdefault(path, set()).add(importer)
    return loaded_by


def _native_units(candidates: dict[str, str], project: Project, tree: Mapping[str, TreeEntry],
                  readable: bool) -> tuple[dict[str, str], dict[str, str]]:
    """``candidates`` and the native page files among them (path → page path without suffix: named by their path,
    never by a tag of the file's name); when what names a page's path cannot be read (not ``readable``), those
    files are kept, left out of the candidates."""
    units = {path: posixpath.splitext(path)[0] for path in candidates
             if _is_unregistered_native_page(path, project, tree) or is_component_file(path, project, tree)}
    if readable:
        return candidates, units
    return {path: needle for path, needle in candidates.items() if path not in units}, {}


def _reached(loaded_by: Mapping[str, set[str]], candidates: set[str], units: Mapping[str, str]) -> set[str]:
    """The candidates a file outside them loads, directly or through loaded candidates; a native page's files
    (``units``: path → page) are loaded together, one of them loaded loading all."""
    reached = {path for path, by in loaded_by.items() if by - candidates}
    frontier = list(reached)
    while frontier:  # scripts loaded by scripts that are loaded, the other files of a loaded page
        current = frontier.pop()
        page = units.get(current)
        for path in candidates - reached:
            if current in loaded_by.get(path, ()) or (page is not None and units.get(path) == page):
                reached.add(path)
                frontier.append(path)
    return reached


def _naming_pages(units: Mapping[str, str], candidates: Mapping[str, str], found: Mapping[str, set[str]],
                  project: Project, tree: Mapping[str, TreeEntry],
                  read_text: Callable[[str], str | None]) -> dict[str, set[str]]:
    """For the native page files ``units`` (path → page path without suffix): the JSON and WXML files of the
    project (among ``found``: path → the ``candidates``' names it holds) that name the page — a usingComponents
    entry, a plugin's page, an ``<import>`` / ``<include>`` of its view (readers/pagerefs.py) — or cannot be read
    (then they may). A path resolving to no view in the tree whose last part is the page's name counts too. A
    component's files (core/componentfiles.py) may be named by any file's quoted path (a Taro page config)."""
    out: dict[str, set[str]] = {}
    for source, held in found.items():
        config = source.endswith((".json", ".wxml"))
        if not project.owns(source):
            continue
        named = [path for path in units if candidates[path] in held and posixpath.splitext(source)[0] != units[path]
                 and (config or is_component_file(path, project, tree))]
        if not named:
            continue
        text = read_text(source)
        paths = (json_paths(text) if source.endswith(".json") else template_sources(text) if config
                 else quoted_paths(text)) if text else None
        targets = None if paths is None else [_page_target(source, p, project, tree) for p in paths]
        for path in named:
            page = units[path]
            if targets is None or any(page.casefold() in resolved or (not exists and last == candidates[path])
                                      for resolved, exists, last in targets):
                out.setdefault(path, set()).add(source)
    return out


def _routed_pages(units: Mapping[str, str], head_facts: Mapping[str, FileFacts], project: Project,
                  read_text: Callable[[str], str | None]) -> dict[str, set[str]]:
    """For the native page files ``units`` (path → page path without suffix): the changed files (``head_facts``)
    whose literal routes (readers/routes.py: a route call's URL, its query built or not, a ``<navigator url>``, a
    ``wx.navigateToMiniProgram`` path: the copy of this code built as the other app) open the page. A change that
    links to the page it adds means it to ship: the missing ``app.json`` entry is
    ``completeness.unregistered_route``'s to tell, and what the page does is told now."""
    pages: dict[str, set[str]] = {}
    for source in head_facts:
        if not source.endswith((".js", ".ts", ".wxml")) or not project.owns(source):
            continue
        text = read_text(source) or ""
        urls = markup_routes(text) if source.endswith(".wxml") else \
            script_routes(text, source) + mini_program_paths(text, source)
        for url, _line in urls:
            page = route_page(url, "") if url.startswith("/") else route_page(url, posixpath.dirname(source))
            if page is not None:
                name = posixpath.join(project.root, page) if url.startswith("/") and project.root else page
                pages.setdefault(name.casefold(), set()).add(source)
    return {path: by - {source for source in by if posixpath.splitext(source)[0] == page}
            for path, page in units.items() if (by := pages.get(page.casefold(), set()))}


def _page_target(source: str, written: str, project: Project,
                 tree: Mapping[str, TreeEntry]) -> tuple[set[str], bool, str]:
    """What a path written in ``source`` may name (``/pages/a/a`` from the root, ``../a/a`` and ``a/a`` from the
    file's folder or the root; a folder with no view of that name naming its ``index``), case-folded, without
    suffix; whether one of them has a view in the tree; and the path's last part."""
    spec = written.split("?", 1)[0].strip()
    spec = spec[:-len(".wxml")] if spec.endswith(".wxml") else spec
    top = [project.root, posixpath.dirname(project.app_config or "")]  # uni-app's "/" is its pages.json folder
    bases = top if spec.startswith("/") else [posixpath.dirname(source), *top]
    names = {posixpath.normpath(posixpath.join(base, spec.lstrip("/"))).lstrip("/") for base in bases}
    # a folder names its index only where no view of the path's own is there: pages/a/index is that page's view,
    # not the folder pages/a/index/ of an unregistered copy beside it
    names |= {posixpath.join(name, "index") for name in names if name + ".wxml" not in tree}
    exists = any(name + ".wxml" in tree for name in names)
    return {name.casefold() for name in names}, exists, posixpath.basename(spec.rstrip("/"))


def without_unloaded_scripts(project: Project, head_facts: Mapping[str, FileFacts], added: Iterable[str],
                             tree: Mapping[str, TreeEntry], repo: GitRepo, store: FactStore,
                             head: str, unlinked: Iterable[str] = (), pages_only: bool = False) -> dict[str, FileFacts]:
    """``head_facts`` where the scripts :func:`unreferenced_scripts` finds at revision ``head`` (whose tree is
    ``tree``) of ``repo`` keep only their secrets (a key in the repository is exposed whether or not the app loads
    the file) and their hosts (core/unloadedfacts.py: judged app-wide, never again once the file is in),
    and no routes; those only another platform's blocks (core/otherbuildfiles.py) or a Node script beside the app
    (core/nodeloaded.py) load keep only their secrets. ``unlinked`` as there. ``pages_only`` judges only the
    unregistered pages' files of ``added`` (no plain script)."""
    scope = [f":(literal){project.root}"] if project.root else []
    easycom = _easycom_rules(project, tree, repo)
    if pages_only:
        added = [p for p in added if _is_unregistered_native_page(p, project, tree) or
                 _is_unregistered_page(p, project, easycom)]
    grep = lambda names: repo.grep_needles(head, names, scope)  # noqa: E731
    facts_of = lambda paths: store.raw_facts((p, tree[p].blob) for p in paths if p in tree)  # noqa: E731
    unloaded = unreferenced_scripts(project, head_facts, added, tree, grep=grep, facts_of=facts_of,
                                    unlinked=unlinked, easycom=easycom, read_text=lambda path: _text(repo, tree, path))
    # a script only other platforms' blocks load ships in their builds alone: no host of the Mini Program's
    other = other_build_scripts(unloaded & set(head_facts), project, tree, grep,
                                lambda path: head_facts[path].module_specs, lambda path: _text(repo, tree, path))
    # a script only a Node script beside the app requires (a proxy's upstream list) is no app code either
    other |= node_loaded_scripts(unloaded & set(head_facts), project, tree, grep, facts_of)
    other |= set() if pages_only else other_build_components(
        [p for p in added if p in head_facts and p not in unloaded], project, grep, lambda p: _text(repo, tree, p))
    # Its routes go too: a page no user can open leads nowhere (its link to another unregistered page is told, if
    # at all, with the change that registers it, as its other calls are).
    return {path: replace(ff, facts=kept_facts(ff.facts, path in other), routes=())
            if path in unloaded or path in other else ff for path, ff in head_facts.items()}


def dropped_imports(base_facts: Mapping[str, FileFacts], head_facts: Mapping[str, FileFacts],
                    counterpart: Mapping[str, str | None], base_tree: Mapping[str, TreeEntry],
                    project: Project) -> set[str]:
    """Head paths of files the change keeps (and changes: in ``head_facts``) that a changed file imported at base
    (``base_facts``, specifiers resolved in ``base_tree``) and no longer imports at its head (``counterpart``:
    head path → base path): a component whose page inlines it (its button moved into the page and the component
    left unrendered). Whether anything else still loads them is :func:`unreferenced_scripts`' question.
    Only in the frameworks whose files are loaded by import (module docstring)."""
    if project.framework not in _JUDGED + PAGE_JUDGED:
        return set()
    kept = {old: new for new, old in counterpart.items() if old}
    out = set()
    for head_path, base_path in counterpart.items():
        if not base_path or base_path not in base_facts or head_path not in head_facts:
            continue
        gone = set(base_facts[base_path].module_specs) - set(head_facts[head_path].module_specs)
        for spec in gone:
            target = readable_twin(resolve_module(base_path, spec, base_tree), project)
            if target is not None and kept.get(target) in head_facts and kept[target] != head_path:
                out.add(kept[target])
    return out


def _candidates(project: Project, added: Iterable[str], tree: Mapping[str, TreeEntry], unlinked: Iterable[str],
                easycom: Sequence[tuple[str, str]]) -> dict[str, str]:
    """The files :func:`unreferenced_scripts` judges (path → the name a specifier loading it ends in): the added
    plain scripts and unregistered pages or component files, and the ``unlinked`` files of the project, but the
    vendored scripts the app requires (``Project.vendored``); none in a framework not judged."""
    if project.framework not in _JUDGED + PAGE_JUDGED:
        return {}
    generated = any(posixpath.join(folder, name) in tree for folder in {project.root, project.env_root or ""}
                    for name in _PAGES_PLUGIN)  # pages.json written by a build plugin from the page files
    kits = {posixpath.dirname(p) for p in added if is_component_file(p, project, tree)}  # a component's scripts too
    candidates = {path: _needle(path) for path in added if (
        (project.framework in _JUDGED or posixpath.dirname(path) in kits) and _is_plain_script(path, project, tree))
        or (not generated and (_is_unregistered_page(path, project, easycom)
                               or is_easycom_component(path, project, easycom)))
        or _is_unregistered_native_page(path, project, tree) or is_component_file(path, project, tree)}
    candidates.update({path: _needle(path) for path in unlinked if project.owns(path)})
    # a vendored SDK's script is owned only when the app loads it (facts/vendored.py followed its requires)
    return {path: needle for path, needle in candidates.items() if path not in project.vendored}


def _easycom_rules(project: Project, tree: Mapping[str, TreeEntry], repo: GitRepo) -> tuple[tuple[str, str], ...]:
    """The custom easycom rules (pattern, target) in a uni-app project's ``pages.json`` (none for other
    frameworks, or when the file cannot be read)."""
    path = posixpath.join(posixpath.dirname(project.app_config or ""), "pages.json")
    entry = tree.get(path) if project.framework == "uni-app" else None
    if entry is None:
        return ()
    try:
        return custom_rules(decode(repo.read_blobs([entry.blob]).get(entry.blob, b"")).text)
    except UndecodableFile:
        return ()


def _text(repo: GitRepo, tree: Mapping[str, TreeEntry], path: str) -> str | None:
    """The text of ``path`` in ``tree`` (None when it is not there or cannot be decoded)."""
    entry = tree.get(path)
    if entry is None:
        return None
    try:
        return decode(repo.read_blobs([entry.blob]).get(entry.blob, b"")).text
    except UndecodableFile:
        return None


def readable_twin(path: str | None, project: Project) -> str | None:
    """``path``, or the source that stands for its build twin (readers/buildtwins.py: the readable ``x.js`` of
    ``x.min.js`` / ``x-min.js``, the ``x.ts`` of a compiled ``x.js``): loading the copy loads the code the source
    holds, and only the source is read."""
    if path is None or path not in project.build_twins:
        return path
    match = MINIFIED.match(path)
    return match["stem"] + ".js" if match else path[:-len(".js")] + ".ts"


def _is_plain_script(path: str, project: Project, tree: Mapping[str, TreeEntry]) -> bool:
    """A ``.js`` / ``.ts`` file of the project that is not the app script (nor, in a Vue framework, a ``main``
    entry or a bundler config), a page or component script (its ``.wxml`` or ``.json`` beside it, or anything
    under a ``pages`` folder, whose markup may come later), nor in a ``workers`` folder (started by path) or the
    cloud functions' folder (they run on the server)."""
    stem, suffix = posixpath.splitext(path)
    folders, name = path.split("/")[:-1], posixpath.basename(path)
    if (project.framework != "native" and (name in _VUE_ENTRIES or name.endswith(_BUILD_CONFIG))) \
            or path == project.routes_module:  # mpvue-entry's routes: the build reads them
        return False
    return (suffix in _SCRIPTS and project.owns(path) and name not in _APP_SCRIPTS
            and stem + ".wxml" not in tree and stem + ".json" not in tree
            and "workers" not in folders and "pages" not in folders
            and not (project.cloud_root and path.startswith(project.cloud_root.rstrip("/") + "/")))


def _is_unregistered_page(path: str, project: Project, easycom: Sequence[tuple[str, str]]) -> bool:
    """A uni-app single-file component (``.vue``) that ``pages.json`` does not register as a page, at no place
    easycom registers a component from by tag (its default places, the ``easycom`` targets): the build compiles
    the registered pages and what they import, nothing else (https://uniapp.dcloud.net.cn/collocation/pages.html).
    In Taro, a page file (:data:`_TARO_PAGES`, never a ``*.config.*`` page config) under a ``pages`` folder that a
    fully literal ``app.config`` does not register (https://docs.taro.zone/docs/app-config#pages)."""
    stem, suffix = posixpath.splitext(path)
    folder = posixpath.dirname(project.app_config or "")
    if project.app_config is None or not project.owns(path) or (folder and not stem.startswith(folder + "/")):
        return False
    route = stem[len(folder) + 1:] if folder else stem
    if project.framework == "taro":
        return suffix in _TARO_PAGES and not project.pages_computed and bool(project.pages) \
            and "pages" in route.split("/")[:-1] and "." not in posixpath.basename(stem) \
            and not _registers(project, route)
    return project.framework == "uni-app" and suffix in _VUE_FILES and route.lower() != "app" \
        and not _registers(project, route) and not tag_registers(route + suffix, [t for _p, t in easycom])


def plain_lists(*projects: Project) -> bool:
    """Whether each native project's pages are read from an ``app.json`` (not one a build writes or computes)."""
    return all(posixpath.basename(p.app_config or "") == "app.json" and not p.pages_computed for p in projects)


def _is_unregistered_native_page(path: str, project: Project, tree: Mapping[str, TreeEntry]) -> bool:
    """A native page's file (:data:`_NATIVE_PAGE`; a page has a ``.wxml`` view and a script: a view alone is a
    template, https://developers.weixin.qq.com/miniprogram/dev/framework/structure.html) under a ``pages`` folder
    whose route the app's ``app.json`` lists neither in ``pages`` nor in a subpackage, the lists read in full:
    WeChat compiles the pages listed there and what they load
    (https://developers.weixin.qq.com/miniprogram/dev/reference/configuration/app.html#pages); whether something
    else names its path (a component) is :func:`unreferenced_scripts`'."""
    stem, suffix = posixpath.splitext(path)
    if project.framework != "native" or suffix not in _NATIVE_PAGE or stem + ".wxml" not in tree \
            or not any(stem + script in tree for script in _SCRIPTS) \
            or not plain_lists(project) or not project.pages or not project.owns(path) \
            or "." in posixpath.basename(stem):
        return False
    route = stem[len(project.root) + 1:] if project.root else stem
    return "pages" in route.split("/")[:-1] and not _registers(project, route)


def _registers(project: Project, route: str) -> bool:
    """Whether the page list names ``route``, in any letter case: the developer tools and HBuilderX build on a
    disk that ignores case (Windows, macOS), where ``topic/roomView`` opens ``topic/roomVIew.vue`` and the
    built page takes the list's spelling — the file is that page, not a file nothing loads."""
    return route in project.pages or route.casefold() in {page.casefold() for page in project.pages}


def _mpvue(project: Project) -> bool:
    return project.framework == "mpvue"


def _vue(path: str) -> bool:
    return posixpath.splitext(path)[1] in _VUE_FILES


def _script(path: str) -> bool:
    return posixpath.splitext(path)[1] in _SCRIPTS


def _needle(path: str) -> str:
    """The name a specifier loading ``path`` ends in: its stem, or its folder's name for an ``index`` script."""
    stem = posixpath.splitext(posixpath.basename(path))[0]
    return posixpath.basename(posixpath.dirname(path)) if _is_index(path) else stem


def _is_index(path: str) -> bool:
    return posixpath.splitext(posixpath.basename(path))[0] == "index" and "/" in path
