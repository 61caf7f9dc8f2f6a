"""uni-app conditional compilation: code for other platforms is not shipped to WeChat.

``// #ifdef H5`` … ``// #endif`` (also ``/* */`` and ``<!-- -->`` forms, ``#ifndef``, ``#else`` and
``||`` between platforms) keeps or drops the lines between the directives at build time. For a
WeChat build, ``MP-WEIXIN`` and ``MP`` are true, every other platform name (``H5``, ``APP-PLUS``,
``APP``, ``MP-ALIPAY``…) false; names that are not platforms (``VUE3``, ``uniVersion``…) are
treated as true, so unknown code is analysed rather than hidden. Dropped lines become empty lines,
so line numbers stay those of the source (uni-app platform doc). Given the file's path, the functions only
those blocks call are blanked too, and so are a component's page hooks uni-app calls on other platforms only
(``onNavigationBarButtonTap``, ``onBackPress``…) with the functions only they call (:mod:`.platformreach`).

Taro's build does the same with a script's ``if (process.env.TARO_ENV === 'alipay') {…}`` (:mod:`.taroenv`).
Only a framework's build does this (uni-app's, https://uniapp.dcloud.net.cn/tutorial/platform.html; Taro's in
style files and its ``process.env.TARO_ENV`` branches, https://docs.taro.zone/docs/envs): the developer tools
upload a native project's files as they are, so there ``<!-- #ifdef H5 -->`` is a plain comment and everything
between ships (``compiled=False``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Protocol

from mp_precheck.core.lazyre import lazy
from mp_precheck.readers.platformreach import names_other_platform_hooks, without_unreached
from mp_precheck.readers.taroenv import TARO_ENV, for_weapp

_DIRECTIVE = lazy(r"^\s*(?://|/\*|<!--|#)?\s*#(ifdef|ifndef|else|endif)\b\s*([^*\n]*?)\s*(?:\*/|-->)?\s*$")
WECHAT = frozenset({"MP-WEIXIN", "MP", "WEIXIN"})
# Platform names of uni-app other than WeChat's: code only for them is not shipped to WeChat.
OTHER_PLATFORMS = lazy(r"^(H5|WEB|APP|APP-PLUS|APP-PLUS-NVUE|APP-NVUE|APP-ANDROID|APP-IOS|APP-HARMONY|"
                             r"MP-[A-Z0-9-]+|QUICKAPP-[A-Z0-9-]+|UNI-APP-X)$")


def directive(line: str) -> tuple[str, str] | None:
    """``(kind, condition)`` of a conditional-compilation line (``// #ifdef H5`` → ``("ifdef", "H5")``; kind
    ``ifdef``, ``ifndef``, ``else`` or ``endif``), None for any other line."""
    match = _DIRECTIVE.match(line)
    return (match.group(1), match.group(2).strip()) if match else None


def compiles_conditionally(framework: str) -> bool:
    """Whether a project of ``framework`` (``readers/discovery.py``) is built by a tool that drops the blocks of
    other platforms: every framework's build but a native project's, which WeChat's developer tools upload as
    written (https://developers.weixin.qq.com/miniprogram/dev/framework/structure.html)."""
    return framework != "native"


class _Project(Protocol):
    """What :func:`native_files` reads of a project (``readers/discovery.py`` ``Project``)."""

    @property
    def framework(self) -> str: ...

    def owns(self, path: str) -> bool: ...


def native_files(projects: Iterable[_Project]) -> Callable[[str], bool]:
    """Whether a path is a native project's file and no framework project's (a framework app may hold a native
    one's folder): its ``#ifdef`` comments ship as written."""
    native = [p for p in projects if not compiles_conditionally(p.framework)]
    built = [p for p in projects if compiles_conditionally(p.framework)]
    if not native:
        return lambda _path: False
    return lambda path: any(p.owns(path) for p in native) and not any(p.owns(path) for p in built)


def has_directives(text: str) -> bool:
    return "#ifdef" in text or "#ifndef" in text


def _true_for_wechat(condition: str) -> bool:
    names = [n.strip() for n in condition.split("||") if n.strip()]
    if not names:
        return True
    return any(n in WECHAT or not OTHER_PLATFORMS.match(n) for n in names)


@lru_cache(maxsize=32)  # the facts, the analyzers and their readers each ask again for the same changed file
def for_wechat(text: str, path: str | None = None, compiled: bool = True) -> str:
    """``text`` with the lines of inactive conditional blocks blanked (same number of lines); with ``path`` (the
    file's), the lines of the hooks other platforms alone call and of the functions only those blocks and hooks
    call as well. With ``compiled`` False (a native project's file: :func:`compiles_conditionally`) ``text``
    itself: no build drops anything from it."""
    if not compiled:
        return text
    directives = has_directives(text)
    taro = path is not None and TARO_ENV in text
    if not directives and not taro and (path is None or not names_other_platform_hooks(text, path)):
        return text
    kept = _blanked(text) if directives else text
    kept = for_weapp(kept, path) if taro and path is not None else kept  # Taro's process.env.TARO_ENV branches
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
