"""Privacy APIs a vendored SDK calls: said to come from the SDK, and the SDK itself to name in the guideline.

WeChat detects privacy APIs in the whole uploaded package, so the types a minified SDK copied into the app
(``utils/x_sdk.min.js``) uses must be declared like the app's own, and a third-party SDK that handles personal
information is described in the user privacy guideline with the information it handles
(https://developers.weixin.qq.com/miniprogram/dev/framework/user-privacy/miniprogram-intro.html; the guideline's
SDK entries: ``sdk_privacy_info_list`` of
https://developers.weixin.qq.com/doc/oplatform/openApi/miniprogram-management/privacy-management/api_setprivacysetting.html).
A vendored SDK is a minified script: an ``x.min.js`` (its calls come from readers/sdkprivacy.py), or a ``.js`` that is
not a page's or component's script and whose text is nearly all very long lines (``ald-stat.js``, read in full as
any script is). The per-type findings stay as the semantic diff made them (their rule, severity and
``privacy_key``: the declaration checks read them), with the value saying they are an SDK's. One
``privacy.third_party_sdk`` per SDK file then asks for the SDK's own entry, at its first such call: medium where the
file is new to the change or brings a type new to the app, low where an SDK already there gains a call.

Reads: ``counterpart``, ``read_head``, ``exists_at_head``; privacy-family findings with a ``privacy_key``.
Writes: rewrites the value of those in a vendored SDK (``third-party SDK``); adds ``privacy.third_party_sdk``.
"""

from __future__ import annotations

import posixpath

from msgspec.structs import replace

from mp_precheck.analyzers.context import ProjectContext
from mp_precheck.core.report import Finding
from mp_precheck.facts.extract import reader_kind
from mp_precheck.readers.minified import is_minified_library

SDK_VALUE = "third-party SDK"
SUBJECT = "sdk:privacy"


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    out: list[Finding] = []
    by_file: dict[str, list[Finding]] = {}
    vendored: dict[str, bool] = {}
    for f in findings:
        if f.family == "privacy" and f.privacy_key:
            if f.path not in vendored:
                vendored[f.path] = is_vendored_sdk(context, f.path)
            if vendored[f.path]:
                f = replace(f, value=SDK_VALUE)
                by_file.setdefault(f.path, []).append(f)
        out.append(f)
    for path, calls in by_file.items():
        first = min(calls, key=lambda f: f.line)
        keys = " / ".join(dict.fromkeys(f.privacy_key or "" for f in sorted(calls, key=lambda f: f.line)))
        new = context.counterpart.get(path, "") is None or any(f.scope == "app" for f in calls)
        found = context.finding("privacy.third_party_sdk", SUBJECT, path, first.line,
                                scope="app" if new else "file", value=keys)
        out.append(found if new else replace(found, severity="low"))
    return out


def is_vendored_sdk(context: ProjectContext, path: str) -> bool:
    """Whether the head file ``path`` is a vendored SDK: an ``x.min.js``, or a minified ``.js`` (nearly all of its
    text code on lines of hundreds of characters) that is no page's or component's script (no template beside it)."""
    if reader_kind(path) == "min-js":
        return True
    if not path.endswith(".js") or context.exists_at_head(posixpath.splitext(path)[0] + ".wxml"):
        return False
    return is_minified_library(context.read_head(path) or "")
