"""Local image files a page shows: references in ``src`` attributes, JS strings and imports, and style sheets'
``url(…)`` values and strings (readers/stylesheet.py), resolved to paths of the repository tree.

A Mini Program names a packaged image relative to the page (``../../images/a.png``) or to the project's
root (``/images/a.png``); Taro and uni-app also use the ``@/`` alias for ``src/``. Remote images
(``https://…``), data URIs and bound values (``{{icon}}``) are not files of the change and are left out. A
folder bound at run time before a written file name (``{{theme.images}}/wechat.png``, a theme's or CDN's folder)
is kept as ``*/wechat.png``: the project's files of that name are what it can show
(:func:`resolve_bound_image`).
Source: https://developers.weixin.qq.com/miniprogram/dev/component/image.html
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable

from mp_precheck.core.recache import compiled
from mp_precheck.readers.logo import IMAGE_SUFFIXES

IMAGE_ATTRIBUTES = ("src", "icon", "image", "poster", "background-image", "default-source")
BOUND_FOLDER = "*/"  # a reference's folder bound at run time: ``*/icons/wx.png``
MAX_BOUND_MATCHES = 4  # files one bound reference resolves to (a theme per folder)
# A literal head, one {{binding}} or ${binding}, then a written path from a '/' on: its folder is bound.
_BOUND = compiled(r"[^{}$\s]*(?:\{\{[^{}]*\}\}|\$\{[^{}]*\})/(?P<tail>[^{}$\s]+)")


def image_reference(value: str) -> str | None:
    """The local image path a string names (``/images/wx.png?v=2`` → ``/images/wx.png``), or None."""
    lower = value.lower()
    if not any(suffix in lower for suffix in IMAGE_SUFFIXES):
        return None  # the path ends in a suffix: most strings of a script spell none (their only test here)
    text = value.strip()
    bound = _BOUND.fullmatch(text) if "{{" in text or "${" in text else None
    if bound is not None:
        text = BOUND_FOLDER + bound["tail"]
    if not text or len(text) > 300 or "{{" in text or "${" in text or any(c.isspace() for c in text):
        return None
    if "://" in text or text.startswith(("data:", "//")):
        return None
    path = text.split("?", 1)[0].split("#", 1)[0]
    return path if path.lower().endswith(IMAGE_SUFFIXES) else None


def resolve_image(ref: str, importer: str, root: str, exists: Callable[[str], bool]) -> str | None:
    """The tree path of image ``ref`` named in file ``importer`` of the project at ``root``, or None.

    Tried in order: relative to the importer's folder; from the project root for ``/x`` (and from its
    ``src/`` folder, where Taro and uni-app keep the sources); ``@/x`` and ``~@/x`` from ``src/``.
    """
    prefix = f"{root}/" if root else ""
    candidates: list[str] = []
    if ref.startswith(("@/", "~@/")):
        rest = ref.split("/", 1)[1]
        candidates = [f"{prefix}src/{rest}", f"{prefix}{rest}"]
    elif ref.startswith("/"):
        candidates = [f"{prefix}{ref[1:]}", f"{prefix}src/{ref[1:]}"]
    elif not ref.startswith("~"):
        candidates = [posixpath.join(posixpath.dirname(importer), ref)]
    for candidate in candidates:
        path = posixpath.normpath(candidate)
        if not path.startswith("../") and path != ".." and exists(path):
            return path
    return None


def resolve_bound_image(ref: str, root: str, paths: Iterable[str]) -> list[str]:
    """The files among ``paths`` of the project at ``root`` that the bound-folder reference ``ref``
    (``*/icons/wx.png``) can name: those ending in its written path, at most :data:`MAX_BOUND_MATCHES`."""
    tail = "/" + ref[len(BOUND_FOLDER):]
    if "/../" in f"{tail}/":
        return []
    prefix = f"{root}/" if root else ""
    found = sorted(p for p in paths if p.startswith(prefix) and f"/{p[len(prefix):]}".endswith(tail))
    return found[:MAX_BOUND_MATCHES]
