"""One run of the analysis: git → ChangeSet → projects → facts → semantic diff → :class:`Report`.

This module is the glue; each step lives in its own module. It never touches the network or the working tree,
and never executes anything from the repository."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from msgspec import Struct, field
from msgspec.structs import replace

from mp_precheck.analyzers import REGISTRY, Analyzer, ProjectContext
from mp_precheck.analyzers.context import catalog_finding
from mp_precheck.core.baseline import Accepted, apply_baseline
from mp_precheck.core.catalog import Catalog, Rule
from mp_precheck.core.config import CONFIG_NAME, Config
from mp_precheck.core.configtwins import with_config_twins
from mp_precheck.core.configurls import with_config_reads
from mp_precheck.core.errors import MissingMergeBase, UserError
from mp_precheck.core.firstcalls import unreached_helpers
from mp_precheck.core.items import told_in_full
from mp_precheck.core.pathfilter import matches
from mp_precheck.core.reachability import dropped_imports, without_unloaded_scripts
from mp_precheck.core.regionpick import with_chosen_regions
from mp_precheck.core.registration import registered_now, unshipped_at_base
from mp_precheck.core.relaxation import relaxation_findings, suppression_relaxations
from mp_precheck.core.report import FileError, Finding, ProjectInfo, Removed, Report, Status, sort_findings
from mp_precheck.core.retired import retired_pages
from mp_precheck.core.revived import with_revived_tags
from mp_precheck.core.secrets import redact
from mp_precheck.core.semantic_diff import Addition, compare
from mp_precheck.core.suppression import DIRECTIVE, apply_suppressions, find_suppressions
from mp_precheck.core.unparsed import as_last_parsed, earlier_versions, known_removals
from mp_precheck.core.unread import file_errors, gone_at_head, one_per_file, project_errors, unfollowed
from mp_precheck.core.urlhelpers import without_uncalled_url_helpers
from mp_precheck.core.vocabulary import FAMILIES
from mp_precheck.facts.cache import FactCache, verdict_access
from mp_precheck.facts.callers import Callers
from mp_precheck.facts.extract import flavour, project_reads
from mp_precheck.facts.known import Known
from mp_precheck.facts.linked import Linked, linked_changes
from mp_precheck.facts.model import API_SOCKET, FileFacts
from mp_precheck.facts.presence import needles
from mp_precheck.facts.scope import facts_reader, project_facts
from mp_precheck.facts.scriptnames import defined_names
from mp_precheck.facts.store import FactStore
from mp_precheck.facts.vendored import shipped_projects
from mp_precheck.git.changeset import FileChange, base_tree_from, read_changeset
from mp_precheck.git.repo import EMPTY_TREE, GitRepo, TreeEntry
from mp_precheck.notes.pagetitles import page_of, shown_title
from mp_precheck.readers.buildtwins import without_compiled
from mp_precheck.readers.conditional import native_files
from mp_precheck.readers.discovery import Project, is_marker
from mp_precheck.readers.finclip import finclip_files
from mp_precheck.readers.logo import IMAGE_SUFFIXES
from mp_precheck.readers.urls import find_urls

# Families whose catalog and analysis exist; the others answer "not_checked".
ANALYSED_FAMILIES = frozenset(FAMILIES)


class RunOptions(Struct, frozen=True):
    """What to analyse and how to word it. ``language`` is ``zh-CN`` or ``en``; ``config`` holds the
    backend records, rule switches and path excludes; ``baseline`` the accepted findings by fingerprint."""

    language: str = "zh-CN"
    config: Config = field(default_factory=Config)
    baseline: dict[str, Accepted] = field(default_factory=dict)
    progress: Callable[[int, int], None] | None = None  # (files done, files to do) as facts are read
    config_path: str | None = CONFIG_NAME  # the config file the run uses, in the repository (None: outside it)
    release: bool = False  # a release's notes: what the whole app at head asks of the reviewer counts (a test account)

    @property
    def exclude(self) -> tuple[str, ...]:
        return self.config.exclude


def analyze(repo: GitRepo, base_rev: str, head_rev: str, catalog: Catalog,
            options: RunOptions | None = None, cache: FactCache | None = None,
            registry: Sequence[tuple[str, Analyzer]] = REGISTRY) -> tuple[Report, FactStore]:
    """Compare ``base_rev`` (through its merge base with head) with ``head_rev``. ``base_rev`` may be
    :data:`~mp_precheck.git.repo.EMPTY_TREE` (a first release: everything in head is added).

    Returns the report and the fact store (its ``blobs_parsed`` counts the parsing work done). With ``cache``, facts
    of blobs parsed by an earlier run are read from it instead of parsed again. ``registry`` is the analyzers to run,
    in order (:data:`mp_precheck.analyzers.REGISTRY`); one that raises is in the report's ``errors``, the rest run.

    Raises:
        UnknownRevision: a revision does not exist.
        MissingMergeBase: base and head share no history.
        UserError: no Mini Program in either revision, or git failed.
    """
    options = options or RunOptions()
    head = repo.resolve(head_rev)
    first = base_rev == EMPTY_TREE  # base = the empty tree: a first release, everything head has is new
    base = EMPTY_TREE if first else repo.resolve(base_rev)
    store = FactStore(repo, cache, options.progress)
    if base == head:
        return _empty(base, head, "same_commit"), store
    merge_base = EMPTY_TREE if first else repo.merge_base(base, head)
    if merge_base is None:
        shallow = " (the clone is shallow: fetch the history, e.g. actions/checkout with fetch-depth: 0)" \
            if repo.is_shallow() else ""
        raise MissingMergeBase(f"{base_rev} and {head_rev} have no common ancestor{shallow}")
    if merge_base == head:
        return _empty(base, head, "already_contained"), store
    run, head_projects, base_projects = _read_revisions(repo, store, merge_base, head)
    if not head_projects and not base_projects:
        raise UserError(f"no Mini Program found at {head_rev}: no project.config.json, app.json (next to app.js), "
                        "pages.json, app.config.js, app.mpx, app.wpy, miniprogram.config.js, a weapp-vite config's "
                        "srcRoot with app.json or app.vue, nor app.js or a pages folder with .wxml files below it, "
                        "outside node_modules")
    findings, removed, errors, touched = list[Finding](), list[Removed](), list[FileError](), 0
    for project, base_project in _pair(head_projects, base_projects):
        errors.extend(project_errors(project, run.head_tree))
        result = _analyse_project(run, project, base_project, catalog, options, registry)
        if result is not None:
            findings.extend(result.findings)
            removed.extend(result.removed)
            errors.extend(result.errors)
            touched += result.touched
    if first:  # nothing existed before: an analyzer's other place of something is new to the app too
        findings = [replace(f, scope="app") if f.scope == "file" else f for f in findings]
    findings = _after_analysis(run, findings, catalog, options)
    # A change to the checks themselves (a relaxed or broken config) is told even when no app file changed.
    status: Status | None = None if touched or findings else "no_mini_program_change" \
        if head_projects or not base_projects else "mini_program_removed"  # the whole app deleted: say so
    return Report(
        base=merge_base, head=head, projects=tuple(_project_info(p, findings, store.reader(run.head_tree))
                                                   for p in head_projects),
        findings=tuple(sort_findings(_dedupe(findings))),
        removed=tuple(removed), errors=tuple(one_per_file(errors)), status=status,
        analysed_families=_analysed(options.config, errors), changed_files=len(run.changes) + run.unshipped), store


class _Run(Struct, frozen=True):
    """What one run reads once and every project shares: the change and both trees."""

    repo: GitRepo
    store: FactStore
    head: str
    merge_base: str
    changes: tuple[FileChange, ...]  # outside node_modules folders; ``unshipped`` counts those (git/changeset.py)
    head_tree: dict[str, TreeEntry]
    base_tree: dict[str, TreeEntry]
    projects: tuple[Project, ...] = ()  # the Mini Programs at head
    unshipped: int = 0


class _ProjectResult(Struct, frozen=True):
    findings: list[Finding]
    removed: list[Removed]
    errors: list[FileError]
    touched: int  # changed files of the project that were read


def _read_revisions(repo: GitRepo, store: FactStore, merge_base: str,
                    head: str) -> tuple[_Run, list[Project], list[Project]]:
    """The change set, both trees and the projects of head and of the merge base."""
    head_tree = {e.path: e for e in repo.ls_tree(head)}  # node_modules at head: list the change's files there apart
    changes = read_changeset(repo, merge_base, head, unshipped=any("node_modules/" in path for path in head_tree))
    head_projects = shipped_projects(repo, head, head_tree, store.reader(head_tree))
    if any(is_marker(path, head_projects) for f in changes.files for path in (f.path, f.old_path) if path):
        base_tree = {e.path: e for e in repo.ls_tree(merge_base)}
        base_projects = shipped_projects(repo, merge_base, base_tree, store.reader(base_tree))
    else:
        # No project file changed: base has head's projects and tree, changes undone (no second 40,000-entry listing)
        base_tree = base_tree_from(head_tree, changes.files + changes.unshipped)
        base_projects = head_projects
    head_tree, base_tree = without_compiled(head_tree, head_projects), without_compiled(base_tree, base_projects)
    native, finclip = native_files(head_projects + base_projects), finclip_files(
        head_projects + base_projects, {*head_tree, *base_tree})  # FinClip's marks: readers/finclip.py
    store.flavour = lambda path: flavour(native(path), finclip(path))
    return _Run(repo, store, head, merge_base, changes.files, head_tree, base_tree, tuple(head_projects),
                len(changes.unshipped)), head_projects, base_projects


def _analyse_project(run: _Run, project: Project, base_project: Project | None, catalog: Catalog,
                     options: RunOptions, registry: Sequence[tuple[str, Analyzer]]) -> _ProjectResult | None:
    """Facts, semantic diff and analyzers for one project; None when the change does not touch it."""
    files = run.changes
    linked = Linked(run.repo, run.store, run.head, run.head_tree, project, run.projects,
                    run.store.reader(run.head_tree)) if project.root or project.source_root else None
    # files outside the root the project imports (a monorepo's common/) are the app's too
    outside = linked_changes(files, linked, Linked(run.repo, run.store, run.merge_base, run.base_tree, base_project,
                                                   run.projects, run.store.reader(run.base_tree))
                             if base_project is not None and (base_project.root or base_project.source_root)
                             else None)
    registered = registered_now(project, base_project, run.head_tree, files, run.repo, run.head, run.merge_base)
    shipped = {f.new_path for f in registered}  # pages the change registers: their base files were not in the app
    head_changed = [f for f in files if f.new_path not in shipped and (
        f in outside or _owned(project, f.new_path, f.new_blob, f.new_mode, options))] + registered
    base_changed = [f for f in (*files, *registered) if base_project is not None and f.old_path not in shipped and (
        f in outside or _owned(base_project, f.old_path, f.old_blob, f.old_mode, options))]
    images = [f for f in files if f.new_path and f.new_blob and project.owns(f.new_path)
              and f.new_path.lower().endswith(IMAGE_SUFFIXES) and not _excluded(f.new_path, options.exclude)]
    links = unfollowed(files, project, lambda path: _excluded(path, options.exclude), run.head_tree, base_project)
    if not head_changed and not base_changed and not images and not links:
        return None
    head_facts = project_facts(run.store, [(f.new_path, f.new_blob) for f in head_changed
                                           if f.new_path and f.new_blob], run.head_tree, project)
    base_facts = _base_facts(run, base_changed, base_project)
    added = [f.new_path for f in head_changed if f.new_path and not f.old_path]
    counterpart = {f.new_path: f.old_path for f in head_changed if f.new_path}
    head_facts = without_unloaded_scripts(project, head_facts, added, run.head_tree, run.repo, run.store, run.head,
                                          dropped_imports(base_facts, head_facts, counterpart, run.base_tree, project))
    base_facts = unshipped_at_base(base_project, base_facts, base_changed, run.repo, run.store, run.base_tree,
                                   run.merge_base)
    head_facts = with_chosen_regions(project, head_facts, run.head_tree, run.repo, run.head)  # selected regions
    errors = file_errors(head_facts) + gone_at_head(file_errors(base_facts), head_facts) + links
    changed_paths = {f.new_path for f in (*files, *head_changed) if f.new_path}

    def unchanged(path: str) -> bool:
        return (entry := run.head_tree.get(path)) is not None and path not in changed_paths \
            and _owned(project, path, entry.blob, entry.mode, options)

    present_elsewhere = Known(run.repo, run.store, run.head, run.head_tree, project, unchanged, changed_paths, linked)
    added_lines = {f.new_path: f.added_lines for f in head_changed if f.new_path}
    base_facts = with_revived_tags(base_facts, head_facts, counterpart, added_lines, run.store.reader(run.head_tree),
                                   run.store.reader(run.base_tree))  # tags uncommented unchanged were there
    writers, by = Callers(run.repo, run.head, run.store, run.head_tree, project).writers, (run.store, run.head_tree)
    reached = without_uncalled_url_helpers(unreached_helpers(head_facts, counterpart, writers), writers, *by)
    live_head = with_config_reads(reached, writers, *by)  # URLs only copied, shown or pictured: no servers
    base_twins = with_config_twins(base_facts, live_head, counterpart, run.store.reader(run.base_tree))
    additions, removals = compare(live_head, base_twins, counterpart=counterpart, added_lines=added_lines,
                                  present_elsewhere=present_elsewhere, catalog=catalog,
                                  greppable=lambda s: bool(needles(s)),
                                  retired=retired_pages(base_facts, counterpart, base_project, project),
                                  callers=Callers(run.repo, run.merge_base, run.store, run.base_tree, base_project))
    findings = [_finding(a, catalog, options.language, project.root) for a in additions]
    findings.extend(_derived(additions, catalog, options.language, project.root))
    context = replace(_context(run, project, head_facts, present_elsewhere, catalog, options), base_facts=base_facts,
                      counterpart=counterpart, added_lines=added_lines, base_pages=getattr(base_project, "pages", ()))
    findings, failures = run_analyzers(context, findings, registry)
    return _ProjectResult(findings, [Removed(r.rule.id, r.rule.family, r.subject, r.path, r.line) for r in
                                     known_removals(removals, lambda r: r.path, head_facts, counterpart)],
                          errors + failures, len(head_changed) + len(base_changed) + len(images))


def _base_facts(run: _Run, changed: list[FileChange], project: Project | None) -> dict[str, FileFacts]:
    """The facts of the ``changed`` files' base versions; a base app configuration nothing could be read from as its
    last version that parses (``core/unparsed.py``)."""
    def facts(files: list[tuple[str, str]]) -> dict[str, FileFacts]:
        return project_facts(run.store, files, run.base_tree, project)

    earlier = earlier_versions(run.repo, run.merge_base, lambda path, blob: facts([(path, blob)]).get(path))
    return as_last_parsed(facts([(f.old_path, f.old_blob) for f in changed if f.old_path and f.old_blob]),
                          getattr(project, "app_config", None), earlier)


def _context(run: _Run, project: Project, head_facts: Mapping[str, FileFacts], present_elsewhere: Callable[[set[str]],
             set[str]], catalog: Catalog, options: RunOptions) -> ProjectContext:
    """The analyzers' view of one project at head, its queries bound to this run's trees."""
    def present_at_head(subjects: set[str]) -> set[str]:
        in_change = {f.subject for ff in head_facts.values() for f in ff.facts if f.subject in subjects}
        return in_change | present_elsewhere(subjects - in_change)

    cached_verdicts, keep_verdicts = verdict_access(run.store.disk, run.head_tree)
    # git grep -I reads a binary file before skipping it: added files git diff found binary are left out by name.
    binary = [f":(exclude,literal){f.new_path}" for f in run.changes if f.binary and f.status == "added" and f.new_path]
    return ProjectContext(project=project, head_facts=head_facts, config=options.config, catalog=catalog,
        language=options.language, present_at_head=present_at_head, script_names=defined_names(run.store.disk),
        facts_at_head=facts_reader(run.store, run.head_tree, project),
        repo_grep=lambda names: run.repo.grep_needles(run.head, names, binary if len(binary) <= 2000 else []),
        grep_files=lambda names, paths: run.repo.grep_needles(run.head, names, [f":(literal){p}" for p in paths]),
        read_head=run.store.reader(run.head_tree), head_paths=run.head_tree.keys(),
        changed_paths=frozenset(f.new_path for f in run.changes if f.new_path and f.new_blob),
        read_head_bytes=_bytes_reader(run.repo, run.head_tree), exists_at_head=run.head_tree.__contains__,
        read_base=run.store.reader(run.base_tree), cached_verdicts=cached_verdicts, keep_verdicts=keep_verdicts,
        finclip=lambda path: run.store.flavour(path).endswith("/finclip"), release=options.release)


def run_analyzers(context: ProjectContext, findings: list[Finding],
                  registry: Sequence[tuple[str, Analyzer]]) -> tuple[list[Finding], list[FileError]]:
    """Run ``registry`` in order over one project's findings. An analyzer that raises leaves the findings as
    they were before it and becomes one error line naming it (at the project's app configuration); the
    ones after it still run. Returns (findings, errors)."""
    errors = []
    for name, analyzer in registry:
        try:
            findings = analyzer(context, list(findings))
        except Exception as exc:  # any bug in one analyzer must not end the run
            where = context.project.app_config or context.project.root
            detail = redact(" ".join(str(exc).split())[:200])  # one line; never a secret of the repository
            errors.append(FileError(where, f"analyzer {name} failed ({type(exc).__name__}"
                                           f"{': ' + detail if detail else ''}); its checks were skipped"))
    return findings, errors


def _after_analysis(run: _Run, findings: list[Finding], catalog: Catalog, options: RunOptions) -> list[Finding]:
    """Config switches, ``mp-precheck-ignore`` directives, the baseline, then relaxations of the checks."""
    findings = _configured(findings, options.config)
    changed = [f.new_path for f in run.changes if f.new_path and f.new_blob and not f.binary]
    # Look for directives in the changed files only (a whole-tree grep costs ~0.2 s on 40,000 files).
    scope = [f":(literal){p}" for p in changed] if len(changed) <= 2000 else []
    with_directives = set(run.repo.grep_needles(run.head, {DIRECTIVE}, scope)) if changed else set()
    findings = _suppressed(findings, run.changes, run.store, catalog, options.language, with_directives)
    findings = apply_baseline(findings, options.baseline)
    return findings + relaxation_findings(run.repo, run.merge_base, run.head, catalog, options.language,
                                          options.config_path)


def _suppressed(findings: list[Finding], files: tuple[FileChange, ...], store: FactStore, catalog: Catalog,
                language: str, with_directives: set[str]) -> list[Finding]:
    """Apply ``mp-precheck-ignore`` directives of the changed files (``with_directives``: the files of head
    that mention the directive at all, from one ``git grep``); report stale, reasonless and new ones."""
    suppressions = []
    added: dict[str, frozenset[int]] = {}
    for change in files:
        if change.new_path in with_directives and change.new_blob and not change.binary:
            text = store.text(change.new_blob)
            if text:
                suppressions += find_suppressions(change.new_path, text)
                added[change.new_path] = change.added_lines
    if not suppressions:
        return findings
    findings, missing_reason, unused = apply_suppressions(findings, suppressions)
    for s in missing_reason:
        findings.append(catalog_finding(catalog, language, "policy.suppression_without_reason", s.rule, s.path, s.line))
    for s in unused:
        if s.line in added.get(s.path, frozenset()):
            findings.append(catalog_finding(catalog, language, "policy.unused_suppression", s.rule, s.path, s.line))
    for s in suppression_relaxations(suppressions, added):
        if s.reason:
            findings.append(catalog_finding(catalog, language, "policy.relaxes_check", f"suppression:{s.rule}",
                                            s.path, s.line, value=f"mp-precheck-ignore {s.rule}: {s.reason}"))
    return findings


def _analysed(config: Config, errors: list[FileError]) -> frozenset[str]:
    """Families whose question can be answered "no": a category change can only be ruled out against the
    categories the backend declares (config ``categories``); none of those an unread head file leaves open (its
    ``families``; all when it names none; the unread base version of a file head lacks leaves the change read)."""
    unread = {f for e in errors if not e.base_only for f in e.families or FAMILIES}
    return ANALYSED_FAMILIES - unread - ({"category"} if config.categories is None else set())


def _empty(base: str, head: str, status: Status) -> Report:
    return Report(base=base, head=head, projects=(), findings=(), analysed_families=ANALYSED_FAMILIES, status=status)


def _project_info(project: Project, findings: list[Finding], read_text: Callable[[str], str | None]) -> ProjectInfo:
    """What the report keeps of a project: the titles of the pages the findings the notes name are in (told in
    full: new to the app, or a high new call site), so every page the notes name is named by its title."""
    pages = sorted({page for f in findings if told_in_full(f) and f.project == project.root
                    and (page := page_of(f.path, project.root, project.pages)) is not None})
    titles = ((page, shown_title(page, project.root, project.framework, read_text)) for page in pages)
    return ProjectInfo(project.root, project.framework, project.pages,
                       tuple((page, title) for page, title in titles if title and page))


def _bytes_reader(repo: GitRepo, tree: Mapping[str, TreeEntry]) -> Callable[[Sequence[str]], dict[str, bytes | None]]:
    def read_bytes(paths: Sequence[str]) -> dict[str, bytes | None]:
        entries = {p: e for p in paths if (e := tree.get(p)) is not None and not e.is_symlink and not e.is_submodule
                   and e.size <= 4_000_000}
        found = repo.read_blobs(e.blob for e in entries.values()) if entries else {}
        return {p: found.get(entries[p].blob) if p in entries else None for p in paths}
    return read_bytes


def _pair(head: list[Project], base: list[Project]) -> list[tuple[Project, Project | None]]:
    """Match each head project with its base version: same root, else same appid, else the only one left."""
    pairs: list[tuple[Project, Project | None]] = []
    by_root = {p.root: p for p in base}
    left = [p for p in base if p.root not in {h.root for h in head}]
    unmatched: list[Project] = []
    for project in head:
        if project.root in by_root:
            pairs.append((project, by_root[project.root]))
        else:
            unmatched.append(project)
    for project in unmatched:
        match = next((b for b in left if project.appid and b.appid == project.appid), None)
        if match is None and len(unmatched) == 1 and len(left) == 1:
            match = left[0]
        if match is not None:
            left.remove(match)
        pairs.append((project, match))
    return pairs


def _owned(project: Project, path: str | None, blob: str | None, mode: str | None, options: RunOptions) -> bool:
    """Whether ``project`` reads the file (``project_reads``; no symlink or submodule) and the config keeps it."""
    return bool(path and blob) and mode not in ("120000", "160000") and project_reads(project, path or "") \
        and not _excluded(path or "", options.exclude)


def _excluded(path: str, patterns: tuple[str, ...]) -> bool:
    return bool(patterns) and matches(path, patterns)


def _finding(addition: Addition, catalog: Catalog, language: str, project_root: str,
             rule: Rule | None = None) -> Finding:
    rule = rule or addition.rule
    privacy = catalog.privacy_type(rule.privacy_key)
    severity = rule.severity if addition.scope == "app" or rule.every_use else "low"
    return Finding(rule=rule.id, family=rule.family, severity=severity, subject=addition.subject, scope=addition.scope,
        path=addition.path, line=addition.fact.line, title=rule.title[language], fix=rule.fix[language],
        doc=rule.doc, privacy_type=privacy.label if privacy else None, privacy_key=privacy.key if privacy else None,
        value=addition.fact.value, project=project_root,
        usage=addition.fact.role if addition.fact.kind == "host" or addition.fact.role == API_SOCKET else None)


def _derived(additions: list[Addition], catalog: Catalog, language: str, project_root: str) -> list[Finding]:
    """Findings that qualify an addition: a new host that is plain http, an IP address or localhost."""
    out = []
    for addition in additions:
        fact = addition.fact
        if fact.kind != "host" or addition.scope != "app" or not fact.value:
            continue
        urls = find_urls(fact.value)
        if urls and (urls[0].insecure or urls[0].is_ip_or_local):
            try:
                rule = catalog.rule("external_link.insecure_url")
            except KeyError:
                continue
            out.append(_finding(addition, catalog, language, project_root, rule))
    return out


def _configured(findings: list[Finding], config: Config) -> list[Finding]:
    """Rule switches and severity overrides of the config. A severity the config gives a rule is that rule's
    severity in every finding of it: it wins over the lowering of a new call site (``scope: file``) and over
    any analyzer's, since the team set it knowing both."""
    out = []
    for f in findings:
        if not config.rule_enabled(f.rule):
            continue
        if f.rule in config.rules:
            f = replace(f, severity=config.severity_of(f.rule, f.severity))
        out.append(f)
    return out


def _dedupe(findings: list[Finding]) -> list[Finding]:
    first: dict[tuple[str, str, str, int], Finding] = {}
    for f in findings:
        first.setdefault((f.rule, f.subject, f.path, f.line), f)
    return list(first.values())

