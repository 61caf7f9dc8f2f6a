"""What a file one side of the change could not read leaves unknown — never absent.

* A head file read with an error (an ``app.json`` that is not JSON, a binary or half-read script) may still hold
  what its base version held: nothing of that base version is reported as removed (:func:`known_removals`).
* A base app configuration nothing could be read from (not JSON, not even leniently as JSON5) compiled in no
  WeChat tool, so the app last built had an earlier version: that one stands for the base, so a change that only
  repairs the file adds none of the entries it already had (:func:`as_last_parsed`). With no earlier version that
  parses within reach, the base stays empty and head's entries read as new (what the change may add is told).

Source: app.json is JSON, https://developers.weixin.qq.com/miniprogram/dev/reference/configuration/app.html
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TypeVar

from mp_precheck.facts.model import FileFacts
from mp_precheck.git.repo import GitRepo

_R = TypeVar("_R")
LOOK_BACK = 20  # earlier versions of the file tried, newest first


def known_removals(removals: Sequence[_R], path_of: Callable[[_R], str], head: Mapping[str, FileFacts],
                   counterpart: Mapping[str, str | None]) -> list[_R]:
    """``removals`` (each at the base path ``path_of`` gives) less those of a base file whose head version
    (``head``: head path → facts; ``counterpart``: head path → base path) was read with an error."""
    unread = {counterpart.get(path) or path for path, facts in head.items() if facts.error}
    return [r for r in removals if path_of(r) not in unread]


def as_last_parsed(base: Mapping[str, FileFacts], config: str | None,
                   earlier: Callable[[str], FileFacts | None]) -> dict[str, FileFacts]:
    """``base`` (base path → facts) with the facts of the app configuration ``config`` replaced by ``earlier(config)``
    (its newest earlier version that reads without error, None when none) when nothing of it could be read."""
    out = dict(base)
    facts = out.get(config) if config else None
    if config and facts is not None and facts.error and not facts.facts:
        found = earlier(config)
        if found is not None:
            out[config] = found
    return out


def earlier_versions(repo: GitRepo, rev: str,
                     facts_of: Callable[[str, str], FileFacts | None]) -> Callable[[str], FileFacts | None]:
    """An ``earlier`` for :func:`as_last_parsed`: of the :data:`LOOK_BACK` newest commits up to ``rev`` that changed
    the file, the facts (``facts_of(path, blob)``) of the newest version read without error; None when none is."""
    def earlier(path: str) -> FileFacts | None:
        log = repo.run("log", "--format=%H", f"-n{LOOK_BACK}", rev, "--", f":(literal){path}")
        for commit in log.decode("ascii").split():
            blob = next((e.blob for e in repo.ls_tree_paths(commit, [path]) if e.path == path), None)
            facts = facts_of(path, blob) if blob else None
            if facts is not None and not facts.error:
                return facts
        return None
    return earlier
