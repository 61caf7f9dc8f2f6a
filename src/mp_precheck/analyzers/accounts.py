"""Accounts without a way out (``completeness.no_logout``): the change adds an account system — registers a
login / register / phone-binding page, or adds the phone-number button (new to the app) on such a page — while no file
of the app offers logging out (退出登录, 注销, logout, signOut, clearStorage…; a ``git grep`` over head, so a
logout anywhere in the app keeps this quiet). A page named so whose controls only choose a way on (a role chooser
named ``auth``: ``analyzers/silent_entry.py`` ``chooses``) is no account page.

Source: https://developers.weixin.qq.com/miniprogram/product/reject.html (3.5.5; operations rules 16.6.3:
https://developers.weixin.qq.com/miniprogram/product/index.html).

Reads: ``project``, ``changed_paths``, ``read_head``, ``repo_grep``; no findings.
Writes: adds ``completeness.no_logout``.
"""

from __future__ import annotations

import re
from functools import cache

from mp_precheck.analyzers.context import ProjectContext
from mp_precheck.analyzers.missing_pages import page_name, registered_before, registry_file
from mp_precheck.analyzers.silent_entry import chooses
from mp_precheck.core.recache import compiled
from mp_precheck.core.report import Finding

PHONE_BUTTONS = frozenset({"button[open-type=getPhoneNumber]", "button[open-type=getRealtimePhoneNumber]"})
# Fixed strings (git grep): any of them in an app file is taken as a logout path.
LOGOUT_NEEDLES = frozenset({"logout", "Logout", "LogOut", "logOut", "loginOut", "LoginOut", "loginout", "signOut",
                            "SignOut", "signout", "exitLogin", "quitLogin", "outLogin", "clearStorage",
                            "退出登录", "退出登陆", "注销", "退出账号", "退出帐号", "切换账号", "切换帐号", "退出"})


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    trigger = _new_account_system(context, findings)
    if trigger is None or _has_logout(context):
        return findings
    path, line, what = trigger
    return [*findings, context.finding("completeness.no_logout", "account:no-logout", path, line, value=what)]


def _new_account_system(context: ProjectContext, findings: list[Finding]) -> tuple[str, int, str] | None:
    """(path, line, what) of the first thing this change adds that makes an account system, or None."""
    registry = registry_file(context.project)
    if registry is not None and registry in context.changed_paths:  # else no page is new
        head_text = context.read_head(registry)
        before = registered_before(context, registry)
        for entry in context.project.pages:
            page = page_name(entry)
            if page and page not in before and _account_page().search(page) and not chooses(context, entry):
                line = next((n for n, text in enumerate((head_text or "").splitlines(), 1) if page in text), 1)
                return registry, line, page
    phone = next((f for f in findings
                  if f.subject in PHONE_BUTTONS and f.scope == "app" and _account_page().search(f.path)), None)
    return (phone.path, phone.line, phone.subject) if phone else None


@cache
def _account_page() -> re.Pattern[str]:
    """A page path naming an account page by a whole segment (pages/login/login, pages/users/auth/index,
    pages/authorize/bindmobile); "author" or "binding" (a product bundle) are not account pages. Compiled when a
    change first registers a page or adds a phone button."""
    return compiled(r"(?:^|[/_.-])(?:login|logon|signin|sign-in|sign_in|signup|sign-up|register|auth|authorize|"
                      r"bind-?phone|bind-?mobile|bind_phone|bind_mobile|passport)(?:$|[/_.-])", re.IGNORECASE)


def _has_logout(context: ProjectContext) -> bool:
    root = context.project.root
    return any(context.project.owns(path) for path in context.repo_grep(set(LOGOUT_NEEDLES))
               if not root or path.startswith(root + "/"))
