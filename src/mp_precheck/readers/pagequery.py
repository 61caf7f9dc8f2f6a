"""URLs a script hands to another page in the query of a page jump, and the page they go to.

``wx.navigateTo({ url: '/pages/web/index?url=' + encodeURIComponent(link) })`` with ``const link = 'https://…'``
(or the URL written into the query, or a template string ```/pages/web/index?url=${…}```): the Mini Program
requests nothing there, it opens a page and hands it the address. Whether that address needs a 服务器域名 or a
业务域名 depends on the page that receives it — one that shows it in a ``<web-view src>`` opens it as a web page,
which needs a business domain (https://developers.weixin.qq.com/miniprogram/dev/component/web-view.html), not a
request domain. This reader only marks such hosts (role ``page-query:<route>``, the route as written when it
starts with ``/``, else resolved against the script's folder); facts/store.py looks at the target page
(readers/webviewpages.py). Read with the tree-sitter tree; pure, nothing raises.
"""

from __future__ import annotations

import posixpath
from collections.abc import Sequence

from msgspec.structs import replace
from tree_sitter import Node

from mp_precheck.facts.model import Fact
from mp_precheck.readers.syntax import (
    FUNCTION_NODES,
    call_option,
    language_for,
    node_text,
    nodes_of,
    parse,
    string_value,
    walk,
)
from mp_precheck.readers.urls import find_urls

PAGE_QUERY = "page-query:"  # the role prefix of a host handed to a page in a jump's query
# The route APIs that open a page of the app with a query (wx / uni / Taro spell them alike).
# https://developers.weixin.qq.com/miniprogram/dev/api/route/wx.navigateTo.html
_JUMPS = ("navigateTo", "redirectTo", "reLaunch")
_STRINGS = ("string", "template_string")
_DECLARATIONS = ("lexical_declaration", "variable_declaration")


def with_page_queries(facts: Sequence[Fact], script: str, path: str, offset: int = 0) -> list[Fact]:
    """``facts`` of a script (``script`` at ``path``, lines shifted by ``offset``) with the hosts (role ``code``)
    a page jump hands to another page in its query given the role ``page-query:<route>``."""
    out = list(facts)
    if not any(f.kind == "host" and f.role == "code" for f in facts) or not any(j in script for j in _JUMPS):
        return out
    language = language_for(path)
    root = parse(language, script.encode("utf-8", "surrogatepass")).root_node
    handed: dict[tuple[int, str], str] = {}  # (line, host) -> route
    for call in nodes_of(root, language, ("call_expression",)):
        callee = call.child_by_field_name("function")
        jump = callee.child_by_field_name("property") if callee is not None and callee.type == "member_expression" \
            else None
        url = call_option(call, "url") if jump is not None and node_text(jump) in _JUMPS else None
        route = _route(url, path) if url is not None else None
        if url is None or route is None:
            continue
        for literal in _handed_literals(url, call):
            value = string_value(literal) or ""
            if literal == url:
                value = value.partition("?")[2]  # the route itself is no host: its query's URLs are
            for found in find_urls(value):
                handed[(literal.start_point[0] + 1 + offset, f"host:{found.host}")] = route
    return [replace(f, role=PAGE_QUERY + handed[(f.line, f.subject)])
            if f.kind == "host" and f.role == "code" and (f.line, f.subject) in handed else f for f in out]


def _route(url: Node, path: str) -> str | None:
    """The page a jump's ``url`` expression opens (its leading string up to ``?``), when it carries a query."""
    first = url
    while first.type in ("binary_expression", "parenthesized_expression") and first.named_child_count:
        first = first.named_children[0]
    text = string_value(first) if first.type in _STRINGS else None
    if not text or "?" not in text:
        return None
    page = text.partition("?")[0]
    if not page or "://" in page:
        return None
    return page if page.startswith("/") else posixpath.normpath(posixpath.join(posixpath.dirname(path), page))


def _handed_literals(url: Node, call: Node) -> list[Node]:
    """The string literals a jump's ``url`` expression carries: those written in it, and the value of each variable
    it reads that the enclosing function, else the script's top level, declares with a literal."""
    found = [n for n in walk(url) if n.type in _STRINGS]
    names = {n.text for n in walk(url) if n.type == "identifier"}
    scope = call.parent
    while scope is not None and scope.type not in FUNCTION_NODES:
        scope = scope.parent
    top = call
    while top.parent is not None:
        top = top.parent
    declarators = [n for n in walk(scope) if n.type == "variable_declarator"] if scope is not None else []
    declarators += [d for statement in top.named_children if statement.type in _DECLARATIONS
                    for d in statement.named_children if d.type == "variable_declarator"]
    for node in declarators:
        name, value = node.child_by_field_name("name"), node.child_by_field_name("value")
        if name is not None and name.text in names and value is not None and value.type in _STRINGS:
            found.append(value)
    return found
