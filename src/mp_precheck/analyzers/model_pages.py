"""Generative AI told by the model a page names: its own words, and a request the change adds.

A page that takes the user's question in a text box, posts it to the app's own server (``wx.request`` to ``/ask``)
and names the model that answers — ChatGPT, DeepSeek, 文心一言, an AI 助手 or 智能问答 in its template's text or
labels, or its navigation bar title — offers generative AI, whatever host serves it: WeChat review files AI 问答
under the 深度合成 categories (DEEPSYN in docs/wechat-platform.md;
https://developers.weixin.qq.com/minigame/dev/wxcloud/guide/extensions/extend/ai.html, 常见问题 4.1). No SDK or
vendor host tells this one (readers/modelservices.py), and its answers need not be a conversation's turns
(readers/modelchat.py): the page's words do (readers/modelpages.py, ``page_names`` of checks/model_services.yml).

``category.generative_ai`` (subject ``sdk:generative-ai``, scope app) is told once, at the first ``wx.request`` a
changed page script adds (through a project wrapper too), when all of these hold:

* the request is not made as the page opens (``onLoad``, ``onShow``, ``created``…: readers/openingsends.py);
* the page's own words name a model its base version did not name (a new page, a new title or label);
* the page's template, or a component its JSON uses by a project path, holds a box the user types into;
* nothing names customer service (客服) there: the operator's staff answer, no model;
* the change tells no generative AI already and the app holds none elsewhere (the category is asked for already).

A page naming AI in prose with no box or no new request, a box posting to a page with no model named (a search, a
comment), and a model named only in a comment or a script's log are not told.

Reads: ``head_facts``, ``added_lines``, ``read_head``, ``read_base``, ``present_at_head``, ``project`` ·
``category.generative_ai``.
Writes: adds ``category.generative_ai``.
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Callable

from mp_precheck.analyzers.context import ProjectContext
from mp_precheck.core.report import Finding
from mp_precheck.notes.pagetitles import page_of, page_title
from mp_precheck.readers.modelpages import model_named, template_words
from mp_precheck.readers.openingsends import opening_lines

RULE = "category.generative_ai"
SUBJECT = "sdk:generative-ai"  # readers/modelservices.py's subject: the same category, told once
_SENDS = frozenset({"wx.request"})
_SINGLE_FILE = (".vue", ".mpx", ".wpy", ".nvue")  # template and script in one file
_SCRIPTS = (".js", ".ts")
_STAFF = ("客服", "kefu", "customer service")
Read = Callable[[str], str | None]


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    if any(f.rule == RULE for f in findings):
        return findings
    for path in sorted(context.head_facts):
        if not path.endswith(_SCRIPTS + _SINGLE_FILE):
            continue
        added = context.added_lines.get(path, frozenset())
        sends = sorted(f.line for f in context.head_facts[path].facts
                       if f.kind == "api" and f.subject in _SENDS and f.line in added)
        if not sends:
            continue
        named = _new_name(context, path)
        if named is None or not _has_box(context, path):
            continue
        opening = opening_lines(context.read_head(path) or "", path, sends)
        sends = [line for line in sends if line not in opening]  # as the page opens: nothing typed goes out
        if not sends:
            continue
        if context.present_at_head({SUBJECT}):
            return findings  # the app offers generative AI elsewhere already: the category is asked for
        where, name = named
        value = f"{name} ({where}) → {path}:{sends[0]}"
        return [*findings, context.finding(RULE, SUBJECT, path, sends[0], value=value)]
    return findings


def _template(path: str) -> str:
    """The template of the page or component whose script is ``path``: the file itself for a single-file one."""
    return path if path.endswith(_SINGLE_FILE) else posixpath.splitext(path)[0] + ".wxml"


def _names(context: ProjectContext, path: str, read: Read) -> tuple[list[tuple[int, str]], str | None, str]:
    """(names by line in the template, the name the navigation bar title holds, the whole words read) of the page
    whose script is ``path``, read with ``read`` (head or base)."""
    text = read(_template(path)) or ""
    lines, _box = template_words(text) if text else ([], False)
    project = context.project
    stem = posixpath.splitext(path)[0]
    root = project.root
    registered = page_of(path, root, project.pages)
    own = registered is not None and posixpath.join(root, registered) == stem
    title = page_title(registered, root, project.framework, read) if own and registered else None
    return lines, model_named(title) if title else None, f"{text}\n{title or ''}"


def _new_name(context: ProjectContext, path: str) -> tuple[str, str] | None:
    """(where, name) of a model name the page's words hold at head that they did not hold at base; None when they
    hold none new, or name customer service."""
    lines, titled, words = _names(context, path, context.read_head)
    if not lines and titled is None:
        return None
    if any(w in words.lower() for w in _STAFF):
        return None
    old_lines, old_title, _ = _names(context, path, context.read_base)
    old = {name for _line, name in old_lines} | ({old_title} if old_title else set())
    template = _template(path)
    fresh = [(f"{template}:{line}", name) for line, name in lines if name not in old]
    if titled is not None and titled not in old:
        fresh.append(("navigationBarTitleText", titled))
    return fresh[0] if fresh else None


def _has_box(context: ProjectContext, path: str) -> bool:
    """Whether the page's template, or one of the components its JSON uses by a project path, holds a text box."""
    text = context.read_head(_template(path))
    if text and template_words(text)[1]:
        return True
    if path.endswith(_SINGLE_FILE):
        return False
    stem = posixpath.splitext(path)[0]
    try:
        config = json.loads(context.read_head(stem + ".json") or "{}")
    except ValueError:
        return False
    using = config.get("usingComponents") if isinstance(config, dict) else None
    for spec in (using.values() if isinstance(using, dict) else ()):
        if not isinstance(spec, str) or not spec.startswith(("./", "../", "/")):
            continue  # a package's component (a kit's text box is a tag of the page's own template)
        target = posixpath.normpath(posixpath.join(context.project.root, spec[1:]) if spec.startswith("/")
                                    else posixpath.join(posixpath.dirname(stem), spec))
        for candidate in (target + ".wxml", target + "/index.wxml"):
            used = context.read_head(candidate)
            if used and template_words(used)[1]:
                return True
    return False
