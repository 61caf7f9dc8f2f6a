"""User-published content (UGC): a posting page, reported once for content security and once for the
service category.

A text box (``<textarea>``, ``<editor>``, a nickname ``<input>``: ``upload.user_text``) is user-published
content only where its page or component sends data away — ``wx.request``, an upload, a cloud call, an
upload SDK, directly or through a project wrapper — from its own script (``page.js`` next to
``page.wxml``, the script of a ``.vue``), or from the store or service module whose methods that script calls
(a MobX store's actions bound with ``createStoreBindings``, ``uploadStore.submit()``, a Pinia store's instance:
:mod:`~mp_precheck.analyzers.reached`); then the module's sending call is the page's, and findings go there.
A lone input that nothing sends (a search box, a calculator) is dropped, and so is one on a page that only
loads data through wrappers or store methods named as reads (``getComment``, ``loadList``).

When it is published:

* **content security** (upload family): ``upload.user_text`` is reported where the text leaves the page —
  the call that posts it as data (``wx.request``, a cloud call, directly or through a wrapper such as a
  method of an exported API-client object, ``API.post('/reviews', payload)``): the place to add the check,
  whether or not the page also uploads pictures (those go up by their own call, with their own finding).
  A page that only uploads sends its text with the files, if at all: an upload finding of the page's script
  covers the text too (its fix names ``msgSecCheck``) and ``upload.user_text`` is dropped; with no upload
  finding it stays at the input.
* **category**: a ``<textarea>``/``<editor>`` whose content is sent is a post, comment or thread:
  ``category.ugc`` at the page's first sending call by :func:`_rank` (a post whose strings name a
  public scene first, wrappers named as reads are not sending calls), because
  such pages need a 社交 category and the UGC declaration on submission (``ugc_declare``,
  https://developers.weixin.qq.com/doc/oplatform/openApi/miniprogram-management/code-management/api_submitaudit).
  A nickname input is profile data, not a post: no category finding.

What tells *publishing to other users* from private notes and one-to-one chat is where the page sends
(the signal is structural, so it holds whatever the page's words are):

* a post goes to the app's server as data — ``wx.request``, a cloud function or a write to the cloud
  database (``db.collection('posts').add({ data })``, not the ``wx.cloud.database()`` handle nor a read:
  :func:`sending`; https://developers.weixin.qq.com/miniprogram/dev/api/network/request/wx.request.html),
  directly or through a wrapper. A page that only uploads files (``wx.uploadFile`` to object storage) sends media,
  not its text: its text box is a private caption or note, and the upload keeps its own finding;
* except where the page's words name a public scene (``pages/publish``): a composer whose pictures go up
  with the post (or whose text is not wired yet) is a post — ``category.ugc`` at its upload;
* a page whose words (its path, the posting wrapper's name, the strings passed to it) name only a private
  record in ``checks/ugc_scenes.yml`` — an expense note, a homework answer, feedback to the operator — keeps
  the text for the user or one counterpart: no ``upload.user_text`` and no ``category.ugc``;
* a page that talks over a WebSocket (``wx.connectSocket``,
  https://developers.weixin.qq.com/miniprogram/dev/api/network/websocket/wx.connectSocket.html) is a chat
  with a counterpart (customer service, a merchant): messages, not posts others browse. Its upload and
  socket findings stay; no category finding. A conversation between users — its message by request (a
  private-message page) or over the socket of a chat room — is ``analyzers/chat.py``'s.

A page that already had a text box of the same kind and already sent data before the change (a client form
that gains a 家庭成员 field) publishes nothing new: its new text box is no new finding. The reverse is new: a
text box the page had while it posted nothing (a 发布 button that only showed a toast, a composer that never
wrote the cloud database) that the change wires to a post (``addCircles(params)``,
``db.collection('posts').add({ data })``) is published now — both findings at that post, one path for every old
box (:func:`_wired`), weighed by what the post carries: a post whose data is seen and holds none of what the box
writes (a like counter's update) publishes nothing of it; none where the page only uploads or keeps a private
record.

Reads: ``facts_at_head`` (the page's script, the modules it calls), ``read_head`` and ``exists_at_head`` (the
store a page binds), ``base_facts``, ``counterpart``, ``changed_paths``;
``upload.user_text`` and the other upload-family findings (after ``ui_kits``).
Writes: removes ``upload.user_text`` that nothing sends, that a page upload covers or that the page posted
before; adds ``upload.user_text`` at the post of an old text box the change starts publishing; adds
``category.ugc`` (read by ``categories``).
"""

from __future__ import annotations

import re
from dataclasses import replace

from mp_precheck.analyzers.context import ProjectContext
from mp_precheck.analyzers.reached import method_of, module_calls
from mp_precheck.core.report import Finding
from mp_precheck.core.scenes import Scene, scenes
from mp_precheck.core.thirdparty import SDK_UPLOAD_SUBJECT
from mp_precheck.facts.model import Fact, FileFacts, passed_strings
from mp_precheck.readers.cloudwrites import cloud_writes
from mp_precheck.readers.textflow import carried_names, written_state

CLOUD_DB = "wx.cloud.database"
SENDERS = frozenset({"wx.request", "wx.cloud.callFunction", CLOUD_DB, "wx.uploadFile",
                     "wx.cloud.uploadFile", SDK_UPLOAD_SUBJECT})
POSTERS = frozenset({"wx.request", "wx.cloud.callFunction", "wx.cloud.database"})
CHAT = frozenset({"wx.connectSocket", "wx.sendSocketMessage", "wx.onSocketMessage"})
_READ_NAME = re.compile(r"(?:get|list|query|fetch|load|find|search)(?:[A-Z_]|$)")  # getTopicList, list
POST_INPUTS = frozenset({"<textarea>", "<editor>"})
_TOLD = ("upload.user_text", "category.ugc")
_SCRIPTS = (".js", ".ts", ".vue", ".nvue", ".wpy", ".mpx", ".tsx", ".jsx")
_MARKUP = (".wxml", ".vue", ".nvue", ".wpy", ".mpx", ".tsx", ".jsx")


def page_stem(path: str) -> str:
    """A page file's path without its suffix: the page's markup, script and style share it."""
    return path.rsplit(".", 1)[0]


def sends_from(context: ProjectContext, path: str, state: frozenset[str] = frozenset()) -> tuple[str, Fact] | None:
    """(file, first sending call) of the page or component of ``path``: the file itself, else its script
    of the same name; None when it sends nothing. Calls are ordered by :func:`_rank`, knowing which carry
    ``state`` (the names the text box writes, :func:`_flow`). A call through a wrapper
    named as a read (``getComment(id)``) loads the page's data and sends no input: a page that only reads
    (its send button wired to nothing yet) publishes nothing."""
    for candidate in (path, *(page_stem(path) + suffix for suffix in _SCRIPTS)):
        facts = context.facts_at_head(candidate)
        sends = sending(context, candidate, facts) if facts is not None else []
        if sends and facts is not None:
            carriers, lookups = _flow(context, candidate, facts, sends, state)
            return candidate, min(sends + carriers, key=lambda f: _rank(facts, f, lookups))
    return None


def sends_through(context: ProjectContext, path: str) -> tuple[str, list[Fact]] | None:
    """(module, sending calls) where the page or component of ``path`` sends through another module of the
    project: the methods its script calls of a store (an action bound to the page, ``uploadStore.submit()``)
    or a service object, followed by :mod:`~mp_precheck.analyzers.reached`; the first such module in the
    page's line order. Methods named as reads (``loadList``) and wrappers named as reads are left out."""
    for candidate in (path, *(page_stem(path) + suffix for suffix in _SCRIPTS)):
        found: dict[str, list[Fact]] = {}
        for _line, name, _spec, module in module_calls(context, candidate, context.facts_at_head(candidate)):
            defined = None if _READ_NAME.match(name.rsplit(".", 1)[-1]) else method_of(context, module, name)
            facts = context.facts_at_head(defined[0]) if defined is not None else None
            if defined is None or facts is None:
                continue
            span = range(defined[1].first_line, defined[1].last_line + 1)
            sends = found.setdefault(defined[0], [])
            sends += [f for f in sending(context, defined[0], facts) if f.line in span and f not in sends]
        sender = next((m for m, sends in found.items() if sends), None)
        if sender is not None:
            return sender, found[sender]
    return None


def posts_from(context: ProjectContext, script: str, among: list[Fact] | None = None,
               state: frozenset[str] = frozenset()) -> Fact | None:
    """The call of ``script`` (of its calls ``among``, when given) that posts data to the server — the first
    by :func:`_rank`, knowing which calls carry ``state`` (:func:`_flow`) — or None when the script only
    uploads files or chats over a WebSocket (module docstring)."""
    facts = context.facts_at_head(script)
    subjects = {f.subject for f in facts.facts} if facts is not None else set()
    if facts is None or subjects & CHAT:
        return None
    posts = [f for f in (sending(context, script, facts) if among is None else among) if f.subject in POSTERS]
    if not posts:
        return None
    carriers, lookups = _flow(context, script, facts, posts, state) if among is None else ([], frozenset())
    return min(posts + carriers, key=lambda f: _rank(facts, f, lookups))


def sending(context: ProjectContext, script: str, facts: FileFacts) -> list[Fact]:
    """The calls of ``script`` (its ``facts``) that send data away (``SENDERS``), wrappers named as reads left
    out. A cloud database handle made in the script (``wx.cloud.database()``) sends nothing by itself: its
    writes do (``db.collection('posts').add({ data })``, :mod:`~mp_precheck.readers.cloudwrites`), reported at
    the write; a page that only reads the database (``.where().get()``) sends nothing through it."""
    found = [f for f in facts.facts if f.subject in SENDERS and not _reads(f)
             and not (f.subject == CLOUD_DB and f.role is None)]
    return sorted(found + cloud_write_facts(context, script), key=lambda f: f.line)


def cloud_write_facts(context: ProjectContext, script: str) -> list[Fact]:
    """The cloud database writes of ``script`` as sending calls (subject ``wx.cloud.database``)."""
    text = context.read_head(script) if script.endswith(_SCRIPTS) else None
    if not text or ".collection(" not in text:
        return []
    return [Fact(CLOUD_DB, "api", line, f"collection('{name}').{method}", "cloud:write")
            for line, name, method in cloud_writes(text, script)]


def _flow(context: ProjectContext, script: str, facts: FileFacts, sends: list[Fact],
          state: frozenset[str]) -> tuple[list[Fact], frozenset[int]]:
    """Where the text box's ``state`` leaves ``script``: (the calls of project functions no reader resolves
    whose data carries it — ``createPost(data)`` with ``data = { content }`` — as posts through that
    wrapper; the lines of data calls whose data is seen and holds none of it while another call carries
    it — a barcode lookup, a GET of a draft). Nothing when the state or the calls' data is not seen."""
    text = context.read_head(script) if state else None
    lines = {f.line for f in sends} | {line for _spec, _name, line in facts.imported_calls}
    carried = carried_names(text, script, lines) if text else {}
    carrying = {line for line, names in carried.items() if names & state}
    if not carrying:
        return [], frozenset()
    known = {f.line for f in facts.facts if f.kind == "api"}
    carriers = [Fact("wx.request", "api", line, name, f"via:{spec}#{name}") for spec, name, line in
                facts.imported_calls if line in carrying and line not in known
                and not _READ_NAME.match(name.rsplit(".", 1)[-1])]
    lookups = frozenset(f.line for f in sends if f.subject in POSTERS and f.line in carried and f.line not in carrying)
    return carriers, lookups


def _rank(facts: FileFacts, call: Fact, lookups: frozenset[int] = frozenset()) -> tuple[int, int]:
    """Which sending call of a page is its post, lowest first: a data call passing a string that names a
    public scene (``httpPost('timelines')``, ``createNote({ status: 'published' })``), then in line order
    the uploads, direct calls and wrappers named as writes (``createNote``), then wrappers named otherwise
    (``deleteDraft``), then data calls that carry none of the text box's state where another call does
    (``lookups``: a barcode lookup). Wrappers named as reads (``getList``) are no sending calls (:func:`sends_from`)."""
    table, wrapper = scenes(), _wrapper(call) or None
    if call.line in lookups:
        tier = 3
    elif call.subject in POSTERS and table.publishes(passed_strings(facts.call_literals.get(call.line, ()))):
        tier = 0
    else:
        tier = 2 if table.says_other(wrapper) else 1
    return tier, call.line


def _carrying(context: ProjectContext, script: str, post: Fact | None, state: frozenset[str]) -> Fact | None:
    """``post`` when it carries what the text box writes (``state``), or when that is not seen (no state, no
    readable call there); None when its data is seen and holds none of it (a like counter's update)."""
    if post is None or not state:
        return post
    carried = carried_names(context.read_head(script) or "", script, [post.line])
    return post if carried.get(post.line, state) & state else None


def _scene(context: ProjectContext, script: str, call: Fact, page: str = "") -> Scene | None:
    """The scene ``call`` of ``script`` sends to (``checks/ugc_scenes.yml``): from the page's path (``page``'s
    too, where the page sends through a store: ``pages/feedback`` names the scene, not ``stores/app``), the
    wrapper's name and the strings the call passes (a cloud database write: its collection, ``'memos'``)."""
    facts = context.facts_at_head(script)
    strings = passed_strings(facts.call_literals.get(call.line, ())) if facts is not None else ()
    if call.role == "cloud:write" and call.value and "'" in call.value:
        strings = (*strings, call.value.split("'")[1])
    return scenes().scene(f"{page_stem(page)}/{script}" if page else script, _wrapper(call) or None, strings)


def _wrapper(fact: Fact) -> str:
    """The name of the project wrapper a call goes through (``submitHomework``), or "" for a direct call."""
    via = fact.role is not None and fact.role.startswith(("via:", "dispatch:"))
    return fact.role.rsplit("#", 1)[-1].rsplit(".", 1)[-1] if fact.role and via else ""


def _reads(fact: Fact) -> bool:
    """A call through a wrapper whose name says it reads (``getList``, ``fetchDetail``, ``queryTopics``):
    loading the page's data, not sending the post."""
    return bool(_READ_NAME.match(_wrapper(fact)))


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    return _text_boxes(context, findings)


def _text_boxes(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    """The module docstring's text boxes: new ``upload.user_text`` findings kept, moved or dropped, old boxes a
    post is newly wired to (:func:`_wired`), and ``category.ugc`` added where they are published."""
    wired = _wired(context, findings)
    inputs = [f for f in findings if f.rule == "upload.user_text"] + wired
    if not inputs:
        return findings
    uploading = {page_stem(f.path) for f in findings if f.family == "upload" and f.rule != "upload.user_text"}
    out = [f for f in findings if f.rule != "upload.user_text"]
    posts: set[str] = set()
    for f in inputs:
        old = f in wired  # a box the page had: published only by a new post that carries what it writes
        state = written_state(context.read_head(f.path) or "", f.line)  # what the box writes: where it goes
        sent, through = sends_from(context, f.path, state), None
        if sent is None and (through := sends_through(context, f.path)) is not None:
            sent = through[0], min(through[1], key=lambda c: _rank(context.facts_at_head(through[0]) or FileFacts(), c))
        if sent is None:
            continue  # nothing leaves this page: not published
        script = sent[0]
        if not old and f.subject in POST_INPUTS and _published_before(context, f, script):
            continue  # one more field on a page that already posted its text box: no new flow
        post = posts_from(context, script, through[1] if through is not None else None, state)
        post = _carrying(context, script, post, state) if old else post
        page = f.path if through is not None else ""
        if _scene(context, script, post or sent[1], page) == "private" or (old and post is None):
            continue  # a private record (an expense note), or an old box whose page posts none of its text
        if post is not None:  # the text leaves by its own request: its check belongs there, uploads or not
            out.append(_at_post(f, script, post))
        elif not {page_stem(f.path), page_stem(script)} & uploading:  # a store's upload covers its page's text
            out.append(f)
        published = post is not None or _public_upload(context, script, sent[1], page)
        if f.subject in POST_INPUTS and script not in posts and published:
            posts.add(script)
            # the page's first sending call: its picture upload, else the post itself; through a store, the
            # action that posts (the picture went up by an action of its own as it was picked)
            # a box the page had: what the change adds is the post, not the pictures
            call = post if (through is not None or old) and post is not None else sent[1]
            ugc = context.finding("category.ugc", "ugc:post", script, call.line, scope=f.scope,
                                  value=f"{f.subject} {f.path}:{f.line} → {call.value or call.subject}")
            out.append(ugc if f.scope == "app" else replace(ugc, severity="low"))  # a new call site: low
    return _one_feature(out, findings, wired)


def _wrote_before(context: ProjectContext, script: str) -> bool:
    """Whether ``script`` already wrote to the cloud database before the change."""
    old = context.counterpart.get(script, script)
    text = context.read_base(old) if old else None
    return bool(text) and ".collection(" in (text or "") and bool(cloud_writes(text or "", old or script))


def _published_before(context: ProjectContext, text_box: Finding, script: str) -> bool:
    """Whether the page of ``text_box`` already had a text box of its kind and ``script`` already sent data
    before the change (a form that gains a field, a composer restyled): the page published before."""
    def base_facts(path: str) -> FileFacts | None:
        if path not in context.changed_paths:
            return context.facts_at_head(path)  # unchanged: as it was
        old = context.counterpart.get(path)
        return context.base_facts.get(old) if old else None
    page, sender = base_facts(text_box.path), base_facts(script)
    had_box = page is not None and any(f.subject == text_box.subject for f in page.facts)
    return had_box and sender is not None and any(f.subject in SENDERS and not _reads(f) for f in sender.facts)


def _public_upload(context: ProjectContext, script: str, upload: Fact, page: str = "") -> bool:
    """A page that only uploads, but whose words name a public scene (``pages/publish``, an upload to
    ``'moments'``): a composer whose pictures are the post (its text not wired yet, or sent with them).
    A chat page stays a chat."""
    facts = context.facts_at_head(script)
    chat = facts is not None and any(f.subject in CHAT for f in facts.facts)
    return not chat and _scene(context, script, upload, page) == "public"


def _at_post(text_box: Finding, script: str, post: Fact) -> Finding:
    """``upload.user_text`` moved from the text box to the call that posts the text: where a content check
    belongs. The value still names the box, so the reviewer sees which input is published."""
    return replace(text_box, path=script, line=post.line,
                   value=f"{text_box.subject} {text_box.path}:{text_box.line} → {post.value or post.subject}")


def _one_feature(out: list[Finding], findings: list[Finding], wired: list[Finding]) -> list[Finding]:
    """``out`` without what old text boxes (``wired``) added where a new text box of the change is a post too:
    the change's posting feature is told at its new box (a new 发布 page), the reply box it also wires on a
    detail page is the same feature."""
    boxes = {(f.path, f.line) for f in wired}
    mine = [f for f in out if f.rule in _TOLD and f not in findings]
    if not any(f.rule == "category.ugc" and _box_of(f) not in boxes for f in mine):
        return out
    return [f for f in out if not (f in mine and _box_of(f) in boxes)]


def _box_of(finding: Finding) -> tuple[str, int]:
    """(file, line) of the text box a finding of this module names: its value ``<textarea> page.wxml:3 → …``."""
    where = (finding.value or "").split(" → ", 1)[0].split(" ", 1)[-1] if " → " in (finding.value or "") else ""
    path, _, line = where.rpartition(":")
    return (path, int(line)) if line.isdigit() else (finding.path, finding.line)


def _wired(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    """``upload.user_text`` (scope file) at each ``<textarea>`` / ``<editor>`` that a changed page already had,
    where the page did not post before (:func:`_posted_before`): the text box is old, its publication may be
    new — :func:`_text_boxes` keeps it only at a post that carries what the box writes (a 发布 button that only
    showed a toast now posts through ``addCircles(params)``, a composer that starts writing the cloud database).
    A page whose box ``upload.user_text`` already reports is left as it is."""
    reported = {page_stem(f.path) for f in findings if f.rule == "upload.user_text"}
    out: list[Finding] = []
    for stem in sorted({page_stem(p) for p in context.changed_paths} - reported):
        files = [stem + s for s in _MARKUP if context.exists_at_head(stem + s)]
        box = next(((path, f) for path in files if (facts := context.facts_at_head(path)) is not None
                    for f in facts.facts if f.subject in POST_INPUTS), None)
        if box is None or not _had_box(context, box[0], box[1].subject):
            continue
        if not _posted_before(context, [stem + s for s in _SCRIPTS if context.exists_at_head(stem + s)]):
            out.append(context.finding("upload.user_text", box[1].subject, box[0], box[1].line, scope="file"))
    return out


def _posted_before(context: ProjectContext, scripts: list[str]) -> bool:
    """Whether the page of ``scripts`` posted before the change, so that no post of its old text box is new: it
    sent data (:func:`_sent_before`); a page that writes the cloud database is judged by its writes — it posted
    before where it wrote before, or where the change adds no write."""
    writes = {script: cloud_write_facts(context, script) for script in scripts}
    if not any(writes.values()):
        return any(_sent_before(context, script) for script in scripts)
    added = any(w.line in context.added_lines.get(script, frozenset()) for script in scripts for w in writes[script])
    return not added or any(_wrote_before(context, script) for script in scripts if writes[script])


def _base_of(context: ProjectContext, path: str) -> FileFacts | None:
    """The facts of ``path`` before the change: as it is when unchanged, else its base counterpart's."""
    if path not in context.changed_paths:
        return context.facts_at_head(path)
    old = context.counterpart.get(path)
    return context.base_facts.get(old) if old else None


def _had_box(context: ProjectContext, path: str, subject: str) -> bool:
    """Whether the file ``path`` had a text box ``subject`` before the change."""
    before = _base_of(context, path)
    return before is not None and any(f.subject == subject for f in before.facts)


def _sent_before(context: ProjectContext, script: str) -> bool:
    """Whether ``script`` sent data before the change — a sending call, or a call of a project function not
    named as a read (a service's ``submit()`` whose requests the base facts do not show) — or did not exist."""
    before = _base_of(context, script)
    if before is None:
        return script in context.changed_paths  # a new script: a new page, whose box is new too
    return any(f.subject in SENDERS and not _reads(f) for f in before.facts) or any(
        not _READ_NAME.match(name.rsplit(".", 1)[-1]) and spec.startswith((".", "/", "@"))
        for spec, name, _line in before.imported_calls)
