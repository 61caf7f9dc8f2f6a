"""What a name says about the URL it holds: an image's name holds an image address, a static-file prefix's name
holds the base of such addresses — neither is a server the app calls.

A URL literal held under an image's name is an image address.

``const defaultAvatarUrl = 'https://…/0'``, ``{ imageUrl: 'https://…/card' }``, ``this.logo = a ? '…' : ''``:
the name the literal is declared, keyed or assigned under ends in an image noun (``avatar``, ``image``, ``logo``…,
then perhaps ``Url`` / ``Src`` / ``Path``), and the literal is one whole address, so it goes to an ``<image>`` or
a share card. A prefix is not one image (``imgUrl: 'https://host/'``, ``OSS_IMAGE_URL: 'https://host/pic/'``,
``'https://host/a/' + id``): a base other code appends to, an upload path as well as a picture. Image CDNs
serve such addresses without a file extension, so :attr:`Url.is_media` cannot tell (it knows only WeChat's own).
An ``<image>`` loads from any host: only ``wx.request``, ``wx.uploadFile``, ``wx.downloadFile`` and sockets need a
server domain (https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html). A name that
also says what a server does with it (``uploadImgUrl``, ``imageApi``, ``avatarBaseUrl``) is not an image's; and
a constant the file passes to a network API still gets that API's role (``readers/jsfacts.py``).
"""

from __future__ import annotations

import re

from tree_sitter import Node

from mp_precheck.core.lazyre import lazy
from mp_precheck.core.recache import compiled
from mp_precheck.readers.imagepaths import completed_by_picture
from mp_precheck.readers.syntax import node_text, string_value

_IMAGE_WORDS = frozenset({"avatar", "avatars", "image", "images", "img", "imgs", "pic", "pics", "picture", "photo",
                          "photos", "icon", "icons", "logo", "cover", "poster", "banner", "banners", "thumb",
                          "thumbnail", "bg", "background", "portrait"})
# An upper-case name runs its words together (SUGGEST_BGIMAGE, HEADIMG): the long image nouns end such a word;
# the short ones (pic, bg) would also end words of other meanings (topic).
_IMAGE_SUFFIXES = ("image", "images", "img", "imgs")
_ADDRESS_WORDS = frozenset({"url", "urls", "src", "path", "uri", "link", "address"})
_ENDPOINT_WORDS = frozenset({"upload", "download", "api", "server", "host", "base", "domain", "request", "service",
                             "save", "submit", "post", "put", "add", "update", "delete", "set", "get", "check",
                             "verify", "ocr", "recognize", "detect", "compress", "prefix", "root", "endpoint"})
_WORD = compiled(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")
# A constant named as the prefix of static files (staticUrl, IMG_BASE_URL, cdnHost, imagePath): the host serves
# images and the like to <image> and CSS, which need no server domain. Upload and file-service names are
# servers (uploadFile / downloadFile lists), so they are not here.
_RESOURCE_BASE = lazy(r"(?:static|img|image|pic|picture|photo|cdn|asset|icon)s?(?:base|root)?"
                            r"(?:url|uri|host|domain|path|prefix|server|base|root)?")

_GETTER = lazy(r"^(?:get|make|build|to)(?=[A-Z_])")
# Expressions a literal can sit in and still be the whole value: a ? '…' : '', (…),
# and TypeScript's casts (<Media>{…}, {…} as Media)
_WITHIN = frozenset({"ternary_expression", "parenthesized_expression", "type_assertion", "as_expression",
                     "satisfies_expression"})


def held_as_image(literal: Node, path: str) -> bool:
    """Whether the string ``literal``, a URL with ``path``, is one whole image address: the value of a
    declaration, object key or assignment whose name is an image's (``defaultAvatarUrl``, ``shareImage``,
    ``logo``), and no prefix (a path that is empty or ends in ``/``) but one a picture's file name completes
    (readers/imagepaths.py)."""
    built = literal.type == "template_string" and literal.named_children and \
        literal.named_children[-1].type == "template_substitution" and node_text(literal).endswith("}`")
    if (built or not path.split("?", 1)[0].strip("/") or path.split("?", 1)[0].endswith("/")) \
            and completed_by_picture(literal):
        return True  # a prefix or template a picture's file name completes (readers/imagepaths.py)
    if not built and (not path.split("?", 1)[0].strip("/") or path.split("?", 1)[0].endswith("/")):
        return False  # a prefix; but `https://host/images/${name}` is one whole address
    name = _holder(literal) or ""
    if name.lower() in ("url", "src", "uri", "path"):  # { url: '…' } of an object held as an image: shareCover = {…}
        name = _object_holder(literal) or ""
    return names_image(name)


def _object_holder(literal: Node) -> str | None:
    """The name of the object whose member holds ``literal`` (``DEFAULT_COVER`` of ``const DEFAULT_COVER =
    <Media>{ url: '…' }``), or of the list holding that object (``images`` of ``images: [{ id: 7, url: '…' }]``: a
    record of pictures), or None."""
    pair = literal.parent
    while pair is not None and pair.type in _WITHIN:
        pair = pair.parent
    if pair is None or pair.type != "pair" or pair.parent is None or pair.parent.type != "object":
        return None
    record = pair.parent
    while record.parent is not None and record.parent.type == "array":
        record = record.parent
    return _holder(record)


def names_image(name: str) -> bool:
    """Whether a name says it holds one image's address (``defaultAvatarUrl``, ``shareImage``, ``LOGO_SRC``):
    it ends in an image noun (or an upper-case word running one on: ``BGIMAGE``), perhaps then ``Url`` /
    ``Src`` / ``Path`` or a number (``banner2``), and names no
    server's job."""
    words = [w.lower() for w in _WORD.findall(name)]
    if not words or _ENDPOINT_WORDS.intersection(words):
        return False
    while words and (words[-1] in _ADDRESS_WORDS or words[-1].isdigit()):  # bannerImg2, defaultAvatarUrl1
        words.pop()
    return bool(words) and (words[-1] in _IMAGE_WORDS or _run_together_image(words[-1]))


def _run_together_image(word: str) -> bool:
    """Whether one upper-case word runs an image noun onto other words (``bgimage``), none of them a server's
    job (``uploadimg``)."""
    suffix = next((s for s in _IMAGE_SUFFIXES if word.endswith(s)), None)
    return suffix is not None and not any(word[:-len(suffix)].startswith(w) for w in _ENDPOINT_WORDS)


def held_as_api_base(literal: Node) -> bool:
    """Whether the string ``literal`` is the value of an HTTP client's base URL, declared, keyed or assigned
    under the name ``baseURL`` (``axios.create({ baseURL })``, ``fly.config.baseURL = '…'``, ``const BASE_URL``):
    the origin the client's requests go to, as a request's own URL is."""
    name = _holder(literal)
    return name is not None and name.replace("_", "").replace("-", "").lower() == "baseurl"


# A host name written without its scheme: labels, then a top-level domain of letters, perhaps a port and a path.
_BARE_HOST = compiled(r"(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+([a-z]{2,24})(?::\d{1,5})?(?:/[^\s'\"`<>{}]*)?",
                        re.IGNORECASE)
# An IPv4 address written without its scheme, perhaps with a port and a path (const HOST = '101.35.200.17').
_BARE_IPV4 = compiled(r"(?:\d{1,3}\.){3}\d{1,3}(?::\d{1,5})?(?:/[^\s'\"`<>{}]*)?")
# Top-level domains that are also file extensions a name like ``host`` would never hold (app.js, logo.png)
_FILE_SUFFIXES = frozenset({"js", "ts", "jsx", "tsx", "json", "vue", "wxml", "wxss", "wxs", "html", "htm", "css",
                            "png", "jpg", "jpeg", "gif", "svg", "webp", "mp3", "mp4", "md", "txt", "yml", "yaml"})
_HOST_WORDS = frozenset({"host", "hostname", "domain", "server"})
# Words that name an address by number (HOST_IP, serverIp): an IPv4 address under them is a host, a name is not.
_ADDRESS_NUMBER_WORDS = frozenset({"ip", "ipv4"})


def bare_host_url(literal: Node, value: str) -> str | None:
    """The URL a host name written without a scheme stands for, or None: ``value`` is a host name (perhaps with
    a port and path) held under a name that ends in ``host``, ``domain`` or ``server`` (``const HOST =
    'www.example.cn'``, ``{ apiDomain: 'api.example.com' }``), then put behind ``https://`` by other code
    (``'https://' + HOST + '/api'``). Returned as ``https://`` + ``value``: the only scheme a server domain takes
    (https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html). A static-file host's name
    (``cdnHost``, ``imgDomain``) serves ``<image>``, which needs no server domain: None. An IPv4 address held so
    (``const HOST = '101.35.200.17'``, or under a name ending in ``ip``: ``{ HOST_IP: '101.35.200.17' }`` put
    into ```http://${HOST_IP}:${PORT}```) stands for a server as well: one a release build cannot reach, as a
    server domain must be a registered name (a LAN or loopback address is a development host: ``readers/urls.py``)."""
    match = _BARE_HOST.fullmatch(value.strip())
    ipv4 = _BARE_IPV4.fullmatch(value.strip()) is not None
    if (match is None or match.group(1).lower() in _FILE_SUFFIXES) and not ipv4:
        return None
    name = _holder(literal) or ""
    words = [w.lower() for w in _WORD.findall(name)]
    if not words or names_resource_base(name) or not (
            words[-1] in _HOST_WORDS or (ipv4 and words[-1] in _ADDRESS_NUMBER_WORDS)):
        return None
    return "https://" + value.strip()


def holder_name(literal: Node) -> str | None:
    """The name the value around the string ``literal`` is declared, keyed or assigned under (``const API =
    '…'``, ``{ ENDPOINT: '…' }``, ``this.url = '…'``), or None."""
    return _holder(literal)


def _holder(literal: Node) -> str | None:
    """The name the value around ``literal`` is declared, keyed or assigned under, or None."""
    value = literal
    while value.parent is not None and value.parent.type in _WITHIN:
        value = value.parent
    parent = value.parent
    if parent is not None and parent.type == "arrow_function" and parent.child_by_field_name("body") == value:
        name = _holder(parent)  # const getCoverImg = (id) => `https://…/${id}`: the function's name, less its verb
        return _GETTER.sub("", name) if name else None
    if parent is None:
        return None
    fields = {"variable_declarator": ("value", "name"), "pair": ("value", "key"),
              "assignment_expression": ("right", "left")}.get(parent.type)
    holder = parent.child_by_field_name(fields[1]) if fields else None
    if fields is None or holder is None or parent.child_by_field_name(fields[0]) != value:
        return None
    if holder.type == "member_expression":  # this.logo = '…', this.data.avatarUrl = '…'
        owner, holder = holder.child_by_field_name("object"), holder.child_by_field_name("property")
        if node_text(holder) == "value" and owner is not None and owner.type == "identifier":
            holder = owner  # a Vue 3 ref: bgImage.value = "…" is held under the ref's name
    if holder is None:
        return None
    return string_value(holder) if holder.type == "string" else node_text(holder)


def names_resource_base(name: str) -> bool:
    """Whether a constant's name says it holds the address static files are served from (``staticUrl``,
    ``IMG_BASE_URL``, ``cdnHost``), not an API base (``apiBaseUrl``, ``uploadUrl``)."""
    return bool(_RESOURCE_BASE.fullmatch(name.replace("_", "").replace("-", "").lower()))


# Words of a name for a page people read (a project's repository, its docs), not a server it calls; and words
# that make it a server after all (``githubApi``, ``docsUploadUrl``).
_READING_WORDS = frozenset({"github", "gitee", "gitlab", "repo", "repository", "docs", "readme", "wiki", "changelog"})
_SERVER_WORDS = frozenset({"api", "base", "server", "host", "upload", "request", "endpoint", "gateway", "socket"})


def names_reading_page(name: str) -> bool:
    """Whether a name says it holds the address of a page people read (``github``, ``repoUrl``, ``DOCS_LINK``)
    and names no server (``githubApi``): a link the app shows or copies, not a server it requests, so no server
    domain (https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html)."""
    words = {w.lower() for w in _WORD.findall(name)}
    return bool(words & _READING_WORDS) and not words & _SERVER_WORDS
