"""Progress of a long run on stderr: "parsed 812/2000 files", shown only on a terminal and only once a
run has taken longer than :data:`DELAY` seconds (a quick run prints nothing), erased when it ends.

The analysis reports through a plain callable ``progress(done, total)``; this module turns it into a
``rich`` progress line. Nothing is shown when stderr is not a terminal or with ``--quiet``.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, TextIO

from mp_precheck.outputs.console import isatty

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

ProgressCallback = Callable[[int, int], None]
DELAY = 1.0  # seconds before anything is shown


class ProgressLine:
    """A callable ``(done, total)`` that draws a transient progress line on ``stream`` once ``delay``
    seconds have passed since it was created (``clock`` measures them). :meth:`close` erases it."""

    def __init__(self, stream: TextIO, delay: float = DELAY, clock: Callable[[], float] = time.monotonic) -> None:
        self._stream = stream
        self._clock = clock
        self._start = clock()
        self._delay = delay
        self._bar: Progress | None = None
        self._task: TaskID | None = None
        self.shown = False

    def __call__(self, done: int, total: int) -> None:
        if self._bar is None:
            if self._clock() - self._start < self._delay:
                return
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            console = Console(file=self._stream, stderr=True, highlight=False, markup=False, emoji=False)
            self._bar = Progress(TextColumn("mp-precheck: parsed"), MofNCompleteColumn(), TextColumn("files"),
                                 BarColumn(), TimeElapsedColumn(), console=console, transient=True)
            self._task = self._bar.add_task("facts", total=total)
            self._bar.start()
            self.shown = True
        assert self._task is not None
        self._bar.update(self._task, completed=done, total=total)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None


@contextmanager
def progress_reporter(stream: TextIO, *, quiet: bool = False) -> Iterator[ProgressCallback | None]:
    """A progress callback for the analysis when ``stream`` is a terminal and not ``quiet``, else None;
    the line is erased when the block ends (also on an error)."""
    if quiet or not isatty(stream):
        yield None
        return
    line = ProgressLine(stream, DELAY)
    try:
        yield line
    finally:
        line.close()

