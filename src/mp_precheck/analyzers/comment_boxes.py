"""One-line comment boxes: an ``<input>`` of text whose typed text a new call posts to a public scene — a comment
bar's ``<input confirm-type="send" bindconfirm="doComment">`` whose handler posts ``e.detail.value`` to
``/feed/reply_comment``, a 评论 modal's ``<input bindinput="watchIn">`` whose text ``confirm()`` sends to
``addComment`` — is user-published content as much as a ``<textarea>`` is (``analyzers/ugc.py``), reported once
for content security and once for the service category.

A one-line input is far more often a search, a quantity or an address than a post, so it is one only where all
of these hold:

* it is an ``<input>`` of text or a UI kit's input field (``<AtInput>``, ``<u-input>``; no number, ID, password or
  nickname keyboard, no search key) on a changed page (a Taro page's JSX in its ``.js`` too) that has no
  password field (a login or sign-up form) and is no conversation (``chat``'s), and whose text boxes no earlier
  analyzer reported — on a page with a ``<textarea>`` / ``<editor>`` nothing told (``ugc``'s: posted before, or
  kept private), only a post named as one (``commentPhoto``: :meth:`~mp_precheck.core.scenes.Scenes.names_post_act`
  too) that carries none of the area's text (a comment bar beside a composer) —, or, on a page whose post an
  earlier analyzer told (a feed's ``<textarea>`` published by ``addPost``), a second send under it at another
  call named as a post (its comment bar's ``addComment``): told for content security only, the page's category
  already told;
* a call of the page's script the change adds posts data (``wx.request``, a cloud function or a database write,
  directly or through a wrapper — a client class's method too, or a project call no reader resolves, such as a
  generated client the repository leaves out: :func:`~mp_precheck.analyzers.senders.unresolved_posts`) and names
  writing a post others read by its own strings, its wrapper's name with its class, or the client it is called on
  (``name: 'addComment'``, ``'/feed/reply_comment'``, ``createReply``, ``ReplyClient.create``, ``replyApi.add``, an
  endpoint constant ``Routes.REPLY_ADD``: :meth:`~mp_precheck.core.scenes.Scenes.names_a_post`; a message written
  onto a board the page lists, ``'/message/send'`` beside ``'/message/list'``:
  :meth:`~mp_precheck.core.scenes.Scenes.names_board_post`; sent by ``POST`` to an endpoint naming a post with no
  verb, ``noteComment``; a wrapper's endpoint read at the argument its definition sends as the url:
  :mod:`~mp_precheck.readers.urlparam`), none naming a read (``'/comment/list'``) — or, on a
  page that composes a post (its path or title name a public scene and a control publishes: a 发布 page,
  :func:`~mp_precheck.analyzers.composers.composer_page`), names writing at all (a cloud function ``'addItem'``,
  ``'/goods/create'``; not ``saveAddress``: :meth:`~mp_precheck.core.scenes.Scenes.names_a_write`): what such a
  page adds is its post, whatever it calls what is listed — or, from a 发布 form, sends on with its fields the address
  of a file the user just uploaded, to any endpoint (:mod:`~mp_precheck.analyzers.media_forms`; not a private
  record's);
* that call carries what the input writes: its bound value (``model:value="{{value}}"``), the state its input
  handler stores (``this.data.mess = e.detail.value``), or — in the handler its confirm event names — the event's
  ``e.detail.value`` (:mod:`~mp_precheck.readers.boxhandlers`);
* the page's script did not name that post before the change, nor call that client method (a comment bar restyled
  posts no new comment), nor post the text of one of the page's one-line boxes through a call named as a post
  (:func:`_posted_before`: a comment flow rewritten — the action renamed, new helpers around it — keeps its post).

The box may be one the platform draws: an editable modal (``wx.showModal({ editable: true })``, its answer's
``content``: :mod:`~mp_precheck.readers.modalprompts`) whose typed text a new call inside the answer's reach posts
as above (``db.collection('replies').add({ data: { text: res.content } })``), where the page's script asked for no
such post before the change; told the same way, subject ``wx.showModal``
(https://developers.weixin.qq.com/miniprogram/dev/api/ui/interaction/wx.showModal.html).

Reported at that call, where the content check belongs (a service module's method too: the page's call is where the
user posts): ``upload.user_text`` (subject ``<input>``, scope file; security.msgSecCheck,
https://developers.weixin.qq.com/miniprogram/dev/server/API/sec-center/sec-check/api_msgseccheck.html) and
``category.ugc`` (subject ``ugc:post``, scope file, low: a new call site of posting; the UGC declaration,
https://developers.weixin.qq.com/doc/oplatform/openApi/miniprogram-management/code-management/api_submitaudit).

Reads: ``changed_paths``, ``exists_at_head``, ``facts_at_head``, ``read_head``, ``read_base``, ``counterpart``,
``added_lines``, ``base_facts``, ``project`` (the page list and titles) · ``upload.user_text`` and ``category.ugc`` of
``ugc`` and ``chat``.
Writes: adds ``upload.user_text`` and ``category.ugc`` at a new post of a one-line comment box or an editable
modal (``upload.user_text`` alone at a second post of a page whose first was told, or at a post to the endpoint a
``category.ugc`` of the change already names: a reply page posting to the article's comment URL is the same service,
one category question).
"""

from __future__ import annotations

import re

from msgspec.structs import replace

from mp_precheck.analyzers.composers import composer_page
from mp_precheck.analyzers.context import ProjectContext, as_shipped
from mp_precheck.analyzers.media_forms import media_form_posts
from mp_precheck.analyzers.old_boxes import at_base
from mp_precheck.analyzers.senders import (
    MARKUP,
    POSTERS,
    READ_NAME,
    SCRIPTS,
    page_stem,
    reads,
    sending,
    unresolved_posts,
    wrapper_of,
)
from mp_precheck.analyzers.silent_calls import silent_lines
from mp_precheck.core.recache import compiled
from mp_precheck.core.report import Finding
from mp_precheck.core.scenes import scenes, words_of
from mp_precheck.facts.model import Fact, FileFacts, passed_strings
from mp_precheck.readers.boxhandlers import box_handlers, call_strings, endpoint_refs, endpoint_strings, handler_writes
from mp_precheck.readers.modalprompts import Prompt, modal_prompts
from mp_precheck.readers.textflow import bound_fields, carried_names, tag_at, written_state
from mp_precheck.readers.urlparam import endpoint_positions

_TOLD = ("upload.user_text", "category.ugc")
# <input> keyboards that type no post (https://developers.weixin.qq.com/miniprogram/dev/component/input.html),
# and the search key of a search box.
_FIELDS = ("input", "textarea", "field")  # a UI kit's or the project's field: <uni-easyinput>, <MyTextarea>
_NOT_TEXT = compiled(r"(?:^|\s)(?:type\s*=\s*[\"'](?:number|digit|idcard|nickname|password|safe-password)[\"']"
                       r"|confirm-type\s*=\s*[\"']search[\"']|password(?:\s|=|/|$))")

_PASSWORD = compiled(r"password", re.I)
MODAL = "wx.showModal"  # the subject of an editable modal's typed text


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    context = as_shipped(context)  # a post in an #ifdef block of another platform never reaches WeChat
    told = {(f.path, f.line) for f in findings if f.rule in _TOLD}
    served = {_endpoint(context, f.path, f.line) for f in findings if f.rule == "category.ugc"} - {()}
    out = list(findings)
    for stem in sorted({page_stem(p) for p in context.changed_paths}):
        # a Taro / React page's JSX may sit in its .js / .ts script
        files = [stem + s for s in (*MARKUP, ".js", ".ts") if context.exists_at_head(stem + s)]
        facts = {path: context.facts_at_head(path) for path in files}
        # a page whose post was told (its <textarea>'s) may add a second send under it (a comment bar): a post of
        # its own, at another call named as a post
        second = {line for path, line in told if page_stem(path) == stem}
        if scenes().conversation(stem) or _account_form(context, facts):
            continue
        # a text area nothing told (posted before, or kept private): a comment bar beside it is judged by its
        # own send — named as a post, carrying none of the area's text
        areas = [] if second else [(path, line) for path, ff in facts.items() for line, tag in
                                   text_boxes(context, path, ff) if tag.replace("-", "") in ("<textarea>", "<editor>")]
        boxes = [box for path, ff in facts.items() for box in _boxes(context, path, ff)]
        scripts = [stem + s for s in SCRIPTS if context.exists_at_head(stem + s)]
        found = next((p for script in scripts if boxes for p in _posts(context, script, boxes, second, areas)
                      if not second or (script, p[1].line) not in told), None)
        if found is not None and _posted_before(context, stem):
            found = None  # a comment bar that posted before, rewritten
        subject = "<input>"
        if found is None:  # the box the platform draws: an editable modal's answer
            subject, found = MODAL, next((p for script in scripts for p in _prompted_posts(context, script, second,
                                                                                             areas)
                                          if not second or (script, p[1].line) not in told), None)
        if found is not None:
            # the page's category was told at its first post, or the change's category names the endpoint (one
            # service, posted from two pages): this send needs its content check only
            endpoint = _endpoint(context, found[0], found[1].line)
            out.extend(_told(context, *found, subject)[:1] if second or endpoint in served
                       else _told(context, *found, subject))
            served |= {endpoint} - {()}
    return out


def _endpoint(context: ProjectContext, script: str, line: int) -> tuple[str, ...]:
    """The strings the call of ``script`` on ``line`` spells its endpoint with (``'/articles/1/comments'``); empty
    when it spells none."""
    text = context.read_head(script) or ""
    return endpoint_strings(text, script, [line]).get(line, ()) if text else ()


def _prompted_posts(context: ProjectContext, script: str, second: set[int],
                    areas: list[tuple[str, int]]) -> list[tuple[str, Fact, str, int]]:
    """:func:`_posts` of the answers of ``script``'s editable modals (``wx.showModal({ editable: true })``:
    :mod:`~mp_precheck.readers.modalprompts`) where the script posted none before the change."""
    prompts = modal_prompts(context.read_head(script) or "", script) if script in context.changed_paths else ()
    if not prompts:
        return []
    found = _posts(context, script, [(script, p.line) for p in prompts], second, areas, prompts)
    base = at_base(context)  # a comment the page asked for this way before the change, rewritten: no new post
    old = context.counterpart.get(script)
    facts = base.facts_at_head(old) if found and old else None
    if facts is None or not old:
        return found
    posts = [f for f in sending(base, old, facts) if f.subject in POSTERS and not reads(f)]
    text = base.read_head(old) or ""
    strings, listed = _spelt(base, text, old, posts), listed_strings(base, old, facts)
    named = [f for f in posts if naming(f, facts, strings.get(f.line, ()), listed)]
    return [] if _prompted(text, old, modal_prompts(text, old), named) else found


def _prompted(text: str, script: str, prompts: tuple[Prompt, ...],
              posts: list[Fact]) -> list[tuple[str, Fact, str, int]]:
    """(script, post, script, modal line) for each of ``posts`` inside the lines an editable modal's answer is
    read in whose arguments carry the typed text (``content: res.content``, a local built from it)."""
    carried = carried_names(text, script, [f.line for f in posts]) if posts and prompts else {}
    return [(script, f, script, p.line) for f in posts for p in prompts
            if p.first <= f.line <= p.last and p.carriers <= carried.get(f.line, frozenset())]


def _account_form(context: ProjectContext, facts: dict[str, FileFacts | None]) -> bool:
    """Whether a page's markup has a password field (``type="password"``, ``password``, a field named or typed
    by a ``password`` value): a login or registration form, whose other inputs (a user name, an e-mail) are the
    account's data for the operator, not a post."""
    for path, ff in facts.items():
        markup = (context.read_head(path) or "") if ff is not None else ""
        if ff is not None and any(f.kind == "component" and _PASSWORD.search(tag_at(markup, f.line)) for f in ff.facts):
            return True
    return False


def _boxes(context: ProjectContext, path: str, facts: FileFacts | None) -> list[tuple[str, int]]:
    """(file, line) of each one-line box of text of a page's markup file (module docstring): an ``<input>`` or a
    UI kit's input field (``<AtInput>``, ``<u-input>``, ``<uni-easyinput>``), not a ``<textarea>`` / ``<editor>``."""
    return [(path, line) for line, tag in text_boxes(context, path, facts)
            if tag.replace("-", "") not in ("<textarea>", "<editor>")]  # a JSX <TextArea> is read as <text-area>


def text_boxes(context: ProjectContext, path: str, facts: FileFacts | None) -> list[tuple[int, str]]:
    """(line, tag) of each text box of a markup file (``facts`` its facts at head): an ``<input>`` of text (no
    number, ID, password or nickname keyboard, no search key), a ``<textarea>`` / ``<editor>``, a component named
    as a field (``<uni-easyinput>``, ``<u-input>``, ``<van-field>``, a UI kit's JSX ``<TextArea>``) that is no
    search box."""
    markup = (context.read_head(path) or "") if facts is not None else ""
    out: list[tuple[int, str]] = []
    for fact in facts.facts if facts is not None else ():
        name = fact.subject.strip("<>").lower().replace("-", "")  # JSX's <TextArea> is read as <text-area>
        if fact.kind != "component" or _NOT_TEXT.search(tag := tag_at(markup, fact.line)):
            continue
        if name in ("input", "textarea", "editor") or (name.endswith(_FIELDS) and "search" not in name
                                                       and "search" not in tag.lower()):
            out.append((fact.line, fact.subject))
    return sorted(out)


def _posts(context: ProjectContext, script: str, boxes: list[tuple[str, int]],
           second: set[int] | frozenset[int] = frozenset(),
           areas: list[tuple[str, int]] | None = None,
           prompts: tuple[Prompt, ...] = ()) -> list[tuple[str, Fact, str, int]]:
    """(script, post, box file, box line) for each new post of ``script`` that carries what one of the ``boxes``
    writes, in line order. ``second``: the lines of the page's post already told; a second post is one named as
    a post, never one a composer page only names as a write (that page's own post is the one told). ``areas``: the
    page's text areas nothing told, whose posts are not the boxes' (a post named as one, carrying none of them).
    ``prompts``: the script's editable modals, whose answers are the boxes' text (``boxes`` their calls)."""
    facts, text = context.facts_at_head(script), context.read_head(script) or ""
    added = context.added_lines.get(script, frozenset()) if script in context.changed_paths else frozenset()
    # a new script's added lines are every line (an empty ``EveryLine``): test membership, not emptiness
    posts = [f for f in sending(context, script, facts) if f.subject in POSTERS and f.line in added
             and not reads(f)] if facts is not None and script in context.changed_paths else []
    posts += _unresolved(context, script, facts, [c[2] for c in facts.imported_calls if c[2] in added]) \
        if facts is not None and script in context.changed_paths else []  # a client's method no reader resolves
    strings = _spelt(context, text, script, posts)
    old = context.counterpart.get(script) if script in context.changed_paths else script
    before = (context.read_base(old) if old else None) or ""
    # a client's method the page called before (``ReplyClient.create``, however its instance is spelt) names no new post
    wrapped = {f.role for f in context.base_facts[old].facts if f.role} if old and old in context.base_facts else set()
    listed = listed_strings(context, script, facts)
    # on a composer of a public scene (a 发布 page) a call named only as adding (``name: 'addItem'``) is its post
    composing = bool(posts) and not second and not areas and any(composer_page(context, path)
                                                                 for path in {p for p, _l in boxes})
    # a 发布 form that submits an uploaded file's address with its fields posts them, whatever its endpoint says
    media = media_form_posts(context, script, {p for p, _l in boxes}, posts) if not second and not areas else set()
    posts = [f for f in posts if (named := naming(f, facts, strings.get(f.line, ()), listed)
                                  or (writing(f, facts, strings.get(f.line, ())) if composing else [])
                                  or (list(_endpoint(context, script, f.line)) if f.line in media else []))
             and (f.line in media or not any(s in before for s in named))
             and not (f.role in wrapped and (f.role or "").rsplit("#", 1)[-1] in named)]
    if areas:  # a post carrying a text area's text is that area's, judged by ``ugc``
        theirs = {found[1].line for found in _carrying(context, script, areas, posts)}
        posts = [f for f in posts if f.line not in theirs]
    return _prompted(text, script, prompts, posts) if prompts else _carrying(context, script, boxes, posts)


def _unresolved(context: ProjectContext, script: str, facts: FileFacts, lines: list[int]) -> list[Fact]:
    """The calls of project functions on ``lines`` of ``script`` no reader resolves to an API (named by the post:
    :func:`~mp_precheck.analyzers.senders.unresolved_posts`), without those followed to a body that sends nothing
    (a filter over a loaded list, a store kept on the phone: :mod:`~mp_precheck.analyzers.silent_calls`)."""
    return unresolved_posts(facts, sorted(set(lines) - silent_lines(context, script, lines)))


def _spelt(context: ProjectContext, text: str, script: str, posts: list[Fact]) -> dict[int, tuple[str, ...]]:
    """The strings each of ``posts`` is spelt with, by line: those it passes and the endpoint constants it names
    (at the argument its project wrapper sends as the url, read in ``context``: ``http('POST', body, urls.reply)``).
    A database write's receiver (a record held as ``query``: ``query.save(row)``) is the script's variable, not an
    endpoint: a write for certain, its name says no read."""
    strings = call_strings(text, script, [f.line for f in posts]) if posts else {}
    positions = endpoint_positions(context.read_head, posts)
    refs = endpoint_refs(text, script, [f.line for f in posts], positions) if posts else {}
    # an endpoint built in a local first (``var url = host + '/posts/comments'; request.post(url, token, body)``)
    spelt = endpoint_strings(text, script, [f.line for f in posts], positions) if posts else {}
    strings = {line: strings.get(line, ()) + tuple(s for s in spelt.get(line, ()) if s not in strings.get(line, ()))
               for line in {*strings, *spelt}}
    written = {f.line for f in posts if f.role == "cloud:write"}
    refs = {line: tuple(r for r in held if line not in written or not any(READ_NAME.match(w) for w in words_of(r)))
            for line, held in refs.items()}
    return {line: strings.get(line, ()) + refs.get(line, ()) for line in {*strings, *refs}}


def _carrying(context: ProjectContext, script: str, boxes: list[tuple[str, int]],
              posts: list[Fact]) -> list[tuple[str, Fact, str, int]]:
    """(script, post, box file, box line) for each of ``posts`` that carries what one of the ``boxes`` writes (its
    bound value, the state its handlers store, the confirm event's ``e.detail.value``), read in ``context``'s
    head."""
    text = context.read_head(script) or ""
    carried = carried_names(text, script, [f.line for f in posts]) if posts else {}
    out: list[tuple[str, Fact, str, int, bool]] = []
    for path, line in boxes if posts else []:
        markup = context.read_head(path) or ""
        handlers = box_handlers(markup, line)
        stored, spans = handler_writes(text, script, handlers)
        state = written_state(markup, line, keep=frozenset({"value"})) | stored
        fields = bound_fields(markup, line) | stored
        out += [(script, f, path, line, not carried.get(f.line, frozenset()) & fields) for f in posts
                if carried.get(f.line, frozenset()) & state
                or ("detail" in carried.get(f.line, frozenset()) and any(f.line in span for span in spans))]
    # a post that carries the box's own field before one that only passes the row it sits in (a like of ``item``)
    return [found[:4] for found in sorted(out, key=lambda p: (p[4], p[1].line))]


def _posted_before(context: ProjectContext, stem: str) -> bool:
    """Whether the page of ``stem`` already posted the text of one of its one-line boxes before the change: a data
    call of its base script, named as writing a post others read (:func:`naming`: ``name: 'comment'``), carried
    what a box of its base markup wrote. A change that rewrites that flow — the action renamed
    (``'replyCreate'``), new helpers around it, a pending copy shown first — keeps the page's post: no new
    post. A page that only showed or stored its comments on the phone before (a mock list) posted nothing."""
    base = at_base(context)
    files = [stem + s for s in (*MARKUP, ".js", ".ts") if base.exists_at_head(stem + s)]
    boxes = [box for path in files for box in _boxes(base, path, base.facts_at_head(path))]
    for script in (stem + s for s in SCRIPTS) if boxes else ():
        facts = base.facts_at_head(script)
        if facts is None:
            continue
        text = base.read_head(script) or ""
        posts = [f for f in sending(base, script, facts) if f.subject in POSTERS and not reads(f)]
        posts += _unresolved(base, script, facts, [c[2] for c in facts.imported_calls])
        strings, listed = _spelt(base, text, script, posts), listed_strings(base, script, facts)
        named = [f for f in posts if naming(f, facts, strings.get(f.line, ()), listed)]
        if _carrying(base, script, boxes, named):
            return True
    return False


def listed_strings(context: ProjectContext, script: str, facts: FileFacts | None) -> tuple[str, ...]:
    """The strings every data call of ``script`` passes (its endpoints: ``'/message/list'``), new or not."""
    text = context.read_head(script) or ""
    lines = [f.line for f in sending(context, script, facts)] + [c[2] for c in facts.imported_calls] \
        if facts is not None else []
    return tuple(s for held in call_strings(text, script, lines).values() for s in held) if lines else ()


def naming(post: Fact, facts: FileFacts | None, strings: tuple[str, ...], listed: tuple[str, ...] = ()) -> list[str]:
    """The strings and wrapper name of ``post`` that name writing a post others read (module docstring) — the
    wrapper's with its class or object (``ReplyClient.create``), a message onto a board the page lists by one of
    ``listed`` (the strings its script's other calls pass) —; none where one of them names a read
    (``'/comment/list'``). Sent by ``POST``, an endpoint naming a post with no verb (``noteComment``) writes one."""
    literals = passed_strings(facts.call_literals.get(post.line, ())) if facts is not None else ()
    written = (post.value or "") if post.role == "cloud:write" else ""
    held = post.role.rsplit("#", 1)[-1] if post.role and wrapper_of(post) else ""
    candidates = [s for s in (*strings, *literals, wrapper_of(post), held, written) if s]
    if _names_read(candidates):
        return []
    acts = {wrapper_of(post), held} - {""}  # the wrapper's own name: ``commentPhoto(id, text)`` is a post
    posted = "POST" in strings  # a method its wrapper is told (``http('POST', body, urls.noteComment)``)
    return [s for s in candidates if scenes().names_a_post(s) or scenes().names_board_post(s, listed)
            or (s in acts and scenes().names_post_act(s)) or (posted and s not in acts and s != "POST"
                                                               and scenes().names_posted_thing(s))]


def writing(post: Fact, facts: FileFacts | None, strings: tuple[str, ...]) -> list[str]:
    """The strings and wrapper name of ``post`` that say it writes (a ``writes`` word: ``'addItem'``,
    ``createListing``, ``'/goods/add'``) and name no private record (``saveAddress``); none where one of them
    names a read. A post on a page that composes one is where the page publishes, whatever it calls its content."""
    literals = passed_strings(facts.call_literals.get(post.line, ())) if facts is not None else ()
    held = post.role.rsplit("#", 1)[-1] if post.role and wrapper_of(post) else ""
    candidates = [s for s in (*strings, *literals, wrapper_of(post), held) if s]
    if _names_read(candidates):
        return []
    return [s for s in candidates if scenes().names_a_write(s)]


def _names_read(candidates: list[str]) -> bool:
    """Whether one of a call's strings or names names a read (``'/comment/list'``, ``getReplies``). An HTTP method
    (``method: 'GET'``) says how the call sends, not what it sends to: a ``'/publish_comment'`` sent by ``GET``
    still writes a comment (the request's method,
    https://developers.weixin.qq.com/miniprogram/dev/api/network/request/wx.request.html)."""
    return any(READ_NAME.match(w) for s in candidates if not scenes().says_how(s) for w in words_of(s))


def _told(context: ProjectContext, script: str, post: Fact, box: str, line: int,
          subject: str = "<input>") -> list[Finding]:
    """``upload.user_text`` (of ``subject``, the box) and ``category.ugc`` at ``post``, naming the box."""
    value = f"{subject} {box}:{line} → {post.value or post.subject}"
    ugc = context.finding("category.ugc", "ugc:post", script, post.line, scope="file", value=value)
    return [context.finding("upload.user_text", subject, script, post.line, scope="file", value=value),
            replace(ugc, severity="low")]
