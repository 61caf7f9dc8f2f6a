"""Every rule id the code names exists in the catalog: a renamed or mistyped id in an analyzer would
otherwise surface only as a KeyError in a run that reaches it (or, in a lookup, never)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from mp_precheck.core.catalog import load_catalog
from mp_precheck.core.vocabulary import FAMILIES

SRC = Path(__file__).resolve().parent.parent / "src" / "mp_precheck"
RULE_ID = re.compile(rf"^(?:{'|'.join(FAMILIES)})\.[a-z0-9_]+$")
# Strings shaped like a rule id that name something else.
NOT_RULES: frozenset[str] = frozenset()


def rule_like_literals() -> dict[str, list[str]]:
    """Every string constant under src/ shaped ``<family>.<name>`` → where it occurs (``path:line``)."""
    found: dict[str, list[str]] = {}
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and RULE_ID.match(node.value):
                found.setdefault(node.value, []).append(f"{path.relative_to(SRC)}:{node.lineno}")
    return found


def test_the_scan_finds_the_ids_analyzers_use() -> None:
    found = rule_like_literals()
    assert "privacy.required_private_infos_missing" in found
    assert "category.precise_location" in found


def test_every_rule_id_in_code_is_a_catalog_rule() -> None:
    ids = {rule.id for rule in load_catalog().rules}
    unknown = {value: where for value, where in rule_like_literals().items()
               if value not in ids and value not in NOT_RULES}
    assert unknown == {}


def test_allow_listed_strings_are_not_rules() -> None:
    ids = {rule.id for rule in load_catalog().rules}
    assert not NOT_RULES & ids
