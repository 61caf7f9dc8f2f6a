"""Text a user sends by paths the readers did not follow: a chat page's send through a method of an API client
object whose own name is the transport's (``ThreadApi.sendMsg``: the method says what, the object where), and a
uni-app page whose file's letter case differs from its route (built on a disk that ignores case, it is the page)."""

from __future__ import annotations

import pytest

from helpers import places, run
from mp_precheck.core.scenes import scenes
from test_frameworks import UNI_BASE

CLIENT = """class Http {
  post(url, data) {
    return new Promise((resolve) => wx.request({ url: 'https://api.example.com' + url, method: 'POST', data,
      success: resolve }))
  }
}
const http = new Http()
const ThreadApi = {
  openThread(peer) { return http.post('/thread/open', { peer }) },
  listMsgs(id) { return http.post('/thread/list', { id }) },
  sendMsg(payload) { return http.post('/thread/say', payload) },
}
module.exports = { ThreadApi }
"""
TALK_WXML = """<view class="talk">
  <view wx:for="{{items}}">{{item.text}}</view>
  <textarea value="{{draft}}" bindinput="onDraft" />
  <button bindtap="say">发送</button>
</view>
"""


def _talk_js(say: str) -> str:
    return ("const { ThreadApi } = require('../../utils/client')\nPage({\n  data: { draft: '', peer: '', items: [] },\n"
            "  onLoad(q) { ThreadApi.openThread(q.peer) },\n"
            "  onDraft(e) { this.setData({ draft: e.detail.value }) },\n"
            "  async say() {\n    const text = this.data.draft.trim()\n"
            f"    await {say}\n  }},\n}})\n")


def _talk(app_repo, page: str, say: str) -> set[tuple[str, str, int]]:
    app_repo.write("utils/client.js", CLIENT)
    base = app_repo.commit("base")
    app_repo.write_files({f"{page}.wxml": TALK_WXML, f"{page}.js": _talk_js(say)})
    app_repo.commit("the page")
    report = run(app_repo.path, base)
    return places(report, "category") | places(report, "upload")


def test_a_chat_send_through_an_api_client_object_is_told_at_the_send_carrying_the_text(app_repo):
    assert _talk(app_repo, "pages/conversation/index", "ThreadApi.sendMsg({ peer: this.data.peer, text })") == {
        ("upload.user_text", "pages/conversation/index.js", 8), ("category.ugc", "pages/conversation/index.js", 8)}


@pytest.mark.parametrize(("page", "say"), [
    # the client's method only lists the conversation: nothing is sent
    ("pages/conversation/index", "ThreadApi.listMsgs(this.data.peer)"),
    # the same send to customer service: the operator is the counterpart
    ("pages/kefu/conversation", "ThreadApi.sendMsg({ peer: this.data.peer, text })"),
])
def test_no_chat_finding_for_a_client_object_read_or_a_send_to_the_operator(app_repo, page, say):
    assert _talk(app_repo, page, say) == set()


@pytest.mark.parametrize(("name", "sends"), [
    ("ThreadApi.sendMsg", True),
    ("MsgService.createMessage", True),
    ("ThreadApi.listMsgs", False),  # a read
    ("msgApi.post", False),  # the transport's own call names nothing
    ("chatApi.request", False),
])
def test_an_api_client_object_method_is_named_by_the_method(name, sends):
    assert scenes().sends_message(name, ()) is sends


ROOM = ("<template>\n  <view>\n    <textarea v-model=\"reply\" />\n    <button @click=\"post\">回复</button>\n"
        "  </view>\n</template>\n<script>\nexport default {\n  data() { return { reply: '' } },\n  methods: {\n"
        "    post() { uni.request({ url: 'https://api.club-example.cn/topic/reply', method: 'POST',"
        " data: { content: this.reply } }) },\n  },\n}\n</script>\n")


@pytest.mark.parametrize(("route", "expected"), [
    # the route names the file in another letter case: on the developer's disk it is that page
    ("pages/topic/roomView", {("upload.user_text", "src/pages/topic/roomVIew.vue", 11)}),
    # no route names it in any case: a file the build never takes
    ("pages/topic/roomList", set()),
])
def test_a_uni_app_page_file_named_in_another_letter_case_is_the_registered_page(repo, route, expected):
    repo.write_files({**UNI_BASE})
    base = repo.commit()
    pages = '{"pages": [{"path": "pages/index/index"}, {"path": "ROUTE"}]}'.replace("ROUTE", route)
    repo.write_files({"src/pages.json": pages,
                      "src/pages/topic/roomVIew.vue": ROOM})
    repo.commit()
    assert places(run(repo.path, base), "upload") == expected
