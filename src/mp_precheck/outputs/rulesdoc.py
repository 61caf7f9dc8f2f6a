"""The rule reference: ``mp-precheck rules`` (a table), ``mp-precheck explain <rule-id>`` (one rule in
full) and ``docs/rules.md`` (every rule in both languages, grouped by family), all from the catalog.

Wording lives in ``templates/reference.yml`` (labels), ``templates/messages.yml`` (family and severity
names) and the templates ``explain.txt.j2`` and ``rules.md.j2``; this module only orders and aligns.
``tests/test_rulesdoc.py`` fails when ``docs/rules.md`` is stale (regenerate with ``--update-golden``).
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Callable
from functools import cache
from typing import Any

from mp_precheck.core.catalog import Catalog, Rule
from mp_precheck.core.datafiles import read_data
from mp_precheck.core.errors import UserError
from mp_precheck.core.messages import Messages
from mp_precheck.core.resources import data_dir
from mp_precheck.core.vocabulary import FAMILIES, LANGUAGES, SEVERITIES
from mp_precheck.outputs.templating import template


class UnknownRule(UserError):
    """``explain`` was given an id that is not in the catalog."""


@cache
def _labels() -> dict[str, dict[str, str]]:
    data: dict[str, dict[str, str]] = read_data(data_dir("templates") / "reference.yml")
    return data


def label(language: str) -> Callable[..., str]:
    """The reference's labels in ``language``: ``label("en")("rule")`` is ``"Rule"``.

    Raises:
        KeyError: (when called) an unknown key or language.
    """
    def lookup(key: str, **values: Any) -> str:
        return _labels()[key][language].format(**values)
    return lookup


def ordered_rules(catalog: Catalog) -> list[Rule]:
    """The catalog's rules by family (the design's order), then as the family's file lists them."""
    return sorted(catalog.rules, key=lambda r: FAMILIES.index(r.family) if r.family in FAMILIES else len(FAMILIES))


def width(text: str) -> int:
    """Columns ``text`` takes in a terminal: East Asian wide and full-width characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, columns: int) -> str:
    """``text`` padded with spaces to ``columns`` terminal columns (see :func:`width`)."""
    return text + " " * max(0, columns - width(text))


def render_rules_table(catalog: Catalog, language: str = "zh-CN") -> str:
    """Every rule as an aligned plain-text table: id, family, severity, title (in ``language``), then a
    line with the count and how to see one rule in full.

    Raises:
        KeyError: an unknown language.
    """
    lab = label(language)
    rows = [(r.id, r.family, r.severity, r.title.get(language) or r.title["en"]) for r in ordered_rules(catalog)]
    headers = (lab("rule"), lab("family"), lab("severity"), lab("title"))
    widths = [max(width(headers[i]), *(width(row[i]) for row in rows)) for i in range(3)]
    lines = ["  ".join(pad(cell, widths[i]) if i < 3 else cell for i, cell in enumerate(row)).rstrip()
             for row in (headers, *rows)]
    lines.insert(1, "  ".join("-" * w for w in (*widths, width(headers[3]))))
    lines += ["", lab("table_footer", count=len(rows), date=catalog.date)]
    return "\n".join(lines) + "\n"


def render_explain(catalog: Catalog, rule_id: str, language: str = "zh-CN") -> str:
    """One rule in full: title, severity, family, privacy type, subjects, fix and doc link.

    Raises:
        UnknownRule: ``rule_id`` is not in the catalog (the message suggests the closest id, if any).
    """
    try:
        rule = catalog.rule(rule_id)
    except KeyError:
        ids = [r.id for r in catalog.rules]
        close = difflib.get_close_matches(rule_id, ids, n=1, cutoff=0.8)
        hint = f"did you mean {close[0]}? " if close else ""
        raise UnknownRule(f"unknown rule {rule_id!r}: {hint}`mp-precheck rules` lists them all") from None
    messages = Messages(language)
    return str(template("explain.txt.j2").render(
        t=messages.t, l=label(language), **_rule_context(rule, catalog, language)))


def render_rules_doc(catalog: Catalog) -> str:
    """``docs/rules.md``: every rule in zh-CN and en, grouped by family (Markdown, ends with a newline)."""
    families = []
    for family in FAMILIES:
        rules = [r for r in ordered_rules(catalog) if r.family == family]
        if rules:
            families.append({
                "id": family,
                "names": {lang: Messages(lang).t(f"family.{family}") for lang in LANGUAGES},
                "rules": [{lang: _rule_context(r, catalog, lang) for lang in LANGUAGES} for r in rules],
            })
    counts = {s: sum(1 for r in catalog.rules if r.severity == s) for s in SEVERITIES}
    return str(template("rules.md.j2").render(
        families=families, count=len(catalog.rules), counts=counts, date=catalog.date, languages=LANGUAGES,
        t={lang: Messages(lang).t for lang in LANGUAGES}, l={lang: label(lang) for lang in LANGUAGES}))


def _rule_context(rule: Rule, catalog: Catalog, language: str) -> dict[str, Any]:
    privacy = catalog.privacy_type(rule.privacy_key)
    return {
        "id": rule.id, "family": rule.family, "severity": rule.severity,
        "title": rule.title.get(language) or rule.title["en"], "fix": rule.fix.get(language) or rule.fix["en"],
        "doc": rule.doc, "subjects": list(rule.subjects), "privacy_key": rule.privacy_key,
        "privacy_label": privacy.label if privacy else None,
    }
