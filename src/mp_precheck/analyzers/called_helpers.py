"""A project helper a file already called: another call of it is no new use of the privacy API it wraps.

``import { copyText } from '@/utils'`` exposed as a method and bound in the template (``@click="copyText(code)"``)
reaches ``wx.setClipboardData`` from that page already. The semantic diff counts a helper's calls in scripts only,
so a new script call of it (``copyText(address)`` in a new method) reads as the file's first use of the API and
becomes a new call site; so does a second script call of a helper the script already called. The page asked for
the same data through the same helper before the change: the user meets nothing new there.

A privacy finding of scope file whose use at its line is a call of a project helper (``via:<module>#<name>``) is
removed when the base version of its file already called that helper: the script (the same helper followed at a
base line) or the page's template (an event binding or a call naming it: the file itself for a single-file
component, the ``.wxml`` beside a script). A file the change adds, and a helper the file never called, keep theirs.

Source: https://developers.weixin.qq.com/miniprogram/dev/framework/user-privacy/miniprogram-intro.html (a privacy
API is declared per type, and each place that calls it is what review looks at).

Reads: ``head_facts``, ``base_facts``, ``counterpart``, ``read_base`` · privacy findings of scope file.
Writes: removes those at a call of a helper the base version of their file already called.
"""

from __future__ import annotations

import posixpath

from mp_precheck.analyzers.context import ProjectContext
from mp_precheck.analyzers.dead_ui import template_handlers
from mp_precheck.core.report import Finding
from mp_precheck.readers.specifiers import SCRIPT_SUFFIXES

_VIA = "via:"


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if not (f.family == "privacy" and f.scope == "file" and _called_before(context, f))]


def _called_before(context: ProjectContext, finding: Finding) -> bool:
    """Whether every use of ``finding``'s subject at its line is a helper call the base version of its file made."""
    old = context.counterpart.get(finding.path)
    facts = context.head_facts.get(finding.path)
    if not old or old not in context.base_facts or facts is None:
        return False
    helpers = {f.role[len(_VIA):] for f in facts.facts
               if f.line == finding.line and f.subject == finding.subject and f.role and f.role.startswith(_VIA)}
    direct = any(f.line == finding.line and f.subject == finding.subject and f.role is None for f in facts.facts)
    if not helpers or direct:
        return False
    before = {f.role[len(_VIA):] for f in context.base_facts[old].facts if f.role and f.role.startswith(_VIA)}
    bound = _template_names(context, old)
    return all(helper in before or helper.rpartition("#")[2] in bound for helper in helpers)


def _template_names(context: ProjectContext, path: str) -> set[str]:
    """The handler names the base template of the file at ``path`` binds (the ``.wxml`` beside a script)."""
    template = posixpath.splitext(path)[0] + ".wxml" if path.lower().endswith(SCRIPT_SUFFIXES) else path
    found = template_handlers(template, context.read_base, defined=context.script_names)
    return {binding.handler for binding, _defined in found or ()}
