"""An AppSecret kept in the developer tools' project files (project.config.json, project.private.config.json) is
told like one in client code: high, its value masked in every output (readers/secretfacts.py ``json_secrets``)."""

from __future__ import annotations

import pytest

from conftest import Repo
from helpers import cli, run

SECRET = "3b9f0c2d7e4a1f6b8c5d2e9a0f7b4c1d"
ROOTED = {  # a native app below the folder of its project.config.json (miniprogramRoot)
    "project.config.json": '{\n  "miniprogramRoot": "miniprogram/",\n  "appid": "wx0123456789abcdef"\n}\n',
    "miniprogram/app.json": '{"pages": ["pages/index/index"]}\n',
    "miniprogram/app.js": "App({})\n",
    "miniprogram/pages/index/index.js": "Page({})\n",
    "miniprogram/pages/index/index.wxml": "<view>hi</view>\n",
}


def _secrets(repo: Repo, base: str) -> set[tuple[str, str, int, str]]:
    return {(f.rule, f.path, f.line, f.severity) for f in run(repo.path, base).findings if f.subject.startswith("secret:")}


def test_an_app_secret_added_to_project_config_json_is_high(tmp_path):
    repo = Repo(tmp_path / "repo")
    repo.write_files(ROOTED)
    base = repo.commit()
    repo.write("project.config.json", '{\n  "miniprogramRoot": "miniprogram/",\n  "appid": "wx0123456789abcdef",\n'
                                      f'  "appsecret": "{SECRET}"\n}}\n')
    repo.write("project.private.config.json", '{\n  "setting": {\n    "urlCheck": false,\n'
                                              f'    "secret": "{SECRET.upper()}"\n  }}\n}}\n')
    repo.commit()
    assert _secrets(repo, base) == {("policy.client_secret", "project.config.json", 4, "high"),
                                    ("policy.client_secret", "project.private.config.json", 4, "high")}


@pytest.mark.parametrize("fmt", ["markdown", "json", "text", "github", "sarif", "codequality"])
def test_no_output_repeats_a_project_file_secret(tmp_path, fmt):
    repo = Repo(tmp_path / "repo")
    repo.write_files({**ROOTED, "project.config.json": '{\n  "miniprogramRoot": "miniprogram/"\n}\n'})
    base = repo.commit()
    repo.write("project.config.json", f'{{\n  "miniprogramRoot": "miniprogram/",\n  "AppSecret": "{SECRET}"\n}}\n')
    repo.commit()
    code, out, err = cli("diff", "--repo", str(repo.path), "--base", base, "--format", fmt, "--language", "en")
    assert code == 1, err
    assert "project.config.json" in out
    assert SECRET not in out and SECRET not in err


@pytest.mark.parametrize("value", ["", "your-app-secret", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                                   "00000000000000000000000000000000", "${APP_SECRET}"])
def test_an_empty_or_placeholder_secret_is_no_finding(tmp_path, value):
    assert _secrets(*_config_gains(tmp_path, "appsecret", value)) == set()


def test_a_hex_value_under_another_name_is_no_secret(tmp_path):
    assert _secrets(*_config_gains(tmp_path, "libVersion", SECRET)) == set()


def _config_gains(tmp_path, key: str, value: str) -> tuple[Repo, str]:
    """The rooted app, then a commit adding ``key: value`` beside the appid of its project.config.json."""
    repo = Repo(tmp_path / "repo")
    repo.write_files(ROOTED)
    base = repo.commit()
    repo.write("project.config.json", '{\n  "miniprogramRoot": "miniprogram/",\n'
                                      f'  "appid": "wx0123456789abcdef",\n  "{key}": "{value}"\n}}\n')
    repo.commit()
    return repo, base
