"""Forced login: what an app or page does on launch before the user has touched anything.

WeChat rejects Mini Programs that demand login or personal data before the user can experience the
service ("请在用户了解体验小程序功能后，再要求用户进行帐号登录"; LOGIN,
OPS2018 15.1.3). In code that is a lifecycle hook — ``App.onLaunch``/``onShow``, a page's
``onLoad``/``onShow``, Taro's ``componentWillMount``/``componentDidShow``, Vue's ``onLaunch`` — that,
with no tap in between, navigates to a login/auth/bind page, calls a helper that does, asks for the
profile (``wx.getUserProfile``) or a permission (``wx.authorize``), or shows a modal that cannot be
cancelled telling the user to log in. Silent ``wx.login`` and anything inside a tap handler are fine.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from tree_sitter import Node

from mp_precheck.readers.syntax import node_text as _text
from mp_precheck.readers.syntax import object_property
from mp_precheck.readers.syntax import walk as _walk

HOOKS = frozenset({"onLaunch", "onShow", "onLoad", "componentWillMount", "componentDidMount", "componentDidShow",
                   "created", "mounted", "attached", "setup"})
NAVIGATION = frozenset({"wx.navigateTo", "wx.redirectTo", "wx.reLaunch", "wx.switchTab"})
PROMPTS = frozenset({"wx.getUserProfile", "wx.authorize"})
LOGIN_TARGET = re.compile(r"login|logon|signin|sign-in|sign_in|register|auth|bind|passport|授权|登录|注册|绑定",
                          re.IGNORECASE)
LOGIN_HELPER = re.compile(r"^(?:go|to|navigate|redirect|jump|open|show|force|require|check)\w*"
                          r"(?:login|logon|signin|auth|bind)\w*$", re.IGNORECASE)
HELPER_DEPTH = 2  # hook → checkLogin() → goLogin() → wx.navigateTo
_FUNCTIONS = ("function_expression", "function", "arrow_function", "generator_function")


DEFINITION_TYPES = ("method_definition", "function_declaration", "pair", "variable_declarator", "field_definition",
                    "public_field_definition")


def definitions(nodes: Iterable[Node]) -> dict[str, Node]:
    """Named function bodies among a file's ``nodes`` (in source order; other types are skipped): methods,
    ``key: function``, declarations, arrow fields."""
    found: dict[str, Node] = {}
    for node in nodes:
        name: Node | None = None
        body: Node | None = None
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
            found.setdefault(_text(name).strip("'\""), body)
    return found


class HookScanner:
    """Finds forced-login actions reachable from lifecycle hooks (same-file helpers, two levels deep).

    ``resolve`` maps a callee node to its ``wx.X`` name (aliases and framework namespaces applied).
    """

    def __init__(self, resolve: Callable[[Node], str | None]) -> None:
        self.resolve = resolve

    def scan(self, nodes: Iterable[Node]) -> Iterator[tuple[Node, str, str]]:
        """(node to report, what it does, its target) for each forced action.

        The target is what is forced: the page path (``pages/login/login``), the prompt API or the helper
        called, so a new destination is told apart from an old one that moved. The node is the hook's own
        statement that leads to it (``if (!token) { … }``), so the line shows the path; an action a helper
        takes under a decision of its own (``checkLogin() { if (!user.mobile) wx.navigateTo(…) }``) is
        reported where the helper decides. ``nodes`` are the file's nodes of :data:`DEFINITION_TYPES` (more
        are fine) in source order."""
        defs = definitions(nodes)
        for hook in sorted(HOOKS & set(defs)):
            body = defs[hook]
            for node, what, target in self._actions(body, defs, HELPER_DEPTH, frozenset({hook})):
                yield _statement_in(body, node), f"{hook}: {what}", target

    def _actions(self, body: Node, defs: dict[str, Node], depth: int,
                 seen: frozenset[str]) -> Iterator[tuple[Node, str, str]]:
        """(node, what, target) of the forced actions in ``body``, through same-file helpers ``depth`` deep.
        A helper that acts whenever it runs is reported at its call; one that decides is reported inside."""
        for call in self._calls(body):
            helper = self._helper_name(call)
            defined = helper in defs and helper not in HOOKS and helper not in seen and depth > 0
            if defined:  # a same-file helper is judged by what it does, never by its name (checkLogin)
                for node, what, target in self._actions(defs[str(helper)], defs, depth - 1, seen | {str(helper)}):
                    place = node if _decides(defs[str(helper)], node) else call
                    yield place, f"{helper}() → {what}", target
            action = None if defined else self._action(call)
            if action:
                yield call, action[0], action[1]

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

    def _action(self, call: Node) -> tuple[str, str] | None:
        """(what the call does, its target) when it forces login, else None."""
        fn = call.child_by_field_name("function")
        api = self.resolve(fn) if fn is not None else None
        if api is None and fn is not None:
            name = self._helper_name(call) or _text(fn).rsplit(".", 1)[-1]
            if LOGIN_HELPER.match(name):
                return f"{name}()", f"{name}()"
            return None
        if api in PROMPTS or api == "wx.navigateToMiniProgram":
            return api, api or ""
        args = call.child_by_field_name("arguments")
        first = args.named_children[0] if args is not None and args.named_children else None
        if api in NAVIGATION and first is not None:
            target = _url_text(first)
            if target and LOGIN_TARGET.search(target):
                return f"{api} {target[:80]}", page_path(target)
        if api == "wx.showModal" and first is not None and first.type == "object":
            text = _text(first)
            if re.search(r"showCancel\s*:\s*false", text) and re.search(r"登录|授权|login", text, re.IGNORECASE):
                return "wx.showModal without cancel", "wx.showModal"
        return None


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
        if current.type in _DECISIONS or _is_failure_callback(current):
            return True
        current = current.parent
    return False


def _is_failure_callback(node: Node) -> bool:
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
    """Where a hook's forced action shows its path: the direct child of ``body`` that contains ``node``, or,
    when ``node`` is in that ``if``'s ``else`` branch (``if (user) {…} else { goLogin() }``), the ``else``
    that leads to it."""
    current = node
    while current.parent is not None and current.parent != body:
        current = current.parent
    if current.parent != body:
        return node
    while current.type == "if_statement":
        alternative = current.child_by_field_name("alternative")
        if alternative is None or not _contains(alternative, node):
            break
        inner = next((c for c in alternative.named_children if c.type != "comment"), None)
        current = inner if inner is not None and inner.type == "if_statement" and _contains(inner, node) \
            else alternative
    return current


def _contains(outer: Node, node: Node) -> bool:
    return outer.start_byte <= node.start_byte and node.end_byte <= outer.end_byte


def _url_text(arg: Node) -> str:
    """The text of a navigation target: ``{ url: … }`` or a plain argument."""
    return _text(object_property(arg, "url")) if arg.type == "object" else _text(arg)
