"""Which of the project's own components a page or component renders, and where.

A Vue single-file component renders a project component it imports (``import PhotoPicker from
'@/components/photoPicker'``, perhaps renamed under ``components: { uploader: PhotoPicker }``) or one the app
registers globally in its Vue entry (``app.component('shopUploader', ShopUploader)``,
https://vuejs.org/guide/components/registration.html); a Taro page renders the JSX components it imports; a
WXML page the ``usingComponents`` of its JSON
(https://developers.weixin.qq.com/miniprogram/dev/framework/custom-component/). Tags match names the way Vue
does: ``<photo-picker>``, ``<PhotoPicker>`` and ``<photoPicker>`` are one component.

In: a file's text and path. Out: (module specifier or usingComponents path, tag as written, 1-based line) per
element; the caller resolves the specifier to a file. Templates are read with the standard library's HTML
tokenizer (as ``readers/markup.py``), scripts with tree-sitter.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from html.parser import HTMLParser

from tree_sitter import Language, Node

from mp_precheck.core.lazyre import lazy
from mp_precheck.core.recache import compiled
from mp_precheck.facts.model import JsxReading, ScriptBindings
from mp_precheck.readers.htmlfeed import feed_safely, feed_shared
from mp_precheck.readers.sfc import split_blocks
from mp_precheck.readers.syntax import language_for, node_text, nodes_of, parse, string_value

Use = tuple[str, str, int]  # (specifier, tag as written, line)
_PROJECT_SPEC = compiled(r"^(?:\.{1,2}/|@/|~/|/)")
_SFC = (".vue", ".nvue", ".mpx", ".wpy")
_TAG = lazy(r"<\s*([A-Za-z][\w.-]*)")


def tag_key(name: str) -> str:
    """The name a tag and a component binding share: ``photo-picker``, ``PhotoPicker``, ``photoPicker`` →
    ``photopicker``."""
    return name.replace("-", "").replace("_", "").lower()


class _Tags(HTMLParser):
    """Every start tag of a template, with its name as written (the tokenizer lower-cases its own copy) and the
    names its ``ref`` and ``id`` attributes give it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.found: list[tuple[str, int]] = []
        self.names: dict[int, tuple[str, str]] = {}  # line → (ref, id)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        match = _TAG.match(self.get_starttag_text() or "")
        self.found.append((match.group(1) if match else tag, self.getpos()[0]))
        held = dict(attrs)
        self.names.setdefault(self.getpos()[0], (held.get("ref") or "", held.get("id") or ""))


def template_tags(text: str, offset: int = 0) -> list[tuple[str, int]]:
    """(tag as written, line) of each element of a template or WXML file whose text is ``text``, its lines
    shifted by ``offset``."""
    return [(tag, line + offset) for tag, line in _tags(text)]


@lru_cache(maxsize=32)  # each analyzer that asks which components a changed page renders reads it again
def _tags(text: str) -> tuple[tuple[str, int], ...]:
    """(tag as written, line) of each element of ``text``, once per text."""
    parser = _Tags()
    feed_shared(parser, text)
    return tuple(parser.found)


def ref_calls(text: str, line: int) -> list[tuple[str, int]]:
    """(method, 1-based line) of each call the single-file component or page ``text`` makes through the element
    that starts on template ``line``: by its ``ref`` (``uploaderRef.value.upload()`` under ``<script setup>``,
    ``this.$refs.uploader.upload()``, https://vuejs.org/guide/essentials/template-refs.html) or its ``id``
    (``this.selectComponent('#uploader').upload()``,
    https://developers.weixin.qq.com/miniprogram/dev/reference/api/Component.html), in source order."""
    parser = _Tags()
    for block in (b for b in split_blocks(text) if b.tag == "template"):
        feed_safely(parser, block.text)
        ref, ident = parser.names.get(line - block.line_offset, ("", ""))
        patterns = [rf"\$refs\s*(?:\.\s*{re.escape(ref)}\b|\[\s*['\"]{re.escape(ref)}['\"]\s*\])(?:\s*\[\s*0\s*\])?",
                    rf"\b{re.escape(ref)}\s*\.\s*value"] if re.fullmatch(r"[\w$]+", ref) else []
        if re.fullmatch(r"[\w-]+", ident):
            patterns.append(rf"selectComponent\(\s*['\"]#{re.escape(ident)}['\"]\s*\)")
        if patterns:
            calls = re.finditer(rf"(?:{'|'.join(patterns)})\s*\??\.\s*([\w$]+)\s*\(", text)
            return [(m.group(1), text.count("\n", 0, m.start()) + 1) for m in calls]
        break
    return []


_BINDING_NODES = ("import_statement", "pair", "call_expression")
_ELEMENT_NODES = ("jsx_opening_element", "jsx_self_closing_element")


def script_bindings(text: str, path: str) -> ScriptBindings:
    """What a script binds to component names: its imports (specifier as written, local name; ``import
    PhotoPicker from '…'``, ``import { Uploader as Up } from '…'``), the identifiers of its ``components: {...}``
    object, and ``app.component('name', Imported)`` / ``Vue.component(...)`` registrations (``app.component(
    Imported.name, Imported)`` under the name it is imported as, the name a component's file conventionally
    gives it). :func:`bind` turns
    them into components."""
    return _script_bindings(text, path)


@lru_cache(maxsize=32)  # each analyzer that asks which components a changed page renders reads its script again
def _script_bindings(text: str, path: str) -> ScriptBindings:
    """:func:`script_bindings`, once per (text, path): the result is immutable."""
    language = language_for(path)
    root = parse(language, text.encode("utf-8")).root_node
    return _bindings(nodes_of(root, language, _BINDING_NODES), language)


def _bindings(nodes: list[Node], language: Language) -> ScriptBindings:
    """:func:`script_bindings` from the script's nodes of the types :data:`_BINDING_NODES` (and maybe others),
    in source order: one query over the tree serves every reading of the file."""
    imports: list[tuple[str, str]] = []
    components = []
    registrations = []
    for node in nodes:
        if node.type == "import_statement":
            source = node.child_by_field_name("source")
            spec = (string_value(source) if source is not None else None) or ""
            for clause in (c for c in node.named_children if c.type == "import_clause"):
                imports += [(spec, node_text(name)) for name in clause.named_children if name.type == "identifier"]
                for item in nodes_of(clause, language, ("import_specifier",)):
                    local = item.child_by_field_name("alias") or item.child_by_field_name("name")
                    if local is not None:
                        imports.append((spec, node_text(local)))
        elif node.type == "pair":
            value = node.child_by_field_name("value")
            if value is not None and value.type == "identifier" and _in_components_object(node):
                components.append((node_text(node.child_by_field_name("key")).strip("'\""), node_text(value)))
        elif node.type == "call_expression":
            callee = node.child_by_field_name("function")
            args = node.child_by_field_name("arguments")
            values = args.named_children if callee is not None and args is not None and \
                node_text(callee).endswith(".component") else []
            if len(values) == 2 and string_value(values[0]):
                registrations.append((string_value(values[0]) or "", node_text(values[1])))
            elif len(values) == 2 and node_text(values[0]) == f"{node_text(values[1])}.name":
                registrations.append((node_text(values[1]), node_text(values[1])))  # its own name: as imported
    return ScriptBindings(tuple(imports), tuple(components), tuple(registrations))


def bind(bindings: ScriptBindings, aliases: Mapping[str, str] | None = None) -> dict[str, str]:
    """{tag key: module specifier} of the project components ``bindings`` imports, and of the names its
    ``components: {...}`` object and global registrations bind to them. With ``aliases`` (prefix → repository
    path, ``readers/aliases.py``) an aliased import (``@components``) counts too, as a root-absolute specifier."""
    imported: dict[str, str] = {}
    for spec, local in bindings.imports:
        spec = _unaliased(spec, aliases) if spec and aliases else spec
        if spec and _PROJECT_SPEC.match(spec):
            imported[local] = spec
    out = {tag_key(local): spec for local, spec in imported.items()}
    for name, value in bindings.components + bindings.registrations:
        if value in imported:
            out[tag_key(name)] = imported[value]
    return out


def script_components(text: str, path: str, aliases: Mapping[str, str] | None = None) -> dict[str, str]:
    """{tag key: module specifier} of the project components a script imports or binds (:func:`bind` of its
    :func:`script_bindings`); in a Vue entry (``main.js``) also those it registers globally."""
    return bind(script_bindings(text, path), aliases)


def _unaliased(spec: str, aliases: Mapping[str, str]) -> str:
    """``spec`` with a build alias prefix replaced by the root-absolute path it names (``@components/x`` →
    ``/src/components/x``); other specifiers as they are."""
    for prefix, target in aliases.items():
        if spec == prefix or spec.startswith(prefix + "/"):
            return "/" + target.strip("/") + spec[len(prefix):]
    return spec


def _in_components_object(pair: Node) -> bool:
    """Whether ``pair`` is an entry of a ``components: {...}`` option."""
    holder = pair.parent.parent if pair.parent is not None else None
    return holder is not None and holder.type == "pair" and \
        node_text(holder.child_by_field_name("key")).strip("'\"") == "components"


def sfc_uses(text: str, path: str, registered: dict[str, str],
             using: Mapping[str, object] | None = None) -> list[Use]:
    """The project components the single-file component ``path`` renders: its own imports, then the app's
    global ``registered`` ones ({tag key: specifier}, :func:`script_components` of the Vue entry), then those of
    its own JSON block's ``using`` (an mpx or WePY file's ``usingComponents``, https://mpxjs.cn/guide/basic/component.html)."""
    bound: dict[str, str] = {}
    tags: list[tuple[str, int]] = []
    for block in split_blocks(text):
        if block.tag == "template":
            tags += template_tags(block.text, block.line_offset)
        elif block.tag == "script" and not block.attrs.get("src"):
            lang = block.attrs.get("lang", "js")
            bound.update(script_components(block.text, path + (".ts" if lang in ("ts", "tsx") else ".js")))
    known = {**_using_keys(using or {}), **registered, **bound}
    return [(known[tag_key(tag)], tag, line) for tag, line in tags if tag_key(tag) in known]


def jsx_reading(text: str, path: str) -> JsxReading:
    """A JSX / TSX file's component bindings and the capitalised elements it renders (tag, line): one parse and
    one query, done with the file's facts so that no analyzer parses the file again."""
    language = language_for(path)
    root = parse(language, text.encode("utf-8")).root_node
    nodes = nodes_of(root, language, _BINDING_NODES + _ELEMENT_NODES)
    tags = []
    for element in (n for n in nodes if n.type in _ELEMENT_NODES):
        name = element.child_by_field_name("name")
        tag = node_text(name) if name is not None else ""
        if tag and tag[0].isupper():
            tags.append((tag, element.start_point[0] + 1))
    return JsxReading(_bindings(nodes, language), tuple(tags))


def jsx_uses(text: str, path: str, aliases: Mapping[str, str] | None = None,
             reading: JsxReading | None = None) -> list[Use]:
    """The project components a JSX / TSX file renders (``<Uploader />`` imported from ``@/components/…``, or
    through one of the build's ``aliases``); ``reading`` is the file's :func:`jsx_reading` when its facts
    hold it (the text is then not parsed)."""
    reading = reading if reading is not None else jsx_reading(text, path)
    bound = bind(reading.bindings, aliases)
    return [(bound[tag_key(tag)], tag, line) for tag, line in reading.tags if tag_key(tag) in bound]


def wxml_uses(text: str, using: dict[str, object]) -> list[Use]:
    """The components a WXML file renders among the page's ``usingComponents`` ({tag: path}); npm packages
    (``@vant/weapp/…``) and plugins are no project components."""
    keys = _using_keys(using)
    return [(keys[tag_key(tag)], tag, line) for tag, line in template_tags(text) if tag_key(tag) in keys]


def _using_keys(using: Mapping[str, object]) -> dict[str, str]:
    """{tag key: specifier} of the project components among ``usingComponents`` ({tag: path}); npm packages
    (``@vant/weapp/…``) and plugins are none, a build alias of the project's ``src/`` (``@/components/x``) is."""
    return {tag_key(tag): target if _PROJECT_SPEC.match(target) else "./" + target for tag, target in using.items()
            if isinstance(target, str) and (target.startswith("@/") or not target.startswith(("@", "plugin:")))
            and ":" not in target}


def is_sfc(path: str) -> bool:
    return path.endswith(_SFC)
