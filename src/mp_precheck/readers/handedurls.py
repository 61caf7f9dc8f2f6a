"""URLs a script hands to a project function, and the network role they get once that function is followed.

``request('https://api.example.cn/login', 'POST', data)`` with ``request`` imported from the app's own request
module, ``http.post({ url: BASE + '/orders' })``, ``fetchList(LIST_URL)`` with ``const LIST_URL = '…'`` in the
file: the URL is a request's as much as one written into ``wx.request({ url })`` is. The reader alone cannot
tell what the function does, so :func:`handed_urls` notes which host literals each call of an imported function
is handed — as an argument (perhaps joined to other strings or constants), or as the ``url`` of an options
object —, and :func:`with_handed_roles` gives them, once the fact store has followed the call into its module
(``via:`` facts at the call's line), the role of the one network API it reaches (``request``, ``upload``,
``download``, ``socket``); a call the store follows nowhere, named as a request (``checks/http_clients.yml``:
``request``, ``http.post``), gives ``request``. That role says which 服务器域名 list the host belongs in
(https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html) and where a new host is told
(``host_place`` in core/placing.py): the request that uses it, not a config entry nothing reads.

Only hosts of role ``code`` are looked at: a URL already known as an image, a development host or a link opened
elsewhere keeps its role. Nothing here raises.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

from msgspec.structs import replace
from tree_sitter import Node

from mp_precheck.core.thirdparty import third_party
from mp_precheck.facts.model import NETWORK_APIS, Fact, FileFacts
from mp_precheck.readers.syntax import node_text, object_property

# Nodes an argument may build a URL from: literals, constants, and the joins of them.
_LITERALS = ("string", "template_string")
_JOINS = ("binary_expression", "parenthesized_expression", "template_substitution")


def handed_urls(calls: Sequence[Node], imported: Iterable[tuple[str, str, int]], facts: Sequence[Fact],
                constants: Mapping[str, list[int]], line: Callable[[Node], int]) -> tuple[tuple[int, int], ...]:
    """(line of a host fact of role ``code``, line of the callee of the imported call it is handed to), sorted.

    Args:
        calls: the file's ``call_expression`` nodes.
        imported: its calls of imported project functions (specifier, name, line of the callee).
        facts: its facts so far; ``constants``: a constant's name → indexes in ``facts`` of its host facts.
        line: a node's 1-based line, as the facts number them.
    """
    hosts = {f.line for f in facts if f.kind == "host" and f.role == "code"}
    lines = {at for _spec, _name, at in imported}
    if not hosts or not lines:
        return ()
    out: set[tuple[int, int]] = set()
    for call in calls:
        callee, args = call.child_by_field_name("function"), call.child_by_field_name("arguments")
        if callee is None or args is None or args.type != "arguments" or line(callee) not in lines:
            continue
        for value in _url_values(args):
            for at in _literal_lines(value, facts, constants, line):
                if at in hosts:
                    out.add((at, line(callee)))
    return tuple(sorted(out))


def _url_values(args: Node) -> Iterator[Node]:
    """The arguments a call may hand a URL in: each one that is a literal, a constant or a join of them, and
    the ``url`` of an options object (``{ url: … }``, ``{ url }``)."""
    for arg in args.named_children:
        if arg.type == "object":
            value = object_property(arg, "url", shorthand=True)
            if value is not None:
                yield value
        elif arg.type in _LITERALS or arg.type in _JOINS or arg.type == "identifier":
            yield arg


def _literal_lines(value: Node, facts: Sequence[Fact], constants: Mapping[str, list[int]],
                   line: Callable[[Node], int]) -> Iterator[int]:
    """Lines of the literals ``value`` is built from, and of the host facts of the file's constants it names."""
    queue = [value]
    while queue:
        node = queue.pop()
        if node.type in _LITERALS:
            yield line(node)
        if node.type in ("identifier", "shorthand_property_identifier"):
            yield from (facts[i].line for i in constants.get(node_text(node), ()) if i < len(facts))
        if node.type in _JOINS or node.type == "template_string":
            queue.extend(node.named_children)


def with_handed_roles(file_facts: FileFacts, merged: tuple[Fact, ...]) -> tuple[Fact, ...]:
    """``merged`` (the facts of ``file_facts`` with its calls of project functions followed: ``via:`` and
    ``dispatch:`` facts at each call's line) with each host handed to a call (``FileFacts.handed_urls``) given the
    role of the one network API that call reaches (``wx.request`` → ``request``); a call followed nowhere gives
    ``request`` when its name says it requests (:meth:`~mp_precheck.core.thirdparty.ThirdParty.named_request`).
    A call reaching several network APIs (a request or an upload, as its options say) leaves the host as it was."""
    if not file_facts.handed_urls:
        return merged
    reached: dict[int, set[str]] = {}
    for fact in merged:
        if fact.kind == "api" and fact.role and fact.role.startswith(("via:", "dispatch:")):
            reached.setdefault(fact.line, set()).add(fact.subject)
    named = {at for _spec, name, at in file_facts.imported_calls if third_party().named_request(name)}
    roles: dict[int, str] = {}
    for at, call in file_facts.handed_urls:
        found = {NETWORK_APIS[s] for s in reached.get(call, ()) if s in NETWORK_APIS}
        role = found.pop() if len(found) == 1 else "request" if call not in reached and call in named else None
        if role is not None:
            roles.setdefault(at, role)
    if not roles:
        return merged
    return tuple(replace(f, role=roles[f.line]) if f.kind == "host" and f.role == "code" and f.line in roles else f
                 for f in merged)
