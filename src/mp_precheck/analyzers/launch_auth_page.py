"""A launch redirect to an authorization page named like any other page (``login.forced_login``).

``App.onLaunch`` sending a user without a stored id to ``/pages/init/init`` forces login as surely as a redirect to
``/pages/login/login``: the page's name says nothing, its content does (its only control asks for the profile, the
phone number or a login, ``readers/authpage.py``). Redirects to pages named as login pages are facts of the hook
already (``readers/lifecycle.py``); here the other targets of the app's launch hooks (``onLaunch``, ``onShow``, a
Taro class App's ``componentDidMount`` / ``componentDidShow``, registered ones such as ``onLaunch(() => …)``
included, through same-file helpers) are read, and one is reported when its page is an authorization page by content
that leads on to the content (a route API) or says it logs in — or when the redirect runs only for users who have
not granted the profile (``if (!res.authSetting['scope.userInfo'])``), whatever its page shows — and the change adds
the redirect: its call is an added line, and at the merge base the launch hooks did not open that page or the page
was no authorization page (a redirect rewritten in place is not new). Reported at the hook's statement that leads to
it.

Source: https://developers.weixin.qq.com/miniprogram/product/index.html (请在用户了解体验小程序功能后，再要求用户进行
帐号登录; operations rules 15.1.3) and https://developers.weixin.qq.com/miniprogram/dev/reference/api/App.html
(onLaunch, onShow).

Reads: ``project``, ``counterpart``, ``added_lines``, ``read_head``, ``read_base``, ``facts_at_head`` ·
``login.forced_login``.
Writes: adds ``login.forced_login`` (subject ``login:launch:<page>``) in the app script.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator

from tree_sitter import Node

from mp_precheck.analyzers.auth_entry import base_reader, forwards_on, page_ask
from mp_precheck.analyzers.context import ProjectContext
from mp_precheck.core.report import Finding
from mp_precheck.readers.lifecycle import LOGIN_TARGET, NAVIGATION, ForcedAction, HookScanner, page_path, url_text
from mp_precheck.readers.modulereach import namespaced_api
from mp_precheck.readers.sfc import split_blocks
from mp_precheck.readers.syntax import language_for, node_text, parse, walk

RULE = "login.forced_login"
_APP_NAMES = ("app.js", "app.ts", "app.jsx", "app.tsx", "App.vue", "app.vue", "app.wpy", "app.mpx")
_SFC = (".vue", ".wpy", ".mpx")
# and a Taro class App's: componentWillMount / componentDidMount run at launch, componentDidShow as it shows
# (https://docs.taro.zone/docs/react-entry)
_LAUNCH = ("onLaunch", "onShow", "componentWillMount", "componentDidMount", "componentDidShow")


class _AnyPage(HookScanner):
    """Reads a navigation to any page not named as a login page as the hook's action (a redirect to a login page
    by name, a prompt or a login helper are the hook facts' own)."""

    def _action(self, call: Node, bound: dict[str, Node]) -> tuple[str, str] | None:
        fn = call.child_by_field_name("function")
        args = call.child_by_field_name("arguments")
        first = args.named_children[0] if args is not None and args.named_children else None
        if fn is None or first is None or self.resolve(fn) not in NAVIGATION:
            return None
        target = url_text(first)
        page = page_path(target)
        if not page or page.startswith(".") or LOGIN_TARGET.search(target):
            return None
        return f"{self.resolve(fn)} {target[:80]}", page


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    told = {f.subject for f in findings if f.rule == RULE}
    out = list(findings)
    read_before = base_reader(context)
    for path in _app_scripts(context):
        added = context.added_lines.get(path, frozenset())
        text = context.read_head(path)
        if not added or text is None:
            continue
        before = {action.target for action, _lines in _redirects(read_before(path), path)}
        for action, lines in _redirects(text, path):
            subject = f"login:launch:{action.target}"
            if subject in told or not any(line in added for line in lines[1:]):  # membership: EveryLine
                continue
            ask = page_ask(context, action.target, context.read_head)[1]
            gated = _without_profile(action)
            if (ask is None or not (ask.worded or forwards_on(context, action.target))) and not gated:
                continue
            if action.target in before and (gated or page_ask(context, action.target, read_before)[1] is not None):
                continue  # the app already opened this authorization page at launch
            told.add(subject)
            why = ask.what if ask is not None else "scope.userInfo"
            out.append(context.finding(RULE, subject, path, lines[0], value=f"{action.what} → {why}"))
    return out


def _without_profile(action: ForcedAction) -> bool:
    """Whether the redirect runs under an ``if`` that tests the user-info scope the user granted
    (``if (!res.authSetting['scope.userInfo'])`` in a ``wx.getSetting`` callback): every user who has not
    authorized the profile is sent away at launch, whatever the target page is called
    (https://developers.weixin.qq.com/miniprogram/dev/api/open-api/setting/AuthSetting.html)."""
    node = action.calls[-1].parent if action.calls else None  # from the redirect up to the hook's statement
    while node is not None and node is not action.node:
        condition = node.child_by_field_name("condition") if node.type == "if_statement" else None
        text = node_text(condition) if condition is not None else ""
        if "authSetting" in text and "scope.userInfo" in text:
            return True
        node = node.parent
    return False


def _app_scripts(context: ProjectContext) -> list[str]:
    """The project's app scripts at head (``app.js`` beside the app config, ``src/App.vue`` …)."""
    root = context.project.root.strip("/")
    folders = [root, posixpath.join(root, "src") if root else "src"]
    return [p for p in (posixpath.join(f, n) for f in folders for n in _APP_NAMES) if context.read_head(p) is not None]


def _redirects(text: str | None, path: str) -> Iterator[tuple[ForcedAction, tuple[int, ...]]]:
    """Each launch hook's navigation to a page not named as a login page, with (the line of the hook's statement
    leading to it, the lines of its calls), in the file ``text`` at ``path`` (a single-file component's scripts)."""
    if text is None:
        return
    parts = [(text, path, 0)]
    if path.endswith(_SFC):
        parts = [(b.text, f"{path}.{b.attrs.get('lang') or 'js'}", b.line_offset) for b in split_blocks(text)
                 if b.tag == "script" and not b.attrs.get("src") and "json" not in b.attrs.get("type", "")]
    for source, name, offset in parts:
        root = parse(language_for(name), source.encode("utf-8", "surrogatepass")).root_node
        for action in _AnyPage(namespaced_api).scan(walk(root)):
            if action.what.startswith(tuple(f"{hook}:" for hook in _LAUNCH)):
                lines = (action.node.start_point[0] + 1 + offset,
                         *(c.start_point[0] + 1 + offset for c in action.calls))
                yield action, lines
