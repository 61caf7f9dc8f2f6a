"""Consent handling: privacy APIs used while the app has no consent flow of its own (info).

Since 2023-09-15 a privacy API works only after the user agreed to the guideline; with no
``wx.onNeedPrivacyAuthorization`` listener, ``wx.requirePrivacyAuthorize`` call or
``<button open-type="agreePrivacyAuthorization">``, WeChat shows its standard popup (T,
onNeedPrivacyAuthorization). Consent helpers are how an app asks — never
a risk themselves.

Reads: ``present_at_head``; privacy-family findings with a ``privacy_key`` at app scope.
Writes: adds ``privacy.no_consent_flow``.
"""

from __future__ import annotations

from mp_precheck.analyzers.context import ProjectContext
from mp_precheck.core.report import Finding

CONSENT = frozenset({"wx.onNeedPrivacyAuthorization", "wx.requirePrivacyAuthorize",
                     "button[open-type=agreePrivacyAuthorization]"})


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    new_types = [f for f in findings if f.family == "privacy" and f.privacy_key and f.scope == "app"]
    if not new_types or context.present_at_head(set(CONSENT)):
        return findings
    first = min(new_types, key=lambda f: (f.path, f.line))
    return [*findings, context.finding("privacy.no_consent_flow", "privacy-consent", first.path, first.line)]
