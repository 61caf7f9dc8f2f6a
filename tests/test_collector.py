"""A command's process collects cycles rarely (core/collector.py): a run keeps what it builds."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import mp_precheck
from mp_precheck.core.collector import YOUNG_THRESHOLD, collect_less


@pytest.fixture
def thresholds() -> Iterator[None]:
    before = gc.get_threshold()
    yield
    gc.set_threshold(*before)


def test_the_young_generation_is_collected_every_young_threshold_allocations(thresholds: None) -> None:
    gc.set_threshold(700, 10, 10)
    collect_less()
    assert gc.get_threshold() == (YOUNG_THRESHOLD, 10, 10)
    collect_less()  # once is enough: a second call changes nothing
    assert gc.get_threshold() == (YOUNG_THRESHOLD, 10, 10)


def test_collection_turned_off_or_rarer_already_is_left_alone(thresholds: None) -> None:
    gc.set_threshold(0, 10, 10)
    collect_less()
    assert gc.get_threshold() == (0, 10, 10)
    gc.set_threshold(YOUNG_THRESHOLD * 2, 10, 10)
    collect_less()
    assert gc.get_threshold() == (YOUNG_THRESHOLD * 2, 10, 10)


def test_python_m_mp_precheck_runs_with_the_rarer_collections_and_freezes_before_it_exits(app_repo, tmp_path):
    # The entry point sets the threshold before the imports and freezes what the run built once the command is
    # done (the shutdown collections then skip it); the command answers as before.
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.js", "Page({ a() { wx.chooseImage({}) } })\n")
    app_repo.commit()
    env = {**os.environ, "PYTHONPATH": str(Path(mp_precheck.__file__).resolve().parents[1])}
    code = ("import gc, json, runpy, sys\n"
            f"sys.argv = ['mp_precheck', 'diff', '--repo', {str(app_repo.path)!r}, '--base', {base!r}, "
            f"'--format', 'json', '--quiet', '--output', {str(tmp_path / 'report.json')!r}]\n"
            "try:\n    runpy.run_module('mp_precheck', run_name='__main__')\n"
            "except SystemExit as exc:\n"
            "    print(json.dumps([exc.code, gc.get_threshold()[0], gc.get_freeze_count()]))\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    exit_code, young, frozen = json.loads(proc.stdout.strip().splitlines()[-1])
    assert (exit_code, young) == (1, YOUNG_THRESHOLD) and frozen > 0
    assert json.loads((tmp_path / "report.json").read_text())["findings"][0]["rule"] == "privacy.album"
