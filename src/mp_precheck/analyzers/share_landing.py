"""Forced login on a page a shared card opens (``login.forced_login``).

A page that shares itself — its ``onShareAppMessage`` returns its own path (``/pages/vote/index?voteId=…``) — is
where a friend who taps the shared card lands: for that user it is the first page of the
Mini Program, as the entry page is for one who opens it from the menu. When its load hooks send a user without
login to a login page, ask for the profile or open an authorization dialog (WePY's ``this.$invoke('authModel',
'toggleDialog')`` before ``return``), what was shared stays hidden until the user logs in: the forced login the
entry page's hooks are read for (``facts/scope.py``), on a page only shared cards make a first page. Read with the
same forced actions (:class:`~mp_precheck.readers.lifecycle.HookScanner`); reported at the hook's statement that
leads to one, when the page's hooks did not reach that target at the merge base. A helper told only by its
login-like name (``session.isSignedIn().then(ok => …)``) that a module the page imports defines and that forces
nothing there nor in the modules it reaches (it reads a token, checks the session, asks the server and answers
true or false) is a silent check, not a wall: the page's own use of the answer is read as any other hook code.

Source: https://developers.weixin.qq.com/miniprogram/product/index.html (请在用户了解体验小程序功能后，再要求用户进行
帐号登录; operations rules 15.1.3) and
https://developers.weixin.qq.com/miniprogram/dev/reference/api/Page.html#onShareAppMessage-Object-object (path
默认为当前页面路径).

Reads: ``project``, ``changed_paths``, ``counterpart``, ``added_lines``, ``read_head``, ``read_base`` ·
``login.forced_login``.
Writes: adds ``login.forced_login`` (subject ``login:entry-page:<target>``, scope ``file``) in the landing page's
script.
"""

from __future__ import annotations

from tree_sitter import Node

from mp_precheck.analyzers.context import ProjectContext, as_shipped
from mp_precheck.analyzers.entry_helpers import ScriptSide, silent_helper
from mp_precheck.core.recache import compiled
from mp_precheck.core.report import Finding
from mp_precheck.facts.scope import entry_scripts, page_sources
from mp_precheck.readers.aliases import project_aliases
from mp_precheck.readers.lifecycle import DEFINITION_TYPES, ForcedAction, HookScanner, page_path
from mp_precheck.readers.modulereach import namespaced_api
from mp_precheck.readers.sfc import script_units
from mp_precheck.readers.syntax import language_for, node_text, nodes_of, parse, string_value, walk

RULE = "login.forced_login"
_SCRIPTS = (".js", ".ts", ".vue", ".wpy", ".mpx", ".jsx", ".tsx")
_SHARE_HOOKS = frozenset({"onShareAppMessage", "useShareAppMessage"})
# A page path in a share hook: ``/pages/vote/index?voteId=`` (no scheme, no file extension such as an image's).
_PAGE = compiled(r"^/?[\w-]+(?:/[\w-]+)+(?:\?.*)?$")


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    context = as_shipped(context)  # code only another platform runs is no wall a WeChat user meets
    routes = _page_routes(context)
    told = {(f.path, f.subject) for f in findings if f.rule == RULE}
    out = list(findings)
    side: ScriptSide | None = None  # the head's modules, read once for every helper told by name
    for path in sorted(routes):
        text = context.read_head(path)
        if text is None or "ShareAppMessage" not in text:
            continue  # no share hook (onShareAppMessage, useShareAppMessage): the page is not parsed
        nodes, offset = _parsed(text, path)
        if not _shares_itself(nodes, routes[path]):
            continue
        added = context.added_lines.get(path, frozenset())
        actions = [a for a in _actions(nodes) if any(call.start_point[0] + 1 + offset in added for call in a.calls)]
        if not actions:
            continue  # no forced action on an added line: the base version is not parsed
        old = context.counterpart.get(path)
        base = context.read_base(old) if old else None
        before = {a.target for a in _actions(_parsed(base, str(old))[0])}
        for action in actions:
            subject = f"login:entry-page:{action.target}"
            if action.target in before or (path, subject) in told:
                continue
            if action.target.endswith("()"):  # told by name alone: the helper's own body decides
                if side is None:
                    folders = (context.project.root, context.project.env_root or context.project.root)
                    side = ScriptSide(context.read_head, context.exists_at_head,
                                      project_aliases(folders, context.read_head))
                if silent_helper(path, side, action.target[:-2]):
                    continue
            told.add((path, subject))
            out.append(context.finding(RULE, subject, path, action.node.start_point[0] + 1 + offset, scope="file",
                                       value=f"{routes[path]} (opened from a shared card) {action.what}"))
    return out


def _page_routes(context: ProjectContext) -> dict[str, str]:
    """Changed page scripts at head other than the entry page's → their route."""
    entry = entry_scripts(context.project)
    out: dict[str, str] = {}
    for route in context.project.pages:
        for path in page_sources(context.project, route, _SCRIPTS):
            if path in context.changed_paths and path not in entry:
                out.setdefault(path, route)
    return out


def _parsed(text: str | None, path: str) -> tuple[list[Node], int]:
    """The nodes of a file's script (a single-file component's first script block) that hold functions and calls
    (:data:`~mp_precheck.readers.lifecycle.DEFINITION_TYPES`: all that the hook scanner and :func:`_hook_body`
    read), in source order, and the lines before it."""
    units = script_units(text, path) if text is not None else []
    if not units:
        return [], 0
    source, name, offset = units[0]
    language = language_for(name)
    # One query in C (the tree and its nodes are usually kept from the facts reader), not a Python walk.
    return nodes_of(parse(language, source.encode("utf-8", "surrogatepass")).root_node, language,
                    DEFINITION_TYPES), offset


def _actions(nodes: list[Node]) -> list[ForcedAction]:
    """The forced actions of a script's load hooks, none that opens another Mini Program."""
    return [a for a in HookScanner(namespaced_api).scan(nodes, page=True) if a.target != "wx.navigateToMiniProgram"]


def _shares_itself(nodes: list[Node], route: str) -> bool:
    """Whether a share hook of the page names the page itself as the card's path. One that names no path
    (the page template's empty ``onShareAppMessage() {}``, a card with a title alone) is left out: WeChat then
    opens the current page too, but nothing says the page is meant to be sent to others."""
    named = {page_path(value) for body in map(_hook_body, nodes) if body is not None for node in walk(body)
             if node.type in ("string", "template_string") and (value := string_value(node)) and _PAGE.match(value)}
    return route.strip("/") in named


def _hook_body(node: Node) -> Node | None:
    """The function of a share hook: ``onShareAppMessage() {…}``, ``onShareAppMessage: function…``,
    ``useShareAppMessage(() => …)``; None for any other node."""
    if node.type in ("method_definition", "pair"):
        name = node.child_by_field_name("name") or node.child_by_field_name("key")
        return node if name is not None and node_text(name).strip("'\"") in _SHARE_HOOKS else None
    if node.type == "call_expression" and node_text(node.child_by_field_name("function")) in _SHARE_HOOKS:
        return node.child_by_field_name("arguments")
    return None
