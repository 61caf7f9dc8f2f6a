"""A password field, in every spelling a Mini Program's markup gives one: ``input[type=password]``.

``<input type="password">`` is that subject by its ``type``, like any input type (:mod:`.markup`). The same field is
also written with WeChat's boolean ``password`` attribute — ``<input password>``, ``password="{{true}}"``, a toggle
``password="{{!shown}}"`` or ``:password="!shown"``, Taro's ``<Input password />`` — and as a UI kit's field typed
so (``<van-field type="password">``, ``<u-input>``, ``<uni-easyinput>``, ``<AtInput type='password'>``), which the
kit renders as an ``<input password>``. A ``password`` attribute written false (``password="{{false}}"``,
``:password="false"``) is a plain text field.
https://developers.weixin.qq.com/miniprogram/dev/component/input.html (``password``, ``type``)

In: an input field's normalised tag, its attributes (normalised name, literal value or None for a bare or bound
attribute, line) and its line. Out: the fact, or none. Never raises.
"""

from __future__ import annotations

from mp_precheck.facts.model import Fact

PASSWORD_FIELD = "input[type=password]"
_OFF = frozenset({"false", "{{false}}", "0", "{{0}}"})  # a password attribute that switches the mask off


def password_field(tag: str, attributes: list[tuple[str, str | None, int]], line: int) -> list[Fact]:
    """``input[type=password]`` for an input field (``tag`` an ``input`` or a kit's field) that masks what is typed,
    unless its ``type`` already names it on an ``<input>`` (:mod:`.markup` gives that one); else []."""
    typed = any(name == "type" and (value or "").strip() == "password" for name, value, _line in attributes)
    if typed:
        return [] if tag == "input" else [Fact(PASSWORD_FIELD, "attribute", line, "password")]
    masked = any(name == "password" and "".join((value or "").split()).lower() not in _OFF
                 for name, value, _line in attributes)
    return [Fact(PASSWORD_FIELD, "attribute", line, "password")] if masked else []
