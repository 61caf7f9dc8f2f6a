"""Every brand phrase a file adds, named by the file's one brand-text finding (``branding.brand_text``).

The semantic diff tells brand text once per file, at its first added use: one place to fix the wording and one
item to read. A file that adds 微信官方认证 in one line and 腾讯官方合作 in another must still show both, or the
developer fixes one and resubmits the other; so the finding's value names each phrase the change adds in the
file (in line order, each once), other lines' own findings (a first-rendered component's) left to say theirs.
Source: OPS2018 12.3–12.4; https://developers.weixin.qq.com/miniprogram/product/reject.html.

Reads: ``head_facts``, ``counterpart``, ``added_lines`` · ``branding.brand_text``.
Writes: rewrites the value of ``branding.brand_text`` to name every brand phrase its file adds.
"""

from __future__ import annotations

from msgspec.structs import replace

from mp_precheck.analyzers.context import ProjectContext
from mp_precheck.core.report import Finding

_SUBJECT = "text:brand"
PHRASE_SEPARATOR = "；"


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    told: dict[str, set[int]] = {}
    for f in findings:
        if f.rule == "branding.brand_text":
            told.setdefault(f.path, set()).add(f.line)
    out = []
    for f in findings:
        if f.rule == "branding.brand_text" and f.subject == _SUBJECT:
            phrases = _added_phrases(context, f.path, told[f.path] - {f.line})
            if len(phrases) > 1 and f.value and any(f.value in p for p in phrases):
                f = replace(f, value=PHRASE_SEPARATOR.join(phrases))
        out.append(f)
    return out


def _added_phrases(context: ProjectContext, path: str, elsewhere: set[int]) -> list[str]:
    """The brand texts the change adds in ``path`` (every one in a file it adds), in line order, each once; not
    those on ``elsewhere`` lines (told by findings of their own)."""
    facts = context.head_facts.get(path)
    if facts is None:
        return []
    added = context.added_lines.get(path, frozenset())
    new_file = not context.counterpart.get(path)
    phrases: list[str] = []
    for fact in sorted(facts.facts, key=lambda x: x.line):
        if fact.subject == _SUBJECT and fact.value and (new_file or fact.line in added) \
                and fact.line not in elsewhere and fact.value not in phrases:
            phrases.append(fact.value)
    # a run read with the text beside it holds that text's own phrase (微信授权登录，享受更多服务 / 微信授权登录): once
    return [p for p in phrases if not any(p != other and p in other for other in phrases)]
