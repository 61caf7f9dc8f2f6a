"""An authorization page made the entry page, told by what the page does (``login.login_first_page``).

The app config's entry-login fact names a login page by its name (``pages/login/index``); a welcome page named
anything (``pages/start/welcome``) whose only control asks for the user's profile, phone number or login (an
``open-type`` button, or a plain 获取头像昵称 button whose tap handler calls ``wx.getUserProfile``:
``readers/tapasks.py``), or a login form (phone, password or code fields and a login button) (``readers/authpage.py``,
``checks/auth_pages.yml``), is the same forced authorization before any experience when its script forwards to
the content afterwards (a route API) or its control says it logs in (授权登录); a profile form put first while it
is built leads nowhere and is no gate. Reported at the entry's line of the page registry (``app.json``,
``pages.json``…) when the change makes such a page the entry page, and at the page's ask when the change turns
the entry page into one in place (the page is what changed). An entry page that already was one, a page named
as a login page (the name rule tells it), a page a tab bar leads past (other tabs to open), and a home page
with a login button beside its content stay silent. A picture bound to a tap handler the page's script does not
define (the user's avatar with a ``bindViewTap`` left from the template project) does nothing, and is no other
way forward beside the ask.

A page named as a login page that a Taro config's page list spread from imported tables puts first
(``...HiddenTabs.map((item) => item.pagePath)``, ``readers/spreadpages.py``) is one the name rule cannot
read from the config file alone: told here, at the list's first entry, when the change makes it the entry page.

Source: https://developers.weixin.qq.com/miniprogram/product/index.html (请在用户了解体验小程序功能后，再要求用户进行
帐号登录; operations rules 15.1.3) and https://developers.weixin.qq.com/miniprogram/dev/reference/configuration/app.html#entryPagePath.

Reads: ``project``, ``changed_paths``, ``counterpart``, ``read_head``, ``read_base``, ``facts_at_head`` ·
``login.login_first_page``.
Writes: adds ``login.login_first_page`` for an authorization page made the entry page, and for a login page a
spread page list makes the entry page.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable

from mp_precheck.analyzers.context import ProjectContext, as_shipped
from mp_precheck.analyzers.dead_ui import dead_bindings
from mp_precheck.analyzers.missing_pages import registry_file, registry_line
from mp_precheck.core.report import Finding
from mp_precheck.core.subject import app_config
from mp_precheck.facts.scope import page_sources
from mp_precheck.readers.appconfig import page_name
from mp_precheck.readers.appdata import read_app_data
from mp_precheck.readers.authpage import SFC_SUFFIXES, Ask, authorization_page, tables
from mp_precheck.readers.handlers import template_bindings
from mp_precheck.readers.lifecycle import LOGIN_TARGET
from mp_precheck.readers.pagelist import registered_pages
from mp_precheck.readers.spreadpages import first_page_line
from mp_precheck.readers.tapasks import tap_asks

RULE = "login.login_first_page"
TEMPLATE_SUFFIXES = (".wxml", *SFC_SUFFIXES)
SCRIPT_SUFFIXES = (".js", ".ts", *SFC_SUFFIXES)
Reader = Callable[[str], "str | None"]


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    context = as_shipped(context)  # code only another platform runs is no wall a WeChat user meets
    project = context.project
    registry = registry_file(project)
    entry = project.entry_page
    if registry is None or not entry or any(f.rule == RULE for f in findings):
        return findings  # no entry page, or the name rule told it
    if LOGIN_TARGET.search(page_name(entry)):
        return findings + spread_entry(context, registry, entry)
    page, ask = page_ask(context, entry, context.read_head)
    if page is None or ask is None or tabbed(context.read_head(registry), registry, entry) or \
            not (ask.worded or forwards_on(context, entry)):
        return findings  # a tab bar leads past it, or a profile form that leads nowhere
    before = entry_before(context, registry)
    if before == entry and not {page, registry} & context.changed_paths:
        return findings  # neither the entry nor its page changed
    read_before = base_reader(context)
    if before is not None and page_ask(context, before, read_before)[1] is not None and \
            not tabbed(read_before(registry), registry, before):
        return findings  # the app already opened on an authorization page
    subject, value = app_config("entry-login", entry), f"{entry}: {ask.what} only"
    if before == entry:  # the entry page turned into one in place: told where its ask is
        return [*findings, context.finding(RULE, subject, page, ask.line, value=value)]
    line = registry_line(context.read_head(registry) or "", entry)
    return [*findings, context.finding(RULE, subject, registry, line, value=value)]


def spread_entry(context: ProjectContext, registry: str, entry: str) -> list[Finding]:
    """The finding for a login page ``entry`` that the registry's spread page list (no entry-login fact of its own:
    the name rule read no list) makes the entry page where the base opened on another page; none otherwise."""
    facts = context.facts_at_head(registry)
    if facts is None or any(f.subject.startswith(app_config("entry-login", "")) for f in facts.facts) or \
            not context.base_pages or context.base_pages[0] == entry:
        return []
    text = context.read_head(registry)
    line = first_page_line(text, registry) if text is not None else None
    if line is None:
        return []
    return [context.finding(RULE, app_config("entry-login", entry), registry, line,
                            value=f"{entry}: first of the page list spread from its tables")]


def page_ask(context: ProjectContext, route: str, read: Reader) -> tuple[str | None, Ask | None]:
    """The template of page ``route`` read with ``read`` (head or base) and its authorization control when the
    page is an authorization page (a control whose handlers the page's script does not define does nothing and
    offers no other way: :func:`inert_lines`)."""
    for path in sorted(page_sources(context.project, route, TEMPLATE_SUFFIXES)):
        text = read(path)
        if text is not None:
            return path, authorization_page(text, path, inert_lines(path, text, read),
                                            tapped=tapped_asks(path, text, read))
    return None, None


def tapped_asks(path: str, text: str, read: Reader) -> dict[int, str]:
    """The controls of the template ``text`` (at ``path``) whose tap handler in the page's own script asks for
    the profile (``readers/tapasks.py``), line → API: a single-file component's script blocks, or the native
    page's script beside the template."""
    if path.endswith(SFC_SUFFIXES):
        return tap_asks(text, path)
    stem = posixpath.splitext(path)[0]
    script = next(((stem + s, body) for s in (".js", ".ts") if (body := read(stem + s)) is not None), None)
    return tap_asks(text, path, script[1], script[0]) if script is not None else {}


def inert_lines(path: str, text: str, read: Reader) -> frozenset[int]:
    """The lines of a native template ``text`` (at ``path``) whose event bindings all name handlers its page's
    script does not define (``analyzers/dead_ui.py``): elements a tap does nothing on. Empty for other
    templates, and when the script's names are open (a behavior, a spread)."""
    if not path.endswith(".wxml"):
        return frozenset()
    dead = set(dead_bindings(path, read))
    if not dead:
        return frozenset()
    live = {b.line for b in template_bindings(text)[0] if b not in dead}
    return frozenset(b.line for b in dead if b.line not in live)


def forwards_on(context: ProjectContext, route: str) -> bool:
    """Whether the script of page ``route`` at head calls a route API (``checks/auth_pages.yml`` forwards): the
    page leads on to the content once the user has authorized."""
    forwards = tables().forwards
    for path in page_sources(context.project, route, SCRIPT_SUFFIXES):
        facts = context.facts_at_head(path)
        if facts is not None and any(f.subject in forwards for f in facts.facts):
            return True
    return False


def tabbed(text: str | None, registry: str, route: str) -> bool:
    """Whether the registry ``text`` puts page ``route`` in a tab bar with other pages: the user leaves it by a
    tab (https://developers.weixin.qq.com/miniprogram/dev/reference/configuration/app.html#tabBar)."""
    data = read_app_data(registry, text) if text is not None else None
    bar = data.get("tabBar") if isinstance(data, dict) else None
    items = bar.get("list") if isinstance(bar, dict) else None
    paths = {str(i.get("pagePath", "")).strip("/") for i in items if isinstance(i, dict)} if isinstance(items, list) \
        else set()
    return route.strip("/") in paths and len(paths) > 1


def entry_before(context: ProjectContext, registry: str) -> str | None:
    """The entry page at the merge base: head's when the registry did not change, else its base text's (the
    registry followed through a rename: an app moved into another folder keeps its entry page)."""
    if registry not in context.changed_paths:
        return context.project.entry_page
    text = base_reader(context)(registry)
    pages, entry = registered_pages(read_app_data(registry, text) if text is not None else None)
    return entry or (pages[0] if pages else None)


def base_reader(context: ProjectContext) -> Reader:
    """Reads the merge-base text of a head path: a renamed file (the project's folder moved) at its old path,
    an added file as None, an unchanged file at the same path."""

    def read(path: str) -> str | None:
        old = context.counterpart.get(path, path)
        return context.read_base(old) if old is not None else None

    return read
