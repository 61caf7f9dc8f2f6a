"""Rewards tied to a share in ways the page's wording alone does not show: a share hook's new success callback
that acts on a page promising draws for sharing, a cash reward for inviting named late in a long sentence, and a
plea to canvass votes for a contestant on a share button."""

from __future__ import annotations

import re

import pytest

from conftest import Repo, minimal_app
from helpers import register_pages, run
from mp_precheck.readers import sharewords
from mp_precheck.readers.sharecallback import share_callback_calls, share_hook_statements
from mp_precheck.readers.sharereturn import acts_on_return, share_taps
from mp_precheck.readers.sharewords import points_for_sharing

DRAW = "<view class=\"desc\">每人可获得{{count}}次抽奖资格，每分享给1个朋友可再获得{{extra}}次抽奖机会</view>\n"
PLAIN = "<view class=\"desc\">每人可获得{{count}}次抽奖资格</view>\n"
EMPTY_HOOK = "Page({\n  data: {},\n  onShareAppMessage() {\n    return { title: '抽奖' }\n  }\n})\n"
CREDITING_HOOK = """Page({
  data: {},
  onShareAppMessage() {
    const that = this
    return {
      title: '抽奖',
      success() {
        ajax('POST', 'api/activity/share', { id: that.data.id }, () => {
          that.setData({ chances: that.data.chances + that.data.extra })
        })
      }
    }
  }
})
"""


def _sharing(repo: Repo, base: str) -> set[tuple[str, str, int]]:
    return {(f.rule, f.path, f.line) for f in run(repo.path, base).findings if f.family == "sharing"}


def _hook_change(tmp_path, page: str, after: str) -> set[tuple[str, str, int]]:
    repo, base = minimal_app(tmp_path / "repo", {"pages/draw/draw.wxml": page, "pages/draw/draw.js": EMPTY_HOOK})
    repo.write("pages/draw/draw.js", after)
    repo.commit("share callback")
    return _sharing(repo, base)


def test_new_share_success_callback_on_a_page_promising_draws_for_sharing_fires_at_its_call(tmp_path):
    assert _hook_change(tmp_path, DRAW, CREDITING_HOOK) == {("sharing.induced_share", "pages/draw/draw.js", 8)}


def test_share_success_callback_on_a_page_without_reward_wording_is_silent(tmp_path):
    assert _hook_change(tmp_path, PLAIN, CREDITING_HOOK) == set()


def test_an_empty_success_callback_is_silent(tmp_path):
    empty = EMPTY_HOOK.replace("title: '抽奖' }", "title: '抽奖', success() {} }")
    assert _hook_change(tmp_path, DRAW, empty) == set()


def test_success_callbacks_are_read_in_component_scripts_and_taro_hooks():
    wpy = "<template><view/></template>\n<script>\nexport default class P {\n  onShareAppMessage() {\n" \
          "    return { success: () => { wx.request({ url: u }) }, fail() { log() } }\n  }\n}\n</script>\n"
    assert share_callback_calls(wpy, "src/pages/p.wpy") == [5]
    assert share_callback_calls("useShareAppMessage(() => ({ complete() { api.post(1) } }))", "p.tsx") == [1]
    assert share_callback_calls("const o = { success() { go() } }", "p.js") == []


INVITE_JS = "Page({\n  onShareAppMessage() {\n    return { title: '邀请函', path: '/pages/agent/agent?inviter=' + this.data.id }\n  }\n})\n"


@pytest.mark.parametrize("text, fires", [
    ("邀请好友成为代理，不仅可以提升代理分成的收益比例，而且还可以直接获得代理费的现金奖励！", True),
    ("邀请好友成为代理。代理可以在活动结束后领取现金奖励", False),  # the reward is another sentence's
    ("邀请好友一起参加活动，活动结束后公布获奖名单", False),
])
def test_a_cash_reward_named_anywhere_in_the_invite_sentence_is_a_reward(tmp_path, text, fires):
    repo, base = minimal_app(tmp_path / "repo", {"pages/home/index.wxml": "<view>首页</view>\n"})
    repo.write("pages/invite/invite.wxml", f"<view>\n  <text>{text}</text>\n  <text>将此页面分享给好友</text>\n</view>\n")
    repo.write("pages/invite/invite.js", INVITE_JS)
    register_pages(repo)
    repo.commit("invite page")
    expected = {("sharing.induced_share", "pages/invite/invite.wxml", 2)} if fires else set()
    assert _sharing(repo, base) == expected


@pytest.mark.parametrize("label, fires", [("觉得不错，就为TA拉票吧！", True), ("帮我拉票", True),
                                          ("觉得不错，就分享给好友吧！", False)])
def test_canvassing_votes_on_a_share_button_is_induced_sharing(tmp_path, label, fires):
    page = '<view>\n  <text>{{player.name}}</text>\n</view>\n'
    repo, base = minimal_app(tmp_path / "repo", {"pages/player/player.wxml": page,
                                                 "pages/player/player.js": EMPTY_HOOK})
    repo.write("pages/player/player.wxml", page + f'<button open-type="share">\n  <text>{label}</text>\n</button>\n')
    repo.commit("share banner")
    expected = {("sharing.induced_share", "pages/player/player.wxml", 5)} if fires else set()
    assert _sharing(repo, base) == expected


NESTED_HOOKS = """Page({
  onShareAppMessage() {
    return {
      'success': function () { log(); count() },
      complete: () => credit(),
      fail() { retry() },
      onShareTimeline() { return { success() { inner() } } },
    }
  },
  methods: { onShareTimeline: function () { return { success() {}, complete() { wx.request({}) } } } },
})
useShareAppMessage(() => ({ success: () => { post() } }))
useShareTimeline(() => ({ success: 'no function', complete: function () { x.y() } }))
"""


def test_success_callbacks_of_nested_hooks_methods_and_taro_hooks_are_each_found_at_their_first_call():
    # the candidate nodes come from tree-sitter's query engine: every hook a walk of the tree met is met
    assert share_callback_calls(NESTED_HOOKS, "pages/p/p.js") == [4, 5, 7, 10, 12, 13]


def test_a_share_hook_on_a_page_without_reward_wording_is_not_parsed(tmp_path, monkeypatch):
    import mp_precheck.analyzers.share_callbacks as analyzer

    read: list[str] = []
    monkeypatch.setattr(analyzer, "share_callback_callees", lambda text, path: read.append(path) or [])
    assert _hook_change(tmp_path, PLAIN, CREDITING_HOOK) == set()
    assert read == []  # the wording is looked up first: with none, the callbacks cannot matter
    assert _hook_change(tmp_path / "again", DRAW, CREDITING_HOOK) == set()
    assert set(read) == {"pages/draw/draw.js"}  # the head file, and its base to say which calls are new


SHARE_MIXIN = """import { api } from '../api'
export default {
  onShareAppMessage() {
    return { title: '订阅' }
  }
}
"""
CREDITING_MIXIN = """import { api } from '../api'
export default {
  onShareAppMessage() {
    api.addNoticeNum().then((res) => {
      uni.showToast({ title: res.msg })
    })
    return { title: '订阅' }
  }
}
"""


def _mixin_change(tmp_path, page: str, after: str) -> set[tuple[str, str, int]]:
    repo, base = minimal_app(tmp_path / "repo", {"mixins/share.js": SHARE_MIXIN, "pages/me/me.wxml": page,
                                                 "app.js": "require('./mixins/share.js')\nApp({})\n"})
    repo.write("mixins/share.js", after)
    repo.write("pages/me/me.wxml", page + "<view>设置</view>\n")
    repo.commit("the share mixin credits each share")
    return _sharing(repo, base)


def test_a_share_mixin_newly_calling_the_server_as_users_share_on_an_app_promising_a_reward_fires(tmp_path):
    found = _mixin_change(tmp_path, "<view><button open-type=\"share\">分享得推送次数</button></view>\n",
                          CREDITING_MIXIN)
    assert found == {("sharing.induced_share", "mixins/share.js", 4)}


def test_a_share_mixin_call_in_an_app_without_reward_wording_is_silent(tmp_path):
    assert _mixin_change(tmp_path, "<view><button open-type=\"share\">分享给好友</button></view>\n",
                         CREDITING_MIXIN) == set()


def test_a_share_hook_call_on_a_page_promising_draws_fires_and_bookkeeping_is_silent(tmp_path):
    crediting = EMPTY_HOOK.replace("    return", "    api.share({ id: 1 })\n    return")
    assert _hook_change(tmp_path, DRAW, crediting) == {("sharing.induced_share", "pages/draw/draw.js", 4)}
    logging = EMPTY_HOOK.replace("    return", "    console.log('share')\n    this.setData({ shared: true })\n"
                                 "    return")
    assert _hook_change(tmp_path / "again", DRAW, logging) == set()


def test_share_hook_statements_are_the_calls_of_its_own_body():
    code = ("export default {\n  onShareAppMessage() {\n    api.addNoticeNum().then(() => {})\n"
            "    console.log(1)\n    return build()\n  },\n}\n"
            "useShareAppMessage(async () => { await api.share(); return {} })\n"
            "const o = { onShareTimeline: function () { wx.showShareMenu({}); credit() } }\n")
    assert share_hook_statements(code, "mixins/share.js") == [3, 8, 9]


RESULT_WXML = "<view>结果</view>\n<button open-type=\"share\" bindtap=\"onShareTap\">{{btnText}}</button>\n"
RESULT_JS = """Page({
  data: { shared: false },
  onShareTap() {
    this.setData({ shared: true })
  },
  onShow() {
    if (this.data.shared) {
      wx.showToast({ title: 'ok' })
    }
  }
})
"""


def _return_change(tmp_path, after_show: str) -> set[tuple[str, str, int]]:
    repo, base = minimal_app(tmp_path / "repo", {"pages/result/result.wxml": RESULT_WXML,
                                                 "pages/result/result.js": RESULT_JS})
    repo.write("pages/result/result.js", RESULT_JS.replace("      wx.showToast({ title: 'ok' })\n", after_show))
    repo.commit("act on the return from sharing")
    return _sharing(repo, base)


def test_a_page_newly_acting_on_the_return_from_its_share_button_fires_at_the_button(tmp_path):
    doubled = "      request('/draw/double', { id: this.data.id }).then(() => this.setData({ shared: false }))\n"
    assert _return_change(tmp_path, doubled) == {("sharing.induced_share", "pages/result/result.wxml", 2)}


def test_a_page_that_only_thanks_the_user_on_return_is_silent(tmp_path):
    thanks = "      console.log('back')\n      wx.showToast({ title: '感谢分享' })\n"
    assert _return_change(tmp_path, thanks) == set()


def test_share_taps_and_the_return_they_mark_are_read_from_vue_components():
    vue = ("<template>\n  <u-button\n    @click=\"tapped\"\n    openType=\"share\"\n  >分享</u-button>\n"
           "  <button @click=\"other\">x</button>\n</template>\n<script>\nexport default {\n"
           "  methods: { tapped() { this.hasShared = true }, other() { this.busy = true } },\n"
           "  async onShow() {\n    if (this.busy) { await api.load() }\n"
           "    if (this.hasShared) { await api.reward() }\n  }\n}\n</script>\n")
    assert share_taps(vue) == [(4, "tapped")]
    assert acts_on_return(vue, "pages/r.vue", {"tapped"}) == [13]
    assert acts_on_return(vue, "pages/r.vue", {"other"}) == [12]


APP_SHARE_MENU = """const { postShare } = require('./utils/api')
const { SCORE_TYPE } = require('./utils/constants')
App({
  onShow() {
    wx.showShareMenu({
      menus: ['shareAppMessage', 'shareTimeline'],
      success: () => {
        postShare({ stype: 7 })
      }
    })
  }
})
"""


def _points_change(tmp_path, kinds: str) -> set[tuple[str, str, int]]:
    repo, base = minimal_app(tmp_path / "repo", {"utils/api.js": "module.exports = { postShare: () => 1 }\n",
                                                 "utils/constants.js": "module.exports = {}\n"})
    repo.write_files({"app.js": APP_SHARE_MENU, "utils/constants.js": f"export const SCORE_TYPE = {kinds}\n"})
    repo.commit("points for sharing")
    return _sharing(repo, base)


def test_a_share_menu_crediting_the_share_in_an_app_listing_sharing_among_its_point_kinds_fires(tmp_path):
    kinds = "{\n  1: '学习',\n  6: '登录',\n  7: '分享个人/群',\n  8: '分享朋友圈'\n}"
    assert ("sharing.induced_share", "app.js", 8) in _points_change(tmp_path, kinds)


def test_a_share_menu_callback_in_an_app_whose_points_name_no_sharing_is_silent(tmp_path):
    assert _points_change(tmp_path, "{\n  1: '学习',\n  6: '登录'\n}") == set()


def test_point_kinds_naming_sharing_are_read_from_flat_tables_named_for_points():
    assert points_for_sharing("const a = 1\nexport const SCORE_TYPE = {\n  7: '分享个人/群',\n  1: '学习'\n}\n") == \
        [(3, "分享个人/群")]
    assert points_for_sharing("const pointSource = ['签到', \"邀请好友\"]\n") == [(1, "邀请好友")]
    assert points_for_sharing("const shareTypes = { a: '分享' }\nconst scores = { a: '学习' }\n") == []


@pytest.mark.parametrize("name", ["BONUS_KINDS", "CoinType", "ſcoreMap", "poİnts", "credıts"])
def test_a_table_named_for_points_in_any_case_is_read(name):
    # The table's pattern is case-insensitive; the cheap test that skips most scripts must not skip these
    # (the last three spell a kind name with a letter IGNORECASE takes for an ASCII one).
    assert points_for_sharing(f"// 分享\nconst {name} = {{ 3: '转发给好友' }}\n") == [(2, "转发给好友")]


@pytest.mark.parametrize("text", ["const kinds = { 3: '转发给好友' }\n", "const COIN_TYPE = { 3: '签到' }\n"])
def test_a_script_without_a_kind_name_or_a_share_word_holds_no_points_for_sharing(text):
    assert points_for_sharing(text) == []


def test_every_letter_the_case_insensitive_kind_names_match_outside_ascii_is_searched_in_full():
    letters = set("".join(sharewords._KINDS))
    everything = "".join(chr(c) for c in range(0x80, 0x110000) if not 0xD800 <= c < 0xE000)
    folded = set(re.findall("(?i)[" + "".join(sorted(letters)) + "]", everything))
    assert folded <= set(sharewords._FOLDED_TO_ASCII)


CLOSING_HOOK = "Page({\n  data: {},\n  onShareAppMessage() {\n    self.closePanel()\n    return { title: '抽奖' }\n  }\n})\n"


def _respelt(tmp_path, after: str) -> set[tuple[str, str, int]]:
    repo, base = minimal_app(tmp_path / "repo", {"pages/draw/draw.wxml": DRAW, "pages/draw/draw.js": CLOSING_HOOK})
    repo.write("pages/draw/draw.js", after)
    repo.commit("share hook edited")
    return _sharing(repo, base)


def test_a_share_hook_call_only_respelt_by_the_change_is_no_new_act_on_the_share(tmp_path):
    # the receiver fixed (self → this): the hook closed the panel before the change as after it
    assert _respelt(tmp_path, CLOSING_HOOK.replace("self.closePanel()", "this.closePanel()")) == set()
    moved = CLOSING_HOOK.replace("    self.closePanel()\n", "").replace("    return", "    this.closePanel(1)\n    return")
    assert _respelt(tmp_path / "moved", moved) == set()


def test_a_share_hook_gaining_a_call_beside_a_respelt_one_fires_at_the_new_call(tmp_path):
    after = CLOSING_HOOK.replace("    self.closePanel()\n", "    this.closePanel()\n    api.creditShare({ id: 1 })\n")
    assert _respelt(tmp_path, after) == {("sharing.induced_share", "pages/draw/draw.js", 5)}


def test_a_share_success_callback_only_respelt_is_silent(tmp_path):
    base = CREDITING_HOOK.replace("ajax('POST'", "request('POST'")
    repo, start = minimal_app(tmp_path / "repo", {"pages/draw/draw.wxml": DRAW, "pages/draw/draw.js": base})
    repo.write("pages/draw/draw.js", base.replace("request('POST'", "http.request('POST'"))
    repo.commit("the request goes through the client")
    assert _sharing(repo, start) == set()
