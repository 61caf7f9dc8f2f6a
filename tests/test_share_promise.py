"""Which reward wording tells a page's promise: the wording naming what is won over a help-me plea, and a
reward page that cannot share told with the rules page it opens (rejection reason 3.2.1 诱导分享)."""

from __future__ import annotations

import json

from conftest import Repo, minimal_app
from helpers import run
from mp_precheck.readers.sharewords import names_prize

SHARES = "Page({\n  onShareAppMessage() {}\n})\n"


def _sharing(repo: Repo, base: str) -> set[tuple[str, str, int]]:
    return {(f.rule, f.path, f.line) for f in run(repo.path, base).findings if f.family == "sharing"}


def _app(tmp_path, pages: list[str], files: dict[str, str]) -> tuple[Repo, str]:
    return minimal_app(tmp_path / "repo", {"app.json": json.dumps({"pages": pages}) + "\n", **files})


def test_names_prize_tells_a_promise_from_a_plea():
    assert names_prize("邀请好友助力，免费领取礼包")
    assert not names_prize("感谢你为我助力！")


def test_page_title_naming_the_prize_is_told_over_a_thank_you_plea_in_the_markup(tmp_path):
    repo, base = _app(tmp_path, ["pages/index/index", "pages/help/help"], {})
    repo.write("pages/help/help.js", "Page({\n  data: {\n    bar: {\n      title: '好友助力免费拿会员礼包',\n"
                                     "    },\n  },\n  onShareAppMessage() {}\n})\n")
    repo.write("pages/help/help.wxml", "<nav title='{{bar.title}}'></nav>\n<view>\n  <text>感谢你为我助力！</text>\n"
                                       "</view>\n")
    repo.commit("help page")
    assert _sharing(repo, base) == {("sharing.induced_share", "pages/help/help.js", 4)}


def test_markup_wording_still_wins_when_both_name_the_prize(tmp_path):
    repo, base = _app(tmp_path, ["pages/index/index", "pages/help/help"], {})
    repo.write("pages/help/help.js", "Page({\n  data: { title: '好友助力免费拿会员礼包' },\n"
                                     "  onShareAppMessage() {}\n})\n")
    repo.write("pages/help/help.wxml", "<view>\n  <text>邀请3位好友助力即可免费领取</text>\n</view>\n")
    repo.commit("help page")
    assert _sharing(repo, base) == {("sharing.induced_share", "pages/help/help.wxml", 2)}


REWARD_PAGE_JSON = '{\n  "navigationBarTitleText": "转发有礼"\n}\n'
RULES = "<view>\n  <text>好友通过你的分享注册成功，你将获得50积分奖励</text>\n</view>\n"


def test_reward_titled_page_opening_the_told_rules_page_is_one_promise(tmp_path):
    pages = ["pages/index/index", "pages/earn/earn", "pages/earn_rules/earn_rules"]
    repo, base = _app(tmp_path, pages, {})
    repo.write("pages/earn/earn.json", REWARD_PAGE_JSON)
    repo.write("pages/earn/earn.wxml", "<view bindtap='rules'>规则</view>\n")
    repo.write("pages/earn/earn.js", "Page({\n  rules() {\n    wx.navigateTo({ url: '../earn_rules/earn_rules' })\n"
                                     "  }\n})\n")
    repo.write("pages/earn_rules/earn_rules.wxml", RULES)
    repo.write("pages/earn_rules/earn_rules.js", SHARES)
    repo.commit("earn pages")
    assert _sharing(repo, base) == {("sharing.induced_share", "pages/earn_rules/earn_rules.wxml", 2)}


def test_reward_titled_page_opening_nothing_told_keeps_its_finding(tmp_path):
    pages = ["pages/index/index", "pages/earn/earn", "pages/about/about"]
    repo, base = _app(tmp_path, pages, {})
    repo.write("pages/earn/earn.json", REWARD_PAGE_JSON)
    repo.write("pages/earn/earn.wxml", "<navigator url='/pages/about/about'>关于</navigator>\n")
    repo.write("pages/earn_rules/earn_rules.wxml", RULES)
    repo.write("pages/earn_rules/earn_rules.js", SHARES)
    repo.commit("earn page")
    assert ("sharing.share_reward_text", "pages/earn/earn.json", 2) in _sharing(repo, base)


INVITE = "<view>\n  <text>邀请同学注册，你可获得一张代金券</text>\n</view>\n"
WALLET_JS = """Page({
  more() {
    OPEN
  },
  claimed() {
    wx.showToast({ title: '你邀请的同学已注册，你得到一张代金券', icon: 'none' })
  }
})
"""


def _wallet_and_invite(tmp_path, opens: str) -> set[tuple[str, str, int]]:
    """Sharing findings when a new invite page that shares and a wallet page confirming the voucher (whose 更多
    runs ``opens``) are added together."""
    repo, base = _app(tmp_path, ["pages/index/index", "pages/wallet/wallet", "pages/invite/invite"], {})
    repo.write("pages/invite/invite.wxml", INVITE)
    repo.write("pages/invite/invite.js", SHARES)
    repo.write("pages/wallet/wallet.wxml", "<view>\n  <view bindtap='more'>更多</view>\n</view>\n")
    repo.write("pages/wallet/wallet.js", WALLET_JS.replace("OPEN", opens))
    repo.commit("invite and wallet")
    return _sharing(repo, base)


def test_a_confirmation_on_a_page_opening_the_told_invite_page_is_that_promise(tmp_path):
    assert _wallet_and_invite(tmp_path, "wx.navigateTo({ url: '/pages/invite/invite' })") == {
        ("sharing.induced_share", "pages/invite/invite.wxml", 2)}


def test_a_confirmation_on_a_page_opening_no_told_page_keeps_its_finding(tmp_path):
    assert _wallet_and_invite(tmp_path, "wx.navigateTo({ url: '/pages/index/index' })") == {
        ("sharing.induced_share", "pages/invite/invite.wxml", 2), ("sharing.share_reward_text", "pages/wallet/wallet.js", 6)}
