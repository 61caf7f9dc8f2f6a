"""An app configuration the change leaves unparsable (``completeness.invalid_app_config``): an ``app.json`` that
is not JSON (a trailing comma, a comment, a missing brace) stops WeChat's tools from compiling or uploading the
Mini Program, so the reviewer never gets a build; so does a framework's own app configuration its build cannot
read — uni-app's ``pages.json`` or ``manifest.json`` that is not JSON even with comments, Taro's
``app.config.js|ts`` with a syntax error. The run still reads the rest of the change; what the file held is
unknown, never absent (``core/unparsed.py``), and its unread-file notice stays.

Only a change that breaks the file is a finding: a configuration already broken before it (or one the tool cannot
read at the base either) is told by its notice alone.

Source: https://developers.weixin.qq.com/miniprogram/dev/reference/configuration/app.html (app.json is JSON);
https://uniapp.dcloud.net.cn/collocation/pages.html; https://docs.taro.zone/docs/app-config.

Reads: ``project`` (framework, app_config), ``changed_paths``, ``read_head``, ``read_base``; no findings.
Writes: adds ``completeness.invalid_app_config`` at the line of the first error.
"""

from __future__ import annotations

import posixpath

from mp_precheck.analyzers.context import ProjectContext
from mp_precheck.core.report import Finding
from mp_precheck.readers.appconfig import MalformedJson, load_json, loads_jsonc
from mp_precheck.readers.discovery import Project
from mp_precheck.readers.syntax import language_for, parse, walk

RULE = "completeness.invalid_app_config"
_WITH_COMMENTS = ("pages.json", "manifest.json")  # uni-app reads both as JSON with comments
_SCRIPT_CONFIGS = ("app.config.js", "app.config.ts")  # Taro evaluates its app config as a module


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    added = []
    for path in app_config_files(context.project):
        if path not in context.changed_paths:
            continue
        problem = config_problem(context.read_head(path), path)
        if problem is None or config_problem(context.read_base(path), path) is not None:
            continue  # it parses, or it was broken before this change
        message, line = problem  # message worded by outputs/errortext.py
        added.append(context.finding(RULE, path, path, line, value=message))
    return [*findings, *added] if added else findings


def app_config_files(project: Project) -> list[str]:
    """The files holding ``project``'s app configuration that its build must parse: its app.json (native, mpvue),
    uni-app's ``pages.json`` beside its ``manifest.json`` and the manifest itself, Taro's ``app.config.js|ts``;
    none for an app config read otherwise (an mpx or WePY app file, a kbone config)."""
    path = project.app_config
    name = posixpath.basename(path) if path else ""
    if path is None or name not in ("app.json", *_WITH_COMMENTS, *_SCRIPT_CONFIGS):
        return []
    if project.framework == "uni-app" and name == "manifest.json":
        return [posixpath.join(posixpath.dirname(path), "pages.json"), path]
    return [path]


def config_problem(text: str | None, path: str) -> tuple[str, int] | None:
    """Why the configuration ``text`` of the file ``path`` does not parse as its build reads it, and the line of
    the first error (the file's last line for one cut short); None when it parses or there is no text."""
    if text is None:
        return None
    name = posixpath.basename(path)
    try:
        if name in _SCRIPT_CONFIGS:
            return _syntax_error(text, path)
        if name in _WITH_COMMENTS:
            loads_jsonc(text)
        else:
            load_json(text, name)
    except MalformedJson as exc:
        message = str(exc) if name not in _WITH_COMMENTS else f"{name} is not valid JSON5: {exc}"
        return message, _last_line(text, exc.line)
    except ValueError as exc:  # nested too deeply: no line to name
        return f"{name} is not valid JSON5 ({exc})", 1
    return None


def _syntax_error(text: str, path: str) -> tuple[str, int] | None:
    """The first syntax error of a script config: tree-sitter's first ``ERROR`` or missing node."""
    root = parse(language_for(path), text.encode("utf-8", "replace")).root_node
    if not root.has_error:
        return None
    node = next((n for n in walk(root) if n.is_error or n.is_missing), root)
    line, column = node.start_point.row + 1, node.start_point.column + 1
    return f"{posixpath.basename(path)} has a syntax error at line {line} column {column}", _last_line(text, line)


def _last_line(text: str, line: int) -> int:
    """``line``, or the last line holding text when ``line`` is past it (a file cut short ends in its error)."""
    return max(1, min(line, text.rstrip().count("\n") + 1))
