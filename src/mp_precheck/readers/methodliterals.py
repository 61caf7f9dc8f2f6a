"""Literals a component's callers hand its own method, which passes them on to a project function.

``<view @click="clickLink('/pages/about/about')">`` with ``clickLink(link) { Nav.open(link) }``: what ``Nav.open``
receives is one of the literals the method's callers write. A helper that picks its way by its argument's text
(facts/branchtests.py: an in-app page, a web page, another Mini Program or 视频号) then takes only their branches,
as it would were the literal written in the call: a page whose links all name its own pages jumps nowhere out of
the app (https://developers.weixin.qq.com/miniprogram/dev/api/navigate/wx.navigateToMiniProgram.html).

A method is followed when every place the file names it — its template and its scripts, markup comments and
members of other objects (``Nav.clickLink``) left out (readers/uncalled.py ``named_words``) — is a call passing a
string literal first (``clickLink('…')`` in an event binding, ``this.clickLink('…')`` in a script), and when it
names its first parameter only as a whole argument of its calls of project functions (no reassignment, no other
use). Those calls' passed values (``FileFacts.call_literals``) then hold each literal at that argument: several
``arg:<i>=…`` tokens at one index, one of which the call passes (``Export.subjects_for`` reaches the union). A
method bound without arguments (``@click="clickLink"``: the event), or called with a variable, is not followed.

In: the component's blocks, its text and its call literals so far (line → passed values). Out: the call literals
with those alternatives added. Never raises on malformed code.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from tree_sitter import Language, Node

from mp_precheck.facts.model import ARG
from mp_precheck.readers.copiedargs import first_parameter, handed_literals, named_function
from mp_precheck.readers.sfc import Block
from mp_precheck.readers.syntax import language_for, node_text, nodes_of, parse, string_value
from mp_precheck.readers.uncalled import named_words

_SELF = ("this", "that", "_this", "self", "vm", "me")  # how a component's script names itself


def with_handed_literals(blocks: Sequence[Block], path: str, text: str,
                         literals: Mapping[int, tuple[str, ...]]) -> dict[int, tuple[str, ...]]:
    """``literals`` (the component's call literals) with, at each call of a project function a method makes with its
    own first parameter, the string literals every caller of the method hands it (see the module docstring)."""
    out = dict(literals)
    template = next((b for b in blocks if b.tag == "template"), None)
    handed = handed_literals(template.text, template.line_offset) if template is not None and literals else []
    if not handed:
        return out
    bound: dict[str, list[str]] = {}
    for _line, name, literal in handed:
        bound.setdefault(name, []).append(literal)
    for block in blocks:
        if block.tag != "script" or block.attrs.get("src") or not any(name in block.text for name in bound):
            continue
        language = language_for(f"{path}.{block.attrs.get('lang') or 'js'}")
        root = parse(language, block.text.encode("utf-8", "surrogatepass")).root_node
        words, called = named_words(root, language, text), _literal_calls(root, language, set(bound))
        for node in nodes_of(root, language, ("method_definition", "pair")):
            named = named_function(node)
            if named is None or named[0] not in bound:
                continue
            values = [*bound[named[0]], *called.get(named[0], [])]
            if words[named[0]] != len(values) + 1:  # its definition, and a literal call at every other place
                continue
            for row, index in _passes(named[1], language):
                line = row + 1 + block.line_offset
                if line in out:
                    out[line] = (*out[line], *(t for v in dict.fromkeys(values) for t in (v, f"{ARG}{index}={v}")))
    return out


def _literal_calls(root: Node, language: Language, names: set[str]) -> dict[str, list[str]]:
    """name → the string literal each call of one of ``names`` in the script passes first (``this.go('…')``,
    ``go('…')``); a call passing anything else counts as no literal call (its name is then a mention unmatched)."""
    out: dict[str, list[str]] = {}
    for call in nodes_of(root, language, ("call_expression",)):
        callee = call.child_by_field_name("function")
        if callee is None:
            continue
        if callee.type == "member_expression":
            obj, prop = callee.child_by_field_name("object"), callee.child_by_field_name("property")
            if obj is None or prop is None or node_text(obj) not in _SELF:
                continue
            name = node_text(prop)
        elif callee.type == "identifier":
            name = node_text(callee)
        else:
            continue
        arguments = call.child_by_field_name("arguments")
        first = next((a for a in arguments.named_children if a.type != "comment"), None) \
            if arguments is not None else None
        literal = string_value(first) if first is not None and first.type == "string" else None
        if name in names and literal is not None:
            out.setdefault(name, []).append(literal)
    return out


def _passes(function: Node, language: Language) -> list[tuple[int, int]]:
    """(0-based row of the callee, argument index) of each call ``function`` hands its first parameter to as a
    whole argument; none when it names the parameter anywhere else (an assignment, a member read, a template)."""
    parameter = first_parameter(function)
    body = function.child_by_field_name("body")
    if parameter is None or body is None:
        return []
    out = []
    for use in nodes_of(body, language, ("identifier", "shorthand_property_identifier")):
        if node_text(use) != parameter:
            continue
        arguments = use.parent
        if arguments is None or arguments.type != "arguments" or arguments.parent is None \
                or arguments.parent.type != "call_expression":
            return []
        callee = arguments.parent.child_by_field_name("function")
        index = [a for a in arguments.named_children if a.type != "comment"].index(use)
        out.append(((callee or arguments).start_point[0], index))
    return out
