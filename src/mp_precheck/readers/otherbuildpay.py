"""A payment flow whose channel's payment only another platform's build starts is no payment in the Mini Program.

uni-app apps often keep one flow for every platform: ``payByChannel()`` asks the server for an order, then a
helper calls ``uni.requestPayment({ provider: 'alipay' })`` inside ``// #ifdef APP-PLUS`` and, in the other builds,
throws or returns. WeChat's build drops the block (readers/conditional.py,
https://uniapp.dcloud.net.cn/tutorial/platform.html), so the flow reaches no payment of that channel in the Mini
Program: calling it starts nothing the payment rule is about (``payment.non_wechat_pay``, readers/paychannels.py,
which judges a call by the channel its name names). A flow that also starts a payment in code the WeChat build
keeps (a request to ``/pay/alipay``, a cashier link, another channel-named call) is still told.

In: the file as written and as WeChat's build ships it (same lines), its facts and path. Out: the facts without
the payment facts at calls of such flows. Never raises on malformed code.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from tree_sitter import Language, Node

from mp_precheck.facts.model import Fact
from mp_precheck.readers.otherbuilds import hidden_lines
from mp_precheck.readers.paychannels import (
    FUNCTIONS,
    SUBJECT,
    called_name,
    channel_start,
    channels,
    function_names,
)
from mp_precheck.readers.sfc import script_units
from mp_precheck.readers.syntax import language_for, nodes_of, parse


def without_other_build_payments(written: str, shipped: str, facts: tuple[Fact, ...], path: str
                                 ) -> tuple[Fact, ...]:
    """``facts`` (of ``shipped``, the file ``path`` as WeChat's build ships it) less the payment facts at calls
    of the file's functions that reach their channel's payment only on lines of ``written`` the build drops."""
    lines = {f.line for f in facts if f.subject == SUBJECT}
    if not lines or written == shipped:
        return facts
    text = written.split("\n")
    hidden = hidden_lines(written, shipped)
    if not any("requestPayment" in text[n - 1] for n in hidden):
        return facts
    dropped: set[int] = set()
    for source, name, offset in script_units(written, path):
        language = language_for(name)
        root = parse(language, source.encode("utf-8")).root_node
        dropped |= _other_build_flows(root, language, offset, hidden, lines)
    return tuple(f for f in facts if not (f.subject == SUBJECT and f.line in dropped)) if dropped else facts


def _other_build_flows(root: Node, language: Language, offset: int, hidden: set[int], lines: set[int]) -> set[int]:
    """The lines of ``lines`` whose payment starts are all calls of the tree's functions that pay only in
    another build (their channel's start on ``hidden`` lines, none on a shipped one)."""
    table = channels()
    nodes = nodes_of(root, language, ("call_expression", "string", "template_string", *FUNCTIONS))
    names = function_names(root)
    functions: dict[str, list[Node]] = {}
    for node in nodes:
        if node.type in FUNCTIONS and names.get(node.id):
            functions.setdefault(names[node.id], []).append(node)
    acts = [n for n in nodes if n.type not in FUNCTIONS]
    starts = [n.start_byte for n in acts]
    verdicts: dict[str, tuple[bool, bool]] = {}

    def line(node: Node) -> int:
        return node.start_point[0] + 1 + offset

    def reach(name: str, seen: frozenset[str]) -> tuple[bool, bool]:
        """(pays in another build, starts a payment in this one) of the functions called ``name``."""
        if name in verdicts:
            return verdicts[name]
        other = shipped = False
        for function in functions[name]:
            for act in acts[bisect_left(starts, function.start_byte):bisect_right(starts, function.end_byte)]:
                callee = called_name(act) if act.type == "call_expression" else ""
                if callee in functions and callee not in seen:
                    below = reach(callee, seen | {callee})
                    other, shipped = other or below[0], shipped or below[1]
                elif channel_start(act, table) is not None:
                    other, shipped = other or line(act) in hidden, shipped or line(act) not in hidden
        verdicts[name] = (other, shipped)
        return other, shipped

    out: dict[int, bool] = {}
    for act in acts:
        at = line(act)
        if at not in lines or channel_start(act, table) is None:
            continue
        callee = called_name(act) if act.type == "call_expression" else ""
        other_only = callee in functions and reach(callee, frozenset({callee})) == (True, False)
        out[at] = out.get(at, True) and other_only
    return {at for at, other_only in out.items() if other_only}
