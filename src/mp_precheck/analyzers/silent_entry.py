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

Source: https://developers.weixin.qq.com/miniprogram/product/index.html (请在用户了解体验小程序功能后，再要求用户进行
帐号登录; operations rules 15.1.3) and https://developers.weixin.qq.com/miniprogram/dev/api/open-api/login/wx.login.html.

Reads: ``project``, ``read_head`` · ``login.login_first_page``.
Writes: removes ``login.login_first_page`` for an entry page that logs in silently and moves on, that is a
page of content, or whose controls only choose a way on.
"""

from __future__ import annotations

import posixpath

from mp_precheck.analyzers.auth_entry import TEMPLATE_SUFFIXES
from mp_precheck.analyzers.context import ProjectContext
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
    return [f for f in findings if not (f.rule == RULE and f.subject.startswith(_ENTRY)
                                        and (_passes_through(context, f.subject[len(_ENTRY):])
                                             or _shows_content(context, f.subject[len(_ENTRY):])
                                             or chooses(context, f.subject[len(_ENTRY):])))]


def _passes_through(context: ProjectContext, route: str) -> bool:
    """Whether a script of page ``route`` at head logs the user in silently and forwards to the content."""
    for path in sorted(page_sources(context.project, route, _SCRIPTS)):
        text = context.read_head(path)
        if text is not None and logs_in_and_moves_on(text, path):
            return True
    return False


def _shows_content(context: ProjectContext, route: str) -> bool:
    """Whether page ``route`` at head is a page of content (see the module): its template lists content and asks
    nothing, and no script of it logs in, asks for the profile or names a login page."""
    templates = [(path, text) for path in sorted(page_sources(context.project, route, TEMPLATE_SUFFIXES))
                 if (text := context.read_head(path)) is not None]
    if not templates or not all(content_page(text, path) for path, text in templates):
        return False
    scripts = [context.read_head(path) for path in sorted(page_sources(context.project, route, _SCRIPTS))]
    return not any(text is not None and (_LOGIN_CALL.search(text) or any(
        LOGIN_TARGET.search(page_name(url)) for url in _URL.findall(text))) for text in scripts)


def chooses(context: ProjectContext, route: str) -> bool:
    """Whether page ``route`` at head asks nothing and its controls only choose a way on (see the module): every
    template of it, with its own script blocks or the native page's script beside it."""
    templates = [(path, text) for path in sorted(page_sources(context.project, route, TEMPLATE_SUFFIXES))
                 if (text := context.read_head(path)) is not None]
    return bool(templates) and all(asks_nothing(text, path) and leads_on(text, path, *_script(context, path))
                                   for path, text in templates)


def _script(context: ProjectContext, template: str) -> tuple[str | None, str]:
    """A native template's page script beside it (text, path); nothing for a single-file component."""
    if template.endswith(".wxml"):
        stem = posixpath.splitext(template)[0]
        for path in (stem + ".js", stem + ".ts"):
            if (text := context.read_head(path)) is not None:
                return text, path
    return None, ""
