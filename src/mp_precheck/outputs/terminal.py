"""The report for a person at a terminal (``--format text``): compact ``path:line`` lines that editors
and terminals make clickable, grouped by severity and family, the fix once per rule, the backend
checklist as a short list and the verdict last. No Markdown, no HTML.

Colour and the width of CJK text come from ``rich``; text from the repository (paths, values) has its
control characters replaced, so a file name cannot move the cursor or recolour the terminal.
"""

from __future__ import annotations

import io
from collections.abc import Callable

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from mp_precheck import __version__
from mp_precheck.core.catalog import Catalog
from mp_precheck.core.checklist import ChecklistItem, category_name, checklist
from mp_precheck.core.items import count_items, group_items, item_severity, told_in_full
from mp_precheck.core.lazyre import lazy
from mp_precheck.core.messages import Messages
from mp_precheck.core.report import Finding, Report
from mp_precheck.core.vocabulary import SEVERITIES
from mp_precheck.outputs.columns import ColumnOf
from mp_precheck.outputs.console import DEFAULT_WIDTH
from mp_precheck.outputs.errortext import localized
from mp_precheck.outputs.markdown import verdict_text

_STYLES = {"high": "bold red", "medium": "bold yellow", "low": "bold cyan", "info": "bold blue"}
_CONTROL = lazy(r"[\x00-\x1f\x7f-\x9f]")


def safe(text: object) -> str:
    """``text`` on one line with every control character (ESC included) shown as U+FFFD."""
    return _CONTROL.sub("\ufffd", " ".join(str(text).split()))


def _unmarked(text: str) -> str:
    """Message and catalog text without Markdown code spans (they are ours, so only backticks occur)."""
    return text.replace("`", "")


def render_text(report: Report, catalog: Catalog, language: str = "zh-CN", *, color: bool = False,
                column: ColumnOf | None = None) -> str:
    """The terminal report.

    Inputs: the report, the catalog (for the checklist), ``language`` (``zh-CN`` or ``en``), ``color``
    (ANSI colour codes, or none at all). Output: the text, ending in a newline. Lines are never broken
    (the terminal wraps them, so a ``path:line`` stays clickable and CJK text is never cut mid-character);
    ``path:line`` columns are padded by terminal cells, a CJK character counting two. ``column``, when
    given, turns each place into ``path:line:col`` (:func:`~mp_precheck.outputs.columns.column_finder`).
    """
    messages = Messages(language)
    t = messages.t
    console = Console(file=io.StringIO(), width=DEFAULT_WIDTH, force_terminal=color, no_color=not color,
                      color_system="standard" if color else None, highlight=False, markup=False, emoji=False,
                      legacy_windows=False, force_jupyter=False, force_interactive=False)

    def line(*parts: str | tuple[str, str]) -> None:
        console.print(Text.assemble(*parts), soft_wrap=True)

    line((t("heading"), "bold"), "  ", (f"{report.base[:7]}…{report.head[:7]}", "dim"))
    if report.status is not None:
        line("")
        line((t("status." + report.status), "bold"))
        _errors(line, report, messages)  # a file the change touches but nothing reads (a submodule) is still told
        return _value(console)
    _findings(line, report, catalog, messages, column)
    _lists(line, report, catalog, messages)
    _footer(line, report, catalog, messages)
    return _value(console)


_Line = Callable[..., None]  # prints one line assembled from text and (text, style) parts


def _findings(line: _Line, report: Report, catalog: Catalog, messages: Messages, column: ColumnOf | None) -> None:
    """The findings by severity and family: each place, rule, title and subject; the fix under an item. A place of
    scope ``file`` is a new call site, or for a rule judging each use (``every_use``: each brand wording) one more
    place that keeps the rule's severity."""
    t = messages.t
    colon = t("colon")
    for severity, family, entries in _sections(report.active_findings):
        line("")
        line((f"{t('severity.' + severity)} · {t('family.' + family)}", _STYLES[severity]))
        pad = max(cell_len(_place(f, column)) for entry in entries for f in entry)
        for entry in entries:
            owner = entry[0]
            for f in entry:
                place = _place(f, column)
                subject = safe(f.subject) + (f"  {safe(localized(f.value, messages))}"
                                             if f.value and f.value not in f.subject else "")
                label = t("text.related") if f.rule != owner.rule else "" if f.scope != "file" else \
                    t("scope_each") if catalog.judges_each_use(f.rule) else t("scope_file")
                line("  ", (place, "bold"), " " * (pad - cell_len(place) + 2), (f.rule, _STYLES[f.severity]),
                     "  ", f"{label}{colon}" if label else "", _unmarked(f.title), "  ", (subject, "dim"))
            if told_in_full(owner):
                line("    ", (t("text.fix") + colon, "dim"), _unmarked(owner.fix))
                line("    ", (t("text.doc") + colon, "dim"), owner.doc)




def _lists(line: _Line, report: Report, catalog: Catalog, messages: Messages) -> None:
    """What the change removes, the files that could not be read, and the submission checklist."""
    t = messages.t
    if report.removed:
        line("")
        removed = messages.join([f"{safe(r.subject)} ({safe(r.path)}:{r.line})" for r in report.removed])
        line((t("removed") + t("colon"), "bold"), removed)
    _errors(line, report, messages)
    items = checklist(report, catalog)
    if items:
        line("")
        line((t("checklist_heading"), "bold"))
        for item in items:
            line("  - ", _checklist_line(item, messages))


def _errors(line: _Line, report: Report, messages: Messages) -> None:
    """The files that could not be read completely, each with why; nothing when there is none."""
    if report.errors:
        line("")
        line((messages.t("errors_heading", count=len(report.errors)), "bold"))
        for e in report.errors:
            line("  ", (safe(e.path) or "-", "bold"), f": {safe(localized(e.message, messages))}")


def _footer(line: _Line, report: Report, catalog: Catalog, messages: Messages) -> None:
    """Suppressed and unchecked notes, the item count by level, the verdict and the version."""
    t = messages.t
    suppressed = len(report.findings) - len(report.active_findings)
    why, unchecked = report.not_checked()
    not_checked = [t(f"family.{fam}") for fam in unchecked]
    if suppressed or not_checked:
        line("")
    if suppressed:
        line((t("text.suppressed", count=suppressed), "dim"))
    if not_checked:
        line(_unmarked(t(why, families=messages.join(not_checked))))
    line("")
    if report.active_findings:  # items, as the headings group them and the verdict counts them
        counts = count_items(report.active_findings)
        levels = [t("text.level_count", severity=t("severity." + s), count=n) for s, n in counts.items()]
        line(t("text.summary", count=sum(counts.values()), levels=messages.join(levels)))
    level = report.risk_level
    partial = report.errors and level in ("none", "low", "info")  # the verdict says the check is partial
    line((verdict_text(report, messages), "bold yellow" if partial else _STYLES.get(level, "bold green")))
    line((f"mp-precheck {__version__} · {catalog.date}", "dim"))


def _value(console: Console) -> str:
    stream = console.file
    assert isinstance(stream, io.StringIO)
    return stream.getvalue()


def _place(f: Finding, column: ColumnOf | None = None) -> str:
    place = f"{safe(f.path)}:{f.line}"
    return f"{place}:{column(f)}" if column is not None and f.line else place


def _sections(findings: tuple[Finding, ...]) -> list[tuple[str, str, list[list[Finding]]]]:
    """(severity, family, items) most severe first (:func:`~mp_precheck.core.items.group_items`): an item is
    one rule's places of one scope, then the configuration that accompanies the feature, so the feature's
    fix covers it; the item sits under the heading of its most severe line."""
    sections: dict[tuple[str, str], list[list[Finding]]] = {}
    for item in group_items(findings):
        sections.setdefault((item_severity(item), item[0].family), []).append(item)
    rank: dict[str, int] = {s: i for i, s in enumerate(SEVERITIES)}
    ordered = sorted(sections.items(), key=lambda item: rank[item[0][0]])  # stable: families keep their order
    return [(severity, family, group) for (severity, family), group in ordered]


def _checklist_line(item: ChecklistItem, messages: Messages) -> str:
    values = {k: safe(v) for k, v in item.values.items()}
    if "list" in item.values:  # a server-domain line: the list's name
        values["list"] = messages.t(f"domain_list.{item.values['list']}")
    if item.kind == "test_account":
        values["what"] = messages.join([messages.t(f"why.{r}") for r in item.values["what"].split(",")])
    if item.kind == "category":
        values["what"] = category_name(item.values["what"], messages.t)
    return _unmarked(messages.t(f"checklist_{item.kind}", **values))
