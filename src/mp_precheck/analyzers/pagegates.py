"""Gates of the analyzers that read what a changed page holds: skip one, unimported, when no changed page holds
what it looks at.

The share, chat, instant-messaging and refusal-modal analyzers run on any change of a page and read the page's
script, template and base version (the last one the launch redirects of unchanged scripts too) before they find
nothing; on most changes the page has no share hook, no conversation, no message sent through an SDK and no modal
without a cancel button. Each gate here is that analyzer's own first "nothing to do" condition, or one strictly
wider, decided from what the run already holds (the changed files' facts, their text, the modules a page calls):
a text test where the analyzer parses (the string a share hook's name or an SDK's send method must be spelt with),
never a parse of its own. ``tests/test_analyzer_gates.py`` runs each analyzer where its gate closes and checks it
changes nothing. See :mod:`~mp_precheck.analyzers.loading` for the gates on findings and settings.
"""

from __future__ import annotations

from collections.abc import Sequence

from mp_precheck.analyzers.context import ProjectContext
from mp_precheck.core.report import Finding

# The readers a gate uses are imported when it first runs (every run that analyzes a project imports them for
# ugc, which has no gate): importing the registry, as the CLI does, loads none of them.

# share_landing reads a changed page script only when its text names a share hook (onShareAppMessage,
# useShareAppMessage); these are the suffixes it reads.
_LANDING_SCRIPTS = (".js", ".ts", ".vue", ".wpy", ".mpx", ".jsx", ".tsx")
_SHARE_HOOK_TEXT = "ShareAppMessage"
_SHARE_BUTTON = "button[open-type=share]"
# refusal_modal reads the same script suffixes, and a script only when its text spells the option it looks for.
_NO_CANCEL_TEXT = "showCancel"
_SFC = (".vue", ".nvue", ".uvue", ".wpy", ".mpx")
# chat reads a page's files by these suffixes (its _PAGE_SUFFIXES)
_PAGE_SUFFIXES = (".wxml", ".vue", ".nvue", ".wpy", ".mpx", ".js", ".ts", ".jsx", ".tsx")


def share_hook_text(context: ProjectContext, _findings: Sequence[Finding]) -> bool:
    """``share_landing``: open when a changed script's text spells a share hook (``onShareAppMessage``,
    ``useShareAppMessage``); the analyzer skips every other page before it parses."""
    return any(path.endswith(_LANDING_SCRIPTS) and _SHARE_HOOK_TEXT in (context.read_head(path) or "")
               for path in sorted(context.changed_paths))


def modal_without_cancel(context: ProjectContext, _findings: Sequence[Finding]) -> bool:
    """``refusal_modal``: open when a script the change adds lines to spells a modal's ``showCancel``; the
    analyzer reads no other script, and before it does it reads the launch redirects of the entry page and the
    app's scripts (their facts: a parse of unchanged files) to find the login pages."""
    return any(path.endswith(_LANDING_SCRIPTS) and _NO_CANCEL_TEXT in (context.read_head(path) or "")
               for path, lines in sorted(context.added_lines.items()) if lines)


def share_hook_or_button(context: ProjectContext, _findings: Sequence[Finding]) -> bool:
    """``share_callbacks``: open when a changed file has a share hook (``share:hook``, ``wx.showShareMenu``), or a
    file the change adds lines to belongs to a page whose template has a share button (``open-type="share"``)."""
    from mp_precheck.analyzers.induced_sharing import SHARE_HOOKS  # run before share_callbacks, ungated
    from mp_precheck.analyzers.senders import page_stem

    if any(f.subject in SHARE_HOOKS for facts in context.head_facts.values() for f in facts.facts):
        return True
    for path in sorted(context.added_lines):
        markup = path if path.endswith((*_SFC, ".wxml")) else page_stem(path) + ".wxml"
        facts = context.facts_at_head(markup) if path.endswith((*_SFC, ".wxml", ".js", ".ts")) else None
        if facts is not None and any(f.subject == _SHARE_BUTTON for f in facts.facts):
            return True
    return False


def conversation_page(context: ProjectContext, findings: Sequence[Finding]) -> bool:
    """``chat``: open when a changed file's page reads as a conversation by its path, or may be a socket's chat
    room: a script of it spells a handler of received messages (``onSocketMessage``, ``onMessage``) and a template
    of it loops over a list (what :func:`~mp_precheck.analyzers.socketsends.lists_received` needs of its text)."""
    from mp_precheck.analyzers.senders import MARKUP, SCRIPTS, page_stem
    from mp_precheck.analyzers.socketsends import LOOPS, RECEIVES
    from mp_precheck.core.scenes import scenes

    texts = {page_stem(f.path) for f in findings if f.rule in ("category.ugc", "upload.user_text")}
    for stem in sorted({page_stem(p) for p in context.head_facts}):
        if scenes().conversation(stem):
            return True
        if stem in texts:
            continue
        files = {path: context.read_head(path) or "" for s in _PAGE_SUFFIXES
                 if context.exists_at_head(path := stem + s)}
        if any(p.endswith(SCRIPTS) and RECEIVES.search(t) for p, t in files.items()) and \
                any(p.endswith(MARKUP) and LOOPS.search(t) for p, t in files.items()):
            return True
    return False


def im_send(context: ProjectContext, findings: Sequence[Finding]) -> bool:
    """``im_chat``: open when no finding tells a chat (``ugc:chat``) and a changed script, or the project function
    it calls, spells an IM SDK's send method and what its messages are made with
    (:func:`~mp_precheck.readers.imsends.may_send`): where neither is spelt no send is read."""
    if any(f.rule == "category.ugc" and f.subject == "ugc:chat" for f in findings):
        return False
    from mp_precheck.analyzers.reached import method_of, module_calls, module_files
    from mp_precheck.analyzers.senders import SCRIPTS
    from mp_precheck.core.imsdks import im_sdks
    from mp_precheck.readers.imsends import may_send

    sdks = im_sdks()
    words = {w for sdk in sdks for w in sdk.words}
    for path in sorted(p for p in context.head_facts if p.endswith(SCRIPTS)):
        if may_send(context.read_head(path) or "", sdks):
            return True
        for _line, name, _spec, module in module_calls(context, path, context.facts_at_head(path)):
            files = module_files(context, module)
            if not any(w in text for f in files if (text := context.read_head(f)) for w in words):
                continue  # im_chat reads no further
            held = method_of(context, module, name)
            if any(may_send(context.read_head(f) or "", sdks) for f in ([held[0]] if held else files)):
                return True
    return False
