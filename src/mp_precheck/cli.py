"""The ``mp-precheck`` command: argparse and dispatch. The work is done by :mod:`mp_precheck.app`
(checking a change, drafting notes, accepting findings) and :mod:`mp_precheck.hosts.gitlab.ci`.

Exit codes: 0 nothing reached ``--fail-on``; 1 something did; 2 the tool could not do what was asked
(one line on stderr); 3 an unexpected internal error (one line; the traceback only with ``--debug``).
Precedence for every setting: flag > ``.mp-precheck.yml`` (read from the base revision) > default.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

from mp_precheck import __version__
from mp_precheck.app import (
    DEFAULT_CONFIG,
    ConfigFile,
    ConfigSource,
    Run,
    accept_findings,
    check_change,
    check_range_notes,
    draft_release_notes,
)
from mp_precheck.core.baseline import BASELINE_NAME
from mp_precheck.core.catalog import load_catalog
from mp_precheck.core.collector import collect_less
from mp_precheck.core.config import CONFIG_NAME, DEFAULT_TAG_PATTERN, GITLAB_PATH, WORKFLOW_PATH
from mp_precheck.core.errors import ISSUES_URL, UnsupportedFormat, UserError
from mp_precheck.core.items import count_items
from mp_precheck.core.messages import Messages
from mp_precheck.core.report import Report
from mp_precheck.core.secrets import redact
from mp_precheck.core.vocabulary import FAIL_ON, LANGUAGES
from mp_precheck.git.repo import GitRepo
from mp_precheck.outputs.console import default_format, emit, use_color
from mp_precheck.outputs.progress import progress_reporter

if TYPE_CHECKING:
    from mp_precheck.notes.release import ReleaseDraft

FORMATS = ("json", "markdown", "github", "sarif", "codequality", "text")
PLANNED_FORMATS: tuple[str, ...] = ()
Subparsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def _columns() -> int:
    """The terminal's width as ``shutil.get_terminal_size`` reads it (``COLUMNS``, else stdout's terminal, else
    80), without the import of ``shutil`` (with ``bz2``, ``lzma``, ``zlib``: ~2 ms of every run) that argparse's
    help formatter does for each option added."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's formatter, its default width read by :func:`_columns`."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
                 width: int | None = None) -> None:
        super().__init__(prog, indent_increment, max_help_position, _columns() - 2 if width is None else width)


class _Parser(argparse.ArgumentParser):
    """An ``ArgumentParser`` (its subcommands' too) formatting with :class:`_HelpFormatter`."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _HelpFormatter)
        super().__init__(*args, **kwargs)


def build_parser() -> argparse.ArgumentParser:
    """The parser of every subcommand."""
    parser: argparse.ArgumentParser = _Parser(prog="mp-precheck", description=(
        "Find what a change adds to a WeChat Mini Program that WeChat review will look at."))
    parser.add_argument("--version", action="version", version=f"mp-precheck {__version__}")
    common = _common_options()
    sub = parser.add_subparsers(dest="command", required=True)
    _add_diff(sub, common)
    _add_notes(sub, common)
    _add_baseline(sub, common)
    _add_rules(sub)
    _add_gitlab(sub)
    _add_init(sub)
    return parser


def _common_options() -> argparse.ArgumentParser:
    """The options of the subcommands that analyse a change (diff, notes, baseline)."""
    common: argparse.ArgumentParser = _Parser(add_help=False)
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
    return common


def _add_diff(sub: Subparsers, common: argparse.ArgumentParser) -> None:
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


def _add_notes(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    notes = sub.add_parser("notes", parents=[common], help="draft the submission notes (版本说明) for a release "
                           "tag (--tag) or a range (--base/--head)")
    notes.add_argument("--tag", help="a release tag: the range is the previous matching tag → this tag (the whole "
                                     "history for the first one); --base overrides the previous tag")
    notes.add_argument("--tag-pattern", metavar="GLOB",
                       help="which tags are releases (fnmatch; default: notes.tag_pattern, else "
                            f"{DEFAULT_TAG_PATTERN})")
    notes.add_argument("--feedback", action="store_true",
                       help="print the short variant for 反馈内容 (feedback_info, at most 200 characters) instead")


def _add_baseline(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    baseline = sub.add_parser("baseline", parents=[common],
                              help=f"accept the current findings: write them to {BASELINE_NAME}")
    baseline.add_argument("--reason", default="accepted", help="why these findings are accepted (recorded)")
    baseline.add_argument("--accept-secrets", action="store_true",
                          help="accept secrets in client code too (an AppSecret, another service's key); without "
                               "it they are left out: a leaked secret stays exploitable whatever the baseline says")


def _add_rules(sub: Subparsers) -> None:
    rules = sub.add_parser("rules", help="list every rule: id, family, severity, title")
    rules.add_argument("--language", choices=LANGUAGES, default="zh-CN", help="zh-CN (default) or en")
    explain = sub.add_parser("explain", help="print one rule in full: severity, family, fix, doc link, subjects")
    explain.add_argument("rule_id", metavar="RULE-ID", help="a rule id, e.g. privacy.location")
    explain.add_argument("--language", choices=LANGUAGES, default="zh-CN", help="zh-CN (default) or en")
    for quiet in (rules, explain):
        quiet.set_defaults(debug=False)


def _add_gitlab(sub: Subparsers) -> None:
    gitlab = sub.add_parser("gitlab", help="in a GitLab merge-request pipeline: analyse the merge request and "
                                           "keep one note on it up to date (token: MP_PRECHECK_GITLAB_TOKEN)")
    gitlab.add_argument("--repo", help="repository folder (default: CI_PROJECT_DIR, else the current folder)")
    gitlab.add_argument("--config", help=f"config file on disk (default: {CONFIG_NAME} of the base revision)")
    gitlab.add_argument("--language", choices=LANGUAGES, help="zh-CN (default) or en")
    gitlab.add_argument("--fail-on", choices=FAIL_ON,
                        help="lowest severity that makes the exit code 1 (default: high)")
    gitlab.add_argument("--codequality", metavar="FILE", help="also write a GitLab Code Quality report there")
    gitlab.add_argument("--report", metavar="FILE", help="also write the JSON report there")
    gitlab.add_argument("--debug", action="store_true", help="show the traceback of an internal error")


def _add_init(sub: Subparsers) -> None:
    init = sub.add_parser("init", help=f"adopt mp-precheck: write the GitHub workflow ({WORKFLOW_PATH}) and a "
                                       f"commented {CONFIG_NAME} for the Mini Programs found at HEAD")
    init.add_argument("--repo", default=".", help="repository folder (default: current folder)")
    init.add_argument("--language", choices=LANGUAGES, default="zh-CN", help="language: of the config (default zh-CN)")
    init.add_argument("--gitlab", action="store_true", help=f"write the GitLab CI job ({GITLAB_PATH}) instead of "
                                                            "the GitHub workflow")
    init.add_argument("--force", action="store_true", help="replace files that already exist")
    init.set_defaults(debug=False)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command with ``argv`` (default: ``sys.argv[1:]``); return the exit code."""
    args = build_parser().parse_args(argv)
    collect_less()  # a run keeps what it builds: frequent collections would mostly walk survivors
    try:
        return COMMANDS[args.command](args)
    except UserError as exc:
        print(redact(f"mp-precheck: {exc}"), file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("mp-precheck: interrupted", file=sys.stderr)
        return 3
    except Exception as exc:  # an internal error: one line, traceback only with --debug
        import traceback  # ~15 ms of imports that only a failing run needs

        if args.debug:
            traceback.print_exc()
        where = traceback.extract_tb(exc.__traceback__)[-1]
        print(f"mp-precheck: internal error ({type(exc).__name__} at {Path(where.filename).name}:{where.lineno}); "
              f"please report it at {ISSUES_URL} with the output of --debug", file=sys.stderr)
        return 3


def _stderr(line: str) -> None:
    print(line, file=sys.stderr)


def _config(args: argparse.Namespace) -> ConfigSource:
    """``--config FILE`` on disk, else ``.mp-precheck.yml`` of the base revision."""
    return ConfigFile(args.config) if args.config else DEFAULT_CONFIG


def _diff(args: argparse.Namespace) -> int:
    """``mp-precheck diff``: the report of a change in one format; exit 1 when it reaches fail-on."""
    fmt = args.format or default_format(args.output, sys.stdout)
    if fmt not in FORMATS:
        planned = " (not built yet)" if fmt in PLANNED_FORMATS else ""
        raise UnsupportedFormat(f"unknown --format {fmt!r}{planned}; available: {', '.join(FORMATS)}")
    base, head = args.base, args.head
    if args.staged:
        if args.base or args.head != "HEAD":
            raise UserError("--staged compares the index with HEAD: leave out --base and --head")
        from mp_precheck.git.staged import staged_commit  # only for --staged

        base, head = staged_commit(GitRepo(args.repo))
    with progress_reporter(sys.stderr, quiet=args.quiet) as progress:
        run = check_change(GitRepo(args.repo), base, head, config=_config(args), language=args.language,
                           cache=args.cache, progress=progress, log=_stderr, notes=fmt == "json")
    if args.staged and base == head:  # the index is HEAD's tree: say so, not "no Mini Program files"
        from msgspec.structs import replace

        run = replace(run, report=replace(run.report, status="nothing_staged"))
    emit(_render(fmt, run, args), args.output)
    fail_on = args.fail_on or run.config.fail_on or "high"
    return 1 if run.report.reaches(fail_on) else 0


def _render(fmt: str, run: Run, args: argparse.Namespace) -> str:
    """The report in format ``fmt`` (one of :data:`FORMATS`)."""
    if fmt == "text":
        from mp_precheck.outputs.columns import column_finder
        from mp_precheck.outputs.terminal import render_text

        return render_text(run.report, run.catalog, run.language,
                           color=use_color(args.color, sys.stdout, os.environ, to_file=bool(args.output)),
                           column=column_finder(GitRepo(args.repo), run.report.head))
    if fmt == "json":
        return json.dumps(run.report.to_dict(), ensure_ascii=False, indent=2) + "\n"
    # Each renderer is imported when its format is asked for: a run pays only for the output it prints.
    if fmt == "github":
        from mp_precheck.outputs.annotations import JOB_SUMMARY, render_annotations

        return render_annotations(run.report, JOB_SUMMARY if _job_summary(run) else
                                  "`mp-precheck diff --format markdown` (every finding)", run.language)
    if fmt == "sarif":
        from mp_precheck.outputs.sarif import render_sarif

        return render_sarif(run.report, run.catalog, run.language)
    if fmt == "codequality":
        from mp_precheck.outputs.codequality import render_codequality

        return render_codequality(run.report)
    from mp_precheck.outputs.markdown import COMMENT_LIMITS, render_markdown

    return render_markdown(run.report, run.catalog, run.language, limits=COMMENT_LIMITS,
                           full_report_where="`mp-precheck diff --format json`")


def _job_summary(run: Run) -> bool:
    """In a GitHub Actions step (``GITHUB_STEP_SUMMARY`` names the job summary file) append the full report there,
    as the Action does, so that annotations left out past GitHub's cap can be found; whether it was written. A
    file that cannot be written is one line on stderr."""
    path = os.environ.get("GITHUB_STEP_SUMMARY")
    if not path:
        return False
    from mp_precheck.outputs.markdown import SUMMARY_LIMITS, render_markdown

    text = render_markdown(run.report, run.catalog, run.language, limits=SUMMARY_LIMITS,
                           full_report_where="`mp-precheck diff --format json`")
    try:
        with open(path, "a", encoding="utf-8") as summary:
            summary.write(redact(text if text.endswith("\n") else text + "\n"))
    except OSError as exc:
        _stderr(f"mp-precheck: cannot write the job summary {path} ({exc.strerror or exc})")
        return False
    return True


def _notes(args: argparse.Namespace) -> int:
    """``mp-precheck notes``: the submission notes (or with ``--feedback`` the 反馈内容 variant) of a
    release tag or of a ``--base``/``--head`` range. Never fails on findings: exit 0, or 2 when the range
    cannot be determined or is empty."""
    if args.tag:
        if args.head != "HEAD":
            raise UserError("--tag names the head of the range: leave out --head")
        run, draft = draft_release_notes(GitRepo(args.repo), args.tag, tag_pattern=args.tag_pattern, base=args.base,
                                         config=_config(args), language=args.language, cache=args.cache,
                                         warn=lambda line: _stderr(f"mp-precheck: {line}"))
        _say_range(draft, run.language)
        emit(draft.feedback + "\n" if args.feedback else draft.text, args.output)
    else:
        if args.tag_pattern:
            raise UserError("--tag-pattern chooses the previous release tag: give --tag too")
        run = check_range_notes(GitRepo(args.repo), args.base, args.head, config=_config(args),
                                language=args.language, cache=args.cache)
        assert run.drafted is not None
        emit(run.drafted.feedback + "\n" if args.feedback else run.report.notes, args.output)
    _warn_open_risks(run.report, run.language)
    for line in run.drafted.warnings if run.drafted is not None else ():
        _stderr(f"mp-precheck: {line}")  # for the team: never in the text they paste
    _warn_unread(run.report, run.language)
    return 0


def _say_range(draft: ReleaseDraft, language: str) -> None:
    """Say on stderr which range the notes of a tag cover (the previous tag chosen, or the whole history), in the
    output's language: the notes never say it themselves."""
    rng, t = draft.range, Messages(language).t
    _stderr("mp-precheck: " + (t("notes.range_first", tag=rng.tag, commits=draft.commits) if rng.first else
                               t("notes.range", previous=rng.previous, tag=rng.tag, commits=draft.commits)))


def _warn_open_risks(report: Report, language: str) -> None:
    """Notes are drafted for submission: say on stderr, in the notes' language, when high risks are still open
    (exit stays 0)."""
    high = [f for f in report.active_findings if f.severity == "high"]
    if high:
        rules = ", ".join(sorted({f.rule for f in high}))
        items = count_items(report.active_findings).get("high", 0)  # as the comment counts them
        _stderr("mp-precheck: " + Messages(language).t("notes.open_high", count=items, rules=rules))


def _warn_unread(report: Report, language: str) -> None:
    """Say on stderr, in the notes' language, when files could not be read: the notes cannot rule out what those
    files hold, so their answers are 未检测 (not_checked) rather than 否."""
    paths = list(dict.fromkeys(e.path for e in report.head_errors))
    if paths:
        shown = ", ".join(paths[:3]) + (", …" if len(paths) > 3 else "")
        _stderr("mp-precheck: " + Messages(language).t("notes.unread", count=len(paths), paths=shown))


def _baseline(args: argparse.Namespace) -> int:
    """``mp-precheck baseline``: write the baseline accepting the current findings."""
    output = args.output or str(Path(args.repo) / BASELINE_NAME)
    existing = Path(output)
    previous = existing.read_text(encoding="utf-8") if existing.exists() else None
    written = accept_findings(GitRepo(args.repo), args.base, args.head, reason=args.reason, previous=previous,
                              where=output, config=_config(args), language=args.language,
                              accept_secrets=args.accept_secrets)
    emit(written.text, output)
    _stderr(f"mp-precheck: {written.count} finding(s) accepted in {output}; commit it so later runs skip them "
            f"(the baseline is read from the base revision)")
    if written.secrets_left_out:
        _stderr(f"mp-precheck: {len(written.secrets_left_out)} secret finding(s) left out: a secret in client code "
                "stays exploitable whatever the baseline says — delete it, rotate it and move its use to a server "
                "(--accept-secrets accepts them anyway):")
        for f in written.secrets_left_out:
            _stderr(f"  {f.path}:{f.line}  {f.rule}  {f.subject}")
    return 0


def _rules(args: argparse.Namespace) -> int:
    from mp_precheck.outputs.rulesdoc import render_rules_table

    # the catalog's own text (no repository content): printed as written, or `secret:app-secret` reads `secret:***`
    sys.stdout.write(render_rules_table(load_catalog(), args.language))
    return 0


def _explain(args: argparse.Namespace) -> int:
    from mp_precheck.outputs.rulesdoc import render_explain

    sys.stdout.write(render_explain(load_catalog(), args.rule_id, args.language))  # the catalog's text, as above
    return 0


def _gitlab(args: argparse.Namespace) -> int:
    """``mp-precheck gitlab``: see :func:`mp_precheck.hosts.gitlab.ci.run`; the job's environment is read here."""
    from mp_precheck.hosts.gitlab import ci  # python-gitlab and requests load only for this command

    options = ci.JobOptions(repo=args.repo, config=args.config, language=args.language, fail_on=args.fail_on,
                            codequality=args.codequality, report=args.report)
    return ci.run(os.environ, options, _stderr)


def _init(args: argparse.Namespace) -> int:
    """``mp-precheck init``: write the CI definition and the config; say what was written and what next."""
    from mp_precheck.scaffold import init_files, work_tree_root, write_files  # only for this command

    repo = GitRepo(args.repo)
    files = init_files(repo, load_catalog(), language=args.language, gitlab=args.gitlab)
    root = work_tree_root(repo)
    if root.resolve() != Path(args.repo).resolve():  # run in a subfolder: CI and every run read the root's files
        print(f"mp-precheck: writing at the repository root {root}: CI reads {', '.join(files)} there only")
    for written in write_files(root, files, force=args.force):
        if written.kept:
            _stderr(f"mp-precheck: kept {written.path}: it exists (--force replaces it)")
        else:
            print(f"mp-precheck: {'replaced' if written.replaced else 'wrote'} {written.path}")
    if args.gitlab:
        print("next: store a project access token (api scope, Reporter role) as the masked CI/CD variable "
              "MP_PRECHECK_GITLAB_TOKEN, fill in the backend records in .mp-precheck.yml, and commit both files")
    else:
        print(f"next: fill in the backend records in {CONFIG_NAME}, commit both files, and require the status "
              "check `mp-precheck` in the branch protection or ruleset")
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "diff": _diff, "notes": _notes, "baseline": _baseline, "rules": _rules, "explain": _explain,
    "gitlab": _gitlab, "init": _init,
}


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
