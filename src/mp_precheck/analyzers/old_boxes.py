"""Old text boxes the change publishes: a ``<textarea>`` / ``<editor>`` a changed page already had, on a page that
did not post it before, is published where the change adds a post that carries what the box writes — a 发布
button that only showed a toast now posts through ``addCircles(params)``, a composer starts writing the cloud
database (``db.collection('posts').add({ data })``), a description now goes up with its image in the upload's form
data. One path for every such box, weighed by what the post carries (``readers/textflow.py``):
a post whose data is seen and holds none of the box's text (a like counter's update) publishes nothing of it.
Posting and the UGC declaration: https://developers.weixin.qq.com/doc/oplatform/openApi/miniprogram-management/code-management/api_submitaudit
"""

from __future__ import annotations

from mp_precheck.analyzers.context import ProjectContext
from mp_precheck.analyzers.senders import (
    MARKUP,
    POST_INPUTS,
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
from mp_precheck.readers.cloudwrites import cloud_writes
from mp_precheck.readers.textflow import carried_names


def carrying(context: ProjectContext, script: str, post: Fact | None, state: frozenset[str]) -> Fact | None:
    """``post`` when it carries what the text box writes (``state``), or when that is not seen (no state, no
    readable call there); None when its data is seen and holds none of it (a like counter's update)."""
    if post is None or not state:
        return post
    carried = carried_names(context.read_head(script) or "", script, [post.line])
    return post if carried.get(post.line, state) & state else None


def carrier(context: ProjectContext, script: str, state: frozenset[str]) -> Fact | None:
    """The first sending call of ``script`` whose data is seen to carry ``state`` (an upload whose form data
    holds the text box's description), or None: where an old box's text leaves with a file, that is its post."""
    facts = context.facts_at_head(script)
    sends = sending(context, script, facts) if facts is not None and state else []
    carried = carried_names(context.read_head(script) or "", script, [f.line for f in sends]) if sends else {}
    return next((f for f in sends if carried.get(f.line, frozenset()) & state), None)


def old_boxes(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    """``upload.user_text`` (scope file) at each ``<textarea>`` / ``<editor>`` that a changed page already had,
    where the page did not post before (:func:`_posted_before`): the text box is old, its publication may be new
    — ``ugc`` keeps it only at a post that carries what the box writes (:func:`carrying`, :func:`carrier`: a 发布
    button that only showed a toast now posts through ``addCircles(params)``, a composer that starts writing the
    cloud database).
    A page whose box ``upload.user_text`` already reports is left as it is."""
    reported = {page_stem(f.path) for f in findings if f.rule == "upload.user_text"}
    out: list[Finding] = []
    for stem in sorted({page_stem(p) for p in context.changed_paths} - reported):
        files = [stem + s for s in MARKUP if context.exists_at_head(stem + s)]
        box = next(((path, f) for path in files if (facts := context.facts_at_head(path)) is not None
                    for f in facts.facts if f.subject in POST_INPUTS), None)
        if box is None or not _had_box(context, box[0], box[1].subject):
            continue
        if not _posted_before(context, [stem + s for s in SCRIPTS if context.exists_at_head(stem + s)]):
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
    return any(f.subject in SENDERS and not reads(f) for f in before.facts) or any(
        not READ_NAME.match(name.rsplit(".", 1)[-1]) and spec.startswith((".", "/", "@"))
        for spec, name, _line in before.imported_calls)


def _wrote_before(context: ProjectContext, script: str) -> bool:
    """Whether ``script`` already wrote to the cloud database before the change."""
    old = context.counterpart.get(script, script)
    text = (context.read_base(old) if old else None) or ""
    return ".collection(" in text and bool(cloud_writes(text, old or script))
