"""The report as GitHub workflow commands (``--format github``): one annotation per finding, on its line.

GitHub shows at most 10 error, 10 warning and 10 notice annotations per step (50 per job) and drops the
rest silently, so the most severe findings go first, each level is capped (a finding past its level's cap takes
a lower level's free place, its severity kept in the title), and one last notice says how many were left out
and where they are. Text from the pull request (paths, titles) is escaped by the
workflow-command rules, so a file name can never end a command early or start a new one.
https://docs.github.com/actions/reference/workflow-commands-for-github-actions
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from mp_precheck.core.messages import Messages
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


def render_annotations(report: Report, rest_where: str = JOB_SUMMARY, language: str = "en") -> str:
    """Annotation commands for the report's active findings, most severe first, one per line.

    Inputs: a :class:`Report` (its titles and fixes are already in the report's language, ``language``). Output:
    the text to print on stdout in a GitHub Actions step ("" when there is no finding): high findings become
    ``::error``, medium ``::warning``, low and info ``::notice``, with ``file`` and ``line`` of the head
    version. At most :data:`MAX_PER_LEVEL` per level. The places go by severity first: each rule's first
    place before its further ones, then by path; a finding past its own level's places takes a free place of a
    lower level, its severity named in the title (``高 · …``), so a high finding is never left out while a low
    one is annotated. When any is left out, the last line is one notice that counts them and says where they
    are, ``rest_where`` (the job summary, where the Action writes the full report; that notice takes one of the
    ten notice places). Never raises.
    """
    findings = _ordered(report.active_findings)
    placed, left_out = _placed(findings, MAX_PER_LEVEL)
    if left_out:  # the count takes a notice place
        placed, left_out = _placed(findings, MAX_PER_LEVEL - 1)
    severity_word = Messages(language).t
    lines = [_annotation(level, f, f.title if level == LEVELS[f.severity]
                         else f"{severity_word('severity.' + f.severity)} · {f.title}")
             for level, f in sorted(placed, key=lambda pair: _LEVEL_ORDER.index(pair[0]))]
    if left_out:
        lines.append(command("notice", f"{left_out} more findings not annotated; see {rest_where}"))
    return "".join(line + "\n" for line in lines)


_LEVEL_ORDER: tuple[Level, ...] = ("error", "warning", "notice")


def _placed(findings: list[Finding], notices: int) -> tuple[list[tuple[Level, Finding]], int]:
    """Each finding in turn at the first level at or below its own with a free place (``notices`` notice
    places), and how many found none."""
    room: dict[Level, int] = {"error": MAX_PER_LEVEL, "warning": MAX_PER_LEVEL, "notice": notices}
    placed: list[tuple[Level, Finding]] = []
    for f in findings:
        own = _LEVEL_ORDER.index(LEVELS[f.severity])
        level = next((lv for lv in _LEVEL_ORDER[own:] if room[lv]), None)
        if level is not None:
            room[level] -= 1
            placed.append((level, f))
    return placed, len(findings) - len(placed)


def _ordered(findings: Iterable[Finding]) -> list[Finding]:
    """``findings`` by severity, each rule's first place (app-wide first, then by path) before its further ones:
    ten places show ten problems rather than ten places of one."""
    ranked = sorted(findings, key=_rank)
    firsts: dict[str, int] = {}
    for f in ranked:
        firsts.setdefault(f.rule, id(f))
    return sorted(ranked, key=lambda f: (SEVERITIES.index(f.severity), firsts[f.rule] != id(f)))


def _annotation(level: Level, f: Finding, title: str) -> str:
    message = f"[{f.rule}] {f.subject}\n{f.fix}\n{f.doc}"
    return command(level, message, file=f.path, line=max(f.line, 1), title=title)


def _rank(f: Finding) -> tuple[int, bool, str, int, str]:
    return (SEVERITIES.index(f.severity), f.scope != "app", f.path, f.line, f.rule)
