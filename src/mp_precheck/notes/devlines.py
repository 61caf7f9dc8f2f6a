"""Commit subjects a WeChat reviewer cannot see or must not read, by the word lists of ``templates/notes_lines.yml``.

The version notes (版本描述) are read beside the running Mini Program: an English subject that names a dependency, a
submodule, a folder, a refactor or a line of code (``code !== 0 should reject``) describes the team's work, not
the app, and is left out. A subject that describes a practice review rejects (强制授权手机号, forced login or
sharing: 运营规范, https://developers.weixin.qq.com/miniprogram/product/index.html) must never be pasted: it is
taken out of the draft and the team is told what the change does instead. The other platforms' names
(阿里小程序 = 支付宝小程序, 钉钉…) feed :mod:`.commitsense`'s platform patterns.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from mp_precheck.core.datafiles import read_data
from mp_precheck.core.lazyre import lazy
from mp_precheck.core.recache import compiled
from mp_precheck.core.resources import data_dir

# Operators of a line of code pasted as a subject (``code !== 0``, ``a && b``, ``() =>``).
_CODE = compiled(r"[!=]==?|&&|\|\||=>|\w\(\)")
# What names a package or a place in the code rather than a feature: a scoped npm package (``@scope/name``), a
# version it is moved to (``sdk to 2.1.0``), a subject that is one identifier (``oss-bucket``), or a change placed
# "in" one (``axios in mini-app``): the team's repository layout, nothing the running Mini Program shows.
_PACKAGE = compiled(r"(?<![\w.])@[\w.-]+/[\w.-]+|(?:^|\s)to\s+v?\d+(?:\.\d+)+\S*$")
_IDENTIFIER = compiled(r"[A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)+")
_IN_IDENTIFIER = compiled(r"^(?:\S+\s+){1,2}in\s+[a-z][a-z0-9]*(?:[-_][a-z0-9]+)+$")


@cache
def _data() -> dict[str, Any]:
    data: dict[str, Any] = read_data(data_dir("templates") / "notes_lines.yml")
    return data


def _words(key: str) -> re.Pattern[str]:
    words = sorted(_data()[key], key=len, reverse=True)
    return compiled(r"(?<![\w.-])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w-])", re.IGNORECASE)


@cache
def _dev_words() -> re.Pattern[str]:
    return _words("english_dev_words")


@cache
def _package_tail() -> re.Pattern[str]:
    return compiled(r"\s(?:" + "|".join(map(re.escape, _data()["english_package_tails"])) + r")$", re.IGNORECASE)


def chinese_unseen_words() -> tuple[str, ...]:
    """Words that say how much or how carelessly the team changed things, or name its side of the product (随便, 大,
    后台, 接口): with verbs and vague words alone, a Chinese subject names nothing a user sees."""
    return tuple(_data()["chinese_unseen_words"])


def english_filler() -> frozenset[str]:
    """Words that, alone with the tool words, say nothing a reviewer can look for (``rename state``)."""
    return frozenset(_data()["english_filler"])


@cache
def _merge_reference() -> re.Pattern[str]:
    return compiled(r"(?:" + "|".join(map(re.escape, _data()["merge_types"])) + r")\s*[:：]\s*[A-Za-z0-9_./#!-]+",
                    re.IGNORECASE)


def is_merge_reference(text: str) -> bool:
    """Whether a subject only references a merge request or pull request by its branch or number (``mr:feat-x``,
    ``PR: #12``): no change of its own; ``PR: 新增购物车`` names one."""
    return _merge_reference().fullmatch(text.strip()) is not None


_NOT_ASCII = lazy(r"[^\x00-\x7f]")


def names_developer_work(text: str) -> bool:
    """Whether an English subject (no CJK) names the team's code or tooling: a dependency or package it adds
    (``dayjs package``, ``@scope/name``) or bumps (``sdk to 2.1.0``), a submodule, a folder, a refactor, a utility
    module, a line of code, or only a code identifier (``oss-bucket``) or a change placed in one."""
    if _NOT_ASCII.search(text):
        return False
    text = text.strip()
    return _dev_words().search(text) is not None or _package_tail().search(text) is not None \
        or _CODE.search(text) is not None or _PACKAGE.search(text) is not None \
        or _IDENTIFIER.fullmatch(text) is not None or _IN_IDENTIFIER.match(text) is not None


def names_no_feature(text: str) -> bool:
    """Whether a subject is one English word that names no feature (``english_vague_words``: adapt, style,
    Samples): the notes fold it into their honest line for small changes."""
    return text.strip().lower() in _data()["english_vague_words"]


@cache
def _practices() -> list[tuple[re.Pattern[str], dict[str, str]]]:
    return [(compiled(p["pattern"], re.IGNORECASE), p["practice"]) for p in _data()["rejected_practices"]]


def rejected_practice(text: str, language: str) -> str | None:
    """What review rejects that ``text`` says the version does (强制授权手机号…), in ``language``; None when it says
    none."""
    for pattern, practice in _practices():
        if pattern.search(text):
            return practice.get(language) or practice["en"]
    return None


def other_platform_names() -> tuple[list[str], list[str]]:
    """(names meaning another platform wherever they stand, names meaning it only before 小程序/端/版/平台)."""
    platforms = _data()["other_platforms"]
    return list(platforms["bare"]), list(platforms["suffixed"])
