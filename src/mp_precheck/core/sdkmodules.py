"""Whether a module specifier (or a file path) loads a vendor's SDK, as the tables in ``checks/`` name it.

A vendor's SDK is copied into a Mini Program as a file (``libs/av-weapp-min.js``, ``utils/qiniuUploader.js``) or
installed as an npm package (``leancloud-storage``, ``@cloudbase/js-sdk``) and built into ``miniprogram_npm``
(https://developers.weixin.qq.com/miniprogram/dev/devtools/npm.html). The tables give both names: the start of
the file's name (``modules``) and the package (``packages``).
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable


def npm_package(spec: str) -> str:
    """The npm package a bare specifier names (``mysql2/promise`` → ``mysql2``, ``@koa/router/x`` → ``@koa/router``)."""
    parts = spec.split("/")
    return "/".join(parts[:2]) if spec.startswith("@") else parts[0]


def loads_module(spec: str, modules: Iterable[str], packages: Iterable[str]) -> bool:
    """Whether ``spec`` (an import or require specifier, or a file path) loads a module whose last segment starts
    with one of ``modules`` (case-insensitive: ``../../libs/av-weapp-min.js`` for ``av-weapp``) or whose npm
    package is one of ``packages``."""
    last = posixpath.basename(spec.rstrip("/")).lower()
    return any(last.startswith(m.lower()) for m in modules) or npm_package(spec) in packages
