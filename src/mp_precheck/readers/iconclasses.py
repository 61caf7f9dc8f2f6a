"""Where markup shows a style sheet's image through a class named for it.

A style sheet sets an icon image as a class's background (``.icon-wechat { background-image: url(wechat.png) }``,
a BEM modifier ``c-icon--login-wechat`` built by a preprocessor mixin around ``login-wechat.png``) and a page puts the
class on an element: the page is where a reviewer sees the image, though its file is named only in the sheet.
A class token shows the image when it is the image's file stem or ends in it after a ``-`` or ``_``.
Source: https://developers.weixin.qq.com/miniprogram/dev/framework/view/wxss.html (WXSS classes and their
``background-image``).
"""

from __future__ import annotations

import posixpath
import re

from mp_precheck.core.recache import compiled

_CLASS = compiled(r"""(?<![\w:-])class\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
MIN_STEM = 3  # a shorter stem (a.png, x1.png) names no icon a class could be told by


def image_stem(image: str) -> str:
    """The file name of ``image`` without its suffix: ``static/icons/login-wechat.png`` → ``login-wechat``."""
    return posixpath.splitext(posixpath.basename(image))[0]


def class_lines(text: str, stem: str) -> list[int]:
    """1-based lines of ``text`` whose ``class`` attribute holds a token naming ``stem`` (the stem itself, or a
    token ending in it after ``-`` or ``_``: ``icon-wechat``, ``c-icon--login-wechat``); none for a stem shorter
    than :data:`MIN_STEM` or holding characters no class name has."""
    if len(stem) < MIN_STEM or not re.fullmatch(r"[\w-]+", stem) or stem.lower() not in text.lower():
        return []
    token = re.compile(rf"(?<![\w-])(?:[\w-]*[-_])?{re.escape(stem)}(?![\w-])", re.IGNORECASE)
    lines = []
    for match in _CLASS.finditer(text):
        value = match.group(1) if match.group(1) is not None else match.group(2)
        if token.search(value):
            lines.append(text.count("\n", 0, match.start()) + 1)
    return lines
