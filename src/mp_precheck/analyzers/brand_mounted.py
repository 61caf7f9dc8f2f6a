"""WeChat wording of a component the change shows for the first time (``branding.brand_text``).

The semantic diff reports brand text on the lines a change adds; a component that sat unrendered in the tree
(``analyzers/mounted.py``) shows its old 微信一键登录 label to users only from the change that first renders
it, so its brand text is reported there, at the component's own line. Source:
https://developers.weixin.qq.com/miniprogram/product/reject.html (no WeChat name that makes users think the
content comes from WeChat); OPS2018 12.3–12.4.

Reads: ``head_facts``, ``counterpart``, ``added_lines``, ``read_head``, ``read_base``, ``exists_at_head``,
``facts_at_head``, ``repo_grep`` · ``branding.brand_text``.
Writes: adds ``branding.brand_text`` at the brand text of a first-rendered component.
"""

from __future__ import annotations

from mp_precheck.analyzers.context import ProjectContext
from mp_precheck.analyzers.mounted import first_rendered, shown_files
from mp_precheck.core.report import Finding

_SUBJECT = "text:brand"


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    told = {(f.path, f.line) for f in findings if f.rule == "branding.brand_text"}
    out = list(findings)
    for target in (path for component in sorted(first_rendered(context)) for path in shown_files(context, component)):
        facts = context.head_facts.get(target) or context.facts_at_head(target)
        for fact in facts.facts if facts is not None else ():
            if fact.subject == _SUBJECT and (target, fact.line) not in told:
                told.add((target, fact.line))
                out.append(context.finding("branding.brand_text", _SUBJECT, target, fact.line, value=fact.value))
    return out
