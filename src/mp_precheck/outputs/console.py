"""Which output a person at a terminal gets (the default format and colour), and where it is written.

Colour follows ``--color``: ``always`` and ``never`` are obeyed as given; ``auto`` colours only when
stdout is a terminal, ``NO_COLOR`` is unset or empty (https://no-color.org) and ``TERM`` is not ``dumb``.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TextIO

from mp_precheck.core.errors import UserError
from mp_precheck.core.secrets import redact

DEFAULT_WIDTH = 100  # the text format never breaks lines; rich needs a width all the same


def default_format(output: str | None, stdout: TextIO) -> str:
    """``text`` when the report goes to a terminal, else ``markdown`` (piped, or ``--output FILE``)."""
    return "text" if output is None and isatty(stdout) else "markdown"


def use_color(choice: str, stdout: TextIO, environ: Mapping[str, str], *, to_file: bool = False) -> bool:
    """Whether the text format carries ANSI colour codes (``choice``: auto, always or never)."""
    if choice == "always":
        return True
    if choice == "never" or to_file:
        return False
    return isatty(stdout) and not environ.get("NO_COLOR") and environ.get("TERM") != "dumb"


def isatty(stream: TextIO) -> bool:
    """Whether ``stream`` is a terminal (False for anything that cannot say)."""
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def emit(text: str, output: str | None, stdout: TextIO | None = None) -> None:
    """Write ``text`` to the file ``output``, or to ``stdout`` (default: ``sys.stdout``) when None, with
    any secret value masked (:func:`~mp_precheck.core.secrets.redact`).

    Raises: UserError when the file cannot be written.
    """
    text = redact(text)
    if output:
        try:
            Path(output).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise UserError(f"cannot write {output}: {exc.strerror}") from exc
    else:
        (stdout or sys.stdout).write(text)
