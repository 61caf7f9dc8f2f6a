"""Third-party media components, upload, map and payment SDKs, HTTP clients, plugin APIs and hook libraries, read
from ``checks/ui_kits.yml``, ``checks/upload_sdks.yml``, ``checks/location_sdks.yml``, ``checks/http_clients.yml``,
``checks/payment_sdks.yml``, ``checks/plugin_apis.yml`` and ``checks/hook_libraries.yml`` (data, each validated
against the ``.schema.json`` beside it). :func:`check_tables` also checks ``checks/im_sdks.yml`` and
``checks/baas_sdks.yml``, which :mod:`~mp_precheck.core.imsdks` and :mod:`~mp_precheck.core.baassdks` read.

* A UI-kit component (Vant Weapp ``van-uploader``, uView ``u-upload``, Taro UI ``AtImagePicker``…) that
  picks photos or videos implies the privacy type 选中的照片或视频信息, like ``wx.chooseImage`` /
  ``wx.chooseMedia`` (https://developers.weixin.qq.com/miniprogram/dev/framework/user-privacy/miniprogram-intro.html);
  one that uploads by itself is an upload (content security,
  https://developers.weixin.qq.com/miniprogram/dev/server/API/sec-center/sec-check/api_mediacheckasync.html).
* An upload SDK method (Tencent VOD ``VodUploader.start``, COS ``postObject``…) sends user files like
  ``wx.uploadFile``.
* A map SDK method (AMap ``getPoiAround``, Tencent ``reverseGeocoder``…) called without a position reads the
  user's one with ``wx.getLocation``.
* An HTTP client library's request method (Fly.js ``fly.post``, luch-request ``http.get``…) calls
  ``wx.request`` underneath: a call of one is a ``wx.request``
  (https://developers.weixin.qq.com/miniprogram/dev/api/network/request/wx.request.html).
* A payment SDK's call (Ping++ ``pingpp.createPayment`` on its ``wx_lite`` channel) starts WeChat Pay with
  ``wx.requestPayment`` underneath: a call of one is a ``wx.requestPayment``
  (https://developers.weixin.qq.com/miniprogram/dev/api/payment/wx.requestPayment.html).
* A plugin's object that records (微信同声传译 ``getRecordRecognitionManager().start``) uses the microphone as
  ``RecorderManager.start`` does (https://developers.weixin.qq.com/miniprogram/dev/framework/plugin/using.html).
* A hook library's hook (taro-hooks ``useUserInfo``) hands back functions that call a ``wx`` API
  (``getUserProfile`` → ``wx.getUserProfile``): a call of one is a use of that API.

Facts use fixed subjects, ``ui-kit:pick-media`` / ``ui-kit:upload-media``, ``sdk:upload``, ``sdk:location`` and
``sdk:record``,
with the component or call in ``value``; the catalog maps those subjects to rules.
"""

from __future__ import annotations

import posixpath
import re
from functools import cache, cached_property
from typing import Literal

from msgspec import Struct

from mp_precheck.core.catalog import validated
from mp_precheck.core.resources import data_dir
from mp_precheck.core.sdkmodules import loads_module

PICK_SUBJECT = "ui-kit:pick-media"
UPLOAD_SUBJECT = "ui-kit:upload-media"
SDK_UPLOAD_SUBJECT = "sdk:upload"
SDK_LOCATION_SUBJECT = "sdk:location"
SDK_RECORD_SUBJECT = "sdk:record"
TEXTAREA_SUBJECT = "<textarea>"
NICKNAME_SUBJECT = "input[type=nickname]"  # a kit field of type="nickname" renders WeChat's nickname input
DATA_FILES = ("ui_kits.yml", "upload_sdks.yml", "location_sdks.yml", "http_clients.yml", "payment_sdks.yml",
              "plugin_apis.yml", "hook_libraries.yml")
REQUEST_SUBJECT = "wx.request"
PAYMENT_SUBJECT = "wx.requestPayment"

class ThirdPartyDataError(ValueError):
    """A table in ``checks/`` does not match its schema (a packaging bug, not user input)."""


# Attribute values that leave a kit picker showing files without picking any (None: written without a value).
_SWITCHED_OFF = (("disabled", (None, "", "true", "{{true}}")), ("max-count", ("0", "{{0}}")))


class KitComponent(Struct, frozen=True):
    """A UI-kit component review cares about: its kit, every spelling of its name, what it does (picks
    media, uploads it, both, or is a multi-line ``text`` box that stands for ``<textarea>``), the kit's doc."""

    kit: str
    names: tuple[str, ...]
    packages: tuple[str, ...]
    does: Literal["pick", "upload", "both", "text", "nickname"]
    doc: str
    when: tuple[tuple[str, str], ...] = ()  # attribute values it needs to do it (type="textarea")
    # attribute values that leave its upload to the page (:auto-upload="false"): it then only picks
    manual: tuple[tuple[str, str], ...] = ()
    # the one service it uploads to by itself (uni-file-picker: the project's uniCloud service space)
    uploads_to: str = ""

    def applies(self, attributes: dict[str, str | None]) -> bool:
        """Whether an element with these (normalised name → literal value) attributes does what the kit
        component does: a field is a multi-line text box only with ``type="textarea"``; a picker that is
        ``disabled`` or may hold no file (``max-count="0"``) only shows files, it picks none."""
        if self.does != "text" and any(attributes.get(name, "-") in values for name, values in _SWITCHED_OFF):
            return False
        return all(attributes.get(name) == value for name, value in self.when)

    @property
    def subjects(self) -> tuple[str, ...]:
        """The fact subjects a use implies: picking media, uploading it, both, a ``<textarea>`` or the nickname
        input (``input[type=nickname]``)."""
        return {"pick": (PICK_SUBJECT,), "upload": (UPLOAD_SUBJECT,), "both": (PICK_SUBJECT, UPLOAD_SUBJECT),
                "text": (TEXTAREA_SUBJECT,), "nickname": (NICKNAME_SUBJECT,)}[self.does]

    def subjects_for(self, attributes: dict[str, str | None]) -> tuple[str, ...]:
        """:attr:`subjects` of an element with these (normalised name → literal value) attributes: no upload of
        its own where they switch it to manual upload (``:auto-upload="false"``: the page calls its
        ``upload()`` when it wants)."""
        manual = bool(self.manual) and any(attributes.get(name) == value for name, value in self.manual)
        return tuple(s for s in self.subjects if not (manual and s == UPLOAD_SUBJECT))

    def registered_from(self, target: str) -> bool:
        """Whether a registration target (a usingComponents path, an import specifier) is this kit's."""
        return any(package in target for package in self.packages)


class UploadSdk(Struct, frozen=True):
    """A client SDK: how it is loaded (``modules``: the start of the specifier's last segment; ``names``;
    ``packages``: the specifier's npm package), the ``methods`` that make its calls the ``subject``
    (``sdk:upload``, ``sdk:location``, or ``wx.request`` for an HTTP client), for each method the option that
    passes a position instead of reading one (``given``; location SDKs only), the ``classes`` whose
    instances alone make the calls (``new AV.File(…)``; none: the SDK object and every instance) and the
    ``factories``, functions of the SDK that hand back a client as ``new`` makes one (Supabase's
    ``createClient(url, key)``). A method may be a path through the client (``storage.from.upload`` for
    ``client.storage.from(bucket).upload(…)``: members in order, a call's arguments left out)."""

    sdk: str
    modules: tuple[str, ...]
    names: tuple[str, ...]
    methods: tuple[str, ...]
    doc: str
    subject: str = SDK_UPLOAD_SUBJECT
    given: tuple[tuple[str, str], ...] = ()
    packages: tuple[str, ...] = ()
    classes: tuple[str, ...] = ()
    factories: tuple[str, ...] = ()

    def makes(self, method: str) -> bool:
        """Whether ``method`` called on what this binding holds is one of the SDK's calls: never on an SDK whose
        calls belong to some classes' instances only (``AV.save`` is no upload; ``new AV.File(…)`` is bound as
        the SDK without ``classes``)."""
        return method in self.methods and not self.classes

    def option_given(self, method: str) -> str | None:
        """The option whose presence means ``method`` reads no position (None: it always does its job)."""
        return dict(self.given).get(method)


class PluginApi(Struct, frozen=True):
    """A plugin's object that uses a privacy capability: the plugin, the ``factory`` method of the plugin that
    hands it back, the ``methods`` on it that use the capability, the fact ``subject`` (``sdk:record``)."""

    plugin: str
    factory: str
    methods: tuple[str, ...]
    subject: str
    doc: str


def _first_word(name: str) -> str:
    """The first word of a name, lower-cased (``uploadImg`` → ``upload``), or ``""``."""
    first = re.match(r"[a-z]+|[A-Z][a-z]*", name)
    return first.group(0).lower() if first is not None else ""


class ThirdParty(Struct, frozen=True, dict=True):
    components: tuple[KitComponent, ...]
    sdks: tuple[UploadSdk, ...]
    # package → hook name → {returned function name → wx API}
    hook_libraries: dict[str, dict[str, dict[str, str]]]
    upload_words: frozenset[str] = frozenset()  # first words of a call named as an upload (uploadAvatar)
    plugin_apis: tuple[PluginApi, ...] = ()
    request_words: frozenset[str] = frozenset()  # first words of a call named as a request (request, httpGet)
    request_verbs: frozenset[str] = frozenset()  # methods of a client named so (http.post, this.$request.get)
    builtin_sources: tuple[str, ...] = ()  # packages whose JSX components render WeChat's built-ins (ui_kits.yml)

    def plugin_factory(self, name: str) -> PluginApi | None:
        """The plugin object a plugin method of this name hands back (``getRecordRecognitionManager``), or None."""
        return next((p for p in self.plugin_apis if p.factory == name), None)

    def hooks_of(self, package: str) -> dict[str, dict[str, str]]:
        """The hooks a package exports that hand back API-calling functions (empty for other packages)."""
        return self.hook_libraries.get(package, {})

    def named_upload(self, name: str) -> bool:
        """Whether a called name's last part starts with an upload word (``$api.app.upload``, ``uploadImg``)."""
        return _first_word(name.rsplit(".", 1)[-1]) in self.upload_words

    def named_request(self, name: str) -> bool:
        """Whether a called name is named as an HTTP request (``checks/http_clients.yml``): its last part starts
        with a request word (``request``, ``httpGet``, ``ajaxPost``), or is a request method of a holder that does
        (``http.post``, ``$request.get``)."""
        *holder, last = (part.lstrip("$_") for part in name.rsplit(".", 2)[-2:])
        if _first_word(last) in self.request_words:
            return True
        return bool(holder) and last in self.request_verbs and _first_word(holder[0]) in self.request_words

    def renders_builtins(self, spec: str) -> bool:
        """Whether a JSX component imported from the npm specifier ``spec`` is, or renders, a WeChat built-in
        component of its name: Taro's or Remax's components, a Taro UI kit (``builtin_sources`` in
        ``checks/ui_kits.yml``), or a kit whose media components the table lists."""
        if any(spec == p or spec.startswith(p if p.endswith("/") else f"{p}/") for p in self.builtin_sources):
            return True
        return any(kit.registered_from(spec) for kit in self.components)

    @cached_property
    def kit_folders(self) -> frozenset[str]:
        """Folder names of the UI kits copied into a project by hand (``lib/vant-weapp/``,
        ``uni_modules/uview-ui/``): the kit's own code, judged by its components' use, not line by line."""
        return frozenset(package.rsplit("/", 1)[-1] for c in self.components for package in c.packages
                         if not package.startswith("@") and package.rsplit("/", 1)[-1])

    @cached_property
    def _by_name(self) -> dict[str, tuple[KitComponent, ...]]:
        named: dict[str, tuple[KitComponent, ...]] = {}
        for c in self.components:
            for name in c.names:
                named[name.lower()] = (*named.get(name.lower(), ()), c)
        return named

    def component(self, tag: str, attributes: dict[str, str | None] | None = None) -> KitComponent | None:
        """The kit component a tag names in any spelling (``van-uploader``, ``AtImagePicker``), or None. One tag
        can do different things by its attributes (Vant's ``<van-field>``: a text box with ``type="textarea"``,
        the nickname input with ``type="nickname"``): given the element's (normalised name → literal value)
        ``attributes``, the first entry that :meth:`KitComponent.applies` to them; without, the first entry."""
        entries = self._by_name.get(tag.lower(), ())
        if attributes is None:
            return entries[0] if entries else None
        return next((c for c in entries if c.applies(attributes)), None)

    def sdk_of_module(self, spec: str) -> UploadSdk | None:
        """The SDK a module specifier loads: its last path segment starts with an SDK module name, or its
        npm package (``flyio`` of ``flyio/dist/npm/wx``, ``@scope/name``) is an HTTP client's."""
        known = self._sdk_of_spec
        if spec not in known:  # every binding of every script asks, twice (readers/jsbindings.py): once per spec
            known[spec] = next((s for s in self.sdks if loads_module(spec, s.modules, s.packages)), None)
        return known[spec]

    @cached_property
    def _sdk_of_spec(self) -> dict[str, UploadSdk | None]:
        return {}

    def upload_sdk_file(self, path: str) -> bool:
        """Whether the script at ``path`` is an upload SDK's own module (``utils/qiniuUploader.js``): its name
        starts with one the table gives the SDK's module (``checks/upload_sdks.yml``)."""
        sdk = self.sdk_of_module(posixpath.splitext(path)[0])
        return sdk is not None and sdk.subject == SDK_UPLOAD_SUBJECT and not sdk.packages

    def sdk_of_name(self, name: str) -> UploadSdk | None:
        return next((s for s in self.sdks if name in s.names), None)

    @cached_property
    def chained_methods(self) -> frozenset[str]:
        """The SDK methods that are paths through a client (``storage.from.upload``)."""
        return frozenset(m for s in self.sdks for m in s.methods if "." in m)

    def chained(self, path: str) -> bool:
        """Whether a call's path after its first name (``storage.from.upload``, or ``supabase.storage.from.upload``
        through a module's export) ends with an SDK method that is a path through a client."""
        return any(path == m or path.endswith(f".{m}") for m in self.chained_methods)

    def needles(self, subject: str) -> tuple[str, ...]:
        """Fixed strings ``git grep`` looks for to find files that may hold a third-party subject."""
        if subject in (SDK_UPLOAD_SUBJECT, SDK_LOCATION_SUBJECT):  # a path's members: a module's imported client
            return tuple(sorted({n for s in self.sdks if s.subject == subject for n in (*s.modules, *s.names)} |
                                {m.rsplit(".", 1)[0] for s in self.sdks if s.subject == subject for m in s.methods
                                 if "." in m}))
        if subject == SDK_RECORD_SUBJECT:
            return tuple(sorted({p.factory for p in self.plugin_apis if p.subject == subject}))
        wanted = {PICK_SUBJECT: ("pick", "both"), UPLOAD_SUBJECT: ("upload", "both")}.get(subject, ())
        return tuple(sorted({n for c in self.components if c.does in wanted for n in c.names}))


_TABLES = (("ui_kits.yml", "ui_kits.schema.json"), ("upload_sdks.yml", "upload_sdks.schema.json"),
           ("location_sdks.yml", "location_sdks.schema.json"), ("http_clients.yml", "http_clients.schema.json"),
           ("payment_sdks.yml", "payment_sdks.schema.json"), ("plugin_apis.yml", "plugin_apis.schema.json"),
           ("hook_libraries.yml", "hook_libraries.schema.json"), ("im_sdks.yml", "im_sdks.schema.json"),
           ("baas_sdks.yml", "baas_sdks.schema.json"))


def check_tables() -> None:
    """Check the shipped tables against their schemas (the test suite does; a run does not pay for it).

    Raises:
        ThirdPartyDataError: a table does not match its schema, naming the file and the key path.
    """
    for name, schema in _TABLES:
        validated(data_dir("checks") / name, schema, ThirdPartyDataError)


@cache
def third_party() -> ThirdParty:
    """The shipped tables (read once; :func:`check_tables` checks them)."""
    folder = data_dir("checks")
    kit_table = validated(folder / "ui_kits.yml", "ui_kits.schema.json", check=False)
    kits = kit_table["components"]
    table = validated(folder / "upload_sdks.yml", "upload_sdks.schema.json", check=False)
    maps = validated(folder / "location_sdks.yml", "location_sdks.schema.json", check=False)["sdks"]
    hooks = validated(folder / "hook_libraries.yml", "hook_libraries.schema.json", check=False)["libraries"]
    http = validated(folder / "http_clients.yml", "http_clients.schema.json", check=False)
    clients = http["clients"]
    payments = validated(folder / "payment_sdks.yml", "payment_sdks.schema.json", check=False)["sdks"]
    plugins = validated(folder / "plugin_apis.yml", "plugin_apis.schema.json", check=False)["plugins"]
    return ThirdParty(
        tuple(KitComponent(k["kit"], tuple(k["names"]), tuple(k["packages"]), k["does"], k["doc"],
                           tuple(sorted(k.get("when", {}).items())), tuple(sorted(k.get("manual", {}).items())),
                           k.get("uploads_to", "")) for k in kits),
        tuple(UploadSdk(s["sdk"], tuple(s["modules"]), tuple(s["names"]), tuple(s["methods"]), s["doc"],
                        classes=tuple(s.get("classes", ())), factories=tuple(s.get("factories", ())))
              for s in table["sdks"]) +
        tuple(UploadSdk(s["sdk"], tuple(s["modules"]), tuple(s["names"]), tuple(m["name"] for m in s["methods"]),
                        s["doc"], SDK_LOCATION_SUBJECT, tuple((m["name"], m["given"]) for m in s["methods"]))
              for s in maps) +
        tuple(UploadSdk(c["client"], (), (), tuple(c["methods"]), c["doc"], REQUEST_SUBJECT,
                        packages=tuple(c["packages"])) for c in clients) +
        tuple(UploadSdk(s["sdk"], tuple(s["modules"]), tuple(s["names"]), tuple(s["methods"]), s["doc"],
                        PAYMENT_SUBJECT) for s in payments),
        {lib["package"]: lib["hooks"] for lib in hooks}, frozenset(table.get("upload_words", ())),
        tuple(PluginApi(p["plugin"], p["factory"], tuple(p["methods"]), f"sdk:{p['does']}", p["doc"]) for p in plugins),
        frozenset(http.get("request_words", ())), frozenset(http.get("request_verbs", ())),
        tuple(p for source in kit_table.get("builtin_sources", ()) for p in source["packages"]))
