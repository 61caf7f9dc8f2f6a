"""A login wall a JSX entry page lays over itself through a component it renders (``login.forced_login``).

The JSX form (Taro, Remax: a React class or function component) of ``analyzers/entry_overlay.py``: the entry
page renders a project component whose render tree (``readers/jsxlayers.py``) is an authorization page
(``readers/authpage.py``: its only control asks for the profile, the phone number or a login; no close control,
no way past) inside an element that covers the screen — ``position: fixed`` at full size, or ``absolute`` at
full size when the page renders the component at its own top level, laid out against the page — by a class of
the style sheets the component imports or its inline style, shown as the page opens (the conditions on the
covering element and on the page's tag read against the ``state`` of each:
:func:`~mp_precheck.readers.authoverlay.shown_on_load`). Nobody uses the app before authorizing: forced
authorization before any experience. A popup with a close control, one opened by a tap, and a wall the entry
page already rendered at the merge base stay silent.

Told at the page's tag when a condition of the page's shows it or the component was the wall before; at the
covering element of the component otherwise.
Source: https://developers.weixin.qq.com/miniprogram/product/index.html (请在用户了解体验小程序功能后，再要求用户进行
帐号登录; operations rules 15.1.3).

Reads: ``project``, ``changed_paths``, ``counterpart``, ``read_head``, ``read_base``, ``exists_at_head`` ·
``login.forced_login``.
Writes: adds ``login.forced_login`` (subject ``login:entry-page:overlay:<component>``, scope ``file``).
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable

from mp_precheck.analyzers.auth_entry import entry_before
from mp_precheck.analyzers.context import ProjectContext, as_shipped
from mp_precheck.analyzers.missing_pages import registry_file
from mp_precheck.analyzers.rendered import component_file
from mp_precheck.core.report import Finding
from mp_precheck.facts.scope import page_sources
from mp_precheck.facts.store import ExistingPaths
from mp_precheck.readers.authoverlay import FIXED, Overlay, covering_classes, covers, shown_on_load
from mp_precheck.readers.authpage import authorization_page
from mp_precheck.readers.componentuses import jsx_uses, tag_key
from mp_precheck.readers.jsxlayers import layers
from mp_precheck.readers.styleimports import candidates, imports

RULE = "login.forced_login"
Reader = Callable[[str], "str | None"]
_SCRIPTS = (".tsx", ".jsx", ".js", ".ts")
_OUTER = 4  # the first elements of a component's tree, where its own covering element stands
_TOP_DEPTH = 2  # a tag of the page's root element or of its children stands at the page's top level
_IMPORTS = 2  # sheets imported by the sheets a script imports


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    context = as_shipped(context)
    project = context.project
    entry = project.entry_page
    registry = registry_file(project)
    if not entry:
        return findings
    before = entry_before(context, registry) if registry is not None else entry
    tree = ExistingPaths(context.exists_at_head)
    out = list(findings)
    told = {(f.path, f.subject) for f in findings if f.rule == RULE}
    for page in sorted(page_sources(project, entry, _SCRIPTS)):
        text = context.read_head(page)
        if not text or "<" not in text:
            continue
        page_tree = layers(text, page)
        for spec, tag, _line in jsx_uses(text, page):
            target = component_file(context, page, spec, tag, tree)
            if target is None or target == page or (before == entry and not {page, target} & context.changed_paths):
                continue
            subject = f"login:entry-page:overlay:{posixpath.splitext(target)[0]}"
            shown = next((e for e in page_tree.elements if tag_key(e.tag) == tag_key(tag) and
                          shown_on_load(e.conditions, text, page)), None)
            if shown is None or (target, subject) in told:
                continue
            positions = (*FIXED, "absolute") if shown.depth < _TOP_DEPTH else FIXED
            wall = wall_of(context.read_head, target, positions)
            if wall is None or _walled_before(context, before, tag, target, positions):
                continue
            told.add((target, subject))
            at_tag = shown.conditions or _was_wall(context, target, positions)
            path, line = (page, shown.line) if at_tag else (target, wall.line)
            out.append(context.finding(RULE, subject, path, line, scope="file",
                                       value=f"{entry} renders <{tag}>: {wall.what} over the whole page"))
    return out


def wall_of(read: Reader, component: str, positions: tuple[str, ...] = FIXED) -> Overlay | None:
    """The login wall the JSX component file ``component`` (read with ``read``) is, covering the screen by one of
    ``positions``; None when it is none (see the module)."""
    script = read(component)
    if not script or "<" not in script:
        return None
    tree = layers(script, component)
    ask = authorization_page(tree.template, "component.wxml")
    if ask is None:
        return None
    covering = covering_classes(_sheets(read, component, tree.sheets), positions)
    shown = [e for i, e in enumerate(tree.elements) if (i < _OUTER or e.depth <= 1) and
             covers(e.classes, e.style, covering, positions) and shown_on_load(e.conditions, script, component)]
    return Overlay(shown[0].line, ask.what) if shown else None


def _sheets(read: Reader, script: str, specs: tuple[str, ...]) -> str:
    """The text of the style sheets ``script`` imports (``specs``) and of the sheets they import."""
    out: list[str] = []
    pending = [(spec, script, _IMPORTS) for spec in specs]
    seen: set[str] = set()
    while pending:
        spec, importer, depth = pending.pop(0)
        found = next(((c, t) for c in candidates(importer, spec) if c not in seen and (t := read(c)) is not None),
                     None)
        if found is None:
            continue
        seen.add(found[0])
        out.append(found[1])
        pending.extend((inner, found[0], depth - 1) for inner in imports(found[1]) if depth > 0)
    return "\n".join(out)


def _walled_before(context: ProjectContext, before: str | None, tag: str, target: str,
                   positions: tuple[str, ...]) -> bool:
    """Whether the entry page at the merge base already rendered the same component as a login wall."""
    if before is None:
        return False
    for page in sorted(page_sources(context.project, before, _SCRIPTS)):
        old = context.counterpart.get(page, page)
        text = context.read_base(old) if old is not None else None
        if text and any(tag_key(t) == tag_key(tag) for _spec, t, _line in jsx_uses(text, old or page)):
            return _was_wall(context, target, positions)
    return False


def _was_wall(context: ProjectContext, target: str, positions: tuple[str, ...]) -> bool:
    old = context.counterpart.get(target, target)
    return old is not None and wall_of(context.read_base, old, positions) is not None
