"""Literal page routes: ``wx.navigateTo({ url: '/pages/a/a?id=1' })`` (also ``redirectTo``, ``reLaunch``,
``switchTab``, on the ``wx`` / ``uni`` / ``Taro`` namespaces; read with tree-sitter) and ``<navigator url>`` in
templates. A URL whose page path is literal and only the query is built counts up to its ``?``
(``'/pages/a/a?id=' + id``, ```/pages/a/a?id=${id}```), also when passed through a variable of the calling
function (``let url = …; wx.navigateTo({ url })``); a path with anything computed in it is not resolved.
Sources: https://developers.weixin.qq.com/miniprogram/dev/api/route/wx.navigateTo.html and
https://developers.weixin.qq.com/miniprogram/dev/component/navigator.html
"""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser

from tree_sitter import Node

from mp_precheck.readers.htmlfeed import feed_shared
from mp_precheck.readers.jsbindings import NAMESPACES
from mp_precheck.readers.markup import capability_value
from mp_precheck.readers.syntax import call_option, language_for, node_text, nodes_of, parse, string_value, walk

ROUTE_APIS = frozenset({"navigateTo", "redirectTo", "reLaunch", "switchTab"})
_MINI_PROGRAM = "navigateToMiniProgram"  # opens a page of another Mini Program by its ``path`` option

Route = tuple[str, int]  # (URL as written, 1-based line)


def script_routes(text: str, path: str, line_offset: int = 0) -> list[Route]:
    """The URLs of the route calls in a script (``path`` picks JS or TS), each at the line of the value giving it:
    literal ones whole, those whose page is literal and only the query is built up to the ``?``; the URL of a
    variable (``{ url }``, ``{ url: target }``) is each value the calling function gives it before the call."""
    if not any(api in text for api in ROUTE_APIS):
        return []  # most scripts navigate nowhere: not parsed again
    language = language_for(path)
    root = parse(language, text.encode("utf-8", "surrogatepass")).root_node
    out = []
    for node in nodes_of(root, language, ("call_expression",)):  # found by tree-sitter's query engine
        callee = node.child_by_field_name("function")
        if callee is None or callee.type != "member_expression":
            continue
        owner = callee.child_by_field_name("object")
        if node_text(callee.child_by_field_name("property")) not in ROUTE_APIS or \
                owner is None or node_text(owner) not in NAMESPACES:
            continue
        url = call_option(node, "url", shorthand=True)
        if url is None or unreachable(node):
            continue
        for value in _bound_values(node, url) if url.type in ("identifier", "shorthand_property_identifier") else [url]:
            literal = _literal(value) or _built_page(value)
            if literal:
                out.append((literal, value.start_point[0] + 1 + line_offset))
    return out


_FUNCTIONS = frozenset({"function_declaration", "function_expression", "function", "arrow_function",
                        "method_definition", "generator_function_declaration"})


def _bound_values(call: Node, name_node: Node) -> list[Node]:
    """The values the function around ``call`` gives the variable ``name_node`` names before the call
    (``let url = …``, ``url = …``); empty outside a function."""
    scope = call.parent
    while scope is not None and scope.type not in _FUNCTIONS:
        scope = scope.parent
    if scope is None:
        return []
    name = node_text(name_node)
    values = []
    for node in walk(scope):
        if node.start_byte >= call.start_byte:
            break
        if node.type == "variable_declarator":
            target, value = node.child_by_field_name("name"), node.child_by_field_name("value")
        elif node.type == "assignment_expression":
            target, value = node.child_by_field_name("left"), node.child_by_field_name("right")
        else:
            continue
        if target is not None and value is not None and target.type == "identifier" and node_text(target) == name:
            values.append(value)
    return values


def _built_page(node: Node | None) -> str | None:
    """The literal head, up to and with its ``?``, of a template string or a ``+`` concatenation whose page path
    is literal (```/pages/a/a?id=${id}```, ``'/pages/a/a?id=' + id``); None when anything computed comes first."""
    if node is None:
        return None
    if node.type == "template_string":
        return _page_literal(node)
    parts = _summands(node)
    head = ""
    for part in parts:
        literal = _literal(part)
        if literal is None:
            head += (string_value(part) or "") if part.type == "template_string" else ""
            break
        head += literal
    return head[:head.index("?") + 1] if "?" in head and len(parts) > 1 else None


def _summands(node: Node) -> list[Node]:
    """The operands of a ``+`` chain, left to right (``node`` itself when it is no ``+``)."""
    while node.type == "parenthesized_expression" and node.named_children:
        node = node.named_children[0]
    operator = node.child_by_field_name("operator")
    if node.type != "binary_expression" or node_text(operator) != "+":
        return [node]
    left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
    return (_summands(left) if left is not None else []) + (_summands(right) if right is not None else [])


def mini_program_paths(text: str, path: str) -> list[Route]:
    """Literal page paths ``wx.navigateToMiniProgram({ path })`` calls of a script open in the Mini Program they
    name (``appId``), a query built at run time given up to the ``?``
    (https://developers.weixin.qq.com/miniprogram/dev/api/navigate/wx.navigateToMiniProgram.html). The page is
    another app's, but one this code base may also build (a platform copy paying on its own ``appId``): a page
    the same change adds there is meant to ship."""
    if _MINI_PROGRAM not in text:
        return []
    language = language_for(path)
    root = parse(language, text.encode("utf-8", "surrogatepass")).root_node
    out = []
    for node in nodes_of(root, language, ("call_expression",)):
        callee = node.child_by_field_name("function")
        if callee is None or callee.type != "member_expression":
            continue
        owner = callee.child_by_field_name("object")
        if owner is None or node_text(owner) not in NAMESPACES or \
                node_text(callee.child_by_field_name("property")) != _MINI_PROGRAM:
            continue
        value = call_option(node, "path")
        literal = _literal(value) or _built_page(value)
        if value is not None and literal and not unreachable(node):
            out.append((literal, value.start_point[0] + 1))
    return out


def unreachable(node: Node) -> bool:
    """Whether ``node`` sits in a statement that follows a ``return`` or ``throw`` in the same block."""
    current = node
    while current.parent is not None:
        if current.parent.type == "statement_block":
            sibling = current.prev_named_sibling
            while sibling is not None:
                if sibling.type in ("return_statement", "throw_statement"):
                    return True
                sibling = sibling.prev_named_sibling
        current = current.parent
    return False


def _literal(node: Node | None) -> str | None:
    """A plain string, or a template string without substitutions."""
    if node is None or node.type not in ("string", "template_string"):
        return None
    if any(c.type == "template_substitution" for c in node.children):
        return None
    return node_text(node)[1:-1]


def _page_literal(node: Node | None) -> str | None:
    """The literal head of a template string up to and with its ``?``, when every substitution follows it."""
    if node is None or node.type != "template_string":
        return None
    head = ""
    for child in node.children:
        if child.type == "template_substitution":
            break
        head += node_text(child).strip("`")
    return head[:head.index("?") + 1] if "?" in head else None


class _Navigators(HTMLParser):
    def __init__(self, line_offset: int) -> None:
        super().__init__(convert_charrefs=True)
        self.line_offset = line_offset
        self.routes: list[Route] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "navigator":
            return
        values = dict(attrs)
        url = values.get("url")
        if url and "{{" not in url and capability_value(values.get("target")) != "miniProgram" and \
                capability_value(values.get("open-type")) not in ("navigateBack", "exit"):
            self.routes.append((url, self.getpos()[0] + self.line_offset))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)


def markup_routes(text: str, line_offset: int = 0) -> list[Route]:
    """Literal ``url`` of the ``<navigator>`` elements of a template (none bound to an expression)."""
    if "navigator" not in text.lower():
        return []  # the tokenizer lower-cases tag names: a template without the word has none to find
    parser = _Navigators(line_offset)
    feed_shared(parser, text)
    return parser.routes


def route_page(url: str, from_page_dir: str) -> str | None:
    """The page a URL opens (``pages/a/a``), relative URLs resolved against ``from_page_dir`` (the calling file's
    folder, relative to the pages folder); None for other schemes, empty paths and paths leaving the app."""
    path = url.split("?", 1)[0].split("#", 1)[0].strip()
    if not path or "://" in path or ":" in path or "{" in path or "$" in path:
        return None
    page = path.lstrip("/") if path.startswith("/") else posixpath.normpath(posixpath.join(from_page_dir, path))
    if page.startswith("..") or not page or page == "." or "." in posixpath.basename(page):
        return None
    return page.rstrip("/")
