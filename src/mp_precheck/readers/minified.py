"""Whether a script's text is a minified library: a bundle a minifier wrote, copied into the app whole.

A minifier writes a library's code on lines of thousands of characters (remarkable's, wemark's or an analytics
SDK's one-line builds); nobody writes their own page code so. Such a file is a third-party library whatever its
name (``ald-stat.js``, ``remarkable.js``), not only an ``x.min.js``: WeChat reviews it as part of the package
(https://developers.weixin.qq.com/miniprogram/dev/framework/user-privacy/miniprogram-intro.html), and the servers it
requests need 服务器域名 like the app's (https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html),
but its other URLs are the library's own (an autolinker's ``https://twitter.com/``, a doc link).
"""

from __future__ import annotations

_LONG_LINE = 500  # characters: no hand-written line is this long, a minifier's lines are thousands
_MINIFIED_SHARE = 0.8  # of a file's characters on such lines
_MIN_SIZE = 2000  # characters: a short file is no library (an app's own config written on one line)
_CODE_DENSITY = 0.01  # ``;`` and ``{`` per character of minified code (dozens per thousand; none in base64)


def is_minified_library(text: str) -> bool:
    """Whether ``text`` (a script's source) is a minified library: at least 2,000 characters, nearly all (80 %)
    on lines of 500 or more, and those lines code (statements and blocks all along), not one long literal (a
    base64 image, a data table)."""
    if len(text) < _MIN_SIZE:
        return False
    long_lines = [line for line in text.splitlines() if len(line) >= _LONG_LINE]
    size = sum(len(line) for line in long_lines)
    if size < _MINIFIED_SHARE * len(text):
        return False
    return sum(line.count(";") + line.count("{") for line in long_lines) >= size * _CODE_DENSITY
