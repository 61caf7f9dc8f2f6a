"""Which project component files a page or component renders: the analyzers' shared lookup.

The tags are read as ``readers/componentuses.py`` reads them (Vue imports and global registrations, JSX imports,
a WXML page's ``usingComponents``); this module resolves each one to the file that defines it in the head tree,
through a barrel module that passes it on (``export { default as ImageUpload } from './ImageUpload'`` in
``components/index.ts``, https://tc39.es/ecma262/#sec-exports).
Doc: https://developers.weixin.qq.com/miniprogram/dev/framework/custom-component/

In: a :class:`~mp_precheck.analyzers.context.ProjectContext` and a page's path. Out: component uses and files;
never raises on a file it cannot read (no uses).
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Mapping

from mp_precheck.analyzers.context import ProjectContext
from mp_precheck.facts.model import FileFacts, ScriptBindings
from mp_precheck.facts.store import ExistingPaths, resolve_module
from mp_precheck.git.repo import TreeEntry
from mp_precheck.readers.appdata import read_app_data
from mp_precheck.readers.componentuses import (
    Use,
    bind,
    is_sfc,
    jsx_uses,
    script_bindings,
    script_components,
    sfc_uses,
    tag_key,
    template_tags,
    wxml_uses,
)
from mp_precheck.readers.easycom import POSITIONS
from mp_precheck.readers.jsbindings import VUE_ENTRIES
from mp_precheck.readers.sfc import split_blocks

_COMPONENT_SUFFIXES = ("", "/index.vue", "/index.tsx", "/index.jsx", ".js", "/index.js",  # by name, an index, native
                       ".mpx", "/index.mpx")
_BARREL_SUFFIXES = (".js", ".ts", ".jsx", ".tsx")  # modules that may pass components on
_TARO_ENTRIES = ("app.js", "app.ts")  # a Taro Vue app's createApp
_SETUP_MODULES = 24  # modules read below the entry for global registrations
_PROJECT_PREFIXES = (".", "@/", "~/", "/")



def component_uses(read: Callable[[str], str | None], path: str | None, registered: Mapping[str, str],
                   facts: FileFacts | None = None) -> list[Use]:
    """(specifier, tag, line) of each project component the file ``path`` (read with ``read``) renders;
    ``registered`` are the Vue entry's global components (:func:`registered_components`). ``facts`` are the
    file's facts when known: a JSX / TSX file's (a ``.js`` / ``.ts`` one holding JSX too: a Taro page) are read
    from them, without reading or parsing it again."""
    if path and path.endswith((".jsx", ".tsx", ".js", ".ts")) and facts is not None and facts.jsx is not None:
        return jsx_uses("", path, reading=facts.jsx)
    # Only templates use components: a style sheet or a JSON file of the change is not even read.
    text = read(path) if path and (is_sfc(path) or path.endswith((".jsx", ".tsx", ".wxml"))) else None
    if not text or not path:
        return []
    if is_sfc(path):
        data = read_app_data(path, text) if path.endswith((".mpx", ".wpy")) else None  # its own JSON block
        using = data.get("usingComponents") if isinstance(data, dict) else None
        return sfc_uses(text, path, dict(registered), using if isinstance(using, dict) else None)
    if path.endswith((".jsx", ".tsx")):
        return jsx_uses(text, path)
    if path.endswith(".wxml"):
        config = posixpath.splitext(path)[0] + ".json"
        config_text = read(config)
        data = read_app_data(config, config_text) if config_text else None
        using = data.get("usingComponents") if isinstance(data, dict) else None
        return wxml_uses(text, using) if isinstance(using, dict) else []
    return []


def easycom_file(context: ProjectContext, tag: str) -> str | None:
    """The file uni-app's easycom rule gives ``<tag>`` in the project: ``components/tag/tag.vue``, or
    ``uni_modules/<plugin>/components/tag/tag.vue`` of any plugin (its id need not be the tag), beside the
    project's ``pages.json``; None when none exists or the project is no uni-app one."""
    if context.project.framework != "uni-app" or "-" not in tag:
        return None
    config = context.project.app_config
    root = posixpath.dirname(config) if config else context.project.root  # a CLI project's src/ (its pages.json)
    for pattern in POSITIONS:  # easycom: the tag needs no import at these places below the project root
        path = posixpath.join(root, pattern.format(tag)) if root else pattern.format(tag)
        if context.exists_at_head(path):
            return path
    tail = f"/components/{tag}/{tag}.vue"
    plugins = posixpath.join(root, "uni_modules/") if root else "uni_modules/"
    return next((p for p in sorted(context.head_paths or ()) if p.startswith(plugins) and p.endswith(tail)
                 and p.count("/") == tail.count("/") + plugins.count("/")), None)


def easycom_uses(context: ProjectContext, read: Callable[[str], str | None], path: str | None,
                 uses: list[Use]) -> list[Use]:
    """``uses`` of the single-file component ``path`` (read with ``read``) with the tags no import binds that
    uni-app's easycom registers (:func:`easycom_file`), as root-absolute specifiers, in line order."""
    text = read(path) if path and is_sfc(path) and context.project.framework == "uni-app" else None
    if not text:
        return uses
    bound = {line for _spec, _tag, line in uses}
    more = []
    for block in (b for b in split_blocks(text) if b.tag == "template"):
        for tag, line in template_tags(block.text, block.line_offset):
            found = easycom_file(context, tag) if line not in bound else None
            if found is not None:
                more.append(("/" + found, tag, line))
    return sorted(uses + more, key=lambda use: use[2])


def _resolve(importer: str | None, spec: str, tree: Mapping[str, TreeEntry]) -> str | None:
    """The component file ``spec`` names from ``importer``: a ``.vue`` (or its folder's ``index.vue``), or a
    native component's script."""
    for suffix in _COMPONENT_SUFFIXES if importer else ():
        found = resolve_module(importer or "", spec + suffix, tree)
        if found is not None:
            return found
    return None


def component_file(context: ProjectContext, importer: str | None, spec: str, tag: str,
                   tree: Mapping[str, TreeEntry]) -> str | None:
    """The file of the component ``<tag>`` that ``spec`` names from ``importer``; through a barrel module
    to the file that defines it. None when it is no file of the project."""
    found = _resolve(importer, spec, tree)
    facts = context.facts_at_head(found) if found and found.endswith(_BARREL_SUFFIXES) else None
    for there, _name, here in facts.reexports if facts is not None else ():
        if tag_key(here) == tag_key(tag):
            return _resolve(found, there, tree) or found
    return found


def registered_components(context: ProjectContext) -> dict[str, str]:
    """Components the Vue entry (``main.js|ts`` in the root or ``src/``; a Taro project's ``app.js|ts``)
    registers globally, itself or in a project module it runs (``setupApp(app)`` → ``app.component(Uploader.name,
    Uploader)`` two imports down): {tag key: the component's path from the repository root, as a root-absolute
    specifier any page resolves}."""
    root = context.project.root
    names = VUE_ENTRIES + (_TARO_ENTRIES if context.project.framework == "taro" else ())
    for folder in (root, posixpath.join(root, "src") if root else "src"):
        for name in names:
            entry = posixpath.join(folder, name) if folder else name
            text = context.read_head(entry) if context.exists_at_head(entry) else None
            if text:
                tree = ExistingPaths(context.exists_at_head)
                targets = {tag: _resolve(entry, spec, tree) for tag, spec in script_components(text, entry).items()}
                targets |= _registered_below(context, entry, text, tree)
                return {tag: "/" + target for tag, target in targets.items() if target is not None}
    return {}


def _registered_below(context: ProjectContext, entry: str, text: str, tree: Mapping[str, TreeEntry]
                      ) -> dict[str, str | None]:
    """{tag key: component file} of the global registrations (``app.component(…)``) in the project modules the
    entry imports, and those they import, breadth first (at most :data:`_SETUP_MODULES` of them)."""
    out: dict[str, str | None] = {}
    queue, seen = [(entry, text)], {entry}
    while queue and len(seen) <= _SETUP_MODULES:
        path, source = queue.pop(0)
        bindings = script_bindings(source, path)
        bound = bind(ScriptBindings(bindings.imports, (), bindings.registrations))
        for tag, _value in bindings.registrations:
            out[tag_key(tag)] = _resolve(path, bound[tag_key(tag)], tree) if tag_key(tag) in bound else None
        for spec, _local in bindings.imports:
            found = resolve_module(path, spec, tree) if spec.startswith(_PROJECT_PREFIXES) else None
            if found is not None and found not in seen and found.endswith(_BARREL_SUFFIXES):
                seen.add(found)
                module = context.read_head(found)
                queue += [(found, module)] if module else []
    return {tag: target for tag, target in out.items() if target is not None}
