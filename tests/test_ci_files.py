"""CI files mp-precheck ships for others to use: the GHCR release workflow, the GitLab job template and
the pre-commit hook, checked offline against the schemas bundled with check-jsonschema."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]


def check_jsonschema() -> str:
    found = shutil.which("check-jsonschema", path=str(Path(sys.executable).parent)) or shutil.which("check-jsonschema")
    if found is None:
        pytest.fail("check-jsonschema is not installed (part of the test extra)")  # a skip would hide it
    return found


@pytest.mark.parametrize(("schema", "path"), [
    ("vendor.github-workflows", ".github/workflows/release-image.yml"),
    ("vendor.gitlab-ci", "ci/gitlab-ci.yml"),
])
@pytest.mark.slow
def test_valid_against_the_platforms_schema(schema: str, path: str) -> None:
    proc = subprocess.run([check_jsonschema(), "--builtin-schema", schema, str(ROOT / path)],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_release_workflow_pushes_on_version_tags_with_packages_write() -> None:
    workflow = yaml.safe_load((ROOT / ".github/workflows/release-image.yml").read_text(encoding="utf-8"))
    assert workflow[True] == {"push": {"tags": ["v*"]}}          # YAML 1.1 reads the key `on` as True
    assert workflow["permissions"]["packages"] == "write"
    steps = workflow["jobs"]["image"]["steps"]
    login = next(s for s in steps if str(s.get("uses", "")).startswith("docker/login-action"))
    assert login["with"]["registry"] == "ghcr.io"
    push = next(s for s in steps if str(s.get("uses", "")).startswith("docker/build-push-action"))
    assert push["with"]["push"] is True
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"] == {"using": "docker", "image": "Dockerfile"}   # the action still builds from source
