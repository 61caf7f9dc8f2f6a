"""Where a script reads data only after the user granted it: the branch of a ``wx.getSetting`` check that the
scope is authorized.

``if (res.authSetting['scope.userInfo']) { wx.getUserInfo(…) }`` — the launch code of WeChat's own Mini Program
template — reads the profile silently when the user already gave it somewhere else, and asks nothing: since
2018 ``wx.getUserInfo`` shows no prompt, the ``<button open-type="getUserInfo">`` does. Such a read stands for no
ask: a button added while it goes away is a new place where the app asks for the profile
(``core/spelling.py``). Only the branch taken when the scope is granted counts: a test with a negation, an
``||``, or a comparison with ``false`` / ``undefined`` / ``null`` is not read as one.

In: a script's text and path (its language), and the line offset of its block. Out: 1-based line ranges
(first, last) of such branches; never raises on malformed code.
Sources: https://developers.weixin.qq.com/miniprogram/dev/api/open-api/setting/wx.getSetting.html (authSetting)
and https://developers.weixin.qq.com/miniprogram/dev/api/open-api/user-info/wx.getUserInfo.html (no prompt: 在用户
未授权过的情况下调用此接口，将不再出现授权弹窗).
"""

from __future__ import annotations

import re

from mp_precheck.core.recache import compiled
from mp_precheck.readers.syntax import language_for, node_text, nodes_of, parse

_GRANTED = compiled(r"\bauthSetting\b.*['\"`]scope\.[A-Za-z]+['\"`]", re.DOTALL)
_NOT_GRANTED = compiled(r"!|\|\||\bfalse\b|\bundefined\b|\bnull\b")


def granted_branches(text: str, path: str, line_offset: int = 0) -> tuple[tuple[int, int], ...]:
    """(first line, last line) of each ``if`` branch of ``text`` (read as ``path``) that runs only when a scope
    of ``authSetting`` is granted (see the module), lines shifted by ``line_offset``."""
    if "authSetting" not in text:
        return ()
    language = language_for(path)
    root = parse(language, text.encode("utf-8", "surrogatepass")).root_node
    out = []
    for statement in nodes_of(root, language, ("if_statement",)):
        condition = node_text(statement.child_by_field_name("condition"))
        branch = statement.child_by_field_name("consequence")
        if branch is not None and _GRANTED.search(condition) and not _NOT_GRANTED.search(condition):
            out.append((branch.start_point[0] + 1 + line_offset, branch.end_point[0] + 1 + line_offset))
    return tuple(out)


def granted_lines(lines: list[int], branches: tuple[tuple[int, int], ...]) -> tuple[int, ...]:
    """The ``lines`` that fall inside one of ``branches``, sorted, each once."""
    return tuple(sorted({line for line in lines if any(first <= line <= last for first, last in branches)}))
