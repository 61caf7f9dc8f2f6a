"""The review-risk catalog: rules as data, loaded from ``checks/<family>.yml`` and validated against
``checks/catalog.schema.json`` (the tables beside it against their own ``*.schema.json``).

A rule matches facts by subject: an exact subject (``wx.getLocation``) or a prefix ending in ``*``
(``host:*``, ``app.json:plugins:*``). Ids are a contract: never renamed, never reused.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from msgspec import Struct, field

if TYPE_CHECKING:
    import jsonschema

from mp_precheck.core.datafiles import read_data
from mp_precheck.core.resources import data_dir
from mp_precheck.core.subject import try_parse
from mp_precheck.core.vocabulary import Severity

CATALOG_DATE = "2026-12-02"

# Tables in checks/ that are not rule files: privacy types, the backend checklist, and the third-party
# components, SDKs, plugin APIs, hook libraries, UGC scene words, reward-for-sharing words, what makes an
# authorization page, login guards run from the config, what tells a live stream, development tunnels'
# suffixes, tipping words and payment codes, and what makes a page a game (core.thirdparty, core.scenes,
# readers.sharewords, readers.authpage, readers.routeguard, readers.livestreams, core.devtunnels, readers.tipwords and
# readers.gamepages read those).
_NOT_RULES = ("privacy_types.yml", "checklist.yml", "ui_kits.yml", "upload_sdks.yml", "location_sdks.yml",
              "http_clients.yml", "payment_sdks.yml", "plugin_apis.yml", "hook_libraries.yml", "ugc_scenes.yml",
              "share_rewards.yml", "auth_pages.yml", "route_guards.yml", "im_sdks.yml", "pay_channels.yml",
              "model_services.yml", "live_streams.yml", "baas_sdks.yml", "dev_tunnels.yml",
              "tipping.yml", "game_pages.yml")


class PrivacyType(Struct, frozen=True):
    """A type of the 用户隐私保护指引: ``label`` is the backend form's exact text, ``key`` its privacy_key."""

    key: str
    label: str
    en: str
    aliases: tuple[str, ...] = ()  # other spellings accepted in the config's privacy.declared
    # One value per user that an API reads (the profile, the phone number, the position): a file that already
    # read it collects nothing more by reading it again (semantic_diff: no new call site there).
    one_value: bool = False
    # Its APIs that only write what the app hands them (setClipboardData, saveImageToPhotosAlbum): they collect
    # nothing from the user, so a file that already made the call adds no new call site by making it again.
    writes: frozenset[str] = frozenset()

    def adds_nothing_again(self, subject: str) -> bool:
        """Whether a file that already made the call ``subject`` (``wx.X``) collects nothing more by making it again:
        the type is ``one_value`` or the call is one of its ``writes``
        (https://developers.weixin.qq.com/miniprogram/dev/framework/user-privacy/miniprogram-intro.html)."""
        return self.one_value or subject in self.writes


class Rule(Struct, frozen=True):
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
    each_call: bool = False  # every added call with its own target in a file is reported (see semantic_diff)
    once: bool = False  # one finding per change, none when the app had it: a service needs its category once
    per_app: bool = False  # none when the app already had it anywhere: set up once for the whole app (a domain list)
    # each subject is a service of its own (medical, finance, education under one rule): judged apart, so the
    # finance words an app had hide no medical service it adds
    separate_subjects: bool = False
    accompanies: str | None = None  # the feature rule whose item lists this configuration rule's findings
    # calls that work only once a subject ran (a Bluetooth scan on the opened adapter): where a file that reaches
    # a subject only through a project helper uses the type itself (placing.at_own_calls)
    follow_calls: tuple[str, ...] = ()
    fitting_categories: tuple[str, ...] = ()  # configured service categories that make the feature expected
    link_in_notes: bool = True  # the notes list a finding of this rule among the links (external_link by default)

    def matches(self, subject: str) -> bool:
        return any(subject == s or (s.endswith("*") and subject.startswith(s[:-1])) for s in self.subjects)

    @property
    def per_subject(self) -> bool:
        """Rules over open-ended subjects (hosts, app.json entries) compare each subject on its own."""
        return any(s.endswith("*") for s in self.subjects)

    @property
    def names_hosts(self) -> bool:
        """A rule over hosts it names one by one (WeChat's server API host and its regional twins): judged like a
        host, so a host the app already had is nothing new wherever else it is written."""
        parsed = [try_parse(s) for s in self.subjects]
        return bool(parsed) and all(p is not None and p.form == "host" for p in parsed)

    def capability(self, subject: str) -> str:
        """What novelty is judged by: the privacy type, else the subject (open-ended rules and rules set up once per
        app: a TCP socket has its own domain list beside the WebSocket's), else the rule."""
        if self.privacy_key:
            return f"privacy:{self.privacy_key}"
        if self.per_subject or self.per_app or self.separate_subjects:
            return subject
        return f"rule:{self.id}"


class CatalogError(ValueError):
    """A catalog file is malformed (a packaging bug, not user input): the message names the file, the rule
    id when there is one, and the field."""


class ChecklistTable(Struct, frozen=True):
    """``checks/checklist.yml``: which findings call for which admin-backend setting.

    ``interface_apis`` need 开发管理 → 接口设置; ``rules`` maps a rule id and ``families`` a family to the
    setting (a ``checklist.<kind>`` message) its findings need.
    """

    interface_apis: tuple[str, ...] = ()
    rules: dict[str, str] = field(default_factory=dict)
    families: dict[str, str] = field(default_factory=dict)


class Catalog(Struct, frozen=True):
    rules: tuple[Rule, ...]
    privacy_types: dict[str, PrivacyType]
    date: str = CATALOG_DATE
    checklist: ChecklistTable = field(default_factory=ChecklistTable)

    def rules_for(self, subject: str) -> list[Rule]:
        """The rules of ``subject``. A rule naming it exactly wins over open-ended (``*``) rules: WeChat's own
        live plugin declared in app.json is a category matter (category.live_plugin), not just any plugin."""
        named, prefixes = _subject_index(self.rules)
        found = set(named.get(subject, ())).union(at for prefix, at in prefixes if subject.startswith(prefix))
        matching = [self.rules[at] for at in sorted(found)]  # in catalog order, as Rule.matches over the rules
        exact = [r for r in matching if subject in r.subjects]
        return exact or matching

    def rule(self, rule_id: str) -> Rule:
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)

    def judges_each_use(self, rule_id: str) -> bool:
        """Whether the rule ``rule_id`` judges each use apart (``every_use``: another place keeps the rule's
        severity, no mere new call site); False for a rule not in the catalog."""
        try:
            return self.rule(rule_id).every_use
        except KeyError:
            return False

    def judges_call_sites(self, rule_id: str) -> bool:
        """Whether a finding of scope file under rule ``rule_id`` is a mere new call site of a subject the app had:
        not a rule judging each use (``every_use``), each call's target (``each_call``: an upload of other media) or
        each placement (``each_occurrence``: an ad); False for a rule not in the catalog."""
        try:
            rule = self.rule(rule_id)
        except KeyError:
            return False
        return not (rule.every_use or rule.each_call or rule.each_occurrence)

    def subjects_of_capability(self, capability: str) -> set[str]:
        """Exact subjects that imply ``capability`` (prefix subjects are left out)."""
        return {s for r in self.rules for s in r.subjects
                if not s.endswith("*") and r.capability(s) == capability}

    def privacy_type(self, key: str | None) -> PrivacyType | None:
        return self.privacy_types.get(key) if key else None


_INDEXES: dict[int, tuple[tuple[Rule, ...], dict[str, list[int]], list[tuple[str, int]]]] = {}


def _subject_index(rules: tuple[Rule, ...]) -> tuple[dict[str, list[int]], list[tuple[str, int]]]:
    """Where each subject of ``rules`` is written (subject → rule positions) and the open-ended subjects' prefixes
    with their rule's position: :meth:`Catalog.rules_for` without testing every rule (a run asks for hundreds of
    subjects of ~120 rules). Built once per rules tuple, kept with it (its ``id`` cannot be reused meanwhile)."""
    kept = _INDEXES.get(id(rules))
    if kept is None or kept[0] is not rules:
        named: dict[str, list[int]] = {}
        prefixes: list[tuple[str, int]] = []
        for at, rule in enumerate(rules):
            for subject in rule.subjects:
                named.setdefault(subject, []).append(at)
                if subject.endswith("*"):
                    prefixes.append((subject[:-1], at))
        kept = _INDEXES[id(rules)] = (rules, named, prefixes)
    return kept[1], kept[2]


@cache
def api_names() -> frozenset[str]:
    """The APIs the shipped catalog's rules name (``wx.chooseImage``, ``wx.cloud.uploadFile``; the API of a
    subject with a literal, ``wx.authorize`` of ``wx.authorize:scope.camera``): the names a string passed to a
    helper that calls ``wx[name]`` may pick (facts/model.py ``Export.subjects_for``). WeChat's API list:
    https://developers.weixin.qq.com/miniprogram/dev/api/."""
    subjects = (try_parse(s) for rule in load_catalog().rules for s in rule.subjects if not s.endswith("*"))
    return frozenset(s.name for s in subjects if s is not None and s.form == "api" and s.name)


def load_catalog(folder: Path | None = None, validate: bool | None = None) -> Catalog:
    """Read every ``<family>.yml`` and ``privacy_types.yml`` of ``folder`` (default: the shipped ``checks/``).

    ``validate`` checks each file against the catalog schema; by default only a ``folder`` given here is
    checked. The shipped catalog is checked by the test suite instead of on every run: loading the schema
    validator costs more than reading the rules.

    Raises:
        CatalogError: a checked file does not match the catalog schema, or an id repeats.
    """
    checked = folder is not None if validate is None else validate
    return _load(str(folder or data_dir("checks")), checked)


@cache
def validator(schema_name: str) -> jsonschema.Draft202012Validator:
    """The validator of ``checks/<schema_name>`` (built once: jsonschema.validate re-checks the schema on
    each call)."""
    import jsonschema  # loaded only when a file is checked

    schema = json.loads((data_dir("checks") / schema_name).read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def validated(path: Path, schema_name: str, error: type[ValueError] = CatalogError, check: bool = True) -> Any:
    """The YAML data of ``path`` once it matches ``checks/<schema_name>`` (read as it is when ``check`` is
    False: the shipped files are checked by the test suite, not on every run).

    Raises:
        ``error`` (CatalogError by default): ``<file>: <rule id>: <field>: <problem>`` — the rule id when
        the problem is inside a rule, the field as a path (``rules/3/severity``).
    """
    data = read_data(path, cached=not check)  # the shipped files (not checked here) parse once per content
    problem = next(iter(validator(schema_name).iter_errors(data)), None) if check else None
    if problem is not None:
        where = "/".join(str(p) for p in problem.absolute_path) or "(top level)"
        steps = list(problem.absolute_path)
        rule_id = None
        if len(steps) >= 2 and steps[0] == "rules" and isinstance(steps[1], int):
            row = data["rules"][steps[1]]
            rule_id = row.get("id") if isinstance(row, dict) else None
        prefix = f"{path.name}: {rule_id}: " if isinstance(rule_id, str) else f"{path.name}: "
        raise error(f"{prefix}{where}: {problem.message}")
    return data


@cache
def _load(folder_name: str, validate: bool) -> Catalog:
    folder = Path(folder_name)
    rules: list[Rule] = []
    seen: set[str] = set()
    for path in sorted(folder.glob("*.yml")):
        if path.name in _NOT_RULES:
            continue
        data = validated(path, "catalog.schema.json", check=validate)
        for row in data["rules"]:
            if row["id"] in seen:
                raise CatalogError(f"{path.name}: {row['id']}: id: duplicate rule id")
            if not row["id"].startswith(data["family"] + "."):
                raise CatalogError(f"{path.name}: {row['id']}: id: not in family {data['family']}")
            seen.add(row["id"])
            rules.append(_rule(row, data["family"]))
    types_file = folder / "privacy_types.yml"
    types: dict[str, PrivacyType] = {}
    if types_file.exists():
        for row in validated(types_file, "privacy_types.schema.json", check=validate)["types"]:
            types[row["privacy_key"]] = PrivacyType(row["privacy_key"], row["label"], row.get("en", row["privacy_key"]),
                                                    tuple(row.get("aliases") or ()), row.get("one_value", False),
                                                    frozenset(row.get("writes") or ()))
    for rule in rules:
        if rule.privacy_key and rule.privacy_key not in types:
            raise CatalogError(f"{rule.family}.yml: {rule.id}: privacy_key: {rule.privacy_key} is not in "
                               "privacy_types.yml")
        if rule.accompanies and rule.accompanies not in seen:
            raise CatalogError(f"{rule.family}.yml: {rule.id}: accompanies: no rule {rule.accompanies}")
    for kind in types.values():  # a write no rule of the type names would never be judged
        if stray := kind.writes - {s for rule in rules if rule.privacy_key == kind.key for s in rule.subjects}:
            raise CatalogError(f"privacy_types.yml: {kind.key}: writes: {sorted(stray)} not subjects of its rules")
    checklist_file = folder / "checklist.yml"
    checklist = ChecklistTable()
    if checklist_file.exists():
        data = validated(checklist_file, "checklist.schema.json", check=validate)
        checklist = ChecklistTable(tuple(data["interface_apis"]), data["rules"], data["families"])
        for rule_id in checklist.rules:
            if rule_id not in seen:
                raise CatalogError(f"checklist.yml: {rule_id}: rules: no such rule")
    return Catalog(tuple(rules), types, checklist=checklist)


def _rule(row: dict[str, Any], family: str) -> Rule:
    return Rule(id=row["id"], family=family, severity=row["severity"], subjects=tuple(row["subjects"]),
                title=row["title"], fix=row["fix"], doc=row["doc"], privacy_key=row.get("privacy_key"),
                source=row.get("source"), every_use=row.get("every_use", False),
                each_occurrence=row.get("each_occurrence", False), each_call=row.get("each_call", False),
                once=row.get("once", False), per_app=row.get("per_app", False),
                separate_subjects=row.get("separate_subjects", False), accompanies=row.get("accompanies"),
                follow_calls=tuple(row.get("follow_calls", ())),
                fitting_categories=tuple(row.get("fitting_categories", ())),
                link_in_notes=row.get("link_in_notes", family == "external_link"))

