"""Find http(s)/ws(s) URLs in a literal and classify their hosts."""

from __future__ import annotations

import ipaddress
import re

from msgspec import Struct

from mp_precheck.core.lazyre import lazy
from mp_precheck.core.recache import compiled

# A host's labels may hold an underscore (``mall_shop.example.cn``): no valid DNS hostname, yet such hosts are served
# and requested, and the app still needs them on its 服务器域名 list, so they are found like any other.
_URL = compiled(r"(?<![A-Za-z0-9+.-])(https?|wss?)://([A-Za-z0-9](?:[A-Za-z0-9_-]*[A-Za-z0-9])?"
                  r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9_-]*[A-Za-z0-9])?)*)(?::(\d{1,5}))?([^\s'\"`<>{}]*)")
_MEDIA = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".bmp", ".ico", ".mp3", ".mp4", ".m4a", ".aac",
          ".wav", ".mov", ".flv", ".m3u8", ".ttf", ".woff", ".woff2", ".otf", ".css")
# A query that asks an image CDN for a picture: Aliyun OSS's x-oss-process=image/…, Qiniu's imageView2 and
# imageMogr2 (also Tencent COS's), a format parameter naming an image type (f=JPEG, fm=webp, wx_fmt=png).
# https://www.alibabacloud.com/help/en/oss/user-guide/overview-17/,
# https://developer.qiniu.com/dora/api/basic-processing-images-imageview2
_IMAGE_QUERY = lazy(r"(?:^|&)(?:x-oss-process=image|imageView2|imageMogr2|"
                    r"(?:f|fm|fmt|format|wx_fmt)=(?:jpe?g|png|webp|gif|bmp|heic)(?:&|$))", re.IGNORECASE)
# Hosts that name a format or standard, never a server the Mini Program talks to.
_NOT_SERVERS = ("www.w3.org", "w3.org")
# WeChat's developer documentation: a site people read, which no app requests. Linked from code it is no server
# domain; opened in a web-view it still needs a business domain no Mini Program can verify (it is WeChat's), so the
# web-view readers keep it (https://developers.weixin.qq.com/miniprogram/dev/component/web-view.html).
_DOCUMENTATION = frozenset({"developers.weixin.qq.com"})
# WeChat's own image CDNs: users' avatars (UserInfo.avatarUrl, on qlogo.cn hosts such as wx.qlogo.cn) and official
# account articles' pictures (qpic.cn hosts). They serve pictures without a file extension; no app's API is there.
_WECHAT_IMAGE_CDNS = ("qlogo.cn", "qpic.cn")
# The names RFC 2606 reserves for documentation, as placeholders spell them: never a server of a release.
_PLACEHOLDER_HOSTS = frozenset({"example.com", "example.net", "example.org",
                                "www.example.com", "www.example.net", "www.example.org"})
# APIs whose URL argument is a picture or video to show or keep, not a server the app talks to: no 服务器域名 is
# configured for them (only request, uploadFile, downloadFile and sockets need one:
# https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html), so a host written there is
# media, like an ``<image src>``. ``wx.getImageInfo`` is not one: a network picture needs its download domain.
MEDIA_APIS = ("wx.previewImage", "wx.previewMedia", "wx.saveImageToPhotosAlbum", "wx.saveVideoToPhotosAlbum",
              "wx.compressImage", "wx.editImage", "wx.cropImage")


class Url(Struct, frozen=True):
    """A URL found in text: ``scheme`` (lower case), ``host`` (lower case), ``port`` or None, ``path``."""

    scheme: str
    host: str
    port: int | None
    path: str

    @property
    def text(self) -> str:
        port = f":{self.port}" if self.port else ""
        return f"{self.scheme}://{self.host}{port}{self.path}"

    @property
    def is_media(self) -> bool:
        """An image, audio, video, font or stylesheet address: a resource, not an API server. An address on
        WeChat's avatar or article image CDN is an image whatever its path (``https://wx.qlogo.cn/mmopen/…/132``):
        an ``<image>`` shows it with no server domain; only a ``downloadFile`` of it needs one, and a literal
        passed to one keeps that role (readers/jsfacts.py).
        So is an address whose query asks an image CDN for a picture (``?x-oss-process=image/…``,
        ``?imageView2/…``, ``&f=jpeg``).
        https://developers.weixin.qq.com/miniprogram/dev/api/open-api/user-info/UserInfo.html (avatarUrl),
        https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html"""
        if self.host in _WECHAT_IMAGE_CDNS or self.host.endswith(tuple("." + h for h in _WECHAT_IMAGE_CDNS)):
            return True
        path = self.path.split("?", 1)[0].split("#", 1)[0].lower().rstrip(")")  # CSS url(…) closes after it
        return path.endswith(_MEDIA) or bool(_IMAGE_QUERY.search(self.path.partition("?")[2]))

    @property
    def insecure(self) -> bool:
        return self.scheme in ("http", "ws")

    @property
    def is_documentation(self) -> bool:
        """WeChat's developer documentation (:data:`_DOCUMENTATION`): read by people, requested by no app."""
        return self.host in _DOCUMENTATION

    @property
    def is_ip_or_local(self) -> bool:
        if self.host == "localhost" or self.host.endswith(".localhost"):
            return True
        try:
            ipaddress.ip_address(self.host)
        except ValueError:
            return False
        return True


    @property
    def is_development(self) -> bool:
        """A developer's machine or LAN: ``localhost``, ``*.local``, loopback, private, link-local or unspecified
        addresses (127.0.0.0/8, 10/8, 172.16/12, 192.168/16, 0.0.0.0) — never a configurable server domain; nor is
        the placeholder names reserved for documentation, ``example.com`` / ``.net`` / ``.org`` bare or with ``www.``
        (RFC 2606, https://www.rfc-editor.org/rfc/rfc2606): a stand-in (``https://example.com?invite=…``) no
        release talks to. A named host under them (``api.example.com``) stays a host: written as a project's own
        server, as this project's fixtures do."""
        if self.host == "localhost" or self.host.endswith((".localhost", ".local")):
            return True
        if self.host in _PLACEHOLDER_HOSTS:
            return True
        try:
            address = ipaddress.ip_address(self.host.strip("[]"))
        except ValueError:
            return False
        return address.is_loopback or address.is_private or address.is_link_local or address.is_unspecified


def is_wechat_server_api(subject: str) -> bool:
    """Whether the ``host:`` subject (or bare host) is WeChat's server API, ``api.weixin.qq.com`` or a regional
    host of it: called with an access token from a server, never a domain a Mini Program may configure
    (https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html); or WeChat Pay's merchant API
    (``api.mch.weixin.qq.com``, ``api2.mch.weixin.qq.com``), called by the merchant's server with requests it signs
    with the merchant key (https://pay.weixin.qq.com/wiki/doc/api/wxa/wxa_api.php?chapter=4_3)."""
    host = subject.removeprefix("host:")
    return host == "api.weixin.qq.com" or host.endswith(".api.weixin.qq.com") or host == "api2.weixin.qq.com" or \
        host in ("api.mch.weixin.qq.com", "api2.mch.weixin.qq.com")


# A literal holding a JSON object's text: a quoted key then a colon right after the opening brace.
_JSON_OBJECT = lazy(r'\s*\{\s*"[^"\n]+"\s*:')


def is_json_text(literal: str) -> bool:
    """Whether a string literal holds a JSON object's text (``'{"name":$(fname),"link":"https://…"}'``): data a
    request sends or a server fills in (a Qiniu upload policy's ``returnBody``), so a URL in it is a value carried,
    not an address the Mini Program requests — only a call's ``url`` needs a server domain.
    https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html"""
    return _JSON_OBJECT.match(literal) is not None


# A query string on its own (``a=1&pic=http://…&b=2``, maybe led by ``?`` or ``&``): parameters and their values,
# two or more, no route or address before the first name.
_QUERY_TEXT = lazy(r"[?&]?[\w.\[\]%-]+=[^&\s]*(?:&[\w.\[\]%-]+(?:=[^&\s]*)?)+&?")
# The end of a URL's query up to a parameter's ``=`` (``https://t.example.com/c?id=${id}&pic=``): a URL right after it
# is that parameter's value. The outer address runs on through a template's ``${…}`` / ``{{…}}``, where _URL stops.
_OPEN_QUERY = lazy(r"(?:https?|wss?)://[^\s'\"`<>?]*\?[^\s'\"`<>]*=\Z")


def is_query_text(literal: str) -> bool:
    """Whether a string literal is a query string of its own (``planId=4&pic_url=http://…/x.jpg&dt=0``): a tracking
    record or form data the app sends or keeps, so a URL among its values is a value carried, not an address the
    Mini Program requests — only a call's ``url`` needs a server domain.
    https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html"""
    return "://" in literal and _QUERY_TEXT.fullmatch(literal.strip()) is not None


# An address another service calls back or sends the user's browser to once it is done, named as its parameter:
# WeChat Pay's ``notify_url`` (https://pay.weixin.qq.com/wiki/doc/api/jsapi.php?chapter=9_1), OAuth's
# ``redirect_uri`` (https://developers.weixin.qq.com/doc/offiaccount/OA_Web_Apps/Wechat_webpage_authorization.html,
# ``redirectURI``), Alipay's ``return_url``, an upload service's ``callbackUrl``.
_CALLBACK_WORDS = ("notify", "callback", "redirect", "return")
# The parameter name right before a value's ``=`` (``&notify_url=``, ``redirect_uri=``).
_PARAMETER = lazy(r"([A-Za-z_][\w.-]*)=\Z")


def names_callback(name: str) -> bool:
    """Whether a key, parameter or field ``name`` holds an address another service calls back or redirects to
    (``notify_url``, ``redirect_uri``, ``redirectURI``, ``callbackUrl``, ``return_url``): a value the app hands that
    service, which the service requests or opens, never the Mini Program, so no server domain is configured for it
    (https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html)."""
    compact = "".join(c for c in name.lower() if c.isalpha())
    return compact.endswith(("url", "uri")) and any(word in compact[:-3] for word in _CALLBACK_WORDS)


def _handed_value(text: str, start: int, end: int) -> bool:
    """Whether the URL at ``text[start:end]`` is a value the text carries, not an address: a query parameter's value
    inside another URL (``https://t.example.com/c?id={{id}}&to=https://…``), the value of a callback parameter of a
    form or query (``…&notify_url=https://…``: :func:`names_callback`), or the whole text of an element of an XML or
    HTML payload (``<notify_url>http://…</notify_url>``)."""
    before = text[start - 1] if start else ""
    if before == ">":
        return text.startswith("</", end)
    if before != "=":
        return False
    parameter = _PARAMETER.search(text, max(0, start - 128), start)
    return (parameter is not None and names_callback(parameter.group(1))) or \
        _OPEN_QUERY.search(text, max(0, start - 2048), start) is not None


def find_urls(text: str) -> list[Url]:
    """Every URL in ``text`` whose host has a dot, is ``localhost`` or an IP; format hosts (w3.org) left out, and so
    is a value the text carries (:func:`_handed_value`): a query parameter's value inside another URL, a callback
    parameter's value (``notify_url=https://…``), an XML element's whole text (``<notify_url>http://…</notify_url>``
    in a payment's XML body) — the app requests the outer address only, or none."""
    found = []
    for m in _URL.finditer(text):
        host = m.group(2).lower()
        if "." not in host and host != "localhost":
            continue
        if _handed_value(text, m.start(), m.end()):
            continue
        if host in _NOT_SERVERS:
            continue
        if host.replace(".", "").isdigit() and host.count(".") != 3:
            continue  # a version number such as http://1.2, not an address
        port = int(m.group(3)) if m.group(3) else None
        found.append(Url(m.group(1).lower(), host, port, m.group(4) or ""))
    return found


# Words before the first URL: a sentence (a space or a CJK character) that is no query or assignment ("?url=").
_PROSE_LEAD = lazy(r"[\s\u3000-\u9fff\uff00-\uffef]")


def is_prose_mention(literal: str) -> bool:
    """Whether a string literal mentions its URLs inside a sentence (``'恭喜你来到 KroInterview (https://…)'``,
    ``'Docs: see https://…'``): text the page shows, which no request, ``<web-view>`` or jump can take as its
    address — those take a string that starts with the URL, or a path whose query carries it
    (``'/pages/web/web?url=https://…'``, no sentence). A Mini Program's text is not a link a user can tap, so such
    a host needs no server domain. https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html"""
    first = _URL.search(literal)
    if first is None:
        return False
    lead = literal[:first.start()]
    return bool(lead.strip()) and "=" not in lead and "?" not in lead and _PROSE_LEAD.search(lead.strip()) is not None


# A comment of the source code a string holds: ``/* … */``, and ``//`` to the line's end where it opens the line or
# follows a space or a statement's end (never a scheme's ``https://`` nor a path's ``a//b``).
_SOURCE_COMMENT = lazy(r"/\*.*?\*/|(?:^|(?<=[\s;{}]))//[^\n]*", re.DOTALL | re.MULTILINE)


def without_source_comments(literal: str) -> str:
    """``literal`` with the comments of the source code it holds blanked, when it holds lines of code (a newline):
    a shader's GLSL in a template string (``// after https://github.com/…``), a snippet of JS or CSS. A comment is
    read by people, run by nothing: its URLs are no address the Mini Program requests, so they need no server
    domain (https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html). A one-line string is
    given back as it is."""
    if "\n" not in literal or ("//" not in literal and "/*" not in literal):
        return literal
    return _SOURCE_COMMENT.sub(lambda m: "".join("\n" if c == "\n" else " " for c in m.group(0)), literal)
