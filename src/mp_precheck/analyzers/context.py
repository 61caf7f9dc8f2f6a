"""What an analyzer sees: one project's facts at head, the findings so far, the config, and queries."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from typing import Protocol

from msgspec import Struct, field
from msgspec.structs import replace

from mp_precheck.core.catalog import Catalog, Rule, api_names
from mp_precheck.core.config import Config
from mp_precheck.core.report import Finding, Scope
from mp_precheck.core.subject import parse
from mp_precheck.facts.extract import SCRIPT_KINDS, reader_kind
from mp_precheck.facts.model import FileFacts
from mp_precheck.facts.scriptnames import Defined, defined_names
from mp_precheck.readers.conditional import compiles_conditionally, for_wechat
from mp_precheck.readers.discovery import Project
from mp_precheck.readers.finclip import as_wechat


class ProjectContext(Struct, frozen=True, weakref=True):
    """Inputs of the analyzers for one Mini Program.

    ``head_facts`` holds the changed head files; ``present_at_head(subjects)`` answers which subjects the
    project uses anywhere at head (changed or not); ``repo_grep(needles)`` maps each file of the whole
    head tree (cloud functions and server code included) to the fixed strings it contains;
    ``read_head(path)`` is a file's text at head or None; ``facts_at_head(path)`` its facts (changed or
    not; parsed once, cached by blob) or None when the file is not there. ``base_facts`` holds the
    changed base files and ``counterpart`` maps a changed head path to its base path (None when added);
    ``added_lines`` the lines the diff adds per head path; ``changed_paths`` are the head paths the
    change adds or modifies (any file, images included);
    ``read_head_bytes(paths)`` maps each path to its bytes at head (None when absent, a link or over 4 MB),
    read in one batch. ``cached_verdicts(kind, paths)`` holds the ``kind`` verdicts (``logo``) an earlier
    run gave the same head files (same blob, same file name), from the on-disk fact cache;
    ``keep_verdicts(kind, {path: verdict})`` stores new ones there (both do nothing without that cache).
    ``head_paths`` lists every file of the head tree (None when not known), so an analyzer can tell when
    no file outside the change is left to search; ``grep_files(needles, paths)`` answers as ``repo_grep`` for
    those head files only (None when only the whole tree can be searched). ``finclip(path)`` says whether the
    file is of a project built for FinClip (readers/finclip.py), whose scripts the facts read with ``ft`` as ``wx``.
    ``script_names(text, path, setup)`` gives the names a script defines (``readers/handlers.script_definitions``),
    read once per text (``facts/scriptnames.py``). ``shipped_texts`` is :func:`as_shipped`'s memo, shared by the
    context's copies (keyed by the reader, so a copy reading other texts keeps apart). ``release``: the run drafts the
    notes of a release (:class:`~mp_precheck.core.analysis.RunOptions`), whose reviewer meets the whole app at head.
    """

    project: Project
    head_facts: Mapping[str, FileFacts]
    config: Config
    catalog: Catalog
    language: str
    present_at_head: Callable[[set[str]], set[str]]
    repo_grep: Callable[[set[str]], dict[str, set[str]]]
    read_head: Callable[[str], str | None]
    facts_at_head: Callable[[str], FileFacts | None]
    base_facts: Mapping[str, FileFacts] = field(default_factory=dict)
    counterpart: Mapping[str, str | None] = field(default_factory=dict)
    # The pages the base app config registers (as app.json names them): what users could open before.
    base_pages: tuple[str, ...] = ()
    changed_paths: frozenset[str] = frozenset()
    added_lines: Mapping[str, frozenset[int]] = field(default_factory=dict)
    read_head_bytes: Callable[[Sequence[str]], dict[str, bytes | None]] = lambda paths: dict.fromkeys(paths)
    exists_at_head: Callable[[str], bool] = lambda path: False
    # A file's text at the merge base (None when absent or unreadable): what a head file was before.
    read_base: Callable[[str], str | None] = lambda path: None
    cached_verdicts: Callable[[str, Sequence[str]], dict[str, bool]] = lambda kind, paths: {}
    keep_verdicts: Callable[[str, Mapping[str, bool]], None] = lambda kind, verdicts: None
    head_paths: Collection[str] | None = None
    # repo_grep over only these head files (paths as written): None when the caller can search the whole tree only.
    grep_files: Callable[[set[str], Sequence[str]], dict[str, set[str]]] | None = None
    finclip: Callable[[str], bool] = lambda path: False
    script_names: Defined = field(default_factory=defined_names)
    shipped_texts: dict[tuple[object, bool, object], dict[str, str | None]] = field(default_factory=dict)
    release: bool = False

    def finding(self, rule_id: str, subject: str, path: str, line: int, scope: Scope = "app",
                value: str | None = None, privacy_key: str | None = None) -> Finding:
        """A finding of catalog rule ``rule_id`` worded in the run's language."""
        return catalog_finding(self.catalog, self.language, rule_id, subject, path, line, scope, value,
                               privacy_key, self.project.root)


def catalog_finding(catalog: Catalog, language: str, rule_id: str, subject: str, path: str, line: int,
                    scope: Scope = "app", value: str | None = None, privacy_key: str | None = None,
                    project: str = "") -> Finding:
    """A finding of catalog rule ``rule_id`` (its severity, family, title and fix in ``language``).

    Raises:
        KeyError: no such rule (a programming error).
        SubjectError: ``subject`` is no subject of the grammar (a programming error: every output reads it).
    """
    parse(subject)
    rule = catalog.rule(rule_id)
    privacy = catalog.privacy_type(privacy_key or rule.privacy_key)
    return Finding(rule=rule.id, family=rule.family, severity=rule.severity, subject=subject, scope=scope,
                   path=path, line=line, title=rule.title[language], fix=rule.fix[language], doc=rule.doc,
                   privacy_type=privacy.label if privacy else None, privacy_key=privacy.key if privacy else None,
                   value=value, project=project)


def as_shipped(context: ProjectContext) -> ProjectContext:
    """``context`` whose ``read_head`` and ``read_base`` give each file as the fact extraction reads it, the way the
    project's build ships it to WeChat: in a framework project (uni-app's ``// #ifdef H5`` … ``// #endif``) the
    blocks of other platforms, and the hooks and functions only they reach, are blank lines
    (:func:`mp_precheck.readers.conditional.for_wechat`), line numbers kept; a native project's files as written, its
    ``#ifdef`` a plain comment (https://uniapp.dcloud.net.cn/tutorial/platform.html); and in a FinClip script the
    global ``ft`` written ``wx`` (:func:`mp_precheck.readers.finclip.as_wechat`). For an analyzer that reads code
    itself: what only another platform runs is no wall a WeChat user meets, no share or post it sends, and no wall
    the app had."""
    compiled = compiles_conditionally(context.project.framework)
    return replace(context, read_head=_shipped(context.read_head, compiled, context.finclip, context.shipped_texts),
                   read_base=_shipped(context.read_base, compiled, context.finclip, context.shipped_texts))


def _shipped(read: Callable[[str], str | None], compiled: bool, finclip: Callable[[str], bool],
             memo: dict[tuple[object, bool, object], dict[str, str | None]]) -> Callable[[str], str | None]:
    """``read`` with each file's text as the facts read it (:func:`as_shipped`), worked out once per path in a run:
    every analyzer asking for the same reader, build and FinClip test shares the texts ``memo`` keeps for them."""
    seen = memo.setdefault((read, compiled, finclip), {})

    def read_shipped(path: str) -> str | None:
        if path not in seen:
            text = read(path)
            if text is not None:
                text = for_wechat(text, path, compiled)
                if reader_kind(path) in SCRIPT_KINDS:
                    text = as_wechat(text, finclip(path), api_names, path)
            seen[path] = text
        return seen[path]
    return read_shipped


def reworded(finding: Finding, rule: Rule, language: str, **changes: object) -> Finding:
    """``finding`` moved to another catalog ``rule`` (title, fix, doc, family), with other field changes."""
    fields: dict[str, object] = {"rule": rule.id, "family": rule.family, "title": rule.title[language],
                                 "fix": rule.fix[language], "doc": rule.doc, **changes}
    return replace(finding, **fields)


class Analyzer(Protocol):
    """Takes the project context and the findings so far; returns the findings after its one job."""

    def __call__(self, context: ProjectContext, findings: list[Finding]) -> list[Finding]: ...

