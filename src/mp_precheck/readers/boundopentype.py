"""The capability a button's ``open-type`` bound to data takes: ``<button :open-type="btnType"
@getphonenumber="onPhone">`` (Vue, mpx, uni-app) or ``<button open-type="{{openType}}"
bindgetphonenumber="onPhone">`` (WXML) asks for the phone number once the script sets ``btnType`` to
``getPhoneNumber``, though the template names no capability.

The values are read from the script of the same file (a single-file component): the string literals it assigns
to the bound name (``this.btnType = 'getPhoneNumber'``, ``btnType: 'share'`` in ``data`` or ``setData``,
``const openType = ref('chooseAvatar')``, a ternary's literals), whatever they are (``share`` stays a share
button). When the script assigns none (a WXML page, whose script is another file, or a value computed), the event
the button binds tells it: the button answers ``getphonenumber`` only as an ``open-type="getPhoneNumber"`` button
(https://developers.weixin.qq.com/miniprogram/dev/component/button.html, open-type and its events). A button
binding the events of several capabilities (a wrapper forwarding them all) names none by them, and a name the
component declares a prop (``props``, ``properties``, ``defineProps``) is set by its user, where the literal
``open-type`` is read as any other.

In: the bound expression, the element's attribute names, the component's scripts as (text, path) pairs. Out:
the ``open-type`` values; [] when nothing tells them. Never raises.
"""

from __future__ import annotations

from collections.abc import Iterable

from tree_sitter import Node

from mp_precheck.core.recache import compiled
from mp_precheck.readers.bound import branch_literals
from mp_precheck.readers.syntax import language_for, name_and_value, node_text, nodes_of, parse

# The event each capability of WeChat's button fires (button.html), lower-cased, hyphens dropped.
_EVENT_OPEN_TYPES = {
    "getphonenumber": "getPhoneNumber", "getrealtimephonenumber": "getRealtimePhoneNumber",
    "chooseavatar": "chooseAvatar", "getuserinfo": "getUserInfo", "opensetting": "openSetting",
    "agreeprivacyauthorization": "agreePrivacyAuthorization", "contact": "contact", "launchapp": "launchApp",
}
_EVENT_PREFIX = compiled(r"^(?:capture-bind:|capture-catch:|mut-bind:|bind:|catch:|v-on:|@|bind|catch)")
_NAME = compiled(r"[A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*)*")  # btnType, state.openType
_CAPABILITY = compiled(r"[A-Za-z]+(?:\|[A-Za-z]+)*")  # getPhoneNumber, getPhoneNumber|agreePrivacyAuthorization
_WRAPPERS = ("ref", "shallowRef", "reactive")  # Vue 3: const openType = ref('getPhoneNumber')
_BINDINGS = ("variable_declarator", "assignment_expression", "pair")
_DECLARED = ("pair", "shorthand_property_identifier", "string", "property_signature")


def bound_open_types(expression: str, attribute_names: Iterable[str],
                     scripts: Iterable[tuple[str, str]] = ()) -> list[str]:
    """The ``open-type`` values a button whose ``open-type`` is bound to ``expression`` (a data name, read as
    the module says) takes, with the names of its other attributes (``@getphonenumber``, ``bindchooseavatar``)
    and the component's ``scripts`` as (text, path); [] when neither tells."""
    stripped = expression.strip()
    if _NAME.fullmatch(stripped):
        name = stripped.rsplit(".", 1)[-1].strip()
        if any(declares_prop(text, path, name) for text, path in scripts):
            return []  # a wrapper's prop: its user writes the value (<my-button open-type="getUserInfo">)
        assigned = [value for text, path in scripts for value in assigned_values(text, path, name)]
        if assigned:
            return list(dict.fromkeys(assigned))
    answered = list(dict.fromkeys(kind for name in attribute_names if (kind := _answered(name)) is not None))
    return answered if len(answered) == 1 else []


def _answered(attribute: str) -> str | None:
    """The capability whose event the attribute binds (``@getphonenumber.stop`` → ``getPhoneNumber``), or None."""
    if not _EVENT_PREFIX.match(attribute):
        return None
    event = _EVENT_PREFIX.sub("", attribute).split(".", 1)[0].replace("-", "").lower()
    return _EVENT_OPEN_TYPES.get(event)


def assigned_values(text: str, path: str, name: str) -> list[str]:
    """The capability-shaped string literals the script ``text`` (at ``path``, for its grammar) assigns to
    ``name``: as a variable, a property (``this.name =``, ``name:``) or a Vue ref's ``.value``; '' left out."""
    if name not in text:
        return []
    language = language_for(path)
    root = parse(language, text.encode("utf-8", "surrogatepass")).root_node
    out: list[str] = []
    for node in nodes_of(root, language, _BINDINGS):
        named = name_and_value(node)
        if named is None or named[0] is None or named[1] is None or not _names(named[0], name):
            continue
        value = _unwrapped(named[1])
        out += [literal.strip() for literal in branch_literals(node_text(value))
                if _CAPABILITY.fullmatch(literal.strip())]
    return out


def declares_prop(text: str, path: str, name: str) -> bool:
    """Whether the script ``text`` declares ``name`` a prop of its component: a key or string of the ``props`` /
    ``properties`` option (``props: { openType: String }``, ``props: ['openType']``) or of ``defineProps``."""
    if name not in text:
        return False
    language = language_for(path)
    root = parse(language, text.encode("utf-8", "surrogatepass")).root_node
    for node in nodes_of(root, language, _DECLARED):
        key = node.child_by_field_name("key") if node.type == "pair" else \
            node.child_by_field_name("name") if node.type == "property_signature" else node
        if key is None or (node_text(key) != name and node_text(key)[1:-1] != name):
            continue
        holder = node.parent.parent if node.parent is not None else None  # the object or array, then its holder
        if holder is not None and holder.type in ("arguments", "type_arguments"):
            holder = holder.parent
        if holder is not None and holder.type == "pair" and \
                node_text(holder.child_by_field_name("key")).strip("'\"") in ("props", "properties"):
            return True
        if holder is not None and holder.type == "call_expression" and \
                node_text(holder.child_by_field_name("function")) == "defineProps":
            return True
    return False


def _names(target: Node, name: str) -> bool:
    """Whether an assignment's target or a pair's key is ``name`` (``name``, ``this.name``, ``'name'``,
    ``name.value``)."""
    if target.type in ("identifier", "property_identifier", "shorthand_property_identifier"):
        return node_text(target) == name
    if target.type == "string":
        return node_text(target)[1:-1] == name
    if target.type == "member_expression":
        prop, obj = target.child_by_field_name("property"), target.child_by_field_name("object")
        if node_text(prop) == name:
            return True
        return node_text(prop) == "value" and obj is not None and obj.type == "identifier" and node_text(obj) == name
    return False


def _unwrapped(value: Node) -> Node:
    """A Vue ``ref('x')``'s argument, else the value itself."""
    if value.type == "call_expression" and node_text(value.child_by_field_name("function")) in _WRAPPERS:
        args = value.child_by_field_name("arguments")
        if args is not None and args.named_children:
            return args.named_children[0]
    return value
