"""Locate the data folders (``checks/``, ``templates/``) in a wheel and in a source checkout.

The wheel ships them inside the package (``mp_precheck/checks``); a source checkout keeps them at the
repository root, where the design card puts them.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent


def data_dir(name: str) -> Path:
    """The folder ``name`` (``checks`` or ``templates``); raises FileNotFoundError if neither place has it."""
    for candidate in (_PACKAGE / name, _PACKAGE.parent.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"mp-precheck data folder {name!r} is missing from the installation")
