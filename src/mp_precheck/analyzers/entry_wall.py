"""An authorization wall inside the entry page (``login.forced_login``).

An entry page that shows its content only under a flag and, under the flag's negation, a block (or a project
component) whose only control asks for the profile, the phone number or a login (``readers/authwall.py``) shows a
new user nothing but the ask: the home page is a login wall, though it is no login page and redirects nowhere.
Reported at the ask's block in the page's template when the entry page at the merge base was no such wall; a
wall that already existed, an ask beside content everyone sees, a popup and a flag only a tap sets stay silent.
An entry page already told as a login wall (a login page by name, a redirect of its hooks, an overlay component, an
authorization page) is not told again. A welcome page no tab bar leads past that keeps its pictures for everyone
but shows its way into the app only under a flag a load-time login check sets, and under the flag's other value
only the ask (``readers/authgate.py``), is the same wall: told at the ask.

Source: https://developers.weixin.qq.com/miniprogram/product/index.html (请在用户了解体验小程序功能后，再要求用户进行
帐号登录; operations rules 15.1.3) and https://developers.weixin.qq.com/miniprogram/dev/framework/view/wxml/conditional.html.

Reads: ``project``, ``counterpart``, ``read_head``, ``read_base``, ``exists_at_head``,
``facts_at_head`` · login family.
Writes: adds ``login.forced_login`` (subject ``login:entry-page:wall:<page>``) in the entry
page's template.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable

from mp_precheck.analyzers.auth_entry import TEMPLATE_SUFFIXES, entry_before, tabbed
from mp_precheck.analyzers.context import ProjectContext, as_shipped
from mp_precheck.analyzers.missing_pages import registry_file
from mp_precheck.analyzers.rendered import component_file, component_uses, registered_components
from mp_precheck.core.report import Finding
from mp_precheck.facts.scope import page_sources
from mp_precheck.facts.store import ExistingPaths
from mp_precheck.readers.appconfig import page_name
from mp_precheck.readers.authgate import gate
from mp_precheck.readers.authpage import Ask, authorization_page
from mp_precheck.readers.authwall import Wall, wall
from mp_precheck.readers.componentuses import is_sfc, tag_key
from mp_precheck.readers.lifecycle import LOGIN_TARGET
from mp_precheck.readers.sfc import split_blocks

RULE = "login.forced_login"
Reader = Callable[[str], "str | None"]
_SCRIPT_SUFFIXES = (".js", ".ts")


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    context = as_shipped(context)  # code only another platform runs is no wall a WeChat user meets
    project = context.project
    entry = project.entry_page
    if not entry:
        return findings
    if LOGIN_TARGET.search(page_name(entry)):
        return findings  # a login page by name: the name rule tells it (login.login_first_page)
    sources = page_sources(project, entry, (*TEMPLATE_SUFFIXES, *_SCRIPT_SUFFIXES))
    if any(f.family == "login" and (f.path in sources or f.subject.startswith("login:entry-page:overlay:") or
                                    f.rule == "login.login_first_page") for f in findings):
        return findings  # the entry page is told as a login wall already
    registry = registry_file(project)
    before = entry_before(context, registry) if registry is not None else entry
    gates = registry is None or not tabbed(context.read_head(registry), registry, entry)  # no tab leads past it
    for page in sorted(page_sources(project, entry, TEMPLATE_SUFFIXES)):
        found = _wall(context, page, context.read_head, lambda path: path, gates)
        if found is None or _walled_before(context, before, entry, page):
            continue
        return [*findings, context.finding(RULE, f"login:entry-page:wall:{posixpath.splitext(page)[0]}", page,
                                           found.line,
                                           value=f"{entry} shows only {found.what} until {found.flag} is set")]
    return findings


def _walled_before(context: ProjectContext, before: str | None, entry: str, page: str) -> bool:
    """Whether the entry page at the merge base already was such a wall (or its template cannot be read)."""
    if before is None:
        return False
    heads = [page] if before == entry else sorted(page_sources(context.project, before, TEMPLATE_SUFFIXES))
    pages = [context.counterpart.get(p, p) for p in heads]  # head paths at their base place (a moved folder)
    return any(old is not None and _wall(context, old, context.read_base, lambda p: context.counterpart.get(p, p),
                                         gates=True) is not None for old in pages)


def _wall(context: ProjectContext, page: str, read: Reader, old: Callable[[str], str | None],
          gates: bool = False) -> Wall | None:
    """The wall the template ``page`` read with ``read`` is; ``old`` maps a head path to the side ``read`` reads;
    with ``gates`` also a gate of the page's way in (``readers/authgate.py``)."""
    text = read(page)
    if text is None:
        return None
    script, script_path = _script(read, page, text)
    registered = registered_components(context)
    specs = {tag_key(tag): spec for spec, tag, _line in component_uses(read, page, registered)}
    tree = ExistingPaths(context.exists_at_head)

    def component_ask(tag: str) -> Ask | None:
        spec = specs.get(tag_key(tag))
        target = component_file(context, page, spec, tag, tree) if spec is not None else None
        path = old(_template_path(target)) if target is not None else None
        body = read(path) if path is not None else None
        return authorization_page(body, path) if body is not None and path is not None else None

    found = wall(text, page, script, script_path, component_ask)
    return found if found is not None or not gates else gate(text, page, script, script_path)


def _script(read: Reader, page: str, text: str) -> tuple[str | None, str]:
    """The page's script and the path to parse it as: a single-file component's script block, or the native
    page's ``.js`` / ``.ts`` beside the template."""
    if is_sfc(page):
        block = next((b for b in split_blocks(text) if b.tag == "script"), None)
        lang = ".ts" if block is not None and block.attrs.get("lang") in ("ts", "tsx") else ".js"
        return (block.text if block is not None else None), page + lang
    stem = posixpath.splitext(page)[0]
    return next(((t, stem + s) for s in _SCRIPT_SUFFIXES if (t := read(stem + s)) is not None), (None, page))


def _template_path(component: str) -> str:
    return component if is_sfc(component) else posixpath.splitext(component)[0] + ".wxml"
