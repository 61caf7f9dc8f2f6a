"""A share button the change adds with the page's promise away from it: told at the promise the change writes (the
first the user reads, markup before script), at the button only when the page showed the promise before."""

from __future__ import annotations

import pytest

from conftest import Repo, minimal_app
from helpers import run, uni_app_page_change

PROMISE_POPUP = """<template>
  <view>
    <view @click="open">推荐</view>
    <view class="sheet" v-if="shown">
      <view class="head">推荐给朋友</view>
      <view class="sub">PROMISE</view>
      <image src="/static/sheet-top.png"></image>
      <view class="cover">
        <image :src="cover"></image>
      </view>
      <view class="row">
        <view class="cell">
          <button class="act" open-type="share">发给朋友</button>
        </view>
      </view>
    </view>
  </view>
</template>
<script>
export default {
  data() { return { shown: false, cover: '' } },
  methods: { open() { this.shown = true } },
}
</script>
"""

CARD_PAGE = """<template>
  <view class="poster">
    <button class="go" open-type="share">发给朋友</button>
  </view>
</template>
<script>
export default {
  onShareAppMessage() {
    return {
      title: '邀请朋友一起读书，领免费会员',
      path: '/pages/me/me?from=' + this.uid,
    }
  },
}
</script>
"""


def _sharing(repo: Repo, base: str) -> set[tuple[str, str, int]]:
    return {(f.rule, f.path, f.line) for f in run(repo.path, base).findings if f.family == "sharing"}


@pytest.mark.parametrize("promise", ["转发给好友，好友下单你得10积分", "推广返佣 每单最高8元"],
                         ids=["reward", "commission"])
def test_a_share_sheet_written_with_its_promise_is_told_at_the_promise_not_the_button(repo, promise):
    base = uni_app_page_change(repo, "pages/me/me", {"src/pages/me/me.vue": PROMISE_POPUP.replace("PROMISE", promise)})
    findings = [f for f in run(repo.path, base).findings if f.family == "sharing"]
    assert [(f.rule, f.path, f.line) for f in findings] == [("sharing.induced_share", "src/pages/me/me.vue", 6)]
    assert "button[open-type=share]" in (findings[0].value or "")  # the button is named


def test_a_share_card_title_written_with_a_plain_share_button_is_told_at_the_title(repo):
    """The template's button says nothing; the card title the same file writes is the promise (one finding: the
    page's new share hook is part of it)."""
    base = uni_app_page_change(repo, "pages/me/me", {"src/pages/me/me.vue": CARD_PAGE})
    assert _sharing(repo, base) == {("sharing.induced_share", "src/pages/me/me.vue", 10)}


def test_a_native_pages_new_card_title_is_its_promise_for_its_new_share_button(tmp_path):
    repo, base = minimal_app(tmp_path / "repo")
    repo.write("pages/me/me.wxml", '<view class="poster">\n  <view>读书会</view>\n'
                                   '  <button open-type="share">发给朋友</button>\n</view>\n')
    repo.write("pages/me/me.js", "Page({\n  data: {},\n  onShareAppMessage() {\n"
                                 "    return { title: '邀请朋友一起读书，领免费会员' }\n  },\n})\n")
    repo.commit("reading club")
    assert _sharing(repo, base) == {("sharing.induced_share", "pages/me/me.js", 4)}


def test_the_button_is_the_place_only_when_the_page_showed_its_promise_before(tmp_path):
    """Written with the button: at the promise. Shown before the change (reworded in place now): the new button is
    what is new, and the place."""
    new = PROMISE_POPUP.replace("PROMISE", "转发给好友，好友下单你得10积分")
    written = Repo(tmp_path / "written")
    base = uni_app_page_change(written, "pages/me/me", {"src/pages/me/me.vue": new})
    assert _sharing(written, base) == {("sharing.induced_share", "src/pages/me/me.vue", 6)}
    shown = Repo(tmp_path / "shown")
    old = PROMISE_POPUP.replace("PROMISE", "转发给好友，好友下单你得5积分").replace(
        '          <button class="act" open-type="share">发给朋友</button>\n', "")
    uni_app_page_change(shown, "pages/me/me", {"src/pages/me/me.vue": old})
    base = shown.git("rev-parse", "HEAD").strip()
    shown.write("src/pages/me/me.vue", new)
    shown.commit("share button")
    assert _sharing(shown, base) == {("sharing.induced_share", "src/pages/me/me.vue", 13)}


def test_the_promise_the_page_shows_comes_before_its_card_title(tmp_path):
    card = "Page({\n  data: {},\n  onShareAppMessage() {\n    return { title: 'TITLE' }\n  },\n})\n"
    repo, base = minimal_app(tmp_path / "repo", {"pages/me/me.js": card.replace("TITLE", "读书会")})
    repo.write("pages/me/me.wxml", '<view class="poster">\n  <view>读书会</view>\n  <view>好友注册你得5积分</view>\n'
               + '  <view>规则</view>\n' * 4 + '  <button open-type="share">发给朋友</button>\n</view>\n')
    repo.write("pages/me/me.js", card.replace("TITLE", "邀请朋友一起读书，领免费会员"))
    repo.commit("reading club")
    assert _sharing(repo, base) == {("sharing.induced_share", "pages/me/me.wxml", 3)}


def test_a_components_template_is_read_before_its_script_block_wherever_the_blocks_stand(repo):
    page = ("<script>\nexport default {\n  onShareAppMessage() {\n    return { title: '邀请朋友一起读书，领免费会员' }\n"
            "  },\n}\n</script>\n" + PROMISE_POPUP.split("<script>")[0].replace("PROMISE", "好友注册你得5积分"))
    base = uni_app_page_change(repo, "pages/me/me", {"src/pages/me/me.vue": page})
    assert _sharing(repo, base) == {("sharing.induced_share", "src/pages/me/me.vue", 13)}
