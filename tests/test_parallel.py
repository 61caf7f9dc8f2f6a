"""Large changes are parsed and their images classified on several processes; the report is the same,
byte for byte, as the one a single process makes."""

from __future__ import annotations

import json
import multiprocessing
import os
import subprocess
import sys

import pytest

from conftest import MINIMAL_APP, Repo
from helpers import register_pages, run_bare
from images import green_tick, two_bubble_mark
from mp_precheck.core import parallel
from mp_precheck.core.parallel import WORKERS_VARIABLE, ordered_map, usable_cores
from mp_precheck.facts.extract import extract, extract_job

PARENT = os.getpid()


def _square_and_pid(n: int) -> tuple[int, int]:
    return n * n, os.getpid()


def _dies_in_a_worker(n: int) -> int:
    if os.getpid() != PARENT:
        os._exit(1)  # a worker killed (out of memory, a signal): the pool breaks
    return n + 1


@pytest.fixture
def two_cores(monkeypatch):
    monkeypatch.setattr(parallel, "usable_cores", lambda: 2)


def test_results_keep_the_input_order_and_run_in_workers(two_cores):
    results = list(ordered_map(_square_and_pid, list(range(50)), threshold=1))
    assert [square for square, _pid in results] == [n * n for n in range(50)]
    assert PARENT not in {pid for _square, pid in results}


def test_below_the_threshold_no_pool_starts(two_cores):
    results = list(ordered_map(_square_and_pid, [1, 2, 3], threshold=4))
    assert results == [(1, PARENT), (4, PARENT), (9, PARENT)]


def test_a_broken_pool_finishes_in_this_process(two_cores):
    assert list(ordered_map(_dies_in_a_worker, list(range(10)), threshold=1)) == list(range(1, 11))


def _fails_on_three(n: int) -> int:
    if n == 3:
        raise ValueError(f"bad item {n}")
    return n


def test_the_variable_turns_the_pool_off_or_caps_it(monkeypatch):
    monkeypatch.setenv(WORKERS_VARIABLE, "1")
    assert usable_cores() == 1
    assert {pid for _square, pid in ordered_map(_square_and_pid, list(range(60)), threshold=1)} == {PARENT}
    monkeypatch.setenv(WORKERS_VARIABLE, "64")
    cores = usable_cores()
    monkeypatch.setenv(WORKERS_VARIABLE, "not a number")
    assert usable_cores() == cores  # ignored: all the cores
    monkeypatch.delenv(WORKERS_VARIABLE)
    assert usable_cores() == cores >= 1


def test_an_error_in_a_worker_is_the_error_of_one_process(two_cores):
    with pytest.raises(ValueError, match="bad item 3"):
        list(ordered_map(_fails_on_three, list(range(40)), threshold=10 ** 6))
    with pytest.raises(ValueError, match="bad item 3"):
        list(ordered_map(_fails_on_three, list(range(40)), threshold=1))


_FILES = [("pages/a/a.js", b"Page({ onLoad() { wx.getLocation({}) } })\n"),
          ("pages/b/b.tsx", "export default () => <Button openType='share'>分享</Button>\n".encode()),
          ("pages/c/c.wxml", b'<web-view src="https://h5.example.com/x"></web-view>\n'),
          ("pages/d/d.js", b"\xff\xfe\x00broken"), ("app.json", b'{"pages": [')] * 6


def test_extraction_runs_in_spawned_workers_with_the_same_facts(two_cores, monkeypatch):
    monkeypatch.setattr(parallel, "_context", lambda: multiprocessing.get_context("spawn"))
    assert list(ordered_map(extract_job, _FILES, threshold=1)) == [extract(*job) for job in _FILES]


def test_a_spawned_extraction_worker_loads_no_git_analyzers_or_outputs():
    probe = ("import sys; from mp_precheck.facts.extract import extract_job; "
             "print(' '.join(m for m in sys.modules if m.startswith('mp_precheck.')))")
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout.split()
    assert "mp_precheck.readers.jsfacts" in loaded
    assert not [m for m in loaded if m.startswith(("mp_precheck.git", "mp_precheck.analyzers",
                                                   "mp_precheck.outputs", "mp_precheck.hosts"))]


def _whole_app(repo: Repo) -> tuple[str, str]:
    repo.write_files(MINIMAL_APP)
    base = repo.commit("app")
    for n in range(30):
        repo.write(f"pages/p{n}/p{n}.ts", f"Page({{ onLoad() {{ wx.request({{ url: 'https://api{n % 4}"
                                                      f".example.com/x' }}) }}, pick() {{ wx.chooseImage({{}}) }} }})\n")
        repo.write(f"pages/p{n}/p{n}.wxml", f'<image src="/images/i{n}.png" />\n'
                                                        '<button open-type="getPhoneNumber">手机号</button>\n')
        repo.write(f"images/i{n}.png", two_bubble_mark() if n % 7 == 0 else green_tick())
    repo.write("utils/location.js", "export function locate() { return wx.getLocation({}) }\n")
    register_pages(repo)
    return base, repo.commit("import the pages")


def test_a_large_change_gives_the_same_report_on_one_or_several_processes(repo, monkeypatch):
    base, head = _whole_app(repo)
    monkeypatch.setattr(parallel, "usable_cores", lambda: 1)
    alone = run_bare(repo.path, base, head)
    monkeypatch.setattr(parallel, "usable_cores", lambda: 2)
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 2)
    shared = run_bare(repo.path, base, head)
    assert {f.rule for f in alone.findings} >= {"branding.brand_image", "privacy.album"}
    assert json.dumps(shared.to_dict(), ensure_ascii=False) == json.dumps(alone.to_dict(), ensure_ascii=False)
