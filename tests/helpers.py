"""Helpers shared by the tests: run the analysis or the CLI on a test repository and look at findings as
(rule, path, line, scope) tuples, build findings and reports by hand, build a bundled example, and check
which modules import a library."""

from __future__ import annotations

import ast
import inspect
import io
import json
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from typing import Any

from mp_precheck.app import check_change
from mp_precheck.cli import main
from mp_precheck.core.analysis import RunOptions, analyze
from mp_precheck.core.catalog import load_catalog
from mp_precheck.core.report import Finding, ProjectInfo, Report
from mp_precheck.git.repo import GitRepo
from mp_precheck.hosts.github.port import HttpSettings

ROOT = Path(__file__).resolve().parent.parent
# PyGithub against the fake: retries without waits, no throttle, small pages so pagination is exercised
GITHUB_FAST_HTTP = HttpSettings(retries=2, backoff=0, secondary_rate_wait=0, max_rate_limit_wait=2,
                                seconds_between_requests=None, seconds_between_writes=None, per_page=30, timeout=5)


def run(repo_path: Any, base: str, head: str = "HEAD", language: str = "en") -> Report:
    """The report as the CLI computes it (config read from the base revision, notes drafted)."""
    return check_change(GitRepo(repo_path), base, head, language=language).report


def run_bare(repo_path: Any, base: str, head: str = "HEAD", language: str = "en") -> Report:
    """The analysis alone, with default settings."""
    report, _ = analyze(GitRepo(repo_path), base, head, load_catalog(), RunOptions(language=language))
    return report


def found(report: Report) -> set[tuple[str, str, int, str]]:
    return {(f.rule, f.path, f.line, f.scope) for f in report.findings}


def places(report: Report, family: str | None = None, without: frozenset[str] = frozenset()
           ) -> set[tuple[str, str, int]]:
    """(rule, path, line) of the findings of ``family`` (all families when None), rules in ``without`` left out."""
    return {(f.rule, f.path, f.line) for f in report.findings
            if (family is None or f.family == family) and f.rule not in without}


def rules(report: Report) -> set[str]:
    return {f.rule for f in report.findings}


def cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def notes_text(repo: Any, base: str, language: str = "zh-CN") -> str:
    """The ``notes`` command's draft for ``repo`` since ``base`` (exit 0 asserted)."""
    code, out, err = cli("notes", "--repo", str(repo.path), "--base", base, "--language", language)
    assert code == 0, err
    return out


def notes_of_commits(repo: Any, base: str, subjects: tuple[str, ...]) -> str:
    """The notes draft since ``base`` after one commit per subject, each touching its own script."""
    for number, subject in enumerate(subjects):
        repo.write(f"pages/index/part{number}.js", f"// {number}\n")
        repo.commit(subject)
    return notes_text(repo, base)


def notes_remark(out: str, number: int) -> str:
    """Answer ``number`` of a notes draft's 补充说明."""
    return next(line for line in out.split("补充说明")[-1].splitlines() if line.startswith(f"{number}. "))


def cli_json(*args: str) -> tuple[int, dict[str, Any]]:
    code, out, err = cli(*args, "--format", "json")
    assert out, err
    return code, json.loads(out)


def build_example(name: str, target: Path) -> tuple[str, str]:
    """Build ``examples/<name>`` as a git repository at ``target`` (``examples/build_example.py``);
    returns (base, head)."""
    sys.path.insert(0, str(ROOT / "examples"))
    from build_example import build

    return build(ROOT / "examples" / name, target)  # type: ignore[no-any-return]


def make_finding(rule: str = "privacy.location", severity: Any = "high", path: str = "pages/a.js", line: int = 1,
                 subject: str = "wx.getLocation", **extra: Any) -> Finding:
    """A finding written by hand (title, fix and doc are placeholders unless given)."""
    values: dict[str, Any] = {"rule": rule, "family": rule.split(".")[0], "severity": severity, "subject": subject,
                              "scope": "app", "path": path, "line": line, "title": "T", "fix": "F",
                              "doc": "https://developers.weixin.qq.com/x", **extra}
    return Finding(**values)


def report_of(*findings: Finding, **extra: Any) -> Report:
    """A report of ``findings`` on one native project at the repository root (``extra``: other fields)."""
    values: dict[str, Any] = {"projects": (ProjectInfo("", "native"),), **extra}
    return Report(base="b" * 40, head="a" * 40, findings=findings, **values)


def modules_importing(library: str, allowed: str | tuple[str, ...]) -> list[str]:
    """``path:line`` of every import of ``library`` (or a submodule) in ``src/mp_precheck`` and
    ``entrypoint.py`` outside the module(s) at ``allowed`` (paths from the repository root)."""
    offenders = []
    for path in [*sorted((ROOT / "src" / "mp_precheck").rglob("*.py")), ROOT / "entrypoint.py"]:
        if path.relative_to(ROOT).as_posix() in ((allowed,) if isinstance(allowed, str) else allowed):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) and node.level == 0 else []
            if any(n == library or n.startswith(library + ".") for n in names):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return offenders


def protocol_gaps(protocol: type, adapter: type) -> list[str]:
    """Methods of ``protocol`` that ``adapter`` lacks or takes with other parameters (names, kinds, defaults)."""
    gaps = []
    for name, member in vars(protocol).items():
        if name.startswith("_") or not callable(member):
            continue
        found = getattr(adapter, name, None)
        if found is None:
            gaps.append(f"{name}: missing")
        elif inspect.signature(found).parameters.keys() != inspect.signature(member).parameters.keys():
            gaps.append(f"{name}{inspect.signature(found)} is not {name}{inspect.signature(member)}")
    return gaps


def loaded_by_app(*modules: str) -> dict[str, str]:
    """An ``app.js`` (the minimal app's) that also requires ``modules`` (paths from the root): scripts the app
    loads. A script nothing loads is not part of the app yet (core/reachability.py)."""
    requires = "".join(f"require('./{module}')\n" for module in modules)
    return {"app.js": requires + "App({ onLaunch() { wx.onNeedPrivacyAuthorization((resolve) => "
                                 "this.showPrivacyPopup(resolve)) } })\n"}


def register_pages(repo: Any) -> None:
    """List every native page of ``repo``'s working tree (a ``.wxml`` under a ``pages`` folder with a script
    beside it) in its root ``app.json``, beside the pages already listed: a page ``app.json`` does not list is no
    part of the app (core/reachability.py), and a test about what a page does means the page to ship."""
    app = Path(repo.path) / "app.json"
    config = json.loads(app.read_text(encoding="utf-8"))
    listed = list(config.get("pages", []))
    for view in sorted(Path(repo.path).rglob("*.wxml")):
        route = view.relative_to(repo.path).with_suffix("").as_posix()
        scripted = any(view.with_suffix(suffix).exists() for suffix in (".js", ".ts"))
        if scripted and "pages" in route.split("/")[:-1] and route not in listed:
            listed.append(route)
    app.write_text(json.dumps({**config, "pages": listed}, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


# A two-page uni-app at the repository root (Vue 2 entry): a home page and an about page tests rewrite.
ROOT_UNI_APP = {
    "pages.json": '{"pages": [{"path": "pages/index/index"}, {"path": "pages/about/index"}]}',
    "manifest.json": '{"mp-weixin": {}}\n',
    "App.vue": "<script>export default {}</script>\n",
    "main.js": "import Vue from 'vue'\nimport App from './App'\nnew Vue({ ...App }).$mount()\n",
    "pages/index/index.vue": "<template><view>home</view></template>\n<script>export default {}</script>\n",
    "pages/about/index.vue": "<template><view>about</view></template>\n<script>export default {}</script>\n",
}


def uni_app_page_change(repo: Any, page: str, files: dict[str, str] | None = None) -> str:
    """Commit a one-page uni-app under ``src/`` to ``repo`` (a conftest ``Repo``), then ``page`` as the page's new
    text with ``files`` beside it; returns the base commit."""
    repo.write_files({
        "package.json": '{"name": "shop", "dependencies": {"@dcloudio/uni-app": "3.0.0"}}\n',
        "src/pages.json": '{ "pages": [ {"path": "pages/me/me"} ] }\n',
        "src/manifest.json": '{ "mp-weixin": { "appid": "wx0a1b2c3d4e5f6a7b" } }\n',
        "src/App.vue": "<script>export default { onLaunch() {} }</script>\n",
        "src/pages/me/me.vue": "<template><view>me</view></template>\n",
    })
    base: str = repo.commit("base")
    repo.write_files({"src/pages/me/me.vue": page, **(files or {})})
    repo.commit()
    return base


def notes_section(out: str, number: int) -> list[str]:
    """The change lines of section ``number`` (1 新增, 2 优化, 3 修复) of a notes draft."""
    found: dict[int, list[str]] = {}
    current = 0
    for line in out.split("测试账号")[0].splitlines():
        if line[:1].isdigit():
            current = int(line[0])
        elif line.startswith("   - "):
            found.setdefault(current, []).append(line.removeprefix("   - "))
    return found.get(number, [])
