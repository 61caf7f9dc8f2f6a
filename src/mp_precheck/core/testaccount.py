"""Whether the reviewer needs a test account, and why: one decision for the report's checklist and the notes.

The 提交审核 form has a 测试账号 field (https://developers.weixin.qq.com/miniprogram/product/reject.html: a version
whose features sit behind an account or a payment must give the reviewer an account that reaches them; a service
behind a specific account and password is rejected without a valid test account and password in the 提审页面:
https://developers.weixin.qq.com/community/develop/doc/0006684d6d0ea090c37b6e52558c09). The diff
report's backend checklist (:mod:`.checklist`) and the submission notes (:mod:`mp_precheck.notes.submission`) both
word the answer of :func:`account_reasons`, so the checklist never asks for an account the notes call
非必需, nor the reverse.

In: the report (its active findings in code the Mini Program ships) and, for the notes, the reviewer-visible lines
of the range. Out: the reasons, keys of ``why.*`` in templates/messages.yml, in a fixed order. Never raises.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from mp_precheck.core.recache import compiled
from mp_precheck.core.report import Finding, Report
from mp_precheck.notes.pagetitles import unshipped

# What a login-family finding's subject names: an account (login page, sign-up, binding) or only a permission prompt
# (wx.authorize, a checkAuthorize helper asking for scope.userLocation). A bare "auth" (toAuth, pages/auth) is
# usually the app's login page and counts as an account.
_ACCOUNT = compiled(r"log(?:in|on)|sign[-_]?(?:in|up)|regist|bind|passport|account|user[-_]?info|profile|phone|"
                    r"登录|登陆|注册|绑定|账号|帐号", re.IGNORECASE)
_LOGIN_SUBJECT = compiled(r"^login:[\w-]+:")  # the rule's own prefix (login:entry-page:) names no account
_PERMISSION = compiled(r"authori[sz]|permission|scope|setting|location|定位|权限", re.IGNORECASE)
# A new account system (sign-in pages, no way to log out): the reviewer must be able to log in to it.
_ACCOUNT_SYSTEM = "completeness.no_logout"
# An account-and-password login form the change adds, or (a release's notes) one the app has: only a given account
# passes it, whatever the scope (analyzers/password_login.py).
_PASSWORD_LOGIN = "policy.password_login"

# Words of a reviewer-visible line that say the version needs a test account, and why. Payment is not among
# them: whether the version involves payment is answer 2's to say (the payment findings), and the account's
# reason must not claim a payment flow that answer says is not there.
_ACCOUNT_WORDS: dict[str, tuple[str, ...]] = {
    "login": ("登录", "登陆", "注册", "login", "sign in", "sign-in"),
    "phone": ("手机号", "绑定手机", "手机绑定", "phone"),
    "membership": ("会员", "vip", "membership"),
    "merchant": ("商户", "商家", "店铺管理", "merchant", "seller"),
}
REASONS = ("login", "phone", "payment", "membership", "merchant")  # the order they are named in


def asks_for_account(finding: Finding) -> bool:
    """Whether a login-family ``finding`` is about an account the reviewer must log in to, rather than a permission
    prompt on launch (``login.forced_login`` covers both: https://developers.weixin.qq.com/miniprogram/product/reject.html):
    only an account needs a test account."""
    if finding.family != "login":
        return False
    named = f"{_LOGIN_SUBJECT.sub('', finding.subject)} {finding.value or ''}"
    return _ACCOUNT.search(named) is not None or _PERMISSION.search(named) is None


def shipped_findings(report: Report) -> tuple[Finding, ...]:
    """The report's active findings in code the Mini Program ships: not in a demo, example, mock or test folder nor
    in a page folder no configuration registers (:func:`.pagetitles.unshipped`)."""
    projects = {p.root: p for p in report.projects}
    return tuple(f for f in report.active_findings
                 if (p := projects.get(f.project)) is None or not unshipped(f.path, p.root, p.pages))


def account_reasons(report: Report, lines: Iterable[str] = ()) -> list[str]:
    """Why the reviewer needs a test account (keys of ``why.*``), empty when nothing calls for one.

    ``payment``: a payment finding in shipped code (what answer 2 of the notes names: a new call site too);
    ``login``: a finding new to the app about an account (:func:`asks_for_account`) or a new account system
    (``completeness.no_logout``) or an account-and-password login form (``policy.password_login``: one the change
    adds, or on a release's run one the app has) — a phone-number button or a silent ``wx.login`` alone needs none,
    the reviewer passes them with their own WeChat; ``lines`` (the notes' reviewer-visible lines) add login, phone
    binding, membership or merchant-only features they name."""
    found: set[str] = set()
    for f in shipped_findings(report):
        if f.family == "payment":
            found.add("payment")
        elif f.rule == _PASSWORD_LOGIN or (f.scope == "app" and (asks_for_account(f) or f.rule == _ACCOUNT_SYSTEM)):
            found.add("login")
    text = " ".join(lines).lower()
    found |= {reason for reason, words in _ACCOUNT_WORDS.items() if any(w in text for w in words)}
    return [r for r in REASONS if r in found]
