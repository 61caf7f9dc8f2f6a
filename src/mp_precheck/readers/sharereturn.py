"""A share button whose tap marks the share, and a page that acts when the user comes back from sharing.

Since WeChat withdrew the share callbacks, a page tells a share by the tap on its share button and by showing
again afterwards: ``<button open-type="share" @click="onShareTap">`` sets ``this.shared = true`` and
``onShow() { if (this.shared) { request(api.doubleReward) } }`` credits the share. Acting on a finished share is
the use WeChat's notice 「分享监听」能力调整 (2018) names as the reason the callbacks went (判断用户是否分享成功，
进而给予用户奖励): induced sharing, https://developers.weixin.qq.com/miniprogram/product/reject.html (3.2.1).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from tree_sitter import Language, Node

from mp_precheck.core.lazyre import lazy
from mp_precheck.core.recache import compiled
from mp_precheck.readers.sfc import script_units
from mp_precheck.readers.sharecallback import is_bookkeeping
from mp_precheck.readers.syntax import language_for, node_text, nodes_of, parse

_BUTTON = lazy(r"<([\w-]*button)\b([^>]*)>", re.IGNORECASE)
_SHARE = compiled(r"\bopen-?type\s*=\s*[\"']share[\"']", re.IGNORECASE)
_TAP = compiled(r"(?:\bbind:?tap|\bcatch:?tap|@tap|@click|\bv-on:(?:tap|click))\s*=\s*[\"']\s*([\w$]+)")
_DEFINITIONS = ("method_definition", "pair")
_FUNCTIONS = ("function_expression", "function", "arrow_function")


def share_taps(markup: str, line_offset: int = 0) -> list[tuple[int, str]]:
    """(1-based line, handler name) of each share button (``open-type="share"``, a kit's ``*-button`` too) whose
    tap binds a handler by name, in the template text ``markup``."""
    out = []
    for match in _BUTTON.finditer(markup):
        attributes = match.group(2)
        tap = _TAP.search(attributes)
        share = _SHARE.search(attributes)
        if tap and share:
            out.append((markup.count("\n", 0, match.start(2) + share.start()) + 1 + line_offset, tap.group(1)))
    return out


def acts_on_return(script: str, path: str, handlers: set[str]) -> list[int]:
    """1-based lines of the first call in each branch of the page's ``onShow`` that tests a flag one of the share
    ``handlers`` sets (``this.shared = true``, ``this.setData({ shared: true })``), in the script text of ``path``
    (a component's ``<script>`` blocks for a single-file component). Logging, ``setData`` and toasts are left
    out: only an action can credit the share."""
    out: list[int] = []
    for source, name, offset in script_units(script, path):
        language = language_for(name)
        root = parse(language, source.encode("utf-8", "surrogatepass")).root_node
        bodies = dict(script_methods(root, language))
        flags = {flag for handler in handlers if handler in bodies for flag in _flags_set(bodies[handler], language)}
        show = bodies.get("onShow")
        if not flags or show is None:
            continue
        for branch in nodes_of(show, language, ("if_statement",)):
            condition = node_text(branch.child_by_field_name("condition"))
            consequence = branch.child_by_field_name("consequence")
            if consequence is None or not any(re.search(rf"\b{re.escape(f)}\b", condition) for f in flags):
                continue
            calls = [c for c in nodes_of(consequence, language, ("call_expression",)) if not is_bookkeeping(c)]
            if calls:
                out.append(calls[0].start_point[0] + 1 + offset)
    return sorted(set(out))


def script_methods(root: Node, language: Language) -> Iterator[tuple[str, Node]]:
    """(name, body) of each method or function-valued key of the script."""
    for node in nodes_of(root, language, _DEFINITIONS):
        if node.type == "method_definition":
            name, body = node.child_by_field_name("name"), node.child_by_field_name("body")
        else:
            name, value = node.child_by_field_name("key"), node.child_by_field_name("value")
            body = value.child_by_field_name("body") if value is not None and value.type in _FUNCTIONS else None
        if name is not None and body is not None:
            yield node_text(name).strip("'\""), body


def _flags_set(body: Node, language: Language) -> set[str]:
    """Names a handler sets to ``true``: ``this.x = true`` (``_this.x``, ``that.x``) or ``setData({ x: true })``."""
    out = set()
    for node in nodes_of(body, language, ("assignment_expression", "pair")):
        left = node.child_by_field_name("left") if node.type == "assignment_expression" else \
            node.child_by_field_name("key")
        right = node.child_by_field_name("right") if node.type == "assignment_expression" else \
            node.child_by_field_name("value")
        if left is None or right is None or node_text(right) != "true":
            continue
        if left.type == "member_expression":
            left = left.child_by_field_name("property")
        if left is not None and left.type in ("property_identifier", "identifier"):
            out.add(node_text(left))
    return out
