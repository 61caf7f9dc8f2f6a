"""Which app entry file a script's ``getApp()`` returns."""

from __future__ import annotations

import posixpath
from collections.abc import Mapping

from mp_precheck.git.repo import TreeEntry
from mp_precheck.readers.jsbindings import VUE_ENTRIES

APP_NAMES = ("app.js", "app.ts", "app.wpy", "app.mpx", "App.vue", "app.vue")


def app_file(importer: str, tree: Mapping[str, TreeEntry], names: tuple[str, ...] = APP_NAMES) -> str | None:
    """The app entry file (``app.js``…) that ``getApp()`` in ``importer`` returns: the nearest one in the importer's
    folder or above it (with ``names`` = :data:`VUE_ENTRIES`, the Vue entry that sets ``this.$x`` properties: the
    nearest beside the app's root component ``App.vue``, else the nearest — an mpvue page's own ``main.js`` mounts
    the page, ``src/main.js`` installs the app's properties)."""
    folder, nearest = posixpath.dirname(importer), None
    while True:
        for name in names:
            candidate = posixpath.join(folder, name) if folder else name
            if candidate in tree and not tree[candidate].is_symlink:
                if names != VUE_ENTRIES or any(posixpath.join(folder, a) in tree for a in ("App.vue", "app.vue")):
                    return candidate
                nearest = nearest or candidate
        if not folder:
            return nearest
        folder = posixpath.dirname(folder)
