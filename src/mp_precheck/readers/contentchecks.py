"""Calls that send what a page holds to be checked, not published.

WeChat's content-security check (``security.msgSecCheck``,
https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/sec-center/sec-check/msgSecCheck.html) runs on a server
or in a cloud function, so a page reaches it through a cloud function, an endpoint or a project function named as a
check: ``wx.cloud.callFunction({ name: 'textCheck', data: { content } })``, ``request({ url: '/content/security' })``,
``api.msgSecCheck(text)``. Such a call is the text's check, not its post: the post is the page's other call that
writes it (a request, a cloud database ``add``), typically in the check's callback.

In: a script's text (a script file or a component's script block), its path and the lines of its sending calls.
Out: the lines whose call is a check — the callee's name, or a string naming where its arguments send (an endpoint,
a cloud function), says so (``checks`` in checks/ugc_scenes.yml). Never raises on malformed code.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from tree_sitter import Node

from mp_precheck.core.lazyre import lazy
from mp_precheck.core.scenes import scenes
from mp_precheck.readers.syntax import node_text
from mp_precheck.readers.textflow import calls_on

# Text that may name a check at all: a script without it is not parsed.
_HINT = lazy(r"(?i)check|secur|censor|内容安全|内容检测|敏感词")
_FUNCTIONS = ("arrow_function", "function_expression", "function", "method_definition")
# What an endpoint or a cloud function is spelt with, and the options that name one (a cloud function's ``name``, a
# router function's ``action`` / ``method``, uniCloud's ``$url``).
_SPELT = ("string", "template_string", "binary_expression", "parenthesized_expression")
_ENDPOINT_KEYS = frozenset({"url", "$url", "name", "action", "method", "api", "path", "func", "fn"})


def check_lines(text: str, path: str, lines: Iterable[int]) -> frozenset[int]:
    """The lines among ``lines`` (1-based in ``text``, the script of ``path``) whose first call is a content check
    (module docstring): the call that starts first on the line, the one a fact of the line stands for."""
    wanted = tuple(sorted(set(lines)))
    return _checks(text, path, wanted) if wanted and _HINT.search(text) else frozenset()


@lru_cache(maxsize=32)  # every analyzer that asks what a page sends asks again, per text box of a page
def _checks(text: str, path: str, lines: tuple[int, ...]) -> frozenset[int]:
    """:func:`check_lines` of one (text, path, lines)."""
    table, seen, out = scenes(), set(), set()
    for at, arguments in calls_on(text, path, lines):
        if at in seen:
            continue  # a call inside the first one's arguments on the same line (``data: { t: trim(t) }``)
        seen.add(at)
        callee = arguments.parent.child_by_field_name("function") if arguments.parent is not None else None
        said = [node_text(callee)] if callee is not None else []
        if any(table.names_check(s) for s in [*said, *_strings(arguments)]):
            out.add(at)
    return frozenset(out)


def _strings(arguments: Node) -> list[str]:
    """The strings that say where a call's ``arguments`` send: its first argument (a wrapper's endpoint,
    ``request('/text/check', data)``) and the values of the options that name the endpoint or the cloud function
    (``url``, ``name``, a router's ``action``…), at any depth outside the functions among them (a callback's toast
    says what happens to the answer) — not the data sent (``status: 'pending_check'`` is a field of the post)."""
    named = [c for c in arguments.named_children if c.type != "comment"]
    values = named[:1] if named and named[0].type in _SPELT else []
    stack = list(named)
    while stack:
        current = stack.pop()
        key = current.child_by_field_name("key") if current.type == "pair" else None
        if key is not None and node_text(key).strip("'\"") in _ENDPOINT_KEYS:
            values.append(current.child_by_field_name("value") or key)
        stack.extend(c for c in current.named_children if c.type not in _FUNCTIONS)
    out: list[str] = []
    for value in values:
        parts = [value]
        while parts:
            part = parts.pop()
            out += [node_text(part)] if part.type == "string_fragment" else []
            parts.extend(c for c in part.named_children if c.type in (*_SPELT, "string_fragment"))
    return out
