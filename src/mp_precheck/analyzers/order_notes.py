"""A note left with one's own order: the text box of a checkout or booking form (买家留言, 订单备注, a delivery remark)
whose text goes with the order to the business. The merchant reads it, no other user does: it is no user-published
content, so neither ``upload.user_text`` nor ``category.ugc`` (the 社交 category and UGC declaration, ``ugc_declare``,
cover content other users see:
https://developers.weixin.qq.com/doc/oplatform/openApi/miniprogram-management/code-management/api_submitaudit). Like
feedback to the operator (``to_operator`` in :mod:`~mp_precheck.analyzers.ugc`), the signal is where the text goes,
not what the page calls it — 留言 names a buyer's message to the seller as well as a public 留言板:

* what the page says (its path and title, the box's hint and names, the call's wrapper and strings) names no public
  scene, or only by words that also name a note (``notes`` in ``checks/ugc_scenes.yml``: 留言) — a review (评价) or a
  comment stays a post, wherever it is sent;
* and the text goes with an order: the call that sends it names one being made (``createOrder(data)``,
  ``request({ url: '/booking/submit' })``), or the box names itself a note (remark, 备注) and the payload it goes in
  carries fields of two kinds of an order's (goods, the address, the amount: ``order_fields``).

Reads: ``facts_at_head`` and ``read_head`` of the sending script. Raises nothing.
"""

from __future__ import annotations

from collections.abc import Iterable

from mp_precheck.analyzers.context import ProjectContext
from mp_precheck.analyzers.senders import wrapper_of
from mp_precheck.core.scenes import scenes, words_of
from mp_precheck.facts.model import Fact, passed_strings
from mp_precheck.readers.boxhandlers import endpoint_strings
from mp_precheck.readers.textflow import carried_names


def order_note(context: ProjectContext, script: str, call: Fact, path: str, said: Iterable[str],
               shown: Iterable[str]) -> bool:
    """Whether the text box whose text ``call`` of ``script`` sends is a note left with the user's own order (module
    docstring). ``path`` is the page's path as the scene reads it, ``said`` the strings it read (the call's, the page's
    title, the box's own words), ``shown`` what the box itself says it is for (its hint, label and bound names)."""
    table = scenes()
    words = words_of(path.rsplit(".", 1)[0]) + [w for s in (*said, wrapper_of(call)) for w in words_of(s)]
    if not table.only_notes(words):
        return False  # a review, a comment, a post: published, whatever it is sent with
    facts, text = context.facts_at_head(script), context.read_head(script) or ""
    passed = passed_strings(facts.call_literals.get(call.line, ())) if facts is not None else ()
    endpoint = endpoint_strings(text, script, [call.line]).get(call.line, ()) if text else ()
    if table.names_order([w for s in (wrapper_of(call), *passed, *endpoint) for w in words_of(s)]):
        return True
    if not text or not table.names_note(w for s in shown for w in words_of(s)):
        return False
    return table.order_kinds(carried_names(text, script, [call.line], whole=True).get(call.line, ())) >= 2
