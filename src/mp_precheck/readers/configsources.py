"""Which configuration file in a tree is a framework project's source: a uni-app ``pages.json`` (beside
``manifest.json`` or ``App.vue``; a copy left beside a CLI project's ``src/`` one is not), an mpvue source
``app.json`` (beside ``main.js`` and ``App.vue``), an mpx ``app.mpx`` (not a subpackage's). In: folders and the
tree's file paths; out: yes or no. Pure functions of paths, never raise.

Source: https://uniapp.dcloud.net.cn/quickstart-cli.html (the CLI compiles ``src/``) and
https://mpxjs.cn/guide/advance/subpackage.html (``packages``).
"""

from __future__ import annotations

import posixpath


def _dir(path: str) -> str:
    return posixpath.dirname(path)


def _join(folder: str, rel: str) -> str:
    joined = posixpath.normpath(posixpath.join(folder, rel)) if rel else folder
    return "" if joined in (".", "") else joined.strip("/")


def is_uni_source(folder: str, files: set[str]) -> bool:
    """Whether a ``pages.json`` is uni-app's: beside ``manifest.json``, or beside the root component ``App.vue``
    when ``manifest.json`` is kept out of the repository (it holds the appid, so teams often ignore it)."""
    return _join(folder, "manifest.json") in files or _join(folder, "App.vue") in files


def stale_beside_source(folder: str, files: set[str]) -> bool:
    """Whether a uni-app ``pages.json`` is a leftover beside the CLI project's source one: the CLI (Vite's
    vite-plugin-uni, vue-cli-plugin-uni) compiles ``src/`` (``src/pages.json`` beside its ``main.js|ts``),
    https://uniapp.dcloud.net.cn/quickstart-cli.html, so a copy at the project root is never read."""
    source = _join(folder, "src")
    return is_uni_source(source, files) and _join(source, "pages.json") in files and \
        any(_join(source, m) in files for m in ("main.js", "main.ts"))


def mpx_subpackage(folder: str, files: set[str]) -> bool:
    """Whether an ``app.mpx`` lies below another one's folder: an mpx subpackage, which the main app lists
    in ``packages`` (``./pagesMine/app.mpx?root=pagesMine``), https://mpxjs.cn/guide/advance/subpackage.html,
    and whose first page is no entry page of its own."""
    parent = folder
    while parent:
        parent = _dir(parent)
        if _join(parent, "app.mpx") in files:
            return True
    return False


def is_mpvue_source(folder: str, files: set[str]) -> bool:
    """Whether an ``app.json`` is mpvue's source one: beside the Vue entry ``main.js|ts`` and ``App.vue``
    (the compiled Mini Program, with its own ``app.json``, goes to ``dist/``)."""
    return _join(folder, "App.vue") in files and any(_join(folder, m) in files for m in ("main.js", "main.ts"))
