"""UI-kit media components resolved through ``usingComponents``.

A tag with a kit's exact name (``van-uploader``, ``mp-uploader``…) counts as that kit's component
(``checks/ui_kits.yml``): uni-app's easycom registers ``u-*``/``uni-*`` without any import. Where the code
shows the registration — ``usingComponents`` of the page (``page.json`` next to ``page.wxml``, the JSON
block of an ``.mpx``) or of the app — and it points at a project component that is not the kit's
(neither the kit's package nor a copy of its component folder), the tag is the project's own and the
finding is dropped. Doc: https://developers.weixin.qq.com/miniprogram/dev/framework/custom-component/

Reads: ``read_head`` (the app's and the page's ``usingComponents``); findings with subject ``ui-kit:pick-
media`` / ``ui-kit:upload-media`` in a ``.wxml``/``.mpx``.
Writes: removes those whose tag is registered to the project's own component; adds nothing.
"""

from __future__ import annotations

from typing import Any

from mp_precheck.analyzers.context import ProjectContext
from mp_precheck.core.report import Finding
from mp_precheck.core.thirdparty import PICK_SUBJECT, UPLOAD_SUBJECT, third_party
from mp_precheck.readers.appdata import read_app_data


def _using_components(context: ProjectContext, path: str) -> dict[str, Any]:
    """usingComponents of the app, then of the page of ``path`` (the page's own entries win)."""
    found: dict[str, Any] = {}
    sources = [context.project.app_config] if context.project.app_config else []
    sources.append(path.rsplit(".", 1)[0] + ".json" if path.endswith(".wxml") else path)
    for source in sources:
        text = context.read_head(source) if source else None
        data = read_app_data(source, text) if source and text else None
        using = data.get("usingComponents") if data else None
        if isinstance(using, dict):
            found.update(using)
    return found


def _is_kits(tag: str, target: str) -> bool:
    kit = third_party().component(tag)
    if kit is None:
        return False
    folder = tag.split("-", 1)[1] if "-" in tag else tag  # van-uploader → a vendored …/uploader/index
    return kit.registered_from(target) or f"/{folder}" in target or target.startswith(folder)


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    out = []
    registrations: dict[str, dict[str, Any]] = {}
    for f in findings:
        if f.subject in (PICK_SUBJECT, UPLOAD_SUBJECT) and f.value and f.path.endswith((".wxml", ".mpx")):
            tag = f.value.split(">", 1)[0].lstrip("<")
            using = registrations.setdefault(f.path, _using_components(context, f.path))
            target = using.get(tag)
            if isinstance(target, str) and not _is_kits(tag, target):
                continue  # the project's own component under a kit's name
        out.append(f)
    return out
