"""Where a page's typed text goes: the page state a text box writes, and the names a call's data carries.

A posting page often sends more than its post: an address or barcode lookup, a draft fetch. The call that
publishes the text is the one whose data holds what the text box wrote (``createPost(data)`` where
``data = { content }`` and ``<Textarea value={content} onInput={e => setContent(…)}>``).

In: a file's text and lines of it. Out: names (identifiers and member names), empty when nothing is seen.
Pure functions of text; JS/TS through tree-sitter, markup tags by a small scanner. Never raise.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from tree_sitter import Language, Node

from mp_precheck.core.lazyre import lazy
from mp_precheck.core.recache import compiled
from mp_precheck.readers.computedsetters import setter_writes
from mp_precheck.readers.sfc import split_blocks
from mp_precheck.readers.syntax import language_for, node_text, nodes_of, parse

_SFC = (".vue", ".nvue", ".mpx", ".wpy")
_FUNCTIONS = ("arrow_function", "function_expression", "function", "function_declaration", "method_definition",
              "generator_function", "generator_function_declaration")
_NAMES = ("identifier", "property_identifier", "shorthand_property_identifier")
# A text box's bound value: React/Taro ``value={x}``, WXML ``value="{{x}}"`` / ``model:value``, Vue ``v-model``,
# mpx ``wx:model="{{x}}"`` (https://mpxjs.cn/guide/basic/two-way-binding.html).
_BOUND = compiled(r"(?:^|\s|(?<=[\"'}]))(?:v-model(?:\.\w+)*|wx:model|model:value|:value|value)\s*=\s*"
                    r"(?:\"([^\"]*)\"|'([^']*)'|\{([^{}]*)\})")
# A Vue inline input handler that assigns: ``@input="form.content = $event"``.
_HANDLER = lazy(r"(?:^|\s|(?<=[\"'}]))(?:@input|v-on:input|@change)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
# A form field's name: ``<textarea name="description">`` in a ``<form bindsubmit>`` arrives as the submit event's
# ``e.detail.value.description`` (https://developers.weixin.qq.com/miniprogram/dev/component/form.html).
_FIELD = lazy(r"(?:^|\s|(?<=[\"'}]))name\s*=\s*[\"']([A-Za-z_$][\w$]*)[\"']")
# A text box's literal hint (https://developers.weixin.qq.com/miniprogram/dev/component/textarea.html).
_PLACEHOLDER = lazy(r"(?:^|\s)placeholder\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_SETTER = lazy(r"\bset([A-Z][\w$]*)\s*\(")  # a React state setter: setContent → content
_SET_KEYS = lazy(r"\bset(?:Data|State)\s*\(\s*\{\s*['\"]?([\w$.]+)")  # this.setData({ content: … })
_ASSIGNED = lazy(r"([\w$.]+)\s*=(?![=>])")  # @input="form.content = $event"
_WORD = compiled(r"[A-Za-z_$][\w$]*")
# A markup comment, an opening or closing tag, and the loops a tag repeats.
_COMMENT = lazy(r"<!--.*?-->", re.S)
_TAG = lazy(r"<(/?)([A-Za-z][\w:.-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*?)(/?)>")
_VFOR = lazy(r"(?:^|\s)v-for\s*=\s*[\"']\s*\(?\s*([A-Za-z_$][\w$]*)[^\"']*?\s(?:in|of)\s+([^\"']+)[\"']")
_WXFOR = lazy(r"(?:^|\s)wx:for\s*=\s*[\"']\{\{([^}]*)\}\}[\"']")
_WXITEM = lazy(r"(?:^|\s)wx:for-item\s*=\s*[\"']([A-Za-z_$][\w$]*)[\"']")
_NOT_STATE = frozenset({"this", "data", "state", "e", "event", "$event", "detail", "value", "target", "props"})
_TAG_NAME = compiled(r"<([A-Za-z][\w:.-]*)")
# A text box's tag name, lower case without dashes: WXML's own, a UI kit's or the project's field (<uni-easyinput>,
# <van-field>, <AtTextarea>, JSX <TextArea>).
_BOX_WORDS = ("input", "textarea", "editor", "field")
_BOX_NAME = compiled(r"\w*(?:input|textarea|editor|field)")


def tag_at(markup: str, line: int) -> str:
    """The opening tag that starts on ``line`` (1-based): up to its closing ``>`` outside quotes and braces. Where
    several open on the line (``<view class="row"><text>备注</text><textarea value="{{remark}}" />``), the text
    box's (:data:`_BOX_NAME`): the readers ask about a box's binding and events, which its wrapper has none of."""
    starts = _line_starts(markup)
    if not 1 <= line <= len(starts):
        return ""
    text = markup[starts[line - 1]:starts[line + 40] - 1] if line + 40 < len(starts) else markup[starts[line - 1]:]
    end, at = (text.find("\n") if "\n" in text else len(text)), text.find("<")
    opening, first = at, _tag_from(text, at)
    folded = text[:end].lower().replace("-", "")
    if not any(word in folded for word in _BOX_WORDS):
        return first  # no text box on the line: its first tag (most lines; each tag read costs a scan)
    while 0 <= at < end:  # each tag of the line in turn, the first text box's wins
        tag = first if at == opening else _tag_from(text, at)
        if (name := _TAG_NAME.match(tag)) is not None and _BOX_NAME.fullmatch(name[1].lower().replace("-", "")):
            return tag
        at = text.find("<", at + max(len(tag), 1))
    return first


def _tag_from(text: str, start: int) -> str:
    """The tag of ``text`` opening at ``start``: up to its closing ``>`` outside quotes and braces (the rest of
    ``text`` where none closes it)."""
    depth, quote = 0, ""
    for i in range(max(start, 0), len(text)):
        ch = text[i]
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "\"'`":
            quote = ch
        elif ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        elif ch == ">" and depth <= 0 and text[i - 1] != "=":
            return text[start:i]
    return text[max(start, 0):]


@lru_cache(maxsize=8)
def _line_starts(markup: str) -> tuple[int, ...]:
    """The offset of each line of ``markup``, worked out once per file: its components each ask for their tag."""
    starts = [0]
    for text in markup.split("\n")[:-1]:
        starts.append(starts[-1] + len(text) + 1)
    return tuple(starts)


def written_state(markup: str, line: int, keep: frozenset[str] = frozenset()) -> frozenset[str]:
    """The names of the page state the text box opening on ``line`` writes: the names of its bound value
    (``value={content}``, ``value="{{form.content}}"``, ``v-model="form.content"``, ``wx:model``), of what its inline
    input handler sets (``setContent(…)`` → ``content``, ``this.setData({ content })``, ``x = $event``; what the setter
    of a computed property it binds writes: readers/computedsetters.py) and its form
    field's name (``name="description"``: the form's submit event carries ``e.detail.value.description``).
    Empty when the box binds nothing visible there (a handler named by method only: ``bindinput="onInput"``).
    Names of an event's parts (``value``, ``detail``) are left out, but those in ``keep`` (``value="{{value}}"``).
    WXML's two-way binding: https://developers.weixin.qq.com/miniprogram/dev/framework/view/two-way-bindings.html."""
    tag = tag_at(markup, line)
    found: set[str] = set()
    for match in _BOUND.finditer(tag):
        found |= set(_WORD.findall(next(g for g in match.groups() if g is not None)))
    # a setter called in the tag is its input handler's (``onInput={e => setContent(e.detail.value)}``)
    found |= {m[0].lower() + m[1:] for m in _SETTER.findall(tag) if m not in ("Data", "State")}
    found |= set(_FIELD.findall(tag))
    handlers = [next(g for g in m.groups() if g is not None) for m in _HANDLER.finditer(tag)]
    for key in (*_SET_KEYS.findall(tag), *(k for h in handlers for k in _ASSIGNED.findall(h))):
        found |= set(_WORD.findall(key))
    found |= setter_writes(markup, found)  # v-model="draft", a computed whose setter writes this.body
    found |= _looped(markup, line, found)
    return frozenset(found - (_NOT_STATE - keep))


def shown_words(markup: str, line: int) -> tuple[str, ...]:
    """The words the text box opening on ``line`` shows its user before they type: its literal ``placeholder``
    (取消预约的原因, 写下你的评价), what the box is for; none when it shows none or binds it (``:placeholder``)."""
    return tuple(next(g for g in m.groups() if g is not None) for m in _PLACEHOLDER.finditer(tag_at(markup, line)))


def bound_fields(markup: str, line: int) -> frozenset[str]:
    """The last name of each path the text box opening on ``line`` binds its value to (``v-model="item.reply.text"``
    → ``text``; ``value="{{content}}"`` → ``content``): the field the box writes, where :func:`written_state` also
    holds the objects on the way (``item``, a list's row that every other call about the row passes too)."""
    paths = [next(g for g in m.groups() if g is not None) for m in _BOUND.finditer(tag_at(markup, line))]
    return frozenset(words[-1] for path in paths if (words := _WORD.findall(path))) - _NOT_STATE


def field_state(markup: str, line: int) -> frozenset[str]:
    """What a post must carry to carry the text of the box opening on ``line``, where every path it binds is one
    field of a form object (``value={form.remark}``): the field (``remark``) or the object passed whole (``form.*``,
    as :func:`carried_names` with ``whole`` tells it) — a post of the form's other fields (``{ title: form.title
    }``) carries none of this box's text. Else what the box writes (:func:`written_state`)."""
    paths = [_WORD.findall(next(g for g in m.groups() if g is not None)) for m in _BOUND.finditer(tag_at(markup, line))]
    paths = [[w for w in words if w not in _NOT_STATE] for words in paths]
    if not paths or any(len(words) < 2 for words in paths) or _looped(markup, line, {w[-2] for w in paths}):
        return written_state(markup, line)  # a list's row (``item.text``) goes with the list its loop repeats
    return frozenset(w for words in paths for w in (words[-1], words[-2] + ".*"))


def _looped(markup: str, line: int, names: set[str]) -> set[str]:
    """Names of the lists that the loops around the tag opening on ``line`` repeat, where the tag writes a field of
    their item: ``<textarea v-model="item.text">`` in ``v-for="(item, index) in form"`` writes ``form`` (the
    list a post sends whole); WXML ``wx:for="{{form}}"`` names its item ``item`` unless ``wx:for-item`` says
    otherwise (https://developers.weixin.qq.com/miniprogram/dev/reference/wxml/list.html)."""
    stack: list[tuple[str, str, frozenset[str]]] = []
    end = sum(len(text) + 1 for text in markup.split("\n")[:max(line - 1, 0)])
    markup = _COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), markup[:end])
    for tag in _TAG.finditer(markup):
        closing, name, attrs, empty = tag.groups()
        if closing:
            while stack and stack.pop()[0] != name:
                pass
        elif not empty:
            stack.append((name, *_loop(attrs)))
    return {w for _name, alias, lists in stack if alias in names for w in lists}


def _loop(attrs: str) -> tuple[str, frozenset[str]]:
    """(item alias, names of the list) of a tag's ``v-for`` / ``wx:for`` attributes; ("", ∅) for none."""
    vue = _VFOR.search(attrs)
    if vue is not None:
        return vue.group(1), frozenset(_WORD.findall(vue.group(2)))
    wx = _WXFOR.search(attrs)
    if wx is None:
        return "", frozenset()
    alias = _WXITEM.search(attrs)
    return (alias.group(1) if alias is not None else "item"), frozenset(_WORD.findall(wx.group(1)))


def script_block(text: str, path: str) -> tuple[str, str, int]:
    """(script text, path whose grammar reads it, lines before it) of a script file or a component's script."""
    if not path.endswith(_SFC):
        return text, path, 0
    block = next((b for b in split_blocks(text) if b.tag == "script"), None)
    if block is None:
        return "", path, 0
    ts = block.attrs.get("lang") in ("ts", "tsx")
    return block.text, "script.ts" if ts else "script.js", block.line_offset


def _names(node: Node, whole: bool = False) -> set[str]:
    """Identifiers and member names inside ``node`` (not the keys of object literals: ``{ url: apiUrl }``, nor
    what a callback in it reads: ``success(res) { … }`` runs on the response, it sends nothing). With ``whole``,
    only those passed as they are, not read through (``form`` of ``this.data.form``, not of ``form.title``)."""
    out: set[str] = set()
    stack = [node]
    while stack:
        current = stack.pop()
        if current.type in _NAMES and not (whole and _read_through(current)):
            out.add(node_text(current))
        stack.extend(c for c in current.named_children if c.type not in _FUNCTIONS
                     and not (current.type == "pair" and c == current.child_by_field_name("key")))
    return out


def _read_through(name: Node) -> bool:
    """Whether ``name`` is the object a member is read from (``form`` in ``form.title``, ``this.data.form.title``)."""
    parent = name.parent
    held = parent if parent is not None and parent.type == "member_expression" else None
    if held is not None and held.child_by_field_name("property") == name:  # ``this.data.form``: the whole node
        name, held = held, held.parent if held.parent is not None and held.parent.type == "member_expression" \
            else None
    return held is not None and held.child_by_field_name("object") == name


def enclosing_declarations(node: Node) -> dict[str, list[Node]]:
    """Values of the local names the function around ``node`` declares (``const data = {…}``); none at the top."""
    function = node.parent
    while function is not None and function.type not in _FUNCTIONS:
        function = function.parent
    return _declared(function) if function is not None else {}


def local_values(node: Node) -> dict[str, list[Node]]:
    """Values of the local names the function around ``node`` declares, each with the values it is given again
    later (``var url = ''`` then ``url = '/posts/comment'`` in a branch: :func:`_reassigned`); none at the top."""
    function = node.parent
    while function is not None and function.type not in _FUNCTIONS:
        function = function.parent
    return _reassigned(function, _declared(function)) if function is not None else {}


def _declared(function: Node) -> dict[str, list[Node]]:
    """Values of the local names a function declares (``const data = {…}``)."""
    out: dict[str, list[Node]] = {}
    stack = [function]
    while stack:
        current = stack.pop()
        if current.type == "variable_declarator":
            name, value = current.child_by_field_name("name"), current.child_by_field_name("value")
            if name is not None and value is not None and name.type == "identifier":
                out.setdefault(node_text(name), []).append(value)
        stack.extend(current.named_children)
    return out


def _reassigned(function: Node, declared: dict[str, list[Node]]) -> dict[str, list[Node]]:
    """``declared`` (values of the names ``function`` declares) with the values it assigns those names again (``let
    params = {}`` then ``params = { content: this.data.reply }`` in the branch that picks the endpoint): a name
    holds any of them when a call passes it. A name the function does not declare is not its own: left out."""
    out = {name: list(values) for name, values in declared.items()}
    stack = [function]
    while stack:
        current = stack.pop()
        left = current.child_by_field_name("left") if current.type == "assignment_expression" else None
        value = current.child_by_field_name("right")
        if left is not None and value is not None and left.type == "identifier" and node_text(left) in out:
            out[node_text(left)].append(value)
        stack.extend(current.named_children)
    return out


def _members_set(function: Node) -> dict[str, list[Node]]:
    """Values a function sets on members of its local names (``data.content = this.data.reply.content``,
    ``data[key] = value``): what ``data`` holds when a call passes it."""
    out: dict[str, list[Node]] = {}
    stack = [function]
    while stack:
        current = stack.pop()
        left = current.child_by_field_name("left") if current.type == "assignment_expression" else None
        held = left.child_by_field_name("object") if left is not None and left.type in (
            "member_expression", "subscript_expression") else None
        value = current.child_by_field_name("right")
        if held is not None and value is not None and held.type == "identifier":
            out.setdefault(node_text(held), []).append(value)
        stack.extend(current.named_children)
    return out


def _in_scope(arguments: Node, closures: bool) -> dict[str, list[Node]]:
    """Values of the local names a call's ``arguments`` can read: those its own function declares or sets on
    members, then (with ``closures``) those of each function around it, innermost first — a post made in a
    callback (an upload's ``success(res) { wx.request({ data: { content } }) }``, a ``.then``) sends what the
    enclosing handler declared (``var content = e.detail.value.textarea``); an inner name hides the outer."""
    declared: dict[str, list[Node]] = {}
    function = arguments.parent.parent if arguments.parent is not None else None
    while function is not None:
        if function.type in _FUNCTIONS:
            own = _reassigned(function, _declared(function))
            for name, values in _members_set(function).items():
                own.setdefault(name, []).extend(values)
            for name, values in own.items():
                declared.setdefault(name, values)
            if not closures:
                break
        function = function.parent
    return declared


def calls_on(text: str, path: str, lines: Iterable[int]) -> Iterator[tuple[int, Node]]:
    """(line, arguments node) of each call of the script of ``path`` (a script file or a component's script
    block) whose callee is on one of ``lines``, 1-based in ``text``."""
    wanted = set(lines)
    source, grammar, offset = script_block(text, path)
    if not wanted or not source:
        return
    language = language_for(grammar)
    root = parse(language, source.encode("utf-8", "replace")).root_node
    for call in nodes_of(root, language, ("call_expression",)):
        callee, arguments = call.child_by_field_name("function"), call.child_by_field_name("arguments")
        at = callee.start_point[0] + 1 + offset if callee is not None else 0
        if at in wanted and arguments is not None:
            yield at, arguments


def carried_names(text: str, path: str, lines: Iterable[int], closures: bool = False,
                  whole: bool = False) -> dict[int, frozenset[str]]:
    """For each call of the script of ``path`` whose callee is on one of ``lines``: the names its arguments
    carry, with the values of the local names they pass followed two steps (``createPost(data)`` with
    ``const data = { content: content.trim() }``, or ``data.content = this.data.reply.content``, carries
    ``content``). A line with no such
    call is left out (unknown, not empty). With ``closures``, the functions around the call's own are read too
    (:func:`_in_scope`: a post in an upload's callback sends what its submit handler declared). With ``whole``,
    each name passed as it is, every field of it sent (``post(form)``, not ``{ title: form.title }``), is also
    there as ``form.*``: what carries a box bound to one field of a form object (:func:`field_state`)."""
    out: dict[int, frozenset[str]] = {}
    language = language_for(script_block(text, path)[1])
    for at, arguments in calls_on(text, path, lines):
        names, wholes = _names(arguments), _names(arguments, True) if whole else set()
        declared = _in_scope(arguments, closures)
        for _step in range(2):  # a name read through (``form.intro``) reads its value through too
            values = {name: declared.pop(name, []) for name in list(names)}
            names |= {n for held in values.values() for value in held for n in _names(value)}
            wholes |= {n for name in wholes for value in values.get(name, []) for n in _names(value, True)}
        names |= _passed_in(arguments, names, language)
        out[at] = frozenset(names | {n + ".*" for n in wholes} | out.get(at, frozenset()))
    return out


def _passed_in(arguments: Node, names: set[str], language: Language) -> set[str]:
    """What the script's own callers hand the function around a call for the parameters among ``names``: a page's
    submit handler passes the list its text boxes write to a method that posts it (``this.submitAll(token,
    this.list)`` → ``submitAll(token, items) { request({ data: { items } }) }`` carries ``list``). The names each
    caller passes at that position, followed one step into what the caller declared; empty for a function with
    no name, or no caller in the script. A callback that binds none of them (a confirm modal's ``success: (e) =>``
    around the post) is looked through to the function whose parameter they are (``saveComment(content)``)."""
    function, order, wanted = arguments.parent, [], []
    while function is not None:
        while function is not None and function.type not in _FUNCTIONS:
            function = function.parent
        params = function.child_by_field_name("parameters") if function is not None else None
        order = [param_name(p) for p in params.named_children if p.type != "comment"] if params is not None else []
        wanted = [i for i, param in enumerate(order) if param and param in names]
        if function is None or wanted:
            break  # the function that binds them: its callers hand it what it reads
        function = function.parent  # a callback reads them from the function around it
    name = _function_name(function) if function is not None else ""
    root = function
    while root is not None and root.parent is not None:
        root = root.parent
    if not name or not wanted or root is None:
        return set()
    out: set[str] = set()
    for handed in _calls_of(root, language, name):
        passed = [c for c in handed.named_children if c.type != "comment"]
        declared = _in_scope(handed, closures=False)
        for index in (i for i in wanted if i < len(passed)):
            found = _names(passed[index])
            out |= found | {n for held in found for value in declared.get(held, []) for n in _names(value)}
    return out


def _function_name(function: Node) -> str:
    """The name a function is called by: a method's, a declared function's, a property's or variable's that holds
    it (``submit: function (list) {…}``, ``const submit = (list) => …``); "" for an anonymous callback."""
    own = function.child_by_field_name("name")
    if own is not None:
        return node_text(own)
    holder = function.parent
    key = holder.child_by_field_name("key") if holder is not None and holder.type == "pair" else \
        holder.child_by_field_name("name") if holder is not None and holder.type == "variable_declarator" else None
    return node_text(key).strip("'\"") if key is not None else ""


def param_name(param: Node) -> str:
    """The identifier a plain parameter binds (``items``, ``items = []``); "" for a destructuring pattern."""
    if param.type in ("required_parameter", "optional_parameter", "assignment_pattern"):
        inner = param.child_by_field_name("pattern") or param.child_by_field_name("left")
        return param_name(inner) if inner is not None else ""
    return node_text(param) if param.type == "identifier" else ""


def _calls_of(root: Node, language: Language, name: str) -> Iterator[Node]:
    """The arguments of each call in the tree of ``root`` of the function ``name``, by itself or as a member
    (``submit(…)``, ``this.submit(…)``, ``that.submit(…)``)."""
    for call in nodes_of(root, language, ("call_expression",)):
        callee, arguments = call.child_by_field_name("function"), call.child_by_field_name("arguments")
        member = callee.child_by_field_name("property") if callee is not None and \
            callee.type == "member_expression" else callee
        if member is not None and arguments is not None and node_text(member) == name:
            yield arguments


def file_only(text: str, path: str, line: int) -> bool:
    """Whether the upload whose callee is on ``line`` of the script of ``path`` sends its file alone: its options
    are an object literal with no ``formData`` (the fields ``wx.uploadFile`` sends beside the file,
    https://developers.weixin.qq.com/miniprogram/dev/api/network/upload/wx.uploadFile.html), or one whose
    ``formData`` is an empty object literal (``formData: {}``, a stub with no field yet). False where the
    call is not seen or its options are not a literal (``wx.uploadFile(options)``: what they hold is unknown)."""
    for _at, arguments in calls_on(text, path, [line]):
        options = next((child for child in arguments.named_children if child.type != "comment"), None)
        if options is None or options.type != "object":
            return False
        fields = [pair for pair in options.named_children if pair.type != "comment"]
        if any(pair.type == "spread_element" for pair in fields):
            return False
        return all(_empty_literal(pair.child_by_field_name("value")) for pair in fields
                   if _key_name(pair) == "formData")
    return False


def _key_name(pair: Node) -> str:
    """The name of an object literal's member ``pair`` (``formData``, ``'formData'``, a shorthand ``formData``)."""
    key = pair.child_by_field_name("key") if pair.type == "pair" else pair
    return node_text(key).strip("'\"") if key is not None else ""


def _empty_literal(value: Node | None) -> bool:
    """Whether ``value`` is an object literal with no member (comments aside): fields sent beside the file are none."""
    return value is not None and value.type == "object" and all(c.type == "comment" for c in value.named_children)
