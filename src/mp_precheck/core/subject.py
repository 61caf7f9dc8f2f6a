"""Subjects: the strings that name what a fact (and a finding, and a catalog rule) is about.

Every reader spells a subject one way, and the catalog's ``subjects`` match on that spelling (a catalog
subject may end in ``*``: a prefix). This module is the one place that parses and formats them:
:func:`parse` gives a :class:`Subject`, ``str(subject)`` (:meth:`Subject.__str__`) the spelling again, and
``str(parse(s)) == s`` for every subject.

The grammar, one form a line (``form``: spelling — example — what it names):

=================  ===============================  ===============================================
form               example                          what it names
=================  ===============================  ===============================================
``api``            ``wx.getLocation``               a ``wx`` API in JS/TS (``uni.``/``Taro.``… map to
                   ``wx.cloud.uploadFile``          ``wx``); ``wx.cloud`` APIs likewise
``api``            ``wx.authorize:scope.camera``    an API with the literal that matters
                   ``wx.setClipboardData:link``     (``value``): the scope asked for, a copied link
``method``         ``RecorderManager.start``        a method on an object a ``wx`` factory returned
                                                    (:data:`FACTORIES`)
``component``      ``<web-view>``                   a component (tag) in WXML / Vue / JSX
``attribute``      ``button[open-type=share]``      an attribute value on a tag; without ``=value``
                   ``video[ad-unit-id]``            the attribute's presence
``app-config``     ``app.json:permission:scope.X``  an app.json / ext.json entry (``key``, ``value``)
``host``           ``host:api.example.com``         a URL host in a JS literal or markup attribute
``web-view-host``  ``web-view-host:h5.example.com`` the host a ``<web-view src>`` opens
``plugin-page``    ``plugin-page:wx2b03c6e691cd…``  a page of a plugin (by the plugin's AppID)
``plugin``         ``plugin:wx2b03c6e691cd…``       a plugin's JS interface, ``requirePlugin(alias)``
                                                    (by AppID where the alias is WeChat's own, else alias)
``ui-kit``         ``ui-kit:pick-media``            a UI kit's photo/video picker
                                                    (``checks/ui_kits.yml``); ``ui-kit:upload-media``
``sdk``            ``sdk:upload``                   an upload method of a client SDK
                                                    (``checks/upload_sdks.yml``); ``sdk:location`` a map
                                                    SDK method that reads the position (``checks/location_sdks.yml``)
                                                    ; ``sdk:record`` a plugin's recorder (``checks/plugin_apis.yml``)
                                                    ; ``sdk:privacy`` a vendored SDK that calls privacy APIs (findings)
``image``          ``image:/images/logo.png``       a local image named in markup, JS or a style sheet (as written)
``text``           ``text:lottery``                 a UI text signal (``readers/textsignals.py``)
``js``             ``js:eval``                      dynamic code (``js:new-Function``) or a review
                                                    switch (``js:review-flag``)
``share``          ``share:hook``                   a share hook (``onShareAppMessage``…)
``secret``         ``secret:app-secret``            an AppSecret in client code (``secret:url-param``,
                                                    ``secret:server-api``)
``policy``         ``policy:ios-payment``           a code-visible review trap (``policy:auto-jump``)
``login``          ``login:launch:/pages/login``    a forced-login hook: ``launch``, ``page-hook``,
                                                    ``entry-page`` (``key``) and its target
``web-view``       ``web-view:dynamic-src``         a ``<web-view>`` whose ``src`` is computed
``media``          ``media:autoplay``               media that plays by itself
``private-info``   ``requiredPrivateInfos:getLoc…`` a ``requiredPrivateInfos`` entry (location
                                                    configuration findings, not facts)
``brand-image``    ``brand-image:/images/wx.png``   an image that shows a WeChat logo (findings)
``ugc``            ``ugc:post``                     user content a page publishes (findings)
``content-check``  ``content-check:v1``             a content-security call of the retired v1 API
``suppression``    ``suppression:privacy.location`` a suppression comment that relaxes a rule
``handler``        ``handler:onSubmit``             an event handler a control binds (findings)
``page``           ``page:pages/about/about``       a page the app registers (findings)
``route``          ``route:pages/shop/detail``      a page a navigation opens (findings)
``account``        ``account:no-logout``            an account feature the app lacks (findings)
``name``           ``privacy-consent``              a bare name a finding carries: a rule id, a
                                                    config file (``.github/mp-precheck.yml``), a check
=================  ===============================  ===============================================

Official references: APIs and components
https://developers.weixin.qq.com/miniprogram/dev/api/ and
https://developers.weixin.qq.com/miniprogram/dev/component/; app.json entries
https://developers.weixin.qq.com/miniprogram/dev/reference/configuration/app.html.
"""

from __future__ import annotations

from typing import Literal

from msgspec import Struct

from mp_precheck.core.recache import compiled

Form = Literal["api", "method", "component", "attribute", "app-config", "host", "web-view-host", "plugin-page",
               "plugin", "ui-kit", "sdk", "image", "text", "js", "share", "secret", "policy", "login", "web-view",
               "media", "private-info", "brand-image", "ugc", "content-check", "suppression", "handler", "page",
               "route", "account", "name"]

# Forms spelled ``<prefix>:<value>``: the prefix is the form's name, except ``private-info``.
PREFIXES: dict[str, Form] = {
    "host": "host", "web-view-host": "web-view-host", "plugin-page": "plugin-page", "plugin": "plugin",
    "ui-kit": "ui-kit", "sdk": "sdk", "image": "image", "text": "text", "js": "js", "share": "share",
    "secret": "secret", "policy": "policy", "web-view": "web-view", "media": "media",
    "requiredPrivateInfos": "private-info", "brand-image": "brand-image", "ugc": "ugc",
    "content-check": "content-check", "suppression": "suppression",
    "handler": "handler", "page": "page", "route": "route", "account": "account",
}
_PREFIX_OF: dict[Form, str] = {form: prefix for prefix, form in PREFIXES.items()}
APP_CONFIG = "app.json"

# ``wx`` factories and the type of object each returns: ``wx.getRecorderManager().start()`` is the
# subject ``RecorderManager.start``; a uniCloud cloud object's method call is a cloud call (readers/cloudobjects.py).
CLOUD_OBJECT = "CloudObject"
FACTORIES = {
    "wx.getRecorderManager": "RecorderManager",
    "wx.createMapContext": "MapContext",
    "wx.createCameraContext": "CameraContext",
    "wx.createInnerAudioContext": "InnerAudioContext",
    "wx.getBackgroundAudioManager": "BackgroundAudioManager",
    "wx.createLivePusherContext": "LivePusherContext",
    "wx.cloud.importObject": CLOUD_OBJECT,  # uniCloud.importObject('todo'): https://doc.dcloud.net.cn/uniCloud/cloud-obj.html
}
FACTORY_OF = {owner: api for api, owner in FACTORIES.items()}

_ATTRIBUTE = compiled(r"(?P<tag>[A-Za-z][\w-]*)\[(?P<key>[^\]=\[]+)(?:=(?P<value>[^\]\[]*))?\]")
_METHOD = compiled(r"[A-Z]\w*\.\w+")
_API = compiled(r"wx(?:\.\w+)+")
_NAME = compiled(r"[\w.*/-]+")


class SubjectError(ValueError):
    """A string is no subject of the grammar (see the module docstring)."""


class Subject(Struct, frozen=True):
    """A parsed subject.

    ``name`` is the API (``wx.authorize``), method (``RecorderManager.start``) or tag (``button``); ``key``
    an attribute (``open-type``), an app.json key (``permission``) or a login hook kind (``launch``);
    ``value`` what follows (``share``, ``scope.userLocation``, a host, a signal). Unused parts are None.
    """

    form: Form
    name: str | None = None
    key: str | None = None
    value: str | None = None

    def __str__(self) -> str:
        return format_subject(self)

    @property
    def member(self) -> str | None:
        """The last dotted part of an API or method (``getLocation`` of ``wx.getLocation``), else None."""
        if self.form in ("api", "method") and self.name:
            return self.name.rpartition(".")[2]
        return None

    @property
    def owner(self) -> str | None:
        """What an API or method hangs on (``wx``, ``wx.cloud``, ``RecorderManager``), else None."""
        if self.form in ("api", "method") and self.name:
            return self.name.rpartition(".")[0]
        return None


def parse(text: str) -> Subject:
    """The :class:`Subject` ``text`` spells (catalog patterns ending in ``*`` parse like any value).

    Raises:
        SubjectError: ``text`` fits no form of the grammar.
    """
    prefix, colon, rest = text.partition(":")
    if colon and prefix in PREFIXES:
        return Subject(PREFIXES[prefix], value=rest)
    if colon and prefix == APP_CONFIG:
        key, colon2, value = rest.partition(":")
        return Subject("app-config", key=key, value=value if colon2 else None)
    if colon and prefix == "login":
        kind, colon2, target = rest.partition(":")
        return Subject("login", key=kind, value=target if colon2 else None)
    if len(text) > 2 and text.startswith("<") and text.endswith(">") and "<" not in text[1:-1]:
        return Subject("component", name=text[1:-1])
    if _API.fullmatch(prefix):
        return Subject("api", name=prefix, value=rest if colon else None)
    match = _ATTRIBUTE.fullmatch(text)
    if match:
        return Subject("attribute", name=match["tag"], key=match["key"], value=match["value"])
    if _METHOD.fullmatch(text):
        return Subject("method", name=text)
    if _NAME.fullmatch(text):
        return Subject("name", name=text)
    raise SubjectError(f"not a subject: {text!r}")


def format_subject(subject: Subject) -> str:
    """The spelling of ``subject`` (the inverse of :func:`parse`)."""
    form = subject.form
    if form in _PREFIX_OF:
        return f"{_PREFIX_OF[form]}:{subject.value}"
    if form in ("app-config", "login"):
        head = f"{APP_CONFIG if form == 'app-config' else 'login'}:{subject.key}"
        return head if subject.value is None else f"{head}:{subject.value}"
    if form == "component":
        return f"<{subject.name}>"
    if form == "attribute":
        inner = subject.key if subject.value is None else f"{subject.key}={subject.value}"
        return f"{subject.name}[{inner}]"
    if form == "api" and subject.value is not None:
        return f"{subject.name}:{subject.value}"
    return subject.name or ""


def api(name: str, value: str | None = None) -> str:
    """``wx.<name>`` (``name`` without the ``wx.``), with ``:value`` when given."""
    return format_subject(Subject("api", name=f"wx.{name}", value=value))


def component(tag: str) -> str:
    """``<tag>``."""
    return format_subject(Subject("component", name=tag))


def attribute(tag: str, key: str, value: str | None = None) -> str:
    """``tag[key=value]``, or ``tag[key]`` without a value."""
    return format_subject(Subject("attribute", name=tag, key=key, value=value))


def app_config(key: str, value: str) -> str:
    """``app.json:<key>:<value>``."""
    return format_subject(Subject("app-config", key=key, value=value))


def prefixed(form: Form, value: str) -> str:
    """``<prefix>:<value>`` for a prefixed form (``host``, ``image``, ``text``…)."""
    return format_subject(Subject(form, value=value))


def subject_value(text: str) -> str:
    """The ``value`` of the subject ``text`` spells (the host of ``host:h``, the plugin of
    ``app.json:plugins:p``), or "" when it has none or fits no form."""
    parsed = try_parse(text)
    return (parsed.value or "") if parsed else ""


def try_parse(text: str) -> Subject | None:
    """:func:`parse`, or None for a string of no form."""
    try:
        return parse(text)
    except SubjectError:
        return None


def is_form(text: str, form: Form) -> bool:
    """Whether ``text`` parses as a subject of ``form`` (False for strings of no form)."""
    parsed = try_parse(text)
    return parsed is not None and parsed.form == form
