"""The 提交审核 draft carries no developer noise and says what the report says: a Chinese subject that names
nothing a user sees asks for a description, package names, version bumps, docs and tests stay out, a privacy type
is answer 1's (never a 新增 line), a page is named only by a title users see, and the test account the notes ask
for is the one the report's checklist lists."""

from __future__ import annotations

import json

import pytest

from conftest import MINIMAL_APP, Repo
from helpers import cli, notes_of_commits, notes_remark, notes_text, run
from mp_precheck.core.catalog import load_catalog
from mp_precheck.core.checklist import checklist

PLACEHOLDER = "（请填写：提交记录没有写明本次改了什么）"


def _changes(out: str) -> str:
    return out.split("测试账号")[0]


def _account(out: str) -> str:
    return next(line for line in out.splitlines() if line.startswith("测试账号"))


@pytest.fixture
def app(repo: Repo) -> Repo:
    repo.write_files(MINIMAL_APP)
    repo.commit("chore: 初始版本")
    return repo


@pytest.mark.parametrize("subject", ["随手弄弄", "一波大调整", "服务端", "积分商城开发", "【更新】随手弄弄", "fix: 大调整"])
def test_a_chinese_subject_naming_nothing_seen_asks_for_a_description(app: Repo, subject: str) -> None:
    base = app.git("rev-parse", "HEAD")
    changes = _changes(notes_of_commits(app, base, (subject,)))
    assert subject.split("】")[-1].split(": ")[-1] not in changes
    assert changes.count(PLACEHOLDER) == 3  # 新增, 优化 and 修复 ask the team to describe the change


def test_a_vague_chinese_subject_keeps_its_honest_line(app: Repo) -> None:
    base = app.git("rev-parse", "HEAD")
    changes = _changes(notes_of_commits(app, base, ("修改了几个已知的bug", "积分商城开发")))
    assert "若干已知问题" in changes and PLACEHOLDER not in changes and "积分商城" not in changes


@pytest.mark.parametrize("subject", ["feat: @acme/ui-kit", "feat: kit to 1.4.0", "update widgets to v2.3.1",
                                     "feat: cloud-storage", "perf: docs test", "fix: dayjs in shop-client"])
def test_a_package_a_version_bump_docs_or_tests_stay_out(app: Repo, subject: str) -> None:
    base = app.git("rev-parse", "HEAD")
    changes = _changes(notes_of_commits(app, base, (subject, "feat: pull-to-refresh on the order list")))
    assert changes.splitlines()[1:3] == ["1. 新增：", "   - pull-to-refresh on the order list"]  # a feature stays
    assert "2. 优化：无" in changes and "3. 修复：无" in changes


PICK_AND_SEND = ("Page({ pick() { wx.chooseMedia({ count: 1, success: (r) => wx.uploadFile({ url: "
                 "'https://files.example.net/up', filePath: r.tempFiles[0].tempFilePath, name: 'f' }) }) } })\n")


def test_a_privacy_type_is_answer_1s_and_a_folder_name_is_no_page_name(app: Repo) -> None:
    base = app.git("rev-parse", "HEAD")
    for page in ("zqx", "wall"):
        app.write(f"pages/{page}/{page}.js", PICK_AND_SEND)
        app.write(f"pages/{page}/{page}.wxml", '<button bindtap="pick">选图</button>\n')
    app.write("pages/wall/wall.json", '{"navigationBarTitleText": "晒图广场"}\n')
    app.write("app.json", '{"pages": ["pages/index/index", "pages/me/me", "pages/zqx/zqx", "pages/wall/wall"]}\n')
    app.commit("feat: 晒图")
    out = notes_text(app, base)
    assert "选中的照片或视频信息" not in _changes(out)  # no 新增 line made of the privacy type's label
    assert notes_remark(out, 1) == "1. 本次是否涉及新增用户隐私信息收集？是：新增「选中的照片或视频信息」"
    assert "zqx" not in out  # a page that sets no title: its folder name tells the reviewer nothing
    assert notes_remark(out, 2) == "2. 本次是否涉及支付、内容发布或外链？是：用户上传内容（「晒图广场」）"


def _checklist_kinds(repo: Repo, base: str) -> list[tuple[str, dict[str, str]]]:
    return [(i.kind, i.values) for i in checklist(run(repo.path, base), load_catalog()) if i.kind == "test_account"]


def test_a_new_account_system_needs_an_account_in_the_checklist_and_the_notes(app: Repo) -> None:
    base = app.git("rev-parse", "HEAD")
    app.write_files({"pages/login/login.js": "Page({ onLogin() { wx.login() } })\n",
                     "pages/login/login.wxml": '<button bindtap="onLogin">进入</button>\n'})
    app.write("app.json", '{"pages": ["pages/index/index", "pages/me/me", "pages/login/login"]}\n')
    app.commit("feat: 个人空间")  # the subject names no account: the finding alone decides
    assert _checklist_kinds(app, base) == [("test_account", {"what": "login"})]
    _code, comment, _err = cli("diff", "--repo", str(app.path), "--base", base, "--format", "markdown")
    assert "- [ ] 测试账号：提审时提供能走通登录的测试账号和密码" in comment
    assert _account(notes_text(app, base)) == "测试账号（需要，登录）："


def test_a_phone_number_button_alone_asks_for_no_account_anywhere(app: Repo) -> None:
    base = app.git("rev-parse", "HEAD")
    app.write("pages/me/me.wxml", '<button open-type="getPhoneNumber" bindgetphonenumber="fill">快速填写</button>\n')
    app.write("pages/me/me.js", "Page({ fill(e) { this.setData({ code: e.detail.code }) } })\n")
    app.commit("feat: 快速填写联系方式")
    _code, data, _err = cli("diff", "--repo", str(app.path), "--base", base, "--format", "json")
    assert ("privacy.phone_number", "pages/me/me.wxml", 1) in {(f["rule"], f["path"], f["line"])
                                                              for f in json.loads(data)["findings"]}
    assert _checklist_kinds(app, base) == []
    assert _account(notes_text(app, base)) == "测试账号（非必需）："


def test_a_new_call_site_of_payment_asks_for_the_same_account_in_both(repo: Repo) -> None:
    repo.write_files({**MINIMAL_APP, "pages/me/me.js": "Page({ buy(p) { wx.requestPayment({ ...p }) } })\n"})
    base = repo.commit("chore: 初始版本")
    repo.write("pages/index/index.js", "Page({ tip(p) { wx.requestPayment({ ...p }) } })\n")
    repo.commit("feat: 首页打赏")
    assert notes_remark(notes_text(repo, base), 2).startswith("2. 本次是否涉及支付、内容发布或外链？是")
    assert _checklist_kinds(repo, base) == [("test_account", {"what": "payment"})]
    assert _account(notes_text(repo, base)) == "测试账号（需要，支付流程）："
