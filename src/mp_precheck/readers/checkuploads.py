"""An upload to WeChat's content-security API: the check itself, not a new store of the user's media.

``wx.uploadFile`` whose ``url`` is a content-security endpoint of WeChat's server API
(``https://api.weixin.qq.com/wxa/img_sec_check``, ``…/wxa/media_check_async``, ``…/wxa/msg_sec_check``:
https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/sec-center/sec-check/mediaCheckAsync.html,
https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/sec-center/sec-check/msgSecCheck.html) hands the picked
picture to WeChat to be checked and keeps nothing: no server of the app stores it, and it is the very check
``upload.upload_file`` asks for. Its other matters stay with their own rules: the host is WeChat's server API the
client must not call (``external_link.wechat_server_api``), the ``access_token`` a secret on the phone
(``policy.client_secret``).

In: the call node of an upload API. Out: whether its ``url`` — the literal, a ``+`` join or template of it, or a
constant of the file it names — holds such an endpoint. Never raises.
"""

from __future__ import annotations

from tree_sitter import Node

from mp_precheck.core.recache import compiled
from mp_precheck.readers.syntax import call_option, node_text

_CHECK = compiled(r"api\.weixin\.qq\.com/wxa/(?:img_sec_check|media_check_async|msg_sec_check)\b")


def sent_for_check(call: Node) -> bool:
    """Whether the upload ``call`` (``wx.uploadFile({ url, … })``) sends to a content-security endpoint."""
    value = call_option(call, "url", shorthand=True)
    if value is None:
        return False
    if _CHECK.search(node_text(value)):
        return True
    if value.type not in ("identifier", "shorthand_property_identifier"):
        return False
    return any(_CHECK.search(text) for text in _assigned(call, node_text(value)))


def _assigned(node: Node, name: str) -> list[str]:
    """The texts of the values the file gives ``name`` (``const url = '…' + token``)."""
    root = node
    while root.parent is not None:
        root = root.parent
    if b"/wxa/" not in (root.text or b""):
        return []  # the file spells no endpoint of WeChat's: nothing to look up
    out: list[str] = []
    stack = [root]
    while stack:
        current = stack.pop()
        if current.type == "variable_declarator":
            key, value = current.child_by_field_name("name"), current.child_by_field_name("value")
            if key is not None and value is not None and node_text(key) == name:
                out.append(node_text(value))
        stack.extend(current.named_children)
    return out
