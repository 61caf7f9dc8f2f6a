"""Facts whose meaning depends on the project they are in: a page hook counts on the entry page only, an
AppSecret or a request to WeChat's server API in server code (a cloud function) is where it belongs, a script only
Node runs is no part of the app, and only the mpvue-entry routes module of the project registers its first page."""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable, Mapping

from msgspec.structs import replace

from mp_precheck.core.lazyre import lazy
from mp_precheck.facts.model import Fact, FileFacts
from mp_precheck.facts.store import FactStore
from mp_precheck.git.repo import TreeEntry
from mp_precheck.readers.aliases import own_aliases
from mp_precheck.readers.appconfig import page_name
from mp_precheck.readers.discovery import Project
from mp_precheck.readers.lifecycle import LOGIN_TARGET, MPVUE_LAUNCHED, hook_of
from mp_precheck.readers.modulespecs import runs_on_server
from mp_precheck.readers.mpvueentry import ROUTES_ROLE
from mp_precheck.readers.otherbuilds import LEAKED
from mp_precheck.readers.paychannels import SUBJECT as PAY_CHANNEL
from mp_precheck.readers.sfc import SFC_SUFFIXES
from mp_precheck.readers.uncalled import without_ranges
from mp_precheck.readers.urls import is_wechat_server_api

PAGE_HOOK = "login:page-hook:"
_ENTRY_LOGIN = "app.json:entry-login:"  # a page's forced action, counted only when the page is the entry page
_SCRIPT_SUFFIXES = (".js", ".ts", ".vue", ".nvue", ".uvue", ".wpy", ".mpx", ".jsx", ".tsx")


def entry_scripts(project: Project) -> set[str]:
    """Paths the entry page's script may have (``entryPagePath`` or the first page, + a script suffix; for
    mpvue, also the page component its ``main`` script mounts)."""
    if not project.entry_page:
        return set()
    return page_sources(project, project.entry_page, _SCRIPT_SUFFIXES)


def page_sources(project: Project, route: str, suffixes: tuple[str, ...]) -> set[str]:
    """Paths a registered page ``route`` of ``project`` may have with one of ``suffixes``: beside the
    project root or under its ``src``; for mpvue, also the page component its ``main`` script mounts."""
    page = route.strip("/")
    folders = [project.root, f"{project.root}/src" if project.root else "src"]
    pages = [page]
    if project.framework == "mpvue" and page.endswith("/main"):
        # mpvue's page entry ``pages/home/main.js`` only mounts the page component beside it: ``index.vue``
        # (the template's name) or one named after the folder (``home.vue``) holds the page's hooks.
        folder = page[:-len("/main")]
        pages += [f"{folder}/index", f"{folder}/{folder.rsplit('/', 1)[-1]}"]
    return {f"{folder}/{name}{suffix}".lstrip("/") for folder in folders for name in pages
            for suffix in suffixes}


def project_facts(store: FactStore, files: Iterable[tuple[str, str]], tree: Mapping[str, TreeEntry],
                  project: Project | None) -> dict[str, FileFacts]:
    """:func:`in_project` of the facts of (path, blob) ``files`` in ``tree``, calls through the build aliases that
    name the project's own folders (``readers/aliases.py``) followed as its relative imports are."""
    return in_project(store.facts(files, tree, _aliases(store, tree, project)), project)


class TreeFacts:
    """``facts(path)``: the facts of ``path`` in the revision whose tree is ``tree`` (:meth:`FactStore.facts`, None
    when the tree has no such file), each file's linked once: the analyzers ask for the same files thousands of
    times in a run (a whole-app import: 17,000 asks of 1,500 files), and linking follows every imported call.
    ``aliases`` are the build's own path aliases, followed as :meth:`FactStore.facts` follows them."""

    def __init__(self, store: FactStore, tree: Mapping[str, TreeEntry],
                 aliases: Mapping[str, str] | None = None) -> None:
        self._store, self._tree, self._aliases = store, tree, aliases
        self._linked: dict[str, FileFacts | None] = {}

    def __call__(self, path: str) -> FileFacts | None:
        if path not in self._linked:
            entry = self._tree.get(path)
            found = self._store.facts([(path, entry.blob)], self._tree, self._aliases) if entry is not None else {}
            self._linked[path] = found.get(path)
        return self._linked[path]


def facts_reader(store: FactStore, tree: Mapping[str, TreeEntry],
                 project: Project | None) -> Callable[[str], FileFacts | None]:
    """The facts of one file of ``tree`` by path (None when it has none), read as :func:`project_facts` reads,
    each file linked once (:class:`TreeFacts`)."""
    return TreeFacts(store, tree, _aliases(store, tree, project))


def _aliases(store: FactStore, tree: Mapping[str, TreeEntry], project: Project | None) -> dict[str, str]:
    def read(path: str) -> str | None:
        entry = tree.get(path)
        return store.text(entry.blob) if entry is not None and not entry.is_symlink and entry.size <= 1_000_000 \
            else None
    return own_aliases(project, read)


def in_project(facts: dict[str, FileFacts], project: Project | None) -> dict[str, FileFacts]:
    """Facts that depend on the project: a page hook's forced login counts on the entry page only (and, in an
    mpvue app, from any page's ``created``, which runs at launch), an
    AppSecret or a request to WeChat's server API in server code (a cloud function) is where it belongs, a
    script shaped like a routes module tells the first page only when it is the project's mpvue-entry routes
    module, the API uses inside a registered page's ``methods`` entries and own functions its file never names are no
    uses (``FileFacts.idle``), and a script only Node runs has none (:func:`runs_under_node`)."""
    entry = entry_scripts(project) if project else set()
    # An app that opens on its login page is told so (login.login_first_page); that page sending the user on
    # to the next login step (authorize → bind phone) is part of it, not a second gate.
    login_entry = bool(project and project.entry_page and LOGIN_TARGET.search(page_name(project.entry_page)))
    routes = project.routes_module if project else None
    pages = {p for route in project.pages for p in page_sources(project, route, _SCRIPT_SUFFIXES)} \
        if project and any(ff.idle for ff in facts.values()) else set()
    created_at_launch = _created_at_launch(project) if \
        any(f.subject.startswith(PAGE_HOOK) for ff in facts.values() for f in ff.facts) else set()
    out = {}
    for path, file_facts in facts.items():
        if file_facts.idle and path in pages:  # a page's methods nothing names never run; a secret there still ships
            file_facts = without_ranges(file_facts, file_facts.idle, hosts=True, keep=LEAKED)
        if file_facts.facts and runs_under_node(path, file_facts):
            file_facts = replace(file_facts, facts=())
        if is_server_code(path, project) and any(_server_only(f) for f in file_facts.facts):
            file_facts = replace(file_facts, facts=tuple(f for f in file_facts.facts if not _server_only(f)))
        if project and _other_registry(path, project):
            file_facts = replace(file_facts, facts=tuple(f for f in file_facts.facts
                                                         if not f.subject.startswith(_ENTRY_LOGIN)))
        if path != routes and any(f.role == ROUTES_ROLE for f in file_facts.facts):
            file_facts = replace(file_facts, facts=tuple(f for f in file_facts.facts if f.role != ROUTES_ROLE))
        if any(f.subject.startswith(PAGE_HOOK) for f in file_facts.facts):
            file_facts = replace(file_facts, facts=_page_hooks(file_facts.facts, path in entry,
                                                               path in created_at_launch, login_entry))
        out[path] = file_facts
    return out


def _page_hooks(facts: tuple[Fact, ...], entry: bool, created_at_launch: bool, login_entry: bool) -> tuple[Fact, ...]:
    """A page's facts with its hooks' forced actions kept where they run before any tap: on the entry page
    (``login:entry-page:``), or, for a page whose ``created`` runs as the app launches (``created_at_launch``), from
    that hook (``login:launch:``); dropped elsewhere. An app that opens on a login page (``login_entry``) sending the
    user on to the next login step is no second gate."""
    kept = []
    for fact in facts:
        target = fact.subject[len(PAGE_HOOK):] if fact.subject.startswith(PAGE_HOOK) else None
        if target is None:
            kept.append(fact)
        elif login_entry and _next_login_page(fact.subject):
            continue
        elif entry:
            kept.append(replace(fact, subject=f"login:entry-page:{target}"))
        elif created_at_launch and hook_of(fact.value) in MPVUE_LAUNCHED:
            kept.append(replace(fact, subject=f"login:launch:{target}"))
    return tuple(kept)


def _created_at_launch(project: Project | None) -> set[str]:
    """The page scripts whose ``beforeCreate`` / ``created`` run as the app launches: every registered page of an
    mpvue app, whose build makes each page's Vue instance when the app loads (mpvue 1.x and 2.x: every page's
    ``created`` runs at launch, before the entry page's ``onLoad``; https://github.com/Meituan-Dianping/mpvue/issues/167,
    https://github.com/Meituan-Dianping/mpvue/issues/368)."""
    if project is None or project.framework != "mpvue":
        return set()
    return {p for route in project.pages for p in page_sources(project, route, _SCRIPT_SUFFIXES)}


_REGISTRIES = ("pages.json", "app.mpx")


def _other_registry(path: str, project: Project) -> bool:
    """Whether ``path`` is a page registry that does not register the project's pages: an mpx subpackage's
    ``app.mpx`` (its first page is no entry page) or a uni-app ``pages.json`` left beside the CLI source one
    (readers/discovery.py), so its first page opens nothing."""
    name = posixpath.basename(path)
    if name not in _REGISTRIES or project.app_config is None:
        return False
    own = posixpath.join(posixpath.dirname(project.app_config), name)
    return path != own


def _next_login_page(subject: str) -> bool:
    """Whether a page hook's forced action is a navigation to a login page (not a prompt such as
    ``wx.getUserProfile`` nor a helper call ``goLogin()``)."""
    target = subject[len(PAGE_HOOK):]
    return not target.startswith("wx.") and not target.endswith("()") and bool(LOGIN_TARGET.search(target))


# Cloud-function folders: WeChat's ``cloudfunctions`` (any spelling), uniCloud's ``uniCloud-aliyun`` /
# ``uniCloud-tcb`` / ``uniCloud-alipay`` and HBuilderX's older ``cloudfunctions-aliyun`` / ``cloudfunctions-tcb``
# (https://doc.dcloud.net.cn/uniCloud/quickstart-structure.html), and a ``server`` folder.
_SERVER_FOLDER = lazy(r"(?i)(?:cloud-?functions?|unicloud)(?:-[a-z0-9]+)?|server")


def is_server_code(path: str, project: Project | None) -> bool:
    """Code that runs on a server, not in the Mini Program: under the project's ``cloudfunctionRoot`` or a
    cloud-function / uniCloud / server folder (``_SERVER_FOLDER``)."""
    if project is not None and project.cloud_root and path.startswith(project.cloud_root.rstrip("/") + "/"):
        return True
    return any(_SERVER_FOLDER.fullmatch(part) for part in path.split("/")[:-1])


_BUILD_CONFIG = lazy(r"(?:.*/)?(?:[^/]*\.config\.[cm]?[jt]s|[^/]*rc\.[cm]?js|config/[^/]+)")


def runs_under_node(path: str, file_facts: FileFacts) -> bool:
    """Whether the script at ``path`` runs only under Node, never in the Mini Program: it loads a ``node:`` module,
    a Node built-in no Mini Program can use or a server package (``readers/modulespecs.py``), wherever it sits (a
    back end's seed data, a test script). Not a build configuration (``vite.config.ts``, Taro's ``config/``),
    whose settings the build puts into the app, nor a single-file component (``.vue``, ``.wpy``, ``.mpx``): a page
    or component of the app stays app code when an editor left a stray import in it (a type imported from
    ``child_process``)."""
    return runs_on_server(file_facts.module_specs) and not _BUILD_CONFIG.fullmatch(path) and \
        not path.endswith(SFC_SUFFIXES)


def _server_only(fact: Fact) -> bool:
    """Whether a fact belongs in server code rather than the Mini Program: an AppSecret, a payment through another
    channel than WeChat Pay (readers/paychannels.py: its server side), or a request to WeChat's server API
    (``api.weixin.qq.com``, called with an access token from a server or a cloud function:
    https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html)."""
    return fact.subject.startswith("secret:") or fact.subject == PAY_CHANNEL or \
        (fact.kind == "host" and is_wechat_server_api(fact.subject))
