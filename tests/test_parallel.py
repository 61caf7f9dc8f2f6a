"""Large changes are parsed and their images classified on several processes; the report is the same,
byte for byte, as the one a single process makes."""

from __future__ import annotations

import json
import os

import pytest

from conftest import MINIMAL_APP, Repo
from helpers import run_bare
from images import green_tick, two_bubble_mark
from mp_precheck.core import parallel
from mp_precheck.core.parallel import ordered_map

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
