"""A page that names the generative model answering its user (``page_names`` of ``checks/model_services.yml``).

An AI chat on the app's own server need not show its answers as a conversation's turns (readers/modelchat.py): a
page titled 「ChatGPT 智能提问」 that posts the typed question to ``/ask`` and shows what comes back offers
generative AI all the same, and WeChat review files it under the 深度合成 categories (DEEPSYN in
docs/wechat-platform.md; https://developers.weixin.qq.com/minigame/dev/wxcloud/guide/extensions/extend/ai.html,
常见问题 4.1). The page says so in its own words: the text and labels of its template, its navigation bar title.

In: a template's text (WXML, or a single-file component whose ``<script>`` and ``<style>`` are not read), a title.
Out: the model names and AI-chat phrases those words hold, by line; whether a template holds a text box. Comments,
code blocks (``<wxs>``, ``<script>``) and attribute values other than labels are not read. Never raises.
"""

from __future__ import annotations

import re
from functools import cache
from html.parser import HTMLParser
from typing import Any

from mp_precheck.core.catalog import validated
from mp_precheck.core.recache import compiled
from mp_precheck.core.resources import data_dir
from mp_precheck.readers.htmlfeed import feed_shared

_CODE_TAGS = frozenset({"wxs", "script", "style"})  # their text is code or style, nothing a user reads
# Attributes whose value a user reads as a label or a title (``<t-demo title="…">``, ``<van-field label="…">``).
_LABELS = frozenset({"title", "label", "placeholder", "desc", "description", "text", "header", "subtitle"})
# Tags a user types text into: the native boxes and a kit's (``t-textarea``, ``van-field``, ``uni-easyinput``).
_BOX = compiled(r"(?:^|[-_])(?:input|textarea|field|easyinput)$|^(?:input|textarea|editor)$")
_NOT_TYPED = frozenset({"checkbox", "radio", "button", "hidden", "submit", "file"})


@cache
def _names() -> tuple[re.Pattern[str], tuple[str, ...]]:
    """(a pattern of the listed model names, the AI-chat phrases without spaces), lower case (read once)."""
    data: Any = validated(data_dir("checks") / "model_services.yml", "model_services.schema.json", check=False)
    table = data["page_names"]
    names = sorted((re.escape(n.lower()) for n in table["models"]), key=len, reverse=True)
    pattern = compiled(r"(?<![a-z0-9])(?:" + "|".join(names) + r")(?![a-z])")
    return pattern, tuple(p.lower().replace(" ", "") for p in table["phrases"])


def model_named(text: str) -> str | None:
    """The first model name or AI-chat phrase ``text`` holds (``ChatGPT``, ``AI 助手``), as written in the table;
    None when it names none."""
    pattern, phrases = _names()
    low = text.lower()
    found = pattern.search(low)
    if found is not None:  # as the text spells it (ChatGPT), where lowering kept its length
        return text[found.start():found.end()] if len(low) == len(text) else found.group(0)
    squeezed = re.sub(r"\s+", "", low)
    return next((p for p in phrases if p in squeezed), None)


class _Words(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.named: list[tuple[int, str]] = []
        self.box = False
        self._code = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._code += tag in _CODE_TAGS
        if self._code:
            return
        values = dict(attrs)
        if _BOX.search(tag) and (values.get("type") or "").lower() not in _NOT_TYPED:
            self.box = True
        for key, value in attrs:
            name = model_named(value) if key.lower() in _LABELS and value and "{{" not in value else None
            if name is not None:
                self.named.append((self.getpos()[0], name))

    def handle_endtag(self, tag: str) -> None:
        self._code -= tag in _CODE_TAGS and self._code > 0

    def handle_data(self, data: str) -> None:
        if self._code or (name := model_named(data)) is None:
            return
        leading = data[:len(data) - len(data.lstrip())]
        self.named.append((self.getpos()[0] + leading.count("\n"), name))


def template_words(template: str) -> tuple[list[tuple[int, str]], bool]:
    """((1-based line, name) of each text or label of ``template`` naming a model, in order; whether it holds a
    box the user types into — ``<input>`` of a typed kind, ``<textarea>``, ``<editor>`` or a kit's field)."""
    parser = _Words()
    feed_shared(parser, template)
    return parser.named, parser.box
