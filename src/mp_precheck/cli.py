"""The ``mp-precheck`` command (design §3). Exit codes: 0 nothing reached ``--fail-on``; 1 something did;
2 the tool could not do what was asked (one line on stderr); 3 an unexpected internal error."""

from __future__ import annotations

import argparse
import json
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .analysis import RunOptions, analyze
from .catalog import load_catalog
from .errors import UnsupportedFormat, UserError
from .gitrepo import GitRepo
from .report import Report

FORMATS = ("json",)
PLANNED_FORMATS = ("markdown", "sarif", "github")
ISSUES_URL = "https://github.com/mp-precheck/mp-precheck/issues"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mp-precheck", description=(
        "Find what a change adds to a WeChat Mini Program that WeChat review will look at."))
    parser.add_argument("--version", action="version", version=f"mp-precheck {__version__}")
    parser.add_argument("--debug", action="store_true", help="show the traceback of an internal error")
    sub = parser.add_subparsers(dest="command", required=True)
    diff = sub.add_parser("diff", help="report the review risks a change adds")
    diff.add_argument("--repo", default=".", help="repository folder (default: current folder)")
    diff.add_argument("--base", help="base revision (default: merge base with the default branch)")
    diff.add_argument("--head", default="HEAD", help="head revision (default: HEAD)")
    diff.add_argument("--config", help="config file (default: .mp-precheck.yml of the base revision)")
    diff.add_argument("--format", default="json", help="json (markdown, sarif, github: planned)")
    diff.add_argument("--language", choices=("zh-CN", "en"), default="zh-CN")
    diff.add_argument("--output", help="write the report to this file instead of stdout")
    diff.add_argument("--fail-on", choices=("none", "info", "low", "medium", "high"), default="high")
    diff.add_argument("--debug", action="store_true", help=argparse.SUPPRESS)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return _run(args)
    except UserError as exc:
        print(f"mp-precheck: {exc}", file=sys.stderr)
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


def _run(args: argparse.Namespace) -> int:
    if args.format not in FORMATS:
        planned = " (not built yet)" if args.format in PLANNED_FORMATS else ""
        raise UnsupportedFormat(f"unknown --format {args.format!r}{planned}; available: {', '.join(FORMATS)}")
    repo = GitRepo(args.repo)
    base = args.base or _default_base(repo)
    report, _store = analyze(repo, base, args.head, load_catalog(), RunOptions(language=args.language))
    _emit(render(report, args.format), args.output)
    return 1 if report.reaches(args.fail_on) else 0


def _default_base(repo: GitRepo) -> str:
    branch = repo.default_branch()
    if branch is None:
        raise UserError("no --base given and no default branch (origin/HEAD, main or master) to compare with")
    return branch


def render(report: Report, fmt: str) -> str:
    """The report in ``fmt`` (``json``)."""
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"


def _emit(text: str, output: str | None) -> None:
    if output:
        try:
            Path(output).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise UserError(f"cannot write {output}: {exc.strerror}") from exc
    else:
        sys.stdout.write(text)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
