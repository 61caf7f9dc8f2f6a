"""What a call is named after its transport says nothing of what it sends: a helper named for its HTTP method and
transport (``httpPost``) posts no comment by that name, and a client object named after its transport
(``TalkAPI.sendMessage``) still calls a method that says it sends a message. A management section's form is the
operator's content, not a user's post."""

from __future__ import annotations

import pytest

from helpers import places, register_pages, run

NET = """function httpPost(url, data) {
  return new Promise((ok) => wx.request({ url: 'https://api.example.com' + url, method: 'POST', data, success: ok }))
}
module.exports = { httpPost }
"""
TEAM_WXML = '<view>\n  <input type="text" value="{{title}}" bindinput="onTitle" placeholder="名称"/>\n' \
            '  <view bindtap="save">保存</view>\n</view>\n'


def _team_js(endpoint: str) -> str:
    return ("const net = require('../../utils/net.js')\nPage({\n  data: { title: '' },\n"
            "  onTitle(e) { this.setData({ title: e.detail.value }) },\n"
            f"  save() {{ net.httpPost('{endpoint}', {{ title: this.data.title }}) }}\n"
            "})\n")


def _ugc_of_new_page(app_repo, page: str, files: dict[str, str], base_files: dict[str, str]):
    app_repo.write_files(base_files)
    base = app_repo.commit("base")
    app_repo.write_files({f"{page}{suffix}": text for suffix, text in files.items()})
    register_pages(app_repo)
    app_repo.commit("head")
    report = run(app_repo.path, base)
    return places(report, "category") | places(report, "upload")


def test_a_one_line_box_sent_through_a_helper_named_for_its_http_method_is_no_comment(app_repo):
    found = _ugc_of_new_page(app_repo, "pages/team/new", {".wxml": TEAM_WXML, ".js": _team_js("/team/open")},
                             {"utils/net.js": NET})
    assert found == set()


def test_a_one_line_box_that_helper_posts_to_a_comment_endpoint_is_a_comment(app_repo):
    found = _ugc_of_new_page(app_repo, "pages/team/new", {".wxml": TEAM_WXML, ".js": _team_js("/team/add_comment")},
                             {"utils/net.js": NET})
    assert found == {("upload.user_text", "pages/team/new.js", 5), ("category.ugc", "pages/team/new.js", 5)}


# the client's methods go through a shared instance of a class the readers do not follow
TALK_API = """class Client {
  static shared() { if (!Client.one) Client.one = new Client(); return Client.one }
  post(path, data) {
    return new Promise((ok) => wx.request({ url: 'https://api.example.com' + path, method: 'POST', data, success: ok }))
  }
}
const client = Client.shared()
const TalkAPI = {
  sendMessage(data) { return client.post('/talk', data) },
}
module.exports = { TalkAPI }
"""
TALK_WXML = '<view>\n  <view wx:for="{{list}}">{{item.content}}</view>\n' \
            '  <textarea value="{{draft}}" bindinput="onDraft"/>\n  <view bindtap="send">发送</view>\n' \
            '  <view bindtap="sendPhoto">图片</view>\n</view>\n'
TALK_BASE = """const { TalkAPI } = require('../../utils/talk.js')
Page({
  data: { draft: '', list: [] },
  onDraft(e) { this.setData({ draft: e.detail.value }) },
  send() { TalkAPI.sendMessage({ content: this.data.draft }) },
})
"""
def test_a_conversation_that_sent_text_through_a_transport_named_client_is_no_new_chat(app_repo):
    app_repo.write_files({"utils/talk.js": TALK_API, "pages/chat/room.wxml": TALK_WXML, "pages/chat/room.js": TALK_BASE})
    base = app_repo.commit("base")
    app_repo.write("pages/chat/room.js", TALK_BASE.replace(
        "  send() {", "  sendPhoto() { TalkAPI.sendMessage({ kind: 'picture', content: '[图片消息]' }) },\n  send() {"))
    app_repo.commit("head")
    # the text messages were sent before: the picture messages the change adds are no new conversation
    assert places(run(app_repo.path, base), "category") == set()


def test_a_new_conversation_through_a_transport_named_client_is_a_chat(app_repo):
    found = _ugc_of_new_page(app_repo, "pages/chat/room", {".wxml": TALK_WXML, ".js": TALK_BASE},
                             {"utils/talk.js": TALK_API})
    assert ("category.ugc", "pages/chat/room.js", 5) in found


NOTICE_WXML = '<view>\n  <textarea value="{{body}}" bindinput="onBody" placeholder="内容"/>\n' \
              '  <view bindtap="save">发布</view>\n</view>\n'
NOTICE_JS = """Page({
  data: { body: '' },
  onBody(e) { this.setData({ body: e.detail.value }) },
  save() { wx.cloud.callFunction({ name: 'noticeAdd', data: { body: this.data.body } }) },
})
"""


@pytest.mark.parametrize(("page", "told"), [
    ("pages/management/notice/edit", False),  # the operator's management section writes its own notices
    ("pages/notice/edit", True),  # the same form elsewhere is a user's post
])
def test_a_management_sections_form_is_the_operators(app_repo, page, told):
    found = _ugc_of_new_page(app_repo, page, {".wxml": NOTICE_WXML, ".js": NOTICE_JS}, {})
    assert (("category.ugc", f"{page}.js", 4) in found) is told


def test_a_new_conversation_is_told_at_the_send_that_carries_its_text(app_repo):
    api = TALK_API.replace("  sendMessage(data)", "  createConversation(peer) { return client.post('/talk/open', { peer }) },\n"
                                                   "  sendMessage(data)")
    script = TALK_BASE.replace("  send() {", "  onLoad() { TalkAPI.createConversation(7) },\n  send() {")
    found = _ugc_of_new_page(app_repo, "pages/chat/room", {".wxml": TALK_WXML, ".js": script}, {"utils/talk.js": api})
    # the conversation is opened on load (line 5) and the typed text goes out by sendMessage (line 6)
    assert {f for f in found if f[0] == "category.ugc"} == {("category.ugc", "pages/chat/room.js", 6)}
