"""A service that needs its own category, made usable by the change: a dead label turned into an entry (category
rules judged ``once`` on a service's words: ``category.regulated_content``, ``category.dating``, ``category.telecom``…).

The semantic diff judges such a service by its words: an app whose pages already said 在线问诊 offered it, and a
page that says it again needs no category it did not need. A home page often shows a service's tile before the
service exists — the label drawn, nothing bound to it (``readers/entrylabels.py``). Binding the tile (a tap handler,
a ``<navigator>``) is when users can reach the service: an online consultation, a loan or a top-up opened from the
app is what review asks the category and its qualifications for (服务类目, MAT2018:
https://developers.weixin.qq.com/miniprogram/product/material/). Told once per service, at the label of the changed
template's new entry (scope app), when the base version of that template named the service only in labels nothing
was bound to, no other changed file named it at base, and no unchanged file of the project names it (an entry,
a page title or a page of the service elsewhere: the app offered it). A label whose line the reader cannot place
(a kit component's ``text`` attribute) counts as live: unknown is not dead.

Reads: ``head_facts``, ``base_facts``, ``counterpart``, ``changed_paths``, ``read_head``, ``read_base``,
``repo_grep``, ``facts_at_head``; category findings.
Writes: adds a ``once`` category rule's finding (scope app) at a service's label that the change binds.
"""

from __future__ import annotations

from collections.abc import Mapping

from mp_precheck.analyzers.context import ProjectContext, as_shipped
from mp_precheck.core.catalog import Rule
from mp_precheck.core.report import Finding
from mp_precheck.core.semantic_diff import counted
from mp_precheck.facts.model import Fact
from mp_precheck.facts.presence import needles
from mp_precheck.readers.entrylabels import entry_labels
from mp_precheck.readers.sfc import SFC_SUFFIXES

_TEMPLATES = (".wxml", ".swan", ".axml", *SFC_SUFFIXES)
Labels = Mapping[int, list[tuple[str, bool]]]


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    told = {_key(context.catalog.rule(f.rule), f.subject) for f in findings if f.family == "category"
            and context.catalog.rule(f.rule).once}
    out = list(findings)
    shipped: ProjectContext | None = None
    for path in sorted(context.head_facts):
        old = context.counterpart.get(path)
        if old is None or old not in context.base_facts or not path.lower().endswith(_TEMPLATES):
            continue
        services = [(fact, rule) for fact in context.head_facts[path].facts if fact.kind == "text" and counted(fact)
                    for rule in context.catalog.rules_for(fact.subject)
                    if rule.once and rule.family == "category" and _key(rule, fact.subject) not in told]
        if not services:
            continue
        shipped = shipped or as_shipped(context)
        head, base = shipped.read_head(path), shipped.read_base(old)
        if head is None or base is None:
            continue
        head_labels, base_labels = entry_labels(head, path), entry_labels(base, old)
        for fact, rule in services:
            if _key(rule, fact.subject) in told or _live(head_labels, fact) is not True:
                continue
            before = [f for f in context.base_facts[old].facts if f.subject == fact.subject and counted(f)]
            if not before or any(_live(base_labels, f) is not False for f in before):
                continue  # a service the base page did not name (the diff judges it), or one it offered live
            if _offered_elsewhere(context, fact.subject, old):
                continue
            told.add(_key(rule, fact.subject))
            out.append(context.finding(rule.id, fact.subject, path, fact.line, "app", value=fact.value))
    return out


def _key(rule: Rule, subject: str) -> tuple[str, str]:
    """A once rule is told once per app, per subject when its subjects are services of their own."""
    return rule.id, subject if rule.separate_subjects else ""


def _live(labels: Labels, fact: Fact) -> bool | None:
    """Whether the text ``fact`` was read from is an entry's label: True or False from the label on its line
    holding its words, None when no text node there holds them."""
    words = " ".join((fact.value or "").split())
    found = [bound for text, bound in labels.get(fact.line, []) if words and (words in text or text in words)]
    return any(found) if found else None


def _offered_elsewhere(context: ProjectContext, subject: str, old: str) -> bool:
    """Whether another changed file named the service at base, or an unchanged file of the project names it."""
    if any(counted(f) and f.subject == subject for path, ff in context.base_facts.items() if path != old
           for f in ff.facts):
        return True
    grepped = context.repo_grep(set(needles(subject)))
    for path in sorted(p for p, found in grepped.items() if found and p not in context.changed_paths):
        facts = context.facts_at_head(path)
        if facts is not None and any(counted(f) and f.subject == subject for f in facts.facts):
            return True
    return False
