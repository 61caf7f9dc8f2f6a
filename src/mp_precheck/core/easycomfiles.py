"""A uni-app component easycom registers: built only when a page the app reaches writes its tag or imports it.

easycom gives every ``components/<name>/<name>.vue``, ``uni_modules/<kit>/components/<name>/<name>.vue`` and the
targets of the ``easycom.custom`` rules of ``pages.json`` a tag, with no import
(https://uniapp.dcloud.net.cn/collocation/pages.html#easycom), and the build bundles only the components pages
use: "easycom打包后会自动剔除没有使用的组件" (the same page). A kit copied in whole
(``uni_modules/<kit>/``: a list's advertising row, a link, a painter's demo) therefore ships only the components a
reached page or component renders by tag (``<uni-list-ad>``, ``<UniListAd>``), imports, or registers globally
(``app.component`` in ``main.js``, an import there); core/reachability.py judges them as it judges scripts.

In: a path, the project, the custom rules (readers/easycom.py). Out: whether the path is such a component, and
the opening tags that may render it (None when a custom rule's pattern cannot be inverted: then any tag may).
Never raises.
"""

from __future__ import annotations

import posixpath
from collections.abc import Sequence

from mp_precheck.core.recache import compiled
from mp_precheck.readers.discovery import Project
from mp_precheck.readers.easycom import tag_registers, tags_for

VUE_FILES = (".vue", ".nvue", ".uvue")
_WORD = compiled(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")


def relative_route(path: str, project: Project) -> str | None:
    """``path`` relative to the folder of the project's page list (``pages.json``), None outside it."""
    folder = posixpath.dirname(project.app_config or "")
    if project.app_config is None or (folder and not path.startswith(folder + "/")):
        return None
    return path[len(folder) + 1:] if folder else path


def is_easycom_component(path: str, project: Project, rules: Sequence[tuple[str, str]]) -> bool:
    """Whether ``path`` is a uni-app single-file component of ``project`` at a place easycom gives a tag (a
    default place or a custom rule's target), not a page ``pages.json`` registers, nor under a ``pages`` folder
    (a page file a build plugin may register)."""
    relative = relative_route(path, project)
    stem, suffix = posixpath.splitext(relative or "")
    if project.framework != "uni-app" or relative is None or suffix not in VUE_FILES or not project.owns(path) \
            or "pages" in relative.split("/")[:-1]:
        return False
    return stem.casefold() not in {page.casefold() for page in project.pages} \
        and tag_registers(relative, [target for _pattern, target in rules])


def opening_tags(name: str) -> set[str]:
    """The opening tags that render a component named ``name`` in a template: as written, in kebab case
    (``<user-card``) and in Pascal case (``<UserCard``)."""
    words = _WORD.findall(name)
    kebab = "-".join(w.lower() for w in words) or name
    pascal = "".join(w[:1].upper() + w[1:] for w in words) or name
    return {f"<{name}", f"<{kebab}", f"<{pascal}"}


def easycom_tags(path: str, project: Project, rules: Sequence[tuple[str, str]]) -> set[str] | None:
    """The opening tags that may render the easycom component at ``path`` (:func:`is_easycom_component`): its
    name's (the folder's for ``index.vue``) and those of the custom rules whose target it is; None when such a
    rule's pattern is no literal around one group."""
    relative = relative_route(path, project) or path
    stem = posixpath.splitext(posixpath.basename(relative))[0]
    name = posixpath.basename(posixpath.dirname(relative)) if stem == "index" and "/" in relative else stem
    custom = tags_for(relative, rules)
    if custom is None:
        return None
    return {tag for written in {name, *custom} for tag in opening_tags(written)}


_GLOB_CALL = compiled(r"(?:require\.context|import\.meta\.glob)\s*\(([^)]*)\)")
_SCRIPT_ONLY = compiled(r"\.?\b(?:[cm]?js|ts|json)\b")


def glob_may_load_components(text: str | None) -> bool:
    """Whether a folder glob in ``text`` (``require.context``, ``import.meta.glob``: they load every file their
    pattern matches, with no import naming each) may load a ``.vue`` file: one whose arguments name ``vue``, or
    name no script suffix (``./modules/*.js`` and ``/\\.js$/`` load scripts alone). Unreadable: it may."""
    if text is None:
        return True
    calls = _GLOB_CALL.findall(text)
    return not calls or any("vue" in args.lower() or not _SCRIPT_ONLY.search(args) for args in calls)
