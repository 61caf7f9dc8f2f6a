"""What under a Mini Program project's root its build leaves out: folders that are programs of their own.

Three kinds of folder sit below a project's root without being part of the Mini Program:

- **another Mini Program** (an SDK's demo app copied in with the SDK): its own ``app.json`` beside ``app.js|ts``,
  which WeChat never reads for this app (:func:`nested_roots`);
- **another program** (a Node back end, a web admin console, a package of scripts) in a folder with its own
  ``package.json`` that runs by itself — a ``start`` / ``dev`` / ``serve`` script or a ``bin``, or a server
  framework or database driver among its dependencies (:func:`other_programs`). Only in framework projects: a
  native project has no build, everything in ``miniprogramRoot`` is uploaded, and a ``package.json`` there is the
  one 构建 npm reads (https://developers.weixin.qq.com/miniprogram/dev/devtools/npm.html);
- **the rest of a framework project beside its source folder** (:func:`source_folder`): Taro compiles only its
  ``sourceRoot`` (the folder holding ``app.config.js|ts``, ``src`` by default:
  https://docs.taro.zone/docs/config-detail#sourceroot), a uni-app CLI project only ``src/``
  (https://uniapp.dcloud.net.cn/quickstart-cli.html), mpvue and WePY their ``src/``. What the build itself reads
  outside it keeps its meaning (:func:`build_reads`): the files at the project root (``package.json``,
  ``project.config.json``, ``vite.config.ts``, ``.env`` files), Taro's (or vue-cli's) ``config/`` folder and
  mpvue's ``static/``, copied into the package. A smoke-test script in ``scripts/`` is none of these; a file there
  the app's code imports is linked back in by ``facts/linked.py``.

In: the paths of the tree and a way to read a file's text. Out: folders (repository paths). Never raises.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable
from typing import Any

from mp_precheck.readers.appconfig import read_json
from mp_precheck.readers.modulespecs import SERVER_PACKAGES

# Frameworks whose app config sits in the folder the build compiles (mpx's config may be anywhere its
# ``app.mpx`` points, and its root is that folder already; kbone's config is a build file).
_SOURCE_FOLDER_FRAMEWORKS = ("taro", "uni-app", "mpvue", "wepy")
_CLASS_APPS = ("app.jsx", "app.tsx", "app.js", "app.ts", "app.vue")  # Taro 1/2 and WePY 1 named by package.json
# Taro's config/index.js|ts, dev, prod and vue-cli 2's and mpvue's config/*.env.js; mpvue's static/, which its
# build copies into the package as it is.
_BUILD_FOLDERS = frozenset({"config", "static"})
_RUN_SCRIPTS = frozenset({"start", "dev", "serve", "server"})


def source_folder(root: str, framework: str, app_config: str | None, files: set[str]) -> str | None:
    """The folder a framework project's build compiles, when it is narrower than ``root``: the folder of its app
    config (Taro's ``sourceRoot``, a uni-app CLI project's, mpvue's or WePY's ``src``), or ``src`` for a project
    named by its package.json whose App class is there; None when the build takes the whole root."""
    if framework not in _SOURCE_FOLDER_FRAMEWORKS:
        return None
    src = _join(root, "src")
    if app_config is None:
        return src if any(_join(src, name) in files for name in _CLASS_APPS) else None
    folder = posixpath.dirname(app_config)
    return folder if folder != root and (not root or folder.startswith(root + "/")) else None


def build_reads(rel: str) -> bool:
    """Whether a file at ``rel`` (relative to the project root, outside its source folder) is one the build reads:
    a file at the root itself, under ``config/`` or under ``static/``."""
    parts = rel.split("/")
    return len(parts) == 1 or parts[0] in _BUILD_FOLDERS


def nested_roots(root: str, own: str, candidates: Iterable[str], files: set[str]) -> tuple[str, ...]:
    """Folders strictly below ``root``, other than ``own`` (the folder of the project's own config) and those
    above it, with their own ``app.json`` beside ``app.js|ts`` (an SDK's demo app). ``candidates`` are the
    marker files of the tree."""
    nested = []
    for path in candidates:
        folder = posixpath.dirname(path)
        if posixpath.basename(path) != "app.json" or folder in (root, own) or own.startswith(folder + "/") \
                or (root and not folder.startswith(root + "/")):
            continue
        if _join(folder, "app.js") in files or _join(folder, "app.ts") in files:
            nested.append(folder)
    return tuple(nested)


def other_programs(root: str, framework: str, source: str | None, candidates: Iterable[str],
                   read_text: Callable[[str], str | None], names_framework: Callable[[Any], bool]) -> tuple[str, ...]:
    """Folders strictly below ``root`` of a framework project, outside its ``source`` folder (a package there is
    a library the app's code imports: a UI kit copied in with its own scripts), whose own ``package.json``
    describes a program that runs by itself (module docstring) — unless ``names_framework`` says it builds a Mini
    Program (a Taro or mpvue app kept in a folder of its own is the app) or it is a DCloud plugin (its
    ``dcloudext`` / ``engines.HBuilderX``: a uni-app library). Empty for a native project."""
    if framework == "native":
        return ()
    found = []
    for path in candidates:
        folder = posixpath.dirname(path)
        below = folder != root and (not root or folder.startswith(root + "/"))
        if posixpath.basename(path) != "package.json" or not below or \
                (source and (folder + "/").startswith(source + "/")):
            continue
        manifest = read_json(path, read_text)
        if _runs_by_itself(manifest) and not names_framework(manifest):
            found.append(folder)
    return tuple(found)


def _runs_by_itself(manifest: Any) -> bool:
    """Whether a package.json describes a program: a run script, a ``bin``, or a server package among its
    dependencies; never a DCloud plugin."""
    if not isinstance(manifest, dict) or "dcloudext" in manifest or \
            (isinstance(manifest.get("engines"), dict) and "HBuilderX" in manifest["engines"]):
        return False
    scripts = manifest.get("scripts")
    if isinstance(scripts, dict) and any(name.split(":")[0] in _RUN_SCRIPTS for name in scripts):
        return True
    deps: set[str] = set()
    for key in ("dependencies", "devDependencies"):
        if isinstance(manifest.get(key), dict):
            deps.update(manifest[key])
    return bool(manifest.get("bin")) or bool(deps & SERVER_PACKAGES)


def _join(folder: str, name: str) -> str:
    return f"{folder}/{name}" if folder else name
