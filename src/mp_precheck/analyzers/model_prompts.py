"""A prompt sent to a generative model is no publication: nobody else reads it.

``upload.user_text`` and ``category.ugc`` tell text users publish to other users (a post, a comment, a chat between
users), which WeChat review tests with prohibited text and files under the social categories (社交-社区/论坛;
https://developers.weixin.qq.com/miniprogram/product/material/). Text the user types into an AI chat that goes to a
model is a prompt only the model reads: what it offers is generative AI, told at the same send by
``category.generative_ai`` (its 深度合成 category and filing; https://developers.weixin.qq.com/minigame/dev/wxcloud/
guide/extensions/extend/ai.html, 常见问题 4.1). So a send the change tells as generative AI (the same file and line)
is not told as a publication too.

A page that also publishes to other users — another ``upload.user_text`` or ``category.ugc`` of the same page at
another send (a comment box, a post, a room chat) — keeps all of its findings: which of its sends reaches people is
not for the words to decide.

Reads: findings only · ``category.generative_ai``, ``upload.user_text``, ``category.ugc``.
Writes: removes ``upload.user_text`` and ``category.ugc`` at a generative-AI send.
"""

from __future__ import annotations

from mp_precheck.analyzers.context import ProjectContext
from mp_precheck.core.report import Finding

MODEL = "category.generative_ai"
_PUBLISHED = frozenset({"upload.user_text", "category.ugc"})


def page_stem(path: str) -> str:
    """A page file's path without its suffix: the page's markup, script and style share it."""
    return path.rsplit(".", 1)[0]


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    asks = {(f.path, f.line) for f in findings if f.rule == MODEL}
    if not asks:
        return findings
    prompts = [f for f in findings if f.rule in _PUBLISHED and (f.path, f.line) in asks]
    if not prompts:
        return findings
    pages = {page_stem(f.path) for f in prompts}
    publishing = {page_stem(f.path) for f in findings
                  if f.rule in _PUBLISHED and (f.path, f.line) not in asks and page_stem(f.path) in pages}
    dropped = {id(f) for f in prompts if page_stem(f.path) not in publishing}
    return [f for f in findings if id(f) not in dropped]
