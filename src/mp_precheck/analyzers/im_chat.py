"""Chat between users through an instant-messaging SDK: a page the change makes send a message through Tencent Cloud
Chat, LeanCloud, NetEase Yunxin, Easemob, GoEasy, JMessage or RongCloud (``checks/im_sdks.yml``) in an app that sent
none before, reported once for content security and once for the service category.

A message sent through an IM SDK reaches another user (a private or group chat) as one sent through the app's own
server does (``analyzers/chat.py``): the submission's UGC declaration covers it (``ugc_declare``,
https://developers.weixin.qq.com/doc/oplatform/openApi/miniprogram-management/code-management/api_submitaudit), the
service categories need a 社交 category for it, and its text must be checked (``security.msgSecCheck``, version 2,
https://developers.weixin.qq.com/miniprogram/dev/server/API/sec-center/sec-check/api_msgseccheck.html, or the IM
service's own moderation) before the other user sees it. The SDK's call is the evidence ``chat`` does not take from a
package (:mod:`~mp_precheck.readers.imsends`):

* the project holds an IM SDK: a script or ``package.json`` names one of its modules or packages (imported, vendored
  as ``libs/realtime.weapp.min.js``, installed) — the page may reach the SDK any way (imported, ``getApp().realtime``,
  a project wrapper module);
* a page or component the change adds or edits (a single-file component, a JSX file, a script beside its ``.wxml``)
  sends a message through it — in its own script, or in the function of a project module or store it calls
  (``sendText(to, text)`` of ``@/utils/im``), reported at the page's call;
* the page names no customer-service counterpart (``checks/ugc_scenes.yml`` ``service``: ``pages/kefu/chat``, a
  message sent ``to: 'kefu'``): a chat with the operator is none between users;
* no script of the app sent a message through an IM SDK before the change (the chat was there: a new kind of
  message, a restyled input bar is no new scene), and no finding tells a chat already (``ugc:chat``).

A vendored SDK file is never the page (its own calls are the SDK's), and an app that only logs in or lists
conversations sends nothing. Reported at the first such send, scope app: ``upload.user_text`` (the page's text box,
else ``ugc:chat``) and ``category.ugc`` (subject ``ugc:chat``).

Reads: ``repo_grep`` (which SDKs the project holds, which scripts may send), ``head_facts``, ``changed_paths``,
``exists_at_head``, ``read_head``, ``facts_at_head`` (the modules a page calls), ``read_base``, ``counterpart``,
``base_facts``; ``category.ugc`` and ``upload.user_text`` findings.
Writes: adds ``upload.user_text`` and ``category.ugc`` at a page's first message sent through an IM SDK.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator

from mp_precheck.analyzers.chat import text_boxes
from mp_precheck.analyzers.context import ProjectContext, as_shipped
from mp_precheck.analyzers.reached import method_of, module_calls, module_files
from mp_precheck.analyzers.senders import SCRIPTS, page_stem
from mp_precheck.core.imsdks import ImSdk, im_sdks
from mp_precheck.core.report import Finding
from mp_precheck.core.scenes import scenes
from mp_precheck.facts.store import ExistingPaths, resolve_module
from mp_precheck.readers.buildtwins import MINIFIED
from mp_precheck.readers.imsends import ImSend, im_sends
from mp_precheck.readers.sfc import SFC_SUFFIXES

_REPORTED = ("category.ugc", "upload.user_text")
_UI = (*SFC_SUFFIXES, ".jsx", ".tsx")
_MARKUP = (".wxml", ".vue", ".nvue", ".wpy", ".mpx", ".jsx", ".tsx")
_BUNDLED_LINE = 5000  # a line this long is a bundle's or a minified library's, not the app's own code
Send = tuple[str, int, str, ImSdk]  # (page script, line, what it calls, SDK)


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    context = as_shipped(context)  # a post in an #ifdef block of another platform never reaches WeChat
    if any(f.rule == "category.ugc" and f.subject == "ugc:chat" for f in findings):
        return findings
    told = {page_stem(f.path) for f in findings if f.rule in _REPORTED}
    pages = [p for p in sorted(context.head_facts, key=lambda p: (not scenes().conversation(page_stem(p)), p))
             if _page(context, p) and page_stem(p) not in told and not scenes().says_service(p)]
    if next((s for path in pages for s in _page_sends(context, path, im_sdks())), None) is None:
        return findings  # no page sends through any SDK: the project's files are not searched
    sdks = _held_sdks(context)
    sent = next((s for path in pages if sdks for s in _page_sends(context, path, sdks)), None)
    if sent is None or _sent_before(context, sdks):
        return findings
    script, line, call, sdk = sent
    stem = page_stem(script)
    files = [stem + s for s in _MARKUP if context.exists_at_head(stem + s)] or [script]
    box = next((b for path in files for b in text_boxes(context.facts_at_head(path), path)), None)
    value = f"{sdk.sdk}: {call}" if box is None else f"{box[0]} {box[1]}:{box[2]} → {sdk.sdk}: {call}"
    return [*findings,
            context.finding("upload.user_text", box[0] if box else "ugc:chat", script, line, value=value),
            context.finding("category.ugc", "ugc:chat", script, line, value=value)]


def _held_sdks(context: ProjectContext) -> tuple[ImSdk, ...]:
    """The IM SDKs a script of the project or its ``package.json`` (in the root or the folder that builds it) names
    (module docstring)."""
    found = context.repo_grep({n for sdk in im_sdks() for n in sdk.needles})
    manifests = {posixpath.join(folder, "package.json") for folder in (context.project.root, context.project.env_root)
                 if folder is not None}
    named = {n for path, needles in found.items() if _ours(context, path) or path in manifests for n in needles}
    return tuple(sdk for sdk in im_sdks() if named & set(sdk.needles))


def _ours(context: ProjectContext, path: str) -> bool:
    """Whether ``path`` is a script of the project (vendored folders, nested apps left out)."""
    return path.endswith(SCRIPTS) and context.project.owns(path)


def _vendored(path: str, text: str) -> bool:
    """Whether a script is a library copied in, not the app's code: an IM SDK's own file, a minified file, a bundle."""
    return any(sdk.loaded_by(path) for sdk in im_sdks()) or MINIFIED.match(posixpath.basename(path)) is not None \
        or any(len(line) > _BUNDLED_LINE for line in text.splitlines())


def _page(context: ProjectContext, path: str) -> bool:
    """Whether a changed head file is a page's or component's script: a single-file component, JSX, or a script
    beside its ``.wxml``."""
    if not _ours(context, path):
        return False
    return path.endswith(_UI) or context.exists_at_head(page_stem(path) + ".wxml")


def _page_sends(context: ProjectContext, path: str, sdks: tuple[ImSdk, ...]) -> Iterator[Send]:
    """The IM sends of a page's script, its own and those of the project functions it calls, in line order."""
    text = context.read_head(path) or ""
    if _vendored(path, text):
        return
    found = [(path, s.line, s.callee, s.sdk) for s in _sends(path, text, sdks)]
    for line, name, _spec, module in module_calls(context, path, context.facts_at_head(path)):
        sent = _reached(context, module, name, sdks)
        if sent is not None:
            found.append((path, line, f"{name} → {sent.callee}", sent.sdk))
    yield from sorted(found, key=lambda s: s[1])


def _reached(context: ProjectContext, module: str, name: str, sdks: tuple[ImSdk, ...]) -> ImSend | None:
    """The first IM send of the project function a page calls as ``name`` (``sendText``, ``chatStore.send``): in
    the function :func:`~mp_precheck.analyzers.reached.method_of` finds, else in a function of that name in the
    module or in a module it imports or passes names on from."""
    files = module_files(context, module)
    words = {w for sdk in sdks for w in sdk.words}
    if not any(w in text for f in files if (text := context.read_head(f)) for w in words):
        return None  # neither the module nor what it imports builds or sends a message
    held = method_of(context, module, name)
    if held is not None:
        file, export = held
        return next((s for s in _sends(file, context.read_head(file) or "", sdks)
                     if export.first_line <= s.call_line <= export.last_line), None)
    method = name.rpartition(".")[2]
    for file in files:
        sent = next((s for s in _sends(file, context.read_head(file) or "", sdks) if method in s.functions), None)
        if sent is not None:
            return sent
    return None


def _sends(path: str, text: str, sdks: tuple[ImSdk, ...]) -> list[ImSend]:
    """The IM sends of one script of the app (none in a vendored one), a customer-service counterpart's left out."""
    if not text or _vendored(path, text):
        return []
    return [s for s in im_sends(text, path, sdks) if not scenes().names_service([s.said])]


def _sent_before(context: ProjectContext, sdks: tuple[ImSdk, ...]) -> bool:
    """Whether the app sent a message through one of ``sdks`` at base: a page or component of the head that may (its
    base text when changed, renamed ones through ``counterpart``) or a base file the change deletes sent one, or a
    module that sent one was imported by a script of the app (its base facts when changed)."""
    found = context.repo_grep({w for sdk in sdks for w in sdk.words})
    seen: set[str] = set()
    for path in sorted(p for p in found if _ours(context, p)):
        changed = path in context.changed_paths
        old = context.counterpart.get(path) if changed else path
        seen.add(old or path)
        text = (context.read_base(old) if changed else context.read_head(path)) if old else None
        if text and _sends(old or path, text, sdks) and (_page(context, path) or _imported(context, path)):
            return True
    deleted = sorted(p for p in set(context.base_facts) - seen if p.endswith(_UI) and _ours(context, p))
    return any(_sends(old, context.read_base(old) or "", sdks) for old in deleted)


def _imported(context: ProjectContext, module: str) -> bool:
    """Whether a script of the app imported ``module`` at base (a store's index importing its chat module)."""
    stem = posixpath.splitext(posixpath.basename(module))[0]
    name = posixpath.basename(posixpath.dirname(module)) if stem == "index" else stem
    tree = ExistingPaths(context.exists_at_head)
    found = context.repo_grep({f"/{name}{end}" for end in ("'", '"', "`", ".js", ".ts")})
    for path in sorted(p for p in found if p != module and _ours(context, p)):
        changed = path in context.changed_paths
        old = context.counterpart.get(path) if changed else path
        facts = (context.base_facts.get(old) if changed else context.facts_at_head(path)) if old else None
        if facts is not None and any(resolve_module(path, spec, tree) == module for spec in facts.module_specs):
            return True
    return False
