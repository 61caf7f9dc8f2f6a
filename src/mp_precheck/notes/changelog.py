"""The changes of a range as the 本次版本变更 lines of the submission notes: 新增 / 优化 / 修复.

A range is read as **units**: a pull request merged with a merge commit (``Merge pull request #12 from
org/branch``, GitLab's ``See merge request group/app!12``), a squash-merged pull request (``Title
(#13)``) or a plain commit. A merge commit and the commits inside its pull request are never listed
twice; a pull request that only gathers other pull requests (a release branch) gives their lines instead
of its own. A unit's text is the pull request's title from the API when the caller has it
(:class:`PullInfo`), else the merge commit's body or the squash subject; a title that is only the branch
name counts as none. A commit gives one line per item: each Conventional Commit type of its subject
(``fix: A / feat: B``) and each body line that names its own change (``feat(x): …``, ``- 新增…``). A line
repeated across units is listed once.

The section comes from the pull request's labels (``notes.labels`` over :data:`DEFAULT_LABELS`), else
the Conventional Commit type (``notes.types`` over :data:`DEFAULT_TYPES`: ``feat`` → added, ``fix`` →
fixed, ``perf``/``style`` → improved, ``refactor`` left out), a bracketed or Chinese prefix
(``【修复】``, ``新增：``, ``优化 …``), a gitmoji or emoji, the subject's own Chinese verb or an English
verb (:mod:`.commitsense`); anything else is improved. Left out: reverts and what they cancel,
housekeeping and other platforms' changes (by message, files and uni-app blocks), dependency bumps,
``chore``/``ci``/``docs``/``test``/``build`` types, units that touch only CI and documentation files
(``.github/``, ``ci/``, ``docs/``, ``.gitlab-ci.yml``, ``*.md``), and messages with no content ("update",
"修改"). Entries read as sentences for a reviewer: prefix and scope removed, issue references dropped,
Markdown and HTML reduced to plain text, ``@mentions`` made inert.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from mp_precheck.git.repo import EMPTY_TREE, GitRepo
from mp_precheck.notes.commitsense import (
    Section,
    is_housekeeping,
    is_vague,
    leading_gitmoji,
    leading_verb_section,
    names_other_platform_only,
    verb_section,
)
from mp_precheck.notes.platform_only import only_other_platforms
from mp_precheck.readers.textcodec import UndecodableFile, decode

DEFAULT_TYPES: dict[str, Section] = {
    "feat": "added", "feature": "added", "fix": "fixed", "bugfix": "fixed", "hotfix": "fixed",
    "perf": "improved", "refactor": "skip", "style": "improved", "improve": "improved", "ui": "improved",
    "chore": "skip", "ci": "skip", "docs": "skip", "doc": "skip", "test": "skip", "tests": "skip",
    "build": "skip", "release": "skip", "wip": "skip", "merge": "skip", "revert": "skip", "deps": "skip",
}
# GitHub's default labels, Dependabot's and the usual "type/…" ones. Matched case-insensitively, after
# dropping a "type:" / "type/" / "kind/" prefix.
DEFAULT_LABELS: dict[str, Section] = {
    "bug": "fixed", "bugfix": "fixed", "fix": "fixed", "regression": "fixed", "缺陷": "fixed", "修复": "fixed",
    "enhancement": "added", "feature": "added", "feat": "added", "new feature": "added", "新功能": "added",
    "新增": "added", "improvement": "improved", "performance": "improved", "perf": "improved",
    "refactor": "improved", "ui": "improved", "优化": "improved",
    "documentation": "skip", "docs": "skip", "dependencies": "skip", "deps": "skip", "ci": "skip",
    "github_actions": "skip", "chore": "skip", "test": "skip", "tests": "skip", "internal": "skip",
    "skip-changelog": "skip", "no-changelog": "skip", "skip changelog": "skip",
}

_CHINESE_PREFIXES: dict[str, Section] = {
    **dict.fromkeys(("新增", "新功能", "增加", "添加", "上线", "支持", "新特性"), "added"),
    **dict.fromkeys(("修复", "修正", "修改bug", "解决", "修bug", "bug修复"), "fixed"),
    **dict.fromkeys(("优化", "调整", "改进", "重构", "更新", "完善", "美化", "提升", "改版"), "improved"),
    **dict.fromkeys(("文档", "注释", "依赖", "升级依赖", "更新依赖", "依赖升级", "构建", "测试", "发版",
                     "版本号", "格式化", "合并"), "skip"),
}
_ENGLISH_VERBS: dict[str, Section] = {
    **dict.fromkeys(("add", "adds", "added", "implement", "implements", "introduce", "introduces", "support",
                     "supports", "new"), "added"),
    **dict.fromkeys(("fix", "fixes", "fixed", "resolve", "resolves", "correct", "corrects"), "fixed"),
    **dict.fromkeys(("improve", "improves", "optimize", "optimise", "speed", "refactor", "polish", "tweak",
                     "redesign", "update", "updates"), "improved"),
}
# Commit messages that say nothing a reviewer can use.
_NO_CONTENT = frozenset({
    "update", "updates", "updated", "wip", "fix", "fixes", "fixed", "bugfix", "bug fix", "bug", "bugs",
    "modify", "modified", "change", "changes", "changed", "test", "tests", "misc", "tmp", "temp", "save",
    "commit", "init", "initial", "initial commit", "first commit", "merge", "refactor", "cleanup", "clean up",
    "修改", "更新", "提交", "调整", "优化", "修复", "修正", "改bug", "修改bug", "初始化", "初始提交", "临时提交",
    "备份", "同步", "合并", "代码", "提交代码", "更新代码", "修改代码", "新增", "增加", "添加", "完善", "重构",
})

_CONVENTIONAL = re.compile(r"^(?P<type>[A-Za-z]+)(?:\((?P<scope>[^)]*)\))?(?P<bang>!)?\s*[:：]\s*(?P<text>.+)$")
_BRACKETED = re.compile(r"^[\[【(（]\s*(?P<word>[^\]】)）]{1,12}?)\s*[\]】)）]\s*[:：]?\s*(?P<text>.*)$")
_ISSUE_REF = re.compile(r"\s*\(?(?:(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?|refs?)\s+)?(?:[\w.-]+/[\w.-]+)?#\d+\)?",
                        re.IGNORECASE)
_MENTION = re.compile(r"(?<![\w@])@(?=[A-Za-z0-9-])")
_DEPENDENCY_BUMP = re.compile(r"^(?:bump|update dependency|update dependencies|upgrade dependency)\b", re.IGNORECASE)
_GITHUB_MERGE = re.compile(r"^Merge pull request #(?P<number>\d+) from \S+")
_GITLAB_MERGE = re.compile(r"^Merge branch '[^']+' into '[^']+'")
_GITLAB_REF = re.compile(r"^See merge request \S*!(?P<number>\d+)\s*$", re.MULTILINE)
_SQUASH = re.compile(r"\s\(#(?P<number>\d+)\)\s*$")
_REVERT_TITLE = re.compile(r'^Revert "(?P<text>.+)"$', re.DOTALL)
_VERSION_ONLY = re.compile(r"(?:v|version|release|版本|发布)?\s*\d+(?:\.\d+)+\S*")
_REVERTS_SHA = re.compile(r"This reverts commit (?P<sha>[0-9a-f]{7,40})")


@dataclass(frozen=True)
class Commit:
    """One commit of the range: id, parent ids, subject line, body (decoded text), the paths it
    touches (empty for a merge commit, whose changes are its pull request's) and whether all it changes
    is another platform's (an H5 or App block of a uni-app page, a Taro ``.rn.tsx`` file)."""

    sha: str
    parents: tuple[str, ...]
    subject: str
    body: str = ""
    files: tuple[str, ...] = ()
    other_platform: bool = False  # changes only what another platform ships (:mod:`.platform_only`)

    @property
    def is_merge(self) -> bool:
        return len(self.parents) > 1


@dataclass(frozen=True)
class PullInfo:
    """What the API says about a merged pull request: its title and label names."""

    number: int
    title: str
    labels: tuple[str, ...] = ()


@dataclass(frozen=True)
class Entry:
    """One line of 本次版本变更: its section, the cleaned sentence and where it came from (``#12`` for a
    pull request, else the commit id)."""

    section: Section
    text: str
    source: str
    vague: bool = False  # names nothing a reviewer could look for (细节优化, 修改了几个已知的bug)


@dataclass(frozen=True)
class _Unit:
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
    out = repo.run("log", "--reverse", "--no-renames", "--name-only", "-z",
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
        paths = tuple(p.decode("utf-8", "surrogateescape") for p in files.split(b"\0") if p.strip(b"\n"))
        parent_ids = tuple(parents.decode().split())
        touched = tuple(p.lstrip("\n") for p in paths)
        other = len(parent_ids) == 1 and only_other_platforms(repo, sha.decode(), parent_ids[0], touched)
        commits.append(Commit(sha.decode(), parent_ids, subject.strip(), body.strip(), touched, other))
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
                         pulls: Mapping[int, PullInfo] | None = None) -> list[Entry]:
    """The 本次版本变更 lines of ``commits`` (as :func:`read_commits` gives them, oldest first).

    ``types`` and ``labels`` extend :data:`DEFAULT_TYPES` and :data:`DEFAULT_LABELS` (``notes.types``,
    ``notes.labels`` of the config); ``pulls`` holds what the API said about merged pull requests, by
    number. One entry per unit, in history order; identical sentences are listed once.
    """
    type_map = {**DEFAULT_TYPES, **{k.lower(): v for k, v in (types or {}).items()}}
    label_map = {**DEFAULT_LABELS, **{_label_key(k): v for k, v in (labels or {}).items()}}
    pulls = pulls or {}
    units = _cancel_reverts(_units(commits), pulls)
    entries: list[Entry] = []
    seen: set[str] = set()
    for unit in units:
        for entry in _entries(unit, type_map, label_map, pulls):
            key = _same_line_key(entry.text)
            if entry.section == "skip" or key in seen:
                continue
            seen.add(key)
            entries.append(entry)
    return entries


def _entries(unit: _Unit, types: Mapping[str, Section], labels: Mapping[str, Section],
             pulls: Mapping[int, PullInfo]) -> list[Entry]:
    """The lines of one unit: each item of its pull request title, else each item of its commit message
    (:func:`message_items`), else (a merge without a title) its first commit that says something."""
    files = unit.files
    if files and all(_ci_or_docs(path) for path in files):
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
    return [Entry(by_label or e.section, e.text, unit.source, e.vague) for e in found if e is not None]


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


def _ci_or_docs(path: str) -> bool:
    return path.startswith((".github/", "ci/", "docs/")) or path == ".gitlab-ci.yml" or path.lower().endswith(".md")


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


# ----------------------------------------------------------------------------------------- text


_BULLET = re.compile(r"^(?:[-*+•·]\s+|\d{1,2}\s*[.、)）]\s*|[(（]\d{1,2}[)）]\s*)")
_BRANCH_FROM = re.compile(r"^Merge pull request [#!]\d+ from (?:[^/\s]+/)?(?P<branch>\S+)"
                          r"|^Merge branch '(?P<local>[^']+)'")
_BRANCH_LIKE = re.compile(r"^[A-Za-z][\w.-]*(?:/[\w.-]+)+$")


def split_items(text: str, types: Mapping[str, Section] | None = None) -> list[str]:
    """One line's items: ``fix: A / feat: B；fix: C`` gives ``fix: A``, ``feat: B``, ``fix: C`` — a new item
    starts wherever a Conventional Commit type of ``types`` (with its colon) follows a separator or a
    space. A line without a second type is one item."""
    names = sorted({*DEFAULT_TYPES, *(k.lower() for k in (types or {}))}, key=len, reverse=True)
    starts = re.compile(r"(?:^|[\s/|;；,，、]+)(?=(?:" + "|".join(re.escape(n) for n in names)
                        + r")(?:\([^)]*\))?!?\s*[:：])", re.IGNORECASE)
    cuts = [m.start() for m in starts.finditer(text) if m.start() > 0] + [len(text)]
    pieces, at = [], 0
    for cut in cuts:
        pieces.append(text[at:cut])
        at = cut
    return [p.strip(" /|;；,，、") for p in pieces if p.strip(" /|;；,，、")]


def _marked(line: str, types: Mapping[str, Section]) -> bool:
    """Whether a body line names its own change: a Conventional Commit type, a bracketed or Chinese
    prefix (``【修复】``, ``新增…``) or a gitmoji."""
    section, text = leading_gitmoji(line)
    if section is not None:
        return True
    conventional = _CONVENTIONAL.match(text)
    if conventional and conventional.group("type").lower() in types:
        return True
    bracketed = _BRACKETED.match(text)
    if bracketed and bracketed.group("word").strip().lower() in {*types, *_CHINESE_PREFIXES}:
        return True
    return _chinese_prefix(text) is not None


def message_items(subject: str, body: str, types: Mapping[str, Section] | None = None) -> list[str]:
    """The items of a commit message as Chinese teams write them: the subject's items
    (:func:`split_items`), then each body line that names its own change (``feat(cart): …``, ``- 新增…``,
    ``2、修复…``), list markers removed. Body lines that explain (no type, no prefix) are not items."""
    known = {**DEFAULT_TYPES, **{k.lower(): v for k, v in (types or {}).items()}}
    items = split_items(subject, known)
    for raw in body.splitlines():
        line = _BULLET.sub("", raw.strip())
        if line and _marked(line, known):
            items.extend(split_items(line, known))
    return items


def is_branch_name(title: str, merge_subject: str = "") -> bool:
    """Whether a pull request title is only a branch name: the branch the merge commit names (GitHub's
    default title is the branch with ``-``/``_`` as spaces and a capital first letter), or a ref-shaped
    word such as ``Feat/v1.1.0``."""
    bare = title.strip().lstrip("-*+ ").strip()
    found = _BRANCH_FROM.match(merge_subject)
    branch = (found.group("branch") or found.group("local")) if found else None
    if branch and _branch_words(bare) == _branch_words(branch):
        return True
    return _BRANCH_LIKE.match(bare) is not None


def _branch_words(text: str) -> str:
    return " ".join(re.split(r"[-_\s]+", text.lower())).strip()


_SAME_LINE_VERBS = ("新增", "增加", "添加", "修复", "修正", "优化", "调整", "改进")


def _same_line_key(text: str) -> str:
    """What makes two lines the same to a reader: case, spaces, punctuation and a leading section verb
    do not count (``新增首页`` and ``首页``, ``Fix crash.`` and ``fix crash``)."""
    key = re.sub(r"[\W_]+", "", text.lower())
    for verb in _SAME_LINE_VERBS:
        if key.startswith(verb) and len(key) > len(verb):
            return key[len(verb):]
    return key



def classify(message: str, types: Mapping[str, Section] | None = None) -> Entry | None:
    """Section and cleaned text of a commit subject or pull request title; None when nothing a reviewer
    can use is left (an empty or content-free message such as "update" or "修改")."""
    types = {**DEFAULT_TYPES, **(types or {})}
    section, text = leading_gitmoji(message.strip())
    explicit = section is not None
    bracketed = _BRACKETED.match(text)
    if bracketed:  # "[fix] …", "【新增】…", "(购物车) …": a type, or a scope that is dropped
        word = bracketed.group("word").strip().lower()
        marked = types.get(word) or DEFAULT_LABELS.get(word) or _CHINESE_PREFIXES.get(word) or _ENGLISH_VERBS.get(word)
        explicit = explicit or marked is not None
        section = marked or section
        text = bracketed.group("text")
    match = _CONVENTIONAL.match(text)
    if match and match.group("type").lower() in types:
        kind = match.group("type").lower()
        section = types[kind]
        explicit = True
        if (match.group("scope") or "").lower() in ("deps", "deps-dev", "ci", "docs"):
            section = "skip"
        text = match.group("text")
        if section != "skip":  # "fix: 优化小程序登录": the subject's own verb is more precise than the type
            section = leading_verb_section(text) or section
        text = _drop_verb(text, section)
    else:
        prefix = _chinese_prefix(text)
        if not explicit:  # the subject's own words: a fix word anywhere, else its earliest verb
            skipped = prefix is not None and _CHINESE_PREFIXES[prefix] == "skip"
            section = "skip" if skipped else verb_section(text) or (
                _CHINESE_PREFIXES[prefix] if prefix else None) or _english_verb(text)
        if prefix is not None:
            section = section or _CHINESE_PREFIXES[prefix]
            # drop the verb: the section heading says it (keep it when nothing follows)
            text = _after_verb(text[len(prefix):]) or text
    if _DEPENDENCY_BUMP.match(text) or text.lower().startswith(("merge ", "merge branch", "merge pull request")) \
            or text.startswith('Revert "'):
        section = "skip"
    cleaned = clean(text)
    if not cleaned or _says_nothing(cleaned):
        return None
    if section != "skip" and (is_housekeeping(cleaned) or names_other_platform_only(cleaned)):
        section = "skip"  # nothing the WeChat build shows: a refactor, a deleted folder, an H5 or App change
    return Entry(section or "improved", cleaned, "", vague=is_vague(cleaned))


def _after_verb(text: str) -> str:
    """What follows a leading verb: ``了下拉刷新…`` → ``下拉刷新…``."""
    text = text.lstrip(" ：:、-—")
    return text[1:].lstrip(" ：:、") if text.startswith("了") and len(text) > 3 else text


def _chinese_prefix(text: str) -> str | None:
    lowered = text.lower()
    found = [p for p in _CHINESE_PREFIXES if lowered.startswith(p)]
    return max(found, key=len) if found else None


def _english_verb(text: str) -> Section | None:
    word = re.match(r"[A-Za-z]+", text)
    return _ENGLISH_VERBS.get(word.group(0).lower()) if word else None


def _says_nothing(text: str) -> bool:
    bare = text.strip(" .。!！?？~～-—_:：;；,，'\"`").lower()
    return bare in _NO_CONTENT or len(bare) < 2 or not re.search(r"[^\W\d_]", bare) \
        or _VERSION_ONLY.fullmatch(bare) is not None


_SECTION_VERBS: dict[str, tuple[str, ...]] = {
    "added": ("新增", "增加", "添加"), "fixed": ("修复", "修正"), "improved": ("优化", "调整", "改进")}


def _drop_verb(text: str, section: Section) -> str:
    """``新增附近自提点地图`` under 新增 reads twice: drop a leading verb that repeats the section."""
    for verb in _SECTION_VERBS.get(section, ()):
        if text.startswith(verb) and len(text) >= len(verb) + 4:
            return text[len(verb):].lstrip(" ：:、")
    return text


_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.DOTALL)
_HTML_TAG = re.compile(r"</?[A-Za-z][^<>]*>|<![^<>]*>")
_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)|\[([^\]]+)\]\[[^\]]*\]")
_MD_STRONG = re.compile(r"(\*\*|__|~~)(?=\S)(.+?)(?<=\S)\1")
_MD_EMPHASIS = re.compile(r"(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])|(?<![\w_])_(?=\S)([^_]+?)(?<=\S)_(?![\w_])")
_SKIP_CI = re.compile(r"\[(?:skip ci|ci skip|no ci|skip actions|actions skip)\]", re.IGNORECASE)


def clean(text: str) -> str:
    """A reviewer-facing plain-text sentence: HTML (tags, comments, entities) and Markdown (emphasis,
    code, links, headings) reduced to their text, issue references and ``[skip ci]`` dropped,
    ``@mentions`` made inert, whitespace folded, trailing punctuation removed."""
    text = html.unescape(" ".join(text.split()))
    text = _HTML_COMMENT.sub("", text)
    text = _HTML_TAG.sub("", text)
    text = _MD_IMAGE.sub(r"\1", text)
    text = _MD_LINK.sub(lambda m: m.group(1) or m.group(2), text)
    for _ in range(2):  # ***both*** is strong inside emphasis
        text = _MD_STRONG.sub(r"\2", text)
        text = _MD_EMPHASIS.sub(lambda m: m.group(1) or m.group(2), text)
    text = text.replace("`", "")
    text = re.sub(r"^(?:#{1,6}|>|[-*+])\s+", "", text)
    text = _SKIP_CI.sub("", text)
    text = _ISSUE_REF.sub("", text)
    text = re.sub(r"\(\s*\)|（\s*）", "", text)
    text = _MENTION.sub("@\u200b", text)
    return " ".join(text.split()).strip(" .。;；,，")
