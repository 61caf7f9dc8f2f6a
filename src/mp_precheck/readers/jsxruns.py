"""JSX text read as a user reads it: an element's text with its inline children (``<Text>``, ``<span>``) and
literal expression children joined into one run, and two adjacent lines of one screen read together
(:mod:`mp_precheck.readers.textruns` says which and why; 常见拒绝情形 3.2.1 诱导分享,
https://developers.weixin.qq.com/miniprogram/product/reject.html).

In: a JSX / TSX script's text and path. Out: the ``text:<signal>`` facts its runs and lines give that no single
JSX text gives (each JSX text alone is read by :mod:`mp_precheck.readers.jsfacts`).
"""

from __future__ import annotations

from tree_sitter import Language, Node

from mp_precheck.facts.model import Fact
from mp_precheck.readers.markup import normalise_tag
from mp_precheck.readers.syntax import language_for, nodes_of, parse, whole_string
from mp_precheck.readers.syntax import node_text as _text
from mp_precheck.readers.textplaces import shares
from mp_precheck.readers.textruns import TextRuns

JSX_ELEMENTS = ("jsx_element", "jsx_self_closing_element")
_TAPS = ("onClick", "onTap", "onLongPress", "catchTap", "bindtap")
_SHORT = 24  # an expression child longer than this is shown as {…} in a finding
_DEEPEST = 200  # a tree this deep is recovered from broken code, not a screen


def jsx_run_facts(text: str, path: str) -> list[Fact]:
    """The facts of the runs and adjacent lines of every JSX tree in ``text`` (each tree read apart: two
    components' returns are no one screen). Never raises: a broken file yields what its recovered tree holds."""
    language = language_for(path)
    root = parse(language, text.encode("utf-8", "surrogatepass")).root_node
    runs = TextRuns()
    for element in outermost_jsx(root, language):
        _feed(runs, element, False, False, 0)
        runs.leaf()
    return runs.finish()


def outermost_jsx(root: Node, language: Language) -> list[Node]:
    """The JSX trees of the parsed script ``root`` (in ``language``) that sit inside no other JSX element, in
    source order: each is one rendered view (a component's ``return (…)``, a branch ``cond ? <A/> : <B/>``)."""
    return [node for node in nodes_of(root, language, JSX_ELEMENTS) if not _inside_jsx(node)]


def _inside_jsx(node: Node) -> bool:
    current = node.parent
    while current is not None:
        if current.type in JSX_ELEMENTS:
            return True
        current = current.parent
    return False


def _feed(runs: TextRuns, node: Node, label: bool, share: bool, depth: int) -> None:
    """Give ``runs`` the element ``node`` and what it holds; ``label`` / ``share`` whether it sits in a control /
    a share button."""
    if depth > _DEEPEST:
        return
    opening = node.child_by_field_name("open_tag") if node.type == "jsx_element" else node
    name_node = opening.child_by_field_name("name") if opening is not None else None
    name = normalise_tag(_text(name_node).split(".")[-1]) if name_node is not None else "fragment"
    attributes = [_text(a.named_children[0]) for a in (opening.named_children if opening is not None else ())
                  if a.type == "jsx_attribute" and a.named_children]
    label = label or name.endswith("button") or any(a in _TAPS for a in attributes)
    share = share or shares(opening)
    runs.start(name, attributes)
    for child in node.named_children if node.type == "jsx_element" else ():
        if child.type in JSX_ELEMENTS:
            _feed(runs, child, label, share, depth + 1)
        elif child.type == "jsx_text":
            _jsx_text(runs, child, label, share)
        elif child.type == "jsx_expression":
            _expression(runs, child, label, share, depth)
    runs.end(name)


def _jsx_text(runs: TextRuns, node: Node, label: bool, share: bool) -> None:
    """A JSX text: a line break before or after it ends the run it stands in (a text on a line of its own)."""
    words = _text(node)
    before = words[: len(words) - len(words.lstrip())]
    if "\n" in before:
        runs.line_break()
    if words.strip():
        runs.text(node.start_point[0] + 1 + before.count("\n"), words, words, label, share)
        if "\n" in words[len(words.rstrip()):]:
            runs.line_break()


def _expression(runs: TextRuns, node: Node, label: bool, share: bool, depth: int) -> None:
    """An expression child: a literal is its text (``{'10'}``), an element it may render is a child of its own
    (``{ok && <Text>…</Text>}``), any other value is left out of the line it stands in (``{count}``)."""
    inner = next((c for c in node.named_children if c.type != "comment"), None)
    if inner is None:
        return
    literal = whole_string(inner)
    if literal is not None:
        runs.text(inner.start_point[0] + 1, literal, literal, label, share)
        return
    elements = _outermost(inner)
    for element in elements:
        _feed(runs, element, label, share, depth + 1)
    if not elements:  # shown as written when short ({count}), else as a value
        shown = _text(node)
        runs.text(inner.start_point[0] + 1, "", shown if len(shown) <= _SHORT else "{…}", label, share)


def _outermost(node: Node) -> list[Node]:
    """The JSX elements under ``node`` that no other element under it holds, in source order (walked without
    recursion: a long ``a + b + …`` chain nests as deep as it is long)."""
    found, stack = [], [node]
    while stack:
        current = stack.pop()
        if current.type in JSX_ELEMENTS:
            found.append(current)
        else:
            stack.extend(reversed(current.named_children))
    return found
