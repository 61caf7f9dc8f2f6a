"""Forced login: what an app or page does on launch before the user has touched anything.

WeChat rejects Mini Programs that demand login or personal data before the user can experience the
service ("请在用户了解体验小程序功能后，再要求用户进行帐号登录"; LOGIN,
OPS2018 15.1.3). In code that is a lifecycle hook that runs before any tap — ``App.onLaunch``/``onShow``, a
page's ``onLoad``/``onShow``/``onReady``, Vue's ``beforeCreate``/``created``/``mounted``, Taro's
``componentWillMount``/``useLoad``/``useEffect``: the one table of ``readers/openinghooks.py`` — that,
with no tap in between, navigates to a login/auth/bind page, calls a helper that does, asks for a permission
(``wx.authorize``), shows a modal that cannot be cancelled telling the user to log in, or opens the page's own login
popup (``this.setData({ show_login: true })``). Silent ``wx.login`` and ``wx.getUserProfile`` (no tap: no dialog),
a step only a user already authorized takes (``readers/grantedpath.py``) and anything a tap runs are fine.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from msgspec import Struct
from tree_sitter import Language, Node

from mp_precheck.core.lazyre import lazy
from mp_precheck.core.recache import compiled
from mp_precheck.readers.grantedpath import granted_only, moves_on
from mp_precheck.readers.handover import handed_over
from mp_precheck.readers.helperargs import arguments as _arguments
from mp_precheck.readers.helperargs import passed as _passed
from mp_precheck.readers.openinghooks import OPENING, member_name, opening_bodies, registered_hook
from mp_precheck.readers.syntax import node_text as _text
from mp_precheck.readers.syntax import nodes_of, object_property, string_value, value_kept
from mp_precheck.readers.syntax import walk as _walk

NAVIGATION = frozenset({"wx.navigateTo", "wx.redirectTo", "wx.reLaunch", "wx.switchTab"})
PROMPTS = frozenset({"wx.authorize"})  # wx.getUserProfile asks only when a tap calls it: from a hook it fails, silent
# Words that name a login page wherever they stand in a name (loginPage, toAuth, pages/user/bindPhone).
_LOGIN_WORDS = ("login", "logon", "signin", "sign-in", "sign_in", "register", "bind", "passport", "授权",
                "登录", "注册", "绑定")  # plain words: no character of them is special to re
_AUTH = r"auth(?!or(?!i[sz]))"  # toAuth, authorize, authentication; not author, authority (roles): no login
# Words that name one only as a whole word of a path or a camel-case name, being part of other words: the
# truncated ``regist`` (../regist/regist, toRegist, registPage; not registry, registration), ``signup``
# (sign-up, sign_up, signUp, SIGN_UP; not signUpload) and a ``reg`` path segment (pages/reg/reg; not
# regionSelect, RegExp, reg_phone).
_WHOLE_WORDS = (r"(?:(?<![A-Za-z])r|(?<![A-Z])R)egist(?![a-z])|(?<![A-Za-z])REGIST(?![A-Z])"
                r"|(?:(?<![A-Za-z])s|(?<![A-Z])S)ign(?:[-_]?u|[-_]?U)p(?![a-z])|(?<![A-Za-z])SIGN[-_]?UP(?![A-Z])"
                r"|(?<![\w$])[rR]eg(?![\w$])")
LOGIN_TARGET = compiled("(?i:" + "|".join((*_LOGIN_WORDS, _AUTH)) + ")|" + _WHOLE_WORDS)
# The non-ASCII letters IGNORECASE matches to ASCII ones (İ ı ſ K): without them, lower() compares as re does.
_FOLDED_TO_ASCII = ("\u0130", "\u0131", "\u017f", "\u212a")


def names_login(text: str) -> bool:
    """``bool(LOGIN_TARGET.search(text))``, about ten times faster on a whole file: Python's regular
    expressions try every word at every position, ``str.__contains__`` scans for one word in C."""
    if any(letter in text for letter in _FOLDED_TO_ASCII):
        return LOGIN_TARGET.search(text) is not None
    lowered = text.lower()
    return any(word in lowered for word in _LOGIN_WORDS) or \
        (any(part in lowered for part in ("auth", "reg", "sign")) and LOGIN_TARGET.search(text) is not None)
# A helper named as opening a login page: goLogin, toAuth, toRegist, goRegisterPage, showSignUp (not toRegistry).
LOGIN_HELPER = compiled(r"^(?:go|to|navigate|redirect|jump|open|show|force|require|check)\w*"
                          rf"(?:login|logon|signin|{_AUTH}|bind|(?:regist(?:er)?|sign_?up)(?-i:(?![a-z])))\w*$",
                          re.IGNORECASE)
# A project's own router, called with the page to open: navigateToPage, redirectTo, jumpTo, goPage, routeTo.
ROUTER_HELPER = compiled(r"^(?:navigate|redirect|relaunch|jump|goto|gopage|routeto|routerto|switchto)\w*$", re.I)
_PAGE_KEYS = ("url", "path", "page", "pageName", "name", "route")
# A data flag that shows a login or authorization popup: show_login, loginShow, showAuthModal, authPopupVisible.
LOGIN_POPUP = compiled(r"(?=.*(?:show|visible|open|popup|modal|dialog|drawer|mask))(?=.*(?:login|auth|授权|登录))",
                         re.IGNORECASE)
_OPENS = lazy(r"show|open|toggle|display|pop", re.IGNORECASE)  # a dialog's method that brings it up
# The Vue hooks mpvue runs for every page of the main package as the app launches (its build makes each page's
# instance when the app loads): https://github.com/Meituan-Dianping/mpvue/issues/167
MPVUE_LAUNCHED = frozenset({"beforeCreate", "created"})
HELPER_DEPTH = 2  # hook → checkLogin() → goLogin() → wx.navigateTo
_FUNCTIONS = ("function_expression", "function", "arrow_function", "generator_function")


DEFINITION_TYPES = ("method_definition", "function_declaration", "pair", "variable_declarator", "field_definition",
                    "public_field_definition", "call_expression")


def tree_definitions(root: Node, language: Language) -> dict[str, Node]:
    """:func:`definitions` of the whole tree under ``root`` (parsed with ``language``): its nodes of
    :data:`DEFINITION_TYPES` found by one query, in source order, not by a Python walk over every node."""
    return definitions(nodes_of(root, language, DEFINITION_TYPES))


def definitions(nodes: Iterable[Node]) -> dict[str, Node]:
    """Named function bodies among a file's ``nodes`` (in source order; other types are skipped): methods,
    ``key: function``, declarations, arrow fields, and a hook registered by a call under the hook it stands for
    (``onMounted(() => …)`` as ``mounted``: :data:`~mp_precheck.readers.openinghooks.REGISTERED`; the first of
    each). A member of ``pageLifetimes`` is keyed ``pageLifetimes.<name>``."""
    found: dict[str, Node] = {}
    for node in nodes:
        name: Node | None = None
        body: Node | None = None
        if node.type == "call_expression":
            registered = registered_hook(node)
            if registered is not None:
                found.setdefault(registered[0], registered[1])
            continue
        if node.type in ("method_definition", "function_declaration"):
            name, body = node.child_by_field_name("name"), node.child_by_field_name("body")
        elif node.type == "pair":
            value = node.child_by_field_name("value")
            if value is not None and value.type in _FUNCTIONS:
                name, body = node.child_by_field_name("key"), value.child_by_field_name("body")
        elif node.type in ("variable_declarator", "field_definition", "public_field_definition"):
            value = node.child_by_field_name("value")
            if value is not None and value.type in _FUNCTIONS:
                name = node.child_by_field_name("name") or node.child_by_field_name("property")
                body = value.child_by_field_name("body")
        if name is not None and body is not None:
            found.setdefault(member_name(node, _text(name).strip("'\"")), body)
    return found


def hook_of(what: str | None) -> str:
    """The hook a forced action's ``what`` (:meth:`HookScanner.scan`: ``created: getUserInfo() → …``) runs in."""
    return (what or "").partition(":")[0].strip()


class ForcedAction(Struct, frozen=True):
    """A forced-login action a lifecycle hook reaches.

    ``node`` is the hook's statement that leads to it (the place to report), ``what`` says what it does and
    ``target`` what is forced (see :meth:`HookScanner.scan`). ``conditions`` counts the conditions it runs
    under, from the hook through each helper (an ``if`` and each ``&&`` of its test, an ``else``, a ternary,
    a ``catch``, a ``fail`` callback, an early ``return`` before it): fewer than before means it now reaches
    more users. ``calls`` are the calls from the hook down to the action, outermost first.
    """

    node: Node
    what: str
    target: str
    conditions: int
    calls: tuple[Node, ...]


class HookScanner:
    """Finds forced-login actions reachable from lifecycle hooks (same-file helpers, two levels deep); ``resolve``
    maps a callee node to its ``wx.X`` name (aliases and framework namespaces applied)."""

    def __init__(self, resolve: Callable[[Node], str | None]) -> None:
        self.resolve = resolve

    def scan(self, nodes: Iterable[Node], page: bool = False) -> Iterator[ForcedAction]:
        """Each forced action: the node to report, what it does, its target, its conditions and calls.

        The target is what is forced: the page path (``pages/login/login``), the prompt API or the helper
        called, so a new destination is told apart from an old one that moved. The node is the hook's own
        statement that leads to it (``if (!token) { … }``), so the line shows the path; an action a helper
        takes under a decision of its own (``checkLogin() { if (!user.mobile) wx.navigateTo(…) }``) is
        reported where the helper decides. ``nodes`` are the file's nodes of :data:`DEFINITION_TYPES` (more
        are fine) in source order. In a ``page``'s hooks, an action a tap on another page asked for through a flag
        the hook clears is on demand and left out (:func:`~mp_precheck.readers.handover.handed_over`)."""
        nodes = list(nodes)
        defs = definitions(nodes)
        for hook, body in opening_bodies(nodes, defs):
            for found in self._actions(body, defs, HELPER_DEPTH, frozenset({hook})):
                if page and any(handed_over(call) for call in found.calls):
                    continue
                yield ForcedAction(_statement_in(body, found.node), f"{hook}: {found.what}", found.target,
                                   found.conditions, found.calls)

    def from_function(self, name: str, defs: dict[str, Node]) -> Iterator[ForcedAction]:
        """The forced actions function ``name`` of ``defs`` (:func:`definitions` of its file) reaches when a
        launch hook of another file calls it, through same-file helpers :data:`HELPER_DEPTH` deep."""
        if name in defs:
            yield from self._actions(defs[name], defs, HELPER_DEPTH, frozenset({name}))

    def _actions(self, body: Node, defs: dict[str, Node], depth: int,
                 seen: frozenset[str], bound: dict[str, Node] | None = None) -> Iterator[ForcedAction]:
        """The forced actions in ``body``, through same-file helpers ``depth`` deep. A helper that acts
        whenever it runs is reported at its call; one that decides is reported inside. ``bound`` maps
        ``body``'s parameters to the arguments its caller passed (``go(url) { wx.navigateTo({ url }) }``
        called as ``this.go('/pages/login/login')`` opens the login page)."""
        for call in self._calls(body):
            granted = granted_only(body, call, self.resolve)  # a returning user's way on, but to a further step
            helper = self._helper_name(call)
            defined = helper in defs and helper not in OPENING and helper not in seen and depth > 0
            if defined:  # a same-file helper is judged by what it does, never by its name (checkLogin)
                inside = defs[str(helper)]
                found = self._actions(inside, defs, depth - 1, seen | {str(helper)},
                                      _arguments(inside, call, bound or {}))
                for inner in (a for a in found if not moves_on(granted, a.target)):
                    place = inner.node if _decides(inside, inner.node) else call
                    yield ForcedAction(place, f"{helper}() → {inner.what}", inner.target,
                                       conditions(body, call) + inner.conditions, (call, *inner.calls))
            action = None if defined else self._action(call, bound or {})
            if action and not moves_on(granted, action[1]):
                yield ForcedAction(call, action[0], action[1], conditions(body, call), (call,))

    @staticmethod
    def _calls(body: Node) -> Iterator[Node]:
        return (n for n in _walk(body) if n.type == "call_expression")

    @staticmethod
    def _helper_name(call: Node) -> str | None:
        fn = call.child_by_field_name("function")
        if fn is None:
            return None
        if fn.type == "identifier":
            return _text(fn)
        if fn.type == "member_expression":
            obj = fn.child_by_field_name("object")
            if obj is not None and obj.type in ("this", "identifier") and _text(obj) in ("this", "that", "self",
                                                                                          "_this", "vm", "me"):
                return _text(fn.child_by_field_name("property"))
        return None

    def _action(self, call: Node, bound: dict[str, Node]) -> tuple[str, str] | None:
        """(what the call does, its target) when it forces login, else None; a navigation's page given by a
        parameter is read from the caller's argument (``bound``)."""
        fn = call.child_by_field_name("function")
        api = self.resolve(fn) if fn is not None else None
        if api is None and fn is not None:
            name = self._helper_name(call) or _text(fn).rsplit(".", 1)[-1]
            if LOGIN_HELPER.match(name):
                # `const isLogin = this.checkLogin()`: a question whose answer the page keeps, not a way to login
                return None if name[:5].lower() == "check" and value_kept(call) else (f"{name}()", f"{name}()")
            if name == "$invoke":
                return _invoked_popup(call)
            return _popup_shown(call) if name == "setData" else \
                _routed_to_login(name, call) if fn.type == "identifier" or _router_method(fn) else None
        if api in PROMPTS or api == "wx.navigateToMiniProgram":
            return api, api or ""
        args = call.child_by_field_name("arguments")
        first = args.named_children[0] if args is not None and args.named_children else None
        if api in NAVIGATION and first is not None:
            target = url_text(_passed(first, bound))
            if target and LOGIN_TARGET.search(target):
                return f"{api} {target[:80]}", page_path(target)
        if api == "wx.showModal" and first is not None and first.type == "object":
            text = _text(first)
            if re.search(r"showCancel\s*:\s*false", text) and re.search(r"登录|授权|login", text, re.IGNORECASE) \
                    and _acts_on_confirm(call, first):
                return "wx.showModal without cancel", "wx.showModal"
        return None


def _acts_on_confirm(call: Node, options: Node) -> bool:
    """Whether a modal does something when it is confirmed: a ``success``/``complete`` callback in its options,
    or a caller that waits for it (``await``, ``.then``). A modal that does neither only informs (微信版本过低，请升级)
    and blocks nothing: https://developers.weixin.qq.com/miniprogram/dev/api/ui/interaction/wx.showModal.html"""
    for member in options.named_children:
        key = member.child_by_field_name("key") if member.type == "pair" else member.child_by_field_name("name")
        if key is not None and _text(key).strip("'\"") in ("success", "complete"):
            return True
    parent = call.parent
    if parent is not None and parent.type == "await_expression":
        return True
    return parent is not None and parent.type == "member_expression" and \
        _text(parent.child_by_field_name("property")) in ("then", "finally")


def _invoked_popup(call: Node) -> tuple[str, str] | None:
    """WePY's ``this.$invoke('authModel', 'toggleDialog')`` (a child component's method called by name,
    https://wepyjs.github.io/wepy-docs/1.x/#/?id=组件通信与交互) that opens a login or authorization dialog: the
    pair named as one (:data:`LOGIN_POPUP`) and the method as opening it, as (what, ``popup:<component>``)."""
    args = call.child_by_field_name("arguments")
    names = [string_value(a) for a in args.named_children[:2]] if args is not None else []
    if len(names) < 2 or names[0] is None or names[1] is None or not _OPENS.match(names[1]):
        return None
    shown = f"{names[0]}.{names[1]}"
    return (f"$invoke {shown}", f"popup:{names[0]}") if LOGIN_POPUP.search(shown) else None


def _router_method(fn: Node) -> bool:
    """``$wx.redirectTo`` / ``router.navigateTo``: a route method spelled as ``wx``'s own (:data:`NAVIGATION`) of a
    project's router object or promisified ``wx`` the file cannot resolve."""
    name = _text(fn.child_by_field_name("property")) if fn.type == "member_expression" else ""
    return f"wx.{name}" in NAVIGATION


def _routed_to_login(name: str, call: Node) -> tuple[str, str] | None:
    """``navigateToPage({ pageName: PAGE_ID.LOGIN })``, ``jumpTo('/pages/login/index')``,
    ``$wx.redirectTo($wx.router.login)``: a router function the module imports (:data:`ROUTER_HELPER`) or a router
    object's method named as a ``wx`` route told which page to open, a login page, as (what, target: the page it
    names). A router object's other methods (``Router.redirect(…)``) are left to ``analyzers/helper_redirect.py``."""
    args = call.child_by_field_name("arguments")
    first = args.named_children[0] if ROUTER_HELPER.match(name) and args is not None and args.named_children \
        else None
    page = next((v for v in (object_property(first, key) for key in _PAGE_KEYS) if v is not None), None) \
        if first is not None and first.type == "object" else first
    if page is None or page.type not in ("string", "template_string", "member_expression", "identifier"):
        return None
    text = _text(page)
    if not LOGIN_TARGET.search(text):
        return None
    return f"{name}({text[:80]})", page_path(text) if page.type in ("string", "template_string") else text[:80]


def _popup_shown(call: Node) -> tuple[str, str] | None:
    """``this.setData({ show_login: true })``: the page opens its own login popup (a flag of
    :data:`LOGIN_POPUP` set to ``true``), as (what, target)."""
    args = call.child_by_field_name("arguments")
    first = args.named_children[0] if args is not None and args.named_children else None
    shown = next((key for key in _true_keys(first) if LOGIN_POPUP.search(key)), None) \
        if first is not None and first.type == "object" else None
    return (f"setData {shown}", f"popup:{shown}") if shown else None


def _true_keys(obj: Node) -> list[str]:
    """Keys of an object literal set to ``true``: ``{ show_login: true, x: 1 }`` gives ``['show_login']``."""
    out = []
    for pair in obj.named_children:
        value = pair.child_by_field_name("value") if pair.type == "pair" else None
        if value is not None and value.type == "true":
            out.append(_text(pair.child_by_field_name("key")).strip("'\""))
    return out


def guard_role(count: int, lines: Iterable[int]) -> str:
    """The ``role`` of a forced-login fact: its conditions and the lines of its calls, ``if:2@14,26``."""
    return f"if:{count}@{','.join(str(line) for line in lines)}"


def parse_guard(role: str | None) -> tuple[int, tuple[int, ...]] | None:
    """(conditions, call lines) from a :func:`guard_role` string; None for any other role."""
    match = re.fullmatch(r"if:(\d+)@([\d,]*)", role or "")
    if match is None:
        return None
    return int(match.group(1)), tuple(int(n) for n in match.group(2).split(",") if n)


def page_path(url: str) -> str:
    """The page a navigation URL opens: ``'/pages/login/login?from=app'`` → ``pages/login/login``."""
    path = url.strip("'\"` ").split("?", 1)[0].split("'", 1)[0].split("\"", 1)[0]
    return path.strip("/")[:80]


_DECISIONS = ("if_statement", "ternary_expression", "switch_statement", "binary_expression", "catch_clause")
FAILURE_CALLBACKS = frozenset({"fail", "catch"})  # wx.X({ fail() {…} }), promise.catch(() => …)


def _decides(body: Node, node: Node) -> bool:
    """Whether ``node`` runs under a condition of ``body``'s own (an ``if``, a ternary, ``&&``, a ``catch``,
    a ``fail:`` callback or ``.catch(…)``: it runs only when authorization or login failed) rather than
    whenever ``body`` runs (directly, or in a timer's or a ``success:`` callback)."""
    current = node.parent
    while current is not None and current != body:
        if current.type in _DECISIONS or is_failure_callback(current):
            return True
        current = current.parent
    return False


def conditions(body: Node, node: Node) -> int:
    """How many of ``body``'s own conditions ``node`` runs under: each deciding ancestor (see :func:`_decides`;
    an ``if`` counts once more for each ``&&`` of its test when ``node`` is in its consequence) and each
    ``if (…) return`` before it in an enclosing block."""
    count = 0
    child, current = node, node.parent
    while current is not None and child != body:
        if current.type == "if_statement":
            consequence = current.child_by_field_name("consequence")
            test = current.child_by_field_name("condition")
            inside = consequence is not None and _contains(consequence, node)
            count += 1 + (_text(test).count("&&") if inside and test is not None else 0)
        elif current.type in _DECISIONS or is_failure_callback(current):
            count += 1
        if current.type == "statement_block" or current == body:
            count += sum(1 for sibling in current.named_children
                         if sibling.end_byte <= child.start_byte and _returns_early(sibling))
        child, current = current, current.parent
    return count


def _returns_early(statement: Node) -> bool:
    """``if (…) return`` / ``if (…) { …; return }``: a guard the statements after it run behind."""
    if statement.type != "if_statement" or statement.child_by_field_name("alternative") is not None:
        return False
    consequence = statement.child_by_field_name("consequence")
    if consequence is None:
        return False
    last = consequence.named_children[-1] if consequence.type == "statement_block" and \
        consequence.named_children else consequence
    return last.type in ("return_statement", "throw_statement")


def is_failure_callback(node: Node) -> bool:
    """A function run only on failure: the ``fail`` of an API's options object, or a ``.catch`` handler."""
    if node.type in ("pair", "method_definition"):
        key = node.child_by_field_name("key") or node.child_by_field_name("name")
        value = node.child_by_field_name("value") if node.type == "pair" else node
        return key is not None and _text(key).strip("'\"") == "fail" and value is not None and \
            value.type in (*_FUNCTIONS, "method_definition")
    if node.type == "call_expression":
        fn = node.child_by_field_name("function")
        prop = fn.child_by_field_name("property") if fn is not None and fn.type == "member_expression" else None
        return prop is not None and _text(prop) in FAILURE_CALLBACKS
    return False


def _statement_in(body: Node, node: Node) -> Node:
    """Where a hook's forced action shows its path: the direct child of ``body`` that contains ``node`` (the
    statement inside it, for a ``try``, which decides nothing), or, when ``node`` is in that ``if``'s ``else``
    branch (``if (user) {…} else { goLogin() }``), the ``else`` that leads to it."""
    current = _child_containing(body, node)
    if current is None:
        return node
    while current.type == "try_statement":
        block = current.child_by_field_name("body")
        inner = _child_containing(block, node) if block is not None else None
        if inner is None:
            break
        current = inner
    while current.type == "if_statement":
        alternative = current.child_by_field_name("alternative")
        if alternative is None or not _contains(alternative, node):
            break
        inner = next((c for c in alternative.named_children if c.type != "comment"), None)
        current = inner if inner is not None and inner.type == "if_statement" and _contains(inner, node) \
            else alternative
    callback = _deciding_callback(current, node)
    return _statement_in(callback, node) if callback is not None else current


def _deciding_callback(statement: Node, node: Node) -> Node | None:
    """The body of the callback in ``statement`` that holds ``node`` and decides on it
    (``wx.getSetting({ success(res) { if (…) {…} else { wx.reLaunch(…) } } })``): the path is read there, not at the
    API call that only fetches what the callback tests. None when the statement is no such call."""
    if statement.type not in ("expression_statement", "lexical_declaration", "variable_declaration",
                              "return_statement"):
        return None
    outer = None
    current = node.parent
    while current is not None and current != statement:
        if current.type in (*_FUNCTIONS, "method_definition"):
            outer = current
        current = current.parent
    body = outer.child_by_field_name("body") if outer is not None else None
    return body if body is not None and body.type == "statement_block" and _decides(body, node) else None


def _child_containing(outer: Node, node: Node) -> Node | None:
    """The direct child of ``outer`` that holds ``node``, or None when ``node`` is not below ``outer``."""
    current = node
    while current.parent is not None and current.parent != outer:
        current = current.parent
    return current if current.parent == outer else None


def _contains(outer: Node, node: Node) -> bool:
    return outer.start_byte <= node.start_byte and node.end_byte <= outer.end_byte


def url_text(arg: Node) -> str:
    """The text of a navigation target: ``{ url: … }`` or a plain argument."""
    return _text(object_property(arg, "url")) if arg.type == "object" else _text(arg)
