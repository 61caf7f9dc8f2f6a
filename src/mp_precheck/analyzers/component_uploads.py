"""A page that starts using one of the project's own uploader components uploads: reported at the page.

A component that uploads what the user picks (``wx.uploadFile``, an upload wrapper, a UI kit's uploader inside
it) is a new upload where a page first renders it — the reviewer tests the upload on that page, so it is reported
at the page's new use of the component (a new call site; at the page's call of the component's upload method
through its ref or id, when it makes one: ``uploaderRef.value.upload()``), once per page and component, when the
component's
upload is old (it uploaded before the change, or its upload code only moved into it). Its own new-call-site
upload findings of the change (the old upload rewritten) then say nothing more and are dropped. An existing
component that gets upload code it did not have keeps the report where the code is written; a new one named
as an uploader (``<ImageUpload>``) is reported there and at the new pages the change adds that render it, as a
new upload helper is beside its callers; an existing page that starts rendering it is told once, at the
component's own upload. No report when the page already rendered the same component, its base version
uploaded by itself (its upload moved into the component), another file of the same page (its ``.js`` beside the
``.wxml``) uploaded in the base tree with the API the component uses (the page's upload handed to the component;
another API is a new upload), its own script reports an upload of the change (one
report per page), a file that renders it rendered the component before
(the use moved one level down), or no other file names it (a copy of an old page nothing loads); nor for a UI
kit's own component copied in (``uni_modules/uni-file-picker``), which its kit's entry judges.
Components are matched as ``readers/componentuses.py`` reads them (Vue imports and global registrations, JSX
imports, ``usingComponents``), through a barrel module that passes them on (``components/index.ts``).
Doc: https://developers.weixin.qq.com/miniprogram/dev/framework/custom-component/
and, for the upload itself, https://developers.weixin.qq.com/miniprogram/dev/api/network/upload/wx.uploadFile.html

Reads: ``head_facts``, ``base_facts``, ``counterpart``, ``added_lines``, ``read_head``, ``read_base``,
``exists_at_head``, ``facts_at_head`` (the component's facts, wrappers followed), ``repo_grep``; upload findings.
Writes: adds ``upload.upload_file`` / ``upload.cloud_upload_file`` / ``upload.third_party_upload`` (scope file) at
the page; removes the component's upload findings of scope file.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping

from msgspec.structs import replace

from mp_precheck.analyzers.context import ProjectContext
from mp_precheck.analyzers.missing_pages import PAGE_SUFFIXES
from mp_precheck.analyzers.rendered import component_file, component_uses, easycom_uses, registered_components
from mp_precheck.core.lazyre import lazy
from mp_precheck.core.report import Finding
from mp_precheck.core.semantic_diff import counted
from mp_precheck.core.spelling import same_call
from mp_precheck.core.thirdparty import third_party
from mp_precheck.facts.model import FileFacts
from mp_precheck.facts.store import ExistingPaths, resolve_module
from mp_precheck.readers.componentuses import is_sfc, ref_calls

_UPLOAD_RULES = ("upload.upload_file", "upload.cloud_upload_file", "upload.third_party_upload")
_WORDS = lazy(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")  # CImageUpload → C, Image, Upload


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    uploads = {s: rule for rule in _UPLOAD_RULES for s in context.catalog.rule(rule).subjects}
    tree = ExistingPaths(context.exists_at_head)
    registered = registered_components(context)
    head_uses = {path: [(component_file(context, path, spec, tag, tree), tag, line) for spec, tag, line in
                        easycom_uses(context, context.read_head, path,
                                     component_uses(context.read_head, path, registered, facts))]
                 for path, facts in sorted(context.head_facts.items())}
    old_of = {path: context.counterpart.get(path) for path in head_uses}
    base_uses = {path: {component_file(context, old, spec, tag, tree) for spec, tag, _line in
                        easycom_uses(context, context.read_base, old,
                                     component_uses(context.read_base, old, registered, context.base_facts.get(old)))}
                 for path, old in old_of.items() if old}
    announced = {posixpath.splitext(f.path)[0] for f in findings if f.family == "upload" and f.subject in uploads}
    candidates: list[Finding] = []
    for path, uses in head_uses.items():
        old = old_of[path]
        if old and old in context.base_facts and _uploads(context.base_facts[old], uploads):
            continue  # the page uploaded before: its upload moved into the component
        before = _page_uploads(context, path, old, uploads)
        if posixpath.splitext(path)[0] in announced:
            continue  # the page's own code reports an upload of this change: the reviewer tests it there once
        lines = context.added_lines.get(path, frozenset())
        reported: set[str] = set()
        for target, tag, line in uses:
            if line not in lines or target is None or target == path or target in base_uses.get(path, set()) | \
                    reported or _moved_down(path, target, head_uses, base_uses) or _kits_own(tag, target):
                continue
            subjects = _old_uploads(context, target, tag, uploads, announced, new_page=old is None)
            if subjects and not set(subjects) & before:
                reported.add(target)
                at = _upload_call(context, path, line, lines)
                found = context.finding(uploads[subjects[0]], subjects[0], path, at, scope="file",
                                        value=f"<{tag}> ({target})")
                candidates.append(found if context.catalog.rule(found.rule).every_use else
                                  replace(found, severity="low"))
    added = _loaded(context, candidates)
    targets = {f.value.rsplit("(", 1)[-1].rstrip(")") for f in added if f.value}
    # a new component keeps its own findings too, as a new helper does beside its callers
    relocated = {posixpath.splitext(t)[0] for t in targets if context.counterpart.get(t) is not None}
    kept = [f for f in findings if not (f.family == "upload" and f.scope == "file" and f.subject in uploads
                                        and posixpath.splitext(f.path)[0] in relocated)]
    return kept + added


def _kits_own(tag: str, target: str) -> bool:
    """Whether ``target`` is a UI kit's own component copied into the project (``uni_modules/uni-file-picker/…``
    for ``<uni-file-picker>``): what it does is the kit's entry in ``checks/ui_kits.yml`` (its ``manual`` and
    ``uploads_to`` facts: analyzers/ui_kits.py), not its vendored code."""
    kit = third_party().component(tag)
    return kit is not None and kit.registered_from(target)


def _page_uploads(context: ProjectContext, path: str, old: str | None, uploads: Mapping[str, str]) -> set[str]:
    """The upload subjects the other files of the page or component ``path`` (base path ``old``) used in the base
    tree: its ``.js`` beside its ``.wxml``, as the change left it or as it was when the change edits it. A page whose
    script uploaded with ``wx.cloud.uploadFile`` and now renders a component that does the same upload moved its
    upload into the component; one that embeds a component uploading another way gets a new upload."""
    if not old:
        return set()
    stem, own = posixpath.splitext(old)
    found: set[str] = set()
    for sibling in (stem + suffix for suffix in PAGE_SUFFIXES if suffix != own):
        if sibling in context.base_facts:
            found.update(_uploads(context.base_facts[sibling], uploads))
        elif sibling not in context.changed_paths and old == path and context.exists_at_head(sibling):
            facts = context.facts_at_head(sibling)  # unchanged by the change: as it was in the base tree
            found.update(_uploads(facts, uploads) if facts is not None else ())
    return found


def _upload_call(context: ProjectContext, path: str, line: int, added: frozenset[int]) -> int:
    """Where the page's new use of the component at template ``line`` uploads: the first added call of an upload
    method through the element's ref or id (``await uploaderRef.value.upload()`` in the page's submit handler),
    else the element itself."""
    text = context.read_head(path) if is_sfc(path) else None
    calls = ref_calls(text, line) if text else []
    return next((at for method, at in calls if at in added and third_party().named_upload(method)), line)


def _old_uploads(context: ProjectContext, target: str, tag: str, uploads: Mapping[str, str],
                 announced: set[str], new_page: bool) -> list[str]:
    """The upload subjects of the component ``target`` (rendered as ``<tag>``) when its upload is not news of its
    own: none when the change adds upload code to a component that did not upload before (reported there, where
    it is written), unless the component is new and named as an uploader (``<ImageUpload>``) and the file that
    renders it is new too (``new_page``): a new page's own form with its own photos (refund photos), reported
    there as a new helper's callers are. An existing page that starts rendering a component the change adds, whose
    upload the change reports inside it, gains that one upload, told once where the component makes it. A new
    component that uploads on the way to something else (a profile popup) is one feature."""
    facts = context.facts_at_head(target)
    subjects = _uploads(facts, uploads) or _helper_uploads(context, target, facts, uploads) if facts else []
    if not subjects or posixpath.splitext(target)[0] not in announced or target not in context.head_facts:
        return subjects
    old = context.counterpart.get(target)
    if old is None:
        return subjects if new_page and _named_uploader(tag, target) else []
    return subjects if old in context.base_facts and _uploads(context.base_facts[old], uploads) else []


def _helper_uploads(context: ProjectContext, target: str, facts: FileFacts, uploads: Mapping[str, str]) -> list[str]:
    """The upload subjects of the modules of its own folder the component ``target`` imports (``import { Picker }
    from './picker.js'``: a plugin's uploader class shipped beside its ``.vue``, whose methods pick and upload),
    in order; a module elsewhere (the app's API layer) is no part of the component."""
    tree = ExistingPaths(context.exists_at_head)
    found: set[str] = set()
    for spec in (s for s in facts.module_specs if s.startswith("./") and "/" not in s[2:]):
        helper = resolve_module(target, spec, tree)
        helper_facts = context.facts_at_head(helper) if helper else None
        found.update(_uploads(helper_facts, uploads) if helper_facts is not None else ())
    return sorted(found)


def _named_uploader(tag: str, target: str) -> bool:
    """Whether the tag or the file (its folder, for an ``index``) names an uploader: a word starting with an upload
    word of ``checks/upload_sdks.yml`` (``CImageUpload``, ``photo-uploader``)."""
    stem = posixpath.splitext(posixpath.basename(target))[0]
    name = posixpath.basename(posixpath.dirname(target)) if stem == "index" else stem
    starts = tuple(third_party().upload_words)
    return bool(starts) and any(w.lower().startswith(starts) for w in _WORDS.findall(f"{tag} {name}"))


def _moved_down(path: str, target: str, head_uses: Mapping[str, list[tuple[str | None, str, int]]],
                base_uses: Mapping[str, set[str | None]]) -> bool:
    """Whether a changed file that now renders ``path`` rendered ``target`` itself before: the use moved one level
    down, into a component of its own (a page's uploader moved into its new form component)."""
    return any(other != path and target in base_uses.get(other, set()) and any(t == path for t, _tag, _line in uses)
               for other, uses in head_uses.items())


def _loaded(context: ProjectContext, found: list[Finding]) -> list[Finding]:
    """``found`` without those in files no other file names (a copy of an old page kept beside it, ``index2.vue``):
    nothing renders or registers them, so no user meets their uploader."""
    def needles(path: str) -> set[str]:  # 'returnapply/index2' (pages.json, '@/…/x/index2'), './index2'
        stem = posixpath.splitext(posixpath.basename(path))[0]
        return {f"{posixpath.basename(posixpath.dirname(path))}/{stem}", f"./{stem}"}

    wanted = {n for f in found for n in needles(f.path)}
    hits = context.repo_grep(wanted) if wanted else {}
    return [f for f in found if any(needles(f.path) & names and other != f.path for other, names in hits.items())]


def _uploads(facts: FileFacts, uploads: Mapping[str, str]) -> list[str]:
    """The upload subjects ``facts`` (linked: wrappers followed) use, in order. A call of a project function named
    as an upload that no module resolves (``upload.upload()`` of an SDK the reader cannot follow) is among them as
    the fact store's guess (``call:upload``, standing for ``wx.uploadFile``); one that resolves to a function of the
    project is what that function does: an ``upload(config)`` that posts a form through the app's request helper
    uploads nothing."""
    return sorted({same_call(f.subject) for f in facts.facts if same_call(f.subject) in uploads and counted(f)})
