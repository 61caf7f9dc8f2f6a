"""A new page where users post in a service the app already offered: a new service surface (category rules
judged ``once``: ``category.dating``, ``category.lottery``, ``category.telecom``, ``category.regulated_content``).

The semantic diff tells such a service once per app: a rules page that says 参与抽奖 or a guide that says 交友 in
an app that offered draws or matchmaking before needs no category it did not need already. A page the change
adds whose users send their own content in that service — its words (相亲, 理想型) on a page that uploads what
its user picks or publishes what they write (an upload-family finding on the page's files) — is more than a
mention: users now publish matchmaking profiles, listings or consultations, which the
category's qualification and the UGC rules cover (服务类目, MAT2018; UGC declaration on submission,
https://developers.weixin.qq.com/miniprogram/product/material/). Told once per rule and change, at the page's
first words of the service, as a new call site (the app offered it). A page that has a category finding already
(its posts told as ``category.ugc``) is not asked again: one category question per page.

Reads: ``head_facts``, ``counterpart``; category and upload-family findings.
Writes: adds a ``once`` category rule's finding (scope file) at a new posting page's words of its service.
"""

from __future__ import annotations

import posixpath

from mp_precheck.analyzers.context import ProjectContext
from mp_precheck.core.report import Finding

_MARKUP = (".wxml", ".vue", ".nvue", ".wpy", ".mpx", ".jsx", ".tsx")


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    told = {f.rule for f in findings if f.family == "category"}
    asked = {_stem(f.path) for f in findings if f.family == "category"}
    posting = {_stem(f.path) for f in findings if f.family == "upload"} - asked
    out = list(findings)
    # markup first: the words a user reads, not a script's string
    for path in sorted(context.head_facts, key=lambda p: (not p.endswith(_MARKUP), p)):
        if context.counterpart.get(path) is not None or _stem(path) not in posting:
            continue  # an old page, or a new one whose users send nothing of their own
        for fact in context.head_facts[path].facts:
            if fact.kind != "text":
                continue
            for rule in context.catalog.rules_for(fact.subject):
                if rule.once and rule.family == "category" and rule.id not in told:
                    told.add(rule.id)
                    out.append(context.finding(rule.id, fact.subject, path, fact.line, "file", value=fact.value))
    return out


def _stem(path: str) -> str:
    return posixpath.splitext(path)[0]
