"""A fee to become a distributor or a leader of recruits is multi-level distribution wording (运营规范 5.9), told at
the text as ``sharing.multi_level_distribution``: not as induced sharing at the script drawing the page's invite
QR code. A paid membership or a payment status is no such fee."""

from __future__ import annotations

from conftest import minimal_app
from helpers import run
from mp_precheck.readers.reviewtext import review_signals

QR_SCRIPT = ("import drawQrcode from '../../utils/qr'\n"
             "Page({ onLoad() {\n"
             "  drawQrcode({ canvasId: 'qr', text: 'https://example.org/?inviteCode=' + this.data.code })\n"
             "} })\n")


def _sharing(tmp_path, template: str) -> set[tuple[str, str, int]]:
    repo, base = minimal_app(tmp_path / "repo", {"pages/index/index.wxml": "<view>我的佣金</view>\n"})
    repo.write_files({"pages/me/me.wxml": template, "pages/me/me.js": QR_SCRIPT})
    repo.commit("team page")
    return {(f.rule, f.path, f.line) for f in run(repo.path, base).findings if f.family == "sharing"}


def test_a_fee_to_become_a_leader_is_told_as_distribution_at_the_text(tmp_path):
    template = ('<canvas canvas-id="qr"></canvas>\n<view>我的邀请码 {{code}}</view>\n<view>团员 {{count}} 人</view>\n'
                '<view class="tip">您还未成为分销商，<text>缴纳</text><text class="price">{{fee}}</text>即可升级</view>\n')
    assert _sharing(tmp_path, template) == {
        ("sharing.multi_level_distribution", "pages/me/me.wxml", 4)}


def test_an_invite_qr_code_without_a_fee_is_still_induced_sharing_at_the_call(tmp_path):
    template = ('<canvas canvas-id="qr"></canvas>\n<view>我的邀请码 {{code}}</view>\n'
                '<view class="tip">支付 {{fee}} 元即可开通年度会员</view>\n')
    assert _sharing(tmp_path, template) == {("sharing.induced_share", "pages/me/me.js", 3)}


def test_fee_wording_names_a_distribution_tier_and_its_price():
    assert "multi-level" in review_signals("缴纳 199 元成为推广员")
    assert "multi-level" in review_signals("成为团长需支付保证金")
    assert "multi-level" in review_signals("填写上级邀请码后成为推广员")
    assert "multi-level" not in review_signals("支付成功后即可成为会员")
    assert "multi-level" not in review_signals("合伙人权益：支付后可开通")
    assert "multi-level" not in review_signals("申请成为团长")
