"""Forced login in a hook a composable or custom hook registers for the entry page (``login.forced_login``).

A uni-app page written with Vue 3 may call ``useSession()`` from its ``<script setup>`` (or ``setup()``) where
``useSession`` of ``./composables/session.js`` registers ``onShow(() => { if (!token) uni.reLaunch({ url: login }) })``;
a Taro page's custom hook registers ``useDidShow`` / ``useLoad`` / a mount ``useEffect`` the same way. The hook
becomes the page's own: on the entry page it sends every user without a token to the login page before any
experience, exactly as an ``onShow`` written in the page. Followed here from the entry page's setup-time calls of
imported functions (the ``<script setup>`` block's top level, a ``setup()`` body, a function component's body;
through barrels and one more composable the first calls as it sets up) to the hooks each registers as it runs; each
hook body is read for a redirect to a login page as a page's hook is
(:class:`~mp_precheck.readers.lifecycle.HookScanner`, and into the modules it calls through
``analyzers/entry_helpers.py``). Left out as for a page: a redirect on the server's answer (an expired session),
one answering a flag another page's tap set (``readers/handover.py``), a composable that only reads the token or
redirects from a function a tap calls, and a redirect the entry page already reached at the merge base. Reported
once per login page, at the composable's navigation call.

Source: https://developers.weixin.qq.com/miniprogram/product/index.html (请在用户了解体验小程序功能后，再要求用户进行
帐号登录; operations rules 15.1.3); https://uniapp.dcloud.net.cn/tutorial/vue3-composition-api.html and
https://docs.taro.zone/docs/hooks (hooks registered by a function the page's setup calls).

Reads: ``project``, ``read_head``, ``read_base``, ``exists_at_head``, ``head_paths``, ``counterpart`` ·
``login.forced_login``.
Writes: adds ``login.forced_login`` (subject ``login:entry-page:<login page>``, scope ``file``) in the module whose
registered hook navigates.
"""

from __future__ import annotations

from collections.abc import Iterator

from tree_sitter import Node

from mp_precheck.analyzers.context import ProjectContext, as_shipped
from mp_precheck.analyzers.entry_helpers import BARRELS, ScriptSide, answers, code_wall, entry_script, reach, told_pages
from mp_precheck.core.report import Finding
from mp_precheck.facts.store import ExistingPaths, resolve_module
from mp_precheck.readers.aliases import project_aliases
from mp_precheck.readers.handover import handed_over
from mp_precheck.readers.jsbindings import GET_APP
from mp_precheck.readers.lifecycle import HookScanner
from mp_precheck.readers.modulereach import Module, namespaced_api
from mp_precheck.readers.openinghooks import registered_hook
from mp_precheck.readers.sfc import SFC_SUFFIXES, split_blocks
from mp_precheck.readers.syntax import enclosing_function, language_for, node_text, parse, walk

RULE = "login.forced_login"
HOPS = 2  # composables followed: the one the page calls and one that one calls as it sets up
_SCRIPTS = (".js", ".ts", ".mjs", ".jsx", ".tsx")
Wall = dict[tuple[str, str], tuple[int, str]]  # (login page, module) → (line, what)


def analyze(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
    context = as_shipped(context)  # code only another platform runs is no wall a WeChat user meets
    entry = entry_script(context)
    if entry is None:
        return findings
    folders = (context.project.root, context.project.env_root or context.project.root)
    walls = _walls(entry, ScriptSide(context.read_head, context.exists_at_head,
                                     project_aliases(folders, context.read_head)))
    if not walls:
        return findings
    old = context.counterpart.get(entry, entry)
    base_side = ScriptSide(context.read_base, None, project_aliases(folders, context.read_base))
    before = {target for target, _module in _walls(old, base_side)} if old else set()
    told = told_pages(findings)
    added: list[Finding] = []
    for (target, module), (line, what) in walls.items():
        if target in before or target in told:
            continue
        told.add(target)
        added.append(context.finding(RULE, f"login:entry-page:{target}", module, line, scope="file",
                                     value=f"{entry} setup → {what}"))
    return findings + added


def _walls(entry: str, side: ScriptSide) -> Wall:
    """Each redirect to a login page a hook reaches that a composable registers when ``entry`` sets up."""
    text = side.text(entry)
    page = side.module(entry)
    if text is None or page is None:
        return {}
    found: Wall = {}
    for spec, name in _setup_uses(text, entry, page):
        _follow(entry, spec, name, side, HOPS, (), found)
    return found


def _follow(importer: str, spec: str, name: str, side: ScriptSide, hops: int, via: tuple[str, ...],
            found: Wall) -> None:
    """Read function ``name`` of the module ``importer`` imports as ``spec`` (through barrels) for the hooks it
    registers as it runs, into ``found``; ``hops`` composables deep."""
    tree = ExistingPaths(side.has)
    for _barrel in range(BARRELS + 1):
        path = resolve_module(importer, spec, tree, side.aliases)
        module = side.module(path) if path is not None and path.endswith(_SCRIPTS) else None
        if path is None or module is None:
            return
        if name in module.defs:
            break
        passed = module.passes_on(name)
        if not passed or passed[0][1] is None:
            return
        importer, (spec, name) = path, (passed[0][0], str(passed[0][1]))
    else:
        return
    body = module.defs[name]
    calls = (*via, f"{name}()")
    for call in _own_calls(body):
        registered = registered_hook(call)
        if registered is not None:
            hook, hook_body = registered
            for target, line, what in _redirects(module, hook_body):
                found.setdefault((target, path), (line, " → ".join((*calls, f"{hook}: {what}"))))
            for (target, there), (line, chain, what) in reach(path, side, module.uses([hook_body])).items():
                found.setdefault((target, there), (line, " → ".join((*calls, hook, *(f"{c}()" for c in chain),
                                                                     what))))
        elif hops > 1:
            use = _imported(call, module)
            if use is not None:
                _follow(path, use[0], use[1], side, hops - 1, calls, found)


def _redirects(module: Module, hook_body: Node) -> Iterator[tuple[str, int, str]]:
    """(login page, line, what) of each redirect to a login page the registered hook's body reaches in its module,
    not on the server's answer nor on a flag another page's tap set."""
    key = "<registered hook>"
    for action in HookScanner(namespaced_api).from_function(key, {**module.defs, key: hook_body}):
        if action.target.startswith(("wx.", "popup:")) or action.target.endswith("()"):
            continue  # a prompt, a popup, a call by name: another module's code is followed through reach()
        if any(handed_over(call) or (answers(call) and not code_wall(call)) for call in action.calls):
            continue
        yield action.target, action.calls[-1].start_point[0] + 1, action.what


def _setup_uses(text: str, path: str, page: Module) -> list[tuple[str, str]]:
    """(specifier, exported name) of each imported function the page calls as it sets up, in source order."""
    units = [(text, path, False)]
    if path.lower().endswith(SFC_SUFFIXES):
        units = [(b.text, f"{path}.{b.attrs.get('lang') or 'js'}", "setup" in b.attrs) for b in split_blocks(text)
                 if b.tag == "script" and not b.attrs.get("src")]
    uses: list[tuple[str, str]] = []
    for source, name, setup in units:
        root = parse(language_for(name), source.encode("utf-8", "surrogatepass")).root_node
        for call in (n for n in walk(root) if n.type == "call_expression"):
            owner = enclosing_function(call)
            if (setup if owner is None else _sets_up(owner)) and (use := _imported(call, page)) is not None:
                uses.append(use)
    return list(dict.fromkeys(uses))


def _own_calls(body: Node) -> Iterator[Node]:
    """The calls a function body makes as it runs: none inside a function it defines (a tap handler it returns)."""
    function = body.parent
    return (n for n in walk(body) if n.type == "call_expression" and enclosing_function(n) == function)


def _imported(call: Node, module: Module) -> tuple[str, str] | None:
    """(specifier, exported name) of the imported function ``call`` calls: a named import, a default import called
    (its ``default``), a namespace's member (``auth.useSession()``); None for anything else."""
    fn = call.child_by_field_name("function")
    if fn is not None and fn.type == "identifier":
        text = node_text(fn)
        if text in module.names:
            return module.names[text]
        spec = module.aliases.get(text)
        return (spec, "default") if spec is not None and spec != GET_APP else None
    obj = fn.child_by_field_name("object") if fn is not None and fn.type == "member_expression" else None
    spec = module.aliases.get(node_text(obj)) if obj is not None and obj.type == "identifier" else None
    prop = fn.child_by_field_name("property") if fn is not None and spec not in (None, GET_APP) else None
    return (str(spec), node_text(prop)) if prop is not None else None


def _sets_up(function: Node) -> bool:
    """Whether ``function`` runs as the page sets up: a ``setup()`` method or ``setup:`` function, the function a
    module exports as its default (a Taro page), or a function named as a component (``function Index()``,
    ``const Index = () => …``)."""
    named = function.child_by_field_name("name")
    holder = function.parent
    if named is None and holder is not None and holder.type in ("pair", "variable_declarator"):
        named = holder.child_by_field_name("key") or holder.child_by_field_name("name")
    name = node_text(named).strip("'\"") if named is not None else ""
    if name == "setup":
        return True
    if holder is not None and holder.type == "export_statement" and node_text(holder).split(None, 2)[1:2] == \
            ["default"]:
        return True
    return function.type != "method_definition" and name[:1].isupper()
