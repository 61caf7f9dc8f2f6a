"""Forced login in the app's request wrapper, on a business answer code (``login.forced_login``).

A project's request wrapper (``function request(url, data) { wx.request({ url: host + url, success(res) {…} }) }``)
carries every page's requests; when its answer handler now sends the user to a login, bind or authorization page
on one business code (``res.data.code === 40310``: "no phone bound", "not registered"), a new user's first
request ends on that page before any content — however many modules lie between the entry page and the wrapper,
and whether the wrapper navigates itself or calls an imported helper that does (``bindMobile()`` opening
``authUrl + '?action=phone'``). So the wall is found from the wrapper itself rather than from the entry page's
hooks (``analyzers/entry_helpers.py`` follows those only a few modules deep).

A wrapper is a function whose platform request (``wx.request``, ``uni.request``, ``Taro.request``) takes its URL
from the function's parameters (a login call to one fixed endpoint is the app's own login flow, not a wrapper),
in a module the entry page imports, directly or through other modules (a wrapper no page uses is no wall). The
redirect must stand in the request's answer handler under a test of one business code that says nothing of a 401
or an expired session (:func:`~mp_precheck.analyzers.entry_helpers.code_wall`: a redirect on an expired token is an
ordinary re-login), on a line the change added, to a page the base wrapper did not already send that code to. The
page is judged by its name as the hooks' redirects are (login, auth, bind…: ``readers/lifecycle.py``).

Source: https://developers.weixin.qq.com/miniprogram/product/index.html (请在用户了解体验小程序功能后，再要求用户进行
帐号登录; operations rules 15.1.3).

Reads: ``project``, ``read_head``, ``read_base``, ``exists_at_head``, ``counterpart``, ``added_lines`` ·
``login.forced_login``.
Writes: adds ``login.forced_login`` (subject ``login:request-answer:<login page>``) at the wrapper's call that
redirects, once per login page not already told.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator

from tree_sitter import Node

from mp_precheck.analyzers.context import ProjectContext, as_shipped
from mp_precheck.analyzers.entry_helpers import ScriptSide, code_wall, entry_script
from mp_precheck.core.lazyre import lazy
from mp_precheck.core.report import Finding
from mp_precheck.facts.store import ExistingPaths, resolve_module
from mp_precheck.readers.aliases import project_aliases
from mp_precheck.readers.lifecycle import ForcedAction, HookScanner
from mp_precheck.readers.modulereach import Module, namespaced_api
from mp_precheck.readers.syntax import node_text, walk

RULE = "login.forced_login"
SUBJECT = "login:request-answer:"
_SCRIPTS = (".js", ".ts", ".mjs")
_REQUEST = lazy(r"^(?:wx|uni|Taro|taro|my|tt|qq|swan)\.request$")
_FUNCTIONS = ("function_declaration", "function_expression", "function", "arrow_function", "method_definition",
              "generator_function", "generator_function_declaration")
_PARAMETER_NAMES = ("identifier", "shorthand_property_identifier_pattern")
_DEPTH = 8  # modules between the entry page and the wrapper followed at most


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    context = as_shipped(context)
    candidates = sorted(p for p, lines in context.added_lines.items() if lines and p.endswith(_SCRIPTS))
    if not candidates:
        return findings
    entry = entry_script(context)
    if entry is None:
        return findings
    folders = (context.project.root, context.project.env_root or context.project.root)
    head = ScriptSide(context.read_head, context.exists_at_head, project_aliases(folders, context.read_head))
    imported = _imported(entry, head)
    told = {f.subject.split(":", 2)[2] for f in findings if f.rule == RULE and f.subject.count(":") >= 2}
    base: ScriptSide | None = None
    added: list[Finding] = []
    for path in candidates:
        if path not in imported:
            continue
        walls = list(_walls(path, head))
        new = [w for w in walls if w[1] in context.added_lines[path]]
        if not new:
            continue
        old = context.counterpart.get(path)
        if base is None:
            base = ScriptSide(context.read_base, None, project_aliases(folders, context.read_base))
        before = {target for target, _l, _w in _walls(old, base)} if old else set()
        for target, line, what in new:
            if target in before or target in told:
                continue
            told.add(target)
            added.append(context.finding(RULE, f"{SUBJECT}{target}", path, line, scope="file",
                                         value=f"{entry} → request wrapper in {path}: {what}"))
    return findings + added


def _imported(entry: str, side: ScriptSide) -> set[str]:
    """The project modules ``entry`` imports, directly or through others, :data:`_DEPTH` deep."""
    tree = ExistingPaths(side.has)
    seen = {entry}
    frontier = deque([(entry, 0)])
    while frontier:
        path, depth = frontier.popleft()
        module = side.module(path)
        if module is None or depth >= _DEPTH:
            continue
        for spec in sorted(_specifiers(module)):
            found = resolve_module(path, spec, tree, side.aliases)
            if found is not None and found not in seen:
                seen.add(found)
                frontier.append((found, depth + 1))
    return seen


def _specifiers(module: Module) -> set[str]:
    return {*module.aliases.values(), *(spec for spec, _n in module.names.values()),
            *(spec for spec, _t, _h in module.passed)}


def _walls(path: str, side: ScriptSide) -> Iterator[tuple[str, int, str]]:
    """(login page, line, what) of each redirect the request wrappers of the script at ``path`` make on a business
    answer code, itself or through a helper it imports."""
    module = side.module(path)
    if module is None:
        return
    calls = {n.start_byte: n for body in module.defs.values() for n in walk(body) if n.type == "call_expression"}
    for call in sorted(calls.values(), key=lambda n: n.start_byte):
        fn = call.child_by_field_name("function")
        if fn is None or not _REQUEST.search(node_text(fn)) or not _wrapped(call):
            continue
        for inner in (n for n in walk(call) if n.type == "call_expression" and n is not call):
            if not code_wall(inner):
                continue
            for target, what in _redirect(inner, path, module, side):
                yield target, inner.start_point[0] + 1, what


def _wrapped(request: Node) -> bool:
    """Whether the platform ``request`` takes its URL from a parameter of a function around it (``url: host +
    url``, ``...options``): a wrapper other code hands its requests to, not a call of one fixed endpoint."""
    args = request.child_by_field_name("arguments")
    options = args.named_children[0] if args is not None and args.named_children else None
    if options is None or options.type != "object":
        return False
    params: set[str] = set()
    current = request.parent
    while current is not None:
        if current.type in _FUNCTIONS:
            found = current.child_by_field_name("parameters") or current.child_by_field_name("parameter")
            if found is not None:
                params |= {node_text(n) for n in walk(found) if n.type in _PARAMETER_NAMES}
        current = current.parent
    for member in options.named_children:
        value = member.child_by_field_name("value") if member.type == "pair" else member
        key = member.child_by_field_name("key") if member.type == "pair" else None
        carries_url = member.type == "spread_element" or (key is not None and node_text(key).strip("'\"") == "url")
        if carries_url and value is not None and \
                any(n.type == "identifier" and node_text(n) in params for n in walk(value)):
            return True
    return False


def _redirect(call: Node, path: str, module: Module, side: ScriptSide) -> Iterator[tuple[str, str]]:
    """(login page, what) the call opens: a navigation to a login page itself (through same-file helpers), or a
    function it imports from another project module that makes one."""
    key = "<answer>"
    page = _first_page(HookScanner(namespaced_api).from_function(key, {**module.defs, key: call}))
    if page is not None:
        yield page.target, page.what
        return
    fn = call.child_by_field_name("function")
    name = node_text(fn) if fn is not None and fn.type == "identifier" else ""
    if name in module.defs or name not in module.names:
        return
    spec, there = module.names[name]
    found = resolve_module(path, spec, ExistingPaths(side.has), side.aliases)
    other = side.module(found) if found is not None and found.endswith(_SCRIPTS) else None
    if other is None:
        return
    page = _first_page(HookScanner(namespaced_api).from_function(there, other.defs))
    if page is not None:
        yield page.target, f"{name}() → {page.what}"


def _first_page(actions: Iterable[ForcedAction]) -> ForcedAction | None:
    """The first of ``actions`` that opens a page (not an API call, a popup or a call left unresolved)."""
    return next((a for a in actions if not a.target.startswith(("wx.", "popup:")) and not a.target.endswith("()")),
                None)
