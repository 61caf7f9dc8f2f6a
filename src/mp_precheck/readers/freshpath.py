"""The way a page's load hooks take for a first-time user: nothing stored, nobody logged in.

A user who opens the Mini Program for the first time has no token, no stored profile and no session: every
storage read answers empty (``wx.getStorageSync('token')`` gives ``''``), every global the app fills after a login
is unset (``app.globalData.userInfo``), and a helper that reads one (``auth.token()``, ``store.loggedOut()``)
answers nothing. The page's load hooks (``onLoad``, ``onShow``, ``created``…: ``readers/openinghooks.py``) are
walked statement by statement under that reading: an ``if`` whose test it decides takes its branch
(``!auth.token() || store.loggedOut()`` holds, ``!token && store.loggedOut()`` does not), an undecided one
neither branch, an early ``return`` ends the hook, a ``try`` runs its block (its ``catch`` is the path where
something failed) and a same-file helper is walked where it is called. Callbacks (``success:``, ``.then(…)``)
wait for an answer and are not walked.

What the walk records: the page's data flags as it leaves them — their initial values (``data: { askLogin:
false }``, a Vue ``data()``) and what the hooks set on the way (``this.setData({ askLogin: true })``,
``this.showLogin = true``), with the line that set each one truthy — and whether a silent login runs on the way
(``wx.login``, or a call of another module named as logging in: ``api.login()``, ``auth.silentLogin()``; not
one named as opening a login page, ``goLogin()``).

In: a page script's text and the path to parse it as. Out: :class:`FreshPath`. Never raises on malformed code.
Sources: https://developers.weixin.qq.com/miniprogram/dev/api/storage/wx.getStorageSync.html (an absent key reads
empty), https://developers.weixin.qq.com/miniprogram/dev/api/open-api/login/wx.login.html and
https://developers.weixin.qq.com/miniprogram/dev/reference/api/Page.html (data, onLoad, setData).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from msgspec import Struct, field
from tree_sitter import Node

from mp_precheck.core.lazyre import lazy
from mp_precheck.readers.lifecycle import LOGIN_HELPER, tree_definitions
from mp_precheck.readers.openinghooks import OPENING
from mp_precheck.readers.syntax import language_for, node_text, parse, walk

# A call that logs in without asking: its last name says login (api.login, silentLogin, wxLogin, doAuth);
# one that asks for the profile or phone, or opens a login page, is none.
_LOGIN = lazy(r"login|logon|signin|auth", re.IGNORECASE)
_PROMPT = lazy(r"profile|userinfo|phone|authorize|setting", re.IGNORECASE)
_NAMESPACES = frozenset({"wx", "uni", "Taro", "taro", "qq", "tt", "my", "swan"})
_FUNCTIONS = frozenset({"function_expression", "function", "arrow_function", "generator_function",
                        "method_definition", "class_body"})
_SELF = frozenset({"this", "that", "self", "_this", "vm", "me"})
_EMPTY = frozenset({"null", "undefined", "false"})
_DEPTH = 3  # hook → start() → restore() → api.login()
Read = Callable[[Node], "bool | None"]


class FreshPath(Struct):
    """The load hooks' walk for a first-time user: ``flags`` the truthiness each data flag is left with (None:
    unknown), ``raised`` the 1-based line that last set each flag truthy on the way, ``logs_in`` whether a silent
    login ran."""

    flags: dict[str, bool | None] = field(default_factory=dict)
    raised: dict[str, int] = field(default_factory=dict)
    logs_in: bool = False


def fresh_path(script: str, path: str) -> FreshPath:
    """The walk of ``script``'s load hooks (read as ``path``) for a first-time user (see the module)."""
    root = parse(language_for(path), script.encode("utf-8", "surrogatepass")).root_node
    defs = tree_definitions(root, language_for(path))
    out = FreshPath(flags=initial_data(root))
    walker = _Walker(defs, out)
    for body in sorted((defs[name] for name in OPENING & set(defs)), key=lambda body: body.start_byte):
        walker.statement(body, _DEPTH, frozenset())
    return out


def initial_data(root: Node) -> dict[str, bool | None]:
    """Each key of the page's initial data (``data: {…}``, ``data() { return {…} }``, a WePY ``data = {…}``) and
    the truthiness of its value for a first-time user (a read of storage or a global: empty)."""
    for node in walk(root):
        key = node.child_by_field_name("key") or node.child_by_field_name("name") or \
            node.child_by_field_name("property")
        if key is None or node_text(key).strip("'\"") != "data" or node.type not in (
                "pair", "method_definition", "field_definition", "public_field_definition"):
            continue
        value = node.child_by_field_name("value") if node.type != "method_definition" else node
        found = _data_object(value) if value is not None else None
        if found is not None:
            return {node_text(k).strip("'\""): truth(v, _fresh) for pair in found.named_children
                    if pair.type == "pair" and (k := pair.child_by_field_name("key")) is not None
                    and (v := pair.child_by_field_name("value")) is not None}
    return {}


def _data_object(value: Node) -> Node | None:
    """The object a data member holds or its function returns (``data() { return {…} }``, ``() => ({…})``)."""
    if value.type == "object":
        return value
    body = value.child_by_field_name("body") if value.type in _FUNCTIONS else None
    if body is not None and body.type == "parenthesized_expression" and body.named_children:
        return body.named_children[0] if body.named_children[0].type == "object" else None
    for node in body.named_children if body is not None and body.type == "statement_block" else ():
        if node.type == "return_statement" and node.named_children and node.named_children[0].type == "object":
            return node.named_children[0]
    return None


def truth(node: Node | None, read: Read) -> bool | None:
    """Whether the expression ``node`` is truthy, None when undecided; ``read`` answers an identifier, member,
    subscript or call (what it reads)."""
    if node is None:
        return None
    kind = node.type
    if kind in ("parenthesized_expression", "await_expression") and node.named_children:
        return truth(node.named_children[-1], read)
    if kind == "true" or kind in ("object", "array", "arrow_function", "function_expression"):
        return True
    if kind in _EMPTY:
        return False
    if kind == "number":
        return node_text(node).strip("0.xXn_") != ""
    if kind in ("string", "template_string"):
        return None if "${" in node_text(node) else len(node_text(node)) > 2
    if kind == "unary_expression" and node_text(node.child_by_field_name("operator")) == "!":
        inner = truth(node.child_by_field_name("argument"), read)
        return None if inner is None else not inner
    if kind == "binary_expression":
        return _binary(node, read)
    if kind == "ternary_expression":
        test = truth(node.child_by_field_name("condition"), read)
        return None if test is None else truth(node.child_by_field_name("consequence" if test else "alternative"),
                                                 read)
    if kind == "call_expression" and node_text(node.child_by_field_name("function")) == "Boolean":
        args = node.child_by_field_name("arguments")
        return truth(args.named_children[0], read) if args is not None and args.named_children else False
    if kind in ("identifier", "member_expression", "subscript_expression", "call_expression"):
        return read(node)
    return None


def _binary(node: Node, read: Read) -> bool | None:
    operator = node_text(node.child_by_field_name("operator"))
    left = truth(node.child_by_field_name("left"), read)
    right = truth(node.child_by_field_name("right"), read)
    if operator == "&&":
        return False if False in (left, right) else True if left and right else None
    if operator == "||":
        return True if True in (left, right) else False if left is False and right is False else None
    if operator in ("==", "===", "!=", "!=="):
        # a comparison with an empty value (null, '', false, 0) asks whether the other side is empty
        sides = [node.child_by_field_name("left"), node.child_by_field_name("right")]
        empty = [s is not None and (s.type in _EMPTY or node_text(s) in ("''", '""', "0")) for s in sides]
        other = right if empty[0] else left if empty[1] else None
        if other is None or not any(empty):
            return None
        return (not other) == (operator in ("==", "==="))
    return None


def _fresh(node: Node) -> bool | None:
    """A first-time user's read: storage, globals and helpers answer empty."""
    return False


class _Walker:
    def __init__(self, defs: dict[str, Node], out: FreshPath) -> None:
        self.defs = defs
        self.out = out

    def read(self, node: Node) -> bool | None:
        """``this.data.flag`` reads the flag as the walk left it; any other read answers empty."""
        text = node_text(node)
        for prefix in (f"{s}.data." for s in _SELF):
            if node.type == "member_expression" and text.startswith(prefix) and "." not in text[len(prefix):]:
                return self.out.flags.get(text[len(prefix):], False)
        return False

    def statement(self, node: Node, depth: int, seen: frozenset[str]) -> bool:
        """Walk one statement; False when the path ends there (``return``, ``throw``)."""
        kind = node.type
        if kind == "statement_block":
            return all(self.statement(child, depth, seen) for child in node.named_children)
        if kind == "if_statement":
            test = truth(node.child_by_field_name("condition"), self.read)
            branch = node.child_by_field_name("consequence") if test else node.child_by_field_name("alternative") \
                if test is False else None
            if branch is not None and branch.type == "else_clause":
                branch = branch.named_children[0] if branch.named_children else None
            return self.statement(branch, depth, seen) if branch is not None else True
        if kind == "try_statement":
            body = node.child_by_field_name("body")
            return self.statement(body, depth, seen) if body is not None else True
        if kind in ("expression_statement", "lexical_declaration", "variable_declaration", "return_statement",
                    "throw_statement"):
            self.expression(node, depth, seen)
            return kind not in ("return_statement", "throw_statement")
        if kind.endswith("expression"):  # an arrow function's expression body
            self.expression(node, depth, seen)
        return True  # loops and switches: not walked

    def expression(self, node: Node, depth: int, seen: frozenset[str]) -> None:
        """The calls and assignments of ``node`` outside nested functions, in source order."""
        if node.type in _FUNCTIONS:
            return
        if node.type == "binary_expression" and node_text(node.child_by_field_name("operator")) in ("&&", "||"):
            self.expression(node.child_by_field_name("left"), depth, seen)  # type: ignore[arg-type]
            test = truth(node.child_by_field_name("left"), self.read)
            if test is (node_text(node.child_by_field_name("operator")) == "&&"):
                self.expression(node.child_by_field_name("right"), depth, seen)  # type: ignore[arg-type]
            return
        for child in node.named_children:
            self.expression(child, depth, seen)
        if node.type == "call_expression":
            self.call(node, depth, seen)
        elif node.type == "assignment_expression":
            left = node.child_by_field_name("left")
            if left is not None and left.type == "member_expression" and \
                    node_text(left.child_by_field_name("object")) in _SELF:
                self.set(node_text(left.child_by_field_name("property")), node.child_by_field_name("right"), node)

    def call(self, call: Node, depth: int, seen: frozenset[str]) -> None:
        fn = call.child_by_field_name("function")
        if fn is None:
            return
        name = node_text(fn.child_by_field_name("property")) if fn.type == "member_expression" else node_text(fn)
        owner = node_text(fn.child_by_field_name("object")) if fn.type == "member_expression" else ""
        if name == "setData":
            args = call.child_by_field_name("arguments")
            first = args.named_children[0] if args is not None and args.named_children else None
            for pair in first.named_children if first is not None and first.type == "object" else ():
                key = pair.child_by_field_name("key") if pair.type == "pair" else None
                if key is not None:
                    self.set(node_text(key).strip("'\""), pair.child_by_field_name("value"), call)
        elif name in self.defs and name not in OPENING and (not owner or owner in _SELF):
            if depth > 0 and name not in seen:
                self.statement(self.defs[name], depth - 1, seen | {name})
        elif (owner in _NAMESPACES and name == "login") or (
                owner not in _NAMESPACES and _LOGIN.search(name) and not _PROMPT.search(name) and
                not LOGIN_HELPER.match(name)):
            self.out.logs_in = True

    def set(self, flag: str, value: Node | None, where: Node) -> None:
        found = truth(value, self.read)
        self.out.flags[flag] = found
        if found:
            self.out.raised[flag] = where.start_point[0] + 1
        else:
            self.out.raised.pop(flag, None)
