"""Scripts only other platforms' builds load: imported inside a uni-app ``// #ifdef H5`` block and nowhere else.

uni-app drops the blocks for other platforms from WeChat's build (readers/conditional.py,
https://uniapp.dcloud.net.cn/tutorial/platform.html), and its bundler ships a plain script only when something
the build keeps imports it (core/reachability.py). ``// #ifdef H5`` ``import captcha from '@/utils/captcha'``
``// #endif`` therefore leaves ``captcha.js`` out of the Mini Program: its hosts are the H5 site's, never a
request the Mini Program makes, so they need no 服务器域名 entry
(https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html). The same holds for the
scripts only such a file imports. A script nothing imports at all is another matter: it may be imported by the
next change, so core/reachability.py keeps its hosts; and one imported outside the blocks too ships.

A component easycom compiles by tag (``components/x/x.vue``) ships only when a page the build keeps writes its
tag (https://uniapp.dcloud.net.cn/collocation/pages.html#easycom): one whose tag is written, and its name
named, only inside ``<!-- #ifdef H5 -->`` blocks is the H5 site's alone, and so is all it does (its secrets
aside, which the H5 build publishes). One whose tag is written nowhere yet is left as it was.

In: the scripts core/reachability.py found no kept code loading (head paths), the project, the head tree, a
grep (fixed strings → head files holding them), each unloaded file's module specifiers and a text reader.
Out: those of them that a dropped block loads, directly or through other such files; and the added components
only dropped blocks render. Never raises.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable, Mapping

from mp_precheck.core.recache import compiled
from mp_precheck.facts.store import resolve_module
from mp_precheck.git.repo import TreeEntry
from mp_precheck.readers.conditional import compiles_conditionally, for_wechat, has_directives
from mp_precheck.readers.discovery import Project
from mp_precheck.readers.easycom import tag_registers
from mp_precheck.readers.modulespecs import NODE_TYPES, module_specifiers
from mp_precheck.readers.otherbuilds import hidden_lines
from mp_precheck.readers.sfc import split_blocks
from mp_precheck.readers.syntax import language_for, nodes_of, parse

_DIRECTIVES = ("#ifdef", "#ifndef")


def other_build_scripts(unloaded: Iterable[str], project: Project, tree: Mapping[str, TreeEntry],
                        grep: Callable[[set[str]], Mapping[str, set[str]]],
                        specs_of: Callable[[str], Iterable[str]],
                        read_text: Callable[[str], str | None]) -> set[str]:
    """The paths of ``unloaded`` that another platform's block loads (module docstring).

    Args:
        unloaded: head paths of scripts no code of WeChat's build loads.
        project: the Mini Program; only a framework that drops other platforms' blocks is judged.
        tree: the head tree, to resolve specifiers.
        grep: fixed strings → the head files holding them.
        specs_of: an unloaded path → the module specifiers its kept code imports.
        read_text: head path → its text (None when unreadable: then it loads nothing here).
    """
    names = {path: specifier_stem(path) for path in unloaded}
    if not names or not compiles_conditionally(project.framework):
        return set()
    loads: dict[str, set[str]] = {}  # importer → the unloaded files it loads in dropped code or, if unloaded, at all
    for importer, held in grep(set(names.values())).items():
        if not project.owns(importer) or not held & set(names.values()):
            continue
        text = read_text(importer)
        if text is None or not has_directives(text):
            continue
        dropped = _dropped_specs(importer, text, hidden_lines(text, for_wechat(text, importer)))
        loads.setdefault(importer, set()).update(loaded_files(importer, dropped, names, tree))
    for path in names:
        loads.setdefault(path, set()).update(loaded_files(path, specs_of(path), names, tree))
    found = {target for importer, targets in loads.items() if importer not in names for target in targets}
    frontier = list(found)
    while frontier:  # what an other-build file imports is loaded by that build alone too
        for target in loads.get(frontier.pop(), set()) - found:
            found.add(target)
            frontier.append(target)
    return found


def other_build_components(added: Iterable[str], project: Project,
                           grep: Callable[[set[str]], Mapping[str, set[str]]],
                           read_text: Callable[[str], str | None]) -> set[str]:
    """The uni-app components of ``added`` (head paths: ``.vue`` files at a place easycom compiles by tag, no
    page) whose tag some other file of the project writes, and whose name every such file writes only in
    blocks WeChat's build drops (module docstring); arguments as :func:`other_build_scripts`."""
    folder = posixpath.dirname(project.app_config or "")
    names = {path: specifier_stem(path) for path in added if project.framework == "uni-app" and project.owns(path)
             and path.endswith(".vue") and (not folder or path.startswith(folder + "/"))
             and tag_registers(path[len(folder) + 1:] if folder else path, ())
             and posixpath.splitext(path[len(folder) + 1:] if folder else path)[0] not in project.pages}
    if not names:
        return set()
    tags = {path: compiled(rf"<{re.escape(name)}[\s/>]") for path, name in names.items()}
    dropped: set[str] = set()
    kept: set[str] = set()
    for other, held in grep(set(names.values()) | set(_DIRECTIVES)).items():
        named = [path for path, name in names.items() if name in held and other != path]
        if not named:
            continue
        if not held & set(_DIRECTIVES):  # no block: the name is written where every build keeps it
            kept.update(named)
            continue
        text = read_text(other) if project.owns(other) else None
        shipped = for_wechat(text, other) if text is not None else None
        for path in named:
            if text is None or shipped is None or names[path] in shipped:
                kept.add(path)  # named where WeChat's build keeps it (or unreadable: it may render it)
            elif tags[path].search(text):
                dropped.add(path)
    return dropped - kept


def _dropped_specs(path: str, text: str, hidden: set[int]) -> tuple[str, ...]:
    """The module specifiers the script of ``path`` (its ``<script>`` blocks for a single-file component) loads
    on the 1-based lines ``hidden`` (blanked for WeChat), read with the JavaScript / TypeScript parser."""
    if path.endswith(".vue"):
        scripts = [(f"{path}.{b.attrs.get('lang') or 'js'}", b.text, b.line_offset)
                   for b in split_blocks(text) if b.tag == "script"]
    else:
        scripts = [(path, text, 0)]
    nodes = []
    for name, source, offset in scripts:
        language = language_for(name)
        root = parse(language, source.encode("utf-8", "replace")).root_node
        nodes += [n for n in nodes_of(root, language, NODE_TYPES) if n.start_point[0] + 1 + offset in hidden]
    return module_specifiers(nodes)


def loaded_files(importer: str, specs: Iterable[str], names: Mapping[str, str],
             tree: Mapping[str, TreeEntry]) -> set[str]:
    """The files of ``names`` (path → the name a specifier loading it ends in) that ``specs`` of ``importer``
    load: the file they resolve to, or, resolving to none, the one their last part names."""
    out: set[str] = set()
    for spec in specs:
        target = resolve_module(importer, spec, tree)
        last = posixpath.splitext(spec.rstrip("/").rpartition("/")[2])[0]
        out.update(path for path, name in names.items()
                   if path != importer and (target == path or (target is None and last == name)))
    return out


def specifier_stem(path: str) -> str:
    """The name a specifier loading ``path`` ends in: its stem, or its folder's name for an ``index`` script."""
    stem = posixpath.splitext(posixpath.basename(path))[0]
    return posixpath.basename(posixpath.dirname(path)) if stem == "index" and "/" in path else stem
