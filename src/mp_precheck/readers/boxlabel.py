"""What a text box says it is for in its own words: the label its row or cell shows before it (``<text>备注说明</text>``
in the cell of a ``<textarea>``, ``<van-field label="留言">``) and the names its value and input handler are bound to
(``value="{{clientRemark}}" bindinput="inputClientRemark"``). A reader of the box's scene weighs them with its
placeholder: a remark on one's own record is no post, whatever page it sits on.

In: a markup file's text (WXML, a Vue template, JSX) and the line a text box's tag opens on. Out: strings, empty
when the box shows and binds nothing. Pure functions of text; a small tag scanner, no parse tree. Never raise.
Text boxes: https://developers.weixin.qq.com/miniprogram/dev/component/textarea.html
"""

from __future__ import annotations

import re

from mp_precheck.core.lazyre import lazy
from mp_precheck.core.recache import compiled
from mp_precheck.readers.boxhandlers import box_handlers
from mp_precheck.readers.textflow import tag_at

_TAG = lazy(r"<(/?)([A-Za-z][\w:.-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*'|\{[^{}]*\})*?)(/?)>")
_COMMENT = lazy(r"<!--.*?-->", re.S)
_EXPRESSION = compiled(r"\{\{.*?\}\}|\{[^{}]*\}|&[a-z]+;|&#\d+;")  # {{name}}, a JSX {expr}, &nbsp;
# A kit field's own caption (``<van-field label="备注">``, ``<uni-forms-item title="留言">``).
_CAPTION = lazy(r"(?:^|\s)(?:label|title)\s*=\s*(?:\"([^\"{}]*)\"|'([^'{}]*)')")
# The box's bound value: WXML ``value="{{x}}"`` / ``model:value``, Vue ``v-model`` / ``:value``, JSX ``value={x}``.
_BOUND = compiled(r"(?:^|\s)(?:v-model(?:\.\w+)*|wx:model|model:value|:value|value)\s*=\s*"
                  r"(?:\"([^\"]*)\"|'([^']*)'|\{([^{}]*)\})")
_NAME = compiled(r"[A-Za-z_$][\w$.]*")
_VOID = frozenset({"input", "image", "img", "br", "hr", "icon", "radio", "checkbox", "switch", "slider"})
_LEVELS = 3  # the box's own cell: its parent, the row around it, the row's group — not the page's heading
_LONGEST = 16  # a label is a few words (备注说明, 留言内容), not a paragraph of the page


def own_words(markup: str, line: int) -> tuple[str, ...]:
    """The label of the text box opening on ``line`` (:func:`box_label`), its literal ``label``/``title`` attribute,
    the names its value is bound to and the methods its input events name: what the box itself says it is for."""
    tag = tag_at(markup, line)
    label = box_label(markup, line)
    captions = [next(g for g in m.groups() if g is not None) for m in _CAPTION.finditer(tag)]
    bound = [name for m in _BOUND.finditer(tag) for name in _NAME.findall(next(g for g in m.groups() if g is not None))]
    return tuple(s for s in (label, *captions, *bound, *sorted(box_handlers(markup, line))) if s)


def box_label(markup: str, line: int) -> str:
    """The last text shown before the text box opening on ``line`` inside its nearest enclosing element that shows
    any (up to :data:`_LEVELS` levels up): its row's or cell's title (``<view class="title"><text>备注说明</text>
    </view>`` before ``<view class="input"><textarea …/></view>``), a form item's literal caption (``<u-form-item
    label="备注">``). Bound text (``{{name}}``) is no label; "" when
    none is shown or it is longer than a label."""
    starts = [0] + [m.end() for m in re.finditer("\n", markup)]
    if not 1 <= line <= len(starts):
        return ""
    box = tag_at(markup, line)
    at = markup.find(box, starts[line - 1]) if box else -1
    if at < 0:
        return ""
    # a single-file component's template, not the script before it
    begin = max(markup.find("<template", 0, at), 0)
    text = _COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), markup[begin:at])
    stack: list[list[str]] = [[]]  # the runs of text shown inside each open element, the outermost first
    end = 0
    for tag in _TAG.finditer(text):
        _run(stack[-1], text[end:tag.start()])
        end = tag.end()
        closing, name, attrs, empty = tag.groups()
        if closing:
            if len(stack) > 1:
                inner = stack.pop()
                stack[-1].extend(inner)  # a closed child's text is its parent's too: the cell's title
        elif not empty and name.lower() not in _VOID:  # a form item's caption shows before what it holds
            stack.append([next(g for g in m.groups() if g is not None) for m in _CAPTION.finditer(attrs)])
    _run(stack[-1], text[end:])
    for runs in reversed(stack[1:][-_LEVELS:]):  # elements only: the file's top level is the page, no cell
        if runs:
            return runs[-1] if len(runs[-1]) <= _LONGEST else ""
    return ""


def _run(runs: list[str], between: str) -> None:
    """Add the words ``between`` two tags show, without bound expressions and entities, to ``runs``."""
    shown = _EXPRESSION.sub(" ", between).strip().strip(":：*").strip()
    if shown and not any(ch in shown for ch in "{}();=<>"):
        runs.append(shown)
