"""User-published content (UGC): a posting page, reported once for content security and once for the
service category.

A text box (``<textarea>``, ``<editor>``, a nickname ``<input>``: ``upload.user_text``) is user-published
content only where its page or component sends data away — ``wx.request``, an upload, a cloud call, an
upload SDK, directly or through a project wrapper — from its own script (``page.js`` next to
``page.wxml``, the script of a ``.vue``), or from the store or service module whose methods that script calls
(a MobX store's actions bound with ``createStoreBindings``, ``uploadStore.submit()``, a Pinia store's instance:
:mod:`~mp_precheck.analyzers.reached`) where the call is linked to the box — not a login guard handed none of it
(:mod:`~mp_precheck.analyzers.module_sends`); then the module's sending call is the page's, and findings go there —
except where the page hands the module's method what the box writes (a shared helper's
``commonJs.commentReply(param)``, ``param = { comment }``): the user posts at that call of the page, and findings
go there (:func:`_module_posts`), as they do at a wrapper's call.
A lone input that nothing sends (a search box, a calculator) is dropped, and so is one on a page that only
loads data through wrappers or store methods named as reads (``getComment``, ``loadList``) or from endpoints named
as reads (``request({ url: '/shelf/listItems' })``, a client class's generic ``request`` method handed such a URL).

When it is published:

* **content security** (upload family): ``upload.user_text`` is reported where the text leaves the page —
  the call that posts it as data (``wx.request``, a cloud call, directly or through a wrapper such as a
  method of an exported API-client object, ``API.post('/reviews', payload)``): the place to add the check,
  whether or not the page also uploads pictures (those go up by their own call, with their own finding).
  A page that only uploads sends its text with the files, if at all: an upload finding of the page's script
  covers the text too (its fix names ``msgSecCheck``) and ``upload.user_text`` is dropped; with no upload
  finding it stays at the input.
* **category**: a ``<textarea>``/``<editor>`` whose content is sent is a post, comment or thread:
  ``category.ugc`` at the page's first sending call by :func:`_rank` (a post whose strings name a public scene
  first, wrappers named as reads are not sending calls) — at the post itself where it goes through a wrapper
  named as one (``topicAdd(payload)``) or carries the text after a photo's upload that holds none of it —, because
  such pages need a 社交 category and the UGC declaration on submission (``ugc_declare``,
  https://developers.weixin.qq.com/doc/oplatform/openApi/miniprogram-management/code-management/api_submitaudit).
  A nickname input is profile data, not a post: no category finding.

What tells *publishing to other users* from private notes and one-to-one chat is where the page sends
(the signal is structural, so it holds whatever the page's words are):

* a post goes to the app's server as data — ``wx.request``, a cloud function or a write to the cloud
  database (``db.collection('posts').add({ data })``, not the ``wx.cloud.database()`` handle nor a read:
  :func:`sending`; https://developers.weixin.qq.com/miniprogram/dev/api/network/request/wx.request.html),
  directly or through a wrapper (one no reader follows counts where its data carries the box's text and its name
  names a post, or says it writes on a page whose words name a public scene: :func:`_named_carriers`). A page
  that only uploads files (``wx.uploadFile`` to object storage) sends media,
  not its text: its text box is a private caption or note, and the upload keeps its own finding;
* except where the page's words name a public scene (``pages/publish``): a composer whose pictures go up
  with the post (its upload sends fields beside the file, or a 发布 control shows its text is not wired yet) is a
  post — ``category.ugc`` at its upload; a picture sent alone from a page with neither is an upload, no post yet;
* a page whose words (its path, the posting wrapper's name, the strings passed to it, the text box's own
  placeholder, label and bound names: :mod:`~mp_precheck.readers.boxlabel`) name only a private record in
  ``checks/ugc_scenes.yml`` — an expense note, a homework answer, feedback to the operator, the reason for
  cancelling one's own appointment (取消预约的原因), a remark on a client's record (备注) — keeps the text for the
  user or one counterpart: no ``upload.user_text`` and no ``category.ugc``;
* a note left with one's own order (买家留言 sent by ``createOrder``, a remark beside the goods and the address) is
  the business's to read: the same (:mod:`~mp_precheck.analyzers.order_notes`);
* a page that talks over a WebSocket (``wx.connectSocket``,
  https://developers.weixin.qq.com/miniprogram/dev/api/network/websocket/wx.connectSocket.html) is a chat
  with a counterpart (customer service, a merchant): messages, not posts others browse. Its upload and
  socket findings stay; no category finding. A conversation between users — its message by request (a
  private-message page) or over the socket of a chat room — is ``analyzers/chat.py``'s.

A page that already had a text box of the same kind and already sent data before the change (a client form
that gains a 家庭成员 field) publishes nothing new: its new text box is no new finding. The reverse is new: a
text box the page had while it posted nothing (a 发布 button that only showed a toast, a composer that never
wrote the cloud database) that the change wires to a post (``addCircles(params)``,
``db.collection('posts').add({ data })``, an upload whose form data holds the box's description) is published
now — both findings at that post, one path for every old box (:mod:`~mp_precheck.analyzers.old_boxes`), weighed
by what the post carries: a post whose data is seen and holds none of what the box writes (a like counter's
update) publishes nothing of it; none where the page only uploads none of it or keeps a private record.

Reads: ``facts_at_head`` (the page's script, the modules it calls), ``read_head`` and ``exists_at_head`` (the
store a page binds), ``base_facts``, ``counterpart``, ``changed_paths``, ``added_lines``, ``read_base``;
``upload.user_text`` and the other upload-family findings (after ``ui_kits``).
A post for the operator alone (:func:`to_operator`: by path, title, endpoint or wrapper) has no ``category.ugc``; a
form only staff read (feedback, a suggestion: ``'/user/advice'``) no ``upload.user_text`` either (customer service, a
bot keep it: a chat's message). An unwired 发布 composer: :mod:`~mp_precheck.analyzers.composers`.

Writes: removes ``upload.user_text`` that nothing sends, that a page upload covers or that the page posted
before; adds ``upload.user_text`` at the post of an old text box the change starts publishing; adds
``category.ugc`` (read by ``categories``), at the text box of a composer not wired yet.
"""

from __future__ import annotations

from msgspec.structs import replace

from mp_precheck.analyzers.composers import has_publish_control, only_logs, unwired_composer
from mp_precheck.analyzers.context import ProjectContext, as_shipped
from mp_precheck.analyzers.module_sends import sends_through
from mp_precheck.analyzers.old_boxes import box_state, carrier, carrying, old_boxes, posted_as_before, sent_before
from mp_precheck.analyzers.order_notes import order_note
from mp_precheck.analyzers.reached import method_of, module_calls
from mp_precheck.analyzers.senders import (
    CHAT,
    POST_INPUTS,
    POSTERS,
    READ_NAME,
    SCRIPTS,
    endpoint_reads,
    live_facts,
    page_stem,
    sending,
    unresolved_posts,
    wrapper_of,
)
from mp_precheck.analyzers.silent_calls import silent_lines
from mp_precheck.analyzers.unposted import checked_text, without_stubs
from mp_precheck.core.report import Finding
from mp_precheck.core.scenes import Scene, Scenes, scenes, words_of
from mp_precheck.facts.model import Fact, FileFacts, passed_strings
from mp_precheck.notes.pagetitles import page_of, page_title
from mp_precheck.readers.boxhandlers import box_handlers, endpoint_strings, handler_writes
from mp_precheck.readers.boxlabel import own_words
from mp_precheck.readers.textflow import carried_names, file_only, shown_words, written_state

_TOLD = ("upload.user_text", "category.ugc")


def sends_from(context: ProjectContext, path: str, state: frozenset[str] = frozenset()) -> tuple[str, Fact] | None:
    """(file, first sending call) of the page or component of ``path``: the file itself, else its script
    of the same name; None when it sends nothing. Calls are ordered by :func:`_rank`, knowing which carry
    ``state`` (the names the text box writes, :func:`_flow`). A call through a wrapper
    named as a read (``getComment(id)``) loads the page's data and sends no input: a page that only reads
    (its send button wired to nothing yet) publishes nothing."""
    for candidate in (path, *(page_stem(path) + suffix for suffix in SCRIPTS)):
        facts = live_facts(context, candidate)  # a method nothing names never runs: it posts nothing
        sends = _not_loading(context, candidate, sending(context, candidate, facts)) if facts is not None else []
        sends = sends or (_module_posts(context, candidate, facts, state) if facts is not None else [])
        sends = sends or (_named_carriers(context, candidate, facts, state) if facts is not None else [])
        if sends and facts is not None:
            carriers, lookups = _flow(context, candidate, facts, sends, state)
            return candidate, min(sends + carriers, key=lambda f: _rank(facts, f, lookups))
    return None


def posts_from(context: ProjectContext, script: str, among: list[Fact] | None = None,
               state: frozenset[str] = frozenset()) -> Fact | None:
    """The call of ``script`` (of its calls ``among``, when given) that posts data to the server — the first
    by :func:`_rank`, knowing which calls carry ``state`` (:func:`_flow`) — or None when the script only
    uploads files or chats over a WebSocket (module docstring)."""
    facts = live_facts(context, script)
    subjects = {f.subject for f in facts.facts} if facts is not None else set()
    if facts is None or subjects & CHAT:
        return None
    posts = [f for f in _not_loading(context, script, sending(context, script, facts)) if f.subject in POSTERS] \
        if among is None else [f for f in among if f.subject in POSTERS]
    posts = posts or [f for f in _module_posts(context, script, facts, state) if f.subject in POSTERS and among is None]
    posts = posts or (_named_carriers(context, script, facts, state) if among is None else [])
    if not posts:
        return None
    carriers, lookups = _flow(context, script, facts, posts, state) if among is None else ([], frozenset())
    return min(posts + carriers, key=lambda f: _rank(facts, f, lookups))


def _not_loading(context: ProjectContext, script: str, sends: list[Fact]) -> list[Fact]:
    """``sends`` without the data calls whose endpoint names a read (``request({ url: '/shelf/listItems' })``, also
    through a local object the call passes) or that carry nothing (:func:`~.unposted.without_stubs`): they load the
    page's data and send none of its input."""
    text = context.read_head(script) if sends else None
    spelt = endpoint_strings(text, script, [f.line for f in sends if f.subject in POSTERS]) if text else {}
    return without_stubs(context, script, [f for f in sends if not endpoint_reads(spelt.get(f.line, ()))])


def _module_posts(context: ProjectContext, script: str, facts: FileFacts, state: frozenset[str]) -> list[Fact]:
    """The calls of ``script`` into a method of another project module that sends data (a shared helper's
    ``commonJs.commentReply(param)``) whose arguments carry what the text box writes (``state``; a form object
    handed whole, ``{ data: this.form }``, carries the box of each of its fields): the page posts at that call,
    as it does through a wrapper, wherever the helper's request or database write is — the reviewer tests the
    post on the page. Each is a fact of the method's first sending call's subject, role ``via:<module>#<method>``.
    None where the state is not seen or the page hands it nothing of it (a store's action: :func:`sends_through`)."""
    calls = [(line, name, module) for line, name, _spec, module in module_calls(context, script, facts, stores=False)
             if not READ_NAME.match(name.rsplit(".", 1)[-1])] if state else []
    carried = carried_names(context.read_head(script) or "", script, [c[0] for c in calls], whole=True) if calls else {}
    out: list[Fact] = []
    for line, name, module in calls:
        defined = method_of(context, module, name) if carried.get(line, frozenset()) & state else None
        helper = context.facts_at_head(defined[0]) if defined is not None else None
        if defined is None or helper is None:
            continue
        span = range(defined[1].first_line, defined[1].last_line + 1)
        sends = sorted((f for f in sending(context, defined[0], helper) if f.line in span),
                       key=lambda f: f.subject not in POSTERS)
        if sends:
            out.append(Fact(sends[0].subject, "api", line, name, f"via:{defined[0]}#{name}"))
    return out


def _named_carriers(context: ProjectContext, script: str, facts: FileFacts, state: frozenset[str]) -> list[Fact]:
    """Where a page sends nothing a reader resolves: its calls of project functions no reader follows (an API
    module behind an alias, a generated client) whose data carries what the text box writes (``state``) and whose
    name names a post (``createTopic(payload)``), or says it writes on a page whose words name a public scene
    (``add(form)`` on ``pages/comment-create``; not ``validate(form)``, nor ``saveNote`` on ``pages/me``) — posts
    through that wrapper (:func:`~mp_precheck.analyzers.senders.unresolved_posts`). None on a page whose path names
    a private record, nor through a function the script already called before the change (no new post)."""
    carriers, _lookups = _flow(context, script, facts, [], state)
    table, before = scenes(), _base_script(context, script)
    if table.scene(script, None, ()) == "private" or not carriers:
        return []  # a page named as a private record (pages/my/feedback), whatever its client's method is called
    called = {name for _spec, name, _line in before.imported_calls} if before is not None else set()
    return [f for f in carriers if (f.value or "") not in called and (table.names_post(name := wrapper_of(f)) or (
        words_of(name) and not table.says_other(name) and _scene(context, script, f) == "public"))]


def _base_script(context: ProjectContext, path: str) -> FileFacts | None:
    """The facts ``path`` had before the change: as it is when unchanged, its counterpart's when changed, None when
    the change adds it."""
    if path not in context.changed_paths:
        return context.facts_at_head(path)
    old = context.counterpart.get(path)
    return context.base_facts.get(old) if old else None


def _flow(context: ProjectContext, script: str, facts: FileFacts, sends: list[Fact],
          state: frozenset[str]) -> tuple[list[Fact], frozenset[int]]:
    """Where the text box's ``state`` leaves ``script``: (the calls of project functions no reader resolves
    whose data carries it — ``createPost(data)`` with ``data = { content }`` — as posts through that
    wrapper; the lines of data calls whose data is seen and holds none of it while another call carries
    it — a barcode lookup, a GET of a draft, a photo's upload before the post's data call); a form passed whole
    carries the box of each of its fields (``form.*``). Nothing when the state or the calls' data is not seen."""
    text = context.read_head(script) if state else None
    lines = {f.line for f in sends} | {line for _spec, _name, line in facts.imported_calls}
    carried = carried_names(text, script, lines, whole=True) if text else {}
    carrying = {line for line, names in carried.items() if names & state}
    if not carrying:
        return [], frozenset()
    # a project function followed to a body that sends nothing (a store kept on the phone) carries no post
    carriers = unresolved_posts(facts, carrying - silent_lines(context, script, carrying))
    # an upload whose arguments are seen and hold none of the text (a photo's ``filePath``) sends the post's
    # picture, not the post, where a later write carries the text (``collection('goods').add({ data })``)
    lookups = frozenset(f.line for f in sends if f.line in carried and f.line not in carrying
                        and (f.subject in POSTERS or any(g.subject in POSTERS for g in sends if g.line in carrying)))
    return carriers, lookups


def _rank(facts: FileFacts, call: Fact, lookups: frozenset[int] = frozenset()) -> tuple[int, int]:
    """Which sending call of a page is its post, lowest first: a data call passing a string that names a
    public scene (``httpPost('timelines')``, ``createNote({ status: 'published' })``), then in line order
    the uploads, direct calls and wrappers named as writes (``createNote``), then wrappers named otherwise
    (``deleteDraft``), then data calls that carry none of the text box's state where another call does
    (``lookups``: a barcode lookup). Wrappers named as reads (``getList``) are no sending calls (:func:`sends_from`)."""
    table, wrapper = scenes(), wrapper_of(call) or None
    if call.line in lookups:
        tier = 3
    elif call.subject in POSTERS and table.publishes(passed_strings(facts.call_literals.get(call.line, ()))):
        tier = 0
    else:
        tier = 2 if table.says_other(wrapper) else 1
    return tier, call.line


def _scene(context: ProjectContext, script: str, call: Fact, page: str = "",
           shown: tuple[str, ...] = ()) -> Scene | None:
    """The scene ``call`` of ``script`` sends to (``checks/ugc_scenes.yml``): from the page's path (``page``'s
    too, where the page sends through a store: ``pages/feedback`` names the scene, not ``stores/app``), the
    page's navigation-bar title (申请退货退款 names a refund whatever the folder is called:
    https://developers.weixin.qq.com/miniprogram/dev/reference/configuration/page.html), the wrapper's name and
    the strings the call passes (a cloud database write: its collection, ``'memos'``); a page of the operator's
    console (``pages/admin-review``: ``operator`` words) keeps the operator's text, no post. ``shown`` is what the
    text box itself says it is for (its placeholder: 取消预约的原因 — a reason given with one's own booking; the label
    of its cell and the names it is bound to: 备注说明, ``memberRemark``); a public word still wins, but for a note left
    with one's own order (买家留言 sent by ``createOrder``: :mod:`~mp_precheck.analyzers.order_notes`)."""
    facts = context.facts_at_head(script)
    strings = passed_strings(facts.call_literals.get(call.line, ())) if facts is not None else ()
    if call.role == "cloud:write" and call.value and "'" in call.value:
        strings = (*strings, call.value.split("'")[1])
    title = _title(context, page or script)
    strings = (*strings, title, *shown) if title else (*strings, *shown)
    where = f"{page_stem(page)}/{script}" if page else script  # a note left with one's own order is no post
    scene = scenes().scene(where, wrapper_of(call) or None, strings, page_stem(page) if page else script)
    return "private" if scene != "private" and order_note(context, script, call, where, strings, shown) else scene


def _title(context: ProjectContext, path: str) -> str | None:
    """The navigation-bar title of the page of ``path`` (its config's ``navigationBarTitleText``), None when unset."""
    project = context.project
    registered = page_of(path, project.root, project.pages)
    return page_title(registered, project.root, project.framework, context.read_head) if registered else None


def to_operator(context: ProjectContext, script: str, call: Fact, page: str = "", staff: bool = False) -> bool:
    """Whether the post ``call`` of ``script`` goes to the operator alone: the page's path or title, the endpoint the
    call is spelt with (``'/user/feedback'``), the cloud function or the wrapper it goes through
    (``submitComplaint``) name feedback, a complaint, a report of abuse or customer service (``addressed`` and
    ``service`` in ``checks/ugc_scenes.yml``), and neither the endpoint nor the wrapper names a scene others read
    (``'/customers/ratings/review'``, ``createComment``: a post, whoever else the words name), nor the page's title says
    it publishes (发布留言: :func:`_publishing_title`); with ``staff``, a form the staff handle (``Scenes.to_staff``).
    Nobody else sees such text: no 社交 category or UGC declaration (``ugc_declare``,
    https://developers.weixin.qq.com/doc/oplatform/openApi/miniprogram-management/code-management/api_submitaudit)."""
    table, text = scenes(), context.read_head(script) or ""
    endpoint = endpoint_strings(text, script, [call.line]).get(call.line, ()) if text else ()
    title = _title(context, page or script) or ""
    if table.publishes(endpoint) or table.names_post(wrapper_of(call)) or _publishing_title(table, title):
        return False
    said = (*endpoint, title, call.value or "", wrapper_of(call))
    words = words_of(page_stem(page or script)) + [w for s in said for w in words_of(s)]
    return table.to_staff(words) if staff else table.to_operator(words)


def _picked_apart(context: ProjectContext, script: str, upload: Fact, post: Fact, state: frozenset[str],
                  box: Finding) -> bool:
    """Whether the page's picture ``upload`` runs in a method of its own that the ``post`` is not in (the pictures go
    up as they are picked, the text is posted by the submit handler), and the post is seen to carry what the text
    ``box`` writes (``state``, else what its input handler stores: ``bindinput="onInput"`` → ``setData({ intro })``;
    not a stub ``request({ url })``): the post is where the page publishes, as it is for a store's action."""
    state = state or handler_writes(context.read_head(script) or "", script,
                                    box_handlers(context.read_head(box.path) or "", box.line))[0]
    carried = carried_names(context.read_head(script) or "", script, [post.line], whole=True) if state else {}
    if not carried.get(post.line, frozenset()) & state:
        return False
    facts = context.facts_at_head(script)
    spans = [(first, last) for _name, first, last, _uses in (facts.helpers if facts is not None else ())
             if first <= upload.line <= last]
    inner = min(spans, key=lambda span: span[1] - span[0], default=None)
    return upload.line != post.line and inner is not None and not inner[0] <= post.line <= inner[1]


def _publishing_title(table: Scenes, title: str) -> bool:
    """Whether a page's navigation-bar title, the words its user reads, says the page publishes (发布留言: a
    ``publish_labels`` act) and names no message for the operator (发表意见 does): the post goes on a board, whatever
    the code calls it (a ``feedback`` collection behind a 留言板)."""
    return bool(title) and table.publish_label(title) and not table.to_operator(words_of(title))


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    context = as_shipped(context)  # a post in an #ifdef block of another platform never reaches WeChat
    return _text_boxes(context, findings)


def _text_boxes(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    """The module docstring's text boxes: new ``upload.user_text`` findings kept, moved or dropped, old boxes a
    post is newly wired to (``analyzers/old_boxes.py``), and ``category.ugc`` added where they are published."""
    wired = old_boxes(context, findings)
    inputs = [f for f in findings if f.rule == "upload.user_text"] + wired
    if not inputs:
        return findings
    uploading = {page_stem(f.path) for f in findings if f.family == "upload" and f.rule != "upload.user_text"}
    out = [f for f in findings if f.rule != "upload.user_text"]
    posts: set[str] = set()
    for f in inputs:
        old = f in wired  # a box the page had: published only by a new post that carries what it writes
        state = box_state(context, f.path, f.line) if old else written_state(context.read_head(f.path) or "", f.line)
        sent, through = sends_from(context, f.path, state), None
        if sent is None and (through := sends_through(context, f.path, state, f.line)) is not None:
            sent = through[0], min(through[1], key=lambda c: _rank(context.facts_at_head(through[0]) or FileFacts(), c))
        if sent is None:  # nothing leaves this page: not published, unless a composer's post is not wired yet
            composer = unwired_composer(context, f) if not old and page_stem(f.path) not in posts else None
            posts |= {page_stem(f.path)} if composer is not None else set()
            out += [composer] if composer is not None else []
            continue
        script = sent[0]
        if not old and f.subject in POST_INPUTS and _published_before(context, f, script, state):
            continue  # one more field on a page that already posted its text box: no new flow
        post = posts_from(context, script, through[1] if through is not None else None, state)
        post = (carrying(context, script, post, state) if post is not None else carrier(context, script, state)) \
            if old else post
        if old and post is not None and posted_as_before(context, script, post):
            continue  # the old box's post is the one the page made before: nothing newly published
        page = f.path if through is not None else ""
        markup = context.read_head(f.path) or ""  # the box's hint, label and bound names: what it is for
        shown = (*shown_words(markup, f.line), *own_words(markup, f.line))
        if _scene(context, script, post or sent[1], page, shown) == "private" or (old and post is None) or \
                (f.subject in POST_INPUTS and to_operator(context, script, post or sent[1], page, staff=True)):
            continue  # a private record (an expense note), a form only staff read, an old box whose page posts none
        if post is not None:  # the text leaves by its own request: its check belongs there, uploads or not
            out += [] if checked_text(context, script, state) else [_at_post(f, script, post)]
        elif not {page_stem(f.path), page_stem(script)} & uploading:  # a store's upload covers its page's text
            out.append(f)
        published = post is not None or _public_upload(context, script, sent[1], f, page)
        if f.subject in POST_INPUTS and script not in posts and published \
                and not to_operator(context, script, post or sent[1], page):  # 客服, a bot: the operator's alone
            posts.add(script)
            # the page's first sending call: its picture upload, else the post itself; through a store, the
            # action that posts (the picture went up by an action of its own as it was picked)
            # a box the page had: what the change adds is the post, not the pictures; a post through a wrapper
            # named as one (``topicAdd(payload)``) is where the post is
            named = post is not None and (scenes().names_post(wrapper_of(post)) or _picked_apart(
                context, script, sent[1], post, state, f))
            call = post if (through is not None or old or named) and post is not None else sent[1]
            ugc = context.finding("category.ugc", "ugc:post", script, call.line, scope=f.scope,
                                  value=f"{f.subject} {f.path}:{f.line} → {call.value or call.subject}")
            out.append(ugc if f.scope == "app" else replace(ugc, severity="low"))  # a new call site: low
    return _one_feature(out, findings, wired)


def _published_before(context: ProjectContext, text_box: Finding, script: str, state: frozenset[str]) -> bool:
    """Whether the page of ``text_box`` already had a text box of its kind and ``script`` already sent its data
    before the change (a form that gains a field, a composer restyled; an upload of the form's picture alone
    sends none of what the box writes, ``state``: :func:`~mp_precheck.analyzers.old_boxes.sent_before`), or had
    a one-line ``<input>`` and a call named as a post (a composer whose content box grows into a ``<textarea>``
    as its posts gain pictures): the page published before."""
    page, sender = _base_script(context, text_box.path), _base_script(context, script)
    if page is None or sender is None:
        return False
    # a <textarea> in place of an <editor> (or the reverse) is the same post's box restyled
    kind = POST_INPUTS if text_box.subject in POST_INPUTS else frozenset({text_box.subject})
    if any(f.subject in kind for f in page.facts):
        return sent_before(context, script, state)
    # another text box (a one-line <input> the change turns into a <textarea>): the page posted before where its
    # script called a post by name (``api.createTopic({ title, content })``)
    return any(f.subject == "<input>" for f in page.facts) and _named_post(sender)


def _named_post(facts: FileFacts) -> bool:
    """Whether a script (its ``facts``) calls a wrapper or project function named as writing a post others read
    (``createTopic``, ``addComment``: :meth:`~mp_precheck.core.scenes.Scenes.names_a_post`)."""
    names = [wrapper_of(f) for f in facts.facts if f.subject in POSTERS] + \
        [name.rsplit(".", 1)[-1] for _spec, name, _line in facts.imported_calls]
    return any(name and scenes().names_a_post(name) for name in names)


def _public_upload(context: ProjectContext, script: str, upload: Fact, box: Finding, page: str = "") -> bool:
    """A page that only uploads, but whose words name a public scene (``pages/publish``, an upload to
    ``'moments'``) and that composes a post: the upload sends fields beside its file (``formData``, where the text
    goes up with the pictures), or the box's page shows a control that publishes it (发布, its text not wired yet).
    A picture sent alone as it is picked, from a form with no such control (a review whose text has no submit yet),
    is an upload, told as one: nothing of the user's is published yet, nor where every 发布 control only logs or
    toasts (:func:`~mp_precheck.analyzers.composers.only_logs`). A chat page stays a chat."""
    facts = context.facts_at_head(script)
    chat = facts is not None and any(f.subject in CHAT for f in facts.facts)
    if chat or _scene(context, script, upload, page) != "public":
        return False
    markup = context.read_head(box.path) or ""  # a 发布 that only logs the text publishes nothing yet: the upload
    return not file_only(context.read_head(script) or "", script, upload.line) \
        or (has_publish_control(markup) and not only_logs(context, box, markup))


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


