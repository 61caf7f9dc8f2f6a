"""Taro platform tests held by a constant another project module exports: the lines the WeChat build never runs.

Taro writes the build's target for ``process.env.TARO_ENV`` (``weapp`` for WeChat; https://docs.taro.zone/docs/envs),
so ``export const ALIPAY = process.env.TARO_ENV === 'alipay'`` in ``utils/env.ts`` is ``false`` in the build WeChat
reviews, and a page's ``import { ALIPAY } from '@/utils/env'`` then ``if (ALIPAY) { my.tradePay(…) }`` or
``ALIPAY && Taro.navigateTo(…)`` is code only the Alipay build runs. A file's facts are read from its own text alone
(readers/taroenv.py decides a test written, or held by a constant, in the same file), so the import is followed
here, where the repository can be read.

A name counts only when the page imports it by name (``import { A }``, ``import { A as B }``) from a module the
project's own resolution finds (``resolve``), that module binds it with ``const`` and exports it, and
:func:`~mp_precheck.readers.taroenv.wechat_test` decides its value (also an arrow called at once). A name the page
declares itself, anywhere, is left undecided (it may shadow the import), and so is every undecided test: nothing
is guessed.

A barrel's re-export (``export * from './env'``, ``export { A as B } from './env'``) is followed a few levels.

In: a script's text and path (a single-file component's ``<script>`` blocks), ``resolve`` (importer, specifier →
the module's path, or None) and ``read`` (path → text, or None). Out: the 1-based lines of branches the WeChat
build drops — an ``if``'s block when its test is false there, its ``else`` when true, the right side of
``A && …`` (``A || …``) when ``A`` is false (true), a ternary's branch not taken. Never raises on any text.
"""

from __future__ import annotations

from collections.abc import Callable

from tree_sitter import Language, Node

from mp_precheck.readers.sfc import script_units
from mp_precheck.readers.syntax import language_for, node_text, nodes_of, parse, string_value
from mp_precheck.readers.taroenv import TARO_ENV, constants_of, wechat_test

_SCRIPTS = (".js", ".ts", ".jsx", ".tsx", ".mjs", ".cjs", ".vue")
_DECLARERS = ("variable_declarator", "function_declaration", "required_parameter", "optional_parameter",
              "formal_parameters", "class_declaration")
_MAX_DEPTH = 4
_TESTS = ("if_statement", "binary_expression", "ternary_expression")


Resolve = Callable[[str, str], str | None]


def dropped_lines(text: str, path: str, resolve: Resolve, read: Callable[[str], str | None]) -> set[int]:
    """The 1-based lines of ``path`` that only another platform's Taro build runs, its tests held by imported
    constants (module docstring)."""
    if not path.lower().endswith(_SCRIPTS) or "import" not in text:
        return set()
    dropped: set[int] = set()
    modules: dict[str, dict[str, Node]] = {}
    for source, name, offset in script_units(text, path):
        language = language_for(name)
        root = parse(language, source.encode("utf-8", "replace")).root_node
        names = _imported(path, nodes_of(root, language, ("import_statement",)), resolve, read, modules)
        if not names:
            continue
        for local in _declared(nodes_of(root, language, _DECLARERS)):
            names.pop(local, None)
        for node in nodes_of(root, language, _TESTS):
            for branch in _dead_branches(node, names):
                dropped |= {row + offset + 1 for row in range(branch.start_point[0], branch.end_point[0] + 1)}
    return dropped


def _imported(path: str, statements: list[Node], resolve: Resolve, read: Callable[[str], str | None],
              modules: dict[str, dict[str, Node]]) -> dict[str, Node]:
    """Local name → the decided test an exported ``const`` of the imported module holds."""
    out: dict[str, Node] = {}
    for statement in statements:
        source = statement.child_by_field_name("source")
        spec = string_value(source) if source is not None else None
        pairs = [(node_text(s.child_by_field_name("name")), node_text(s.child_by_field_name("alias"))
                  or node_text(s.child_by_field_name("name")))
                 for clause in statement.named_children if clause.type == "import_clause"
                 for group in clause.named_children if group.type == "named_imports"
                 for s in group.named_children if s.type == "import_specifier"]
        if not spec or not pairs:
            continue
        target = resolve(path, spec)
        tests = _exported_tests(target, resolve, read, modules) if target is not None else {}
        out.update({local: tests[exported] for exported, local in pairs if exported in tests})
    return out


def _exported_tests(path: str, resolve: Resolve, read: Callable[[str], str | None],
                   modules: dict[str, dict[str, Node]], depth: int = 0) -> dict[str, Node]:
    """The ``const`` names ``path`` exports whose value is a decided platform test, also those a barrel re-exports
    (``export * from './env'``, ``export { A } from './env'``); empty when unreadable. Memoised in ``modules``."""
    if path in modules:
        return modules[path]
    modules[path] = {}  # an import cycle reads as nothing
    text = read(path)
    if text is None or depth > _MAX_DEPTH or not path.lower().endswith(_SCRIPTS[:-1]):
        return {}
    language = language_for(path)
    root = parse(language, text.encode("utf-8", "replace")).root_node
    out: dict[str, Node] = {}
    for statement in nodes_of(root, language, ("export_statement",)):
        source = statement.child_by_field_name("source")
        spec = string_value(source) if source is not None else None
        target = resolve(path, spec) if spec else None
        if target is None:
            continue
        tests = _exported_tests(target, resolve, read, modules, depth + 1)
        clauses = [c for c in statement.named_children if c.type == "export_clause"]
        if not clauses:  # export * from
            out.update(tests)
        for s in (s for c in clauses for s in c.named_children if s.type == "export_specifier"):
            name = node_text(s.child_by_field_name("name"))
            if name in tests:
                out[node_text(s.child_by_field_name("alias")) or name] = tests[name]
    if TARO_ENV in text:
        out.update(_own_tests(root, language))
    modules[path] = out
    return out


def _own_tests(root: Node, language: Language) -> dict[str, Node]:
    """The module's own exported ``const`` platform tests, each as a ``true`` / ``false`` node."""
    declarators = [d for d in nodes_of(root, language, ("variable_declarator",))
                   if d.parent is not None and d.parent.type == "lexical_declaration"
                   and d.parent.children and d.parent.children[0].type == "const"
                   and d.parent.parent is not None and d.parent.parent.type in ("program", "export_statement")]
    tests = constants_of(declarators)
    exported = {node_text(d.child_by_field_name("name")) for d in declarators
                if d.parent is not None and d.parent.parent is not None and d.parent.parent.type == "export_statement"}
    for clause in nodes_of(root, language, ("export_clause",)):
        if clause.parent is not None and clause.parent.child_by_field_name("source") is not None:
            continue
        for s in (s for s in clause.named_children if s.type == "export_specifier"):
            name = node_text(s.child_by_field_name("name"))
            if name in tests:
                alias = node_text(s.child_by_field_name("alias")) or name
                tests[alias] = tests[name]
                exported.add(alias)
    return {name: _literal(wechat_test(value, tests)) for name, value in tests.items() if name in exported}


def _literal(verdict: bool | None) -> Node:
    """A ``true`` / ``false`` node standing for a verdict worked out in the module that exports it."""
    language = language_for("verdict.js")
    root = parse(language, b"true;\nfalse;\n").root_node
    return next(n for n in nodes_of(root, language, ("true", "false")) if n.type == str(verdict).lower())


def _declared(nodes: list[Node]) -> set[str]:
    """Every name the script declares itself (variables, functions, parameters, classes)."""
    out: set[str] = set()
    for node in nodes:
        if node.type == "formal_parameters":
            out |= {node_text(c) for c in node.named_children if c.type == "identifier"}
            continue
        name = node.child_by_field_name("name") or node.child_by_field_name("pattern")
        if name is not None and name.type == "identifier":
            out.add(node_text(name))
    return out


def _dead_branches(node: Node, names: dict[str, Node]) -> list[Node]:
    """The parts of ``node`` (an ``if``, ``&&`` / ``||``, ternary) the WeChat build never runs."""
    if node.type == "if_statement":
        verdict = wechat_test(node.child_by_field_name("condition"), names)
        consequence, alternative = node.child_by_field_name("consequence"), node.child_by_field_name("alternative")
        branch = consequence if verdict is False else alternative if verdict is True else None
        if branch is None:
            return []
        if branch.type == "else_clause":
            branch = next((c for c in branch.named_children if c.type != "comment"), None)
        if branch is None:
            return []
        return [c for c in branch.named_children if c.type != "comment"] if branch.type == "statement_block" \
            else [branch]
    if node.type == "ternary_expression":
        verdict = wechat_test(node.child_by_field_name("condition"), names)
        branch = node.child_by_field_name("consequence" if verdict is False else "alternative") \
            if verdict is not None else None
        return [branch] if branch is not None else []
    operator = node_text(node.child_by_field_name("operator"))
    if operator not in ("&&", "||"):
        return []
    verdict = wechat_test(node.child_by_field_name("left"), names)
    right = node.child_by_field_name("right")
    return [right] if right is not None and verdict is (operator == "||") else []
