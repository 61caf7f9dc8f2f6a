"""The application layer: check one change, draft one release's notes, accept the current findings.

The ``mp-precheck`` command, the GitHub Action (:mod:`mp_precheck.hosts.github`) and GitLab CI
(:mod:`mp_precheck.hosts.gitlab.ci`) all call these functions with their ports: the checkout as a
:class:`~mp_precheck.git.repo.GitRepo`, where the config comes from as a :class:`ConfigSource`, and a
``log`` function for side remarks. Nothing here reads the environment, writes a file or prints.

Precedence for every setting: the caller's value (flag or action input) > the config > the default. The
config and the baseline are read **at the base revision** (the merge base of base and head), so a pull
request cannot relax its own check; a release reads them at its tag, the config it ships with.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeAlias

from msgspec import Struct
from msgspec.structs import replace

from mp_precheck.core.analysis import RunOptions, analyze
from mp_precheck.core.baseline import BASELINE_NAME, Accepted, holds_secret, parse_baseline, render_baseline
from mp_precheck.core.catalog import Catalog, load_catalog
from mp_precheck.core.config import (
    CONFIG_NAME,
    DEFAULT_TAG_PATTERN,
    Config,
    KnownNames,
    known_names,
    parse_config,
)
from mp_precheck.core.errors import ConfigError, UserError
from mp_precheck.core.messages import Messages
from mp_precheck.core.report import Finding, Report
from mp_precheck.facts.cache import FactCache
from mp_precheck.git.repo import EMPTY_TREE, GitRepo
from mp_precheck.outputs.progress import ProgressCallback
from mp_precheck.readers.textcodec import UndecodableFile, decode

if TYPE_CHECKING:
    from mp_precheck.notes.changelog import PullInfo
    from mp_precheck.notes.release import ReleaseDraft
    from mp_precheck.notes.submission import Notes

Log = Callable[[str], None]
PullLookup: TypeAlias = "Callable[[list[int]], dict[int, PullInfo]]"  # PullInfo loads with the notes
"""Merged pull requests by number → their titles and labels (those it cannot read are left out)."""


class Run(Struct, frozen=True):
    """A finished analysis with the settings it used."""

    report: Report
    catalog: Catalog
    config: Config
    language: str
    blobs_parsed: int = 0
    drafted: Notes | None = None  # the notes before rendering (report.notes is the rendered text)


class ConfigSource(Protocol):
    """Where the config comes from."""

    def read(self, repo: GitRepo, at: str) -> tuple[bytes, str] | None:
        """The config file's bytes and the name an error calls it by, with the settings revision ``at``
        (a full commit id, or :data:`~mp_precheck.git.repo.EMPTY_TREE`); None: use the defaults.

        Raises: ConfigError when a file that must be there is missing or unreadable.
        """
        ...

    def path_in(self, repo: GitRepo) -> str | None:
        """The config file's path in the repository (``/``-separated), whose change a pull request is
        told about when it relaxes the check; None when the file is outside the repository."""
        ...


class DefaultConfig(Struct, frozen=True):
    """``.mp-precheck.yml`` at the settings revision; the defaults when it is not there."""

    def read(self, repo: GitRepo, at: str) -> tuple[bytes, str] | None:
        data = repo.read_file(at, CONFIG_NAME)
        if data is None:
            return None
        return data, (f"{CONFIG_NAME} (at {at[:7]}, the base revision; a change that fixes it is checked with "
                      "the defaults, or pass --config)")

    def path_in(self, repo: GitRepo) -> str | None:
        return CONFIG_NAME


class ConfigFile(Struct, frozen=True):
    """A config file on disk (``--config``), read as it is now, whatever the revisions."""

    path: str

    def read(self, repo: GitRepo, at: str) -> tuple[bytes, str] | None:
        try:
            return Path(self.path).read_bytes(), self.path
        except OSError as exc:
            raise ConfigError(f"{self.path}: cannot read the config file ({exc.strerror})") from exc

    def path_in(self, repo: GitRepo) -> str | None:
        try:
            return Path(self.path).resolve().relative_to(repo.path.resolve()).as_posix()
        except ValueError:
            return None


class RepositoryConfig(Struct, frozen=True):
    """A config at another path of the repository (the Action's ``config`` input), read from git at the
    settings revision: never from the working tree, which holds the change under check.

    ``path`` is relative to the repository root (``/``-separated); ``missing(at)`` is the error line when
    revision ``at`` lacks it.
    """

    path: str
    missing: Callable[[str], str]

    def read(self, repo: GitRepo, at: str) -> tuple[bytes, str] | None:
        data = repo.read_file(at, self.path)
        if data is None:
            raise ConfigError(self.missing(at))
        return data, f"{self.path} (at {at[:7]})"

    def path_in(self, repo: GitRepo) -> str | None:
        return self.path


DEFAULT_CONFIG = DefaultConfig()


def check_change(repo: GitRepo, base: str | None, head: str, *, config: ConfigSource = DEFAULT_CONFIG,
                 language: str | None = None, cache: str | None = None, config_rev: str | None = None,
                 progress: ProgressCallback | None = None, log: Log | None = None, notes: bool = True,
                 release: bool = False) -> Run:
    """Analyse the change ``base`` → ``head`` with settings resolved by precedence and draft its notes.

    Inputs: ``base`` a revision, :data:`~mp_precheck.git.repo.EMPTY_TREE` (a first release) or None (the
    default branch); ``config`` where the config comes from, read at the merge base, or at ``config_rev``
    when given (a release reads its tag's); ``language`` zh-CN or en (None: the config's, else zh-CN);
    ``cache`` a SQLite file keeping parsed facts between runs; ``progress(done, total)`` called as files
    are read; ``log`` receives a line when the cache cannot be used; ``notes=False`` when the caller shows
    no notes (a report format without them): none are drafted, and the commit log, the notes modules and
    Jinja are not loaded; ``release`` when the run drafts the notes of a version to submit (the ``notes`` command,
    a release tag): the reviewer meets the whole app at head, so what it asks of them (a test account for a
    password login it already had) counts, not only what the range adds. Output: a :class:`Run` whose
    ``report.notes`` holds the rendered submission notes ("" and ``drafted`` None without ``notes``).

    Raises:
        UserError: any problem the user can fix (ConfigError, UnknownRevision, MissingMergeBase...).
    """
    defaulted = base is None
    base = base or default_base(repo)
    at = config_rev or settings_revision(repo, base, head)
    catalog = load_catalog()
    settings = _settings(repo, config, at, head, known_names(catalog), log)
    language = language or settings.language or "zh-CN"
    accepted = _accepted(repo, at, head, log)
    disk = FactCache(cache) if cache else None
    try:
        options = RunOptions(language=language, config=settings, baseline=accepted, progress=progress,
                             config_path=config.path_in(repo), release=release)
        report, store = analyze(repo, base, head, catalog, options, disk)
    finally:
        if disk is not None:
            disk.close()
    if disk is not None and disk.problem and log is not None:
        log(f"mp-precheck: {disk.problem}")
    if defaulted and report.status in ("same_commit", "already_contained") and log is not None:
        # run on the default branch itself (or a clone whose origin/HEAD is this branch): say where base came from
        log(f"mp-precheck: no --base given, so the change was compared with the default branch {base}, which "
            f"already holds {head}; pass --base with the branch the change is for")
    if not notes:
        return Run(report, catalog, settings, language, store.blobs_parsed)
    # Loaded here: a run whose output shows no notes never drafts them (~20 ms of imports).
    from mp_precheck.notes.changelog import entries_from_commits, read_commits
    from mp_precheck.notes.submission import draft_notes
    from mp_precheck.outputs.notestext import render_notes

    unnamed: list[str] = []  # changes whose messages name nothing
    entries = entries_from_commits(read_commits(repo, report.base, report.head), settings.notes.get("types"),
                                   settings.notes.get("labels"), shipped=_shipped(report), page=_page_files(report),
                                   unnamed=unnamed) if report.base != report.head else []
    drafted = draft_notes(report, entries, catalog, Messages(language), unnamed=len(unnamed))
    text = render_notes(drafted, language, settings.notes.get("test_account"))
    return Run(replace(report, notes=text), catalog, settings, language, store.blobs_parsed, drafted)


def check_range_notes(repo: GitRepo, base: str | None, head: str, *, config: ConfigSource = DEFAULT_CONFIG,
                      language: str | None = None, cache: str | None = None) -> Run:
    """:func:`check_change` for drafting the notes of the range ``base`` → ``head``: the same output, for a version
    to submit (``release``: the whole app's test account counts).

    Raises:
        UserError: as :func:`check_change`, and when ``head`` adds no commit to ``base`` (nothing to describe).
    """
    run = check_change(repo, base, head, config=config, language=language, cache=cache, release=True)
    if run.report.status in ("same_commit", "already_contained"):
        raise UserError(f"empty range: {head} adds no commit to {base or 'the default branch'}, so there is "
                        "nothing to describe; check --base and --head")
    return run


def draft_release_notes(repo: GitRepo, tag: str, *, tag_pattern: str | None = None, base: str | None = None,
                        config: ConfigSource = DEFAULT_CONFIG, language: str | None = None,
                        cache: str | None = None, pulls: PullLookup | None = None, warn: Log | None = None,
                        ) -> tuple[Run, ReleaseDraft]:
    """Analyse release ``tag`` and draft its notes.

    The config and the baseline are read **at the tag**: a release is not a pull request, and the tag's
    config has its tag pattern. The range is the previous tag matching ``tag_pattern`` (>
    ``notes.tag_pattern`` > ``v*``) → ``tag``, or ``base`` → ``tag`` when given. ``pulls`` looks up merged
    pull requests by number (titles and labels from the API); without it titles come from the merge and
    squash commits. ``warn`` receives lines about how the range was chosen. Output: the run (its
    ``report.notes`` the rendered notes) and the :class:`~mp_precheck.notes.release.ReleaseDraft`.

    Raises:
        ReleaseError: no such tag, a shallow clone, a tag outside the pattern, or an empty range (the tag on
            the previous release's commit, or no commit between them).
        UserError: any other problem the user can fix.
    """
    # Loaded here: a pull request's run never drafts a release.
    from mp_precheck.notes.changelog import entries_from_commits, pull_numbers, read_commits
    from mp_precheck.notes.release import (
        ReleaseDraft,
        ReleaseError,
        explicit_range,
        find_range,
        tag_commit,
        tag_name,
    )

    name = tag_name(tag)
    head = tag_commit(repo, name)
    settings = load_config(repo, config, head)
    pattern = tag_pattern or settings.notes.get("tag_pattern") or DEFAULT_TAG_PATTERN
    rng = explicit_range(repo, name, base) if base else find_range(repo, name, pattern)
    for line in rng.notices:
        if warn is not None:
            warn(line)
    commits = read_commits(repo, rng.base, rng.head)
    if not commits:
        raise ReleaseError(f"empty range: {name} adds no commit to {rng.previous}, so there is nothing to describe")
    run = check_change(repo, rng.base, rng.head, config=config, language=language, cache=cache, config_rev=rng.head,
                       release=True)
    found = pulls(pull_numbers(commits)) if pulls is not None else {}
    unnamed: list[str] = []
    entries = entries_from_commits(commits, settings.notes.get("types"), settings.notes.get("labels"), found,
                                   shipped=_shipped(run.report), page=_page_files(run.report), unnamed=unnamed)
    from mp_precheck.notes.submission import draft_notes
    from mp_precheck.outputs.notestext import render_notes

    notes = draft_notes(run.report, entries, run.catalog, Messages(run.language), unnamed=len(unnamed))
    text = render_notes(notes, run.language, settings.notes.get("test_account"))
    draft = ReleaseDraft(rng, len(commits), tuple(entries), notes, text, notes.feedback)
    return replace(run, report=replace(run.report, notes=text), drafted=notes), draft


class Accepting(Struct, frozen=True):
    """A baseline to write: its text, how many findings it newly accepts, and the secret findings left out."""

    text: str
    count: int
    secrets_left_out: tuple[Finding, ...] = ()


def accept_findings(repo: GitRepo, base: str | None, head: str, *, reason: str, previous: str | None,
                    where: str, config: ConfigSource = DEFAULT_CONFIG, language: str | None = None,
                    accept_secrets: bool = False) -> Accepting:
    """The baseline that accepts the active findings of ``base`` → ``head``: the text of
    ``.mp-precheck-baseline.json`` and how many findings it accepts. ``previous`` is the current baseline's
    text (None: there is none; its entries keep their dates and reasons), ``where`` its name in errors.
    A relaxed check (``policy.relaxes_check``) is never accepted. A secret in client code (a ``secret:``
    subject) stays exploitable whatever a baseline says — the package can be unpacked
    (https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/user-login/code2Session.html) —, so secret
    findings are left out (and returned) unless ``accept_secrets``.

    Raises:
        UserError: ``reason`` is blank, or as :func:`check_change`. ConfigError: ``previous`` is malformed.
    """
    if not reason.strip():
        raise UserError("--reason must say why these findings are accepted (it is shown in every later report)")
    run = check_change(repo, base, head, config=config, language=language)
    accepted = parse_baseline(previous, where) if previous is not None else {}
    active = [f for f in run.report.findings if not f.suppressed and f.rule != "policy.relaxes_check"]
    secrets = tuple(f for f in active if holds_secret(f)) if not accept_secrets else ()
    active = [f for f in active if f not in secrets]
    return Accepting(render_baseline(active, accepted, reason), len(active), secrets)


def _shipped(report: Report) -> Callable[[str], bool] | None:
    """Whether a path lies in one of the report's Mini Programs; None (everything counts) when one of them is
    the repository itself or none was found."""
    roots = [p.root for p in report.projects]
    if not roots or "" in roots:
        return None
    return lambda path: any(path.startswith(root + "/") for root in roots)


_STYLES = (".wxss", ".css", ".less", ".scss", ".sass", ".styl")


def _page_files(report: Report) -> Callable[[str], bool]:
    """Whether a path is a registered page's own script, markup or configuration in one of the report's Mini
    Programs (at the head): what creating a page creates (a style file alone restyles one)."""
    from mp_precheck.notes.pagetitles import page_file

    return lambda path: not path.endswith(_STYLES) and any(page_file(path, p.root, p.pages) for p in report.projects)


def load_config(repo: GitRepo, source: ConfigSource, at: str, known: KnownNames | None = None) -> Config:
    """The config from ``source`` with settings revision ``at``, else the defaults; with ``known``, the names
    it gives are checked in the same pass (every mistake told at once).

    Raises:
        ConfigError: the file is missing (when it must be there), unreadable or invalid.
    """
    found = source.read(repo, at)
    if found is None:
        return Config()
    data, name = found
    try:
        text = decode(data).text
    except UndecodableFile as exc:
        raise ConfigError(f"{name}: {exc}") from exc
    return parse_config(text, name, known)


def _settings(repo: GitRepo, source: ConfigSource, at: str, head: str, known: KnownNames, log: Log | None) -> Config:
    """The config at settings revision ``at``, the names it gives checked against ``known``. When it is invalid there
    but the change fixes it (``head`` holds a valid config, or none), the defaults: the fixing change is not
    trapped by the file it fixes, and its relaxations are still told against the defaults (never its own config).

    Raises:
        ConfigError: the config is missing, unreadable, or invalid both at ``at`` and at ``head``.
    """
    try:
        return load_config(repo, source, at, known)
    except ConfigError as broken:
        if at == head or source.read(repo, at) is None:  # the same revision, or missing: nothing fixes it
            raise
        try:
            load_config(repo, source, head, known)
        except ConfigError:
            raise broken from None
        if log is not None:
            log(f"mp-precheck: {broken}; this change makes the config valid, so it is checked with the default "
                "settings")
        return Config()


def _accepted(repo: GitRepo, at: str, head: str, log: Log | None) -> dict[str, Accepted]:
    """The baseline at ``at``; none (every finding active) when it is malformed there and ``head`` fixes it.

    Raises:
        ConfigError: the baseline is malformed at ``at`` and at ``head``.
    """
    try:
        return load_baseline(repo, at)
    except ConfigError as broken:
        if at == head:
            raise
        try:
            load_baseline(repo, head)
        except ConfigError:
            raise broken from None
        if log is not None:
            log(f"mp-precheck: {broken}; this change makes it valid, so no finding is accepted in this run")
        return {}


def load_baseline(repo: GitRepo, at: str) -> dict[str, Accepted]:
    """The accepted-risk baseline at revision ``at`` (empty when there is none).

    Raises:
        ConfigError: the file is there but malformed.
    """
    data = repo.read_file(at, BASELINE_NAME)
    if data is None:
        return {}
    try:
        text = decode(data).text
    except UndecodableFile as exc:
        raise ConfigError(f"{BASELINE_NAME}: {exc}") from exc
    return parse_baseline(text, f"{BASELINE_NAME} (at {at[:7]})")


def settings_revision(repo: GitRepo, base: str, head: str) -> str:
    """Where the config and the baseline are read: the merge base of ``base`` and ``head`` (``base`` itself
    without one; the empty tree for a first release, which has no config).

    Raises: UnknownRevision when ``base`` or ``head`` does not resolve.
    """
    if base == EMPTY_TREE:
        return EMPTY_TREE
    base_sha, head_sha = repo.resolve_all([base, head])
    return repo.merge_base(base_sha, head_sha) or base_sha


def default_base(repo: GitRepo) -> str:
    """The branch a change is compared with when no base is given: ``origin/HEAD``, ``main`` or ``master``.

    Raises: UserError when there is none.
    """
    branch = repo.default_branch()
    if branch is None:
        raise UserError("no --base given and no default branch (origin/HEAD, main or master) to compare with")
    return branch
