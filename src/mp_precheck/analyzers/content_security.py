"""Content security: a new way for user content to leave the device, and whether anything checks it.

Reviewers test uploads with prohibited images; an app with no server-side check is rejected
(常见拒绝情形 3.2.11, 运营规范 §11: https://developers.weixin.qq.com/miniprogram/product/reject.html).
The checks are WeChat's ``security.msgSecCheck`` and
``security.mediaCheckAsync`` (v2), called from a server or a cloud function, so the whole repository is
searched, not just the Mini Program. Outcome per upload finding (``upload.*``):

* no check anywhere and none declared in config (``content_security.external``) → stays **high**;
* a check exists (or is declared) → **medium**: the reviewer will still test it;
* only v1-style calls (no ``version: 2``) → also ``upload.content_check_v1`` (medium) on that file.
Sources: MSC, MCA.

Reads: ``repo_grep``, ``read_head``, ``config.content_security_external``; upload-family findings at app scope
(after ``ugc``).
Writes: rewrites them to medium when a server checks content; adds ``upload.content_check_v1``.
"""

from __future__ import annotations

from msgspec.structs import replace

from mp_precheck.analyzers.context import ProjectContext
from mp_precheck.core.recache import compiled
from mp_precheck.core.report import Finding

CHECK_NAMES = frozenset({"msgSecCheck", "mediaCheckAsync", "imgSecCheck", "msg_sec_check", "media_check_async",
                         "img_sec_check"})


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    # Text inputs were already kept only where published (analyzers.ugc).
    uploads = [f for f in findings if f.family == "upload" and f.rule.startswith("upload.") and f.scope == "app"]
    if not uploads:
        return findings
    external = context.config.content_security_external
    hits = context.repo_grep(set(CHECK_NAMES))
    if not hits and not external:
        return findings
    out = [replace(f, severity="medium") if f in uploads else f for f in findings]
    version_2 = compiled(r"""["']?version["']?\s*(?::|=>|=)\s*["']?2\b""")  # compiled only when asked
    v1_files = [path for path in sorted(hits) if not version_2.search(context.read_head(path) or "")]
    if hits and len(v1_files) == len(hits):
        for path in v1_files:
            text = context.read_head(path) or ""
            line = next((i for i, row in enumerate(text.splitlines(), 1) if any(n in row for n in CHECK_NAMES)), 1)
            out.append(context.finding("upload.content_check_v1", "content-check:v1", path, line))
    return out
