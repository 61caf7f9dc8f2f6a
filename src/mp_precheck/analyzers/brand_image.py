"""WeChat's logo shipped as an image and shown on a page (``branding.brand_image``).

A page, component, script or style sheet of the change references a local image
(``<image src="/images/wx.png">``, ``import logo from '../../assets/wx.png'``, ``background:
url(../../images/wx.png)`` in a page's ``.wxss`` or a component's ``<style>`` block), the reference resolves
(relative to the file naming it) to a file of the head tree, and the image's pixels show WeChat's two-bubble
mark (:func:`mp_precheck.readers.logo.is_wechat_logo`). A reference whose folder is bound at run time
(``{{theme.images}}/wechat.png``) names each project file ending in its written path (the head tree's files,
or the changed ones when the tree is not known). Reported only when something is new: the reference
(its file names that image more often than before), the image (the change adds or replaces the file, and
then every head file naming it is a place it shows), or the component naming it (the change renders it for the
first time: ``analyzers/mounted.py``).
Source: https://developers.weixin.qq.com/miniprogram/product/reject.html (no WeChat logo or
look that makes users think the content comes from WeChat).

Reads: ``head_facts``, ``base_facts``, ``counterpart``, ``changed_paths``, ``added_lines``, ``repo_grep``,
``grep_files``, ``facts_at_head``, ``read_head``, ``read_base``, ``read_head_bytes``, ``exists_at_head``,
``head_paths``, ``cached_verdicts`` (and keeps new ones); no findings.
Writes: adds ``branding.brand_image``.
"""

from __future__ import annotations

import posixpath
from collections import Counter

from mp_precheck.analyzers.context import ProjectContext
from mp_precheck.analyzers.mounted import first_rendered, shown_files
from mp_precheck.core.parallel import ordered_map
from mp_precheck.core.report import Finding
from mp_precheck.facts.extract import reader_kind
from mp_precheck.facts.model import Fact, FileFacts
from mp_precheck.facts.presence import SCOPE_LIMIT
from mp_precheck.readers.iconclasses import class_lines, image_stem
from mp_precheck.readers.imagerefs import BOUND_FOLDER, resolve_bound_image, resolve_image
from mp_precheck.readers.logo import IMAGE_SUFFIXES, is_wechat_logo

MAX_IMAGES = 200  # images decoded per project and run; a mass import of assets is not worth minutes
PARALLEL_IMAGES = 8  # one image costs ~10-50 ms to decode and classify: a pool pays off from a few


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    places = _new_references(context) + _references_to_changed_images(context) + _first_rendered(context)
    images = list(dict.fromkeys(image for _path, _fact, image in places))[:MAX_IMAGES]
    verdicts = context.cached_verdicts("logo", images)  # an earlier run's, with the fact cache
    unknown = [image for image in images if image not in verdicts]
    contents = context.read_head_bytes(unknown)
    # Decoding and classifying is CPU-bound: a mass import of assets shares it out over the cores.
    fresh = dict(zip(unknown, ordered_map(_shows_logo, [(image, contents[image]) for image in unknown],
                                          threshold=PARALLEL_IMAGES), strict=True))
    context.keep_verdicts("logo", fresh)
    verdicts |= fresh
    out = list(findings)
    seen: set[tuple[str, int]] = set()
    for path, fact, image in places:
        if not verdicts.get(image):
            continue
        # a sheet's icon class put on an element of a changed page: the page is where the logo shows
        shown = _class_places(context, image) if reader_kind(path) == "style" else []
        for where, line in shown or [(path, fact.line)]:
            if (where, line) not in seen:
                seen.add((where, line))
                out.append(context.finding("branding.brand_image", f"brand-image:{image}", where, line,
                                           value=fact.value))
    return out


def _class_places(context: ProjectContext, image: str) -> list[tuple[str, int]]:
    """(path, line) of the changed markup whose class attribute names ``image``'s file stem
    (readers/iconclasses.py): where a style sheet's icon class shows the image."""
    stem = image_stem(image)
    places: list[tuple[str, int]] = []
    for path in sorted(context.head_facts):
        if reader_kind(path) in ("markup", "sfc") and context.project.owns(path):
            text = context.read_head(path)
            places.extend((path, line) for line in class_lines(text or "", stem))
    return places


def _shows_logo(job: tuple[str, bytes | None]) -> bool:
    """Whether the image (path, bytes) shows WeChat's logo; run in a worker process for many images."""
    image, data = job
    return bool(data is not None and is_wechat_logo(data, image))


def _images(context: ProjectContext, path: str, facts: FileFacts) -> list[tuple[Fact, str]]:
    """(reference fact, resolved image path) of one file's image references; a bound-folder reference gives a
    pair for each file it can name."""
    out: list[tuple[Fact, str]] = []
    for fact in facts.facts:
        if fact.kind != "image":
            continue
        ref = fact.subject[len("image:"):]
        paths = context.changed_paths if context.head_paths is None else context.head_paths
        if ref.startswith(BOUND_FOLDER):
            images = resolve_bound_image(ref, context.project.root, paths)
        else:
            image = resolve_image(ref, path, context.project.root, context.exists_at_head)
            images = [] if image is None else [image]
            if image is None and _helper_path(ref, path):
                # a preprocessor helper prefixes its folder (image-url("icons/wx.png") → $image-base + path):
                # the folder is bound at build time, the written path names the file
                images = resolve_bound_image(BOUND_FOLDER + ref, context.project.root, paths)
        out.extend((fact, image) for image in images if context.project.owns(image))
    return out


def _helper_path(ref: str, importer: str) -> bool:
    """Whether ``ref``, written in style sheet ``importer`` and not found beside it, is a path under a folder a
    preprocessor helper or variable adds (``image-url("components/icon/wx.png")``): relative, with a folder."""
    return reader_kind(importer) == "style" and "/" in ref and not ref.startswith((".", "/", "@", "~"))


def _new_references(context: ProjectContext) -> list[tuple[str, Fact, str]]:
    """References in changed files that are new, or that name an image the change adds or replaces."""
    places: list[tuple[str, Fact, str]] = []
    for path, facts in sorted(context.head_facts.items()):
        old = context.counterpart.get(path)
        before = Counter(f.subject for f in context.base_facts[old].facts) \
            if old and old in context.base_facts else Counter()
        now = Counter(f.subject for f in facts.facts)
        for fact, image in _images(context, path, facts):
            if now[fact.subject] > before[fact.subject] or image in context.changed_paths:
                places.append((path, fact, image))
    return places


def _first_rendered(context: ProjectContext) -> list[tuple[str, Fact, str]]:
    """The image references of components the change renders for the first time (``analyzers/mounted.py``):
    their logo reaches users now, though its lines are old."""
    places: list[tuple[str, Fact, str]] = []
    for target in (path for component in sorted(first_rendered(context)) for path in shown_files(context, component)):
        facts = context.head_facts.get(target) or context.facts_at_head(target)
        if facts is not None:
            places.extend((target, fact, image) for fact, image in _images(context, target, facts))
    return places


def _references_to_changed_images(context: ProjectContext) -> list[tuple[str, Fact, str]]:
    """Unchanged files that show an image the change adds or replaces (found by its file name)."""
    changed = {p for p in context.changed_paths if p.lower().endswith(IMAGE_SUFFIXES) and context.project.owns(p)}
    readable = _unchanged_readable(context) if changed else []
    if readable == []:
        return []
    names = {posixpath.basename(p) for p in changed}
    # Only the files that could show an image are searched when they are known and few: git then reads none of
    # the images, fonts and other binaries of the tree (half the time of a small change's grep).
    hits = context.repo_grep(names) if readable is None or len(readable) > SCOPE_LIMIT \
        or context.grep_files is None else context.grep_files(names, readable)
    places: list[tuple[str, Fact, str]] = []
    for path, contains in sorted(hits.items()):
        if path in context.head_facts or not contains or not context.project.owns(path) or reader_kind(path) is None:
            continue
        facts = context.facts_at_head(path)
        if facts is not None:
            places.extend((path, fact, image) for fact, image in _images(context, path, facts) if image in changed)
    return places


def _unchanged_readable(context: ProjectContext) -> list[str] | None:
    """The project's files outside the change that could show an image, up to one more than
    :data:`~mp_precheck.facts.presence.SCOPE_LIMIT` (None when the head tree is not known). When the change adds
    the whole app there is none, and the grep for the image names, ~0.3 s with a few hundred names, is skipped."""
    if context.head_paths is None:
        return None
    found: list[str] = []
    for path in context.head_paths:
        if path not in context.head_facts and context.project.owns(path) and reader_kind(path) is not None:
            found.append(path)
            if len(found) > SCOPE_LIMIT:
                break
    return found
