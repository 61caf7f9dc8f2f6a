"""Branding allow-phrases from the config (``branding.allow``).

The extractor already ignores WeChat's own legitimate phrases (微信支付 on a pay button, 微信号 as a form
label…). A team may have more (a partner programme's wording, a product name, a login label): a
``branding.brand_text`` finding whose every brand mention lies inside an allowed phrase is dropped.
Claims of being official (微信官方) stay, whatever is allowed around them (allowing 微信 does not allow 微信官方),
unless an allowed phrase holds the whole claim: the team listed that very wording (a platform's name the code
compares, ``WechatOfficialAccount``), which is what the finding names. Source: OPS2018 12.3–12.4.

Reads: ``config.branding_allow``; ``branding.brand_text``.
Writes: removes brand text whose every mention lies inside an allowed phrase.
"""

from __future__ import annotations

import re

from mp_precheck.analyzers.context import ProjectContext
from mp_precheck.core.report import Finding
from mp_precheck.readers.textsignals import BRAND_CLAIM, BRAND_NAME, DEFAULT_BRAND_ALLOW, brand_claim


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    allowed = context.config.branding_allow
    if not allowed:
        return findings
    phrases = sorted((*DEFAULT_BRAND_ALLOW, *allowed), key=len, reverse=True)
    out = []
    for f in findings:
        if f.rule == "branding.brand_text" and f.value:
            text = f.value
            for phrase in phrases:
                text = text.replace(phrase, "")
            if not BRAND_NAME.search(text) and not _claim_outside(f.value, allowed):
                continue
        out.append(f)
    return out


def _claim_outside(value: str, allowed: tuple[str, ...]) -> bool:
    """Whether ``value`` claims to be WeChat's own (:func:`brand_claim`) where no allowed phrase holds the claim's
    words whole: each place an allowed phrase occurs covers the claims inside it."""
    if not brand_claim(value):
        return False
    spans = [(m.start(), m.start() + len(phrase)) for phrase in allowed if phrase
             for m in re.finditer(re.escape(phrase), value)]
    return any(not any(start <= claim.start() and claim.end() <= end for start, end in spans)
               for claim in BRAND_CLAIM.finditer(value))
