"""Payments a script starts through a channel other than WeChat Pay (``checks/pay_channels.yml``).

Inside a Mini Program WeChat takes payment only through its own Mini Program payment (``wx.requestPayment``): the
review sends back a version that offers another channel ("小程序内的支付请选择官方的接口接入支付方式", the
rejection reason WeChat's staff quote, https://developers.weixin.qq.com/community/develop/doc/000a44d65f46c0df141bf37445bc00,
pointing at https://pay.weixin.qq.com/wiki/doc/api/wxa/wxa_api.php?chapter=7_3&index=1), and a cashier page of
another channel opened in a ``<web-view>`` cannot pay there either. A script starts such a payment by:

* calling a function or method whose name names a channel as whole words and says it pays (``alipayCheckout(…)``,
  ``api.alipayQrcode(…)``, ``this.$api.unionPay(…)``, ``goAlipay()``: :meth:`Channels.started`; not
  ``alipayLocate()``, another service of the same company);
* requesting a URL whose path names one (``post('/pay/alipay', …)``, ``wx.request({ url: base + '/alipay/create' })``);
* ``uni.requestPayment({ provider: 'alipay' })`` where the WeChat build reaches it;
* holding a link to the channel's cashier or QR host (``https://qr.alipay.com/…``) to show or copy.

Not a start: a name that asks about a payment or shows a choice (``syncAlipayStatus``, ``selectAlipay``), another
platform's own payment (``createAlipayAppletOrder``: the Alipay Mini Program's), a page route
(``/pages/pay/alipay``), a module loaded by its file name (``require('./alipayMonitor.js')``), text that only
mentions the channel, and the calls inside a function that itself names the
channel where its callers are told (a module's exported ``alipayPay()``, a method the file calls by name), a call
of the file's function that drives a web page's DOM (an HTML pay form submitted in H5), and an order paid by a
``requestPayment`` call in its own callback or of another platform's ``orderInfo`` (judged by the payment rules,
readers/callcontext.py). Code under uni-app ``#ifdef`` of other platforms never gets here (readers/conditional.py
blanks it first).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache
from typing import Any

from msgspec import Struct
from msgspec.structs import replace
from tree_sitter import Language, Node

from mp_precheck.core.catalog import validated
from mp_precheck.core.recache import compiled
from mp_precheck.core.resources import data_dir
from mp_precheck.facts.model import Fact, FileFacts
from mp_precheck.readers.callcontext import other_payment
from mp_precheck.readers.syntax import call_option, first_argument, node_text, nodes_of, string_value

SUBJECT = "policy:non-wechat-pay"
TABLE = "pay_channels.yml"
SCHEMA = "pay_channels.schema.json"

_WORD = compiled(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")
_NAMESPACES = frozenset({"wx", "uni", "Taro", "taro", "mpx", "wepy"})
_MODULE_LOADERS = frozenset({"require", "import", "requirePlugin", "require.async"})
_NAVIGATION = frozenset({"navigate", "redirect", "relaunch", "launch", "switch", "router", "route", "push"})
# A web page's globals: a Mini Program's logic layer has neither (no DOM or BOM), so code that drives them, an HTML pay
# form submitted with document.forms[…].submit(), runs in H5 only
# (https://developers.weixin.qq.com/miniprogram/dev/framework/app-service/).
_BROWSER = compiled(r"\b(?:document|window)\s*\.")
_SOURCE_SUFFIXES = (".js", ".ts", ".json", ".vue", ".wxs", ".mjs", ".cjs")
_FUNCTIONS = ("function_declaration", "method_definition", "function_expression", "arrow_function", "function",
              "generator_function_declaration")


class PayChannelDataError(ValueError):
    """``checks/pay_channels.yml`` does not match its schema (a packaging bug, not user input)."""


class Channels(Struct, frozen=True):
    """The table, ready to match: each spelling (a run of words) with its channel."""

    spellings: tuple[tuple[tuple[str, ...], str], ...]
    providers: dict[str, str]
    hosts: dict[str, str]
    other_platform: frozenset[str]
    not_paying: frozenset[str]
    paying: frozenset[str]
    acting: frozenset[str]

    def named(self, words: list[str]) -> str | None:
        """The channel ``words`` (lower case) name, or None: none named, or a word says it starts no payment
        or is another platform's."""
        if not words or any(w in self.not_paying or w in self.other_platform for w in words):
            return None
        for spelling, channel in self.spellings:
            size = len(spelling)
            if any(tuple(words[i:i + size]) == spelling for i in range(len(words) - size + 1)):
                return channel
        return None

    def started(self, words: list[str]) -> str | None:
        """The channel whose payment a call's name (``words``, lower case) starts: it names the channel
        (:meth:`named`) and its other words are none (``alipay()``), a paying word (``alipayCheckout``) or only
        words of an act leading into it (``goAlipay``); None for a name of the company's other services
        (``alipayLocate``, ``AlipayNoticeService``), which take no money."""
        channel = self.named(words)
        if channel is None:
            return None
        rest = [w for w in words if not w.isdigit()]
        for spelling, named in self.spellings:  # the channel's own words out, as spelt in the name
            size = len(spelling)
            at = next((i for i in range(len(rest) - size + 1) if named == channel
                       and tuple(rest[i:i + size]) == spelling), None)
            if at is not None:
                rest = rest[:at] + rest[at + size:]
                break
        return channel if not rest or self.paying & set(rest) or set(rest) <= self.acting else None

    def needles(self) -> tuple[str, ...]:
        """Fixed strings ``git grep`` finds a file naming a channel by (its spellings, as code writes them)."""
        out: set[str] = set()
        for spelling, _channel in self.spellings:
            joined = "".join(spelling)
            out |= {joined, joined.capitalize(), joined.upper(), "_".join(spelling), "-".join(spelling),
                    spelling[0] + "".join(w.capitalize() for w in spelling[1:]),
                    "".join(w.capitalize() for w in spelling)}
        return tuple(sorted(out))


def check_pay_channels() -> None:
    """Check the shipped table against its schema (the test suite does).

    Raises:
        PayChannelDataError: the table does not match, naming the file and the key path.
    """
    validated(data_dir("checks") / TABLE, SCHEMA, PayChannelDataError)


@cache
def channels() -> Channels:
    """The shipped table, read once."""
    data: Any = validated(data_dir("checks") / TABLE, SCHEMA, check=False)
    rows = data["channels"]
    spellings = tuple((tuple(words), row["channel"]) for row in rows for words in row["words"])
    return Channels(spellings, {p: row["channel"] for row in rows for p in row["providers"]},
                    {h: row["channel"] for row in rows for h in row["hosts"]},
                    frozenset(data["other_platform_words"]), frozenset(data["not_paying_words"]),
                    frozenset(data["paying_words"]), frozenset(data["acting_words"]))


def words_of(text: str) -> list[str]:
    """The lower-case words of a name or path: split at case changes, digits and any other character."""
    return [w.lower() for w in _WORD.findall(text)]


def may_name_channel(source: str) -> bool:
    """A cheap test before parsing: whether ``source`` spells any channel (case and ``_`` / ``-`` aside)."""
    squeezed = source.lower().replace("_", "").replace("-", "")
    table = channels()
    return any("".join(spelling) in squeezed for spelling, _c in table.spellings) or \
        any(host in squeezed for host in table.hosts)


def with_pay_channels(found: FileFacts, source: str, root: Node, language: Language, line_offset: int = 0
                      ) -> FileFacts:
    """``found`` (the facts of the script ``source``, parsed as ``root``) with its :func:`pay_channel_facts`; a
    script that spells no channel is not walked again."""
    if not may_name_channel(source):
        return found
    extra = pay_channel_facts(root, language, line_offset)
    return replace(found, facts=found.facts + tuple(extra)) if extra else found


def pay_channel_facts(root: Node, language: Language, line_offset: int = 0) -> list[Fact]:
    """The :data:`SUBJECT` facts of one script's tree (``language`` its grammar), one a line, in source order.

    Never raises."""
    table = channels()
    nodes = nodes_of(root, language, ("call_expression", "string", "template_string", *_FUNCTIONS))
    called = {_callee_name(c) for c in nodes if c.type == "call_expression"}
    scopes = _Scopes(root, table, called)
    in_browser = _browser_functions([f for f in nodes if f.type in _FUNCTIONS], scopes)
    pays = _Pays([c for c in nodes if c.type == "call_expression" and _callee_name(c) == "requestPayment"])
    facts: dict[int, Fact] = {}
    for node in nodes:
        if node.type in _FUNCTIONS:
            continue
        if node.type == "call_expression":  # a function of the file that drives a web page's DOM runs in H5 only
            found = None if _callee_name(node) in in_browser or pays.paid_by_request(node, scopes) else \
                _call_channel(node, table)
        else:
            found = _link_channel(node, table)
        if found is None or scopes.carried(node):
            continue
        channel, what = found
        line = node.start_point[0] + 1 + line_offset
        facts.setdefault(line, Fact(SUBJECT, "api", line, f"{channel}: {' '.join(what.split())[:100]}"))
    return list(facts.values())


def _browser_functions(functions: list[Node], scopes: _Scopes) -> set[str]:
    """The names of the functions whose text drives a web page's DOM. A name already found is not searched
    again: nested functions share their text, and searching each one would be quadratic in the nesting depth."""
    found: set[str] = set()
    for function in functions:
        name = scopes.name(function)[0]
        if name not in found and _BROWSER.search(node_text(function)):
            found.add(name)
    return found


class _Scopes:
    """Each function's name and verdicts, worked out once per file: a walk up from every call to each of its
    enclosing functions would be quadratic in the nesting depth."""

    def __init__(self, root: Node, table: Channels, called: set[str]) -> None:
        self.table, self.called = table, called
        self._enclosing, self._names = _scan(root)
        self._carries: dict[int, bool] = {}
        self._named: dict[int, Node | None] = {}

    def name(self, function: Node) -> tuple[str, bool]:
        """A function's name (its declaration's, its method key's, the variable or key holding it) and whether it
        is declared at the module's top level."""
        return self._names[function.id]

    def _enclosing_function(self, node: Node) -> Node | None:
        return self._enclosing.get(node.id)

    def carried(self, node: Node) -> bool:
        """Whether ``node`` lies in a function that itself names a channel and whose callers are told instead: a
        module-level function (what other files import) or one this file calls by name."""
        function = self._enclosing_function(node)
        return function is not None and self._carries_in(function)

    def _carries_in(self, function: Node) -> bool:
        chain: list[Node] = []
        current: Node | None = function
        while current is not None and current.id not in self._carries:
            chain.append(current)
            current = self._enclosing_function(current)
        verdict = current is not None and self._carries[current.id]
        for each in reversed(chain):  # outermost first: a function carries when it or any function around it does
            name, top = self.name(each)
            words = words_of(name)
            verdict = verdict or bool(words and self.table.named(words) is not None and (top or name in self.called))
            self._carries[each.id] = verdict
        return self._carries[function.id]

    def named_function(self, node: Node) -> Node | None:
        """The nearest function around ``node`` that has a name, or None."""
        chain: list[Node] = []
        current = self._enclosing_function(node)
        while current is not None and current.id not in self._named and not self.name(current)[0]:
            chain.append(current)
            current = self._enclosing_function(current)
        found = None if current is None else self._named.get(current.id, current)
        for each in chain:
            self._named[each.id] = found
        if current is not None:
            self._named[current.id] = found
        return found


_WRAPPERS = ("lexical_declaration", "variable_declaration", "export_statement", "expression_statement")
_HOLDERS = ("variable_declarator", "pair", "assignment_expression")


def _scan(root: Node) -> tuple[dict[int, Node | None], dict[int, tuple[str, bool]]]:
    """One walk of ``root``'s tree (node ids →): the innermost function around each node, and each function's
    name and whether it is declared at the module's top level. tree-sitter finds a node's parent by descending
    from the root, so asking each node for its parents would be quadratic in the nesting depth."""
    enclosing: dict[int, Node | None] = {}
    names: dict[int, tuple[str, bool]] = {}
    path: list[Node] = []  # the ancestors of the node at hand, outermost first
    outer = root.parent
    while outer is not None:  # a subtree: its ancestors name its functions too
        path.insert(0, outer)
        outer = outer.parent
    functions = [(depth, node) for depth, node in enumerate(path) if node.type in _FUNCTIONS]
    for depth, function in functions:
        names[function.id] = _name_in(function, path[:depth])
    cursor = root.walk()
    while True:
        node = cursor.node
        assert node is not None
        while functions and functions[-1][0] >= len(path):
            functions.pop()
        enclosing[node.id] = functions[-1][1] if functions else None
        if node.type in _FUNCTIONS:
            names[node.id] = _name_in(node, path)
            functions.append((len(path), node))
        if cursor.goto_first_child():
            path.append(node)
            continue
        while not cursor.goto_next_sibling():
            if not cursor.goto_parent():
                return enclosing, names
            path.pop()


def _name_in(function: Node, path: list[Node]) -> tuple[str, bool]:
    """The name of ``function`` whose ancestors are ``path`` (outermost first): its declaration's, its method
    key's, the variable or key holding it; and whether it is declared at the module's top level."""
    above = len(path) - 1  # the index of the holder's parent in path
    name = function.child_by_field_name("name")
    if name is None and above >= 0 and path[above].type in _HOLDERS:
        holder = path[above]  # const alipayPay = () => …, { alipayPay: function … }, api.alipayPay = function …
        name = holder.child_by_field_name("name") or holder.child_by_field_name("key") or \
            holder.child_by_field_name("left")
        above -= 1
    while above >= 0 and path[above].type in _WRAPPERS:
        above -= 1
    return node_text(name).rpartition(".")[2].strip("'\"`"), above >= 0 and path[above].type == "program"


class _Pays:
    """A file's ``requestPayment`` calls by position, those of another platform's order apart."""

    def __init__(self, pays: list[Node]) -> None:
        self.starts = sorted(p.start_byte for p in pays)
        self.foreign = sorted(p.start_byte for p in pays if other_payment(p))

    def paid_by_request(self, call: Node, scopes: _Scopes) -> bool:
        """Whether what ``call`` asks the server for is paid by a ``requestPayment`` call, judged by the payment
        rules instead: one in the call's own callback, or one of another platform's order (an Alipay Mini
        Program's or the App's ``orderInfo``: :func:`~mp_precheck.readers.callcontext.other_payment`) in its
        function."""
        if not self.starts or _callee_name(call) == "requestPayment":
            return False
        args = call.child_by_field_name("arguments")
        if args is not None and _any_within(self.starts, args.start_byte, args.end_byte):
            return True
        function = scopes.named_function(call)
        return function is not None and _any_within(self.foreign, function.start_byte, function.end_byte)


def _any_within(starts: list[int], low: int, high: int) -> bool:
    """Whether any of the sorted ``starts`` is in ``[low, high)``."""
    at = bisect_left(starts, low)
    return at < len(starts) and starts[at] < high


def _callee_name(call: Node) -> str:
    """The name a call calls: ``alipayPay`` of ``this.alipayPay(…)``."""
    return node_text(call.child_by_field_name("function")).rpartition(".")[2]


def _call_channel(call: Node, table: Channels) -> tuple[str, str] | None:
    """(channel, what) a call starts a payment through: by its name, its URL's path or its ``provider``."""
    callee = call.child_by_field_name("function")
    if callee is None or callee.type not in ("identifier", "member_expression"):
        return None
    text = node_text(callee)
    head, _, member = text.rpartition(".")
    if head in _NAMESPACES:  # a framework API: its provider, or the URL a request sends to
        if member == "requestPayment":
            provider = call_option(call, "provider")
            value = string_value(provider) if provider is not None else None
            channel = table.providers.get(value or "")
            return (channel, f"{text}({{ provider: '{value}' }})") if channel else None
        return _url_channel(call, table, text) if member in ("request", "uploadFile") else None
    own = words_of(member or text)
    if not own or text.startswith("console."):
        return None
    channel = table.started(own)  # the function's own name; its holder's only for a paying act (api.alipay.create)
    if channel is None and table.paying & set(own) and not (table.not_paying | table.other_platform) & set(own):
        channel = table.named(words_of(text.removeprefix("this.")))
    if channel is not None:
        return channel, f"{text}(…)"
    if _NAVIGATION & set(words_of(text)) or text in _MODULE_LOADERS:
        return None  # a page route, or a module loaded by its file name (require('./alipayMonitor.js'))
    return _url_channel(call, table, text)


def _url_channel(call: Node, table: Channels, callee: str) -> tuple[str, str] | None:
    """(channel, what) when the URL a call passes first (or as ``url``) has a path naming a channel."""
    first = first_argument(call)
    value = call_option(call, "url") if first is not None and first.type == "object" else first
    url = _literal_text(value)
    if not url or "/" not in url or "pages/" in url:
        return None
    path = re.sub(r"^[a-z]+://[^/]+", "", url.split("?", 1)[0])
    if path.rpartition("/")[2].endswith(_SOURCE_SUFFIXES):
        return None  # a script or data file of the project, not a server's path
    channel = table.named(words_of(path))
    return (channel, f"{callee}('{url}')") if channel else None


def _literal_text(node: Node | None) -> str | None:
    """A string's text; a template's or a concatenation's literal parts joined (``${base}/pay/alipay``)."""
    if node is None:
        return None
    if node.type in ("string", "template_string"):
        return "".join(node_text(c) for c in node.children if c.type in ("string_fragment", "escape_sequence"))
    if node.type == "binary_expression":
        parts = [_literal_text(node.child_by_field_name(side)) for side in ("left", "right")]
        return "".join(p for p in parts if p)
    return None


def _link_channel(string: Node, table: Channels) -> tuple[str, str] | None:
    """(channel, link) when a string holds a link to a channel's cashier or QR host."""
    text = _literal_text(string) or ""
    for host, channel in table.hosts.items():
        if f"://{host}" in text:
            return channel, text
    return None


FUNCTIONS = _FUNCTIONS


def channel_start(node: Node, table: Channels) -> tuple[str, str] | None:
    """(channel, what) the call or string ``node`` starts a payment through, judged by itself (no function around
    it is asked whether its callers are told instead), or None."""
    return _call_channel(node, table) if node.type == "call_expression" else _link_channel(node, table)


def called_name(call: Node) -> str:
    """The name a call calls: ``alipayPay`` of ``this.alipayPay(…)``."""
    return _callee_name(call)


def function_names(root: Node) -> dict[int, str]:
    """Each function of ``root``'s tree (by node id): its name (its declaration's, its method key's, the variable
    or key holding it), "" for an anonymous one."""
    return {key: name for key, (name, _top) in _scan(root)[1].items()}
