"""A form component that hands its whole form to its parent: a React / Taro component gives its ``<Form>`` the
submit callback its parent passed in (``<Form onSubmit={onSubmit}>`` with ``onSubmit`` taken out of its props,
``onSubmit={props.onSubmit}``, ``{this.props.onSubmit}``). Nothing in the component calls the callback, yet the
form's submit event reaches the parent's handler with every named field of the form — a text area's too — as
``event.detail.value`` (Taro's form: https://docs.taro.zone/docs/components/forms/form; the Mini Program's
``<form bindsubmit>``: https://developers.weixin.qq.com/miniprogram/dev/component/form.html).

In: a script's text and path (JSX / TSX). Out: (event, the form element's line span). Pure function of text;
JS/TS through tree-sitter. Never raises.
"""

from __future__ import annotations

from tree_sitter import Node

from mp_precheck.readers.relay import taken_props
from mp_precheck.readers.syntax import language_for, node_text, nodes_of, parse

_SUBMIT = "onSubmit"  # the submit event of Taro's <Form>, and of the UI kits' forms built on it (AtForm, Taroify)
_PROPS = ("props.", "this.props.")


def form_relays(text: str, path: str) -> list[tuple[str, range]]:
    """(the parent's event, lines of the form element) for each form of the script of ``path`` (an element whose
    name ends with ``form``: ``<Form>``, ``<AtForm>``) whose ``onSubmit`` is a callback prop the component was given
    as it is — its prop's name is the event the parent's tag handles (``<LostForm onSubmit={…}>``)."""
    if "props" not in text or _SUBMIT not in text:
        return []
    language = language_for(path)
    root = parse(language, text.encode("utf-8", "replace")).root_node
    taken = taken_props(root, language)
    out: list[tuple[str, range]] = []
    for tag in nodes_of(root, language, ("jsx_opening_element", "jsx_self_closing_element")):
        name = node_text(tag.child_by_field_name("name")).rsplit(".", 1)[-1]
        event = _passed_prop(tag, taken) if name.lower().endswith("form") else None
        if event is not None:
            element = tag.parent if tag.type == "jsx_opening_element" and tag.parent is not None else tag
            out.append((event, range(element.start_point[0] + 1, element.end_point[0] + 2)))
    return out


def _passed_prop(tag: Node, taken: dict[str, str]) -> str | None:
    """The name of the parent's callback prop the tag's ``onSubmit`` is given as it is, None for anything else
    (a handler of the component's own, an arrow doing its own work)."""
    for attribute in (c for c in tag.named_children if c.type == "jsx_attribute"):
        parts = attribute.named_children
        if len(parts) != 2 or node_text(parts[0]) != _SUBMIT or parts[1].type != "jsx_expression":
            continue
        value = node_text(parts[1]).strip("{} \t\n")
        held = taken.get(value) or next((value.removeprefix(p) for p in _PROPS if value.startswith(p)), "")
        if held.startswith("on") and held[2:3].isupper() and held.isidentifier():
            return held
    return None
