"""Which of a file's URL variables reach a network call through the file's own code.

``const API_BASE = 'https://api.example.cn'`` read into ``const base = (opts.base || API_BASE)``, joined into
```${base}/list``` handed to the file's ``fetchText(url)``, whose ``url`` a ``wx.request({ url })`` takes: the
variable's host is that request's server, as much as a constant written straight into the ``url`` option is
(https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html). A config entry nothing in its
file sends keeps its role, so where a change names a new host twice, the place whose value the request uses is
where it is told (``host_place`` in core/placing.py).

Followed by name within the file (no scopes, no other files): a declaration or assignment passes the names its
value reads (not those inside a function it defines) to the name it sets, a parameter's default to the parameter,
and a call of a function the file defines (``f(…)``, ``obj.f(…)``, by its name) each argument's names to the
parameter at that position. A member is followed by its key, whatever its object: ``new Client({ url: WSS_URL })``
(or ``this.url = WSS_URL``) sets the member ``url`` that ``let target = this.config.url`` reads, so a URL handed
to a class of the file in an options object reaches the socket its method opens on ``target``. Pure; never
raises.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterable, Mapping

from tree_sitter import Node

from mp_precheck.readers.syntax import node_text, walk

_FUNCTIONS = frozenset({"arrow_function", "function_expression", "function", "function_declaration",
                        "method_definition", "generator_function", "generator_function_declaration"})
_READS = frozenset({"identifier", "shorthand_property_identifier"})
_MEMBER = "."  # a member's key is followed as the name ".key": no variable is named so


def reached_roles(names: Iterable[str], sinks: Mapping[str, str], root: Node) -> dict[str, str]:
    """Of ``names`` (variables of the tree at ``root`` that hold a URL), those whose value flows into a name of
    ``sinks`` (name → role of the network API whose url it builds), each with that role."""
    wanted = set(names) - set(sinks)
    if not wanted or not sinks:
        return {}
    feeds = _feeds(root)  # name → the names its value is read from
    role = dict(sinks)
    queue = deque(sinks)
    while queue:
        name = queue.popleft()
        for source in feeds.get(name, ()):
            if source not in role:
                role[source] = role[name]
                queue.append(source)
    return {name: role[name] for name in wanted if name in role}


def _feeds(root: Node) -> dict[str, set[str]]:
    """For each name the file sets, the names read by the values it is set from."""
    return {name: set().union(*(reads(v) for v in values)) for name, values in value_sources(root).items()}


def value_sources(root: Node) -> dict[str, list[Node]]:
    """For each name the tree at ``root`` sets (a variable, a parameter, a member ``.key``: the rules of the module
    docstring), the value nodes it is set from, in source order. Pure; never raises."""
    feeds: dict[str, list[Node]] = defaultdict(list)
    params: dict[str, list[str | None]] = {}
    calls: list[tuple[str, Node]] = []
    for node in walk(root):
        kind = node.type
        if kind == "variable_declarator":
            _flow(feeds, node.child_by_field_name("name"), node.child_by_field_name("value"))
        elif kind in ("assignment_expression", "assignment_pattern"):
            _flow(feeds, node.child_by_field_name("left"), node.child_by_field_name("right"))
        elif kind == "pair" and node.parent is not None and node.parent.type == "object":
            key, value = node.child_by_field_name("key"), node.child_by_field_name("value")
            if key is not None and value is not None and key.type in ("property_identifier", "string"):
                feeds[_MEMBER + node_text(key).strip("'\"")].append(value)
        elif kind == "shorthand_property_identifier" and node.parent is not None and node.parent.type == "object":
            feeds[_MEMBER + node_text(node)].append(node)  # { url }: the member url holds url
        elif kind in ("required_parameter", "optional_parameter"):  # TypeScript's (url: string = BASE)
            _flow(feeds, node.child_by_field_name("pattern"), node.child_by_field_name("value"))
        elif kind in _FUNCTIONS and (name := _function_name(node)) is not None:
            formal = node.child_by_field_name("parameters")
            params.setdefault(name, [_parameter(p) for p in formal.named_children] if formal is not None else [])
        elif kind == "call_expression":
            callee = node.child_by_field_name("function")
            if callee is not None and callee.type == "member_expression":
                callee = callee.child_by_field_name("property")
            arguments = node.child_by_field_name("arguments")
            if callee is not None and arguments is not None:
                calls.append((node_text(callee), arguments))
    for name, arguments in calls:
        for parameter, argument in zip(params.get(name, ()), arguments.named_children, strict=False):
            if parameter is not None:
                feeds[parameter].append(argument)
    return feeds


def _flow(feeds: dict[str, list[Node]], target: Node | None, value: Node | None) -> None:
    if target is None or value is None:
        return
    if target.type == "identifier":
        feeds[node_text(target)].append(value)
    elif (member := _member(target)) is not None:
        feeds[member].append(value)  # this.url = …: the member url


def reads(value: Node) -> set[str]:
    """The names ``value`` reads, not looking into the functions it defines: variables, and members as ``.key``
    (``this.config.url`` reads ``.url``), the names :func:`value_sources` keys."""
    found: set[str] = set()
    stack = [value]
    while stack:
        node = stack.pop()
        if node.type in _READS:
            found.add(node_text(node))
        elif node.type not in _FUNCTIONS:
            parent = node.parent
            if (member := _member(node)) is not None and not (
                    parent is not None and parent.type == "member_expression"
                    and parent.child_by_field_name("object") == node):
                found.add(member)  # this.config.url reads the member url (not config: only the last key)
            stack.extend(node.named_children)
    return found


def _member(node: Node) -> str | None:
    """The pseudo-name of the member ``node`` reads or sets (``a.b.url`` → ``.url``), None if it is no member."""
    if node.type != "member_expression":
        return None
    key = node.child_by_field_name("property")
    return _MEMBER + node_text(key) if key is not None and key.type == "property_identifier" else None


def _function_name(node: Node) -> str | None:
    """The name a function is called by: its own, its method's or key's, or the variable holding it."""
    own = node.child_by_field_name("name")
    if own is not None:
        return node_text(own).strip("'\"")
    parent = node.parent
    if parent is None:
        return None
    holder = parent.child_by_field_name("name") if parent.type == "variable_declarator" else \
        parent.child_by_field_name("key") if parent.type == "pair" else None
    return node_text(holder).strip("'\"") if holder is not None else None


def _parameter(node: Node) -> str | None:
    """A formal parameter's name (``url``, ``url = BASE``), None for a pattern."""
    if node.type == "assignment_pattern":
        node = node.child_by_field_name("left") or node
    if node.type == "required_parameter" or node.type == "optional_parameter":  # TypeScript
        node = node.child_by_field_name("pattern") or node
    return node_text(node) if node.type == "identifier" else None
