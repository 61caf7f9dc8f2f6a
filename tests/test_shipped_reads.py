"""Analyzers that read a file's text themselves read it as the facts do (analyzers/context.as_shipped): a FinClip
script's ``ft`` as ``wx``, and a uni-app file without the ``#ifdef`` blocks of other platforms."""

from __future__ import annotations

from analyzer_context import finding, project_context
from conftest import MINIMAL_APP, Repo
from helpers import run
from mp_precheck.analyzers import REGISTRY
from mp_precheck.core.analysis import run_analyzers

CONF_JS = "module.exports = {\n  extApi: []\n}\n"
MODAL = """Page({
  onShow() { this.askAgree() },
  askAgree() {
    ft.showModal({
      title: '提示', content: '请同意协议', showCancel: false,
      success: () => { this.askAgree() }
    })
  },
})
"""
UNI = {"pages.json": '{ "pages": [ { "path": "pages/index/index" }, { "path": "pages/chat/chat" } ] }\n',
       "manifest.json": "{}\n", "App.vue": "<script>export default {}</script>\n",
       "pages/index/index.vue": "<template><view>home</view></template>\n",
       "pages/chat/chat.vue": "<template><view>chat</view></template>\n"}


def _rules(repo: Repo, base: str, prefix: str) -> set[tuple[str, str, int]]:
    return {(f.rule, f.path, f.line) for f in run(repo.path, base).findings if f.rule.startswith(prefix)}


# -- FinClip's ft in the analyzers' own reads ---------------------------------------------------------------------
def test_a_finclip_page_s_modal_on_ft_that_comes_back_is_a_blocking_modal(tmp_path):
    repo = Repo(tmp_path / "repo")
    repo.write_files({**MINIMAL_APP, "FinClipConf.js": CONF_JS})
    base = repo.commit("base")
    repo.write("pages/me/me.js", MODAL)
    repo.commit("agree")
    assert _rules(repo, base, "policy.blocking") == {("policy.blocking_modal", "pages/me/me.js", 4)}


def test_a_page_s_own_ft_helper_shows_no_wechat_modal(tmp_path):
    repo = Repo(tmp_path / "repo")
    repo.write_files({**MINIMAL_APP, "FinClipConf.js": CONF_JS, "utils/dialog.js": "module.exports = {}\n"})
    base = repo.commit("base")
    repo.write("pages/me/me.js", "const ft = require('../../utils/dialog')\n" + MODAL)
    repo.commit("agree")
    assert _rules(repo, base, "policy.blocking") == set()


def test_a_finclip_vue_page_s_route_on_ft_to_an_unregistered_page_is_told(tmp_path):
    repo = Repo(tmp_path / "repo")
    repo.write_files({**UNI, "FinClipConf.js": CONF_JS})
    base = repo.commit("base")
    page = ("<template><view @tap=\"go\">more</view></template>\n<script>\nexport default { methods: {\n"
            "  go() { ft.navigateTo({ url: '/pages/ghost/ghost' }) } } }\n</script>\n")
    repo.write("pages/index/index.vue", page)
    repo.commit("a link")
    assert _rules(repo, base, "completeness.unregistered") == {
        ("completeness.unregistered_route", "pages/index/index.vue", 4)}
    repo.write("pages/index/index.vue", page.replace("go()", "go(ft)"))  # a handed-in router: no WeChat route
    repo.commit("the router's")
    assert _rules(repo, base, "completeness.unregistered") == set()


# -- uni-app blocks of other platforms in the share and user-content analyzers ------------------------------------
SHARE_PAGE = """<template>
  <view>
    <view>每邀请一位好友，你可获得50积分</view>
    <!-- #ifdef COND -->
    <view class="share-sheet">
      <view>微信好友</view>
      <view>朋友圈</view>
    </view>
    <!-- #endif -->
  </view>
</template>
<script>
export default {}
</script>
"""


def _shared(cond: str) -> list[tuple[str, int]]:
    context = project_context({**{k: v for k, v in UNI.items() if not k.startswith("pages/")},
                               "pages/me/me.vue": SHARE_PAGE.replace("COND", cond)})
    wording = finding("sharing.induced_share", "text:share-inducement", "pages/me/me.vue", 3)
    analyzers = dict(REGISTRY)
    out, errors = run_analyzers(context, [wording], [(name, analyzers[name]) for name in (
        "induced_sharing", "share_means", "share_targets", "share_callbacks")])
    assert errors == []
    return [(f.rule, f.line) for f in out]


def test_a_share_panel_only_the_h5_build_shows_is_no_way_to_share_on_wechat():
    # reward wording on a page WeChat users cannot share from: the wording is told on its own
    assert _shared("H5") == [("sharing.share_reward_text", 3)]


def test_a_share_panel_of_the_wechat_build_is_where_the_page_shares():
    assert _shared("MP-WEIXIN") == [("sharing.induced_share", 3)]


CHAT_PAGE = """<template>
  <view>
    <view v-for="m in messages" :key="m.id">{{ m.content }}</view>
    <input v-model="text" confirm-type="send" @confirm="send" />
  </view>
</template>
<script>
export default {
  data() { return { text: '', messages: [] } },
  onLoad() {
    this.socket = uni.connectSocket({ url: 'wss://im.example.com/ws', complete() {} })
    this.socket.onMessage((res) => { this.messages.push(JSON.parse(res.data)) })
  },
  methods: {
    send() {
      // #ifdef COND
      this.socket.send({ data: JSON.stringify({ content: this.text }) })
      // #endif
    }
  }
}
</script>
"""


def _chat(tmp_path, cond: str) -> set[tuple[str, str, int]]:
    repo = Repo(tmp_path / cond)
    repo.write_files(UNI)
    base = repo.commit("base")
    repo.write("pages/chat/chat.vue", CHAT_PAGE.replace("COND", cond))
    repo.commit("chat")
    return {(f.rule, f.path, f.line) for f in run(repo.path, base).findings
            if f.rule in ("category.ugc", "upload.user_text")}


def test_a_chat_message_only_the_h5_build_sends_is_no_post_on_wechat(tmp_path):
    assert _chat(tmp_path, "H5") == set()


def test_a_chat_message_the_wechat_build_sends_is_a_post(tmp_path):
    assert _chat(tmp_path, "MP-WEIXIN") == {("category.ugc", "pages/chat/chat.vue", 11),
                                            ("upload.user_text", "pages/chat/chat.vue", 11)}
