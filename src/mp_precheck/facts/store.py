"""Facts of file versions, keyed by git blob id: an unchanged file is parsed once for both sides.

Also follows project wrappers one level: a call to ``uploadImage()`` imported from ``../../utils/api``, to
``WxUtils.chooseImage()`` (a class's static method) or to ``getApp().HTTP.uploadFile()`` (a module the App object holds)
counts as the catalog subjects that wrapper calls, at the call's line. It reads a development config against its release
configs (a host a Taro ``config/dev.js`` gives a build constant no release config defines is the app's own:
:func:`~mp_precheck.readers.devonly.shipped_dev_hosts`), gives a URL a page jump hands to a web-view page to that
web-view (facts/handedpages.py), a native page's pictures to its template (facts/pagepictures.py) and a socket to
another module's development address to development (facts/devsockets.py)."""

from __future__ import annotations

import posixpath
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping

from msgspec.structs import replace

from mp_precheck.core.parallel import ordered_map
from mp_precheck.core.subject import prefixed
from mp_precheck.core.thirdparty import third_party
from mp_precheck.facts.appfile import APP_NAMES, app_file
from mp_precheck.facts.apphosts import with_app_hosts
from mp_precheck.facts.cache import FactCache
from mp_precheck.facts.devsockets import with_dev_sockets
from mp_precheck.facts.extract import extract_job, flavoured, reader_kind
from mp_precheck.facts.handedpages import handed_to_web_views
from mp_precheck.facts.model import DEVELOPMENT, UPLOAD_GUESS, Export, Fact, FileFacts
from mp_precheck.facts.pagepictures import with_page_pictures
from mp_precheck.git.repo import GitRepo, TreeEntry
from mp_precheck.readers.devonly import is_dev_file, release_configs, shipped_dev_hosts
from mp_precheck.readers.handedurls import with_handed_roles
from mp_precheck.readers.jsbindings import GET_APP, VUE_ENTRIES, VUE_INSTANCE
from mp_precheck.readers.openinghooks import LAUNCH
from mp_precheck.readers.specifiers import SCRIPT_SUFFIXES, rooted
from mp_precheck.readers.statemedia import confirm_picked
from mp_precheck.readers.textcodec import UndecodableFile, decode

_DEPTH = 3  # files a call is followed through: the called wrapper's and two more
# Decoded texts kept by blob: analyzers ask for the same few files' text again and again (a small PR asked ~970
# times for 23 blobs, each a round trip to git and a charset check); bounded so a whole-app import stays small.
_TEXTS_KEPT = 1024
_TEXT_CHARS_KEPT = 4 * 1024 * 1024
_MODULE_SUFFIXES = ("", ".js", ".ts", "/index.js", "/index.ts", ".mjs", ".jsx", ".tsx", ".vue", ".wpy")

_READ_LIMIT = 1_000_000  # bytes: a larger file is not read as text


class FactStore:
    """Reads blobs in batches from ``repo`` and caches their facts by (blob id, reader kind and file name),
    in memory and, with ``disk``, in an on-disk :class:`FactCache`. ``progress(done, total)`` hears of
    every blob read and parsed (totals grow as the run asks for more files)."""

    def __init__(self, repo: GitRepo, disk: FactCache | None = None,
                 progress: Callable[[int, int], None] | None = None) -> None:
        self.repo, self.disk, self._progress = repo, disk, progress
        self._cache: dict[tuple[str, str], FileFacts] = {}
        self._texts: OrderedDict[str, str | None] = OrderedDict()
        self._text_chars = self.blobs_parsed = self._done = self._total = 0
        self.flavour: Callable[[str], str] = lambda _path: ""  # how a project reads a file: extract.py flavour()

    def reader(self, tree: Mapping[str, TreeEntry]) -> Callable[[str], str | None]:
        """A function from a path of ``tree`` to its decoded text (:meth:`text`), None for a path not in it, a
        symlink, a submodule or a file over 1 MB (:data:`_READ_LIMIT`, as facts/extract.py leaves them unread)."""
        def read_text(path: str) -> str | None:
            entry = tree.get(path)
            if entry is None or entry.is_symlink or entry.is_submodule or entry.size > _READ_LIMIT:
                return None
            return self.text(entry.blob)
        return read_text

    def text(self, blob: str) -> str | None:
        """Decoded text of a blob, or None when it is missing or not text (the last ones asked are kept)."""
        if blob in self._texts:
            self._texts.move_to_end(blob)
            return self._texts[blob]
        data = self.repo.read_blobs([blob]).get(blob)
        try:
            text = None if data is None else decode(data).text
        except UndecodableFile:
            text = None
        self._texts[blob] = text
        self._text_chars += len(text or "")
        while len(self._texts) > _TEXTS_KEPT or self._text_chars > _TEXT_CHARS_KEPT:
            self._text_chars -= len(self._texts.popitem(last=False)[1] or "")
        return text

    def raw_facts(self, files: Iterable[tuple[str, str]]) -> dict[str, FileFacts]:
        """Facts of (path, blob) pairs, without wrapper following."""
        pending: dict[str, list[tuple[str, str]]] = {}
        result: dict[str, FileFacts] = {}
        for path, blob in files:
            kind = reader_kind(path)
            if kind is None:
                continue
            # What a reader extracts depends on the file name too (.ts vs .tsx, app.js vs a page).
            kind = f"{kind}/{posixpath.basename(path).lower()}{self.flavour(path)}"
            cached = self._cache.get((blob, kind))
            if cached is not None:
                result[path] = cached
            else:
                pending.setdefault(blob, []).append((path, kind))
        if pending and self.disk is not None:
            stored = self.disk.get_many(FactCache.key(blob, kind) for blob, users in pending.items()
                                        for _path, kind in users)
            for blob in list(pending):
                users = pending[blob]
                if all(FactCache.key(blob, kind) in stored for _path, kind in users):
                    for path, kind in users:
                        facts = stored[FactCache.key(blob, kind)]
                        self._cache[(blob, kind)] = facts
                        result[path] = facts
                    del pending[blob]
        if pending:
            self._total += sum(len(users) for users in pending.values())
            self._tick(0)
            result.update(self._parse(pending))
        return result

    def _parse(self, pending: Mapping[str, list[tuple[str, str]]]) -> dict[str, FileFacts]:
        """Read and parse the blobs of ``pending`` (blob → its (path, kind) users), on all cores for a large
        change. A (blob, kind) is parsed once, as its first user's path."""
        contents = self.repo.read_blobs(pending)
        jobs: dict[tuple[str, str], str] = {}
        for blob, users in pending.items():
            for path, kind in users if blob in contents else ():
                jobs.setdefault((blob, kind), path)
        parsed: dict[tuple[str, str], FileFacts] = {}
        for key, facts in zip(jobs, ordered_map(extract_job, [(path, contents[blob], *flavoured(kind))
                                                              for (blob, kind), path in jobs.items()]), strict=True):
            parsed[key] = self._cache[key] = facts
            self.blobs_parsed += 1
            self._tick(1)
        result: dict[str, FileFacts] = {}
        for blob, users in pending.items():
            for path, kind in users:
                result[path] = self._cache[(blob, kind)] if blob in contents else FileFacts(
                    error="not read: blob missing from the repository (a shallow or partial clone?)")
                if jobs.get((blob, kind)) != path:
                    self._tick(1)  # the first user of each blob was counted when it was parsed
        if self.disk is not None:
            self.disk.put_many({FactCache.key(blob, kind): facts for (blob, kind), facts in parsed.items()})
        return result

    def _tick(self, done: int) -> None:
        self._done += done
        if self._progress is not None:
            self._progress(self._done, self._total)

    def facts(self, files: Iterable[tuple[str, str]], tree: Mapping[str, TreeEntry],
              aliases: Mapping[str, str] | None = None) -> dict[str, FileFacts]:
        """Facts of (path, blob) pairs in the revision whose tree is ``tree``, with calls of project wrappers
        (imported or required functions, object and class methods, members of the App object read
        through ``getApp()``) counted as the subjects those wrappers call, at the call's line. A thin
        wrapper that calls no API itself but a wrapper of another file counts that one's subjects, through
        up to :data:`_DEPTH` files in all. A call that resolves to no wrapper but is named as an upload
        (``sheep.$api.app.upload``) is kept as a ``call:upload`` fact (see :mod:`mp_precheck.facts.model`).
        Calls through the build's ``aliases`` to the project's own folders count too (:func:`with_aliased_calls`)."""
        direct = with_dev_sockets({path: with_aliased_calls(path, facts, aliases or {}, tree) for path, facts in
                                   self._shipped_dev_settings(self.raw_facts(files), tree).items()},
                                  tree, aliases or {}, self.text, resolve_module)
        modules: dict[str, FileFacts] = {}
        first = {path: [(path, spec, name, line) for spec, name, line in facts.imported_calls]
                 for path, facts in direct.items()}
        level1 = self._targets(first, modules, tree, aliases or {})
        deeper = self._reach(level1, modules, tree, aliases or {})
        out: dict[str, FileFacts] = {}
        for path, facts in direct.items():
            extra: list[Fact] = []
            for line, where, name, export in level1.get(path, []):
                chosen = export.subjects_for(facts.call_literals.get(line, ()))  # a branch picked by a string
                subjects = set(chosen) | deeper.get(f"{where}#{name}", set())
                how = "dispatch" if export.dispatched else "via"
                extra.extend(Fact(subject, "api", line, role=f"{how}:{where}#{name}") for subject in sorted(subjects))
            resolved = {line for line, *_found in level1.get(path, [])}
            extra.extend(self._held_sdk_calls(path, facts, resolved, modules, tree))
            resolved |= {f.line for f in extra}
            extra.extend(Fact(UPLOAD_GUESS, "api", line, value=name) for _spec, name, line in facts.imported_calls
                         if line not in resolved and third_party().named_upload(name))
            merged = confirm_picked(facts.facts + tuple(extra))  # a photo a helper picks, sent as base64
            merged = handed_to_web_views(with_handed_roles(facts, merged), tree, self.raw_facts)
            merged = with_page_pictures(path, merged, tree, self.text)
            merged = with_app_hosts(path, merged, tree, self.text)  # a test host the app's requests reach
            # this.timer.stop() is no global property's call unless a Vue entry installs ``timer`` (resolved above)
            calls = tuple(c for c in facts.imported_calls if c[2] in resolved or c[0] != VUE_INSTANCE
                          or c[1].startswith("$"))
            out[path] = replace(facts, facts=merged, imported_calls=calls) \
                if merged != facts.facts or calls != facts.imported_calls else facts
        return out

    def _held_sdk_calls(self, path: str, facts: FileFacts, resolved: set[int], modules: dict[str, FileFacts],
                        tree: Mapping[str, TreeEntry]) -> list[Fact]:
        """The SDK calls among the unresolved calls of ``path`` through an object that holds modules: a
        global property an entry script installs from an npm SDK (``Vue.prototype.$wxapi = WXAPI`` with
        ``WXAPI`` from an upload SDK of ``checks/upload_sdks.yml``, read as ``this.$wxapi.uploadFile(…)``,
        https://v2.vuejs.org/v2/cookbook/adding-instance-properties.html) or an App member holding one:
        the SDK's subject at the call's line, as a direct call of that SDK would be."""
        out: list[Fact] = []
        for spec, name, line in facts.imported_calls:
            member, _, method = name.partition(".")
            app = self._module(path, spec, tree) if spec in _HELD and line not in resolved else None
            held = modules[app].app_members.get(member) if app is not None and app in modules else None
            if held is None or resolve_module(app or "", held, tree) is not None:
                continue  # not a held module, or a project file (its wrappers are followed above)
            sdk = third_party().sdk_of_module(held)
            if sdk is not None and sdk.makes(method):
                out.append(Fact(sdk.subject, "api", line, f"{name} ({sdk.sdk})"))
        return out

    def _shipped_dev_settings(self, facts: dict[str, FileFacts], tree: Mapping[str, TreeEntry]) -> dict[str, FileFacts]:
        """``facts`` with the hosts of development configs that no release config overrides counted as the
        app's (role ``code`` instead of ``development``); other files unchanged."""
        for path, file_facts in facts.items():
            if not is_dev_file(path) or not any(f.kind == "host" and f.role == DEVELOPMENT for f in file_facts.facts):
                continue
            releases = release_configs(path, tree)
            if path not in tree or not releases:
                continue  # no release config to compare with: the development setting stays one
            texts = {p: self.text(tree[p].blob) for p in (path, *releases)}
            dev_text = texts.pop(path)
            if dev_text is None:
                continue
            shipped = shipped_dev_hosts(dev_text, path, {p: t for p, t in texts.items() if t})
            hosts = {prefixed("host", h) for h in shipped}
            if hosts:
                facts[path] = replace(file_facts, facts=tuple(
                    replace(f, role="code") if f.kind == "host" and f.role == DEVELOPMENT and f.subject in hosts else f
                    for f in file_facts.facts))
        return facts
    def _reach(self, level1: Mapping[str, list[tuple[int, str, str, Export]]], modules: dict[str, FileFacts],
               tree: Mapping[str, TreeEntry], aliases: Mapping[str, str]) -> dict[str, set[str]]:
        """``module#name`` of each called wrapper that calls no API itself (none, or only through sibling
        wrappers: ``Export.relays``) → the subjects the wrappers of other files it calls reach — itself or through
        the thin functions of its file it calls (``Export.spans``) —, followed through thin wrappers up to
        :data:`_DEPTH` files in all (a page's ``createNote`` action → the API module's ``createNote`` →
        ``http.post``)."""
        frontier = {f"{where}#{name}": [(where, name, export)]
                    for found in level1.values() for _line, where, name, export in found
                    if not export.subjects or export.relays}
        reached: dict[str, set[str]] = {key: set() for key in frontier}
        seen = {key: {(w, n) for w, n, _e in hops} for key, hops in frontier.items()}
        for _hop in range(_DEPTH - 1):
            sites: list[tuple[str, int]] = []  # (file, line) of each followed call: what it passes picks a branch
            calls: dict[str, list[tuple[str, str, str, int]]] = {}
            for key, hops in frontier.items():
                for where, _name, export in hops:
                    for spec, n, line in modules[where].imported_calls:
                        if export.covers(line):
                            calls.setdefault(key, []).append((where, spec, n, len(sites)))
                            sites.append((where, line))
            frontier = {}
            for key, found in self._targets(calls, modules, tree, aliases).items():
                for site, where, name, export in found:
                    caller, line = sites[site]
                    reached[key] |= set(export.subjects_for(modules[caller].call_literals.get(line, ())))
                    if (not export.subjects or export.relays) and (where, name) not in seen[key]:
                        seen[key].add((where, name))
                        frontier.setdefault(key, []).append((where, name, export))
        return reached

    def _targets(self, calls: Mapping[str, list[tuple[str, str, str, int]]], modules: dict[str, FileFacts],
                 tree: Mapping[str, TreeEntry],
                 aliases: Mapping[str, str]) -> dict[str, list[tuple[int, str, str, Export]]]:
        """For each key, the wrappers its (importer, specifier, name, line) calls reach: (line, module, name,
        export). Loads the modules it needs into ``modules`` (one batch, and one more for App members). A call of
        one of the App's launch hooks (``getApp().onLaunch()``) reaches nothing: the framework ran that hook, and
        what it calls, as the app launched (https://developers.weixin.qq.com/miniprogram/dev/reference/api/App.html),
        so calling it again is no first use of those APIs."""
        resolved = [(key, self._module(importer, spec, tree), spec, name, line)
                    for key, found in calls.items() for importer, spec, name, line in found
                    if not (spec == GET_APP and name in LAUNCH)]  # the App's own hooks ran at launch already
        wanted = {m: tree[m].blob for _k, m, _s, _n, _l in resolved if m is not None and m not in modules}
        if wanted:
            read = self.raw_facts(wanted.items())
            modules.update(with_dev_sockets({m: with_aliased_calls(m, f, aliases, tree) for m, f in read.items()},
                                            tree, aliases, self.text, resolve_module))
        held = {(app, n.split(".", 1)[0]): resolve_module(app, modules[app].app_members[n.split(".", 1)[0]], tree)
                for _k, app, spec, n, _l in resolved if spec in _HELD and app in modules and "." in n
                and n.split(".", 1)[0] in modules[app].app_members}
        more = {m: tree[m].blob for m in held.values() if m is not None and m not in modules}
        if more:
            modules.update(self.raw_facts(more.items()))
        out: dict[str, list[tuple[int, str, str, Export]]] = {}
        for key, module, spec, name, line in resolved:
            if module is None or module not in modules:
                continue
            target, where, as_name = modules[module].exports.get(name), module, name
            if target is None and spec in _HELD and "." in name:
                member, _, method = name.partition(".")
                if (held_module := held.get((module, member))) is not None and held_module in modules:  # its modules
                    module = where = held_module  # pass names on too (a store: its modules' actions)
                    target, as_name, name = modules[held_module].exports.get(method), method, method
            if target is None and modules[module].reexports:
                target, where, as_name = self._reexported(module, name, modules, tree)
            if target is None and spec not in _HELD:
                target, where, as_name = self._forwarded(module, name, modules, tree)
            if target is not None:
                out.setdefault(key, []).append((line, where, as_name, target))
        return out

    def _reexported(self, module: str, name: str, modules: dict[str, FileFacts],
                    tree: Mapping[str, TreeEntry]) -> tuple[Export | None, str, str]:
        """The wrapper that ``module`` passes on as ``name`` from another file (a barrel ``api/index.ts`` with
        ``export * from './pay'`` or ``export { pay as payOrder } from './pay'``), through up to :data:`_DEPTH`
        barrels: (its export, the module that defines it, its name there); (None, module, name) when none does.
        ``export *`` passes on every name but ``default`` (https://tc39.es/ecma262/#sec-exports); a member of an
        object passed on by name (``mediaApi.sendPicture`` through ``export { mediaApi } from './upload'``) is
        that object's member there."""
        frontier, seen = [(module, name)], {(module, name)}
        for _hop in range(_DEPTH):
            following = []
            for where, wanted in frontier:
                for spec, there, here in modules[where].reexports:
                    original = _passed_on(wanted, there, here)
                    if original is None:
                        continue
                    source = resolve_module(where, spec, tree)
                    if source is None or (source, original) in seen:
                        continue
                    seen.add((source, original))
                    if source not in modules:
                        modules.update(self.raw_facts([(source, tree[source].blob)]))
                    export = modules[source].exports.get(original) if source in modules else None
                    if export is not None:
                        return export, source, original
                    following.append((source, original))
            frontier = [f for f in following if f[0] in modules]
        return None, module, name

    def _forwarded(self, module: str, name: str, modules: dict[str, FileFacts],
                   tree: Mapping[str, TreeEntry]) -> tuple[Export | None, str, str]:
        """A member called on an object ``module`` offers that hands its members on to ``wx``
        (readers/forwarding.py): ``$wx.requestPayment`` of a named import, ``requestPayment`` of the default one,
        as (the export of that API, the module that makes the object, its name there); (None, module, name)
        when the object is no such one. The object may be passed on by barrels (``export let $wx = wxkit``)."""
        holder, _, member = name.rpartition(".")
        holder = holder or "default"
        if "." in holder:
            return None, module, name
        found, where, as_name = modules[module].exports.get(holder), module, holder
        if (found is None or not found.forwards) and modules[module].reexports:
            found, where, as_name = self._reexported(module, holder, modules, tree)
        made = found.member(member) if found is not None else None
        return (made, where, as_name) if made is not None else (None, module, name)

    @staticmethod
    def _module(importer: str, spec: str, tree: Mapping[str, TreeEntry]) -> str | None:
        return app_file(importer, tree, APP_NAMES if spec == GET_APP else VUE_ENTRIES) if spec in _HELD else \
            resolve_module(importer, spec, tree)


_HELD = (GET_APP, VUE_INSTANCE)  # calls through an object that holds project modules (the App, a Vue instance)


def with_aliased_calls(path: str, facts: FileFacts, aliases: Mapping[str, str],
                       tree: Mapping[str, TreeEntry]) -> FileFacts:
    """``facts`` of ``path`` with its scoped calls that one of the build's ``aliases`` resolves to a file of ``tree``
    added to its imported calls, relative to ``path`` (``@utils/http`` → ``../utils/http.js``) as any reader
    resolves them. A scoped specifier no alias names is an npm package: left out, as before."""
    folder = posixpath.dirname(path) or "."
    calls = tuple((rel if (rel := posixpath.relpath(target, folder)).startswith("../") else f"./{rel}", name, line)
                  for spec, name, line in facts.scoped_calls if (target := resolve_module(path, spec, tree, aliases)))
    return replace(facts, imported_calls=facts.imported_calls + calls) if calls else facts


def resolve_module(importer: str, spec: str, tree: Mapping[str, TreeEntry],
                   aliases: Mapping[str, str] | None = None) -> str | None:
    """The tree path a project import ``spec`` in file ``importer`` names, or None.

    ``aliases`` (prefix → repository path, ``readers/aliases.py``) are the build's own and tried first.

    Relative specifiers resolve from the importer's folder; root-absolute ones (``/utils/http``, the
    Mini Program root) and the ``@/`` / ``~/`` aliases from the importer's folder or one above it, then
    its ``src/`` — the first folder where the module exists wins, a ``src`` folder first: the aliases of the
    Vue CLI, Vite and Taro scaffolds name ``src/`` (``@/components`` is ``src/components``, not a page's own
    ``components/``). A bare path to a script file (``api/api.js``) resolves from the importer's folder, as
    ``require`` does, others from a module root in ``aliases`` (``readers/moduleroots.py``); ``index`` files too."""
    alias = max((key for key in aliases or () if spec == key or spec.startswith(key + "/")), key=len, default=None)
    if alias is not None and aliases is not None:
        bases = [posixpath.normpath(aliases[alias] + spec[len(alias):])]
    elif spec.startswith(".") or (spec.endswith(SCRIPT_SUFFIXES) and not spec.startswith(("@", "~", "/"))):
        bases = [posixpath.normpath(posixpath.join(posixpath.dirname(importer), spec))]
    elif spec.startswith(("@/", "~/", "/")):
        rest = spec.split("/", 1)[1]
        bases, folder = [], posixpath.dirname(importer)
        while True:
            bases += [posixpath.join(folder, rest), posixpath.join(folder, "src", rest)] if folder else \
                [rest, posixpath.join("src", rest)]
            if not folder:
                break
            folder = posixpath.dirname(folder)
    else:  # a bare path: a file under a module root the build declares, else a package
        bases = rooted(spec, aliases or {})
    bases.sort(key=lambda base: not _under_src(base, spec))  # stable: otherwise nearest first
    for base in bases:
        if base.startswith(".."):
            continue
        for suffix in _MODULE_SUFFIXES:
            candidate = base + suffix
            if candidate in tree and not tree[candidate].is_symlink:
                return candidate
    return None


class ExistingPaths(Mapping[str, TreeEntry]):
    """A tree as :func:`resolve_module` reads it, from a test of which paths exist (``exists_at_head``)."""

    def __init__(self, exists: Callable[[str], bool]) -> None:
        self._exists = exists

    def __getitem__(self, path: str) -> TreeEntry:
        if not self._exists(path):
            raise KeyError(path)
        return TreeEntry(path, "100644", "", 0)

    def __contains__(self, path: object) -> bool:
        return isinstance(path, str) and self._exists(path)

    def __iter__(self) -> Iterator[str]:
        return iter(())

    def __len__(self) -> int:
        return 0


def _under_src(base: str, spec: str) -> bool:
    """Whether ``base`` (a candidate of an alias ``spec``) puts the alias's root at a ``src`` folder."""
    if not spec.startswith(("@/", "~/")):
        return False
    root = base[: -len(spec.split("/", 1)[1])].rstrip("/")
    return root == "src" or root.endswith("/src")


def _passed_on(wanted: str, there: str, here: str) -> str | None:
    """The name in the source module of ``wanted`` passed on by one re-export (``there`` in the source, ``here``
    in the barrel, ``*`` for all or a namespace), or None when that re-export does not pass it on."""
    if here == "*":
        return None if wanted == "default" else wanted
    if here == wanted:
        return wanted if there == "*" else there
    name, dot, member = wanted.partition(".")
    if dot and here == name:  # mediaApi.sendPicture through export { mediaApi }, or export * as mediaApi
        return member if there == "*" else f"{there}.{member}"
    if not dot and here == "default" and there != "*":  # upload of export default new PhotoService()
        return f"{there}.{wanted}"
    return None
