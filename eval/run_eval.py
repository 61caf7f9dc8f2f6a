#!/usr/bin/env python3
"""Score mp-precheck on labelled real commits (eval/README.md).

Usage:
  MIRRORS=DIR python3 eval/run_eval.py [--corpus eval/corpus.yml] [--mpp PATH] [--cases id,id]
                                      [--json OUT] [--leaks] [--no-cache]
  python3 eval/run_eval.py [--corpus …] [--cases …] --rescore OUT.json [--json NEW]   (labels changed: no run)

MIRRORS holds a bare clone of every corpus repository as ``DIR/<owner>+<name>/repo``. Each case becomes a
fresh two-commit repository (the base tree, then the head tree), so the tool sees exactly the labelled
diff and nothing of the repository's other history. Scoring, per family:

- a *hit* is a finding of the expected family on the expected file, within five lines of the expected line
  (or of one of its ``alt_lines``), whose JSON names the key's token (API name, tag, open-type value, host;
  its advice text, ``fix`` and ``doc``, is left out: it names APIs and hosts the finding is not about);
  login, branding and sharing keys are prose, so for them family, file and line decide;
- a *false alarm* is a finding in one of the eight families that matches nothing expected, is not near an
  ``ambiguous`` item, and is not a second finding of an expected family on an expected file; cases marked
  ``expected_findings_complete: false`` (whole-app imports) count no false alarms;
- a *must-not-flag hit* is an unmatched finding on a ``must_not_flag`` place (within two lines and naming its
  token; family ``none`` means any finding of the eight families anywhere in that file — the completeness and
  policy findings are scored nowhere, so no label speaks for or against them). The target is zero;
- an *error* is a run that did not print a JSON report;
- with ``--leaks``, every output format (Markdown, JSON, SARIF, annotations, code quality, notes) is also
  searched for an unredacted secret (``secret=`` values, AppSecret-like assignments). The target is zero.

The same rules score any corpus file in this schema, so figures from two corpora compare.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
FAMILIES = ("privacy", "upload", "payment", "external_link", "category", "login", "branding", "sharing")
PROSE_FAMILIES = {"login", "branding", "sharing", "none"}
CACHE = Path(tempfile.gettempdir()) / "mp-precheck-eval"
GIT_ENV = {"GIT_AUTHOR_NAME": "eval", "GIT_AUTHOR_EMAIL": "eval@example.invalid", "GIT_COMMITTER_NAME": "eval",
           "GIT_COMMITTER_EMAIL": "eval@example.invalid", "GIT_AUTHOR_DATE": "2026-01-01T00:00:00Z",
           "GIT_COMMITTER_DATE": "2026-01-01T00:00:00Z"}

Case = dict[str, Any]
Finding = dict[str, Any]

# ---------------------------------------------------------------- materializing a case


def mirror_path(case: Case) -> Path:
    root = os.environ.get("MIRRORS")
    if not root:
        sys.exit("run_eval: set MIRRORS to the folder holding <owner>+<name>/repo bare clones")
    clone = Path(root) / case["repo"].replace("/", "+") / "repo"
    # a bare clone, or the git directory of an ordinary clone in that place
    return clone / ".git" if (clone / ".git").is_dir() else clone


def missing_blobs(mirror: Path, rev: str) -> list[str]:
    """Paths of ``rev``'s tree whose blobs the snapshot lacks (some snapshots leave out large files)."""
    listing = subprocess.run(["git", f"--git-dir={mirror}", "ls-tree", "-r", "-z", rev], capture_output=True,
                             check=True).stdout.decode("utf-8", errors="surrogateescape")
    blobs = [(meta.split()[2], path) for meta, _, path in (entry.partition("\t") for entry in listing.split("\0"))
             if path and meta.split()[1] == "blob"]
    if not blobs:
        return []
    checked = subprocess.run(["git", f"--git-dir={mirror}", "cat-file", "--batch-check"], capture_output=True,
                             input="\n".join(sha for sha, _ in blobs).encode(), check=True).stdout.decode()
    answers = checked.splitlines()
    return [path for (_sha, path), answer in zip(blobs, answers, strict=True) if answer.endswith(" missing")]


def _write_tree(mirror: Path, rev: str, excludes: Iterable[str], dest: Path) -> None:
    excludes = [*excludes, *missing_blobs(mirror, rev)]
    pathspec = ["--", "."] + [f":(exclude,literal){p}" for p in excludes]
    archive = subprocess.run(["git", f"--git-dir={mirror}", "archive", "--format=tar", rev, *pathspec],
                             capture_output=True, check=False)
    if archive.returncode != 0 and not archive.stdout:
        raise RuntimeError(f"git archive {rev} failed: {archive.stderr.decode(errors='replace').strip()[-200:]}")
    if archive.stdout:
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            tar.extractall(dest, filter="tar")


def materialize(case: Case) -> tuple[Path, str, str]:
    """A two-commit repository for ``case`` (cached by repository, base, head and excludes)."""
    excludes = case.get("exclude_paths") or []
    # "tracked": trees are committed whole, ignored paths included (v1 caches lost those: a new key)
    key = hashlib.sha1(f"{case['repo']} {case['base']} {case['head']} {excludes} tracked".encode()).hexdigest()[:12]
    final = CACHE / f"{case['id']}-{key}"
    marker = final / ".git" / "eval-commits"
    if marker.exists():
        base, head = marker.read_text().split()
        return final, base, head
    # built under a name of this process's own, then renamed: two runs sharing the cache never build into
    # each other's half-made repository
    repo = CACHE / f".{final.name}.{os.getpid()}"
    shutil.rmtree(repo, ignore_errors=True)
    repo.mkdir(parents=True)
    env = {**os.environ, **GIT_ENV}

    def git(*args: str) -> str:
        return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=True,
                              env=env).stdout.strip()

    git("init", "-q", "-b", "main")
    git("config", "core.autocrlf", "false")
    mirror = mirror_path(case)
    if not case.get("base_is_empty_tree"):
        _write_tree(mirror, case["base"], excludes, repo)
    # -f: the archive holds exactly the commit's tracked files; the repository's own .gitignore
    # (``/manifest.json``, ``project.config.json``) must not drop the ones it tracks anyway.
    git("add", "-A", "-f")
    git("commit", "-q", "--allow-empty", "-m", "base")
    base = git("rev-parse", "HEAD")
    for child in repo.iterdir():
        if child.name != ".git":
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child)
            else:
                child.unlink()
    _write_tree(mirror, case["head"], excludes, repo)
    git("add", "-A", "-f")
    # a subject that is only a trailer (Signed-off-by: …) is an empty message to git: allowed, it is only a label
    git("commit", "-q", "--allow-empty", "--allow-empty-message", "-m", case.get("head_subject") or "head")
    head = git("rev-parse", "HEAD")
    (repo / ".git" / "eval-commits").write_text(f"{base} {head}")
    if not marker.exists():  # else another run finished the same case first (same commits): use its copy
        shutil.rmtree(final, ignore_errors=True)  # a half-made one left by a run that was stopped
        with contextlib.suppress(OSError):
            repo.rename(final)
    shutil.rmtree(repo, ignore_errors=True)
    return final, base, head


# ---------------------------------------------------------------- running the tool


def run_tool(mpp: str, repo: Path, base: str, head: str, fmt: str = "json") -> subprocess.CompletedProcess[str]:
    return subprocess.run([mpp, "diff", "--repo", str(repo), "--base", base, "--head", head, "--format", fmt,
                           "--fail-on", "none"], capture_output=True, text=True, timeout=900, check=False)


def findings_of(mpp: str, repo: Path, base: str, head: str) -> tuple[list[Finding], str]:
    """The unsuppressed findings of one run, or an error text when the run printed no JSON report."""
    done = run_tool(mpp, repo, base, head)
    try:
        report = json.loads(done.stdout)
    except ValueError:
        return [], f"exit {done.returncode}: {done.stderr.strip()[-300:]}"
    return [f for f in report.get("findings", []) if not f.get("suppressed")], ""


# A secret value after ``secret=`` or assigned to an AppSecret-like name; redacted forms are all stars/dots.
_SECRET = re.compile(r"(?:[?&]secret=|app_?secret[\"']?\s*[:=]\s*[\"']?)([A-Za-z0-9]{8,})", re.IGNORECASE)


def leaked_secrets(mpp: str, repo: Path, base: str, head: str) -> list[str]:
    """Unredacted secret values found in any output format of one run (a value's first 4 characters)."""
    outputs = []
    for fmt in ("markdown", "json", "sarif", "github", "codequality"):
        done = run_tool(mpp, repo, base, head, fmt)
        outputs.append(done.stdout + done.stderr)
    notes = subprocess.run([mpp, "notes", "--repo", str(repo), "--base", base, "--head", head],
                           capture_output=True, text=True, timeout=900, check=False)
    outputs.append(notes.stdout + notes.stderr)
    return sorted({m.group(1)[:4] + "…" for text in outputs for m in _SECRET.finditer(text)})


# ---------------------------------------------------------------- scoring


def token_of(key: str | None, family: str | None) -> str | None:
    """The identifying token of a label's key (lower case), or None where family, file and line decide."""
    if family in PROSE_FAMILIES or family is None or not key:
        return None
    patterns = (r"<([a-z][a-z-]*)", r"https?://([A-Za-z0-9.-]+)", r"\bhost:([A-Za-z0-9.-]+)",
                r"\b(?:open-type|openType)\s*=\s*['\"{]?([A-Za-z]+)", r"\btype=(nickname)\b",
                r"\b(?:wx|uni|Taro|taro|wepy|mpx|WXAPI|VodUploader)\.(?:[A-Za-z]+\.)*([A-Za-z]+)",
                r"\b(requiredPrivateInfos|navigateToMiniProgramAppIdList|permission|live-pusher|live-player|"
                r"miniProgram)\b")
    for pattern in patterns:
        match = re.search(pattern, key)
        if match:
            return match.group(1).lower()
    return None


# Advice and links name APIs and hosts the finding is not about ("no IP address or localhost"): a token must be
# named by what the finding reports, not by what it recommends.
ADVICE_FIELDS = frozenset({"fix", "doc", "suppression_reason", "fingerprint"})


def names_token(finding: Finding, key: str | None, family: str | None) -> bool:
    token = token_of(key, family)
    if token is None:
        return True
    named = {name: value for name, value in finding.items() if name not in ADVICE_FIELDS}
    return token in json.dumps(named, ensure_ascii=False).lower()


def near(finding: Finding, file: str, line: int | None, tolerance: int) -> bool:
    if str(finding.get("path", "")).lstrip("./") != file.lstrip("./"):
        return False
    return line is None or finding.get("line") is None or abs(int(finding["line"]) - int(line)) <= tolerance


def score_case(case: Case, found: list[Finding]) -> dict[str, Any]:
    """Hits, misses, false alarms and must-not-flag hits of one case's findings."""
    expected = case.get("expected_findings") or []
    used: set[int] = set()
    hits: collections.Counter[str] = collections.Counter()
    misses: collections.Counter[str] = collections.Counter()
    alarms_by_family: collections.Counter[str] = collections.Counter()
    missed, alarms, mnf = [], [], []
    for item in expected:
        lines = [item.get("line"), *(item.get("alt_lines") or [])]
        matching = [i for i, f in enumerate(found) if f.get("family") == item["family"]
                    and any(near(f, item["file"], ln, 5) for ln in lines)
                    and names_token(f, item.get("key"), item["family"])]
        if matching:
            hits[item["family"]] += 1
            used.update(matching)
        else:
            misses[item["family"]] += 1
            missed.append(f"{item['family']} {item.get('key')} {item['file']}:{item.get('line')}")
    ambiguous = [a for a in case.get("ambiguous") or [] if a.get("file")]
    counts_alarms = case.get("expected_findings_complete") is not False
    for i, f in enumerate(found):
        if i in used or any(near(f, a["file"], ln, 5) for a in ambiguous
                             for ln in [a.get("line"), *(a.get("alt_lines") or [])]):
            continue
        if any(f.get("family") == e["family"] and near(f, e["file"], None, 0) for e in expected):
            continue
        if counts_alarms and f.get("family") in FAMILIES:
            alarms_by_family[f["family"]] += 1
            alarms.append(f"{f['family']} {f.get('rule', '')} {f.get('subject', '')} {f.get('path')}:{f.get('line')}")
    for place in case.get("must_not_flag") or []:
        family, file = place.get("family"), place.get("file") or place.get("base_file")
        if not file:
            continue
        for i, f in enumerate(found):
            if i in used:
                continue
            if family in (None, "none"):
                bad = f.get("family") in FAMILIES and near(f, file, None, 0)
            else:
                bad = (f.get("family") == family and place.get("line") is not None
                       and near(f, file, place["line"], 2) and names_token(f, place.get("key"), family))
            if bad:
                mnf.append(f"{place.get('key')} {file}")
                break
    return {"hits": hits, "misses": misses, "alarms": alarms_by_family, "missed": missed,
            "false_alarms": alarms, "must_not_flag": mnf}


def _ratio(num: int, den: int) -> float | None:
    return round(num / den, 3) if den else None


def kept(found: list[Finding]) -> list[Finding]:
    """The findings as stored in ``--json`` (without advice text), enough to score them again (``--rescore``)."""
    return [{name: value for name, value in f.items() if name not in ADVICE_FIELDS} for f in found]


def score(cases: list[Case], run: Callable[[Path, str, str], tuple[list[Finding], str]],
          leaks: Callable[[Path, str, str], list[str]] | None = None, keep: bool = True) -> dict[str, Any]:
    """Run and score every case; figures per family and per case (see the module docstring). With ``keep``
    false each case's repository is removed after its run (a whole corpus cached takes gigabytes)."""
    result: dict[str, Any] = {"per_case": {}, "errors": [], "must_not_flag_hits": [], "leaks": [], "seconds": {}}
    for case in cases:
        try:
            repo, base, head = materialize(case)
        except (RuntimeError, OSError, subprocess.CalledProcessError, tarfile.TarError) as failed:
            result["errors"].append([case["id"], f"could not build the case: {failed}"])
            continue
        started = time.perf_counter()
        found, error = run(repo, base, head)
        result["seconds"][case["id"]] = round(time.perf_counter() - started, 3)
        if error:
            result["errors"].append([case["id"], error])
        if leaks is not None:
            result["leaks"].extend([case["id"], value] for value in leaks(repo, base, head))
        result["per_case"][case["id"]] = {"found": kept(found)}
        if not keep:
            shutil.rmtree(repo, ignore_errors=True)
    return tally(cases, result)


def rescore(cases: list[Case], saved: dict[str, Any]) -> dict[str, Any]:
    """Score the findings a ``--json`` file kept against ``cases``' current labels, running nothing.

    Cases the file has no findings for are left out; its errors, leaks and times are carried over.
    """
    result = {"per_case": {cid: {"found": row["found"]} for cid, row in saved["per_case"].items() if "found" in row},
              "errors": saved.get("errors", []), "must_not_flag_hits": [], "leaks": saved.get("leaks", []),
              "seconds": saved.get("seconds", {})}
    return tally([c for c in cases if c["id"] in result["per_case"]], result)


def tally(cases: list[Case], result: dict[str, Any]) -> dict[str, Any]:
    """Fill ``result`` (whose ``per_case[id]["found"]`` holds each case's findings) with the scores."""
    totals = {name: collections.Counter[str]() for name in ("hits", "misses", "alarms")}
    for case in cases:
        row = result["per_case"].get(case["id"])
        if row is None:
            continue
        scored = score_case(case, row["found"])
        for name in totals:
            totals[name].update(scored[name])
        result["must_not_flag_hits"].extend([case["id"], m] for m in scored["must_not_flag"])
        row.update(findings=len(row["found"]), missed=scored["missed"], false_alarms=scored["false_alarms"])
    hits, misses, alarms = totals["hits"], totals["misses"], totals["alarms"]
    result["families"] = {fam: {"tp": hits[fam], "fn": misses[fam], "fp": alarms[fam],
                                "recall": _ratio(hits[fam], hits[fam] + misses[fam]),
                                "precision": _ratio(hits[fam], hits[fam] + alarms[fam])} for fam in FAMILIES}
    tp, fn, fp = sum(hits.values()), sum(misses.values()), sum(alarms.values())
    result["recall"], result["precision"] = _ratio(tp, tp + fn), _ratio(tp, tp + fp)
    return result


def load_cases(paths: list[str], wanted: str | None) -> list[Case]:
    cases: list[Case] = []
    for path in paths:
        cases.extend(yaml.safe_load(Path(path).read_text(encoding="utf-8"))["cases"])
    if wanted:
        names = set(wanted.split(","))
        cases = [c for c in cases if c["id"] in names]
    return cases


def print_table(result: dict[str, Any], count: int) -> None:
    print(f"{'family':14} {'recall':>7} {'precision':>9}   tp  fn  fp")
    for fam, row in result["families"].items():
        print(f"{fam:14} {row['recall']!s:>7} {row['precision']!s:>9} {row['tp']:4} {row['fn']:3} {row['fp']:3}")
    print(f"must-not-flag hits: {len(result['must_not_flag_hits'])}; errors: {len(result['errors'])}; "
          f"secret leaks: {len(result['leaks'])}; seconds: {round(sum(result['seconds'].values()), 1)}")
    print(f"recall {result['recall']} precision {result['precision']} over {count} cases")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", action="append", help="corpus YAML (repeatable); default eval/corpus.yml")
    parser.add_argument("--mpp", default=shutil.which("mp-precheck") or "mp-precheck", help="the mp-precheck command")
    parser.add_argument("--cases", help="comma-separated case ids")
    parser.add_argument("--json", help="write figures, every miss and false alarm, and each case's findings here")
    parser.add_argument("--leaks", action="store_true", help="also search every output format for secrets")
    parser.add_argument("--rescore", metavar="JSON",
                        help="score the findings an earlier --json file kept against the current labels; run nothing")
    parser.add_argument("--no-cache", action="store_true",
                        help="remove each case's repository after its run instead of keeping it for the next run")
    args = parser.parse_args()
    cases = load_cases(args.corpus or [str(HERE / "corpus.yml")], args.cases)
    if args.rescore:
        result = rescore(cases, json.loads(Path(args.rescore).read_text(encoding="utf-8")))
        cases = [c for c in cases if c["id"] in result["per_case"]]
    else:
        result = score(cases, lambda r, b, h: findings_of(args.mpp, r, b, h),
                       (lambda r, b, h: leaked_secrets(args.mpp, r, b, h)) if args.leaks else None,
                       keep=not args.no_cache)
    if args.json:
        Path(args.json).write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    print_table(result, len(cases))
    return 0


if __name__ == "__main__":
    sys.exit(main())
