"""The published config schema: the README's editor hint points at its ``$id``, and the README's example
config is valid against it (and accepted by the loader)."""

from __future__ import annotations

import re
from pathlib import Path

import jsonschema
import yaml

from mp_precheck.core.config import parse_config, schema

ROOT = Path(__file__).resolve().parent.parent
HINT = "# yaml-language-server: $schema="


def readme_config() -> str:
    """The README's example ``.mp-precheck.yml``: the YAML block that carries the schema hint."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = [b for b in re.findall(r"```yaml\n(.*?)```", readme, re.DOTALL) if HINT in b]
    assert len(blocks) == 1, "the README should have exactly one YAML block with the yaml-language-server hint"
    return blocks[0]


def test_readme_schema_url_is_the_schemas_id():
    [url] = [line.removeprefix(HINT).strip() for line in readme_config().splitlines() if line.startswith(HINT)]
    assert url == schema()["$id"]
    assert url.startswith("https://") and url.endswith("/src/mp_precheck/core/config.schema.json")


def test_readme_example_config_is_valid():
    text = readme_config()
    data = yaml.safe_load(text)
    assert isinstance(data, dict) and data
    jsonschema.Draft202012Validator.check_schema(schema())
    jsonschema.Draft202012Validator(schema()).validate(data)
    config = parse_config(text, "README.md")
    assert config.fail_on == data["fail_on"]
