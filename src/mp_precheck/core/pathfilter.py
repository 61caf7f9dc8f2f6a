"""gitignore-style path patterns (``dist/``, ``**/*.min.js``, ``!keep.js``) via pathspec."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pathspec


@cache
def _spec(patterns: tuple[str, ...]) -> pathspec.GitIgnoreSpec:
    import pathspec  # only runs with path patterns configured pay for it

    return pathspec.GitIgnoreSpec.from_lines(patterns)


def matches(path: str, patterns: tuple[str, ...]) -> bool:
    """Whether repository-relative ``path`` is excluded by gitignore-style ``patterns``."""
    return bool(_spec(patterns).match_file(path))
