"""``.mp-precheck.yml``: what the WeChat admin backend has configured, plus rule switches.

In a pull request the config is read from the **base** revision, so a PR cannot relax its own check;
``--config FILE`` names a file on disk instead. Validation uses the JSON Schema shipped beside this
module (``config.schema.json``, published with a ``$id`` for editor completion). Precedence for every
setting: command-line flag or action input > config file > default.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from msgspec import Struct, field

if TYPE_CHECKING:
    import jsonschema

    from mp_precheck.core.catalog import Catalog

from mp_precheck.core.configlines import ConfigLines
from mp_precheck.core.errors import ConfigError

CONFIG_NAME = ".mp-precheck.yml"
# The CI files `mp-precheck init` writes (scaffold.py), here so that the help names them without loading it.
WORKFLOW_PATH = ".github/workflows/mp-precheck.yml"
GITLAB_PATH = ".gitlab-ci.yml"
DEFAULT_TAG_PATTERN = "v*"  # which tags are releases when neither a flag nor notes.tag_pattern says
MAX_CONFIG_BYTES = 256 * 1024
MAX_ALIASES = 64  # a YAML alias bomb expands exponentially; real configs need few or none


class Config(Struct, frozen=True):
    """Validated settings. Empty tuples mean "not recorded" (the analyzers then ask, never assume)."""

    language: str | None = None
    fail_on: str | None = None
    exclude: tuple[str, ...] = ()
    rules: dict[str, bool | str] = field(default_factory=dict)
    declared_privacy: tuple[str, ...] | None = None
    domains: dict[str, tuple[str, ...]] = field(default_factory=dict)
    categories: tuple[str, ...] | None = None
    content_security_external: str | None = None
    branding_allow: tuple[str, ...] = ()
    notes: dict[str, Any] = field(default_factory=dict)
    source: str | None = None  # where it was read from, for messages

    def rule_enabled(self, rule_id: str) -> bool:
        return self.rules.get(rule_id, True) is not False

    def severity_of(self, rule_id: str, default: str) -> str:
        value = self.rules.get(rule_id)
        return value if isinstance(value, str) else default


@cache
def schema() -> dict[str, Any]:
    """The JSON Schema of the config file."""
    data: dict[str, Any] = json.loads((Path(__file__).parent / "config.schema.json").read_text(encoding="utf-8"))
    return data


def parse_config(text: str, source: str, known: KnownNames | None = None) -> Config:
    """Parse and validate config ``text`` read from ``source`` (a path or ``<rev>:<path>``); with ``known``, the
    rule ids and privacy types it names are checked too (as :func:`check_names`), in the same pass.

    Raises:
        ConfigError: not YAML, too large, an alias bomb, or keys with wrong values or unknown names; the message
            lists every one of them, each with its line, the key path and what was expected.
    """
    if len(text.encode("utf-8")) > MAX_CONFIG_BYTES:
        raise ConfigError(f"{source}: larger than {MAX_CONFIG_BYTES // 1024} KiB; is this the right file?")
    import yaml  # only a run with a config file parses YAML (the shipped data comes from core.datafiles)

    try:
        aliases = sum(1 for event in yaml.parse(text) if isinstance(event, yaml.AliasEvent))
        if aliases > MAX_ALIASES:
            raise ConfigError(f"{source}: {aliases} YAML aliases (at most {MAX_ALIASES}); refusing a possible "
                              "alias bomb")
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1} column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise ConfigError(f"{source}: not valid YAML{where}: {problem}") from exc
    except RecursionError:  # PyYAML composes nested collections recursively
        raise ConfigError(f"{source}: not valid YAML (nested too deeply)") from None
    if data is None:
        data = {}
    import jsonschema  # only a run with a config file pays for the validator

    validator = jsonschema.Draft202012Validator(schema())
    errors = sorted(validator.iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path])
    problems: list[tuple[Sequence[str | int], str | None, str]] = [
        (list(e.absolute_path), _extra_key(e), _describe(e)) for e in errors]
    if known is not None:  # told together with the schema's: a fix per run would take a run per mistake
        told = {key for path, key, _ in problems if list(path) == ["rules"] and key is not None}
        problems += _name_problems(data, known, told)
    if problems:
        lines = ConfigLines(text)
        placed = sorted(((lines.line(list(path), key) or 0, said) for path, key, said in problems),
                        key=lambda p: p[0])
        said = dict.fromkeys(f"line {line}: {what}" if line else what for line, what in placed)
        raise ConfigError(f"{source}: " + "; ".join(said))
    return _from_dict(data, source)


def _extra_key(error: jsonschema.ValidationError) -> str | None:
    """The key a ``propertyNames`` error, or the first unknown key an ``additionalProperties`` error, is about
    (its line is the one to fix)."""
    if "propertyNames" in error.schema_path and isinstance(error.instance, str):
        return error.instance
    if error.validator != "additionalProperties" or not isinstance(error.instance, dict):
        return None
    allowed = (error.schema.get("properties") or {}) if isinstance(error.schema, dict) else {}
    return next((str(k) for k in error.instance if k not in allowed), None)


def _name_problems(data: Any, known: KnownNames, told: set[str]) -> list[tuple[Sequence[str | int], str | None, str]]:
    """:func:`check_names`' problems in raw config ``data`` (whatever of it has the right shape), each with
    the path and key that place it; rule ids in ``told`` (the schema refused them already) are left out."""
    if not isinstance(data, dict):
        return []
    rules = data.get("rules")
    privacy = data.get("privacy")
    declared = privacy.get("declared") if isinstance(privacy, dict) else None
    ids = [str(k) for k in rules if str(k) not in told] if isinstance(rules, dict) else []
    labels = [(i, d) for i, d in enumerate(declared) if isinstance(d, str)] if isinstance(declared, list) else []
    found: list[tuple[Sequence[str | int], str | None, str]] = []
    for rule_id, said in _unknown_rules(ids, known):
        found.append((["rules"], rule_id, said))
    for index, said in _unknown_labels(labels, known):
        found.append((["privacy", "declared", index], None, said))
    return found


def check_names(config: Config, known: KnownNames) -> None:
    """Every rule id and every ``privacy.declared`` entry the config names must exist: a misspelt rule id
    would switch nothing off, a misspelt type would declare nothing (用户隐私保护指引 types:
    https://developers.weixin.qq.com/miniprogram/dev/framework/user-privacy/miniprogram-intro.html).

    Raises:
        ConfigError: naming each unknown name and the closest known one.
    """
    labels = list(enumerate(config.declared_privacy or ()))
    problems = [said for _, said in (*_unknown_rules(list(config.rules), known), *_unknown_labels(labels, known))]
    if problems:
        raise ConfigError(f"{config.source}: " + "; ".join(problems))


def _unknown_rules(rule_ids: list[str], known: KnownNames) -> list[tuple[str, str]]:
    """Each of ``rule_ids`` that ``known`` lacks, with what to say about it."""
    problems = []
    for rule_id in rule_ids:
        if rule_id not in known.rule_ids:
            close = _closest(rule_id, known.rule_ids)
            hint = f" (did you mean {close}?)" if close else " (see `mp-precheck rules`)"
            problems.append((rule_id, f"`rules.{rule_id}`: unknown rule id{hint}"))
    return problems


def _unknown_labels(labels: list[tuple[int, str]], known: KnownNames) -> list[tuple[int, str]]:
    """Each ``(index, label)`` of ``privacy.declared`` that is no spelling ``known`` has, with what to say."""
    problems = []
    spellings = {normalise_label(name): name for name in known.privacy_labels}
    for index, label in labels:
        if normalise_label(label) not in spellings:
            close = _closest(normalise_label(label), set(spellings))
            hint = f" (did you mean {spellings[close]}?)" if close else " (write the label the backend form shows)"
            problems.append((index, f"`privacy.declared[{index}]`: {label!r} is no type of the 用户隐私保护指引{hint}"))
    return problems


class KnownNames(Struct, frozen=True):
    """What a config may name: the catalog's rule ids, and every spelling of a privacy type (its key, its
    backend label and that label's aliases)."""

    rule_ids: frozenset[str]
    privacy_labels: frozenset[str]


def known_names(catalog: Catalog) -> KnownNames:
    """The names ``catalog`` gives a config: its rule ids and its privacy types' keys, labels and aliases."""
    labels = {name for t in catalog.privacy_types.values() for name in (t.key, t.label, *t.aliases)}
    return KnownNames(frozenset(r.id for r in catalog.rules), frozenset(labels))


def _closest(name: str, known: set[str] | frozenset[str]) -> str | None:
    import difflib  # only for a misspelt name

    folded = {k.lower(): k for k in known}
    if name.lower() in folded:  # High → high
        return folded[name.lower()]
    close = difflib.get_close_matches(name, sorted(known), n=1)
    return close[0] if close else None


def _describe(error: jsonschema.ValidationError) -> str:
    path = ""
    for part in error.absolute_path:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    where = f"`{path}`" if path else "the top level"
    found = json.dumps(error.instance, ensure_ascii=False)
    if len(found) > 60:
        found = found[:57] + "..."
    if error.validator == "additionalProperties":
        allowed = sorted((error.schema.get("properties") or {}) if isinstance(error.schema, dict) else {})
        extra = sorted(set(error.instance) - set(allowed)) if isinstance(error.instance, dict) else []
        hints = []
        for key in extra:
            import difflib  # only for a misspelt name

            close = difflib.get_close_matches(str(key), allowed, n=1)
            hints.append(f"{key!r}" + (f" (did you mean {close[0]!r}?)" if close else ""))
        return f"{where}: unknown key {', '.join(hints)}" if hints else f"{where}: {error.message}"
    if error.validator in ("enum", "anyOf"):
        options = _options(error.validator, error.validator_value)
        if not options:
            return f"{where}: {error.message}"
        words = {str(v) for v in options if isinstance(v, str)}
        nearest = _closest(error.instance, words) if isinstance(error.instance, str) else None
        expected = " | ".join(str(v).lower() if isinstance(v, bool) else str(v) for v in options)
        hint = f" (did you mean {nearest}?)" if nearest else ""
        return f"{where}: expected one of {expected}, found {found}{hint}"
    if error.validator == "pattern" and isinstance(error.schema, dict) and "x-expected" in error.schema:
        return f"{where}: expected {error.schema['x-expected']}"  # the value is not repeated: it may be a password
    if error.validator == "pattern" and isinstance(error.schema, dict) and error.schema.get("x-host"):
        return f"{where}: {found} is not a host name: write the host name only{_host_example(error.instance)}"
    if error.validator == "pattern" and "propertyNames" in error.schema_path:
        return f"{where}: {error.instance!r} is no rule id: rules takes whole ids (family.name, as " \
               "`mp-precheck rules` lists them), one per line, no patterns"
    if error.validator == "type":
        return f"{where}: expected {_type_name(error.validator_value)}, found {found}"
    return f"{where}: {error.message}"


def _host_example(value: Any) -> str:
    """", e.g. HOST" with the host of the URL ``value`` (scheme, path, port and user dropped), or a generic one."""
    from urllib.parse import urlsplit

    text = str(value).strip()
    try:
        host = urlsplit(text if "//" in text else "//" + text).hostname or ""
    except ValueError:
        host = ""
    good = bool(host) and all(c.isalnum() or c in ".-*" for c in host) and host.isascii()
    return f", e.g. {host}" if good and host != text.lower() else ", e.g. api.example.com"


def _options(validator: str, value: Any) -> list[Any]:
    """The values an ``enum`` allows, or those of an ``anyOf`` of booleans and enums (a rule's switch)."""
    if validator == "enum":
        return list(value)
    options: list[Any] = []
    for branch in value:
        options += [True, False] if branch.get("type") == "boolean" else list(branch.get("enum", ()))
    return options


def _type_name(value: Any) -> str:
    names = {"object": "a mapping", "array": "a list", "string": "a string", "boolean": "true or false",
             "integer": "a whole number", "number": "a number"}
    if isinstance(value, list):
        return " or ".join(names.get(str(v), str(v)) for v in value)
    return names.get(value, str(value))


def _from_dict(data: dict[str, Any], source: str) -> Config:
    privacy = data.get("privacy") or {}
    declared = privacy.get("declared")
    branding = data.get("branding") or {}
    categories = data.get("categories")
    return Config(
        language=data.get("language"),
        fail_on=data.get("fail_on"),
        exclude=tuple(data.get("exclude") or ()),
        rules=dict(data.get("rules") or {}),
        declared_privacy=tuple(declared) if declared is not None else None,
        domains={k: tuple(str(h).lower() for h in v) for k, v in (data.get("domains") or {}).items()},
        categories=tuple(categories) if categories is not None else None,
        content_security_external=(data.get("content_security") or {}).get("external"),
        branding_allow=tuple(branding.get("allow") or ()),
        notes=dict(data.get("notes") or {}),
        source=source,
    )


def normalise_label(text: str) -> str:
    """Compare privacy labels across full- and half-width brackets and spacing: NFKC, no spaces."""
    return "".join(unicodedata.normalize("NFKC", text).split())
