"""An entry page named as a login page that asks nothing: it logs in silently and opens the content itself, or
it is a page of content whose name only sounds like one.

The semantic diff tells ``login.login_first_page`` when the entry page is named as a login page
(``pages/login/login``, ``pages/authorize``). What makes that forced login is what the page asks of the user
before they see anything — a tap, a phone number, the profile, a form. A page that shows a spinner while a silent
login runs and then switches to the home tab (``readers/passthrough.py``) asks nothing: the user lands on the
content, which is the guest mode WeChat asks for. Nor does a page that lists content and has no authorization
control, login field or login component at all, whose script neither logs in nor sends the user to a login page
(``content_page`` in ``readers/authpage.py``): a 权限管理 page named ``authorize`` manages a team's roles. Nor does
a page that asks nothing whose controls only choose a way on (``readers/choicepage.py``): a role or language chooser
named ``auth`` whose buttons store a choice and open the next page. Such a
finding is removed; a login page that waits for the user keeps it, and so does one whose forward runs only for a
stored token or a server's "registered" answer.

Nor is an app that already opened on a login page told again when the change puts another page first in its place
(one login page for another, a welcome page before the SMS form, a page being built moved to the front): its users
met a login wall before they saw anything at base too, so the change adds none. The base app's first page counts
when it was a wall there — named as a login page and none of the above at base, or an authorization page by what it
shows (``analyzers/auth_entry.py``) whose control says it logs in (授权登录) and that no tab bar led past —; an app
whose first page at base was content (a template's page with a 获取头像昵称 button among it), or a login page that
logged in silently and moved on, is told.

Source: https://developers.weixin.qq.com/miniprogram/product/index.html (请在用户了解体验小程序功能后，再要求用户进行
帐号登录; operations rules 15.1.3) and https://developers.weixin.qq.com/miniprogram/dev/api/open-api/login/wx.login.html.

Reads: ``project``, ``read_head``, ``read_base``, ``counterpart``, ``changed_paths`` · ``login.login_first_page``.
Writes: removes ``login.login_first_page`` for an entry page that logs in silently and moves on, that is a
page of content, or whose controls only choose a way on, and for a new entry page of an app that opened on a
login page at base.
"""

from __future__ import annotations

import posixpath

from mp_precheck.analyzers.auth_entry import TEMPLATE_SUFFIXES, Reader, base_reader, entry_before, page_ask, tabbed
from mp_precheck.analyzers.context import ProjectContext, as_shipped
from mp_precheck.analyzers.missing_pages import registry_file
from mp_precheck.core.lazyre import lazy
from mp_precheck.core.recache import compiled
from mp_precheck.core.report import Finding
from mp_precheck.facts.scope import page_sources
from mp_precheck.readers.appconfig import page_name
from mp_precheck.readers.authpage import asks_nothing, content_page
from mp_precheck.readers.choicepage import leads_on
from mp_precheck.readers.lifecycle import LOGIN_TARGET
from mp_precheck.readers.passthrough import logs_in_and_moves_on

RULE = "login.login_first_page"
# A script that logs in or asks for the profile or phone itself (wx.login, this.$wx.getUserProfile), and the pages
# it opens (url: '/pages/login/index').
_LOGIN_CALL = lazy(r"\.\s*(?:login|getUserProfile|getUserInfo|getPhoneNumber)\s*\(")
_URL = compiled(r"""\burl\s*[:=]\s*['"`]([^'"`?]+)""")
_ENTRY = "app.json:entry-login:"
_SCRIPTS = (".js", ".ts", ".vue", ".nvue", ".uvue", ".wpy", ".mpx", ".jsx", ".tsx")


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    context = as_shipped(context)  # code only another platform runs is no wall a WeChat user meets
    walled = _walled_before(context)
    return [f for f in findings if not (f.rule == RULE and f.subject.startswith(_ENTRY)
                                        and (_no_wall(context, f.subject[len(_ENTRY):], context.read_head)
                                             or f.subject[len(_ENTRY):] == walled))]


def _no_wall(context: ProjectContext, route: str, read: Reader) -> bool:
    """Whether page ``route`` read with ``read`` (head or base) is no wall though named as a login page: it logs in
    silently and moves on, is a page of content, or only chooses a way on (see the module)."""
    return _passes_through(context, route, read) or _shows_content(context, route, read) or \
        chooses(context, route, read)


def _walled_before(context: ProjectContext) -> str | None:
    """The head's entry page when the change put it first in place of a base entry page that was a login wall (see
    the module), else None."""
    project, registry = context.project, registry_file(context.project)
    entry = project.entry_page
    if registry is None or not entry or registry not in context.changed_paths:
        return None
    before = entry_before(context, registry)
    if before is None or before == entry:
        return None
    read = base_reader(context)
    if LOGIN_TARGET.search(page_name(before)):
        return entry if not _no_wall(context, before, read) else None
    ask = page_ask(context, before, read)[1]  # a profile button that only fills the page (获取头像昵称) walls nothing
    return entry if ask is not None and ask.worded and not tabbed(read(registry), registry, before) else None


def _passes_through(context: ProjectContext, route: str, read: Reader) -> bool:
    """Whether a script of page ``route`` logs the user in silently and forwards to the content."""
    for path in sorted(page_sources(context.project, route, _SCRIPTS)):
        text = read(path)
        if text is not None and logs_in_and_moves_on(text, path):
            return True
    return False


def _shows_content(context: ProjectContext, route: str, read: Reader) -> bool:
    """Whether page ``route`` is a page of content (see the module): its template lists content and asks
    nothing, and no script of it logs in, asks for the profile or names a login page."""
    templates = [(path, text) for path in sorted(page_sources(context.project, route, TEMPLATE_SUFFIXES))
                 if (text := read(path)) is not None]
    if not templates or not all(content_page(text, path) for path, text in templates):
        return False
    return not scripts_log_in(context, route, read)


def scripts_log_in(context: ProjectContext, route: str, read: Reader) -> bool:
    """Whether a script of page ``route`` read with ``read`` (head or base) logs in, asks for the profile or phone
    itself (``wx.login``, ``wx.getUserProfile``) or names a login page in a URL."""
    scripts = [read(path) for path in sorted(page_sources(context.project, route, _SCRIPTS))]
    return any(text is not None and (_LOGIN_CALL.search(text) or any(
        LOGIN_TARGET.search(page_name(url)) for url in _URL.findall(text))) for text in scripts)


def chooses(context: ProjectContext, route: str, read: Reader | None = None) -> bool:
    """Whether page ``route`` (at head, or read with ``read``) asks nothing and its controls only choose a way on
    (see the module): every template of it, with its own script blocks or the native page's script beside it."""
    read = read or context.read_head
    templates = [(path, text) for path in sorted(page_sources(context.project, route, TEMPLATE_SUFFIXES))
                 if (text := read(path)) is not None]
    return bool(templates) and all(asks_nothing(text, path) and leads_on(text, path, *_script(read, path))
                                   for path, text in templates)


def _script(read: Reader, template: str) -> tuple[str | None, str]:
    """A native template's page script beside it (text, path); nothing for a single-file component."""
    if template.endswith(".wxml"):
        stem = posixpath.splitext(template)[0]
        for path in (stem + ".js", stem + ".ts"):
            if (text := read(path)) is not None:
                return text, path
    return None, ""
