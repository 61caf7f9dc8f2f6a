"""Advice that says where to declare an app.json key names the file the project's framework keeps it in.

The catalog's texts say "list getLocation in app.json requiredPrivateInfos", which is where a native project
writes it. A framework project has no app.json in its source: its build writes one from another file, and a key
written anywhere else is lost (uni-app reads ``requiredPrivateInfos``, ``permission``, ``plugins``… from
``manifest.json`` under ``"mp-weixin"``, https://uniapp.dcloud.net.cn/collocation/manifest.html#mp-weixin; Taro
from ``app.config.js|ts``, https://docs.taro.zone/docs/app-config; mpx and WePY from the app file's config). So
in a project whose app configuration (``Project.app_config``, the file discovery read those keys from) is not an
app.json, every "app.json" of a finding's title and fix is reworded to name that file. Advice already written for
every framework (page registration, which names uni-app's ``pages.json`` and Taro's ``app.config`` itself) is
left as it is. Source: https://developers.weixin.qq.com/miniprogram/dev/reference/configuration/app.html.

Reads: ``project`` (framework, app_config), ``language`` · every finding whose title or fix names app.json.
Writes: rewrites their title and fix (rule, subject, place and severity kept).
"""

from __future__ import annotations

import posixpath

from msgspec.structs import replace

from mp_precheck.analyzers.context import ProjectContext
from mp_precheck.core.recache import compiled
from mp_precheck.core.report import Finding
from mp_precheck.readers.discovery import Project

# "app.json" as a file name: not ext.json, not weapp-vite's app.json.ts, not a path's tail (dist/app.json).
_APP_JSON = compiled(r"(?<![\w./-])app\.json(?![\w.])( ?)")
# Advice that already names each framework's own file beside app.json: nothing to reword.
_EVERY_FRAMEWORK = compiled(r"pages\.json|app\.config")
_NATIVE_NAMES = ("app.json", "ext.json")


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    place = keys_place(context.project, context.language)
    if place is None:
        return findings
    return [_placed(f, place) for f in findings]


def keys_place(project: Project, language: str) -> str | None:
    """The words naming where ``project`` declares app.json's keys (``src/manifest.json (under "mp-weixin")``,
    ``src/app.config.ts``) in ``language``; None when that is an app.json (or ext.json) or no file holds them."""
    path = project.app_config
    if path is None or posixpath.basename(path) in _NATIVE_NAMES:
        return None
    if project.framework == "uni-app" and posixpath.basename(path) == "manifest.json":
        return f'{path}（"mp-weixin" 下）' if language == "zh-CN" else f'{path} (under "mp-weixin")'
    return path


def _placed(finding: Finding, place: str) -> Finding:
    title, fix = (_reworded(text, place) for text in (finding.title, finding.fix))
    return finding if (title, fix) == (finding.title, finding.fix) else replace(finding, title=title, fix=fix)


def _reworded(text: str, place: str) -> str:
    if not _APP_JSON.search(text) or _EVERY_FRAMEWORK.search(text):
        return text
    # a full-width parenthesis closes the Chinese place: the space that followed "app.json" goes with it
    return _APP_JSON.sub(lambda match: place + ("" if place.endswith("）") else match.group(1)), text)
