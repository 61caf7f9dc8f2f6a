"""The files of a native custom component: loaded only where a ``usingComponents`` entry names its path.

A custom component is a view (``x.wxml``), a script and a JSON file of one name in one folder, its WXS modules beside
them (https://developers.weixin.qq.com/miniprogram/dev/framework/custom-component/). WeChat builds it because the
app's, a page's or another component's ``usingComponents`` names it — in a native app, in uni-app's ``pages.json``
and ``wxcomponents/``, in a Taro or mpvue page config — and leaves a folder nothing names out of the package
(``setting.ignoreUploadUnusedFiles``: https://developers.weixin.qq.com/miniprogram/dev/devtools/projectconfig.html).
So a component library copied in whole ships only the components that such a chain reaches, and the scripts they
require; core/reachability.py judges them as a native page's files, by what names their path.

In: a path, the project, the revision's tree. Out: whether the path is one of a component's files. Never raises.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping

from mp_precheck.git.repo import TreeEntry
from mp_precheck.readers.discovery import Project

_SCRIPTS = (".js", ".ts")
_FILES = (".wxml", ".js", ".ts", ".json", ".wxs")  # a component's files that hold what it does
FRAMEWORKS = ("native", "uni-app", "mpvue", "taro")  # frameworks whose pages load a native component by its path


def is_component_file(path: str, project: Project, tree: Mapping[str, TreeEntry]) -> bool:
    """Whether ``path`` is a file (:data:`_FILES`) of a native component of ``project`` (its ``.wxml``, ``.json``
    and a script beside it) outside a ``pages`` folder, whose route no page list registers (a page keeps its own
    rules: core/reachability.py), in a framework that loads such components by their path (:data:`FRAMEWORKS`)."""
    stem, suffix = posixpath.splitext(path)
    if project.framework not in FRAMEWORKS or suffix not in _FILES or "." in posixpath.basename(stem) \
            or stem + ".wxml" not in tree or stem + ".json" not in tree \
            or not any(stem + script in tree for script in _SCRIPTS) or not project.owns(path):
        return False
    route = stem[len(project.root) + 1:] if project.root else stem
    folder = posixpath.dirname(project.app_config or "")
    page = route[len(folder) + 1:] if folder and route.startswith(folder + "/") else route
    return "pages" not in route.split("/")[:-1] and page.casefold() not in {p.casefold() for p in project.pages}
