"""Regular expressions compiled on first use, for the module-level patterns most runs never reach.

Compiling a pattern costs ~0.05–2 ms of Python (``re._parser``) in every process that imports its module,
whether or not the run matches anything with it; about 60 of the package's patterns serve paths a typical
run never takes (release notes, GitHub events, uni-app directives, rare page shapes). :func:`lazy` keeps
the pattern's text and compiles it when a method is first called; from then on the compiled pattern's
bound methods sit on the object itself, so a call costs what a call on a ``re.Pattern`` costs. Patterns
that every run matches with stay ``re.compile`` at module level: there is nothing to save on them.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from typing import Any

from mp_precheck.core.recache import compiled

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")


class LazyPattern:
    """A ``re.Pattern[str]`` stand-in: the same matching methods, compiled at the first call."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags

    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern; the first call compiles it and puts its bound methods on this object."""
        pattern = compiled(self.pattern, self.flags)
        self.__dict__.update({name: getattr(pattern, name) for name in _METHODS}, compiled=lambda: pattern)
        return pattern

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled().search(string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled().match(string, pos, endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled().fullmatch(string, pos, endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        return self.compiled().finditer(string, pos, endpos)

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        return self.compiled().findall(string, pos, endpos)

    def sub(self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0) -> str:
        return self.compiled().sub(repl, string, count)

    def subn(self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0) -> tuple[str, int]:
        return self.compiled().subn(repl, string, count)

    def split(self, string: str, maxsplit: int = 0) -> list[str | Any]:
        return self.compiled().split(string, maxsplit)


def lazy(pattern: str, flags: int = 0) -> LazyPattern:
    """``re.compile(pattern, flags)``, compiled when first used (see the module docstring)."""
    return LazyPattern(pattern, flags)
