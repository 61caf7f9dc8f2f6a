"""The 提交审核 notes read as a reviewer's list, whatever the team's commit habits: type words in any case or
spelling are dropped, numbered and semicolon lists become items, each item is filed by its own words, commits
touching no Mini Program file and the team's process words never reach the form, 反馈内容 says each verb once, and
answer 2 is not 是 for a server domain. The tool's own reading errors follow --language."""

from __future__ import annotations

import json

import pytest

from conftest import Repo
from helpers import cli, notes_remark, notes_section, notes_text
from mp_precheck.core.messages import Messages
from mp_precheck.notes.commitmessage import classify, message_items
from mp_precheck.notes.listitems import known_type, listed_items
from mp_precheck.outputs.errortext import localized

PAGES = ["pages/home/home", "pages/cart/cart"]


def _app(repo: Repo, pages: list[str] | None = None) -> str:
    repo.write_files({"app.json": json.dumps({"pages": pages or PAGES}), "app.js": "App({})\n",
                      **{f"{p}.js": "Page({})\n" for p in PAGES}, **{f"{p}.wxml": "<view>x</view>\n" for p in PAGES}})
    return repo.commit("chore: 初始版本")


def _touch(repo: Repo, message: str, path: str = "pages/home/home.wxml", content: str = "") -> None:
    repo.write(path, content or f"<view>{message}</view>\n")
    repo.commit(message)


# ------------------------------------------------------------------------------------------ type words, lists


@pytest.mark.parametrize(("word", "found"), [
    ("ADD", "add"), ("Fix", "fix"), ("UPDATE", "update"), ("UPDTAE", "update"), ("MEGER", "merge"),
    ("feat", "feat"), ("SKU", None), ("API", None), ("H5", None), ("Home", None)])
def test_a_type_word_is_known_in_any_case_and_by_a_near_spelling(word: str, found: str | None) -> None:
    types = {"add": 1, "fix": 1, "update": 1, "merge": 1, "feat": 1, "skip": 1, "help": 1}
    assert known_type(word, types) == found


@pytest.mark.parametrize(("item", "items"), [
    ("1、修复订单列表，购物车未刷新，2、新增自提入口", ["修复订单列表，购物车未刷新", "新增自提入口"]),
    ("1，首页轮播 2，搜索页清空历史", ["首页轮播", "搜索页清空历史"]),
    ("ADD:1、门店列表，2、门店地图", ["ADD:门店列表", "ADD:门店地图"]),
    ("优化首页；修复支付页白屏", ["优化首页", "修复支付页白屏"]),
    ("1.优惠券页面", ["优惠券页面"]),
    ("新增3天内发货标识", ["新增3天内发货标识"]),          # a number that is the text's own
    ("满2.5折，3件起", ["满2.5折，3件起"]),                # no list: numbers out of sequence
])
def test_one_line_lists_its_changes_as_items(item: str, items: list[str]) -> None:
    assert listed_items(item, {"add": 1}) == items


@pytest.mark.parametrize(("subject", "expected"), [
    ("ADD:增加会员卡折扣率展示", [("added", "会员卡折扣率展示")]),
    ("Add: coupon center", [("added", "coupon center")]),
    ("UPDTAE:商品详情页改版", [("improved", "商品详情页改版")]),
    ("ADD:修订收货地址不会自动选中的问题", [("fixed", "修订收货地址不会自动选中的问题")]),
    ("ADD:修订满减类别为空的情况", [("fixed", "修订满减类别为空的情况")]),
    ("FIX:简化搜索栏的参数", [("improved", "简化搜索栏的参数")]),
    ("1、添加门店分享功能", [("added", "门店分享功能")]),
    ("1、修复下单后购物车未清空，2、适应微信小程序审核要求", [("fixed", "下单后购物车未清空")]),
    ("FIX:修订至测试环境", []), ("分支合并", []), ("INIT:初始化首页", []), ("ADD:SAVE", []), ("ADD", []),
    ("修复商家通过审核后的提示", [("fixed", "商家通过审核后的提示")]),   # a feature's own 审核 is kept
])
def test_each_item_is_filed_by_its_own_words(subject: str, expected: list[tuple[str, str]]) -> None:
    entries = [classify(item) for item in message_items(subject, "")]
    assert [(e.section, e.text) for e in entries if e is not None and e.section != "skip"] == expected


# ------------------------------------------------------------------------------------------ a real history


def test_a_history_of_such_messages_drafts_pasteable_notes(repo: Repo) -> None:
    base = _app(repo)
    _touch(repo, "ADD:增加会员卡折扣率展示")
    _touch(repo, "ADD:修订收货地址不会自动选中的问题", "pages/cart/cart.wxml")
    _touch(repo, "FIX:简化搜索栏的参数")
    _touch(repo, "1、修复下单后购物车未清空，2、适应微信小程序审核要求", "pages/cart/cart.js", "Page({a: 1})\n")
    _touch(repo, "FIX:修订至测试环境", "app.js", "App({ env: 2 })\n")
    _touch(repo, "FIX:修订赠送券描述", "pages/cart/cart.wxml", "<view>赠送券</view>\n")
    _touch(repo, "test file", "test.txt", "x\n")
    _touch(repo, "修改小程序二维码", "_doc/qrcode.png", "png")
    _touch(repo, "delete ext json", "ext.json", "{}\n")
    out = notes_text(repo, base)
    assert notes_section(out, 1) == ["会员卡折扣率展示"]
    assert notes_section(out, 2) == ["简化搜索栏的参数"]
    assert notes_section(out, 3) == ["修订收货地址不会自动选中的问题", "下单后购物车未清空", "修订赠送券描述"]
    for internal in ("ADD", "FIX", "1、", "审核要求", "测试环境", "test file", "二维码", "ext json"):
        assert internal not in out.split("测试账号")[0], internal
    code, feedback, err = cli("notes", "--repo", str(repo.path), "--base", base, "--feedback")
    assert code == 0, err
    assert "修复修订" not in feedback and "修复1" not in feedback
    assert "修订赠送券描述" in feedback and "修复下单后购物车未清空" in feedback


def test_a_commit_that_only_names_the_page_it_creates_is_new(repo: Repo) -> None:
    base = _app(repo, [*PAGES, "pages/login/login"])
    repo.write_files({"pages/login/login.js": "Page({})\n", "pages/login/login.wxml": "<view>登录</view>\n"})
    repo.commit("登录")
    _touch(repo, "购物车", "pages/cart/cart.wxml", "<view>购物车</view>\n")  # no page created: 优化 stays
    out = notes_text(repo, base)
    assert notes_section(out, 1) == ["登录"]
    assert notes_section(out, 2) == ["购物车"]


# ------------------------------------------------------------------------------------------ answer 2


def test_a_server_domain_alone_is_no_payment_content_or_link(repo: Repo) -> None:
    base = _app(repo)
    _touch(repo, "新增订单接口", "pages/cart/cart.js",
           "Page({ onLoad() { wx.request({ url: 'https://api.tea-corner.example.com/orders' }) } })\n")
    assert notes_remark(notes_text(repo, base), 2) == "2. 本次是否涉及支付、内容发布或外链？否"


def test_a_web_view_is_a_link_and_the_request_domain_is_not_named(repo: Repo) -> None:
    base = _app(repo)
    repo.write_files({
        "pages/cart/cart.js": "Page({ onLoad() { wx.request({ url: 'https://api.tea-corner.example.com/o' }) } })\n",
        "pages/cart/cart.wxml": "<web-view src=\"https://h5.tea-corner.example.com/help\"></web-view>\n"})
    repo.commit("新增帮助页")
    remark = notes_remark(notes_text(repo, base), 2)
    assert remark.startswith("2. 本次是否涉及支付、内容发布或外链？是：") and "h5.tea-corner.example.com" in remark
    assert "api.tea-corner.example.com" not in remark


# ------------------------------------------------------------------------------------------ reading errors


def test_the_tools_reading_errors_follow_the_language() -> None:
    oversized = "skipped: 2.4 MB is over the 1 MB limit (a minified or generated file?)"
    broken = ("app.json is not valid JSON: Expecting value at line 3 column 5; WeChat's tools will not compile it "
              "— the rest was read leniently (as JSON5)")
    zh, en = Messages("zh-CN"), Messages("en")
    assert localized(oversized, zh) == "已跳过：2.4 MB，超过 1 MB 的读取上限（压缩或生成的文件？）"
    assert localized(broken, zh) == ("app.json 不是合法的 JSON：第 3 行第 5 列：缺少值（多余的逗号？）；"
                                     "微信开发者工具无法编译它，其余内容已按 JSON5 宽松读取")
    assert localized(oversized, en) == oversized and localized(broken, en) == broken
    assert localized("gone at head", zh) == "gone at head"


def test_a_zh_report_of_a_broken_app_json_has_no_english_line_of_ours(repo: Repo) -> None:
    base = _app(repo)
    repo.write("app.json", '{"pages": ["pages/home/home",],}\n')
    head = repo.commit("调整配置")
    for fmt in ("text", "markdown"):
        _code, out, _err = cli("diff", "--repo", str(repo.path), "--base", base, "--head", head, "--format", fmt,
                               "--color", "never")
        assert "is not valid JSON" not in out and "read leniently" not in out, fmt
        assert "app.json 不是合法的 JSON：第 1 行" in out, fmt
