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

In such a script ``ft`` is read as ``wx`` (:func:`as_wechat`): the name is swapped for ``wx`` in the text, same
length, so every reader sees a ``wx`` call at the same line and column. A script that binds ``ft`` itself (a
variable, a parameter, an import: a minified library's local) keeps it; a project with none of the marks keeps
``ft`` as any other name.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable
from typing import Protocol

from mp_precheck.core.lazyre import lazy

CONFIG_FILE = "finclipconf.js"  # FinClip's custom-API file in the root, matched whatever its case
PAGE_SUFFIXES = (".fxml", ".ftss")  # FinClip's template and style files

# ``ft`` as a whole name not read as a property (``a.ft``, ``gift``, ``$ft`` are other names).
_FT = lazy(r"(?<![\w$.])ft(?![\w$])")
_FT_CALL = lazy(r"(?<![\w$.])ft\s*\.\s*([A-Za-z_$][\w$]*)\s*\(")
# What binds ``ft`` in the script: a declaration, an assignment, a parameter, an import or a destructured name.
_BINDS = lazy(r"\b(?:var|let|const|function|class|import)\s+ft(?![\w$])"
              r"|(?<![\w$.])ft\s*(?:=(?![=>])|=>)"
              r"|\bas\s+ft(?![\w$])"
              r"|\bfunction\b[^(]*\([^)]*(?<![\w$.])ft(?![\w$])[^)]*\)"
              r"|\(\s*(?:[\w$]+\s*,\s*)*ft\s*(?:,\s*[\w$]+\s*)*\)\s*=>"
              r"|\bcatch\s*\(\s*ft\s*\)"
              r"|[{,]\s*ft\s*(?:,[^{}]*)?}\s*=(?![=>])")


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


def calls_wechat_on_ft(text: str, api_names: frozenset[str]) -> bool:
    """Whether the script calls an API of ``api_names`` (``wx.navigateToMiniProgram``…) on ``ft``."""
    return any(f"wx.{m.group(1)}" in api_names for m in _FT_CALL.finditer(text))


def as_wechat(text: str, finclip: bool, api_names: Callable[[], frozenset[str]]) -> str:
    """``text`` with the global ``ft`` written ``wx`` (same length: lines and columns kept) when the script is
    FinClip's: ``finclip`` (its project is marked) or it calls one of ``api_names()`` on ``ft``; ``text`` as it is
    when the script names no ``ft``, binds ``ft`` itself, or is no FinClip script."""
    if "ft" not in text or _FT.search(text) is None or _BINDS.search(text) is not None:
        return text
    if not finclip and not calls_wechat_on_ft(text, api_names()):
        return text
    return _FT.sub("wx", text)
