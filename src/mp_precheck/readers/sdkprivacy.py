"""The privacy APIs a vendored SDK calls: the ``wx`` calls of a minified ``x.min.js`` copied into the app.

WeChat finds every privacy API in the uploaded package, third-party code included, and holds the version back
when the user privacy guideline (用户隐私保护指引) does not declare its type; an SDK that handles personal
information must also be named in the guideline
(https://developers.weixin.qq.com/miniprogram/dev/framework/user-privacy/miniprogram-intro.html,
https://developers.weixin.qq.com/miniprogram/dev/framework/user-privacy/). A minified file is otherwise read for its
request hosts only (readers/sdkhosts.py): reading all of it the way the app's own code is read costs seconds on a
large library and mostly yields a library's surface. So only its calls of the APIs of the catalog's privacy rules
are read, found by name first and confirmed by the parser:

* ``wx.getLocation(…)``, ``wx["getLocation"](…)``, ``wx.getLocation`` passed as a value (``promisify(wx.X)``), and
  ``wx.authorize({ scope: 'scope.userLocation' })`` with its literal scope; framework namespaces (``uni``…) alike;
* the same through a name bound to ``wx`` in an enclosing scope (``var e = wx; e.getLocation()``) or a
  parameter an immediately called function is given ``wx`` for (``!function (e) { e.getLocation() }(wx)``).

Not uses: strings naming an API (a promisify list, a message table), feature tests (``if (wx.getUserProfile)``),
assignments to ``wx.X``, and members of other objects (``this.getUserInfo()``). A file naming no privacy API is
never parsed: a large UI or chart library costs one search of its bytes.
"""

from __future__ import annotations

import re
from functools import cache

from tree_sitter import Node

from mp_precheck.core.catalog import load_catalog
from mp_precheck.core.subject import try_parse
from mp_precheck.facts.model import Fact
from mp_precheck.readers.callargs import authorize_scope
from mp_precheck.readers.jsbindings import NAMESPACES
from mp_precheck.readers.syntax import language_for, node_text, parse, string_value

_FUNCTIONS = ("function_declaration", "function_expression", "function", "arrow_function", "generator_function",
              "generator_function_declaration", "method_definition")
_WRAPPING = ("parenthesized_expression", "sequence_expression")  # (0, wx.X)(…), (wx.X)(…)
_NAMESPACE_PATTERN = "|".join(sorted(NAMESPACES))


@cache
def _privacy_apis() -> tuple[dict[str, str], frozenset[str], re.Pattern[bytes]]:
    """(member → ``wx.X`` subject of the privacy rules' plain APIs, every privacy subject, a search for their
    names and those of the APIs whose literal scope decides (``wx.authorize``) in a file's bytes)."""
    subjects = frozenset(s for rule in load_catalog().rules if rule.family == "privacy" for s in rule.subjects)
    plain: dict[str, str] = {}
    scoped: set[str] = set()
    for subject in subjects:
        parsed = try_parse(subject)
        if parsed is None or parsed.form != "api" or parsed.owner != "wx" or not parsed.member:
            continue
        if parsed.value is None:
            plain[parsed.member] = subject
        else:
            scoped.add(parsed.member)
    names = "|".join(sorted(set(plain) | scoped, key=len, reverse=True)).encode()
    # A member written ``.name`` (not followed by more of a dotted string: "uni.chooseImage.cancel") or
    # ``["name"]``; led by the punctuation, the search skips a megabyte of code in a few milliseconds.
    search = re.compile(rb"\.\s*(" + names + rb")(?![\w$.\"'])|\[\s*[\"'](" + names + rb")[\"']\s*\]")
    return plain, subjects, search


def vendored_privacy_calls(text: str, path: str) -> list[Fact]:
    """API facts (``wx.getLocation``, ``wx.authorize:scope.userLocation``…) of the privacy APIs the vendored script
    ``text`` at ``path`` calls, at the line of each call (1 in a one-line file). Never raises on malformed code."""
    plain, subjects, names = _privacy_apis()
    source = text.encode("utf-8", "surrogatepass")
    hits = list(names.finditer(source))
    if not hits:
        return []
    root = parse(language_for(path), source).root_node
    bindings: dict[str, set[Node]] = {}  # name → scopes of its ``name = wx``, searched once per name
    facts: list[Fact] = []
    for hit in hits:
        group = 1 if hit.group(1) else 2
        node = root.named_descendant_for_byte_range(hit.start(group), hit.end(group))
        member = hit.group(group).decode()
        reference = _reference(node, member)
        if reference is None or not _on_namespace(reference.child_by_field_name("object"), source, bindings):
            continue
        use = _used(reference)
        if use is None:
            continue
        line = use.start_point[0] + 1
        if member in plain:
            facts.append(Fact(plain[member], "api", line))
        elif use.type == "call_expression":  # wx.authorize({ scope }): the scope decides
            facts.extend(f for f in authorize_scope(f"wx.{member}", use, lambda n: n.start_point[0] + 1)
                         if f.subject in subjects)
    return facts


def _reference(node: Node | None, member: str) -> Node | None:
    """The ``x.member`` / ``x["member"]`` expression a name found in the bytes is the member of, or None."""
    if node is None:
        return None
    if node.type == "property_identifier" and node.parent is not None and node.parent.type == "member_expression":
        return node.parent if node.parent.child_by_field_name("property") == node else None
    string = node.parent if node.type == "string_fragment" else node
    holder = string.parent if string is not None and string.type == "string" else None
    if string is not None and holder is not None and holder.type == "subscript_expression" \
            and string_value(string) == member:
        return holder if holder.child_by_field_name("index") == string else None
    return None


def _used(reference: Node) -> Node | None:
    """The call that calls ``reference`` (through parentheses and ``(0, x.f)``), ``reference`` itself when it is
    passed as an argument, or None (a feature test, an assignment, a read)."""
    current = reference
    while current.parent is not None and current.parent.type in _WRAPPING:
        if current.parent.type == "sequence_expression" and current.parent.named_children[-1] != current:
            return None
        current = current.parent
    parent = current.parent
    if parent is None:
        return None
    if parent.type == "call_expression" and parent.child_by_field_name("function") == current:
        return parent
    return reference if parent.type == "arguments" else None


def _on_namespace(obj: Node | None, source: bytes, bindings: dict[str, set[Node]]) -> bool:
    """Whether ``obj`` is ``wx`` (or a framework namespace), or a name bound to it where it is used (``bindings``
    keeps each name's binding scopes once found)."""
    while obj is not None and obj.type == "parenthesized_expression" and obj.named_children:
        obj = obj.named_children[-1]
    if obj is None or obj.type != "identifier":
        return False
    name = node_text(obj)
    if name in NAMESPACES:
        return True
    if name not in bindings:
        bindings[name] = set(_bindings(obj, name, source))
    return _bound_to_namespace(obj, name, bindings[name])


def _bound_to_namespace(use: Node, name: str, scopes: set[Node]) -> bool:
    """Whether ``name`` at ``use`` holds ``wx``: the nearest function that has it as a parameter is called at once
    with ``wx`` in that place, or, with no such parameter on the way, a ``name = wx`` (declared or assigned) sits
    directly in a function or the program around ``use`` (``scopes``: where the file binds it so)."""
    current = use.parent
    while current is not None:
        if current.type in _FUNCTIONS or current.type == "program":
            if current in scopes:
                return True
            params = _parameters(current)
            if name in params:
                return _called_with_namespace(current, params.index(name))
        current = current.parent
    return False


def _bindings(use: Node, name: str, source: bytes) -> list[Node]:
    """The scopes (function or program) of each ``name = wx`` binding in the file."""
    root = use
    while root.parent is not None:
        root = root.parent
    pattern = re.compile(rb"(?<![\w$.])" + re.escape(name.encode()) + rb"\s*=\s*(?:" +
                         _NAMESPACE_PATTERN.encode() + rb")(?![\w$.\[(])")
    out = []
    for hit in pattern.finditer(source):
        node = root.named_descendant_for_byte_range(hit.start(), hit.start() + len(name.encode()))
        holder = node.parent if node is not None else None
        if holder is None or holder.type not in ("variable_declarator", "assignment_expression"):
            continue
        value = holder.child_by_field_name("value") or holder.child_by_field_name("right")
        if value is None or value.type != "identifier" or node_text(value) not in NAMESPACES:
            continue
        scope = holder.parent
        while scope is not None and scope.type not in _FUNCTIONS and scope.type != "program":
            scope = scope.parent
        if scope is not None:
            out.append(scope)
    return out


def _parameters(function: Node) -> list[str]:
    """The names of a function's plain parameters, in order ('' for a pattern)."""
    params = function.child_by_field_name("parameters")
    single = function.child_by_field_name("parameter")
    nodes = params.named_children if params is not None else [single] if single is not None else []
    return [node_text(n) if n.type == "identifier" else "" for n in nodes if n.type != "comment"]


def _called_with_namespace(function: Node, index: int) -> bool:
    """Whether ``function`` is called where it is written (``!function (e) {…}(wx)``, ``(e => …)(wx)``) with a
    namespace as argument ``index``."""
    current = function
    while current.parent is not None and current.parent.type == "parenthesized_expression":
        current = current.parent
    call = current.parent
    if call is None or call.type != "call_expression" or call.child_by_field_name("function") != current:
        return False
    args = call.child_by_field_name("arguments")
    passed = [a for a in args.named_children if a.type != "comment"] if args is not None else []
    return index < len(passed) and passed[index].type == "identifier" and node_text(passed[index]) in NAMESPACES
