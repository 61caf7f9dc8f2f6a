"""Accounts without a way out (``completeness.no_logout``): the change adds an account system — registers a
login / register / phone-binding page, or adds the phone-number button (new to the app) on such a page — while no file
of the app offers logging out (退出登录, 注销, logout, signOut, clearStorage…; a ``git grep`` over head, so a
logout anywhere in the app keeps this quiet). A page named so whose controls only choose a way on (a role chooser
named ``auth``: ``analyzers/silent_entry.py`` ``chooses``) is no account page, nor is a daily check-in page
(``sign_in`` / ``signin`` is 签到 in many Chinese apps): one whose title or files speak of checking in (签到, 打卡,
check-in) and that neither logs in, asks for a phone number or a password, nor stores a token.

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
from mp_precheck.core.lazyre import lazy
from mp_precheck.core.recache import compiled
from mp_precheck.core.report import Finding
from mp_precheck.facts.scope import page_sources
from mp_precheck.notes.pagetitles import shown_title

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
            if page and page not in before and _account_page().search(page) and not chooses(context, entry) and \
                    not _checks_in(context, page):
                line = next((n for n, text in enumerate((head_text or "").splitlines(), 1) if page in text), None)
                if line is not None or not context.project.pages_computed:  # a computed entry: by what the page does
                    return registry, line or 1, page
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


# What a login or sign-up page does (a login call, a phone-number button, a password field, a token kept) or says.
_LOGS_IN = lazy(r"\.\s*login\s*\(|getPhoneNumber|getRealtimePhoneNumber|password|密码|验证码|登录|登陆|注册|"
                r"setStorage(?:Sync)?\s*\(\s*['\"`][\w.-]*(?:token|session)", re.IGNORECASE)
# A daily check-in (签到有礼, 每日打卡, check-in): what a page named sign_in often is.
_CHECKS_IN = lazy(r"签到|打卡|check[ _-]?in|qiandao", re.IGNORECASE)
_PAGE_FILES = (".wxml", ".js", ".ts", ".json", ".vue", ".nvue", ".uvue", ".wpy", ".mpx", ".jsx", ".tsx")


def _checks_in(context: ProjectContext, page: str) -> bool:
    """Whether registered ``page`` is a daily check-in rather than an account page: its title or its files speak
    of checking in, and none of its files logs in, asks for a phone number or a password, or keeps a token."""
    project = context.project
    texts = [text for path in sorted(page_sources(project, page, _PAGE_FILES)) if (text := context.read_head(path))]
    if any(_LOGS_IN.search(text) for text in texts):
        return False
    title = shown_title(page, project.root, project.framework, context.read_head) or ""
    return bool(_CHECKS_IN.search(title) or any(_CHECKS_IN.search(text) for text in texts))


def _has_logout(context: ProjectContext) -> bool:
    root = context.project.root
    return any(context.project.owns(path) for path in context.repo_grep(set(LOGOUT_NEEDLES))
               if not root or path.startswith(root + "/"))
