"""Ways to share a page's promise that are no share button or hook: a share-target panel and an invite QR code.

* A **share-target panel** is the app's own share sheet: two or more whole labels naming where to share (微信好友,
  朋友圈, QQ, 微博, 生成海报…), one of them a WeChat target, rendered by the template — literally or from a list in
  the script (``targets: [{ name: '微信好友' }, …]`` under ``v-for``). Its line is the first template line naming
  a target, else the first template element whose attributes name ``share`` (``class="share-panel"``,
  ``v-if="isShare"``). Prose that names targets (转发到朋友圈和微信群) is no panel: each label must be a whole
  string or text node.
* An **invite QR code** is a QR element (``<uqrcode>``, ``<tki-qrcode>``, ``<w-qrcode>``) or a QR drawing call
  (``drawQrcode({…})``, ``QRCode.make(…)``, ``new QRCode(…)``) in a file that names the user's invite or referral
  code (``inviteCode``, ``referrer``, 邀请码, 推荐码): the code a friend scans is the sharer's.
* **Referral pay** is wording that pays for bringing people in (推广收益, 直推收益, 佣金, 返佣, 邀请奖励): the
  needles :data:`REFERRAL_PAY` searched over the app.

Functions take a file's text and give line numbers (1-based) or a yes/no; they never raise.

Source: https://developers.weixin.qq.com/miniprogram/product/reject.html (3.2.1 诱导分享: rewards for sharing or
inviting, whatever the means of the share).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from mp_precheck.core.recache import compiled
from mp_precheck.readers.sfc import SFC_SUFFIXES, script_units
from mp_precheck.readers.syntax import language_for, node_text, nodes_of, parse

# where a friend is sent to, as a share sheet's own labels; a WeChat one makes the panel a share of this app
WECHAT_TARGETS = ("微信好友", "微信朋友", "朋友圈", "微信朋友圈", "微信群", "发送给朋友", "分享给好友", "分享到朋友圈")
OTHER_TARGETS = ("QQ", "QQ好友", "QQ空间", "微博", "新浪微博", "生成海报", "保存海报", "分享海报", "复制链接")
_TARGET = compiled(r"(?:^|[\"'`>])\s*(" + "|".join(re.escape(t) for t in sorted(
    (*WECHAT_TARGETS, *OTHER_TARGETS), key=len, reverse=True)) + r")\s*(?=$|[\"'`<])", re.MULTILINE)
_SHARE_ATTRIBUTE = compiled(r"<[\w-]+[^>]*\s[\w:@.-]+\s*=\s*[\"'][^\"']*share", re.IGNORECASE)
QR_TAG = compiled(r"^<[\w-]*(?:qr-?code|qr)[\w-]*>$", re.IGNORECASE)
# a callee that names a QR code: drawQrcode, QRCode (new QRCode(…)), qr (qr.make(…)), uQRCode.make
_QR_NAME = compiled(r"[\w$]*qr_?code[\w$]*|qr", re.IGNORECASE)
_INVITE_CODE = compiled(r"invite_?code|invite_?id|inviter|[?&]invite=|referr(?:er|al)|recommend_?code|promo_?code|"
                        r"(?:邀请|推荐|推广|分享)码", re.IGNORECASE)
_SCRIPTS = (".js", ".ts", ".jsx", ".tsx", ".mjs", ".cjs")
_PAY_PREFIXES = ("推广", "推荐", "邀请", "直推", "间推", "分销", "下级", "团队")
_PAY_KINDS = ("收益", "奖励", "返利", "返现", "提成", "分红")
REFERRAL_PAY = frozenset({*(p + k for p in _PAY_PREFIXES for k in _PAY_KINDS), "佣金", "返佣", "邀请有礼", "推荐有礼",
                          "邀请有奖", "推荐有奖"})


def _template(text: str) -> list[str]:
    """The lines of ``text`` up to its first ``<script`` (a single-file component's template; all of a WXML file)."""
    lines = text.splitlines()
    end = next((i for i, line in enumerate(lines) if line.lstrip().startswith("<script")), len(lines))
    return lines[:end]


def names_share_targets(texts: Iterable[str]) -> bool:
    """Whether ``texts`` (a page's markup and scripts) hold two or more share targets as whole labels, one of them
    a WeChat target (:data:`WECHAT_TARGETS`)."""
    found = {m.group(1) for text in texts for m in _TARGET.finditer(text)}
    return len(found) >= 2 and bool(found & set(WECHAT_TARGETS))


def panel_line(text: str | None, texts: Iterable[str]) -> int | None:
    """The line of a share-target panel in the template of ``text`` (a markup file; ``texts`` the page's files, the
    markup among them, where the targets are named), or None when the page names no panel."""
    if not text or not names_share_targets(texts):
        return None
    template = _template(text)
    for number, line in enumerate(template, 1):
        if _TARGET.search(line):
            return number
    return next((n for n, line in enumerate(template, 1) if _SHARE_ATTRIBUTE.search(line)), None)


def qr_call_lines(text: str | None, path: str) -> list[int]:
    """Lines of the script of ``text`` (the file at ``path``; a single-file component's script blocks) that call a QR
    drawing function or construct one (``drawQrcode({…})``, ``new QRCode(…)``, ``qr.make(…)``), read from the parse
    tree: an object or function name of the callee names a QR code (:data:`_QR_NAME`)."""
    if not text or not path.lower().endswith((*_SCRIPTS, *SFC_SUFFIXES)):
        return []  # a WXML template holds no script of its own
    lines: list[int] = []
    for source, name, offset in script_units(text, path):
        language = language_for(name)
        root = parse(language, source.encode("utf-8", "surrogatepass")).root_node
        for node in nodes_of(root, language, ("call_expression", "new_expression")):
            callee = node.child_by_field_name("function") or node.child_by_field_name("constructor")
            names = node_text(callee).split(".") if callee is not None else []
            if any(_QR_NAME.fullmatch(part.strip()) for part in names):
                lines.append(node.start_point[0] + 1 + offset)
    return sorted(set(lines))


def names_invite_code(texts: Iterable[str]) -> bool:
    """Whether ``texts`` name the user's invite or referral code (``inviteCode``, ``?invite=``, 推荐码)."""
    return any(_INVITE_CODE.search(text) for text in texts)
