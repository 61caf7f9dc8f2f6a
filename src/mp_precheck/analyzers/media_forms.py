"""Forms that publish what their user uploaded: a page whose control publishes (发布) submits the address of a file
the user just uploaded (a recording, a photo: the state an upload's callback set,
:mod:`~mp_precheck.readers.uploadstate`) together with what they typed in the form's one-line fields, to an endpoint
whatever it is called (``'/specimen'``, ``'birdSong'``). That is a post of user content others read, as much as a
composer's: its text is to be checked (security.msgSecCheck,
https://developers.weixin.qq.com/miniprogram/dev/server/API/sec-center/sec-check/api_msgseccheck.html) and its
scene declared (https://developers.weixin.qq.com/doc/oplatform/openApi/miniprogram-management/code-management/api_submitaudit).
A private record stays silent: a page, title or endpoint whose words name one (a profile, an order, a booking, a
receipt: ``private`` of ``checks/ugc_scenes.yml``), or a message only the operator reads (feedback, a complaint).
Used by :mod:`~mp_precheck.analyzers.comment_boxes`, which judges the fields the post carries.
"""

from __future__ import annotations

from mp_precheck.analyzers.composers import has_publish_control
from mp_precheck.analyzers.context import ProjectContext
from mp_precheck.analyzers.senders import POSTERS, page_stem
from mp_precheck.core.scenes import scenes, words_of
from mp_precheck.facts.model import Fact
from mp_precheck.notes.pagetitles import page_of, page_title
from mp_precheck.readers.boxhandlers import endpoint_strings
from mp_precheck.readers.textflow import carried_names
from mp_precheck.readers.uploadstate import uploaded_state

_UPLOADS = frozenset({"wx.uploadFile", "wx.cloud.uploadFile"})


def media_form_posts(context: ProjectContext, script: str, markups: set[str], posts: list[Fact]) -> set[int]:
    """The lines of ``posts`` (calls of ``script``) that send on what an upload of the script kept (the file's
    address), where one of the page's ``markups`` shows a control labelled as publishing (发布) and neither the
    page's path and title nor the post's endpoint names a private record or a message to the operator."""
    facts, text = context.facts_at_head(script), context.read_head(script) or ""
    uploads = [f.line for f in facts.facts if f.subject in _UPLOADS] if facts is not None else []
    kept = uploaded_state(text, script, uploads) if uploads and posts else frozenset()
    if not kept or _posted_media_before(context, script) or \
            not any(has_publish_control(context.read_head(m) or "") for m in markups):
        return set()
    carried = carried_names(text, script, [f.line for f in posts], closures=True)
    spelt = endpoint_strings(text, script, [f.line for f in posts])
    said = [w for m in markups for w in _title_words(context, m)]
    out: set[int] = set()
    for post in posts:
        strings = spelt.get(post.line, ())
        words = words_of(page_stem(script)) + said + [w for s in strings for w in words_of(s)]
        if carried.get(post.line, frozenset()) & kept and scenes().scene(script, None, (*strings, *said)) != \
                "private" and not scenes().to_operator(words):
            out.add(post.line)
    return out


def _title_words(context: ProjectContext, markup: str) -> list[str]:
    """The words of the navigation-bar title of the page of ``markup`` (none for a component)."""
    project = context.project
    registered = page_of(markup, project.root, project.pages)
    title = page_title(registered, project.root, project.framework, context.read_head) if registered else None
    return words_of(title) if title else []


def _posted_media_before(context: ProjectContext, script: str) -> bool:
    """Whether the script, before the change, already uploaded and posted (a form rewritten: no new post)."""
    old = context.counterpart.get(script) if script in context.changed_paths else script
    before = context.base_facts.get(old) if old else None
    if before is None:
        before = context.facts_at_head(script) if script not in context.changed_paths else None
    subjects = {f.subject for f in before.facts} if before is not None else set()
    return bool(subjects & _UPLOADS) and bool(subjects & POSTERS)
