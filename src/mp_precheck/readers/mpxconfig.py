"""An mpx app's configuration: the file that holds ``app.mpx``'s JSON and the pages its ``packages`` register.

mpx lets ``app.mpx`` keep its JSON in another file (``<script name="json" src="./app.config.js">``,
``<script type="application/json" src="./app.json">``: a ``src`` on a block of a single-file component,
https://mpxjs.cn/guide/basic/single-file.html), and extends app.json with
``packages``: each entry names another ``app.mpx`` whose pages join the app — a WeChat subpackage under the
entry's ``?root=`` (``./pagesMine/app.mpx?root=pagesMine`` with ``"./login/index"`` is the route
``pagesMine/login/index``), or the main package without one, https://mpxjs.cn/guide/advance/subpackage.html.
In: paths and a reader of the tree's files; out: a path, a config object, page routes. Unreadable files and npm
packages give nothing; never raises.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs

from mp_precheck.readers.appdata import read_app_data
from mp_precheck.readers.sfc import split_blocks

Reader = Callable[[str], "str | None"]
_MAX_DEPTH = 4  # packages may list packages of their own; a cycle or a deep chain stops here


def config_source(path: str, text: str | None) -> str:
    """The file holding the JSON of the mpx file at ``path`` (with ``text``): the file its JSON block names
    with ``src`` (resolved from ``path``'s folder), else ``path`` itself."""
    for block in split_blocks(text or ""):
        is_json = block.tag == "script" and (
            "json" in block.attrs.get("type", "") or block.attrs.get("name") == "json")
        source = block.attrs.get("src", "").strip()
        if is_json and source and not block.text.strip():
            return posixpath.normpath(posixpath.join(posixpath.dirname(path), source))
    return path


def read_config(path: str, read: Reader) -> tuple[str, dict[str, Any] | None]:
    """(the file holding the config of the mpx file at ``path``, that config object or None)."""
    source = config_source(path, read(path))
    text = read(source)
    return source, read_app_data(source, text) if text is not None else None


def package_pages(config: Any, source: str, read: Reader, depth: int = 0) -> list[str]:
    """The routes the ``packages`` of ``config`` (read from the file ``source``) register, in order: each
    package's pages under its ``root`` query, or as they are without one (merged into the main package)."""
    listed = config.get("packages") if isinstance(config, dict) else None
    if not isinstance(listed, list) or depth >= _MAX_DEPTH:
        return []
    pages: list[str] = []
    for entry in listed:
        if not isinstance(entry, str) or not entry.strip().startswith("."):
            continue  # an npm package (its files are not in the tree) or a malformed entry
        spec, _, query = entry.strip().partition("?")
        root = (parse_qs(query).get("root") or [""])[0].strip("/")
        path = posixpath.normpath(posixpath.join(posixpath.dirname(source), spec))
        if read(path) is None and read(path + ".mpx") is not None:
            path += ".mpx"
        if read(path) is None:
            continue
        sub_source, sub = read_config(path, read)
        found = [*_own_pages(sub), *package_pages(sub, sub_source, read, depth + 1)]
        pages += [f"{root}/{page}" if root else page for page in found]
    return pages


def _own_pages(config: Any) -> list[str]:
    listed = config.get("pages") if isinstance(config, dict) else None
    pages: list[str] = []
    for page in listed if isinstance(listed, list) else []:
        name = page if isinstance(page, str) else page.get("path") if isinstance(page, dict) else None
        if isinstance(name, str) and name.strip():
            pages.append(_relative(name))
    return pages


def _relative(page: str) -> str:
    page = page.strip()
    while page.startswith("./"):
        page = page[2:]
    return page.lstrip("/")
