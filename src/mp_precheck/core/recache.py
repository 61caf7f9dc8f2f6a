"""Regular expressions compiled once per Python version and kept, like bytecode.

Compiling a pattern is mostly Python (``re._parser`` and ``re._compiler`` turn it into the opcode list the C
matcher runs): the ~200 patterns a small PR compiles cost ~20 ms of its ~250 ms, in every process. The result
of that work is plain data — the opcode list, group counts and names — that ``_sre.compile`` turns into the same
``re.Pattern`` in microseconds. :func:`compiled` keeps it in a ``marshal`` file beside the package's bytecode
(``sys.pycache_prefix`` included, as ``core/datafiles.py`` does), stamped with the interpreter's version and the
matcher's ``MAGIC``: another Python compiles afresh. Patterns a run compiled that the file lacked are added when
the process exits, and nothing is written where Python writes no bytecode. Whatever fails, a pattern is compiled
the ordinary way: the pattern is the same either way.

Each opcode list is kept as the bytes of its machine words, turned back into a list only for the patterns a run
uses: the file holds every pattern of the package (~350, ~95,000 opcodes), and unmarshalling them as Python ints
took ~2 % of a small pull request's run.
"""

from __future__ import annotations

import atexit
import contextlib
import importlib
import marshal
import os
import re
import sys
from collections.abc import Iterator
from typing import Any

try:  # CPython's matcher and compiler (3.11+); elsewhere every pattern is compiled the ordinary way
    _sre: Any = importlib.import_module("_sre")
    _compiler: Any = importlib.import_module("re._compiler")
    _parser: Any = importlib.import_module("re._parser")
    _STAMP: tuple[Any, ...] | None = (sys.hexversion, _sre.MAGIC, _sre.CODESIZE, "code-bytes")
    _WORDS = memoryview(b"").cast("I").itemsize == _sre.CODESIZE  # an opcode is a C unsigned int
except (ImportError, AttributeError):  # pragma: no cover - not CPython 3.11+
    _STAMP, _WORDS = None, False

_RE_COMPILE = re.compile  # the ordinary compile, also while :func:`libraries` routes ``re.compile`` here
_Entry = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]  # the opcodes as their words' bytes
_kept: dict[tuple[str, int], _Entry] | None = None
_new: dict[tuple[str, int], _Entry] = {}


def compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the kept compilation when an earlier run made it (module docstring)."""
    if _STAMP is None or not _WORDS:
        return _RE_COMPILE(pattern, flags)
    key = (pattern, int(flags))
    entry = _table().get(key) or _new.get(key)
    if entry is None:
        entry = _compile(pattern, int(flags))
        if entry is None:
            return _RE_COMPILE(pattern, flags)
        if not _new:
            atexit.register(_save)
        _new[key] = entry
    flags_, code, *rest = entry
    try:
        return _sre.compile(pattern, flags_, memoryview(code).cast("I").tolist(), *rest)  # type: ignore[no-any-return]
    except (TypeError, ValueError, RuntimeError):
        return _RE_COMPILE(pattern, flags)


@contextlib.contextmanager
def libraries() -> Iterator[None]:
    """For the ``with`` block, ``re.compile`` goes through :func:`compiled`: the patterns libraries compile as they
    are imported (unidiff's diff grammar, ``html.parser``'s, ``platform``'s that msgspec's ``uuid`` loads) come
    from the kept compilations too — ~4 ms of every run otherwise. Same patterns, same results; a call
    :func:`compiled` cannot take (a compiled pattern, a non-int flag) goes to ``re.compile`` as before."""
    original = re.compile

    def through_cache(pattern: Any, flags: Any = 0) -> Any:
        if isinstance(pattern, (str, bytes)) and isinstance(flags, int):
            return compiled(pattern, flags)  # type: ignore[arg-type]  # bytes are kept the same way
        return original(pattern, flags)

    re.compile = through_cache
    try:
        yield
    finally:
        re.compile = original


def _compile(pattern: str, flags: int) -> _Entry | None:
    """What ``re._compiler.compile`` hands to ``_sre.compile`` for ``pattern`` (None when it cannot be had)."""
    try:
        parsed = _parser.parse(pattern, flags)
        code = _compiler._code(parsed, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        from array import array  # only when a pattern is compiled afresh

        words = array("I", [int(op) for op in code]).tobytes()
        return int(flags | parsed.state.flags), words, parsed.state.groups - 1, groupindex, tuple(indexgroup)
    except (AttributeError, TypeError, OverflowError):  # a compiler that differs: compile the ordinary way
        return None


def _path() -> str:
    from mp_precheck.core.datafiles import CACHE_DIR

    return str(CACHE_DIR / f"regex.{sys.implementation.cache_tag}.marshal")


def _table() -> dict[tuple[str, int], _Entry]:
    """The kept compilations, read once per process ({} when there are none or they are another Python's)."""
    global _kept
    if _kept is None:
        _kept = {}
        with contextlib.suppress(OSError, EOFError, ValueError, TypeError):
            with open(_path(), "rb") as kept:
                stamp, table = marshal.loads(kept.read())
            if stamp == _STAMP and isinstance(table, dict):
                _kept = table
    return _kept


def warm() -> int:
    """Import every module of the package, so that the patterns they compile as they load are kept (the Docker
    image does it at build time, as it fills the data cache); returns how many compilations are kept."""
    import pkgutil

    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # the package's folder, above core/
    for module in pkgutil.walk_packages([package], "mp_precheck."):  # (the package imports this module)
        if not module.name.endswith("__main__"):
            importlib.import_module(module.name)
    _save()
    return len(_table())


def _save() -> None:
    """Write the kept compilations with this run's new ones, atomically; nothing where no bytecode is written."""
    if sys.dont_write_bytecode or not _new:
        return
    path = _path()
    partial = f"{path}.{os.getpid()}.tmp"
    try:
        blob = marshal.dumps((_STAMP, {**_table(), **_new}))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(partial, "wb") as out:
            out.write(blob)
        os.replace(partial, path)  # another run reading it sees the whole file or none
        _table().update(_new)
        _new.clear()
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            os.unlink(partial)
