"""An analyzer's :class:`ProjectContext` built in memory, without git, so an analyzer test is a few lines.

Files are given as ``{path: text or bytes}`` at head (and optionally at base); their facts come from the
real readers (:func:`mp_precheck.facts.extract.extract`), the project from the real discovery. The
findings an analyzer receives are made with :func:`finding` from the shipped catalog.
"""

from __future__ import annotations

import difflib
import hashlib
from collections.abc import Iterable, Mapping
from functools import cache

from mp_precheck.analyzers import ProjectContext
from mp_precheck.analyzers.context import catalog_finding
from mp_precheck.core.catalog import Catalog, load_catalog
from mp_precheck.core.config import Config, parse_config
from mp_precheck.core.report import Finding, Scope
from mp_precheck.facts.extract import extract, reader_kind
from mp_precheck.facts.model import FileFacts
from mp_precheck.git.repo import TreeEntry
from mp_precheck.readers.discovery import Project, discover

APP_JSON = '{"pages": ["pages/index/index"]}\n'


@cache
def catalog() -> Catalog:
    return load_catalog()


def _bytes(content: str | bytes) -> bytes:
    return content.encode("utf-8") if isinstance(content, str) else content


def _added_lines(before: str | bytes | None, after: str | bytes) -> frozenset[int]:
    """Line numbers of ``after`` that a diff from ``before`` adds (all of them for a new file)."""
    new = _bytes(after).decode("utf-8", "replace").splitlines()
    if before is None:
        return frozenset(range(1, len(new) + 1))
    old = _bytes(before).decode("utf-8", "replace").splitlines()
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    return frozenset(line + 1 for tag, _a0, _a1, b0, b1 in matcher.get_opcodes() if tag in ("replace", "insert")
                     for line in range(b0, b1))


def project_context(files: Mapping[str, str | bytes], *, changed: Iterable[str] | None = None,
                    base: Mapping[str, str | bytes] | None = None, config: str | Config | None = None,
                    language: str = "zh-CN") -> ProjectContext:
    """The context of the project in ``files`` (head). ``changed`` are the paths the change adds or
    modifies (default: every file); ``base`` the files before the change (a changed path absent there is
    new); ``config`` the ``.mp-precheck.yml`` text or a :class:`Config`. An ``app.json`` is added when
    ``files`` has no app configuration."""
    head = dict(files)
    if not any(p.endswith(("app.json", "pages.json", "app.config.js", "app.mpx", "app.wpy")) for p in head):
        head = {"app.json": APP_JSON, "app.js": "App({})\n", **head}
    base = dict(base or {})
    changed_paths = list(files) if changed is None else list(changed)
    if isinstance(config, str):
        config = parse_config(config, ".mp-precheck.yml")
    facts = {path: extract(path, _bytes(text)) for path, text in head.items() if reader_kind(path)}
    base_facts = {path: extract(path, _bytes(text)) for path, text in base.items() if reader_kind(path)}

    def read_head(path: str) -> str | None:
        return _bytes(head[path]).decode("utf-8", "replace") if path in head else None

    entries = [TreeEntry(path, "100644", hashlib.sha1(_bytes(text)).hexdigest(), len(_bytes(text)))
               for path, text in head.items()]
    projects = discover(entries, read_head)
    project = projects[0] if projects else Project("", "native")

    def present_at_head(subjects: set[str]) -> set[str]:
        return {f.subject for ff in facts.values() for f in ff.facts if f.subject in subjects}

    def repo_grep(needles: set[str]) -> dict[str, set[str]]:
        hits = {path: {n for n in needles if n in (read_head(path) or "")} for path in head}
        return {path: found for path, found in hits.items() if found}

    return ProjectContext(
        project=project, head_facts={p: facts[p] for p in changed_paths if p in facts},
        config=config or Config(), catalog=catalog(), language=language, present_at_head=present_at_head,
        repo_grep=repo_grep, read_head=read_head, facts_at_head=facts.get,
        base_facts=base_facts, counterpart={p: p if p in base else None for p in changed_paths},
        changed_paths=frozenset(changed_paths),
        added_lines={p: _added_lines(base.get(p), head[p]) for p in changed_paths if p in head},
        read_head_bytes=lambda path: _bytes(head[path]) if path in head else None,
        exists_at_head=head.__contains__)


def finding(rule_id: str, subject: str, path: str, line: int = 1, scope: Scope = "app",
            value: str | None = None, language: str = "zh-CN") -> Finding:
    """A finding of catalog rule ``rule_id`` as the semantic diff hands it to the analyzers."""
    return catalog_finding(catalog(), language, rule_id, subject, path, line, scope, value)


def facts_of(context: ProjectContext, path: str) -> FileFacts:
    """The facts the context holds for ``path`` at head (a test's check of its own input)."""
    found = context.facts_at_head(path)
    assert found is not None, path
    return found
