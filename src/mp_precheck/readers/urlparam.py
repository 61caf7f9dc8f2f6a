"""Which argument of a project request wrapper is its endpoint: the parameter that reaches the ``url`` of the
request the wrapper makes inside (``function http(method, body, path, done) { wx.request({ url: host + path,
method, data: body }) }`` takes its endpoint third), read from the wrapper's definition, not assumed first.
A call of it (``net.http('POST', body, urls.addComment, done)``) names its endpoint at that position.
wx.request's ``url``: https://developers.weixin.qq.com/miniprogram/dev/api/network/request/wx.request.html
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from tree_sitter import Language, Node

from mp_precheck.facts.model import Fact
from mp_precheck.readers.syntax import language_for, node_text, nodes_of, parse
from mp_precheck.readers.textflow import param_name, script_block

_FUNCTIONS = ("arrow_function", "function_expression", "function", "function_declaration", "method_definition")
_DEFINITIONS = ("method_definition", "pair", "function_declaration", "variable_declarator")


def url_parameter(text: str, path: str, name: str) -> int | None:
    """The 0-based position of the parameter of the function ``name`` defined in the script of ``path`` (its
    ``text``: a declared function, a ``const name = (…) => …``, an object member or a method) whose value builds
    the ``url`` option of a call it makes; None when the script defines no such function, or its request's url
    is built from no parameter (a wrapper with one fixed endpoint)."""
    source, grammar, _offset = script_block(text, path)
    if not source:
        return None
    language = language_for(grammar)
    root = parse(language, source.encode("utf-8", "replace")).root_node
    for function in _definitions(root, language, name):
        params = function.child_by_field_name("parameters") or function.child_by_field_name("parameter")
        order = [param_name(p) for p in (params.named_children if params is not None and params.type !=
                                          "identifier" else [params] if params is not None else [])]
        used = _url_names(function, language)
        found = next((i for i, param in enumerate(order) if param and param in used), None)
        if found is not None:
            return found
    return None


def _definitions(root: Node, language: Language, name: str) -> list[Node]:
    """The functions the script defines under ``name``."""
    out: list[Node] = []
    for node in nodes_of(root, language, _DEFINITIONS):
        key = node.child_by_field_name("key" if node.type == "pair" else "name")
        value = node if node.type in ("method_definition", "function_declaration") else node.child_by_field_name(
            "value")
        if key is not None and value is not None and value.type in _FUNCTIONS and node_text(key).strip("'\"") == name:
            out.append(value)
    return out


def _url_names(function: Node, language: Language) -> set[str]:
    """The names the ``url`` option of the calls inside ``function`` is built from (``url: host + url`` →
    ``host``, ``url``; a shorthand ``{ url }`` → ``url``)."""
    out: set[str] = set()
    for pair in nodes_of(function, language, ("pair",)):
        key = pair.child_by_field_name("key")
        value = pair.child_by_field_name("value")
        if key is not None and value is not None and node_text(key).strip("'\"") == "url":
            out |= _identifiers(value)
    for node in nodes_of(function, language, ("shorthand_property_identifier",)):
        out |= {"url"} if node_text(node) == "url" and node.parent is not None and node.parent.type == "object" \
            else set()
    return out


def _identifiers(node: Node) -> set[str]:
    """The plain names inside ``node`` (``host + url`` → both; ``` `${base}${path}` ``` → both)."""
    stack, out = [node], set()
    while stack:
        current = stack.pop()
        if current.type == "identifier":
            out.add(node_text(current))
        stack.extend(current.named_children)
    return out


def endpoint_positions(read: Callable[[str], str | None], calls: Iterable[Fact]) -> dict[int, int]:
    """{line: position of its endpoint argument} for each of ``calls`` made through a project wrapper (its
    ``role`` ``via:<path>#<name>``) whose definition, read by ``read`` (path → text), takes its endpoint at another
    position than first (:func:`url_parameter`); other calls are left out (their endpoint is first or in ``url``)."""
    out: dict[int, int] = {}
    for call in calls:
        path, _, name = (call.role or "").removeprefix("via:").partition("#") if (call.role or "").startswith(
            "via:") else ("", "", "")
        text = read(path) if path and name else None
        position = url_parameter(text, path, name.rsplit(".", 1)[-1]) if text else None
        if position:
            out[call.line] = position
    return out
