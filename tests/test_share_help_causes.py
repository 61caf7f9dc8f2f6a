"""Friends' help (助力) with a share: the help-me mechanic when it stands by itself or leads into its flow (分享助力,
助力免费拿, 助力好友), and no reward when it names a cause the share supports (转发好文，助力山区教育): no gain, no helper
and no count of helpers (checks/share_rewards.yml ``helps`` / ``help_flow``)."""

from __future__ import annotations

import pytest

from conftest import minimal_app
from helpers import run
from mp_precheck.readers.textsignals import signals

PAGE = """<view class="story">
  <text class="body">{{content}}</text>
  BUTTON
</view>
"""


@pytest.mark.parametrize("text", ["转发好文，助力山区教育", "分享此页 助力非遗传承", "助力乡村振兴，欢迎转发",
                                  "邀请朋友一起阅读，助力公益事业"])
def test_help_for_a_cause_is_no_share_reward(text):
    assert "share-inducement" not in signals(text)
    assert not {"share-inducement", "share-button-gain"} & set(signals(text, share_control=True))


@pytest.mark.parametrize("text", ["转发给好友，助力一下", "分享后助力值翻倍", "助力进度 2/5，快去分享", "分享助力",
                                  "转发助力，免费拿门票", "邀请好友为我助力"])
def test_help_in_its_flow_stays_a_share_reward(text):
    assert "share-inducement" in signals(text)


def test_help_alone_on_a_share_button_is_its_reward_and_a_cause_is_not():
    assert "share-button-gain" in signals("喊人助力", share_control=True)
    assert "share-button-gain" not in signals("助力山区教育", share_control=True)


def _labelled(tmp_path, label: str) -> set[tuple[str, str, int]]:
    repo, base = minimal_app(tmp_path / "repo", {"pages/story/story.wxml": PAGE.replace("BUTTON", "<view/>"),
                                                 "pages/story/story.js": "Page({ data: { content: '' } })\n"})
    repo.write("pages/story/story.wxml", PAGE.replace("BUTTON", f'<button open-type="share">{label}</button>'))
    repo.write("pages/story/story.js", "Page({\n  data: { content: '' },\n  onShareAppMessage() {\n"
                                       "    return { title: '好文' }\n  }\n})\n")
    repo.commit("share button")
    return {(f.rule, f.path, f.line) for f in run(repo.path, base).findings if f.family == "sharing"}


def test_a_new_share_button_asking_help_for_a_cause_stays_silent(tmp_path):
    assert _labelled(tmp_path, "转发好文，助力山区教育") == set()


def test_a_new_share_button_asking_friends_to_help_fires_at_its_label(tmp_path):
    assert _labelled(tmp_path, "转发给好友，助力一下") == {("sharing.induced_share", "pages/story/story.wxml", 3)}


