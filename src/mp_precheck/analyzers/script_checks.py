"""Script patterns review rejects (``readers/scriptchecks.py``), reported where the change adds them:
a modal that cannot be dismissed and comes back (``policy.blocking_modal``), ``requestSubscribeMessage`` from a
lifecycle hook or a timer (``policy.subscribe_outside_tap``); and ``completeness.debug_enabled`` is dropped for
a ``setEnableDebug({ enableDebug: false })`` call, which turns debugging off.

Sources: https://developers.weixin.qq.com/miniprogram/dev/api/ui/interaction/wx.showModal.html,
https://developers.weixin.qq.com/miniprogram/dev/api/open-api/subscribe-message/wx.requestSubscribeMessage.html,
https://developers.weixin.qq.com/miniprogram/dev/api/base/debug/wx.setEnableDebug.html

Reads: ``head_facts``, ``counterpart``, ``added_lines``, ``read_head``, ``read_base``;
``completeness.debug_enabled``.
Writes: adds ``policy.blocking_modal`` and ``policy.subscribe_outside_tap``; removes
``completeness.debug_enabled`` where the call turns debugging off.
"""

from __future__ import annotations

from collections.abc import Callable

from mp_precheck.analyzers.context import ProjectContext, as_shipped
from mp_precheck.analyzers.novelty import Item, rising
from mp_precheck.core.report import Finding
from mp_precheck.readers.scriptchecks import ScriptChecks, scan
from mp_precheck.readers.sfc import split_blocks

_SCRIPTS = (".js", ".ts", ".jsx", ".tsx", ".mjs", ".cjs")
_SFC = (".vue", ".nvue", ".uvue", ".wpy", ".mpx")


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    context = as_shipped(context)  # the text the facts read: #ifdef blocks of WeChat's build, FinClip's ft as wx
    head = {path: checks for path in sorted(context.head_facts)
            if (checks := script_checks(path, context.read_head))}
    off = {(path, line) for path, checks in head.items() for line in checks.debug_off}
    out = [f for f in findings if not (f.rule == "completeness.debug_enabled" and (f.path, f.line) in off)]
    base: dict[str, ScriptChecks] = {}
    # A key rises only where head has it: with no modal or prompt at head, the base versions are not read.
    for path in head if any(_modals(head).values()) or any(_subscribes(head).values()) else ():
        old = context.counterpart.get(path)
        if old is not None and (checks := script_checks(old, context.read_base)) is not None:
            base[old] = checks
    for rule, pick in (("policy.blocking_modal", _modals), ("policy.subscribe_outside_tap", _subscribes)):
        for path, key, line in rising(pick(head), pick(base), context.added_lines):
            subject = f"policy:{rule.split('.', 1)[1].replace('_', '-')}:{key}"
            out.append(context.finding(rule, subject, path, line, value=key))
    return out


def _modals(files: dict[str, ScriptChecks]) -> dict[str, list[Item]]:
    return {path: checks.blocking_modals for path, checks in files.items()}


def _subscribes(files: dict[str, ScriptChecks]) -> dict[str, list[Item]]:
    return {path: checks.subscribe_outside_tap for path, checks in files.items()}


def script_checks(path: str, read: Callable[[str], str | None]) -> ScriptChecks | None:
    """The checks of a script or of a single-file component's script blocks, ``read`` giving the text as shipped
    (:func:`~mp_precheck.analyzers.context.as_shipped`); None for other files."""
    lower = path.lower()
    if not lower.endswith(_SCRIPTS + _SFC) or lower.endswith((".d.ts", ".min.js")):
        return None
    text = read(path)
    if text is None:
        return None
    if lower.endswith(_SCRIPTS):
        return scan(text, path)
    found = ScriptChecks()
    for block in split_blocks(text):
        if block.tag == "script" and "json" not in block.attrs.get("type", ""):
            suffix = ".ts" if block.attrs.get("lang") in ("ts", "tsx") else ".js"
            checks = scan(block.text, path + suffix, block.line_offset)
            found.blocking_modals += checks.blocking_modals
            found.subscribe_outside_tap += checks.subscribe_outside_tap
            found.debug_off |= checks.debug_off
    return found
