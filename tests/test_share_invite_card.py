"""A share card carrying the user's invite code, added to a page that shows what referrals pay (团队收益, 直推奖励),
is the invite those earnings pay for (``sharing.induced_share`` at the new share button), as an invite QR code
is; the same card on a page that shows no referral pay, or a card without the code, stays silent."""

from __future__ import annotations

from conftest import minimal_app
from helpers import run

TEAM = """<view class="team">
  <view class="row"><text>已邀请</text><text>{{people}}</text></view>
  <view class="row"><text>LEDGER</text><text>{{earned}}</text></view>
  BUTTON
</view>
"""
SCRIPT = "Page({\n  data: { people: 0, earned: 0 },\n})\n"
SHARING = ("Page({\n  data: { people: 0, earned: 0 },\n  onShareAppMessage() {\n"
           "    return { title: '一起来', path: '/pages/join/join?PARAM=' + wx.getStorageSync('uid') }\n  }\n})\n")


def _card(tmp_path, ledger: str, param: str) -> set[tuple[str, str, int]]:
    page = TEAM.replace("LEDGER", ledger)
    repo, base = minimal_app(tmp_path / "repo", {"pages/team/team.wxml": page.replace("BUTTON", "<view/>"),
                                                 "pages/team/team.js": SCRIPT})
    repo.write("pages/team/team.wxml", page.replace("BUTTON", '<button open-type="share">去邀请</button>'))
    repo.write("pages/team/team.js", SHARING.replace("PARAM", param))
    repo.commit("share the team page")
    return {(f.rule, f.path, f.line) for f in run(repo.path, base).findings if f.family == "sharing"}


def test_a_share_card_with_the_invite_code_on_a_page_showing_referral_pay_fires_at_the_button(tmp_path):
    assert _card(tmp_path, "团队收益", "inviter") == {("sharing.induced_share", "pages/team/team.wxml", 4)}


def test_the_same_card_on_a_page_showing_no_referral_pay_stays_silent(tmp_path):
    assert _card(tmp_path, "本月步数", "inviter") == set()


def test_a_card_without_the_invite_code_on_a_referral_page_stays_silent(tmp_path):
    assert _card(tmp_path, "团队收益", "from") == set()
