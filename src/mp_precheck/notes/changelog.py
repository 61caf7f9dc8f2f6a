"""The changes of a range as the 本次版本变更 lines of the submission notes: 新增 / 优化 / 修复.

A range is read as **units**: a pull request merged with a merge commit (``Merge pull request #12 from
org/branch``, GitLab's ``See merge request group/app!12``), a squash-merged pull request (``Title
(#13)``) or a plain commit. A merge commit and the commits inside its pull request are never listed
twice; a pull request that only gathers other pull requests (a release branch) gives their lines instead
of its own. A unit's text is the pull request's title from the API when the caller has it
(:class:`PullInfo`), else the merge commit's body or the squash subject; a title that is only the branch
name counts as none. A commit gives one line per item (:func:`.commitmessage.message_items`). A line
repeated across units is listed once.

The section comes from the pull request's labels (``notes.labels`` over
:data:`.commitmessage.DEFAULT_LABELS`), else from the message (:func:`.commitmessage.classify`). Left out
besides what the message leaves out: reverts and what they cancel, other platforms' changes (by files and
uni-app blocks), and units that touch only the team's files (:func:`team_only`: CI, documentation and its
pictures, text files, the repository's and the developer tools' settings). A commit whose message only names
the page it creates (``登录``) is 新增.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping

from msgspec import Struct, field

from mp_precheck.core.lazyre import lazy
from mp_precheck.core.recache import compiled
from mp_precheck.git.repo import EMPTY_TREE, GitRepo
from mp_precheck.notes.commitmessage import (
    DEFAULT_LABELS,
    DEFAULT_TYPES,
    Entry,
    classify,
    is_branch_name,
    message_items,
    same_line_key,
    split_items,
)
from mp_precheck.notes.commitsense import Section
from mp_precheck.notes.platform_only import only_other_platforms
from mp_precheck.readers.textcodec import UndecodableFile, decode

_GITHUB_MERGE = lazy(r"^Merge pull request #(?P<number>\d+) from \S+")
_GITLAB_MERGE = lazy(r"^Merge branch '[^']+' into '[^']+'")
_GITLAB_REF = lazy(r"^See merge request \S*!(?P<number>\d+)\s*$", re.MULTILINE)
_SQUASH = compiled(r"\s\(#(?P<number>\d+)\)\s*$")
_REVERT_TITLE = compiled(r'^Revert "(?P<text>.+)"$', re.DOTALL)
_REVERTS_SHA = compiled(r"This reverts commit (?P<sha>[0-9a-f]{7,40})")


class Commit(Struct, frozen=True):
    """One commit of the range: id, parent ids, subject line, body (decoded text), the paths it
    touches (empty for a merge commit, whose changes are its pull request's) and whether all it changes
    is another platform's (an H5 or App block of a uni-app page, a Taro ``.rn.tsx`` file)."""

    sha: str
    parents: tuple[str, ...]
    subject: str
    body: str = ""
    files: tuple[str, ...] = ()
    other_platform: bool = False  # changes only what another platform ships (:mod:`.platform_only`)
    added: tuple[str, ...] = ()   # the paths among ``files`` the commit creates

    @property
    def is_merge(self) -> bool:
        return len(self.parents) > 1


class PullInfo(Struct, frozen=True):
    """What the API says about a merged pull request: its title and label names."""

    number: int
    title: str
    labels: tuple[str, ...] = ()


class _Unit(Struct, frozen=True):
    """A pull request or a single commit of the range, in the order it reached the history."""

    anchor: Commit                  # the merge commit, the squash commit, or the commit itself
    number: int | None = None       # the GitHub pull request number (None: a commit, or a GitLab merge request)
    ref: str = ""                   # "#12", "!12" or "" for a commit
    title: str = ""                 # from the merge message or the squash subject
    members: tuple[Commit, ...] = field(default_factory=tuple)  # commits inside a merged pull request

    @property
    def commits(self) -> tuple[Commit, ...]:
        return (self.anchor, *self.members)

    @property
    def files(self) -> frozenset[str]:
        return frozenset(f for c in self.commits for f in c.files)

    @property
    def source(self) -> str:
        return self.ref or self.anchor.sha


def read_commits(repo: GitRepo, base: str, head: str) -> list[Commit]:
    """Commits reachable from ``head`` but not ``base`` (every commit of ``head`` when ``base`` is the
    empty tree: a first release), oldest first, with the paths each one touches.

    Messages are decoded as UTF-8, else GB18030 (a commit written on a Chinese Windows machine without
    an encoding header); git re-encodes messages that declare their encoding.

    Raises:
        UserError: git failed (e.g. an unknown revision).
    """
    spec = [head] if base == EMPTY_TREE else [f"{base}..{head}"]
    out = repo.run("log", "--reverse", "--no-renames", "--name-status", "-z",
                   "--format=%x1e%H%x1f%P%x1f%B%x1f", *spec, "--")
    commits = []
    for record in out.split(b"\x1e"):
        if not record.strip(b"\0\n"):
            continue
        sha, parents, rest = record.split(b"\x1f", 2)
        message, files = rest.rsplit(b"\x1f", 1)
        try:
            text = decode(message).text.strip()
        except UndecodableFile:
            text = message.decode("utf-8", "replace").strip()
        subject, _, body = text.partition("\n")
        fields = [p.decode("utf-8", "surrogateescape") for p in files.lstrip(b"\0\n").split(b"\0")]
        statuses = list(zip(fields[::2], fields[1::2], strict=False))  # (A/M/D/T, path), --no-renames: one path each
        parent_ids = tuple(parents.decode().split())
        touched = tuple(path for _status, path in statuses if path)
        added = tuple(path for status, path in statuses if status.strip() == "A" and path)
        other = len(parent_ids) == 1 and only_other_platforms(repo, sha.decode(), parent_ids[0], touched)
        commits.append(Commit(sha.decode(), parent_ids, subject.strip(), body.strip(), touched, other, added))
    return commits


def pull_numbers(commits: list[Commit]) -> list[int]:
    """GitHub pull request numbers named by the merge and squash commits of ``commits``, in order: the
    ones whose title and labels are worth asking the API for."""
    numbers: list[int] = []
    for commit in commits:
        merged = _GITHUB_MERGE.match(commit.subject) if commit.is_merge else None
        squashed = _SQUASH.search(commit.subject) if not commit.is_merge else None
        found = merged or squashed
        if found and int(found.group("number")) not in numbers:
            numbers.append(int(found.group("number")))
    return numbers


def entries_from_commits(commits: list[Commit], types: Mapping[str, Section] | None = None,
                         labels: Mapping[str, Section] | None = None,
                         pulls: Mapping[int, PullInfo] | None = None,
                         shipped: Callable[[str], bool] | None = None,
                         page: Callable[[str], bool] | None = None, unnamed: list[str] | None = None) -> list[Entry]:
    """The 本次版本变更 lines of ``commits`` (as :func:`read_commits` gives them, oldest first).

    ``types`` and ``labels`` extend :data:`DEFAULT_TYPES` and :data:`DEFAULT_LABELS` (``notes.types``,
    ``notes.labels`` of the config); ``pulls`` holds what the API said about merged pull requests, by
    number; ``shipped(path)`` says whether a path belongs to the Mini Program (in a repository that also holds
    a server or an admin site, a change touching none of its files is left out); ``page(path)`` says whether a
    path is a registered page's own file: a commit that creates one and whose message says no section of its own
    ("登录") is 新增. One entry per unit, in history order; identical sentences are listed once. ``unnamed``, when
    given, receives the source of each unit that changes the Mini Program but whose message names nothing
    ("data", "update", "fix"): the notes cannot say what it changed.
    """
    type_map = {**DEFAULT_TYPES, **{k.lower(): v for k, v in (types or {}).items()}}
    label_map = {**DEFAULT_LABELS, **{_label_key(k): v for k, v in (labels or {}).items()}}
    pulls = pulls or {}
    units = _cancel_reverts(_units(commits), pulls)
    entries: list[Entry] = []
    seen: set[str] = set()
    for unit in units:
        if shipped is not None and unit.files and not any(shipped(path) for path in unit.files):
            continue  # the server, the admin site or tooling of the same repository
        new_page = page is not None and any(page(path) for c in unit.commits for path in c.added)
        found = _entries(unit, type_map, label_map, pulls, new_page)
        if not found and unnamed is not None and _reaches_app(unit):
            unnamed.append(unit.source)
        for entry in found:
            key = same_line_key(entry.text)
            if entry.section == "skip" or key in seen:
                continue
            seen.add(key)
            entries.append(entry)
    return entries


def _entries(unit: _Unit, types: Mapping[str, Section], labels: Mapping[str, Section],
             pulls: Mapping[int, PullInfo], new_page: bool = False) -> list[Entry]:
    """The lines of one unit: each item of its pull request title, else each item of its commit message
    (:func:`message_items`), else (a merge without a title) its first commit that says something. A line
    whose message names no section is 新增 when the unit creates a page (``new_page``)."""
    files = unit.files
    if files and all(team_only(path) for path in files):
        return []
    if any(not c.is_merge for c in unit.commits) and all(c.other_platform for c in unit.commits if not c.is_merge):
        return []  # an H5, App or React Native change: nothing the WeChat build shows
    info = pulls.get(unit.number) if unit.number is not None else None
    title = info.title if info else unit.title
    if title and is_branch_name(title, unit.anchor.subject):
        title = ""  # GitHub's default title is the branch name: it says nothing to a reviewer
    found: list[Entry | None]
    if title:
        found = [classify(item, types) for item in split_items(title, types)]
    elif not unit.members:  # a commit, or a squash merge titled by its branch (its body lists the commits)
        subject = "" if unit.ref else unit.anchor.subject
        found = [classify(item, types) for item in message_items(subject, unit.anchor.body, types)]
    else:  # a merge commit without the pull request's title: its first commit that says something
        candidates = (classify(c.subject, types) for c in unit.members if not c.is_merge)
        found = [next((e for e in candidates if e is not None and e.section != "skip"), None)]
    by_label = _label_section(info.labels if info else (), labels)
    return [Entry(by_label or ("added" if _names_new_page(e, new_page) else e.section), e.text, unit.source, e.vague)
            for e in _without_restated([e for e in found if e is not None])]


def _reaches_app(unit: _Unit) -> bool:
    """Whether a unit changes what the WeChat build ships: not only the team's files nor another platform's."""
    return not all(team_only(path) for path in unit.files) and not all(c.other_platform for c in unit.commits)


def _without_restated(entries: list[Entry]) -> list[Entry]:
    """The entries of one unit without those another of the same section restates at more length: a subject the
    body repeats with detail (``fix: 登录失效`` and ``修复登录失效时未弹出登录框``) is one change, listed once, as
    the longer line. A line of fewer than 3 characters (``登录``) is kept: it may name a change of its own."""
    keys = [same_line_key(e.text) for e in entries]
    return [e for e, key in zip(entries, keys, strict=True)
            if len(key) < 3 or not any(key != other and key in other and o.section == e.section
                                       for o, other in zip(entries, keys, strict=True))]


def _names_new_page(entry: Entry, new_page: bool) -> bool:
    """Whether ``entry`` is only the name of the page its commit creates (``登录``, ``搜索页``): no section said and a
    few words; a longer sentence without a verb describes work on it (``action处理每次加载重置商家条数``)."""
    return new_page and entry.unsaid and len(entry.text) <= _PAGE_NAME_LENGTH


_PAGE_NAME_LENGTH = 8


def _label_key(label: str) -> str:
    key = label.strip().lower()
    for prefix in ("type:", "type/", "kind:", "kind/", "type: ", "kind: "):
        key = key.removeprefix(prefix).strip()
    return key


def _label_section(names: Iterable[str], labels: Mapping[str, Section]) -> Section | None:
    found = {labels[key] for key in (_label_key(n) for n in names) if key in labels}
    order: tuple[Section, ...] = ("skip", "fixed", "added", "improved")
    for section in order:
        if section in found:
            return section
    return None


# Files no Mini Program build ships nor any reviewer sees, wherever the app's root is: CI, documentation and its
# pictures (docs/, _doc/), text files, licences, the repository's own settings, and the developer tools' and a
# third-party platform's settings (project.config.json, ext.json: read by the tools at upload, not shown in the
# app; https://developers.weixin.qq.com/miniprogram/dev/devtools/projectconfig.html,
# https://developers.weixin.qq.com/miniprogram/dev/devtools/ext.html). Also a back end kept beside the app, even
# when the app's root is the repository's: tests (a top tests/ folder, __tests__/, *.test.js), database migrations,
# server code in languages a Mini Program cannot run (.py, .go, .java…), shell scripts and container settings.
_TEAM_ONLY = lazy(r"(?:^|/)(?:\.github|ci|_?docs?|\.husky|\.vscode|\.idea)/|^\.gitlab-ci\.yml$|\.(?:md|txt)$|"
                  r"(?:^|/)(?:license|licence|changelog|authors)(?:\.[a-z]+)?$|(?:^|/)\.(?:gitignore|gitattributes|"
                  r"editorconfig)$|(?:^|/)(?:project(?:\.private)?\.config\.json|ext\.json)$|"
                  r"^tests?/|(?:^|/)(?:__tests__|migrations|alembic)/|\.(?:test|spec)\.[cm]?[jt]sx?$|"
                  r"\.(?:py|pyi|go|java|kt|php|rb|rs|cs|sql|sh|ini|toml)$|"
                  r"(?:^|/)(?:dockerfile|docker-compose[\w.-]*\.ya?ml|requirements[\w.-]*|alembic\.ini)$|"
                  r"(?:^|/)nginx/", re.IGNORECASE)


def team_only(path: str) -> bool:
    """Whether ``path`` is a file of the team's, not of the Mini Program (:data:`_TEAM_ONLY`): a commit touching
    only such files changes nothing the reviewer sees."""
    return _TEAM_ONLY.search(path) is not None


# ----------------------------------------------------------------------------------------- units


def _units(commits: list[Commit]) -> list[_Unit]:
    """The range's commits grouped into pull requests and single commits, oldest first.

    The history is walked along first parents from the newest commit; a merge commit's pull request is
    what its other parents bring that the first parent did not have (walked the same way, so a pull
    request merged into a release branch is found inside the release branch's pull request).
    """
    by_sha = {c.sha: c for c in commits}
    if not commits:
        return []
    children = {p for c in commits for p in c.parents}
    tips = [c.sha for c in reversed(commits) if c.sha not in children]
    seen: set[str] = set()
    units: list[_Unit] = []
    for tip in reversed(tips):  # the oldest tip first; normally there is one (the head)
        units.extend(_chain_units(tip, by_sha, seen, 0))
    # commits the walk did not reach (none in a well-formed range) are listed on their own
    units.extend(_single(c) for c in commits if c.sha not in seen)
    return units


def _chain_units(tip: str, by_sha: Mapping[str, Commit], seen: set[str], depth: int) -> list[_Unit]:
    chain: list[Commit] = []
    sha: str | None = tip
    while sha is not None and sha in by_sha and sha not in seen:
        chain.append(by_sha[sha])
        seen.add(sha)
        sha = by_sha[sha].parents[0] if by_sha[sha].parents else None
    units: list[_Unit] = []
    for commit in reversed(chain):
        if not commit.is_merge:
            units.append(_single(commit))
            continue
        inner: list[_Unit] = []
        for parent in commit.parents[1:]:
            if depth < 100:
                inner.extend(_chain_units(parent, by_sha, seen, depth + 1))
            else:  # pathological nesting: list what is left as single commits
                inner.extend(_single(by_sha[s]) for s in _reachable(parent, by_sha, seen))
        units.extend(_merged(commit, inner))
    return units


def _reachable(start: str, by_sha: Mapping[str, Commit], seen: set[str]) -> list[str]:
    out, stack = [], [start]
    while stack:
        sha = stack.pop()
        if sha in by_sha and sha not in seen:
            seen.add(sha)
            out.append(sha)
            stack.extend(by_sha[sha].parents)
    return out


def _single(commit: Commit) -> _Unit:
    squashed = _SQUASH.search(commit.subject)
    if squashed:
        number = int(squashed.group("number"))
        return _Unit(commit, number, f"#{number}", commit.subject[: squashed.start()].strip())
    return _Unit(commit)


def _merged(merge: Commit, inner: list[_Unit]) -> list[_Unit]:
    """A merge commit with the units its pull request brought: one pull request unit, or (for a branch
    merged without a pull request, or a pull request that gathers other pull requests) the inner units."""
    github = _GITHUB_MERGE.match(merge.subject)
    gitlab = _GITLAB_REF.search(merge.body) if _GITLAB_MERGE.match(merge.subject) else None
    if not github and not gitlab:
        return inner
    if any(u.ref for u in inner):
        return inner  # a release branch: its pull requests speak for themselves
    title = next((line.strip() for line in merge.body.splitlines()
                  if line.strip() and not _GITLAB_REF.match(line.strip())), "")
    if github:
        number = int(github.group("number"))
        return [_Unit(merge, number, f"#{number}", title, tuple(c for u in inner for c in u.commits))]
    assert gitlab is not None
    return [_Unit(merge, None, f"!{gitlab.group('number')}", title, tuple(c for u in inner for c in u.commits))]


def _cancel_reverts(units: list[_Unit], pulls: Mapping[int, PullInfo]) -> list[_Unit]:
    """Units left after each revert cancels its target (found by the reverted commit id, else by the
    quoted title); a revert of a revert brings the target back. Reverts themselves are never listed."""
    active: list[_Unit] = []
    undone: dict[int, _Unit] = {}   # id(revert unit) -> the unit it cancelled
    reverts: list[_Unit] = []
    for unit in units:
        title = _unit_title(unit, pulls)
        shas = [m.group("sha") for c in unit.commits for m in _REVERTS_SHA.finditer(c.body)]
        quoted = _REVERT_TITLE.match(title) or _REVERT_TITLE.match(unit.anchor.subject)
        if not quoted and not (shas and not unit.members and unit.anchor.subject.lower().startswith("revert")):
            active.append(unit)
            continue
        target = _find(active, shas, quoted.group("text") if quoted else None, pulls)
        if target is not None:
            active.remove(target)
            undone[id(unit)] = target
        else:
            revert = _find(reverts, shas, quoted.group("text") if quoted else None, pulls)
            if revert is not None and id(revert) in undone:
                active.append(undone.pop(id(revert)))  # "Revert "Revert "x""": x is back
        reverts.append(unit)
    order = {id(u): i for i, u in enumerate(units)}
    return sorted(active, key=lambda u: order[id(u)])


def _unit_title(unit: _Unit, pulls: Mapping[int, PullInfo]) -> str:
    info = pulls.get(unit.number) if unit.number is not None else None
    return info.title if info else (unit.title or unit.anchor.subject)


def _find(units: list[_Unit], shas: list[str], text: str | None, pulls: Mapping[int, PullInfo]) -> _Unit | None:
    for unit in reversed(units):
        if any(unit.anchor.sha.startswith(s) for s in shas):
            return unit
    if text is None:
        return None
    for unit in reversed(units):
        if text.strip() in (_unit_title(unit, pulls), unit.title, unit.anchor.subject):
            return unit
    return None
