"""The report as GitHub workflow commands (``--format github``): one annotation per finding, on its line.

GitHub shows at most 10 error, 10 warning and 10 notice annotations per step (50 per job) and drops the
rest silently, so the most severe findings go first, each level is capped, and one last notice says how
many were left out and where they are. Text from the pull request (paths, titles) is escaped by the
workflow-command rules, so a file name can never end a command early or start a new one.
https://docs.github.com/actions/reference/workflow-commands-for-github-actions
"""

from __future__ import annotations

from typing import Literal

from mp_precheck.core.report import Finding, Report
from mp_precheck.core.vocabulary import SEVERITIES

Level = Literal["error", "warning", "notice"]

LEVELS: dict[str, Level] = {"high": "error", "medium": "warning", "low": "notice", "info": "notice"}
MAX_PER_LEVEL = 10  # GitHub's per-step cap for each of error, warning and notice


def escape_data(text: str) -> str:
    """A command's message: ``%``, CR and LF percent-encoded (the runner decodes them back)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A command's property value (``file=``, ``title=``): as :func:`escape_data`, plus ``:`` and ``,``,
    which would otherwise end the value."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(level: Level, message: str, *, file: str | None = None, line: int | None = None,
            title: str | None = None) -> str:
    """One workflow command line (no trailing newline), e.g. ``::error file=a.js,line=3,title=T::msg``."""
    props = []
    if file is not None:
        props.append(f"file={escape_property(file)}")
    if line is not None:
        props.append(f"line={int(line)}")
    if title is not None:
        props.append(f"title={escape_property(title)}")
    head = f"{level} {','.join(props)}" if props else level
    return f"::{head}::{escape_data(message)}"


JOB_SUMMARY = "the job summary"


def render_annotations(report: Report, rest_where: str = JOB_SUMMARY) -> str:
    """Annotation commands for the report's active findings, most severe first, one per line.

    Inputs: a :class:`Report` (its titles and fixes are already in the report's language). Output: the
    text to print on stdout in a GitHub Actions step ("" when there is no finding): high findings become
    ``::error``, medium ``::warning``, low and info ``::notice``, with ``file`` and ``line`` of the head
    version. At most :data:`MAX_PER_LEVEL` per level; when any is left out, the last line is one notice
    that counts them and says where they are, ``rest_where`` (the job summary, where the Action writes the full
    report; that notice takes one of the ten notice places). Never raises.
    """
    by_level: dict[Level, list[Finding]] = {"error": [], "warning": [], "notice": []}
    for finding in sorted(report.active_findings, key=_rank):
        by_level[LEVELS[finding.severity]].append(finding)
    over = sum(max(0, len(by_level[lv]) - MAX_PER_LEVEL) for lv in ("error", "warning"))
    notice_cap = MAX_PER_LEVEL - 1 if over or len(by_level["notice"]) > MAX_PER_LEVEL else MAX_PER_LEVEL
    caps: dict[Level, int] = {"error": MAX_PER_LEVEL, "warning": MAX_PER_LEVEL, "notice": notice_cap}
    lines: list[str] = []
    left_out = 0
    for level, findings in by_level.items():
        shown = findings[: caps[level]]
        left_out += len(findings) - len(shown)
        lines.extend(_annotation(level, f) for f in shown)
    if left_out:
        lines.append(command("notice", f"{left_out} more findings not annotated; see {rest_where}"))
    return "".join(line + "\n" for line in lines)


def _annotation(level: Level, f: Finding) -> str:
    message = f"[{f.rule}] {f.subject}\n{f.fix}\n{f.doc}"
    return command(level, message, file=f.path, line=max(f.line, 1), title=f.title)


def _rank(f: Finding) -> tuple[int, bool, str, int, str]:
    return (SEVERITIES.index(f.severity), f.scope != "app", f.path, f.line, f.rule)
