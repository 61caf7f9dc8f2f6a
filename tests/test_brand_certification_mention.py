"""branding.brand_text: 微信认证 is both a badge and a process. A badge — the clause is the word, or says who
passed it (已通过微信认证, 微信认证商家) — claims WeChat's endorsement; a sentence that names the certification as
one of the operator's costs or a step to take mentions WeChat's service and claims nothing. 官方 and 团队 claims
stay claims wherever they are (readers/textsignals.py ``brand_claim``)."""

from __future__ import annotations

import pytest

from conftest import MINIMAL_APP, Repo
from helpers import run
from mp_precheck.readers.textsignals import brand_claim, signals

HELP = ('<view class="article">\n  <view class="h3">说明</view>\n  <view class="p">\n    TEXT\n  </view>\n'
        '</view>\n')
COSTS = "二、小程序由志愿者开发维护，域名备案、微信认证、服务器租用均已产生费用，欢迎自愿捐助。"


def _brand(tmp_path, text: str) -> set[tuple[str, int]]:
    repo = Repo(tmp_path / "repo")
    repo.write_files({**MINIMAL_APP, "pages/index/index.wxml": HELP.replace("TEXT", "一、欢迎使用。")})
    base = repo.commit("base")
    repo.write("pages/index/index.wxml", HELP.replace("TEXT", text))
    repo.commit("a help paragraph")
    return {(f.path, f.line) for f in run(repo.path, base).findings if f.rule == "branding.brand_text"}


def test_a_paragraph_listing_the_certification_among_costs_claims_nothing(tmp_path):
    assert _brand(tmp_path, COSTS) == set()


@pytest.mark.parametrize("text", ["本店已通过微信认证，请放心购买", "微信团队提醒您：请勿轻信陌生链接，谨防受骗。"])
def test_a_certified_badge_or_a_team_claim_in_a_paragraph_is_still_brand_text(tmp_path, text):
    assert _brand(tmp_path, text) == {("pages/index/index.wxml", 4)}


@pytest.mark.parametrize("text", ["完成微信认证后即可开通在线支付。", "微信认证费用每年300元，由平台承担。"])
def test_the_certification_named_as_a_step_or_a_cost_is_a_mention(text):
    assert not brand_claim(text) and "brand" not in signals(text)


@pytest.mark.parametrize("text", ["微信认证", "1.微信认证", "微信认证商家", "已通过微信认证", "微信官方认证商城",
                                  "该功能由微信官方提供，详情见帮助。"])
def test_a_badge_and_an_official_claim_are_claims(text):
    assert brand_claim(text) and "brand" in signals(text)
