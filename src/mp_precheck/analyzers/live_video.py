"""Live streaming played in a plain ``<video>``: a broadcast needs its service category whatever plays it.

``<live-player>`` and ``<live-pusher>`` are ``category.live``'s own subjects. A ``<video>`` plays whatever its
``src`` names — a recorded film or a live broadcast — and a live TV or event channel played through it needs a
live-streaming or audio-visual category all the same (社交-直播; 文娱-视频 with its licence: WeChat's service-category
list, https://developers.weixin.qq.com/miniprogram/product/material/). A ``<video>`` a changed template adds (its
file had none before) is a live player when its page, or a changed page that opens it (``wx.navigateTo`` to it,
the query built at run time, or a ``<navigator>``), plays or lists a live source (an HLS ``.m3u8`` or ``.flv``
stream, an RTMP / RTSP URL: ``checks/live_streams.yml``) or says it broadcasts live (a 直播 tag, 热门电视直播 in
its text or title; not 直播回放, a recording). A recorded film (``.mp4``) on a page that says nothing of a
broadcast, and a page that says 直播 with no new player, are not told.

``category.live_stream`` is told once per change, where the user meets the service: the opening page's first
words that say it broadcasts, else its first live source, else the player itself. Nothing where the change
already tells ``category.live`` or the app has a ``<live-player>`` / ``<live-pusher>`` (the category is asked
for already).

Reads: ``head_facts``, ``base_facts``, ``counterpart``, ``read_head``, ``exists_at_head``, ``facts_at_head``,
``present_at_head``, project · ``category.live``.
Writes: adds ``category.live_stream``.
"""

from __future__ import annotations

import posixpath

from mp_precheck.analyzers.context import ProjectContext
from mp_precheck.core.report import Finding
from mp_precheck.notes.pagetitles import page_of, page_title
from mp_precheck.readers.livestreams import live_source, live_text_lines, says_live
from mp_precheck.readers.routes import ROUTE_APIS, markup_routes, route_page, script_routes

RULE = "category.live_stream"
_PLAYER = "<video>"
_LIVE_COMPONENTS = frozenset({"<live-player>", "<live-pusher>"})
_TEMPLATES = (".wxml", ".vue", ".nvue", ".mpx", ".wpy")
_SCRIPTS = (".js", ".ts")
_PAGE_FILES = (*_TEMPLATES, *_SCRIPTS)
Place = tuple[str, int, str]  # (file, line, what says it is live)


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    if any(f.rule in (RULE, "category.live", "category.live_plugin") for f in findings):
        return findings
    players = _new_players(context)
    if not players or context.present_at_head(set(_LIVE_COMPONENTS)):
        return findings
    for template, line in players:
        place = _live_place(context, template, line)
        if place is not None:
            path, at, why = place
            return [*findings, context.finding(RULE, _PLAYER, path, at, value=f"{_PLAYER} {template}:{line} ← {why}")]
    return findings


def _new_players(context: ProjectContext) -> list[tuple[str, int]]:
    """(template, line of its first ``<video>``) of each changed template that had no ``<video>`` before."""
    out = []
    for path in sorted(context.head_facts):
        lines = [f.line for f in context.head_facts[path].facts if f.subject == _PLAYER] \
            if path.endswith(_TEMPLATES) else []
        old = context.counterpart.get(path)
        before = context.base_facts.get(old) if old else None
        if lines and not (before is not None and any(f.subject == _PLAYER for f in before.facts)):
            out.append((path, lines[0]))
    return out


def _live_place(context: ProjectContext, template: str, line: int) -> Place | None:
    """Where the live service of the player at ``template``:``line`` is told (module docstring), None when neither
    its page nor a changed page opening it plays a live source or says it broadcasts."""
    stem = posixpath.splitext(template)[0]
    for page in [*_openers(context, stem), stem]:
        found = _words(context, page) or _source(context, page)
        if found is not None:
            return found if page != stem else (template, line, found[2])  # on the player's own page: the player
    return None


def _words(context: ProjectContext, stem: str) -> Place | None:
    """The first text of the page ``stem``'s template saying it broadcasts live, else its title's (at the text's
    first line: a title lives in the page's configuration)."""
    for suffix in _TEMPLATES:
        text = context.read_head(stem + suffix)
        lines = live_text_lines(text) if text else []
        if lines:
            return stem + suffix, lines[0], "直播"
    project = context.project
    registered = page_of(stem + ".js", project.root, project.pages)
    title = page_title(registered, project.root, project.framework, context.read_head) if registered else None
    template = next((stem + s for s in _TEMPLATES if context.exists_at_head(stem + s)), None)
    return (template, 1, title) if title and template and says_live(title) else None


def _source(context: ProjectContext, stem: str) -> Place | None:
    """The first live-source URL among the page ``stem``'s files (a URL literal: its host fact's value)."""
    for suffix in _PAGE_FILES:
        facts = context.facts_at_head(stem + suffix) if context.exists_at_head(stem + suffix) else None
        url = next((f for f in (facts.facts if facts else ()) if f.kind == "host" and live_source(f.value or "")),
                   None)
        if url is not None:
            return stem + suffix, url.line, url.value or ""
    return None


def _openers(context: ProjectContext, stem: str) -> list[str]:
    """The stems of the changed pages that open the page ``stem`` (a route call or a ``<navigator>``), by path."""
    root = context.project.root
    target = posixpath.relpath(stem, root) if root else stem
    out: set[str] = set()
    for path in context.head_facts:
        own = posixpath.splitext(path)[0]
        if own == stem or not path.endswith(_PAGE_FILES):
            continue
        facts = context.head_facts[path]
        text = context.read_head(path) if path.endswith(_TEMPLATES) or any(
            f.subject.rsplit(".", 1)[-1] in ROUTE_APIS for f in facts.facts) else None
        routes = (markup_routes(text) if path.endswith(_TEMPLATES) else script_routes(text, path)) \
            if text else []
        folder = posixpath.dirname(posixpath.relpath(path, root) if root else path)
        if any(route_page(url, folder) == target for url, _line in routes):
            out.add(own)
    return sorted(out)
