"""UI-kit media components resolved through ``usingComponents``.

A tag with a kit's exact name (``van-uploader``, ``mp-uploader``…) counts as that kit's component
(``checks/ui_kits.yml``): uni-app's easycom registers ``u-*``/``uni-*`` without any import. Where the code
shows the registration — ``usingComponents`` of the page (``page.json`` next to ``page.wxml``, the JSON
block of an ``.mpx``) or of the app — and it points at a project component that is not the kit's
(neither the kit's package nor a copy of its component folder), the tag is the project's own and the
finding is dropped. Doc: https://developers.weixin.qq.com/miniprogram/dev/framework/custom-component/

A kit component that uploads only to one service (``uploads_to`` in ``checks/ui_kits.yml``: uni-ui's
``<uni-file-picker>`` to the project's uniCloud service space) uploads nothing in a project that has none: no
``uniCloud*/`` folder of cloud functions and no ``uniCloud.`` call in the project's own code (a kit's vendored
code calling it is no service space). It only picks: "如不绑定服务空间，autoUpload默认为false且不可更改"
(https://uniapp.dcloud.net.cn/component/uniui/uni-file-picker.html).

Reads: ``read_head`` (the app's and the page's ``usingComponents``); findings with subject ``ui-kit:pick-
media`` / ``ui-kit:upload-media`` in a ``.wxml``/``.mpx``; ``head_paths`` and ``repo_grep`` (``uniCloud.``)
for ``ui-kit:upload-media`` findings of a kit that uploads to uniCloud only.
Writes: removes those whose tag is registered to the project's own component, and the ``ui-kit:upload-media``
findings of a uniCloud-only kit in a project with no uniCloud service space; adds nothing.
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


# Folders of code the project did not write: a uniCloud call there binds no service space of the project's.
_VENDORED = ("uni_modules/", "node_modules/", "unpackage/")
_SCRIPTS = (".js", ".ts", ".vue", ".nvue", ".uvue", ".mjs", ".jsx", ".tsx")


def _kit_of(finding: Finding) -> str:
    """The tag of a kit finding's value (``<uni-file-picker> (uni-ui)`` → ``uni-file-picker``)."""
    return (finding.value or "").split(">", 1)[0].lstrip("<")


def _has_unicloud(context: ProjectContext, tags: set[str]) -> bool:
    """Whether the repository has a uniCloud service space: a ``uniCloud`` / ``uniCloud-aliyun`` / ``uniCloud-tcb``…
    folder outside vendored code, or a ``uniCloud.`` call in a script of its own (not in a kit component's
    folder, one of ``tags``)."""
    def own(path: str) -> bool:
        parts = path.split("/")
        return not any(f"/{v}" in f"/{path}" for v in _VENDORED) and not any(p.startswith(".") for p in parts) \
            and not tags.intersection(parts)
    if context.head_paths is not None and any(
            own(path) and any(part.startswith("uniCloud") for part in path.split("/")[:-1])
            for path in context.head_paths):
        return True
    return any(own(path) and path.endswith(_SCRIPTS) for path in context.repo_grep({"uniCloud."}))


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    unicloud_only = {_kit_of(f) for f in findings if f.subject == UPLOAD_SUBJECT and
                     (kit := third_party().component(_kit_of(f))) is not None and kit.uploads_to == "uniCloud"}
    if unicloud_only and not _has_unicloud(context, unicloud_only):
        findings = [f for f in findings if not (f.subject == UPLOAD_SUBJECT and _kit_of(f) in unicloud_only)]
    out = []
    registrations: dict[str, dict[str, Any]] = {}
    for f in findings:
        if f.subject in (PICK_SUBJECT, UPLOAD_SUBJECT) and f.value and f.path.endswith((".wxml", ".mpx")):
            tag = _kit_of(f)
            using = registrations.setdefault(f.path, _using_components(context, f.path))
            target = using.get(tag)
            if isinstance(target, str) and not _is_kits(tag, target):
                continue  # the project's own component under a kit's name
        out.append(f)
    return out
