"""Columns for the terminal report's ``path:line:col`` places.

Findings carry a path and a line (the JSON contract); editors and terminals also jump to a column. The
column is where the finding's subject is spelled on that line of the head version — ``getLocation`` for
``wx.getLocation``, ``web-view`` for ``<web-view>``, the host for ``host:…`` — or 1 when the subject is
not spelled there (text signals, lifecycle findings, a subject reached through a wrapper). Dynamic code and a
review switch (``js:new-Function``, ``js:eval``, ``js:review-flag``) are found by their spelling too: in a
minified bundle of one line, column 1 shows nothing of what was matched.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from mp_precheck.core.report import Finding
from mp_precheck.facts.presence import needles
from mp_precheck.git.repo import GitRepo
from mp_precheck.readers.textcodec import decode

ColumnOf = Callable[[Finding], int]
# How dynamic code is spelled: ``new Function(`` with a body other than the bundlers' ``"return this"`` shim (which
# readers/syntax.py does not report), and ``eval(`` not part of a longer name.
_SPELLED = {"js:new-Function": re.compile(r"\bnew\s+Function\s*\((?!\s*(['\"])\s*return\s+this\s*;?\s*\1\s*\))"),
            "js:eval": re.compile(r"(?<![\w$.])eval\s*\(")}


def column_finder(repo: GitRepo, head: str) -> ColumnOf:
    """A function giving a finding's 1-based column (in characters) on its line at ``head``.

    Each file is read once from git (never from the working tree); a file that cannot be read, a line
    past its end, or a subject not spelled on the line gives column 1. Never raises for bad input.
    """
    lines: dict[str, list[str]] = {}

    def column(finding: Finding) -> int:
        if not finding.path or not finding.line:
            return 1
        if finding.path not in lines:
            data = repo.read_file(head, finding.path)
            lines[finding.path] = decode(data).text.split("\n") if data is not None else []
        text = lines[finding.path]
        if not 0 < finding.line <= len(text):
            return 1
        row = text[finding.line - 1]
        found = [row.find(n) for n in needles(finding.subject) if n]
        if finding.subject == "js:review-flag" and finding.value:
            found.append(row.find(finding.value))
        spelled = _SPELLED[finding.subject].search(row) if finding.subject in _SPELLED else None
        found = [at for at in found if at >= 0] + ([spelled.start()] if spelled is not None else [])
        return min(found) + 1 if found else 1

    return column
