"""A configuration file left with git's conflict markers, read as each side of the conflict would be.

A merge that stops on a conflict writes both versions of each conflicting hunk into the file, between marker lines:
``<<<<<<< ours``, the ancestor's lines after ``|||||||`` in the diff3 style, ``=======``, then ``>>>>>>> theirs``
(https://git-scm.com/docs/git-merge#_how_conflicts_are_presented). Committed as it is, an ``app.json`` (a page's
JSON, uni-app's ``pages.json`` or ``manifest.json``) is no JSON and no build reads it, yet what it holds is not
gone: each entry is one a side had, and whichever side the author keeps, the app had it — so a later change that
only removes the markers adds none of it. :func:`sides` gives the text resolved to each side in turn, with the
other side's lines, the ancestor's and the markers blanked so every line keeps its number; :func:`with_sides` reads
each and keeps what either holds, as the facts of the file (facts/extract.py). The whole file's reading error stays:
the file as committed still does not parse (analyzers/config_syntax.py, core/unread.py).

In: a file's text (and its reader); out: its sides, or its facts. Pure; never raises.
"""

from __future__ import annotations

from collections.abc import Callable

from msgspec.structs import replace

from mp_precheck.facts.model import FileFacts

_OURS, _ANCESTOR, _THEIRS, _END = "<<<<<<<", "|||||||", "=======", ">>>>>>>"
_NEXT: dict[str | None, tuple[str, ...]] = {None: (_OURS,), _OURS: (_ANCESTOR, _THEIRS), _ANCESTOR: (_THEIRS,),
                                             _THEIRS: (_END,)}  # the markers that may come next


def _marker(line: str) -> str | None:
    """The conflict marker ``line`` is (seven marker characters at its start, then nothing or a space), else None."""
    head = line[:7]
    if head in (_OURS, _ANCESTOR, _THEIRS, _END) and (len(line) == 7 or line[7] in " \t\r"):
        return head if head != _THEIRS or not line[7:].strip() else None
    return None


def sides(text: str) -> tuple[str, ...]:
    """``text`` with every conflict resolved to our side, then to theirs (blanked lines keep the numbering); empty
    when the text holds no whole conflict (a marker out of order, or one left open)."""
    ours, theirs = list[str](), list[str]()
    state: str | None = None
    found = False
    for line in text.split("\n"):
        mark = _marker(line)
        if mark is not None and mark in _NEXT[state]:
            state, found = (None if mark == _END else mark), True
            ours.append("")
            theirs.append("")
            continue
        if mark is not None:
            return ()
        ours.append(line if state in (None, _OURS) else "")
        theirs.append(line if state in (None, _THEIRS) else "")
    return ("\n".join(ours), "\n".join(theirs)) if found and state is None else ()


def with_sides(found: FileFacts, text: str, read: Callable[[str], FileFacts]) -> FileFacts:
    """``found`` (the file ``text`` as ``read`` reads it whole) with the facts ``read`` finds in each side of its
    conflicts added, each once; ``found`` itself for a text with no conflict."""
    resolved = sides(text) if _OURS in text else ()
    facts = [f for side in resolved for f in read(side).facts]
    return replace(found, facts=tuple(dict.fromkeys((*found.facts, *facts)))) if facts else found
