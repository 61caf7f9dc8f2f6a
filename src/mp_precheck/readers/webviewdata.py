"""URLs a page keeps in the data its ``<web-view src>`` is bound to: web pages the page opens, not servers.

A web-view page usually reads the address it opens from its query and falls back on a default:
``this.url = url ? decodeURIComponent(url) : 'https://h5.example.cn/#/home'`` (mpx, Vue), ``this.setData({ url:
options.url || 'https://…' })`` or ``data: { url: 'https://…' }`` (native), ``const url = ref('https://…')`` (Vue 3),
with ``<web-view src="{{url}}">`` / ``<web-view :src="url">`` in the page's template. The Mini Program requests
nothing there: the web-view opens the address as a web page, whose host needs a 业务域名, not a 服务器域名
(https://developers.weixin.qq.com/miniprogram/dev/component/web-view.html,
https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html). Only a literal that is (a branch
of) the whole value written into a name the web-view's ``src`` reads is taken: the page's ``data`` (an object
under ``data``, returned by ``data()``, or handed to ``setData``), an assignment to a member of that name, or a
variable of it the script's top level declares with the literal (or a ``ref`` of it). The same host requested
anywhere else keeps its role there. Read with the tree-sitter tree and the template with html.parser; pure,
nothing raises.
"""

from __future__ import annotations

from collections.abc import Sequence
from html.parser import HTMLParser

from tree_sitter import Node

from mp_precheck.core.lazyre import lazy
from mp_precheck.core.subject import prefixed
from mp_precheck.facts.model import Fact
from mp_precheck.readers.htmlfeed import feed_safely
from mp_precheck.readers.syntax import FUNCTION_NODES, language_for, node_text, nodes_of, parse, string_value
from mp_precheck.readers.urls import find_urls

_SOURCES = frozenset({"src", ":src", "v-bind:src"})
# A bound src that is one name or member path (url, {{ url }}, state.url, this.url): its last name is read.
_BOUND = lazy(r"\s*(?:\{\{)?\s*(?:[A-Za-z_$][\w$]*\s*\.\s*)*([A-Za-z_$][\w$]*)\s*(?:\}\})?\s*")
# What a literal can sit in and still be (a branch of) the value: a ? b : '…', a || '…', '…' + path, (…).
_WITHIN = frozenset({"ternary_expression", "parenthesized_expression", "binary_expression", "as_expression"})
_JOINS = frozenset({"||", "??", "+"})
_REFS = frozenset({"ref", "shallowRef", "useState"})  # Vue 3's refs, React's state: the variable holds the value


class _WebViews(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.names: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag.lower() not in ("web-view", "webview"):
            return
        for name, value in attrs:
            bound = name in (":src", "v-bind:src") or (value is not None and "{{" in value)
            if name in _SOURCES and bound and value and (match := _BOUND.fullmatch(value)) is not None:
                self.names.add(match.group(1))


def web_view_names(template: str) -> frozenset[str]:
    """The names a template's ``<web-view>`` binds its ``src`` to whole: ``src="{{url}}"`` and ``:src="url"`` give
    ``url``, ``src="{{page.link}}"`` gives ``link``; a src built from several values gives none."""
    if "web-view" not in template and "webview" not in template.lower():
        return frozenset()
    parser = _WebViews()
    feed_safely(parser, template)
    return frozenset(parser.names)


def with_web_view_data(facts: Sequence[Fact], script: str, path: str, offset: int,
                       template: tuple[str, int] | None) -> list[Fact]:
    """``facts`` of a page's script (``script`` at ``path``, lines shifted by ``offset``) with each host (role
    ``code``) written into a name its ``template`` (text, line offset) binds to a ``<web-view src>`` made a
    ``web-view-host:`` fact (role ``web-view``), as a ``<web-view src="https://…">`` literal is."""
    out = list(facts)
    lines = {f.line for f in facts if f.kind == "host" and f.role == "code"}
    names = web_view_names(template[0]) if template is not None and lines else frozenset()
    if not names:
        return out
    language = language_for(path)
    root = parse(language, script.encode("utf-8", "surrogatepass")).root_node
    opened = {(node.start_point[0] + 1 + offset, "host:" + url.host)
              for node in nodes_of(root, language, ("string", "template_string"))
              if node.start_point[0] + 1 + offset in lines and held_by(node) in names
              for url in find_urls(string_value(node) or "")}
    return [Fact(prefixed("web-view-host", f.subject.removeprefix("host:")), "host", f.line, f.value, "web-view")
            if f.kind == "host" and f.role == "code" and (f.line, f.subject) in opened else f for f in out]


def held_by(literal: Node) -> str:
    """The page data name the string ``literal`` is (a branch of) the value of: ``url`` for ``this.url = u ?
    decodeURIComponent(u) : '…'``, ``setData({ url: u || '…' })``, ``data: { url: '…' }``, ``data() { return
    { url: '…' } }``, ``const url = ref('…')``; "" for any other place (a call's option, a constant's name)."""
    value = literal
    while value.parent is not None and value.parent.type in _WITHIN and _keeps(value.parent, value):
        value = value.parent
    parent = value.parent
    if parent is not None and parent.type == "arguments" and parent.parent is not None and \
            node_text(parent.parent.child_by_field_name("function")) in _REFS:
        value, parent = parent.parent, parent.parent.parent  # ref('…'): the variable the ref is declared as
    if parent is None:
        return ""
    if parent.type == "assignment_expression" and parent.child_by_field_name("right") == value:
        left = parent.child_by_field_name("left")
        return node_text(left.child_by_field_name("property")) if left is not None and \
            left.type == "member_expression" else ""
    if parent.type == "variable_declarator" and parent.child_by_field_name("value") == value and _top(parent):
        name = parent.child_by_field_name("name")  # <script setup>'s own names: a function's are its locals
        return node_text(name) if name is not None and name.type == "identifier" else ""
    if parent.type == "pair" and parent.child_by_field_name("value") == value and _page_data(parent.parent):
        return node_text(parent.child_by_field_name("key")).strip("'\"")
    return ""


def _top(node: Node) -> bool:
    """Whether ``node`` sits at the script's top level, in no function."""
    scope = node.parent
    while scope is not None and scope.type not in FUNCTION_NODES:
        scope = scope.parent
    return scope is None


def _keeps(expression: Node, part: Node) -> bool:
    """Whether ``part`` of ``expression`` is (a piece of) its value: a branch of ``a ? b : c`` (not the test), a
    side of ``||`` / ``??`` / ``+``."""
    if expression.type == "ternary_expression":
        return expression.child_by_field_name("condition") != part
    if expression.type == "binary_expression":
        operator = expression.child_by_field_name("operator")
        return operator is not None and node_text(operator) in _JOINS
    return True


def _page_data(obj: Node | None) -> bool:
    """Whether ``obj`` is a page's data: the object under ``data:``, the one ``data()`` returns, or the one handed
    to ``setData`` (``this.setData({…})``)."""
    if obj is None or obj.type != "object" or obj.parent is None:
        return False
    parent = obj.parent
    if parent.type == "pair":
        return node_text(parent.child_by_field_name("key")).strip("'\"") == "data"
    if parent.type == "arguments" and parent.parent is not None:
        callee = parent.parent.child_by_field_name("function")
        name = callee.child_by_field_name("property") if callee is not None and \
            callee.type == "member_expression" else callee
        return node_text(name) == "setData"
    node: Node | None = parent
    while node is not None and node.type in ("return_statement", "parenthesized_expression", "statement_block"):
        node = node.parent
    if node is None or node.type not in FUNCTION_NODES:
        return False
    named = node.child_by_field_name("name") or (node.parent.child_by_field_name("key") if node.parent else None)
    return node_text(named) == "data"
