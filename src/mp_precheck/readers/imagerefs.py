"""Local image files a page shows: references in ``src`` attributes, JS strings and imports, and style sheets'
``url(…)`` values and strings (readers/stylesheet.py), resolved to paths of the repository tree.

A Mini Program names a packaged image relative to the page (``../../images/a.png``) or to the project's
root (``/images/a.png``); Taro and uni-app also use the ``@/`` alias for ``src/``. Remote images
(``https://…``), data URIs and bound values (``{{icon}}``) are not files of the change and are left out.
Source: https://developers.weixin.qq.com/miniprogram/dev/component/image.html
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable

from mp_precheck.readers.logo import IMAGE_SUFFIXES

IMAGE_ATTRIBUTES = ("src", "icon", "image", "poster", "background-image", "default-source")


def image_reference(value: str) -> str | None:
    """The local image path a string names (``/images/wx.png?v=2`` → ``/images/wx.png``), or None."""
    text = value.strip()
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
