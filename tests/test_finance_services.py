"""Financial services a page offers need the 金融业 category (readers/textsignals.py FINANCE, joined over a template
in readers/markup.py): securities information and advice, an investment's subscription and yield, crowd-funding,
insurance sold — and the mentions that offer none. Each on its words, a template and a small real repository."""

from __future__ import annotations

import pytest

from helpers import found, run
from mp_precheck.readers.markup import markup_facts
from mp_precheck.readers.textsignals import SERVICE_NEEDLES, signals

OFFERED = ["机构评级", "查看股票评级明细", "2025年盈利预测", "业绩预测", "券商研报", "今日荐股", "智能选股",
           "股票推荐", "个股诊断", "一键诊股", "认购份额：", "申购金额", "七日年化 2.35%", "预期年化收益 4.5%",
           "1000元起投", "立即投资", "基金定投", "发起众筹", "立即投保", "投保人信息", "购买保险", "外汇开户"]
MENTIONED = ["自选股", "获取自选股失败", "精选股票好物", "酒店评级", "天气预测", "会员积分收益", "优惠券收益", "认购",
             "本工具不构成投资建议，投资有风险", "公司所有电站均已投保足额商业保险", "理财卡号", "合伙人收益率",
             "按份额比例进行分配", "净资产收益率ROE", "预测", "评级:"]


@pytest.mark.parametrize("text", OFFERED)
def test_a_financial_service_offered_is_finance(text):
    assert "finance" in signals(text)


@pytest.mark.parametrize("text", MENTIONED)
def test_a_mention_or_a_bare_analysis_word_is_no_finance(text):
    assert "finance" not in signals(text)


@pytest.mark.parametrize("text", OFFERED)
def test_each_finance_match_holds_a_needle_git_grep_finds(text):
    # an unchanged page that offers the service is found by these strings: the service is then not new
    assert any(needle in text for needle in SERVICE_NEEDLES["finance"]), text


STOCK_PAGE = ('<view>\n<input placeholder="请输入股票名称/代码"/>\n<view class="title">净利润</view>\n'
              '<view bindtap="forecast">预测</view>\n<view>评级:</view>\n</view>\n')


def _finance_lines(markup: str) -> list[tuple[int, str]]:
    return [(f.line, f.value) for f in markup_facts(markup) if f.subject == "text:finance"]


def test_an_analysis_label_on_a_page_of_stocks_is_the_securities_service():
    assert _finance_lines(STOCK_PAGE) == [(4, "预测"), (5, "评级:")]
    heading = '<view>\n<view>净资产收益率ROE</view>\n<button @click="more">2025预测</button>\n</view>\n'
    assert _finance_lines(heading) == [(3, "2025预测")]


@pytest.mark.parametrize("markup", [
    '<view>\n<view>明日天气</view>\n<view bindtap="forecast">预测</view>\n</view>\n',
    '<view>\n<view>酒店详情</view>\n<view>评级:</view>\n</view>\n',
    '<view>\n<view>比赛结果预测</view>\n<button bindtap="guess">预测</button>\n</view>\n',
    '<view>\n<view>股票</view>\n<view>查看预测结果的说明</view>\n</view>\n',
])
def test_an_analysis_word_off_a_securities_page_or_inside_a_sentence_stays_silent(markup):
    assert _finance_lines(markup) == []


def _category(report):
    return {(rule, path, line, scope) for rule, path, line, scope in found(report) if rule.startswith("category.")}


def test_a_stock_page_that_starts_showing_forecasts_is_told_at_the_label(app_repo):
    app_repo.write_files({"pages/index/index.wxml": STOCK_PAGE.replace("预测", "趋势").replace("评级:", "行业")})
    base = app_repo.commit("a stock quote page")
    app_repo.write_files({"pages/index/index.wxml": STOCK_PAGE})
    app_repo.commit("forecasts and ratings")
    assert _category(run(app_repo.path, base)) == {
        ("category.regulated_content", "pages/index/index.wxml", 4, "app")}


def test_a_subscription_page_of_an_investment_is_told(app_repo):
    base = app_repo.commit("no investments")
    app_repo.write_files({"pages/me/me.wxml": "<view>\n<view>一号电站</view>\n<text>认购份额：</text>\n</view>\n"})
    app_repo.commit("subscribe to a station's shares")
    assert _category(run(app_repo.path, base)) == {("category.regulated_content", "pages/me/me.wxml", 3, "app")}


def test_forecasts_in_an_app_that_already_offered_research_reports_are_not_new(app_repo):
    app_repo.write_files({"pages/me/me.wxml": "<view>\n<view>个股研报</view>\n</view>\n"})
    base = app_repo.commit("research reports")
    app_repo.write_files({"pages/index/index.wxml": STOCK_PAGE})
    app_repo.commit("forecasts")
    assert _category(run(app_repo.path, base)) == set()


def test_a_shop_showing_points_earned_and_an_insured_guarantee_stays_silent(app_repo):
    base = app_repo.commit("a shop")
    app_repo.write_files({"pages/index/index.wxml": "<view>\n<view>会员积分收益</view>\n<view>自选股</view>\n"
                                                    "<view>本店商品均已投保</view>\n<view>精选股票图书</view>\n</view>\n"})
    app_repo.commit("points and a guarantee")
    assert _category(run(app_repo.path, base)) == set()
