"""WeChat Pay's Native payment (扫码支付) shown inside a Mini Program as a QR code.

The unified order of trade type NATIVE answers with ``code_url`` (``weixin://wxpay/bizpayurl…``,
https://pay.weixin.qq.com/wiki/doc/apiv3/apis/chapter3_4_1.shtml), a link the payer scans with WeChat. A Mini Program
takes payment only through Mini Program payment (``wx.requestPayment``,
https://pay.weixin.qq.com/wiki/doc/api/wxa/wxa_api.php?chapter=7_3&index=1): a page that draws that link as a QR
code for the user to scan takes payment through another channel, reported under ``payment.non_wechat_pay`` (the
subject of :mod:`~mp_precheck.readers.paychannels`). A script shows one where:

* an answer's ``code_url`` / ``codeUrl`` (``checks/pay_channels.yml`` ``native_pay``), read directly or through a
  name that holds it, is passed to a QR drawing: a call or class named for a QR code (``drawQrcode(…)``,
  ``new QRCode(el, { text })``) or a function of the file that draws one (``showQr(url)``);
* what a request to a payment path answers (``/pay/createOrder``: its callback's ``res.link``, an awaited
  result's field) is passed to such a drawing.

Not one: a ``code_url`` only stored or logged, a QR code of what no payment request answered (an invite code), a
payment request whose own callback calls ``requestPayment`` (Mini Program payment, judged by the payment rules).
A QR code a template component draws from bound data (``<qrcode :val="codeUrl">``) is not read here.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from msgspec import Struct
from msgspec.structs import replace
from tree_sitter import Language, Node

from mp_precheck.core.catalog import validated
from mp_precheck.core.resources import data_dir
from mp_precheck.facts.model import Fact, FileFacts
from mp_precheck.readers.orderpay import function_name
from mp_precheck.readers.paychannels import SUBJECT, TABLE, with_pay_channels, words_of
from mp_precheck.readers.syntax import FUNCTION_NODES, call_option, first_argument, node_text, nodes_of, string_value

_HOLDERS = ("variable_declarator", "pair", "assignment_expression")
_MODULE_LOADERS = frozenset({"require", "import", "requirePlugin", "require.async"})
_SOURCE_SUFFIXES = (".js", ".ts", ".json", ".vue", ".wxs", ".mjs", ".cjs")
_CHAIN = ("member_expression", "call_expression", "await_expression", "parenthesized_expression")


class NativePay(Struct, frozen=True):
    """The ``native_pay`` table: the answer's link fields, a QR drawing's words, a payment path's words."""

    fields: frozenset[str]
    qr_words: frozenset[str]
    pay_words: frozenset[str]
    not_paying: frozenset[str]


@cache
def native_pay() -> NativePay:
    """The shipped table, read once."""
    data: Any = validated(data_dir("checks") / TABLE, "pay_channels.schema.json", check=False)
    row = data["native_pay"]
    return NativePay(frozenset(row["answer_fields"]), frozenset(row["qr_words"]), frozenset(row["pay_path_words"]),
                     frozenset(data["not_paying_words"]))


def with_payments(found: FileFacts, source: str, root: Node, language: Language, line_offset: int = 0) -> FileFacts:
    """``found`` (the facts of the script ``source``, parsed as ``root``) with the payments it takes through another
    channel than Mini Program payment: another channel's (:func:`~.paychannels.with_pay_channels`), then its
    :func:`native_pay_facts` on lines that hold none yet; a script that spells no QR code is not walked again."""
    found = with_pay_channels(found, source, root, language, line_offset)
    if "qr" not in source.lower():
        return found
    taken = {f.line for f in found.facts if f.subject == SUBJECT}
    extra = [f for f in native_pay_facts(root, language, line_offset) if f.line not in taken]
    return replace(found, facts=found.facts + tuple(extra)) if extra else found


def native_pay_facts(root: Node, language: Language, line_offset: int = 0) -> list[Fact]:
    """The payment facts (subject ``policy:non-wechat-pay``) of the Native pay QR codes a script's tree draws (module
    docstring), at the payment request's URL where one answered the link, else at the drawing. Never raises."""
    table = native_pay()
    nodes = nodes_of(root, language, ("call_expression", "new_expression", "variable_declarator",
                                      "assignment_expression", *FUNCTION_NODES))
    drawers = _drawers([n for n in nodes if _qr_named(n, table, frozenset())])
    pays = [c.start_byte for c in nodes if c.type == "call_expression"
            and node_text(c.child_by_field_name("function")).endswith("requestPayment")]
    # a payment request whose answer goes to Mini Program payment is judged by the payment rules
    requests = [(c, start, end) for c in nodes if c.type == "call_expression" and _pay_request(c, table)
                for start, end in [_answered(c)] if not any(start <= p < end for p in pays)]
    held = frozenset(node_text(n.child_by_field_name("name") or n.child_by_field_name("left")).rpartition(".")[2]
                     for n in nodes if n.type in ("variable_declarator", "assignment_expression")
                     and _reads_link(n.child_by_field_name("value") or n.child_by_field_name("right"), table))
    facts: dict[int, Fact] = {}
    for sink in (n for n in nodes if n.type in ("call_expression", "new_expression") and _qr_named(n, table, drawers)):
        args = sink.child_by_field_name("arguments")
        if args is None or not args.named_children:
            continue
        request = next((c for c, start, end in requests if start <= sink.start_byte < end), None)
        if not _reads_link(args, table, held) and (request is None or not _reads_member(args)):
            continue
        at = (call_option(request, "url") or request) if request is not None else sink
        line = at.start_point[0] + 1 + line_offset
        facts.setdefault(line, Fact(SUBJECT, "api", line, f"wechat-native: {' '.join(node_text(at).split())[:80]}"))
    return list(facts.values())


def _qr_named(node: Node, table: NativePay, drawers: frozenset[str] | set[str]) -> bool:
    """Whether a call or ``new`` names a QR drawing: its callee's words (``drawQrcode``, ``QRCode.toCanvas``,
    ``new UQRCode()``) or a function of the file that draws one."""
    if node.type not in ("call_expression", "new_expression"):
        return False
    callee = node.child_by_field_name("function") or node.child_by_field_name("constructor")
    text = node_text(callee)
    if not text or callee is None or callee.type not in ("identifier", "member_expression"):
        return False
    squeezed = "".join(words_of(text))
    return bool(table.qr_words & set(words_of(text))) or "qrcode" in squeezed or text.rpartition(".")[2] in drawers


def _drawers(drawings: list[Node]) -> frozenset[str]:
    """The names of the functions around the QR ``drawings`` (a page's ``showQr(url)`` that makes ``new QRCode``)."""
    out: set[str] = set()
    for drawing in drawings:
        node = drawing.parent
        while node is not None:
            if node.type in FUNCTION_NODES:
                out.add(function_name(node))
            node = node.parent
    return frozenset(out - {""})


def _chain_top(call: Node) -> Node:
    """The outermost expression of the chain a call heads (``request(o).then(cb)``, ``await request(o)``)."""
    top = call
    while top.parent is not None and top.parent.type in _CHAIN:
        top = top.parent
    return top


def _answered(call: Node) -> tuple[int, int]:
    """The bytes where a request's answer is at hand: its chain (its callbacks, a ``.then``), and the rest of its
    function where a name holds it (``const res = await request(o)``)."""
    top = _chain_top(call)
    if top.parent is None or top.parent.type not in _HOLDERS:
        return top.start_byte, top.end_byte
    function: Node | None = top.parent
    while function is not None and function.type not in FUNCTION_NODES:
        function = function.parent
    return top.start_byte, (function or top).end_byte  # a module's name: its own expression only


def _pay_request(call: Node, table: NativePay) -> bool:
    """Whether a call sends to a URL whose path orders a payment (``/pay/createOrder``; no status query, page or
    module: ``require('../utils/pay.js')``)."""
    if node_text(call.child_by_field_name("function")) in _MODULE_LOADERS:
        return False
    first = first_argument(call)
    value = call_option(call, "url") if first is not None and first.type == "object" else first
    url = _literal(value)
    if "/" not in url or "pages/" in url:
        return False
    path = url.split("?", 1)[0]
    if path.rpartition("/")[2].endswith(_SOURCE_SUFFIXES):
        return False
    words = set(words_of(path.split("://", 1)[1].partition("/")[2] if "://" in path else path))  # not the host
    return bool(words & table.pay_words) and not words & table.not_paying


def _literal(node: Node | None) -> str:
    """A string's text; a concatenation's literal parts joined (``base + '/pay/create'``)."""
    if node is None:
        return ""
    if node.type in ("string", "template_string"):
        return string_value(node) or ""
    if node.type == "binary_expression":
        return "".join(_literal(node.child_by_field_name(side)) for side in ("left", "right"))
    return ""


def _field_read(node: Node, table: NativePay) -> bool:
    """Whether ``node`` reads one of the answer's link fields (``res.data.code_url``, ``r['codeUrl']``)."""
    if node.type == "member_expression":
        return node_text(node.child_by_field_name("property")) in table.fields
    if node.type == "subscript_expression":
        index = node.child_by_field_name("index")
        return index is not None and (string_value(index) if index.type == "string" else None) in table.fields
    return False


def _reads_link(args: Node | None, table: NativePay, held: frozenset[str] = frozenset()) -> bool:
    """Whether what a drawing is passed reads a link field, or a name set from one."""
    stack = [args] if args is not None else []
    while stack:
        node = stack.pop()
        if _field_read(node, table) or (node.type == "identifier" and node_text(node) in held):
            return True
        stack.extend(node.named_children)
    return False


def _reads_member(args: Node) -> bool:
    """Whether what a drawing is passed reads a field of something (an answer's ``res.link``), not a literal."""
    return any(n.type in ("member_expression", "subscript_expression") for n in args.named_children)
