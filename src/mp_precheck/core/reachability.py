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
commented out —, unless a tag may render it as a component. A project that registers components by a folder glob
(``require.context``, ``import.meta.glob``) has none of its ``.vue`` files judged: no import names them.
Taro names its script pages in ``app.config.ts``, which is no import, so its plain scripts are not judged; but a
file under a ``pages`` folder whose route the config does not register (nor imports, nor renders by tag) is no
page Taro builds (https://docs.taro.zone/docs/app-config#pages) — unless the config computes part of its page
list, which then cannot be read as data. Such a page enters the app with the change that registers it, which may
touch only the page list: :func:`registered_now` gives that change the page's files as files it adds, so what
the page does is told then, once.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable, Mapping, Sequence

from msgspec.structs import replace

from mp_precheck.core.recache import compiled
from mp_precheck.facts.model import Fact, FileFacts
from mp_precheck.facts.scope import page_sources
from mp_precheck.facts.store import FactStore, resolve_module
from mp_precheck.git.changeset import FileChange
from mp_precheck.git.repo import GitRepo, TreeEntry
from mp_precheck.readers.discovery import MINIFIED, Project
from mp_precheck.readers.easycom import custom_targets, tag_registers
from mp_precheck.readers.textcodec import UndecodableFile, decode

_SCRIPTS = (".js", ".ts")
_APP_SCRIPTS = ("app.js", "app.ts")
_JUDGED = ("native", "uni-app", "mpvue")
_PAGE_JUDGED = ("uni-app", "taro")  # frameworks whose unregistered page files are judged (module docstring)
# The Vue frameworks' entry scripts (mpvue's pages have one each) and build configuration read by the bundler.
_VUE_ENTRIES = ("main.js", "main.ts")
_BUILD_CONFIG = (".config.js", ".config.ts", "rc.js")
_NETWORK_ROLES = ("request", "upload", "download", "socket")
_VUE_FILES = (".vue", ".nvue", ".uvue")
_TARO_PAGES = (".vue", ".tsx", ".jsx", ".ts", ".js")  # a Taro page: React or Vue component, script page
_GLOBS = ("require.context(", "import.meta.glob(")  # loading every file of a folder: no import names each
_PAGES_PLUGIN = ("pages.config.ts", "pages.config.js", "pages.config.mjs")  # @uni-helper/vite-plugin-uni-pages
_WORD = compiled(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")
_KEPT = ("secret:", "host:")  # facts an unloaded script keeps (module docstring)
_MAX_IMPORTERS = 2000  # files naming the scripts; beyond that the check is not worth its reading time


def unreferenced_scripts(project: Project, head_facts: Mapping[str, FileFacts], added: Iterable[str],
                         tree: Mapping[str, TreeEntry],
                         grep: Callable[[set[str]], Mapping[str, set[str]]],
                         facts_of: Callable[[list[str]], Mapping[str, FileFacts]],
                         unlinked: Iterable[str] = (), easycom: Sequence[str] = ()) -> set[str]:
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
        easycom: the target templates of the project's custom easycom rules (readers/easycom.py).

    A specifier that names the script by its last part but resolves to no file (``require('utils/sdk')``
    from the package root, an alias) counts as loading it: when unsure, the script is kept.
    """
    candidates = _candidates(project, added, tree, unlinked, easycom)
    if not candidates:
        return set()
    # An index script is named by its folder (``./api``) or by itself (``./index`` from its own folder).
    needles = set(candidates.values()) | {"index" for path in candidates if _is_index(path) and _script(path)}
    # mpvue renders a component only through an import (``components: { … }``, ``Vue.component`` in main.js): a
    # tag there (a commented-out ``<!--<card></card>-->`` too) renders nothing by itself, unlike uni-app's easycom.
    tags = {path: _tags(needle) for path, needle in candidates.items() if not _script(path) and not _mpvue(project)}
    vue = any(_vue(path) for path in candidates)
    found = grep(needles | {tag for names in tags.values() for tag in names} | (set(_GLOBS) if vue else set()))
    if vue and any(project.owns(path) and held & set(_GLOBS) for path, held in found.items()):
        candidates = {path: needle for path, needle in candidates.items() if not _vue(path)}  # a glob may load it
    shown = {path for path, names in tags.items() if any(names & held for other, held in found.items()
                                                         if other != path)}
    candidates = {path: needle for path, needle in candidates.items() if path not in shown}  # a tag may render it
    importers = {path for path, held in found.items() if project.owns(path) and held & needles}
    if len(importers) > _MAX_IMPORTERS:
        return set()
    facts = dict(facts_of(sorted(importers - set(head_facts))))
    facts.update({path: head_facts[path] for path in importers & set(head_facts)})
    loaded_by: dict[str, set[str]] = {}
    for importer, file_facts in facts.items():
        for spec in file_facts.module_specs:
            last = posixpath.splitext(spec.rstrip("/").rpartition("/")[2])[0]
            target = readable_twin(resolve_module(importer, spec, tree), project)
            for path, needle in candidates.items():
                if path != importer and (target == path or (target is None and last == needle)):
                    loaded_by.setdefault(path, set()).add(importer)
    reached = {path for path, by in loaded_by.items() if by - set(candidates)}
    frontier = list(reached)
    while frontier:  # scripts loaded by scripts that are loaded
        current = frontier.pop()
        for path, by in loaded_by.items():
            if path not in reached and current in by:
                reached.add(path)
                frontier.append(path)
    return set(candidates) - reached


def without_unloaded_scripts(project: Project, head_facts: Mapping[str, FileFacts], added: Iterable[str],
                             tree: Mapping[str, TreeEntry], repo: GitRepo, store: FactStore,
                             head: str, unlinked: Iterable[str] = ()) -> dict[str, FileFacts]:
    """``head_facts`` where the scripts :func:`unreferenced_scripts` finds at revision ``head`` (whose tree is
    ``tree``) of ``repo`` keep only their secrets (a key in the repository is exposed whether or not the app
    loads the file) and their hosts (judged app-wide, never again once the file is in: module docstring);
    ``unlinked`` as there."""
    scope = [f":(literal){project.root}"] if project.root else []
    unloaded = unreferenced_scripts(
        project, head_facts, added, tree, grep=lambda names: repo.grep_needles(head, names, scope),
        facts_of=lambda paths: store.raw_facts((p, tree[p].blob) for p in paths if p in tree), unlinked=unlinked,
        easycom=_easycom_targets(project, tree, repo))
    return {path: replace(ff, facts=tuple(_unused(f) for f in ff.facts if f.subject.startswith(_KEPT)))
            if path in unloaded else ff for path, ff in head_facts.items()}


def registered_now(project: Project, base: Project | None, tree: Mapping[str, TreeEntry],
                   changes: Iterable[FileChange], repo: GitRepo, head: str) -> list[FileChange]:
    """The page files a change brings into the app by registering their routes only: files of ``project``'s
    ``tree`` (head) the change (``changes``) leaves alone whose page ``base`` did not register, in the
    frameworks where an unregistered page file is no part of the app (module docstring). Each is given as a file
    the change adds, all its lines (read from revision ``head`` of ``repo``) added. None when the base page list was
    partly computed (it may have held the page) or there is no base project."""
    if base is None or project.framework not in _PAGE_JUDGED or base.pages_computed or not base.pages \
            or not project.app_config:
        return []
    changed = {change.new_path for change in changes if change.new_path}
    out = []
    for route in sorted(set(project.pages) - set(base.pages)):
        suffixes = _TARO_PAGES if project.framework == "taro" else _VUE_FILES
        for path in sorted(page_sources(project, route, suffixes)):
            entry = tree.get(path)
            if entry is not None and path not in changed and project.owns(path):
                lines = (repo.read_file(head, path) or b"").count(b"\n") + 1
                out.append(FileChange(status="added", old_path=None, new_path=path, old_blob=None,
                                      new_blob=entry.blob, old_mode=None, new_mode=entry.mode,
                                      added_lines=frozenset(range(1, lines + 1))))
    return out


def dropped_imports(base_facts: Mapping[str, FileFacts], head_facts: Mapping[str, FileFacts],
                    counterpart: Mapping[str, str | None], base_tree: Mapping[str, TreeEntry],
                    project: Project) -> set[str]:
    """Head paths of files the change keeps (and changes: in ``head_facts``) that a changed file imported at base
    (``base_facts``, specifiers resolved in ``base_tree``) and no longer imports at its head (``counterpart``:
    head path → base path): a component whose page inlines it (its button moved into the page and the component
    left unrendered). Whether anything else still loads them is :func:`unreferenced_scripts`' question.
    Only in the frameworks whose files are loaded by import (module docstring)."""
    if project.framework not in _JUDGED + _PAGE_JUDGED:
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
                easycom: Sequence[str]) -> dict[str, str]:
    """The files :func:`unreferenced_scripts` judges (path → the name a specifier loading it ends in): the added
    plain scripts and unregistered pages or component files, and the ``unlinked`` files of the project, but the
    vendored scripts the app requires (``Project.vendored``); none in a framework not judged."""
    if project.framework not in _JUDGED + _PAGE_JUDGED:
        return {}
    generated = any(posixpath.join(folder, name) in tree for folder in {project.root, project.env_root or ""}
                    for name in _PAGES_PLUGIN)  # pages.json written by a build plugin from the page files
    candidates = {path: _needle(path) for path in added if (project.framework in _JUDGED and _is_plain_script(
        path, project, tree)) or (not generated and _is_unregistered_page(path, project, easycom))}
    candidates.update({path: _needle(path) for path in unlinked if project.owns(path)})
    # a vendored SDK's script is owned only when the app loads it (facts/vendored.py followed its requires)
    return {path: needle for path, needle in candidates.items() if path not in project.vendored}


def _easycom_targets(project: Project, tree: Mapping[str, TreeEntry], repo: GitRepo) -> tuple[str, ...]:
    """The custom easycom rules' targets in a uni-app project's ``pages.json`` (none for other frameworks, or when
    the file cannot be read)."""
    path = posixpath.join(posixpath.dirname(project.app_config or ""), "pages.json")
    entry = tree.get(path) if project.framework == "uni-app" else None
    if entry is None:
        return ()
    try:
        return custom_targets(decode(repo.read_blobs([entry.blob]).get(entry.blob, b"")).text)
    except UndecodableFile:
        return ()


def _unused(fact: Fact) -> Fact:
    """A host fact of a script nothing loads: no request is seen to use it yet (role ``code``), so a loaded
    file's request names the host first (core/semantic_diff.py ``_one_place``)."""
    return replace(fact, role="code") if fact.kind == "host" and fact.role in _NETWORK_ROLES else fact


def readable_twin(path: str | None, project: Project) -> str | None:
    """``path``, or the readable ``x.js`` that stands for a minified twin ``x.min.js`` / ``x-min.js`` (loading the
    minified copy loads the code the readable one holds; readers/discovery.py reads only that one)."""
    match = MINIFIED.match(path) if path is not None and path in project.minified_twins else None
    return match["stem"] + ".js" if match else path


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


def _is_unregistered_page(path: str, project: Project, easycom: Sequence[str]) -> bool:
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
        and not _registers(project, route) and not tag_registers(route + suffix, easycom)


def _registers(project: Project, route: str) -> bool:
    """Whether the page list names ``route``, in any letter case: the developer tools and HBuilderX build on a
    disk that ignores case (Windows, macOS), where ``topic/roomView`` opens ``topic/roomVIew.vue`` and the
    built page takes the list's spelling — the file is that page, not a file nothing loads."""
    return route in project.pages or route.casefold() in {page.casefold() for page in project.pages}


def _mpvue(project: Project) -> bool:
    return project.framework == "mpvue"


def _tags(needle: str) -> set[str]:
    """The tags that render a component named ``needle`` (``<UserCard``, ``<user-card``)."""
    kebab = "-".join(w.lower() for w in _WORD.findall(needle)) or needle
    return {f"<{needle}", f"<{kebab}"}


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
