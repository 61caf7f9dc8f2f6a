"""WeChat cloud development's AI extension (``wx.cloud.extend.AI``): the objects a model or agent call hangs on.

``wx.cloud.extend.AI.createModel(provider)`` hands back a model whose ``generateText`` / ``streamText`` write text
from the messages the page passes; ``wx.cloud.extend.AI.bot.sendMessage`` sends the user's message to an agent that
answers with generated text (https://developers.weixin.qq.com/miniprogram/dev/wxcloudservice/wxcloud/reference-sdk-api/extend/ai).
A call is named by its dotted path as written (``wx.cloud.extend.AI.createModel``), whichever spelling of
``wx.cloud`` it goes through (``Taro.cloud``, a bound ``cloud``).
"""

from __future__ import annotations

from collections.abc import Callable

from tree_sitter import Node

from mp_precheck.readers.syntax import node_text

AI = "wx.cloud.extend.AI"
BOT = f"{AI}.bot"


def extension_owner(node: Node | None, namespace_of: Callable[[Node | None], str | None]) -> str | None:
    """:data:`AI` or :data:`BOT` when ``node`` is that object (``wx.cloud.extend.AI``, ``cloud.extend.AI.bot``),
    else None. ``namespace_of`` tells which expressions are ``wx.cloud`` (readers/jsbindings.py)."""
    if node is None or node.type != "member_expression":
        return None
    name = node_text(node.child_by_field_name("property"))
    inner = node.child_by_field_name("object")
    if name == "bot":
        return BOT if extension_owner(inner, namespace_of) == AI else None
    if name != "AI" or inner is None or inner.type != "member_expression":
        return None
    extend = node_text(inner.child_by_field_name("property")) == "extend"
    return AI if extend and namespace_of(inner.child_by_field_name("object")) == "wx.cloud" else None
