"""A zh-CN report has no English line of ours: an app.json that ends before its last bracket closes names the
bracket (not the comma Python's parser asks for), and the unread-file reasons and finding values are worded."""

from __future__ import annotations

import json

from conftest import Repo
from helpers import cli
from mp_precheck.core.messages import Messages
from mp_precheck.core.unread import SUBMODULE, SYMLINK
from mp_precheck.outputs.errortext import localized
from mp_precheck.readers.appconfig import MalformedJson, load_json


def _error(text: str) -> str:
    try:
        load_json(text, "app.json")
    except MalformedJson as exc:
        return str(exc)
    raise AssertionError("parsed")


def test_a_missing_closing_brace_is_named_as_such() -> None:
    assert "Expecting '}' before the end of the file" in _error('{"pages": ["a"],\n "window": {"t": "}"}\n')
    assert "Expecting ']' before the end of the file" in _error('{"pages": ["a",\n')


def test_a_missing_comma_inside_the_file_is_still_a_comma() -> None:
    assert "Expecting ',' delimiter" in _error('{"pages": ["a"] "window": {}}\n')


def test_a_zh_report_names_the_missing_brace(repo: Repo) -> None:
    repo.write_files({"app.json": json.dumps({"pages": ["pages/index/index"]}), "app.js": "App({})\n",
                      "pages/index/index.js": "Page({})\n"})
    base = repo.commit("chore: 初始版本")
    repo.write("app.json", '{\n  "pages": ["pages/index/index"],\n  "window": {"navigationBarTitleText": "店"}\n')
    head = repo.commit("调整配置")
    _code, out, _err = cli("diff", "--repo", str(repo.path), "--base", base, "--head", head, "--format", "text",
                           "--color", "never")
    assert '文件意外结束：缺少 "}"' in out and "缺少逗号" not in out


def test_unread_reasons_and_finding_values_are_worded_in_zh() -> None:
    zh, en = Messages("zh-CN"), Messages("en")
    assert localized(SUBMODULE, zh).startswith("未读取：这是 git 子模块")
    assert localized(SYMLINK, zh).startswith("未读取：这是符号链接")
    assert localized("<textarea> pages/a/a.wxml:3 → (not sent yet)", zh) == "<textarea> pages/a/a.wxml:3 → （尚未发送）"
    assert localized("index load → get() → in a response handler: reLaunch('/pages/login/login')", zh) == \
        "index load → get() → 请求返回时：reLaunch('/pages/login/login')"
    assert localized(SUBMODULE, en) == SUBMODULE

