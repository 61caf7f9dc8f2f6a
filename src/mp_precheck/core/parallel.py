"""Run a pure function over many items on all the cores this process may use, results in input order.

Parsing the files of a large change (a whole app imported in one commit) and classifying its images are
CPU-bound Python: one worker process per core shares them out. Results come back in the order of the
input, so a report is byte-identical whatever the number of cores. Small changes never start a pool
(starting one costs more than it saves): below :data:`PARALLEL_FROM` items, on one core, or with
``MP_PRECHECK_WORKERS=1`` (:data:`WORKERS_VARIABLE`), the function runs in this process.

Workers are forked where the system can (they start in milliseconds with the parsers loaded); where only
``spawn`` exists, a worker imports just the module of the function it runs, so that function lives in a
module that imports only what it needs (:func:`mp_precheck.facts.extract.extract_job`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, TypeVar

from mp_precheck.core.collector import collect_as_usual

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

PARALLEL_FROM = 48  # items; a pool starts in ~50 ms, about what parsing 10 typical files costs
CHUNKS_PER_WORKER = 8  # small enough chunks that one huge file does not leave the other cores idle

Item = TypeVar("Item")
Result = TypeVar("Result")


WORKERS_VARIABLE = "MP_PRECHECK_WORKERS"  # at most this many processes; 1 turns the pool off


def usable_cores() -> int:
    """The cores this process may run on (its CPU affinity where the system tells, else all), at most
    ``$MP_PRECHECK_WORKERS`` when that is a positive whole number (``1``: no pool; anything else is ignored)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    limit = os.environ.get(WORKERS_VARIABLE, "").strip()
    return min(cores, int(limit)) if limit.isdigit() and int(limit) > 0 else cores


def ordered_map(function: Callable[[Item], Result], items: Sequence[Item],
                threshold: int | None = None) -> Iterator[Result]:
    """``function(item)`` for each item, yielded in input order; on several cores once ``len(items)`` reaches
    ``threshold`` (default :data:`PARALLEL_FROM`). ``function`` must be a module-level function of picklable
    arguments and results, and have no side effects (it runs in another process).

    Raises: whatever ``function`` raises. A pool that cannot start or whose worker dies (out of memory) is
    no error: the items it had not finished run in this process.
    """
    workers = min(usable_cores(), len(items))
    if len(items) < (PARALLEL_FROM if threshold is None else threshold) or workers < 2:
        yield from map(function, items)
        return
    # Loaded only when a pool starts (~50 ms of imports a small change never needs).
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    done = 0
    try:
        with ProcessPoolExecutor(workers, mp_context=_context(), initializer=collect_as_usual) as pool:
            chunk = max(1, len(items) // (workers * CHUNKS_PER_WORKER))
            for result in pool.map(function, items, chunksize=chunk):
                done += 1
                yield result
    except (BrokenProcessPool, OSError):
        yield from map(function, items[done:])


def _context() -> BaseContext:
    """Fork where the system has it: workers start in milliseconds with the parsers already loaded."""
    import multiprocessing

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    return multiprocessing.get_context(method)
