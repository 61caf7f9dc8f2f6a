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
from mp_precheck.facts.model import FileFacts
from mp_precheck.facts.store import ExistingPaths, resolve_module
from mp_precheck.git.repo import TreeEntry
from mp_precheck.readers.appdata import read_app_data
from mp_precheck.readers.componentuses import Use, is_sfc, jsx_uses, script_components, sfc_uses, tag_key, wxml_uses
from mp_precheck.readers.jsbindings import VUE_ENTRIES

_COMPONENT_SUFFIXES = ("", "/index.vue", "/index.tsx", "/index.jsx", ".js", "/index.js")  # by name, an index, native
_BARREL_SUFFIXES = (".js", ".ts", ".jsx", ".tsx")  # modules that may pass components on



def component_uses(read: Callable[[str], str | None], path: str | None, registered: Mapping[str, str],
                   facts: FileFacts | None = None) -> list[Use]:
    """(specifier, tag, line) of each project component the file ``path`` (read with ``read``) renders;
    ``registered`` are the Vue entry's global components (:func:`registered_components`). ``facts`` are the
    file's facts when known: a JSX / TSX file's are read from them, without reading or parsing it again."""
    if path and path.endswith((".jsx", ".tsx")) and facts is not None and facts.jsx is not None:
        return jsx_uses("", path, reading=facts.jsx)
    # Only templates use components: a style sheet or a JSON file of the change is not even read.
    text = read(path) if path and (is_sfc(path) or path.endswith((".jsx", ".tsx", ".wxml"))) else None
    if not text or not path:
        return []
    if is_sfc(path):
        return sfc_uses(text, path, dict(registered))
    if path.endswith((".jsx", ".tsx")):
        return jsx_uses(text, path)
    if path.endswith(".wxml"):
        config = posixpath.splitext(path)[0] + ".json"
        config_text = read(config)
        data = read_app_data(config, config_text) if config_text else None
        using = data.get("usingComponents") if isinstance(data, dict) else None
        return wxml_uses(text, using) if isinstance(using, dict) else []
    return []


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
    """Components the Vue entry (``main.js|ts`` in the root or ``src/``) registers globally: {tag key: the
    component's path from the repository root, as a root-absolute specifier any page resolves}."""
    root = context.project.root
    for folder in (root, posixpath.join(root, "src") if root else "src"):
        for name in VUE_ENTRIES:
            entry = posixpath.join(folder, name) if folder else name
            text = context.read_head(entry) if context.exists_at_head(entry) else None
            if text:
                tree = ExistingPaths(context.exists_at_head)
                targets = {tag: _resolve(entry, spec, tree) for tag, spec in script_components(text, entry).items()}
                return {tag: "/" + target for tag, target in targets.items() if target is not None}
    return {}
