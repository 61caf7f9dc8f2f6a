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
from html.parser import HTMLParser

from tree_sitter import Node

from mp_precheck.readers.sfc import split_blocks
from mp_precheck.readers.syntax import language_for, node_text, nodes_of, parse, string_value

Use = tuple[str, str, int]  # (specifier, tag as written, line)
_PROJECT_SPEC = re.compile(r"^(?:\.{1,2}/|@/|~/|/)")
_SFC = (".vue", ".nvue", ".mpx", ".wpy")
_TAG = re.compile(r"<\s*([A-Za-z][\w.-]*)")


def tag_key(name: str) -> str:
    """The name a tag and a component binding share: ``photo-picker``, ``PhotoPicker``, ``photoPicker`` →
    ``photopicker``."""
    return name.replace("-", "").replace("_", "").lower()


class _Tags(HTMLParser):
    """Every start tag of a template, with its name as written (the tokenizer lower-cases its own copy)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.found: list[tuple[str, int]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        match = _TAG.match(self.get_starttag_text() or "")
        self.found.append((match.group(1) if match else tag, self.getpos()[0]))


def template_tags(text: str, offset: int = 0) -> list[tuple[str, int]]:
    """(tag as written, line) of each element of a template or WXML file whose text is ``text``, its lines
    shifted by ``offset``."""
    parser = _Tags()
    parser.feed(text)
    parser.close()
    return [(tag, line + offset) for tag, line in parser.found]


def script_components(text: str, path: str, aliases: Mapping[str, str] | None = None) -> dict[str, str]:
    """{tag key: module specifier} of the project components a script imports, and of the names its
    ``components: {...}`` object binds to them; in a Vue entry (``main.js``) also those it registers globally
    with ``app.component('name', Imported)`` / ``Vue.component(...)``. With ``aliases`` (prefix → repository
    path, ``readers/aliases.py``) an aliased import (``@components``) counts too, as a root-absolute specifier."""
    root = parse(language_for(path), text.encode("utf-8")).root_node
    language = language_for(path)
    imported: dict[str, str] = {}
    for node in nodes_of(root, language, ("import_statement",)):
        source = node.child_by_field_name("source")
        spec = string_value(source) if source is not None else None
        spec = _unaliased(spec, aliases) if spec and aliases else spec
        if not spec or not _PROJECT_SPEC.match(spec):
            continue
        for clause in (c for c in node.named_children if c.type == "import_clause"):
            for name in clause.named_children:
                if name.type == "identifier":  # import PhotoPicker from '…'
                    imported[node_text(name)] = spec
            for item in nodes_of(clause, language, ("import_specifier",)):  # import { Uploader as Up } from '…'
                local = item.child_by_field_name("alias") or item.child_by_field_name("name")
                if local is not None:
                    imported[node_text(local)] = spec
    out = {tag_key(local): spec for local, spec in imported.items()}
    for pair in nodes_of(root, language, ("pair",)):
        value = pair.child_by_field_name("value")
        if value is not None and value.type == "identifier" and node_text(value) in imported and \
                _in_components_object(pair):
            out[tag_key(node_text(pair.child_by_field_name("key")).strip("'\""))] = imported[node_text(value)]
    for call in nodes_of(root, language, ("call_expression",)):
        callee = call.child_by_field_name("function")
        args = call.child_by_field_name("arguments")
        if callee is None or args is None or not node_text(callee).endswith(".component"):
            continue
        values = args.named_children
        if len(values) == 2 and string_value(values[0]) and node_text(values[1]) in imported:
            out[tag_key(string_value(values[0]) or "")] = imported[node_text(values[1])]
    return out


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


def sfc_uses(text: str, path: str, registered: dict[str, str]) -> list[Use]:
    """The project components the single-file component ``path`` renders: its own imports, then the app's
    global ``registered`` ones ({tag key: specifier}, :func:`script_components` of the Vue entry)."""
    bound: dict[str, str] = {}
    tags: list[tuple[str, int]] = []
    for block in split_blocks(text):
        if block.tag == "template":
            tags += template_tags(block.text, block.line_offset)
        elif block.tag == "script" and not block.attrs.get("src"):
            lang = block.attrs.get("lang", "js")
            bound.update(script_components(block.text, path + (".ts" if lang in ("ts", "tsx") else ".js")))
    known = {**registered, **bound}
    return [(known[tag_key(tag)], tag, line) for tag, line in tags if tag_key(tag) in known]


def jsx_uses(text: str, path: str, aliases: Mapping[str, str] | None = None) -> list[Use]:
    """The project components a JSX / TSX file renders (``<Uploader />`` imported from ``@/components/…``, or
    through one of the build's ``aliases``)."""
    bound = script_components(text, path, aliases)
    root = parse(language_for(path), text.encode("utf-8")).root_node
    out: list[Use] = []
    for element in nodes_of(root, language_for(path), ("jsx_opening_element", "jsx_self_closing_element")):
        name = element.child_by_field_name("name")
        tag = node_text(name) if name is not None else ""
        if tag and tag_key(tag) in bound and tag[0].isupper():
            out.append((bound[tag_key(tag)], tag, element.start_point[0] + 1))
    return out


def wxml_uses(text: str, using: dict[str, object]) -> list[Use]:
    """The components a WXML file renders among the page's ``usingComponents`` ({tag: path}); npm packages
    (``@vant/weapp/…``) and plugins are no project components."""
    keys = {tag_key(tag): target if _PROJECT_SPEC.match(target) else "./" + target for tag, target in using.items()
            if isinstance(target, str) and not target.startswith(("@", "plugin:")) and ":" not in target}
    return [(keys[tag_key(tag)], tag, line) for tag, line in template_tags(text) if tag_key(tag) in keys]


def is_sfc(path: str) -> bool:
    return path.endswith(_SFC)
