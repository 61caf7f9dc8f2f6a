"""An uncancellable modal on a login page met at launch that answers a refused authorization (``login.forced_login``).

The entry page sending users without a stored authorization to ``/pages/login/login`` is one wall (told by the
hooks' redirects and the analyzers after them); that page answering a refusal with
``wx.showModal({ content: '拒绝授权将无法进入小程序', showCancel: false })`` whose confirm leads nowhere (it logs, shows
the modal again, or opens the settings) is the lock on it: the user cannot go on without authorizing. Review
rejects forcing authorization this way (常见拒绝情形: 强制授权). A modal is read here when it passes ``showCancel:
false`` as a literal, its title, content or button text says it logs in or authorizes (``checks/auth_pages.yml``
``labels``), and no route API (``forwards``, or a call named as a navigation) runs from its ``success`` /
``complete`` callback, a ``.then`` or the statements after an ``await`` of it. It is told when the change adds it
and its page is on the launch path: a page the entry page's load hooks or the app's launch hooks send to (a
redirect to a login page kept as a fact of theirs, or a wall an earlier analyzer told), or the entry page itself
when it is a login page by name or an authorization page by what it shows. A modal with a cancel button, one whose
confirm goes on to a page, and one on a page only a tap reaches stay silent; so does one the entry page's hook
shows, which the hook's own facts tell, and one that answers the server about a login the user sent (in the
``.then`` / ``.catch`` of a project call such as ``api.login(form)``, under a test of what an ``await`` of such a
call returned (``const res = await api.signIn(form); if (res.code == 20001) wx.showModal(…)``), or in a ``wx.request``
callback): it tells why the attempt failed (登录未成功、账号不存在), it answers no refusal of an authorization.

Source: https://developers.weixin.qq.com/miniprogram/product/reject.html (强制授权) and
https://developers.weixin.qq.com/miniprogram/dev/api/ui/interaction/wx.showModal.html (showCancel, success).

Reads: ``project``, ``read_head``, ``facts_at_head``, ``added_lines`` · ``login.forced_login``.
Writes: adds ``login.forced_login`` (subject ``login:entry-page:<page>#wx.showModal``) at the modal's call in the
script of a login page on the launch path.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator

from tree_sitter import Node

from mp_precheck.analyzers.auth_entry import page_ask
from mp_precheck.analyzers.context import ProjectContext, as_shipped
from mp_precheck.analyzers.launch_auth_page import app_scripts
from mp_precheck.core.lazyre import lazy
from mp_precheck.core.report import Finding
from mp_precheck.facts.scope import entry_scripts, page_sources
from mp_precheck.readers.authpage import tables
from mp_precheck.readers.lifecycle import LOGIN_TARGET
from mp_precheck.readers.scriptchecks import api_of
from mp_precheck.readers.sfc import script_units
from mp_precheck.readers.syntax import call_option, first_argument, language_for, node_text, parse, string_value, walk

RULE = "login.forced_login"
FORCED = ("login:launch:", "login:entry-page:")
_SCRIPTS = (".js", ".ts", ".vue", ".wpy", ".mpx")
_CONFIRMS = ("success", "complete")
# A project's router helper (navigateTo('/pages/home'), this.$router.push) goes on to a page as a route API does.
_NAVIGATION = lazy(r"(?i)^(?:navigate|redirect|relaunch|switchtab|goto|jump|push|replace)")
# A project call named as an authorization ask (this.getUserProfile().catch(…)): its handlers answer the user's refusal.
_ASK_NAME = lazy(r"(?i)profile|userinfo|authori[sz]e|setting|phone")
_SERVER_APIS = frozenset({"request", "uploadFile"})  # the APIs whose callbacks hold the server's answer
_HANDLERS = frozenset({"then", "catch", "finally"})
_FUNCTIONS = frozenset({"function_expression", "function", "arrow_function", "method_definition",
                        "function_declaration"})


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    context = as_shipped(context)  # code only another platform runs is no wall a WeChat user meets
    out = list(findings)
    told = {(f.path, f.line) for f in findings if f.rule == RULE}
    for route in sorted(launch_pages(context, findings)):
        for path in sorted(page_sources(context.project, route, _SCRIPTS)):
            added = context.added_lines.get(path, frozenset())
            text = context.read_head(path) if added else None
            if text is None:
                continue
            for line, what in refusal_modals(text, path):
                if line in added and (path, line) not in told:
                    told.add((path, line))
                    out.append(context.finding(RULE, f"login:entry-page:{route}#wx.showModal", path, line,
                                               value=f"{route}: {what}"))
    return out


def launch_pages(context: ProjectContext, findings: list[Finding]) -> set[str]:
    """The login pages (routes) a user meets as the app opens: the targets of the launch and entry-page redirects
    the entry page's and the app's scripts make at head (their facts) or an earlier analyzer told, and the entry
    page itself when it is a login page by name or an authorization page by what it shows."""
    project = context.project
    root = project.root.strip("/")
    scripts = sorted(entry_scripts(project)) + app_scripts(context)
    targets = [(path, f.subject) for path in scripts if (facts := context.facts_at_head(path)) is not None
               for f in facts.facts]
    targets += [(f.path, f.subject) for f in findings if f.rule == RULE]
    pages = {_route(path, subject[len(prefix):], root) for path, subject in targets for prefix in FORCED
             if subject.startswith(prefix)}
    entry = project.entry_page
    if entry and (LOGIN_TARGET.search(entry) or page_ask(context, entry, context.read_head)[1] is not None):
        pages.add(entry.strip("/"))
    return {page for page in pages if page and page in {p.strip("/") for p in project.pages}}


def _route(path: str, target: str, root: str) -> str:
    """The registered route a redirect's target names: a relative one (``../login/login``) from the folder of the
    script at ``path`` that makes it, inside the project at ``root``."""
    if not target.startswith("."):
        return target.strip("/")
    folder = posixpath.dirname(path)
    if root and folder.startswith(root + "/"):
        folder = folder[len(root) + 1:]
    return posixpath.normpath(posixpath.join(folder, target)).strip("/")


def refusal_modals(text: str, path: str) -> Iterator[tuple[int, str]]:
    """(1-based line, what) of each modal in the script ``text`` (at ``path``; a single-file component's script
    blocks) that has no cancel button, says it logs in or authorizes, and goes on to no page when confirmed."""
    if "showCancel" not in text:
        return  # most scripts: nothing to parse for
    for source, name, offset in script_units(text, path):
        root = parse(language_for(name), source.encode("utf-8", "surrogatepass")).root_node
        for node in walk(root):
            if api_of(node) != "showModal" or _literal(call_option(node, "showCancel")) != "false":
                continue
            if _worded(node) and not _goes_on(node) and not _answers_server(node):
                yield node.start_point[0] + 1 + offset, "wx.showModal without cancel, its confirm goes nowhere"


def _answers_server(call: Node) -> bool:
    """Whether the callback nearest ``call`` that is handed to a call is a handler of the server's answer: a
    function given to ``.then`` / ``.catch`` of a project call not named as an authorization ask
    (``api.login(payload).then(res => …)``), or a callback in the options of ``wx.request`` / ``wx.uploadFile``."""
    current = call.parent
    while current is not None:
        if current.type == "if_statement" and _tests_awaited_answer(current, call):
            return True
        handed = _handed_to(current) if current.type in _FUNCTIONS else None
        if handed is not None:
            return handed
        current = current.parent
    return False


def _tests_awaited_answer(branch: Node, call: Node) -> bool:
    """Whether ``branch`` (an ``if`` holding ``call``) tests a name bound earlier in its function to an ``await``
    of a project call not named as an authorization ask (``const res = await api.signIn(form)``): the modal tells the
    server's answer to a login the user sent."""
    test = branch.child_by_field_name("condition")
    tested = {node_text(n) for n in walk(test) if n.type == "identifier"} if test is not None else set()
    function = branch.parent
    while function is not None and function.type not in _FUNCTIONS:
        function = function.parent
    if not tested or function is None:
        return False
    for node in walk(function):
        if node.start_byte >= call.start_byte:
            break
        if node.type != "variable_declarator" or node_text(node.child_by_field_name("name")) not in tested:
            continue
        value = node.child_by_field_name("value")
        inner = value.named_children[0] if value is not None and value.type == "await_expression" and \
            value.named_children else None
        if inner is not None and inner.type == "call_expression" and _server_call(inner):
            return True
    return False


def _server_call(call: Node) -> bool:
    """A request, or a project call not named as an authorization ask (``api.signIn(form)``)."""
    api = api_of(call)
    if api is not None:
        return api in _SERVER_APIS
    callee = call.child_by_field_name("function")
    name = node_text(callee.child_by_field_name("property") if callee is not None and
                     callee.type == "member_expression" else callee)
    return bool(name) and not _ASK_NAME.search(name)


def _handed_to(function: Node) -> bool | None:
    """For a function: whether the call it is handed to answers the server (an API's options member: a request's
    callback; an argument of ``.then`` / ``.catch``: :func:`_project_answer`); None when it is handed to neither."""
    holder = function.parent.parent if function.parent is not None and function.parent.type == "pair" \
        else function.parent if function.type == "method_definition" else function
    if holder is not None and holder.type == "object":
        outer = holder.parent.parent if holder.parent is not None and holder.parent.type == "arguments" else None
        api = api_of(outer) if outer is not None else None
        return None if api is None else api in _SERVER_APIS
    args = holder.parent if holder is not None else None
    outer = args.parent if args is not None and args.type == "arguments" else None
    return _project_answer(outer) if outer is not None and outer.type == "call_expression" else None


def _project_answer(call: Node) -> bool | None:
    """Whether ``call``, an ``x.then(…)`` / ``.catch(…)``, hangs on a chain that starts with a project call (or a
    request) not named as an authorization ask; None when it is no such handler call."""
    fn = call.child_by_field_name("function")
    if fn is None or fn.type != "member_expression" or node_text(fn.child_by_field_name("property")) not in _HANDLERS:
        return None
    inner = fn.child_by_field_name("object")
    while inner is not None and inner.type == "call_expression":
        callee = inner.child_by_field_name("function")
        if callee is not None and callee.type == "member_expression" and \
                node_text(callee.child_by_field_name("property")) in _HANDLERS:
            inner = callee.child_by_field_name("object")
            continue
        api = api_of(inner)
        name = node_text(callee.child_by_field_name("property") if callee is not None and
                         callee.type == "member_expression" else callee)
        return api in _SERVER_APIS if api is not None else not _ASK_NAME.search(name)
    return False


def _literal(node: Node | None) -> str | None:
    return node.type if node is not None and node.type in ("true", "false") else None


def _worded(call: Node) -> bool:
    """Whether a string of the modal's options (title, content, confirmText) says it logs in or authorizes."""
    options = first_argument(call)
    words = tables().labels
    texts = [string_value(n) or "" for n in walk(options) if n.type in ("string", "template_string")] \
        if options is not None else []
    return any(word in text.lower() for text in texts for word in words)


def _goes_on(call: Node) -> bool:
    """Whether confirming the modal leads on to a page: a route API or a call named as a navigation in its
    ``success`` / ``complete`` callback, in a ``.then`` on it, or after an ``await`` of it in the same function."""
    options = first_argument(call)
    bodies = [member for member in (options.named_children if options is not None else [])
              if _key(member) in _CONFIRMS]
    parent = call.parent
    if parent is not None and parent.type == "member_expression":
        outer = parent.parent
        args = outer.child_by_field_name("arguments") if outer is not None and outer.type == "call_expression" \
            else None
        bodies += list(args.named_children) if args is not None else []
    elif parent is not None and parent.type == "await_expression":
        bodies += _after(parent)
    return any(_navigates(node) for body in bodies for node in walk(body))


def _key(member: Node) -> str | None:
    """The name of an options member: ``success: () => …``, ``success () { … }`` (a method), ``success`` (shorthand)."""
    if member.type == "pair":
        key = member.child_by_field_name("key")
        return node_text(key).strip("'\"") if key is not None else None
    if member.type == "method_definition":
        return node_text(member.child_by_field_name("name"))
    return node_text(member) if member.type == "shorthand_property_identifier" else None


def _after(node: Node) -> list[Node]:
    """The statements that follow the one holding ``node`` in its block, up to the enclosing function."""
    current: Node | None = node
    while current is not None and current.parent is not None and current.parent.type != "statement_block":
        if current.type in _FUNCTIONS:
            return []
        current = current.parent
    if current is None or current.parent is None:
        return []
    siblings = current.parent.named_children
    return [s for s in siblings if s.start_byte > current.end_byte]


def _navigates(node: Node) -> bool:
    if node.type != "call_expression":
        return False
    api = api_of(node)
    if api is not None:
        return f"wx.{api}" in tables().forwards
    callee = node.child_by_field_name("function")
    name = node_text(callee).rsplit(".", 1)[-1] if callee is not None else ""
    return bool(_NAVIGATION.match(name))
