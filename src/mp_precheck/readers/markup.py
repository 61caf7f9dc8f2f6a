"""Facts from markup: WXML, the ``<template>`` of Vue-style single-file components, and JSX elements.

WXML is read with the standard library's ``html.parser`` tokenizer, which is tolerant of ``{{ }}`` expressions,
unclosed tags and WeChat's own tags, reports line numbers, and drops comments. Tag and attribute names are
normalised so that every dialect yields the same subjects: ``<WebView>`` (JSX) and ``<web-view>`` both give
``<web-view>``, and so does kbone's ``<wx-web-view>``; ``openType``, ``:open-type``, ``open-type`` give ``open-type``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from html.parser import HTMLParser
from typing import Any

from mp_precheck.core.recache import compiled
from mp_precheck.core.subject import attribute, component, prefixed
from mp_precheck.core.thirdparty import third_party
from mp_precheck.facts.model import CLIPBOARD, Fact
from mp_precheck.readers.bound import branch_literals, leading_literal, mustache_expression
from mp_precheck.readers.boundopentype import bound_open_types
from mp_precheck.readers.copiedlinks import copies_on_tap
from mp_precheck.readers.htmlfeed import feed_shared
from mp_precheck.readers.idfield import other_numbers
from mp_precheck.readers.imagerefs import IMAGE_ATTRIBUTES, image_reference
from mp_precheck.readers.kbone import builtin_name
from mp_precheck.readers.passwordfield import password_field
from mp_precheck.readers.quotes import given_up, swallowed
from mp_precheck.readers.textruns import TextRuns
from mp_precheck.readers.textsignals import ANALYSIS_LABEL, SECURITIES, signals
from mp_precheck.readers.urls import find_urls, is_prose_mention

# Attributes whose value is a capability switch, reported as ``tag[attr=value]``. ``open-type`` is
# reported on any tag as ``button[...]``: UI kits (Vant ``van-button``, Taro ``Button``) forward it to
# the built-in button.
# (attribute, tag it counts on or None for any) → the tag the subject names.
_ATTRIBUTE_SUBJECTS = {
    ("open-type", None): "button",
    ("type", "input"): "input",
    ("target", "navigator"): "navigator",
    # a plugin's functional page is typed by its name: loginAndGetUserInfo (UserInfo), chooseAddress …
    # https://developers.weixin.qq.com/miniprogram/dev/component/functional-page-navigator.html
    ("name", "functional-page-navigator"): "functional-page-navigator",
}
_CAPABILITY_ATTRIBUTES = frozenset(attr for attr, _ in _ATTRIBUTE_SUBJECTS)
# Ads attached to another component: a <video ad-unit-id> plays a pre-roll ad (流量主)
# https://developers.weixin.qq.com/miniprogram/dev/component/video.html
_AD_ATTRIBUTES = {("video", "ad-unit-id"): attribute("video", "ad-unit-id")}
_MEDIA_TAGS = {"image", "video", "audio", "cover-image", "img", "live-player", "source"}
# A link opening the app's own pages (``<navigator url>``; H5's ``<a href>``, compiled to one by uni-app and mpvue):
# an external address there never loads, no request goes to it, so no server domain (component/navigator.html).
_PAGE_LINKS = frozenset({("a", "href"), ("navigator", "url")})
# Personal information a form field asks for by hand, with no API: the user privacy guideline still needs the type
# declared (身份证号码 EXIDNumber, a "开发者自行收集" type of user-privacy/miniprogram-intro.html). WeChat's
# <input type="idcard"> is the ID-number keyboard (unless its own words name another number: readers/idfield.py);
# otherwise the field's placeholder or label says it.
_ASKED_FOR = (("input[type=idcard]", compiled(r"身份证(?:号|号码)?|证件号")),)
_FIELD_WORDS = ("placeholder", "label", "title")
# Bound attributes whose literal choices are read: the capability switches and the texts an element shows.
_BOUND_READ = _CAPABILITY_ATTRIBUTES | {"text", *_FIELD_WORDS}

# Event bindings in every dialect: WXML bind/catch (with or without a colon), Vue @ and v-on:.
_EVENT_PREFIXES = ("bind:", "catch:", "capture-bind:", "capture-catch:", "mut-bind:", "bind", "catch", "@", "v-on:")
_CAMEL = compiled(r"(?<!^)(?=[A-Z])")


def is_event_attribute(name: str) -> bool:
    """Whether an attribute binds an event handler (``bindtap``, ``catch:submit``, ``@click``, ``v-on:tap``)."""
    return name.startswith(_EVENT_PREFIXES) and name not in ("bindingx",)


def normalise_tag(name: str) -> str:
    """``WebView`` → ``web-view``, ``LivePusher`` → ``live-pusher``, ``web-view`` unchanged; kbone's spelling of a
    built-in component, ``wx-button``, → ``button`` (:func:`mp_precheck.readers.kbone.builtin_name`)."""
    return builtin_name(_kebab(name))


def _kebab(name: str) -> str:
    if "-" in name or name.islower():
        return name.lower()
    return _CAMEL.sub("-", name).lower()


def normalise_attribute(name: str) -> str:
    """``openType``/``:open-type``/``v-bind:open-type`` → ``open-type``; ``unitId`` → ``unit-id``; and the same
    names as an HTML tokenizer lower-cases them (mpvue templates write ``openType``: ``opentype``)."""
    for prefix in ("v-bind:", ":"):
        if name.startswith(prefix):
            name = name[len(prefix):]
            break
    return _LOWERED.get(name) or _kebab(name)


_AUTOPLAY = "autoplay"
_CONSTANT_TRUE = ("true", "!0", "!false", "1")  # expressions that are true whatever the page's data

# WeChat's multi-word attributes that review looks at (and a kit picker's autoUpload), as a lower-casing
# tokenizer hands them over
_LOWERED = {"opentype": "open-type", "unitid": "unit-id", "adunitid": "ad-unit-id", "formtype": "form-type",
            "appid": "app-id", "autoupload": "auto-upload"}


def close_element(open_elements: list[tuple[str, Any]] | list[tuple[str, Any, Any]], tag: str) -> None:
    """Pop the innermost open element named ``tag`` (entries are ``(normalised name, …)`` tuples) and every
    element opened inside it: unclosed children end with their parent; an end tag nothing opened is ignored."""
    name = normalise_tag(tag)
    for index in range(len(open_elements) - 1, -1, -1):
        if open_elements[index][0] == name:
            del open_elements[index:]
            return



class ElementStack(HTMLParser):
    """A markup reader that keeps its open elements in ``self.open`` (``(normalised name, …)`` tuples, set by the
    subclass): a self-closed element opens and closes at once, and an end tag closes its element and every element
    left open inside it (:func:`close_element`)."""

    open: list[Any]

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        close_element(self.open, tag)

def element_facts(tag: str, attributes: list[tuple[str, str | None, int]], line: int,
                  project_component: bool = False, builtin: bool = True) -> list[Fact]:
    """Facts of one element: the component, capability attributes and URL hosts in attribute values.

    ``attributes`` holds (normalised name, literal value or None when bound to an expression, line).
    A UI kit's media component (``checks/ui_kits.yml``) also gives what it does (picking media, uploading
    it), unless ``project_component`` says the code imports that name from a project file. ``builtin`` False: the
    tag names another package's component (an icon set's ``<Camera>``, :mod:`mp_precheck.readers.jsxtags`), no
    component fact; what its attributes say (hosts, an ``open-type`` it forwards) stays.
    """
    if tag == "wx-component":  # kbone: <wx-component behavior="button"> renders the built-in named by behavior
        tag = builtin_name(tag, next((value for name, value, _line in attributes if name == "behavior"), None))
    facts = [Fact(component(tag), "component", line)] if builtin else []
    given = {key: capability_value(value) if key in _CAPABILITY_ATTRIBUTES else value for key, value, _ in attributes}
    kit = None if project_component or not builtin else third_party().component(tag, given)
    if kit is not None:
        facts.extend(Fact(subject, "component", line, f"<{tag}> ({kit.kit})") for subject in kit.subjects_for(given))
    facts.extend(_asked_for(tag, attributes, line))
    autoplay = [(value, attr_line) for name, value, attr_line in attributes if name == _AUTOPLAY]
    if autoplay and tag in ("video", "audio", "live-player") and plays_by_itself([value for value, _ in autoplay]):
        facts.append(Fact(prefixed("media", "autoplay"), "attribute", autoplay[0][1], tag))
    for name, value, attr_line in attributes:
        if tag == "web-view" and name == "src" and (value is None or "{{" in value) and not fixed_origin(value):
            facts.append(Fact(prefixed("web-view", "dynamic-src"), "attribute", attr_line, value))
        if (tag, name) in _AD_ATTRIBUTES and value != "":
            facts.append(Fact(_AD_ATTRIBUTES[(tag, name)], "attribute", attr_line, value))
        if value is None:
            continue
        if name == "text" and tag.endswith("button"):  # a kit button's label as an attribute (uView u-button)
            facts.extend(Fact(prefixed("text", signal), "text", attr_line, value)
                         for signal in signals(value, label=True))
        if name == "url" and value.startswith(("plugin-private://", "plugin://")):
            facts.append(Fact(prefixed("plugin-page", plugin_appid(value)), "attribute", attr_line, value))
        image = image_reference(value) if name in IMAGE_ATTRIBUTES else None
        if image is not None:
            facts.append(Fact(prefixed("image", image), "image", attr_line, value))
        for (attr, on_tag), subject_tag in _ATTRIBUTE_SUBJECTS.items():
            if name != attr or (on_tag is not None and on_tag != tag):
                continue
            # open-type="getPhoneNumber|agreePrivacyAuthorization": one button, each capability its own
            # (https://developers.weixin.qq.com/miniprogram/dev/framework/user-privacy/PrivacyAuthorize.html)
            for chosen in (part.strip() for part in (capability_value(value) or "").split("|")):
                if chosen.isascii() and chosen.isalpha():  # [A-Za-z]+, without a pattern to compile
                    facts.append(Fact(attribute(subject_tag, attr, chosen), "attribute", attr_line, chosen))
        if "{{" in value:
            value = value.split("{{", 1)[0]
        for url in [] if (tag, name) in _PAGE_LINKS and value.lstrip().startswith(("http", "//")) else find_urls(value):
            if url.is_development:
                continue  # a developer's machine or LAN: never a configurable domain
            if tag == "web-view" and name == "src":
                # A web-view page's host is a 业务域名, not a server domain: its own subject.
                facts.append(Fact(prefixed("web-view-host", url.host), "host", attr_line, url.text, "web-view"))
                continue
            role = "media" if tag in _MEDIA_TAGS or url.is_media or name in ("poster", "background-image", "style") \
                else CLIPBOARD if name.startswith("data-") and copies_on_tap(attributes) \
                else "code"  # CSS in a style attribute only loads resources (background url(…)); a copy's data-link
            if role == "code" and is_prose_mention(value):
                continue  # intro="… licensed CC BY 4.0 https://…": a sentence the page shows, no address it opens
            facts.append(Fact(prefixed("host", url.host), "host", attr_line, url.text, role))
    return facts


# A URL's scheme and host written out and closed by the path, query or fragment: what follows cannot move it.
_FIXED_ORIGIN = compiled(r"\s*(?:https?:)?//[^/?#{}\s'\"]+[/?#]", re.IGNORECASE)


def fixed_origin(value: str | None) -> bool:
    """Whether a bound ``<web-view src>`` opens a host the markup fixes: its scheme and host are literal, only the
    path or query is bound (``https://h5.example.com/page?uid={{uid}}``). Such a web-view opens pages of one known
    business domain, not any page; a src whose host comes from data (``https://{{host}}/x``, ``{{url}}``) does not
    (https://developers.weixin.qq.com/miniprogram/dev/component/web-view.html)."""
    return value is not None and _FIXED_ORIGIN.match(value.split("{{", 1)[0]) is not None


def _is_field(tag: str) -> bool:
    """An input field: ``<input>``, or a UI kit's (``van-field``, ``u-input``, ``t-input``, ``uni-easyinput``)."""
    return tag == "input" or tag.endswith(("-input", "-field", "easyinput"))


def _asked_for(tag: str, attributes: list[tuple[str, str | None, int]], line: int) -> list[Fact]:
    """``input[type=idcard]`` for a field that asks for an ID card number; ``input[type=password]`` for one that masks
    what is typed in a spelling its ``type`` does not give (:mod:`.passwordfield`)."""
    if not _is_field(tag):
        return []
    typed = {f"input[type={capability_value(value)}]" for name, value, _ in attributes if name == "type" and value}
    out = password_field(tag, attributes, line)  # <input password>, a kit's field of type="password"
    if tag != "input" and "input[type=idcard]" in typed:  # <input> gets it from its type attribute
        out.append(Fact("input[type=idcard]", "attribute", line, "idcard"))
    words = [(value, attr_line) for name, value, attr_line in attributes if name in _FIELD_WORDS and value]
    for subject, pattern in _ASKED_FOR:
        hit = next(((value, at) for value, at in words if pattern.search(value)), None)
        if hit is not None and subject not in typed:
            out.append(Fact(subject, "attribute", hit[1], hit[0]))
    return out


LIVE_PLUGIN_APPID = "wx2b03c6e691cd7370"  # WeChat's own 小程序直播 plugin (live-player-plugin)
LIVE_ROOM_PAGE = "pages/live-player-plugin"


def capability_value(value: str | None) -> str | None:
    """A capability attribute's value as WeChat's review reads it: ``'getPhoneNumber '`` is the phone button.
    The surrounding whitespace of ``open-type="{{ok ? 'getPhoneNumber ' : ''}}"`` is a slip of the developer's,
    not another value (https://developers.weixin.qq.com/miniprogram/dev/component/button.html lists none with
    spaces)."""
    return None if value is None else value.strip()


def plays_by_itself(values: list[str | None]) -> bool:
    """Whether an element's ``autoplay`` attribute, given as the values the readers hand over for it (None: the
    bare attribute, or a bound expression they could not read; ``{{expr}}``: a bound expression), switches
    playing on by itself: a bare or literal ``autoplay``, or an expression that is a constant true. A binding to
    data (``{{ item.autoplay }}``, ``:autoplay="options.autoplay"``) passes on a value the page decides, off by
    default (https://developers.weixin.qq.com/miniprogram/dev/component/video.html ``autoplay`` defaults to false);
    ``"false"`` and ``{{false}}`` are off."""
    known = [value for value in values if value is not None]
    if not known:
        return True
    return any(((expression := mustache_expression(value)) is None and value != "false")
               or (expression is not None and expression.strip() in _CONSTANT_TRUE) for value in known)


def bound_choices(name: str, expression: str | None) -> list[str]:
    """The literal values a bound attribute can take: a capability (``open-type``, ``type``…), e.g. ``nickname``
    of ``:type="isWeixin ? 'nickname' : 'text'"`` (whitespace stripped, :func:`capability_value`), or a text it
    shows (a kit button's ``text``, a field's ``placeholder`` / ``label`` / ``title``); for ``autoplay`` the
    expression itself, in ``{{ }}`` (:func:`plays_by_itself` reads it); [] for other attributes or no expression."""
    if expression is not None and name == _AUTOPLAY:  # its value is what the expression gives: kept as written
        return ["{{" + expression.strip() + "}}"]
    if expression is None or name not in _BOUND_READ:
        return []
    choices = branch_literals(expression)
    if name in _CAPABILITY_ATTRIBUTES:
        choices = [choice.strip() for choice in choices if choice.strip()]
    return choices


def bound_plugin_url(name: str, expression: str | None) -> str | None:
    """The plugin page a bound ``url`` opens when its expression starts with a literal plugin URL
    (``:url="'plugin-private://wx2b03c6e691cd7370/pages/live-player-plugin?room_id=' + room.id"``), else None.
    Navigating to a plugin page: https://developers.weixin.qq.com/miniprogram/dev/framework/plugin/using.html"""
    if expression is None or name != "url":
        return None
    prefix = leading_literal(expression)
    return prefix if prefix is not None and prefix.startswith(("plugin-private://", "plugin://")) else None


def required_plugin(alias: str) -> str:
    """The plugin ``requirePlugin(alias)`` loads: WeChat's 小程序直播 plugin for the alias its doc gives it
    (``live-player-plugin``,
    https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/liveplayer/live-player-plugin.html),
    else the alias as the app declares it."""
    return LIVE_PLUGIN_APPID if alias == "live-player-plugin" else alias


def plugin_appid(url: str) -> str:
    """The plugin of a ``plugin-private://<appid>/pages/...`` or ``plugin://<alias>/page`` URL. The live room
    page ``pages/live-player-plugin`` is WeChat's 小程序直播 plugin whatever appid or alias the URL names
    (https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/liveplayer/live-player-plugin.html)."""
    plugin, _, page = url.split("://", 1)[1].partition("/")
    if page.split("?", 1)[0].strip("/") == LIVE_ROOM_PAGE:
        return LIVE_PLUGIN_APPID
    return plugin


# A tap or click handler (WXML bindtap / catchtap / bind:tap, Vue @click / @tap / v-on:click): the element is a control.
_TAP = compiled(r"(?:bind:?|catch:?|capture-bind:|@|v-on:)(?:tap|click)\b", re.IGNORECASE)

_MUSTACHE = compiled(r"\{\{.*?\}\}", re.DOTALL)
_EMPTY = frozenset({"input", "image", "img", "icon", "br", "hr", "progress", "switch", "slider", "checkbox", "radio"})


class _Collector(HTMLParser):
    def __init__(self, line_offset: int, source: str = "", scripts: tuple[tuple[str, str], ...] = ()) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts = scripts  # the component's own scripts (text, path): what a bound open-type is set to
        self.source = source.split("\n")  # the markup as written: a tag given up on is in it, an escaped one is not
        self.facts: list[Fact] = []
        self.line_offset = line_offset
        # Open elements, whether each is a control (a button, or anything with a tap / click handler): text
        # inside a control is its label; and whether it is a share button (open-type="share").
        self.open: list[tuple[str, bool, bool]] = []
        # Whether the template speaks of listed securities (a stock-code search box, a company's figures), and
        # its texts that are only an analysis label (预测, 评级:), (line, text): together a securities service.
        self.securities = False
        self.analyses: list[tuple[int, str]] = []
        self.runs = TextRuns()  # the texts a user reads as one: a block's inline children, two adjacent lines
        self.unread: list[str] = []  # what an unclosed attribute quote hid (readers/quotes.py)

    @property
    def in_control(self) -> bool:
        return any(control for _, control, _share in self.open)

    @property
    def in_share_control(self) -> bool:
        return any(share for _, _control, share in self.open)

    def handle_endtag(self, tag: str) -> None:
        close_element(self.open, tag)
        self.runs.end(normalise_tag(tag))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line, _ = self.getpos()
        raw = self.get_starttag_text() or ""
        if (hidden := swallowed(normalise_tag(tag), attrs, raw, line + self.line_offset)) is not None:
            self.unread.append(hidden)
        lowered = raw.lower()
        attributes = []
        for name, value in attrs:
            at = lowered.find(name)
            attr_line = line + (raw[:at].count("\n") if at >= 0 else 0)
            bound = name.startswith((":", "v-bind:"))
            literal = None if bound or value is None else value
            if bound and value is not None:
                # A bound value that is a plain string literal (:src="'https://…'") is still literal text.
                stripped = value.strip()
                if len(stripped) >= 2 and stripped[0] == stripped[-1] and stripped[0] in "'\"`":
                    literal = stripped[1:-1]
                elif stripped in ("true", "false"):  # :auto-upload="false": the value WXML writes {{false}}
                    literal = "{{" + stripped + "}}"
            attributes.append((normalise_attribute(name), literal, attr_line + self.line_offset))
            expression = value if bound and literal is None else mustache_expression(value or "")
            choices = bound_choices(normalise_attribute(name), expression)
            if not choices and expression is not None and normalise_attribute(name) == "open-type":
                choices = bound_open_types(expression, [n for n, _ in attrs], self.scripts)  # :open-type="t"
            for choice in choices:
                attributes.append((normalise_attribute(name), choice, attr_line + self.line_offset))
            if (plugin_url := bound_plugin_url(normalise_attribute(name), expression)) is not None:
                attributes.append(("url", plugin_url, attr_line + self.line_offset))
        self.facts.extend(element_facts(normalise_tag(tag), attributes, line + self.line_offset))
        self.securities = self.securities or any(name in _FIELD_WORDS and value and SECURITIES.search(value)
                                                 for name, value, _line in attributes)
        name = normalise_tag(tag)
        if name not in _EMPTY:
            share = any(n == "open-type" and capability_value(value) == "share" for n, value, _line in attributes)
            self.open.append((name, name.endswith("button") or any(_TAP.match(n) for n, _ in attrs), share))
            self.runs.start(name, [n for n, _ in attrs])
        else:
            self.runs.leaf(name)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self.handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        if (hidden := given_up(data, self.getpos()[0], self.source, self.line_offset)) is not None:
            self.unread.append(hidden)
        text = data.strip()
        if "\n" in data[: len(data) - len(data.lstrip())]:
            self.runs.line_break()  # a text on a line of its own is no part of the run before it
        if not text:
            return
        line, _ = self.getpos()
        line += data[: len(data) - len(data.lstrip())].count("\n") + self.line_offset
        expression = mustache_expression(text)
        if expression is not None:  # {{ loading ? '登录中' : (i18n.login || '微信授权登录') }}: its literals are shown
            texts = [(words, words) for words in branch_literals(expression)] \
                if any(q in expression for q in "'\"`") else []
        else:  # the words around a {{value}} are the sentence a user reads: 邀请好友得最高66{{bonus}}红包
            texts = [(_MUSTACHE.sub("", text), text)]
        alone: set[str] = set()
        for words, shown in texts:
            found = signals(words, label=self.in_control, share_control=self.in_share_control)
            alone.update(found)
            for signal in found:
                self.facts.append(Fact(prefixed("text", signal), "text", line, " ".join(shown.split())[:120]))
            self.securities = self.securities or bool(SECURITIES.search(words))
            if "finance" not in found and ANALYSIS_LABEL.fullmatch(words):
                self.analyses.append((line, " ".join(shown.split())[:120]))
        # in its line a value is left out, and so is a choice between literals; one literal is what it shows
        in_line = _MUSTACHE.sub(lambda m: _one_literal(m.group(0)[2:-2]), text) if expression is None else \
            texts[0][0] if len(texts) == 1 else ""
        self.runs.text(line, in_line, text if expression is None else in_line or text, self.in_control,
                       self.in_share_control, alone, exact=len(texts) == 1 and in_line == texts[0][0])
        if "\n" in data[len(data.rstrip()):]:
            self.runs.line_break()


def _one_literal(expression: str) -> str:
    """The text a ``{{ }}`` in a sentence shows when it can show only one literal (``{{'10'}}``), else ''."""
    if not any(q in expression for q in "'\"`"):
        return ""
    literals = branch_literals(expression)
    return literals[0] if len(literals) == 1 else ""


def markup_facts(text: str, line_offset: int = 0, scripts: tuple[tuple[str, str], ...] = ()) -> list[Fact]:
    """Facts of a WXML (or Vue template) text; ``line_offset`` is added to every line number; ``scripts`` (text,
    path) are the single-file component's own, read for the values of a bound ``open-type``
    (:mod:`mp_precheck.readers.boundopentype`).

    Each text is read by itself, and as the user reads it with the texts beside it: a block's inline children
    joined into one run, two adjacent lines together (:mod:`mp_precheck.readers.textruns`).

    A text that is only an analysis label (预测, 评级:, ``ANALYSIS_LABEL``) gives ``text:finance`` when the same
    template speaks of listed securities (``SECURITIES``: a stock-code search box, a company's figures): the
    securities information service the 金融业 category covers
    (https://developers.weixin.qq.com/miniprogram/product/material/#金融业).

    Never raises on malformed markup: the tokenizer recovers and reports what it could read.
    """
    return list(_markup_facts(text, line_offset, scripts)[0])


def markup_unread(text: str, line_offset: int = 0) -> str | None:
    """What :func:`markup_facts` could not read of ``text`` (tags an unclosed attribute quote hid, by line,
    :mod:`mp_precheck.readers.quotes`) as one ``read in part: …`` note, or None when it read it all."""
    notes = _markup_facts(text, line_offset, ())[1]  # markup_facts's key: lru_cache keys the arguments as passed
    return f"read in part: {'; '.join(notes)}" if notes else None


@lru_cache(maxsize=8)  # a change to a page's script leaves its template as it was: the base's facts are the head's
def _markup_facts(text: str, line_offset: int, scripts: tuple[tuple[str, str], ...] = ()
                  ) -> tuple[tuple[Fact, ...], tuple[str, ...]]:
    """(:func:`markup_facts`, the notes of :func:`markup_unread`), once per (text, offset, scripts)."""
    collector = _Collector(line_offset, text, scripts)
    # html.parser treats <script>/<style> content as raw text; WXML has neither, Vue templates neither.
    feed_shared(collector, text)  # a malformed declaration stops it: the facts read before it stand
    collector.facts.extend(collector.runs.finish())
    if collector.securities:  # 预测 / 评级 on a page of stocks: the securities information service it offers
        collector.facts.extend(Fact(prefixed("text", "finance"), "text", line, shown)
                               for line, shown in collector.analyses)
    return tuple(other_numbers(collector.facts, text, line_offset)), tuple(dict.fromkeys(collector.unread))
