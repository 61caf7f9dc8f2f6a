"""Python's cycle collector run less often in a process that runs a command.

A run builds its objects (facts, trees' results, findings) and keeps most of them until it ends, so a collection
finds little garbage and mostly walks survivors again: with the default threshold (a young-generation collection
every 700 container allocations, an older one every tenth) a small pull request's run spent ~6 % of its CPU time
in ~90 collections that freed almost nothing, a third of them while the modules were imported.
:func:`collect_less` raises the young generation's threshold to :data:`YOUNG_THRESHOLD`: a small change is
answered without a collection, and a whole-app import's own process still collects its cyclic garbage every
:data:`YOUNG_THRESHOLD` allocations (its peak memory stays where it was, ~85 MB on the generated import).

It is set once for the process and not put back: lowering the threshold again after a run would make the next
allocation walk everything the run left young, the cost this avoids. When the command is done, :func:`leave_to_exit`
spares the interpreter's shutdown collections the same walk; the worker processes of a large change collect as usual
(:func:`collect_as_usual`). The collector never changes what a run finds, only when memory is given back.
"""

from __future__ import annotations

import gc

YOUNG_THRESHOLD = 100_000  # container allocations (net of frees) between two young-generation collections
_USUAL = gc.get_threshold()  # the thresholds the process had when this module was loaded (the interpreter's)


def collect_less() -> None:
    """Collect the young generation every :data:`YOUNG_THRESHOLD` allocations (the older generations as before,
    relative to it); nothing when collection is off (threshold 0) or already that rare."""
    young, *older = gc.get_threshold()
    if 0 < young < YOUNG_THRESHOLD:
        gc.set_threshold(YOUNG_THRESHOLD, *older)


def collect_as_usual() -> None:
    """Back to the thresholds the process started with: for the worker processes that parse a large change's
    files (``core/parallel.py``). A worker is forked from the command's process, so it would inherit the rare
    collections, and the cyclic garbage of the hundreds of files it reads would wait for them: a whole-app
    import's workers grew by ~100 MB."""
    gc.set_threshold(*_USUAL)


def leave_to_exit() -> None:
    """For a process about to end: what it built is moved out of the collector's sight (``gc.freeze``), so that
    the interpreter's shutdown collections do not walk every object of the run again to find cycles (~3 % of a small
    pull request's instructions). Objects are still freed as their references go; objects held only by a cycle are
    left to the operating system, which takes back the whole process. Only for the command-line entry points, never
    for a caller that goes on running."""
    gc.freeze()
