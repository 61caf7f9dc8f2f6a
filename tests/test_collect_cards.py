"""A collect-cards game (集卡) is share wording; 集 ending a verb of its own before 卡牌 / 卡片 (收集卡牌: how much
of a deck was drawn) is not."""

from __future__ import annotations

import pytest

from conftest import minimal_app
from helpers import run
from mp_precheck.readers.textsignals import signals


@pytest.mark.parametrize(("text", "fires"), [
    ("集卡瓜分万元红包", True), ("参与集卡，邀请好友", True), ("集卡", True),
    ("已收集卡片 12 张", False), ("搜集卡牌", False), ("采集卡号", False),
])
def test_a_collect_cards_game_and_a_word_ending_in_ji_before_a_card(text, fires):
    assert ("share-inducement" in signals(text)) is fires


def test_a_decks_collected_count_beside_a_share_button_is_silent_and_a_card_game_fires(tmp_path):
    repo, base = minimal_app(tmp_path / "repo")
    repo.write("pages/me/me.wxml", "<view><text>{{n}}</text><text>已收集卡片</text></view>\n"
                                   "<button open-type=\"share\">分享年度回顾</button>\n")
    middle = repo.commit("deck")
    assert {f.rule for f in run(repo.path, base).findings if f.family == "sharing"} == set()
    repo.write("pages/me/me.wxml", "<view><text>{{n}}</text><text>已收集卡片</text></view>\n"
                                   "<view>集卡瓜分万元红包</view>\n<button open-type=\"share\">分享年度回顾</button>\n")
    repo.commit("card game")
    assert {(f.rule, f.path, f.line) for f in run(repo.path, middle).findings if f.family == "sharing"} == \
        {("sharing.induced_share", "pages/me/me.wxml", 2)}
