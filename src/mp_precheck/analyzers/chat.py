"""Chat between users (private messages): a conversation page whose text box the change starts sending to
another user, reported once for content security and once for the service category.

Text a user types into a chat and sends to another user is user-generated content as much as a post is: it
reaches other users, so the submission's UGC declaration covers it (``ugc_declare``,
https://developers.weixin.qq.com/doc/oplatform/openApi/miniprogram-management/code-management/api_submitaudit),
the service categories need a 社交 category for it, and the text must pass ``security.msgSecCheck`` (version 2,
https://developers.weixin.qq.com/miniprogram/dev/server/API/sec-center/sec-check/api_msgseccheck.html) before the
other user sees it. ``analyzers/ugc.py`` finds posts (a ``<textarea>`` whose page posts its data); a chat is told
apart by its words (``checks/ugc_scenes.yml``: ``chat``, ``service``) and also uses a one-line ``<input>`` or the
project's own text-box component (``<MyTextarea>``), so it is read here:

* the page reads as a conversation: a chat word in its path (``pages/chat/index``, ``pages/message/chat``) and no
  word of a customer-service or bot counterpart (``pages/kefu/chat``, ``pages/assistant``: the operator, not
  another user); or, whatever its path, it opens a WebSocket and lists the messages it receives on it
  (:func:`~mp_precheck.analyzers.socketsends.lists_received`: an order's or a room's chat), its text then sent on
  the socket alone;
* it has a text box: ``<textarea>``, ``<editor>``, an ``<input>`` of text type, or a component named as one
  (``<u-input>``, ``<MyTextarea>``);
* its script sends a message: a request (directly or through a wrapper) whose endpoint or wrapper names a message
  and does not only read (``request('/chat/send', {method: 'POST'})``, not ``'GET'``), or a call of a project
  module's function named as a write on a message (``Msg.send(chatId, text)``, ``sendMessage``, ``send`` of
  ``@/api/chat``) that the module resolver reaches (a package's call is no evidence), or a record written to a
  cloud database collection named as messages (``db.collection('chat_records').add({ data })``: the other user's
  page reads it there, :mod:`~mp_precheck.readers.cloudwrites`); or, where none of these
  carries the text, a call named as a send on an object no reader follows (``this.$api.group.sendMessage(text)``
  of an API object a plugin installs, ``getApp().api.chat.send(…)``: :mod:`~mp_precheck.analyzers.objectsends`)
  on a page that opens no socket; or — a chat room —
  a ``wx.sendSocketMessage``, or on a page that opens a socket a call named as a send (``socketTask.send``, a
  socket hook's ``sendMessage``), whose data carries the state the text box writes (``content: this.message``),
  not the room's own join notice, a position or a message to customer service;
* the page did not send a message before the change (a chat restyled, split or moved is no new scene), nor the
  text box's own text by any other data call that does not read (an inline request now an API module's
  ``send({ content })``: a new route, not a new scene), and ``ugc`` did not already report its text box.

Reported at the sending call, where the content check belongs (of several, the one carrying the text box's state:
``sendMessage({ content })``, not ``createConversation(peer)``; a send on the SocketTask the page's own
``connectSocket`` returns: at that call, the conversation's channel): ``upload.user_text`` and ``category.ugc``
(subject ``ugc:chat``), both of scope file. A search box, a feedback form, WeChat's customer-service button
(``open-type="contact"``) and a message list that only reads have no sending call of a conversation.

Files a conversation page picks (``wx.chooseMessageFile``, ``wx.chooseImage``…) and hands to a project helper
named as an upload (``uploadFile(file, 'files/', done)``) in a module that sends data are sent to the other user
even where the readers see no upload API in the helper (a PUT of the file's bytes to object storage by
``wx.request``): ``upload.upload_file`` (subject ``ugc:chat-file``, scope file) at the helper's call, unless the
page already has an upload finding or made such a call before (mediaCheckAsync,
https://developers.weixin.qq.com/miniprogram/dev/server/API/sec-center/sec-check/api_mediacheckasync.html).

Reads: ``head_facts`` (the changed pages), ``facts_at_head`` (their scripts, wrappers followed), ``read_head`` (the
store actions a page binds, :mod:`~mp_precheck.analyzers.reached`), ``base_facts``, ``read_base``,
``counterpart``, ``changed_paths``, ``exists_at_head``; ``category.ugc`` / ``upload.user_text`` of ``ugc`` and the
other upload findings.
Writes: adds ``upload.user_text`` and ``category.ugc`` at a new conversation's message send,
``upload.upload_file`` at its new call of a project upload helper; upload findings of ``ugc`` and the semantic diff.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from mp_precheck.analyzers.context import ProjectContext, as_shipped
from mp_precheck.analyzers.objectsends import object_sends
from mp_precheck.analyzers.old_boxes import at_base
from mp_precheck.analyzers.reached import module_calls
from mp_precheck.analyzers.senders import (
    CHAT,
    MARKUP,
    POSTERS,
    SCRIPTS,
    SENDERS,
    database_writes,
    page_stem,
    sending,
)
from mp_precheck.analyzers.socketsends import lists_received, opens_socket, socket_sends, task_opened
from mp_precheck.core.report import Finding
from mp_precheck.core.scenes import scenes
from mp_precheck.core.thirdparty import PICK_SUBJECT, third_party
from mp_precheck.facts.model import Fact, FileFacts, passed_strings
from mp_precheck.readers.textflow import carried_names, written_state

_PAGE_SUFFIXES = (".wxml", ".vue", ".nvue", ".wpy", ".mpx", ".js", ".ts", ".jsx", ".tsx")
_TEXT_TAGS = frozenset({"<textarea>", "<editor>"})
_NOT_TEXT = frozenset({"number", "digit", "idcard", "nickname", "password", "safe-password"})  # <input type>
_FIELD_ENDS = ("input", "textarea", "editor", "field")  # <u-input>, <MyTextarea>, <van-field>
_REPORTED = ("category.ugc", "upload.user_text")
# Pickers whose files a chat sends on (wx.chooseMessageFile: files from the user's WeChat chats).
_PICKERS = frozenset({"wx.chooseMessageFile", "wx.chooseImage", "wx.chooseMedia", "wx.chooseVideo", PICK_SUBJECT})

_SOCKET_SEND = "wx.sendSocketMessage"
Send = tuple[str, int, str]  # (script, line, what it calls)


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    context = as_shipped(context)  # a post in an #ifdef block of another platform never reaches WeChat
    texts = {page_stem(f.path) for f in findings if f.rule in _REPORTED}
    uploads = {page_stem(f.path) for f in findings if f.family == "upload" and f.rule != "upload.user_text"}
    out = list(findings)
    for stem in sorted({page_stem(p) for p in context.head_facts}):
        files = [stem + s for s in _PAGE_SUFFIXES if context.exists_at_head(stem + s)]
        talk = scenes().conversation(stem)
        if not talk and (stem in texts or not _socket_room(context, files)):
            continue
        if stem not in texts:
            out.extend(_text_chat(context, files, talk))
        if stem not in uploads and talk:
            out.extend(_file_chat(context, files))
    return out


def _socket_room(context: ProjectContext, files: list[str]) -> bool:
    """Whether a page whose path names no conversation is one all the same: it opens a WebSocket and lists the
    messages it receives on it (a room's or an order's chat), and its path names no customer service or bot."""
    if not files or scenes().says_service(files[0]):
        return False
    scripts = [p for p in files if p.endswith(SCRIPTS) and opens_socket(context, p)]
    markups = [context.read_head(p) or "" for p in files if p.endswith(MARKUP)]
    return any(lists_received(m, context.read_head(p) or "", p) for p in scripts for m in markups)


def _text_chat(context: ProjectContext, files: list[str], talk: bool = True) -> list[Finding]:
    """``upload.user_text`` and ``category.ugc`` at the message send of a conversation page's text box, when the
    page sent no message before the change; a page that is a conversation only by its socket (``talk`` False)
    by a send on the socket alone."""
    box = next((b for path in files for b in text_boxes(context.facts_at_head(path), path)), None)
    sent = _carried_first(context, box, [s for path in files for s in _message_sends(context, path,
                                                                                 context.facts_at_head(path))]) \
        if talk and box is not None else None
    if box is not None and sent is None:  # a chat room: the box's text goes out over the page's WebSocket
        sent, before = _socket_send(context, files, box)
        if sent is None and talk:  # through an object no reader follows: this.$api.chat.sendMessage(text)
            sent, before = _object_send(context, files, box)
        if before:
            return []
    if box is None or sent is None or (talk and _before(context, files, _message_sends)) \
            or _box_sent_before(context, files, box):
        return []
    script, line, call = sent
    value = f"{box[0]} {box[1]}:{box[2]} → {call}"
    return [context.finding("upload.user_text", box[0], script, line, scope="file", value=value),
            context.finding("category.ugc", "ugc:chat", script, line, scope="file", value=value)]


def _box_sent_before(context: ProjectContext, files: list[str], box: tuple[str, str, int]) -> bool:
    """Whether the page's base scripts sent what its text ``box`` writes (at head, or its base box then) in a data
    call that does not read (``sending``: a request, a cloud call, directly or through any wrapper): the page
    published the box's text before by another route — an inline request now a module's ``send({ content })`` —,
    so the message send is no new scene, whatever the new route is named."""
    old = list(_base_versions(context, files))
    old_box = next((b for path, facts, _text in old for b in text_boxes(facts, path)), None)
    texts = {path: text for path, _facts, text in old}
    state = written_state(context.read_head(box[1]) or "", box[2]) | (
        written_state(texts.get(old_box[1], ""), old_box[2]) if old_box is not None else frozenset())
    base = at_base(context)
    for path, facts, text in old if state else []:
        lines = [f.line for f in sending(base, path, facts) if f.subject in POSTERS] \
            if facts is not None and path.endswith(SCRIPTS) else []
        if any(names & state for names in (carried_names(text, path, lines) if lines else {}).values()):
            return True
    return False


def _carried_first(context: ProjectContext, box: tuple[str, str, int], sends: list[Send]) -> Send | None:
    """The message send of ``sends`` that carries what the text ``box`` writes (``sendMessage({ content })``), else
    the first: a call that opens the conversation (``createConversation(peer)``) sends none of the user's text."""
    state = written_state(context.read_head(box[1]) or "", box[2]) if len(sends) > 1 else frozenset()
    for script in dict.fromkeys(s[0] for s in sends) if state else ():
        found = _carrying([s for s in sends if s[0] == script], context.read_head(script) or "", script, state)
        if found is not None:
            return found
    return sends[0] if sends else None


def _file_chat(context: ProjectContext, files: list[str]) -> list[Finding]:
    """``upload.upload_file`` at a conversation page's call of a project upload helper (``uploadFile(file, …)``)
    when the page picks files and reports no upload of its own yet: the picked file goes up to be sent to the other
    user through a helper the readers do not see upload (a PUT of its bytes to object storage by ``wx.request``)."""
    picked = any(f.subject in _PICKERS for path in files if (facts := context.facts_at_head(path)) is not None
                 for f in facts.facts)
    sent = next((s for path in files for s in _file_sends(context, path, context.facts_at_head(path))), None)
    if not picked or sent is None or _before(context, files, _file_sends):
        return []
    script, line, call = sent
    return [context.finding("upload.upload_file", "ugc:chat-file", script, line, scope="file", value=call)]


def text_boxes(facts: FileFacts | None, path: str) -> Iterator[tuple[str, str, int]]:
    """(subject, file, line) of each text box of a page's file, in line order: ``<textarea>``, ``<editor>``, an
    ``<input>`` whose ``type`` (on its own lines) is no number, ID or password keyboard, a component named as a
    field (``<u-input>``, ``<MyTextarea>``)."""
    if facts is None:
        return
    tags = sorted(f.line for f in facts.facts if f.kind == "component")
    for fact in sorted(facts.facts, key=lambda f: f.line):
        if fact.kind != "component":
            continue
        name = fact.subject.strip("<>")
        if fact.subject in _TEXT_TAGS or (name != "input" and name.endswith(_FIELD_ENDS)):
            yield fact.subject, path, fact.line
        elif name == "input":
            end = next((t for t in tags if t > fact.line), fact.line + 1_000_000)
            typed = {f.value for f in facts.facts if f.subject.startswith("input[type=") and fact.line <= f.line < end}
            if not typed & _NOT_TEXT:
                yield fact.subject, path, fact.line


def _message_sends(context: ProjectContext, path: str, facts: FileFacts | None) -> Iterator[Send]:
    """Calls of a page's file that send a message to another user (see the module docstring), in line order."""
    if facts is None:
        return
    table = scenes()
    requests = {f.line: f for f in facts.facts if f.subject in POSTERS}
    calls: list[tuple[int, str | None, str | None]] = [(line, _wrapper(f), _wrapper_module(f))
                                                       for line, f in requests.items()]
    calls += [(line, name, spec) for line, name, spec, _module in module_calls(context, path, facts)
              if line not in requests]  # a package's call is no evidence: project modules only
    # a direct request passes no recorded strings; its literal URL is the host fact of its line
    urls = {f.line: f.value for f in facts.facts if f.kind == "host" and f.role == "request" and f.value}
    # a record written to a shared collection (``db.collection('chat_records').add({ data })``) is a send too,
    # named by its collection: the other user's page reads it from there
    written = {line: (table_name, method) for line, table_name, method in database_writes(context, path)}
    calls += [(line, None, None) for line in written if line not in requests]
    for line, name, spec in sorted(calls, key=lambda c: c[0]):
        strings = passed_strings(facts.call_literals.get(line, ())) + ((urls[line],) if line in urls else ()) \
            + ((spec,) if spec else ()) + written.get(line, ("",))[:1]  # the module's path names it too
        if table.sends_message(name, strings):
            shown = requests[line].subject if line in requests and line not in written else name or ""
            shown = f"collection('{written[line][0]}').{written[line][1]}" if line in written else shown
            yield path, line, f"{name} ({shown})" if name and shown != name else shown


def _wrapper(fact: Fact) -> str | None:
    """The name of the project wrapper a request goes through (``sendMessage``), None for a direct call or a
    module's default export (``import request from '../../utils/request'``: its name is the importer's)."""
    if not fact.role or not fact.role.startswith(("via:", "dispatch:")):
        return None
    name = fact.role.rsplit("#", 1)[-1]
    return None if name == "default" else name


def _wrapper_module(fact: Fact) -> str | None:
    """The module of the project wrapper a request goes through (``api/chat.js`` of ``via:api/chat.js#send``, a
    model class's ``Letter.send`` in ``models/message.ts``), None for a direct call: its path names it too."""
    via = fact.role is not None and fact.role.startswith(("via:", "dispatch:"))
    return fact.role.partition(":")[2].rpartition("#")[0] or None if via and fact.role else None


def _socket_send(context: ProjectContext, files: list[str], box: tuple[str, str, int]) -> tuple[Send | None, bool]:
    """(the first send on the page's WebSocket whose data carries the state its text ``box`` writes, whether the
    page made such a send before the change). A send is a ``wx.sendSocketMessage`` or, on a page that opens a
    socket (itself or through a socket hook), a call named as one (``socketTask.send``, ``sendMessage``):
    ``content: this.message`` where ``<input v-model="message">`` is the user's message sent to the others
    (wx.sendSocketMessage,
    https://developers.weixin.qq.com/miniprogram/dev/api/network/websocket/wx.sendSocketMessage.html;
    SocketTask.send, https://developers.weixin.qq.com/miniprogram/dev/api/network/websocket/SocketTask.send.html).
    A system message (``进入了聊天室``) carries none of it; a box whose state is not seen sends nothing known;
    a send whose call names customer service or a bot (``to: 'kefu'``) is to the operator. A send on the SocketTask
    the page's own ``connectSocket`` returns is placed at that call: the conversation's channel, one per page."""
    state = written_state(context.read_head(box[1]) or "", box[2])
    found: Send | None = None
    for path in files if state else []:
        text = context.read_head(path) or ""
        found = found or _carrying(_socket_sends(context, path, context.facts_at_head(path), text), text, path, state)
        if found is not None and found[0] == path and (opened := task_opened(text, found[2])) is not None:
            found = (path, opened, found[2])  # a SocketTask the page opens: told where its connection is made
    if found is None:
        return None, False
    return found, any(_carrying(_socket_sends(context, old, facts, text), text, old, state) is not None
                      for old, facts, text in _base_versions(context, files))


def _object_send(context: ProjectContext, files: list[str], box: tuple[str, str, int]) -> tuple[Send | None, bool]:
    """(the first call of a conversation page's scripts that sends what its text ``box`` writes through an object
    no reader follows — :func:`~mp_precheck.analyzers.objectsends.object_sends` —, whether the page made such a call
    before the change, with the state its text box wrote then). A page that opens a WebSocket sends on it (its sends
    are :func:`_socket_send`'s and ``relayed_posts``'s)."""
    state = written_state(context.read_head(box[1]) or "", box[2])
    scripts = [p for p in files if p.endswith(SCRIPTS) and not opens_socket(context, p)] if state else []
    found = next(((p, line, callee) for p in scripts
                  for line, callee in object_sends(p, context.read_head(p) or "", state)), None)
    if found is None:
        return None, False
    old = list(_base_versions(context, files))
    old_box = next((b for path, facts, _text in old for b in text_boxes(facts, path)), None)
    texts = {path: text for path, _facts, text in old}
    was = state | (written_state(texts.get(old_box[1], ""), old_box[2]) if old_box is not None else frozenset())
    return found, any(object_sends(path, text, was) for path, _facts, text in old if path.endswith(SCRIPTS))


def _carrying(sends: list[Send], text: str, path: str, state: frozenset[str]) -> Send | None:
    """The first of ``sends`` (calls of the script of ``path``, its ``text``) whose arguments carry one of
    ``state``, none naming customer service."""
    if not sends:
        return None
    carried = carried_names(text, path, [line for _p, line, _c in sends])
    return next((s for s in sends if carried.get(s[1], frozenset()) & state
                 and not scenes().names_service([s[2], *carried[s[1]]])), None)


def _socket_sends(context: ProjectContext, path: str, facts: FileFacts | None, text: str) -> list[Send]:
    """Every ``wx.sendSocketMessage`` call of a page's file and, when the file opens a socket (its ``facts``, or
    a project module it calls at head), every call named as a send, in line order."""
    held = facts.facts if facts is not None else []
    out = [(path, f.line, f.subject) for f in held if f.subject == _SOCKET_SEND]
    if path.endswith(SCRIPTS) and (any(f.subject in CHAT for f in held) or opens_socket(context, path)):
        lines = {line for _p, line, _c in out}
        out += [(path, line, name) for line, name in socket_sends(text, path, range(1, text.count("\n") + 2))
                if line not in lines]
    return sorted(out, key=lambda s: s[1])


def _base_versions(context: ProjectContext, files: list[str]) -> Iterator[tuple[str, FileFacts | None, str]]:
    """(path, facts, text) of each page file before the change (renamed ones through ``counterpart``)."""
    for path in files:
        changed = path in context.changed_paths
        old = context.counterpart.get(path) if changed else path
        if old:
            facts = context.base_facts.get(old) if changed else context.facts_at_head(old)
            yield old, facts, (context.read_base(old) if changed else context.read_head(old)) or ""


def _file_sends(context: ProjectContext, path: str, facts: FileFacts | None) -> Iterator[Send]:
    """Calls of a page's file to a helper named as an upload (``uploadFile``, ``upload_words`` of
    ``checks/upload_sdks.yml``) in a project module that sends data (``wx.request``, an upload), in line order."""
    for line, name, _spec, module in module_calls(context, path, facts):
        helper = context.facts_at_head(module) if third_party().named_upload(name) else None
        if helper is not None and any(f.subject in SENDERS for f in helper.facts):
            yield path, line, f"{name} ({module})"


def _before(context: ProjectContext, files: list[str],
            sends: Callable[[ProjectContext, str, FileFacts | None], Iterator[Send]]) -> bool:
    """Whether the page made such a call before the change (its base files, renamed ones through ``counterpart``):
    the conversation was there, restyled or moved now."""
    base = at_base(context)  # a base file's text and the modules it called then, not the head's
    for path in files:
        old = context.counterpart.get(path) if path in context.changed_paths else path
        facts = (context.base_facts.get(old) if path in context.changed_paths else context.facts_at_head(old)) \
            if old else None
        if old and next(sends(base if path in context.changed_paths else context, old, facts), None) is not None:
            return True
    return False
