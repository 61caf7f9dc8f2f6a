"""An entry page whose load path now stops a first-time user at a login view (``login.forced_login``).

An entry page that used to log a new user in silently as it opened (``wx.login`` through a helper) and now, for a
user without a token, raises a flag in ``onLoad`` (``if (!auth.token()) { this.setData({ askLogin: true });
return }``) under which its template shows nothing but a 登录 button — the content under ``wx:elif`` /
``wx:else`` of that flag — forces login before any experience, though it redirects nowhere and the page is no login
page. Told from the page's files: the way its load hooks take for a first-time user (``readers/freshpath.py``:
nothing stored, so ``!auth.token()`` holds and ``store.loggedOut()`` does not), the data flags that way leaves, and what
the template shows for them (``readers/loginview.py``: only an authorization control, its content hidden). A way
that runs a silent login shows no such view for long, and is no wall.

Reported at the statement of the load path that raises the view's flag (in the template, at the ask, when the
view shows from the initial data), when the entry page at the merge base showed a first-time user no such view:
a view the page already met new users with, one shown only after the user chose to sign out (``store.loggedOut()``
is empty for a first-time user), a page whose content stays shown beside an optional login button, a silent login
kept, and a page a tab bar leads past stay silent. An entry page already told as a login wall (a login page by
name, a redirect of its hooks, an overlay, an authorization page, a wall of its template) is not told again.

Source: https://developers.weixin.qq.com/miniprogram/product/index.html (请在用户了解体验小程序功能后，再要求用户进行
帐号登录; operations rules 15.1.3) and https://developers.weixin.qq.com/miniprogram/dev/api/open-api/login/wx.login.html.

Reads: ``project``, ``changed_paths``, ``counterpart``, ``read_head``, ``read_base`` · login family.
Writes: adds ``login.forced_login`` (subject ``login:entry-page:wall:<page>``) in the entry page's script.
"""

from __future__ import annotations

import posixpath

from msgspec import Struct

from mp_precheck.analyzers.auth_entry import TEMPLATE_SUFFIXES, Reader, base_reader, entry_before, tabbed
from mp_precheck.analyzers.context import ProjectContext
from mp_precheck.analyzers.missing_pages import registry_file
from mp_precheck.core.report import Finding
from mp_precheck.facts.scope import page_sources
from mp_precheck.readers.appconfig import page_name
from mp_precheck.readers.freshpath import FreshPath, fresh_path
from mp_precheck.readers.lifecycle import LOGIN_TARGET
from mp_precheck.readers.loginview import View, login_view
from mp_precheck.readers.sfc import script_units

RULE = "login.forced_login"
_SCRIPTS = (".js", ".ts")


class _Stop(Struct, frozen=True):
    """A login view the entry page's template ``template`` shows a first-time user, the file ``script`` holding the
    page's script (its lines ``offset`` down) and the walk of its load hooks."""

    template: str
    view: View
    script: str
    walk: FreshPath
    offset: int


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    project = context.project
    entry = project.entry_page
    if not entry or LOGIN_TARGET.search(page_name(entry)):
        return findings  # no entry page, or a login page by name: the name rule tells it
    sources = page_sources(project, entry, (*TEMPLATE_SUFFIXES, *_SCRIPTS))
    if any(f.family == "login" and (f.path in sources or f.subject.startswith("login:entry-page:")) for f in findings):
        return findings  # the entry page is told as a login wall already
    registry = registry_file(project)
    if registry is not None and tabbed(context.read_head(registry), registry, entry):
        return findings  # other tabs lead past it
    before = entry_before(context, registry) if registry is not None else entry
    if before == entry and not sources & context.changed_paths:
        return findings
    found = _stop(context, entry, context.read_head)
    if found is None or (before is not None and _stop(context, before, base_reader(context)) is not None):
        return findings
    raised = sorted(line for flag, line in found.walk.raised.items() if flag in found.view.flags)
    path, line = (found.script, raised[0] + found.offset) if raised else \
        (found.template, found.view.line)
    subject = f"login:entry-page:wall:{posixpath.splitext(found.template)[0]}"
    return [*findings, context.finding(RULE, subject, path, line,
                                       value=f"{entry} shows a user without a login only {found.view.what}")]


def _stop(context: ProjectContext, route: str, read: Reader) -> _Stop | None:
    """The login view page ``route`` (its files read with ``read``) shows a first-time user as it opens."""
    for template in sorted(page_sources(context.project, route, TEMPLATE_SUFFIXES)):
        text = read(template)
        if text is None:
            continue
        script, source, offset = _script(read, template, text)
        walk = fresh_path(source, script) if source is not None else FreshPath()
        if walk.logs_in:
            continue  # a silent login on the way: the user is let in
        view = login_view(text, template, walk.flags)
        if view is not None:
            return _Stop(template, view, template if script.startswith(template) else script, walk, offset)
    return None


def _script(read: Reader, template: str, text: str) -> tuple[str, str | None, int]:
    """(the name to parse it as, the text, its line offset) of the page's script: a single-file component's first
    ``<script>`` block (named ``page.vue.js``), or the native page's ``.js`` / ``.ts`` beside the template."""
    if not template.endswith(".wxml"):
        units = script_units(text, template)
        return (units[0][1], units[0][0], units[0][2]) if units else (template, None, 0)
    stem = posixpath.splitext(template)[0]
    return next(((stem + s, t, 0) for s in _SCRIPTS if (t := read(stem + s)) is not None), (template, None, 0))
