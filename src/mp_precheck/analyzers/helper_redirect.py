"""A login helper called where a redirect to a login page was: the same forced login, refactored.

A launch or entry-page hook that calls a helper named as a login step (``jump.gotoLogin()``, ``toLogin()``) is a
forced-login fact told by the helper's name (``readers/lifecycle.py``); the redirect it replaced may have gone
through a router object the reader does not name (``Router.reLaunch({ url: '/pages/user/wx-auth/index' })``),
so the semantic diff sees a new subject. When the file's base version, from the same hook and through the same
helpers, redirected to a login page under no more conditions than the call now runs under, the user met the
same login before the change: the finding is removed. A helper call where no redirect to login was, or one
that runs under fewer conditions, keeps it.

Source: https://developers.weixin.qq.com/miniprogram/product/index.html (请在用户了解体验小程序功能后，再要求用户进行
帐号登录; operations rules 15.1.3).

Reads: ``counterpart``, ``read_head``, ``read_base`` · ``login.forced_login``.
Writes: removes ``login.forced_login`` of a login helper by name that stands where a redirect to login was.
"""

from __future__ import annotations

from tree_sitter import Node

from mp_precheck.analyzers.context import ProjectContext, as_shipped
from mp_precheck.core.report import Finding
from mp_precheck.readers.jsbindings import NAMESPACES
from mp_precheck.readers.lifecycle import LOGIN_TARGET, ForcedAction, HookScanner
from mp_precheck.readers.sfc import split_blocks
from mp_precheck.readers.syntax import language_for, node_text, parse, walk

RULE = "login.forced_login"
_PREFIXES = ("login:launch:", "login:entry-page:")
# A router object's route methods (Taro's, uni-simple-router's, a project's own Router) as the wx API they do
# (https://developers.weixin.qq.com/miniprogram/dev/api/route/wx.reLaunch.html).
_ROUTES = {"navigateTo": "wx.navigateTo", "push": "wx.navigateTo", "navigate": "wx.navigateTo",
           "redirectTo": "wx.redirectTo", "redirect": "wx.redirectTo", "replace": "wx.redirectTo",
           "reLaunch": "wx.reLaunch", "switchTab": "wx.switchTab"}
_SFC = (".vue", ".nvue", ".uvue", ".wpy", ".mpx")


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    context = as_shipped(context)  # code only another platform runs is no wall a WeChat user meets
    return [f for f in findings if not (f.rule == RULE and f.subject.startswith(_PREFIXES)
                                        and f.subject.endswith("()") and _replaced_redirect(context, f))]


def _replaced_redirect(context: ProjectContext, finding: Finding) -> bool:
    """Whether the helper call ``finding`` tells stands where the base file redirected to a login page."""
    old = context.counterpart.get(finding.path, finding.path)
    before = context.read_base(old) if old else None
    after = context.read_head(finding.path)
    if before is None or after is None or old is None:
        return False
    helper = finding.subject.rsplit(":", 1)[-1]
    calls = [a for a in _actions(after, finding.path) if a.target == helper]
    # a page path (``list.push(loginInfo)`` is no redirect), named as a login page
    redirects = [a for a in _actions(before, old) if "/" in a.target and not a.target.endswith("()")
                 and LOGIN_TARGET.search(a.target)]
    return any(_path(call) == _path(redirect) and call.conditions >= redirect.conditions
               for call in calls for redirect in redirects)


def _path(action: ForcedAction) -> str:
    """The hook and helpers that lead to the action: ``onLoad: check()`` of ``onLoad: check() → goLogin()``."""
    hook, _, rest = action.what.partition(": ")
    return f"{hook}: {rest.rpartition(' → ')[0]}"


def _actions(text: str, path: str) -> list[ForcedAction]:
    """The forced actions of a script (a single-file component's script block), router objects read too."""
    if path.endswith(_SFC):
        text = next((b.text for b in split_blocks(text) if b.tag == "script"), "")
        path += ".js"
    root = parse(language_for(path), text.encode("utf-8", "surrogatepass")).root_node
    return list(HookScanner(_route).scan(walk(root)))


def _route(node: Node) -> str | None:
    """``wx.reLaunch`` (or uni / Taro's) as its ``wx`` name; a router object's route method as the wx API it
    does; None for anything else."""
    if node.type != "member_expression":
        return None
    prop = node_text(node.child_by_field_name("property"))
    if node_text(node.child_by_field_name("object")) in NAMESPACES:
        return f"wx.{prop}"
    return _ROUTES.get(prop)
