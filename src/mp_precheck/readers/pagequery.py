"""URLs a script hands to another page in a page jump, and the page they go to.

``wx.navigateTo({ url: '/pages/web/index?url=' + encodeURIComponent(link) })`` with ``const link = 'https://…'``
(or the URL written into the query, or a template string ```/pages/web/index?url=${…}```): the Mini Program
requests nothing there, it opens a page and hands it the address. WePY 1.x hands it as ``$navigate(route,
params)`` / ``$redirect(route, params)`` (the params object becomes the query) or as ``$preload(key, data)``
before the jump (the next page reads it in ``onLoad(options, {preload})``): ``$route`` and ``$preload`` in
https://github.com/Tencent/wepy/blob/1.7.x/packages/wepy/src/page.js. The address may be a parameter of a helper
the page calls with it (``open(title, url) { …navigateTo… }`` called as ``this.open('…', link)``): the value each
caller passes is read. A project's route helper may name the page by a route table's key and take the query's
values (``navigateTo('web-view', { url: link })``): the route is then that key (``@web-view``). Whether that
address needs a 服务器域名 or a 业务域名 depends on the page that receives it
— one that shows it in a ``<web-view src>`` opens it as a web page, which needs a business domain
(https://developers.weixin.qq.com/miniprogram/dev/component/web-view.html), not a request domain. This reader only
marks such hosts (role ``page-query:<route>``, the route as written when it starts with ``/``, else resolved
against the script's folder); facts/store.py looks at the target page (facts/handedpages.py). Read with the
tree-sitter tree; pure, nothing raises.
"""

from __future__ import annotations

import posixpath
from collections.abc import Sequence

from msgspec.structs import replace
from tree_sitter import Node

from mp_precheck.core.lazyre import lazy
from mp_precheck.facts.model import Fact
from mp_precheck.readers.syntax import (
    FUNCTION_NODES,
    call_option,
    language_for,
    node_text,
    nodes_of,
    object_property,
    parse,
    string_value,
    walk,
)
from mp_precheck.readers.urls import find_urls

PAGE_QUERY = "page-query:"  # the role prefix of a host handed to a page in a jump's query
# The route APIs that open a page of the app with a query (wx / uni / Taro spell them alike).
# https://developers.weixin.qq.com/miniprogram/dev/api/route/wx.navigateTo.html
_JUMPS = ("navigateTo", "redirectTo", "reLaunch")
# WePY 1.x's page jumps, ``(route, params)``: the params object is written into the route's query.
_ROUTE_JUMPS = ("$navigate", "$redirect")
_PRELOAD = "$preload"  # WePY 1.x: data handed to the page the next jump opens
_STRINGS = ("string", "template_string")
_DECLARATIONS = ("lexical_declaration", "variable_declaration")
_NAMES = ("identifier", "shorthand_property_identifier")
# A route table's key a project's jump helper takes for a page (``'web-view'``, ``'articleDetail'``).
_ROUTE_NAME = lazy(r"[A-Za-z][\w-]*")
NAMED_ROUTE = "@"  # the route of a page named by a route table's key
_HOPS = 2  # helpers followed from a jump to the callers that pass them the address


def with_page_queries(facts: Sequence[Fact], script: str, path: str, offset: int = 0) -> list[Fact]:
    """``facts`` of a script (``script`` at ``path``, lines shifted by ``offset``) with the hosts (role ``code``)
    a page jump hands to another page in its query given the role ``page-query:<route>``."""
    out = list(facts)
    if not any(f.kind == "host" and f.role == "code" for f in facts) \
            or not any(j in script for j in (*_JUMPS, *_ROUTE_JUMPS)):
        return out
    language = language_for(path)
    root = parse(language, script.encode("utf-8", "surrogatepass")).root_node
    calls = nodes_of(root, language, ("call_expression",))
    handed: dict[tuple[int, str], str] = {}  # (line, host) -> route
    for call in calls:
        name = _callee_name(call)
        url: Node | None
        params: Node | None
        if name in _JUMPS and (named := _named_route(call)) is not None:
            url, params = named  # a project's helper: navigateTo('web-view', { url: 'https://…' })
        elif name in _JUMPS:
            url, params = call_option(call, "url"), None
        elif name in _ROUTE_JUMPS:  # $navigate({ url }) passes wx's options on
            url, params = _argument(call, 0), _argument(call, 1)
            url = object_property(url, "url") if url is not None and url.type == "object" else url
        else:
            continue
        carried = ([params] if params is not None else []) + _preloaded(call, calls)
        route = _route(url, path, bool(carried)) if url is not None else None
        if url is None or route is None:
            continue
        for literal in _handed_literals([url, *carried], call, root, calls, _HOPS):
            value = string_value(literal) or ""
            if literal == url:
                value = value.partition("?")[2]  # the route itself is no host: its query's URLs are
            for found in find_urls(value):
                handed[(literal.start_point[0] + 1 + offset, f"host:{found.host}")] = route
    return [replace(f, role=PAGE_QUERY + handed[(f.line, f.subject)])
            if f.kind == "host" and f.role == "code" and (f.line, f.subject) in handed else f for f in out]


def _callee_name(call: Node) -> str:
    """The name a call calls: ``open`` of ``open(…)``, ``this.open(…)`` and ``wx.navigateTo`` alike."""
    callee = call.child_by_field_name("function")
    if callee is not None and callee.type == "member_expression":
        callee = callee.child_by_field_name("property")
    return node_text(callee) if callee is not None and callee.type in ("identifier", "property_identifier") else ""


def _argument(call: Node, index: int) -> Node | None:
    args = call.child_by_field_name("arguments")
    named = [a for a in args.named_children if a.type != "comment"] if args is not None else []
    return named[index] if index < len(named) else None


def _named_route(call: Node) -> tuple[Node, Node] | None:
    """(name, params) of a jump through a project's route helper that takes a route table's key and the query's
    values (``navigateTo('web-view', { url: link })``): a first argument that is a bare name (no path, no query),
    a second that is an object."""
    first, second = _argument(call, 0), _argument(call, 1)
    name = string_value(first) if first is not None and first.type in _STRINGS else None
    if first is None or not name or not _ROUTE_NAME.fullmatch(name) or second is None or second.type != "object":
        return None
    return first, second


def _preloaded(jump: Node, calls: list[Node]) -> list[Node]:
    """The data a WePY page hands the page it opens with ``$preload(key, data)`` (or ``$preload({key: data})``)
    in the function that jumps."""
    scope = _scope(jump)
    out = []
    for call in calls:
        if _callee_name(call) == _PRELOAD and _scope(call) == scope:
            data = _argument(call, 1) or _argument(call, 0)
            if data is not None:
                out.append(data)
    return out


def _scope(node: Node) -> Node | None:
    """The function ``node`` sits in, or None at the script's top level."""
    scope = node.parent
    while scope is not None and scope.type not in FUNCTION_NODES:
        scope = scope.parent
    return scope


def _route(url: Node, path: str, carried: bool) -> str | None:
    """The page a jump's ``url`` expression opens (its leading string up to ``?``), when it carries a query (or
    the jump hands the page data another way: ``carried``)."""
    first = url
    while first.type in ("binary_expression", "parenthesized_expression") and first.named_child_count:
        first = first.named_children[0]
    text = string_value(first) if first.type in _STRINGS else None
    if not text or ("?" not in text and not carried):
        return None
    page = text.partition("?")[0]
    if not page or "://" in page:
        return None
    if url.type in _STRINGS and _ROUTE_NAME.fullmatch(text) and carried:
        return NAMED_ROUTE + text  # a route table's key: facts/handedpages.py finds the page it names
    return page if page.startswith("/") else posixpath.normpath(posixpath.join(posixpath.dirname(path), page))


def _handed_literals(handed: list[Node], at: Node, root: Node, calls: list[Node], hops: int) -> list[Node]:
    """The string literals the expressions ``handed`` (at ``at``) carry: those written in them, and the value of
    each variable they read that the enclosing function, else the script's top level, declares with a literal;
    a parameter of the enclosing function, the values its callers in the script pass (up to ``hops`` helpers)."""
    found = [n for expression in handed for n in walk(expression) if n.type in _STRINGS]
    names = {n.text for expression in handed for n in walk(expression) if n.type in _NAMES}
    scope = _scope(at)
    declarators = [n for n in walk(scope) if n.type == "variable_declarator"] if scope is not None else []
    declarators += [d for statement in root.named_children if statement.type in _DECLARATIONS
                    for d in statement.named_children if d.type == "variable_declarator"]
    for node in declarators:
        name, value = node.child_by_field_name("name"), node.child_by_field_name("value")
        if name is not None and name.text in names and value is not None and value.type in _STRINGS:
            found.append(value)
            names.discard(name.text)
    if scope is None or hops <= 0:
        return found
    parameters = _parameters(scope)
    helper = _function_name(scope)
    for index in (i for i, p in enumerate(parameters) if p in names):
        for call in calls:
            if helper and _callee_name(call) == helper and (passed := _argument(call, index)) is not None:
                found += _handed_literals([passed], call, root, calls, hops - 1)
    return found


def _parameters(function: Node) -> list[bytes | None]:
    """The names of a function's parameters, in order (None for a pattern or a rest parameter)."""
    params = function.child_by_field_name("parameters") or function.child_by_field_name("parameter")
    if params is None:
        return []
    if params.type == "identifier":  # x => …
        return [params.text]
    out: list[bytes | None] = []
    for param in params.named_children:
        if param.type in ("required_parameter", "optional_parameter"):  # TypeScript
            param = param.child_by_field_name("pattern") or param
        elif param.type == "assignment_pattern":  # a default value
            param = param.child_by_field_name("left") or param
        if param.type != "comment":
            out.append(param.text if param.type == "identifier" else None)
    return out


def _function_name(function: Node) -> str:
    """The name a script calls a function by: a method's, a declaration's, or the variable or key holding it."""
    name = function.child_by_field_name("name")
    if name is None and function.parent is not None and function.parent.type in ("variable_declarator", "pair"):
        name = function.parent.child_by_field_name("name") or function.parent.child_by_field_name("key")
    return node_text(name) if name is not None and name.type in ("identifier", "property_identifier") else ""
