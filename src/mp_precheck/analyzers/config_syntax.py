"""An app configuration the change leaves unparsable: ``app.json`` that is not JSON (a trailing comma, a comment,
a missing brace) stops WeChat's tools from compiling or uploading the Mini Program, so the reviewer never gets a
build (``completeness.invalid_app_config``). The run still reads the rest of the change; what the file held is
unknown, never absent (``core/unparsed.py``).

Source: https://developers.weixin.qq.com/miniprogram/dev/reference/configuration/app.html (app.json is JSON).

Reads: ``project`` (framework, app_config), ``changed_paths``, ``read_head``; no findings.
Writes: adds ``completeness.invalid_app_config`` at the line of the first error.
"""

from __future__ import annotations

import json

from mp_precheck.analyzers.context import ProjectContext
from mp_precheck.core.report import Finding
from mp_precheck.readers.appconfig import MalformedJson, load_json

RULE = "completeness.invalid_app_config"


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    path = context.project.app_config
    # Only a native app.json: a framework's config (app.config.ts, a pages.json with comments) is built, not read.
    if path is None or context.project.framework != "native" or path.rsplit("/", 1)[-1] != "app.json" \
            or path not in context.changed_paths:
        return findings
    text = context.read_head(path)
    if text is None:
        return findings
    try:
        load_json(text, path.rsplit("/", 1)[-1])
    except MalformedJson as exc:
        line = exc.__cause__.lineno if isinstance(exc.__cause__, json.JSONDecodeError) else 1
        return [*findings, context.finding(RULE, path, path, line, value=str(exc))]  # worded by outputs/errortext.py
    return findings
