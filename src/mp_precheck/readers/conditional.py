"""uni-app conditional compilation: code for other platforms is not shipped to WeChat.

``// #ifdef H5`` … ``// #endif`` (also ``/* */`` and ``<!-- -->`` forms, ``#ifndef``, ``#else`` and
``||`` between platforms) keeps or drops the lines between the directives at build time. For a
WeChat build, ``MP-WEIXIN`` and ``MP`` are true, every other platform name (``H5``, ``APP-PLUS``,
``APP``, ``MP-ALIPAY``…) false; names that are not platforms (``VUE3``, ``uniVersion``…) are
treated as true, so unknown code is analysed rather than hidden. Dropped lines become empty lines,
so line numbers stay those of the source (uni-app platform doc). Given the file's path, the functions only
those blocks call are blanked too, and so are a component's page hooks uni-app calls on other platforms only
(``onNavigationBarButtonTap``, ``onBackPress``…) with the functions only they call (:mod:`.platformreach`).
"""

from __future__ import annotations

from functools import lru_cache

from mp_precheck.core.lazyre import lazy
from mp_precheck.readers.platformreach import names_other_platform_hooks, without_unreached

_DIRECTIVE = lazy(r"^\s*(?://|/\*|<!--|#)?\s*#(ifdef|ifndef|else|endif)\b\s*([^*\n]*?)\s*(?:\*/|-->)?\s*$")
WECHAT = frozenset({"MP-WEIXIN", "MP", "WEIXIN"})
# Platform names of uni-app other than WeChat's: code only for them is not shipped to WeChat.
OTHER_PLATFORMS = lazy(r"^(H5|WEB|APP|APP-PLUS|APP-PLUS-NVUE|APP-NVUE|APP-ANDROID|APP-IOS|APP-HARMONY|"
                             r"MP-[A-Z0-9-]+|QUICKAPP-[A-Z0-9-]+|UNI-APP-X)$")


def has_directives(text: str) -> bool:
    return "#ifdef" in text or "#ifndef" in text


def _true_for_wechat(condition: str) -> bool:
    names = [n.strip() for n in condition.split("||") if n.strip()]
    if not names:
        return True
    return any(n in WECHAT or not OTHER_PLATFORMS.match(n) for n in names)


@lru_cache(maxsize=32)  # the facts, the analyzers and their readers each ask again for the same changed file
def for_wechat(text: str, path: str | None = None) -> str:
    """``text`` with the lines of inactive conditional blocks blanked (same number of lines); with ``path`` (the
    file's), the lines of the hooks other platforms alone call and of the functions only those blocks and hooks
    call as well."""
    directives = has_directives(text)
    if not directives and (path is None or not names_other_platform_hooks(text, path)):
        return text
    kept = _blanked(text) if directives else text
    return without_unreached(text, kept, path) if path is not None else kept


def _blanked(text: str) -> str:
    stack: list[bool] = []  # is each open block active?
    out = []
    for line in text.split("\n"):
        match = _DIRECTIVE.match(line)
        active = all(stack)
        if match:
            kind, condition = match.group(1), match.group(2)
            if kind == "ifdef":
                stack.append(_true_for_wechat(condition))
            elif kind == "ifndef":
                stack.append(not (_true_for_wechat(condition) and any(
                    n.strip() in WECHAT for n in condition.split("||"))))
            elif kind == "else" and stack:
                stack[-1] = not stack[-1]
            elif kind == "endif" and stack:
                stack.pop()
            out.append(line)  # the directive is a comment: kept as is
            continue
        out.append(line if active else "")
    return "\n".join(out)
