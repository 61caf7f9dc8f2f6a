"""The entry of a region table the app selects from another script: ``qiniu.init({ region: 'SCN' })`` picks the
``'SCN'`` case of the SDK's ``switch (region)``.

readers/regiontable.py gives each unselected entry of a table of regional servers the role
``alternative:<region>``, which no finding counts: the app talks to one region's server. Here the changed
scripts' alternatives whose region a script of the project names for an SDK (a literal held under a region's name)
become the app's (role ``code``): that host must be on the 服务器域名 lists
(https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html), told at the table's entry.
"""

from __future__ import annotations

from collections.abc import Mapping

from msgspec.structs import replace

from mp_precheck.facts.model import ALTERNATIVE, Fact, FileFacts
from mp_precheck.git.repo import GitRepo, TreeEntry
from mp_precheck.readers.discovery import Project
from mp_precheck.readers.regiontable import chosen_regions
from mp_precheck.readers.sfc import SFC_SUFFIXES, script_units
from mp_precheck.readers.textcodec import UndecodableFile, decode

_PREFIX = ALTERNATIVE + ":"
_SCRIPTS = (".js", ".ts", ".mjs", ".cjs", ".jsx", ".tsx", *SFC_SUFFIXES)


def with_chosen_regions(project: Project, head_facts: Mapping[str, FileFacts], tree: Mapping[str, TreeEntry],
                        repo: GitRepo, head: str) -> dict[str, FileFacts]:
    """``head_facts`` where a region table's entry (role ``alternative:<region>``) whose region a script of
    ``project`` at revision ``head`` (tree ``tree``) names for an SDK (:func:`readers.regiontable.chosen_regions`)
    is the app's server (role ``code``); a single-file component's (``.wpy``, ``.vue``, ``.mpx``) inline
    ``<script>`` blocks are its scripts (:func:`readers.sfc.script_units`). Files are found by ``git grep`` of the
    quoted region; a file that cannot be decoded names none. Raises nothing of its own (git errors pass through
    as the rest of the run's)."""
    regions = {f.role[len(_PREFIX):] for ff in head_facts.values() for f in ff.facts
               if f.kind == "host" and f.role is not None and f.role.startswith(_PREFIX)} - {""}
    if not regions:
        return dict(head_facts)
    scope = [f":(literal){project.root}"] if project.root else []
    hits = [p for p in repo.grep_needles(head, {q + r + q for r in regions for q in "'\"`"}, scope)
            if p.endswith(_SCRIPTS) and p in tree and project.owns(p)]
    blobs = repo.read_blobs(tree[p].blob for p in hits) if hits else {}
    chosen: set[str] = set()
    for path in hits:
        try:
            text = decode(blobs.get(tree[path].blob, b"")).text
        except UndecodableFile:
            continue
        for unit, name, _ in script_units(text, path):
            chosen |= chosen_regions(unit, name) & regions
    if not chosen:
        return dict(head_facts)
    return {path: replace(ff, facts=tuple(_chosen(f, chosen) for f in ff.facts)) for path, ff in head_facts.items()}


def _chosen(fact: Fact, chosen: set[str]) -> Fact:
    role = fact.role or ""
    return replace(fact, role="code") if role.startswith(_PREFIX) and role[len(_PREFIX):] in chosen else fact
