"""Password logins (``policy.password_login``): an account-and-password form the reviewer cannot pass with WeChat.

The reviewer tries a version with their own WeChat; a service behind a specific account and password is rejected
unless the submission gives a working test account (``LIMITED`` in docs/wechat-platform.md:
https://developers.weixin.qq.com/community/develop/doc/0006684d6d0ea090c37b6e52558c09). ``core/testaccount.py``
reads this rule's findings to ask for one, in the report's checklist and the notes alike.

The semantic diff tells each password field the change adds (``input[type=password]`` in any spelling:
``readers/passwordfield.py``; scope app where the app had none, else file: a login page added beside a payment
password is still a login). This analyzer keeps it on a login or sign-up form — the field's file, or a file
beside it of the same name (its page's script and config), speaks of logging in or of an account (the login labels
of ``checks/auth_pages.yml``: 登录, 注册, login, sign in…; 账号, 用户名) — and drops it elsewhere: a payment or
withdrawal password (支付密码) or a Wi-Fi password named on the field's own line, or a masked field on a page with
no account. A run drafting the notes of a version to submit (``context.release``) that finds no new one tells the
first shipped password login the app already has at head (scope file): its reviewer meets the whole app.

Reads: ``project``, ``read_head``, ``repo_grep``, ``facts_at_head``, ``release`` · ``policy.password_login``.
Writes: removes ``policy.password_login`` off any form but a login; adds one (scope file) for a release's
existing login.
"""

from __future__ import annotations

import posixpath
import re

from mp_precheck.analyzers.context import ProjectContext, as_shipped
from mp_precheck.core.recache import compiled
from mp_precheck.core.report import Finding
from mp_precheck.notes.pagetitles import unshipped
from mp_precheck.readers.authpage import tables
from mp_precheck.readers.passwordfield import PASSWORD_FIELD

RULE = "policy.password_login"
# Words of a page that holds an account (beside the login labels of checks/auth_pages.yml).
_ACCOUNT_WORDS = ("账号", "帐号", "用户名", "username", "学号", "工号")
# A masked field named on its own line for a payment, a withdrawal or a network: no account's password.
_OTHER_SECRET = compiled(r"支付|交易|付款|提现|钱包|(?<![a-z])pay(?!load)|wi-?fi|wlan", re.IGNORECASE)
# The files of a field's page that may speak of logging in: its markup, script and page config.
_BESIDE = (".wxml", ".js", ".ts", ".json", ".vue", ".wpy", ".mpx", ".jsx", ".tsx", ".config.js", ".config.ts")
_MARKUP = (".wxml", ".vue", ".nvue", ".wpy", ".mpx", ".jsx", ".tsx")
_SCRIPTS = (".js", ".ts")  # a Taro page's JSX may sit in a plain script
_SEARCHED = 60  # files holding "password" read at most, when a release looks for a login the app already has


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    shipped = as_shipped(context)
    kept = [f for f in findings if f.rule != RULE or login_form(shipped, f.path, f.line)]
    if not context.release or any(f.rule == RULE for f in kept):
        return kept
    existing = _existing_login(shipped)
    return kept if existing is None else [*kept, context.finding(RULE, PASSWORD_FIELD, *existing, scope="file")]


def login_form(context: ProjectContext, path: str, line: int) -> bool:
    """Whether the password field at ``line`` of ``path`` (read with ``context.read_head``) is a login or sign-up
    form's: its own line names no payment or network secret, and its page speaks of logging in or of an account."""
    text = context.read_head(path) or ""
    lines = text.splitlines()
    if 0 < line <= len(lines) and _OTHER_SECRET.search(lines[line - 1]):
        return False
    stem = path[: -len(posixpath.splitext(path)[1])] if posixpath.splitext(path)[1] else path
    texts = [text, *(context.read_head(stem + suffix) or "" for suffix in _BESIDE if stem + suffix != path)]
    words = (*tables().labels, *_ACCOUNT_WORDS)
    return any(word in body.lower() for body in texts for word in words)


def _existing_login(context: ProjectContext) -> tuple[str, int] | None:
    """(path, line) of the first password field of a login form in a shipped page file of the project at head."""
    project = context.project
    suffixes = _MARKUP + (_SCRIPTS if project.framework == "taro" else ())
    candidates = [path for path in sorted(context.repo_grep({"password"}))
                  if path.lower().endswith(suffixes) and project.owns(path)
                  and not unshipped(path, project.root, project.pages)]
    for path in candidates[:_SEARCHED]:
        facts = context.facts_at_head(path)
        for fact in facts.facts if facts is not None else ():
            if fact.subject == PASSWORD_FIELD and login_form(context, path, fact.line):
                return path, fact.line
    return None
