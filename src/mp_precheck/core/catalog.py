"""The review-risk catalog: rules as data, loaded from ``checks/<family>.yml``.

A rule matches facts by subject: an exact subject (``wx.getLocation``) or a prefix ending in ``*``
(``host:*``, ``app.json:plugins:*``). Ids are a contract: never renamed, never reused.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

import jsonschema
import yaml

from mp_precheck.core.resources import data_dir

Severity = Literal["high", "medium", "low", "info"]
SEVERITIES: tuple[Severity, ...] = ("high", "medium", "low", "info")
FAMILIES = ("privacy", "upload", "payment", "external_link", "category", "login", "branding", "sharing",
            "policy")
CATALOG_DATE = "2026-11-29"

_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["family", "rules"],
    "additionalProperties": False,
    "properties": {
        "family": {"enum": list(FAMILIES)},
        "rules": {"type": "array", "items": {
            "type": "object",
            "required": ["id", "severity", "subjects", "title", "fix", "doc"],
            "additionalProperties": False,
            "properties": {
                "id": {"type": "string", "pattern": r"^[a-z_]+\.[a-z0-9_]+$"},
                "severity": {"enum": list(SEVERITIES)},
                "subjects": {"type": "array", "items": {"type": "string"}},
                "privacy_key": {"type": "string"},
                "every_use": {"type": "boolean"},
                "each_occurrence": {"type": "boolean"},
                "title": {"$ref": "#/$defs/text"},
                "fix": {"$ref": "#/$defs/text"},
                "doc": {"type": "string", "pattern": "^https://"},
                "source": {"type": "string"},
            },
        }},
    },
    "$defs": {"text": {"type": "object", "required": ["zh-CN", "en"], "additionalProperties": False,
                       "properties": {"zh-CN": {"type": "string"}, "en": {"type": "string"}}}},
}


# Tables in checks/ that are not rule files: privacy types, and the third-party components and SDKs
# (mp_precheck.core.thirdparty reads those two).
_NOT_RULES = ("privacy_types.yml", "ui_kits.yml", "upload_sdks.yml")

# One validator for every file (jsonschema.validate would re-check the schema itself on each call).
_VALIDATOR = jsonschema.Draft202012Validator(_SCHEMA)


def load_yaml(text: str) -> Any:
    """Safe YAML with libyaml's C loader when PyYAML has it (several times faster), else the Python one."""
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@dataclass(frozen=True)
class PrivacyType:
    """A type of the 用户隐私保护指引: ``label`` is the backend form's exact text, ``key`` its privacy_key."""

    key: str
    label: str
    en: str


@dataclass(frozen=True)
class Rule:
    """One catalog row. ``title``/``fix`` map a language (``zh-CN``, ``en``) to text."""

    id: str
    family: str
    severity: Severity
    subjects: tuple[str, ...]
    title: dict[str, str]
    fix: dict[str, str]
    doc: str
    privacy_key: str | None = None
    source: str | None = None
    every_use: bool = False  # a new use keeps the rule's severity even where the app already had one
    each_occurrence: bool = False  # every added occurrence in a file is reported (each ad placement), not the first

    def matches(self, subject: str) -> bool:
        return any(subject == s or (s.endswith("*") and subject.startswith(s[:-1])) for s in self.subjects)

    @property
    def per_subject(self) -> bool:
        """Rules over open-ended subjects (hosts, app.json entries) compare each subject on its own."""
        return any(s.endswith("*") for s in self.subjects)

    def capability(self, subject: str) -> str:
        """What novelty is judged by: the privacy type, else the subject (open-ended rules), else the rule."""
        if self.privacy_key:
            return f"privacy:{self.privacy_key}"
        if self.per_subject:
            return subject
        return f"rule:{self.id}"


class CatalogError(ValueError):
    """A catalog file is malformed (a packaging bug, not user input)."""


@dataclass(frozen=True)
class Catalog:
    rules: tuple[Rule, ...]
    privacy_types: dict[str, PrivacyType]
    date: str = CATALOG_DATE

    def rules_for(self, subject: str) -> list[Rule]:
        """The rules of ``subject``. A rule naming it exactly wins over open-ended (``*``) rules: WeChat's own
        live plugin declared in app.json is a category matter (category.live), not just any plugin."""
        matching = [r for r in self.rules if r.matches(subject)]
        exact = [r for r in matching if subject in r.subjects]
        return exact or matching

    def rule(self, rule_id: str) -> Rule:
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)

    def subjects_of_capability(self, capability: str) -> set[str]:
        """Exact subjects that imply ``capability`` (prefix subjects are left out)."""
        return {s for r in self.rules for s in r.subjects
                if not s.endswith("*") and r.capability(s) == capability}

    def privacy_type(self, key: str | None) -> PrivacyType | None:
        return self.privacy_types.get(key) if key else None


def load_catalog(folder: Path | None = None) -> Catalog:
    """Read every ``<family>.yml`` and ``privacy_types.yml`` of ``folder`` (default: the shipped ``checks/``).

    Raises:
        CatalogError: a file does not match the catalog schema, or an id repeats.
    """
    folder = folder or data_dir("checks")
    return _load(str(folder))


@cache
def _load(folder_name: str) -> Catalog:
    folder = Path(folder_name)
    rules: list[Rule] = []
    seen: set[str] = set()
    for path in sorted(folder.glob("*.yml")):
        if path.name in _NOT_RULES:
            continue
        data = load_yaml(path.read_text(encoding="utf-8"))
        error = next(iter(_VALIDATOR.iter_errors(data)), None)
        if error is not None:
            where = "/".join(str(p) for p in error.absolute_path)
            raise CatalogError(f"{path.name}: {where}: {error.message}")
        for row in data["rules"]:
            if row["id"] in seen:
                raise CatalogError(f"{path.name}: duplicate rule id {row['id']}")
            if not row["id"].startswith(data["family"] + "."):
                raise CatalogError(f"{path.name}: rule id {row['id']} is not in family {data['family']}")
            seen.add(row["id"])
            rules.append(Rule(id=row["id"], family=data["family"], severity=row["severity"],
                              subjects=tuple(row["subjects"]), title=row["title"], fix=row["fix"],
                              doc=row["doc"], privacy_key=row.get("privacy_key"), source=row.get("source"),
                              every_use=row.get("every_use", False),
                              each_occurrence=row.get("each_occurrence", False)))
    types_file = folder / "privacy_types.yml"
    types: dict[str, PrivacyType] = {}
    if types_file.exists():
        for row in load_yaml(types_file.read_text(encoding="utf-8"))["types"]:
            types[row["privacy_key"]] = PrivacyType(row["privacy_key"], row["label"], row.get("en", row["privacy_key"]))
    for rule in rules:
        if rule.privacy_key and rule.privacy_key not in types:
            raise CatalogError(f"{rule.id}: privacy_key {rule.privacy_key} is not in privacy_types.yml")
    return Catalog(tuple(rules), types)

