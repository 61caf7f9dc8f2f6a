"""Old text boxes the change publishes: a ``<textarea>`` / ``<editor>`` a changed page already had, on a page that
did not post it before, is published where the change adds a post that carries what the box writes — a 发布
button that only showed a toast now posts through ``addCircles(params)``, a composer starts writing the cloud
database (``db.collection('posts').add({ data })``), a description now goes up with its image in the upload's form
data. One path for every such box, weighed by what the post carries (``readers/textflow.py``):
a post whose data is seen and holds none of the box's text (a like counter's update) publishes nothing of it, nor
does a post the base script already made as it is (:func:`posted_as_before`), whatever else the file gains.
Posting and the UGC declaration: https://developers.weixin.qq.com/doc/oplatform/openApi/miniprogram-management/code-management/api_submitaudit
"""

from __future__ import annotations

from collections.abc import Callable

from msgspec.structs import replace

from mp_precheck.analyzers.context import ProjectContext
from mp_precheck.analyzers.reached import method_of, module_calls
from mp_precheck.analyzers.senders import (
    MARKUP,
    POST_INPUTS,
    POSTERS,
    READ_NAME,
    SCRIPTS,
    SENDERS,
    cloud_write_facts,
    page_stem,
    reads,
    sending,
)
from mp_precheck.core.report import Finding
from mp_precheck.facts.model import Fact, FileFacts
from mp_precheck.readers.baaswrites import baas_writes
from mp_precheck.readers.boxhandlers import box_handlers, handler_writes
from mp_precheck.readers.cloudwrites import cloud_writes
from mp_precheck.readers.relay import handler_params
from mp_precheck.readers.syntax import language_for, nodes_of, parse
from mp_precheck.readers.textflow import bound_fields, carried_names, field_state


def carrying(context: ProjectContext, script: str, post: Fact | None, state: frozenset[str]) -> Fact | None:
    """``post`` when it carries what the text box writes (``state``), or when that is not seen (no state, no
    readable call there); None when its data is seen and holds none of it (a like counter's update)."""
    if post is None or not state:
        return post
    carried = carried_names(context.read_head(script) or "", script, [post.line], closures=True, whole=True)
    return post if carried.get(post.line, state) & state else None


def carrier(context: ProjectContext, script: str, state: frozenset[str]) -> Fact | None:
    """The first sending call of ``script`` whose data is seen to carry ``state`` (an upload whose form data
    holds the text box's description), or None: where an old box's text leaves with a file, that is its post."""
    facts = context.facts_at_head(script)
    sends = sending(context, script, facts) if facts is not None and state else []
    carried = carried_names(context.read_head(script) or "", script, [f.line for f in sends], closures=True,
                            whole=True) if sends else {}
    return next((f for f in sends if carried.get(f.line, frozenset()) & state), None)


def posted_as_before(context: ProjectContext, script: str, post: Fact) -> bool:
    """Whether ``post``, the call of ``script`` at head an old text box's text leaves by, was there before the change
    as it is: the base script made the same call (its shape, ``FileFacts.call_shapes``: in a function of the same
    name, passing the same arguments, to the same API or project function). The box was published before; the
    change adding other sends or database writes to the file (a phone number saved beside the post) publishes
    nothing new of it."""
    facts, before = context.facts_at_head(script), _base_of(context, script)
    shape = facts.call_shapes.get(post.line) if facts is not None else None
    if shape is None or before is None:
        return False
    via = (post.role or "").startswith("via:")  # a call of a project function (the module's send is its subject)
    return any(before.call_shapes.get(line) == shape for line in
               ({f.line for f in before.facts if f.subject == post.subject} if not via else set(before.call_shapes)))


def old_boxes(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    """``upload.user_text`` (scope file) at each ``<textarea>`` / ``<editor>`` that a changed page already had,
    where the page did not post before (:func:`_posted_before`): the text box is old, its publication may be new
    — ``ugc`` keeps it only at a post that carries what the box writes (:func:`carrying`, :func:`carrier`: a 发布
    button that only showed a toast now posts through ``addCircles(params)``, a composer that starts writing the
    cloud database, a page that only uploaded its pictures now posts its text through a cloud function).
    A page whose box ``upload.user_text`` already reports is left as it is."""
    reported = {page_stem(f.path) for f in findings if f.rule == "upload.user_text"}
    out: list[Finding] = []
    origins = _lost_boxes(context)
    for stem in sorted({page_stem(p) for p in context.changed_paths} - reported):
        scripts = [stem + s for s in SCRIPTS if context.exists_at_head(stem + s)]
        for path, box, before in _page_boxes(context, stem):  # each old box by its own field: a form object
            state = _state_before(context, path, box, before)  # may post its title, not its remark
            if not _posted_before(context, scripts, state):
                out.append(context.finding("upload.user_text", box.subject, path, box.line, scope="file"))
                break
        else:
            out += _moved_in(context, stem, origins)
    return out


def _lost_boxes(context: ProjectContext) -> list[tuple[str, Fact]]:
    """(base markup file, text box) of each ``<textarea>`` / ``<editor>`` a changed markup file had before the change
    beyond the number its head version keeps (all of them where the change deletes the file): boxes the change
    took away from there, in file and line order."""
    heads = {old: new for new, old in context.counterpart.items() if old}
    out: list[tuple[str, Fact]] = []
    for old, facts in sorted(context.base_facts.items()):
        boxes = [f for f in facts.facts if f.subject in POST_INPUTS] if old.endswith(MARKUP) else []
        now = context.facts_at_head(heads[old]) if boxes and old in heads else None
        kept = sum(f.subject in POST_INPUTS for f in now.facts) if now is not None else 0
        out += [(old, box) for box in boxes[kept:]]
    return out


def _moved_in(context: ProjectContext, stem: str, origins: list[tuple[str, Fact]]) -> list[Finding]:
    """``upload.user_text`` (scope file) at the first text box of the page ``stem`` that the page did not have but
    another page lost (``origins``, :func:`_lost_boxes`: the semantic diff reads it as moved, no new box), where
    that page never posted what the box wrote there (a 评论 stub whose submit did nothing, the composer moved
    to a page of its own that posts it): the text is published now. Each origin serves one box (taken from
    ``origins``); none where a page a box came from posted it (a composer moved as it was) — which lost box went
    where is not known, so one that posted keeps every gained box silent."""
    if any(_posted_there(context, origin, box) for origin, box in origins):
        return []
    for path in (stem + s for s in MARKUP if context.exists_at_head(stem + s)):
        facts, old = context.facts_at_head(path), _base_path(context, path)
        before = _base_of(context, path) if old else None
        had = sum(f.subject in POST_INPUTS for f in before.facts) if before is not None else 0
        for box in [f for f in facts.facts if f.subject in POST_INPUTS][had:] if facts is not None else []:
            if not origins:
                return []
            origins.pop(0)
            return [context.finding("upload.user_text", box.subject, path, box.line, scope="file")]
    return []


def _posted_there(context: ProjectContext, origin: str, old_box: Fact) -> bool:
    """Whether the base page ``origin`` posted what its text box ``old_box`` wrote."""
    markup = context.read_base(origin) or ""
    state = field_state(markup, old_box.line) or _stored(context.read_base, origin, markup, old_box.line)
    return _origin_posted(context, origin, state)


def _origin_posted(context: ProjectContext, origin: str, state: frozenset[str]) -> bool:
    """Whether the page of the base markup file ``origin`` posted, before the change, what its text box wrote
    (``state``): a script of its page sent it (:func:`_sent`) or wrote the cloud database."""
    base = at_base(context)
    for script in (page_stem(origin) + s for s in SCRIPTS):
        facts, text = base.facts_at_head(script), base.read_head(script) or ""
        if facts is not None and (cloud_writes(text, script) or baas_writes(text, script)
                                  or _sent(context, script, facts, state, own=True)):
            return True
    return False


def _page_boxes(context: ProjectContext, stem: str) -> list[tuple[str, Fact, Fact]]:
    """(markup file, text box at head, the same box before the change) of each text box of the page ``stem`` that
    the page had: paired with the base box of its kind binding the same field, else the one at its place among
    the boxes of its kind. A page's ``.js`` / ``.ts`` is markup too where it renders JSX (a Taro 1 class page's
    ``<AtTextarea>``, a Taro 3 hooks page in ``index.js``); a native page's script holds no text box."""
    out: list[tuple[str, Fact, Fact]] = []
    for path in (stem + s for s in (*MARKUP, ".js", ".ts") if context.exists_at_head(stem + s)):
        facts, old, before = context.facts_at_head(path), _base_path(context, path), _base_of(context, path)
        if facts is None or before is None or old is None:
            continue
        head_text, base_text = context.read_head(path) or "", context.read_base(old) or ""
        for subject in dict.fromkeys(f.subject for f in facts.facts if f.subject in POST_INPUTS):
            boxes = [f for f in facts.facts if f.subject == subject]
            olds = [f for f in before.facts if f.subject == subject]
            fields = {f.line: bound_fields(base_text, f.line) for f in olds}
            for index, box in enumerate(boxes):
                bound = bound_fields(head_text, box.line)
                pair = next((f for f in olds if bound and fields[f.line] == bound), None) or (
                    olds[index] if index < len(olds) else None)
                out += [(path, box, pair)] if pair is not None else []
    return out


def _posted_before(context: ProjectContext, scripts: list[str], state: frozenset[str]) -> bool:
    """Whether the page of ``scripts`` posted before the change, so that no post of its old text box is new: it
    sent data (:func:`sent_before`, knowing what the box wrote: ``state``); a page that writes the cloud
    database is judged by its writes — it posted before where it wrote before, or where the change adds no write."""
    writes = {script: cloud_write_facts(context, script) for script in scripts}
    if not any(writes.values()):
        return any(sent_before(context, script, state, own=True) for script in scripts)
    added = any(w.line in context.added_lines.get(script, frozenset()) for script in scripts for w in writes[script])
    return not added or any(_wrote_before(context, script) for script in scripts if writes[script])


def _base_path(context: ProjectContext, path: str) -> str | None:
    """The path ``path`` had before the change: its base counterpart when changed (None when added)."""
    return context.counterpart.get(path, path) if path in context.changed_paths else path


def _base_of(context: ProjectContext, path: str) -> FileFacts | None:
    """The facts of ``path`` before the change: as it is when unchanged, else its base counterpart's."""
    if path not in context.changed_paths:
        return context.facts_at_head(path)
    old = context.counterpart.get(path)
    return context.base_facts.get(old) if old else None


def _state_before(context: ProjectContext, path: str, box: Fact, old_box: Fact) -> frozenset[str]:
    """What the text box wrote before the change (:func:`~mp_precheck.readers.textflow.field_state` of the
    base markup at ``old_box``), else what it writes at head (``box``): the names a post of its text carries.
    A box that binds nothing and names its input handler by method (``bindinput="onContent"``) writes what that
    method of the page's base script stores (``this.setData({ content })``, ``this.data.content = value``)."""
    old = _base_path(context, path)
    markup = context.read_base(old) or "" if old else ""
    before = field_state(markup, old_box.line) if old else frozenset()
    return before or field_state(context.read_head(path) or "", box.line) or _stored(context.read_base, old, markup,
                                                                                     old_box.line)


def box_state(context: ProjectContext, path: str, line: int) -> frozenset[str]:
    """What the old text box on ``line`` of ``path`` writes at head: its bound field (``field_state``), else what
    the input handlers it names by method store in the page's head script (:func:`_stored`)."""
    text = context.read_head(path) or ""
    return field_state(text, line) or _stored(context.read_head, path, text, line)


def _stored(read: Callable[[str], str | None], markup_path: str | None, markup: str, line: int) -> frozenset[str]:
    """The page state the input handlers named by the box on ``line`` of ``markup`` store (``bindinput="onContent"``
    → ``this.setData({ content })``, ``this.data.content = value``), in the script beside the markup read by
    ``read`` (the markup itself for a single-file component); empty when none is found."""
    handlers = box_handlers(markup, line) if markup_path else frozenset()
    for script in (page_stem(markup_path) + s for s in SCRIPTS) if handlers and markup_path else ():
        text = markup if script == markup_path else read(script)
        if text:
            return handler_writes(text, script, handlers)[0]
    return frozenset()


def sent_before(context: ProjectContext, script: str, state: frozenset[str], own: bool = False) -> bool:
    """Whether ``script`` sent the text box's data before the change — a request, a cloud call or database
    handle, an upload whose data carries what the box writes (``state``; any upload where that is not seen), a
    call of a project function that does (:func:`_module_sent`) — or did not exist. An upload alone sends
    media, not the box's text: a page that only uploaded its pictures posted nothing of it. With ``own`` (the box
    was there before the change and ``state`` is what it wrote then), a post whose data is seen and holds none of
    ``state`` (a picture's bytes handed to a cloud function, a lookup by id) did not post it either."""
    before = _base_of(context, script)
    if before is None:
        return script in context.changed_paths  # a new script: a new page, whose box is new too
    return _sent(context, _base_path(context, script) or script, before, state, own)


def _sent(context: ProjectContext, old: str, before: FileFacts, state: frozenset[str], own: bool) -> bool:
    """:func:`sent_before` of the base script ``old`` (its facts ``before``)."""
    sends = [f for f in before.facts if f.subject in SENDERS and not reads(f)]
    text, lines = context.read_base(old) or "", [f.line for f in sends]
    weighed = bool(own and state and not _one_field(state))  # the old box's own text: any post may not have carried it
    if any(f.subject in POSTERS for f in sends) and not weighed and not _form_sent(text, old, lines, state):
        return True  # a box of one field of a form object some post sent: its remark goes only where it is seen
    return _carries(text, old, lines, state) or _module_sent(context, old, before, state)


def _carries(text: str, path: str, lines: list[int], state: frozenset[str]) -> bool:
    """Whether a call of ``path`` (its ``text``) on one of ``lines`` carries ``state`` in its data, or may
    (``state`` or the call's data not seen)."""
    if not lines:
        return False
    carried = carried_names(text, path, lines, whole=True) if state else {}
    return not state or any(carried.get(line, state) & state for line in lines)


def _form_sent(text: str, path: str, lines: list[int], state: frozenset[str]) -> bool:
    """Whether ``state`` is that of a box bound to one field of a form object (:func:`_one_field`) and a call of
    ``path`` (its ``text``) on one of ``lines`` is seen to send that object, in part or whole (``{ title:
    form.title }``): only a form the page posted is weighed field by field. Calls that send none of it (a load of
    the form's option lists, ``{ type: 'status' }``) say nothing of the form: the page sent data, as for any box."""
    objects = {name[:-2] for name in state if name.endswith(".*")}
    carried = carried_names(text, path, lines) if objects and lines else {}
    return any(names & objects for names in carried.values())


def _one_field(state: frozenset[str]) -> bool:
    """Whether ``state`` is that of a box bound to one field of a form object (``field_state``: ``form.*``)."""
    return any(name.endswith(".*") for name in state)


def _module_sent(context: ProjectContext, script: str, before: FileFacts, state: frozenset[str]) -> bool:
    """Whether the base ``script`` (its facts ``before``) sent through a method of another project module it
    calls — an imported service's ``submit()``, a store action bound to the page — judged in the base tree as
    :func:`~mp_precheck.analyzers.module_sends.sends_through` judges the head: the method posts data or uploads what the
    box writes. A method found that sends nothing (``saveDraft`` writing the storage) does not, nor one of a
    module that sends and imports nothing (``uuid()``); any other method not found may send (a class the readers
    do not follow). A call into a module no path resolves (an alias) counts as sending."""
    base = at_base(context)
    resolved: set[tuple[int, str]] = set()
    text = base.read_head(script) or ""
    for line, name, _spec, module in module_calls(base, script, before):
        resolved.add((line, name))
        if READ_NAME.match(name.rsplit(".", 1)[-1]) or (
                _one_field(state) and not _carries(text, script, [line], state)):
            continue  # a read, or a call whose arguments are seen to hold none of the box's field
        defined = method_of(base, module, name)
        facts = base.facts_at_head(defined[0]) if defined is not None else None
        if defined is None or facts is None:
            if _pure(base, module) or _plain_function(base, module, name):
                continue
            return True
        span = range(defined[1].first_line, defined[1].last_line + 1)
        sends = [f for f in sending(base, defined[0], facts) if f.line in span]
        if any(f.subject in POSTERS for f in sends) or _carries(
                base.read_head(defined[0]) or "", defined[0], [f.line for f in sends], state):
            return True
    return any((line, name) not in resolved and not READ_NAME.match(name.rsplit(".", 1)[-1])
               and spec.startswith((".", "/", "@")) for spec, name, line in before.imported_calls)


def _plain_function(context: ProjectContext, module: str, name: str) -> bool:
    """Whether ``module`` (read from ``context``) defines the function ``name`` itself (``isEmpty``, a plain
    name, no method of an object): the readers record every function of a module that sends, directly or through
    another of its functions, so one defined there and not recorded computes (a shared ``utils.js`` whose
    ``isEmpty`` sits beside its ``uploadImage``). Not in a module that declares a class (its methods the readers
    do not follow)."""
    text = context.read_head(module) or ""
    if "." in name or handler_params(text, module, name) is None:
        return False
    language = language_for(module)
    root = parse(language, text.encode("utf-8", "replace")).root_node  # the tree handler_params read
    return not nodes_of(root, language, ("class_declaration", "class"))


def _pure(context: ProjectContext, module: str) -> bool:
    """Whether ``module`` (facts from ``context``) neither sends nor imports anything: its functions compute."""
    facts = context.facts_at_head(module)
    return facts is not None and not facts.module_specs and not facts.imported_calls and not any(
        f.subject in SENDERS for f in facts.facts)


def at_base(context: ProjectContext) -> ProjectContext:
    """``context`` whose head queries answer for the base tree: a file's base facts and text, whether it was
    there — so that the base is followed into the modules it called as the head is."""
    def facts(path: str) -> FileFacts | None:
        if path in context.base_facts:
            return context.base_facts[path]
        return None if path in context.changed_paths else context.facts_at_head(path)

    def exists(path: str) -> bool:
        return path in context.base_facts or (path not in context.changed_paths and context.exists_at_head(path))
    return replace(context, facts_at_head=facts, read_head=context.read_base, exists_at_head=exists)


def _wrote_before(context: ProjectContext, script: str) -> bool:
    """Whether ``script`` already wrote to the cloud database (or a BaaS table) before the change."""
    old = context.counterpart.get(script, script)
    text = (context.read_base(old) if old else None) or ""
    return bool(cloud_writes(text, old or script) or baas_writes(text, old or script))
