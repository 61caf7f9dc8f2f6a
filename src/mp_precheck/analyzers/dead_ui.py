"""Dead UI (``completeness.dead_handler``): an event binding whose handler the page or component never defines.

For each changed template — a ``.wxml`` with its ``.js``/``.ts`` beside it, a single-file component
(``.vue``, ``.wpy``, ``.mpx``…) or a React / Taro class component (``onClick={this.onBuy}``, read in
``readers/jsxhandlers.py``: inline arrows, hook setters, props and React's ``setState`` are live) — and each
template whose script changed, the bindings
(``bindtap="onBuy"``, ``@tap="onBuy(item)"``) are checked against the names its script defines, with
``behaviors`` / ``mixins`` from project modules read too (found as the build finds them: relative, ``@/``, the
build's aliases, ``readers/aliases.py``; an extensionless WePY import is the ``.wpy`` file, whose ``<script>`` is
read, https://github.com/Tencent/wepy/blob/1.7.x/packages/wepy-cli/src/compile-script.js tries ``wpyExt`` first).
Nothing is reported for a unit when something the
code does not show could define the handler (an npm behavior, a spread, ``Object.assign``, a wrapper around
``Page``/``Component``, a replaced global ``Page``, a global Vue mixin): unknown is not dead. A binding is
new when the app-wide count of dead bindings to that name in the changed files rose (moved code is quiet).

A control of a JSX page (Taro, React) whose tap prop is a handler that does nothing — ``onClick={() => {}}``, a
function of the file whose body is empty or only logs (``readers/jsxinert.py``) — is as dead to the reviewer:
``completeness.empty_handler``, new when the app-wide count of such props to its handler (or written in place) in
the changed files rose.

Source: https://developers.weixin.qq.com/miniprogram/product/reject.html (3.3.1: features must work).

Reads: ``head_facts``, ``counterpart``, ``added_lines``, ``read_head``, ``read_base``, ``exists_at_head``,
``repo_grep``, ``project``; no findings.
Writes: adds ``completeness.dead_handler``, ``completeness.empty_handler``.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Mapping

from mp_precheck.analyzers.context import ProjectContext
from mp_precheck.analyzers.novelty import Item, rising
from mp_precheck.core.report import Finding
from mp_precheck.facts.scriptnames import Defined
from mp_precheck.facts.store import ExistingPaths, resolve_module
from mp_precheck.readers.aliases import project_aliases
from mp_precheck.readers.handlers import (
    Binding,
    assigns_global,
    calls_mixin,
    script_definitions,
    template_bindings,
)
from mp_precheck.readers.jsxhandlers import class_component_dead
from mp_precheck.readers.jsxinert import INLINE, inert_bindings
from mp_precheck.readers.sfc import split_blocks

MARKUP_SUFFIXES = (".wxml",)
SFC_SUFFIXES = (".vue", ".nvue", ".uvue", ".wpy", ".mpx")
SCRIPT_SUFFIXES = (".js", ".ts")
JSX_SUFFIXES = (".jsx", ".tsx")
_GLOBAL_PAGE = ("Page =", "Page=", "Component =", "Component=")
_VUE_SUFFIXES = (".vue", ".nvue", ".uvue")
_VUE_MAINS = ("main.js", "main.ts", "src/main.js", "src/main.ts")

Reader = Callable[[str], "str | None"]


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    units = changed_units(context)
    if not units:
        return findings
    return _dead(context, findings, units) + _inert(context, units)


def _dead(context: ProjectContext, findings: list[Finding], units: list[str]) -> list[Finding]:
    """``findings`` and a ``completeness.dead_handler`` at each new binding of a handler its script lacks."""
    vue = any(path.lower().endswith(_VUE_SUFFIXES) for path in units)  # global names cost a whole-tree grep
    names = _global_names(context) if vue else frozenset()
    folders = (context.project.root, context.project.env_root or context.project.root)
    aliases = project_aliases(folders, context.read_head)
    head = {path: dead for path in units
            if (dead := dead_bindings(path, context.read_head, names, context.script_names, aliases))}
    if not head or _page_replaced(context, head):
        return findings
    base: dict[str, list[Binding]] = {}
    base_names = _global_names(context, base=True) if vue else frozenset()
    for path in units:
        old = context.counterpart.get(path, path)
        if old is not None:
            base[old] = dead_bindings(old, context.read_base, base_names, context.script_names,
                                      project_aliases(folders, context.read_base))
    out = list(findings)
    attributes = {(path, b.handler, b.line): b.attribute for path, dead in head.items() for b in dead}
    for path, handler, line in rising(_items(head), _items(base), context.added_lines):
        out.append(context.finding("completeness.dead_handler", f"handler:{handler}", path, line,
                                   value=f'{attributes[(path, handler, line)]}="{handler}"'))
    return out


def _inert(context: ProjectContext, units: list[str]) -> list[Finding]:
    """``completeness.empty_handler`` at each new tap prop of a JSX unit whose handler does nothing
    (``readers/jsxinert.py``): more such props to a handler (or written in place) than the base files had."""
    jsx = [path for path in units if path.lower().endswith(JSX_SUFFIXES + SCRIPT_SUFFIXES)]
    head = {path: inert_bindings(text, path) for path in jsx if (text := context.read_head(path)) is not None}
    if not any(head.values()):
        return []
    base: dict[str, list[Binding]] = {}
    for path in jsx:
        old = context.counterpart.get(path, path)
        text = context.read_base(old) if old is not None else None
        base[old or path] = inert_bindings(text, old or path) if text is not None else []
    out = []
    for path, handler, line in rising(_items(head), _items(base), context.added_lines):
        attribute = next(b.attribute for b in head[path] if b.handler == handler and b.line == line)
        name, inline, _label = handler.partition(INLINE)
        out.append(context.finding("completeness.empty_handler", f"handler:{name}", path, line,
                                   value=f"{attribute}={{{'() => …' if inline else name}}}"))
    return out


def _items(units: dict[str, list[Binding]]) -> dict[str, list[Item]]:
    return {path: [(b.handler, b.line) for b in dead] for path, dead in units.items()}


def changed_units(context: ProjectContext) -> list[str]:
    """Changed templates and single-file components, and the templates of changed scripts."""
    units: dict[str, None] = {}
    for path in sorted(context.head_facts):
        lower = path.lower()
        if lower.endswith(MARKUP_SUFFIXES + SFC_SUFFIXES):
            units[path] = None
        elif lower.endswith(JSX_SUFFIXES) or (lower.endswith(SCRIPT_SUFFIXES) and context.project.framework == "taro"):
            units[path] = None  # a React / Taro class component: its JSX and its methods in one file
        elif lower.endswith(SCRIPT_SUFFIXES):
            sibling = posixpath.splitext(path)[0] + ".wxml"
            if context.exists_at_head(sibling):
                units[sibling] = None
    return list(units)


def dead_bindings(path: str, read: Reader, global_names: frozenset[str] | None = frozenset(),
                  defined: Defined = script_definitions, aliases: Mapping[str, str] | None = None) -> list[Binding]:
    """Bindings of the template at ``path`` (read with ``read``) whose handler its script does not define; []
    when the file or its script is missing or the script's names are open. ``global_names`` are names every
    Vue component has (None: a global mixin, so Vue components are unknown); ``defined`` reads a script's names
    (``ProjectContext.script_names``: once per text); ``aliases`` are the build's module aliases."""
    if path.lower().endswith(JSX_SUFFIXES + SCRIPT_SUFFIXES):
        text = read(path)
        return class_component_dead(text, path) if text is not None and "this." in text else []
    bound = template_handlers(path, read, global_names, defined, aliases)
    return [] if bound is None else [b for b, defined in bound if not defined]


def template_handlers(path: str, read: Reader, global_names: frozenset[str] | None = frozenset(),
                      defined: Defined = script_definitions,
                      aliases: Mapping[str, str] | None = None) -> list[tuple[Binding, bool]] | None:
    """Each binding of the WXML template or single-file component at ``path`` with whether its script defines
    the handler (read with ``defined``); None when the file or its script is missing or the script's names are
    open (unknown)."""
    text = read(path)
    if text is None or path.lower().endswith(JSX_SUFFIXES + SCRIPT_SUFFIXES):
        return None
    if path.lower().endswith(MARKUP_SUFFIXES):
        bindings, scoped = template_bindings(text)
        if not bindings:
            return None
        stem = posixpath.splitext(path)[0]
        script = next(((stem + s, body) for s in SCRIPT_SUFFIXES if (body := read(stem + s)) is not None), None)
        names = _names(script[1], script[0], read, defined, aliases or {}) if script else None
    else:
        bindings, scoped, names = _sfc(path, text, read, defined, aliases or {})
        if names is not None and path.lower().endswith(_VUE_SUFFIXES):
            names = None if global_names is None else names | global_names
    if names is None:
        return None
    return [(b, b.handler in names or b.handler in scoped) for b in bindings]


def _sfc(path: str, text: str, read: Reader, defined: Defined,
         aliases: Mapping[str, str]) -> tuple[list[Binding], set[str], set[str] | None]:
    bindings: list[Binding] = []
    scoped: set[str] = set()
    names: set[str] | None = None
    for block in split_blocks(text):
        if block.tag == "template":
            found, scope = template_bindings(block.text, block.line_offset)
            bindings += found
            scoped |= scope
        elif block.tag == "script" and "json" not in block.attrs.get("type", "") and \
                block.attrs.get("name") != "json":
            suffix = ".ts" if block.attrs.get("lang") in ("ts", "tsx") else ".js"
            more = _names(block.text, path + suffix, read, defined, aliases, setup="setup" in block.attrs)
            if more is None:
                return bindings, scoped, None
            names = (names or set()) | more
    return bindings, scoped, names


def _names(text: str, path: str, read: Reader, defined: Defined, aliases: Mapping[str, str],
           setup: bool = False) -> set[str] | None:
    """The names a script and the project behaviors / mixins it lists define; None when they are open."""
    found = defined(text, path, setup)
    if found.open:
        return None
    names = set(found.names)
    for spec in found.imports:
        mixin = _module_names(path, spec, read, defined, aliases)
        if mixin is None:
            return None
        names |= mixin
    return names


def _module_names(importer: str, spec: str, read: Reader, defined: Defined,
                  aliases: Mapping[str, str]) -> set[str] | None:
    """The names the project module ``spec`` (a behavior / mixin ``importer`` lists) defines: a script, or the
    ``<script>`` blocks of a single-file component (a WePY 1.x ``class extends wepy.mixin`` in a ``.wpy``); None
    when it is not found, or is open or takes mixins itself (a mixin of a mixin is not followed)."""
    target = resolve_module(importer, spec, ExistingPaths(lambda candidate: read(candidate) is not None), aliases)
    text = read(target) if target is not None else None
    if target is None or text is None:
        return None
    scripts = [(text, target)]
    if target.lower().endswith(SFC_SUFFIXES):
        scripts = [(b.text, target + (".ts" if b.attrs.get("lang") in ("ts", "tsx") else ".js"))
                   for b in split_blocks(text) if b.tag == "script" and not b.attrs.get("src") and
                   "json" not in b.attrs.get("type", "") and b.attrs.get("name") != "json"]
    names: set[str] = set()
    for body, name in scripts:
        mixin = defined(body, name, True)
        if mixin.open or mixin.imports:
            return None
        names |= mixin.names
    return names


def _page_replaced(context: ProjectContext, head: dict[str, list[Binding]]) -> bool:
    """Whether some project script replaces the global ``Page`` / ``Component`` (relevant to WXML units only)."""
    if not any(path.lower().endswith(MARKUP_SUFFIXES) for path in head):
        return False
    for path in sorted(context.repo_grep(set(_GLOBAL_PAGE))):
        if context.project.owns(path) and path.lower().endswith(SCRIPT_SUFFIXES):
            text = context.read_head(path)
            if text is not None and assigns_global(text, path):
                return True
    return False


def _global_names(context: ProjectContext, base: bool = False) -> frozenset[str] | None:
    """Names the Vue entry (``main.js``) gives every component (``Vue.prototype.x = …``); None when some project
    file installs a global mixin (``Vue.mixin(…)``, ``app.mixin(…)``, also inside a plugin the app uses)."""
    read = context.read_base if base else context.read_head
    root = context.project.root
    if any(context.project.owns(path) for path in context.repo_grep({".mixin("})):
        return None
    names: set[str] = set()
    for name in _VUE_MAINS:
        path = f"{root}/{name}" if root else name
        text = read(path)
        if text is None:
            continue
        if calls_mixin(text, path):
            return None
        names |= context.script_names(text, path, True).names
    return frozenset(names)
