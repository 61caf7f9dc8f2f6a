"""Component sources outside a Mini Program's root that its build copies in: a component library's demo app.

A repository that publishes components often keeps their source in ``src/`` and a demo Mini Program in ``demo/``
whose pages name them under a folder the build writes and git ignores (``"usingComponents": {"x-picker":
"/components/Picker/index"}``, a gulp task copying ``src/**/*.js`` to ``demo/components/``). WeChat loads a
component from the path a page's ``usingComponents`` names
(https://developers.weixin.qq.com/miniprogram/dev/framework/custom-component/): that path is missing from the tree,
and the file the app runs there is the source's copy. So a script outside the root is the app's where a page or
component config of the project names, by a path (``/…`` or ``./…``, not an npm package), a component the tree
lacks whose last two path parts (``Picker/index``) are the script's own, and no other Mini Program owns it.

In: the repository at a revision, its tree, the project and the other projects, a way to read a file. Out: paths.
Never raises.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable, Mapping

from mp_precheck.git.repo import GitRepo, TreeEntry
from mp_precheck.readers.appconfig import read_json
from mp_precheck.readers.discovery import BUILD_DIRS, VENDOR_DIRS, Project

# A component's script (https://developers.weixin.qq.com/miniprogram/dev/framework/custom-component/): the file
# types a component folder is made of, any one of which tells the path names a component the tree holds.
_SCRIPTS = (".js", ".ts")
_PARTS = (*_SCRIPTS, ".json", ".wxml")


def copied_sources(repo: GitRepo, rev: str, tree: Mapping[str, TreeEntry], project: Project,
                   others: Iterable[Project], paths: Iterable[str],
                   read_text: Callable[[str], str | None]) -> set[str]:
    """Those of ``paths`` (scripts outside ``project``'s root) that are the source of a component the project names
    and the tree lacks (module docstring)."""
    others = tuple(others)
    wanted: dict[str, list[str]] = {}  # tail ("Picker/index") → scripts ending in it
    for path in paths:
        stem, ext = posixpath.splitext(path)
        parts = stem.split("/")
        if ext not in _SCRIPTS or len(parts) < 3 or project.owns(path) or any(p.owns(path) for p in others) \
                or any(p in VENDOR_DIRS or p in BUILD_DIRS for p in parts[:-1]):
            continue
        wanted.setdefault("/".join(parts[-2:]), []).append(path)
    if not wanted or not project.root:
        return set()
    hits = repo.grep_needles(rev, wanted, [f":(literal){project.root}"])
    found: set[str] = set()
    for config, tails in sorted(hits.items()):
        if not config.endswith(".json") or not project.owns(config):
            continue
        for target in _missing_components(project.root, config, tree, read_text):
            found |= {p for tail in tails if target.endswith("/" + tail) for p in wanted[tail]}
    return found


def _missing_components(root: str, config: str, tree: Mapping[str, TreeEntry],
                        read_text: Callable[[str], str | None]) -> list[str]:
    """The components ``config``'s ``usingComponents`` names by a path (repository paths, no suffix) that the tree
    holds no file of."""
    value = read_json(config, read_text)
    using = value.get("usingComponents") if isinstance(value, dict) else None
    out = []
    for spec in using.values() if isinstance(using, dict) else ():
        if not isinstance(spec, str) or not spec.startswith(("/", "./", "../")):
            continue  # an npm package's component (miniprogram_npm) or a plugin's
        base = root if spec.startswith("/") else posixpath.dirname(config)
        target = posixpath.normpath(posixpath.join(base, spec.lstrip("/")))
        if not any(target + s in tree or f"{target}/index{s}" in tree for s in _PARTS):
            out.append(target)
    return out
