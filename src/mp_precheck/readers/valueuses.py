"""Where a file sends a value it reads by name: to the clipboard, onto the screen, into a picture, or anywhere else.

A configuration object keeps an address under a key (``{ siteUrl: 'https://…' }``, ``this.siteUrl = 'https://…'``)
and the app reads it by that name: ``wx.setClipboardData({ data: config.siteUrl })`` copies it for the user to paste
elsewhere, ``<text>{{ config.siteUrl }}</text>`` or ``<Text>{config.siteUrl}</Text>`` shows it, ``<image
:src="config.siteUrl">`` and ``wx.previewImage`` load a picture from it (readers/picturecalls.py). None of these
requests the host: only ``wx.request``, ``wx.uploadFile``, ``wx.downloadFile`` and sockets need a server domain
(https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html). core/configurls.py asks this
for each file that writes a configuration key; one use of any other kind (a request's ``url``, a call's argument, a
value returned, kept or handed on, a template's attribute other than a picture's) keeps the host a server's.

A mention that is no read is no use: a declaration (a class field, an interface's or a type's member, a method's
name, a destructured name, a parameter), the key of an object literal, an import or export, the left side of an
assignment. The key of an object a call is given (``request({ siteUrl })``, ``api.get({ siteUrl: x })``) is
told apart as :data:`OPTION`: a name some call takes as an option may be an object handed whole to that call.

In: a file's text and path (a script, a single-file component, a template) and the names it writes. Out: name →
the kinds of its uses there. Pure; never raises on malformed code.
"""

from __future__ import annotations

from tree_sitter import Node

from mp_precheck.core.recache import compiled
from mp_precheck.readers.imagerefs import IMAGE_ATTRIBUTES
from mp_precheck.readers.markup import normalise_attribute, normalise_tag
from mp_precheck.readers.picturecalls import feeds_picture, word_pattern
from mp_precheck.readers.sfc import SFC_SUFFIXES, script_units, split_blocks
from mp_precheck.readers.syntax import language_for, node_text, nodes_of, parse, string_value

COPIED, SHOWN, PICTURE, OPTION, OTHER = "copied", "shown", "picture", "option", "other"
READ_ONLY = frozenset({COPIED, SHOWN, PICTURE})  # uses that request nothing
_SCRIPTS = (".js", ".ts", ".mjs", ".cjs", ".jsx", ".tsx")
_TEMPLATES = (".wxml", ".axml", ".swan", ".ttml", ".qml", ".html", ".htm")
_PICTURE_TAGS = frozenset({"image", "cover-image", "img"})
_TAG = compiled(r"<([A-Za-z][\w.:-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
_ATTRIBUTE = compiled(r"""([:@\w.-]+)\s*=\s*("[^"]*"|'[^']*')""")
# Expressions a value passes through as text: joined, chosen, bracketed, awaited, cast.
_BUILDING = frozenset({"binary_expression", "template_substitution", "template_string", "parenthesized_expression",
                       "ternary_expression", "await_expression", "as_expression", "non_null_expression",
                       "satisfies_expression"})
# Parents whose named child of the name's text declares a name or a type's member: no read (but their value: a read
# into a name this module does not follow).
_DECLARING = frozenset({"public_field_definition", "field_definition", "property_signature", "method_definition",
                        "method_signature", "function_declaration", "variable_declarator", "required_parameter",
                        "optional_parameter", "formal_parameters", "pair_pattern", "object_pattern",
                        "shorthand_property_identifier_pattern", "import_specifier", "export_specifier",
                        "namespace_import", "import_clause", "class_declaration", "enum_assignment"})
_NAME_TYPES = ("identifier", "property_identifier", "shorthand_property_identifier")


def value_uses(text: str, path: str, names: set[str]) -> dict[str, set[str]]:
    """Name → kinds (:data:`COPIED`, :data:`SHOWN`, :data:`PICTURE`, :data:`OPTION`, :data:`OTHER`) of the reads
    ``text`` (of ``path``) makes of ``names`` (see the module docstring); a file neither script, component nor
    template uses every name it mentions in another way (:data:`OTHER`)."""
    out: dict[str, set[str]] = {}
    lower = path.lower()
    if lower.endswith(SFC_SUFFIXES) or lower.endswith(_TEMPLATES):
        templates = [b.text for b in split_blocks(text) if b.tag not in ("script", "style")] \
            if lower.endswith(SFC_SUFFIXES) else [text]
        for template in templates:
            _template_uses(template, names, out)
    elif not lower.endswith(_SCRIPTS):
        return {name: {OTHER} for name in names if word_pattern(name).search(text)}
    if lower.endswith(_SCRIPTS) or lower.endswith(SFC_SUFFIXES):
        for source, name, _offset in script_units(text, path):
            if not any(word in source for word in names):
                continue  # a component's template alone names it
            language = language_for(name)
            root = parse(language, source.encode("utf-8", "surrogatepass")).root_node
            for node in nodes_of(root, language, (*_NAME_TYPES, "shorthand_property_identifier_pattern", "string")):
                if node.type == "string":  # cfg['API_ROOT']: read by a key not followed
                    if string_value(node) in names and node.parent is not None and \
                            node.parent.type == "subscript_expression":
                        out.setdefault(string_value(node) or "", set()).add(OTHER)
                elif (word := node_text(node)) in names and (kind := _script_use(node)) is not None:
                    out.setdefault(word, set()).add(kind)
    return out


def _template_uses(template: str, names: set[str], out: dict[str, set[str]]) -> None:
    """The uses of ``names`` in a template: a word in an image tag's picture attribute is a picture, one in the
    text between tags is shown, one anywhere else in a tag (another attribute, an event handler) is other."""
    in_pictures: dict[str, int] = {}
    in_tags: dict[str, int] = {}
    for tag in _TAG.finditer(template):
        picture = normalise_tag(tag[1]) in _PICTURE_TAGS
        for name in names:
            in_tags[name] = in_tags.get(name, 0) + len(word_pattern(name).findall(tag[0]))
        for attribute in _ATTRIBUTE.finditer(tag[2]):
            if picture and normalise_attribute(attribute[1]) in IMAGE_ATTRIBUTES:
                for name in names:
                    in_pictures[name] = in_pictures.get(name, 0) + len(word_pattern(name).findall(attribute[2]))
    for name in names:
        total = len(word_pattern(name).findall(template))
        tagged, pictured = in_tags.get(name, 0), in_pictures.get(name, 0)
        kinds = out.setdefault(name, set()) if total else set()
        kinds |= {SHOWN} if total > tagged else set()
        kinds |= {PICTURE} if pictured else set()
        kinds |= {OTHER} if tagged > pictured else set()


def _script_use(node: Node) -> str | None:
    """The kind of use the mention ``node`` of a name makes, None when it reads nothing (a declaration, a key, an
    import or export, an assignment's target)."""
    parent = node.parent
    if parent is not None and ((parent.type in _DECLARING and parent.child_by_field_name("value") == node) or
                               node.type == "shorthand_property_identifier_pattern" or
                               (parent.type == "pair_pattern" and parent.child_by_field_name("key") == node)):
        return OTHER  # const base = API_ROOT, const { API_ROOT: root } = cfg: read into a name not followed
    if parent is None or parent.type in _DECLARING or parent.type.startswith(("import", "export")):
        return None
    if parent.type == "pair" and parent.child_by_field_name("key") == node:
        return OPTION if _handed_to_call(parent) else None
    value = node
    if parent.type == "member_expression":
        if parent.child_by_field_name("property") != node:
            return OTHER  # name.x: the value itself handed on
        value = parent
    elif node.type == "property_identifier":
        return None  # a class member's or a type's name of another kind
    outer = value.parent
    if outer is not None and outer.type in ("assignment_expression", "augmented_assignment_expression") \
            and outer.child_by_field_name("left") == value:
        return None
    return _flow(value)


def _handed_to_call(pair: Node) -> bool:
    """Whether the object ``pair`` is a key of is an argument of a call (``f({ key: … })``)."""
    holder = pair.parent
    return holder is not None and holder.type == "object" and holder.parent is not None \
        and holder.parent.type == "arguments"


def _flow(value: Node) -> str:
    """Where the read ``value`` goes: the clipboard's data, a JSX element's text, a picture, or elsewhere."""
    child, current = value, value.parent
    while current is not None and current.type in _BUILDING and not (
            current.type == "ternary_expression" and current.child_by_field_name("condition") == child):
        child, current = current, current.parent
    if current is not None and current.type == "pair" and node_text(current.child_by_field_name("key")) == "data" \
            and _copy_options(current.parent):
        return COPIED
    if current is not None and current.type == "jsx_expression" and current.parent is not None \
            and current.parent.type == "jsx_element":
        return SHOWN
    return PICTURE if feeds_picture(value, 0) else OTHER


def _copy_options(options: Node | None) -> bool:
    """Whether ``options`` is the object a ``setClipboardData`` call is given."""
    arguments = options.parent if options is not None and options.type == "object" else None
    call = arguments.parent if arguments is not None and arguments.type == "arguments" else None
    callee = call.child_by_field_name("function") if call is not None else None
    return callee is not None and node_text(callee).rsplit(".", 1)[-1] == "setClipboardData"
