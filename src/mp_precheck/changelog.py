"""Commit messages of a range, classified into the 本次版本变更 sections: 新增 / 优化 / 修复.

Conventional Commits (``feat(cart): …`` → added, ``fix: …`` → fixed, ``perf``/``refactor``/``style`` →
improved) and Chinese prefixes (``新增：…``, ``优化 …``, ``修复：…``) decide the section; ``chore``,
``ci``, ``docs``, ``test``, ``build`` and dependency bumps are left out. Entries read as sentences for
a reviewer: prefix and scope removed, issue references dropped, ``@mentions`` made inert.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from .gitrepo import GitRepo
from .textcodec import UndecodableFile, decode

Section = Literal["added", "improved", "fixed", "skip"]

DEFAULT_TYPES: dict[str, Section] = {
    "feat": "added", "feature": "added", "fix": "fixed", "bugfix": "fixed", "hotfix": "fixed",
    "perf": "improved", "refactor": "improved", "style": "improved", "improve": "improved", "ui": "improved",
    "chore": "skip", "ci": "skip", "docs": "skip", "doc": "skip", "test": "skip", "tests": "skip",
    "build": "skip", "release": "skip", "wip": "skip", "merge": "skip", "revert": "skip", "deps": "skip",
}
_CHINESE_PREFIXES: tuple[tuple[tuple[str, ...], Section], ...] = (
    (("新增", "新功能", "增加", "添加", "上线", "支持"), "added"),
    (("修复", "修正", "修改bug", "解决", "fix"), "fixed"),
    (("优化", "调整", "改进", "重构", "更新", "完善", "美化", "提升"), "improved"),
    (("文档", "注释", "依赖", "升级依赖", "构建", "测试"), "skip"),
)
_CONVENTIONAL = re.compile(r"^(?P<type>[A-Za-z]+)(?:\((?P<scope>[^)]*)\))?(?P<bang>!)?\s*[:：]\s*(?P<text>.+)$")
_ISSUE_REF = re.compile(r"\s*\(?(?:(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?|refs?)\s+)?(?:[\w.-]+/[\w.-]+)?#\d+\)?",
                        re.IGNORECASE)
_MENTION = re.compile(r"(?<![\w@])@(?=[A-Za-z0-9-])")


@dataclass(frozen=True)
class Commit:
    """One commit of the range: id, parent ids, subject line and body (decoded text)."""

    sha: str
    parents: tuple[str, ...]
    subject: str
    body: str = ""

    @property
    def is_merge(self) -> bool:
        return len(self.parents) > 1


@dataclass(frozen=True)
class Entry:
    """One line of 本次版本变更: its section and the cleaned sentence."""

    section: Section
    text: str
    source: str  # the commit id or "#<pr>"


def read_commits(repo: GitRepo, base: str, head: str) -> list[Commit]:
    """Commits reachable from ``head`` but not ``base``, oldest first."""
    out = repo.run("log", "--reverse", "--format=%H%x1f%P%x1f%B%x1e", f"{base}..{head}")
    commits = []
    for record in out.split(b"\x1e"):
        record = record.strip(b"\n")
        if not record:
            continue
        sha, parents, message = record.split(b"\x1f", 2)
        try:
            text = decode(message).text.strip()
        except UndecodableFile:
            text = message.decode("utf-8", "replace").strip()
        subject, _, body = text.partition("\n")
        commits.append(Commit(sha.decode(), tuple(parents.decode().split()), subject.strip(), body.strip()))
    return commits


def classify(message: str, types: Mapping[str, Section] | None = None) -> Entry | None:
    """Section and cleaned text of a commit subject or PR title; None when it has no text left."""
    types = {**DEFAULT_TYPES, **(types or {})}
    text = message.strip()
    section: Section | None = None
    match = _CONVENTIONAL.match(text)
    if match and match.group("type").lower() in types:
        kind = match.group("type").lower()
        section = types[kind]
        scope = (match.group("scope") or "").lower()
        if kind in ("chore", "build") or scope in ("deps", "deps-dev", "ci", "docs"):
            section = "skip"
        text = _drop_verb(match.group("text"), section)
    else:
        for prefixes, candidate in _CHINESE_PREFIXES:
            prefix = next((p for p in prefixes if text.lower().startswith(p)), None)
            if prefix is not None:
                section = candidate
                # keep the verb for added/fixed lines only when nothing follows it
                rest = text[len(prefix):].lstrip(" ：:、-—")
                text = rest or text
                break
    if text.lower().startswith(("merge ", "merge branch", "merge pull request", "revert ")):
        section = "skip"
    cleaned = clean(text)
    if not cleaned:
        return None
    return Entry(section or "improved", cleaned, "")


_SECTION_VERBS: dict[str, tuple[str, ...]] = {
    "added": ("新增", "增加", "添加"), "fixed": ("修复", "修正"), "improved": ("优化", "调整", "改进")}


def _drop_verb(text: str, section: Section) -> str:
    """``新增附近自提点`` under 新增 reads twice: drop a leading verb that repeats the section."""
    for verb in _SECTION_VERBS.get(section, ()):
        if text.startswith(verb) and len(text) >= len(verb) + 4:
            return text[len(verb):].lstrip(" ：:、")
    return text


def clean(text: str) -> str:
    """A reviewer-facing sentence: issue refs dropped, @mentions made inert, whitespace folded."""
    text = _ISSUE_REF.sub("", text)
    text = _MENTION.sub("@\u200b", text)
    return " ".join(text.split()).strip(" .。;；,，")


def entries_from_commits(commits: list[Commit], types: Mapping[str, Section] | None = None) -> list[Entry]:
    """Entries of a commit list: merges skipped, a revert cancels its target, duplicates merged."""
    reverted: set[str] = set()
    for commit in commits:
        match = re.match(r'^Revert "(.+)"$', commit.subject)
        if match:
            reverted.add(match.group(1))
    entries: list[Entry] = []
    seen: set[str] = set()
    for commit in commits:
        if commit.is_merge or commit.subject in reverted or commit.subject.startswith('Revert "'):
            continue
        entry = classify(commit.subject, types)
        if entry is None or entry.section == "skip" or entry.text in seen:
            continue
        seen.add(entry.text)
        entries.append(Entry(entry.section, entry.text, commit.sha))
    return entries
