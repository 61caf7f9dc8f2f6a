"""FinClip's ``ft``: a Mini Program built for FinClip calls WeChat's APIs on the global ``ft`` in place of ``wx``.

FinClip runs WeChat Mini Program code in other apps; its API reference writes every WeChat API on ``ft``
(``ft.navigateToMiniProgram``, ``ft.canIUse``: https://finclip.com/mop/document/develop/api/basic.html,
https://www.finclip.com/mop/document/develop/h5app/api.html), and a package WeChat also ships keeps the same code.
What marks a FinClip project (docs/wechat-platform.md, "Frameworks"):

* a ``FinClipConf.js`` in the Mini Program's root folder, where FinClip reads the custom APIs the host app adds
  (``module.exports = { extApi: [...] }``:
  https://finclip.com/mop/document/runtime-sdk/harmony/harmony-api-custom.html);
* FinClip's own page files, ``.fxml`` templates and ``.ftss`` styles
  (https://super-apps.ai/mop/document/en/develop/guide/start/host-environment.html);
* or, in one script, a call of a WeChat API the catalog names on an ``ft`` the script never binds itself.

In such a script ``ft`` is read as ``wx`` (:func:`as_wechat`): each reference to the global ``ft`` is swapped for
``wx`` in the text, same length, so every reader sees a ``wx`` call at the same line and column. Which names are
references is read from the script's tree-sitter parse (a single-file component's ``<script>`` blocks): a script
that binds ``ft`` itself (a variable, a parameter, a destructured name, an import, a function or class name, an
assignment: a minified library's local) keeps it; ``obj.ft``, ``{ ft: 1 }``, comments and strings are other
text; a project with none of the marks keeps ``ft`` as any other name.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable, Iterator
from typing import Protocol

from tree_sitter import Node

from mp_precheck.core.lazyre import lazy
from mp_precheck.readers.sfc import SFC_SUFFIXES, split_blocks
from mp_precheck.readers.syntax import language_for, parse, walk

CONFIG_FILE = "finclipconf.js"  # FinClip's custom-API file in the root, matched whatever its case
PAGE_SUFFIXES = (".fxml", ".ftss")  # FinClip's template and style files

# Cheap tests before a parse: ``ft`` as a whole name (``gift``, ``$ft`` are other names), a call on it.
_FT = lazy(r"(?<![\w$])ft(?![\w$])")
_FT_CALL = lazy(r"(?<![\w$.])ft\s*\.\s*([A-Za-z_$][\w$]*)\s*\(")
# Nodes a bound name sits in on its way up to what binds it: ``{ a: ft }``, ``[ft]``, ``...ft``, ``ft = 1``.
_PATTERNS = {"object_pattern": None, "array_pattern": None, "rest_pattern": None, "pair_pattern": "value",
             "assignment_pattern": "left", "object_assignment_pattern": "left"}
# What binds the name below it (in that field; None: any child): a declaration, a parameter, an import, an assignment.
_BINDERS = {"variable_declarator": "name", "formal_parameters": None, "required_parameter": "pattern",
            "optional_parameter": "pattern", "arrow_function": "parameter", "catch_clause": "parameter",
            "for_in_statement": "left", "assignment_expression": "left", "augmented_assignment_expression": "left",
            "import_clause": None, "namespace_import": None, "function_declaration": "name",
            "function_expression": "name", "generator_function_declaration": "name", "class_declaration": "name",
            "class": "name"}
_NAMES = frozenset({"identifier", "shorthand_property_identifier", "shorthand_property_identifier_pattern"})


class _Project(Protocol):
    """What :func:`finclip_files` reads of a project (``readers/discovery.py`` ``Project``)."""

    @property
    def root(self) -> str: ...

    @property
    def source_root(self) -> str | None: ...

    def owns(self, path: str) -> bool: ...


def is_finclip(project: _Project, paths: Iterable[str]) -> bool:
    """Whether ``project`` is built for FinClip, judged by the tree's ``paths``: a ``FinClipConf.js`` in its root
    (or source) folder, or a FinClip page file (``.fxml`` / ``.ftss``) it owns."""
    roots = {project.root, project.source_root or project.root}
    for path in paths:
        lower = path.lower()
        if posixpath.basename(lower) == CONFIG_FILE and posixpath.dirname(path) in roots:
            return True
        if lower.endswith(PAGE_SUFFIXES) and project.owns(path):
            return True
    return False


def finclip_files(projects: Iterable[_Project], paths: Iterable[str]) -> Callable[[str], bool]:
    """Whether a path is a file of a FinClip project among ``projects`` (:func:`is_finclip` over ``paths``)."""
    marks = [p for p in paths if p.lower().endswith(PAGE_SUFFIXES) or posixpath.basename(p.lower()) == CONFIG_FILE]
    marked = [p for p in projects if is_finclip(p, marks)] if marks else []  # one pass over a 40,000-file tree
    if not marked:
        return lambda _path: False
    return lambda path: any(p.owns(path) for p in marked)


def as_wechat(text: str, finclip: bool, api_names: Callable[[], frozenset[str]], path: str = "script.js") -> str:
    """``text`` (the file at ``path``: a script, or a single-file component whose ``<script>`` blocks are read) with
    each reference to the global ``ft`` written ``wx`` (same length: lines and columns kept) when the script is
    FinClip's: ``finclip`` (its project is marked) or it calls one of ``api_names()`` (``wx.navigateToMiniProgram``…)
    on ``ft``; ``text`` as it is when the script names no global ``ft``, binds ``ft`` itself, or is no FinClip
    script. Never raises."""
    if "ft" not in text or _FT.search(text) is None:
        return text
    if not finclip and not any(f"wx.{m.group(1)}" in api_names() for m in _FT_CALL.finditer(text)):
        return text  # no call of a WeChat API on ft at all: not worth a parse
    uses: list[tuple[int, Node]] = []
    for start, unit, name in _units(text, path):
        found = _references(unit, name)
        if found is None:
            return text  # the script's own ft
        uses += [(start + offset, node) for offset, node in found]
    if not uses or (not finclip and not any(_calls_api(node, api_names()) for _at, node in uses)):
        return text
    out = list(text)
    for at, _node in uses:
        out[at:at + 2] = "wx"
    return "".join(out)


def _units(text: str, path: str) -> Iterator[tuple[int, str, str]]:
    """(first character in ``text``, script text, name for its grammar) of each script of the file."""
    if not path.lower().endswith(SFC_SUFFIXES):
        yield 0, text, path
        return
    for block in split_blocks(text):
        if block.tag == "script" and not block.attrs.get("src") and "json" not in block.attrs.get("type", ""):
            yield block.start, block.text, f"{path}.{block.attrs.get('lang') or 'js'}"


def _references(script: str, name: str) -> list[tuple[int, Node]] | None:
    """(character offset, node) of each reference to ``ft`` in ``script``; None when the script binds ``ft``."""
    source = script.encode("utf-8", "surrogatepass")
    found: list[tuple[int, Node]] = []
    for node in walk(parse(language_for(name), source).root_node):
        if node.type not in _NAMES or node.end_byte - node.start_byte != 2 or node.text != b"ft":
            continue
        if _binds(node):
            return None
        if node.parent is not None and node.parent.type in ("import_specifier", "export_specifier"):
            continue  # { ft as x }: a module's export, no global
        found.append((node.start_byte, node))
    if not found or script.isascii():
        return found
    # tree-sitter counts bytes: the offsets in characters, for a script that is not all ASCII
    return [(len(source[:at].decode("utf-8", "surrogatepass")), node) for at, node in found]


def _binds(node: Node) -> bool:
    """Whether the name ``node`` is bound there (declared, taken as a parameter, imported, assigned)."""
    if node.type == "shorthand_property_identifier_pattern":
        return True  # { ft } of a pattern: a destructured name
    parent = node.parent
    while parent is not None and parent.type in _PATTERNS:
        field = _PATTERNS[parent.type]
        if field is not None and parent.child_by_field_name(field) != node:
            return False  # the default or the key of a pattern: read, not bound
        node, parent = parent, parent.parent
    if parent is None:
        return False
    if parent.type == "import_specifier":  # { ft } and { x as ft } bind ft; { ft as x } binds x
        alias = parent.child_by_field_name("alias")
        return alias is None or alias == node
    if parent.type not in _BINDERS:
        return False
    field = _BINDERS[parent.type]
    return field is None or parent.child_by_field_name(field) == node


def _calls_api(node: Node, api_names: frozenset[str]) -> bool:
    """Whether the ``ft`` of ``node`` is called a WeChat API of ``api_names`` on: ``ft.navigateToMiniProgram(…)``."""
    member = node.parent
    if member is None or member.type != "member_expression" or member.child_by_field_name("object") != node:
        return False
    call, prop = member.parent, member.child_by_field_name("property")
    return call is not None and call.type == "call_expression" and prop is not None and \
        call.child_by_field_name("function") == member and f"wx.{(prop.text or b'').decode()}" in api_names
