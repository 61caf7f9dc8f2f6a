"""Service words told as a category (readers/textsignals.py): a generator of fake WeChat or payment screenshots
(``category.forged_screenshot``) and making friends in a social app's tagline (no ``category.dating``). Each on a
small real repository, with the look-alikes that must stay silent."""

from __future__ import annotations

from conftest import minimal_app
from helpers import found, run

APP_JSON = '{"pages": ["pages/index/index", "pages/me/me", "pages/tool/tool"]}\n'


def _category(report):
    return {(rule, path, line) for rule, path, line, _scope in found(report) if rule.startswith("category.")}


def _tool_page(tmp_path, title, wxml):
    """The report of a change adding a tool page with ``title`` and markup ``wxml`` to a small app."""
    app_repo, base = minimal_app(tmp_path / "repo")
    app_repo.write_files({"app.json": APP_JSON, "pages/tool/tool.js": "Page({ make() {} })\n",
                          "pages/tool/tool.json": f'{{\n  "navigationBarTitleText": "{title}"\n}}\n',
                          "pages/tool/tool.wxml": wxml})
    app_repo.commit("a tool page")
    return run(app_repo.path, base)


def test_a_page_generating_fake_payment_screenshots_is_told_at_its_title(tmp_path):
    report = _tool_page(tmp_path, "转账截图生成器",
                        "<view>\n<input placeholder=\"金额\"/>\n<button bindtap=\"make\">生成图片</button>\n</view>\n")
    assert _category(report) == {("category.forged_screenshot", "pages/tool/tool.json", 2)}


def test_a_chat_history_generator_label_is_told(tmp_path):
    report = _tool_page(tmp_path, "小工具", "<view>\n<view>聊天记录生成器</view>\n</view>\n")
    assert _category(report) == {("category.forged_screenshot", "pages/tool/tool.wxml", 2)}


def test_a_bill_or_a_chat_summary_the_app_makes_is_no_forged_screen(tmp_path):
    report = _tool_page(tmp_path, "账单详情",
                        "<view>\n<view>生成账单</view>\n<view>从聊天记录生成摘要</view>\n<view>生成支付订单</view>\n</view>\n")
    assert _category(report) == set()


def test_making_friends_with_peers_in_a_tagline_is_no_dating(tmp_path):
    report = _tool_page(tmp_path, "欢迎", "<view>\n<view>记录生活的点滴，与同好伙伴交友聊天</view>\n</view>\n")
    assert _category(report) == set()


def test_a_matchmaking_section_is_still_dating(tmp_path):
    report = _tool_page(tmp_path, "欢迎", "<view>\n<view>婚恋交友，真诚脱单</view>\n</view>\n")
    assert _category(report) == {("category.dating", "pages/tool/tool.wxml", 2)}

