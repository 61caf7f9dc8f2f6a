"""A native page's (or component's) URLs its template shows only as pictures or text: picture hosts or shown
addresses, not servers.

A native page is written in two files: ``index.js`` holds ``data: { slides: [{ src: 'https://…' }] }`` and the
sibling ``index.wxml`` shows it, ``<block wx:for="{{slides}}"><image src="{{item.src}}"/></block>``. An
``<image>`` loads its picture from any host; only ``wx.request``, ``wx.uploadFile``, ``wx.downloadFile`` and
sockets need a server domain (https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html).
Each file's facts are read (and cached) alone, so the script's hosts are set against its template here, as a
single-file component's are when it is read (readers/shownfields.py); so is a style's ``url({{…}})``, a
background picture. So is a URL the script writes into the data a ``<web-view src="{{url}}">`` reads: a web page's
address, a 业务域名 (readers/webviewdata.py). Pure but for the texts it is handed.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Mapping

from msgspec.structs import replace

from mp_precheck.core.subject import prefixed
from mp_precheck.facts.model import DISPLAYED, Fact
from mp_precheck.git.repo import TreeEntry
from mp_precheck.readers.shownfields import with_shown_fields
from mp_precheck.readers.webviewdata import with_web_view_data

_SCRIPTS = (".js", ".ts")
# The template a native page's script sits beside (WeChat, Alipay, Baidu, ByteDance, QQ).
_TEMPLATES = (".wxml", ".axml", ".swan", ".ttml", ".qml")
_KEPT = 256  # answers kept by (script blob, template blob): a run asks for the same files again and again
_answers: dict[tuple[str, str], tuple[frozenset[tuple[int, str, str | None]], frozenset[tuple[int, str]]]] = {}


def with_page_pictures(path: str, facts: tuple[Fact, ...], tree: Mapping[str, TreeEntry],
                       text: Callable[[str], str | None]) -> tuple[Fact, ...]:
    """``facts`` of the script at ``path`` (in ``tree``; ``text(blob)`` reads a file) with the hosts (role ``code``)
    its sibling template shows only as pictures made ``media`` (only printed as text: ``displayed``), and those it
    writes into the data its template's ``<web-view src>`` reads made the web-view's (readers/webviewdata.py);
    unchanged when there is no template."""
    stem, suffix = posixpath.splitext(path)
    if suffix not in _SCRIPTS or path not in tree or not any(f.kind == "host" and f.role == "code" for f in facts):
        return facts
    template = next((stem + t for t in _TEMPLATES if stem + t in tree), None)
    if template is None:
        return facts
    key = (tree[path].blob, tree[template].blob)
    if key not in _answers:
        markup, script = text(key[1]), text(key[0])
        shown = with_shown_fields(facts, script, path, 0, (markup, 0)) if markup and script and "{{" in markup \
            else facts  # data an image's src, a background or a text node shows
        opened = with_web_view_data(facts, script, path, 0, (markup, 0)) if markup and script else facts
        if len(_answers) >= _KEPT:
            _answers.pop(next(iter(_answers)))
        _answers[key] = (frozenset((f.line, f.subject, f.role) for f in shown if f.kind == "host" and
                                   f.role in ("media", DISPLAYED)),
                         frozenset((f.line, "host:" + f.subject.removeprefix("web-view-host:")) for f in opened
                                   if f.kind == "host" and f.role == "web-view"))
    shown_roles, web = _answers[key]
    if not shown_roles and not web:
        return facts
    roles = {(line, subject): role for line, subject, role in shown_roles}
    return tuple(replace(f, role=roles[(f.line, f.subject)]) if f.kind == "host" and f.role == "code" and
                 (f.line, f.subject) in roles
                 else Fact(prefixed("web-view-host", f.subject.removeprefix("host:")), "host", f.line, f.value,
                           "web-view") if f.kind == "host" and f.role == "code" and (f.line, f.subject) in web
                 else f for f in facts)
