"""Forced login in a project module that the app's launch hooks call (``login.forced_login``).

``App.onShow`` calling ``Auth.login()`` of ``utils/auth.js`` runs that function on every launch. When the
change makes it force something — a modal without a cancel button asking for authorization that sends the user
to ``wx.openSetting`` again and again, ``wx.getUserProfile``, a redirect to a login page — the user meets it
before any experience, though neither hook nor app file changed. Read with the launch calls of the app script
(``readers/launchcalls.py``) and the same forced actions a hook is read for (``readers/lifecycle.py``), from
the called function through its own file's helpers. The app script may be a Taro ``app.tsx`` under ``src/``
and the module named through the build's aliases (``import { bootstrap } from '@ui/bootstrap'``,
``readers/aliases.py``). Reported in the module at the deepest call of the path when the change touched one of
its calls and the function did not reach that action at the merge base.

Source: https://developers.weixin.qq.com/miniprogram/product/index.html (请在用户了解体验小程序功能后，再要求用户进行
帐号登录; operations rules 15.1.3).

Reads: ``project``, ``read_head``, ``read_base``, ``exists_at_head``, ``counterpart``, ``added_lines`` ·
``login.forced_login``.
Writes: adds ``login.forced_login`` (subject ``login:launch:<target>``) in the called module.
"""

from __future__ import annotations

import posixpath

from mp_precheck.analyzers.context import ProjectContext, as_shipped
from mp_precheck.core.report import Finding
from mp_precheck.facts.store import ExistingPaths, resolve_module
from mp_precheck.readers.aliases import project_aliases
from mp_precheck.readers.launchcalls import launch_module_calls
from mp_precheck.readers.lifecycle import ForcedAction, HookScanner, tree_definitions
from mp_precheck.readers.modulereach import namespaced_api
from mp_precheck.readers.syntax import language_for, parse

RULE = "login.forced_login"
_APP_SCRIPTS = ("app.js", "app.ts", "app.jsx", "app.tsx")  # Taro's React app is a .jsx / .tsx
_SUFFIXES = ("", ".js", ".ts", "/index.js", "/index.ts")


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    context = as_shipped(context)  # code only another platform runs is no wall a WeChat user meets
    root = context.project.root.strip("/")
    folders = (root, posixpath.join(root, "src") if root else "src")
    app = next((p for p in (posixpath.join(folder, n) for folder in folders for n in _APP_SCRIPTS)
                if context.read_head(p) is not None), None)
    text = context.read_head(app) if app else None
    if app is None or text is None:
        return findings
    told = {(f.path, f.subject) for f in findings if f.rule == RULE}
    out = list(findings)
    aliases = project_aliases((root, context.project.env_root or root), context.read_head)
    for spec, name, _line in launch_module_calls(text, app):
        module = _module(context, app, spec) or resolve_module(app, spec, ExistingPaths(context.exists_at_head),
                                                               aliases)
        added = context.added_lines.get(module or "", frozenset())
        if module is None or module not in context.added_lines:  # a new module's lines are all added (EveryLine)
            continue
        old = context.counterpart.get(module)
        before = {a.target for a in _reached(context.read_base(old) if old else None, module, name)}
        for action in _reached(context.read_head(module), module, name):
            line = next((c.start_point[0] + 1 for c in reversed(action.calls) if c.start_point[0] + 1 in added), None)
            subject = f"login:launch:{action.target}"
            if line is None or action.target in before or (module, subject) in told:
                continue
            told.add((module, subject))
            out.append(context.finding(RULE, subject, module, line, scope="file",
                                       value=f"{app} launch → {name}() → {action.what}"))
    return out


def _module(context: ProjectContext, importer: str, spec: str) -> str | None:
    """The project file a ``require`` / ``import`` specifier names (relative, or bare as ``require`` reads
    it: from the importer's folder), or None for a package."""
    if spec.startswith(("@", "~")) or ("/" not in spec and not spec.startswith(".")):
        return None
    base = posixpath.normpath(posixpath.join(posixpath.dirname(importer), spec.lstrip("/")))
    return next((base + s for s in _SUFFIXES if not base.startswith("..")
                 and context.read_head(base + s) is not None), None)


def _reached(text: str | None, path: str, name: str) -> list[ForcedAction]:
    """The forced actions function ``name`` of the module ``text`` reaches (none for a missing file)."""
    if text is None:
        return []
    language = language_for(path)
    root = parse(language, text.encode("utf-8", "surrogatepass")).root_node
    return [a for a in HookScanner(namespaced_api).from_function(name, tree_definitions(root, language))
            if a.target != "wx.navigateToMiniProgram"]
