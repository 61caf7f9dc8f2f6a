"""The 提交审核 notes draft can be pasted into the form as it is: a back end kept in the same repository (its files, or
the lines of a message under a ``后端:`` heading) is not the app's change; a body written as prose explains its
subject and gives no items of its own; no invisible character and no one's mailbox reaches the form; a line admitting
unfinished work is left out and the team told; and a range whose messages name nothing asks for a description
instead of saying 无 three times. Real git repositories and the ``notes`` command."""

from __future__ import annotations

import unicodedata

import pytest

from conftest import MINIMAL_APP, Repo
from helpers import cli, notes_of_commits, notes_section, notes_text


def _app(repo: Repo) -> str:
    repo.write_files(MINIMAL_APP)
    return repo.commit("chore: 初始版本")


def _notes(repo: Repo, base: str, language: str = "zh-CN") -> tuple[str, str]:
    code, out, err = cli("notes", "--repo", str(repo.path), "--base", base, "--language", language, "-q")
    assert code == 0, err
    return out, err


def _changes(out: str) -> list[str]:
    return [line for number in (1, 2, 3) for line in notes_section(out, number)]


# ------------------------------------------------------------------------------------------------ back end


def test_a_commit_touching_only_the_back_end_beside_a_root_app_is_left_out(repo: Repo) -> None:
    base = _app(repo)
    repo.write_files({"server/app/routes.py": "def export(): ...\n",
                      "server/migrations/versions/0002_drop_column.py": "def upgrade(): ...\n",
                      "server/tests/test_routes.py": "def test_export(): ...\n", "docs/api.md": "# API\n"})
    repo.commit("feat: 新增订单导出接口")
    repo.write("pages/me/me.wxml", "<view>我的订单</view>\n")
    repo.commit("feat: 新增我的订单入口")
    assert _changes(notes_text(repo, base)) == ["我的订单入口"]


def test_body_lines_under_a_back_end_heading_are_not_the_apps(repo: Repo) -> None:
    base = _app(repo)
    repo.write_files({"pages/index/index.wxml": "<view>搜索</view>\n", "server/models.py": "x = 1\n"})
    repo.commit("feat: 首页改版\n\n前端 (index):\n- 新增首页搜索框\n\n后端 (models.py):\n- 新增迁移 0003 删除旧列\n"
                "- 更新 test_models.py 移除旧断言\n\n测试:\n- 新增导出用例")
    out = notes_text(repo, base)
    assert _changes(out) == ["首页改版", "首页搜索框"]


# ------------------------------------------------------------------------------------------------- bodies


def test_a_prose_body_explains_its_subject_and_gives_no_items(repo: Repo) -> None:
    base = _app(repo)
    repo.write("pages/index/index.js", "Page({ onShow() {} })\n")
    repo.commit("fix: 修复页面重复请求问题\n\n根因：onLoad 与 onShow 都发起了请求，\n导致每次进入页面请求两次。\n\n"
                "修复方式：新增 loaded 标志，onLoad 中先设置为 true，\nonShow 检查标志，首次显示跳过加载。\n\n"
                "修复：补充字段检查。\n\nCo-Authored-By: Someone <someone@example.org>")
    out = notes_text(repo, base)
    assert _changes(out) == ["页面重复请求问题"]


def test_a_body_that_lists_changes_still_gives_each(repo: Repo) -> None:
    base = _app(repo)
    repo.write("pages/index/index.js", "Page({ onShow() {} })\n")
    repo.commit("feat: 首页改版\n\n新增搜索框\n修复轮播错位")
    out = notes_text(repo, base)
    assert (notes_section(out, 1), notes_section(out, 3)) == (["首页改版", "搜索框"], ["轮播错位"])


# ---------------------------------------------------------------------------------- what reaches the form


def test_no_invisible_character_nor_mailbox_is_pasted(repo: Repo) -> None:
    base = _app(repo)
    out = notes_of_commits(repo, base, ("fix(privacy): update contact email to kefu.wang@mail.example.org",
                                        "fix: 修复\u200b登录\ufeff失效\u200e", "feat: 新增 @team 的公告"))
    changes = out.split("测试账号")[0]
    assert not [c for c in changes if unicodedata.category(c) == "Cf"]
    assert "kefu.wang" not in changes
    assert notes_section(out, 3) == ["update contact email to ***@mail.example.org", "登录失效"]
    assert notes_section(out, 1) == ["@team 的公告"]


@pytest.mark.parametrize("subject", [
    "feat: 校园认证界面完成，需对接后端接口和完善认证方式",
    "feat: 评分功能前端基本实现，此时部分字段未对齐无法正确显示分数",
    "feat: 积分兑换页面（暂未实现下单）", "feat: 新增分享海报 TODO 换背景图", "feat: 消息中心样式，现内容为模板数据"])
def test_a_line_admitting_unfinished_work_is_left_out_and_told(repo: Repo, subject: str) -> None:
    base = _app(repo)
    repo.write("pages/index/index.js", "Page({ a: 1 })\n")
    repo.commit(subject)
    repo.write("pages/me/me.js", "Page({ b: 1 })\n")
    repo.commit("fix: 修复未完成订单不显示")
    out, err = _notes(repo, base)
    assert _changes(out) == ["未完成订单不显示"]
    assert err.count("还没完成") == 1


def test_a_fix_of_something_shown_wrong_is_a_change(repo: Repo) -> None:
    base = _app(repo)
    notes_of_commits(repo, base, ("fix: 修复评分无法正确显示", "feat: 新增待办清单（todo list）"))
    out, err = _notes(repo, base)
    assert (notes_section(out, 1), notes_section(out, 3)) == (["待办清单（todo list）"], ["评分无法正确显示"])
    assert "还没完成" not in err


# -------------------------------------------------------------------------------------- nothing named


@pytest.mark.parametrize(("language", "placeholder", "told"), [
    ("zh-CN", "（请填写：提交记录没有写明本次改了什么）", "没有写明改了什么"),
    ("en", "(to fill in: the commit messages do not say what changed)", "say nothing")])
def test_a_range_whose_messages_name_nothing_asks_for_a_description(repo: Repo, language: str, placeholder: str,
                                                                   told: str) -> None:
    base = _app(repo)
    for number, subject in enumerate(("data", "update", "fix", "data")):
        repo.write(f"pages/index/part{number}.js", f"// {number}\n")
        repo.commit(subject)
    out, err = _notes(repo, base, language)
    head = out.split("\n")[1:4]
    assert all(line.endswith(placeholder) for line in head), out
    assert told in err


def test_a_range_of_team_files_only_still_says_none(repo: Repo) -> None:
    base = _app(repo)
    repo.write("README.md", "# app\n")
    repo.commit("update")
    out, err = _notes(repo, base)
    assert out.split("\n")[1:4] == ["1. 新增：无", "2. 优化：无", "3. 修复：无"]
    assert "没有写明" not in err
