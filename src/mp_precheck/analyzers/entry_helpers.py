"""Forced login in a project module the entry page's load hooks reach (``login.forced_login``).

The entry page's ``onLoad`` calling ``checkLogin()`` of ``./api/index.js``, which sends a user without a stored
token to the login page, or its ``componentWillMount`` loading a list through a request service that now logs
in and redirects to the login page before any request, puts the login page in front of every new user, though
the page and its hook look harmless. Followed from the load hooks (``readers/modulereach.py``) into the
functions they use of other modules, :data:`HOPS` modules deep (modules that only pass names on, barrels, are
not counted); each function reached is read for a redirect to a login page as a hook is
(:class:`~mp_precheck.readers.lifecycle.HookScanner`). A redirect that answers the server (a 401, an expired
token, a failed request) is the expiry handler of a request, not login on entry, and is left out — unless it
answers one business code (``res.data.code === 40100``: "not logged in", "no phone bound"), which a new user meets
on the entry page's first request (:func:`code_wall`); so is such a redirect in an interceptor a client module
installs as it is imported, met by every request sent through that client. One the entry page reached at the
merge base, or only a tap reaches, is not reported. Reported once per login page, at the
module's navigation call. Modules are found through the build's aliases too (``readers/aliases.py``:
``import auth from 'utils/auth'`` of a WePY app). A redirect the page's own hooks make to a login page its hooks
reached through a module at the merge base moved into the page (``auth.login()`` sent an unknown user to the
bind page; the page now does it itself) and is not new: that finding is removed. So is the page's call of a
helper told only by its login-like name (``authService.checkLoginCode()``) when a module the page imports defines
it and it forces nothing there nor in the modules it reaches: a session check that logs in silently. The same
holds for the app script's launch call of an imported helper told only by its name (``toLogin()`` whose module
only calls ``wx.login`` and stores a token), and for such a call no imported module defines (a client the
repository does not hold: ``this.api.checkLogin(token)``) when each call of it hands its failure to a handler that
logs in silently (``readers/sessioncheck.py``: the shape of ``wx.checkSession``). A method of the App the page
calls through ``getApp()`` (``await app.ensureSignedIn()`` in ``onShow``) is followed as a module's function and
reported at the page's call, since the App's method serves every page and the page's hook is what runs it on entry.

Source: https://developers.weixin.qq.com/miniprogram/product/index.html (请在用户了解体验小程序功能后，再要求用户进行
帐号登录; operations rules 15.1.3).

Reads: ``project``, ``read_head``, ``read_base``, ``exists_at_head``, ``head_paths``, ``counterpart`` ·
``login.forced_login``.
Writes: adds ``login.forced_login`` (subject ``login:entry-page:<login page>``) in the module that navigates (at
the page's call for an App method); removes the entry page's own ``login.forced_login`` for a redirect that moved
in from such a module, or for a helper called by name that forces nothing, and the app script's
``login:launch:<helper>()`` for such a helper.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache

from msgspec import Struct, field
from tree_sitter import Node

from mp_precheck.analyzers.context import ProjectContext, as_shipped
from mp_precheck.core.lazyre import lazy
from mp_precheck.core.recache import compiled
from mp_precheck.core.report import Finding
from mp_precheck.facts.appfile import app_file
from mp_precheck.facts.scope import entry_scripts
from mp_precheck.facts.store import ExistingPaths, resolve_module
from mp_precheck.readers.aliases import project_aliases
from mp_precheck.readers.jsbindings import GET_APP
from mp_precheck.readers.lifecycle import HELPER_DEPTH, HookScanner, is_failure_callback
from mp_precheck.readers.modulereach import Module, Use, namespaced_api, read_module
from mp_precheck.readers.sessioncheck import checks_session
from mp_precheck.readers.sfc import script_units
from mp_precheck.readers.syntax import language_for, node_text, parse, walk

RULE = "login.forced_login"
FORCED = ("login:launch:", "login:entry-page:")
HOPS = 3  # modules a call is followed into: the called one and two more (page → API module → request service)
BARRELS = 3  # modules that only pass a name on, followed without counting
_LIMIT = 40  # modules read per side at most
_SCRIPTS = (".js", ".ts", ".mjs", ".jsx", ".tsx")
_APPS = (".vue", ".wpy", ".mpx")  # an App script getApp() returns may be a single-file component (App.vue)
_ANSWER_CALLS = lazy(r"(?:^|\.)(?:request|uploadFile|downloadFile|addInterceptor)$|interceptors\.response\.use$")
_NAVIGATION = lazy(r"navigat|redirect|relaunch|switchtab|jump|goto|route|push|replace", re.IGNORECASE)
_CODE_FIELD = lazy(r"(?i)^(?:code|errno|err_?code|ret_?code|result_?code|biz_?code)$")
_TESTS = {"if_statement": "condition", "ternary_expression": "condition", "switch_statement": "value",
          "switch_case": "value", "while_statement": "condition"}


class ScriptSide(Struct):
    """One side of the change (head or base): its files, read and parsed once each; which exist is told by
    ``exists`` (head: the tree), else by reading them."""

    read: Callable[[str], str | None]
    exists: Callable[[str], bool] | None = None
    aliases: dict[str, str] = field(default_factory=dict)  # the build's module aliases (readers/aliases.py)
    texts: dict[str, str | None] = field(default_factory=dict)
    modules: dict[str, Module | None] = field(default_factory=dict)

    def has(self, path: str) -> bool:
        return self.exists(path) if self.exists is not None else self.text(path) is not None

    def text(self, path: str) -> str | None:
        if path not in self.texts:
            self.texts[path] = self.read(path)
        return self.texts[path]

    def module(self, path: str) -> Module | None:
        if path not in self.modules and len(self.modules) < _LIMIT:
            text = self.text(path)
            self.modules[path] = read_module(text, path) if text is not None else None
        return self.modules.get(path)


def told_pages(findings: list[Finding]) -> set[str]:
    """The login pages forced-login findings already name (subject ``login:launch:<page>`` or
    ``login:entry-page:<page>``): a wall another analyzer reached is told once."""
    return {f.subject.split(":", 2)[2] for f in findings if f.rule == RULE and f.subject.startswith(FORCED)}


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    context = as_shipped(context)  # code only another platform runs is no wall a WeChat user meets
    folders = (context.project.root, context.project.env_root or context.project.root)
    head_side = ScriptSide(context.read_head, context.exists_at_head, project_aliases(folders, context.read_head))
    findings = _silent_launch(context, head_side, findings)
    entry = entry_script(context)
    if entry is None:
        return findings
    reached = reach(entry, head_side)
    old = context.counterpart.get(entry, entry)
    page_told = [f for f in findings if f.rule == RULE and f.path == entry and f.subject.startswith(FORCED[1])]
    if not reached and not page_told:
        return findings
    base_side = ScriptSide(context.read_base, None, project_aliases(folders, context.read_base))
    before = {target for target, _m in reach(old, base_side)} if old else set()
    # The page's own redirect to a login page its hooks reached through a module at the merge base moved into the
    # page (auth.login() sent an unknown user to bind; the page now does it itself): the wall is not new.
    moved = {id(f) for f in page_told if f.subject.split(":", 2)[2] in before}
    # A helper called by a login-like name that the page's imports define and that forces nothing is no wall.
    moved |= {id(f) for f in page_told if f.subject.endswith("()") and
              silent_helper(entry, head_side, f.subject.split(":", 2)[2][:-2])}
    findings = [f for f in findings if id(f) not in moved]
    told = told_pages(findings)
    added: list[Finding] = []
    called = set()
    for (target, module), (line, calls, what) in reached.items():
        if target in before or target in told:
            continue
        told.add(target)
        called.add(f"login:entry-page:{calls[0]}()")
        added.append(context.finding(RULE, f"login:entry-page:{target}", module, line, scope="file",
                                     value=" → ".join([f"{entry} load", *(f"{c}()" for c in calls), what])))
    # The page's own call of that helper, told by its name (checkLogin()), is the same redirect: told once, here.
    return [f for f in findings if not (f.rule == RULE and f.path == entry and f.subject in called)] + added


def entry_script(context: ProjectContext) -> str | None:
    """The entry page's script at head; a path that differs only in case when none matches exactly (``pages/Index``
    registered, ``pages/index/index.vue`` on disk: one file on the case-blind disks the IDE runs on)."""
    candidates = sorted(entry_scripts(context.project))
    found = next((path for path in candidates if context.exists_at_head(path)), None)
    if found is None and context.head_paths is not None:
        lower = {path.lower() for path in candidates}
        found = next((path for path in sorted(context.head_paths) if path.lower() in lower), None)
    return found


def reach(entry: str, side: ScriptSide, start: list[Use] | None = None
           ) -> dict[tuple[str, str], tuple[int, tuple[str, ...], str]]:
    """(login page, module) → (line, functions called on the way, what the last does) of each redirect to a login
    page the load hooks of ``entry`` (or the ``start`` uses of its imports) reach in other modules, in the order
    reached."""
    page = side.module(entry)
    if page is None:
        return {}
    tree = ExistingPaths(side.has)
    frontier: list[tuple[str, Use, int, int, tuple[str, ...], int | None]] = [
        (entry, use, HOPS, BARRELS, (), page.held.get(str(use[1])) if use[0] == GET_APP else
         page.placed.get((use[0], use[1])) if use[1] is not None else None)
        for use in (page.uses(page.hooks) if start is None else start)]
    seen: set[tuple[str, str | None]] = set()
    inited: set[str] = set()
    found: dict[tuple[str, str], tuple[int, tuple[str, ...], str]] = {}
    while frontier:
        importer, (spec, name), hops, barrels, via, held = frontier.pop(0)
        if spec == GET_APP and (importer != entry or held is None):
            continue  # only the page's own calls of App methods: reported there, and read in the App alone
        path = app_file(importer, tree) if spec == GET_APP else resolve_module(importer, spec, tree, side.aliases)
        module = side.module(path) if path is not None and path.endswith(_SCRIPTS + _APPS) else None
        if path is None or module is None or (path, name) in seen:
            continue
        seen.add((path, name))
        if path not in inited:  # a client's answer handlers the module installs as it is imported
            inited.add(path)
            for target, line, what in _init_redirects(module):
                found.setdefault((target, path), (line, (*via, name or "*"), what))
        functions = list(module.defs) if name is None else [name] if name in module.defs else []
        if not functions and barrels > 0:  # a barrel passes the name on from another module
            frontier += [(path, use, hops, barrels - 1, via, held) for use in module.passes_on(name)]
        for function in functions:
            for target, line, what in _redirects(module, function):
                # an App method the page calls through getApp() is reported at the page's call
                found.setdefault((target, entry if held else path), (held or line, (*via, function), what))
        if hops > 1 and held is None:
            frontier += [(path, use, hops - 1, barrels, (*via, name or "*"), held)
                         for use in module.uses(module.defs[f] for f in functions)]
    return found


def _silent_launch(context: ProjectContext, side: ScriptSide, findings: list[Finding]) -> list[Finding]:
    """``findings`` without the app script's launch call told only by its login-like name (``toLogin()``) when
    the project module the script imports it from forces nothing: a silent ``wx.login`` that stores a token."""
    launch = [f for f in findings if f.rule == RULE and f.subject.startswith(FORCED[0]) and f.subject.endswith("()")]
    if not launch:
        return findings
    silent = {id(f) for f in launch if silent_helper(f.path, side, f.subject.split(":", 2)[2][:-2])}
    return [f for f in findings if id(f) not in silent]


def silent_helper(entry: str, side: ScriptSide, name: str) -> bool:
    """Whether the helper the entry page's hook calls by a login-like name (``authService.checkLoginCode()``) is a
    function of a project module the page imports that forces nothing: no redirect, prompt or popup of its own,
    no redirect to login in the modules it reaches (a session check that falls back to a silent ``wx.login``).
    When no module the page imports defines it (a client the repository does not hold), the page's own calls of it
    decide: each hands its failure to a handler that logs in silently (``readers/sessioncheck.py``)."""
    page = side.module(entry)
    if page is None:
        return False
    defined = _defined_silent(entry, side, page, name)
    return defined if defined is not None else _session_checked(side.text(entry), entry, name)


def _defined_silent(entry: str, side: ScriptSide, page: Module, name: str) -> bool | None:
    """:func:`silent_helper` for a helper a module ``page`` imports defines; None when none defines it."""
    tree = ExistingPaths(side.has)
    if name in page.aliases:  # a default import called (import toLogin from './wx'): the module's default export
        spec, function = _project_spec(entry, page.aliases[name], tree, side), "default"
        path = resolve_module(entry, spec, tree, side.aliases)
        module = side.module(path) if path is not None and path.endswith(_SCRIPTS) else None
        if module is None or function not in module.defs:
            return None
        return _forces_nothing(entry, side, module, spec, None)
    for written in sorted({*page.aliases.values(), *(spec for spec, _name in page.names.values())}):
        spec = _project_spec(entry, written, tree, side)
        path = resolve_module(entry, spec, tree, side.aliases)
        module = side.module(path) if path is not None and path.endswith(_SCRIPTS) else None
        if module is None or name not in module.defs:
            continue
        return _forces_nothing(entry, side, module, spec, name)
    return None


def _project_spec(importer: str, spec: str, tree: ExistingPaths, side: ScriptSide) -> str:
    """``spec`` as a relative specifier when it is a bare path (``require('utils/auth')`` in ``app.js``) that no
    alias or package resolves and a project module beside the importer holds: WeChat's ``require`` reads a path
    from the requiring file's folder (https://developers.weixin.qq.com/miniprogram/dev/reference/api/require.html)."""
    if spec.startswith((".", "/", "@", "~")) or resolve_module(importer, spec, tree, side.aliases) is not None:
        return spec
    relative = "./" + spec
    return relative if resolve_module(importer, relative, tree, side.aliases) is not None else spec


def _session_checked(text: str | None, path: str, name: str) -> bool:
    """Whether the script ``text`` at ``path`` calls ``name`` (``this.api.checkLogin(token)``) and every such call
    hands its failure to a handler that logs in silently: a session check."""
    calls = []
    for source, unit, _offset in script_units(text or "", path):
        root = parse(language_for(unit), source.encode("utf-8", "surrogatepass")).root_node
        calls += [n for n in walk(root) if n.type == "call_expression" and
                  _callee(n.child_by_field_name("function")) == name]
    return bool(calls) and all(checks_session(call, namespaced_api) for call in calls)


def _callee(fn: Node | None) -> str:
    """The name a call's function ends in: ``checkLogin`` of ``this.api.checkLogin``."""
    if fn is not None and fn.type == "member_expression":
        return node_text(fn.child_by_field_name("property"))
    return node_text(fn) if fn is not None else ""


def _forces_nothing(entry: str, side: ScriptSide, module: Module, spec: str, name: str | None) -> bool:
    """Whether function ``name`` of ``module`` (None: every function of it) makes no redirect, prompt or popup of
    its own, calls nothing named like navigation and reaches no redirect to login in other modules."""
    names = list(module.defs) if name is None else [name]
    return not any(any(HookScanner(namespaced_api).from_function(n, module.defs)) or
                   _navigates(module, n, HELPER_DEPTH) for n in names) and not reach(entry, side, [(spec, name)])


def _navigates(module: Module, name: str, depth: int) -> bool:
    """Whether function ``name`` of ``module`` (through same-file helpers ``depth`` deep) calls anything named like
    navigation (``Router.redirect(…)``, ``jump(…)``): a project router may open a login page by any name."""
    for call in (n for n in walk(module.defs[name]) if n.type == "call_expression"):
        fn = call.child_by_field_name("function")
        callee = node_text(fn.child_by_field_name("property") if fn is not None and fn.type == "member_expression"
                           else fn)
        if _NAVIGATION.search(callee) or (depth > 0 and callee != name and callee in module.defs and
                                          _navigates(module, callee, depth - 1)):
            return True
    return False


def _redirects(module: Module, function: str) -> Iterator[tuple[str, int, str]]:
    """(login page, line, what) of each redirect to a login page ``function`` reaches in its module that does
    not answer the server."""
    for action in HookScanner(namespaced_api).from_function(function, module.defs):
        if action.target.startswith(("wx.", "popup:")) or action.target.endswith("()"):
            continue  # a prompt or a login popup of a page's own, or a call by name: followed as a module
        if not any(answers(call) and not code_wall(call) for call in action.calls):
            yield action.target, action.calls[-1].start_point[0] + 1, action.what


def _init_redirects(module: Module) -> Iterator[tuple[str, int, str]]:
    """(login page, line, what) of each redirect to a login page that the statements ``module`` runs as it is
    imported install on the server's "not logged in" answer (:func:`code_wall`): an interceptor of the client the
    module hands out (``Instance()`` registering ``axios.interceptors.response.use(…)``), met by every request
    sent through it."""
    for index, statement in enumerate(module.init):
        key = f"<import {index}>"
        for action in HookScanner(namespaced_api).from_function(key, {**module.defs, key: statement}):
            if action.target.startswith(("wx.", "popup:")) or action.target.endswith("()"):
                continue
            if any(code_wall(call) for call in action.calls) and \
                    not any(answers(call) and not code_wall(call) for call in action.calls):
                yield action.target, action.calls[-1].start_point[0] + 1, f"in a response handler: {action.what}"


@cache
def _answer() -> re.Pattern[str]:
    """The server's answer decides: a status code, 401 / 403, an unauthorized or expired session (compiled when a
    redirect is first found)."""
    return compiled(r"\b40[13]\b|status(?:code)?\b|unauthori[sz]ed|expire|未授权|失效|过期|重新登录", re.IGNORECASE)


def answers(node: Node) -> bool:
    """Whether ``node`` runs on the server's answer: under a test of a status code or an expired session, in a
    ``fail`` callback, a ``catch`` or a ``.catch(…)`` handler, or in a request's own answer handler
    (:func:`_answer_handler`)."""
    current = node.parent
    while current is not None:
        test = current.child_by_field_name(_TESTS[current.type]) if current.type in _TESTS else None
        if test is not None and _answer().search(node_text(test)):
            return True
        if current.type == "catch_clause" or is_failure_callback(current) or _answer_handler(current):
            return True
        current = current.parent
    return False


def code_wall(node: Node) -> bool:
    """Whether ``node`` runs in a request's own answer handler (:func:`_answer_handler`) under a test of one
    business code (``res.data.code === 40100``) that says nothing of an expired session or an HTTP status: the
    server's "not logged in" or "no phone bound" answer, which a new user meets on the first request, not the
    expiry handler of a session the user had. Not in a ``catch`` or a ``fail`` callback."""
    tested = False
    current = node.parent
    while current is not None:
        test = current.child_by_field_name(_TESTS[current.type]) if current.type in _TESTS else None
        if test is not None:
            if _answer().search(node_text(test)):
                return False
            code = _code_test(test)
            if code and _tells_expiry(current, node):
                return False  # the branch tells the user a session ran out: res.data.code === 101 → 登录已失效
            tested = tested or code
        if current.type == "catch_clause" or is_failure_callback(current):
            return False
        if _answer_handler(current):
            return tested
        current = current.parent
    return False


def _tells_expiry(branch: Node, redirect: Node) -> bool:
    """Whether the strings of ``branch`` (the test of a business code that holds ``redirect``) before the redirect
    tell the user a session ran out (您的登录已失效，请重新登录; 登录过期): the code is the expiry of a session the
    user had, not the first request's "not logged in"."""
    return any(node.type in ("string", "template_string") and node.start_byte < redirect.start_byte
               and _answer().search(node_text(node)) for node in walk(branch))


def _code_test(test: Node) -> bool:
    """Whether ``test`` compares a field named as a business code (``code``, ``errno``, ``errCode``) for equality
    with one number (``res.data.code == 40100``)."""
    for node in walk(test):
        if node.type != "binary_expression" or node_text(node.child_by_field_name("operator")) not in ("==", "==="):
            continue
        sides = [node.child_by_field_name("left"), node.child_by_field_name("right")]
        if any(s is not None and s.type == "number" for s in sides) and \
                any(s is not None and _CODE_FIELD.search(_callee_name(s)) for s in sides):
            return True
    return False


def _callee_name(node: Node) -> str:
    """The last name of an identifier or a member expression (``code`` of ``res.data.code``)."""
    if node.type == "member_expression":
        return node_text(node.child_by_field_name("property"))
    return node_text(node) if node.type == "identifier" else ""


def _answer_handler(node: Node) -> bool:
    """Whether ``node`` is the arguments of a request (``wx.request({ success })``, a wrapper named ``request``),
    of ``uni.addInterceptor(…)`` / ``axios.interceptors.response.use(…)`` or of ``request(…).then(…)``: code in
    them reads the server's answer."""
    call = node.parent if node.type == "arguments" else None
    fn = call.child_by_field_name("function") if call is not None else None
    if fn is not None and fn.type == "member_expression" and node_text(fn.child_by_field_name("property")) == "then":
        inner = fn.child_by_field_name("object")
        fn = inner.child_by_field_name("function") if inner is not None and inner.type == "call_expression" else None
    return fn is not None and bool(_ANSWER_CALLS.search(node_text(fn)))
