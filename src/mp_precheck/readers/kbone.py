"""kbone projects: a React / Vue web app that ``mp-webpack-plugin`` compiles into a Mini Program.

kbone keeps no ``app.json`` in the source. The webpack plugin generates the Mini Program from
``miniprogram.config.js`` (https://wechat-miniprogram.github.io/kbone/docs/config/): ``router`` maps each page
name to its web routes (every key is one Mini Program page, generated as ``pages/<name>/index``), ``entry`` is the
route the Mini Program opens on, ``app`` / ``appExtraConfig`` / ``global`` hold app.json-like settings and
``projectConfig`` the ``appid``. The configuration is read as data with tree-sitter, never executed.

In the app's JSX or Vue templates WeChat's built-in components are written with a ``wx-`` prefix
(``<wx-button open-type="getUserInfo">``) or as ``<wx-component behavior="button">``
(https://wechat-miniprogram.github.io/kbone/docs/guide/advanced.html): :func:`builtin_name` gives the built-in
component such an element renders.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from typing import Any

from msgspec import Struct

from mp_precheck.readers.jsconfig import config_object

CONFIG_NAME = "miniprogram.config.js"
# Folders the webpack configuration usually sits in, below the project folder (kbone-cli: build/, CRA: scripts/).
_TOOL_FOLDERS = frozenset({"build", "scripts", "config"})
# Keys kbone's configuration has beside ``router`` (https://wechat-miniprogram.github.io/kbone/docs/config/).
_KBONE_KEYS = frozenset({"origin", "entry", "redirect", "generate", "projectConfig", "appExtraConfig"})
# Built-in components kbone renders from a ``wx-`` element or a ``<wx-component behavior>``
# (https://wechat-miniprogram.github.io/kbone/docs/guide/advanced.html#使用小程序内置组件).
BUILTIN_COMPONENTS = frozenset({
    "cover-image", "cover-view", "movable-area", "movable-view", "scroll-view", "swiper", "swiper-item", "view",
    "icon", "progress", "rich-text", "text", "button", "editor", "form", "picker", "picker-view",
    "picker-view-column", "slider", "switch", "navigator", "camera", "image", "live-player", "live-pusher", "map",
    "ad", "ad-custom", "official-account", "open-data", "web-view", "video", "audio", "canvas", "input",
    "textarea", "checkbox", "checkbox-group", "radio", "radio-group", "label", "match-media", "page-container",
    "share-element", "voip-room", "channel-live", "channel-video", "functional-page-navigator", "store-product",
})


class KboneApp(Struct, frozen=True):
    """What a kbone configuration says: the project folder, the generated pages in ``router`` order, the
    page the Mini Program opens on and the ``appid``."""

    root: str
    pages: tuple[str, ...]
    entry_page: str | None
    appid: str | None


def kbone_app(path: str, files: set[str], read_text: Callable[[str], str | None]) -> KboneApp | None:
    """The kbone app configured by the ``miniprogram.config.js`` at ``path``, or None when the file is not a kbone
    configuration (no ``router`` object beside kbone's other keys) or cannot be read.

    The project folder is the nearest folder from the configuration's up holding ``package.json``; without one,
    the folder above a ``build`` / ``scripts`` / ``config`` folder, else the configuration's own folder.
    """
    text = read_text(path)
    config = config_object(text, path) if text else None
    if not is_kbone_config(config):
        return None
    assert isinstance(config, dict)
    names = [name for name in config["router"] if isinstance(name, str) and name]
    pages = tuple(f"pages/{name}/index" for name in names)
    entry = _entry_name(config, names)
    project = config.get("projectConfig")
    appid = project.get("appid") if isinstance(project, dict) else None
    return KboneApp(root=_project_folder(posixpath.dirname(path), files), pages=pages,
                    entry_page=f"pages/{entry}/index" if entry else None,
                    appid=appid if isinstance(appid, str) else None)


def is_kbone_config(config: Any) -> bool:
    """Whether a configuration object is kbone's: a non-empty ``router`` object and another of kbone's keys."""
    return isinstance(config, dict) and isinstance(config.get("router"), dict) and bool(config["router"]) \
        and bool(_KBONE_KEYS.intersection(config))


def _entry_name(config: dict[str, Any], names: list[str]) -> str | None:
    """The page the Mini Program opens on: the one whose routes list ``entry``, else the first of ``router``."""
    entry = config.get("entry")
    for name in names:
        routes = config["router"][name]
        routes = [routes] if isinstance(routes, str) else routes
        if isinstance(entry, str) and isinstance(routes, list) and entry in routes:
            return name
    return names[0] if names else None


def _project_folder(folder: str, files: set[str]) -> str:
    current = folder
    while True:
        if posixpath.join(current, "package.json") in files:
            return current
        if not current:
            break
        current = posixpath.dirname(current)
    if posixpath.basename(folder) in _TOOL_FOLDERS:
        return posixpath.dirname(folder)
    return folder


def builtin_name(tag: str, behavior: str | None = None) -> str:
    """The built-in component a kbone element renders: ``wx-button`` → ``button``, ``wx-component`` with
    ``behavior="picker"`` → ``picker``; any other (lower-case) tag unchanged. Only WeChat's built-in names are
    taken off the prefix, so a project component named ``wx-something`` keeps its name."""
    if tag == "wx-component" and behavior and behavior.strip().lower() in BUILTIN_COMPONENTS:
        return behavior.strip().lower()
    if tag.startswith("wx-") and tag[3:] in BUILTIN_COMPONENTS:
        return tag[3:]
    return tag
