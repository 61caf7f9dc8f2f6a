"""A composer whose post is not wired yet: a new text box on a page of a public scene, with a control that
publishes it, while the page sends nothing (its 发布 button only opens a success page).

``analyzers/ugc.py`` tells a post where the text leaves the page. A page the change adds to write a review of an
order, a comment or a post — its path or navigation-bar title name a public scene (``pages/order/comment``, 评价:
``public`` words of ``checks/ugc_scenes.yml``), a ``<textarea>`` or ``<editor>`` and a control labelled as
publishing it (``发布``, ``发表评论``: ``publish_labels``) — is user-published content others will read, whether
or not the request is written yet: the submission needs the 社交 category and the UGC declaration
(``ugc_declare``,
https://developers.weixin.qq.com/doc/oplatform/openApi/miniprogram-management/code-management/api_submitaudit).
Told as ``category.ugc`` at the text box, since there is no post to tell it at. Silent where the page's words
name a private record or a message for the operator (feedback, 投诉, 客服), or no publishing control is there (a
note, a search box), and for a component's box (the page it hands its text to posts it). Silent too where every
publishing control, and every handler the box itself names, does nothing yet — an empty body, a log, a toast, a TODO,
in any framework's way of defining it (:mod:`~mp_precheck.readers.publishcontrol`): such a page publishes nothing
yet, and the declaration is due with the change that wires its post. A control whose handler does anything else (a
navigation, a store action, an event emitted to a parent that may post) or cannot be read keeps the finding. No
``upload.user_text``: nothing leaves the phone yet, there is no call to check.

Called by ``analyzers/ugc.py`` for a new text box whose page sends nothing; no analyzer of its own.
"""

from __future__ import annotations

from msgspec.structs import replace

from mp_precheck.analyzers.context import ProjectContext
from mp_precheck.analyzers.senders import POST_INPUTS, SCRIPTS, page_stem
from mp_precheck.core.lazyre import lazy
from mp_precheck.core.report import Finding
from mp_precheck.core.scenes import scenes, words_of
from mp_precheck.notes.pagetitles import page_of, page_title
from mp_precheck.readers.boxhandlers import box_handlers
from mp_precheck.readers.publishcontrol import UNBOUND, UNREAD, control_handlers, does_nothing
from mp_precheck.readers.sfc import SFC_SUFFIXES, script_units

_TEXT = lazy(r">([^<>]{1,40})<")  # an element's own text in markup (WXML, a Vue template, JSX)


def unwired_composer(context: ProjectContext, text_box: Finding) -> Finding | None:
    """``category.ugc`` at ``text_box`` (a new ``upload.user_text`` finding on a page that sends nothing) where the
    page is a composer of a public scene with a publishing control (module docstring), else None. Never raises."""
    if text_box.subject not in POST_INPUTS or not composer_page(context, text_box.path):
        return None
    if _inert(context, text_box, context.read_head(text_box.path) or ""):
        return None
    ugc = context.finding("category.ugc", "ugc:post", text_box.path, text_box.line, scope=text_box.scope,
                          value=f"{text_box.subject} {text_box.path}:{text_box.line} → (not sent yet)")
    return ugc if text_box.scope == "app" else replace(ugc, severity="low")


def composer_page(context: ProjectContext, markup: str) -> bool:
    """Whether the markup file ``markup`` is a registered page that composes a post others read: its path or
    navigation-bar title name a public scene (``pages/release``, 发表评价), none names a message for the operator
    (feedback, 客服), and it shows a control labelled as publishing (:func:`has_publish_control`). False for a
    component's markup (the page it hands its text to posts it: ``analyzers/relayed_posts.py``)."""
    project, table = context.project, scenes()
    registered = page_of(markup, project.root, project.pages)
    if registered is None:
        return False
    title = page_title(registered, project.root, project.framework, context.read_head)
    said = (title,) if title else ()
    if table.scene(markup, None, said) != "public" or \
            table.to_operator(words_of(page_stem(markup)) + [w for s in said for w in words_of(s)]):
        return False
    return has_publish_control(context.read_head(markup) or "")


def has_publish_control(markup: str) -> bool:
    """Whether ``markup`` (a page's WXML, a Vue template, JSX) shows a control labelled as publishing what a
    composer holds (``发布``, ``发表评论``: ``publish_labels`` of ``checks/ugc_scenes.yml``); a bound label
    (``{{ label }}``) says nothing."""
    return any(scenes().publish_label(text) for text in _TEXT.findall(markup) if "{{" not in text)


def only_logs(context: ProjectContext, text_box: Finding, markup: str) -> bool:
    """Whether every publishing control of the page of ``text_box`` (its file's ``markup``) runs a handler, and those
    and the box's own handlers do nothing yet (a log, a toast: :func:`_inert`): a 发布 written but sending nothing.
    A control bound to no handler is a design not wired yet, not one seen to send nothing."""
    controls = control_handlers(markup, text_box.path, scenes().publish_label)
    return bool(controls) and not {UNREAD, UNBOUND} & set(controls) and _inert(context, text_box, markup)


def _inert(context: ProjectContext, text_box: Finding, markup: str) -> bool:
    """Whether the publishing controls of the page of ``text_box`` (its file's ``markup``) and the handlers the box
    itself names all do nothing yet (:func:`~mp_precheck.readers.publishcontrol.does_nothing`), read in the file's
    own scripts (a single-file component, a JSX page) or in the page's script beside its WXML."""
    controls = control_handlers(markup, text_box.path, scenes().publish_label)
    if not controls:
        return False
    path = text_box.path
    if path.lower().endswith(SFC_SUFFIXES) or path.lower().endswith(SCRIPTS):
        units = script_units(markup, path)
    else:
        script = next((s for s in (page_stem(path) + suffix for suffix in SCRIPTS[:2]) if context.exists_at_head(s)),
                      None)
        units = script_units(context.read_head(script) or "", script) if script is not None else []
    return does_nothing(units, [*controls, *box_handlers(markup, text_box.line)])
