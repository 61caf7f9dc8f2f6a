"""``mp-precheck init``: the workflow and the config it writes pass their schemas, name the Mini Programs
found at HEAD, and never overwrite a file without --force."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import yaml

from conftest import Repo
from helpers import cli, run
from mp_precheck.core.config import parse_config, schema
from test_ci_files import check_jsonschema

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "examples"))
from build_example import build  # noqa: E402

WORKFLOW = ".github/workflows/mp-precheck.yml"


def valid(schema_name: str, path: Path) -> None:
    proc = subprocess.run([check_jsonschema(), "--builtin-schema", schema_name, str(path)],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def uncommented(text: str) -> str:
    """The config with its commented backend records switched on, as a team fills them in."""
    lines = [re.sub(r"^# (?=[ a-zA-Z_.]+:|\s+- [a-z])", "", line) for line in text.splitlines()]
    return "\n".join(lines).replace('external: ""', 'external: "our moderation service"') + "\n"


def test_init_writes_a_valid_workflow_and_config(app_repo: Repo):
    code, out, err = cli("init", "--repo", str(app_repo.path))
    assert (code, err) == (0, "")
    assert out.splitlines()[:2] == [f"mp-precheck: wrote {WORKFLOW}", "mp-precheck: wrote .mp-precheck.yml"]
    workflow_path = app_repo.path / WORKFLOW
    valid("vendor.github-workflows", workflow_path)
    workflow = yaml.safe_load(workflow_path.read_text(encoding="utf-8"))
    assert set(workflow[True]) == {"pull_request", "merge_group", "push"}   # YAML 1.1 reads `on` as True
    assert workflow[True]["push"] == {"tags": ["v*"]}
    review, release = workflow["jobs"]["review-risks"], workflow["jobs"]["release-notes"]
    assert review["permissions"] == {"contents": "read", "pull-requests": "write", "statuses": "write"}
    assert release["permissions"]["contents"] == "write"
    assert [s for s in release["steps"] if s.get("with", {}).get("mode") == "release"]
    assert all(s["with"] == {"fetch-depth": 0} for job in (review, release) for s in job["steps"]
               if s["uses"].startswith("actions/checkout"))
    text = (app_repo.path / ".mp-precheck.yml").read_text(encoding="utf-8")
    assert '#   - "." (native)' in text
    validator = jsonschema.Draft202012Validator(schema())
    validator.validate(yaml.safe_load(text))
    filled = yaml.safe_load(uncommented(text))
    assert set(filled) >= {"privacy", "domains", "categories", "content_security", "exclude"}
    validator.validate(filled)
    assert filled["exclude"] == ["miniprogram/libs/**"] and filled["domains"]["business"] == []
    assert parse_config(text, ".mp-precheck.yml").fail_on == "high"


def test_the_written_config_is_read_by_the_next_run(app_repo: Repo):
    cli("init", "--repo", str(app_repo.path), "--language", "en")
    app_repo.commit("ci: mp-precheck")
    base = app_repo.git("rev-parse", "HEAD")
    app_repo.write("pages/me/me.js", "Page({ onLoad() { wx.chooseImage({}) } })\n")
    app_repo.commit()
    report = run(app_repo.path, base, language="zh-CN")
    assert [f.rule for f in report.findings if f.rule == "policy.relaxes_check"] == []
    code, out, _ = cli("diff", "--repo", str(app_repo.path), "--base", base, "--format", "text")
    assert code == 1
    assert "Uses a privacy API" in out   # language: en from the written config


def test_frameworks_and_roots_are_named(tmp_path):
    build(ROOT / "examples" / "taro-shop", tmp_path / "taro")
    code, _, _ = cli("init", "--repo", str(tmp_path / "taro"))
    assert code == 0
    text = (tmp_path / "taro" / ".mp-precheck.yml").read_text(encoding="utf-8")
    assert re.search(r'^#   - "[^"]*" \(taro\)$', text, re.M)


def test_a_hostile_folder_name_cannot_add_settings(repo: Repo):
    folder = 'shop"\nfail_on: none\n#'
    repo.write_files({f"{folder}/app.json": '{"pages": ["pages/a/a"]}\n', f"{folder}/app.js": "App({})\n"})
    repo.commit()
    assert cli("init", "--repo", str(repo.path))[0] == 0
    config = parse_config((repo.path / ".mp-precheck.yml").read_text(encoding="utf-8"), ".mp-precheck.yml")
    assert config.fail_on == "high"


def test_an_existing_config_is_kept_and_said_so(app_repo: Repo):
    (app_repo.path / ".mp-precheck.yml").write_text("fail_on: medium\n", encoding="utf-8")
    code, out, err = cli("init", "--repo", str(app_repo.path))
    assert (code, out.splitlines()[0]) == (0, f"mp-precheck: wrote {WORKFLOW}")
    assert err == "mp-precheck: kept .mp-precheck.yml: it exists (--force replaces it)\n"
    assert "wrote .mp-precheck.yml" not in out
    assert (app_repo.path / ".mp-precheck.yml").read_text(encoding="utf-8") == "fail_on: medium\n"
    assert (app_repo.path / WORKFLOW).exists()


def test_an_existing_ci_file_refuses_and_force_replaces_both(app_repo: Repo):
    cli("init", "--repo", str(app_repo.path))
    (app_repo.path / ".mp-precheck.yml").write_text("fail_on: medium\n", encoding="utf-8")
    (app_repo.path / WORKFLOW).write_text("name: mine\n", encoding="utf-8")
    code, out, err = cli("init", "--repo", str(app_repo.path))
    assert (code, out) == (2, "")
    assert err == f"mp-precheck: {WORKFLOW} already exists: nothing written; pass --force to replace\n"
    assert (app_repo.path / WORKFLOW).read_text(encoding="utf-8") == "name: mine\n"
    assert (app_repo.path / ".mp-precheck.yml").read_text(encoding="utf-8") == "fail_on: medium\n"
    code, out, _ = cli("init", "--repo", str(app_repo.path), "--force")
    assert code == 0 and f"mp-precheck: replaced {WORKFLOW}" in out and "mp-precheck: replaced .mp-precheck.yml" in out
    assert "fail_on: high" in (app_repo.path / ".mp-precheck.yml").read_text(encoding="utf-8")


def test_init_gitlab_after_init_keeps_the_edited_config(app_repo: Repo):
    assert cli("init", "--repo", str(app_repo.path))[0] == 0
    config = app_repo.path / ".mp-precheck.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("fail_on: high", "fail_on: medium"), encoding="utf-8")
    code, out, err = cli("init", "--repo", str(app_repo.path), "--gitlab")
    assert code == 0, err
    assert "mp-precheck: wrote .gitlab-ci.yml" in out and "kept .mp-precheck.yml" in err
    assert parse_config(config.read_text(encoding="utf-8"), ".mp-precheck.yml").fail_on == "medium"


def test_the_commented_rules_example_is_valid_when_switched_on(app_repo: Repo):
    cli("init", "--repo", str(app_repo.path))
    text = (app_repo.path / ".mp-precheck.yml").read_text(encoding="utf-8")
    filled = yaml.safe_load(uncommented(text))
    jsonschema.Draft202012Validator(schema()).validate(filled)
    assert filled["rules"] == {"external_link.domain": "medium", "privacy.no_consent_flow": False}
    config = parse_config(uncommented(text), ".mp-precheck.yml")
    assert config.rules == {"external_link.domain": "medium", "privacy.no_consent_flow": False}


def test_gitlab_writes_the_ci_job_instead(app_repo: Repo):
    code, out, _ = cli("init", "--repo", str(app_repo.path), "--gitlab")
    assert code == 0 and "MP_PRECHECK_GITLAB_TOKEN" in out
    assert not (app_repo.path / WORKFLOW).exists()
    job = app_repo.path / ".gitlab-ci.yml"
    valid("vendor.gitlab-ci", job)
    assert job.read_text(encoding="utf-8") == (ROOT / "ci" / "gitlab-ci.yml").read_text(encoding="utf-8")
    code, _, err = cli("init", "--repo", str(app_repo.path), "--gitlab")
    assert code == 2 and "include https://raw.githubusercontent.com/mp-precheck/mp-precheck/v1/ci/gitlab-ci.yml" in err


def test_no_commit_and_no_mini_program_are_clear_errors(repo: Repo):
    code, _, err = cli("init", "--repo", str(repo.path))
    assert code == 2 and err == "mp-precheck: the repository has no commit yet: commit the Mini Program, then run init\n"
    repo.write("README.md", "# docs\n")
    repo.commit()
    code, _, err = cli("init", "--repo", str(repo.path))
    assert code == 2 and err.startswith("mp-precheck: no Mini Program found at HEAD")
    assert not (repo.path / WORKFLOW).exists()


def test_init_in_a_subfolder_writes_at_the_repository_root(repo: Repo):
    repo.write_files({"client/weapp/app.json": '{"pages": ["pages/home/home"]}\n', "client/weapp/app.js": "App({})\n",
                      "client/weapp/pages/home/home.js": "Page({})\n", "server/main.go": "package main\n"})
    repo.commit("base")
    code, out, _ = cli("init", "--repo", str(repo.path / "client" / "weapp"))
    assert code == 0
    assert (repo.path / WORKFLOW).is_file() and (repo.path / ".mp-precheck.yml").is_file()
    assert not (repo.path / "client" / "weapp" / ".github").exists()
    assert not (repo.path / "client" / "weapp" / ".mp-precheck.yml").exists()
    assert f"writing at the repository root {repo.path}" in out
    assert '#   - "client/weapp" (native)' in (repo.path / ".mp-precheck.yml").read_text(encoding="utf-8")


def test_init_at_the_root_says_nothing_about_where(app_repo: Repo):
    code, out, _ = cli("init", "--repo", str(app_repo.path))
    assert code == 0 and "repository root" not in out


def _tag(repo: Repo, name: str, day: int) -> None:
    """An annotated tag of HEAD made on 2026-02-``day`` (the tagger date orders tags newest first)."""
    import os

    from conftest import GIT_ENV

    env = {**os.environ, **GIT_ENV, "HOME": str(repo.path.parent), "GIT_COMMITTER_DATE": f"2026-02-{day:02d}T00:00:00Z"}
    subprocess.run(["git", "tag", "-a", name, "-m", name], cwd=repo.path, env=env, check=True, capture_output=True)


def test_bare_version_tags_give_the_release_trigger_and_the_notes_their_pattern(app_repo: Repo):
    for day, name in enumerate(["v1.0", "v1.1", "2.0.0", "2.1.0", "2.2.0"], start=1):   # old v-tags, then bare
        _tag(app_repo, name, day)
    code, _, err = cli("init", "--repo", str(app_repo.path))
    assert (code, err) == (0, "")
    valid("vendor.github-workflows", app_repo.path / WORKFLOW)
    workflow = yaml.safe_load((app_repo.path / WORKFLOW).read_text(encoding="utf-8"))
    assert workflow[True]["push"] == {"tags": ["[0-9]*"]}
    text = (app_repo.path / ".mp-precheck.yml").read_text(encoding="utf-8")
    assert parse_config(text, ".mp-precheck.yml").notes == {"tag_pattern": "[0-9]*"}
    app_repo.commit("adopt mp-precheck")        # the notes read the tag's config
    _tag(app_repo, "2.3.0", 9)
    code, _, err = cli("notes", "--repo", str(app_repo.path), "--tag", "2.3.0")
    assert (code, err) == (0, "mp-precheck: 范围：2.2.0..2.3.0（1 个提交）\n")


def test_a_prefix_before_the_number_is_kept_in_the_pattern(app_repo: Repo):
    for day, name in enumerate(["release-3.0", "release-3.1", "nightly"], start=1):
        _tag(app_repo, name, day)
    cli("init", "--repo", str(app_repo.path))
    workflow = yaml.safe_load((app_repo.path / WORKFLOW).read_text(encoding="utf-8"))
    assert workflow[True]["push"] == {"tags": ["release-*"]}


def test_v_tags_keep_the_default_and_write_no_tag_pattern(app_repo: Repo):   # no tags: the first test
    for day, name in enumerate(["1.0.0", "v1.1.0", "v1.2.0"], start=1):   # an old bare tag, then v-tags
        _tag(app_repo, name, day)
    cli("init", "--repo", str(app_repo.path))
    workflow = yaml.safe_load((app_repo.path / WORKFLOW).read_text(encoding="utf-8"))
    assert workflow[True]["push"] == {"tags": ["v*"]}
    text = (app_repo.path / ".mp-precheck.yml").read_text(encoding="utf-8")
    assert "tag_pattern" not in text
    assert parse_config(text, ".mp-precheck.yml").notes == {}
