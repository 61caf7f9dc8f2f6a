"""A JSX component's render tree read as a template: its elements with the conditions that show them, and the
same tree written out as WXML, so the template readers of login walls (``readers/authoverlay.py``,
``readers/authpage.py``) read a Taro or Remax component as they read a WXML one.

A JSX element shows under the conditions of the expressions it sits in: ``{!userInfo ? (<View/>) : null}`` shows
the view while ``!userInfo`` holds (the other branch under ``!(…)`` of a flag, or nothing readable), and
``{a && !b && <View/>}`` while each of ``a`` and ``!b`` holds. Each is told as a ``wx:if`` condition, which
:func:`~mp_precheck.readers.authoverlay.shown_on_load` reads against the component's ``state``. The WXML
written out keeps the tags (``Button`` → ``button``), ``className`` as ``class``, ``openType`` as ``open-type``,
an ``onXxx`` handler as ``bindxxx`` (``onClick`` as ``bindtap``) and an expression child as ``{{…}}``.

In: a script's text and path. Out: :class:`Layers` (elements in source order, the WXML text, the style sheets the
script imports). Never raises: a broken script gives what its recovered tree holds.
Sources: https://docs.taro.zone/docs/components-desc (Taro's components are WeChat's),
https://developers.weixin.qq.com/miniprogram/dev/framework/view/wxml/conditional.html (wx:if).
"""

from __future__ import annotations

from msgspec import Struct
from tree_sitter import Node

from mp_precheck.readers.authoverlay import Element
from mp_precheck.readers.jsxruns import JSX_ELEMENTS, outermost_jsx
from mp_precheck.readers.markup import normalise_attribute, normalise_tag
from mp_precheck.readers.syntax import language_for, nodes_of, parse, string_value
from mp_precheck.readers.syntax import node_text as _text

_STYLES = (".css", ".scss", ".sass", ".less", ".styl", ".wxss")
_DEEPEST = 60  # a tree this deep is recovered from broken code, not a screen
_EVENTS = {"click": "tap"}  # React's name of WeChat's tap


class Layers(Struct, frozen=True):
    """The render trees of a script: ``elements`` in source order, ``template`` (WXML), the specifiers of the
    style sheets the script imports (``import './login.scss'``)."""

    elements: tuple[Element, ...]
    template: str
    sheets: tuple[str, ...]


def layers(script: str, path: str) -> Layers:
    """The :class:`Layers` of the JSX script ``script`` read as ``path`` (every JSX tree not inside another)."""
    language = language_for(path)
    root = parse(language, script.encode("utf-8", "surrogatepass")).root_node
    found: list[Element] = []
    out: list[str] = []
    for node in outermost_jsx(root, language):
        _read(node, _conditions(node), 0, found, out)
    sheets = tuple(spec for node in nodes_of(root, language, ("import_statement",))
                   if (source := node.child_by_field_name("source")) is not None
                   and (spec := string_value(source) or "").endswith(_STYLES))
    return Layers(tuple(found), "".join(out), sheets)


def _read(node: Node, conditions: tuple[tuple[str, str], ...], depth: int, found: list[Element],
          out: list[str]) -> None:
    """Add the element ``node`` (shown under ``conditions``) and what it holds to ``found`` and ``out``."""
    if depth > _DEEPEST:
        return
    opening = node.child_by_field_name("open_tag") if node.type == "jsx_element" else node
    name_node = opening.child_by_field_name("name") if opening is not None else None
    if name_node is None:  # a fragment: its children stand where it stands
        for child in node.named_children:
            _child(child, conditions, depth, found, out)
        return
    tag = _text(name_node).split(".")[-1]
    attrs = _attributes(opening)
    classes = tuple(attrs.get("class", "").split())
    found.append(Element(tag, node.start_point[0] + 1, classes, attrs.get("style", ""), conditions, depth))
    shown = " && ".join(expression for _key, expression in conditions)
    cond = f' wx:if="{{{{{_quoted(shown)}}}}}"' if shown else ""
    rendered = "".join(f' {key}="{_quoted(value)}"' for key, value in attrs.items())
    out.append(f"\n<{normalise_tag(tag)}{cond}{rendered}>")
    for child in node.named_children if node.type == "jsx_element" else ():
        _child(child, conditions, depth + 1, found, out)
    out.append(f"</{normalise_tag(tag)}>")


def _child(child: Node, conditions: tuple[tuple[str, str], ...], depth: int, found: list[Element],
           out: list[str]) -> None:
    if child.type in JSX_ELEMENTS:
        _read(child, conditions, depth, found, out)
    elif child.type == "jsx_text":
        out.append(_text(child).replace("<", " ").replace(">", " "))
    elif child.type == "jsx_expression" and child.named_children:
        inner = child.named_children[0]
        trees = [n for n in _walk_expression(inner) if n.type in JSX_ELEMENTS]
        if not trees:
            value = string_value(inner) if inner.type in ("string", "template_string") else None
            out.append(value if value is not None else "{{" + _quoted(_text(inner)) + "}}")
        for tree in trees:
            _read(tree, conditions + _conditions(tree, child), depth, found, out)


def _walk_expression(node: Node) -> list[Node]:
    """The JSX trees an expression child may render: through ``?:``, ``&&``, ``||`` and parentheses."""
    if node.type in JSX_ELEMENTS:
        return [node]
    if node.type == "parenthesized_expression":
        return [n for c in node.named_children for n in _walk_expression(c)]
    if node.type == "ternary_expression":
        return [n for key in ("consequence", "alternative")
                if (c := node.child_by_field_name(key)) is not None for n in _walk_expression(c)]
    if node.type == "binary_expression" and _operator(node) in ("&&", "||"):
        right = node.child_by_field_name("right")
        return _walk_expression(right) if right is not None else []
    return []


def _operator(node: Node) -> str:
    operator = node.child_by_field_name("operator")
    return operator.type if operator is not None else ""


def _conditions(node: Node, stop: Node | None = None) -> tuple[tuple[str, str], ...]:
    """The conditions under which the expressions between ``node`` and ``stop`` (its JSX expression child; for a
    tree not inside JSX, the function returning it: nothing) render it, outermost first."""
    found: list[tuple[str, str]] = []
    current, parent = node, node.parent
    while parent is not None and parent != stop:
        if parent.type == "ternary_expression":
            test = parent.child_by_field_name("condition")
            if test is not None and test != current:
                expression = _text(test)
                found[:0] = [("wx:if", c) for c in _conjuncts(test)] \
                    if parent.child_by_field_name("consequence") == current else [("wx:if", _negated(expression))]
        elif parent.type == "binary_expression" and _operator(parent) == "&&":
            left = parent.child_by_field_name("left")
            if left is not None and left != current:
                found[:0] = [("wx:if", c) for c in _conjuncts(left)]
        elif parent.type == "binary_expression" and _operator(parent) == "||":
            left = parent.child_by_field_name("left")
            if left is not None and left != current:
                found[:0] = [("wx:if", _negated(_text(left)))]
        elif parent.type != "parenthesized_expression" or stop is None:
            break
        current, parent = parent, parent.parent
    return tuple(found)


def _conjuncts(node: Node) -> list[str]:
    """``a && !b`` → ``a``, ``!b``; parentheses dropped."""
    while node.type == "parenthesized_expression" and node.named_children:
        node = node.named_children[0]
    if node.type == "binary_expression" and _operator(node) == "&&":
        left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
        return [*(_conjuncts(left) if left is not None else []), *(_conjuncts(right) if right is not None else [])]
    return [_text(node)]


def _negated(expression: str) -> str:
    """The negation of a flag (``!a`` → ``a``, ``a`` → ``!a``); another expression as ``!(…)``, read as no flag."""
    text = expression.strip()
    if text.startswith("!") and not text.startswith("!("):
        return text[1:].strip()
    return f"!{text}" if text.replace(".", "").replace("_", "").replace("$", "").isalnum() else f"!({text})"


def _attributes(opening: Node | None) -> dict[str, str]:
    """The attributes of a JSX opening tag as WXML writes them: string values, ``{{…}}`` for expressions, an
    inline style object as declarations."""
    out: dict[str, str] = {}
    for attribute in opening.named_children if opening is not None else ():
        if attribute.type != "jsx_attribute" or not attribute.named_children:
            continue
        raw = _text(attribute.named_children[0])
        value = attribute.named_children[1] if len(attribute.named_children) > 1 else None
        inner = value.named_children[0] if value is not None and value.type == "jsx_expression" and \
            value.named_children else value
        literal = string_value(inner) if inner is not None and inner.type in ("string", "template_string") else None
        if raw in ("className", "class"):
            out["class"] = literal if literal is not None else " ".join(_literals(inner))
        elif raw == "style" and inner is not None and inner.type == "object":
            out["style"] = "; ".join(f"{_css_name(k)}: {v}" for k, v in _pairs(inner))
        elif raw.startswith("on") and raw[2:3].isupper():
            event = raw[2:].lower()
            out["bind" + _EVENTS.get(event, event)] = _text(inner) if inner is not None else ""
        else:
            name = normalise_attribute(raw)
            out[name] = literal if literal is not None else \
                ("{{" + _text(inner) + "}}" if inner is not None else "true")
    return out


def _literals(node: Node | None) -> list[str]:
    """The class names a bound ``className`` may hold (``{a ? "x" : "x y"}``: both)."""
    if node is None:
        return []
    if node.type in ("string", "template_string"):
        return [string_value(node) or ""]
    return [s for c in node.named_children for s in _literals(c)]


def _pairs(node: Node) -> list[tuple[str, str]]:
    found = []
    for pair in node.named_children:
        key, value = pair.child_by_field_name("key"), pair.child_by_field_name("value")
        if pair.type == "pair" and key is not None and value is not None:
            text = string_value(value) if value.type == "string" else _text(value)
            found.append((_text(key).strip("'\""), text or ""))
    return found


def _css_name(key: str) -> str:
    return "".join(f"-{c.lower()}" if c.isupper() else c for c in key)


def _quoted(text: str) -> str:
    return text.replace('"', "'").replace("<", " ").replace(">", " ")
