"""What a change relaxes in mp-precheck itself: its config, its accepted-risk baseline, new suppression
comments. The run still uses the base revision's config; this finding tells reviewers that the next
runs will check less, and exactly what. A config or baseline the change leaves invalid is told apart: once
merged, no later run could read it."""

from __future__ import annotations

from collections.abc import Callable

from mp_precheck.analyzers.context import catalog_finding
from mp_precheck.core.baseline import BASELINE_NAME, parse_baseline
from mp_precheck.core.catalog import Catalog
from mp_precheck.core.config import CONFIG_NAME, Config, KnownNames, known_names, parse_config
from mp_precheck.core.errors import ConfigError
from mp_precheck.core.report import Finding
from mp_precheck.core.suppression import Suppression
from mp_precheck.core.vocabulary import FAIL_ON, severity_rank
from mp_precheck.git.repo import GitRepo
from mp_precheck.readers.textcodec import UndecodableFile, decode

# From strictest to most lenient: moving right relaxes the gate.
_FAIL_ORDER = (*FAIL_ON[1:], FAIL_ON[0])


def config_problem(text: str | None, path: str, known: KnownNames) -> str | None:
    """Why a run could not use config ``text`` read from ``path`` (its schema, or a rule id or privacy type not
    in ``known``), the path left out; None when it can or there is no file."""
    if text is None:
        return None
    try:
        parse_config(text, path, known)
    except ConfigError as exc:
        return str(exc).removeprefix(f"{path}: ")
    return None


def baseline_problem(text: str | None, path: str, known: KnownNames) -> str | None:
    """Why a run could not use the baseline ``text`` read from ``path`` (``known`` unused: the same shape as
    :func:`config_problem`); None when it can or there is no file."""
    if text is None:
        return None
    try:
        parse_baseline(text, path)
    except ConfigError as exc:
        return str(exc).removeprefix(f"{path}: ")
    return None


def config_relaxations(base_text: str | None, head_text: str | None, path: str) -> list[str]:
    """Human-readable changes that make ``head_text`` less strict than ``base_text`` (both may be None; an
    invalid ``head_text`` relaxes nothing: :func:`config_problem` tells it)."""
    if head_text is None or head_text == base_text:
        return []
    try:
        head = parse_config(head_text, path)
    except ConfigError:
        return []
    try:
        base = parse_config(base_text, path) if base_text is not None else Config()
    except ConfigError:
        base = Config()
    changes: list[str] = []
    for rule, value in sorted(head.rules.items()):
        before = base.rules.get(rule, True)
        if value is False and before is not False:
            changes.append(f"rules.{rule}: off")
        elif isinstance(value, str) and (before is True or (isinstance(before, str) and
                                         severity_rank(value) > severity_rank(before))):
            changes.append(f"rules.{rule}: {before if isinstance(before, str) else 'catalog'} → {value}")
    before_fail, after_fail = base.fail_on or "high", head.fail_on or "high"
    if _FAIL_ORDER.index(after_fail) > _FAIL_ORDER.index(before_fail):
        changes.append(f"fail_on: {before_fail} → {after_fail}")
    changes += [f"exclude: + {p}" for p in head.exclude if p not in base.exclude]
    declared_before = base.declared_privacy or ()
    changes += [f"privacy.declared: + {p}" for p in head.declared_privacy or () if p not in declared_before]
    for kind, hosts in sorted(head.domains.items()):
        changes += [f"domains.{kind}: + {h}" for h in hosts if h not in base.domains.get(kind, ())]
    changes += [f"categories: + {c}" for c in head.categories or () if c not in (base.categories or ())]
    if head.content_security_external and not base.content_security_external:
        changes.append(f"content_security.external: {head.content_security_external}")
    changes += [f"branding.allow: + {p}" for p in head.branding_allow if p not in base.branding_allow]
    return changes


def baseline_relaxations(base_text: str | None, head_text: str | None, path: str) -> list[str]:
    """Fingerprints the change adds to the accepted-risk baseline, as one line, or nothing."""
    if head_text is None or head_text == base_text:
        return []
    try:
        head = parse_baseline(head_text, path)
    except ConfigError:
        return []
    try:
        base = parse_baseline(base_text, path) if base_text is not None else {}
    except ConfigError:
        base = {}
    added = [a for fp, a in head.items() if fp not in base]
    if not added:
        return []
    return [f"accepts {len(added)} more finding(s): " + ", ".join(sorted({f"{a.rule} in {a.path}" for a in added}))]


def suppression_relaxations(suppressions: list[Suppression],
                            added_lines: dict[str, frozenset[int]]) -> list[Suppression]:
    """Directives on lines the change adds."""
    return [s for s in suppressions if s.line in added_lines.get(s.path, frozenset())]


def relaxation_findings(repo: GitRepo, base: str, head: str, catalog: Catalog, language: str,
                        config_path: str | None) -> list[Finding]:
    """Changes that make later runs check less to ``.mp-precheck.yml``, to the config file the run uses
    (``config_path``, e.g. the Action's ``config`` input) and to the baseline, each against its ``base`` version;
    one of them the change leaves invalid is ``policy.invalid_config`` instead, with why. Returns the findings
    (``policy.relaxes_check``, ``policy.invalid_config``) at line 1 of each file."""
    out = []
    Compare = Callable[[str | None, str | None, str], list[str]]
    Problem = Callable[[str | None, str, KnownNames], str | None]
    compared: dict[str, tuple[Compare, Problem]] = {CONFIG_NAME: (config_relaxations, config_problem)}
    if config_path:
        compared[config_path] = (config_relaxations, config_problem)
    compared[BASELINE_NAME] = (baseline_relaxations, baseline_problem)
    files = repo.read_files([(rev, name) for rev in (base, head) for name in compared])
    known = known_names(catalog)
    for name, (compare_texts, problem_of) in compared.items():
        before, after = files[(base, name)], files[(head, name)]
        if before == after:
            continue
        try:
            problem = problem_of(decode(after).text, name, known) if after is not None else None
        except UndecodableFile as exc:  # later runs could not read it either
            problem = str(exc)
        if problem:
            out.append(catalog_finding(catalog, language, "policy.invalid_config", name, name, 1, value=problem))
            continue
        changes = compare_texts(_text_or_none(before), _text_or_none(after), name)
        if changes:
            out.append(catalog_finding(catalog, language, "policy.relaxes_check", f"{name}", name, 1,
                                       value="; ".join(changes)))
    return out


def _text_or_none(data: bytes | None) -> str | None:
    if data is None:
        return None
    try:
        return decode(data).text
    except UndecodableFile:
        return ""
