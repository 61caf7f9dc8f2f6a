"""What an analyzer-built rule counts as new: the same comparison as the semantic diff, on keys of its own.

An analyzer lists, per changed file, the items it finds (a key such as a handler name or a target page, and a
line) at head and in the base versions of the changed files. An item is new when the app-wide count of its key
in the changed files rose — so code moved between files, or a renamed page, stays quiet — and the report goes
on the occurrences the diff adds first.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

Item = tuple[str, int]  # (key, 1-based line)


def rising(head: Mapping[str, Sequence[Item]], base: Mapping[str, Sequence[Item]],
           added_lines: Mapping[str, frozenset[int]]) -> list[tuple[str, str, int]]:
    """(head path, key, line) of the items whose key occurs more often at head than at base.

    ``head`` / ``base`` map a file path to its items; ``added_lines`` the lines the diff adds per head path.
    For a key that rose by n, the n occurrences reported are those on added lines first, then by path and line.
    """
    head_counts = Counter(key for items in head.values() for key, _ in items)
    base_counts = Counter(key for items in base.values() for key, _ in items)
    out: list[tuple[str, str, int]] = []
    for key in sorted(head_counts):
        rise = head_counts[key] - base_counts.get(key, 0)
        if rise <= 0:
            continue
        places = sorted(((path, line) for path, items in head.items() for k, line in items if k == key),
                        key=lambda place: (place[1] not in added_lines.get(place[0], frozenset()), place))
        out.extend((path, key, line) for path, line in places[:rise])
    return out
