"""The wheel as users get it: built with ``python -m build``, installed with pip into a clean virtual
environment (no system site-packages), and run from there.

It needs the package registry (or pip's cache) for the build backend and the dependencies, like
``bash scripts/test`` itself, and takes a few tens of seconds.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from mp_precheck import __version__
from mp_precheck.core.catalog import load_catalog

pytestmark = pytest.mark.slow  # builds a wheel and installs it into a clean venv

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str | Path, cwd: Path | None = None) -> str:
    """Run a command; fail the test with its output when it fails."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    proc = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, f"{' '.join(map(str, args))} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}"
    return proc.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    run(sys.executable, "-m", "build", "--wheel", "--outdir", out, ROOT, cwd=ROOT)
    [built] = out.glob("mp_precheck-*.whl")
    return built


def test_the_version_is_single_sourced(wheel: Path) -> None:
    assert wheel.name.startswith(f"mp_precheck-{__version__}-")
    with zipfile.ZipFile(wheel) as zf:
        [metadata] = [n for n in zf.namelist() if n.endswith(".dist-info/METADATA")]
        text = zf.read(metadata).decode("utf-8")
    assert re.search(rf"^Version: {re.escape(__version__)}$", text, re.MULTILINE)
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'dynamic = ["version"]' in pyproject and 'path = "src/mp_precheck/__init__.py"' in pyproject


def test_the_wheel_ships_data_inside_the_package(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
    tops = {n.split("/", 1)[0] for n in names}
    assert tops == {"mp_precheck", f"mp_precheck-{__version__}.dist-info"}, tops   # no top-level checks/templates
    checks = {n for n in names if re.fullmatch(r"mp_precheck/checks/[^/]+\.yml", n)}
    assert {f"mp_precheck/checks/{p.name}" for p in (ROOT / "checks").glob("*.yml")} == checks
    templates = {n for n in names if n.startswith("mp_precheck/templates/")}
    assert {f"mp_precheck/templates/{p.relative_to(ROOT / 'templates').as_posix()}" for p in (ROOT / "templates").rglob("*")
            if p.is_file()} == templates
    assert "mp_precheck/core/config.schema.json" in names


def test_installed_in_a_clean_venv(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True, system_site_packages=False, clear=True).create(env_dir)
    bindir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    python = bindir / "python"
    assert "include-system-site-packages = false" in (env_dir / "pyvenv.cfg").read_text(encoding="utf-8")
    run(python, "-m", "pip", "install", "--quiet", wheel)
    command = bindir / "mp-precheck"
    assert run(command, "--version", cwd=tmp_path).strip() == f"mp-precheck {__version__}"
    table = run(command, "rules", "--language", "en", cwd=tmp_path)
    assert f"{len(load_catalog().rules)} rules (catalog " in table and "privacy.location" in table
    assert run(command, "explain", "payment.request_payment", "--language", "en", cwd=tmp_path).startswith(
        "payment.request_payment · ")
    # the installed package reads its data from the wheel, not from this checkout
    where = run(python, "-c", "from mp_precheck.core.resources import data_dir; print(data_dir('checks'))", cwd=tmp_path)
    assert Path(where.strip()).is_relative_to(env_dir)
