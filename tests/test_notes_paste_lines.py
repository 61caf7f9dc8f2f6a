"""Lines of 本次版本变更 a team pastes into 提交审核 as they are: no issue or commit link and no item that is only a
link, no code host's default subject for a web edit (``update pages/x/y.vue.``), no quotes around a whole message,
no work-in-progress message (``商品列表30%``), one line for a change its subject and body both state, and no other
platform's name in a WeChat line (``微信/支付宝环境判断`` → ``微信环境判断``; a line only about H5 or Alipay is left out).
Real git repositories and the ``notes`` command where the units of a range matter."""

from __future__ import annotations

import pytest

from conftest import MINIMAL_APP, Repo
from helpers import notes_section, notes_text
from mp_precheck.notes.commitmessage import classify


def _kept(subject: str) -> tuple[str, str] | None:
    entry = classify(subject)
    return None if entry is None or entry.section == "skip" else (entry.section, entry.text)


def _app(repo: Repo) -> str:
    repo.write_files(MINIMAL_APP)
    return repo.commit("chore: 初始版本")


def _change(repo: Repo, n: int, message: str) -> None:
    repo.write("pages/index/index.wxml", f"<view>home {n}</view>\n")
    repo.commit(message)


# ------------------------------------------------------------------------------------------------- links


@pytest.mark.parametrize("subject", [
    "修复 https://github.com/example-org/shop-app/issues/38", "修复 https://gitee.com/example/shop/issues/I5ABC",
    "修复 https://m.example.com/a", "https://m.example.com/a"])
def test_an_item_that_is_only_a_link_is_left_out(subject: str) -> None:
    assert _kept(subject) is None


@pytest.mark.parametrize(("subject", "kept"), [
    ("修复登录失效，详见 https://github.com/example-org/shop-app/issues/3", ("fixed", "登录失效")),
    ("fix: 下单闪退 https://gitlab.example.com/team/app/-/merge_requests/12", ("fixed", "下单闪退")),
    ("修复优惠券无法领取（https://gitee.com/example/shop/issues/I5ABC）", ("fixed", "优惠券无法领取")),
    ("分享链接改为 https://m.example.com/a", ("improved", "分享链接改为 https://m.example.com/a")),  # the change
])
def test_reference_links_are_dropped_and_a_link_that_is_the_change_stays(subject: str, kept: tuple[str, str]) -> None:
    assert _kept(subject) == kept


def test_a_body_line_that_is_only_an_issue_link_gives_no_line(repo: Repo) -> None:
    base = _app(repo)
    _change(repo, 1, "fix: 登录失效时未弹出登录框\n\n调整刷新令牌的检查顺序。\n\n修复 https://github.com/example-org/shop-app/issues/38")
    assert notes_section(notes_text(repo, base), 3) == ["登录失效时未弹出登录框"]


# ---------------------------------------------------------------------------------------- default subjects


@pytest.mark.parametrize("subject", [
    "update pages/order/detail.vue.", "Update app.json", "Create index.js", "Delete pages/old/old.wxml",
    "Add files via upload", "Rename utils/a.js to utils/b.js", "!12 update pages/order/detail.vue."])
def test_a_code_hosts_default_subject_says_nothing(subject: str) -> None:
    assert _kept(subject) is None


@pytest.mark.parametrize(("subject", "kept"), [
    ("update 订单页样式", ("improved", "订单页样式")), ("Update checkout button colour", ("improved", "Checkout button colour")),
    ("Add coupon list to pages/me", ("added", "Coupon list to pages/me"))])
def test_a_subject_with_words_of_its_own_stays(subject: str, kept: tuple[str, str]) -> None:
    assert _kept(subject) == kept


def test_a_default_subject_leaves_its_body_as_the_only_line(repo: Repo) -> None:
    base = _app(repo)
    _change(repo, 1, "update pages/order/detail.vue.\n\n修复loadMore()未定义错误")
    out = notes_text(repo, base)
    assert (notes_section(out, 2), notes_section(out, 3)) == ([], ["loadMore未定义错误"])


# -------------------------------------------------------------------------------------- quotes and progress


@pytest.mark.parametrize(("subject", "kept"), [
    ("'新增优惠券入口'", ("added", "优惠券入口")), ("“修复订单列表乱码”", ("fixed", "订单列表乱码")),
    ('"feat: 新增积分商城"', ("added", "积分商城")),
    ("修复「我的」页崩溃", ("fixed", "「我的」页崩溃")),            # quotes inside a line stay
    ("'首页'与'我的'标题对调", ("improved", "'首页'与'我的'标题对调"))])
def test_quotes_around_a_whole_message_are_taken_off(subject: str, kept: tuple[str, str]) -> None:
    assert _kept(subject) == kept


def test_a_quoted_clean_up_is_housekeeping() -> None:
    assert _kept("'清理调试文件'") is None
    assert _kept("feat: 新增清理缓存按钮") == ("added", "清理缓存按钮")


@pytest.mark.parametrize("subject", ["商品列表30%", "商品详情 80%", "首页完成80%", "个人中心开发进度30%",
                                     "个人中心（开发中）", "feat: 积分商城【未完成】"])
def test_work_in_progress_is_left_out(subject: str) -> None:
    assert _kept(subject) is None


@pytest.mark.parametrize(("subject", "kept"), [
    ("会员折扣50%", ("improved", "会员折扣50%")), ("新增满减，最高优惠50%", ("added", "满减，最高优惠50%")),
    ("修复未完成订单不显示", ("fixed", "未完成订单不显示"))])
def test_a_rate_or_a_sentence_with_a_percentage_stays(subject: str, kept: tuple[str, str]) -> None:
    assert _kept(subject) == kept


# ---------------------------------------------------------------------------------- subject and body restated


def test_a_change_its_subject_and_body_both_state_is_one_line(repo: Repo) -> None:
    base = _app(repo)
    _change(repo, 1, "fix: 登录失效\n\n- 修复登录失效时未弹出登录框")
    _change(repo, 2, "fix: 修复购物车数量错误\n\n- 修复购物车数量错误")
    assert notes_section(notes_text(repo, base), 3) == ["登录失效时未弹出登录框", "购物车数量错误"]


def test_different_changes_of_one_message_stay_apart(repo: Repo) -> None:
    base = _app(repo)
    _change(repo, 1, "fix: 修复订单页\n\n- 优化订单页样式\n- 修复支付\n- 修复支付回调重复通知")
    out = notes_section(notes_text(repo, base), 2), notes_section(notes_text(repo, base), 3)
    # 订单页 (a fix) and 订单页样式 (an improvement) are two sections; 支付 is too short to tell
    assert out == (["订单页样式"], ["修复订单页", "支付", "支付回调重复通知"])


# ------------------------------------------------------------------------------------------ other platforms


@pytest.mark.parametrize(("subject", "kept"), [
    ("优化：微信/支付宝环境判断", ("improved", "微信环境判断")),
    ("修复H5和小程序分享卡片标题", ("fixed", "小程序分享卡片标题")),
    ("新增微信、支付宝、H5端登录方式", ("added", "微信登录方式")),
    ("小程序跳转支付宝领取发票", ("improved", "小程序跳转支付宝领取发票")),   # not a list of platforms: what it does
    ("修复 iOS 和安卓列表滚动卡顿", ("fixed", "iOS 和安卓列表滚动卡顿"))])       # WeChat on both phones
def test_a_line_for_the_mini_program_keeps_only_its_own_platform(subject: str, kept: tuple[str, str]) -> None:
    assert _kept(subject) == kept


@pytest.mark.parametrize("subject", [
    "fix: 修复 H5 分享链接未绑定推广用户", "修复h5分享链接", "支付宝小程序适配", "抖音小程序和H5登录", "App端启动页"])
def test_a_line_only_about_another_platform_is_left_out(subject: str) -> None:
    assert _kept(subject) is None
