"""The 提交审核 notes can be pasted as they are: instrumentation, release chores, Gitee references and pasted code
lines are not changes a reviewer reads; a section does not repeat its verb; a Taro 1.x/2.x page is named by its class
``config`` title; a text box is described as published text, not an upload; each link names its pages; a line worded
as review rejects is warned about to the team only; a permission prompt needs no test account."""

from __future__ import annotations

import json

import pytest

from conftest import Repo
from helpers import cli, notes_remark, notes_section, notes_text
from mp_precheck.core.report import Finding
from mp_precheck.core.testaccount import asks_for_account
from mp_precheck.notes.commitmessage import classify
from mp_precheck.notes.pagetitles import shown_title
from test_chat_messages import ROOM_JS, ROOM_WXML

PAGES = ["pages/index/index", "pages/chat/room", "pages/shop/shop"]


def _app(repo: Repo) -> str:
    repo.write_files({"app.json": json.dumps({"pages": PAGES}), "app.js": "App({})\n",
                      "pages/index/index.js": "Page({})\n", "pages/index/index.wxml": "<view>首页</view>\n",
                      "pages/chat/room.json": json.dumps({"navigationBarTitleText": "直播间"}, ensure_ascii=False),
                      "pages/chat/room.js": "Page({})\n", "pages/chat/room.wxml": "<view>直播间</view>\n",
                      "pages/shop/shop.js": "Page({})\n", "pages/shop/shop.wxml": "<view>门店</view>\n",
                      ".mp-precheck.yml": "categories: [工具 > 信息查询]\n"})
    return repo.commit("chore: 初始版本")




# ------------------------------------------------------------------------------------------- commit subjects


@pytest.mark.parametrize("subject", [
    "监控埋点添加", "去除上报", "T1埋点", "修改T3埋点", "性能监控接入", "数据上报调整", "mp release", "code format",
    "report speed", "custom speed report", "remove aegis logs", "T2 only once trigger", "bug fixed", "scss bug",
    "!31 v3.2.1版本合并releases", "!8 【体验】需求", "框架搭建成功", "add dependency"])
def test_instrumentation_release_chores_and_empty_words_are_left_out(subject: str) -> None:
    entry = classify(subject)
    assert entry is None or entry.section == "skip"


@pytest.mark.parametrize(("subject", "section", "text"), [
    ("问题上报功能", "improved", "问题上报功能"),           # users report problems: a feature, not telemetry
    ("新增视频监控画面全屏", "added", "视频监控画面全屏"),
    ("search goods by barcode", "improved", "search goods by barcode"),
    ("!21 修复订单列表出现重复订单", "fixed", "订单列表出现重复订单"),  # Gitee's !21 dropped, as #21 is
    ("修复优惠券无法领取 (!7)", "fixed", "优惠券无法领取"),
    ("desc: '订单页支持自提、修复优惠券bug', // 版本描述不用改", "fixed", "订单页支持自提、修复优惠券bug"),
    ("分享链接改为 https://m.example.com/a", "improved", "分享链接改为 https://m.example.com/a"),
    ("满100减20!10点开抢", "improved", "满100减20!10点开抢"),
])
def test_real_changes_are_kept_without_references_or_code(subject: str, section: str, text: str) -> None:
    entry = classify(subject)
    assert entry is not None and (entry.section, entry.text) == (section, text)


@pytest.mark.parametrize(("subject", "section", "text"), [
    ("fix bind-phone bug", "fixed", "bind-phone bug"),
    ("feat: add coupons", "added", "coupons"),
    ("售后 bug fixed", "fixed", "售后 bug"),
    ("update order list layout", "improved", "order list layout"),
    ("feat: update the cart", "added", "update the cart"),  # the verb is not the section's: kept
    ("add ui", "added", "add ui"),                     # too little would be left
])
def test_a_section_does_not_repeat_its_english_verb(subject: str, section: str, text: str) -> None:
    entry = classify(subject)
    assert entry is not None and (entry.section, entry.text) == (section, text)


def test_the_draft_lists_only_what_the_reviewer_reads(repo: Repo) -> None:
    base = _app(repo)
    for path, subject in (("pages/index/index.js", "feat: 新增优惠券领取入口"), ("pages/shop/shop.js", "埋点上报添加"),
                          ("pages/index/index.wxml", "!12 修复购物车数量错误"), ("pages/shop/shop.wxml", "code format"),
                          ("app.js", "note: '门店列表支持筛选', // 这个为版本描述")):
        repo.write(path, (repo.path / path).read_text(encoding="utf-8") + "\n")
        repo.commit(subject)
    out = notes_text(repo, base)
    assert (notes_section(out, 1), notes_section(out, 2), notes_section(out, 3)) == (
        ["优惠券领取入口", "门店列表支持筛选"], [], ["购物车数量错误"])
    assert "//" not in out and "!12" not in out


# ------------------------------------------------------------------------------------------- Taro 1.x/2.x titles

TARO2_PAGE = """import Taro, {{ Component }} from '@tarojs/taro'
import {{ View }} from '@tarojs/components'

export default class Login extends Component {{
  config = {{
    navigationBarTitleText: '{title}'
  }}

  render () {{
    return <View>hi</View>
  }}
}}
"""


@pytest.mark.parametrize(("files", "expected"), [
    ({"src/pages/login/index.jsx": TARO2_PAGE.format(title="账号登录")}, "账号登录"),
    ({"src/pages/login/index.tsx": TARO2_PAGE.format(title="账号登录")}, "账号登录"),
    ({"src/pages/login/index.jsx": TARO2_PAGE.format(title="账号登录"),  # Taro 3's page config wins
      "src/pages/login/index.config.js": "export default { navigationBarTitleText: '登录页' }\n"}, "登录页"),
    ({"src/pages/login/index.jsx": "export default function Login() { return null }\n"}, None),
])
def test_a_taro_class_page_is_named_by_its_config_title(files: dict[str, str], expected: str | None) -> None:
    assert shown_title("pages/login/index", "", "taro", files.get) == expected


def test_the_notes_name_a_taro2_page_by_its_title(tmp_path) -> None:
    repo = Repo(tmp_path / "repo")
    app = ("import Taro, { Component } from '@tarojs/taro'\nclass App extends Component {\n"
           "  config = { pages: ['pages/index/index', 'pages/photo/index'] }\n  render () { return null }\n}\n")
    repo.write_files({"package.json": '{"dependencies": {"@tarojs/taro": "2.2.9"}}\n',
                      "project.config.json": '{"miniprogramRoot": "dist/"}\n', "src/app.jsx": app,
                      "src/pages/index/index.jsx": TARO2_PAGE.format(title="首页"),
                      "src/pages/photo/index.jsx": TARO2_PAGE.format(title="晒单")})
    base = repo.commit("init")
    repo.write("src/pages/photo/index.jsx", TARO2_PAGE.format(title="晒单").replace(
        "render () {", "pick () { Taro.chooseImage({ count: 1, success: (r) => Taro.uploadFile({ url: "
        "'https://up.example.com/u', filePath: r.tempFilePaths[0], name: 'f' }) }) }\n\n  render () {").replace(
        "<View>hi</View>", "<View onClick={this.pick}>选图</View>"))
    repo.commit("feat: 晒单页")
    out = notes_text(repo, base)
    assert "「晒单」" in out and "「photo」" not in out


# ------------------------------------------------------------------------------------------- answer 2's words


def test_a_text_box_is_published_text_and_its_socket_names_its_page(repo: Repo) -> None:
    base = _app(repo)
    repo.write_files({"pages/chat/room.wxml": ROOM_WXML, "pages/chat/room.js": ROOM_JS})
    repo.commit("feat: 直播间互动")
    out = notes_text(repo, base)
    assert "「直播间」支持用户发布文字内容" in notes_section(out, 1)
    remark = notes_remark(out, 2)
    assert "用户发布的文字内容（「直播间」）" in remark and "Socket 实时连接（「直播间」）" in remark
    assert "上传" not in out and "外部链接" not in remark


def test_a_file_upload_is_still_an_upload(repo: Repo) -> None:
    base = _app(repo)
    repo.write("pages/chat/room.js", "Page({ up(p) { wx.uploadFile({ url: 'https://api.example.com/u', "
                                     "filePath: p, name: 'f' }) } })\n")
    repo.commit("feat: 直播间互动")
    out = notes_text(repo, base)
    assert "「直播间」支持上传图片或文件" in notes_section(out, 1) and "文字内容" not in out


def test_every_link_rule_has_its_own_words() -> None:
    from mp_precheck.core.catalog import load_catalog
    from mp_precheck.core.messages import Messages

    messages = Messages("zh-CN")
    missing = [r.id for r in load_catalog().rules if r.link_in_notes and _untold(messages, r.id)]
    assert missing == []


def _untold(messages, rule: str) -> bool:
    try:
        messages.t(f"notes.what.{rule}")
    except KeyError:
        return True
    return False


# ------------------------------------------------------------------------------------------- the team's warnings


@pytest.mark.parametrize(("subject", "warned"), [("feat: 三级分销佣金结算", True), ("feat: 分销中心改版", False)])
def test_a_line_worded_as_review_rejects_is_warned_about_not_changed(repo: Repo, subject: str, warned: bool) -> None:
    base = _app(repo)
    repo.write("pages/shop/shop.js", "Page({ data: { n: 1 } })\n")
    repo.commit(subject)
    code, out, err = cli("notes", "--repo", str(repo.path), "--base", base)
    assert code == 0 and notes_section(out, 1) == [subject.removeprefix("feat: ")]
    assert ("sharing.multi_level_distribution" in err) is warned and "sharing.multi_level_distribution" not in out


# ------------------------------------------------------------------------------------------- test account


def _login(subject: str, value: str) -> Finding:
    return Finding(rule="login.forced_login", family="login", severity="high", path="pages/shop/shop.js", line=3,
                   subject=subject, title="", fix="", doc="", scope="app", value=value)


@pytest.mark.parametrize(("subject", "value", "account"), [
    ("login:entry-page:checkAuthorize()", "onShow: checkAuthorize()", False),
    ("login:launch:wx.authorize", "onLaunch: wx.authorize scope.userLocation", False),
    ("login:entry-page:ensureSignedIn()", "onShow: ensureSignedIn()", True),
    ("login:launch:/pages/auth/auth", "onLaunch → /pages/auth/auth", True),
    ("login:entry-page:overlay:pages/index/index", "", True),
    ("login:launch:checkAuthorizeThenLogin()", "", True),
])
def test_only_an_account_needs_a_test_account(subject: str, value: str, account: bool) -> None:
    assert asks_for_account(_login(subject, value)) is account


def test_a_location_prompt_on_the_entry_page_asks_for_no_test_account(repo: Repo) -> None:
    base = _app(repo)
    helper = ("function checkAuthorize(scope) { return new Promise(r => wx.authorize({ scope, success: r })) }\n"
              "module.exports = { checkAuthorize }\n")
    repo.write_files({"utils/auth.js": helper, "pages/index/index.js":
                      "const { checkAuthorize } = require('../../utils/auth')\n"
                      "Page({ onShow() { checkAuthorize('scope.userLocation') } })\n"})
    repo.commit("feat: 首页授权")
    _code, out, _err = cli("diff", "--repo", str(repo.path), "--base", base, "--format", "text", "--color", "never")
    assert "login.forced_login" in out
    assert "测试账号" not in out and "测试账号（需要" not in notes_text(repo, base)
