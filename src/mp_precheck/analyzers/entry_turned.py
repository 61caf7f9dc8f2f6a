"""An entry page named as a login page that the change turns into one in place (``login.login_first_page``).

The name rule tells an app opening on a page named as a login page (``pages/login/index``) when the change puts the
page first. A project template often registers the page first from the start, blank (the developer tools' page
that shows its own path), and a later change fills it with the login form: the page list is the same, so the name
rule sees nothing new, yet from then on every user lands on a login page before seeing anything. Told at the entry's
line of the page registry (where the name rule tells it) when the entry page stayed, its template changed, it
asked nothing at base — no control asking to authorize or log in, no login field or component
(``readers/authpage.py``), no script logging in or naming a login page — and now asks.

Source: https://developers.weixin.qq.com/miniprogram/product/index.html (请在用户了解体验小程序功能后，再要求用户进行
帐号登录; operations rules 15.1.3).

Reads: ``project``, ``changed_paths``, ``counterpart``, ``read_head``, ``read_base`` · ``login.login_first_page``.
Writes: adds ``login.login_first_page`` for an entry page named as a login page that asked nothing at base and
now asks.
"""

from __future__ import annotations

from mp_precheck.analyzers.auth_entry import TEMPLATE_SUFFIXES, Reader, base_reader, entry_before
from mp_precheck.analyzers.context import ProjectContext, as_shipped
from mp_precheck.analyzers.missing_pages import registry_file, registry_line
from mp_precheck.analyzers.silent_entry import scripts_log_in
from mp_precheck.core.report import Finding
from mp_precheck.core.subject import app_config
from mp_precheck.facts.scope import page_sources
from mp_precheck.readers.appconfig import page_name
from mp_precheck.readers.authpage import asks_nothing
from mp_precheck.readers.lifecycle import LOGIN_TARGET

RULE = "login.login_first_page"


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    context = as_shipped(context)  # code only another platform runs is no wall a WeChat user meets
    project = context.project
    registry, entry = registry_file(project), project.entry_page
    if registry is None or not entry or not LOGIN_TARGET.search(page_name(entry)) or \
            any(f.rule == RULE for f in findings) or entry_before(context, registry) != entry:
        return findings  # no entry page named as a login page, the name rule told it, or the entry changed
    templates = sorted(page_sources(project, entry, TEMPLATE_SUFFIXES))
    if not set(templates) & context.changed_paths:
        return findings
    base = base_reader(context)
    if not _asked_nothing(context, entry, templates, base) or \
            all(asks_nothing(text, path) for path in templates if (text := context.read_head(path)) is not None):
        return findings
    line = registry_line(context.read_head(registry) or "", entry)
    return [*findings, context.finding(RULE, app_config("entry-login", entry), registry, line,
                                       value=f"{entry}: now asks the user to log in")]


def _asked_nothing(context: ProjectContext, route: str, templates: list[str], read: Reader) -> bool:
    """Whether page ``route`` read with ``read`` had templates (``templates``, head paths) none of which asked to
    authorize or log in, and no script of it logged in or named a login page."""
    texts = [(path, text) for path in templates if (text := read(path)) is not None]
    return bool(texts) and all(asks_nothing(text, path) for path, text in texts) and \
        not scripts_log_in(context, route, read)
