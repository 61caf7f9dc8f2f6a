"""Which added calls of an API in one file are uses of their own: a new placement, or a call with a target of its
own (another wrapper, other arguments, other picked media) for the rules that report each.

An upload's review question is what it sends (mediaCheckAsync checks each kind of media,
https://developers.weixin.qq.com/miniprogram/dev/server/API/sec-center/sec-check/api_mediacheckasync.html): two
uploads in one file that send other media — ``uploadToOss('video', …)`` and ``uploadToOss('image', …)``, or two
direct ``wx.uploadFile`` calls, one of the photos ``wx.chooseImage`` picks and one of the document
``wx.chooseMessageFile`` picks — are two findings; the same call repeated in a loop or in two branches is one.

In: the uses of one subject in one file (facts in that file's line order) and the lines the diff adds. Out: the
facts to report. Pure functions.
"""

from __future__ import annotations

from mp_precheck.facts.model import Fact, FileFacts

# Pickers that hand the user's files to the code after them: each picks other media (photos, videos, chat files).
PICKERS = frozenset({"wx.chooseImage", "wx.chooseMedia", "wx.chooseVideo", "wx.chooseMessageFile"})


def each_added(uses: list[Fact], added: frozenset[int], rise: int) -> list[Fact]:
    """Up to ``rise`` of ``uses`` on lines the diff adds, in line order (one finding per new placement)."""
    return sorted((f for f in uses if f.line in added), key=lambda f: f.line)[:rise]


def each_target(uses: list[Fact], added: frozenset[int], rise: int, facts: FileFacts) -> list[Fact]:
    """Up to ``rise`` of ``uses`` on lines the diff adds, one per call target: the wrapper reached (``via:``
    role) and the strings passed to it; for a direct call, the picker last called above it in ``facts`` (the
    media it sends: module docstring)."""
    pickers = sorted((f.line, f.subject) for f in facts.facts if f.subject in PICKERS)
    seen: set[tuple[str | None, tuple[str, ...]]] = set()
    out: list[Fact] = []
    for fact in each_added(uses, added, len(uses)):
        picked = tuple(subject for line, subject in pickers if line <= fact.line)[-1:]
        target = (fact.role, facts.call_literals.get(fact.line, ()) if fact.role else picked)
        if target not in seen and len(out) < rise:
            seen.add(target)
            out.append(fact)
    return out
