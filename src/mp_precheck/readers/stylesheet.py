"""Local images a style sheet shows: ``url(...)`` values and quoted image paths in WXSS, CSS, SCSS, Less and
Stylus text (a style file, or a single-file component's ``<style>`` block).

A page's ``.wxss`` may show a packaged image as a background (``background: url(/images/wx.png)``), and a
preprocessor hands one to a mixin or a variable (``@include bg('../../assets/wx.png')``, ``$icon: "a.png"``).
The text is tokenized with tinycss2 (CSS Syntax Level 3), which reads the ``url(`` tokens, strings and line
numbers of SCSS and Less well enough; the preprocessors' ``//`` line comments, which CSS does not know, are
skipped. Text naming no image suffix is never tokenized.
Sources: https://developers.weixin.qq.com/miniprogram/dev/framework/view/wxss.html (WXSS and its
``background-image`` URLs), https://doc.courtbouillon.org/tinycss2/ (the tokenizer).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from mp_precheck.core.subject import prefixed
from mp_precheck.facts.model import Fact
from mp_precheck.readers.imagerefs import image_reference
from mp_precheck.readers.logo import IMAGE_SUFFIXES

if TYPE_CHECKING:
    from tinycss2.ast import Node

STYLE_SUFFIXES = (".wxss", ".css", ".scss", ".sass", ".less", ".styl")


def names_an_image(data: bytes) -> bool:
    """Whether a file's bytes hold an image file suffix (``.png``…) anywhere, in any ASCII-compatible
    encoding: without one a style file names no image and is neither decoded nor tokenized."""
    lowered = data.lower()
    return any(suffix.encode() in lowered for suffix in IMAGE_SUFFIXES)


def style_facts(text: str, line_offset: int = 0) -> list[Fact]:
    """``image:<ref>`` facts of style ``text``: every ``url(...)`` and quoted string naming a local image
    (:func:`mp_precheck.readers.imagerefs.image_reference`), at its 1-based line plus ``line_offset`` (the
    lines before a ``<style>`` block's body). Preprocessor interpolations (``#{$x}``, ``@{x}``) name no file."""
    lowered = text.lower()
    if not any(suffix in lowered for suffix in IMAGE_SUFFIXES):
        return []
    from tinycss2 import parse_component_value_list  # only runs that meet a style sheet naming an image load it

    facts = []
    for line, value in _values(parse_component_value_list(text, skip_comments=True)):
        image = None if "{" in value or "$" in value else image_reference(value)
        if image is not None:
            facts.append(Fact(prefixed("image", image), "image", line + line_offset, value))
    return facts


def _values(nodes: Iterable[Node]) -> Iterator[tuple[int, str]]:
    """(line, value) of the URL and string tokens of ``nodes`` outside ``//`` line comments: two ``/``
    delimiters side by side start one, and it ends with its line."""
    from tinycss2.ast import StringToken, URLToken

    previous: Node | None = None
    comment_line = 0
    for node in _leaves(nodes):
        if _is_slash(node) and previous is not None and _is_slash(previous) \
                and (node.source_line, node.source_column) == (previous.source_line, previous.source_column + 1):
            comment_line = node.source_line
        previous = node
        if node.source_line == comment_line:
            continue
        if isinstance(node, URLToken | StringToken):
            yield node.source_line, node.value


def _leaves(nodes: Iterable[Node]) -> Iterator[Node]:
    """The tokens of ``nodes`` in source order, the contents of blocks and function arguments included (a
    stack, not recursion: a file of a thousand open brackets is no crash)."""
    from tinycss2.ast import CurlyBracketsBlock, FunctionBlock, ParenthesesBlock, SquareBracketsBlock

    stack = [iter(nodes)]
    while stack:
        node = next(stack[-1], None)
        if node is None:
            stack.pop()
        elif isinstance(node, FunctionBlock):
            stack.append(iter(node.arguments))
        elif isinstance(node, ParenthesesBlock | SquareBracketsBlock | CurlyBracketsBlock):
            stack.append(iter(node.content))
        else:
            yield node


def _is_slash(node: Node) -> bool:
    return node.type == "literal" and node.serialize() == "/"
