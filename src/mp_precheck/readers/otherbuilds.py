"""Secrets in code only other platforms' builds ship: a uni-app block ``// #ifdef H5`` … ``// #endif`` (or
``APP-PLUS``…) and the functions only such blocks call.

Fact extraction reads a framework project's file as WeChat's build ships it (readers/conditional.py), so those
lines are blanked before any reader sees them. A secret written there is still committed with the code and ships
in the public JavaScript of the H5 site or the App package, where anyone can read it
(https://uniapp.dcloud.net.cn/tutorial/platform.html), so the AppSecret is leaked all the same: it belongs on the
developer's server (https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/user-login/code2Session.html).
The secret readers (readers/secretfacts.py) therefore also read the file with every block kept, and a secret they
find only there is a fact like any other, its value ending with the directive of the block that ships it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from msgspec.structs import replace

from mp_precheck.core.secrets import may_name_secret
from mp_precheck.facts.model import Fact
from mp_precheck.readers.conditional import directive

# A secret with a value in the code (a call of a server API alone leaks nothing a browser would not see).
LEAKED = frozenset({"secret:app-secret", "secret:url-param", "secret:service-credential", "secret:pay-key"})


def hidden_lines(written: str, shipped: str) -> set[int]:
    """The 1-based lines of ``written`` (the file as committed) that ``shipped`` (the same file as WeChat's build
    ships it, same number of lines) blanks."""
    return {n for n, (a, b) in enumerate(zip(written.split("\n"), shipped.split("\n"), strict=False), 1)
            if a != b and a.strip()}


def other_build_secrets(written: str, shipped: str, shipped_facts: Iterable[Fact],
                        read: Callable[[str], Iterable[Fact]]) -> list[Fact]:
    """Secret facts (:data:`LEAKED`) of ``written`` on the lines ``shipped`` blanks, that ``shipped_facts`` (the
    facts of ``shipped``) lack; ``read`` gives the facts of a text. Each value ends with the directive of the
    block that ships it (``secret=*** [#ifdef H5]``). [] when no blanked line spells ``secret`` or ``access_token``
    (the text is not read again); never raises beyond what ``read`` raises."""
    if written == shipped:
        return []
    hidden = hidden_lines(written, shipped)
    lines = written.split("\n")
    gone = "\n".join(lines[n - 1] for n in sorted(hidden))
    if not (may_name_secret(gone) or "access_token" in gone.lower()):
        return []
    known = {(f.subject, f.line) for f in shipped_facts}
    return [replace(f, value=f"{f.value or ''} {_shipped_by(lines, f.line)}".strip())
            for f in read(written)
            if f.subject in LEAKED and f.line in hidden and (f.subject, f.line) not in known]


def _shipped_by(lines: list[str], line: int) -> str:
    """The directive that keeps ``line`` out of WeChat's build, as code in any report language (``[#ifdef H5]``,
    ``[#ifdef MP-WEIXIN … #else]``): the innermost ``#ifdef``/``#ifndef`` open above it; "" for code only such
    blocks call (readers/platformreach.py)."""
    depth, flipped = 0, False
    for text in reversed(lines[:line - 1]):
        kind, condition = directive(text) or ("", "")
        if kind == "endif":
            depth += 1
        elif depth == 0 and kind == "else":
            flipped = not flipped  # the #else branch: kept where the condition is false
        elif kind in ("ifdef", "ifndef"):
            if depth == 0:
                return f"[#{kind} {condition}{' … #else' if flipped else ''}]"
            depth -= 1
    return ""
