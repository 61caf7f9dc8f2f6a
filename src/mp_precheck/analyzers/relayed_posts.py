"""Comments, replies, posts and room chat whose text box is not where the post is: the text reaches the posting
call through a component's event, an event bus, a list item or an editor page handing it back, reported once for content
security and once for the service category.

Five shapes of the same user-published content (``ugc`` reads a page's own ``<textarea>``, ``comment_boxes`` a
page's own comment ``<input>``, ``chat`` a conversation page's box):

* **handed up by a component**: a component with a text box emits what the box writes
  (``this.$emit('send', this.content)``, ``emit('send', msg)``, ``this.triggerEvent('submit', { text })``, a React /
  Taro component's ``this.props.onSubmit(this.state.value)``: :mod:`~mp_precheck.readers.relay`); the page's tag
  of it names a handler (``<comment-popup @send="sendComment">``, ``<ReplyBar onSubmit={this.send.bind(this)} />`` in
  a page whose script holds its JSX) and that handler passes the parameter it receives to a new post (a message onto
  a board the page lists, ``'/message/send'`` beside ``'/message/list'``, too); or a form component gives its
  ``<Form>`` the parent's callback prop as it is (``<Form onSubmit={onSubmit}>``: :mod:`~mp_precheck.readers.formrelay`)
  around a ``<textarea>``, and the parent's handler (``onSubmit={(e) => submit(e)}``, a ``useCallback`` too) posts the
  submit event it receives — through a call named as a write (``createItem(e.detail.value)``) where the handler's
  file names a public scene (``publish/``), the form's submit being the composer's;
* **handed over a bus**: another component the change touches, rendered by no tag of this one, hands its box's
  text over a shared event bus (:mod:`~mp_precheck.readers.busevents`) — emitted to a listener of this component
  (``hub.$emit('reply', this.draft)`` / ``hub.$on('reply', this.onReply)``), or passed to a function this component
  emitted (``hub.$emit('ask', { then: (text) => … })``) that it keeps and calls with the text (``this.then(value)``
  from its confirm handler) — and the function receiving it, or a method it passes the text on to, posts it;
* **a box per list item**: a field bound to a member of a ``v-for`` item (``<uni-easyinput
  v-model="item.reply.content">``) whose member a new post of the same file carries (``addComment(…,
  params.content)`` with ``params = { content: item.reply.content }``): matched by the bound path's last name;
* **handed back by an editor page**: the page opens an editor (by its route, or the page's name as a route table's
  key: ``navTo({ page: 'notepad' })``) whose ``<textarea>`` / ``<editor>`` text the editor writes into this page's
  data as it closes (``getCurrentPages()`` at ``length - 2`` or ``.at(-2)``: ``prev.setData({ ['story.' + field]:
  this.data.draft })``, ``prev.data.note = …``) or emits on the channel this page listens on
  (:mod:`~mp_precheck.readers.openerwrites`), and a new data call of this page (not a read, not to the operator
  alone, not a private record) carries the key it was written into: the box is the editor's, the post the opener's.
  An editor that already sent data before the change published its text before: ``category.ugc`` alone (a new
  place of posting); a picked item handed back (an address, a city) is no typed text, and text only shown is no post;
* the post is a request, cloud call or database write, directly or through a wrapper, or a call of a method of a
  project API module (``noteService.addComment``, ``this.$api.sendReply``) — named as writing a post others
  read (:meth:`~mp_precheck.core.scenes.Scenes.names_a_post`: ``sendReply``, ``/comment/save``), none naming a
  read; or, on a page that opens a WebSocket (``wx.connectSocket``, a socket hook of the project), a call named as
  a send (``sendMessage(params)``, ``socketTask.send``) of the text: a room's chat, read by everyone in the room
  (https://developers.weixin.qq.com/miniprogram/dev/api/network/websocket/SocketTask.send.html), unless the page's
  words name customer service.

The post must be new: on a line the change adds, its name not in the file before the change. A search box, a login
form (``login`` names no post), feedback to the operator (a private scene) and a box whose text nothing sends stay
silent; so does a page an earlier analyzer already reported.

Reported at the post: ``upload.user_text`` (subject ``<input>`` or the box's tag; security.msgSecCheck,
https://developers.weixin.qq.com/miniprogram/dev/server/API/sec-center/sec-check/api_msgseccheck.html) and
``category.ugc`` (subject ``ugc:post``, low: a new call site of posting; ``ugc:chat`` for a room's chat; the UGC
declaration,
https://developers.weixin.qq.com/doc/oplatform/openApi/miniprogram-management/code-management/api_submitaudit).

Reads: ``changed_paths``, ``exists_at_head``, ``facts_at_head``, ``read_head``, ``read_base``, ``counterpart``,
``added_lines``, ``project``, ``base_facts`` · ``upload.user_text`` and ``category.ugc`` of ``ugc``, ``chat`` and
``comment_boxes``.
Writes: adds ``upload.user_text`` and ``category.ugc`` at a new post of relayed, bus-handed, per-item or handed-back
typed text (``category.ugc`` alone where the editor handing it back posted before).
"""

from __future__ import annotations

import posixpath

from msgspec import Struct
from msgspec.structs import replace

from mp_precheck.analyzers.comment_boxes import listed_strings, naming, text_boxes, writing
from mp_precheck.analyzers.context import ProjectContext, as_shipped
from mp_precheck.analyzers.reached import method_of, module_calls
from mp_precheck.analyzers.rendered import component_file, component_uses, easycom_file, registered_components
from mp_precheck.analyzers.senders import (
    MARKUP,
    POST_INPUTS,
    POSTERS,
    READ_NAME,
    SCRIPTS,
    SENDERS,
    endpoint_reads,
    page_stem,
    reads,
    sending,
    wrapper_of,
)
from mp_precheck.analyzers.socketsends import opens_socket, socket_sends
from mp_precheck.analyzers.ugc import to_operator
from mp_precheck.core.lazyre import lazy
from mp_precheck.core.recache import compiled
from mp_precheck.core.report import Finding
from mp_precheck.core.scenes import scenes
from mp_precheck.facts.model import Fact
from mp_precheck.facts.store import ExistingPaths, resolve_module
from mp_precheck.notes.pagetitles import source_roots
from mp_precheck.readers.boxhandlers import box_handlers, call_strings, endpoint_strings, handler_writes
from mp_precheck.readers.busevents import bus_callbacks, bus_emits, bus_listeners, callback_calls, self_calls
from mp_precheck.readers.formrelay import form_relays
from mp_precheck.readers.openerwrites import listened_keys, names_route, opener_writes, script_strings
from mp_precheck.readers.relay import emitted, handler_params, tag_events
from mp_precheck.readers.textflow import carried_names, shown_words, written_state

_TOLD = ("upload.user_text", "category.ugc")
_LEAF = compiled(r"([A-Za-z_$][\w$]*)\s*$")
_HAND_BACK = ("getCurrentPages", "getOpenerEventChannel")  # what a page that hands text back must name


class _Post(Struct, frozen=True):
    line: int
    label: str  # what it calls: its wrapper, module method or send function
    chat: bool  # a message on the page's socket, not a post


_Posts = tuple[list[_Post], dict[int, frozenset[str]]]  # new posts in line order, the names each one's data carries


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    context = as_shipped(context)  # a post in an #ifdef block of another platform never reaches WeChat
    told = {page_stem(f.path) for f in findings if f.rule in _TOLD}
    out = list(findings)
    editors: list[str] | None = None  # read once, and only when a page needs it
    for stem in sorted({page_stem(p) for p in context.changed_paths} - told):
        script = next((stem + s for s in SCRIPTS if context.exists_at_head(stem + s)), None)
        markup = next((stem + s for s in MARKUP if context.exists_at_head(stem + s)), None) or _jsx(context, script)
        if script is None or markup is None or script not in context.changed_paths:
            continue
        found = _relayed(context, markup, script) or _per_item(context, markup, script) or _bussed(context, script)
        if found is None:
            editors = _editor_routes(context) if editors is None else editors
            found = _handed_back(context, script, editors) if editors else None
        if found is not None:
            out.extend(_told(context, script, *found))
    return out


def _jsx(context: ProjectContext, script: str | None) -> str | None:
    """``script`` itself where it renders JSX (a Taro / React page written in a ``.js`` file): its own markup."""
    facts = context.facts_at_head(script) if script is not None else None
    return script if facts is not None and facts.jsx is not None and facts.jsx.tags else None


def _relayed(context: ProjectContext, markup: str, script: str) -> tuple[_Post, str, int, str] | None:
    """(post, box file, box line, box tag) where a component's box text handed up by an event reaches a new post
    of the handler the page's tag of it names."""
    text = context.read_head(markup) or ""
    tree = ExistingPaths(context.exists_at_head)
    uses = component_uses(context.read_head, markup, registered_components(context), context.facts_at_head(markup))
    files = {line: component_file(context, markup, spec, tag, tree) for spec, tag, line in uses}
    for _line, tag, line in _custom_tags(text):
        events = tag_events(text, line)
        child = files.get(line) or easycom_file(context, tag) if events else None
        boxes = _emitting_boxes(context, child, _emits(context, child, frozenset(events))) if child else {}
        forms = {e: b for e, b in _form_boxes(context, child, frozenset(events)).items() if e not in boxes} \
            if child else {}
        for event, box in [*boxes.items(), *forms.items()]:
            # a form's submit event is itself what the handler receives: its parameter is the whole form
            handler = handler_params(context.read_head(script) or "", script, events[event], whole=event in forms)
            post = _post_in(context, script, handler[0], handler[1], composing=event in forms) \
                if handler and handler[1] else None
            if post is not None:
                return post, child or "", box[0], box[1]
    return None


def _form_boxes(context: ProjectContext, child: str, events: frozenset[str]) -> dict[str, tuple[int, str]]:
    """{event: (line, tag) of the first text area} for each of ``events`` the component ``child`` hands its whole form
    on (:func:`~mp_precheck.readers.formrelay.form_relays`: ``<Form onSubmit={onSubmit}>`` with its parent's
    callback): a ``<textarea>`` / ``<editor>`` inside that form goes to the parent's handler with the form's fields."""
    relays = [(event, span) for event, span in form_relays(context.read_head(child) or "", child) if event in events]
    areas = [(line, tag) for line, tag in text_boxes(context, child, context.facts_at_head(child))
             if tag.strip("<>").lower().replace("-", "").endswith(("textarea", "editor"))] if relays else []
    return {event: next(box for box in areas if box[0] in span)
            for event, span in relays if any(line in span for line, _tag in areas)}


def _bussed(context: ProjectContext, script: str) -> tuple[_Post, str, int, str] | None:
    """(post, box file, box line, box tag) where another changed component hands its box's text to ``script`` over
    an event bus — the text itself to a listener of ``script``, or to a function ``script`` emitted — and the
    function receiving it (or a method of ``script`` it passes the text on to) is a new post."""
    text = context.read_head(script) or ""
    listening, handing = bus_listeners(text, script), bus_callbacks(text, script)
    others = [p for p in context.changed_paths if p != script and p.endswith(SCRIPTS)] if listening or handing else []
    for other in others:
        body = context.read_head(other) or ""
        sent = [(event, span, params, [(at, names) for at, e, names in bus_emits(body, other) if e == event])
                for event, span, params in listening]
        sent += [(event, span, params, callback_calls(body, other, event)) for event, span, params in handing]
        for _event, span, params, handed in sent:
            box = _handing_box(context, other, handed) if handed else None
            post = _passed_on(context, script, span, params) if box is not None else None
            if box is not None and post is not None:
                return post, box[0], box[1], box[2]
    return None


def _handing_box(context: ProjectContext, other: str, handed: list[tuple[int, frozenset[str]]]) \
        -> tuple[str, int, str] | None:
    """(file, line, tag) of the text box of the component whose script is ``other`` that one of ``handed`` (line,
    names passed) hands over: names the box writes, or anything passed from the box's own input or confirm handler
    (``this.done(e.detail.value)``)."""
    text = context.read_head(other) or ""
    markup = next((page_stem(other) + s for s in MARKUP if context.exists_at_head(page_stem(other) + s)), other)
    shown = context.read_head(markup) or ""
    for line, tag in text_boxes(context, markup, context.facts_at_head(markup)):
        stored, spans = handler_writes(text, other, box_handlers(shown, line))
        state = written_state(shown, line) | stored
        if any(names and (names & state or any(at in span for span in spans)) for at, names in handed):
            return markup, line, tag
    return None


def _passed_on(context: ProjectContext, script: str, span: range, params: frozenset[str]) -> _Post | None:
    """The new post of the function of ``script`` on ``span`` that carries what it receives (``params``), else of a
    method of ``script`` it passes that on to (``(body) => this.sendReply(body)``)."""
    text = context.read_head(script) or ""
    post = _post_in(context, script, span, params) if params else None
    for method, names in self_calls(text, script, span) if post is None and params else []:
        handler = handler_params(text, script, method) if names & params else None
        post = _post_in(context, script, *handler) if handler is not None and handler[1] else None
        if post is not None:
            return post
    return post


_OPENING_TAG = lazy(r"<\s*([A-Za-z][\w-]*)")


def _custom_tags(text: str) -> list[tuple[int, str, int]]:
    """(index, tag, line) of the tags of a template that handle an event by a method's name."""
    tags = _OPENING_TAG.finditer(text)
    return [(i, m.group(1), text.count("\n", 0, m.start()) + 1) for i, m in enumerate(tags)
            if "-" in m.group(1) or m.group(1)[:1].isupper() or any(c.isupper() for c in m.group(1))]


def _emitting_boxes(context: ProjectContext, child: str, emits: list[tuple[str, frozenset[str]]]) \
        -> dict[str, tuple[int, str]]:
    """{event: (line, tag) of the box} for each event of ``emits`` (event, names it hands over) the component
    ``child`` hands what one of its text boxes writes (its bound value or what its input handler stores)."""
    text = context.read_head(child) or ""
    out: dict[str, tuple[int, str]] = {}
    for line, tag in text_boxes(context, child, context.facts_at_head(child)) if emits else []:
        stored, _spans = handler_writes(text, child, box_handlers(text, line))
        for event, names in emits:  # an emitted name the box binds is its state, ``value`` too
            state = written_state(text, line, keep=names) | stored
            if names & state and event not in out:
                out[event] = (line, tag)
    return out


def _emits(context: ProjectContext, child: str, events: frozenset[str]) -> list[tuple[str, frozenset[str]]]:
    """(event, names it carries) of what the component ``child`` emits to its parent for one of ``events``."""
    text = context.read_head(child) or ""
    return [(event, names) for _line, event, names in emitted(text, child) if event in events and names]


_V_MODEL_FIELD = lazy(r"v-model(?:\.\w+)*\s*=\s*[\"']([\w$.\[\]]+\.[\w$]+)[\"']")


def _per_item(context: ProjectContext, markup: str, script: str) -> tuple[_Post, str, int, str] | None:
    """(post, box file, box line, box tag) where a field bound to a list item's member (``v-model="item.x.text"``)
    is carried by a new post of the same file, matched by the member's name."""
    lines = (context.read_head(markup) or "").split("\n")
    posts: _Posts | None = None  # the file's new posts, read once for all its boxes
    for line, tag in text_boxes(context, markup, context.facts_at_head(markup)):
        bound = _V_MODEL_FIELD.search(lines[line - 1] + " "
                          + " ".join(lines[line:line + 3]))
        leaf = _LEAF.search(bound.group(1)) if bound else None
        posts = _new_posts(context, script, range(1, 1_000_000)) if leaf and posts is None else posts
        post = _carrying(posts, frozenset({leaf.group(1)})) if leaf and posts else None
        if post is not None and not post.chat:
            return post, markup, line, tag
    return None


def _editor_routes(context: ProjectContext) -> list[str]:
    """The registered pages whose script names the page stack or the opener's event channel: the only pages that
    can hand text back to the page that opened them (:func:`opener_writes` reads no other). Read once per run: a
    whole-app import asks for every page, and matching each page's strings against every route is quadratic."""
    out = []
    for route in context.project.pages:
        editor, _markup = _page_files(context, route)
        text = context.read_head(editor) if editor else None
        if text and any(token in text for token in _HAND_BACK):
            out.append(route)
    return out


def _handed_back(context: ProjectContext, script: str, editors: list[str]) -> tuple[_Post, str, int, str] | None:
    """(post, box file, box line, box tag) where an editor page ``script`` opens (by route, one of ``editors``: its
    path, or the page's name as a route table's key) hands what its ``<textarea>`` / ``<editor>`` writes back into
    this page's data and a new post of ``script`` carries the key the text was written into."""
    text = context.read_head(script) or ""
    strings = script_strings(text, script)
    listened: dict[str, frozenset[str]] | None = None
    for route in [r for r in editors if names_route(strings, r)] if strings else []:
        editor, markup = _page_files(context, route)
        same = not editor or page_stem(editor) == page_stem(script)
        writes = [] if same else opener_writes(context.read_head(editor) or "", editor)
        for line, tag in text_boxes(context, markup, context.facts_at_head(markup)) if writes and markup else []:
            state = _box_state(context, markup, editor, line) if tag in POST_INPUTS else frozenset()
            keys = {key for _at, key, names in writes if names & state}
            if any(k.startswith("event:") for k in keys):  # emitted on the channel: the keys its listener writes
                listened = listened_keys(text, script) if listened is None else listened
                keys |= {k for key in keys for k in listened.get(key.removeprefix("event:"), frozenset())}
            shown = shown_words(context.read_head(markup) or "", line)  # the box's hint: what it is for (备注)
            post = _handed_post(context, script, frozenset(keys), shown) if keys else None
            if post is not None:
                return post, markup, line, tag
    return None


def _page_files(context: ProjectContext, route: str) -> tuple[str, str]:
    """(script, markup) of the page registered as ``route`` at head, '' for a file it lacks."""
    for base in source_roots(context.project.root):
        stem = posixpath.join(base, route.strip("/"))
        script = next((stem + s for s in SCRIPTS if context.exists_at_head(stem + s)), "")
        if script:
            return script, next((stem + s for s in MARKUP if context.exists_at_head(stem + s)), "")
    return "", ""


def _box_state(context: ProjectContext, markup: str, script: str, line: int) -> frozenset[str]:
    """The page state the text box on ``line`` of ``markup`` writes: its bound value and what its input handlers
    of ``script`` store."""
    text = context.read_head(markup) or ""
    stored, _spans = handler_writes(context.read_head(script) or "", script, box_handlers(text, line))
    return written_state(text, line) | stored


def _handed_post(context: ProjectContext, script: str, keys: frozenset[str], shown: tuple[str, ...]) -> _Post | None:
    """The first post ``script`` adds (a data call on a line new to the file, not a read, not to the operator alone,
    not a private record by its words or the box's hint ``shown``: 订单备注) whose data carries one of ``keys``."""
    facts = context.facts_at_head(script)
    text = context.read_head(script) or ""
    added = context.added_lines.get(script, frozenset())
    old = context.counterpart.get(script, script)
    before = {t.strip() for t in ((context.read_base(old) if old else None) or "").split("\n")}
    lines = text.split("\n")
    posts = [f for f in sending(context, script, facts) if f.subject in POSTERS and not reads(f) and f.line in added
             and lines[f.line - 1].strip() not in before] if facts is not None else []
    spelt = endpoint_strings(text, script, [f.line for f in posts]) if posts else {}
    flows = carried_names(text, script, [f.line for f in posts]) if posts else {}
    for fact in posts:
        said = spelt.get(fact.line, ())
        if endpoint_reads(said) or not flows.get(fact.line, frozenset()) & keys:
            continue
        private = scenes().scene(script, wrapper_of(fact) or None, (*said, *shown)) == "private"
        if not private and not to_operator(context, script, fact):
            return _Post(fact.line, wrapper_of(fact) or fact.subject, False)
    return None


def _post_in(context: ProjectContext, script: str, span: range, carried: frozenset[str],
             composing: bool = False) -> _Post | None:
    """The first new post of ``script`` inside ``span`` whose data carries one of ``carried`` (module docstring);
    ``composing``: a whole form's text area is handed over, and a call named as a write is its post where the
    script's words name a public scene (``createItem(value)`` in ``publish/``)."""
    posts = _new_posts(context, script, span, composing)
    return _carrying(posts, carried) if posts is not None else None


def _carrying(posts: _Posts, carried: frozenset[str]) -> _Post | None:
    """The first of ``posts`` (in line order) whose data carries one of ``carried``."""
    candidates, flows = posts
    return next((post for post in candidates if flows.get(post.line, frozenset()) & carried), None)


def _new_posts(context: ProjectContext, script: str, span: range, composing: bool = False) -> _Posts | None:
    """The new posts of ``script`` inside ``span`` on added lines, in line order, with the names each one's data
    carries; None where the script has no facts or no added line. ``composing``: see :func:`_post_in`."""
    facts = context.facts_at_head(script)
    text = context.read_head(script) or ""
    added = context.added_lines.get(script, frozenset())
    if facts is None or not added:
        return None
    old = context.counterpart.get(script, script)
    before = (context.read_base(old) if old else None) or ""
    candidates: dict[int, _Post] = {}
    posts = [f for f in sending(context, script, facts) if f.subject in POSTERS and not reads(f)]
    strings = call_strings(text, script, [f.line for f in posts if f.line in span])
    listed = listed_strings(context, script, facts)  # a message onto a board the page lists is a post
    for fact in posts:
        named = naming(fact, facts, strings.get(fact.line, ()), listed) if fact.line in span else []
        named = named or (writing(fact, facts, strings.get(fact.line, ())) if composing and fact.line in span
                          and _public(context, script, fact, strings.get(fact.line, ())) else [])
        if named and not any(s in before for s in named):
            candidates.setdefault(fact.line, _Post(fact.line, named[0], False))
    for line, name, _spec, module in module_calls(context, script, facts, stores=False):
        method = name.rsplit(".", 1)[-1]
        if line in span and not READ_NAME.match(method) and scenes().names_a_post(method) and method not in before \
                and (method_of(context, module, name) is not None or _defines(context, module, method)):
            candidates.setdefault(line, _Post(line, name, False))
    if opens_socket(context, script) and not scenes().says_service(script):
        old_lines = {t.strip() for t in before.split("\n")}
        for line, name in socket_sends(text, script, span):
            if text.split("\n")[line - 1].strip() not in old_lines:
                candidates.setdefault(line, _Post(line, name, True))
    lines = [line for line in sorted(candidates) if line in added]
    return [candidates[line] for line in lines], carried_names(text, script, lines) if lines else {}


def _public(context: ProjectContext, script: str, post: Fact, strings: tuple[str, ...]) -> bool:
    """Whether ``post`` of ``script`` goes to a scene others read by the script's path, the wrapper and the strings
    it passes (``checks/ugc_scenes.yml``), and not to the operator alone."""
    return scenes().scene(script, wrapper_of(post) or None, strings) == "public" and not to_operator(context, script,
                                                                                                  post)


def _defines(context: ProjectContext, module: str, method: str) -> bool:
    """Whether ``module`` or a module it passes on (``export { noteService } from './comment'``) defines a
    function ``method`` — a class's method of an exported instance (``new Comment()``) no export names."""
    tree = ExistingPaths(context.exists_at_head)
    facts = context.facts_at_head(module)
    specs = [s for s, *_ in facts.reexports] + list(facts.module_specs) if facts is not None else []
    for path in (module, *(resolve_module(module, spec, tree) for spec in specs)):
        text = context.read_head(path) if path else None
        if text and handler_params(text, path or "", method) is not None:
            return True
    return False


def _told(context: ProjectContext, script: str, post: _Post, box: str, line: int, tag: str) -> list[Finding]:
    """``upload.user_text`` and ``category.ugc`` at ``post``, naming the box; a box whose page already sent data
    before the change (an editor handing its text back to a new opener) publishes no new text, only at a new place:
    ``category.ugc`` alone."""
    value = f"{tag} {box}:{line} → {post.label}"
    subject = tag if tag in ("<input>", "<textarea>", "<editor>") else "<input>"
    if post.chat:
        return [context.finding("upload.user_text", subject, script, post.line, scope="file", value=value),
                context.finding("category.ugc", "ugc:chat", script, post.line, scope="file", value=value)]
    ugc = replace(context.finding("category.ugc", "ugc:post", script, post.line, scope="file", value=value),
                  severity="low")
    if page_stem(box) != page_stem(script) and _sent_before(context, box):
        return [ugc]
    return [context.finding("upload.user_text", subject, script, post.line, scope="file", value=value), ugc]


def _sent_before(context: ProjectContext, box: str) -> bool:
    """Whether the script of the page of ``box`` sent data before the change (as it is when unchanged)."""
    for script in (page_stem(box) + s for s in SCRIPTS):
        if not context.exists_at_head(script):
            continue
        old = context.counterpart.get(script) if script in context.changed_paths else script
        facts = (context.base_facts.get(old) if script in context.changed_paths else context.facts_at_head(script)) \
            if old else None
        return facts is not None and any(f.subject in SENDERS and not reads(f) for f in facts.facts)
    return False
