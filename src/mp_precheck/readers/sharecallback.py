"""Share-success callbacks: what a share hook does once the user has shared.

``onShareAppMessage() { return { title, success() { request('…/share') } } }`` acts on a finished share — the
usual way to credit the sharer (a draw chance, points). WeChat withdrew these callbacks for that reason:
"判断用户是否分享成功，进而给予用户奖励" is the first use its 2018 notice names (分享监听能力调整), and
rewarding a share is induced sharing (rejection reason 3.2.1, operations rules 5.1: 分享后获得或增加抽奖机会).

Source: WeChat's notice 「分享监听」能力调整 (developers community, 2018-09-13);
https://developers.weixin.qq.com/miniprogram/product/reject.html (3.2.1 诱导分享).
"""

from __future__ import annotations

from collections.abc import Iterator

from tree_sitter import Language, Node

from mp_precheck.readers.jsfacts import SHARE_HOOKS
from mp_precheck.readers.sfc import script_units
from mp_precheck.readers.syntax import language_for, node_text, nodes_of, parse, string_value

CALLBACKS = frozenset({"success", "complete"})  # the share's outcome: ``fail`` rewards nothing
_FUNCTIONS = ("function_expression", "function", "arrow_function")
_HOOK_TYPES = ("method_definition", "pair", "call_expression")  # the nodes that can name a share hook
# showShareMenu's success runs when the menu is set up, not when a share is sent; an app that credits a share there
# still means to pay for sharing (分享啦 → postUserShare).
_CALLBACK_HOOKS = SHARE_HOOKS | {"showShareMenu"}
_BOOKKEEPING = frozenset({"setData", "$set", "log", "showShareMenu", "hideShareMenu", "updateShareMenu", "showToast",
                          "showLoading", "hideLoading", "stopPropagation", "preventDefault"})


def share_callback_calls(text: str, path: str) -> list[int]:
    """1-based lines of the first call in each ``success`` / ``complete`` callback of a share hook
    (``onShareAppMessage``, ``onShareTimeline``, Taro's ``useShareAppMessage``, ``wx.showShareMenu``) in the
    script ``text`` of ``path`` (a component's ``<script>`` blocks for a single-file component). A callback that
    calls nothing (an empty one) is left out: only an action on the finished share can credit it."""
    return sorted({line for line, _callee in share_callback_callees(text, path)})


def share_callback_callees(text: str, path: str) -> list[tuple[int, str]]:
    """(1-based line, callee's own name) of the first call in each ``success`` / ``complete`` callback of a share
    hook, as :func:`share_callback_calls` finds them; the name is the callee's last member (:func:`callee_name`),
    so that the base's callbacks can say which of them the change adds."""
    out: list[tuple[int, str]] = []
    for source, name, offset in script_units(text, path):
        language = language_for(name)
        tree = parse(language, source.encode("utf-8", "surrogatepass"))
        # tree-sitter's query engine finds the candidate nodes in C: a Python walk of every node cost more
        for node in nodes_of(tree.root_node, language, _HOOK_TYPES):
            if _hook_name(node) in _CALLBACK_HOOKS:
                out.extend((call.start_point[0] + 1 + offset, callee_name(call))
                           for call in _callback_calls(node, language))
    return sorted(set(out))


def share_callback_texts(text: str, path: str) -> list[tuple[int, str]]:
    """(1-based line, text) of each string literal in a ``success`` / ``complete`` callback of a share hook
    (functions nested in it included: a modal the callback opens), in the script ``text`` of ``path``. What a
    callback tells the user once the share is done (推荐成功，您已获得红包) is how the app pays for the share."""
    return _hook_strings(text, path, callbacks=True)


def share_hook_texts(text: str, path: str) -> list[tuple[int, str]]:
    """(1-based line, text) of each string literal in a share hook (``onShareAppMessage``, ``onShareTimeline``,
    Taro's ``useShareAppMessage``) of the script ``text`` of ``path``: its card's title and the page it opens
    (``'/pages/help/help?id=' + id`` up to its first ``${``)."""
    return _hook_strings(text, path, callbacks=False)


def _hook_strings(text: str, path: str, callbacks: bool) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    for source, name, offset in script_units(text, path):
        language = language_for(name)
        tree = parse(language, source.encode("utf-8", "surrogatepass"))
        for node in nodes_of(tree.root_node, language, _HOOK_TYPES):
            if _hook_name(node) not in (_CALLBACK_HOOKS if callbacks else SHARE_HOOKS):
                continue
            for body in _callbacks(node, language) if callbacks else (node,):
                out.extend((string.start_point[0] + 1 + offset, value)
                           for string in nodes_of(body, language, ("string", "template_string"))
                           if (value := string_value(string)))
    return sorted(set(out))


def share_hook_statements(text: str, path: str) -> list[int]:
    """1-based lines of the calls a share hook makes by itself, as statements of its own body
    (``onShareAppMessage() { api.addShareReward().then(…); return card }``): WeChat runs the hook as the user
    shares, so such a call acts on each share as a success callback would. Logging, ``setData`` and the share
    menu's own switches are left out; a call whose value the hook returns builds the share card."""
    return sorted({line for line, _callee in share_hook_calls(text, path)})


def share_hook_calls(text: str, path: str) -> list[tuple[int, str]]:
    """(1-based line, callee's own name) of each call :func:`share_hook_statements` finds in a share hook's own
    body; the name is the callee's last member (:func:`callee_name`)."""
    return sorted({(statement.start_point[0] + 1 + offset, callee_name(call))
                   for offset, statement, call, _language in _hook_calls(text, path) if not is_bookkeeping(call)})


def share_hook_notices(text: str, path: str) -> list[tuple[int, str]]:
    """(1-based line, text) of each string literal that a share hook's own statements hand to a call
    (``wx.showToast({ title: '已解锁 2 次' })`` in ``onShareAppMessage``, its branches included, not a function
    defined in it), to any call of its chain, callbacks included (``api.track(…).then(() => wx.showToast({ title:
    '奖励已发放' }))``: the hook's own request answered), in the script ``text`` of ``path``: what the app tells the
    user as they share, apart from the card the hook returns. WeChat runs the hook as the user shares
    (https://developers.weixin.qq.com/miniprogram/dev/reference/api/Page.html#onShareAppMessage-Object-object), so a
    use unlocked or a reward granted there is paid for the share."""
    out: set[tuple[int, str]] = set()
    for offset, _statement, call, language in _hook_calls(text, path):
        for arguments in _chain_arguments(call):
            strings = nodes_of(arguments, language, ("string", "template_string"))
            out.update((string.start_point[0] + 1 + offset, value) for string in strings
                       if (value := string_value(string)))
    return sorted(out)


def _chain_arguments(call: Node) -> Iterator[Node]:
    """The argument lists of ``call`` and of each call its callee is chained on (``a(x).then(f).catch(g)``: those
    of ``catch``, ``then`` and ``a``): a promise's callbacks run on the answer to the hook's own call."""
    node: Node | None = call
    while node is not None and node.type == "call_expression":
        arguments = node.child_by_field_name("arguments")
        if arguments is not None:
            yield arguments
        fn = node.child_by_field_name("function")
        node = fn.child_by_field_name("object") if fn is not None and fn.type == "member_expression" else None


def _hook_calls(text: str, path: str) -> Iterator[tuple[int, Node, Node, Language]]:
    """(line offset of its script unit, statement, call, language) of each call a share hook makes as a statement
    of its own body, in the script ``text`` of ``path``."""
    for source, name, offset in script_units(text, path):
        language = language_for(name)
        tree = parse(language, source.encode("utf-8", "surrogatepass"))
        for node in nodes_of(tree.root_node, language, _HOOK_TYPES):
            body = _hook_body(node) if _hook_name(node) in SHARE_HOOKS else None
            for statement in _own_statements(body) if body is not None else ():
                call = _statement_call(statement)
                if call is not None:
                    yield offset, statement, call, language


_BRANCHES = ("if_statement", "else_clause", "statement_block", "try_statement", "catch_clause", "finally_clause")


def _own_statements(block: Node) -> Iterator[Node]:
    """The statements of a hook's ``block`` and of the branches in it (``if (from === 'button') { … }``, ``try``),
    not those of a function defined in it: a branch runs as the hook runs, a nested function only when called."""
    for statement in block.named_children:
        if statement.type in _BRANCHES:
            yield from _own_statements(statement)
        else:
            yield statement


def _hook_body(node: Node) -> Node | None:
    """The statement block of the function a share hook node defines or hands to ``useShareAppMessage``."""
    if node.type == "method_definition":
        body = node.child_by_field_name("body")
    elif node.type == "pair":
        value = node.child_by_field_name("value")
        body = value.child_by_field_name("body") if value is not None and value.type in _FUNCTIONS else None
    else:
        arguments = node.child_by_field_name("arguments")
        first = arguments.named_children[0] if arguments is not None and arguments.named_children else None
        body = first.child_by_field_name("body") if first is not None and first.type in _FUNCTIONS else None
    return body if body is not None and body.type == "statement_block" else None


def _statement_call(statement: Node) -> Node | None:
    """The call an expression statement makes (``f()``, ``await f()``, ``f().then(…)``, the guarded call of
    ``!done && f()``), or None."""
    if statement.type != "expression_statement" or not statement.named_children:
        return None
    expression = statement.named_children[0]
    if expression.type == "await_expression" and expression.named_children:
        expression = expression.named_children[0]
    if expression.type == "binary_expression" and node_text(expression.child_by_field_name("operator")) in ("&&", "||"):
        expression = expression.child_by_field_name("right") or expression  # ``!done && api.credit(5)``
    if expression.type == "await_expression" and expression.named_children:
        expression = expression.named_children[0]
    return expression if expression.type == "call_expression" else None


def is_bookkeeping(call: Node) -> bool:
    """Whether a call only logs, sets page data or switches the share menu: the innermost callee of a chain
    (``api.x().then(…)`` is ``api.x``)."""
    text = node_text(_innermost_callee(call))
    return text.startswith("console.") or text.rsplit(".", 1)[-1] in _BOOKKEEPING


def callee_name(call: Node) -> str:
    """The own name of the innermost callee of ``call`` (``api.credit().then(…)`` is ``credit``; ``that.close()``
    and ``this.close()`` are both ``close``): what the call does, whatever object the code reaches it through, so a
    receiver re-spelt by the change (``that`` → ``this``) is the same call."""
    fn = _innermost_callee(call)
    if fn is not None and fn.type == "member_expression":
        fn = fn.child_by_field_name("property") or fn
    return node_text(fn)


def _innermost_callee(call: Node) -> Node | None:
    """The callee of the first call of a chain (``api.x().then(…)`` is ``api.x``)."""
    fn = call.child_by_field_name("function")
    while fn is not None and fn.type == "member_expression":
        inner = fn.child_by_field_name("object")
        if inner is None or inner.type != "call_expression":
            break
        fn = inner.child_by_field_name("function")
    return fn


def _hook_name(node: Node) -> str:
    """The name of a share hook this node defines (a method, an object key) or calls (``useShareAppMessage``)."""
    if node.type in ("method_definition", "pair"):
        return node_text(node.child_by_field_name("name") or node.child_by_field_name("key")).strip("'\"")
    if node.type == "call_expression":
        fn = node.child_by_field_name("function")
        if fn is not None and fn.type == "member_expression" and node_text(fn).endswith(".showShareMenu"):
            return "showShareMenu"  # wx.showShareMenu({ success }), Taro.showShareMenu
        return node_text(fn) if fn is not None and fn.type == "identifier" else ""
    return ""


def _callback_calls(hook: Node, language: Language) -> Iterator[Node]:
    """The first call in each success/complete callback under ``hook`` (parsed with ``language``)."""
    for body in _callbacks(hook, language):
        calls = nodes_of(body, language, ("call_expression",))  # in the order of a walk: the first is first
        if calls:
            yield calls[0]


def _callbacks(hook: Node, language: Language) -> Iterator[Node]:
    """The bodies of the success/complete callbacks under ``hook`` (parsed with ``language``)."""
    for node in nodes_of(hook, language, ("method_definition", "pair")):
        if node.type == "method_definition":
            key, body = node.child_by_field_name("name"), node.child_by_field_name("body")
        elif node.type == "pair":
            key, body = node.child_by_field_name("key"), node.child_by_field_name("value")
            body = body if body is not None and body.type in _FUNCTIONS else None
        else:
            continue
        if body is not None and node_text(key).strip("'\"") in CALLBACKS:
            yield body
