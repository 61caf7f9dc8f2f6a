"""Whether a page's template hides all its content behind an authorization ask: a wall inside the page.

An entry page whose top-level blocks all hang on one flag — the content under ``wx:if="{{hasUserInfo}}"`` /
``v-if="authorized"``, and under its negation (``!flag``, ``flag === false``, ``wx:else`` / ``v-else``, ``hidden``
the other way round) a block whose only control asks for the profile, the phone number or a login
(``readers/authpage.py``; a project component rendered there is read in its own template) — shows a new user
nothing but the ask: forced authorization before any experience, though the page is the home page. A block that
stays visible to everyone beside the ask (a header with a login button, a list, a popup opened over the content)
is no wall. A flag that starts true is a wall only when a load hook (or a same-file helper it calls) sets it
again, as after a ``wx.getSetting`` that finds no authorization; a flag only a tap sets is no wall. The content
may also be held rather than hidden: the only way in ``disabled="{{notGet}}"`` until the flag changes, beside an ask
shown to everyone. An ask that hangs on no flag makes a wall only when its own handler (``bindgetuserinfo``) sets
the content's flag; the content's flag may be either way round (shown on a truthy flag, or held while
``notGet`` is true — a wall when it starts true or a load hook raises it).

In: a page template's text (WXML, or a single-file component whose ``<template>`` block is read), its path, its
script and a reader of the project components it renders. Out: the :class:`Wall` or None; never raises on
malformed input.
Sources: https://developers.weixin.qq.com/miniprogram/product/index.html (请在用户了解体验小程序功能后，再要求用户进行
帐号登录), https://developers.weixin.qq.com/miniprogram/dev/framework/view/wxml/conditional.html (wx:if, wx:else)
and https://developers.weixin.qq.com/miniprogram/dev/component/button.html (disabled, open-type).
"""

from __future__ import annotations

from collections.abc import Callable
from html.parser import HTMLParser

from msgspec import Struct, field

from mp_precheck.core.lazyre import lazy
from mp_precheck.core.recache import compiled
from mp_precheck.readers.authoverlay import assigned_by_hook, sets_in, shown_on_load, starts_true
from mp_precheck.readers.authpage import SFC_SUFFIXES, Ask, authorization_page
from mp_precheck.readers.conditional import for_wechat
from mp_precheck.readers.htmlfeed import feed_shared
from mp_precheck.readers.markup import is_event_attribute, normalise_attribute, normalise_tag
from mp_precheck.readers.sfc import split_blocks

# The conditions a block hangs on (https://developers.weixin.qq.com/miniprogram/dev/framework/view/wxml/conditional.html,
# https://vuejs.org/guide/essentials/conditional.html).
_IF = ("wx:if", "v-if", "v-show")
ELSE = ("wx:else", "v-else")
_ELIF = ("wx:elif", "v-else-if")
# Top-level tags that render nothing of the page's content: imports, script modules, template definitions, and
# a kit's toast or dialog host element (<van-toast id="van-toast" />).
_INERT = ("import", "include", "wxs", "template")
_INERT_ENDINGS = ("toast", "dialog", "notify")
_TEST = compiled(r"^(!*)\s*(?:this\.)?([A-Za-z_$][\w$]*)\s*(?:(===?|!==?)\s*(true|false|null|undefined))?$")
_HANDLER = lazy(r"[A-Za-z_$][\w$]*")
_UNWRAP = 3  # single unconditioned wrappers looked through (<view class="page"><view wx:if>…)

ComponentAsk = Callable[[str], "Ask | None"]  # a tag → the ask its project component is, or None


class Wall(Struct, frozen=True):
    """The page's content hidden behind an ask: the ask's block at 1-based ``line``, ``flag`` its condition
    names, and ``what`` the ask is."""

    line: int
    flag: str
    what: str


class Node(Struct):
    """An element of a template: its tag, 1-based line, character span in the text (``end`` -1 while open),
    attributes and child elements."""

    tag: str
    line: int
    start: int
    attrs: dict[str, str]
    end: int = -1
    children: list[Node] = field(default_factory=list)


class _Tree(HTMLParser):
    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("", 0, 0, {})
        self.stack = [self.root]
        self.starts = [0]
        for line in text.splitlines(keepends=True):
            self.starts.append(self.starts[-1] + len(line))

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.starts[min(line - 1, len(self.starts) - 1)] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {normalise_attribute(key): value or "" for key, value in attrs}
        if "wx-if" in values:  # the spelling some WePY templates use
            values.setdefault("wx:if", values["wx-if"])
        node = Node(normalise_tag(tag), self.getpos()[0], self._offset(), values)
        self.stack[-1].children.append(node)
        self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self.stack[-1].end = self._offset() + len(self.get_starttag_text() or "")
        self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        name = normalise_tag(tag)
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index].tag == name:
                end = self._offset()
                for node in self.stack[index:]:
                    node.end = end
                del self.stack[index:]
                return


def block_tree(text: str) -> Node:
    """The elements of the template ``text`` as a tree under a nameless root; never raises on malformed markup."""
    parser = _Tree(text)
    feed_shared(parser, text)
    return parser.root


def wall(template: str, path: str, script: str | None, script_path: str, component_ask: ComponentAsk) -> Wall | None:
    """The authorization wall the page template ``template`` (read as ``path``) is, or None (see the module).
    ``script`` is the page's script (read as ``script_path``); ``component_ask`` tells a project component's ask
    by its tag."""
    body, offset = template_block(for_wechat(template), path)
    blocks = _top(block_tree(body))
    tests = _tests(blocks)
    if tests is None or len({test[0] for test in tests if test is not None}) != 1:
        return None
    flag = next(test[0] for test in tests if test is not None)
    found = [(block, _ask(block, body, component_ask), test) for block, test in zip(blocks, tests, strict=True)]
    if any(ask is None and test is None for _block, ask, test in found):
        return None  # content everyone sees beside the ask
    content = {test[1] for _block, ask, test in found if ask is None and test is not None and test[1] is not None}
    if not content:
        return None
    usable = True in content  # the content shows (or works) when the flag is truthy
    asks = [(block, ask, test) for block, ask, test in found
            if ask is not None and (test is None or test[1] is (not usable))]
    if not asks:
        return None
    always = [block for block, _ask_, test in asks if test is None]
    if always and not _ask_sets(flag, always, script, script_path):
        return None  # an ask always shown is the wall's only when it is what sets the content's flag
    block, ask = asks[0][0], asks[0][1]
    if ask is None or not closed_on_load(flag, usable, script, script_path):
        return None
    return Wall(block.line + offset, flag, ask.what)


def template_block(text: str, path: str) -> tuple[str, int]:
    """The template part of ``text`` (a single-file component's ``<template>`` block) and its line offset."""
    if not path.endswith(SFC_SUFFIXES):
        return text, 0
    block = next((b for b in split_blocks(text) if b.tag == "template"), None)
    return (block.text, block.line_offset) if block is not None else ("", 0)


def _top(root: Node) -> list[Node]:
    """The page's top-level blocks: the root's elements but the inert ones, looked through single wrappers that
    carry no condition."""
    blocks = _rendered(root.children)
    for _ in range(_UNWRAP):
        if len(blocks) != 1 or any(key in blocks[0].attrs for key in (*_IF, *ELSE, *_ELIF, "hidden")):
            break
        blocks = _rendered(blocks[0].children)
    return blocks


def _rendered(nodes: list[Node]) -> list[Node]:
    return [n for n in nodes if n.tag not in _INERT and not n.tag.endswith(_INERT_ENDINGS)]


def _tests(blocks: list[Node]) -> list[tuple[str, bool | None] | None] | None:
    """(flag, shown or usable when the flag is truthy: True, falsy: False, either or neither: None) of each block,
    None for a block that hangs on nothing; None when there are fewer than two blocks, or none hangs on a flag."""
    out: list[tuple[str, bool | None] | None] = []
    for block in blocks:
        test = flag_test(block.attrs)
        previous = out[-1] if out else None
        if test is None and any(key in block.attrs for key in ELSE) and previous is not None:
            test = (previous[0], None if previous[1] is None else not previous[1])
        out.append(test)
    return out if len(out) >= 2 and any(test is not None for test in out) else None


def flag_test(attrs: dict[str, str], held: bool = True) -> tuple[str, bool | None] | None:
    """The flag a block hangs on and whether it shows (or works) when the flag is truthy (None: either way): its
    ``wx:if`` / ``v-if`` / ``hidden``, else with ``held`` a ``disabled`` that holds the control until the flag
    changes (https://developers.weixin.qq.com/miniprogram/dev/component/button.html); None for none or a condition
    that is no single flag."""
    key = next((k for k in (*_IF, *_ELIF, "hidden", *(("disabled",) if held else ())) if k in attrs), None)
    match = _TEST.match(attrs[key].strip().removeprefix("{{").removesuffix("}}").strip()) if key else None
    if key is None or match is None:
        return None
    shown: bool | None = len(match.group(1)) % 2 == 0
    if match.group(3):
        value = match.group(4)
        shown = None if value in ("null", "undefined") else (value == "true") == (match.group(3) in ("==", "==="))
        shown = None if shown is None or match.group(1) else shown
    if key in ("hidden", "disabled") and shown is not None:
        shown = not shown
    return match.group(2), shown


def _ask(block: Node, text: str, component_ask: ComponentAsk) -> Ask | None:
    """The ask a block is: its own markup an authorization page's, or the one project component it renders."""
    if not block.children and block.tag not in ("view", "block", "div", "button"):
        found = component_ask(block.tag)
        if found is not None:
            return found
    end = block.end if block.end >= block.start else len(text)
    return authorization_page(text[block.start:end], "block.wxml")


def closed_on_load(flag: str, usable: bool, script: str | None, path: str) -> bool:
    """Whether the content (``usable``: shown when ``flag`` is truthy) of the page whose script is ``script`` (read
    as ``path``) is hidden (or held) as the page opens: shown on a truthy flag, the flag does not start
    true or a load hook sets it again; shown on a falsy one (``disabled="{{notGet}}"``), the flag starts true or a
    load hook sets it true."""
    if script is None:
        return usable
    if usable:
        return not starts_true(script, path, flag) or assigned_by_hook(script, path, flag)
    return shown_on_load((("wx:if", flag),), script, path)


def _ask_sets(flag: str, blocks: list[Node], script: str | None, path: str) -> bool:
    """Whether a handler the ask ``blocks`` bind (``bindgetuserinfo="onAuth"``, ``@getphonenumber="bind"``) sets
    ``flag`` in the page's script: the ask is what lets the user in."""
    names = {match.group(0) for block in blocks for node in _walk(block) for key, value in node.attrs.items()
             if is_event_attribute(key) and (match := _HANDLER.match(value.strip().removeprefix("{{").strip()))}
    return script is not None and bool(names) and sets_in(script, path, names, flag)


def _walk(node: Node) -> list[Node]:
    out = [node]
    for child in node.children:
        out += _walk(child)
    return out
