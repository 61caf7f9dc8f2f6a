"""Privacy declaration: compare the privacy types the change uses with what 用户隐私保护指引 declares.

The most common rejection: code uses a privacy API whose type the backend guideline does not declare
(the API then fails with errno 112, and review rejects the mismatch). When ``privacy.declared`` is in
the config (by key, WeChat's label or an alias: 「手机号码」 for 「手机号」), a used type that is missing there
is **high** (``privacy.undeclared_type``, naming the exact
backend label and where to add it) — also for a new call site of a type the app already used — and a
declared type drops to **info**. Without a declaration in the config every type new to the app stays
"must be declared" (the catalog rule's own text). Sources: PI, PK.

Reads: ``config.declared_privacy``, ``catalog``; privacy-family findings with a ``privacy_key``.
Writes: rewrites them: declared → info, undeclared → ``privacy.undeclared_type`` (high); keeps family and
privacy_key.
"""

from __future__ import annotations

from msgspec.structs import replace

from mp_precheck.analyzers.context import ProjectContext, reworded
from mp_precheck.core.config import normalise_label
from mp_precheck.core.report import Finding


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    declared = context.config.declared_privacy
    if declared is None:
        return findings
    known = {normalise_label(d) for d in declared}
    out = []
    for f in findings:
        if f.family != "privacy" or not f.privacy_key:
            out.append(f)
            continue
        privacy = context.catalog.privacy_type(f.privacy_key)
        spellings = (privacy.label, *privacy.aliases) if privacy else ()
        names = {normalise_label(f.privacy_key)} | {normalise_label(s) for s in spellings}
        if names & known:
            out.append(replace(f, severity="info"))
        else:
            rule = context.catalog.rule("privacy.undeclared_type")
            out.append(reworded(f, rule, context.language, severity="high",
                                title=f"{rule.title[context.language]}：「{f.privacy_type}」"
                                if context.language == "zh-CN" else
                                f"{rule.title[context.language]}: 「{f.privacy_type}」 ({f.privacy_key})"))
    return out
