"""A page that posts what its user uploads: user-published media with no text box (a short-video or photo
post), reported for the service category.

``analyzers/ugc.py`` finds a post by its text box. A page can publish without one: it uploads the video or photos
the user picks and hands the file's address to an API-client method whose name says it writes a post others read
(``socialApi.dynamicAdd(...)``, ``contentApi.createPost(...)``, ``publishMoment``: a write word and a public word
of ``checks/ugc_scenes.yml``). Such a page is user-published content: it needs a 社交 category and the UGC
declaration on submission (``ugc_declare``,
https://developers.weixin.qq.com/doc/oplatform/openApi/miniprogram-management/code-management/api_submitaudit).
The method's name is the evidence, not its transport: an API client built on a library no reader follows (an
axios instance with a mini-program adapter) still names its post.

``category.ugc`` goes at the page's first such call the change adds, where its script also reports an upload of
the change (the media it posts). Not where the page already has a category finding (its text box told by
``ugc``: one category question per page), nor on a chat page (a WebSocket conversation is ``chat``'s), nor where
the page's base version called the same method (it posted before; the call only waits for the upload now).

Reads: ``facts_at_head``, ``exists_at_head``, ``added_lines``, ``counterpart``, ``base_facts``;
upload-family and category findings.
Writes: adds ``category.ugc`` (read by ``categories``).
"""

from __future__ import annotations

import posixpath

from msgspec.structs import replace

from mp_precheck.analyzers.context import ProjectContext
from mp_precheck.analyzers.reached import module_calls
from mp_precheck.analyzers.senders import CHAT, READ_NAME, SCRIPTS
from mp_precheck.core.report import Finding
from mp_precheck.core.scenes import scenes

_UPLOADS = ("upload.upload_file", "upload.cloud_upload_file", "upload.third_party_upload", "upload.request_media")


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    asked = {_stem(f.path) for f in findings if f.family == "category"}
    pages: dict[str, Finding] = {}
    for f in findings:
        if f.rule in _UPLOADS and f.path.endswith(SCRIPTS) and _stem(f.path) not in asked:
            pages.setdefault(f.path, f)
    out = list(findings)
    for script, upload in sorted(pages.items()):
        line, name = _post_call(context, script) or (0, "")
        if line:
            ugc = context.finding("category.ugc", "ugc:post", script, line, scope=upload.scope,
                                  value=f"{upload.subject} {upload.path}:{upload.line} → {name}")
            out.append(ugc if upload.scope == "app" else _low(ugc))
    return out


def _post_call(context: ProjectContext, script: str) -> tuple[int, str] | None:
    """(line, name) of the first call the change adds in ``script`` to a project module's method named as a
    post (module docstring); None on a chat page or where there is none."""
    facts = context.facts_at_head(script)
    if facts is None or any(f.subject in CHAT for f in facts.facts):
        return None
    added = context.added_lines.get(script, frozenset())
    table = scenes()
    for line, name, _spec, _module in module_calls(context, script, facts, stores=False):
        method = name.rsplit(".", 1)[-1]
        if line in added and not READ_NAME.match(method) and table.names_post(method) and \
                not _called_before(context, script, method):
            return line, name
    return None


def _called_before(context: ProjectContext, script: str, method: str) -> bool:
    """Whether the base version of ``script`` called a project method of that name already: the page posted
    before (a call rewritten to wait for the upload is no new post)."""
    old = context.counterpart.get(script)  # None: a new file
    facts = context.base_facts.get(old) if old else None
    return facts is not None and any(name.rsplit(".", 1)[-1] == method for _spec, name, _line in facts.imported_calls)


def _low(finding: Finding) -> Finding:
    """A post on a page of an app that already had this kind of upload: a new call site, low."""
    return replace(finding, severity="low")


def _stem(path: str) -> str:
    return posixpath.splitext(path)[0]
