"""Shortening the comment to fit a size limit by whole parts, never by cutting text.

The comment's context (see :func:`mp_precheck.outputs.markdown.comment_context`) is split into parts,
most important first: blocking errors, each item with its first places and its fix, the checklist lines,
the files that could not be read, the items' further places, new call sites, removed calls. A shortened
comment keeps the longest prefix of that list that fits, found by bisection: about log2(parts) renders,
each of at most the kept size, never one render per dropped part. The marker, the verdict, the note that
says what was left out (with where the full report is) and the footer are not parts: they are always
there.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

FIRST_PLACES = 3  # places an item shows before its further places become parts of their own

Part = tuple[str, int, int]  # (kind, index, sub-index)


def parts(context: dict[str, Any]) -> list[Part]:
    """The parts of a full comment context, most important first."""
    found: list[Part] = [("blocking", i, 0) for i in range(len(context["blocking"]))]
    entries = _entries(context)
    found += [("entry", n, 0) for n in range(len(entries))]
    found += [("checklist", i, 0) for i in range(len(context["checklist"]))]
    found += [("error", i, 0) for i in range(len(context["errors"]))]
    found += [("place", n, j) for n, e in enumerate(entries) for j in range(FIRST_PLACES, len(_lines(e)))]
    found += [("call_site", i, 0) for i in range(len(context["call_sites"]))]
    found += [("removed", i, 0) for i in range(len(context["removed"]))]
    return found


def keep(context: dict[str, Any], all_parts: list[Part], count: int) -> dict[str, Any]:
    """The context with only the first ``count`` of ``all_parts``; ``omitted`` is the number of list lines
    (places, checklist lines, files...) that are left out, an item counting its title, places and fix."""
    kept = all_parts[:count]
    kinds = Counter(kind for kind, _, _ in kept)
    entries = {n for kind, n, _ in kept if kind == "entry"}
    extra = Counter(n for kind, n, _ in kept if kind == "place")
    groups, flat, omitted = [], 0, 0
    for group in context["groups"]:
        shown = []
        for entry in group["entries"]:
            lines = _lines(entry)
            if flat in entries:
                visible = lines[: FIRST_PLACES + extra[flat]]
                shown.append({**entry, "findings": [f for k, f in visible if k == "place"],
                              "related": [f for k, f in visible if k == "related"],
                              "more": len(lines) - len(visible)})
                omitted += len(lines) - len(visible)
            else:
                omitted += len(lines) + 2  # its title and its fix too
            flat += 1
        if shown:
            groups.append({**group, "entries": shown})
    smaller = {**context, "groups": groups}
    for kind, key in (("blocking", "blocking"), ("checklist", "checklist"), ("error", "errors"),
                      ("call_site", "call_sites"), ("removed", "removed")):
        smaller[key] = list(context[key])[: kinds[kind]]
        omitted += len(context[key]) - kinds[kind]
    smaller["omitted"] = omitted
    return smaller


def longest_fitting(total: int, fits: Callable[[int], bool]) -> int:
    """The largest ``k`` in 0..``total`` with ``fits(k)``, for a ``fits`` that holds up to some point and
    not after it; 0 when nothing fits. About log2(total) calls."""
    low, high = 0, total
    while low < high:
        middle = (low + high + 1) // 2
        if fits(middle):
            low = middle
        else:
            high = middle - 1
    return low


def _entries(context: dict[str, Any]) -> list[dict[str, Any]]:
    return [e for g in context["groups"] for e in g["entries"]]


def _lines(entry: dict[str, Any]) -> list[tuple[str, Any]]:
    """An item's place lines in the order shown: its own places, then its accompanying configuration."""
    return [("place", f) for f in entry["findings"]] + [("related", f) for f in entry["related"]]
