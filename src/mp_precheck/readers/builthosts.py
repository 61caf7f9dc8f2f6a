"""A URL whose first host label is chosen at run time: ``"https://" + region + ".stat.example.com/d.html"``,
```https://${bucket}.oss.example.com/```; or whose host is put together from constants of the file:
``"https://" + Bucket + ".cos." + Region + ".example-storage.com/"`` with ``const Bucket = "photos-125"``.

An analytics SDK picks a report subdomain and an object-storage client puts the bucket in front of its
endpoint: no literal holds the whole URL, but the part after the variable names the domain the requests go
to. Its domain is what the request, upload or socket domain lists must hold (one entry per subdomain the app
uses), so the URL is read with that part as its host. Where every part of the host is a literal or a name the file
binds once to a literal and never reassigns (an object-storage upload's bucket and region, as the storage vendors'
Mini Program samples write it; a minified SDK's ``var a = "log"`` whose functions each declare and assign an ``a``
of their own), the whole host is known and is read as it is: that exact domain must be listed. What follows the
host (``+ page``, a path from a parameter) does not change it.
A literal that starts with a dot anywhere else (a file extension ``".png"``, a key path ``".data.list"``) has no
scheme before it and is left alone.

Source: https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html
"""

from __future__ import annotations

import re

from tree_sitter import Node

from mp_precheck.core.recache import compiled
from mp_precheck.readers.syntax import FUNCTION_NODES, node_text, string_value, walk, whole_string

_SCHEME = compiled(r"(?:https?|wss?)://")
# a dot, then at least two labels ending in a top-level name, then the path, port or the end
_SUFFIX = compiled(r"\.((?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,})(?=[/:?#]|$)")
_STRINGS = ("string", "template_string")


def built_url(node: Node, value: str) -> str:
    """``value`` (the literal text of the string ``node``) as a URL when ``node`` completes one whose first host
    label is built at run time — the right operand of ``"https://" + name + ".example.com/…"``, or a template
    ``https://${name}.example.com/…`` — as ``https://example.com/…``; otherwise ``value`` unchanged."""
    folded = _folded(node, value)
    if folded is not None:
        return folded
    if node.type == "template_string":
        return _template(node) or value
    parent = node.parent
    if "://" in value or not _SUFFIX.match(value) or parent is None or parent.type != "binary_expression" \
            or parent.child_by_field_name("right") != node or node_text(parent.child_by_field_name("operator")) != "+":
        return value
    left = parent.child_by_field_name("left")
    if left is None or left.type != "binary_expression":
        return value
    scheme, label = left.child_by_field_name("left"), left.child_by_field_name("right")
    if scheme is None or label is None or scheme.type not in _STRINGS or label.type in _STRINGS:
        return value
    prefix = string_value(scheme) or ""
    if not _SCHEME.fullmatch(prefix) or _folded(scheme, prefix) is not None:
        return value  # no scheme; or the whole host is known, read at the scheme's literal
    return prefix + value[1:]


def _template(node: Node) -> str | None:
    """``https://${name}.example.com/…`` as ``https://example.com/…``; None for any other template."""
    parts = [c for c in node.children if c.type in ("string_fragment", "escape_sequence", "template_substitution")]
    if len(parts) < 3 or parts[1].type != "template_substitution" or parts[0].type == "template_substitution":
        return None
    prefix, rest = node_text(parts[0]), node_text(parts[2])
    if not _SCHEME.fullmatch(prefix) or parts[2].type == "template_substitution" or not _SUFFIX.match(rest):
        return None
    return prefix + rest[1:] + "".join(node_text(p) for p in parts[3:] if p.type != "template_substitution")


def _folded(node: Node, value: str) -> str | None:
    """The URL a scheme literal starts — ``"https://" + Bucket + ".cos." + Region + ".example-storage.com/"`` or a
    template ```https://${Bucket}.cos.${Region}.example-storage.com/``` — with each name replaced by the literal the
    file binds it to, when the host mixes such names with literal text; None otherwise (a name bound to
    anything else, or a host that is one name alone: ``bare_host_url`` reads ``const HOST = 'api.x.cn'``)."""
    if not _SCHEME.match(value):
        return None
    if node.type == "template_string":
        pieces = _template_pieces(node)
    else:
        chain = node
        while chain.parent is not None and chain.parent.type == "binary_expression" and \
                chain.parent.child_by_field_name("left") == chain and \
                node_text(chain.parent.child_by_field_name("operator")) == "+":
            chain = chain.parent
        pieces = _host_pieces(_operands(chain)) if chain is not node else None
    if not pieces or not any(named for _, named in pieces):
        return None
    constants = _constants(node, {text for text, named in pieces if named})
    if constants is None:
        return None
    url = "".join(constants[text] if named else text for text, named in pieces)
    start = url.index("//") + 2
    host_end = start + len(re.split(r"[/:?#]", url[start:], maxsplit=1)[0])
    kinds, at = set(), 0
    for text, named in pieces:
        length = len(constants[text] if named else text)
        if at < host_end and at + length > 0 and (named or at > 0):
            kinds.add(named)
        at += length
    return url if kinds == {True, False} and _SUFFIX.search(url[:host_end]) else None


def _operands(chain: Node | None) -> list[tuple[str, bool | None]]:
    """The operands of a ``+`` chain in order, as (literal text, False), (name, True) or (its text, None) for any
    other part."""
    if chain is None:
        return [("", None)]
    if chain.type == "binary_expression" and node_text(chain.child_by_field_name("operator")) == "+":
        return _operands(chain.child_by_field_name("left")) + _operands(chain.child_by_field_name("right"))
    if chain.type == "identifier":
        return [(node_text(chain), True)]
    text = whole_string(chain) if chain.type in _STRINGS else None
    return [(text, False)] if text is not None else [(node_text(chain), None)]


def _host_pieces(pieces: list[tuple[str, bool | None]]) -> list[tuple[str, bool]] | None:
    """The pieces of a ``+`` chain up to the literal that ends the host (its path, port or query begins): what
    follows is the path (``"https://" + sub + ".example.com/" + page``), whatever it holds; None when a piece up
    to there is neither a literal nor a name."""
    out: list[tuple[str, bool]] = []
    for index, (text, named) in enumerate(pieces):
        if named is None:
            return None
        out.append((text, named))
        after = text.index("//") + 2 if index == 0 and "//" in text else 0
        if not named and re.search(r"[/:?#]", text[after:]) is not None:
            break
    return out


def _template_pieces(node: Node) -> list[tuple[str, bool]] | None:
    """A template's literal text and substituted names in order; None when a substitution is not a plain name."""
    pieces: list[tuple[str, bool]] = []
    for child in node.children:
        if child.type in ("string_fragment", "escape_sequence"):
            pieces.append((node_text(child), False))
        elif child.type == "template_substitution":
            inner = child.named_children
            if len(inner) != 1 or inner[0].type != "identifier":
                return None
            pieces.append((node_text(inner[0]), True))
    return pieces


def _constants(node: Node, names: set[str]) -> dict[str, str] | None:
    """Each of ``names`` → the literal it is bound to in the innermost function (or the file) around ``node``
    that declares it — one declaration there, never assigned again; None when one is bound to anything else,
    twice, or not at all."""
    out: dict[str, str] = {}
    scope: Node | None = node
    while scope is not None and len(out) < len(names):
        if scope.type in FUNCTION_NODES or scope.parent is None:
            for name, values in _bindings(scope, names - set(out)).items():
                if len(values) != 1 or values[0] is None:
                    return None
                out[name] = values[0]
        scope = scope.parent
    return out if len(out) == len(names) else None




def _bindings(scope: Node, names: set[str]) -> dict[str, list[str | None]]:
    """Name → what each declaration of it in ``scope`` binds (a literal, else None), nested functions' own
    declarations left out; a name also assigned in ``scope`` gets a None (its value changes) — not where a nested
    function declares the name itself: there the assignment is to that function's own variable (a minified SDK
    reuses ``a`` in every function: ``var a = "log"`` outside, ``var a = ""; … a = t`` inside)."""
    found: dict[str, list[str | None]] = {}
    assigned: set[str] = set()
    stack = list(scope.named_children)
    while stack:
        current = stack.pop()
        if current.type == "variable_declarator":
            target, bound = current.child_by_field_name("name"), current.child_by_field_name("value")
            if target is not None and node_text(target) in names and not _nested(current, scope):
                found.setdefault(node_text(target), []).append(whole_string(bound) if bound is not None else None)
        elif current.type in ("assignment_expression", "augmented_assignment_expression"):
            target = current.child_by_field_name("left")
            if target is not None and target.type == "identifier" and node_text(target) in names \
                    and not _shadowed(current, scope, node_text(target)):
                assigned.add(node_text(target))
        stack.extend(current.named_children)
    return {name: values + [None] * (name in assigned) for name, values in found.items()}


def _shadowed(node: Node, scope: Node, name: str) -> bool:
    """Whether a function between ``node`` and ``scope`` declares ``name`` itself (a parameter, a variable or a
    function of its own), so that ``name`` at ``node`` is not ``scope``'s variable."""
    current = node.parent
    while current is not None and current != scope:
        if current.type in FUNCTION_NODES and _declares(current, name):
            return True
        current = current.parent
    return False


def _declares(function: Node, name: str) -> bool:
    """Whether ``function`` has a parameter, or declares a variable or a function, called ``name``."""
    params = function.child_by_field_name("parameters") or function.child_by_field_name("parameter")
    if params is not None and any(n.type == "identifier" and node_text(n) == name for n in walk(params)):
        return True  # (a, b) => …, a => …: the parameter list or the one parameter
    body = function.child_by_field_name("body")
    for current in walk(body) if body is not None else ():
        if current.type in ("variable_declarator", "function_declaration") and not _nested(current, function):
            target = current.child_by_field_name("name")
            if target is not None and node_text(target) == name:
                return True
    return False


def _nested(node: Node, scope: Node) -> bool:
    """Whether ``node`` sits in a function inside ``scope`` (a declaration of that function's own)."""
    current = node.parent
    while current is not None and current != scope:
        if current.type in FUNCTION_NODES:
            return True
        current = current.parent
    return False
