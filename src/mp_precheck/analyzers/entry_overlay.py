"""A login wall laid over the entry page by a component it renders (``login.forced_login``).

An entry page that keeps its content but renders a project component covering the whole screen, whose only
control asks for the profile, the phone number or a login and which shows as the page opens
(``readers/authoverlay.py``: no close control, no way past, not opened by a tap), lets no one use the app
before authorizing: forced authorization before any experience, though the page itself is no login page.
Reported in the component at its covering element when the change makes it such a wall (a new component, or one
that was none), and at the entry page's tag when the component was that wall already and the change makes the
entry page render it: the reviewer is told the page that now shows it. A wall the entry page already rendered at
the merge base, a dismissible popup and one opened by a tap stay silent. The entry page's own tag may carry a
condition: its flag is read in the page's script the same way, and then the page decides when the wall goes up,
so the finding goes to that tag in the page.

The entry page's own template may lay the same mask over its content (``readers/authmask.py``: an element of the
page covering the screen, by the page's style sheet or its inline style, holding only the ask, shown as the page
opens: ``wx:if="{{!userInfo.nickName}}"``); it is told at that element when the change adds it. A page that is
an authorization page as a whole with no tab bar leading past it is left to ``login.login_first_page``
(``analyzers/auth_entry.py``).

Source: https://developers.weixin.qq.com/miniprogram/product/index.html (请在用户了解体验小程序功能后，再要求用户进行
帐号登录; operations rules 15.1.3) and https://developers.weixin.qq.com/miniprogram/dev/framework/custom-component/.

Reads: ``project``, ``changed_paths``, ``counterpart``, ``read_head``, ``read_base``, ``exists_at_head``,
``facts_at_head`` · ``login.forced_login``.
Writes: adds ``login.forced_login`` (subject ``login:entry-page:overlay:<component>``, scope ``file``) in the
component, or at the page's tag when a condition of the page's shows it or the component was the wall before;
``login:entry-page:overlay:<page>`` at the page's own mask.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable

from mp_precheck.analyzers.auth_entry import TEMPLATE_SUFFIXES, entry_before, page_ask, tabbed
from mp_precheck.analyzers.context import ProjectContext, as_shipped
from mp_precheck.analyzers.missing_pages import registry_file
from mp_precheck.analyzers.rendered import component_file, component_uses, registered_components
from mp_precheck.core.report import Finding
from mp_precheck.facts.scope import page_sources
from mp_precheck.facts.store import ExistingPaths
from mp_precheck.readers.authmask import mask
from mp_precheck.readers.authoverlay import FIXED, Element, Overlay, elements, overlay, shown_on_load
from mp_precheck.readers.componentuses import is_sfc, tag_key
from mp_precheck.readers.sfc import split_blocks
from mp_precheck.readers.styleimports import candidates, imports

RULE = "login.forced_login"
Reader = Callable[[str], "str | None"]
_NATIVE = (".wxml", ".wxss", ".js", ".ts")  # a native component's template, style and script beside each other
_IMPORTS = 2  # sheets imported by imported sheets: a component's sheet imports its own, which imports the theme


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    context = as_shipped(context)  # code only another platform runs is no wall a WeChat user meets
    project = context.project
    registry = registry_file(project)
    entry = project.entry_page
    if not entry:
        return findings
    before = entry_before(context, registry) if registry is not None else entry  # a class-config app: same entry
    tree = ExistingPaths(context.exists_at_head)
    registered = registered_components(context)
    out = list(findings)
    told = {(f.path, f.subject) for f in findings if f.rule == RULE}
    for page in sorted(page_sources(project, entry, TEMPLATE_SUFFIXES)):
        out.extend(_own_mask(context, entry, page, before, told))
        for spec, tag, _line in component_uses(context.read_head, page, registered):
            target = component_file(context, page, spec, tag, tree)
            if target is None or (before == entry and not {page, *_files(target)} & context.changed_paths):
                continue
            wall = _wall(context.read_head, target)
            subject = f"login:entry-page:overlay:{posixpath.splitext(target)[0]}"
            shown = _shown_on_open(context.read_head, page, tag) if wall is not None else None
            if wall is None or shown is None or (target, subject) in told or \
                    _walled_before(context, before, tag, target):
                continue
            told.add((target, subject))
            # Told at the page's tag when the page decides when its own condition on the tag puts the wall up, or
            # when the component was that wall before and the change makes the entry page render it (the page is
            # what changed: the component file may be untouched); at the wall when the change makes the wall.
            at_tag = shown.conditions or _was_wall(context, target)
            path, line = (page, shown.line) if at_tag else (_template_path(target), wall.line)
            out.append(context.finding(RULE, subject, path, line, scope="file",
                                       value=f"{entry} renders <{tag}>: {wall.what} over the whole page"))
    return out


def _own_mask(context: ProjectContext, entry: str, page: str, before: str | None,
              told: set[tuple[str, str]]) -> list[Finding]:
    """The finding for a full-screen authorization mask the template ``page`` of the entry page ``entry`` lays
    over its content (``readers/authmask.py``) when the change adds it: the page's files (or the entry) changed
    and the entry page at the merge base (``before``) had no such mask."""
    subject = f"login:entry-page:overlay:{posixpath.splitext(page)[0]}"
    if (page, subject) in told or (before == entry and not _files(page) & context.changed_paths):
        return []
    registry = registry_file(context.project)
    if page_ask(context, entry, context.read_head)[1] is not None and registry is not None and \
            not tabbed(context.read_head(registry), registry, entry):
        return []  # the whole page is an authorization page nothing leads past: the entry rule tells it
    found = _mask(context.read_head, page)
    if found is None or _masked_before(context, before):
        return []
    told.add((page, subject))
    return [context.finding(RULE, subject, page, found.line, scope="file",
                            value=f"{entry}: {found.what} over the whole page")]


def _masked_before(context: ProjectContext, before: str | None) -> bool:
    """Whether the entry page at the merge base (``before``) already laid such a mask over itself, fixed or
    absolutely positioned over the page at full size (a change from ``absolute`` to ``fixed`` restyles it)."""
    if before is None:
        return False
    olds = (context.counterpart.get(p, p) for p in page_sources(context.project, before, TEMPLATE_SUFFIXES))
    return any(old is not None and _mask(context.read_base, old, (*FIXED, "absolute")) is not None for old in olds)


def _mask(read: Reader, page: str, positions: tuple[str, ...] = FIXED) -> Overlay | None:
    """The authorization mask the page template ``page`` (read with ``read``) lays over itself, with its style
    sheet and script beside it (a single-file component's own blocks); ``positions`` as in
    :func:`~mp_precheck.readers.authmask.mask`."""
    parts = _parts(read, page, page)
    return mask(*parts, positions) if parts is not None else None


def _parts(read: Reader, path: str, template: str | None = None) -> tuple[str, str, str, str | None, str] | None:
    """(template text, its path, the style sheets' text, the script, its path) of the page or component ``path``
    (a single-file component's own blocks, or a native one's files beside each other: its ``template``, by
    default the ``.wxml``), read with ``read``; the sheets come with the project sheets they import
    (``@import "page.scss"``, ``<style src>``). None without a template."""
    stem = posixpath.splitext(path)[0]
    template = path if is_sfc(path) else template or stem + ".wxml"
    text = read(template)
    if text is None:
        return None
    if not is_sfc(path):
        style, js, ts = (read(stem + suffix) for suffix in (".wxss", ".js", ".ts"))
        return text, template, _with_imports(read, [(style or "", stem + ".wxss")]), js if js is not None else ts, \
            stem + (".js" if js is not None else ".ts")
    blocks = split_blocks(text)
    script = next((b for b in blocks if b.tag == "script"), None)
    lang = ".ts" if script is not None and script.attrs.get("lang") in ("ts", "tsx") else ".js"
    sheets = [(f'@import "{b.attrs["src"]}";' if b.attrs.get("src") else b.text, path) for b in blocks
              if b.tag == "style"]
    return text, path, _with_imports(read, sheets), script.text if script is not None else None, path + lang


def _with_imports(read: Reader, sheets: list[tuple[str, str]]) -> str:
    """The text of ``sheets`` ((text, path) pairs) and of the project sheets they import, :data:`_IMPORTS` deep,
    each once."""
    out: list[str] = []
    pending = [(text, path, _IMPORTS) for text, path in sheets]
    seen: set[str] = set()
    while pending:
        text, path, depth = pending.pop(0)
        out.append(text)
        for spec in imports(text) if depth > 0 else ():
            found = next(((c, t) for c in candidates(path, spec) if c not in seen and (t := read(c)) is not None),
                         None)
            if found is not None:
                seen.add(found[0])
                pending.append((found[1], found[0], depth - 1))
    return "\n".join(out)


def _files(component: str) -> set[str]:
    """The files that make the component: a single-file component, or a native one's four."""
    stem = posixpath.splitext(component)[0]
    return {component} if is_sfc(component) else {component, *(stem + suffix for suffix in _NATIVE)}


def _template_path(component: str) -> str:
    return component if is_sfc(component) else posixpath.splitext(component)[0] + ".wxml"


def _wall(read: Reader, component: str) -> Overlay | None:
    """The login wall the component file ``component`` is, read with ``read`` (head or base)."""
    parts = _parts(read, component)
    return overlay(*parts) if parts is not None else None


def _shown_on_open(read: Reader, page: str, tag: str) -> Element | None:
    """The page's ``<tag>`` it shows as it opens (the conditions on the tag and its ancestors let it show, read
    against the page's script), or None."""
    text = read(page)
    if text is None:
        return None
    script, script_path = None, page
    if is_sfc(page):
        blocks = split_blocks(text)
        template = next((b for b in blocks if b.tag == "template"), None)
        found = next((b for b in blocks if b.tag == "script"), None)
        body, offset = (template.text, template.line_offset) if template is not None else ("", 0)
        script, script_path = (found.text if found is not None else None), page + ".js"
    else:
        body, offset = text, 0
        stem = posixpath.splitext(page)[0]
        script, script_path = next(((t, stem + s) for s in (".js", ".ts") if (t := read(stem + s)) is not None),
                                   (None, page))
    uses = [e for e in elements(body, offset) if tag_key(e.tag) == tag_key(tag)]
    return next((e for e in uses if not e.conditions or shown_on_load(e.conditions, script, script_path)), None)


def _walled_before(context: ProjectContext, before: str | None, tag: str, target: str) -> bool:
    """Whether the entry page at the merge base already rendered the same component as a login wall."""
    if before is None:
        return False
    registered = registered_components(context)
    pages = (context.counterpart.get(p, p) for p in sorted(page_sources(context.project, before, TEMPLATE_SUFFIXES)))
    rendered = any(tag_key(t) == tag_key(tag) for page in pages if page
                   for _spec, t, _line in component_uses(context.read_base, page, registered))
    return rendered and _was_wall(context, target)


def _was_wall(context: ProjectContext, target: str) -> bool:
    """Whether the component file ``target`` (its base version: a renamed one at its old path) was a login wall at
    the merge base."""
    old = context.counterpart.get(target, target)
    return old is not None and _wall(context.read_base, old) is not None
