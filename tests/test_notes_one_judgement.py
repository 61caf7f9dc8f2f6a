"""The notes say what the report found, once: a declaration of a use the app already had is no new privacy
collection, the test account's payment reason is answer 2's payment, and commit subjects read without their
date stamps, a fixed 问题 filed under 修复."""

from __future__ import annotations

import json

import pytest

from conftest import Repo
from helpers import cli, notes_remark, notes_text
from mp_precheck.notes.commitmessage import classify

APP = {"pages": ["pages/index/index", "pages/shop/shop"]}
LOCATE = "Page({ near() { wx.getLocation({ type: 'gcj02', success() {} }) } })\n"


def _account(out: str) -> str:
    return next(line for line in out.splitlines() if line.startswith("测试账号"))


@pytest.fixture
def locating_app(repo: Repo) -> Repo:
    repo.write_files({"app.json": json.dumps(APP), "app.js": "App({})\n", "pages/index/index.js": LOCATE,
                      "pages/index/index.wxml": "<view>附近</view>\n", "pages/shop/shop.js": "Page({})\n",
                      "pages/shop/shop.wxml": "<view>店</view>\n"})
    repo.commit("chore: 初始版本")
    return repo


@pytest.mark.parametrize("entry", [
    {"permission": {"scope.userLocation": {"desc": "用于展示离你最近的门店"}}},
    {"requiredPrivateInfos": ["getLocation"]},
])
def test_declaring_a_use_the_app_already_had_is_no_new_collection(locating_app: Repo, entry: dict) -> None:
    base = locating_app.git("rev-parse", "HEAD")
    locating_app.write("app.json", json.dumps({**APP, **entry}, ensure_ascii=False))
    locating_app.commit("chore: 配置")
    _code, data, _err = cli("diff", "--repo", str(locating_app.path), "--base", base, "--format", "json")
    assert not [f for f in json.loads(data)["findings"] if f["privacy_type"]]  # the report tells no type as new
    assert notes_remark(notes_text(locating_app, base), 1) == "1. 本次是否涉及新增用户隐私信息收集？否"


def test_a_declaration_with_the_first_use_names_the_type(locating_app: Repo) -> None:
    base = locating_app.git("rev-parse", "HEAD")
    locating_app.write("app.json", json.dumps({**APP, "permission": {"scope.userLocation": {"desc": "用于选择收货点"}},
                                               "requiredPrivateInfos": ["getLocation", "chooseLocation"]},
                                              ensure_ascii=False))
    locating_app.write("pages/shop/shop.js", "Page({ pick() { wx.chooseLocation({ success() {} }) } })\n")
    locating_app.commit("feat: 选择自提点")
    assert notes_remark(notes_text(locating_app, base), 1) == "1. 本次是否涉及新增用户隐私信息收集？是：新增「选择的位置信息」"


@pytest.fixture
def shop(repo: Repo) -> Repo:
    repo.write_files({"app.json": json.dumps(APP), "app.js": "App({})\n", "pages/index/index.js": "Page({})\n",
                      "pages/index/index.wxml": "<view>首页</view>\n", "pages/shop/shop.js": "Page({})\n",
                      "pages/shop/shop.wxml": "<view>店</view>\n"})
    repo.commit("chore: 初始版本")
    return repo


def test_payment_words_in_a_subject_do_not_claim_a_payment_flow_the_answer_denies(shop: Repo) -> None:
    base = shop.git("rev-parse", "HEAD")
    shop.write("pages/shop/shop.wxml", "<view>店</view>\n<view>付款失败时请稍后重试</view>\n")
    shop.commit("支付失败提示")
    out = notes_text(shop, base)
    assert notes_remark(out, 2) == "2. 本次是否涉及支付、内容发布或外链？否"
    assert _account(out) == "测试账号（非必需）："


def test_a_payment_the_answer_names_is_the_accounts_reason(shop: Repo) -> None:
    base = shop.git("rev-parse", "HEAD")
    shop.write("pages/shop/shop.js", "Page({ buy(p) { wx.requestPayment({ ...p, success() {} }) } })\n")
    shop.commit("feat: 门店下单")
    out = notes_text(shop, base)
    assert notes_remark(out, 2).startswith("2. 本次是否涉及支付、内容发布或外链？是")
    assert "微信支付" in notes_remark(out, 2)
    assert _account(out) == "测试账号（需要，支付流程）："


@pytest.mark.parametrize(("subject", "section", "text"), [
    ("2024/05/06--修改下单金额问题", "fixed", "修改下单金额问题"),
    ("2024-05-06 09:30 修改结算页问题", "fixed", "修改结算页问题"),
    ("20240506：优化门店列表", "improved", "门店列表"),
    ("v2.1.0 新增收藏夹功能", "added", "收藏夹功能"),
    ("fix: 2024/05/06 修复收藏失败", "fixed", "收藏失败"),
    ("修改提交订单错误", "fixed", "修改提交订单错误"),
    ("修改错误提示文案", "improved", "修改错误提示文案"),  # rewords a message: no fix
    ("3天内发货提示", "improved", "3天内发货提示"),  # a number it means stays
    ("12月会员日活动页", "improved", "12月会员日活动页"),
    ("2.5折优惠展示", "improved", "2.5折优惠展示"),  # a decimal it means: no version
])
def test_a_subject_reads_without_its_stamp_and_a_fixed_problem_is_a_fix(subject: str, section: str, text: str) -> None:
    entry = classify(subject)
    assert entry is not None
    assert (entry.section, entry.text) == (section, text)


@pytest.mark.parametrize("subject", ["v1.2.0", "release 2.0.1", "版本1.0.2", "1.2.3-beta.1"])
def test_a_subject_that_is_only_a_version_says_nothing(subject: str) -> None:
    assert classify(subject) is None


def test_the_notes_file_a_dated_problem_fix_under_fixes(shop: Repo) -> None:
    base = shop.git("rev-parse", "HEAD")
    shop.write("pages/shop/shop.wxml", "<view>店铺</view>\n")
    shop.commit("2024/05/06--修改门店名称显示不全的问题")
    out = notes_text(shop, base)
    fixed = out.split("3. 修复")[1].split("测试账号")[0]
    assert "修改门店名称显示不全的问题" in fixed
    assert "2024" not in out.split("补充说明")[0]
