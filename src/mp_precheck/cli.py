"""The ``mp-precheck`` command.

Exit codes: 0 nothing reached ``--fail-on``; 1 something did; 2 the tool could not do what was asked
(one line on stderr); 3 an unexpected internal error (one line; the traceback only with ``--debug``).
Precedence for every setting: flag > ``.mp-precheck.yml`` (read from the base revision) > default.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from mp_precheck import __version__
from mp_precheck.core.analysis import RunOptions, analyze
from mp_precheck.core.baseline import BASELINE_NAME, Accepted, parse_baseline, render_baseline
from mp_precheck.core.catalog import Catalog, load_catalog
from mp_precheck.core.config import CONFIG_NAME, Config, check_rule_ids, parse_config
from mp_precheck.core.errors import ConfigError, MissingMergeBase, UnknownRevision, UnsupportedFormat, UserError
from mp_precheck.core.messages import Messages
from mp_precheck.core.report import Report
from mp_precheck.core.secrets import redact
from mp_precheck.core.vocabulary import FAIL_ON, LANGUAGES
from mp_precheck.facts.cache import FactCache
from mp_precheck.git.repo import EMPTY_TREE, GitRepo
from mp_precheck.git.staged import staged_commit
from mp_precheck.hosts.gitlab.ci import HISTORY_HINT, NOTE_LIMITS, advice, settings_from_environment, sync_note
from mp_precheck.hosts.gitlab.port import GitLabFailure, connect
from mp_precheck.notes.changelog import PullInfo, entries_from_commits, pull_numbers, read_commits
from mp_precheck.notes.release import (
    DEFAULT_TAG_PATTERN,
    ReleaseDraft,
    ReleaseError,
    explicit_range,
    find_range,
    tag_commit,
    tag_name,
)
from mp_precheck.notes.submission import Notes, draft_notes
from mp_precheck.outputs.annotations import render_annotations
from mp_precheck.outputs.codequality import render_codequality
from mp_precheck.outputs.console import default_format, use_color
from mp_precheck.outputs.markdown import COMMENT_LIMITS, render_markdown, render_notes
from mp_precheck.outputs.progress import ProgressCallback, progress_reporter
from mp_precheck.outputs.rulesdoc import render_explain, render_rules_table
from mp_precheck.outputs.sarif import render_sarif
from mp_precheck.readers.textcodec import UndecodableFile, decode
from mp_precheck.scaffold import GITLAB_PATH, WORKFLOW_PATH, init_files, write_files

FORMATS = ("json", "markdown", "github", "sarif", "codequality", "text")
PLANNED_FORMATS: tuple[str, ...] = ()
ISSUES_URL = "https://github.com/mp-precheck/mp-precheck/issues"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mp-precheck", description=(
        "Find what a change adds to a WeChat Mini Program that WeChat review will look at."))
    parser.add_argument("--version", action="version", version=f"mp-precheck {__version__}")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--repo", default=".", help="repository folder (default: current folder)")
    common.add_argument("--base", help="base revision (default: merge base with the default branch)")
    common.add_argument("--head", default="HEAD", help="head revision (default: HEAD)")
    common.add_argument("--config", help=f"config file on disk (default: {CONFIG_NAME} of the base revision)")
    common.add_argument("--language", choices=LANGUAGES, help="zh-CN (default) or en")
    common.add_argument("--output", help="write to this file instead of stdout")
    common.add_argument("--cache", metavar="FILE", help="keep parsed facts in this SQLite file between runs "
                        "(keyed by git blob id; e.g. kept with actions/cache)")
    common.add_argument("--debug", action="store_true", help="show the traceback of an internal error")
    common.add_argument("--quiet", "-q", action="store_true", help="no progress on stderr")
    sub = parser.add_subparsers(dest="command", required=True)
    diff = sub.add_parser("diff", parents=[common], help="report the review risks a change adds")
    diff.add_argument("--format",
                      help="text (for a terminal; the default when stdout is one), markdown (the PR comment; the "
                           "default otherwise), json, github (workflow-command annotations), sarif (code scanning) "
                           "or codequality (GitLab Code Quality report)")
    diff.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                      help="colour in the text format: auto (default: when stdout is a terminal and NO_COLOR is "
                           "not set), always or never")
    diff.add_argument("--fail-on", choices=FAIL_ON,
                      help="lowest severity that makes the exit code 1 (default: high)")
    diff.add_argument("--staged", action="store_true",
                      help="check the staged change (the index) against HEAD, e.g. in a pre-commit hook; "
                           "unstaged edits are ignored")
    notes = sub.add_parser("notes", parents=[common], help="draft the submission notes (版本说明) for a release "
                           "tag (--tag) or a range (--base/--head)")
    notes.add_argument("--tag", help="a release tag: the range is the previous matching tag → this tag (the whole "
                                     "history for the first one); --base overrides the previous tag")
    notes.add_argument("--tag-pattern", metavar="GLOB",
                       help="which tags are releases (fnmatch; default: notes.tag_pattern, else "
                            f"{DEFAULT_TAG_PATTERN})")
    notes.add_argument("--feedback", action="store_true",
                       help="print the short variant for 反馈内容 (feedback_info, at most 200 characters) instead")
    baseline = sub.add_parser("baseline", parents=[common],
                              help=f"accept the current findings: write them to {BASELINE_NAME}")
    baseline.add_argument("--reason", default="accepted", help="why these findings are accepted (recorded)")
    languages = LANGUAGES
    rules = sub.add_parser("rules", help="list every rule: id, family, severity, title")
    rules.add_argument("--language", choices=languages, default="zh-CN", help="zh-CN (default) or en")
    explain = sub.add_parser("explain", help="print one rule in full: severity, family, fix, doc link, subjects")
    explain.add_argument("rule_id", metavar="RULE-ID", help="a rule id, e.g. privacy.location")
    explain.add_argument("--language", choices=languages, default="zh-CN", help="zh-CN (default) or en")
    gitlab = sub.add_parser("gitlab", help="in a GitLab merge-request pipeline: analyse the merge request and "
                                           "keep one note on it up to date (token: MP_PRECHECK_GITLAB_TOKEN)")
    gitlab.add_argument("--repo", help="repository folder (default: CI_PROJECT_DIR, else the current folder)")
    gitlab.add_argument("--config", help=f"config file on disk (default: {CONFIG_NAME} of the base revision)")
    gitlab.add_argument("--language", choices=languages, help="zh-CN (default) or en")
    gitlab.add_argument("--fail-on", choices=FAIL_ON,
                        help="lowest severity that makes the exit code 1 (default: high)")
    gitlab.add_argument("--codequality", metavar="FILE", help="also write a GitLab Code Quality report there")
    gitlab.add_argument("--report", metavar="FILE", help="also write the JSON report there")
    init = sub.add_parser("init", help=f"adopt mp-precheck: write the GitHub workflow ({WORKFLOW_PATH}) and a "
                                       f"commented {CONFIG_NAME} for the Mini Programs found at HEAD")
    init.add_argument("--repo", default=".", help="repository folder (default: current folder)")
    init.add_argument("--language", choices=languages, default="zh-CN", help="language: of the config (default zh-CN)")
    init.add_argument("--gitlab", action="store_true", help=f"write the GitLab CI job ({GITLAB_PATH}) instead of "
                                                            "the GitHub workflow")
    init.add_argument("--force", action="store_true", help="replace files that already exist")
    for quiet in (rules, explain, init):
        quiet.set_defaults(debug=False)
    gitlab.add_argument("--debug", action="store_true", help="show the traceback of an internal error")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "notes":
            return _notes(args)
        if args.command == "baseline":
            return _baseline(args)
        if args.command == "rules":
            emit(render_rules_table(load_catalog(), args.language), None)
            return 0
        if args.command == "explain":
            emit(render_explain(load_catalog(), args.rule_id, args.language), None)
            return 0
        if args.command == "gitlab":
            return _gitlab(args)
        if args.command == "init":
            return _init(args)
        return _diff(args)
    except UserError as exc:
        print(redact(f"mp-precheck: {exc}"), file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("mp-precheck: interrupted", file=sys.stderr)
        return 3
    except Exception as exc:  # an internal error: one line, traceback only with --debug
        if args.debug:
            traceback.print_exc()
        where = traceback.extract_tb(exc.__traceback__)[-1]
        print(f"mp-precheck: internal error ({type(exc).__name__} at {Path(where.filename).name}:{where.lineno}); "
              f"please report it at {ISSUES_URL} with the output of --debug", file=sys.stderr)
        return 3


@dataclass(frozen=True)
class Run:
    """A finished analysis with the settings it used."""

    report: Report
    catalog: Catalog
    config: Config
    language: str
    blobs_parsed: int = 0
    drafted: Notes | None = None  # the notes before rendering (report.notes is the rendered text)


def _diff(args: argparse.Namespace) -> int:
    fmt = args.format or default_format(args.output, sys.stdout)
    if fmt not in FORMATS:
        planned = " (not built yet)" if fmt in PLANNED_FORMATS else ""
        raise UnsupportedFormat(f"unknown --format {fmt!r}{planned}; available: {', '.join(FORMATS)}")
    base, head = args.base, args.head
    if args.staged:
        if args.base or args.head != "HEAD":
            raise UserError("--staged compares the index with HEAD: leave out --base and --head")
        base, head = staged_commit(GitRepo(args.repo))
    with progress_reporter(sys.stderr, quiet=args.quiet) as progress:
        run = analyse(args.repo, base, head, args.config, args.language, args.cache, progress=progress)
    fail_on = args.fail_on or run.config.fail_on or "high"
    if fmt == "text":
        from mp_precheck.outputs.columns import column_finder
        from mp_precheck.outputs.terminal import render_text

        text = render_text(run.report, run.catalog, run.language,
                           color=use_color(args.color, sys.stdout, os.environ, to_file=bool(args.output)),
                           column=column_finder(GitRepo(args.repo), run.report.head))
    elif fmt == "json":
        text = json.dumps(run.report.to_dict(), ensure_ascii=False, indent=2) + "\n"
    elif fmt == "github":
        text = render_annotations(run.report)
    elif fmt == "sarif":
        text = render_sarif(run.report, run.catalog, run.language)
    elif fmt == "codequality":
        text = render_codequality(run.report)
    else:
        text = render_markdown(run.report, run.catalog, run.language, limits=COMMENT_LIMITS,
                               full_report_where="`mp-precheck diff --format json`")
    emit(text, args.output)
    return 1 if run.report.reaches(fail_on) else 0


def _init(args: argparse.Namespace) -> int:
    """``mp-precheck init``: write the CI definition and the config; say what was written and what next."""
    repo = GitRepo(args.repo)
    files = init_files(repo, load_catalog(), language=args.language, gitlab=args.gitlab)
    for written in write_files(Path(args.repo), files, force=args.force):
        if written.kept:
            print(f"mp-precheck: kept {written.path}: it exists (--force replaces it)", file=sys.stderr)
        else:
            print(f"mp-precheck: {'replaced' if written.replaced else 'wrote'} {written.path}")
    if args.gitlab:
        print("next: store a project access token (api scope, Reporter role) as the masked CI/CD variable "
              "MP_PRECHECK_GITLAB_TOKEN, fill in the backend records in .mp-precheck.yml, and commit both files")
    else:
        print(f"next: fill in the backend records in {CONFIG_NAME}, commit both files, and require the status "
              "check `mp-precheck` in the branch protection or ruleset")
    return 0


def _gitlab(args: argparse.Namespace) -> int:
    """``mp-precheck gitlab``: analyse the merge request of this pipeline, write the optional reports, and
    keep one note on the merge request. Exit code as ``diff``; 2 when the note could not be posted."""
    settings = settings_from_environment(os.environ)
    repo_path = args.repo or os.environ.get("CI_PROJECT_DIR") or "."
    try:
        run = analyse(repo_path, settings.base, settings.head, args.config, args.language)
    except (UnknownRevision, MissingMergeBase) as exc:
        raise UserError(f"{exc}: {HISTORY_HINT}") from exc
    report = run.report
    fail_on = args.fail_on or run.config.fail_on or "high"
    code = 1 if report.reaches(fail_on) else 0
    if args.codequality:
        emit(render_codequality(report), args.codequality)
    if args.report:
        emit(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n", args.report)
    print(f"mp-precheck: {report.base[:7]}…{report.head[:7]}: risk {report.risk_level}, "
          f"{len(report.active_findings)} finding(s), fail-on {fail_on} → exit {code}", file=sys.stderr)
    where = f"<{settings.job_url}>" if settings.job_url else "`mp-precheck diff --format json`"
    body = render_markdown(report, run.catalog, run.language, link_base=settings.link_base, limits=NOTE_LIMITS,
                           full_report_where=where)
    port = connect(settings.api_url, settings.token, settings.project_id)
    try:
        sync_note(port, settings.mr_iid, body, lambda line: print(line, file=sys.stderr))
    except GitLabFailure as exc:
        print(advice(exc, f"comment on merge request !{settings.mr_iid}"), file=sys.stderr)
        return 2
    finally:
        port.close()
    return code


def _notes(args: argparse.Namespace) -> int:
    """``mp-precheck notes``: the submission notes (or with ``--feedback`` the 反馈内容 variant) of a
    release tag or of a ``--base``/``--head`` range. Never fails on findings: exit 0, or 2 when the range
    cannot be determined or is empty."""
    if args.tag:
        if args.head != "HEAD":
            raise UserError("--tag names the head of the range: leave out --head")
        run, draft = draft_release(args.repo, args.tag, tag_pattern=args.tag_pattern, base=args.base,
                                   config_path=args.config, language=args.language, cache=args.cache,
                                   warn=lambda line: print(f"mp-precheck: {line}", file=sys.stderr))
        emit(draft.feedback + "\n" if args.feedback else draft.text, args.output)
        _warn_open_risks(run.report)
        return 0
    if args.tag_pattern:
        raise UserError("--tag-pattern chooses the previous release tag: give --tag too")
    run = analyse(args.repo, args.base, args.head, args.config, args.language, args.cache)
    if run.report.status in ("same_commit", "already_contained"):
        raise UserError(f"empty range: {args.head} adds no commit to {args.base or 'the default branch'}, so there "
                        "is nothing to describe; check --base and --head")
    assert run.drafted is not None
    emit(run.drafted.feedback + "\n" if args.feedback else run.report.notes, args.output)
    _warn_open_risks(run.report)
    return 0


def _warn_open_risks(report: Report) -> None:
    """Notes are drafted for submission: say on stderr when high risks are still open (exit stays 0)."""
    high = [f for f in report.active_findings if f.severity == "high"]
    if high:
        rules = ", ".join(sorted({f.rule for f in high})[:5])
        print(f"mp-precheck: {len(high)} high-risk finding(s) still open ({rules}); act on them before "
              "submitting — see `mp-precheck diff`", file=sys.stderr)


PullLookup = Callable[[list[int]], dict[int, PullInfo]]


def draft_release(repo_path: str, tag: str, *, tag_pattern: str | None = None, base: str | None = None,
                  config_path: str | None = None, language: str | None = None, cache: str | None = None,
                  pulls: PullLookup | None = None, warn: Callable[[str], None] | None = None,
                  ) -> tuple[Run, ReleaseDraft]:
    """Analyse release ``tag`` and draft its notes.

    The config (``config_path`` on disk, else ``.mp-precheck.yml``) and the baseline are read **at the
    tag**: a release is not a pull request, and the tag's config has its tag pattern. The range is the
    previous tag matching ``tag_pattern`` (> ``notes.tag_pattern`` > ``v*``) → ``tag``, or ``base`` → ``tag``
    when given. ``pulls`` looks up merged pull requests by number (titles and labels from the API);
    without it titles come from the merge and squash commits. ``warn`` receives lines about how the
    range was chosen.

    Raises:
        ReleaseError: no such tag, a shallow clone, a tag outside the pattern or not a descendant of the
            previous release, or an empty range.
        UserError: any other problem the user can fix.
    """
    repo = GitRepo(repo_path)
    name = tag_name(tag)
    head = tag_commit(repo, name)
    config = load_config(repo, head, head, config_path, at=head)
    pattern = tag_pattern or config.notes.get("tag_pattern") or DEFAULT_TAG_PATTERN
    rng = explicit_range(repo, name, base) if base else find_range(repo, name, pattern)
    for line in rng.notices:
        if warn is not None:
            warn(line)
    commits = read_commits(repo, rng.base, rng.head)
    if not commits:
        raise ReleaseError(f"empty range: {name} adds no commit to {rng.previous}, so there is nothing to describe")
    run = analyse(repo_path, rng.base, rng.head, config_path, language, cache, config_rev=rng.head)
    found = pulls(pull_numbers(commits)) if pulls is not None else {}
    entries = entries_from_commits(commits, config.notes.get("types"), config.notes.get("labels"), found)
    messages = Messages(run.language)
    notes = draft_notes(run.report, entries, run.catalog, messages)
    text = render_notes(notes, run.language)
    draft = ReleaseDraft(rng, len(commits), tuple(entries), notes, text, notes.feedback)
    return replace(run, report=replace(run.report, notes=text), drafted=notes), draft


def _baseline(args: argparse.Namespace) -> int:
    if not args.reason.strip():
        raise UserError("--reason must say why these findings are accepted (it is shown in every later report)")
    run = analyse(args.repo, args.base, args.head, args.config, args.language)
    output = args.output or str(Path(args.repo) / BASELINE_NAME)
    previous: dict[str, Accepted] = {}
    existing = Path(output)
    if existing.exists():
        previous = parse_baseline(existing.read_text(encoding="utf-8"), output)
    active = [f for f in run.report.findings if not f.suppressed and f.rule != "policy.relaxes_check"]
    emit(render_baseline(active, previous, args.reason), output)
    print(f"mp-precheck: {len(active)} finding(s) accepted in {output}; commit it so later runs skip them "
          f"(the baseline is read from the base revision)", file=sys.stderr)
    return 0


def analyse(repo_path: str, base: str | None, head: str, config_path: str | None, language: str | None,
            cache: str | None = None, config_rev: str | None = None, progress: ProgressCallback | None = None) -> Run:
    """Run the analysis with settings resolved by precedence, and draft the notes into the report.

    ``base`` may be :data:`~mp_precheck.git.repo.EMPTY_TREE` (a first release). The config and the
    baseline are read at the merge base, or at ``config_rev`` when given (a release reads its tag's).
    ``progress(done, total)`` is called as files are read and parsed.

    Raises:
        UserError: any problem the user can fix (see the exit codes).
    """
    repo = GitRepo(repo_path)
    base = base or _default_base(repo)
    config = load_config(repo, base, head, config_path, at=config_rev)
    language = language or config.language or "zh-CN"
    catalog = load_catalog()
    check_rule_ids(config, {r.id for r in catalog.rules})
    accepted = load_baseline(repo, base, head, at=config_rev)
    disk = FactCache(cache) if cache else None
    try:
        report, store = analyze(repo, base, head, catalog, RunOptions(language=language, config=config,
                                                                      baseline=accepted, progress=progress), disk)
    finally:
        if disk is not None:
            disk.close()
    if disk is not None and disk.problem:
        print(f"mp-precheck: {disk.problem}", file=sys.stderr)
    entries = entries_from_commits(read_commits(repo, report.base, report.head), config.notes.get("types"),
                                   config.notes.get("labels")) if report.base != report.head else []
    drafted = draft_notes(report, entries, catalog, Messages(language))
    return Run(replace(report, notes=render_notes(drafted, language)), catalog, config, language,
               store.blobs_parsed, drafted)


def load_config(repo: GitRepo, base: str, head: str, config_path: str | None, at: str | None = None) -> Config:
    """The config from ``config_path`` on disk, else ``.mp-precheck.yml`` at the merge base (a PR cannot
    relax its own check) or at revision ``at`` when given, else defaults.

    Raises:
        ConfigError: the file is missing (when named), unreadable or invalid.
    """
    if config_path:
        path = Path(config_path)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ConfigError(f"{config_path}: cannot read the config file ({exc.strerror})") from exc
        source = config_path
    else:
        merge_base = at or _merge_base(repo, base, head)
        found = repo.read_file(merge_base, CONFIG_NAME)
        if found is None:
            return Config()
        data, source = found, f"{CONFIG_NAME} (at {merge_base[:7]}, the base revision; fix it there or pass --config)"
    try:
        text = decode(data).text
    except UndecodableFile as exc:
        raise ConfigError(f"{source}: {exc}") from exc
    return parse_config(text, source)


def load_baseline(repo: GitRepo, base: str, head: str, at: str | None = None) -> dict[str, Accepted]:
    """The accepted-risk baseline at the merge base, or at revision ``at`` when given (empty when there is
    none).

    Raises:
        ConfigError: the file is there but malformed.
    """
    merge_base = at or _merge_base(repo, base, head)
    data = repo.read_file(merge_base, BASELINE_NAME)
    if data is None:
        return {}
    try:
        text = decode(data).text
    except UndecodableFile as exc:
        raise ConfigError(f"{BASELINE_NAME}: {exc}") from exc
    return parse_baseline(text, f"{BASELINE_NAME} (at {merge_base[:7]})")


def _merge_base(repo: GitRepo, base: str, head: str) -> str:
    """Where the config is read: the merge base of ``base`` and ``head`` (base itself without one; the
    empty tree for a first release, which has no config)."""
    if base == EMPTY_TREE:
        return EMPTY_TREE
    base_sha = repo.resolve(base)
    return repo.merge_base(base_sha, repo.resolve(head)) or base_sha


def _default_base(repo: GitRepo) -> str:
    branch = repo.default_branch()
    if branch is None:
        raise UserError("no --base given and no default branch (origin/HEAD, main or master) to compare with")
    return branch


def emit(text: str, output: str | None) -> None:
    """Write ``text`` to ``output`` (a file) or stdout, with any secret value masked (secrets.redact)."""
    text = redact(text)
    if output:
        try:
            Path(output).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise UserError(f"cannot write {output}: {exc.strerror}") from exc
    else:
        sys.stdout.write(text)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
