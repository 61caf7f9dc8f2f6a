"""The two recipes of CONTRIBUTING.md, followed end to end: a rule is one catalog entry, an analyzer is one
function in the registry (plus its rule). Each is checked on a real repository."""

from __future__ import annotations

import shutil
from pathlib import Path

from mp_precheck.analyzers import REGISTRY, ProjectContext
from mp_precheck.core.analysis import analyze
from mp_precheck.core.catalog import load_catalog
from mp_precheck.core.report import Finding
from mp_precheck.core.resources import data_dir
from mp_precheck.git.repo import GitRepo

NEW_RULE = """  - id: policy.example_new_api
    severity: medium
    subjects: [wx.exampleNewApi]
    title:
      zh-CN: 使用示例接口
      en: Uses the example API
    fix:
      zh-CN: 示例。
      en: An example.
    doc: https://developers.weixin.qq.com/miniprogram/dev/api/
"""


def _catalog_with_new_rule(tmp_path: Path) -> Path:
    folder = tmp_path / "checks"
    shutil.copytree(data_dir("checks"), folder)
    policy = folder / "policy.yml"
    policy.write_text(policy.read_text(encoding="utf-8") + NEW_RULE, encoding="utf-8")
    return folder


def test_a_rule_is_one_catalog_entry(app_repo, tmp_path):
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.js", "Page({\n  onTap() { wx.exampleNewApi({}) }\n})\n")
    head = app_repo.commit("use the new API")
    catalog = load_catalog(_catalog_with_new_rule(tmp_path))
    report, _ = analyze(GitRepo(app_repo.path), base, head, catalog)
    assert [(f.rule, f.path, f.line, f.scope) for f in report.findings] == [
        ("policy.example_new_api", "pages/me/me.js", 2, "app")]
    report, _ = analyze(GitRepo(app_repo.path), base, head, load_catalog())  # the shipped catalog: unknown
    assert report.findings == ()


def test_an_analyzer_is_one_function_in_the_registry(app_repo):
    def drops_tapped_payments(context: ProjectContext, findings: list[Finding]) -> list[Finding]:
        """Reads: findings. Writes: removes payment findings (an example of an analyzer's job)."""
        return [f for f in findings if f.family != "payment"]

    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.js", "Page({\n  buy() { wx.requestPayment({}) }\n})\n")
    head = app_repo.commit("pay")
    repo = GitRepo(app_repo.path)
    shipped, _ = analyze(repo, base, head, load_catalog())
    assert [f.rule for f in shipped.findings] == ["payment.request_payment"]
    extended, _ = analyze(repo, base, head, load_catalog(), registry=(*REGISTRY, ("example", drops_tapped_payments)))
    assert extended.findings == () and extended.errors == ()
