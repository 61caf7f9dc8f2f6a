"""A project helper a file already reached an API through: another call of it is no new call site of that API.

``import { copyText } from '@/utils'`` exposed as a method and bound in the template (``@click="copyText(code)"``)
reaches ``wx.setClipboardData`` from that page already; a page whose script called ``Nav.open(link)`` — a helper
that opens the link in 视频号 or another Mini Program by its text — already jumped out of the app through it. The
semantic diff counts a helper's calls in scripts only, and counts each call: a new script call of it
(``copyText(address)`` in a new method) reads as the file's first use of the API, and a second script call of a
helper the script already called raises the file's count, so either becomes a new call site. The page reached the
same API through the same helper before the change: the user meets nothing new there, and the reviewer learns
nothing the page did not do.

A finding of scope file that is a mere new call site of a capability the app had (``Catalog.judges_call_sites``:
not under a rule judging each use, each call's target — an upload of other media — or each placement — an ad)
whose use at its line is a call of a project helper (``via:<module>#<name>``) is removed when the base version of
its file already reached the same API (in any spelling) through that helper from its script, or called the helper
from its template (an event binding or a call naming it: the file itself for a single-file component, the
``.wxml`` beside a script). A file the change adds, a helper the file never called, and an API the helper reaches
there only since the change (its path to it is new: a branch the old arguments did not take, a call the helper
gained) keep theirs.

Source: https://developers.weixin.qq.com/miniprogram/dev/framework/user-privacy/miniprogram-intro.html (a privacy
API is declared per type, and each place that calls it is what review looks at) and
https://developers.weixin.qq.com/miniprogram/dev/api/navigate/wx.navigateToMiniProgram.html (a jump out of the app).

Reads: ``head_facts``, ``base_facts``, ``counterpart``, ``read_base``, ``catalog`` · findings of scope file.
Writes: removes those at a call of a helper the base version of their file already reached the API through.
"""

from __future__ import annotations

import posixpath

from mp_precheck.analyzers.context import ProjectContext
from mp_precheck.analyzers.dead_ui import template_handlers
from mp_precheck.core.report import Finding
from mp_precheck.core.spelling import same_call
from mp_precheck.readers.specifiers import SCRIPT_SUFFIXES

_VIA = "via:"


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if not (f.scope == "file" and context.catalog.judges_call_sites(f.rule)
                                        and _called_before(context, f))]


def _called_before(context: ProjectContext, finding: Finding) -> bool:
    """Whether every use of ``finding``'s subject at its line is a helper call by which the base version of its file
    already reached the subject (or bound the helper in its template)."""
    old = context.counterpart.get(finding.path)
    facts = context.head_facts.get(finding.path)
    if not old or old not in context.base_facts or facts is None:
        return False
    helpers = {f.role[len(_VIA):] for f in facts.facts
               if f.line == finding.line and f.subject == finding.subject and f.role and f.role.startswith(_VIA)}
    direct = any(f.line == finding.line and f.subject == finding.subject and f.role is None for f in facts.facts)
    if not helpers or direct:
        return False
    api = same_call(finding.subject)
    before = {f.role[len(_VIA):] for f in context.base_facts[old].facts
              if f.role and f.role.startswith(_VIA) and same_call(f.subject) == api}
    bound = _template_names(context, old)
    return all(helper in before or helper.rpartition("#")[2] in bound for helper in helpers)


def _template_names(context: ProjectContext, path: str) -> set[str]:
    """The handler names the base template of the file at ``path`` binds (the ``.wxml`` beside a script)."""
    template = posixpath.splitext(path)[0] + ".wxml" if path.lower().endswith(SCRIPT_SUFFIXES) else path
    found = template_handlers(template, context.read_base, defined=context.script_names)
    return {binding.handler for binding, _defined in found or ()}
