"""Run the analysis on a test repository and look at findings as (rule, path, line, scope) tuples."""

from __future__ import annotations

import io
import json
from contextlib import redirect_stderr, redirect_stdout
from typing import Any

from mp_precheck.app import check_change
from mp_precheck.cli import main
from mp_precheck.core.analysis import RunOptions, analyze
from mp_precheck.core.catalog import load_catalog
from mp_precheck.core.report import Report
from mp_precheck.git.repo import GitRepo


def run(repo_path: Any, base: str, head: str = "HEAD", language: str = "en") -> Report:
    """The report as the CLI computes it (config read from the base revision, notes drafted)."""
    return check_change(GitRepo(repo_path), base, head, language=language).report


def run_bare(repo_path: Any, base: str, head: str = "HEAD", language: str = "en") -> Report:
    """The analysis alone, with default settings."""
    report, _ = analyze(GitRepo(repo_path), base, head, load_catalog(), RunOptions(language=language))
    return report


def found(report: Report) -> set[tuple[str, str, int, str]]:
    return {(f.rule, f.path, f.line, f.scope) for f in report.findings}


def rules(report: Report) -> set[str]:
    return {f.rule for f in report.findings}


def cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def cli_json(*args: str) -> tuple[int, dict[str, Any]]:
    code, out, err = cli(*args, "--format", "json")
    assert out, err
    return code, json.loads(out)
