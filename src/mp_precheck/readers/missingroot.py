"""A ``project.config.json`` whose ``miniprogramRoot`` names a folder the tree does not hold.

WeChat DevTools and miniprogram-ci upload the Mini Program from ``miniprogramRoot``
(https://developers.weixin.qq.com/miniprogram/dev/devtools/projectconfig.html). When that folder is not in the
repository at all (renamed without the config, a typo), what is checked is the ``app.json`` found elsewhere, and
the run says so instead of passing in silence. A build folder (``dist/``, ``unpackage/``…) is never committed,
so a root inside one is no error.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Collection, Iterable

from mp_precheck.readers.appconfig import read_json


def missing_root(path: str, files: Iterable[str], read_text: Callable[[str], str | None],
                 build_dirs: Collection[str]) -> str | None:
    """The error to tell for the ``project.config.json`` at ``path``, or None when there is none.

    Inputs: the config's path in the tree, every file path of the tree, ``read_text`` (a file's text or None) and
    the folder names a build writes (their content is not committed). Output: a one-line message naming the config,
    its ``miniprogramRoot`` and the folder it resolves to, when that value is set, resolves inside the repository
    to no build folder and no file of the tree lies below it; else None (no value, invalid JSON — told elsewhere —
    or the folder exists). Never raises.
    """
    config = read_json(path, read_text)
    value = config.get("miniprogramRoot") if isinstance(config, dict) else None
    if not isinstance(value, str) or not value.strip("./ "):
        return None
    root = posixpath.normpath(posixpath.join(posixpath.dirname(path), value.strip()))
    if root.startswith("..") or posixpath.isabs(root) or set(root.split("/")) & set(build_dirs):
        return None
    prefix = root + "/"
    if any(file.startswith(prefix) for file in files):
        return None
    return (f"{path}: miniprogramRoot {value!r} names the folder {root}/, which is not in the repository; WeChat "
            f"DevTools and miniprogram-ci upload from it (fix miniprogramRoot); the app.json found elsewhere was "
            f"checked instead")
