"""A Taro config file added beside a component that already held the same configuration in its class.

Taro 1.x/2.x keeps the app's and each page's configuration in the class component (``config = {...}`` in
``src/app.tsx``, in ``pages/x/index.tsx``); Taro 3 reads it from a file beside it (``app.config.ts``,
``index.config.ts``: https://docs.taro.zone/docs/app-config, https://docs.taro.zone/docs/page-config). A change
that adds that file, copying the class's configuration (a migration that keeps the class field for now, or
drops it), moves the configuration: its titles and app.json keys were the app's before. The base's class
configuration counts as the base version of the added file, so the semantic diff (``core/semantic_diff.py``)
tells only the values the copy adds.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Mapping

from mp_precheck.facts.model import Fact, FileFacts
from mp_precheck.readers.appconfig import app_config_facts, title_facts
from mp_precheck.readers.jsconfig import class_config_object

_CONFIG_SUFFIXES = (".config.ts", ".config.js")
_COMPONENT_SUFFIXES = (".tsx", ".jsx", ".ts", ".js")


def with_config_twins(base: Mapping[str, FileFacts], head: Mapping[str, FileFacts],
                      counterpart: Mapping[str, str | None],
                      read_base: Callable[[str], str | None]) -> Mapping[str, FileFacts]:
    """``base`` with, for each Taro config file the change adds (a head path without counterpart), the facts of
    the configuration its component held in the class at base, under the added file's path.

    Args:
        base: base path → facts of the changed base files.
        head: head path → facts of the changed head files.
        counterpart: head path → its base path (None when the file is added).
        read_base: base path → the file's text at base, None when it is absent or unreadable.

    Returns:
        ``base`` itself when no added config file has a component holding a class configuration at base.
        A component the change also edits stands for its own configuration already and is not taken again.
    """
    twins: dict[str, FileFacts] = {}
    for path in head:
        if counterpart.get(path) or not path.lower().endswith(_CONFIG_SUFFIXES):
            continue
        facts = _class_config_facts(path, base, read_base)
        if facts:
            twins[path] = FileFacts(facts=tuple(facts))
    return {**base, **twins} if twins else base


def _class_config_facts(path: str, base: Mapping[str, FileFacts], read_base: Callable[[str], str | None]) -> list[Fact]:
    """The facts of the class configuration of the component beside config file ``path`` at base (its name
    without ``.config``: ``app.config.ts`` → ``app.tsx``), empty when none holds one or it is a changed file."""
    stem = path[: -len(".config.ts")]
    for suffix in _COMPONENT_SUFFIXES:
        component = stem + suffix
        text = None if component in base else read_base(component)
        data = class_config_object(text, component) if text else None
        if data is None:
            continue
        facts = title_facts(text or "", data)
        if posixpath.basename(stem).lower() == "app":  # the app's config also holds app.json's keys
            facts = app_config_facts(text or "", data) + facts
        return facts
    return []
