"""A login page made the entry page that asks nothing: it logs in silently and opens the content itself.

The semantic diff tells ``login.login_first_page`` when the entry page is named as a login page
(``pages/login/login``). What makes that forced login is what the page asks of the user before they see
anything — a tap, a phone number, the profile, a form. A page that shows a spinner while a silent login runs
and then switches to the home tab (``readers/passthrough.py``) asks nothing: the user lands on the content,
which is the guest mode WeChat asks for. Such a finding is removed; a login page that waits for the user keeps
it, and so does one whose forward runs only for a stored token or a server's "registered" answer.

Source: https://developers.weixin.qq.com/miniprogram/product/index.html (请在用户了解体验小程序功能后，再要求用户进行
帐号登录; operations rules 15.1.3) and https://developers.weixin.qq.com/miniprogram/dev/api/open-api/login/wx.login.html.

Reads: ``project``, ``read_head`` · ``login.login_first_page``.
Writes: removes ``login.login_first_page`` for an entry page that logs in silently and moves on.
"""

from __future__ import annotations

from mp_precheck.analyzers.context import ProjectContext
from mp_precheck.core.report import Finding
from mp_precheck.facts.scope import page_sources
from mp_precheck.readers.passthrough import logs_in_and_moves_on

RULE = "login.login_first_page"
_ENTRY = "app.json:entry-login:"
_SCRIPTS = (".js", ".ts", ".vue", ".nvue", ".uvue", ".wpy", ".mpx", ".jsx", ".tsx")


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if not (f.rule == RULE and f.subject.startswith(_ENTRY)
                                        and _passes_through(context, f.subject[len(_ENTRY):]))]


def _passes_through(context: ProjectContext, route: str) -> bool:
    """Whether a script of page ``route`` at head logs the user in silently and forwards to the content."""
    for path in sorted(page_sources(context.project, route, _SCRIPTS)):
        text = context.read_head(path)
        if text is not None and logs_in_and_moves_on(text, path):
            return True
    return False
