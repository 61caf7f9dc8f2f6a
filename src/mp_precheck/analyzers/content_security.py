"""Content security: a new way for user content to leave the device, and whether anything checks it.

Reviewers test uploads with prohibited images; an app with no server-side check is rejected
(常见拒绝情形 3.2.11, 运营规范 §11: https://developers.weixin.qq.com/miniprogram/product/reject.html).
The checks are WeChat's ``security.msgSecCheck`` and
``security.mediaCheckAsync`` (v2), called from a server or a cloud function, so the whole repository is
searched, not just the Mini Program. Outcome per upload finding (``upload.*``):

* no check anywhere and none declared in config (``content_security.external``) → stays **high**;
* a check exists (or is declared) → **medium**: the reviewer will still test it;
* only v1-style calls (no ``version: 2``) → ``upload.content_check_v1`` (medium) on a v1 call the change adds or
  edits (its line is not in the file's base version); a v1 check the change leaves as it was is the app's, not
  this change's: it is advice in each upload finding's fix (where the check is, and to move to version 2), which
  the comment and every output show with the upload.
Sources: MSC, MCA.

Reads: ``repo_grep``, ``read_head``, ``read_base``, ``changed_paths``, ``config.content_security_external``,
``language``; upload-family findings at app scope (after ``ugc``).
Writes: rewrites them to medium when a server checks content; adds ``upload.content_check_v1`` for a v1 call the
change writes, else adds the v1 advice to the uploads' fix.
"""

from __future__ import annotations

from msgspec.structs import replace

from mp_precheck.analyzers.context import ProjectContext
from mp_precheck.core.messages import Messages
from mp_precheck.core.recache import compiled
from mp_precheck.core.report import Finding

CHECK_NAMES = frozenset({"msgSecCheck", "mediaCheckAsync", "imgSecCheck", "msg_sec_check", "media_check_async",
                         "img_sec_check"})


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    """``findings`` with the app-wide uploads lowered to medium when a content check exists or is declared, and
    the v1 advice: a finding on a v1 call the change writes, else a sentence in the uploads' fix. Never raises on
    project input."""
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
    if not hits or len(v1_files) != len(hits):
        return out
    places = [(path, _check_line(context.read_head(path) or "")) for path in v1_files]
    written = [(path, line) for path, line in places if _written(context, path, line)]
    out += [context.finding("upload.content_check_v1", "content-check:v1", path, line) for path, line in written]
    if len(written) == len(places):
        return out
    kept = ", ".join(f"{path}:{line}" for path, line in places if (path, line) not in written)
    note = Messages(context.language).t("advice.content_check_v1", where=kept)
    return [replace(f, fix=f"{f.fix} {note}") if i < len(findings) and findings[i] in uploads else f
            for i, f in enumerate(out)]


def _check_line(text: str) -> int:
    """The 1-based line of the first content-check name in ``text`` (1 when none is on a line of its own)."""
    return next((i for i, row in enumerate(text.splitlines(), 1) if any(n in row for n in CHECK_NAMES)), 1)


def _written(context: ProjectContext, path: str, line: int) -> bool:
    """Whether the change adds or edits line ``line`` of ``path``: the file is changed and that line's text is on
    no line of its base version (or the file is new)."""
    if path not in context.changed_paths:
        return False
    rows = (context.read_head(path) or "").splitlines()
    row = rows[line - 1].strip() if 0 < line <= len(rows) else ""
    base = context.read_base(path)
    return base is None or row not in {r.strip() for r in base.splitlines()}
