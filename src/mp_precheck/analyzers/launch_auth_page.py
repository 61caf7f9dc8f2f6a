"""A launch or entry-page redirect to an authorization page named like any other page (``login.forced_login``).

``App.onLaunch`` sending a user without a stored id to ``/pages/init/init`` forces login as surely as a redirect to
``/pages/login/login``: the page's name says nothing, its content does (its only control asks for the profile, the
phone number or a login, ``readers/authpage.py``). Redirects to pages named as login pages are facts of the hook
already (``readers/lifecycle.py``); here the other targets are read: of the app's launch hooks (``onLaunch``,
``onShow``, a Taro class App's ``componentDidMount`` / ``componentDidShow``, registered ones such as
``onLaunch(() => …)`` included) and of the entry page's load hooks (``onLoad``, ``onShow``, ``created``…), through
same-file helpers, callbacks, and navigation helpers of another project module the script imports
(``util.openGrantPage(path)`` of ``utils/util.js`` that ``wx.redirectTo``-s a fixed page, or a router helper told
the page as an argument). One is reported when its page is an authorization page by content that leads on to the
content (a route API) or says it logs in — or when the redirect runs for users who have not granted the
profile (``if (!res.authSetting['scope.userInfo'])``, not the branch only granters take), whatever its page
shows — and the change adds the
redirect: its call is an added line, and at the merge base the same hooks did not open that page or the page was
no authorization page (a redirect rewritten in place is not new). A helper's redirect that answers the server (a
401, an expired session, a ``fail`` callback) is the expiry handler of a request, not a gate, and is left out.
Reported at the hook's statement that leads to it, in the app script (``login:launch:<page>``) or the entry page's
script (``login:entry-page:<page>``).

Source: https://developers.weixin.qq.com/miniprogram/product/index.html (请在用户了解体验小程序功能后，再要求用户进行
帐号登录; operations rules 15.1.3), https://developers.weixin.qq.com/miniprogram/dev/reference/api/App.html
(onLaunch, onShow) and https://developers.weixin.qq.com/miniprogram/dev/reference/api/Page.html (onLoad, onShow).

Reads: ``project``, ``counterpart``, ``added_lines``, ``read_head``, ``read_base``, ``exists_at_head``,
``facts_at_head`` · ``login.forced_login``.
Writes: adds ``login.forced_login`` (subject ``login:launch:<page>`` or ``login:entry-page:<page>``) in the app
script or the entry page's script.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterator

from msgspec import Struct
from tree_sitter import Node

from mp_precheck.analyzers.auth_entry import Reader, base_reader, forwards_on, page_ask
from mp_precheck.analyzers.context import ProjectContext, as_shipped
from mp_precheck.analyzers.entry_helpers import answers
from mp_precheck.core.report import Finding
from mp_precheck.facts.scope import entry_scripts
from mp_precheck.facts.store import ExistingPaths, resolve_module
from mp_precheck.readers.aliases import project_aliases
from mp_precheck.readers.helperargs import arguments, passed
from mp_precheck.readers.launchcalls import import_bindings
from mp_precheck.readers.lifecycle import (
    DEFINITION_TYPES,
    HELPER_DEPTH,
    LOGIN_TARGET,
    NAVIGATION,
    ForcedAction,
    HookScanner,
    page_path,
    tree_definitions,
    url_text,
)
from mp_precheck.readers.modulereach import namespaced_api
from mp_precheck.readers.openinghooks import LAUNCH, OPENING
from mp_precheck.readers.scopetest import without_scope
from mp_precheck.readers.sfc import script_units
from mp_precheck.readers.syntax import language_for, node_text, nodes_of, parse

RULE = "login.forced_login"
_APP_NAMES = ("app.js", "app.ts", "app.jsx", "app.tsx", "App.vue", "app.vue", "app.wpy", "app.mpx")
# The App's hooks (a Taro class App's componentWillMount / componentDidMount too: readers/openinghooks.py)
_LAUNCH = tuple(sorted(LAUNCH))
_SCRIPTS = (".js", ".ts", ".mjs", ".jsx", ".tsx")
# What a script's redirects are read from: the nodes HookScanner.scan reads (functions, hook registrations) and
# those import_bindings reads (imports, require() declarators), in source order.
_SCANNED = (*DEFINITION_TYPES, "import_statement")
Follow = Callable[[Node, dict[str, Node]], "tuple[str, str] | None"]


class _AnyPage(HookScanner):
    """Reads a navigation to any page not named as a login page as the hook's action (a redirect to a login page
    by name, a prompt or a login helper are the hook facts' own); a call of another module's function is read
    through ``follow``."""

    def __init__(self, resolve: Callable[[Node], str | None], follow: Follow | None = None) -> None:
        super().__init__(resolve)
        self.follow = follow

    def _action(self, call: Node, bound: dict[str, Node]) -> tuple[str, str] | None:
        fn = call.child_by_field_name("function")
        args = call.child_by_field_name("arguments")
        first = args.named_children[0] if args is not None and args.named_children else None
        if fn is None:
            return None
        if self.resolve(fn) not in NAVIGATION:
            return self.follow(call, bound) if self.follow is not None else None
        target = url_text(passed(first, bound)) if first is not None else ""
        page = page_path(target)
        if not page or page.startswith(".") or LOGIN_TARGET.search(target):
            return None
        return f"{self.resolve(fn)} {target[:80]}", page

    def reached(self, name: str, defs: dict[str, Node], call: Node, bound: dict[str, Node]) -> Iterator[ForcedAction]:
        """The navigations function ``name`` of ``defs`` makes when ``call`` (with the caller's ``bound``
        parameters) runs it, through its own file's helpers."""
        body = defs[name]
        yield from self._actions(body, defs, HELPER_DEPTH - 1, frozenset({name}), arguments(body, call, bound))


class _Modules(Struct):
    """The project modules a script imports, read with ``read`` and parsed once each (``defs`` per path)."""

    importer: str
    read: Reader
    tree: ExistingPaths
    aliases: dict[str, str]
    parsed: dict[str, dict[str, Node] | None]

    def follower(self, nodes: list[Node]) -> Follow:
        """How a call among ``nodes`` (one script unit) of an imported function reaches a page: (what, page)."""
        modules, names = import_bindings(nodes)

        def follow(call: Node, bound: dict[str, Node]) -> tuple[str, str] | None:
            fn = call.child_by_field_name("function")
            if fn is not None and fn.type == "identifier" and node_text(fn) in names:
                spec, name = names[node_text(fn)]
            elif fn is not None and fn.type == "member_expression" and \
                    node_text(fn.child_by_field_name("object")) in modules:
                spec, name = modules[node_text(fn.child_by_field_name("object"))], node_text(
                    fn.child_by_field_name("property"))
            else:
                return None
            defs = self.defs(spec)
            if defs is None or name not in defs:
                return None
            found = next((a for a in _AnyPage(namespaced_api).reached(name, defs, call, bound)
                          if not any(answers(c) for c in a.calls)), None)
            return (f"{name}() → {found.what}", found.target) if found is not None else None

        return follow

    def defs(self, spec: str) -> dict[str, Node] | None:
        path = resolve_module(self.importer, spec, self.tree, self.aliases)
        if path is None or not path.endswith(_SCRIPTS):
            return None
        if path not in self.parsed:
            text = self.read(path)
            language = language_for(path)
            self.parsed[path] = tree_definitions(parse(language, text.encode("utf-8", "surrogatepass")).root_node,
                                                 language) if text is not None else None
        return self.parsed[path]


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    context = as_shipped(context)  # code only another platform runs is no wall a WeChat user meets
    told = {f.subject for f in findings if f.rule == RULE}
    out = list(findings)
    read_before = base_reader(context)
    folders = (context.project.root, context.project.env_root or context.project.root)
    aliases = project_aliases(folders, context.read_head)
    scripts = [(p, "launch", _LAUNCH) for p in app_scripts(context)] + \
        [(p, "entry-page", tuple(sorted(OPENING))) for p in _entry_script(context)]
    for path, kind, hooks in scripts:
        added = context.added_lines.get(path, frozenset())
        text = context.read_head(path)
        if not added or text is None:
            continue
        head = _Modules(path, context.read_head, ExistingPaths(context.exists_at_head), aliases, {})
        old = _Modules(path, read_before, ExistingPaths(lambda p: read_before(p) is not None), aliases, {})
        before: set[str] | None = None  # the base's redirects: read only for a redirect the change adds calls to
        for action, lines in _redirects(text, path, hooks, head):
            subject = f"login:{kind}:{action.target}"
            if subject in told or not any(line in added for line in lines[1:]):  # membership: EveryLine
                continue
            ask = page_ask(context, action.target, context.read_head)[1]
            gated = _without_profile(action)
            if (ask is None or not (ask.worded or forwards_on(context, action.target))) and not gated:
                continue
            if before is None:
                before = {found.target for found, _lines in _redirects(read_before(path), path, hooks, old)}
            if action.target in before and (gated or page_ask(context, action.target, read_before)[1] is not None):
                continue  # the hooks already opened this authorization page
            told.add(subject)
            why = ask.what if ask is not None else "scope.userInfo"
            out.append(context.finding(RULE, subject, path, lines[0], value=f"{action.what} → {why}"))
    return out


def _entry_script(context: ProjectContext) -> list[str]:
    """The entry page's script at head, unless the entry page is a login page by name or an authorization page by
    what it shows: its sending the user on to the next authorization step is part of that gate, not a second one."""
    entry = context.project.entry_page
    if not entry or LOGIN_TARGET.search(entry) or page_ask(context, entry, context.read_head)[1] is not None:
        return []
    return sorted(p for p in entry_scripts(context.project) if context.read_head(p) is not None)[:1]


def _without_profile(action: ForcedAction) -> bool:
    """Whether the redirect runs for users who have not granted the user-info scope
    (``if (!res.authSetting['scope.userInfo'])`` in a ``wx.getSetting`` callback, or the ``else`` of the plain
    test): every user who has not authorized the profile is sent away at launch, whatever the target page is
    called (https://developers.weixin.qq.com/miniprogram/dev/api/open-api/setting/AuthSetting.html). A
    navigation in the branch only users who granted it take (``if (res.authSetting['scope.userInfo'])
    wx.switchTab(home)``) leads them into the content and is no gate (``readers/scopetest.py``)."""
    return bool(action.calls) and without_scope(action.calls[-1]) is True


def app_scripts(context: ProjectContext) -> list[str]:
    """The project's app scripts at head (``app.js`` beside the app config, ``src/App.vue`` …)."""
    root = context.project.root.strip("/")
    folders = [root, posixpath.join(root, "src") if root else "src"]
    return [p for p in (posixpath.join(f, n) for f in folders for n in _APP_NAMES) if context.read_head(p) is not None]


def _redirects(text: str | None, path: str, hooks: tuple[str, ...], modules: _Modules
               ) -> Iterator[tuple[ForcedAction, tuple[int, ...]]]:
    """Each navigation of a hook among ``hooks`` to a page not named as a login page, with (the line of the hook's
    statement leading to it, the lines of its calls), in the file ``text`` at ``path`` (a single-file component's
    scripts); calls of imported functions read through ``modules``."""
    if text is None:
        return
    page = posixpath.basename(path) not in _APP_NAMES
    for source, name, offset in script_units(text, path):
        language = language_for(name)
        # the hooks' definitions and registrations, and the imports calls are followed through: one query
        nodes = nodes_of(parse(language, source.encode("utf-8", "surrogatepass")).root_node, language, _SCANNED)
        for action in _AnyPage(namespaced_api, modules.follower(nodes)).scan(nodes, page=page):
            if action.what.startswith(tuple(f"{hook}:" for hook in hooks)):
                lines = (action.node.start_point[0] + 1 + offset,
                         *(c.start_point[0] + 1 + offset for c in action.calls))
                yield action, lines
