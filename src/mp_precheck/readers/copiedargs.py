"""Links a template's tap handler hands to a method that only copies them: clipboard text, not a server.

``<text @tap="openLink('https://github.com/…')">`` with ``openLink(url) { this.copyText(url) }`` and
``copyText(text) { uni.setClipboardData({ data: text }) }``: in the WeChat build the link goes to the clipboard and
nothing requests it. Only ``wx.request``, ``uploadFile``, ``downloadFile`` and sockets need a server domain
(https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html), so the host gets the role
``clipboard``, as a link a script copies does (readers/copiedlinks.py). The script read is the one WeChat's build
ships (other platforms' ``#ifdef`` blocks blanked: ``window.location.href = url`` under ``#ifdef H5`` opens
nothing in the Mini Program).

A method copies its first parameter when it names it at least once and every mention is the ``data`` of a
``setClipboardData`` call or the first argument of another method of the file that copies its own (``this.copy(url)``,
``that.copy(url)``, ``copy(url)``). A method that also hands the link to anything else (a navigation to a web-view
page, a request, a variable) keeps the host's role.

In: the component's blocks, its path and its facts.
Out: the facts with the role ``clipboard`` on the ``code`` hosts handed so. Never raises on malformed code.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache, lru_cache
from html.parser import HTMLParser

from msgspec.structs import replace
from tree_sitter import Node, Parser

from mp_precheck.facts.model import CLIPBOARD, Fact
from mp_precheck.readers.htmlfeed import feed_shared
from mp_precheck.readers.markup import is_event_attribute
from mp_precheck.readers.sfc import Block
from mp_precheck.readers.syntax import language_for, node_text, nodes_of, parse, parser_for, string_value

_COPY = "setClipboardData"
_ROUNDS = 4  # a copy reached through this many methods is followed (openLink → copyLink → copyText)


def copied_handler_links(blocks: Sequence[Block], path: str, facts: list[Fact]) -> list[Fact]:
    """``facts`` (of the component at ``path``, split into ``blocks``) with role ``clipboard`` on each ``code`` host
    fact at a template line whose tap handler hands a literal holding that URL to a method of the component's
    scripts that only copies it (see the module docstring)."""
    template = next((b for b in blocks if b.tag == "template"), None)
    if template is None or not any(f.kind == "host" and f.role == "code" for f in facts):
        return facts
    handed = handed_literals(template.text, template.line_offset)
    if not handed:
        return facts
    copiers = _copiers([(b.text, f"{path}.{b.attrs.get('lang') or 'js'}", b.line_offset) for b in blocks
                        if b.tag == "script" and not b.attrs.get("src")])
    copied: dict[int, list[str]] = {}
    for line, name, literal in handed:
        if name in copiers:
            copied.setdefault(line, []).append(literal)
    if not copied:
        return facts
    return [replace(f, role=CLIPBOARD) if f.kind == "host" and f.role == "code" and f.value is not None
            and any(f.value in literal for literal in copied.get(f.line, ())) else f for f in facts]


class _Handlers(HTMLParser):
    def __init__(self, line_offset: int) -> None:
        super().__init__(convert_charrefs=True)
        self.line_offset = line_offset
        self.found: list[tuple[int, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value and is_event_attribute(name) and (handed := _handed(value)) is not None:
                self.found.append((self.getpos()[0] + self.line_offset, *handed))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)


@cache
def _handler_parser() -> Parser:
    return parser_for("handler.js")


@lru_cache(maxsize=1024)  # a template repeats its handlers (a list of links, one per row)
def _handed(expression: str) -> tuple[str, str] | None:
    """(method, literal) when a handler ``expression`` calls a method with a string literal first:
    ``openLink('https://…')``, ``copy("…", 1)``; None for anything else. Parsed as JavaScript by a parser of its
    own: a handler's tiny tree must not push the files' shared trees out (readers/syntax.py)."""
    if "(" not in expression or not any(quote in expression for quote in "'\""):
        return None
    root = _handler_parser().parse(expression.encode("utf-8", "surrogatepass")).root_node
    statement = root.named_children[0] if root.named_children else None
    call = statement.named_children[0] if statement is not None and statement.type == "expression_statement" \
        and statement.named_children else None
    if call is None or call.type != "call_expression":
        return None
    callee, arguments = call.child_by_field_name("function"), call.child_by_field_name("arguments")
    first = arguments.named_children[0] if arguments is not None and arguments.named_children else None
    literal = string_value(first) if first is not None and first.type == "string" else None
    return (node_text(callee), literal) if callee is not None and callee.type == "identifier" and literal is not None \
        else None


def handed_literals(text: str, line_offset: int) -> list[tuple[int, str, str]]:
    """(line, method name, literal) of each event attribute calling a method with a literal first argument."""
    if "(" not in text:
        return []
    parser = _Handlers(line_offset)
    feed_shared(parser, text)
    return parser.found


def _copiers(scripts: list[tuple[str, str, int]]) -> set[str]:
    """The names of the scripts' functions (methods, declarations, arrows held by name) that only copy their
    first parameter, followed through each other up to :data:`_ROUNDS` calls deep."""
    functions: dict[str, list[tuple[str, list[Node]]]] = {}
    for text, path, _offset in scripts:
        if _COPY not in text:
            continue
        language = language_for(path)
        root = parse(language, text.encode("utf-8", "surrogatepass")).root_node
        for node in nodes_of(root, language, ("method_definition", "function_declaration", "pair",
                                              "variable_declarator")):
            named = named_function(node)
            if named is not None:
                name, function = named
                parameter = first_parameter(function)
                if parameter is not None:
                    uses = [n for n in nodes_of(function, language, ("identifier", "shorthand_property_identifier"))
                            if node_text(n) == parameter and not _declares(n, function)]
                    functions.setdefault(name, []).append((parameter, uses))
    copiers: set[str] = set()
    for _round in range(_ROUNDS):
        grown = {name for name, bodies in functions.items()
                 if len(bodies) == 1 and bodies[0][1] and all(_copies(use, copiers) for use in bodies[0][1])}
        if grown == copiers:
            break
        copiers = grown
    return copiers


def named_function(node: Node) -> tuple[str, Node] | None:
    """(name, function node) of a method, a function declaration, or a function held by a key or a variable."""
    if node.type in ("method_definition", "function_declaration"):
        return node_text(node.child_by_field_name("name")).strip("'\""), node
    key = node.child_by_field_name("key" if node.type == "pair" else "name")
    value = node.child_by_field_name("value")
    if key is None or value is None or value.type not in ("arrow_function", "function_expression", "function"):
        return None
    return node_text(key).strip("'\""), value


def first_parameter(function: Node) -> str | None:
    """The name of ``function``'s first parameter when it is a plain name (``url => …``, ``(url, n) {}``, a typed
    ``(url: string)``), else None."""
    parameters = function.child_by_field_name("parameters") or function.child_by_field_name("parameter")
    if parameters is None:
        return None
    if parameters.type == "identifier":  # url => …
        return node_text(parameters)
    first = parameters.named_children[0] if parameters.named_children else None
    if first is not None and first.type in ("required_parameter", "optional_parameter"):
        first = first.child_by_field_name("pattern")
    return node_text(first) if first is not None and first.type == "identifier" else None


def _declares(identifier: Node, function: Node) -> bool:
    """Whether ``identifier`` is the function's own parameter list (the declaration, not a use)."""
    parameters = function.child_by_field_name("parameters") or function.child_by_field_name("parameter")
    return parameters is not None and parameters.start_byte <= identifier.start_byte < parameters.end_byte


def _copies(use: Node, copiers: set[str]) -> bool:
    """Whether the mention ``use`` of a parameter is what a copy call copies: the ``data`` of a
    ``setClipboardData`` options object, or the first argument of a method in ``copiers``."""
    parent = use.parent
    if parent is None:
        return False
    if use.type == "shorthand_property_identifier" or (parent.type == "pair"
                                                        and parent.child_by_field_name("value") == use):
        key = node_text(use) if use.type == "shorthand_property_identifier" \
            else node_text(parent.child_by_field_name("key")).strip("'\"")
        holder = parent if use.type == "shorthand_property_identifier" else parent.parent
        call = holder.parent.parent if holder is not None and holder.parent is not None else None
        return key == "data" and call is not None and call.type == "call_expression" \
            and node_text(call.child_by_field_name("function")).endswith(_COPY)
    call = parent.parent if parent.type == "arguments" and parent.named_children[0] == use else None
    if call is None or call.type != "call_expression":
        return False
    callee = node_text(call.child_by_field_name("function"))
    return callee.rpartition(".")[2] in copiers and callee.count(".") <= 1
