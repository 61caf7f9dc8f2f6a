"""An ask moved with its handler: a button's callback that left one page for another's new button.

A ``<button open-type="getUserInfo" bindgetuserinfo="getUserInfo">`` asks for the data and hands it to its
callback. When the change deletes that callback from a page's script (the page's button left behind in the
markup, bound to nothing) and another page gains a button with the same ``open-type``, the app asks for the
data in the same number of places as before: the ask moved, as when the button itself moves between files,
which the semantic diff does not report. The new button's ``scope: file`` finding (a new call site of data
the app already asked for) is removed, once per callback the change deleted; a button new to the app (``scope:
app``), a page whose callback is still there, and an ask moved onto the entry page (which every user now meets
as the app opens, not where they chose to go) keep theirs. Pages whose script defines names the reader cannot
see (behaviors from npm, global mixins) are unknown and retire nothing.

Source: https://developers.weixin.qq.com/miniprogram/dev/component/button.html (``open-type`` and the
``bindgetuserinfo`` / ``bindgetphonenumber`` callbacks that receive the data).

Reads: ``head_facts``, ``counterpart``, ``read_head``, ``read_base``, ``exists_at_head``, ``project`` (its entry
page) · privacy findings of scope file on ``button[open-type=*]``.
Writes: removes those off the entry page, as many per ``open-type`` as the change deleted callbacks of such
buttons elsewhere.
"""

from __future__ import annotations

from collections import Counter

from mp_precheck.analyzers.context import ProjectContext
from mp_precheck.analyzers.dead_ui import changed_units, template_handlers
from mp_precheck.core.lazyre import lazy
from mp_precheck.core.report import Finding
from mp_precheck.facts.scope import page_sources
from mp_precheck.readers.handlers import Binding

_PAGE_SUFFIXES = (".wxml", ".js", ".ts", ".vue", ".nvue", ".uvue", ".wpy", ".mpx", ".jsx", ".tsx")
_BUTTON = lazy(r"^button\[open-type=(\w+)\]$")
# How a template binds an event (WXML ``bindx`` / ``bind:x`` / ``catchx``, Vue ``@x`` / ``v-on:x``), longest first.
_EVENT_PREFIXES = ("capture-bind:", "capture-catch:", "mut-bind:", "v-on:", "bind:", "catch:", "bind", "catch",
                   "@")


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    asked = {kind for f in findings if (kind := _open_type(f))}
    if not asked:
        return findings
    left, where = _retired(context, asked)
    entry = context.project.entry_page
    opening = page_sources(context.project, entry, _PAGE_SUFFIXES) if entry else set()
    out = []
    for finding in findings:
        kind = _open_type(finding)
        if kind and left[kind] > 0 and finding.path not in where[kind] and finding.path not in opening:
            left[kind] -= 1  # the ask that moved here
            continue
        out.append(finding)
    return out


def _open_type(finding: Finding) -> str | None:
    """The lower-case open-type of a privacy finding of scope file on a button (``getuserinfo``), else None."""
    if finding.family != "privacy" or finding.scope != "file":
        return None
    match = _BUTTON.match(finding.subject)
    return match.group(1).lower() if match else None


def _retired(context: ProjectContext, asked: set[str]) -> tuple[Counter[str], dict[str, set[str]]]:
    """open-type → how many button callbacks the change deleted (bound at head, defined only at base), and
    open-type → the templates they are in."""
    count: Counter[str] = Counter()
    where: dict[str, set[str]] = {kind: set() for kind in asked}
    for path in changed_units(context):
        old = context.counterpart.get(path, path)
        head = template_handlers(path, context.read_head, defined=context.script_names)
        base = template_handlers(old, context.read_base, defined=context.script_names) if old else None
        if head is None or base is None:
            continue
        for kind in asked:
            gone = {b.handler for b, defined in head if not defined and _event(b) == kind}
            gone &= {b.handler for b, defined in base if defined and _event(b) == kind}
            if gone:
                count[kind] += len(gone)
                where[kind].add(path)
    return count, where


def _event(binding: Binding) -> str:
    """The event a binding's attribute names, lower case (``bindgetuserinfo`` → ``getuserinfo``)."""
    attribute = binding.attribute.lower()
    for prefix in _EVENT_PREFIXES:
        if attribute.startswith(prefix):
            attribute = attribute[len(prefix):]
            break
    return attribute.split(".", 1)[0]
