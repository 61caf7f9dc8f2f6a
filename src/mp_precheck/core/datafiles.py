"""YAML data files (``checks/*.yml``, ``templates/*.yml``) parsed once per content, like Python's bytecode.

A run reads ~20 shipped YAML files (~115 KB: the rule catalog, its tables, the messages); parsing them takes
~35 ms and importing PyYAML ~15 ms more, on every run. :func:`read_data` keeps each file's parsed data as a
``marshal`` file in the ``__pycache__`` folder Python uses for this package (``sys.pycache_prefix`` included),
stamped with the file's bytes themselves (comparing them is a memory compare; hashing the ~115 KB took ~0.6 % of a
small run): an edited file is parsed again and its entry replaced, never read stale. Where that folder cannot be
written (a read-only installation), or the interpreter writes no bytecode (``PYTHONDONTWRITEBYTECODE``, ``-B``),
the file is parsed as before; the data is the same either way. An image build fills the cache once
(:func:`warm`). The source of truth stays the YAML.
"""

from __future__ import annotations

import contextlib
import importlib.util
import marshal
import os
import sys
from pathlib import Path
from typing import Any

CACHE_DIR = Path(importlib.util.cache_from_source(__file__)).parent  # the bytecode folder of this package


def load_yaml(text: str) -> Any:
    """Safe YAML with libyaml's C loader when PyYAML has it (several times faster), else the Python one."""
    import yaml  # loaded only when a file has to be parsed

    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def read_data(path: Path, cached: bool = True) -> Any:
    """The YAML data of the file at ``path``: from the cache when an earlier run parsed the same bytes
    (``cached``; False for files of the user's, which are parsed every time).

    Raises:
        OSError: the file cannot be read. yaml.YAMLError: it is not YAML.
    """
    raw = path.read_bytes()
    if not cached:
        return load_yaml(raw.decode("utf-8"))
    stamp = raw  # the entry keeps the bytes it was parsed from: equal bytes, the same data
    entry = CACHE_DIR / f"{path.parent.name}-{path.stem}.{sys.implementation.cache_tag}.marshal"
    try:
        kept_stamp, kept = marshal.loads(entry.read_bytes())
        if kept_stamp == stamp:
            return kept
    except (OSError, EOFError, ValueError, TypeError):
        pass  # not there yet (or damaged): parse, then keep it
    data = load_yaml(raw.decode("utf-8"))
    _keep(entry, (stamp, data))
    return data


def warm() -> int:
    """Parse every shipped data file into the cache (the Docker image does it at build time, so that each
    run of the action starts from it); returns how many files there are."""
    from mp_precheck.core.resources import data_dir

    files = [path for name in ("checks", "templates") for path in sorted(data_dir(name).glob("*.yml"))]
    for path in files:
        read_data(path)
    return len(files)


def _keep(entry: Path, data: Any) -> None:
    """Write ``data`` to ``entry`` atomically; nothing when it cannot be (bytecode writing is off, a read-only
    folder, a value marshal does not take)."""
    if sys.dont_write_bytecode:
        return
    partial = entry.with_name(f"{entry.name}.{os.getpid()}.tmp")
    try:
        blob = marshal.dumps(data)
        entry.parent.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(blob)
        os.replace(partial, entry)  # another run reading it sees the whole file or none
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
