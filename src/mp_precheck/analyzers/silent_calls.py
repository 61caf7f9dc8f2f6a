"""Calls of project functions that send nothing: the page's call of a module's function the readers follow to its
definition, whose body — with the functions of its file it runs and the project functions it imports — reaches no
request, cloud call, database write, upload or socket. A forum kept on the phone (``drafts.keep(post)``
writing ``wx.setStorageSync``), a filter over a loaded list (``sortedByDate(list)``) publish
nothing to other users, whatever the function is called: data leaves the phone only by such a call
(https://developers.weixin.qq.com/miniprogram/dev/api/network/request/wx.request.html; local storage stays on the
device, https://developers.weixin.qq.com/miniprogram/dev/api/storage/wx.setStorageSync.html).

Where the definition is not seen whole the call may send, as a wrapper no reader follows does
(:func:`~mp_precheck.analyzers.senders.unresolved_posts`): a function not found, a package's function or one of a
module that imports a package (``import { cloud } from '@tarojs/taro'``), a method of a class (its ``this.api``
calls are not followed), a function that calls what it is handed (``withApi(api.create)``), one that picks its API
by name or forwards to a namespace.

Reads: ``facts_at_head``, ``read_head``, ``exists_at_head`` of the script and the modules it reaches.
"""

from __future__ import annotations

from collections.abc import Iterable

from mp_precheck.analyzers.context import ProjectContext
from mp_precheck.analyzers.reached import method_of, module_calls
from mp_precheck.analyzers.senders import CHAT, SENDERS, sending
from mp_precheck.facts.model import Export
from mp_precheck.facts.store import ExistingPaths, resolve_module
from mp_precheck.readers.relay import handler_params
from mp_precheck.readers.syntax import language_for, node_text, nodes_of, parse

_DEPTH = 3  # project modules followed below the page's call: a store, its helpers, their data module


def silent_lines(context: ProjectContext, script: str, lines: Iterable[int]) -> frozenset[int]:
    """The ``lines`` of ``script`` (read in ``context``'s head) whose call of a project function is seen to send
    nothing (module docstring). A line with no such call, or one whose definition is not seen whole, is left out."""
    wanted = set(lines)
    facts = context.facts_at_head(script) if wanted else None
    quiet: dict[int, bool] = {}
    for line, name, _spec, module in module_calls(context, script, facts, stores=False):
        if line in wanted and quiet.get(line, True):  # every project call of the line must be quiet
            quiet[line] = _quiet(context, module, name, 0, set())
    tree = ExistingPaths(context.exists_at_head)
    # a line that also calls a package's function (or one no path resolves) may send through it
    loud = {line for spec, _name, line in (facts.imported_calls if facts is not None else ())
            if line in quiet and resolve_module(script, spec, tree) is None}
    return frozenset(line for line, held in quiet.items() if held and line not in loud)


def _quiet(context: ProjectContext, module: str, name: str, depth: int, seen: set[tuple[str, str]]) -> bool:
    """Whether the function ``name`` of ``module`` is found and reaches no sending call (module docstring)."""
    if (module, name) in seen:
        return True  # a recursion: judged where it began
    seen.add((module, name))
    defined = method_of(context, module, name)
    facts = context.facts_at_head(defined[0] if defined is not None else module)
    if facts is None or depth > _DEPTH or _in_class(context, module if defined is None else defined[0]):
        return False
    spans: tuple[tuple[int, int], ...]
    if defined is None:  # the readers record no function of a module that calls no API: one defined there computes
        if handler_params(context.read_head(module) or "", module, name) is None or "." in name:
            return False
        path, spans = module, ((1, 1 << 30),)  # none of its functions sends: what it imports is weighed whole
    else:
        path, export = defined
        if _dynamic(export) or _sends(export):
            return False
        spans = (*export.ranges(), *export.reaches)
    tree = ExistingPaths(context.exists_at_head)
    if any(resolve_module(path, spec, tree) is None for spec in facts.module_specs):
        return False  # a package's function (``cloud.callFunction`` of a framework) the readers may not see called
    if _calls_handed(context, path, name) or any(
            any(first <= f.line <= last for first, last in spans) for f in sending(context, path, facts)):
        return False
    inner = [(spec, called) for spec, called, line in facts.imported_calls
             if any(first <= line <= last for first, last in spans)]
    for spec, called in inner:
        target = resolve_module(path, spec, tree)
        if target is None or not _quiet(context, target, called, depth + 1, seen):
            return False
    return True


def _dynamic(export: Export) -> bool:
    """Whether the function picks its API at run time (by a parameter's name, a forwarded namespace) or is an action
    dispatched or handed back: what it calls is not all in its body's subjects."""
    return bool(export.named or export.forwards or export.dispatched or export.handed)


def _sends(export: Export) -> bool:
    """Whether the subjects the function reaches (every branch's) include a sending API."""
    subjects = {*export.subjects, *(s for _c, held in export.choices for s in held),
                *(s for flag in export.flags for s in (*flag[2], *flag[3]))}
    return any(s in SENDERS or s in CHAT or s.startswith("wx.cloud.") for s in subjects)


def _in_class(context: ProjectContext, path: str) -> bool:
    """Whether the module at ``path`` declares a class: its methods' ``this.*`` calls the readers do not follow."""
    text = context.read_head(path) or ""
    language = language_for(path)
    return bool(nodes_of(parse(language, text.encode("utf-8", "replace")).root_node, language,
                         ("class_declaration", "class")))


def _calls_handed(context: ProjectContext, path: str, name: str) -> bool:
    """Whether the function ``name`` of ``path`` calls one of its parameters (``withApi(fn)`` running ``fn(body)``):
    what it sends is what its caller hands it. True where its parameters are not read."""
    text = context.read_head(path) or ""
    found = handler_params(text, path, name.rpartition(".")[2], whole=True)
    if found is None:
        return True
    span, params = found
    body = "\n".join(text.splitlines()[span.start - 1:span.stop - 1])
    language = language_for(path)
    for call in nodes_of(parse(language, body.encode("utf-8", "replace")).root_node, language, ("call_expression",)):
        callee = call.child_by_field_name("function")
        if callee is not None and callee.type == "member_expression" \
                and node_text(callee.child_by_field_name("property")) in ("call", "apply"):
            callee = callee.child_by_field_name("object")  # fn.call(this, body)
        if callee is not None and callee.type == "identifier" and node_text(callee) in params:
            return True
    return False
