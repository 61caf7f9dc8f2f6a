"""The closed vocabularies every stage shares, each defined here once.

* :data:`SEVERITIES` — a rule's severity, most severe first (the order reports sort by).
* :data:`FAIL_ON` — the ``fail_on`` levels, from ``none`` (never fails) to the strictest (``info``).
* :data:`LANGUAGES` — the languages of the comment, the notes and the catalog texts.
* :data:`FAMILIES` — the rule families, one ``checks/<family>.yml`` each, in report order.

``checks/catalog.schema.json`` and ``core/config.schema.json`` repeat these as JSON Schema enums (a
JSON file cannot import); ``tests/test_vocabulary.py`` asserts they are equal.
"""

from __future__ import annotations

from typing import Literal

Severity = Literal["high", "medium", "low", "info"]
SEVERITIES: tuple[Severity, ...] = ("high", "medium", "low", "info")
FAIL_ON: tuple[str, ...] = ("none", *reversed(SEVERITIES))
LANGUAGES = ("zh-CN", "en")
FAMILIES = ("privacy", "upload", "payment", "external_link", "category", "login", "branding", "sharing",
            "policy")


def severity_rank(severity: str) -> int:
    """0 for the most severe (``high``) up to 3 for ``info``.

    Raises:
        ValueError: ``severity`` is not one of :data:`SEVERITIES`.
    """
    return SEVERITIES.index(severity)
