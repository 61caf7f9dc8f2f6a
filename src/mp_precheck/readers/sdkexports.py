"""Client SDK instances a JS/TS module hands to others: a request module that makes one HTTP client and
exports it (``const fly = new Fly(); export default fly``), or an upload SDK object exported the same way; and
objects a ``wx`` factory or a plugin made that a module sets up once and exports (``const manager =
plugin.getRecordRecognitionManager(); export default manager``, ``export default wx.getRecorderManager()``).

Other files call the instance's methods (``import fly from './request'; fly.post('/comment/', data)``); the
extractor records those as calls of the module's ``post``. This module offers, for each exported instance, one
:class:`~mp_precheck.facts.model.Export` per method of its SDK (``checks/http_clients.yml``,
``checks/upload_sdks.yml``) with the SDK's subject — ``wx.request`` for an HTTP client
(https://developers.weixin.qq.com/miniprogram/dev/api/network/request/wx.request.html) — so the project's
wrappers and pages that call it count the request or upload at their call.

A page importing such an object and calling its capability method (``manager.start()``) uses the capability as
if it had made the object itself: the microphone of 微信同声传译's recorder
(https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/extended/translator.html), a
``RecorderManager.start`` (https://developers.weixin.qq.com/miniprogram/dev/api/media/recorder/RecorderManager.start.html).

In: the parsed file's root, the bindings of its names to SDKs, a constructor resolver and a node → line
function (for objects, the factory type and plugin object a value holds). Out: ``{name as call sites spell it:
Export}`` — ``post`` for the default export (a default import's method), ``http.post`` for a named one (``import
{ http } from``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import cache

from tree_sitter import Node

from mp_precheck.core.catalog import load_catalog
from mp_precheck.core.thirdparty import PluginApi, UploadSdk
from mp_precheck.facts.model import Export
from mp_precheck.readers.syntax import node_text as _text

_MODULE_EXPORTS = ("module.exports", "exports.default", "module.exports.default")


def instance_exports(root: Node, sdks: Mapping[str, Sequence[UploadSdk]],
                     constructed: Callable[[Node], Sequence[UploadSdk]],
                     line: Callable[[Node], int]) -> dict[str, Export]:
    """The methods of the SDK instances ``root`` exports, each an ``Export`` of the SDK's subject at the
    line of the export. ``sdks`` maps a bound name to the SDKs it may be; ``constructed`` gives the SDKs a
    ``new`` expression makes (``export default new Fly()``)."""
    out: dict[str, Export] = {}
    for name, value in _exported_values(root):
        found = sdks.get(_text(value), ()) if value.type == "identifier" else constructed(value)
        prefix = "" if name == "default" else f"{name}."
        for sdk in found:
            for method in sdk.methods if not sdk.classes else ():
                out.setdefault(prefix + method, Export((sdk.subject,), line(value), line(value)))
    return out


def object_exports(root: Node, factory_type: Callable[[Node], str | None],
                   plugin_object: Callable[[Node], PluginApi | None],
                   line: Callable[[Node], int]) -> dict[str, Export]:
    """The capability methods of the factory or plugin objects ``root`` exports (module docstring), each an
    ``Export`` of its subject at the line of the export. ``factory_type`` gives the type of ``wx`` factory object an
    exported value holds (``RecorderManager``; its methods the catalog names: ``RecorderManager.start``),
    ``plugin_object`` the plugin object it holds (checks/plugin_apis.yml: its ``methods`` give ``sdk:record``)."""
    out: dict[str, Export] = {}
    for name, value in _exported_values(root):
        prefix = "" if name == "default" else f"{name}."
        owner, plugin = factory_type(value), plugin_object(value)
        methods = {m: f"{owner}.{m}" for m in _catalog_methods().get(owner or "", ())} | \
            ({m: plugin.subject for m in plugin.methods} if plugin is not None else {})
        for method, subject in methods.items():
            out.setdefault(prefix + method, Export((subject,), line(value), line(value)))
    return out


@cache
def _catalog_methods() -> dict[str, tuple[str, ...]]:
    """Factory type → the methods of it the shipped catalog's rules name (``RecorderManager`` → ``start``)."""
    out: dict[str, list[str]] = {}
    for rule in load_catalog().rules:
        for subject in rule.subjects:
            owner, dot, method = subject.partition(".")
            if dot and owner[:1].isupper() and method.isidentifier():
                out.setdefault(owner, []).append(method)
    return {owner: tuple(sorted(set(methods))) for owner, methods in out.items()}


def _exported_values(root: Node) -> Iterator[tuple[str, Node]]:
    """(exported name, value node) of ``export default x``, ``export const x = …``, ``export { x }`` and
    ``module.exports = x``."""
    for node in root.named_children:
        if node.type == "export_statement":
            yield from _export_statement(node)
        elif node.type == "expression_statement" and node.named_children and \
                node.named_children[0].type == "assignment_expression":
            expr = node.named_children[0]
            left, right = _text(expr.child_by_field_name("left")), expr.child_by_field_name("right")
            if right is not None and left in _MODULE_EXPORTS:
                yield "default", right


def _export_statement(node: Node) -> Iterator[tuple[str, Node]]:
    declaration, value = node.child_by_field_name("declaration"), node.child_by_field_name("value")
    if declaration is not None and declaration.type in ("lexical_declaration", "variable_declaration"):
        for decl in declaration.named_children:
            bound, init = decl.child_by_field_name("name"), decl.child_by_field_name("value")
            if bound is not None and init is not None and bound.type == "identifier":
                yield _text(bound), init
    elif value is not None:
        yield "default", value
    for clause in node.named_children:
        if clause.type == "export_clause":
            for spec in clause.named_children:
                local = spec.child_by_field_name("name")
                if local is not None:
                    yield _text(spec.child_by_field_name("alias")) or _text(local), local
