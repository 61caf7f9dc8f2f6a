"""What a change brings into the app by registering a page: the page's files, unless the app named the page before.

A page file ``app.json`` does not list is no page WeChat compiles
(https://developers.weixin.qq.com/miniprogram/dev/reference/configuration/app.html#pages); the change that lists it
brings its calls into the build (:func:`registered_now`). Unless another file already named it: imported as a
component, it was built then; navigated to, it was a page the app meant to open, whose calls the registration only
makes work. Those keep their base version to compare with. A page registered in place of one the change drops
from the list, whose files are mostly the dropped page's, was re-routed: it brings only what differs. The other
way round, a page's copy that no list registered and the change deletes or moves away held nothing the app had
(:func:`unshipped_at_base`).
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Mapping, Sequence

from mp_precheck.core.reachability import PAGE_JUDGED, page_suffixes, plain_lists, without_unloaded_scripts
from mp_precheck.facts.model import FileFacts
from mp_precheck.facts.scope import page_sources
from mp_precheck.facts.store import FactStore
from mp_precheck.git.changeset import FileChange
from mp_precheck.git.repo import GitRepo, TreeEntry
from mp_precheck.readers.discovery import Project

# Share of lines a dropped page's file and a newly registered one hold in common for the one to be the other
# re-routed (git's own rename detection starts at 50 %).
_SAME_PAGE = 0.5


def named_before(repo: GitRepo, rev: str, route: str, own: Sequence[str]) -> bool:
    """Whether a file of revision ``rev`` other than the page's ``own`` files, hidden folders (an editor's workspace)
    and the developer tools' project settings names the page by the last two parts of its ``route``
    (``qiandao/index``: a navigation to it, an import of it as a component). A prefilter on the text: a comment
    naming it counts too (the page keeps its base version, as before)."""
    tail = "/".join(route.strip("/").split("/")[-2:])
    found = repo.grep_needles(rev, [tail]) if tail else {}
    return any(path not in own and not posixpath.basename(path).startswith("project.")
               and not any(part.startswith(".") for part in path.split("/")) for path in found)


def registered_now(project: Project, base: Project | None, tree: Mapping[str, TreeEntry],
                   changes: Iterable[FileChange], repo: GitRepo, head: str, merge_base: str = "") -> list[FileChange]:
    """The page files a change brings into the app by registering their routes: files of ``project``'s ``tree``
    (head) whose page ``base`` did not register, in the frameworks where an unregistered page file is no part of the
    app (core/reachability.py), that the change (``changes``) leaves alone, or edits in place where no other file of
    revision ``merge_base`` named the page (:func:`named_before`): what it does ships with the registration. Each is
    given as a file the change adds, all its lines (read from revision ``head`` of ``repo``) added but those a page
    the change drops from the list held (:func:`_copy_of_dropped`: then a rename from it); the caller puts
    it in place of the file's change on both sides. None when the base page list was partly computed (it may have
    held the page) or there is no base project."""
    if base is None or project.framework not in PAGE_JUDGED or base.pages_computed or not base.pages \
            or not project.app_config or (project.framework == "native" and not plain_lists(base, project)):
        return []
    changes = list(changes)
    changed = {change.new_path for change in changes if change.new_path}
    in_place = {change.new_path for change in changes if change.new_path and change.old_path == change.new_path}
    suffixes = page_suffixes(project.framework)
    dropped = [path for route in sorted(set(base.pages) - set(project.pages))
               for path in sorted(page_sources(base, route, suffixes))] if merge_base else []
    out = []
    for route in sorted(set(project.pages) - set(base.pages)):
        sources = sorted(page_sources(project, route, suffixes))
        edited = bool(merge_base and in_place & set(sources)) and not named_before(repo, merge_base, route, sources)
        for path in sources:
            entry = tree.get(path)
            if entry is None or not (path not in changed or (edited and path in in_place)) or not project.owns(path):
                continue
            text = repo.read_file(head, path) or b""
            copied = _copy_of_dropped(text, path, dropped, repo, merge_base)
            if copied is None:
                out.append(FileChange(status="added", old_path=None, new_path=path, old_blob=None,
                                      new_blob=entry.blob, old_mode=None, new_mode=entry.mode,
                                      added_lines=frozenset(range(1, text.count(b"\n") + 2))))
                continue
            old_path, added = copied
            old = next((c for c in changes if c.old_path == old_path), None)
            old_entry = tree.get(old_path)
            old_blob = old.old_blob if old is not None else old_entry.blob if old_entry is not None else None
            out.append(FileChange(status="renamed", old_path=old_path, new_path=path, old_blob=old_blob,
                                  new_blob=entry.blob, old_mode=old.old_mode if old is not None else entry.mode,
                                  new_mode=entry.mode, added_lines=added))
    return out


def _copy_of_dropped(text: bytes, path: str, dropped: Sequence[str], repo: GitRepo, merge_base: str) \
        -> tuple[str, frozenset[int]] | None:
    """The file of a page the change drops from the list (``dropped``: those pages' files) that a newly registered
    page file (``text`` at ``path``) mostly is, as it was at revision ``merge_base``, and the 1-based lines of
    ``text`` that differ from it; None when no dropped page's file of the same kind is that close. The page was
    re-routed: its base version is the dropped page's, and only what differs is new."""
    if not dropped:
        return None
    import difflib  # only for a change that drops a page from the list (a small PR's import cost)

    lines = text.decode("utf-8", "replace").splitlines()
    kind = posixpath.splitext(path)[1]
    best: tuple[float, str, difflib.SequenceMatcher[str]] | None = None
    for old_path in (p for p in dropped if p.endswith(kind)):
        old = (repo.read_file(merge_base, old_path) or b"").decode("utf-8", "replace").splitlines()
        matcher = difflib.SequenceMatcher(None, old, lines, autojunk=False)
        ratio = matcher.ratio() if old else 0.0
        if ratio >= _SAME_PAGE and (best is None or ratio > best[0]):
            best = (ratio, old_path, matcher)
    if best is None:
        return None
    return best[1], frozenset(line + 1 for tag, _i1, _i2, j1, j2 in best[2].get_opcodes()
                              if tag in ("replace", "insert") for line in range(j1, j2))


def unshipped_at_base(base_project: Project | None, base_facts: dict[str, FileFacts],
                      base_changed: Sequence[FileChange], repo: GitRepo, store: FactStore,
                      base_tree: Mapping[str, TreeEntry], merge_base: str) -> dict[str, FileFacts]:
    """``base_facts`` where the page files the change (``base_changed``) deletes or moves away that the base build
    never compiled (an unregistered page's copy nothing named at revision ``merge_base``, whose tree is
    ``base_tree``: core/reachability.py) keep only their secrets and hosts, as unloaded scripts do at head: what
    such a copy held was not in the app, so the same code moved into a shipped page is new."""
    gone = [f.old_path for f in base_changed if f.old_path and f.new_path != f.old_path]
    if not gone or base_project is None:
        return base_facts
    return without_unloaded_scripts(base_project, base_facts, gone, base_tree, repo, store, merge_base,
                                    pages_only=True)
