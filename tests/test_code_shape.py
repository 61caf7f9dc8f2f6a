"""The shape the code keeps so a newcomer can read it: no module in ``src/`` over 450 lines and no function
over 60 (docs/architecture.md, "Invariants the tests hold")."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "mp_precheck"
MAX_MODULE_LINES = 450
MAX_FUNCTION_LINES = 60


def _modules() -> list[Path]:
    return sorted(SRC.rglob("*.py"))


def test_no_module_is_over_450_lines() -> None:
    long = {p.relative_to(SRC).as_posix(): n for p in _modules()
            if (n := p.read_text(encoding="utf-8").count("\n")) > MAX_MODULE_LINES}
    assert long == {}


def test_no_function_is_over_60_lines() -> None:
    long = [f"{p.relative_to(SRC).as_posix()}:{node.lineno} {node.name} ({node.end_lineno - node.lineno + 1})"
            for p in _modules() for node in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
            and (node.end_lineno or node.lineno) - node.lineno + 1 > MAX_FUNCTION_LINES]
    assert long == []


def test_the_checks_find_what_they_look_for() -> None:
    """Both checks walk the real package: it has modules, and functions to measure."""
    assert len(_modules()) > 50
    assert any(isinstance(n, ast.FunctionDef) for n in ast.walk(ast.parse((SRC / "cli.py").read_text("utf-8"))))
