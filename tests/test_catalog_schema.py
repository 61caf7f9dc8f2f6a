"""The catalog's files and their JSON Schemas: every ``checks/*.yml`` names its schema, the schemas' enums
are the vocabularies of :mod:`mp_precheck.core.vocabulary`, and a malformed file is reported by file, rule
id and field."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from mp_precheck.core.catalog import CatalogError, load_catalog
from mp_precheck.core.items import related
from mp_precheck.core.vocabulary import FAIL_ON, FAMILIES, LANGUAGES, SEVERITIES

ROOT = Path(__file__).resolve().parent.parent
CHECKS = ROOT / "checks"
MODELINE = re.compile(r"^# yaml-language-server: \$schema=(?P<schema>\S+)$")


def schema(name: str) -> dict:
    return json.loads((CHECKS / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", sorted(CHECKS.glob("*.yml")), ids=lambda p: p.name)
def test_every_table_names_an_existing_valid_schema(path: Path) -> None:
    first = path.read_text(encoding="utf-8").split("\n", 1)[0]
    match = MODELINE.match(first)
    assert match, f"{path.name} does not start with a yaml-language-server $schema line"
    target = CHECKS / match["schema"]
    assert target.is_file()
    jsonschema.Draft202012Validator.check_schema(schema(match["schema"]))
    assert "src/mp_precheck/catalog_schema.json" not in path.read_text(encoding="utf-8")


def test_catalog_schema_enums_are_the_vocabularies() -> None:
    catalog = schema("catalog.schema.json")
    assert catalog["properties"]["family"]["enum"] == list(FAMILIES)
    rule = catalog["$defs"]["rule"]["properties"]
    assert rule["severity"]["enum"] == list(SEVERITIES)
    assert sorted(catalog["$defs"]["text"]["required"]) == sorted(LANGUAGES)
    assert schema("checklist.schema.json")["properties"]["families"]["propertyNames"]["enum"] == list(FAMILIES)


def test_config_schema_enums_are_the_vocabularies() -> None:
    config = json.loads((ROOT / "src/mp_precheck/core/config.schema.json").read_text(encoding="utf-8"))
    properties = config["properties"]
    assert properties["language"]["enum"] == list(LANGUAGES)
    assert properties["fail_on"]["enum"] == list(FAIL_ON)
    assert properties["rules"]["additionalProperties"]["anyOf"][1]["enum"] == list(SEVERITIES)


def test_fail_on_runs_from_never_to_strictest() -> None:
    assert FAIL_ON == ("none", "info", "low", "medium", "high")


RULE = """\
family: privacy
rules:
  - id: privacy.ok
    severity: high
    subjects: [wx.getLocation]
    title: {zh-CN: 标题, en: Title}
    fix: {zh-CN: 修复, en: Fix}
    doc: https://developers.weixin.qq.com/
  - id: privacy.broken
    severity: extreme
    subjects: [wx.chooseImage]
    title: {zh-CN: 标题, en: Title}
    fix: {zh-CN: 修复, en: Fix}
    doc: https://developers.weixin.qq.com/
"""


def test_a_bad_field_names_file_rule_and_field(tmp_path: Path) -> None:
    (tmp_path / "privacy.yml").write_text(RULE, encoding="utf-8")
    with pytest.raises(CatalogError) as error:
        load_catalog(tmp_path)
    assert str(error.value).startswith("privacy.yml: privacy.broken: rules/1/severity: 'extreme' is not one of")


def test_an_unknown_accompanied_rule_is_refused(tmp_path: Path) -> None:
    text = RULE.replace("extreme", "low").replace("    subjects: [wx.chooseImage]",
                                                  "    subjects: [wx.chooseImage]\n    accompanies: privacy.gone")
    (tmp_path / "privacy.yml").write_text(text, encoding="utf-8")
    with pytest.raises(CatalogError, match=r"^privacy\.yml: privacy\.broken: accompanies: no rule privacy\.gone$"):
        load_catalog(tmp_path)


def test_a_write_no_rule_of_its_privacy_type_names_is_refused(tmp_path: Path) -> None:
    text = RULE.replace("extreme", "low").replace("    subjects: [wx.chooseImage]",
                                                  "    subjects: [wx.chooseImage]\n    privacy_key: Album")
    types = "types:\n  - {privacy_key: Album, label: 选中的照片或视频信息, writes: [%s]}\n"
    for folder, write in (("named", "wx.chooseImage"), ("stray", "wx.saveImageToPhotosAlbum")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "privacy.yml").write_text(text, encoding="utf-8")
        (tmp_path / folder / "privacy_types.yml").write_text(types % write, encoding="utf-8")
    assert load_catalog(tmp_path / "named").privacy_type("Album").adds_nothing_again("wx.chooseImage")
    with pytest.raises(CatalogError, match=r"^privacy_types\.yml: Album: writes: \['wx\.saveImageToPhotosAlbum'\]"):
        load_catalog(tmp_path / "stray")


def test_a_checklist_rule_must_exist(tmp_path: Path) -> None:
    (tmp_path / "privacy.yml").write_text(RULE.replace("extreme", "low"), encoding="utf-8")
    (tmp_path / "checklist.yml").write_text("interface_apis: []\nrules: {privacy.gone: plugin}\nfamilies: {}\n",
                                            encoding="utf-8")
    with pytest.raises(CatalogError, match=r"^checklist\.yml: privacy\.gone: rules: no such rule$"):
        load_catalog(tmp_path)


def test_accompanying_configuration_comes_from_the_catalog() -> None:
    assert related() == {
        "privacy.required_private_infos": "privacy.location",
        "privacy.permission": "privacy.location",
        "privacy.background_location": "privacy.location",
        "external_link.business_domain": "external_link.web_view",
        "external_link.web_view_article": "external_link.web_view",
    }


def test_rule_knowledge_fields_are_loaded() -> None:
    catalog = load_catalog()
    assert catalog.rule("category.ugc").fitting_categories == ("社交",)
    assert catalog.rule("category.lottery").fitting_categories == ()
    assert "政务民生" in catalog.rule("category.precise_location").fitting_categories
    assert not catalog.rule("external_link.domain").link_in_notes
    assert catalog.rule("external_link.navigate_to_mini_program").link_in_notes
    assert catalog.checklist.families == {"payment": "payment", "upload": "content_security", "category": "category"}
    assert catalog.checklist.rules["privacy.plugin"] == "plugin"
    assert "wx.chooseAddress" in catalog.checklist.interface_apis


def test_rules_for_answers_as_testing_every_rule_does() -> None:
    # Catalog.rules_for looks subjects up in an index: the same rules, in catalog order, as Rule.matches over all.
    catalog = load_catalog()

    def every_rule(subject: str) -> list[str]:
        matching = [r for r in catalog.rules if r.matches(subject)]
        return [r.id for r in [r for r in matching if subject in r.subjects] or matching]

    asked = {"", "x", "wx.chooseImage", "host:api.example.com", "app.json:plugins:wx2b03c6e691cd7370"}
    for rule in catalog.rules:
        for subject in rule.subjects:
            asked |= {subject, subject.rstrip("*"), subject.rstrip("*") + "x.example.cn", subject + "y", subject[:-1]}
    assert {s: [r.id for r in catalog.rules_for(s)] for s in asked} == {s: every_rule(s) for s in asked}
