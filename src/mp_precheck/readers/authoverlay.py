"""Whether a component is a login wall laid over the page that renders it, shown as the page opens.

Such a component is an authorization page by what it shows (``readers/authpage.py``: its only controls ask for
the profile, the phone number or a login, no way past, no close control), its outer element covers the whole
screen (``position: fixed`` with ``top: 0`` and ``bottom: 0``, ``inset: 0`` or a full height, in its style
sheet or inline), and it shows without a tap: the element has no condition, or the flag of its ``wx:if`` /
``v-if`` / ``v-show`` (``hidden`` the other way round) starts true or is set true by a lifecycle hook
(``onLoad``, ``attached``, ``mounted``…, through same-file helpers), as after a ``wx.getSetting`` that finds no
authorization. A popup opened by a tap handler, or one with a close control, is no wall.

In: a component's template, style and script texts. Out: the :class:`Overlay` or None; never raises on
malformed input.
Sources: https://developers.weixin.qq.com/miniprogram/product/index.html (请在用户了解体验小程序功能后，再要求用户进行
帐号登录) and https://developers.weixin.qq.com/miniprogram/dev/framework/view/wxml/conditional.html (wx:if, hidden).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache

from msgspec import Struct
from tree_sitter import Language, Node

from mp_precheck.core.lazyre import lazy
from mp_precheck.readers.authpage import SFC_SUFFIXES, authorization_page
from mp_precheck.readers.htmlfeed import feed_shared
from mp_precheck.readers.lifecycle import tree_definitions
from mp_precheck.readers.markup import ElementStack, normalise_attribute
from mp_precheck.readers.openinghooks import OPENING
from mp_precheck.readers.sfc import split_blocks
from mp_precheck.readers.syntax import language_for, node_text, parse, walk

CONDITIONS = ("wx:if", "v-if", "v-show", "hidden")
_LIFECYCLE = OPENING  # a flag raised in a hook that runs before any tap shows its element on open
# a flag, or a path into the data (``!userInfo.nickName``: a path no data starts true, so its negation shows)
_FLAG = lazy(r"^\{?\{?\s*(!?)\s*(?:this\.)?([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\s*\}?\}?$")
_CLASS = lazy(r"\.([A-Za-z_][\w-]*)")
_HELPER_DEPTH = 2
_OUTER = 4  # the first elements of a component's template, where its own covering element stands
# where a component keeps the values its template reads, and the calls that set them: a page's or a Vue
# component's ``data``, a React / Taro class component's ``state = {…}`` and ``this.setState({…})``
_DATA = ("data", "state")
_SETTERS = ("setData", "setState")


class Overlay(Struct, frozen=True):
    """A login wall over the page: the covering element at 1-based ``line``, and ``what`` it asks for."""

    line: int
    what: str


class Element(Struct, frozen=True):
    """An element of a template: its tag, 1-based line, classes, inline style, the conditions on it and its
    ancestors as (attribute, expression), and its ``depth`` (0: a top-level element)."""

    tag: str
    line: int
    classes: tuple[str, ...]
    style: str
    conditions: tuple[tuple[str, str], ...]
    depth: int = 0


class _Elements(ElementStack):
    def __init__(self, line_offset: int) -> None:
        super().__init__(convert_charrefs=True)
        self.line_offset = line_offset
        self.found: list[Element] = []
        self.open: list[tuple[str, tuple[tuple[str, str], ...]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {normalise_attribute(key): value or "" for key, value in attrs}
        if "wx-if" in values:  # the spelling some WePY templates use
            values.setdefault("wx:if", values["wx-if"])
        inherited = self.open[-1][1] if self.open else ()
        own = tuple((key, values[key]) for key in CONDITIONS if key in values)
        self.found.append(Element(tag, self.getpos()[0] + self.line_offset, tuple(values.get("class", "").split()),
                                  values.get("style", ""), inherited + own, len(self.open)))
        self.open.append((tag, inherited + own))


def elements(template: str, line_offset: int = 0) -> list[Element]:
    """The elements of a template text in source order (lines shifted by ``line_offset``)."""
    parser = _Elements(line_offset)
    feed_shared(parser, template)
    return parser.found


def overlay(template: str, template_path: str, styles: str, script: str | None, script_path: str) -> Overlay | None:
    """The login wall a component is (see the module), or None. ``template`` is its WXML or whole single-file
    component text (read as ``template_path``), ``styles`` its style sheets' text, ``script`` its script."""
    ask = authorization_page(template, template_path)
    if ask is None:
        return None
    body, offset = _template_block(template, template_path)
    covering = covering_classes(styles)
    # the component's outer elements: its first few, and the children of its root (a wrapper component lays its
    # overlays beside the <slot> holding the page's content)
    shown = [e for i, e in enumerate(elements(body, offset)) if (i < _OUTER or e.depth <= 1) and
             covers(e.classes, e.style, covering) and shown_on_load(e.conditions, script, script_path)]
    if not shown:
        return None
    order = _raise_order(script, script_path, {flag for e in shown for flag in _raised_flags(e.conditions)}) \
        if script is not None else {}
    first = min(shown, key=lambda e: max((order.get(f, 0) for f in _raised_flags(e.conditions)), default=-1))
    return Overlay(first.line, ask.what)


def _raised_flags(conditions: tuple[tuple[str, str], ...]) -> list[str]:
    """The flags of ``conditions`` that show the element when true (``v-show="flag"``; not ``!flag``, not
    ``hidden``): those an opening hook may raise."""
    found = []
    for attribute, expression in conditions:
        match = _FLAG.match(expression.strip())
        if match is not None and (match.group(1) == "!") == (attribute == "hidden"):
            found.append(match.group(2))
    return found


def _template_block(text: str, path: str) -> tuple[str, int]:
    if not path.endswith(SFC_SUFFIXES):
        return text, 0
    block = next((b for b in split_blocks(text) if b.tag == "template"), None)
    return (block.text, block.line_offset) if block is not None else ("", 0)


def _declarations(text: str) -> dict[str, str]:
    """{property: value} of a declaration list (``position: fixed; top: 0``), lower-cased."""
    from tinycss2 import parse_blocks_contents, serialize
    from tinycss2.ast import Declaration

    return {d.lower_name: serialize(d.value).strip().lower() for d in parse_blocks_contents(text)
            if isinstance(d, Declaration)}


FIXED = ("fixed",)


def covers(classes: Iterable[str], style: str, covering: set[str], positions: tuple[str, ...] = FIXED) -> bool:
    """Whether an element with ``classes`` and the inline ``style`` lays itself over the whole screen: one of its
    classes is among ``covering`` (:func:`covering_classes`) or its own style does (``positions`` as there)."""
    return bool(covering & set(classes)) or _covers(_declarations(style), positions)


def _covers(decls: dict[str, str], positions: tuple[str, ...] = FIXED) -> bool:
    """Whether declarations lay an element over the whole screen: fixed (or another of ``positions``), from top
    to bottom (or full height)."""
    if decls.get("position", "").replace("!important", "").strip() not in positions:
        return False
    zero = {"0", "0px", "0rpx"}
    full = {"100%", "100vh"}
    return decls.get("inset") in zero or (decls.get("top") in zero and decls.get("bottom") in zero) or \
        decls.get("height") in full or decls.get("min-height") in full


def covering_classes(styles: str, positions: tuple[str, ...] = FIXED) -> set[str]:
    """Classes whose rules in the style sheet text ``styles`` lay an element over the whole screen (``position``
    one of ``positions``: ``fixed``, and ``absolute`` too where the question is whether a mask was there
    before, only restyled). A rule nested in another, as SCSS and Less write them (``.page { > .mask {…} }``,
    ``.auth { &-mask {…} }``), is read with its parents' selectors."""
    return {name for name, decls in _class_rules(styles) if _covers(dict(decls), positions)}


@lru_cache(maxsize=8)  # a mask is weighed with two sets of positions, at head and at base: one parse per sheet
def _class_rules(styles: str) -> tuple[tuple[str, tuple[tuple[str, str], ...]], ...]:
    """(class, its merged declarations) of the style sheet text ``styles`` (:func:`_merge_rules`), in order."""
    from tinycss2 import parse_stylesheet

    merged: dict[str, dict[str, str]] = {}
    _merge_rules(parse_stylesheet(styles, skip_comments=True, skip_whitespace=True), [""], merged, 0)
    return tuple((name, tuple(decls.items())) for name, decls in merged.items())


_NESTING = 8  # nested rules read this deep: a sheet nests a few levels, never more


def _merge_rules(rules: Iterable[object], parents: list[str], merged: dict[str, dict[str, str]], depth: int) -> None:
    """Merge into ``merged`` (class → declarations) the declarations of ``rules`` by the class their selector
    (under ``parents``) ends with, and read the rules nested in them."""
    from tinycss2 import parse_blocks_contents, serialize
    from tinycss2.ast import Declaration, QualifiedRule

    for rule in rules:
        if not isinstance(rule, QualifiedRule):
            continue
        selectors = [_nested(selector.strip(), parent) for selector in serialize(rule.prelude).split(",")
                     if selector.strip() for parent in parents]
        content = parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True)
        decls = {d.lower_name: serialize(d.value).strip().lower() for d in content if isinstance(d, Declaration)}
        for selector in selectors:
            for name in _CLASS.findall(selector.split()[-1]):
                merged.setdefault(name, {}).update(decls)
        if depth < _NESTING:
            _merge_rules(content, selectors, merged, depth + 1)


def _nested(selector: str, parent: str) -> str:
    """A nested rule's selector in full: ``&`` stands for the parent (``&-mask``, ``&.open``), else it is a
    descendant (``> .mask``)."""
    if not parent:
        return selector
    return selector.replace("&", parent) if "&" in selector else f"{parent} {selector}"


def shown_on_load(conditions: tuple[tuple[str, str], ...], script: str | None, path: str) -> bool:
    """Whether every condition on an element lets it show as the page opens, read against ``script``: a flag
    that starts true or that a lifecycle hook sets true shows it (``hidden`` and ``!flag`` the other way round:
    a flag that does not start true; a path into the data, ``!userInfo.nickName``, is read the same way and
    starts true nowhere). An expression other than a flag is not read, and answers no."""
    for attribute, expression in conditions:
        match = _FLAG.match(expression.strip())
        if match is None or script is None:
            return False
        negated = (match.group(1) == "!") != (attribute == "hidden")
        flag = match.group(2)
        language = language_for(path)
        tree = parse(language, script.encode("utf-8", "surrogatepass")).root_node
        starts = _starts_true(tree, flag)
        if (negated and starts) or (not negated and not (starts or _raised_by_hook(tree, language, flag))):
            return False
    return True


def _starts_true(root: Node, flag: str) -> bool:
    """Whether the component's data gives ``flag`` the initial value ``true`` (``data: { show: true }``, a
    ``data()`` that returns it, WePY's ``data = {…}`` field, a class component's ``state = {…}``)."""
    for node in walk(root):
        if node.type == "pair" and node_text(node.child_by_field_name("key")).strip("'\"") == flag and \
                node_text(node.child_by_field_name("value")) == "true" and _in_data(node):
            return True
    return False


def _in_data(node: Node) -> bool:
    current = node.parent
    for _ in range(5):
        if current is None:
            return False
        key = current.child_by_field_name("key") or current.child_by_field_name("name") or \
            current.child_by_field_name("property")
        if current.type in ("pair", "method_definition", "field_definition", "public_field_definition") and \
                key is not None and node_text(key).strip("'\"") in _DATA:
            return True
        current = current.parent
    return False


def starts_true(script: str, path: str, flag: str) -> bool:
    """Whether the component's script ``script`` (read as ``path``) gives ``flag`` the initial value ``true``."""
    return _starts_true(parse(language_for(path), script.encode("utf-8", "surrogatepass")).root_node, flag)


def assigned_by_hook(script: str, path: str, flag: str) -> bool:
    """Whether a lifecycle hook of ``script`` (read as ``path``), or a same-file helper it calls, sets ``flag`` to
    anything but ``true`` (``this.authorized = false`` after a ``wx.getSetting``)."""
    language = language_for(path)
    root = parse(language, script.encode("utf-8", "surrogatepass")).root_node
    return _raised_by_hook(root, language, flag, lambda value: value.type != "true")


def sets_in(script: str, path: str, functions: set[str], flag: str) -> bool:
    """Whether one of the named ``functions`` of ``script`` (read as ``path``), or a same-file helper it calls, sets
    ``flag`` to anything (``this.setData({ notGet: false })`` in the ask's ``bindgetuserinfo`` handler)."""
    language = language_for(path)
    defs = tree_definitions(parse(language, script.encode("utf-8", "surrogatepass")).root_node, language)
    return _sets_from(defs, sorted(functions & set(defs)), flag, lambda value: True)


def brings_back(script: str, path: str, handler: str, conditions: tuple[tuple[str, str], ...]) -> bool:
    """Whether the function ``handler`` of ``script`` (read as ``path``), or a same-file helper it calls, sets the
    flag of one of ``conditions`` (as on an element: ``wx:if="{{unlogin}}"``) back to the value that shows the
    element, at once or in a timer's callback (``setTimeout(() => this.setData({ unlogin: true }), 2000)``): a tap
    on it hides the element for a moment at most."""
    language = language_for(path)
    defs = tree_definitions(parse(language, script.encode("utf-8", "surrogatepass")).root_node, language)
    if handler not in defs:
        return False
    for attribute, expression in conditions:
        match = _FLAG.match(expression.strip())
        if match is None:
            continue
        shows_when_true = (match.group(1) == "!") == (attribute == "hidden")
        if _sets_from(defs, [handler], match.group(2),
                      (lambda value: value.type == "true") if shows_when_true else
                      (lambda value: value.type in ("false", "null", "undefined"))):
            return True
    return False


def _raised_by_hook(root: Node, language: Language, flag: str,
                    accept: Callable[[Node], bool] = lambda value: value.type == "true") -> bool:
    """Whether a lifecycle hook, or a same-file helper it calls, sets ``flag`` to a value ``accept`` takes (by
    default true: ``this.show = true``, ``self.show = true`` in a callback, ``this.setData({ show: true })``,
    ``show.value = true``)."""
    defs = tree_definitions(root, language)
    return _sets_from(defs, sorted(_LIFECYCLE & set(defs)), flag, accept)


def _raise_order(script: str, path: str, flags: set[str]) -> dict[str, int]:
    """For each of ``flags`` the opening code of ``script`` sets true: its rank (1: first) in the order that code
    runs, the hooks in source order, each helper read where it is called. Which of two walls the user meets
    first: ``if (!user.avatar) this.showAvatar = true; else if (!user.phone) this.showPhone = true``."""
    language = language_for(path)
    defs = tree_definitions(parse(language, script.encode("utf-8", "surrogatepass")).root_node, language)
    order: dict[str, int] = {}
    for body in sorted((defs[name] for name in _LIFECYCLE & set(defs)), key=lambda body: body.start_byte):
        _raises_in(body, defs, flags, order, _HELPER_DEPTH, frozenset())
    return order


def _raises_in(body: Node, defs: dict[str, Node], flags: set[str], order: dict[str, int], depth: int,
               seen: frozenset[str]) -> None:
    """Rank in ``order`` each of ``flags`` ``body`` sets true, in source order, a same-file helper's where it is
    called (``depth`` deep)."""
    for node in walk(body):
        for flag in sorted(flags - order.keys()):
            if _sets(node, flag, lambda value: value.type == "true"):
                order[flag] = len(order) + 1
        helper = _called_helper(node) if depth > 0 else None
        if helper is not None and helper in defs and helper not in _LIFECYCLE and helper not in seen:
            _raises_in(defs[helper], defs, flags, order, depth - 1, seen | {helper})


def _sets_from(defs: dict[str, Node], names: list[str], flag: str, accept: Callable[[Node], bool]) -> bool:
    """Whether the functions ``names`` of ``defs``, or same-file helpers they call (not hooks), set ``flag``."""
    pending = [(defs[name], _HELPER_DEPTH) for name in names]
    seen: set[int] = set()
    while pending:
        body, depth = pending.pop()
        if body.id in seen:
            continue
        seen.add(body.id)
        for node in walk(body):
            if _sets(node, flag, accept):
                return True
            helper = _called_helper(node) if depth > 0 else None
            if helper in defs and helper not in _LIFECYCLE:
                pending.append((defs[str(helper)], depth - 1))
    return False


def _sets(node: Node, flag: str, accept: Callable[[Node], bool]) -> bool:
    if node.type == "assignment_expression":
        left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
        if right is None or not accept(right) or left is None or left.type != "member_expression":
            return False
        prop = node_text(left.child_by_field_name("property"))
        return prop == flag or (prop == "value" and node_text(left.child_by_field_name("object")) == flag)
    if node.type == "pair" and node_text(node.child_by_field_name("key")).strip("'\"") == flag:
        value = node.child_by_field_name("value")
        args = node.parent.parent if node.parent is not None else None  # the object, then the arguments
        call = args.parent if args is not None and args.type == "arguments" else None
        return value is not None and accept(value) and call is not None and \
            node_text(call.child_by_field_name("function")).endswith(_SETTERS)
    return False


def _called_helper(node: Node) -> str | None:
    """The name of a same-file function a call names: ``helper()``, ``this.helper()``, ``self.helper()``."""
    if node.type != "call_expression":
        return None
    fn = node.child_by_field_name("function")
    if fn is not None and fn.type == "identifier":
        return node_text(fn)
    if fn is not None and fn.type == "member_expression" and \
            node_text(fn.child_by_field_name("object")) in ("this", "that", "self", "_this", "vm", "me"):
        return node_text(fn.child_by_field_name("property"))
    return None
