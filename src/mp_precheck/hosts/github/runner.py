"""The runner around the Action: its log, step outputs, job summary and report files.

:class:`RunnerIO` is the port; :class:`FileRunner` the real one on a GitHub runner, where step outputs
and the job summary are files named by ``GITHUB_OUTPUT`` and ``GITHUB_STEP_SUMMARY``.
https://docs.github.com/actions/reference/workflow-commands-for-github-actions
"""

from __future__ import annotations

import sys
import uuid
from pathlib import Path
from typing import Protocol, TextIO

from mp_precheck.core.secrets import redact
from mp_precheck.outputs.annotations import command

REPORT_DIR = "mp-precheck-report"


class RunnerIO(Protocol):
    """The runner around the action: its log, step outputs, job summary and a folder for report files."""

    def log(self, line: str) -> None:
        """One plain line in the job log."""
        ...

    def warning(self, line: str) -> None:
        """One line shown as a warning (a workflow-command annotation without a file)."""
        ...

    def error(self, line: str) -> None:
        """One line shown as an error."""
        ...

    def commands(self, text: str) -> None:
        """Workflow commands, already escaped (see :mod:`mp_precheck.outputs.annotations`)."""
        ...

    def set_output(self, name: str, value: str) -> None:
        """Set a step output."""
        ...

    def add_summary(self, markdown: str) -> None:
        """Append Markdown to the job summary."""
        ...

    def save(self, name: str, text: str) -> str:
        """Write a report file; return its path as later steps of the job see it."""
        ...


class FileRunner:
    """:class:`RunnerIO` on a GitHub runner: stdout is the log, ``GITHUB_OUTPUT`` and
    ``GITHUB_STEP_SUMMARY`` are files (None: not available, skipped), report files go to
    ``mp-precheck-report/`` in the workspace and are given as paths relative to it (the container sees
    the workspace at another absolute path than the steps after it)."""

    def __init__(self, workspace: Path, output: str | None, summary: str | None,
                 stream: TextIO | None = None) -> None:
        self.workspace = workspace
        self.output = output or None
        self.summary = summary or None
        self.stream = stream

    def _write(self, text: str) -> None:
        out = self.stream or sys.stdout
        out.write(redact(text))
        out.flush()

    def log(self, line: str) -> None:
        self._write(" ".join(line.split()) + "\n")

    def warning(self, line: str) -> None:
        self._write(command("warning", " ".join(line.split())) + "\n")

    def error(self, line: str) -> None:
        self._write(command("error", " ".join(line.split())) + "\n")

    def commands(self, text: str) -> None:
        if text:
            self._write(text if text.endswith("\n") else text + "\n")

    def set_output(self, name: str, value: str) -> None:
        if self.output is None:
            return
        value = redact(value)
        if "\n" in value or "\r" in value:
            delimiter = f"ghadelimiter_{uuid.uuid4()}"
            entry = f"{name}<<{delimiter}\n{value}\n{delimiter}\n"
        else:
            entry = f"{name}={value}\n"
        with open(self.output, "a", encoding="utf-8") as fh:
            fh.write(entry)

    def add_summary(self, markdown: str) -> None:
        if self.summary is None:
            return
        with open(self.summary, "a", encoding="utf-8") as fh:
            fh.write(redact(markdown if markdown.endswith("\n") else markdown + "\n"))

    def save(self, name: str, text: str) -> str:
        folder = self.workspace / REPORT_DIR
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(redact(text), encoding="utf-8")
        return f"{REPORT_DIR}/{name}"
