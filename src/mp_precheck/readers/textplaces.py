"""Where a piece of script text sits, as review reads it: a share card's title, a control's label (JSX text in a
``<Button>``), a share button's label (``openType="share"``), an element's text shown through a JSX expression child
(``{loading ? '登录中' : '微信登录'}``), the text of a toast or a dialog the app shows (``wx.showModal``'s ``title``
/ ``content``, a project's ``toast('…')``), a message held under a message's name (``MESSAGE_AUTH = '…'``), or a
name a page shows from its data (``{ title: '微信登录' }`` in a tab list).

In: tree-sitter nodes of a parsed script. Out: booleans.
Sources: https://developers.weixin.qq.com/miniprogram/dev/component/button.html (open-type share),
https://developers.weixin.qq.com/miniprogram/dev/api/ui/interaction/wx.showModal.html.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tree_sitter import Node

from mp_precheck.core.recache import compiled
from mp_precheck.core.scenes import words_of
from mp_precheck.readers.syntax import node_text as _text
from mp_precheck.readers.syntax import string_value as _string_value
from mp_precheck.readers.syntax import walk, whole_string
from mp_precheck.readers.textsignals import WARNING


def share_title(node: Node) -> bool:
    """A ``title`` returned by ``onShareAppMessage``/``onShareTimeline``: the share card's name."""
    parent = node.parent
    if parent is None or parent.type != "pair" or _text(parent.child_by_field_name("key")).strip("'\"") != "title":
        return False
    current = parent.parent
    while current is not None:
        if current.type in ("method_definition", "pair", "function_declaration"):
            name = current.child_by_field_name("name") or current.child_by_field_name("key")
            if _text(name) in ("onShareAppMessage", "onShareTimeline"):
                return True
        current = current.parent
    return False


def inside_button(node: Node, share: bool = False) -> bool:
    """JSX text inside a ``<Button>`` (or a UI kit's ``AtButton``): a control's label; with ``share``, inside
    a share button (``openType="share"``)."""
    current = node.parent
    while current is not None:
        if current.type == "jsx_element":
            opening = current.child_by_field_name("open_tag")
            name = opening.child_by_field_name("name") if opening is not None else None
            if _text(name).split(".")[-1].lower().endswith("button") and (not share or shares(opening)):
                return True
        current = current.parent
    return False


def jsx_child_literal(node: Node) -> bool:
    """Whether the string ``node`` is a text a JSX expression child can show, as its element's own text:
    ``{'微信登录'}``, ``{loading ? '登录中' : '微信登录'}``, ``{ready && '微信登录'}``, ``{label || '微信登录'}``
    (the values :func:`mp_precheck.readers.bound.branch_literals` reads). Not a literal passed to a call
    (``{t('login')}``), compared (``{a === 'x' && …}``), nor a template string that substitutes."""
    if whole_string(node) is None:
        return False
    current, parent = node, node.parent
    while parent is not None:
        if parent.type == "jsx_expression":
            return parent.parent is not None and parent.parent.type == "jsx_element"
        if parent.type == "ternary_expression":
            if parent.child_by_field_name("condition") == current:
                return False
        elif parent.type == "binary_expression":
            operator = parent.child_by_field_name("operator")
            if operator is None or operator.type not in ("||", "&&", "??") or (
                    operator.type == "&&" and parent.child_by_field_name("left") == current):
                return False
        elif parent.type != "parenthesized_expression":
            return False
        current, parent = parent, parent.parent
    return False


def shown_as_jsx_text(node: Node) -> Node | None:
    """Where the string ``node`` shows as an element's text in the file's JSX: the string itself when it is a JSX
    expression child's value (:func:`jsx_child_literal`), or the expression child ``{btnText}`` /
    ``{this.state.btnText}`` that renders the name holding it in the component's state (``state = { btnText:
    '微信授权登录' }``, ``this.setState({ btnText: '…' })``) or a constant (``const LABEL = '…'``): the
    component's own text kept in script data. None for a value no element shows (a constant only logged or sent).
    Source: https://developers.weixin.qq.com/miniprogram/product/reject.html (WeChat's name on the app's controls)."""
    if jsx_child_literal(node):
        return node
    name = _state_name(node)
    if name is None:
        return None
    root = node
    while root.parent is not None:
        root = root.parent
    return _rendered_names(root).get(name)


_STATE_SETTERS = ("setState",)


def _state_name(node: Node) -> str | None:
    """The name a string is held under in a component's state or a constant, or None."""
    parent = node.parent
    if parent is not None and parent.type == "variable_declarator" and parent.child_by_field_name("value") == node:
        declaration = parent.parent
        return _text(parent.child_by_field_name("name")) if declaration is not None and \
            _text(declaration).startswith("const") else None
    if parent is None or parent.type != "pair" or parent.child_by_field_name("value") != node or \
            parent.parent is None or parent.parent.type != "object":
        return None
    holder = parent.parent.parent
    if holder is None:
        return None
    named = holder.child_by_field_name("property") or holder.child_by_field_name("name") \
        if holder.type in ("field_definition", "public_field_definition") else \
        holder.child_by_field_name("left") if holder.type == "assignment_expression" else None
    call = holder.parent if holder.type == "arguments" else None
    if (named is not None and _text(named).split(".")[-1] == "state") or (
            call is not None and _text(call.child_by_field_name("function")).endswith(_STATE_SETTERS)):
        return _text(parent.child_by_field_name("key")).strip("'\"")
    return None


@lru_cache(maxsize=4)  # one file's strings ask of the same tree
def _rendered_names(root: Node) -> dict[str, Node]:
    """{name: the first JSX expression child that shows it as its element's text (``{btnText}``,
    ``{this.state.btnText}``)} of the tree at ``root``."""
    found: dict[str, Node] = {}
    for node in walk(root):
        if node.type != "jsx_expression" or node.parent is None or node.parent.type != "jsx_element" or \
                len(node.named_children) != 1:
            continue
        inner = node.named_children[0]
        if inner.type == "identifier":
            found.setdefault(_text(inner), inner)
        elif inner.type == "member_expression":
            found.setdefault(_text(inner.child_by_field_name("property")), inner)
    return found


# A call that shows its text to the user as a passing message or a dialog, by a word of its name or its object's:
# wx.showToast / showModal / showActionSheet, a kit's Toast.fail / Dialog.alert / Notify, a project's own toast('…'),
# this.$tip('…'), showMsg('…'). A log line (console.log, logger.warn) is none.
_PROMPT_WORDS = frozenset({"toast", "modal", "sheet", "dialog", "alert", "notify", "tip", "tips", "msg", "message"})
_PROMPT_KEYS = frozenset({"title", "content", "message", "msg"})
_NAME_WORDS = compiled(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")


def prompt_text(node: Node, loading: bool = False) -> bool:
    """Whether the string ``node`` is the text a toast or a dialog the app shows: an argument of a call named for
    one (``toast('…')``, ``Toast.fail('…')``, ``this.$tip('…')``), or the ``title`` / ``content`` / ``message`` of
    the options such a call takes (``wx.showToast({ title })``, ``wx.showModal({ title, content })``,
    ``Dialog.alert({ message })``): a screen's sentence, not a control's label; with ``loading``, a loading
    indicator's too (``wx.showLoading({ title })``, ``Toast.loading('…')``). In: a tree-sitter string node.
    Out: a boolean. Sources: https://developers.weixin.qq.com/miniprogram/dev/api/ui/interaction/wx.showToast.html,
    https://developers.weixin.qq.com/miniprogram/dev/api/ui/interaction/wx.showModal.html,
    https://developers.weixin.qq.com/miniprogram/dev/api/ui/interaction/wx.showLoading.html."""
    arguments = node.parent
    if arguments is not None and arguments.type == "pair" and arguments.child_by_field_name("value") == node:
        if _text(arguments.child_by_field_name("key")).strip("'\"") not in _PROMPT_KEYS:
            return False
        options = arguments.parent
        arguments = options.parent if options is not None and options.type == "object" else None
    call = arguments.parent if arguments is not None and arguments.type == "arguments" else None
    if call is None or call.type != "call_expression":
        return False
    callee = call.child_by_field_name("function")
    names = _text(callee).split(".")[-2:] if callee is not None else []
    words = {word.lower() for name in names for word in _NAME_WORDS.findall(name)}
    return bool(words & _PROMPT_WORDS) or (loading and "loading" in words)


# Names that hold a message the screen shows (MESSAGE_AUTH, authMsg, loginTip, noticeText): a sentence, not a
# control's label.
_MESSAGE_WORDS = frozenset({"message", "msg", "tip", "tips", "notice", "hint", "prompt"})


def message_text(node: Node) -> bool:
    """Whether the string ``node`` is the value a variable, key or property named as a message holds
    (``export const MESSAGE_AUTH = '…'``, ``{ tip: '…' }``, ``this.authMsg = '…'``): text a screen shows as a
    sentence (a dialog's or a page's message), not a control's label."""
    parent = node.parent
    if parent is None:
        return False
    if parent.type == "variable_declarator" and parent.child_by_field_name("value") == node:
        name = parent.child_by_field_name("name")
    elif parent.type == "pair" and parent.child_by_field_name("value") == node:
        name = parent.child_by_field_name("key")
    elif parent.type == "assignment_expression" and parent.child_by_field_name("right") == node:
        name = parent.child_by_field_name("left")
        name = name.child_by_field_name("property") if name is not None and name.type == "member_expression" \
            else name
    else:
        return False
    words = _NAME_WORDS.findall(_text(name).strip("'\""))
    return any(word.lower() in _MESSAGE_WORDS for word in words)


def shares(opening: Node | None) -> bool:
    """Whether a JSX opening tag has ``openType="share"`` (or ``open-type``)."""
    for attribute in opening.named_children if opening is not None else ():
        if attribute.type == "jsx_attribute" and len(attribute.named_children) == 2:
            name, value = attribute.named_children
            if _text(name) in ("openType", "open-type") and (_string_value(value) or "").strip() == "share":
                return True
    return False


_IDENTIFIER = compiled(r"[A-Za-z_$][\w$.-]*")
_LABEL_KEYS = frozenset({"title", "label", "text", "name", "tabTitle", "tabName"})
_CONTROL_WORDS = frozenset({"button", "btn"})  # a key naming a control's text: primaryButton, loginBtnText


def ui_label(node: Node, locale: bool = False) -> bool:
    """Whether the string ``node`` is the value of a key that names what a page shows (``title``, ``label``,
    ``text``, ``name``, or a key naming a button: ``primaryButton``, ``loginBtnText``): a tab's, a menu item's, a
    field's or a control's label kept in data. In a ``locale`` file (see :func:`locale_file`) every value is text a
    page shows under its key (``useWeChatPhone: '…'`` rendered as ``{{i18n.join.useWeChatPhone}}`` on a button)."""
    pair = node.parent
    if pair is None or pair.type != "pair" or pair.child_by_field_name("value") != node:
        return False
    key = _text(pair.child_by_field_name("key")).strip("'\"")
    if not locale and key not in _LABEL_KEYS and not _CONTROL_WORDS & set(words_of(key)):
        return False
    return not _IDENTIFIER.fullmatch(_string_value(node) or "")  # name: 'wechatLogin' names a cloud function


# A folder of translations (locales/zh-CN.js, i18n/lang/zh.ts) or a file named by its language tag (zh-Hans.js)
_LOCALE_FOLDERS = frozenset({"locale", "locales", "i18n", "lang", "langs", "language", "languages"})
_LOCALE_NAME = compiled(r"(?:zh|en|ja|ko)(?:[-_][A-Za-z]{2,4})?|messages(?:[-_.]\w+)?", re.IGNORECASE)


def locale_file(path: str) -> bool:
    """Whether the script at ``path`` holds a translation table (vue-i18n's messages, a hand-written ``i18n``
    module): its values are the labels pages show through their keys. In: a repository path. Out: a boolean.
    Source: https://developers.weixin.qq.com/miniprogram/product/reject.html (WeChat's name on the app's own
    controls, wherever the label's text is kept)."""
    parts = path.lower().split("/")
    stem = parts[-1].rsplit(".", 1)[0]
    return any(p in _LOCALE_FOLDERS for p in parts[:-1]) or bool(_LOCALE_NAME.fullmatch(stem))


def warning_list(node: Node) -> bool:
    """Whether the string ``node`` is an item of an array literal another item of which warns against fraud
    (``['电信诈骗', '刷单返利', '校园贷/网贷']``): a list of fraud types, whose items name services to warn of them."""
    parent = node.parent
    if parent is None or parent.type != "array":
        return False
    return any(item is not node and item.type in ("string", "template_string") and
               WARNING.search(_string_value(item) or "") is not None for item in parent.named_children)
