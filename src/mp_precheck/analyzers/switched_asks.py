"""An ask that did not move: a privacy button one page drops while another page's own control starts asking.

The semantic diff reports nothing when a change removes ``<button open-type="getUserInfo">`` from one page and
adds one to another: the app asks in as many places as before, as when the button and its callback move between
files. That holds only when the ask moved. It did not, and the user meets the prompt on a page that never asked
for it, when the page that gains the button:

- turns one of its own controls into the ask: the new button's callback is a handler its template already bound
  before the change (``<view bindtap="login">`` becoming ``<button open-type="getUserInfo"
  bindgetuserinfo="login">``), so the callback did not come with the button; or
- shows a label none of the dropped buttons showed (微信一键登录 gone from a login page, 微信头像 new on a profile
  page): another control, telling the user another purpose (``readers/asklabels.py``); a button or a dropped one
  with no label of its own (an icon) tells nothing, and neither does a new label on a button whose callback came
  with the calls it made on the page that lost it (授权 become 获取: the ask moved, relabelled); or
- gains it while the page that lost it asks for something else in its place (a login page's profile button
  swapped for a phone-number button, the profile button showing up on another page): each page now asks for
  data it did not ask for.

Such a button gets the finding of scope file the semantic diff would give a new call site. A page the change adds
(a login page the button moved to with its callback), a page whose template already had a button of the same
``open-type``, a button whose callback arrived with it from the page that lost it, and a button moved out of a
component into the page that renders it (the same page to the user; unless the component asks for something
else in its place) stay silent.

Source: https://developers.weixin.qq.com/miniprogram/dev/component/button.html (``open-type`` and the
``bindgetuserinfo`` / ``bindgetphonenumber`` callbacks that receive the data).

Reads: ``head_facts``, ``base_facts``, ``counterpart``, ``added_lines``, ``read_head``, ``read_base``, ``catalog``,
``project`` (its root)
· privacy findings on ``button[open-type=*]``.
Writes: adds a privacy finding of scope file (the button's catalog rule) at each such button.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping

from mp_precheck.analyzers.context import ProjectContext
from mp_precheck.analyzers.dead_ui import SCRIPT_SUFFIXES, template_handlers
from mp_precheck.analyzers.rendered import component_uses
from mp_precheck.core.lazyre import lazy
from mp_precheck.core.report import Finding
from mp_precheck.core.semantic_diff import counted
from mp_precheck.facts.model import Fact, FileFacts
from mp_precheck.readers.asklabels import ask_labels, label_at
from mp_precheck.readers.callshape import passes_something
from mp_precheck.readers.handlers import event_of

_BUTTON = lazy(r"^button\[open-type=(\w+)\]$")


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    head = {path: _buttons(facts) for path, facts in context.head_facts.items()}
    olds = {path: context.counterpart.get(path) or "" for path in head}
    base = {path: _buttons(context.base_facts[old]) if old in context.base_facts else None
            for path, old in olds.items()}
    lost = {path: set(base_buttons) - set(head[path]) for path, base_buttons in base.items() if base_buttons}
    if not any(lost.values()):
        return findings
    told = {(f.path, f.subject) for f in findings if f.family == "privacy"}
    added: list[Finding] = []
    for path, buttons in sorted(head.items()):
        before = base[path]
        if before is None:
            continue  # a page the change adds: the button came with it
        for kind in sorted(set(buttons) - set(before)):
            others = [p for p, gone in lost.items() if kind in gone and p != path]
            facts = [f for f in buttons[kind] if f.line in context.added_lines.get(path, frozenset())]
            if not others or not facts or any((path, f.subject) in told for f in facts):
                continue
            swapped = any(set(head[p]) - set(base[p] or {}) for p in others)
            other = _own_control(context, path, kind) or (_relabelled(context, path, kind, facts[0], others)
                                                           and not _carried(context, path, kind, others))
            if swapped or (other and not _renders(context, path, others)):
                added += _told(context, path, facts[0])
    return findings + added


def _buttons(file_facts: FileFacts) -> dict[str, list[Fact]]:
    """open-type, lower case → the counted facts of buttons with it in a file."""
    out: dict[str, list[Fact]] = {}
    for fact in file_facts.facts:
        match = _BUTTON.match(fact.subject)
        if match and counted(fact):
            out.setdefault(match.group(1).lower(), []).append(fact)
    return out


def _own_control(context: ProjectContext, path: str, kind: str) -> bool:
    """Whether a callback of an ``open-type`` ``kind`` button in ``path`` at head is a handler the base template of
    the same file already bound to another event (one of the page's own controls now asks)."""
    head = template_handlers(path, context.read_head, defined=context.script_names)
    old = context.counterpart.get(path)
    base = template_handlers(old, context.read_base, defined=context.script_names) if old else None
    if not head or not base:
        return False
    callbacks = {b.handler for b, _defined in head if event_of(b.attribute) == kind}
    return bool(callbacks & {b.handler for b, _defined in base if event_of(b.attribute) != kind})


def _relabelled(context: ProjectContext, path: str, kind: str, fact: Fact, others: list[str]) -> bool:
    """Whether the new ``kind`` button ``fact`` in ``path`` shows a label none of the ``kind`` buttons the pages
    ``others`` dropped showed (微信一键登录 gone from a login page, 设为头像 on a profile page): another control, asking
    for another purpose, not the old one moved. A button without a label, or dropped ones without, tells nothing."""
    text = context.read_head(path)
    label = label_at(ask_labels(text, path), kind, fact.line) if text is not None else None
    if not label:
        return False
    dropped: set[str] = set()
    for other in others:
        old = context.counterpart.get(other) or other
        before = context.read_base(old)
        dropped |= {a.label for a in ask_labels(before, old) if a.open_type == kind} if before is not None else set()
    return bool(dropped) and "" not in dropped and label not in dropped


def _carried(context: ProjectContext, path: str, kind: str, others: list[str]) -> bool:
    """Whether the callback of a ``kind`` button in ``path`` arrived from one of the pages ``others`` with the calls
    it makes: the base script of such a page made, in a function of the callback's name, a call of the same shape
    (``FileFacts.call_shapes``: the same API passed the same arguments; a call passing nothing tells nothing) that
    the script of ``path`` makes now and that page's script makes no more. The ask moved with its handler
    (授权 on a login page becoming 获取 beside a form's phone field), whatever the button now reads."""
    head = template_handlers(path, context.read_head, defined=context.script_names)
    callbacks = {b.handler for b, defined in head or [] if defined and event_of(b.attribute) == kind}
    arrived = _shapes(context.head_facts.get(_script(path, context.head_facts) or ""), callbacks)
    for other in others if arrived else []:
        old = context.counterpart.get(other) or other
        before = _shapes(context.base_facts.get(_script(old, context.base_facts) or ""), callbacks)
        staying = _shapes(context.head_facts.get(_script(other, context.head_facts) or ""), callbacks)
        if (before - staying) & arrived:
            return True
    return False


def _script(template: str, facts: Mapping[str, FileFacts]) -> str | None:
    """The script of the page or component whose template is ``template`` among the changed files ``facts``."""
    stem = posixpath.splitext(template)[0]
    return next((stem + suffix for suffix in SCRIPT_SUFFIXES if stem + suffix in facts), None)


def _shapes(file_facts: FileFacts | None, functions: set[str]) -> set[tuple[str, str]]:
    """(subject, shape) of the calls passing arguments that ``file_facts`` makes in the functions ``functions``."""
    if file_facts is None:
        return set()
    return {(f.subject, shape) for f in file_facts.facts if (shape := file_facts.call_shapes.get(f.line))
            and shape.partition(":")[0] in functions and passes_something(shape)}


def _renders(context: ProjectContext, path: str, others: list[str]) -> bool:
    """Whether the page at ``path`` renders one of ``others`` as a component, before or after the change: a button
    moved out of a component into the page that shows it is asked on the same page (the page the user sees is the
    page and the components it renders)."""
    old = context.counterpart.get(path)
    uses = component_uses(context.read_head, path, {}) + (component_uses(context.read_base, old, {}) if old else [])
    stems = {posixpath.splitext(p)[0].removesuffix("/index") for p in others}
    folder = posixpath.dirname(path)
    for spec, _tag, _line in uses:
        named = spec.removeprefix("~").removeprefix("@/").lstrip("/") if not spec.startswith(".") else \
            posixpath.normpath(posixpath.join(folder, spec))
        root = context.project.root
        for target in {named, posixpath.join(root, named) if root else named, posixpath.join("src", named)}:
            if posixpath.splitext(target)[0].removesuffix("/index") in stems:
                return True
    return False


def _told(context: ProjectContext, path: str, fact: Fact) -> list[Finding]:
    """The findings of a new call site of the button ``fact`` at ``path``, one per privacy rule of its subject."""
    rules = [r for r in context.catalog.rules_for(fact.subject) if r.family == "privacy"]
    return [context.finding(r.id, fact.subject, path, fact.line, scope="file", privacy_key=r.privacy_key)
            for r in rules]
